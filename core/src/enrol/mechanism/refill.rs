//! The refill at the end of a round with groups (see [`Refill`]).

use std::collections::VecDeque;

use super::{choose, Held, Hold, Seats};
use crate::enrol::units::Units;

/// A unit a program turned away during a round: its key there and the index of that
/// choice among the unit's choices.
#[derive(Clone, Copy, Debug)]
struct Turned {
    key: u64,
    unit: u32,
    choice: u32,
}

/// No choice held (see [`Refill`]).
const NONE: u32 = u32::MAX;

/// What a round with groups keeps for its refill: the units each program turned away, and
/// the index of the choice each unit of the run holds (or [`NONE`]).
///
/// **Why.** With units of different sizes a program's choice is not monotone: it may turn
/// away a single person while a group holds the last two seats, and later let the group go
/// for a better-priority unit of one, leaving a seat free that the person it turned away
/// would fit. Deferred acceptance never asks that person again. So after the proposals of
/// a round, seats left free go to the units turned away, without displacing anyone: in
/// program order, each program offers its free seats to the units it turned away, in key
/// order, that still hold a choice they rank lower (or none) and fit (seats, reserves,
/// household cap). A unit that moves frees its seat in the program it held, which is then
/// offered in turn. Every move gives a unit a choice it ranks higher, so this ends. Without
/// groups no seat can be left free this way, and nothing is kept.
pub(super) struct Refill {
    /// Per program: the units it turned away this round.
    turned: Vec<Vec<Turned>>,
    /// Per unit of the run: the index of the choice it holds this round, or [`NONE`].
    held_at: Vec<u32>,
}

impl Refill {
    /// Empty records for `programs` programs and `units` units of a run.
    pub(super) fn new(programs: usize, units: usize) -> Refill {
        Refill {
            turned: vec![Vec::new(); programs],
            held_at: vec![NONE; units],
        }
    }

    /// Forgets the previous round.
    pub(super) fn clear(&mut self) {
        self.turned.iter_mut().for_each(Vec::clear);
        self.held_at.iter_mut().for_each(|h| *h = NONE);
    }

    /// Program `p` turned away unit `u` (run index `i`), whose key there is `key`: the
    /// choice it proposed to, or was held by, is the one before its place in `next` (the
    /// next choice each unit of the run will propose to).
    pub(super) fn turn(&mut self, p: usize, key: u64, u: u32, i: usize, next: &[u32]) {
        let choice = next.get(i).map_or(0, |&n| n.saturating_sub(1));
        if let Some(list) = self.turned.get_mut(p) {
            list.push(Turned {
                key,
                unit: u,
                choice,
            });
        }
        if let Some(h) = self.held_at.get_mut(i) {
            if *h == choice {
                *h = NONE;
            }
        }
    }

    /// Unit of run index `i` now holds its choice `choice`.
    pub(super) fn hold(&mut self, i: usize, choice: u32) {
        if let Some(h) = self.held_at.get_mut(i) {
            *h = choice;
        }
    }

    /// Gives seats left free to units turned away (see [`Refill`]).
    pub(super) fn run(
        &mut self,
        units: &Units,
        base: usize,
        seats: &[Seats],
        holds: &mut [Option<Hold>],
    ) {
        let mut queued: Vec<bool> = self.turned.iter().map(|t| !t.is_empty()).collect();
        let mut work: VecDeque<usize> = (0..queued.len())
            .filter(|&p| queued.get(p).copied().unwrap_or(false))
            .collect();
        while let Some(p) = work.pop_front() {
            if let Some(q) = queued.get_mut(p) {
                *q = false;
            }
            let Some(list) = self.turned.get_mut(p) else {
                continue;
            };
            let mut list = std::mem::take(list);
            crate::sort::sort_by_key(&mut list, |t| t.key);
            let mut kept = Vec::with_capacity(list.len());
            let mut rest = list.into_iter();
            while let Some(t) = rest.next() {
                let left = free(holds.get(p), seats.get(p));
                if left == 0 {
                    kept.push(t);
                    kept.extend(rest);
                    break;
                }
                // Turned-away units are of this part (at or after `base`); `usize::MAX` finds nothing.
                let i = (t.unit as usize).checked_sub(base).unwrap_or(usize::MAX);
                let now = self.held_at.get(i).copied().unwrap_or(NONE);
                if now <= t.choice {
                    // It holds this choice or a better one, and never loses it this round.
                    continue;
                }
                let size = units.members(t.unit as usize).len() as u64;
                if size > left || !take(units, t, holds.get_mut(p), seats.get(p)) {
                    kept.push(t);
                    continue;
                }
                self.hold(i, t.choice);
                let Some(q) = units.choices(t.unit as usize).get(now as usize) else {
                    continue;
                };
                let q = q.program as usize;
                if let Some(Some(hold)) = holds.get_mut(q) {
                    match hold {
                        Hold::Heap(heap) => heap.retain(|&(_, x)| x != t.unit),
                        Hold::List(held) => held.retain(|h| h.unit != t.unit),
                    }
                }
                let waiting = self.turned.get(q).is_some_and(|l| !l.is_empty());
                if let Some(flag) = queued.get_mut(q).filter(|f| !**f && waiting) {
                    *flag = true;
                    work.push_back(q);
                }
            }
            if let Some(slot) = self.turned.get_mut(p) {
                *slot = kept;
            }
        }
    }
}

/// Seats a program holding `hold`, with `seats` for the round, has left.
fn free(hold: Option<&Option<Hold>>, seats: Option<&Seats>) -> u64 {
    let Some(seats) = seats else {
        return 0;
    };
    let total = seats
        .reserves
        .iter()
        .fold(seats.general, |a, &r| a.saturating_add(r));
    let used = match hold {
        Some(Some(Hold::Heap(heap))) => heap.len() as u64,
        Some(Some(Hold::List(list))) => list.iter().map(|h| h.size).sum(),
        _ => 0,
    };
    total.saturating_sub(used)
}

/// Whether a program holding `hold`, with `seats` for the round, takes unit `t` as well,
/// turning nobody away; if so, it now holds it.
fn take(units: &Units, t: Turned, hold: Option<&mut Option<Hold>>, seats: Option<&Seats>) -> bool {
    let (Some(Some(hold)), Some(seats)) = (hold, seats) else {
        return false;
    };
    let u = t.unit as usize;
    let size = units.members(u).len() as u64;
    match hold {
        Hold::Heap(heap) => {
            let fits = size == 1 && (heap.len() as u64) < seats.general;
            if fits {
                heap.push((t.key, t.unit));
            }
            fits
        }
        Hold::List(list) => {
            let mut trial = list.clone();
            trial.push(Held {
                key: t.key,
                unit: t.unit,
                size,
                reserves: units.reserves(units.flat(u, t.choice as usize)),
                slot: 0,
            });
            let fits = choose(&mut trial, seats, units).is_empty();
            if fits {
                *list = trial;
            }
            fits
        }
    }
}
