//! Ballots as cast, and the rules that accept or reject each one.

use foldhash::fast::FixedState;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use super::ballot_box::{BallotBox, EntryView, Voters, UNKNOWN};
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

/// Checks the entries of a [`BallotBox`] one by one, remembering who has voted.
pub(crate) struct BallotChecker<'e> {
    election: &'e Election,
    /// For each voter of the box, whether they are on the roll (no roll: `None`).
    on_roll: Option<Vec<bool>>,
    /// For each voter of the box, whether they have used up their vote.
    voted: Vec<bool>,
    /// The box's voter ids, for [`BallotChecker::voted`].
    voters: &'e Voters,
}

impl<'e> BallotChecker<'e> {
    pub(crate) fn new(election: &'e Election, ballots: &'e BallotBox) -> Self {
        let voters = ballots.voters();
        let on_roll = election.roll.as_ref().map(|roll| {
            let roll: HashSet<&str, FixedState> = roll.iter().map(String::as_str).collect();
            (0..voters.len())
                .map(|v| roll.contains(voters.get(u32::try_from(v).unwrap_or(u32::MAX))))
                .collect()
        });
        BallotChecker {
            election,
            on_roll,
            voted: vec![false; voters.len()],
            voters,
        }
    }

    /// The voters who have used up their vote so far, sorted.
    pub(crate) fn voted(&self) -> Vec<String> {
        let mut voted: Vec<String> = (0..self.voted.len())
            .filter(|&v| self.voted.get(v).copied().unwrap_or(false))
            .filter_map(|v| u32::try_from(v).ok())
            .map(|v| self.voters.get(v).to_owned())
            .collect();
        crate::sort::sort(&mut voted);
        voted
    }

    /// The roll and double-voting checks alone (for methods that read other ballot kinds).
    pub(crate) fn check_voter(&mut self, entry: &EntryView<'_>) -> Result<(), RejectionCode> {
        let voter = entry.voter.map(|v| v as usize);
        if let Some(on_roll) = &self.on_roll {
            match voter {
                None => return Err(RejectionCode::MissingVoter),
                Some(v) if !on_roll.get(v).copied().unwrap_or(false) => {
                    return Err(RejectionCode::NotOnRoll)
                }
                Some(_) => {}
            }
        }
        if let Some(voted) = voter.and_then(|v| self.voted.get_mut(v)) {
            if std::mem::replace(voted, true) {
                return Err(RejectionCode::DuplicateVoter);
            }
        }
        Ok(())
    }

    /// The candidate indices a plurality, approval or committee entry marks, or why it is
    /// rejected.
    ///
    /// Checks run in a fixed order: ballot kind, roll, double voting, emptiness, unknown
    /// candidates, repeated choices, number of choices. A voter's first ballot uses up their
    /// vote even when it is rejected for its content, as a cast paper ballot would.
    pub(crate) fn check(&mut self, entry: &EntryView<'_>) -> Result<Vec<usize>, RejectionCode> {
        let chosen: Vec<u32> = match (self.election.method, &entry.ranking, &entry.approve) {
            (Method::Plurality, Some(ranks), None) if entry.scores.is_none() => {
                ranks.iter().flatten().copied().collect()
            }
            (method, None, Some(ids))
                if (method == Method::Approval || method.is_committee())
                    && entry.scores.is_none() =>
            {
                ids.to_vec()
            }
            (_, None, None) if entry.scores.is_none() => return Err(RejectionCode::EmptyBallot),
            _ => return Err(RejectionCode::WrongBallotKind),
        };
        self.check_voter(entry)?;
        if chosen.is_empty() {
            return Err(RejectionCode::EmptyBallot);
        }
        if chosen.contains(&UNKNOWN) {
            return Err(RejectionCode::UnknownCandidate);
        }
        let mut distinct = chosen.clone();
        crate::sort::sort(&mut distinct);
        distinct.dedup();
        if distinct.len() != chosen.len() {
            return Err(RejectionCode::DuplicateChoice);
        }
        if chosen.len() > self.election.choice_limit() {
            return Err(RejectionCode::TooManyChoices);
        }
        Ok(chosen.into_iter().map(|c| c as usize).collect())
    }
}
