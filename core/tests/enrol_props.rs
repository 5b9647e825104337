//! Invariants of the allocation on random small instances: capacity, eligibility, no
//! timetable conflict, household limits (never more than `max_enrolled` members of one
//! household in a program with that rule), no blocking pair (deferred acceptance, one seat
//! each; a person whose household is at the program's limit does not block), waiting lists
//! in priority order, determinism and independence from input order. All but stability
//! also hold with groups of two, whose members get the same programs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use huaide::enrol::{allocate, read_allocation_request, Allocation, AllocationRequest};
use huaide::plan::audience::{evaluate, Person as View};
use proptest::prelude::*;
use serde_json::{json, Value};

#[derive(Clone, Debug)]
struct Instance {
    programs: Vec<(u32, u32, bool, bool, u32, u32)>, // max, min, tiers, age rule, day, hour
    people: Vec<(u32, Option<u32>)>,                 // residency 0..3, birth year offset
    apps: Vec<(usize, Vec<usize>, Option<u32>)>,     // person, choices, stamp minute
    mechanism: usize,
    limit: u32,
    caps: Vec<Option<u32>>,       // household max_enrolled per program
    households: Vec<Option<u32>>, // household per person
    /// Per application: whether it brings along, as its `group`, the first person who
    /// neither applies nor is in a group yet (empty: no groups).
    pairs: Vec<bool>,
}

fn instance() -> impl Strategy<Value = Instance> {
    (1usize..6, 1usize..14).prop_flat_map(|(np, npeople)| {
        (
            proptest::collection::vec(
                (
                    0u32..4,
                    0u32..3,
                    any::<bool>(),
                    any::<bool>(),
                    1u32..3,
                    9u32..12,
                ),
                np,
            ),
            proptest::collection::vec((0u32..3, proptest::option::of(0u32..30)), npeople),
            proptest::collection::vec(
                (
                    0..npeople,
                    proptest::collection::vec(0..np, 0..np + 1),
                    proptest::option::of(0u32..3),
                ),
                0..npeople + 1,
            ),
            0usize..3,
            1u32..3,
            proptest::collection::vec(proptest::option::of(1u32..3), np),
            proptest::collection::vec(proptest::option::of(0u32..3), npeople),
        )
            .prop_map(
                |(programs, people, apps, mechanism, limit, caps, households)| Instance {
                    programs,
                    people,
                    apps,
                    mechanism,
                    limit,
                    caps,
                    households,
                    pairs: Vec::new(),
                },
            )
    })
}

/// An instance of [`instance`] in which about half the applications bring a partner.
fn grouped() -> impl Strategy<Value = Instance> {
    instance()
        .prop_flat_map(|inst| {
            let n = inst.apps.len();
            (Just(inst), proptest::collection::vec(any::<bool>(), n))
        })
        .prop_map(|(mut inst, pairs)| {
            inst.pairs = pairs;
            inst
        })
}

const RES: [&str; 3] = ["resident", "surrounding", "visitor"];
const MECH: [&str; 3] = ["deferred_acceptance", "serial_dictatorship", "first_come"];

fn build(inst: &Instance, reverse: bool) -> AllocationRequest {
    let programs: Vec<Value> = inst
        .programs
        .iter()
        .enumerate()
        .map(|(i, &(max, min, tiers, age, day, hour))| {
            let mut p = json!({"id": format!("p{i}"), "kind": "class", "title": "t",
                "capacity": {"max": max, "min": min.min(max)},
                "schedule": {"first": format!("2006-03-0{day}"),
                             "time": {"from": format!("{hour}:00:00"), "to": format!("{}:30:00", hour + 1)}}});
            if tiers {
                p["allocation"] = json!({"tiers": [{"residency": ["resident"]}, {"residency": ["surrounding"]}]});
            }
            let mut rules = Vec::new();
            if age {
                rules.push(json!({"age": {"min": 10, "max": 20}}));
            }
            if let Some(cap) = inst.caps[i] {
                rules.push(json!({"household": {"max_enrolled": cap}}));
            }
            match rules.len() {
                0 => {}
                1 if age => p["audience"] = rules.pop().unwrap(),
                _ => p["audience"] = json!({"all": rules}),
            }
            p
        })
        .collect();
    let mut people: Vec<Value> = inst
        .people
        .iter()
        .enumerate()
        .map(|(i, &(r, birth))| {
            let mut p = json!({"id": format!("u{i}"), "residency": RES[r as usize], "tags": []});
            if let Some(b) = birth {
                p["birth_date"] = json!(format!("{}-06-15", 1976 + b));
            }
            if let Some(h) = inst.households[i] {
                p["household"] = json!(format!("h{h}"));
            }
            p
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    let applicants: std::collections::BTreeSet<usize> = inst.apps.iter().map(|a| a.0).collect();
    let mut spare = (0..inst.people.len()).filter(|i| !applicants.contains(i));
    let mut apps: Vec<Value> = Vec::new();
    for (k, (person, choices, stamp)) in inst.apps.iter().enumerate() {
        if !seen.insert(*person) {
            continue;
        }
        let mut c: Vec<String> = Vec::new();
        for &x in choices {
            let id = format!("p{x}");
            if !c.contains(&id) {
                c.push(id);
            }
        }
        let mut a = json!({"person": format!("u{person}"), "choices": c});
        if let Some(s) = stamp {
            a["submitted_at"] = json!(format!("2006-02-01T08:0{s}:00+08:00"));
        }
        if inst.pairs.get(k).copied().unwrap_or(false) {
            if let Some(partner) = spare.next() {
                a["group"] = json!([format!("u{partner}")]);
            }
        }
        apps.push(a);
    }
    if reverse {
        apps.reverse();
        people.reverse();
    }
    let doc = json!({"plan": {"id": "h", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
                     "allocation": {"max_programs": inst.limit}, "programs": programs},
                     "people": people, "applications": apps, "mechanism": MECH[inst.mechanism],
                     "seed": "prop", "as_of": "2006-03-01"});
    read_allocation_request(&doc).unwrap()
}

fn run(req: &AllocationRequest) -> Allocation {
    allocate(&req.plan, &req.people, &req.applications, &req.options()).unwrap()
}

fn view(req: &AllocationRequest, id: &str) -> View {
    let p = req.people.iter().find(|p| p.id == id).unwrap();
    View {
        birth_date: p.birth_date,
        residency: p.residency,
        tags: p.tags.clone(),
        completed: p.history.clone(),
        household_enrolled: 0,
        household_tags: Vec::new(),
    }
}

fn household<'a>(req: &'a AllocationRequest, id: &str) -> Option<&'a str> {
    req.people
        .iter()
        .find(|p| p.id == id)
        .and_then(|p| p.household.as_deref())
}

/// (tier, draw place) of a person at a program under deferred acceptance.
fn priority(
    req: &AllocationRequest,
    a: &Allocation,
    person: &str,
    program: usize,
) -> (usize, usize) {
    let prog = &req.plan.programs[program];
    let tier = prog.allocation.as_ref().map_or(0, |pol| {
        let v = view(req, person);
        let first = prog.schedule.as_ref().unwrap().first;
        pol.tiers
            .iter()
            .position(|r| evaluate(r, &v, first).is_ok())
            .unwrap_or(pol.tiers.len())
    });
    (tier, a.draw().iter().position(|x| x == person).unwrap())
}

fn overlaps(req: &AllocationRequest, x: usize, y: usize) -> bool {
    let (a, b) = (&req.plan.programs[x], &req.plan.programs[y]);
    let (sa, sb) = (a.schedule.as_ref().unwrap(), b.schedule.as_ref().unwrap());
    let (ta, tb) = (sa.time.unwrap(), sb.time.unwrap());
    sa.first == sb.first && ta.from < tb.to && tb.from < ta.to
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn invariants_hold(inst in instance()) {
        let req = build(&inst, false);
        let a = run(&req);
        common_invariants(&inst, &req, &a)?;
        let index: BTreeMap<&str, usize> =
            req.plan.programs.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        // Deferred acceptance with one seat each: no blocking pair.
        if inst.mechanism == 0 && inst.limit == 1 {
            let (assignments, programs) = (a.assignments(), a.programs());
            for app in &req.applications {
                let got = assignments[&app.person].first();
                for choice in &app.choices {
                    if Some(choice) == got {
                        break;
                    }
                    let outcome = &programs[choice];
                    if outcome.status != huaide::enrol::ProgramStatus::Running {
                        continue;
                    }
                    let p = index[choice.as_str()];
                    let prog = &req.plan.programs[p];
                    if let Some(rule) = &prog.audience {
                        if evaluate(rule, &view(&req, &app.person), prog.schedule.as_ref().unwrap().first).is_err() {
                            continue;
                        }
                    }
                    // Household limit: no claim while the household is at it.
                    if let (Some(max), Some(h)) = (inst.caps[p], household(&req, &app.person)) {
                        let held = outcome.enrolled.iter().filter(|x| household(&req, x) == Some(h)).count();
                        if held as u32 >= max {
                            continue;
                        }
                    }
                    let cap = prog.capacity.unwrap().max as usize;
                    prop_assert!(outcome.enrolled.len() == cap, "{} blocks with free seat at {choice}", app.person);
                    let mine = priority(&req, &a, &app.person, p);
                    for other in &outcome.enrolled {
                        prop_assert!(priority(&req, &a, other, p) < mine, "{} blocks with {other} at {choice}", app.person);
                    }
                }
            }
        }
    }

    /// The same invariants with groups (but for stability, which groups do not keep): a
    /// group's members get the same programs, a waiting list is in the order of its units'
    /// priority (a group's worst tier and the place of its member drawn last), and no seat
    /// stays free while a unit waiting for it fits.
    #[test]
    fn invariants_hold_with_groups(inst in grouped()) {
        let req = build(&inst, false);
        let a = run(&req);
        common_invariants(&inst, &req, &a)?;
        let assignments = a.assignments();
        for app in &req.applications {
            for member in &app.group {
                prop_assert_eq!(&assignments[member], &assignments[&app.person]);
            }
        }
        // No seat stays free while a unit waiting for it fits (seats a group leaves go to
        // those it kept out).
        for (id, outcome) in &a.programs() {
            let p = req.plan.programs.iter().find(|p| &p.id == id).unwrap();
            let free = (p.capacity.unwrap().max as usize).saturating_sub(outcome.enrolled.len());
            for x in &outcome.waitlist {
                prop_assert!(unit_of(&req, x).len() > free, "{free} free in {id} and {x} waits");
            }
        }
    }
}

/// The unit of `person`: the members of the application that names them.
fn unit_of<'a>(req: &'a AllocationRequest, person: &'a str) -> Vec<&'a str> {
    req.applications
        .iter()
        .find(|app| app.person == person || app.group.iter().any(|g| g == person))
        .map_or(vec![person], |app| {
            std::iter::once(app.person.as_str())
                .chain(app.group.iter().map(String::as_str))
                .collect()
        })
}

/// Capacity, minimums, eligibility, household limits, waiting-list order, limits, no
/// timetable conflict, determinism and independence from input order.
fn common_invariants(
    inst: &Instance,
    req: &AllocationRequest,
    a: &Allocation,
) -> Result<(), TestCaseError> {
    let index: BTreeMap<&str, usize> = req
        .plan
        .programs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    for (id, outcome) in &a.programs() {
        let prog = &req.plan.programs[index[id.as_str()]];
        let cap = prog.capacity.unwrap();
        // Capacity never exceeded; programs below their minimum do not run.
        prop_assert!(outcome.enrolled.len() as u32 <= cap.max);
        if outcome.status == huaide::enrol::ProgramStatus::Running {
            prop_assert!(outcome.enrolled.len() as u32 >= cap.min);
        } else {
            prop_assert!(outcome.enrolled.is_empty());
        }
        // No ineligible enrolment.
        for person in &outcome.enrolled {
            if let Some(rule) = &prog.audience {
                let first = prog.schedule.as_ref().unwrap().first;
                prop_assert!(evaluate(rule, &view(req, person), first).is_ok());
            }
        }
        // Never more than `max_enrolled` members of one household.
        if let Some(max) = inst.caps[index[id.as_str()]] {
            let mut count: BTreeMap<&str, u32> = BTreeMap::new();
            for person in &outcome.enrolled {
                if let Some(h) = household(req, person) {
                    *count.entry(h).or_default() += 1;
                }
            }
            prop_assert!(
                count.values().all(|&c| c <= max),
                "{id}: {count:?} over {max}"
            );
        }
        // Waiting lists ordered by priority, then draw (a unit's: its worst tier and
        // the place of its member drawn last), a group's members side by side by id.
        if inst.mechanism == 0 {
            let p = index[id.as_str()];
            let key = |person: &String| {
                let unit = unit_of(req, person);
                let tier = unit.iter().map(|m| priority(req, a, m, p).0).max();
                let draw = unit.iter().map(|m| priority(req, a, m, p).1).max();
                (tier, draw, person.clone())
            };
            let keys: Vec<_> = outcome.waitlist.iter().map(key).collect();
            prop_assert!(keys.windows(2).all(|w| w[0] < w[1]), "{id}: {keys:?}");
        }
    }
    // Limits and no timetable conflict.
    for (person, got) in &a.assignments() {
        prop_assert!(got.len() as u32 <= inst.limit);
        for (i, x) in got.iter().enumerate() {
            for y in &got[i + 1..] {
                prop_assert!(
                    !overlaps(req, index[x.as_str()], index[y.as_str()]),
                    "{person}: {x} and {y} overlap"
                );
            }
        }
    }
    // Same inputs → byte-identical output; input order changes nothing.
    let one = serde_json::to_string(&a).unwrap();
    prop_assert_eq!(&one, &serde_json::to_string(&run(req)).unwrap());
    prop_assert_eq!(
        &one,
        &serde_json::to_string(&run(&build(inst, true))).unwrap()
    );
    Ok(())
}

#[test]
fn draw_matches_lottery_order() {
    let inst = Instance {
        programs: vec![(1, 0, false, false, 1, 9)],
        people: (0..9).map(|_| (0, None)).collect(),
        apps: (0..9).map(|i| (i, vec![0], None)).collect(),
        mechanism: 0,
        limit: 1,
        caps: vec![None],
        households: vec![None; 9],
        pairs: Vec::new(),
    };
    let req = build(&inst, false);
    let a = run(&req);
    let ids: Vec<String> = (0..9).map(|i| format!("u{i}")).collect();
    assert_eq!(a.draw(), huaide::draw::lottery_order("prop", &ids));
    let _ = NaiveDate::from_ymd_opt(2006, 1, 1);
}

/// Textbook applicant-proposing deferred acceptance: programs rank by `rank` (the draw),
/// keep their best `cap`; returns each applicant's program.
fn reference_da(caps: &[usize], choices: &[Vec<usize>], rank: &[usize]) -> Vec<Option<usize>> {
    let mut held: Vec<Vec<usize>> = vec![Vec::new(); caps.len()];
    let mut next = vec![0usize; choices.len()];
    let mut free: Vec<usize> = (0..choices.len()).collect();
    while let Some(a) = free.pop() {
        let Some(&p) = choices[a].get(next[a]) else {
            continue;
        };
        next[a] += 1;
        held[p].push(a);
        held[p].sort_by_key(|&x| rank[x]);
        if held[p].len() > caps[p] {
            free.push(held[p].pop().unwrap());
        }
    }
    let mut out = vec![None; choices.len()];
    for (p, list) in held.iter().enumerate() {
        for &a in list {
            out[a] = Some(p);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// With one tier, no rules and one seat each, `allocate` is exactly deferred acceptance.
    #[test]
    fn deferred_acceptance_matches_the_textbook(
        caps in proptest::collection::vec(0usize..4, 1..6),
        raw in proptest::collection::vec(proptest::collection::vec(0usize..6, 0..6), 0..16),
    ) {
        let m = caps.len();
        let choices: Vec<Vec<usize>> = raw
            .iter()
            .map(|c| {
                let mut out: Vec<usize> = Vec::new();
                for &x in c {
                    if x < m && !out.contains(&x) {
                        out.push(x);
                    }
                }
                out
            })
            .collect();
        let programs: Vec<Value> = caps
            .iter()
            .enumerate()
            .map(|(i, &c)| json!({"id": format!("p{i}"), "kind": "class", "title": "t", "capacity": {"max": c}}))
            .collect();
        let people: Vec<Value> = (0..choices.len())
            .map(|i| json!({"id": format!("u{i:02}"), "residency": "resident", "tags": []}))
            .collect();
        let apps: Vec<Value> = choices
            .iter()
            .enumerate()
            .map(|(i, c)| json!({"person": format!("u{i:02}"), "choices": c.iter().map(|x| format!("p{x}")).collect::<Vec<_>>()}))
            .collect();
        let doc = json!({"plan": {"id": "h", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
                         "programs": programs}, "people": people, "applications": apps,
                         "seed": "textbook", "as_of": "2006-03-01"});
        let req = read_allocation_request(&doc).unwrap();
        let a = run(&req);
        let draw = a.draw();
        let rank: Vec<usize> = (0..choices.len())
            .map(|i| draw.iter().position(|x| *x == format!("u{i:02}")).unwrap())
            .collect();
        let expected = reference_da(&caps, &choices, &rank);
        let got = a.assignments();
        for (i, e) in expected.iter().enumerate() {
            let mine: Vec<String> = e.iter().map(|p| format!("p{p}")).collect();
            prop_assert_eq!(&got[&format!("u{i:02}")], &mine);
        }
    }
}

/// The grouped instances do hold groups: in a fixed sample of 200, many requests have a
/// group, and in many a group gets a program (126 and 44 when written).
#[test]
fn grouped_instances_have_groups() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut with, mut placed) = (0, 0);
    for _ in 0..200 {
        let inst = grouped().new_tree(&mut runner).unwrap().current();
        let req = build(&inst, false);
        let groups: Vec<&str> = req
            .applications
            .iter()
            .filter(|app| !app.group.is_empty())
            .map(|app| app.person.as_str())
            .collect();
        with += usize::from(!groups.is_empty());
        let a = run(&req);
        let assignments = a.assignments();
        placed += usize::from(groups.iter().any(|g| !assignments[*g].is_empty()));
    }
    assert!(with >= 100 && placed >= 30, "{with} {placed}");
}
