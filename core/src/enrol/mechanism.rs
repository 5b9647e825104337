//! The mechanisms, as one engine: applicant-proposing deferred acceptance with per-program
//! priority keys. Serial dictatorship and first come, first served are deferred acceptance
//! with one priority order shared by every program (the draw; the stamp then the draw),
//! which is exactly a serial dictatorship in that order.
//!
//! **Rounds.** A unit allowed several programs gets them in rounds: in each round every unit
//! still under its limit gets at most one more program by deferred acceptance over the seats
//! left, skipping programs it already has and programs that clash with them. With the
//! default limit of one there is a single round: classic deferred acceptance, stable (no
//! applicant prefers a program with a free seat or with an enrolee of lower priority).
//!
//! **Seats.** Each program fills its general seats by priority, then each reserve in order
//! (matching units first, then anyone); see [`crate::plan::ProgramPolicy`]. A group needs a
//! seat for each member, all from one pool (the general seats or one reserve; a group is not
//! split between them, so one general and one reserved seat left do not seat a group of
//! two); a group that does not fit is passed over for the next unit that does. Keys
//! compare as (primary, draw): primary is the tier (deferred acceptance), nothing (serial
//! dictatorship) or the order of `submitted_at` (first come).
//!
//! **Seats a group leaves.** A program may turn a person away while a group holds its last
//! seats, and later let the group go for a better-priority person, leaving a seat free that
//! the person it turned away would fit; deferred acceptance alone never asks them again.
//! So when a run has groups, each round ends with a refill: seats left free go, without
//! displacing anyone, to the units the program turned away that still hold nothing they
//! rank higher, in priority order (see `Refill`). No seat stays free while a unit waiting
//! for it fits in its pool.
//!
//! **Order of proposals.** When every running program chooses by priority alone, units
//! propose in draw order: the matching is the same in any order, and in draw order few
//! proposals displace anyone. When a program takes groups, reserves or a household cap, a
//! unit may be passed over for a later one that fits, and the matching can depend on the
//! order; units then propose in their fixed order (by their first member's id), which does
//! not depend on the input order either.
//!
//! **Household limits.** A program capped at `N` members of one household
//! (`units::household_cap`) keeps, in key order, only units whose households stay
//! within the cap (counting members enrolled in earlier rounds): in deferred acceptance a
//! member displaced by a better-priority member of the same household is refused and
//! proposes on; in serial dictatorship and first come the later member is refused. Capped
//! programs are held in a list. The cap makes the choice of a program depend on who else
//! is held, so the stability statement above holds for programs without such a cap only.

use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::ops::Range;

use super::conflicts::Conflicts;
use super::units::{household_add, household_cap, household_fits, Choice, Units};
use crate::hint;
use crate::plan::{Mechanism, Plan};

mod refill;

use refill::Refill;

/// Seats left in one program: general, then each reserve.
#[derive(Clone, Debug)]
pub(crate) struct Seats {
    /// General seats.
    pub general: u64,
    /// Reserved seats, in the order of the policy.
    pub reserves: Vec<u64>,
    /// Most members of one household (see [`household_cap`]).
    pub cap: Option<u32>,
    /// Members of each household (by index) holding seats from earlier rounds and passes.
    pub households: BTreeMap<u32, u32>,
}

impl Seats {
    /// The seats of every program, from capacities and policies.
    pub fn of_plan(plan: &Plan) -> Vec<Seats> {
        plan.programs
            .iter()
            .map(|p| {
                let household = p.audience.as_ref().and_then(household_cap);
                let Some(cap) = p.capacity else {
                    return Seats {
                        general: u64::MAX,
                        reserves: Vec::new(),
                        cap: household,
                        households: BTreeMap::new(),
                    };
                };
                let mut left = u64::from(cap.max);
                let mut reserves = Vec::new();
                for r in p.allocation.iter().flat_map(|a| a.reserved.iter()) {
                    let take = u64::from(r.seats).min(left);
                    left = left.saturating_sub(take); // take <= left
                    reserves.push(take);
                }
                Seats {
                    general: left,
                    reserves,
                    cap: household,
                    households: BTreeMap::new(),
                }
            })
            .collect()
    }
}

/// The priority key of unit `u` at a choice: lower is better. Stamps are ranks among at
/// most [`super::MAX_APPLICATIONS`] applications, so they fit in 32 bits (no stamp: last).
pub(crate) fn key(mechanism: Mechanism, units: &Units, u: usize, choice: &Choice) -> u64 {
    key_of(primary(mechanism, units, u, choice), units.draw(u))
}

/// The key made of its upper half ([`primary`]) and the unit's place in the draw.
pub(crate) fn key_of(primary: u32, draw: u32) -> u64 {
    (u64::from(primary) << 32) | u64::from(draw)
}

/// The upper half of [`key`]: the tier, nothing, or the stamp's order.
pub(crate) fn primary(mechanism: Mechanism, units: &Units, u: usize, choice: &Choice) -> u32 {
    match mechanism {
        Mechanism::DeferredAcceptance => u32::from(choice.tier),
        Mechanism::SerialDictatorship => 0,
        Mechanism::FirstCome => units.stamp(u),
    }
}

/// The programs each unit of a run holds, flat: unit `i` of the run (counted from the
/// run's first unit) has room for its limit of programs.
#[derive(Clone, Debug, Default)]
pub(crate) struct Have {
    /// Start of each unit's room in `programs`.
    at: Vec<u32>,
    /// Programs held by each unit.
    len: Vec<u32>,
    /// Programs, in the order won.
    programs: Vec<u32>,
}

impl Have {
    /// Empty holdings for `units[range]`.
    fn new(units: &Units, range: Range<usize>) -> Have {
        let mut at = Vec::with_capacity(range.len());
        let mut total = 0u32;
        for u in range.clone() {
            at.push(total);
            total = total.saturating_add(units.limit(u));
        }
        Have {
            at,
            len: vec![0; range.len()],
            programs: vec![0; total as usize],
        }
    }

    /// Asks for unit `i`'s holdings ahead of use (see [`crate::hint`]).
    fn prefetch(&self, i: usize) {
        hint::prefetch_at(&self.at, i);
        hint::prefetch_at(&self.len, i);
    }

    /// Programs held by unit `i` of the run, in the order won.
    pub fn get(&self, i: usize) -> &[u32] {
        let start = self.at.get(i).copied().unwrap_or(0) as usize;
        let len = self.len.get(i).copied().unwrap_or(0) as usize;
        self.programs
            .get(start..start.saturating_add(len))
            .unwrap_or(&[])
    }

    /// Gives program `p` to unit `i` of the run (ignored beyond its room).
    fn push(&mut self, i: usize, p: u32) {
        let (Some(&start), Some(len)) = (self.at.get(i), self.len.get_mut(i)) else {
            return;
        };
        let end = self
            .at
            .get(i.saturating_add(1))
            .copied()
            .unwrap_or(self.programs.len() as u32);
        // Offsets and lengths are below the number of programs held, a `u32`.
        let at = start.saturating_add(*len);
        if at < end {
            if let Some(slot) = self.programs.get_mut(at as usize) {
                *slot = p;
                *len = len.saturating_add(1);
            }
        }
    }
}

/// The distance, in places of the queue, between the stages of asking for a unit's data
/// ahead of its proposal (see [`Run::allocate`]).
const LOOKAHEAD: usize = 8;

/// A unit held by a program: key, unit index, seats needed, reserve bits, slot taken.
#[derive(Clone, Copy, Debug)]
struct Held {
    key: u64,
    unit: u32,
    size: u64,
    reserves: u64,
    slot: u32,
}

/// What a program holds during a round.
enum Hold {
    /// Singletons, no reserves: a max-heap of (key, unit).
    Heap(BinaryHeap<(u64, u32)>),
    /// Anything else: chosen again at each proposal.
    List(Vec<Held>),
}

/// Chooses from `held` (sorted by key) for the seats; sets slots; returns the rejected.
/// Under a household cap, a unit whose household would exceed it is never taken.
fn choose(held: &mut Vec<Held>, seats: &Seats, units: &Units) -> Vec<Held> {
    crate::sort::sort_by_key(held, |h| h.key);
    let mut taken = vec![false; held.len()];
    let mut counts = if seats.cap.is_some() {
        seats.households.clone()
    } else {
        BTreeMap::new()
    };
    let households = |u: u32| -> &[u32] {
        if seats.cap.is_none() {
            return &[];
        }
        units.households(u as usize)
    };
    let mut left = seats.general;
    for (h, t) in held.iter_mut().zip(taken.iter_mut()) {
        if h.size <= left && household_fits(households(h.unit), &counts, seats.cap) {
            household_add(households(h.unit), &mut counts);
            left = left.saturating_sub(h.size); // h.size <= left
            *t = true;
            h.slot = 0;
        }
    }
    for (r, &seats_r) in seats.reserves.iter().enumerate() {
        let mut left = seats_r;
        let bit = if r < 64 { 1u64 << r } else { 0 };
        for pass in 0..2 {
            for (h, t) in held.iter_mut().zip(taken.iter_mut()) {
                if *t
                    || h.size > left
                    || (pass == 0 && h.reserves & bit == 0)
                    || !household_fits(households(h.unit), &counts, seats.cap)
                {
                    continue;
                }
                household_add(households(h.unit), &mut counts);
                left = left.saturating_sub(h.size); // h.size <= left
                *t = true;
                h.slot = u32::try_from(r).unwrap_or(u32::MAX).saturating_add(1);
            }
        }
    }
    let mut rejected = Vec::new();
    let mut keep = Vec::with_capacity(held.len());
    for (h, t) in held.iter().zip(taken) {
        if t {
            keep.push(*h);
        } else {
            rejected.push(*h);
        }
    }
    *held = keep;
    rejected
}

/// Input of one run of the engine.
pub(crate) struct Run<'a> {
    /// The mechanism.
    pub mechanism: Mechanism,
    /// Which programs run.
    pub running: &'a [bool],
    /// Programs held in a list (reserves, groups or household caps) rather than a heap.
    pub listed: &'a [bool],
    /// Overlapping programs (empty when nobody may get two programs).
    pub conflicts: &'a Conflicts,
}

impl Run<'_> {
    /// Whether a unit holding `have` (and `before`) may propose to `choice` this round, as
    /// far as the unit goes (whether the program runs is in the bar, see [`Run::allocate`]).
    fn open(&self, choice: &Choice, have: &[u32], before: &[u32]) -> bool {
        choice.eligible()
            && !have.contains(&choice.program)
            && (self.conflicts.is_empty()
                || !have
                    .iter()
                    .chain(before)
                    .any(|&q| self.conflicts.clash(q, choice.program)))
    }

    /// The bar of each program at the start of a round: the key a proposal must beat to
    /// be considered (lower keys are better). 0 for a program that does not run or has no
    /// seat left in a heap (nobody beats it), `u64::MAX` otherwise (every key beats it:
    /// keys are below, see [`key`]). A heap program's bar becomes the key of its worst
    /// holder once it is full, so that most proposals to a full program are turned away
    /// by one compact array rather than by its heap.
    fn bars(&self, seats: &[Seats]) -> Vec<u64> {
        seats
            .iter()
            .enumerate()
            .map(|(p, seat)| {
                let running = self.running.get(p).copied().unwrap_or(false);
                let listed = self.listed.get(p).copied().unwrap_or(true);
                if !running || (!listed && seat.general == 0) {
                    0
                } else {
                    u64::MAX
                }
            })
            .collect()
    }

    /// Allocates `units[range]`, with `seats` left per program; `before[i]` lists programs
    /// the members of the run's unit `i` already have from an earlier pass (for conflicts
    /// only). Returns the programs each unit gets, in the order won.
    pub fn allocate(
        &self,
        units: &Units,
        range: Range<usize>,
        seats: &mut [Seats],
        before: &[Vec<u32>],
    ) -> Have {
        let base = range.start;
        let mut have = Have::new(units, range.clone());
        let rounds = range.clone().map(|u| units.limit(u)).max().unwrap_or(0);
        let mut next: Vec<u32> = vec![0; range.len()];
        let mut holds: Vec<Option<Hold>> = Vec::new();
        let mut refill = range
            .clone()
            .any(|u| units.members(u).len() > 1)
            .then(|| Refill::new(seats.len(), range.len()));
        for _ in 0..rounds {
            if let Some(r) = refill.as_mut() {
                r.clear();
            }
            holds.clear();
            holds.resize_with(seats.len(), || None);
            let mut bar = self.bars(seats);
            next.iter_mut().for_each(|x| *x = 0);
            let mut queue: VecDeque<u32> = range
                .clone()
                .filter(|&u| (have.get(local(u, base)).len() as u32) < units.limit(u))
                .map(|u| u as u32)
                .collect();
            if queue.is_empty() {
                break;
            }
            if !self.listed.iter().zip(self.running).any(|(&l, &r)| l && r) {
                units.sort_by_draw(queue.make_contiguous());
            }
            while let Some(u) = queue.pop_front() {
                // Units propose in a scattered order (the draw's): their data is asked
                // for in stages, offsets first, then choices, then the program of the
                // choice they will propose to.
                if let Some(&far) = queue.get(3 * LOOKAHEAD) {
                    units.prefetch(far as usize);
                    hint::prefetch_at(&next, local(far as usize, base));
                    have.prefetch(local(far as usize, base));
                }
                if let Some(&mid) = queue.get(2 * LOOKAHEAD) {
                    units.prefetch_choices(mid as usize);
                }
                if let Some(&near) = queue.get(LOOKAHEAD) {
                    let at = next.get(local(near as usize, base)).copied().unwrap_or(0) as usize;
                    if let Some(c) = units.choices(near as usize).get(at) {
                        hint::prefetch_at(&bar, c.program as usize);
                        hint::prefetch_at(&holds, c.program as usize);
                        hint::prefetch_at(seats, c.program as usize);
                    }
                }
                let i = local(u as usize, base);
                let choices = units.choices(u as usize);
                let h = have.get(i);
                let prior = before.get(i).map_or(&[][..], Vec::as_slice);
                while let Some(ptr) = next.get_mut(i) {
                    let Some(choice) = choices.get(*ptr as usize) else {
                        break;
                    };
                    let at = *ptr;
                    *ptr = ptr.saturating_add(1); // *ptr < choices.len()
                    if !self.open(choice, h, prior) {
                        continue;
                    }
                    let p = choice.program as usize;
                    let k = key(self.mechanism, units, u as usize, choice);
                    let Some(bar_p) = bar.get_mut(p) else {
                        continue;
                    };
                    if k >= *bar_p {
                        // A bar of 0: the program takes nobody this round.
                        if let Some(r) = refill.as_mut().filter(|_| *bar_p != 0) {
                            r.turn(p, k, u, i, &next);
                        }
                        continue;
                    }
                    let (Some(hold), Some(seat)) = (holds.get_mut(p), seats.get(p)) else {
                        continue;
                    };
                    let hold = hold.get_or_insert_with(|| {
                        if self.listed.get(p).copied().unwrap_or(true) {
                            Hold::List(Vec::new())
                        } else {
                            Hold::Heap(BinaryHeap::with_capacity(seat.general.min(4096) as usize))
                        }
                    });
                    match hold {
                        Hold::Heap(heap) => {
                            if (heap.len() as u64) < seat.general {
                                heap.push((k, u));
                            } else {
                                // The bar is the top's key, so `k` beats it.
                                let Some(mut top) = heap.peek_mut().filter(|top| top.0 > k) else {
                                    if let Some(r) = refill.as_mut() {
                                        r.turn(p, k, u, i, &next);
                                    }
                                    continue;
                                };
                                let (out_key, out) = *top;
                                *top = (k, u);
                                drop(top);
                                queue.push_back(out);
                                if let Some(r) = refill.as_mut() {
                                    r.turn(p, out_key, out, local(out as usize, base), &next);
                                }
                            }
                            if let Some(r) = refill.as_mut() {
                                r.hold(i, at);
                            }
                            if heap.len() as u64 >= seat.general {
                                *bar_p = heap.peek().map_or(0, |top| top.0);
                            }
                            break;
                        }
                        Hold::List(list) => {
                            list.push(Held {
                                key: k,
                                unit: u,
                                size: units.members(u as usize).len() as u64,
                                reserves: units.reserves(units.flat(u as usize, at as usize)),
                                slot: 0,
                            });
                            let rejected = choose(list, seat, units);
                            if let Some(r) = refill.as_mut() {
                                r.hold(i, at);
                                for h in &rejected {
                                    r.turn(p, h.key, h.unit, local(h.unit as usize, base), &next);
                                }
                            }
                            if rejected.iter().any(|h| h.unit == u) {
                                continue;
                            }
                            queue.extend(rejected.iter().map(|h| h.unit));
                            break;
                        }
                    }
                }
            }
            if let Some(r) = refill.as_mut() {
                r.run(units, base, seats, &mut holds);
            }
            for (p, hold) in holds.iter_mut().enumerate() {
                let Some(seat) = seats.get_mut(p) else {
                    continue;
                };
                match hold.take() {
                    None => {}
                    Some(Hold::Heap(heap)) => {
                        seat.general = seat.general.saturating_sub(heap.len() as u64);
                        for (_, u) in heap.into_vec() {
                            have.push(local(u as usize, base), p as u32);
                        }
                    }
                    Some(Hold::List(list)) => {
                        for h in list {
                            if seat.cap.is_some() {
                                household_add(
                                    units.households(h.unit as usize),
                                    &mut seat.households,
                                );
                            }
                            let slot = match h.slot {
                                0 => Some(&mut seat.general),
                                s => seat.reserves.get_mut((s as usize).saturating_sub(1)), // s >= 1
                            };
                            if let Some(slot) = slot {
                                *slot = slot.saturating_sub(h.size);
                            }
                            have.push(local(h.unit as usize, base), p as u32);
                        }
                    }
                }
            }
        }
        have
    }
}

/// Index in the run of unit `u`: the run starts at unit `base`, and every unit it meets is at
/// or after it; `usize::MAX` (for one before, which cannot happen) indexes nothing.
fn local(u: usize, base: usize) -> usize {
    u.checked_sub(base).unwrap_or(usize::MAX)
}
