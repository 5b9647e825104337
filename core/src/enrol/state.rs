//! The waiting lists after an allocation: an enrolment state moved only by explicit events,
//! each carrying its time. The same allocation and event log always give the same state
//! ([`EnrolmentState::replay`]).
//!
//! - A seat freed (withdrawal, a declined or expired offer, a raised capacity, someone
//!   moving up to a better choice) is offered to the next unit on that program's waiting
//!   list, which continues the allocation order. A unit whose place can no longer help it
//!   (it has the program, it would clash with a program it ranks higher, or its limit is
//!   full of programs it ranks higher) leaves the list (`left_waitlist`). A group is offered
//!   seats only when enough are free for all its members; smaller units behind it may be
//!   offered the seats meanwhile.
//! - An offer is open for the plan's `offer_expiry_hours` (default 72). Before each event,
//!   every offer that expired by the event's time lapses (`offer_expired`) and its seat goes
//!   on, at the instant of expiry; before an event about a confidential program, only the
//!   confidential programs' offers do (see below).
//! - Accepting an offer enrols the unit; a program it holds that clashes with the new one,
//!   and then the lowest-ranked program beyond its limit, are given up (`dropped`) and their
//!   seats go on in turn.
//! - In a program with reserved seats, each seat is general or belongs to one reserve, as
//!   in the allocation. A freed reserved seat goes first to the next waiting unit that
//!   matches that reserve, and only when no waiting unit matching it can take it to the next
//!   waiting unit at all; free general seats go down the list in order, general seats first.
//! - In a program with a household limit (see [`super::units`]), a waiting unit whose
//!   household already holds the most seats it may (enrolled or offered) is passed over
//!   and keeps its place (`held_back` in [`ProgramState`]); it may be offered a seat once a
//!   member of its household leaves. The people the allocation refused `household_limit`
//!   are on the list too, held back from the start, at the place the allocation order gives
//!   them (priority, then draw; the allocation's own `waitlist` and their decision show no
//!   place): a freed seat goes to them once their household is below the limit, if no one
//!   ahead of them may take it.
//! - A lowered capacity removes nobody: no offer is made until seats are free again.
//! - Attendance is recorded per occurrence, for enrolled people only.
//!
//! The serde form leaves confidential programs out; [`EnrolmentState::for_program`] shows one.
//! Nor does it depend on them: an event about a confidential program moves only confidential
//! programs (their offers expire, nothing else), and the shared `now` is the time of the
//! last event about anything else, so the shared form is the same with or without those
//! events. The events themselves are in [`super::event`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Duration, FixedOffset};
use schemars::JsonSchema;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::error::EnrolError;
pub use super::event::{read_events, Event};
use super::ledger::Ledger;
use super::result::Allocation;
use super::units::{household_add, household_fits};
use super::MAX_EVENTS;

/// An open offer of seats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Offer {
    /// Program id.
    pub program: String,
    /// The people offered seats (a group offers one to each member).
    pub people: Vec<String>,
    /// When it was made.
    pub made_at: DateTime<FixedOffset>,
    /// When it lapses (absent: never, when the expiry is beyond the calendar).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<DateTime<FixedOffset>>,
}

/// Something that happened, as a consequence of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Happened {
    /// When.
    pub at: DateTime<FixedOffset>,
    /// `offer_made`, `offer_accepted`, `offer_declined`, `offer_expired`, `withdrawn`,
    /// `left_waitlist`, `dropped`, `capacity_changed`, `attendance_recorded`.
    pub what: &'static str,
    /// Program id.
    pub program: String,
    /// The people concerned.
    pub people: Vec<String>,
}

/// One program's state, as shown by [`EnrolmentState::for_program`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ProgramState {
    /// Program id.
    pub program: String,
    /// Whether the program runs.
    pub running: bool,
    /// Seats (`None`: unlimited).
    pub capacity: Option<u32>,
    /// People enrolled, in the order they got their seats.
    pub enrolled: Vec<String>,
    /// Open offers.
    pub offers: Vec<Offer>,
    /// People waiting, in order (the continuation of the allocation order), those in
    /// `held_back` included at their places.
    pub waitlist: Vec<String>,
    /// The people of `waitlist` passed over for now because their household holds (or is
    /// offered) the most seats of this program it may; left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held_back: Vec<String>,
    /// People present, by occurrence id.
    pub attendance: BTreeMap<String, Vec<String>>,
    /// What happened to this program.
    pub log: Vec<Happened>,
}

#[derive(Clone, Debug)]
struct OpenOffer {
    program: u32,
    unit: u32,
    /// The seat offered: 0 general, `i + 1` reserve `i`.
    slot: u32,
    made_at: DateTime<FixedOffset>,
    expires_at: Option<DateTime<FixedOffset>>,
}

/// The enrolment state after an allocation and some events.
#[derive(Clone, Debug)]
pub struct EnrolmentState {
    ledger: Ledger,
    confidential: BTreeSet<String>,
    now: Option<DateTime<FixedOffset>>,
    /// The time of the last event not about a confidential program: the shared `now`.
    shared_now: Option<DateTime<FixedOffset>>,
    capacity: Vec<Option<u32>>,
    enrolled: Vec<Vec<u32>>,
    /// Per program with reserves: (unit, seat) of each enrolled unit (0 general, `i + 1`
    /// reserve `i`).
    slots: Vec<Vec<(u32, u32)>>,
    waitlist: Vec<Vec<u32>>,
    offers: Vec<OpenOffer>,
    have: Vec<Vec<u32>>,
    attendance: Vec<BTreeMap<String, Vec<String>>>,
    log: Vec<(u32, DateTime<FixedOffset>, &'static str, u32)>,
    units_of: HashMap<String, Vec<u32>>,
    program_of: HashMap<String, u32>,
}

fn invalid(path: &str, message: impl Into<String>) -> EnrolError {
    EnrolError::InvalidEvent {
        path: path.to_owned(),
        message: message.into(),
    }
}

impl EnrolmentState {
    /// The state right after `allocation`, before any event.
    pub fn new(allocation: &Allocation) -> EnrolmentState {
        let ledger = allocation.ledger();
        let mut have: Vec<Vec<u32>> = vec![Vec::new(); ledger.units.len()];
        for (p, prog) in ledger.programs.iter().enumerate() {
            for &u in &prog.enrolled {
                if let Some(h) = have.get_mut(u as usize) {
                    h.push(p as u32);
                }
            }
        }
        let mut units_of: HashMap<String, Vec<u32>> = HashMap::new();
        for (u, unit) in ledger.units.iter().enumerate() {
            for m in &unit.members {
                units_of.entry(m.clone()).or_default().push(u as u32);
            }
        }
        let mut program_of = HashMap::new();
        for (p, prog) in ledger.programs.iter().enumerate() {
            program_of.entry(prog.id.clone()).or_insert(p as u32);
        }
        let slots = (0..ledger.programs.len())
            .map(|p| initial_slots(&ledger, p))
            .collect();
        EnrolmentState {
            slots,
            capacity: ledger.programs.iter().map(|p| p.capacity).collect(),
            enrolled: ledger.programs.iter().map(|p| p.enrolled.clone()).collect(),
            waitlist: ledger.programs.iter().map(|p| p.waitlist.clone()).collect(),
            attendance: vec![BTreeMap::new(); ledger.programs.len()],
            offers: Vec::new(),
            have,
            log: Vec::new(),
            now: None,
            shared_now: None,
            confidential: allocation.confidential_ids(),
            units_of,
            program_of,
            ledger,
        }
    }

    /// The state after `events`, applied in order to the state right after `allocation`.
    ///
    /// Errors: `too_large`, and the errors of [`EnrolmentState::apply`] with the path of the
    /// offending event (`events[3]`).
    pub fn replay(allocation: &Allocation, events: &[Event]) -> Result<EnrolmentState, EnrolError> {
        if events.len() > MAX_EVENTS {
            return Err(EnrolError::TooLarge {
                path: "events".to_owned(),
                what: "events",
                limit: MAX_EVENTS as u64,
            });
        }
        let mut state = EnrolmentState::new(allocation);
        for (i, e) in events.iter().enumerate() {
            // No copy needed: an error discards the whole replay.
            state.apply_at(e, &format!("events[{i}]"), false)?;
        }
        Ok(state)
    }

    /// Applies one event. Errors: `invalid_event` (earlier than the previous event, no such
    /// offer, nothing to withdraw, attendance of someone not enrolled), `unknown_person`,
    /// `unknown_program`. A failed event leaves the state unchanged.
    pub fn apply(&mut self, event: &Event) -> Result<(), EnrolError> {
        self.apply_at(event, "event", true)
    }

    fn apply_at(&mut self, event: &Event, path: &str, atomic: bool) -> Result<(), EnrolError> {
        let at = event.at();
        if self.now.is_some_and(|now| at < now) {
            return Err(invalid(path, "the event is earlier than the previous one"));
        }
        // Check before changing anything, so that a failed event changes nothing.
        let target = match event {
            Event::Withdraw {
                person, program, ..
            }
            | Event::Accept {
                person, program, ..
            }
            | Event::Decline {
                person, program, ..
            } => {
                let p = self.program(program, path)?;
                Some((self.unit(person, p, path)?, p))
            }
            Event::Capacity { program, .. } => {
                self.program(program, path)?;
                None
            }
            Event::Attendance {
                program, present, ..
            } => {
                let p = self.program(program, path)?;
                for person in present {
                    let u = self.unit(person, p, path)?;
                    if !self.holds(u, p) {
                        return Err(invalid(path, format!("{person:?} is not enrolled")));
                    }
                }
                None
            }
            Event::Tick { .. } => None,
        };
        if atomic {
            let mut trial = self.clone();
            trial.step(event, target, at, path)?;
            *self = trial;
            Ok(())
        } else {
            self.step(event, target, at, path)
        }
    }

    fn step(
        &mut self,
        event: &Event,
        target: Option<(u32, u32)>,
        at: DateTime<FixedOffset>,
        path: &str,
    ) -> Result<(), EnrolError> {
        let trial = self;
        trial.now = Some(at);
        // An event about a confidential program moves only confidential programs: their
        // offers expire, the shared clock and the shared programs' offers wait for the next
        // shared event, so the shared form is the same without it.
        let secret = trial.about_confidential(event);
        if !secret {
            trial.shared_now = Some(at);
        }
        trial.expire(at, secret);
        match (event, target) {
            (Event::Withdraw { .. }, Some((u, p))) => trial.withdraw(u, p, at, path)?,
            (Event::Accept { .. }, Some((u, p))) => trial.accept(u, p, at, path)?,
            (Event::Decline { .. }, Some((u, p))) => {
                let i = trial
                    .offer_index(u, p)
                    .ok_or_else(|| invalid(path, "no open offer"))?;
                trial.offers.remove(i);
                trial.note(at, "offer_declined", p, u);
                trial.refill(p, at);
            }
            (Event::Capacity { program, max, .. }, _) => {
                let p = trial.program(program, path)?;
                if let Some(c) = trial.capacity.get_mut(p as usize) {
                    *c = Some(*max);
                }
                trial.log.push((p, at, "capacity_changed", u32::MAX));
                trial.refill(p, at);
            }
            (
                Event::Attendance {
                    program,
                    occurrence,
                    present,
                    ..
                },
                _,
            ) => {
                let p = trial.program(program, path)?;
                let mut list = present.clone();
                crate::sort::sort(&mut list);
                list.dedup();
                if let Some(a) = trial.attendance.get_mut(p as usize) {
                    a.insert(occurrence.clone(), list);
                }
                trial.log.push((p, at, "attendance_recorded", u32::MAX));
            }
            _ => {}
        }
        Ok(())
    }

    fn program(&self, id: &str, path: &str) -> Result<u32, EnrolError> {
        self.program_of
            .get(id)
            .copied()
            .ok_or_else(|| EnrolError::UnknownProgram {
                path: format!("{path}.program"),
                id: id.to_owned(),
            })
    }

    fn unit(&self, person: &str, p: u32, path: &str) -> Result<u32, EnrolError> {
        let units = self
            .units_of
            .get(person)
            .ok_or_else(|| EnrolError::UnknownPerson {
                path: format!("{path}.person"),
                id: person.to_owned(),
            })?;
        units
            .iter()
            .copied()
            .find(|&u| {
                self.ledger
                    .units
                    .get(u as usize)
                    .is_some_and(|x| x.choices.contains(&p))
            })
            .ok_or_else(|| invalid(path, format!("{person:?} did not apply for this program")))
    }

    fn holds(&self, u: u32, p: u32) -> bool {
        self.have.get(u as usize).is_some_and(|h| h.contains(&p))
    }

    fn offer_index(&self, u: u32, p: u32) -> Option<usize> {
        self.offers
            .iter()
            .position(|o| o.unit == u && o.program == p)
    }

    fn note(&mut self, at: DateTime<FixedOffset>, what: &'static str, p: u32, u: u32) {
        self.log.push((p, at, what, u));
    }

    fn size(&self, u: u32) -> u64 {
        self.ledger
            .units
            .get(u as usize)
            .map_or(1, |x| x.members.len() as u64)
    }

    fn rank(&self, u: u32, p: u32) -> usize {
        self.ledger
            .units
            .get(u as usize)
            .and_then(|x| x.choices.iter().position(|&c| c == p))
            .unwrap_or(usize::MAX)
    }

    /// Lapses every offer that expired by `at`, earliest first, passing each seat on.
    /// Whether `event` is about a confidential program.
    fn about_confidential(&self, event: &Event) -> bool {
        event
            .program()
            .is_some_and(|p| self.confidential.contains(p))
    }

    /// Whether program `p` (by plan index) is confidential.
    fn is_secret(&self, p: u32) -> bool {
        self.ledger
            .programs
            .get(p as usize)
            .is_some_and(|prog| self.confidential.contains(&prog.id))
    }

    /// Expires the offers due by `at` (`only_secret`: of confidential programs only), in
    /// the order they fell due, refilling each seat.
    fn expire(&mut self, at: DateTime<FixedOffset>, only_secret: bool) {
        while let Some((i, when)) = self
            .offers
            .iter()
            .enumerate()
            .filter(|(_, o)| !only_secret || self.is_secret(o.program))
            .filter_map(|(i, o)| o.expires_at.filter(|&e| e <= at).map(|e| (i, e)))
            .min_by_key(|&(i, when)| (when, i))
        {
            let o = self.offers.remove(i);
            self.note(when, "offer_expired", o.program, o.unit);
            self.refill(o.program, when);
        }
    }

    fn withdraw(
        &mut self,
        u: u32,
        p: u32,
        at: DateTime<FixedOffset>,
        path: &str,
    ) -> Result<(), EnrolError> {
        if self.holds(u, p) {
            self.release(u, p);
            self.note(at, "withdrawn", p, u);
            self.refill(p, at);
        } else if let Some(i) = self.offer_index(u, p) {
            self.offers.remove(i);
            self.note(at, "withdrawn", p, u);
            self.refill(p, at);
        } else if let Some(w) = self.waitlist.get_mut(p as usize) {
            let Some(i) = w.iter().position(|&x| x == u) else {
                return Err(invalid(path, "nothing to withdraw from"));
            };
            w.remove(i);
            self.note(at, "withdrawn", p, u);
        }
        Ok(())
    }

    fn release(&mut self, u: u32, p: u32) {
        if let Some(e) = self.enrolled.get_mut(p as usize) {
            e.retain(|&x| x != u);
        }
        if let Some(s) = self.slots.get_mut(p as usize) {
            s.retain(|&(x, _)| x != u);
        }
        if let Some(h) = self.have.get_mut(u as usize) {
            h.retain(|&x| x != p);
        }
    }

    fn accept(
        &mut self,
        u: u32,
        p: u32,
        at: DateTime<FixedOffset>,
        path: &str,
    ) -> Result<(), EnrolError> {
        let i = self
            .offer_index(u, p)
            .ok_or_else(|| invalid(path, "no open offer"))?;
        let offer = self.offers.remove(i);
        if let Some(e) = self.enrolled.get_mut(p as usize) {
            e.push(u);
        }
        if let Some(s) = self.slots.get_mut(p as usize) {
            s.push((u, offer.slot));
        }
        if let Some(h) = self.have.get_mut(u as usize) {
            h.push(p);
        }
        self.note(at, "offer_accepted", p, u);
        let mut drop: Vec<u32> = self
            .have
            .get(u as usize)
            .map(|h| {
                h.iter()
                    .copied()
                    .filter(|&q| self.ledger.conflicts.clash(q, p))
                    .collect()
            })
            .unwrap_or_default();
        let limit = self.ledger.units.get(u as usize).map_or(1, |x| x.limit) as usize;
        let mut kept: Vec<u32> = self
            .have
            .get(u as usize)
            .map(|h| h.iter().copied().filter(|q| !drop.contains(q)).collect())
            .unwrap_or_default();
        crate::sort::sort_by_key(&mut kept, |&q| self.rank(u, q));
        drop.extend(kept.iter().skip(limit));
        for q in drop {
            self.release(u, q);
            self.note(at, "dropped", q, u);
            self.refill(q, at);
        }
        Ok(())
    }

    /// Whether unit `u` still gains from a seat in `p`.
    fn wants(&self, u: u32, p: u32) -> bool {
        let Some(unit) = self.ledger.units.get(u as usize) else {
            return false;
        };
        let held = self.have.get(u as usize).map_or(&[][..], |h| &h[..]);
        if held.contains(&p) {
            return false;
        }
        let rank = self.rank(u, p);
        if held
            .iter()
            .chain(&unit.before)
            .any(|&q| self.ledger.conflicts.clash(q, p) && self.rank(u, q) < rank)
        {
            return false;
        }
        !(held.len() as u32 >= unit.limit && held.iter().all(|&q| self.rank(u, q) < rank))
    }

    /// Members of each household holding or offered a seat in `p`, with the program's
    /// household cap; `None` when `p` has no cap.
    fn household_counts(&self, p: u32) -> Option<(u32, BTreeMap<u32, u32>)> {
        let cap = self.ledger.programs.get(p as usize)?.household_cap?;
        let mut counts = BTreeMap::new();
        let holders = self
            .enrolled
            .get(p as usize)
            .map_or(&[][..], |e| &e[..])
            .iter()
            .copied()
            .chain(
                self.offers
                    .iter()
                    .filter(|o| o.program == p)
                    .map(|o| o.unit),
            );
        for u in holders {
            if let Some(unit) = self.ledger.units.get(u as usize) {
                household_add(&unit.households, &mut counts);
            }
        }
        Some((cap, counts))
    }

    /// Whether unit `u` fits in `counts` (from [`Self::household_counts`]).
    fn household_fits(&self, u: u32, counts: &Option<(u32, BTreeMap<u32, u32>)>) -> bool {
        let Some((cap, counts)) = counts else {
            return true;
        };
        self.ledger
            .units
            .get(u as usize)
            .is_none_or(|x| household_fits(&x.households, counts, Some(*cap)))
    }

    /// Counts unit `u`'s members in `counts` after an offer.
    fn household_offer(&self, u: u32, counts: &mut Option<(u32, BTreeMap<u32, u32>)>) {
        if let (Some((_, counts)), Some(unit)) = (counts, self.ledger.units.get(u as usize)) {
            household_add(&unit.households, counts);
        }
    }

    /// Offers the free seats of `p` down its waiting list.
    fn refill(&mut self, p: u32, at: DateTime<FixedOffset>) {
        let running = self
            .ledger
            .programs
            .get(p as usize)
            .is_some_and(|x| x.running);
        if !running {
            return;
        }
        let Some(cap) = self.capacity.get(p as usize).copied() else {
            return;
        };
        if self
            .ledger
            .programs
            .get(p as usize)
            .is_some_and(|x| !x.reserved.is_empty())
        {
            self.refill_reserved(p, cap, at);
            return;
        }
        let cap = cap.map_or(u64::MAX, u64::from);
        let taken: u64 = self
            .enrolled
            .get(p as usize)
            .map_or(0, |e| e.iter().map(|&u| self.size(u)).sum::<u64>())
            .saturating_add(
                self.offers
                    .iter()
                    .filter(|o| o.program == p)
                    .map(|o| self.size(o.unit))
                    .sum::<u64>(),
            ); // at most the number of people
        let mut free = cap.saturating_sub(taken);
        let hours = i64::from(self.ledger.offer_hours);
        let list = self.waitlist.get(p as usize).cloned().unwrap_or_default();
        let mut left = Vec::with_capacity(list.len());
        let mut counts = self.household_counts(p);
        for u in list {
            if free == 0 {
                left.push(u);
                continue;
            }
            if !self.wants(u, p) {
                self.note(at, "left_waitlist", p, u);
                continue;
            }
            let size = self.size(u);
            if size > free || !self.household_fits(u, &counts) {
                left.push(u);
                continue;
            }
            self.household_offer(u, &mut counts);
            free = free.saturating_sub(size); // size <= free
            self.offers.push(OpenOffer {
                program: p,
                unit: u,
                slot: 0,
                made_at: at,
                expires_at: Duration::try_hours(hours).and_then(|d| at.checked_add_signed(d)),
            });
            self.note(at, "offer_made", p, u);
        }
        if let Some(w) = self.waitlist.get_mut(p as usize) {
            *w = left;
        }
    }

    /// Whether unit `u` matches reserve `r` of program `p`.
    fn matches(&self, u: u32, p: u32, r: usize) -> bool {
        self.ledger.units.get(u as usize).is_some_and(|x| {
            x.choices
                .iter()
                .position(|&c| c == p)
                .and_then(|k| x.reserves.get(k))
                .is_some_and(|bits| r < 64 && bits & (1u64 << r) != 0)
        })
    }

    /// Refill of a program with reserved seats, under the allocation's rules: the free
    /// general seats go down the waiting list in order; then each reserve's free seats go
    /// first to the next waiting units that match it, and only when none of them can take
    /// a seat to the next waiting units at all (the rule for unfilled reserves).
    fn refill_reserved(&mut self, p: u32, cap: Option<u32>, at: DateTime<FixedOffset>) {
        let Some(prog) = self.ledger.programs.get(p as usize) else {
            return;
        };
        let mut free = seats(cap, &prog.reserved);
        let held = self
            .slots
            .get(p as usize)
            .map_or(&[][..], |s| &s[..])
            .iter()
            .copied()
            .chain(
                self.offers
                    .iter()
                    .filter(|o| o.program == p)
                    .map(|o| (o.unit, o.slot)),
            )
            .map(|(u, slot)| (self.size(u), slot))
            .collect::<Vec<_>>();
        for (size, slot) in held {
            if let Some(f) = free.get_mut(slot as usize) {
                *f = f.saturating_sub(size);
            }
        }
        let hours = i64::from(self.ledger.offer_hours);
        let list = self.waitlist.get(p as usize).cloned().unwrap_or_default();
        let mut done = vec![false; list.len()];
        let mut counts = self.household_counts(p);
        for slot in 0..free.len() {
            for pass in 0..2 {
                if (slot == 0 && pass == 0) || free.get(slot).is_none_or(|&f| f == 0) {
                    continue;
                }
                for (i, &u) in list.iter().enumerate() {
                    let left = free.get(slot).copied().unwrap_or(0);
                    if left == 0 {
                        break;
                    }
                    if done.get(i).copied().unwrap_or(true)
                        || (slot > 0 && pass == 0 && !self.matches(u, p, slot.saturating_sub(1)))
                    {
                        continue;
                    }
                    if !self.wants(u, p) {
                        self.note(at, "left_waitlist", p, u);
                        if let Some(d) = done.get_mut(i) {
                            *d = true;
                        }
                        continue;
                    }
                    let size = self.size(u);
                    if size > left || !self.household_fits(u, &counts) {
                        continue;
                    }
                    self.household_offer(u, &mut counts);
                    if let Some(f) = free.get_mut(slot) {
                        *f = f.saturating_sub(size); // size <= left = *f
                    }
                    if let Some(d) = done.get_mut(i) {
                        *d = true;
                    }
                    self.offers.push(OpenOffer {
                        program: p,
                        unit: u,
                        slot: slot as u32,
                        made_at: at,
                        expires_at: Duration::try_hours(hours)
                            .and_then(|d| at.checked_add_signed(d)),
                    });
                    self.note(at, "offer_made", p, u);
                }
            }
        }
        let left: Vec<u32> = list
            .iter()
            .zip(&done)
            .filter(|(_, &d)| !d)
            .map(|(&u, _)| u)
            .collect();
        if let Some(w) = self.waitlist.get_mut(p as usize) {
            *w = left;
        }
    }

    fn people(&self, u: u32) -> Vec<String> {
        self.ledger
            .units
            .get(u as usize)
            .map(|x| x.members.clone())
            .unwrap_or_default()
    }

    /// The state of one program, confidential ones included; `None` for an unknown id.
    pub fn for_program(&self, id: &str) -> Option<ProgramState> {
        let p = *self.program_of.get(id)?;
        let prog = self.ledger.programs.get(p as usize)?;
        let names =
            |list: &[u32]| -> Vec<String> { list.iter().flat_map(|&u| self.people(u)).collect() };
        let waiting = self.waitlist.get(p as usize).map_or(&[][..], |x| &x[..]);
        let counts = self.household_counts(p);
        let held_back: Vec<u32> = waiting
            .iter()
            .copied()
            .filter(|&u| !self.household_fits(u, &counts))
            .collect();
        Some(ProgramState {
            program: id.to_owned(),
            running: prog.running,
            capacity: self.capacity.get(p as usize).copied().flatten(),
            enrolled: names(self.enrolled.get(p as usize).map_or(&[][..], |x| &x[..])),
            offers: self
                .offers
                .iter()
                .filter(|o| o.program == p)
                .map(|o| Offer {
                    program: id.to_owned(),
                    people: self.people(o.unit),
                    made_at: o.made_at,
                    expires_at: o.expires_at,
                })
                .collect(),
            waitlist: names(waiting),
            held_back: names(&held_back),
            attendance: self.attendance.get(p as usize).cloned().unwrap_or_default(),
            log: self
                .log
                .iter()
                .filter(|e| e.0 == p)
                .map(|&(_, at, what, u)| Happened {
                    at,
                    what,
                    program: id.to_owned(),
                    people: if u == u32::MAX {
                        Vec::new()
                    } else {
                        self.people(u)
                    },
                })
                .collect(),
        })
    }
}

impl Serialize for EnrolmentState {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let programs: BTreeMap<&String, ProgramState> = self
            .ledger
            .programs
            .iter()
            .filter(|p| !self.confidential.contains(&p.id))
            .filter_map(|p| self.for_program(&p.id).map(|s| (&p.id, s)))
            .collect();
        let mut s = serializer.serialize_struct("EnrolmentState", 2)?;
        s.serialize_field("now", &self.shared_now)?;
        s.serialize_field("programs", &programs)?;
        s.end()
    }
}

/// Free seats of a program: `[general, reserve 0, reserve 1, …]`, as in the allocation
/// (reserves come out of the capacity in order; the rest is general).
fn seats(cap: Option<u32>, reserved: &[u32]) -> Vec<u64> {
    let mut left = cap.map_or(u64::MAX, u64::from);
    let mut out = vec![0u64];
    for &r in reserved {
        let take = u64::from(r).min(left);
        left = left.saturating_sub(take); // take <= left
        out.push(take);
    }
    if let Some(g) = out.first_mut() {
        *g = left;
    }
    out
}

/// The seat of each enrolled unit right after the allocation, chosen as the allocation
/// does: general seats by priority, then each reserve (matching units first).
fn initial_slots(ledger: &Ledger, p: usize) -> Vec<(u32, u32)> {
    let Some(prog) = ledger.programs.get(p) else {
        return Vec::new();
    };
    if prog.reserved.is_empty() {
        return prog.enrolled.iter().map(|&u| (u, 0)).collect();
    }
    let size = |u: u32| {
        ledger
            .units
            .get(u as usize)
            .map_or(1, |x| x.members.len() as u64)
    };
    let matches = |u: u32, r: usize| {
        ledger.units.get(u as usize).is_some_and(|x| {
            x.choices
                .iter()
                .position(|&c| c as usize == p)
                .and_then(|k| x.reserves.get(k))
                .is_some_and(|bits| r < 64 && bits & (1u64 << r) != 0)
        })
    };
    let mut free = seats(prog.capacity, &prog.reserved);
    let mut slot: Vec<Option<u32>> = vec![None; prog.enrolled.len()];
    for s in 0..free.len() {
        for pass in 0..2 {
            if s == 0 && pass == 0 {
                continue;
            }
            for (i, &u) in prog.enrolled.iter().enumerate() {
                let left = free.get(s).copied().unwrap_or(0);
                let taken = slot.get(i).is_none_or(Option::is_some);
                if taken
                    || size(u) > left
                    || (s > 0 && pass == 0 && !matches(u, s.saturating_sub(1)))
                {
                    continue;
                }
                if let Some(f) = free.get_mut(s) {
                    *f = f.saturating_sub(size(u)); // size(u) <= left = *f
                }
                if let Some(x) = slot.get_mut(i) {
                    *x = Some(s as u32);
                }
            }
        }
    }
    prog.enrolled
        .iter()
        .zip(slot)
        .map(|(&u, s)| (u, s.unwrap_or(0)))
        .collect()
}
