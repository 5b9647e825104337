//! Meek's method (the PR Foundation's reference rule, Droop's `meek-prf`).
//!
//! Fixed point with 9 decimals. Every ballot passes through its candidates in order: a
//! hopeful takes all of what is left, an elected candidate keeps `left × keep factor`
//! (truncated) and passes on the rest; defeated candidates are skipped; what is left at the
//! end is excess (`inactive.exhausted`). The quota is `(votes − excess) / (seats + 1)`
//! truncated plus 10⁻⁹. Keep factors are updated to `keep × quota / votes` (rounded up) until
//! the total surplus is below omega (10⁻⁶) or stops falling, or a hopeful reaches the quota
//! (then elected). With no one elected, the lowest hopeful is defeated; hopefuls within the
//! total surplus of the lowest count as tied with it (the surplus could reorder them), the tie
//! going to `tie_break`. Each round of the audit is one such convergence; `transfers` are
//! not itemised (every ballot is redistributed). An equal rank (`a=b`) is read as an
//! overvote (the ballot stops there).

use super::{fixed, name, record_tie, Group};
use crate::vote::ranked::{Cause, ANY, CAUSES};
use crate::vote::result::Tie;
use crate::vote::rounds::{round_number, Round};
use crate::vote::tiebreak::{Look, TieBreaker};

/// Decimal places of Meek.
pub(super) const MEEK_DECIMALS: u32 = 9;
/// Omega: the iteration stops when the total surplus is below 10⁻⁶.
const OMEGA: i128 = 1_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Hopeful,
    Elected,
    Defeated,
}

/// The outcome of a Meek count.
pub(super) struct Outcome {
    pub elected: Vec<usize>,
    pub defeated: Vec<usize>,
    pub rounds: Vec<Round>,
    pub ties: Vec<Tie>,
    pub history: Vec<Vec<Option<i128>>>,
    pub complete: bool,
}

/// The elected candidates' votes above the quota, summed (bounded like every vote: see the
/// module documentation).
fn total_surplus(votes: &[i128], status: &[Status], quota: i128) -> i128 {
    votes
        .iter()
        .zip(status)
        .filter(|(_, s)| **s == Status::Elected)
        .map(|(&v, _)| v.saturating_sub(quota).max(0))
        .sum()
}

/// Distributes every ballot under the keep factors: returns votes and the excess.
fn distribute(groups: &[Group], kf: &[i128], status: &[Status], scale: i128) -> (Vec<i128>, i128) {
    let mut votes = vec![0i128; kf.len()];
    let mut excess = 0i128;
    for group in groups {
        let mut remaining = scale;
        for &code in group.codes {
            // An overvote (never compiled for `stv`) stops the ballot, as its end does.
            if code >= ANY {
                break;
            }
            let c = usize::from(code);
            match status.get(c) {
                Some(Status::Hopeful) => {
                    if let Some(v) = votes.get_mut(c) {
                        *v = v.saturating_add(group.weight.saturating_mul(remaining));
                    }
                    remaining = 0;
                }
                Some(Status::Elected) => {
                    let keep = kf.get(c).copied().unwrap_or(0);
                    let share = remaining
                        .saturating_mul(keep)
                        .checked_div(scale)
                        .unwrap_or(0);
                    if let Some(v) = votes.get_mut(c) {
                        *v = v.saturating_add(group.weight.saturating_mul(share));
                    }
                    remaining = remaining.saturating_sub(share); // keep <= scale: share <= remaining
                }
                _ => {}
            }
            if remaining == 0 {
                break;
            }
        }
        excess = excess.saturating_add(group.weight.saturating_mul(remaining));
    }
    (votes, excess)
}

pub(super) fn count(groups: &[Group], ids: &[&str], seats: usize, breaker: &TieBreaker) -> Outcome {
    let n = ids.len();
    let scale = 10i128.pow(MEEK_DECIMALS);
    let total: i128 = groups.iter().map(|g| g.weight.saturating_mul(scale)).sum();
    let mut status = vec![Status::Hopeful; n];
    let mut kf = vec![scale; n];
    let mut out = Outcome {
        elected: Vec::new(),
        defeated: Vec::new(),
        rounds: Vec::new(),
        ties: Vec::new(),
        history: Vec::new(),
        complete: true,
    };
    let max_rounds = n.saturating_mul(2).saturating_add(4);
    for round_index in 0..max_rounds {
        // Iterate the keep factors until the surplus is below omega, or someone is elected.
        let mut newly: Vec<usize> = Vec::new();
        let (mut votes, mut excess) = distribute(groups, &kf, &status, scale);
        let mut quota;
        let mut last_surplus = i128::MAX;
        let mut iterations = 0u32;
        loop {
            let seats_plus_one = i128::try_from(seats).unwrap_or(i128::MAX).saturating_add(1);
            quota = total
                .saturating_sub(excess)
                .checked_div(seats_plus_one)
                .unwrap_or(0)
                .saturating_add(1);
            let mut reached: Vec<usize> = (0..n)
                .filter(|&c| status.get(c) == Some(&Status::Hopeful))
                .filter(|&c| votes.get(c).copied().unwrap_or(0) >= quota)
                .collect();
            if !reached.is_empty() {
                let votes_of = |c: &usize| votes.get(*c).copied().unwrap_or(0);
                crate::sort::sort_by_key(&mut reached, |&c| (std::cmp::Reverse(votes_of(&c)), c));
                newly = reached;
                break;
            }
            let surplus = total_surplus(&votes, &status, quota);
            if surplus < OMEGA || surplus >= last_surplus || iterations > 10_000 {
                break;
            }
            last_surplus = surplus;
            for c in 0..n {
                if status.get(c) == Some(&Status::Elected) {
                    let v = votes.get(c).copied().unwrap_or(0);
                    if v > 0 {
                        if let Some(k) = kf.get_mut(c) {
                            // Rounded up.
                            let num = k.saturating_mul(quota);
                            *k = num
                                .saturating_add(v)
                                .saturating_sub(1)
                                .checked_div(v)
                                .unwrap_or(0);
                        }
                    }
                }
            }
            let (v, e) = distribute(groups, &kf, &status, scale);
            votes = v;
            excess = e;
            iterations = iterations.saturating_add(1);
        }
        // Candidates within the remaining surplus of the lowest count as tied with it (the
        // surplus could still reorder them).
        let surplus = total_surplus(&votes, &status, quota);
        let in_count: Vec<usize> = (0..n)
            .filter(|&c| status.get(c) != Some(&Status::Defeated))
            .collect();
        let continuing: i128 = in_count
            .iter()
            .map(|&c| votes.get(c).copied().unwrap_or(0))
            .sum();
        let mut inactive = [0i128; CAUSES];
        if let Some(x) = inactive.get_mut(Cause::Exhausted as usize) {
            *x = excess;
        }
        let mut round = Round {
            round: round_number(round_index),
            tally: in_count
                .iter()
                .map(|&c| {
                    (
                        name(ids, c),
                        fixed(votes.get(c).copied().unwrap_or(0), MEEK_DECIMALS),
                    )
                })
                .collect(),
            threshold: fixed(quota, MEEK_DECIMALS),
            elected: Vec::new(),
            eliminated: Vec::new(),
            transfers: Vec::new(),
            inactive: super::inactive_fixed(
                &inactive,
                total.saturating_sub(continuing).saturating_sub(excess),
                MEEK_DECIMALS,
            ),
            continuing: fixed(continuing, MEEK_DECIMALS),
            ties: Vec::new(),
        };
        out.history.push(
            (0..n)
                .map(|c| {
                    (status.get(c) != Some(&Status::Defeated))
                        .then(|| votes.get(c).copied().unwrap_or(0))
                })
                .collect(),
        );
        for c in newly.iter().copied() {
            if out.elected.len() >= seats {
                break;
            }
            if let Some(s) = status.get_mut(c) {
                *s = Status::Elected;
            }
            out.elected.push(c);
            round.elected.push(name(ids, c));
        }
        let hopefuls: Vec<usize> = (0..n)
            .filter(|&c| status.get(c) == Some(&Status::Hopeful))
            .collect();
        if out.elected.len() >= seats {
            out.rounds.push(round);
            break;
        }
        if out.elected.len().saturating_add(hopefuls.len()) <= seats {
            let mut rest = hopefuls;
            crate::sort::sort_by_key(&mut rest, |&c| {
                (std::cmp::Reverse(votes.get(c).copied().unwrap_or(0)), c)
            });
            for c in rest {
                if let Some(s) = status.get_mut(c) {
                    *s = Status::Elected;
                }
                out.elected.push(c);
                round.elected.push(name(ids, c));
            }
            out.rounds.push(round);
            break;
        }
        if !newly.is_empty() {
            out.rounds.push(round);
            continue;
        }
        let low = hopefuls
            .iter()
            .map(|&c| votes.get(c).copied().unwrap_or(0))
            .min()
            .unwrap_or(0);
        let lowest: Vec<usize> = hopefuls
            .iter()
            .copied()
            .filter(|&c| votes.get(c).copied().unwrap_or(0) <= low.saturating_add(surplus))
            .collect();
        let loser = if lowest.len() > 1 {
            let (pick, resolution) =
                breaker.pick_looking(&lowest, true, &out.history, ids, Look::None);
            record_tie(
                &mut round,
                &mut out.ties,
                &lowest,
                low,
                "elimination",
                ids,
                MEEK_DECIMALS,
                resolution,
            );
            match pick {
                Some(p) => p,
                None => {
                    out.complete = false;
                    out.rounds.push(round);
                    break;
                }
            }
        } else {
            lowest.first().copied().unwrap_or(0)
        };
        if let Some(s) = status.get_mut(loser) {
            *s = Status::Defeated;
        }
        if let Some(k) = kf.get_mut(loser) {
            *k = 0;
        }
        out.defeated.push(loser);
        round.eliminated.push(name(ids, loser));
        out.rounds.push(round);
    }
    if out.elected.len() < seats {
        out.complete = false;
    }
    out
}
