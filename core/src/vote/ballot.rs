//! Ballots as cast, and the rules that accept or reject each one.

use foldhash::fast::FixedState;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

use super::election::{Election, Method};

/// One position on a ranked ballot.
///
/// On the wire a rank is a candidate id (`"a"`), or a list of ids marked at the same rank
/// (`["a", "b"]`: an equal ranking where the method allows it, an overvote otherwise), or an
/// empty list (`[]`: a rank left blank, i.e. skipped).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Rank {
    /// One candidate at this rank.
    One(String),
    /// Several candidates at this rank (or none: a skipped rank).
    Several(Vec<String>),
}

impl Rank {
    /// The candidates marked at this rank.
    pub fn candidates(&self) -> &[String] {
        match self {
            Rank::One(id) => std::slice::from_ref(id),
            Rank::Several(ids) => ids,
        }
    }
}

/// One ballot as cast, or a group of identical anonymous ballots (`count`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// The voter, when ballots are checked against a roll or for double voting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voter: Option<String>,
    /// Ranked (or single) choice, best first: used by `plurality` (one rank, one candidate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Vec<Rank>>,
    /// Approved candidates, in any order: used by `approval`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approve: Option<Vec<String>>,
    /// Scores per candidate id: used by `score`, `star` and `majority_judgment` (grades).
    /// A candidate left out gets the range's minimum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<std::collections::BTreeMap<String, i64>>,
    /// How many identical ballots this entry stands for (default 1; not with `voter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

impl Ballot {
    /// How many ballots this entry stands for.
    pub fn weight(&self) -> u64 {
        self.count.unwrap_or(1)
    }
}

/// Why a ballot was not counted. The codes are stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RejectionCode {
    /// The election has a roll and the ballot names no voter.
    MissingVoter,
    /// The voter is not on the roll.
    NotOnRoll,
    /// The voter already cast a ballot; the first one cast is the one considered.
    DuplicateVoter,
    /// The ballot marks nothing.
    EmptyBallot,
    /// The ballot names a candidate that is not standing.
    UnknownCandidate,
    /// The ballot names the same candidate twice.
    DuplicateChoice,
    /// The ballot marks more candidates than allowed.
    TooManyChoices,
    /// The ballot is of the wrong kind for the method (e.g. `approve` in a plurality count).
    WrongBallotKind,
    /// A score lies outside the election's score range.
    ScoreOutOfRange,
}

impl RejectionCode {
    /// Stable snake_case code, as on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            RejectionCode::MissingVoter => "missing_voter",
            RejectionCode::NotOnRoll => "not_on_roll",
            RejectionCode::DuplicateVoter => "duplicate_voter",
            RejectionCode::EmptyBallot => "empty_ballot",
            RejectionCode::UnknownCandidate => "unknown_candidate",
            RejectionCode::DuplicateChoice => "duplicate_choice",
            RejectionCode::TooManyChoices => "too_many_choices",
            RejectionCode::WrongBallotKind => "wrong_ballot_kind",
            RejectionCode::ScoreOutOfRange => "score_out_of_range",
        }
    }
}

/// Up to this many candidates, a candidate id is found by comparing it with each id in turn.
const SCAN_CANDIDATES: usize = 24;

/// Checks ballots one by one, remembering who has voted.
pub(crate) struct BallotChecker<'e> {
    election: &'e Election,
    /// The candidate ids in order, searched directly when they are few (faster than hashing).
    ids: Vec<&'e str>,
    index_of: HashMap<&'e str, usize, FixedState>,
    roll: Option<HashSet<&'e str, FixedState>>,
    voted: HashSet<String, FixedState>,
}

impl<'e> BallotChecker<'e> {
    pub(crate) fn new(election: &'e Election) -> Self {
        let index_of = election
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id(), i))
            .collect();
        let roll = election
            .roll
            .as_ref()
            .map(|roll| roll.iter().map(String::as_str).collect());
        BallotChecker {
            election,
            ids: election.candidates.iter().map(|c| c.id()).collect(),
            index_of,
            roll,
            voted: HashSet::default(),
        }
    }

    /// The index of a candidate id, if it is standing.
    pub(crate) fn index_of(&self, id: &str) -> Option<usize> {
        if self.ids.len() <= SCAN_CANDIDATES {
            return self.ids.iter().position(|c| *c == id);
        }
        self.index_of.get(id).copied()
    }

    /// The voters who have used up their vote so far, sorted.
    pub(crate) fn voted(&self) -> Vec<String> {
        let mut voted: Vec<String> = self.voted.iter().cloned().collect();
        voted.sort_unstable();
        voted
    }

    /// The roll and double-voting checks alone (for methods that read other ballot kinds).
    pub(crate) fn check_voter(&mut self, ballot: &Ballot) -> Result<(), RejectionCode> {
        if let Some(roll) = &self.roll {
            match &ballot.voter {
                None => return Err(RejectionCode::MissingVoter),
                Some(voter) if !roll.contains(voter.as_str()) => {
                    return Err(RejectionCode::NotOnRoll)
                }
                Some(_) => {}
            }
        }
        if let Some(voter) = &ballot.voter {
            if !self.voted.insert(voter.clone()) {
                return Err(RejectionCode::DuplicateVoter);
            }
        }
        Ok(())
    }

    /// The candidate indices the ballot marks, or why it is rejected.
    ///
    /// Checks run in a fixed order: ballot kind, roll, double voting, emptiness, unknown
    /// candidates, repeated choices, number of choices. A voter's first ballot uses up their
    /// vote even when it is rejected for its content, as a cast paper ballot would.
    pub(crate) fn check(&mut self, ballot: &Ballot) -> Result<Vec<usize>, RejectionCode> {
        let flattened: Vec<&String>;
        let marks: &[&String] = match (self.election.method, &ballot.ranking, &ballot.approve) {
            (Method::Plurality, Some(ranks), None) if ballot.scores.is_none() => {
                flattened = ranks.iter().flat_map(Rank::candidates).collect();
                &flattened
            }
            (method, None, Some(ids))
                if (method == Method::Approval || method.is_committee())
                    && ballot.scores.is_none() =>
            {
                flattened = ids.iter().collect();
                &flattened
            }
            (_, None, None) if ballot.scores.is_none() => return Err(RejectionCode::EmptyBallot),
            _ => return Err(RejectionCode::WrongBallotKind),
        };
        if let Some(roll) = &self.roll {
            match &ballot.voter {
                None => return Err(RejectionCode::MissingVoter),
                Some(voter) if !roll.contains(voter.as_str()) => {
                    return Err(RejectionCode::NotOnRoll)
                }
                Some(_) => {}
            }
        }
        if let Some(voter) = &ballot.voter {
            if !self.voted.insert(voter.clone()) {
                return Err(RejectionCode::DuplicateVoter);
            }
        }
        if marks.is_empty() {
            return Err(RejectionCode::EmptyBallot);
        }
        let mut chosen = Vec::with_capacity(marks.len());
        for mark in marks.iter() {
            let index = *self
                .index_of
                .get(mark.as_str())
                .ok_or(RejectionCode::UnknownCandidate)?;
            chosen.push(index);
        }
        let mut distinct = chosen.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() != chosen.len() {
            return Err(RejectionCode::DuplicateChoice);
        }
        if chosen.len() > self.election.choice_limit() {
            return Err(RejectionCode::TooManyChoices);
        }
        Ok(chosen)
    }
}
