//! Single transferable vote (`stv`).
//!
//! **Scottish STV** (`rule: "scottish"`, the Scottish Local Government Elections Order 2007,
//! as counted by Droop's `scotland` rule): exact fixed-point arithmetic with 5 decimals
//! (values are integers of 10⁻⁵ votes; every division truncates).
//! - Quota (`droop`): `floor(votes / (seats + 1)) + 1`; (`hare`): `ceil(votes / seats)`, where
//!   `votes` counts the ballots counting for a candidate in the first round.
//! - Each round first elects every hopeful at or above the quota (most votes first). When
//!   every seat is filled the count ends; when the hopefuls left just fill the seats, they
//!   are all elected.
//! - Otherwise the largest untransferred surplus is transferred: every ballot the elected
//!   candidate holds goes on to its next hopeful at `floor(value × surplus / votes)`, and the
//!   candidate keeps exactly the quota (ballots with no hopeful left are non-transferable).
//! - With no surplus left, the hopeful with fewest votes is excluded and all its ballots go on
//!   at their current value.
//! - Ties (equal surplus, equal lowest) are decided by the earliest round in which the tied
//!   candidates' votes differ (most votes for a surplus, fewest for exclusion), then by
//!   `tie_break.order`, then by the seeded lot; else the count stops unresolved.
//!
//! A candidate elected exactly at the quota has no surplus and takes no round (Droop shows an
//! empty transfer round for it).
//!
//! **WIGM** (`rule: "wigm"`, the PR Foundation's reference WIGM, Droop's `wigm-prf`): the same
//! sequence with 4 decimals, the quota `votes / (seats + 1)` truncated plus 0.0001 (`hare`:
//! `votes / seats` truncated), a surplus moving at the truncated transfer value
//! `surplus / votes` (each ballot's new value `value × transfer value`, truncated), and ties
//! going straight to `tie_break` (no look at earlier rounds).
//!
//! **Meek** (`rule: "meek"`, the PR Foundation's reference Meek, Droop's `meek-prf`: 9
//! decimals, omega 10⁻⁶): see the `meek` module; `quota` is ignored (always Droop's).
//!
//! **RCTab** (`rule: "rctab"`, RCTab's multi-winner count with several winners per round,
//! `decimals` places, whole or `fractional_threshold`): see the `rctab` module. Unlike the other
//! rules it reads ballots with the election's `irv` ballot rules, and takes `decimals` and
//! `fractional_threshold` (which the other rules reject).
//!
//! Ballots are read as in `irv` with its default rules: an overvote (several candidates at
//! one rank) makes the ballot non-transferable from there; a candidate ranked twice is
//! skipped. The audit: `rounds[i].tally` is the vote of each hopeful and elected candidate at
//! the start of round `i`, `transfers` the action of the round, `inactive.exhausted` the
//! non-transferable votes, `inactive.rounding` the fractions lost to truncation; every round
//! `continuing + inactive = valid`. `counts` is each candidate's last vote in whole votes
//! (truncated).

// Arithmetic. Fixed-point values are `i128`: a group's weight is at most the number of valid
// ballots, below 2^64 (`count_overflow` otherwise), a ballot's value at most `scale` (at most
// 10^18 < 2^60), so every product `weight × value` and every sum of them (a vote, a pile, a
// total) is at most `valid × scale` < 2^124, and a transfer's `value × surplus` is below
// 2^124 too. The `saturating_*` operations are therefore exact; they only mark that a value
// cannot wrap. Divisors are `scale`, `seats` (at least 1) or a vote checked positive, so
// `checked_div(..).unwrap_or(0)` never takes the fallback.

mod meek;
mod rctab;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::ballot_box::BallotBox;
use super::election::Election;
use super::error::TallyError;
use super::irv::{inactive_of, DuplicateRule, OvervoteRule};
use super::profile::Profile;
use super::ranked::{read_ballots, read_profile, Cause, RankedBallots, ReadRules, ANY, CAUSES};
use super::result::{TallyResult, Tie, TieResolution};
use super::rounds::{round_number, Round, RoundTie, Transfer};
use super::tiebreak::{Look, TieBreaker};
use crate::error::FieldPath;

/// The STV counting rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StvRule {
    /// Scottish STV: fixed point with 5 decimals (see the module documentation).
    #[default]
    Scottish,
    /// Weighted inclusive Gregory method, as the Proportional Representation Foundation's
    /// reference rule (Droop's `wigm-prf`): fixed point with 4 decimals; the quota is
    /// `votes / (seats + 1)` truncated plus 0.0001 (`droop`) or `votes / seats` (`hare`);
    /// a surplus moves at the transfer value `surplus / votes` (truncated), each ballot's
    /// new value `value × transfer value` (truncated); ties go straight to `tie_break`.
    Wigm,
    /// Meek's method, as the PR Foundation's reference rule (Droop's `meek-prf`): fixed point
    /// with 9 decimals, omega 10⁻⁶.
    Meek,
    /// RCTab's multi-winner count (`multiWinnerAllowMultipleWinnersPerRound`): fixed point
    /// with `decimals` places (truncating), a threshold fixed in the first round (whole, or
    /// with `fractional_threshold` RCTab's non-integer threshold), every candidate at the
    /// threshold elected in the same round, fractional surplus transfer with a reported
    /// residual surplus, and the `irv` ballot rules. See the `rctab` module.
    Rctab,
}

/// The quota.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quota {
    /// Droop: `floor(valid / (seats + 1)) + 1`.
    #[default]
    Droop,
    /// Hare: `ceil(valid / seats)`.
    Hare,
}

/// Options of `stv`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StvOptions {
    /// The counting rule (default `scottish`).
    #[serde(default)]
    pub rule: StvRule,
    /// The quota (default `droop`).
    #[serde(default)]
    pub quota: Quota,
    /// Rule `rctab` only: decimal places of the vote arithmetic, 1 to 18 (RCTab's
    /// `decimalPlacesForVoteArithmetic`; default 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
    /// Rule `rctab` only: RCTab's `nonIntegerWinningThreshold`. The threshold keeps `decimals`
    /// places (`droop`: `votes / (seats + 1)` truncated plus one unit of the last place)
    /// instead of being whole (`floor(votes / (seats + 1)) + 1`). Default false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fractional_threshold: bool,
}

/// Decimal places of Scottish STV.
const SCOTTISH_DECIMALS: u32 = 5;
/// Decimal places of WIGM (the PR Foundation reference).
const WIGM_DECIMALS: u32 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Hopeful,
    Elected,
    Excluded,
}

/// A group of identical ballots: its compiled step codes and tail cause, weight, current
/// value, where it is.
struct Group<'a> {
    codes: &'a [u16],
    tail: Cause,
    weight: i128,
    value: i128,
    /// Index of the code of the candidate the group counts for, or `None` if inactive.
    at: Option<usize>,
}

/// No group: the end of a pile.
const NONE: usize = usize::MAX;

/// Groups by the candidate they count for: `head[c]` is the first group of candidate `c`'s
/// pile, `next[g]` the group after `g` ([`NONE`] ends a pile). A transfer revisits only the
/// pile of the candidate it is from.
struct Piles {
    head: Vec<usize>,
    next: Vec<usize>,
}

impl Piles {
    /// Puts group `g` on top of candidate `c`'s pile.
    fn push(&mut self, c: usize, g: usize) {
        if let (Some(head), Some(next)) = (self.head.get_mut(c), self.next.get_mut(g)) {
            *next = *head;
            *head = g;
        }
    }

    /// Empties candidate `c`'s pile and returns its groups.
    fn take(&mut self, c: usize) -> Vec<usize> {
        let mut taken = Vec::new();
        let mut g = self
            .head
            .get_mut(c)
            .map_or(NONE, |head| std::mem::replace(head, NONE));
        while g != NONE {
            taken.push(g);
            g = self.next.get(g).copied().unwrap_or(NONE);
        }
        taken
    }
}

/// Each candidate's last recorded vote (`history[round][candidate]`, `None` once out of the
/// count), in whole votes (truncated from fixed point with `scale`): the result's `counts`.
fn final_counts(ids: &[&str], history: &[Vec<Option<i128>>], scale: i128) -> BTreeMap<String, u64> {
    ids.iter()
        .enumerate()
        .map(|(c, id)| {
            let last = history
                .iter()
                .rev()
                .find_map(|t| t.get(c).copied().flatten())
                .unwrap_or(0);
            (
                (*id).to_owned(),
                u64::try_from(last.checked_div(scale).unwrap_or(0)).unwrap_or(0),
            )
        })
        .collect()
}

/// Renders a fixed-point value with all its decimals.
fn fixed(value: i128, decimals: u32) -> String {
    let scale = 10i128.pow(decimals);
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    let scale_u = scale.unsigned_abs();
    if decimals == 0 {
        return format!("{sign}{abs}");
    }
    format!(
        "{sign}{}.{:0width$}",
        abs.checked_div(scale_u).unwrap_or(0),
        abs.checked_rem(scale_u).unwrap_or(0),
        width = decimals as usize
    )
}

/// Counts an `stv` election.
pub(crate) fn tally_stv(
    election: &Election,
    ballots: &BallotBox,
) -> Result<TallyResult, TallyError> {
    tally_stv_with(election, |rules| {
        read_ballots(election, ballots, rules, true)
    })
}

/// Counts an `stv` election over a compact profile.
pub(crate) fn tally_stv_profile(
    election: &Election,
    profile: &Profile,
) -> Result<TallyResult, TallyError> {
    tally_stv_with(election, |rules| read_profile(election, profile, rules))
}

/// The static ballot rules of every `stv` count: overvotes exhaust, skipped ranks and
/// repeated candidates are passed over, no maximum ranking.
pub(crate) const STV_READ_RULES: ReadRules = ReadRules {
    overvote: OvervoteRule::Exhaust,
    max_skipped_ranks: None,
    duplicate: DuplicateRule::Skip,
    max_rankings: None,
};

/// The static ballot rules of `election`'s `stv` count: [`STV_READ_RULES`], except under the
/// `rctab` rule, which reads ballots with the election's `irv` ballot rules.
pub(crate) fn stv_read_rules(election: &Election) -> ReadRules {
    match election.stv.as_ref().map(|o| o.rule) {
        Some(StvRule::Rctab) => election.irv.clone().unwrap_or_default().read_rules(),
        _ => STV_READ_RULES,
    }
}

/// Checks the options, reads the ballots with `read` and counts them.
pub(crate) fn tally_stv_with<'a>(
    election: &Election,
    read: impl FnOnce(&ReadRules) -> Result<RankedBallots<'a>, TallyError>,
) -> Result<TallyResult, TallyError> {
    let root = FieldPath::root("election");
    let options = election.stv.clone().unwrap_or_default();
    if options.rule == StvRule::Rctab {
        return rctab::tally(election, &options, read);
    }
    if election.irv.is_some() {
        return Err(TallyError::InvalidOption {
            path: root.field("irv").into(),
            message: "irv options given for an stv election".to_owned(),
        });
    }
    if options.decimals.is_some() || options.fractional_threshold {
        let field = if options.decimals.is_some() {
            "decimals"
        } else {
            "fractional_threshold"
        };
        return Err(TallyError::InvalidOption {
            path: root.field("stv").field(field).into(),
            message: format!("{field} applies to the rctab rule only"),
        });
    }
    let breaker = TieBreaker::new(election)?;
    let read = read(&stv_read_rules(election))?;
    let cost = super::irv::search_cost(read.groups.len(), election.candidates.len());
    let mut result = breaker.settle(cost, |breaker| {
        Ok(count_stv(election, &options, breaker, &read))
    })?;
    result.rejected = read.rejected;
    Ok(result)
}

/// One count (`scottish`, `wigm`, `meek`) of the read ballots with `breaker` (`rejected`
/// left empty).
fn count_stv(
    election: &Election,
    options: &StvOptions,
    breaker: &TieBreaker,
    read: &RankedBallots<'_>,
) -> TallyResult {
    let decimals = match options.rule {
        StvRule::Scottish => SCOTTISH_DECIMALS,
        StvRule::Wigm => WIGM_DECIMALS,
        StvRule::Meek | StvRule::Rctab => meek::MEEK_DECIMALS,
    };
    let look = match options.rule {
        StvRule::Scottish => Look::Forward,
        StvRule::Wigm | StvRule::Meek | StvRule::Rctab => Look::None,
    };
    let scale = 10i128.pow(decimals);
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    let n = ids.len();
    let seats = usize::try_from(election.seats).unwrap_or(usize::MAX);
    let valid = i128::from(read.summary.valid);
    let mut groups: Vec<Group> = read
        .groups
        .iter()
        .map(|(codes, weight, tail)| Group {
            codes,
            tail,
            weight: i128::from(weight),
            value: scale,
            at: None,
        })
        .collect();
    if options.rule == StvRule::Meek {
        let outcome = meek::count(&groups, &ids, seats, breaker);
        let counts = final_counts(&ids, &outcome.history, scale);
        let mut ranking: Vec<Vec<String>> = outcome
            .elected
            .iter()
            .map(|&c| vec![name(&ids, c)])
            .collect();
        let last = outcome.history.last().cloned().unwrap_or_default();
        let mut rest: Vec<usize> = (0..n)
            .filter(|c| !outcome.elected.contains(c) && !outcome.defeated.contains(c))
            .collect();
        crate::sort::sort_by_key(&mut rest, |&c| {
            std::cmp::Reverse(last.get(c).copied().flatten().unwrap_or(0))
        });
        for tier in rest.chunk_by(|&a, &b| last.get(a) == last.get(b)) {
            ranking.push(tier.iter().map(|&c| name(&ids, c)).collect());
        }
        for &c in outcome.defeated.iter().rev() {
            ranking.push(vec![name(&ids, c)]);
        }
        return TallyResult {
            election: election.id.clone(),
            method: election.method,
            seats: election.seats,
            winners: outcome.elected.iter().map(|&c| name(&ids, c)).collect(),
            ranking,
            counts,
            ballots: read.summary,
            rejected: Vec::new(),
            ties: outcome.ties,
            complete: outcome.complete,
            pairwise: None,
            strongest_paths: None,
            condorcet_winner: None,
            runoff: None,
            rounds: outcome.rounds,
            draw_seed: election.seed_record().ok().flatten().map(Box::new),
        };
    }
    let mut status = vec![Status::Hopeful; n];
    let mut votes = vec![0i128; n];
    let mut inactive = [0i128; CAUSES];
    let mut piles = Piles {
        head: vec![NONE; n],
        next: vec![NONE; groups.len()],
    };
    // Initial distribution.
    for (g, group) in groups.iter_mut().enumerate() {
        if let Some(c) = advance(group, 0, &status, &mut votes, &mut inactive, &mut None) {
            piles.push(c, g);
        }
    }

    // The quota counts the ballots that count for someone in the first round (a ballot
    // marking nobody, or an overvote at its first rank, does not).
    // Seats are at least 1 (`invalid_seats`), so no divisor below is 0.
    let first_round = votes.iter().sum::<i128>().checked_div(scale).unwrap_or(0);
    let seats_plus_one = i128::from(election.seats).saturating_add(1);
    let whole_quota = match options.quota {
        Quota::Droop => first_round
            .checked_div(seats_plus_one)
            .unwrap_or(0)
            .saturating_add(1),
        Quota::Hare => {
            let s = i128::from(election.seats);
            first_round
                .saturating_add(s)
                .saturating_sub(1)
                .checked_div(s)
                .unwrap_or(0)
        }
    };
    let quota = match options.rule {
        StvRule::Scottish => whole_quota.saturating_mul(scale),
        StvRule::Wigm | StvRule::Meek | StvRule::Rctab => {
            let total = first_round.saturating_mul(scale);
            match options.quota {
                Quota::Droop => total
                    .checked_div(seats_plus_one)
                    .unwrap_or(0)
                    .saturating_add(1),
                Quota::Hare => total.checked_div(i128::from(election.seats)).unwrap_or(0),
            }
        }
    };

    let mut rounds: Vec<Round> = Vec::new();
    let mut ties: Vec<Tie> = Vec::new();
    let mut history: Vec<Vec<Option<i128>>> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    let mut elected_order: Vec<usize> = Vec::new();
    let mut excluded_order: Vec<usize> = Vec::new();
    let mut complete = true;
    let total = valid.saturating_mul(scale);
    let max_rounds = n.saturating_mul(3).saturating_add(4);
    for round_index in 0..max_rounds {
        let in_count: Vec<usize> = (0..n)
            .filter(|&c| status.get(c) != Some(&Status::Excluded))
            .collect();
        let vote = |c: usize, votes: &[i128]| votes.get(c).copied().unwrap_or(0);
        let continuing: i128 = in_count.iter().map(|&c| vote(c, &votes)).sum();
        let inactive_sum: i128 = inactive.iter().sum();
        let mut round = Round {
            round: round_number(round_index),
            tally: in_count
                .iter()
                .map(|&c| (name(&ids, c), fixed(vote(c, &votes), decimals)))
                .collect(),
            threshold: fixed(quota, decimals),
            elected: Vec::new(),
            eliminated: Vec::new(),
            transfers: Vec::new(),
            inactive: inactive_fixed(
                &inactive,
                total
                    .saturating_sub(continuing)
                    .saturating_sub(inactive_sum),
                decimals,
            ),
            continuing: fixed(continuing, decimals),
            ties: Vec::new(),
        };
        history.push(
            (0..n)
                .map(|c| (status.get(c) != Some(&Status::Excluded)).then(|| vote(c, &votes)))
                .collect(),
        );

        // Elect every hopeful at or above the quota, most votes first.
        let mut reached: Vec<usize> = (0..n)
            .filter(|&c| status.get(c) == Some(&Status::Hopeful) && vote(c, &votes) >= quota)
            .collect();
        crate::sort::sort_by_key(&mut reached, |&c| (std::cmp::Reverse(vote(c, &votes)), c));
        for c in reached {
            if elected_order.len() >= seats {
                break;
            }
            set(&mut status, c, Status::Elected);
            elected_order.push(c);
            pending.push(c);
            round.elected.push(name(&ids, c));
        }
        let hopefuls: Vec<usize> = (0..n)
            .filter(|&c| status.get(c) == Some(&Status::Hopeful))
            .collect();
        if elected_order.len() >= seats {
            rounds.push(round);
            break;
        }
        if elected_order.len().saturating_add(hopefuls.len()) <= seats {
            let mut rest = hopefuls.clone();
            crate::sort::sort_by_key(&mut rest, |&c| (std::cmp::Reverse(vote(c, &votes)), c));
            for c in rest {
                set(&mut status, c, Status::Elected);
                elected_order.push(c);
                round.elected.push(name(&ids, c));
            }
            rounds.push(round);
            break;
        }

        // Transfer the largest surplus.
        pending.retain(|&c| vote(c, &votes) > quota);
        if !pending.is_empty() {
            let largest = pending.iter().map(|&c| vote(c, &votes)).max().unwrap_or(0);
            let top: Vec<usize> = pending
                .iter()
                .copied()
                .filter(|&c| vote(c, &votes) == largest)
                .collect();
            let from = if top.len() > 1 {
                let (pick, resolution) = breaker.pick_looking(&top, false, &history, &ids, look);
                record_tie(
                    &mut round,
                    &mut ties,
                    &top,
                    largest.saturating_sub(quota),
                    "surplus",
                    &ids,
                    decimals,
                    resolution,
                );
                match pick {
                    Some(p) => p,
                    None => {
                        complete = false;
                        rounds.push(round);
                        break;
                    }
                }
            } else {
                top.first().copied().unwrap_or(0)
            };
            pending.retain(|&c| c != from);
            let held = vote(from, &votes);
            let surplus = held.saturating_sub(quota);
            let mut moved = Moved::default();
            for g in piles.take(from) {
                if let Some(group) = groups.get_mut(g) {
                    let old = group.value;
                    if held > 0 {
                        group.value = match options.rule {
                            StvRule::Scottish => {
                                old.saturating_mul(surplus).checked_div(held).unwrap_or(0)
                            }
                            StvRule::Wigm | StvRule::Meek | StvRule::Rctab => {
                                let ratio =
                                    surplus.saturating_mul(scale).checked_div(held).unwrap_or(0);
                                old.saturating_mul(ratio).checked_div(scale).unwrap_or(0)
                            }
                        };
                    }
                    let start = group.at.map_or(0, |i| i.saturating_add(1));
                    let mut sink = Some(&mut moved);
                    // The group's old value leaves `from`; its new value arrives elsewhere.
                    if let Some(v) = votes.get_mut(from) {
                        *v = v.saturating_sub(group.weight.saturating_mul(old));
                    }
                    let to = advance(group, start, &status, &mut votes, &mut inactive, &mut sink);
                    if let Some(c) = to {
                        piles.push(c, g);
                    }
                }
            }
            if let Some(v) = votes.get_mut(from) {
                *v = quota;
            }
            round
                .transfers
                .push(moved.into_transfer(&ids, from, decimals));
            rounds.push(round);
            continue;
        }

        // Exclude the lowest hopeful.
        let lowest_votes = hopefuls.iter().map(|&c| vote(c, &votes)).min().unwrap_or(0);
        let lowest: Vec<usize> = hopefuls
            .iter()
            .copied()
            .filter(|&c| vote(c, &votes) == lowest_votes)
            .collect();
        let out = if lowest.len() > 1 {
            let (pick, resolution) = breaker.pick_looking(&lowest, true, &history, &ids, look);
            record_tie(
                &mut round,
                &mut ties,
                &lowest,
                lowest_votes,
                "elimination",
                &ids,
                decimals,
                resolution,
            );
            match pick {
                Some(p) => p,
                None => {
                    complete = false;
                    rounds.push(round);
                    break;
                }
            }
        } else {
            lowest.first().copied().unwrap_or(0)
        };
        set(&mut status, out, Status::Excluded);
        excluded_order.push(out);
        round.eliminated.push(name(&ids, out));
        let mut moved = Moved::default();
        for g in piles.take(out) {
            if let Some(group) = groups.get_mut(g) {
                let start = group.at.map_or(0, |i| i.saturating_add(1));
                if let Some(v) = votes.get_mut(out) {
                    *v = v.saturating_sub(group.weight.saturating_mul(group.value));
                }
                let mut sink = Some(&mut moved);
                if let Some(c) =
                    advance(group, start, &status, &mut votes, &mut inactive, &mut sink)
                {
                    piles.push(c, g);
                }
            }
        }
        if let Some(v) = votes.get_mut(out) {
            *v = 0;
        }
        round
            .transfers
            .push(moved.into_transfer(&ids, out, decimals));
        rounds.push(round);
    }
    if elected_order.len() < seats {
        complete = false;
    }

    let winners: Vec<String> = elected_order.iter().map(|&c| name(&ids, c)).collect();
    let counts = final_counts(&ids, &history, scale);
    let mut ranking: Vec<Vec<String>> =
        elected_order.iter().map(|&c| vec![name(&ids, c)]).collect();
    let last = history.last().cloned().unwrap_or_default();
    let mut rest: Vec<usize> = (0..n)
        .filter(|&c| status.get(c) == Some(&Status::Hopeful))
        .collect();
    crate::sort::sort_by_key(&mut rest, |&c| {
        std::cmp::Reverse(last.get(c).copied().flatten().unwrap_or(0))
    });
    for tier in rest.chunk_by(|&a, &b| last.get(a) == last.get(b)) {
        ranking.push(tier.iter().map(|&c| name(&ids, c)).collect());
    }
    for &c in excluded_order.iter().rev() {
        ranking.push(vec![name(&ids, c)]);
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
        ties,
        complete,
        pairwise: None,
        strongest_paths: None,
        condorcet_winner: None,
        runoff: None,
        rounds,
        draw_seed: election.seed_record().ok().flatten().map(Box::new),
    }
}

fn name(ids: &[&str], c: usize) -> String {
    ids.get(c).map(|id| (*id).to_owned()).unwrap_or_default()
}

fn set(status: &mut [Status], c: usize, to: Status) {
    if let Some(s) = status.get_mut(c) {
        *s = to;
    }
}

fn inactive_fixed(inactive: &[i128; CAUSES], rounding: i128, decimals: u32) -> super::Inactive {
    let as_u64 = [0u64; CAUSES];
    let mut out = inactive_of(&as_u64);
    let get = |cause: Cause| fixed(inactive.get(cause as usize).copied().unwrap_or(0), decimals);
    out.overvote = get(Cause::Overvote);
    out.skipped_ranks = get(Cause::SkippedRanks);
    out.repeated_ranking = get(Cause::RepeatedRanking);
    out.exhausted = get(Cause::Exhausted);
    out.undervote = get(Cause::Undervote);
    out.rounding = fixed(rounding, decimals);
    out
}

/// Votes moved by one transfer.
#[derive(Default)]
struct Moved {
    to: BTreeMap<usize, i128>,
    exhausted: i128,
}

impl Moved {
    fn into_transfer(self, ids: &[&str], from: usize, decimals: u32) -> Transfer {
        Transfer {
            from: name(ids, from),
            to: self
                .to
                .into_iter()
                .filter(|(_, v)| *v != 0)
                .map(|(c, v)| (name(ids, c), fixed(v, decimals)))
                .collect(),
            exhausted: fixed(self.exhausted, decimals),
            residual: None,
        }
    }
}

/// Moves a group from the code at `start` on to its next hopeful (or makes it inactive),
/// adding its value to that candidate; returns the candidate. An overvote decided in each
/// round (never compiled for `stv`) is passed over.
fn advance(
    group: &mut Group,
    start: usize,
    status: &[Status],
    votes: &mut [i128],
    inactive: &mut [i128; CAUSES],
    moved: &mut Option<&mut Moved>,
) -> Option<usize> {
    let amount = group.weight.saturating_mul(group.value);
    let mut at = start;
    while let Some(&code) = group.codes.get(at) {
        if code >= ANY {
            at = at
                .saturating_add(1)
                .saturating_add(usize::from(code.saturating_sub(ANY)));
            continue;
        }
        let c = usize::from(code);
        if status.get(c) == Some(&Status::Hopeful) {
            group.at = Some(at);
            if let Some(v) = votes.get_mut(c) {
                *v = v.saturating_add(amount);
            }
            if let Some(m) = moved {
                let to = m.to.entry(c).or_insert(0);
                *to = to.saturating_add(amount);
            }
            return Some(c);
        }
        at = at.saturating_add(1);
    }
    group.at = None;
    if let Some(total) = inactive.get_mut(group.tail as usize) {
        *total = total.saturating_add(amount);
    }
    if let Some(m) = moved {
        m.exhausted = m.exhausted.saturating_add(amount);
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn record_tie(
    round: &mut Round,
    ties: &mut Vec<Tie>,
    tied: &[usize],
    votes: i128,
    purpose: &str,
    ids: &[&str],
    decimals: u32,
    resolution: TieResolution,
) {
    let mut sorted = tied.to_vec();
    crate::sort::sort(&mut sorted);
    let candidates: Vec<String> = sorted.iter().map(|&c| name(ids, c)).collect();
    round.ties.push(RoundTie {
        candidates: candidates.clone(),
        votes: fixed(votes, decimals),
        purpose: purpose.to_owned(),
        resolution: resolution.clone(),
    });
    let scale = 10i128.pow(decimals);
    ties.push(Tie {
        candidates,
        votes: u64::try_from(votes.checked_div(scale).unwrap_or(0)).unwrap_or(0),
        seats_at_stake: 0,
        resolution,
    });
}
