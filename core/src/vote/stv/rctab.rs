//! RCTab's multi-winner count (`stv` rule `rctab`), as RCTab 2.0 counts a contest configured
//! with `winnerElectionMode: multiWinnerAllowMultipleWinnersPerRound`.
//!
//! - **Arithmetic**: fixed point with `decimals` places (RCTab's
//!   `decimalPlacesForVoteArithmetic`, default 4); every division and product truncates.
//! - **Threshold**, fixed from the first round's active votes `V` (votes counting for a
//!   candidate): `droop` `floor(V / (seats + 1)) + 1`, or with `fractional_threshold`
//!   `V / (seats + 1)` truncated to `decimals` places plus one unit of the last place (29 votes,
//!   3 seats: 8, or 7.2501); `hare` `V / seats` rounded up (to a whole vote, or to `decimals`).
//! - **Rounds**: every round each ballot counts for its highest-ranked continuing candidate,
//!   at its current value, read by the `irv` ballot rules (overvotes, skipped ranks, duplicates,
//!   maximum rankings; elected candidates are no longer continuing; as in RCTab 2.0, a ballot
//!   that runs out of rankings is `exhausted`, and only one marking nobody is an
//!   `undervote`). Then:
//!   - when the continuing candidates just fill the open seats, they are all elected;
//!   - else every continuing candidate at or above the threshold is elected (listed by most
//!     votes first; RCTab's report lists them in an internal order that can differ);
//!   - else, if seats are open, the continuing candidate with fewest votes is eliminated, a tie
//!     broken by `tie_break` (RCTab's `random`, candidate order, previous round counts…).
//! - **Surplus**: a candidate elected with `votes` over the threshold passes on the surplus
//!   fraction `f = (votes - threshold) / votes` (truncated). Each ballot it holds at value `v`
//!   moves on in the next round at `v × f` (truncated); the candidate keeps `v - v × f`. The
//!   next round shows the candidate at the threshold, and what it keeps above it is the
//!   *residual surplus* (`transfers[].residual`, summed over the count in `inactive.rounding`).
//! - **End**: after the last seat is filled, one more round moves the last surpluses; with
//!   every seat filled they go nowhere (`inactive.final_round_surplus`).
//!
//! The audit: `rounds[i].tally` is each continuing candidate's vote and each earlier winner's
//! kept vote; `transfers` are the votes moved at the start of the next round by the round's
//! elected or eliminated candidates. Every round, tallies plus inactive votes (by cause),
//! residual surplus and final round surplus equal the valid ballots exactly.
//!
//! Values are written as RCTab writes them (its `BigDecimal` scale): a value made only of
//! whole ballots is a whole number (`"6"`); once a surplus fraction has touched a ballot in
//! it, the value has `decimals` places (`"6.0000"`, `"7.2501"`). So are the threshold (whole,
//! or with `decimals` places under `fractional_threshold`), residual surpluses (`decimals`
//! places) and the running residual total (`"0"` until the first residual). RCTab's detailed
//! report ([`crate::formats::rctab_report`]) copies them.
//!
//! Not supported with this rule (rejected as `invalid_option`): the `irv` options
//! `undeclared_write_in`, `batch_elimination`, `continue_until_two` and
//! `minimum_vote_threshold`.

use std::collections::BTreeMap;

use super::{fixed, name, Quota, StvOptions};
use crate::error::FieldPath;
use crate::vote::election::Election;
use crate::vote::error::TallyError;
use crate::vote::ranked::{step_at, Cause, RankedBallots, ReadRules, Step, CAUSES};
use crate::vote::result::{TallyResult, Tie};
use crate::vote::rounds::{round_number, Inactive, Round, RoundTie, Transfer};
use crate::vote::tiebreak::TieBreaker;

/// Default decimal places (RCTab's default `decimalPlacesForVoteArithmetic`).
const DEFAULT_DECIMALS: u32 = 4;
/// Most decimal places: products of two values stay within `i128`.
const MAX_DECIMALS: u32 = 18;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Continuing,
    Elected,
    Eliminated,
}

/// Where a group of identical ballots stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holder {
    Start,
    /// Counting for candidate `index`; its next step starts at code `next`.
    Candidate {
        index: usize,
        next: usize,
    },
    Inactive(Cause),
    FinalSurplus,
}

/// A group of identical ballots, with the current value of each.
struct Group<'a> {
    codes: &'a [u16],
    tail: Cause,
    weight: i128,
    value: i128,
    /// Whether a surplus fraction has touched the value (RCTab's scale: `decimals` places).
    fractional: bool,
    holder: Holder,
}

/// A sum of ballot values, and whether a fractional value is among them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Amount {
    units: i128,
    fractional: bool,
}

impl Amount {
    fn add(&mut self, units: i128, fractional: bool) {
        self.units = self.units.saturating_add(units);
        self.fractional |= fractional;
    }
}

/// Votes moved out of one candidate: to each candidate, and to inactive.
#[derive(Default)]
struct Moved {
    to: BTreeMap<usize, Amount>,
    exhausted: Amount,
}

/// Checks the `rctab` options, reads the ballots with `read` and counts them.
pub(super) fn tally<'a>(
    election: &Election,
    options: &StvOptions,
    read: impl FnOnce(&ReadRules) -> Result<RankedBallots<'a>, TallyError>,
) -> Result<TallyResult, TallyError> {
    let root = FieldPath::root("election");
    let decimals = options.decimals.unwrap_or(DEFAULT_DECIMALS);
    if !(1..=MAX_DECIMALS).contains(&decimals) {
        return Err(TallyError::InvalidOption {
            path: root.field("stv").field("decimals").into(),
            message: format!("decimals must be from 1 to {MAX_DECIMALS}"),
        });
    }
    let irv = election.irv.clone().unwrap_or_default();
    let unsupported = [
        ("undeclared_write_in", irv.undeclared_write_in.is_some()),
        ("batch_elimination", irv.batch_elimination),
        ("continue_until_two", irv.continue_until_two),
        ("minimum_vote_threshold", irv.minimum_vote_threshold != 0),
    ];
    if let Some((field, _)) = unsupported.iter().find(|(_, set)| *set) {
        return Err(TallyError::InvalidOption {
            path: root.field("irv").field(field).into(),
            message: format!("{field} is not supported by the stv rule rctab"),
        });
    }
    if irv.max_rankings == Some(0) {
        return Err(TallyError::InvalidOption {
            path: root.field("irv").field("max_rankings").into(),
            message: "max_rankings must be at least 1".to_owned(),
        });
    }
    let breaker = TieBreaker::new(election)?;
    let read = read(&super::stv_read_rules(election))?;
    let cost = crate::vote::irv::search_cost(read.groups.len(), election.candidates.len());
    let mut result = breaker.settle(cost, |breaker| {
        Ok(count_rctab(election, options, decimals, breaker, &read))
    })?;
    result.rejected = read.rejected;
    Ok(result)
}

/// One count of the read ballots with `breaker` (`rejected` left empty).
fn count_rctab(
    election: &Election,
    options: &StvOptions,
    decimals: u32,
    breaker: &TieBreaker,
    read: &RankedBallots<'_>,
) -> TallyResult {
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    let scale = 10i128.pow(decimals);
    let groups: Vec<Group> = read
        .groups
        .iter()
        .map(|(codes, weight, tail)| Group {
            codes,
            tail,
            weight: i128::from(weight),
            value: scale,
            fractional: false,
            holder: Holder::Start,
        })
        .collect();
    let mut count = Count {
        ids: &ids,
        breaker,
        decimals,
        scale,
        seats: usize::try_from(election.seats).unwrap_or(usize::MAX),
        quota: options.quota,
        fractional: options.fractional_threshold,
        status: vec![Status::Continuing; ids.len()],
        groups,
        kept: vec![0; ids.len()],
        shown: vec![None; ids.len()],
        elected: Vec::new(),
        eliminated: Vec::new(),
        history: Vec::new(),
        rounds: Vec::new(),
        ties: Vec::new(),
        complete: true,
    };
    count.run();

    let n = ids.len();
    let counts = super::final_counts(&ids, &count.history, scale);
    let mut ranking: Vec<Vec<String>> =
        count.elected.iter().map(|&c| vec![name(&ids, c)]).collect();
    let last = count.history.last().cloned().unwrap_or_default();
    let mut rest: Vec<usize> = (0..n)
        .filter(|&c| count.status.get(c) == Some(&Status::Continuing))
        .collect();
    crate::sort::sort_by_key(&mut rest, |&c| {
        std::cmp::Reverse(last.get(c).copied().flatten().unwrap_or(0))
    });
    for tier in rest.chunk_by(|&a, &b| last.get(a) == last.get(b)) {
        ranking.push(tier.iter().map(|&c| name(&ids, c)).collect());
    }
    for &c in count.eliminated.iter().rev() {
        ranking.push(vec![name(&ids, c)]);
    }
    let complete = count.complete && count.elected.len() >= count.seats;
    TallyResult {
        election: election.id.clone(),
        method: election.method,
        seats: election.seats,
        winners: count.elected.iter().map(|&c| name(&ids, c)).collect(),
        ranking,
        counts,
        ballots: read.summary,
        rejected: Vec::new(),
        ties: count.ties,
        complete,
        pairwise: None,
        strongest_paths: None,
        condorcet_winner: None,
        runoff: None,
        rounds: count.rounds,
        draw_seed: election.seed_record().ok().flatten().map(Box::new),
    }
}

struct Count<'a> {
    ids: &'a [&'a str],
    breaker: &'a TieBreaker,
    decimals: u32,
    scale: i128,
    seats: usize,
    quota: Quota,
    fractional: bool,
    status: Vec<Status>,
    groups: Vec<Group<'a>>,
    /// The votes each elected candidate keeps (summed at its election).
    kept: Vec<i128>,
    /// The vote shown for each earlier winner (`None` until the round after its election).
    shown: Vec<Option<Amount>>,
    elected: Vec<usize>,
    eliminated: Vec<usize>,
    /// Each round's votes of the continuing candidates (for tie-breaks and `counts`).
    history: Vec<Vec<Option<i128>>>,
    rounds: Vec<Round>,
    ties: Vec<Tie>,
    complete: bool,
}

/// A round's count: candidate votes, inactive votes by cause, final round surplus, moves.
struct Tallied {
    votes: Vec<Amount>,
    inactive: [Amount; CAUSES],
    final_surplus: Amount,
    moves: BTreeMap<usize, Moved>,
}

impl Count<'_> {
    fn fixed(&self, value: i128) -> String {
        fixed(value, self.decimals)
    }

    /// An amount as RCTab writes it: whole unless a fractional value is in it.
    fn show(&self, amount: Amount) -> String {
        if amount.fractional || amount.units.checked_rem(self.scale).unwrap_or(0) != 0 {
            self.fixed(amount.units)
        } else {
            amount
                .units
                .checked_div(self.scale)
                .unwrap_or(0)
                .to_string()
        }
    }

    fn continuing(&self, c: usize) -> bool {
        self.status.get(c) == Some(&Status::Continuing)
    }

    /// Where a ballot reading on from code `start` lands.
    fn scan(&self, codes: &[u16], tail: Cause, start: usize) -> Holder {
        let mut at = start;
        while let Some((step, next)) = step_at(codes, at) {
            match step {
                Step::One(c) => {
                    if self.continuing(c) {
                        return Holder::Candidate { index: c, next };
                    }
                }
                Step::Any(cs) => {
                    let mut live = cs.iter().filter(|&&c| self.continuing(usize::from(c)));
                    match (live.next(), live.next()) {
                        (Some(&c), None) => {
                            return Holder::Candidate {
                                index: usize::from(c),
                                next,
                            }
                        }
                        (Some(_), Some(_)) => return Holder::Inactive(Cause::Overvote),
                        _ => {}
                    }
                }
            }
            at = next;
        }
        // RCTab 2.0: a ballot that runs out of rankings is exhausted, whatever ranks it left
        // blank; only a ballot with no ranking at all is an undervote.
        match tail {
            Cause::Undervote if !codes.is_empty() => Holder::Inactive(Cause::Exhausted),
            cause => Holder::Inactive(cause),
        }
    }

    /// Counts every ballot for its current holder, moving those whose candidate left.
    fn tally(&mut self) -> Tallied {
        let n = self.ids.len();
        let seats_filled = self.elected.len() >= self.seats;
        let mut out = Tallied {
            votes: vec![Amount::default(); n],
            inactive: [Amount::default(); CAUSES],
            final_surplus: Amount::default(),
            moves: BTreeMap::new(),
        };
        let mut groups = std::mem::take(&mut self.groups);
        for group in &mut groups {
            let amount = group.weight.saturating_mul(group.value);
            let fractional = group.fractional;
            let (from, start) = match group.holder {
                Holder::Candidate { index, next } if !self.continuing(index) => (Some(index), next),
                Holder::Start => (None, 0),
                _ => (None, usize::MAX),
            };
            if start != usize::MAX {
                group.holder = if seats_filled {
                    Holder::FinalSurplus
                } else {
                    self.scan(group.codes, group.tail, start)
                };
                if let Some(from) = from.filter(|_| group.value > 0) {
                    let moved = out.moves.entry(from).or_default();
                    match group.holder {
                        Holder::Candidate { index, .. } => {
                            moved.to.entry(index).or_default().add(amount, fractional);
                        }
                        _ => moved.exhausted.add(amount, fractional),
                    }
                }
            }
            let slot = match group.holder {
                Holder::Candidate { index, .. } => out.votes.get_mut(index),
                Holder::Inactive(cause) => out.inactive.get_mut(cause as usize),
                Holder::FinalSurplus => Some(&mut out.final_surplus),
                Holder::Start => None,
            };
            if let Some(slot) = slot {
                slot.add(amount, fractional);
            }
        }
        self.groups = groups;
        out
    }

    /// The threshold from the first round's active votes.
    fn threshold(&self, active: i128) -> i128 {
        let places = if self.fractional { self.decimals } else { 0 };
        let unit = 10i128.pow(self.decimals.saturating_sub(places)); // places <= decimals
        let seats = i128::try_from(self.seats).unwrap_or(i128::MAX);
        match self.quota {
            Quota::Droop => {
                let divisor = seats.saturating_add(1).saturating_mul(unit);
                active
                    .checked_div(divisor)
                    .unwrap_or(0)
                    .saturating_mul(unit)
                    .saturating_add(unit)
            }
            Quota::Hare => {
                let divisor = seats.saturating_mul(unit).max(1);
                let up = active
                    .saturating_add(divisor.saturating_sub(1))
                    .checked_div(divisor)
                    .unwrap_or(0);
                up.saturating_mul(unit)
            }
        }
    }

    fn run(&mut self) {
        let n = self.ids.len();
        let mut threshold = 0i128;
        // RCTab's threshold has `decimals` places only when fractional.
        let fractional_threshold = self.fractional;
        let threshold_amount = |units: i128| Amount {
            units,
            fractional: fractional_threshold,
        };
        let mut residual_total = 0i128;
        let mut won_last_round: Vec<usize> = Vec::new();
        let max_rounds = n.saturating_mul(2).saturating_add(4);
        for round_index in 0..max_rounds {
            if self.elected.len() >= self.seats && won_last_round.is_empty() {
                break;
            }
            let tallied = self.tally();
            if round_index == 0 {
                threshold = self.threshold(tallied.votes.iter().map(|v| v.units).sum());
            }
            // The winners of the last round now show the votes they keep, down to the
            // threshold; the rest is their residual surplus.
            let mut residuals: BTreeMap<usize, i128> = BTreeMap::new();
            for &w in &won_last_round {
                let kept = self.kept.get(w).copied().unwrap_or(0);
                let residual = kept.saturating_sub(threshold);
                let shown = if residual > 0 {
                    residuals.insert(w, residual);
                    residual_total = residual_total.saturating_add(residual);
                    threshold_amount(threshold)
                } else {
                    // The votes a winner keeps are fractions (RCTab: its ballots' allocations).
                    Amount {
                        units: kept,
                        fractional: true,
                    }
                };
                if let Some(slot) = self.shown.get_mut(w) {
                    *slot = Some(shown);
                }
            }
            let actions: Vec<usize> = match self.rounds.last() {
                Some(_) => won_last_round
                    .iter()
                    .copied()
                    .chain(
                        self.eliminated
                            .last()
                            .copied()
                            .filter(|_| won_last_round.is_empty()),
                    )
                    .collect(),
                None => Vec::new(),
            };
            let mut moves = tallied.moves;
            let transfers: Vec<Transfer> = actions
                .iter()
                .filter_map(|&from| {
                    let moved = moves.remove(&from).unwrap_or_default();
                    let residual = residuals.get(&from).copied();
                    if moved.to.is_empty() && moved.exhausted.units == 0 && residual.is_none() {
                        return None;
                    }
                    Some(Transfer {
                        from: name(self.ids, from),
                        to: moved
                            .to
                            .iter()
                            .filter(|(_, v)| v.units != 0)
                            .map(|(c, v)| (name(self.ids, *c), self.show(*v)))
                            .collect(),
                        exhausted: self.show(moved.exhausted),
                        residual: residual.map(|r| self.fixed(r)),
                    })
                })
                .collect();
            if let Some(previous) = self.rounds.last_mut() {
                previous.transfers = transfers;
            }

            let votes = tallied.votes;
            let amount = |c: usize| votes.get(c).copied().unwrap_or_default();
            let vote = |c: usize| amount(c).units;
            let continuing: Vec<usize> = (0..n).filter(|&c| self.continuing(c)).collect();
            let mut tally: BTreeMap<String, String> = BTreeMap::new();
            let mut sum = Amount::default();
            for c in 0..n {
                let shown = if self.continuing(c) {
                    Some(amount(c))
                } else {
                    self.shown.get(c).copied().flatten()
                };
                if let Some(v) = shown {
                    sum.add(v.units, v.fractional);
                    tally.insert(name(self.ids, c), self.show(v));
                }
            }
            let get = |cause: Cause| {
                self.show(
                    tallied
                        .inactive
                        .get(cause as usize)
                        .copied()
                        .unwrap_or_default(),
                )
            };
            let residual_shown = Amount {
                units: residual_total,
                fractional: residual_total > 0,
            };
            let mut round = Round {
                round: round_number(round_index),
                tally,
                threshold: self.show(threshold_amount(threshold)),
                elected: Vec::new(),
                eliminated: Vec::new(),
                transfers: Vec::new(),
                inactive: Inactive {
                    overvote: get(Cause::Overvote),
                    skipped_ranks: get(Cause::SkippedRanks),
                    repeated_ranking: get(Cause::RepeatedRanking),
                    exhausted: get(Cause::Exhausted),
                    undervote: get(Cause::Undervote),
                    rounding: self.show(residual_shown),
                    final_round_surplus: Some(self.show(tallied.final_surplus)),
                },
                continuing: self.show(sum),
                ties: Vec::new(),
            };
            self.history.push(
                (0..n)
                    .map(|c| self.continuing(c).then(|| vote(c)))
                    .collect(),
            );

            // Winners: everyone left when they just fill the open seats, else everyone at the
            // threshold (most votes first).
            let open = self.seats.saturating_sub(self.elected.len());
            let mut winners: Vec<usize> = if open == 0 {
                Vec::new()
            } else if continuing.len() <= open {
                continuing.clone()
            } else {
                continuing
                    .iter()
                    .copied()
                    .filter(|&c| vote(c) >= threshold)
                    .collect()
            };
            crate::sort::sort_by_key(&mut winners, |&c| (std::cmp::Reverse(vote(c)), c));
            winners.truncate(open);
            for &w in &winners {
                self.elect(w, vote(w), threshold);
                round.elected.push(name(self.ids, w));
            }
            if winners.is_empty() && open > 0 {
                let Some(lowest_votes) = continuing.iter().map(|&c| vote(c)).min() else {
                    self.complete = false;
                    self.rounds.push(round);
                    break;
                };
                let lowest: Vec<usize> = continuing
                    .iter()
                    .copied()
                    .filter(|&c| vote(c) == lowest_votes)
                    .collect();
                let out = if let [only] = lowest.as_slice() {
                    *only
                } else {
                    let (pick, resolution) =
                        self.breaker.pick(&lowest, true, &self.history, self.ids);
                    let candidates: Vec<String> =
                        lowest.iter().map(|&c| name(self.ids, c)).collect();
                    let tied_votes = Amount {
                        units: lowest_votes,
                        fractional: lowest.iter().any(|&c| amount(c).fractional),
                    };
                    round.ties.push(RoundTie {
                        candidates: candidates.clone(),
                        votes: self.show(tied_votes),
                        purpose: "elimination".to_owned(),
                        resolution: resolution.clone(),
                    });
                    self.ties.push(Tie {
                        candidates,
                        votes: u64::try_from(lowest_votes.checked_div(self.scale).unwrap_or(0))
                            .unwrap_or(0),
                        seats_at_stake: 0,
                        resolution,
                    });
                    match pick {
                        Some(p) => p,
                        None => {
                            self.complete = false;
                            self.rounds.push(round);
                            break;
                        }
                    }
                };
                if let Some(s) = self.status.get_mut(out) {
                    *s = Status::Eliminated;
                }
                self.eliminated.push(out);
                round.eliminated.push(name(self.ids, out));
            }
            won_last_round = winners;
            self.rounds.push(round);
        }
    }

    /// Elects `w` with `votes`: each of its ballots keeps `v - v × f` with it and moves on at
    /// `v × f`, `f` the truncated surplus fraction.
    fn elect(&mut self, w: usize, votes: i128, threshold: i128) {
        let surplus = votes.saturating_sub(threshold);
        let fraction = if surplus > 0 && votes > 0 {
            surplus
                .saturating_mul(self.scale)
                .checked_div(votes)
                .unwrap_or(0)
        } else {
            0
        };
        let mut kept = 0i128;
        for group in &mut self.groups {
            if matches!(group.holder, Holder::Candidate { index, .. } if index == w) {
                let moving = group
                    .value
                    .saturating_mul(fraction)
                    .checked_div(self.scale)
                    .unwrap_or(0);
                kept = kept.saturating_add(
                    group
                        .weight
                        .saturating_mul(group.value.saturating_sub(moving)),
                );
                group.value = moving;
                group.fractional = true;
            }
        }
        if let Some(slot) = self.kept.get_mut(w) {
            *slot = kept;
        }
        if let Some(s) = self.status.get_mut(w) {
            *s = Status::Elected;
        }
        self.elected.push(w);
    }
}
