//! A plan seeded with known faults reports exactly those findings.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use huaide::plan::{Plan, Severity};

const FAULTY: &str = include_str!("plan_faults.json");

#[test]
fn faulty_plan_reports_exactly_its_faults() {
    let plan = Plan::from_json(FAULTY).unwrap();
    let report = plan.validate();
    let got: BTreeSet<(String, String, Severity)> = report
        .findings
        .iter()
        .map(|f| (f.code.clone(), f.path.clone(), f.severity))
        .collect();
    let e = Severity::Error;
    let w = Severity::Warning;
    let want: BTreeSet<(String, String, Severity)> = [
        ("invalid_period", "calendar.periods[1].end", e),
        (
            "invalid_target",
            "sections[0].goals[0].targets[0].at_least",
            e,
        ),
        ("duplicate_id", "venues[1].id", e),
        ("duplicate_id", "programs[1].id", e),
        ("unknown_reference", "programs[0].venues[1]", e),
        ("invalid_rrule", "programs[2].schedule.rrule", e),
        ("unbounded_recurrence", "programs[3].schedule.rrule", e),
        ("venue_double_booked", "programs[5].venues[0]", e),
        (
            "facilitator_double_booked",
            "programs[5].facilitators[0]",
            e,
        ),
        ("capacity_exceeds_venue", "programs[6].capacity.max", e),
        ("capacity_exceeds_equipment", "programs[7].capacity.max", e),
        ("invalid_capacity", "programs[8].capacity", e),
        ("outside_period", "programs[9].schedule.dates[0]", e),
        ("after_deadline", "programs[10].schedule", e),
        ("outside_availability", "programs[11].facilitators[0]", e),
        ("enrolment_closes_late", "programs[12].enrolment.closes", e),
        ("condition_cycle", "programs[13].conditions", e),
        ("condition_cycle", "programs[14].conditions", e),
        ("invalid_time_span", "programs[15].schedule.time", e),
        ("missing_exhibition_rules", "programs[16].exhibition", e),
        ("invalid_enrolment_window", "programs[17].enrolment", e),
        ("invalid_age_range", "programs[18].audience.age", e),
        ("too_many_occurrences", "programs[19].schedule", e),
        (
            "counselling_not_confidential",
            "programs[20].confidential",
            w,
        ),
        (
            "unknown_reference",
            "programs[21].conditions[0].demand_at_least.program",
            e,
        ),
        ("outside_plan_year", "programs[22].schedule.first", w),
        ("no_occurrences", "programs[22].schedule", w),
    ]
    .into_iter()
    .map(|(c, p, s)| (c.to_owned(), p.to_owned(), s))
    .collect();
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:#?}\nextra {extra:#?}\nall {:#?}",
        report.findings
    );
    assert_eq!(report.findings.len(), want.len(), "{:#?}", report.findings);
    assert!(!report.ok);
    assert_eq!(report.warnings, 3);
    let distinct_codes: BTreeSet<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(distinct_codes.len() >= 15);
}

#[test]
fn validation_is_deterministic() {
    let plan = Plan::from_json(FAULTY).unwrap();
    assert_eq!(plan.validate(), plan.validate());
}

#[test]
fn invalid_timezone_is_a_finding() {
    let plan = Plan::from_json(
        r#"{"id": "x", "community": "c", "year": 2006, "timezone": "Mars/Olympus"}"#,
    )
    .unwrap();
    let report = plan.validate();
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].code, "invalid_timezone");
    assert_eq!(report.findings[0].path, "timezone");
}

#[test]
fn too_many_programs_is_one_finding_and_an_error() {
    let mut plan =
        Plan::from_json(r#"{"id": "x", "community": "c", "year": 2006, "timezone": "UTC"}"#)
            .unwrap();
    let one: huaide::plan::Program =
        serde_json::from_str(r#"{"id": "p", "kind": "event", "title": "P"}"#).unwrap();
    plan.programs = vec![one; huaide::plan::MAX_PROGRAMS + 1];
    let report = plan.validate();
    let codes: Vec<(&str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(codes, [("too_large", "programs")]);
    let query = huaide::plan::OccurrenceQuery {
        from: "2006-01-01".parse().unwrap(),
        to: "2006-12-31".parse().unwrap(),
        program: None,
        venue: None,
    };
    assert_eq!(
        huaide::Fault::code(&plan.occurrences(&query).unwrap_err()),
        "too_large"
    );
}

#[test]
fn findings_sort_numbers_in_paths_as_numbers() {
    let mut plan =
        Plan::from_json(r#"{"id": "x", "community": "c", "year": 2006, "timezone": "UTC"}"#)
            .unwrap();
    let program = |i: usize| -> huaide::plan::Program {
        serde_json::from_value(serde_json::json!(
            {"id": format!("p{i}"), "kind": "event", "title": "P", "venues": ["nowhere"]}
        ))
        .unwrap()
    };
    plan.programs = (0..12).map(program).collect();
    let paths: Vec<String> = plan
        .validate()
        .findings
        .iter()
        .map(|f| f.path.clone())
        .collect();
    let expected: Vec<String> = (0..12)
        .map(|i| format!("programs[{i}].venues[0]"))
        .collect();
    assert_eq!(paths, expected);
}
