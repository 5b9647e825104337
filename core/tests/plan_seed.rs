//! The seed plan (examples/huaideyuan/plan.toml) and the second example plan.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::plan::{OccurrenceQuery, Plan, ProgramKind, Severity};

const SEED: &str = include_str!("../../examples/huaideyuan/plan.toml");

fn date(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
}

#[test]
fn seed_plan_validates_without_errors() {
    let plan = Plan::from_toml(SEED).unwrap();
    let report = plan.validate();
    let errors: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(report.ok);
    assert_eq!(report.warnings, 0, "{:#?}", report.findings);
}

const LINDENHOF: &str = include_str!("../../examples/lindenhof/plan.toml");

#[test]
fn lindenhof_plan_validates_without_errors() {
    let plan = Plan::from_toml(LINDENHOF).unwrap();
    let report = plan.validate();
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

#[test]
fn weekly_sessions_keep_local_time_across_dst() {
    let plan = Plan::from_toml(LINDENHOF).unwrap();
    let query = OccurrenceQuery {
        from: date("2026-03-20"),
        to: date("2026-04-10"),
        program: Some("spanish_1".into()),
        venue: None,
    };
    let got: Vec<String> = plan
        .occurrences(&query)
        .unwrap()
        .iter()
        .map(|o| o.start.to_rfc3339())
        .collect();
    // 6 April is Easter Monday: dropped.
    assert_eq!(
        got,
        ["2026-03-23T10:00:00+01:00", "2026-03-30T10:00:00+02:00"]
    );
    let autumn = OccurrenceQuery {
        from: date("2026-10-19"),
        to: date("2026-10-27"),
        program: Some("computer_basics".into()),
        venue: None,
    };
    let got: Vec<String> = plan
        .occurrences(&autumn)
        .unwrap()
        .iter()
        .map(|o| o.end.to_rfc3339())
        .collect();
    assert_eq!(
        got,
        ["2026-10-20T11:30:00+02:00", "2026-10-27T11:30:00+01:00"]
    );
}

#[test]
fn summer_concert_after_its_deadline_is_reported() {
    let plan = Plan::from_toml(LINDENHOF).unwrap();
    // The concert on 27 June is before the break (1 July); move it to 1 July.
    let mut late = plan.clone();
    let concert = late
        .programs
        .iter_mut()
        .find(|p| p.id == "summer_concert")
        .unwrap();
    concert.schedule.as_mut().unwrap().first = date("2026-07-01");
    let codes: Vec<_> = late
        .validate()
        .findings
        .into_iter()
        .map(|f| (f.code, f.path))
        .collect();
    assert_eq!(
        codes,
        [(
            "after_deadline".to_owned(),
            "programs[4].schedule".to_owned()
        )]
    );
}

#[test]
fn seed_plan_has_every_program_of_the_source() {
    let plan = Plan::from_toml(SEED).unwrap();
    assert_eq!((plan.year, plan.timezone.as_str()), (2006, "Asia/Shanghai"));
    let ids: Vec<&str> = plan.programs.iter().map(|p| p.id.as_str()).collect();
    for id in [
        "policy_study",
        "opera_singalong",
        "chorus",
        "dancing",
        "square_shows",
        "youth_science",
        "family_life",
        "night_school",
        "pottery",
        "piano",
        "erhu",
        "art_exhibition",
        "happy_family_online",
        "psych_mailbox",
        "counselling_room",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    let kind = |id: &str| plan.programs.iter().find(|p| p.id == id).unwrap().kind;
    assert_eq!(kind("art_exhibition"), ProgramKind::Exhibition);
    assert_eq!(kind("counselling_room"), ProgramKind::Counselling);
    assert_eq!(kind("psych_mailbox"), ProgramKind::Channel);
    let exhibition = plan
        .programs
        .iter()
        .find(|p| p.id == "art_exhibition")
        .unwrap();
    assert_eq!(exhibition.exhibition.as_ref().unwrap().categories.len(), 3);
    let numbers: Vec<u32> = plan.sections.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
}

#[test]
fn youth_science_runs_only_in_school_holidays() {
    let plan = Plan::from_toml(SEED).unwrap();
    let query = OccurrenceQuery {
        from: date("2006-01-01"),
        to: date("2006-12-31"),
        program: Some("youth_science".into()),
        venue: None,
    };
    let all = plan.occurrences(&query).unwrap();
    assert_eq!(all.len(), 32);
    assert!(all.iter().all(
        |o| (o.date >= date("2006-01-14") && o.date <= date("2006-02-12"))
            || (o.date >= date("2006-07-08") && o.date <= date("2006-08-31"))
    ));
    // The Spring Festival week (29 January – 4 February) is a public holiday.
    assert!(all
        .iter()
        .all(|o| o.date < date("2006-01-29") || o.date > date("2006-02-04")));
}

#[test]
fn venue_query_lists_the_activity_room_in_order() {
    let plan = Plan::from_toml(SEED).unwrap();
    let query = OccurrenceQuery {
        from: date("2006-03-01"),
        to: date("2006-03-14"),
        program: None,
        venue: Some("activity_room".into()),
    };
    let ids: Vec<String> = plan
        .occurrences(&query)
        .unwrap()
        .into_iter()
        .map(|o| o.id)
        .collect();
    assert_eq!(
        ids,
        [
            "chorus/20060301T1900",
            "opera_singalong/20060304T0900",
            "night_school/20060307T1900",
            "chorus/20060308T1900",
            "opera_singalong/20060311T0900",
            "family_life/20060312T1430",
        ]
    );
}

#[test]
fn make_up_working_day_counts_as_a_workday() {
    // 30 September 2006 is a Saturday worked for National Day: the activity room is only
    // free in the evening then, so a Saturday-morning session there is reported.
    let mut plan = Plan::from_toml(SEED).unwrap();
    let opera = plan
        .programs
        .iter_mut()
        .find(|p| p.id == "opera_singalong")
        .unwrap();
    opera
        .schedule
        .as_mut()
        .unwrap()
        .except
        .retain(|d| *d != date("2006-09-30"));
    let findings: Vec<(String, String)> = plan
        .validate()
        .findings
        .into_iter()
        .map(|f| (f.code, f.path))
        .collect();
    assert_eq!(
        findings,
        [(
            "outside_availability".to_owned(),
            "programs[1].venues[0]".to_owned()
        )]
    );
}

#[test]
fn dst_gap_moves_forward_and_ambiguity_takes_the_earlier_instant() {
    let plan = Plan::from_json(
        r#"{"id": "b", "community": "c", "year": 2026, "timezone": "Europe/Berlin", "programs": [
            {"id": "night", "kind": "event", "title": "Night watch",
             "schedule": {"first": "2026-03-29", "time": {"from": "02:30:00", "to": "03:30:00"}, "dates": ["2026-10-25"]}}]}"#,
    )
    .unwrap();
    let query = OccurrenceQuery {
        from: date("2026-01-01"),
        to: date("2026-12-31"),
        program: None,
        venue: None,
    };
    let got: Vec<(String, String, String)> = plan
        .occurrences(&query)
        .unwrap()
        .into_iter()
        .map(|o| (o.id, o.start.to_rfc3339(), o.end.to_rfc3339()))
        .collect();
    let want = [
        // 02:30 does not exist that night: read with the offset before the gap (RFC 5545),
        // it is 03:30, and the session keeps its hour.
        (
            "night/20260329T0330",
            "2026-03-29T03:30:00+02:00",
            "2026-03-29T04:30:00+02:00",
        ),
        (
            "night/20261025T0230",
            "2026-10-25T02:30:00+02:00",
            "2026-10-25T03:30:00+01:00",
        ),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
}
