//! Invariants of the allocation with groups and of the waiting lists after it, on random
//! small instances and random event logs (withdraw, accept, decline, capacity, time
//! passing): input order changes nothing, capacity is never exceeded by an offer, no
//! household holds more seats of a program than its limit, nobody ineligible is enrolled or
//! offered a seat, a replayed log gives a byte-identical state, no seat stays free while a
//! waiting unit fits it, and every freed seat is offered to the first unit in the waiting
//! order that may take it, people the allocation refused `household_limit` included (they
//! wait, held back, at their place in the allocation order).
//!
//! All properties draw groups of two (often of one household) among individuals, one seat
//! each, no reserves and no timetables, so that "may take a freed seat" can be checked from
//! the public state and the instance alone: a waiting unit (a person, or a group with its
//! members side by side) may be offered seats unless it holds a program it ranks higher,
//! its household would exceed the program's limit with all its members, or it needs more
//! seats than are free (a group of two behind one free seat; units behind it may take it).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, FixedOffset};
use huaide::enrol::state::ProgramState;
use huaide::enrol::{allocate, read_allocation_request, Allocation, EnrolmentState, Event};
use proptest::prelude::*;
use serde_json::{json, Value};

#[derive(Clone, Debug)]
struct Instance {
    /// Per program: seats, household `max_enrolled`, whether tag `x` is required.
    programs: Vec<(u32, Option<u32>, bool)>,
    /// Per person: household, has tag `x`.
    people: Vec<(Option<u32>, bool)>,
    /// Per person: choices (program indices; duplicates dropped, none: no application).
    choices: Vec<Vec<usize>>,
    mechanism: usize,
    /// Per event: kind, two selectors, hours after the previous event, a capacity.
    events: Vec<(u8, usize, usize, u32, u32)>,
    /// Per pair of people `2k, 2k + 1`: whether they apply together (with `2k`'s choices).
    groups: Vec<bool>,
}

fn instance() -> impl Strategy<Value = Instance> {
    (1usize..4, 3usize..10).prop_flat_map(|(np, npeople)| {
        (
            proptest::collection::vec(
                (
                    1u32..4,
                    proptest::option::weighted(0.7, prop_oneof![3 => Just(1u32), 1 => Just(2u32)]),
                    proptest::bool::weighted(0.3),
                ),
                np,
            ),
            proptest::collection::vec(
                (
                    proptest::option::weighted(0.7, 0u32..2),
                    proptest::bool::weighted(0.8),
                ),
                npeople,
            ),
            proptest::collection::vec(proptest::collection::vec(0..np, 0..np + 1), npeople),
            0usize..3,
            proptest::collection::vec((0u8..7, 0usize..64, 0usize..64, 0u32..60, 0u32..5), 0..24),
        )
            .prop_map(|(programs, people, choices, mechanism, events)| Instance {
                programs,
                people,
                choices,
                mechanism,
                events,
                groups: Vec::new(),
            })
    })
}

/// An instance of [`instance`] in which about half the pairs of people apply together.
fn grouped() -> impl Strategy<Value = Instance> {
    instance()
        .prop_flat_map(|inst| {
            let pairs = inst.people.len() / 2;
            (
                Just(inst),
                proptest::collection::vec(proptest::bool::weighted(0.5), pairs),
            )
        })
        .prop_map(|(mut inst, groups)| {
            inst.groups = groups;
            inst
        })
}

/// Whether person `i` applies as the second member of a group (not on their own).
fn follows(inst: &Instance, i: usize) -> bool {
    i % 2 == 1 && inst.groups.get(i / 2).copied().unwrap_or(false)
}

const MECH: [&str; 3] = ["deferred_acceptance", "serial_dictatorship", "first_come"];

fn allocation(inst: &Instance) -> Allocation {
    allocation_in_order(inst, false)
}

/// The allocation of `inst`, with the people and the applications listed in reverse when
/// `reverse` is set.
fn allocation_in_order(inst: &Instance, reverse: bool) -> Allocation {
    let programs: Vec<Value> = inst
        .programs
        .iter()
        .enumerate()
        .map(|(i, &(max, cap, tag))| {
            let mut p = json!({"id": format!("p{i}"), "kind": "class", "title": "t",
                               "capacity": {"max": max}});
            let mut rules = Vec::new();
            if let Some(cap) = cap {
                rules.push(json!({"household": {"max_enrolled": cap}}));
            }
            if tag {
                rules.push(json!({"tag": "x"}));
            }
            if !rules.is_empty() {
                p["audience"] = json!({"all": rules});
            }
            p
        })
        .collect();
    let people: Vec<Value> = inst
        .people
        .iter()
        .enumerate()
        .map(|(i, &(h, tag))| {
            let mut p = json!({"id": format!("u{i}"), "residency": "resident",
                               "tags": if tag { vec!["x"] } else { vec![] }});
            if let Some(h) = h {
                p["household"] = json!(format!("h{h}"));
            }
            p
        })
        .collect();
    let apps: Vec<Value> = inst
        .choices
        .iter()
        .enumerate()
        .filter(|&(i, c)| !c.is_empty() && !follows(inst, i))
        .map(|(i, c)| {
            let mut ids: Vec<String> = Vec::new();
            for &x in c {
                let id = format!("p{x}");
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            let mut app = json!({"person": format!("u{i}"), "choices": ids});
            if follows(inst, i + 1) && i + 1 < inst.people.len() {
                app["group"] = json!([format!("u{}", i + 1)]);
            }
            app
        })
        .collect();
    let (mut people, mut apps) = (people, apps);
    if reverse {
        people.reverse();
        apps.reverse();
    }
    let doc = json!({
        "plan": {"id": "h", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
                 "allocation": {"offer_expiry_hours": 30}, "programs": programs},
        "people": people, "applications": apps, "seed": "props",
        "as_of": "2006-03-01", "mechanism": MECH[inst.mechanism]
    });
    let req = read_allocation_request(&doc).unwrap();
    allocate(&req.plan, &req.people, &req.applications, &req.options()).unwrap()
}

type Snapshot = BTreeMap<String, ProgramState>;

fn snapshot(inst: &Instance, s: &EnrolmentState) -> Snapshot {
    (0..inst.programs.len())
        .map(|i| {
            let id = format!("p{i}");
            let p = s.for_program(&id).unwrap();
            (id, p)
        })
        .collect()
}

/// The allocation, the state after each accepted event (the first: before any), and the
/// events the state accepted (the others failed and, by contract, changed nothing).
struct Trace {
    allocation: Allocation,
    states: Vec<Snapshot>,
    accepted: Vec<Event>,
    last: EnrolmentState,
}

fn trace(inst: &Instance) -> Trace {
    let allocation = allocation(inst);
    let mut state = EnrolmentState::new(&allocation);
    let mut states = vec![snapshot(inst, &state)];
    let mut accepted = Vec::new();
    let mut at: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2006-03-02T09:00:00+08:00").unwrap();
    let np = inst.programs.len();
    for &(kind, a, b, hours, max) in &inst.events {
        at += Duration::hours(i64::from(hours));
        let last = states.last().unwrap();
        let offers: Vec<(String, String)> = last
            .values()
            .flat_map(|p| p.offers.iter())
            .map(|o| (o.people[0].clone(), o.program.clone()))
            .collect();
        let seats: Vec<(String, String)> = last
            .values()
            .flat_map(|p| holders(p).into_iter().map(|x| (x, p.program.clone())))
            .collect();
        let person = format!("u{}", a % inst.people.len());
        let program = format!("p{}", b % np);
        let event = match kind {
            // Mostly someone holding or offered a seat withdraws; else anyone, anywhere.
            0 | 1 if !seats.is_empty() => {
                let (person, program) = &seats[a % seats.len()];
                json!({"type": "withdraw", "at": at, "person": person, "program": program})
            }
            0..=2 => json!({"type": "withdraw", "at": at, "person": person, "program": program}),
            3 | 4 if !offers.is_empty() => {
                let (person, program) = &offers[a % offers.len()];
                let kind = if kind == 3 { "accept" } else { "decline" };
                json!({"type": kind, "at": at, "person": person, "program": program})
            }
            3 => json!({"type": "accept", "at": at, "person": person, "program": program}),
            5 => json!({"type": "capacity", "at": at, "program": program, "max": max}),
            _ => json!({"type": "tick", "at": at}),
        };
        let event: Event = serde_json::from_value(event).unwrap();
        if state.apply(&event).is_ok() {
            accepted.push(event);
            states.push(snapshot(inst, &state));
        } else {
            // A failed event changes nothing.
            assert_eq!(&snapshot(inst, &state), states.last().unwrap());
        }
    }
    Trace {
        allocation,
        states,
        accepted,
        last: state,
    }
}

/// People holding or offered a seat.
fn holders(p: &ProgramState) -> Vec<String> {
    p.enrolled
        .iter()
        .chain(p.offers.iter().flat_map(|o| o.people.iter()))
        .cloned()
        .collect()
}

fn person_index(id: &str) -> usize {
    id.trim_start_matches('u').parse().unwrap()
}

fn program_index(id: &str) -> usize {
    id.trim_start_matches('p').parse().unwrap()
}

/// Members of `h` among `people`.
fn in_household(inst: &Instance, people: &[String], h: u32) -> u32 {
    people
        .iter()
        .filter(|x| inst.people[person_index(x)].0 == Some(h))
        .count() as u32
}

/// Whether person `i` leads a group: they apply, with the next person in their `group`.
fn leads(inst: &Instance, i: usize) -> bool {
    follows(inst, i + 1) && i + 1 < inst.people.len() && !inst.choices[i].is_empty()
}

/// The unit `person` applies in: themselves, or both members of their group (by id).
fn unit_of(inst: &Instance, person: &str) -> Vec<String> {
    let i = person_index(person);
    if follows(inst, i) {
        vec![format!("u{}", i - 1), person.to_owned()]
    } else if leads(inst, i) {
        vec![person.to_owned(), format!("u{}", i + 1)]
    } else {
        vec![person.to_owned()]
    }
}

/// Whether the unit of `person` would take program `p` past its household limit: some
/// household would have more members among `holding` and the unit together than it may.
fn household_full(inst: &Instance, p: usize, holding: &[String], person: &str) -> bool {
    let Some(cap) = inst.programs[p].1 else {
        return false;
    };
    let unit = unit_of(inst, person);
    unit.iter()
        .filter_map(|x| inst.people[person_index(x)].0)
        .any(|h| in_household(inst, holding, h) + in_household(inst, &unit, h) > cap)
}

/// Whether `person`'s unit holds a program its application ranks above `p` (then a seat in
/// `p` cannot help).
fn holds_better(inst: &Instance, state: &Snapshot, person: &str, p: usize) -> bool {
    let leader = &unit_of(inst, person)[0];
    let choices = &inst.choices[person_index(leader)];
    let rank = choices.iter().position(|&c| c == p).unwrap();
    choices[..rank]
        .iter()
        .any(|&q| state[&format!("p{q}")].enrolled.iter().any(|x| x == person))
}

/// Whether the unit of `person` may not be offered seats in program `p` now: its household
/// is at the limit, or it needs more seats than the `free` ones.
fn passed_over(inst: &Instance, p: usize, holding: &[String], free: usize, person: &str) -> bool {
    household_full(inst, p, holding, person) || unit_of(inst, person).len() > free
}

/// The waiting order the allocation gives program `id`: everyone waitlisted or refused
/// `household_limit` for it, by their unit's place in the draw (that of its member drawn
/// last; the instances have no tiers, and first come without stamps is the draw), a
/// group's members side by side by id.
fn waiting_order(inst: &Instance, a: &Allocation, id: &str) -> Vec<String> {
    let draw = a.draw();
    let place = |x: &String| draw.iter().position(|d| d == x);
    let mut out: Vec<String> = a
        .decisions()
        .into_iter()
        .filter(|(_, ds)| {
            ds.iter()
                .any(|d| d.program == id && ["waitlisted", "household_limit"].contains(&d.code))
        })
        .map(|(person, _)| person)
        .collect();
    out.sort_by_key(|x| (unit_of(inst, x).iter().map(place).max(), x.clone()));
    out
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 192,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// No offer goes beyond the capacity at the moment it is made (offers that lapse before
    /// an event pass their seats on first, at the capacity then; a lowered capacity removes
    /// nobody, so seats may be over it only until people leave), and the log accounts for
    /// every change of who holds seats.
    #[test]
    fn capacity_is_never_exceeded(inst in grouped()) {
        let t = trace(&inst);
        for p in t.states[0].values() {
            prop_assert!(holders(p).len() as u64 <= u64::from(p.capacity.unwrap_or(u32::MAX)));
        }
        for (k, w) in t.states.windows(2).enumerate() {
            for (id, after) in &w[1] {
                let before = &w[0][id];
                let mut holding = holders(before);
                let mut cap = before.capacity.unwrap() as usize;
                for h in &after.log[before.log.len()..] {
                    match h.what {
                        "capacity_changed" => cap = after.capacity.unwrap() as usize,
                        "offer_made" => {
                            holding.extend(h.people.iter().cloned());
                            prop_assert!(holding.len() <= cap, "event {k}: {id} over {cap}");
                        }
                        "offer_declined" | "offer_expired" | "dropped" | "withdrawn" => {
                            holding.retain(|x| !h.people.contains(x));
                        }
                        _ => {}
                    }
                }
                let mut now = holders(after);
                holding.sort();
                now.sort();
                prop_assert_eq!(holding, now, "event {}: {}", k, id);
            }
        }
    }

    /// No household ever holds (or is offered) more seats of a program than its limit.
    #[test]
    fn no_household_above_its_limit(inst in grouped()) {
        let t = trace(&inst);
        for s in &t.states {
            for (id, p) in s {
                let Some(cap) = inst.programs[program_index(id)].1 else { continue };
                let holding = holders(p);
                for h in 0..3 {
                    prop_assert!(in_household(&inst, &holding, h) <= cap, "{id} h{h}: {holding:?}");
                }
            }
        }
    }

    /// Nobody is enrolled or offered a seat in a program whose audience refuses them, nor
    /// in one they did not choose or were refused for any reason but the household limit.
    #[test]
    fn no_ineligible_enrolment(inst in grouped()) {
        let t = trace(&inst);
        let decisions = t.allocation.decisions();
        for s in &t.states {
            for (id, p) in s {
                for person in holders(p) {
                    if inst.programs[program_index(id)].2 {
                        prop_assert!(inst.people[person_index(&person)].1, "{person} in {id}");
                    }
                    let d = decisions[&person].iter().find(|d| &d.program == id);
                    let code = d.map_or("none", |d| d.code);
                    prop_assert!(
                        ["enrolled", "waitlisted", "household_limit"].contains(&code),
                        "{person} in {id} with {code}"
                    );
                }
            }
        }
    }

    /// A group holds (or is offered) seats all or none, after the allocation and after
    /// every event (one member withdrawing withdraws the group).
    #[test]
    fn groups_hold_seats_all_or_none(inst in grouped()) {
        let t = trace(&inst);
        for (k, s) in t.states.iter().enumerate() {
            for (id, p) in s {
                let holding = holders(p);
                for (pair, _) in inst.groups.iter().enumerate().filter(|(_, &g)| g) {
                    let [a, b] = [2 * pair, 2 * pair + 1].map(|i| format!("u{i}"));
                    prop_assert_eq!(
                        holding.contains(&a),
                        holding.contains(&b),
                        "state {}: {} and {} split in {}: {:?}", k, a, b, id, holding
                    );
                }
            }
        }
    }

    /// Replaying the accepted events gives, byte for byte, the state reached one event at a
    /// time, and replaying twice gives the same bytes.
    #[test]
    fn replay_is_byte_identical(inst in grouped()) {
        let t = trace(&inst);
        let once = EnrolmentState::replay(&t.allocation, &t.accepted).unwrap();
        let twice = EnrolmentState::replay(&t.allocation, &t.accepted).unwrap();
        let stepped = serde_json::to_string(&t.last).unwrap();
        prop_assert_eq!(&serde_json::to_string(&once).unwrap(), &stepped);
        prop_assert_eq!(&serde_json::to_string(&twice).unwrap(), &stepped);
        prop_assert_eq!(&snapshot(&inst, &once), t.states.last().unwrap());
    }

    /// Listing the people and the applications in another order changes nothing, groups
    /// included (the refill of seats a group leaves goes by program and priority).
    #[test]
    fn input_order_changes_nothing(inst in grouped()) {
        let forward = serde_json::to_string(&allocation_in_order(&inst, false)).unwrap();
        let reverse = serde_json::to_string(&allocation_in_order(&inst, true)).unwrap();
        prop_assert_eq!(forward, reverse);
    }

    /// Right after the allocation, each program's waiting order is everyone waitlisted or
    /// refused `household_limit` for it, by their unit's place in the draw (no tiers; first
    /// come without stamps is the draw), the held-back ones are exactly those whose
    /// household is at the limit, and every other waiting unit needs more seats than are
    /// free.
    #[test]
    fn household_limited_people_wait_in_allocation_order(inst in grouped()) {
        let a = allocation(&inst);
        let state = snapshot(&inst, &EnrolmentState::new(&a));
        for (id, p) in &state {
            prop_assert_eq!(&p.waitlist, &waiting_order(&inst, &a, id), "{}", id);
            let holding = holders(p);
            let held: Vec<String> = p
                .waitlist
                .iter()
                .filter(|x| household_full(&inst, program_index(id), &holding, x))
                .cloned()
                .collect();
            prop_assert_eq!(&p.held_back, &held, "{}", id);
            // No seat is left free while a unit waiting for it fits (a group turned away
            // for want of seats, then displaced, leaves them to those it turned away).
            let free = (p.capacity.unwrap() as usize).saturating_sub(holding.len());
            for x in &p.waitlist {
                prop_assert!(
                    held.contains(x) || unit_of(&inst, x).len() > free,
                    "{free} free in {id} and {x} waits"
                );
            }
        }
    }

    /// Every offer goes to the first unit in the waiting order that may take it: every unit
    /// still waiting ahead of it has a household at the limit, or needs more seats than are
    /// free, at that moment (units that hold a better choice leave the list first). After
    /// each event, no seat stays free while a unit waiting may take it.
    #[test]
    fn freed_seats_go_to_the_first_eligible_in_waiting_order(inst in grouped()) {
        let t = trace(&inst);
        for (id, p) in &t.states[0] {
            prop_assert_eq!(&p.waitlist, &waiting_order(&inst, &t.allocation, id), "{}", id);
        }
        for (k, w) in t.states.windows(2).enumerate() {
            for (id, after) in &w[1] {
                let p = program_index(id);
                let before = &w[0][id];
                let mut waiting = before.waitlist.clone();
                let mut holding = holders(before);
                // Offers that expire by the event's time lapse, and their seats go on,
                // before the event itself changes the capacity.
                let mut cap = before.capacity.unwrap() as usize;
                for h in &after.log[before.log.len()..] {
                    if h.what == "capacity_changed" {
                        cap = after.capacity.unwrap() as usize;
                    }
                    let Some(person) = h.people.first() else { continue };
                    let is_them = |x: &String| h.people.contains(x);
                    match h.what {
                        "offer_made" => {
                            prop_assert_eq!(&h.people, &unit_of(&inst, person));
                            let at = waiting.iter().position(is_them);
                            prop_assert!(at.is_some(), "event {k}: {person} not waiting for {id}");
                            let at = at.unwrap();
                            let free = cap.saturating_sub(holding.len());
                            for ahead in &waiting[..at] {
                                prop_assert!(
                                    passed_over(&inst, p, &holding, free, ahead),
                                    "event {k}: {person} offered {id} before {ahead}"
                                );
                            }
                            waiting.retain(|x| !is_them(x));
                            holding.extend(h.people.iter().cloned());
                            prop_assert!(holding.len() <= cap, "event {k}: {id} over {cap}");
                        }
                        "offer_declined" | "offer_expired" | "dropped" => {
                            holding.retain(|x| !is_them(x));
                        }
                        "withdrawn" => {
                            holding.retain(|x| !is_them(x));
                            waiting.retain(|x| !is_them(x));
                        }
                        "left_waitlist" => {
                            prop_assert!(holds_better(&inst, &w[1], person, p));
                            waiting.retain(|x| !is_them(x));
                        }
                        _ => {}
                    }
                }
                prop_assert_eq!(&waiting, &after.waitlist, "event {}", k);
                let free = (after.capacity.unwrap() as usize).saturating_sub(holders(after).len());
                if free > 0 {
                    for x in &after.waitlist {
                        prop_assert!(
                            after.held_back.contains(x)
                                || holds_better(&inst, &w[1], x, p)
                                || unit_of(&inst, x).len() > free,
                            "event {k}: {free} free in {id} and {x} waits"
                        );
                    }
                }
            }
        }
    }
}

/// A fixed sample of 192 instances of `strategy` (the same on every run).
fn sample(strategy: impl Strategy<Value = Instance>) -> Vec<Instance> {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    (0..192)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

/// The random instances do exercise the new behaviour: in a fixed sample, people refused
/// `household_limit` are often offered a seat later (34 of 192 when written).
#[test]
fn instances_exercise_the_held_back_refill() {
    let (mut refusals, mut offered) = (0, 0);
    for inst in sample(instance()) {
        let t = trace(&inst);
        let refused: BTreeSet<(String, String)> = t
            .allocation
            .decisions()
            .into_iter()
            .flat_map(|(x, ds)| {
                ds.into_iter()
                    .filter(|d| d.code == "household_limit")
                    .map(move |d| (x.clone(), d.program))
            })
            .collect();
        refusals += usize::from(!refused.is_empty());
        let last = t.states.last().unwrap();
        offered += usize::from(last.iter().any(|(id, p)| {
            p.log.iter().any(|h| {
                h.what == "offer_made" && refused.contains(&(h.people[0].clone(), id.clone()))
            })
        }));
    }
    assert!(refusals >= 20 && offered >= 10, "{refusals} {offered}");
}

/// The grouped instances do place groups: in a fixed sample, a group holds seats right after
/// the allocation, and a group is offered seats freed by later events, in many instances (52
/// and 37 of 192 when written).
#[test]
fn grouped_instances_place_groups() {
    let (mut placed, mut offered) = (0, 0);
    for inst in sample(grouped()) {
        let t = trace(&inst);
        let leaders: Vec<String> = (0..inst.groups.len())
            .filter(|&pair| inst.groups[pair])
            .map(|pair| format!("u{}", 2 * pair))
            .collect();
        placed += usize::from(
            t.states[0]
                .values()
                .any(|p| p.enrolled.iter().any(|x| leaders.contains(x))),
        );
        offered += usize::from(t.states.last().unwrap().values().any(|p| {
            p.log
                .iter()
                .any(|h| h.what == "offer_made" && h.people.len() == 2)
        }));
    }
    assert!(placed >= 30 && offered >= 20, "{placed} {offered}");
}
