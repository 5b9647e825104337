//! The waiting-list state machine: replay equals step-by-step application, failed events
//! change nothing, groups are offered seats together, and confidential programs stay out of
//! the shared form.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::enrol::{allocate, read_allocation_request, read_events, Allocation, EnrolmentState};
use huaide::Fault;
use serde_json::{json, Value};

fn allocation(programs: Value, people: &[&str], apps: Value) -> Allocation {
    let people: Vec<Value> = people
        .iter()
        .map(|p| json!({"id": p, "residency": "resident", "tags": []}))
        .collect();
    let doc = json!({
        "plan": {"id": "h", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
                 "allocation": {"offer_expiry_hours": 48}, "programs": programs},
        "people": people, "applications": apps, "seed": "events", "as_of": "2006-03-01"
    });
    let req = read_allocation_request(&doc).unwrap();
    allocate(&req.plan, &req.people, &req.applications, &req.options()).unwrap()
}

fn class(id: &str, max: u32) -> Value {
    json!({"id": id, "kind": "class", "title": id, "capacity": {"max": max}})
}

#[test]
fn replay_equals_applying_one_by_one() {
    let a = allocation(
        json!([class("pottery", 1)]),
        &["a", "b", "c"],
        json!(["a", "b", "c"].map(|p| json!({"person": p, "choices": ["pottery"]}))),
    );
    let first = a.programs()["pottery"].enrolled[0].clone();
    let next = a.programs()["pottery"].waitlist[0].clone();
    let events = read_events(json!([
        {"type": "withdraw", "at": "2006-03-02T10:00:00+08:00", "person": first, "program": "pottery"},
        {"type": "accept", "at": "2006-03-02T11:00:00+08:00", "person": next, "program": "pottery"},
    ]))
    .unwrap();
    let replayed = EnrolmentState::replay(&a, &events).unwrap();
    let mut state = EnrolmentState::new(&a);
    for e in &events {
        state.apply(e).unwrap();
    }
    let one = serde_json::to_string(&replayed).unwrap();
    assert_eq!(one, serde_json::to_string(&state).unwrap());
    assert_eq!(
        replayed.for_program("pottery").unwrap().enrolled,
        vec![next]
    );
    // A failed event leaves the state as it was.
    let bad = read_events(json!([
        {"type": "accept", "at": "2006-03-03T11:00:00+08:00", "person": first, "program": "pottery"}
    ]))
    .unwrap();
    let err = state.apply(&bad[0]).unwrap_err();
    assert_eq!(err.code(), "invalid_event");
    assert_eq!(one, serde_json::to_string(&state).unwrap());
    let err = EnrolmentState::replay(&a, &bad).unwrap_err();
    assert_eq!(err.path(), Some("events[0]"));
}

#[test]
fn groups_are_offered_seats_together() {
    let a = allocation(
        json!([class("pottery", 2)]),
        &["a", "b", "c", "d"],
        json!([
            {"person": "a", "choices": ["pottery"]},
            {"person": "b", "choices": ["pottery"]},
            {"person": "c", "group": ["d"], "choices": ["pottery"]},
        ]),
    );
    let pottery = &a.programs()["pottery"];
    if pottery.enrolled.contains(&"c".to_owned()) {
        return; // the group won both seats; nothing to test with this draw
    }
    assert_eq!(pottery.waitlist, vec!["c", "d"]);
    let events = read_events(json!([
        {"type": "withdraw", "at": "2006-03-02T10:00:00+08:00", "person": "a", "program": "pottery"},
    ]))
    .unwrap();
    let s = EnrolmentState::replay(&a, &events).unwrap();
    assert!(s.for_program("pottery").unwrap().offers.is_empty());
    let events = read_events(json!([
        {"type": "withdraw", "at": "2006-03-02T10:00:00+08:00", "person": "a", "program": "pottery"},
        {"type": "withdraw", "at": "2006-03-02T10:00:00+08:00", "person": "b", "program": "pottery"},
        {"type": "accept", "at": "2006-03-03T10:00:00+08:00", "person": "d", "program": "pottery"},
    ]))
    .unwrap();
    let s = EnrolmentState::replay(&a, &events).unwrap();
    assert_eq!(s.for_program("pottery").unwrap().enrolled, vec!["c", "d"]);
}

#[test]
fn confidential_state_is_not_shared() {
    let mut counselling = class("counselling", 1);
    counselling["confidential"] = json!(true);
    let a = allocation(
        json!([counselling]),
        &["a", "b"],
        json!(["a", "b"].map(|p| json!({"person": p, "choices": ["counselling"]}))),
    );
    let s = EnrolmentState::new(&a);
    let text = serde_json::to_string(&s).unwrap();
    assert!(!text.contains("counselling"), "{text}");
    assert_eq!(s.for_program("counselling").unwrap().enrolled.len(), 1);
}

#[test]
fn refill_passes_over_a_household_at_its_limit() {
    let person = |id: &str, tag: &str, household: Option<&str>| {
        let mut p = json!({"id": id, "residency": "resident", "tags": [tag]});
        if let Some(h) = household {
            p["household"] = json!(h);
        }
        p
    };
    let mut pottery = class("pottery", 2);
    pottery["audience"] = json!({"all": [{"household": {"max_enrolled": 1}}]});
    pottery["allocation"] = json!({"tiers": [{"tag": "first"}, {"tag": "second"}]});
    let apps = ["a1", "a2", "b", "c", "d"].map(|p| json!({"person": p, "choices": ["pottery"]}));
    let doc = json!({
        "plan": {"id": "h", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
                 "programs": [pottery]},
        "people": [
            person("a1", "second", Some("h1")), person("a2", "second", Some("h1")),
            person("b", "first", None), person("c", "first", None), person("d", "third", None)
        ],
        "applications": apps,
        "seed": "events", "as_of": "2006-03-01"
    });
    let req = read_allocation_request(&doc).unwrap();
    let a = allocate(&req.plan, &req.people, &req.applications, &req.options()).unwrap();
    let out = &a.programs()["pottery"];
    assert_eq!(out.enrolled.len(), 2);
    assert!(out.enrolled.iter().all(|x| x == "b" || x == "c"));
    // Nobody of h1 holds a seat yet: both wait, in draw order, before d.
    let wait = out.waitlist.clone();
    assert_eq!(wait.len(), 3);
    assert_eq!(wait[2], "d");
    let (x, y) = (wait[0].clone(), wait[1].clone());
    let events = read_events(json!([
        {"type": "withdraw", "at": "2006-03-02T10:00:00+08:00", "person": "b", "program": "pottery"},
        {"type": "withdraw", "at": "2006-03-02T11:00:00+08:00", "person": "c", "program": "pottery"},
    ]))
    .unwrap();
    let s = EnrolmentState::replay(&a, &events).unwrap();
    let p = s.for_program("pottery").unwrap();
    let offered: Vec<&str> = p.offers.iter().map(|o| o.people[0].as_str()).collect();
    // x (h1) is offered the first seat; y (h1) is passed over for d and keeps its place.
    assert_eq!(offered, vec![x.as_str(), "d"]);
    assert_eq!(p.waitlist, vec![y.clone()]);
    // Once x declines, h1 holds nothing and y is offered the seat.
    let mut more = events.clone();
    more.extend(
        read_events(json!([
            {"type": "decline", "at": "2006-03-02T12:00:00+08:00", "person": x, "program": "pottery"}
        ]))
        .unwrap(),
    );
    let s = EnrolmentState::replay(&a, &more).unwrap();
    let p = s.for_program("pottery").unwrap();
    let offered: Vec<&str> = p.offers.iter().map(|o| o.people[0].as_str()).collect();
    assert_eq!(offered, vec!["d", y.as_str()]);
    assert!(p.waitlist.is_empty());
}

/// Pottery (2 seats, one per household) with tiers that fix the order a1, b, a2, c:
/// a1 and b enrolled, a2 refused `household_limit`, c waiting.
fn household_refill(confidential: bool) -> Allocation {
    let mut pottery = class("pottery", 2);
    pottery["audience"] = json!({"all": [{"household": {"max_enrolled": 1}}]});
    pottery["allocation"] = json!({"tiers": [{"tag": "t1"}, {"tag": "t2"}, {"tag": "t3"}]});
    pottery["confidential"] = json!(confidential);
    let person = |id: &str, tag: &str, household: Option<&str>| {
        let mut p = json!({"id": id, "residency": "resident", "tags": [tag]});
        if let Some(h) = household {
            p["household"] = json!(h);
        }
        p
    };
    let apps = ["a1", "b", "a2", "c"].map(|p| json!({"person": p, "choices": ["pottery"]}));
    let doc = json!({
        "plan": {"id": "h", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
                 "programs": [pottery]},
        "people": [
            person("a1", "t1", Some("h1")), person("b", "t2", None),
            person("a2", "t3", Some("h1")), person("c", "t4", None)
        ],
        "applications": apps,
        "seed": "events", "as_of": "2006-03-01"
    });
    let req = read_allocation_request(&doc).unwrap();
    allocate(&req.plan, &req.people, &req.applications, &req.options()).unwrap()
}

#[test]
fn a_member_refused_for_the_household_limit_waits_held_back() {
    let a = household_refill(false);
    // The allocation's wire form is unchanged: no place for a2.
    let out = &a.programs()["pottery"];
    assert_eq!(out.enrolled, vec!["a1", "b"]);
    assert_eq!(out.waitlist, vec!["c"]);
    let d = &a.decisions()["a2"][0];
    assert_eq!((d.code, d.position), ("household_limit", None));
    // The state knows a2, at its place in the allocation order, held back.
    let s = EnrolmentState::new(&a);
    let p = s.for_program("pottery").unwrap();
    assert_eq!(p.waitlist, vec!["a2", "c"]);
    assert_eq!(p.held_back, vec!["a2"]);
    // b leaves: a1 still holds h1's seat, so c is offered it and a2 keeps its place.
    let at = |h: u32| format!("2006-03-02T{h:02}:00:00+08:00");
    let b_leaves = json!({"type": "withdraw", "at": at(10), "person": "b", "program": "pottery"});
    let a1_leaves = json!({"type": "withdraw", "at": at(11), "person": "a1", "program": "pottery"});
    let s = EnrolmentState::replay(&a, &read_events(json!([b_leaves])).unwrap()).unwrap();
    let p = s.for_program("pottery").unwrap();
    assert_eq!(p.offers[0].people, vec!["c"]);
    assert_eq!(p.held_back, vec!["a2"]);
    // a1 leaves: h1 is below its limit and a2 is offered the seat.
    let events = read_events(json!([b_leaves, a1_leaves])).unwrap();
    let s = EnrolmentState::replay(&a, &events).unwrap();
    let p = s.for_program("pottery").unwrap();
    let offered: Vec<&str> = p.offers.iter().map(|o| o.people[0].as_str()).collect();
    assert_eq!(offered, vec!["c", "a2"]);
    assert!(p.waitlist.is_empty() && p.held_back.is_empty());
    // a2 may also withdraw from the waiting list while held back.
    let events = read_events(json!([
        {"type": "withdraw", "at": at(10), "person": "a2", "program": "pottery"},
        a1_leaves,
    ]))
    .unwrap();
    let s = EnrolmentState::replay(&a, &events).unwrap();
    let p = s.for_program("pottery").unwrap();
    assert_eq!(p.offers[0].people, vec!["c"]);
    assert!(p.waitlist.is_empty());
}

#[test]
fn held_back_members_of_a_confidential_program_are_not_shared() {
    let a = household_refill(true);
    let s = EnrolmentState::new(&a);
    let text = serde_json::to_string(&s).unwrap();
    assert!(!text.contains("pottery") && !text.contains("a2"), "{text}");
    assert_eq!(s.for_program("pottery").unwrap().held_back, vec!["a2"]);
    let text = serde_json::to_string(&a).unwrap();
    assert!(!text.contains("a2"), "{text}");
}
