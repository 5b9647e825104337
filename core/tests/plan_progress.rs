//! Goal progress from enrolment and attendance counts; audience rules.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::plan::audience::{evaluate, Person, Residency, Rule};
use huaide::plan::{OccurrenceQuery, Plan, ProgressInput, ProgressStatus};
use huaide::Fault;
use serde_json::json;

const SEED: &str = include_str!("../../examples/huaideyuan/plan.toml");

fn date(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
}

fn input(value: serde_json::Value) -> ProgressInput {
    serde_json::from_value(value).unwrap()
}

#[test]
fn progress_of_the_seed_plan_at_midyear() {
    let plan = Plan::from_toml(SEED).unwrap();
    let night = plan
        .occurrences(&OccurrenceQuery {
            from: date("2006-01-01"),
            to: date("2006-06-30"),
            program: Some("night_school".into()),
            venue: None,
        })
        .unwrap();
    assert_eq!(night.len(), 8);
    let attendance: Vec<_> = night
        .iter()
        .map(|o| json!({"occurrence": o.id, "present": 30, "expected": 40}))
        .collect();
    let report = plan
        .progress(&input(json!({
            "as_of": "2006-07-01",
            "distinct_participants": 180,
            "enrolments": [
                {"program": "pottery", "applicants": 14, "enrolled": 6},
                {"program": "youth_science", "applicants": 40, "enrolled": 30}
            ],
            "attendance": attendance
        })))
        .unwrap();
    let by_id = |id: &str| {
        report
            .targets
            .iter()
            .find(|t| t.target == id)
            .unwrap()
            .clone()
    };
    // 300 by 31 December: 182 of 365 days elapsed → 150 expected; 180 is on track.
    let people = by_id("residents_taking_part");
    assert_eq!(
        (
            people.value,
            people.at_least,
            people.expected_by_now,
            people.status
        ),
        (180, 300, 150, ProgressStatus::OnTrack)
    );
    // 30 of 40 present = 75 % ≥ 70 %, the year is not over.
    let rate = by_id("attendance_rate");
    assert_eq!((rate.value, rate.status), (75, ProgressStatus::OnTrack));
    let lectures = by_id("lectures_held");
    assert_eq!(
        (lectures.value, lectures.expected_by_now, lectures.status),
        (8, 5, ProgressStatus::OnTrack)
    );
    assert_eq!(by_id("youth_enrolled").status, ProgressStatus::Achieved);
    assert_eq!(by_id("policy_sessions").status, ProgressStatus::Behind);
    let arts = by_id("art_enrolled");
    assert_eq!((arts.value, arts.status), (6, ProgressStatus::Behind));
    let conditions: Vec<(String, bool)> = report
        .conditions
        .iter()
        .map(|c| (c.program.clone(), c.met))
        .collect();
    assert_eq!(
        conditions,
        [("piano".to_owned(), true), ("erhu".to_owned(), true)]
    );
    // Serialises to plain JSON with snake_case statuses.
    let wire = serde_json::to_value(&report).unwrap();
    assert_eq!(wire["targets"][0]["status"], "on_track");
}

#[test]
fn conditions_fail_without_demand_and_inputs_are_checked() {
    let plan = Plan::from_toml(SEED).unwrap();
    let report = plan
        .progress(&input(json!({"as_of": "2006-12-31", "enrolments": [{"program": "pottery", "applicants": 5, "enrolled": 5}]})))
        .unwrap();
    assert!(report.conditions.iter().all(|c| !c.met));
    assert!(report
        .targets
        .iter()
        .all(|t| t.status == ProgressStatus::Behind));

    let err = plan
        .progress(&input(
            json!({"as_of": "2006-12-31", "enrolments": [{"program": "ghost"}]}),
        ))
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("unknown_reference", Some("enrolments[0].program"))
    );
    let twice = json!({"as_of": "2006-12-31", "attendance": [
        {"occurrence": "chorus/20060301T1900", "present": 1, "expected": 2},
        {"occurrence": "chorus/20060301T1900", "present": 1, "expected": 2}]});
    let err = plan.progress(&input(twice)).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("duplicate_record", Some("attendance[1].occurrence"))
    );
    let bad = json!({"as_of": "2006-12-31", "attendance": [{"occurrence": "chorus-1", "present": 1, "expected": 2}]});
    assert_eq!(
        plan.progress(&input(bad)).unwrap_err().code(),
        "unknown_reference"
    );
}

#[test]
fn audience_rules_report_the_first_failing_rule() {
    let plan = Plan::from_toml(SEED).unwrap();
    let youth = plan
        .programs
        .iter()
        .find(|p| p.id == "youth_science")
        .unwrap()
        .audience
        .clone()
        .unwrap();
    let child = Person {
        birth_date: Some(date("1995-07-20")),
        residency: Residency::Resident,
        tags: vec![],
        completed: vec![],
        household_enrolled: 0,
        household_tags: vec![],
    };
    assert_eq!(evaluate(&youth, &child, date("2006-07-10")), Ok(()));
    // 17 on the reference day itself; one day later born would still be 16.
    let older = Person {
        birth_date: Some(date("1989-07-10")),
        ..child.clone()
    };
    let sixteen = Person {
        birth_date: Some(date("1989-07-11")),
        ..child.clone()
    };
    assert_eq!(evaluate(&youth, &sixteen, date("2006-07-10")), Ok(()));
    let failure = evaluate(&youth, &older, date("2006-07-10")).unwrap_err();
    assert_eq!(
        (failure.path.as_str(), failure.code.as_str()),
        ("all[0].age", "age")
    );
    let visitor = Person {
        residency: Residency::Visitor,
        ..child.clone()
    };
    assert_eq!(
        evaluate(&youth, &visitor, date("2006-07-10"))
            .unwrap_err()
            .path,
        "all[1].residency"
    );

    let online = plan
        .programs
        .iter()
        .find(|p| p.id == "happy_family_online")
        .unwrap()
        .audience
        .clone()
        .unwrap();
    let grandma = Person {
        birth_date: Some(date("1940-01-01")),
        ..child.clone()
    };
    assert_eq!(evaluate(&online, &grandma, date("2006-04-04")), Ok(()));
    assert_eq!(
        evaluate(&online, &child, date("2006-04-04"))
            .unwrap_err()
            .path,
        "all[1].any[0].tag"
    );

    let rule: Rule = serde_json::from_value(json!({"all": [
        {"not": {"tag": "banned"}},
        {"household": {"max_enrolled": 2, "includes_tag": "child"}},
        {"completed": ["pottery"]}
    ]}))
    .unwrap();
    let parent = Person {
        household_tags: vec!["child".into()],
        completed: vec!["pottery".into()],
        household_enrolled: 1,
        ..child.clone()
    };
    assert_eq!(evaluate(&rule, &parent, date("2006-01-01")), Ok(()));
    let crowded = Person {
        household_enrolled: 2,
        ..parent.clone()
    };
    assert_eq!(
        evaluate(&rule, &crowded, date("2006-01-01"))
            .unwrap_err()
            .path,
        "all[1].household"
    );
    let banned = Person {
        tags: vec!["banned".into()],
        ..parent
    };
    assert_eq!(
        evaluate(&rule, &banned, date("2006-01-01"))
            .unwrap_err()
            .path,
        "all[0].not"
    );
}
