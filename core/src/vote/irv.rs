//! Instant-runoff voting (`irv`), with RCTab's ballot rules and a round-by-round audit.
//!
//! Each round every valid ballot counts for its highest-ranked continuing candidate, or is
//! inactive for a cause ([`super::Inactive`]). The threshold is `floor(continuing / 2) + 1`
//! (raised to `minimum_vote_threshold` if that is higher); a candidate at or above it wins.
//! Otherwise candidates are eliminated, by the first of these that applies:
//! 1. the `undeclared_write_in` candidate, whenever it has votes (no one can win meanwhile);
//! 2. every candidate below `minimum_vote_threshold` (unless that is every candidate);
//! 3. with `batch_elimination`, every candidate who could not catch up even with all the
//!    votes of those below (RCTab's rule; used only when it removes at least two);
//! 4. the candidate with the fewest votes, a tie broken by `tie_break`.
//!
//! When two candidates are left and neither reaches the threshold (a tie, or a minimum vote
//! threshold), the one with more votes wins, a tie broken by `tie_break`. A tie the rules do
//! not settle stops the count: the result has no winner and `complete` is false.
//!
//! Result fields: `counts` holds each candidate's votes in the last round it took part in;
//! `ranking` is the winner, then the other candidates still in the count, then the eliminated
//! ones, latest first (equal votes in the same round form a tier).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::ballot_box::BallotBox;
use super::election::Election;
use super::error::TallyError;
use super::profile::Profile;
use super::ranked::{
    read_ballots, read_profile, step_at, Cause, Groups, RankedBallots, ReadRules, Step, CAUSES,
};
use super::result::{TallyResult, Tie, TieResolution};
use super::rounds::{round_number, Inactive, Round, RoundTie, Transfer};
use super::tiebreak::TieBreaker;
use crate::error::FieldPath;

/// What an overvote (several candidates marked at one rank) does to a ballot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OvervoteRule {
    /// The ballot becomes inactive (cause `overvote`) when the count reaches that rank.
    #[default]
    Exhaust,
    /// The rank is passed over and the next one read (an overvote at the last marked rank
    /// leaves the ballot `exhausted`).
    SkipToNext,
    /// Counts for the one marked candidate still continuing; inactive (`overvote`) when two or
    /// more of them continue; passed over when none does.
    ExhaustIfMultipleContinuing,
}

/// What a candidate ranked again does to a ballot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateRule {
    /// The repeated mark is ignored (the candidate is no longer continuing by then).
    #[default]
    Skip,
    /// The ballot becomes inactive (cause `repeated_ranking`) when the count reaches it.
    Exhaust,
}

/// Ballot-reading and elimination rules of `irv` (RCTab's rules). All fields are optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IrvOptions {
    /// Overvote rule (default `exhaust`).
    #[serde(default)]
    pub overvote: OvervoteRule,
    /// Most consecutive ranks a ballot may leave blank before a later mark; more exhausts it
    /// (cause `skipped_ranks`). `null` (default): any number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_skipped_ranks: Option<u32>,
    /// Rule for a candidate ranked twice (default `skip`).
    #[serde(default)]
    pub duplicate: DuplicateRule,
    /// Most ranks a ballot may use: a ballot marking a later rank is rejected
    /// (`too_many_choices`). `null` (default): no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rankings: Option<u32>,
    /// The id of the candidate that stands for undeclared write-ins: eliminated first whenever
    /// it has votes, never elected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undeclared_write_in: Option<String>,
    /// Eliminate at once every candidate who cannot catch up (default false).
    #[serde(default)]
    pub batch_elimination: bool,
    /// Keep eliminating after the winner is found until two candidates remain (default false).
    #[serde(default)]
    pub continue_until_two: bool,
    /// Candidates with fewer votes are eliminated together; the threshold is never below it
    /// (default 0: none).
    #[serde(default)]
    pub minimum_vote_threshold: u64,
}

impl IrvOptions {
    pub(crate) fn read_rules(&self) -> ReadRules {
        ReadRules {
            overvote: self.overvote,
            max_skipped_ranks: self.max_skipped_ranks,
            duplicate: self.duplicate,
            max_rankings: self.max_rankings,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Continuing,
    Elected,
    Eliminated,
}

/// Where a group of ballots goes next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// To this candidate, at the step starting at this code.
    Candidate(usize, usize),
    Inactive(Cause),
}

/// No group: the end of a pile.
const NONE: usize = usize::MAX;

/// Renders inactive totals.
pub(crate) fn inactive_of(values: &[u64; CAUSES]) -> Inactive {
    let get = |cause: Cause| values.get(cause as usize).copied().unwrap_or(0).to_string();
    Inactive {
        overvote: get(Cause::Overvote),
        skipped_ranks: get(Cause::SkippedRanks),
        repeated_ranking: get(Cause::RepeatedRanking),
        exhausted: get(Cause::Exhausted),
        undervote: get(Cause::Undervote),
        rounding: "0".to_owned(),
        final_round_surplus: None,
    }
}

/// Counts an `irv` election.
pub(crate) fn tally_irv(
    election: &Election,
    ballots: &BallotBox,
) -> Result<TallyResult, TallyError> {
    tally_irv_with(election, |rules| {
        read_ballots(election, ballots, rules, false)
    })
}

/// Counts an `irv` election over a compact profile.
pub(crate) fn tally_irv_profile(
    election: &Election,
    profile: &Profile,
) -> Result<TallyResult, TallyError> {
    tally_irv_with(election, |rules| read_profile(election, profile, rules))
}

/// Checks the options, reads the ballots with `read` and counts them.
pub(crate) fn tally_irv_with<'a>(
    election: &Election,
    read: impl FnOnce(&ReadRules) -> Result<RankedBallots<'a>, TallyError>,
) -> Result<TallyResult, TallyError> {
    let root = FieldPath::root("election");
    if election.stv.is_some() {
        return Err(TallyError::InvalidOption {
            path: root.field("stv").into(),
            message: "stv options given for an irv election".to_owned(),
        });
    }
    if election.seats != 1 {
        return Err(TallyError::InvalidSeats {
            path: root.field("seats").into(),
            seats: election.seats,
            candidates: election.candidates.len(),
        });
    }
    let options = election.irv.clone().unwrap_or_default();
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    let n = ids.len();
    let uwi = match &options.undeclared_write_in {
        None => None,
        Some(id) => {
            Some(
                ids.iter()
                    .position(|c| c == id)
                    .ok_or_else(|| TallyError::InvalidOption {
                        path: root.field("irv").field("undeclared_write_in").into(),
                        message: format!("{id:?} is not a candidate"),
                    })?,
            )
        }
    };
    if options.max_rankings == Some(0) {
        return Err(TallyError::InvalidOption {
            path: root.field("irv").field("max_rankings").into(),
            message: "max_rankings must be at least 1".to_owned(),
        });
    }
    let breaker = TieBreaker::new(election)?;
    let read = read(&options.read_rules())?;
    let cost = search_cost(read.groups.len(), n);
    let mut result = breaker.settle(cost, |breaker| {
        Ok(count_irv(election, &ids, &options, uwi, breaker, &read))
    })?;
    result.rejected = read.rejected;
    Ok(result)
}

/// The work of one elimination count, for the search of ties without effect.
pub(crate) fn search_cost(groups: usize, candidates: usize) -> u64 {
    u64::try_from(groups.saturating_add(1).saturating_mul(candidates)).unwrap_or(u64::MAX)
}

/// One count of the read ballots with `breaker` (`rejected` left empty).
fn count_irv(
    election: &Election,
    ids: &[&str],
    options: &IrvOptions,
    uwi: Option<usize>,
    breaker: &TieBreaker,
    read: &RankedBallots<'_>,
) -> TallyResult {
    let n = ids.len();
    let mut count = Count {
        ids,
        options,
        uwi,
        breaker,
        status: vec![Status::Continuing; n],
        groups: &read.groups,
        started: false,
        cursor: vec![0; read.groups.len()],
        head: vec![NONE; n],
        next: vec![NONE; read.groups.len()],
        tally: vec![0; n],
        inactive: [0; CAUSES],
        history: Vec::new(),
        rounds: Vec::new(),
        ties: Vec::new(),
        eliminated_order: Vec::new(),
        winner: None,
        complete: true,
    };
    count.run();
    let winners: Vec<String> = count.winner.iter().filter_map(|&w| name(ids, w)).collect();

    // counts: votes in the last round each candidate took part in.
    let mut counts = BTreeMap::new();
    for (c, id) in ids.iter().enumerate() {
        let last = count
            .history
            .iter()
            .rev()
            .find_map(|totals| totals.get(c).copied().flatten())
            .unwrap_or(0);
        counts.insert((*id).to_owned(), last);
    }
    let last_totals = count.history.last().cloned().unwrap_or_default();
    let mut ranking: Vec<Vec<String>> = Vec::new();
    if let Some(w) = count.winner {
        ranking.extend(name(ids, w).map(|id| vec![id]));
    }
    let mut still: Vec<usize> = (0..n)
        .filter(|&c| Some(c) != count.winner && count.status.get(c) != Some(&Status::Eliminated))
        .collect();
    crate::sort::sort_by_key(&mut still, |&c| {
        std::cmp::Reverse(last_totals.get(c).copied().flatten().unwrap_or(0))
    });
    push_tiers(&mut ranking, &still, ids, |c| {
        last_totals.get(c).copied().flatten()
    });
    for (round, batch) in count.eliminated_order.iter().rev() {
        let totals = count.history.get(*round).cloned().unwrap_or_default();
        let mut batch = batch.clone();
        crate::sort::sort_by_key(&mut batch, |&c| {
            std::cmp::Reverse(totals.get(c).copied().flatten().unwrap_or(0))
        });
        push_tiers(&mut ranking, &batch, ids, |c| {
            totals.get(c).copied().flatten()
        });
    }
    TallyResult {
        election: election.id.clone(),
        method: election.method,
        seats: election.seats,
        winners,
        ranking,
        counts,
        ballots: read.summary,
        rejected: Vec::new(),
        ties: count.ties,
        complete: count.complete,
        pairwise: None,
        strongest_paths: None,
        condorcet_winner: None,
        runoff: None,
        rounds: count.rounds,
        draw_seed: election.seed_record().ok().flatten().map(Box::new),
    }
}

fn name(ids: &[&str], c: usize) -> Option<String> {
    ids.get(c).map(|id| (*id).to_owned())
}

/// Appends `sorted` (already in order) as tiers of equal `value`.
fn push_tiers(
    ranking: &mut Vec<Vec<String>>,
    sorted: &[usize],
    ids: &[&str],
    value: impl Fn(usize) -> Option<u64>,
) {
    for tier in sorted.chunk_by(|&a, &b| value(a) == value(b)) {
        let mut members: Vec<usize> = tier.to_vec();
        crate::sort::sort(&mut members);
        ranking.push(members.iter().filter_map(|&c| name(ids, c)).collect());
    }
}

/// Votes moved out of each candidate (in order of first move): to each candidate (by index),
/// and to inactive. Only the candidates just eliminated lose votes, so the list is short.
type Moves = Vec<(usize, Vec<u64>, u64)>;

struct Count<'a> {
    ids: &'a [&'a str],
    options: &'a IrvOptions,
    uwi: Option<usize>,
    breaker: &'a TieBreaker,
    status: Vec<Status>,
    groups: &'a Groups<'a>,
    /// Whether the first round has placed every group.
    started: bool,
    /// Per group: where the step it counts at starts in its codes.
    cursor: Vec<usize>,
    /// The piles: `head[c]` is the first group counting for candidate `c`, `next[g]` the
    /// group after `g` in its pile ([`NONE`] ends a pile). Only the piles of candidates who
    /// stopped continuing are revisited.
    head: Vec<usize>,
    next: Vec<usize>,
    /// Current totals by candidate, and of inactive ballots by cause.
    tally: Vec<u64>,
    inactive: [u64; CAUSES],
    /// Totals of each round by candidate (`None`: not in that round).
    history: Vec<Vec<Option<u64>>>,
    rounds: Vec<Round>,
    ties: Vec<Tie>,
    /// (round index, candidates eliminated in it).
    eliminated_order: Vec<(usize, Vec<usize>)>,
    winner: Option<usize>,
    complete: bool,
}

impl Count<'_> {
    fn continuing(&self, c: usize) -> bool {
        match self.status.get(c) {
            Some(Status::Continuing) => true,
            Some(Status::Elected) => self.options.continue_until_two,
            _ => false,
        }
    }

    fn name(&self, c: usize) -> String {
        name(self.ids, c).unwrap_or_default()
    }

    /// Where the group with codes `codes` goes, reading from the code at `from`.
    fn target(&self, codes: &[u16], tail: Cause, mut at: usize) -> Target {
        while let Some((step, after)) = step_at(codes, at) {
            match step {
                Step::One(c) => {
                    if self.continuing(c) {
                        return Target::Candidate(c, at);
                    }
                }
                Step::Any(cs) => {
                    let mut live = cs
                        .iter()
                        .map(|&c| usize::from(c))
                        .filter(|&c| self.continuing(c));
                    match (live.next(), live.next()) {
                        (Some(c), None) => return Target::Candidate(c, at),
                        (Some(_), Some(_)) => return Target::Inactive(Cause::Overvote),
                        _ => {}
                    }
                }
            }
            at = after;
        }
        Target::Inactive(tail)
    }

    /// Moves group `g` to its next continuing candidate from the code at `at` (or makes it
    /// inactive), adding its weight there, and to `moved` (`(to by candidate, inactive)`).
    fn place(&mut self, g: usize, at: usize, moved: Option<&mut (Vec<u64>, u64)>) {
        let groups = self.groups;
        let Some((codes, weight, tail)) = groups.get(g) else {
            return;
        };
        match self.target(codes, tail, at) {
            Target::Candidate(c, at) => {
                if let Some(total) = self.tally.get_mut(c) {
                    *total = total.saturating_add(weight);
                }
                if let Some(slot) = self.cursor.get_mut(g) {
                    *slot = at;
                }
                if let (Some(head), Some(next)) = (self.head.get_mut(c), self.next.get_mut(g)) {
                    *next = *head;
                    *head = g;
                }
                if let Some((to, _)) = moved {
                    if let Some(to) = to.get_mut(c) {
                        *to = to.saturating_add(weight);
                    }
                }
            }
            Target::Inactive(cause) => {
                if let Some(total) = self.inactive.get_mut(cause as usize) {
                    *total = total.saturating_add(weight);
                }
                if let Some((_, exhausted)) = moved {
                    *exhausted = exhausted.saturating_add(weight);
                }
            }
        }
    }

    /// Brings every group to its current candidate: in the first round every group from its
    /// first step, later only the piles of candidates who stopped continuing, each group
    /// from the step after the one it counted at. Returns totals, inactive and transfers.
    fn distribute(&mut self) -> (Vec<u64>, [u64; CAUSES], Moves) {
        let n = self.ids.len();
        let mut moves: Moves = Vec::new();
        let groups = self.groups;
        if !self.started {
            self.started = true;
            for g in 0..self.groups.len() {
                self.place(g, 0, None);
            }
        } else {
            for c in 0..n {
                let first = self.head.get(c).copied().unwrap_or(NONE);
                if first == NONE || self.continuing(c) {
                    continue;
                }
                if let Some(head) = self.head.get_mut(c) {
                    *head = NONE;
                }
                if let Some(total) = self.tally.get_mut(c) {
                    *total = 0;
                }
                let mut moved = (vec![0u64; n], 0u64);
                let mut g = first;
                while g != NONE {
                    let after = self.next.get(g).copied().unwrap_or(NONE);
                    let (codes, _, _) = groups.get(g).unwrap_or((&[], 0, Cause::Exhausted));
                    let at = self.cursor.get(g).copied().unwrap_or(0);
                    let resume = step_at(codes, at).map_or(at, |(_, next)| next);
                    self.place(g, resume, Some(&mut moved));
                    g = after;
                }
                moves.push((c, moved.0, moved.1));
            }
        }
        (self.tally.clone(), self.inactive, moves)
    }

    fn run(&mut self) {
        let n = self.ids.len();
        // Each round elects or eliminates at least one candidate, or stops; the bound is a
        // guard against any unforeseen loop.
        let max_rounds = n.saturating_mul(2).saturating_add(4);
        for round_index in 0..max_rounds {
            let (tally, inactive, moves) = self.distribute();
            // Transfers belong to the previous round, whose eliminations caused them.
            if let Some(previous) = self.rounds.last_mut() {
                let order: Vec<usize> = self
                    .eliminated_order
                    .last()
                    .map(|(_, batch)| batch.clone())
                    .unwrap_or_default();
                for from in order {
                    if let Some((_, to, exhausted)) = moves.iter().find(|m| m.0 == from) {
                        previous.transfers.push(Transfer {
                            from: name(self.ids, from).unwrap_or_default(),
                            to: to
                                .iter()
                                .enumerate()
                                .filter(|(_, v)| **v > 0)
                                .map(|(c, v)| {
                                    (name(self.ids, c).unwrap_or_default(), v.to_string())
                                })
                                .collect(),
                            exhausted: exhausted.to_string(),
                            residual: None,
                        });
                    }
                }
            }
            let in_count: Vec<usize> = (0..n).filter(|&c| self.continuing(c)).collect();
            let totals: Vec<Option<u64>> = (0..n)
                .map(|c| {
                    self.continuing(c)
                        .then(|| tally.get(c).copied().unwrap_or(0))
                })
                .collect();
            let votes = |c: usize| tally.get(c).copied().unwrap_or(0);
            let continuing_total: u64 = in_count.iter().map(|&c| votes(c)).sum();
            let threshold = (continuing_total / 2)
                .saturating_add(1)
                .max(self.options.minimum_vote_threshold);
            let mut round = Round {
                round: round_number(round_index),
                tally: in_count
                    .iter()
                    .map(|&c| (self.name(c), votes(c).to_string()))
                    .collect(),
                threshold: threshold.to_string(),
                elected: Vec::new(),
                eliminated: Vec::new(),
                transfers: Vec::new(),
                inactive: inactive_of(&inactive),
                continuing: continuing_total.to_string(),
                ties: Vec::new(),
            };
            let history_before = self.history.clone();
            self.history.push(totals);

            // Winner.
            let uwi_live = self.uwi.is_some_and(|u| self.continuing(u) && votes(u) > 0);
            let mut elected_now = None;
            if self.winner.is_none() && !uwi_live {
                let electable: Vec<usize> = in_count
                    .iter()
                    .copied()
                    .filter(|&c| Some(c) != self.uwi)
                    .collect();
                let over: Vec<usize> = electable
                    .iter()
                    .copied()
                    .filter(|&c| votes(c) >= threshold)
                    .collect();
                if in_count.len() == 1 {
                    elected_now = electable.first().copied();
                } else if let Some(&top) = over
                    .iter()
                    .max_by_key(|&&c| (votes(c), std::cmp::Reverse(c)))
                {
                    elected_now = Some(top);
                } else if in_count.len() == 2
                    && in_count
                        .iter()
                        .all(|&c| votes(c) >= self.options.minimum_vote_threshold)
                {
                    let max = electable.iter().map(|&c| votes(c)).max().unwrap_or(0);
                    let top: Vec<usize> = electable
                        .iter()
                        .copied()
                        .filter(|&c| votes(c) == max)
                        .collect();
                    if top.len() > 1 {
                        let (pick, resolution) =
                            self.breaker.pick(&top, false, &history_before, self.ids);
                        self.record_tie(&mut round, &top, max, "election", 1, resolution);
                        match pick {
                            Some(p) => elected_now = Some(p),
                            None => {
                                self.complete = false;
                                self.rounds.push(round);
                                return;
                            }
                        }
                    } else {
                        elected_now = top.first().copied();
                    }
                }
            }
            if let Some(w) = elected_now {
                self.winner = Some(w);
                if let Some(s) = self.status.get_mut(w) {
                    *s = Status::Elected;
                }
                round.elected.push(self.name(w));
                self.rounds.push(round);
                if self.options.continue_until_two && in_count.len() > 2 {
                    continue;
                }
                return;
            }
            if self.winner.is_some() && !(self.options.continue_until_two && in_count.len() > 2) {
                self.rounds.push(round);
                return;
            }

            // Elimination.
            let eligible: Vec<usize> = in_count
                .iter()
                .copied()
                .filter(|&c| Some(c) != self.winner)
                .collect();
            if eligible.is_empty() {
                self.complete = false;
                self.rounds.push(round);
                return;
            }
            let mut eliminated: Vec<usize> = Vec::new();
            if let Some(u) = self.uwi.filter(|_| uwi_live) {
                eliminated.push(u);
            }
            let minimum = self.options.minimum_vote_threshold;
            if eliminated.is_empty() && minimum > 0 {
                let below: Vec<usize> = eligible
                    .iter()
                    .copied()
                    .filter(|&c| votes(c) < minimum)
                    .collect();
                if below.len() < eligible.len() {
                    eliminated = below;
                }
            }
            if eliminated.is_empty() && self.options.batch_elimination {
                eliminated = self.batch(&eligible, &votes, in_count.len());
            }
            if eliminated.is_empty() {
                let min = eligible.iter().map(|&c| votes(c)).min().unwrap_or(0);
                let lowest: Vec<usize> = eligible
                    .iter()
                    .copied()
                    .filter(|&c| votes(c) == min)
                    .collect();
                if lowest.len() > 1 {
                    let (pick, resolution) =
                        self.breaker.pick(&lowest, true, &history_before, self.ids);
                    self.record_tie(&mut round, &lowest, min, "elimination", 0, resolution);
                    match pick {
                        Some(p) => eliminated.push(p),
                        None => {
                            self.complete = false;
                            self.rounds.push(round);
                            return;
                        }
                    }
                } else {
                    eliminated.extend(lowest.first().copied());
                }
            }
            for &c in &eliminated {
                if let Some(s) = self.status.get_mut(c) {
                    *s = Status::Eliminated;
                }
                round.eliminated.push(self.name(c));
            }
            self.eliminated_order.push((round_index, eliminated));
            self.rounds.push(round);
        }
        self.complete = false;
    }

    /// RCTab's batch elimination: sorted by votes, every candidate whose running total (with
    /// all those below) is under the next total cannot catch up.
    fn batch(
        &self,
        eligible: &[usize],
        votes: &impl Fn(usize) -> u64,
        in_count: usize,
    ) -> Vec<usize> {
        let mut sorted: Vec<usize> = eligible.to_vec();
        crate::sort::sort_by_key(&mut sorted, |&c| (votes(c), c));
        let mut running: u64 = 0;
        let mut seen: Vec<usize> = Vec::new();
        let mut eliminated: Vec<usize> = Vec::new();
        let mut previous: Vec<usize> = Vec::new();
        for tier in sorted.chunk_by(|&a, &b| votes(a) == votes(b)) {
            let tier_votes = tier.first().map(|&c| votes(c)).unwrap_or(0);
            if running < tier_votes && seen.len() > eliminated.len() {
                previous = eliminated.clone();
                eliminated = seen.clone();
            }
            running = running.saturating_add(tier_votes.saturating_mul(tier.len() as u64));
            seen.extend_from_slice(tier);
        }
        if self.options.continue_until_two && in_count.saturating_sub(eliminated.len()) < 2 {
            eliminated = previous;
        }
        if eliminated.len() > 1 {
            eliminated
        } else {
            Vec::new()
        }
    }

    fn record_tie(
        &mut self,
        round: &mut Round,
        tied: &[usize],
        votes: u64,
        purpose: &str,
        seats_at_stake: u32,
        resolution: TieResolution,
    ) {
        let mut sorted = tied.to_vec();
        crate::sort::sort(&mut sorted);
        let candidates: Vec<String> = sorted.iter().map(|&c| self.name(c)).collect();
        round.ties.push(RoundTie {
            candidates: candidates.clone(),
            votes: votes.to_string(),
            purpose: purpose.to_owned(),
            resolution: resolution.clone(),
        });
        self.ties.push(Tie {
            candidates,
            votes,
            seats_at_stake,
            resolution,
        });
    }
}
