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
//! seat for each member; a group that does not fit is passed over for the next unit that
//! does. Keys compare as (primary, draw): primary is the tier (deferred acceptance), nothing
//! (serial dictatorship) or the order of `submitted_at` (first come).
//!
//! **Household limits.** A program capped at `N` members of one household
//! ([`super::units::household_cap`]) keeps, in key order, only units whose households stay
//! within the cap (counting members enrolled in earlier rounds): in deferred acceptance a
//! member displaced by a better-priority member of the same household is refused and
//! proposes on; in serial dictatorship and first come the later member is refused. Capped
//! programs are held in a list. The cap makes the choice of a program depend on who else
//! is held, so the stability statement above holds for programs without such a cap only.

use std::collections::{BTreeMap, BinaryHeap, VecDeque};

use super::conflicts::Conflicts;
use super::units::{household_add, household_cap, household_fits, Choice, Unit};
use crate::plan::{Mechanism, Plan};

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
                    left -= take;
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

/// The priority key of a unit at a choice: lower is better. Stamps are ranks among at most
/// [`super::MAX_APPLICATIONS`] applications, so they fit in 32 bits (no stamp: last).
pub(crate) fn key(mechanism: Mechanism, unit: &Unit, choice: &Choice) -> u64 {
    let primary: u32 = match mechanism {
        Mechanism::DeferredAcceptance => choice.tier,
        Mechanism::SerialDictatorship => 0,
        Mechanism::FirstCome => u32::try_from(unit.stamp).unwrap_or(u32::MAX),
    };
    (u64::from(primary) << 32) | u64::from(unit.draw)
}

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
fn choose(held: &mut Vec<Held>, seats: &Seats, units: &[Unit]) -> Vec<u32> {
    held.sort_by_key(|h| h.key);
    let mut taken = vec![false; held.len()];
    let mut counts = if seats.cap.is_some() {
        seats.households.clone()
    } else {
        BTreeMap::new()
    };
    let empty: Vec<u32> = Vec::new();
    let households = |u: u32| -> &Vec<u32> {
        if seats.cap.is_none() {
            return &empty;
        }
        units.get(u as usize).map_or(&empty, |x| &x.households)
    };
    let mut left = seats.general;
    for (h, t) in held.iter_mut().zip(taken.iter_mut()) {
        if h.size <= left && household_fits(households(h.unit), &counts, seats.cap) {
            household_add(households(h.unit), &mut counts);
            left -= h.size;
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
                left -= h.size;
                *t = true;
                h.slot = r as u32 + 1;
            }
        }
    }
    let mut rejected = Vec::new();
    let mut keep = Vec::with_capacity(held.len());
    for (h, t) in held.iter().zip(taken) {
        if t {
            keep.push(*h);
        } else {
            rejected.push(h.unit);
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
    /// Whether unit `u` (with `have` already) may propose to `choice` in this round.
    fn open(&self, choice: &Choice, have: &[u32], before: &[u32]) -> bool {
        choice.refusal.is_none()
            && self
                .running
                .get(choice.program as usize)
                .copied()
                .unwrap_or(false)
            && !have.contains(&choice.program)
            && !have
                .iter()
                .chain(before)
                .any(|&q| self.conflicts.clash(q, choice.program))
    }

    /// Allocates `units`, with `seats` left per program; `before[u]` lists programs the
    /// unit's members already have from an earlier pass (for conflicts only). Returns the
    /// programs each unit gets, in the order won.
    pub fn allocate(
        &self,
        units: &[Unit],
        seats: &mut [Seats],
        before: &[Vec<u32>],
    ) -> Vec<Vec<u32>> {
        let mut have: Vec<Vec<u32>> = vec![Vec::new(); units.len()];
        let rounds = units.iter().map(|u| u.limit).max().unwrap_or(0);
        let empty: Vec<u32> = Vec::new();
        for _ in 0..rounds {
            let mut holds: Vec<Option<Hold>> = Vec::new();
            holds.resize_with(seats.len(), || None);
            let mut next: Vec<u32> = vec![0; units.len()];
            let mut queue: VecDeque<u32> = units
                .iter()
                .enumerate()
                .filter(|(i, u)| have.get(*i).is_some_and(|h| (h.len() as u32) < u.limit))
                .map(|(i, _)| i as u32)
                .collect();
            if queue.is_empty() {
                break;
            }
            while let Some(u) = queue.pop_front() {
                let (Some(unit), Some(h)) = (units.get(u as usize), have.get(u as usize)) else {
                    continue;
                };
                let prior = before.get(u as usize).unwrap_or(&empty);
                while let Some(ptr) = next.get_mut(u as usize) {
                    let Some(choice) = unit.choices.get(*ptr as usize) else {
                        break;
                    };
                    *ptr += 1;
                    if !self.open(choice, h, prior) {
                        continue;
                    }
                    let p = choice.program as usize;
                    let (Some(hold), Some(seat)) = (holds.get_mut(p), seats.get(p)) else {
                        continue;
                    };
                    let k = key(self.mechanism, unit, choice);
                    let hold = hold.get_or_insert_with(|| {
                        if self.listed.get(p).copied().unwrap_or(true) {
                            Hold::List(Vec::new())
                        } else {
                            Hold::Heap(BinaryHeap::new())
                        }
                    });
                    match hold {
                        Hold::Heap(heap) => {
                            if (heap.len() as u64) < seat.general {
                                heap.push((k, u));
                                break;
                            }
                            match heap.peek_mut() {
                                Some(mut top) if top.0 > k => {
                                    let out = top.1;
                                    *top = (k, u);
                                    drop(top);
                                    queue.push_back(out);
                                    break;
                                }
                                _ => continue,
                            }
                        }
                        Hold::List(list) => {
                            list.push(Held {
                                key: k,
                                unit: u,
                                size: unit.members.len() as u64,
                                reserves: choice.reserves,
                                slot: 0,
                            });
                            let rejected = choose(list, seat, units);
                            if rejected.contains(&u) {
                                continue;
                            }
                            queue.extend(rejected);
                            break;
                        }
                    }
                }
            }
            for (p, hold) in holds.into_iter().enumerate() {
                let Some(seat) = seats.get_mut(p) else {
                    continue;
                };
                match hold {
                    None => {}
                    Some(Hold::Heap(heap)) => {
                        seat.general = seat.general.saturating_sub(heap.len() as u64);
                        for (_, u) in heap.into_vec() {
                            if let Some(h) = have.get_mut(u as usize) {
                                h.push(p as u32);
                            }
                        }
                    }
                    Some(Hold::List(list)) => {
                        for h in list {
                            if seat.cap.is_some() {
                                if let Some(unit) = units.get(h.unit as usize) {
                                    household_add(&unit.households, &mut seat.households);
                                }
                            }
                            let slot = match h.slot {
                                0 => Some(&mut seat.general),
                                s => seat.reserves.get_mut(s as usize - 1),
                            };
                            if let Some(slot) = slot {
                                *slot = slot.saturating_sub(h.size);
                            }
                            if let Some(v) = have.get_mut(h.unit as usize) {
                                v.push(p as u32);
                            }
                        }
                    }
                }
            }
        }
        have
    }
}
