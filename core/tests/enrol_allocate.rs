//! Hand-checked allocations: mechanisms, tiers, reserves, groups, conflicts, cancellation,
//! conditions, confidentiality and errors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::enrol::{
    allocate, read_allocation_request, Allocation, AllocationOptions, AllocationRequest,
};
use huaide::Fault;
use serde_json::{json, Value};

fn request(
    plan: Value,
    people: Value,
    applications: Value,
    mechanism: Option<&str>,
) -> AllocationRequest {
    let mut doc = json!({
        "plan": plan, "people": people, "applications": applications,
        "seed": "huaideyuan 2006", "as_of": "2006-03-01"
    });
    if let Some(m) = mechanism {
        doc["mechanism"] = json!(m);
    }
    read_allocation_request(&doc).unwrap()
}

fn run(req: &AllocationRequest) -> Allocation {
    allocate(&req.plan, &req.people, &req.applications, &req.options()).unwrap()
}

fn plan(programs: Value) -> Value {
    json!({"id": "h", "community": "Huaideyuan", "year": 2006, "timezone": "Asia/Shanghai",
           "programs": programs})
}

fn class(id: &str, max: u32) -> Value {
    json!({"id": id, "kind": "class", "title": id, "capacity": {"max": max}})
}

fn person(id: &str) -> Value {
    json!({"id": id, "residency": "resident", "tags": []})
}

fn draw_rank(a: &Allocation, id: &str) -> usize {
    a.draw().iter().position(|x| x == id).unwrap()
}

#[test]
fn draw_is_the_public_lottery() {
    let req = request(
        plan(json!([class("pottery", 1)])),
        json!(["a", "b", "c", "d"].map(person)),
        json!(["d", "c", "b", "a"].map(|p| json!({"person": p, "choices": ["pottery"]}))),
        None,
    );
    let a = run(&req);
    let ids = ["a", "b", "c", "d"];
    assert_eq!(
        a.draw(),
        huaide::draw::lottery_order("huaideyuan 2006", &ids)
    );
    // The one seat goes to the luckiest; the rest wait in draw order.
    let p = &a.programs()["pottery"];
    assert_eq!(p.enrolled, vec![a.draw()[0].clone()]);
    assert_eq!(p.waitlist, a.draw()[1..].to_vec());
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["decisions"][&a.draw()[1]][0]["code"], "waitlisted");
    assert_eq!(v["decisions"][&a.draw()[1]][0]["position"], 1);
}

#[test]
fn tiers_come_before_the_draw() {
    let mut pottery = class("pottery", 2);
    pottery["allocation"] =
        json!({"tiers": [{"residency": ["resident"]}, {"residency": ["surrounding"]}]});
    let people = json!([
        {"id": "v1", "residency": "visitor", "tags": []},
        {"id": "s1", "residency": "surrounding", "tags": []},
        {"id": "s2", "residency": "surrounding", "tags": []},
        {"id": "r1", "residency": "resident", "tags": []},
    ]);
    let apps =
        json!(["v1", "s1", "s2", "r1"].map(|p| json!({"person": p, "choices": ["pottery"]})));
    let a = run(&request(plan(json!([pottery])), people, apps, None));
    let p = &a.programs()["pottery"];
    assert_eq!(p.enrolled[0], "r1");
    let mut second = ["s1", "s2"];
    second.sort_by_key(|x| draw_rank(&a, x));
    assert_eq!(p.enrolled[1], second[0]);
    assert_eq!(p.waitlist, vec![second[1], "v1"]);
    // Serial dictatorship ignores tiers: the draw alone decides.
    let mut pottery = class("pottery", 2);
    pottery["allocation"] = json!({"tiers": [{"residency": ["resident"]}]});
    let people = json!([
        {"id": "v1", "residency": "visitor", "tags": []},
        {"id": "s1", "residency": "surrounding", "tags": []},
        {"id": "s2", "residency": "surrounding", "tags": []},
        {"id": "r1", "residency": "resident", "tags": []},
    ]);
    let apps =
        json!(["v1", "s1", "s2", "r1"].map(|p| json!({"person": p, "choices": ["pottery"]})));
    let a = run(&request(
        plan(json!([pottery])),
        people,
        apps,
        Some("serial_dictatorship"),
    ));
    assert_eq!(a.programs()["pottery"].enrolled, a.draw()[..2].to_vec());
}

#[test]
fn eligibility_is_explained() {
    let mut science = class("science", 5);
    science["audience"] =
        json!({"all": [{"age": {"min": 6, "max": 16}}, {"residency": ["resident"]}]});
    science["schedule"] = json!({"first": "2006-07-10"});
    let mut piano = class("piano", 5);
    piano["prerequisites"] = json!(["pottery"]);
    let people = json!([
        {"id": "kid", "residency": "resident", "tags": [], "birth_date": "1990-07-10"},
        {"id": "old", "residency": "resident", "tags": [], "birth_date": "1989-07-09"},
        {"id": "nobd", "residency": "resident", "tags": []},
        {"id": "vis", "residency": "visitor", "tags": [], "birth_date": "1995-01-01", "history": ["pottery"]},
    ]);
    let apps = json!(["kid", "old", "nobd", "vis"]
        .map(|p| json!({"person": p, "choices": ["science", "piano"]})));
    let a = run(&request(plan(json!([science, piano])), people, apps, None));
    let v = serde_json::to_value(&a).unwrap();
    // Age on the first session (2006-07-10): kid is exactly 16, old is 17.
    assert_eq!(v["decisions"]["kid"][0]["code"], "enrolled");
    assert_eq!(v["decisions"]["kid"][1]["code"], "missing_prerequisite");
    assert_eq!(v["decisions"]["old"][0]["code"], "ineligible_age");
    assert_eq!(v["decisions"]["old"][0]["rule"]["path"], "all[0].age");
    assert_eq!(v["decisions"]["old"][1]["code"], "missing_prerequisite");
    assert_eq!(v["decisions"]["nobd"][0]["code"], "missing_birth_date");
    assert_eq!(v["decisions"]["vis"][0]["code"], "ineligible_residency");
    assert_eq!(v["decisions"]["vis"][1]["code"], "enrolled");
}

#[test]
fn below_minimum_cancels_and_applicants_move_on() {
    let mut erhu = class("erhu", 5);
    erhu["capacity"]["min"] = json!(3);
    let people = json!(["a", "b", "c"].map(person));
    let apps = json!([
        {"person": "a", "choices": ["erhu", "chorus"]},
        {"person": "b", "choices": ["erhu", "chorus"]},
        {"person": "c", "choices": ["chorus"]},
    ]);
    let a = run(&request(
        plan(json!([erhu, class("chorus", 10)])),
        people,
        apps,
        None,
    ));
    assert_eq!(
        a.programs()["erhu"].status,
        huaide::enrol::ProgramStatus::Cancelled
    );
    assert_eq!(a.programs()["erhu"].reason, Some("below_minimum"));
    assert_eq!(a.assignments()["a"], vec!["chorus"]);
    assert_eq!(a.iterations, 2);
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["decisions"]["a"][0]["code"], "program_cancelled");
}

#[test]
fn conditional_program_opens_only_on_demand() {
    let mut piano = class("piano", 5);
    piano["conditions"] = json!([{"demand_at_least": {"program": "pottery", "applicants": 3}}]);
    let people = json!(["a", "b", "c"].map(person));
    let apps = json!([
        {"person": "a", "choices": ["piano", "pottery"]},
        {"person": "b", "choices": ["pottery"]},
    ]);
    let a = run(&request(
        plan(json!([class("pottery", 5), piano.clone()])),
        people.clone(),
        apps,
        None,
    ));
    assert_eq!(
        a.programs()["piano"].status,
        huaide::enrol::ProgramStatus::NotOpened
    );
    assert_eq!(a.assignments()["a"], vec!["pottery"]);
    let apps = json!([
        {"person": "a", "choices": ["piano", "pottery"]},
        {"person": "b", "choices": ["pottery"]},
        {"person": "c", "choices": ["pottery"]},
    ]);
    let a = run(&request(
        plan(json!([class("pottery", 5), piano])),
        people,
        apps,
        None,
    ));
    assert_eq!(
        a.programs()["piano"].status,
        huaide::enrol::ProgramStatus::Running
    );
    assert_eq!(a.assignments()["a"], vec!["piano"]);
}

#[test]
fn groups_get_seats_together_or_not_at_all() {
    let people = json!(["a", "b", "c"].map(person));
    let apps = json!([
        {"person": "a", "group": ["b"], "choices": ["pottery", "chorus"]},
        {"person": "c", "choices": ["pottery"]},
    ]);
    let a = run(&request(
        plan(json!([class("pottery", 2), class("chorus", 2)])),
        people,
        apps,
        None,
    ));
    let ab = a.assignments()["a"].clone();
    assert_eq!(ab, a.assignments()["b"]);
    let pottery = &a.programs()["pottery"].enrolled;
    assert!(pottery.len() == 2 || pottery.len() == 1);
    // The group is as lucky as its member drawn last.
    let group_rank = draw_rank(&a, "a").max(draw_rank(&a, "b"));
    if group_rank < draw_rank(&a, "c") {
        assert_eq!(ab, vec!["pottery"]);
    } else {
        assert_eq!(ab, vec!["chorus"]);
        assert_eq!(pottery, &vec!["c".to_owned()]);
    }
}

#[test]
fn reserved_seats_go_to_matching_applicants_first() {
    let mut pottery = class("pottery", 2);
    pottery["allocation"] = json!({"reserved": [{"seats": 1, "rule": {"tag": "elderly"}}]});
    let mut people: Vec<Value> = (0..6).map(|i| person(&format!("y{i}"))).collect();
    people.push(json!({"id": "old", "residency": "resident", "tags": ["elderly"]}));
    let apps: Vec<Value> = people
        .iter()
        .map(|p| json!({"person": p["id"], "choices": ["pottery"]}))
        .collect();
    let a = run(&request(
        plan(json!([pottery])),
        json!(people),
        json!(apps),
        None,
    ));
    let enrolled = &a.programs()["pottery"].enrolled;
    assert!(enrolled.contains(&"old".to_owned()));
    assert_eq!(enrolled.len(), 2);
}

#[test]
fn no_timetable_conflicts_with_several_programs() {
    let mut p = plan(json!([
        {"id": "chorus", "kind": "interest_group", "title": "chorus", "capacity": {"max": 5},
         "schedule": {"first": "2006-03-01", "time": {"from": "19:00:00", "to": "20:30:00"}, "rrule": "FREQ=WEEKLY;COUNT=4"}},
        {"id": "night", "kind": "lecture_series", "title": "night", "capacity": {"max": 5},
         "schedule": {"first": "2006-03-01", "time": {"from": "20:00:00", "to": "21:00:00"}, "rrule": "FREQ=WEEKLY;COUNT=4"}},
        {"id": "dance", "kind": "interest_group", "title": "dance", "capacity": {"max": 5},
         "schedule": {"first": "2006-03-02", "time": {"from": "19:00:00", "to": "20:00:00"}}},
    ]));
    p["allocation"] = json!({"max_programs": 3});
    let people = json!(["a"].map(person));
    let apps = json!([{"person": "a", "choices": ["chorus", "night", "dance"]}]);
    let a = run(&request(p, people, apps, None));
    assert_eq!(a.assignments()["a"], vec!["chorus", "dance"]);
    assert_eq!(a.decisions()["a"][1].code, "timetable_conflict");
}

#[test]
fn confidential_programs_are_redacted_from_the_shared_form() {
    let mut counselling = class("counselling", 1);
    counselling["confidential"] = json!(true);
    counselling["kind"] = json!("counselling");
    let people = json!(["a", "b", "secret"].map(person));
    let apps = json!([
        {"person": "a", "choices": ["counselling", "chorus"]},
        {"person": "b", "choices": ["chorus"]},
        {"person": "secret", "choices": ["counselling"]},
    ]);
    let a = run(&request(
        plan(json!([counselling, class("chorus", 5)])),
        people,
        apps,
        None,
    ));
    let text = serde_json::to_string(&a).unwrap();
    assert!(!text.contains("counselling"), "{text}");
    assert!(!text.contains("secret"), "{text}");
    // Counselling does not use up a's one seat in the shared programs.
    assert_eq!(
        a.assignments()["a"]
            .iter()
            .filter(|p| *p == "chorus")
            .count(),
        1
    );
    let report = a.for_program("counselling").unwrap();
    assert_eq!(report.outcome.enrolled.len(), 1);
    assert_eq!(report.decisions.len(), 2);
    let text = serde_json::to_string(&report).unwrap();
    assert!(text.contains("counselling"));
}

#[test]
fn confidential_demand_does_not_change_the_shared_form() {
    // Counselling has a minimum of 3: with two applicants it is cancelled (one more run of
    // the allocation), with three it runs. The shared form must not tell the two apart.
    let shared = |applicants: &[&str]| {
        let mut counselling = class("counselling", 5);
        counselling["confidential"] = json!(true);
        counselling["kind"] = json!("counselling");
        counselling["capacity"]["min"] = json!(3);
        let mut chorus = class("chorus", 1);
        chorus["capacity"]["min"] = json!(2);
        let mut ids = vec!["a", "b"];
        ids.extend_from_slice(applicants);
        let people = Value::Array(ids.iter().map(|&p| person(p)).collect());
        let mut apps = vec![
            json!({"person": "a", "choices": ["chorus", "dance"]}),
            json!({"person": "b", "choices": ["dance", "counselling"]}),
        ];
        apps.extend(
            applicants
                .iter()
                .map(|p| json!({"person": p, "choices": ["counselling"]})),
        );
        let a = run(&request(
            plan(json!([counselling, chorus, class("dance", 5)])),
            people,
            Value::Array(apps),
            None,
        ));
        (
            serde_json::to_string(&a).unwrap(),
            a.program("counselling").unwrap().status,
        )
    };
    let (few, few_status) = shared(&["s1"]);
    let (many, many_status) = shared(&["s1", "s2"]);
    assert_ne!(few_status, many_status);
    assert_eq!(few, many);
    let doc: Value = serde_json::from_str(&few).unwrap();
    // One run, then one more for chorus (below its minimum).
    assert_eq!(doc["iterations"], json!(2));
}

#[test]
fn first_come_orders_by_stamp_then_draw() {
    let people = json!(["a", "b", "c"].map(person));
    let apps = json!([
        {"person": "a", "choices": ["pottery"], "submitted_at": "2006-03-01T09:00:00+08:00"},
        {"person": "b", "choices": ["pottery"], "submitted_at": "2006-03-01T08:00:00+08:00"},
        {"person": "c", "choices": ["pottery"]},
    ]);
    let a = run(&request(
        plan(json!([class("pottery", 2)])),
        people,
        apps,
        Some("first_come"),
    ));
    assert_eq!(a.programs()["pottery"].enrolled, vec!["b", "a"]);
    assert_eq!(a.programs()["pottery"].waitlist, vec!["c"]);
}

#[test]
fn oversized_policies_are_too_large() {
    let tier = json!({"residency": ["resident"]});
    let reserve = json!({"seats": 1, "rule": {"tag": "elderly"}});
    let cases = [
        (
            json!({"tiers": vec![tier.clone(); 65]}),
            Some("plan.programs[0].allocation.tiers"),
        ),
        (json!({"tiers": vec![tier; 64]}), None),
        (
            json!({"reserved": vec![reserve.clone(); 17]}),
            Some("plan.programs[0].allocation.reserved"),
        ),
        (json!({"reserved": vec![reserve; 16]}), None),
    ];
    for (policy, path) in cases {
        let mut pottery = class("pottery", 2);
        pottery["allocation"] = policy;
        let req = request(
            plan(json!([pottery])),
            json!(["a"].map(person)),
            json!([{"person": "a", "choices": ["pottery"]}]),
            None,
        );
        let got = allocate(&req.plan, &req.people, &req.applications, &req.options());
        match path {
            Some(path) => {
                let err = got.unwrap_err();
                assert_eq!(err.code(), "too_large");
                assert_eq!(err.path(), Some(path));
            }
            None => assert_eq!(got.unwrap().programs()["pottery"].enrolled, vec!["a"]),
        }
    }
}

#[test]
fn errors_have_codes_and_paths() {
    let base = plan(json!([class("pottery", 2)]));
    let cases = [
        (
            json!(["a", "a"].map(person)),
            json!([]),
            "duplicate_person",
            "people[1].id",
        ),
        (
            json!(["a"].map(person)),
            json!([{"person": "x", "choices": []}]),
            "unknown_person",
            "applications[0].person",
        ),
        (
            json!(["a"].map(person)),
            json!([{"person": "a", "choices": ["kiln"]}]),
            "unknown_program",
            "applications[0].choices[0]",
        ),
        (
            json!(["a"].map(person)),
            json!([{"person": "a", "choices": ["pottery", "pottery"]}]),
            "duplicate_choice",
            "applications[0].choices[1]",
        ),
        (
            json!(["a"].map(person)),
            json!([{"person": "a", "choices": []}, {"person": "a", "choices": []}]),
            "duplicate_application",
            "applications[1].person",
        ),
    ];
    for (people, apps, code, path) in cases {
        let req = request(base.clone(), people, apps, None);
        let err = allocate(&req.plan, &req.people, &req.applications, &req.options()).unwrap_err();
        assert_eq!(err.code(), code);
        assert_eq!(err.path(), Some(path));
        assert_eq!(err.family().as_str(), "enrol");
    }
    let bad =
        json!({"plan": base, "people": [], "applications": [], "seed": 1, "as_of": "2006-03-01"});
    let err = read_allocation_request(&bad).unwrap_err();
    assert_eq!(err.code(), "invalid_document");
    assert_eq!(err.path(), Some("seed"));
    let opts: AllocationOptions = huaide::enrol::read_allocation_options(
        json!({"seed": "s", "as_of": "2006-01-01", "mechanism": "first_come"}),
    )
    .unwrap();
    assert_eq!(opts.mechanism, Some(huaide::plan::Mechanism::FirstCome));
}

fn household_plan(max_enrolled: u32) -> Value {
    let mut pottery = class("pottery", 4);
    pottery["audience"] = json!({"all": [
        {"residency": ["resident", "surrounding"]},
        {"household": {"max_enrolled": max_enrolled}}
    ]});
    pottery["allocation"] = json!({"tiers": [{"residency": ["resident"]}]});
    plan(json!([pottery, class("chorus", 5)]))
}

fn household_people() -> Value {
    json!([
        {"id": "a1", "residency": "surrounding", "tags": [], "household": "h1"},
        {"id": "a2", "residency": "resident", "tags": [], "household": "h1"},
        {"id": "a3", "residency": "resident", "tags": [], "household": "h1"},
        {"id": "b", "residency": "resident", "tags": []},
        {"id": "c", "residency": "surrounding", "tags": [], "household": "h2"}
    ])
}

#[test]
fn household_max_enrolled_caps_a_program() {
    let apps = json!(["a1", "a2", "a3", "b", "c"]
        .map(|p| json!({"person": p, "choices": ["pottery", "chorus"]})));
    for mechanism in ["deferred_acceptance", "serial_dictatorship"] {
        let a = run(&request(
            household_plan(1),
            household_people(),
            apps.clone(),
            Some(mechanism),
        ));
        let h1 = ["a1", "a2", "a3"];
        let in_h1 = |id: &str| h1.contains(&id);
        let roster = &a.programs()["pottery"].enrolled;
        assert_eq!(roster.iter().filter(|x| in_h1(x)).count(), 1, "{mechanism}");
        // Deferred acceptance: the residents' tier first, then the draw; serial
        // dictatorship: the draw alone.
        let mut order: Vec<&str> = h1.to_vec();
        order.sort_by_key(|id| {
            let tier = usize::from(mechanism == "deferred_acceptance" && *id == "a1");
            (tier, draw_rank(&a, id))
        });
        assert_eq!(roster.iter().find(|x| in_h1(x)).unwrap(), order[0]);
        let d = a.decisions();
        for id in &order[1..] {
            assert_eq!(d[*id][0].code, "household_limit", "{mechanism} {id}");
            assert_eq!(d[*id][0].position, None);
            assert_eq!(d[*id][1].code, "enrolled");
        }
        assert!(roster.contains(&"b".to_owned()) && roster.contains(&"c".to_owned()));
        assert!(a.programs()["pottery"].waitlist.is_empty());
    }
    // A cap of two lets two of the household in; zero refuses everyone of the audience.
    let a = run(&request(
        household_plan(2),
        household_people(),
        apps.clone(),
        None,
    ));
    let roster = &a.programs()["pottery"].enrolled;
    assert_eq!(roster.len(), 4);
    let a = run(&request(household_plan(0), household_people(), apps, None));
    assert_eq!(a.decisions()["b"][0].code, "ineligible_household");
}

#[test]
fn household_rule_inside_any_caps_nothing() {
    let mut pottery = class("pottery", 5);
    pottery["audience"] = json!({"any": [{"household": {"max_enrolled": 1}}, {"tag": "x"}]});
    let a = run(&request(
        plan(json!([pottery])),
        household_people(),
        json!(["a1", "a2", "a3"].map(|p| json!({"person": p, "choices": ["pottery"]}))),
        None,
    ));
    assert_eq!(a.programs()["pottery"].enrolled.len(), 3);
}
