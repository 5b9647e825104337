//! Property tests: occurrences are sorted and in range, expansion respects its limits,
//! TOML and JSON round trips are lossless, the iCalendar output keeps its line shape.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{NaiveDate, NaiveTime, TimeZone};
use huaide::plan::{
    Capacity, IcsOptions, OccurrenceQuery, Plan, Program, ProgramKind, Schedule, Status, TimeSpan,
    MAX_OCCURRENCES_PER_PROGRAM, MAX_OCCURRENCES_TOTAL,
};
use huaide::Fault;
use proptest::prelude::*;

fn base_plan(timezone: &str, programs: Vec<Program>) -> Plan {
    Plan::from_json(&format!(
        r#"{{"id": "p", "community": "c", "year": 2006, "timezone": "{timezone}"}}"#
    ))
    .map(|mut plan| {
        plan.programs = programs;
        plan
    })
    .unwrap()
}

fn program(
    id: String,
    title: String,
    schedule: Option<Schedule>,
    capacity: Option<Capacity>,
    cancelled: bool,
) -> Program {
    let mut p: Program =
        serde_json::from_value(serde_json::json!({"id": id, "kind": "class", "title": title}))
            .unwrap();
    p.schedule = schedule;
    p.capacity = capacity;
    p.status = if cancelled {
        Status::Cancelled
    } else {
        Status::Planned
    };
    p.kind = ProgramKind::Class;
    p
}

fn schedule_strategy() -> impl Strategy<Value = Schedule> {
    (
        0u32..365,
        0u32..23,
        prop_oneof![Just(0u32), Just(30)],
        1u32..180,
        prop_oneof![
            Just("DAILY"),
            Just("WEEKLY"),
            Just("MONTHLY"),
            Just("HOURLY"),
            Just("YEARLY")
        ],
        1u32..5,
        1u32..3_000,
        proptest::option::of(0u32..40),
        proptest::collection::vec(0u32..365, 0..4),
    )
        .prop_map(
            |(day, hour, minute, length, freq, interval, count, all_day, extra)| {
                let start = NaiveDate::from_ymd_opt(2006, 1, 1).unwrap()
                    + chrono::Duration::days(i64::from(day));
                let from = NaiveTime::from_hms_opt(hour, minute, 0).unwrap();
                let to = (from + chrono::Duration::minutes(i64::from(length).min(59)))
                    .max(from + chrono::Duration::minutes(1));
                let to = if to <= from {
                    NaiveTime::from_hms_opt(23, 59, 0).unwrap()
                } else {
                    to
                };
                Schedule {
                    first: start,
                    time: if all_day.is_some() {
                        None
                    } else {
                        Some(TimeSpan { from, to })
                    },
                    days: all_day.map(|d| d % 5 + 1),
                    rrule: Some(format!("FREQ={freq};INTERVAL={interval};COUNT={count}")),
                    dates: extra
                        .iter()
                        .map(|d| {
                            NaiveDate::from_ymd_opt(2006, 1, 1).unwrap()
                                + chrono::Duration::days(i64::from(*d))
                        })
                        .collect(),
                    except: vec![],
                    within: vec![],
                    on_holidays: false,
                }
            },
        )
}

/// Whether a schedule with a rule has its first session in a DST gap of `tz`: the plan
/// module refuses it with `invalid_schedule` (the rule has no start instant), which the
/// properties below allow alongside `too_large`.
fn starts_in_dst_gap(schedule: &Schedule, tz: &str) -> bool {
    let tz: chrono_tz::Tz = tz.parse().unwrap();
    let start = schedule
        .first
        .and_time(schedule.time.map_or(NaiveTime::MIN, |t| t.from));
    schedule.rrule.is_some() && tz.from_local_datetime(&start).earliest().is_none()
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("陶艺培训班".to_owned()),
        "[a-zA-Z ,;\\\\\n]{0,90}",
        "\\PC{0,40}"
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn occurrences_are_sorted_in_range_and_bounded(
        schedules in proptest::collection::vec(schedule_strategy(), 1..5),
        tz in prop_oneof![Just("Asia/Shanghai"), Just("Europe/Berlin"), Just("America/New_York")],
        from_day in 0u32..365,
        span in 0u32..400,
    ) {
        let gap = schedules.iter().any(|s| starts_in_dst_gap(s, tz));
        let programs = schedules
            .into_iter()
            .enumerate()
            .map(|(i, s)| program(format!("p{i}"), "t".into(), Some(s), None, false))
            .collect();
        let plan = base_plan(tz, programs);
        let from = NaiveDate::from_ymd_opt(2006, 1, 1).unwrap() + chrono::Duration::days(i64::from(from_day));
        let to = from + chrono::Duration::days(i64::from(span));
        match plan.occurrences(&OccurrenceQuery { from, to, program: None, venue: None }) {
            Ok(all) => {
                prop_assert!(all.len() <= MAX_OCCURRENCES_TOTAL);
                prop_assert!(all.len() <= MAX_OCCURRENCES_PER_PROGRAM * plan.programs.len());
                for o in &all {
                    prop_assert!(o.date >= from && o.date <= to);
                    prop_assert!(o.end > o.start);
                }
                for pair in all.windows(2) {
                    prop_assert!((pair[0].start, pair[0].end, &pair[0].program) <= (pair[1].start, pair[1].end, &pair[1].program));
                }
            }
            Err(err) if gap && err.code() == "invalid_schedule" => {}
            Err(err) => prop_assert_eq!(err.code(), "too_large"),
        }
        // Validation never panics and is deterministic.
        prop_assert_eq!(plan.validate(), plan.validate());
    }

    #[test]
    fn round_trips_are_lossless(
        titles in proptest::collection::vec(text_strategy(), 1..4),
        schedule in proptest::option::of(schedule_strategy()),
        max in 1u32..100,
        cancelled in any::<bool>(),
    ) {
        let programs = titles
            .iter()
            .enumerate()
            .map(|(i, t)| program(format!("p{i}"), t.clone(), schedule.clone(), Some(Capacity { min: 0, max }), cancelled))
            .collect();
        let plan = base_plan("Asia/Shanghai", programs);
        let toml = plan.to_toml().unwrap();
        prop_assert_eq!(&Plan::from_toml(&toml).unwrap(), &plan);
        let json = plan.to_json().unwrap();
        let back = Plan::from_json(&json).unwrap();
        prop_assert_eq!(&back, &plan);
        prop_assert_eq!(back.to_toml().unwrap(), toml);
    }

    #[test]
    fn ics_lines_stay_folded(title in text_strategy(), schedule in schedule_strategy()) {
        let gap = starts_in_dst_gap(&schedule, "Europe/Berlin");
        let plan = base_plan("Europe/Berlin", vec![program("p".into(), title, Some(schedule), None, false)]);
        let options = IcsOptions { stamp: "2006-03-01T00:00:00Z".parse().unwrap(), program: None };
        match plan.to_ics(&options) {
            Ok(ics) => {
                prop_assert!(ics.ends_with("END:VCALENDAR\r\n"));
                for line in ics.split("\r\n") {
                    prop_assert!(line.len() <= 75);
                    prop_assert!(!line.contains('\n'));
                }
                let unfolded = icalendar::parser::unfold(&ics);
                prop_assert!(icalendar::parser::read_calendar(&unfolded).is_ok());
            }
            Err(err) if gap => prop_assert_eq!(err.code(), "invalid_schedule"),
            Err(err) => prop_assert_eq!(err.code(), "too_large"),
        }
    }

    #[test]
    fn arbitrary_rules_never_panic(rule in "[A-Z=;,0-9:-]{0,60}") {
        let schedule = Schedule {
            first: NaiveDate::from_ymd_opt(2006, 3, 1).unwrap(),
            time: Some(TimeSpan { from: NaiveTime::from_hms_opt(9, 0, 0).unwrap(), to: NaiveTime::from_hms_opt(10, 0, 0).unwrap() }),
            days: None,
            rrule: Some(rule),
            dates: vec![],
            except: vec![],
            within: vec![],
            on_holidays: false,
        };
        let plan = base_plan("Asia/Shanghai", vec![program("p".into(), "t".into(), Some(schedule), None, false)]);
        let _ = plan.validate();
        let from = NaiveDate::from_ymd_opt(2006, 1, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2006, 12, 31).unwrap();
        let _ = plan.occurrences(&OccurrenceQuery { from, to, program: None, venue: None });
    }
}
