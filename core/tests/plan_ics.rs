//! iCalendar export: RFC 5545 shape, parsed back with the `icalendar` crate.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::plan::{IcsOptions, OccurrenceQuery, Plan, Status};
use huaide::Fault;
use icalendar::parser::{read_calendar, unfold, Component};

const SEED: &str = include_str!("../../examples/huaideyuan/plan.toml");
const LINDENHOF: &str = include_str!("../../examples/lindenhof/plan.toml");

fn options(program: Option<&str>) -> IcsOptions {
    IcsOptions {
        stamp: "2006-03-01T08:00:00+08:00".parse().unwrap(),
        program: program.map(str::to_owned),
    }
}

fn events<'a>(cal: &'a [Component<'a>]) -> Vec<&'a Component<'a>> {
    cal.iter().filter(|c| c.name == "VEVENT").collect()
}

fn prop(c: &Component<'_>, name: &str) -> String {
    c.find_prop(name)
        .map(|p| p.val.as_str().to_owned())
        .unwrap_or_default()
}

fn assert_wire_shape(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
}

#[test]
fn seed_plan_exports_every_occurrence() {
    let plan = Plan::from_toml(SEED).unwrap();
    let ics = plan.to_ics(&options(None)).unwrap();
    assert_wire_shape(&ics);
    assert_eq!(ics, plan.to_ics(&options(None)).unwrap(), "deterministic");
    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).unwrap();
    let all = plan
        .occurrences(&OccurrenceQuery {
            from: "2006-01-01".parse().unwrap(),
            to: "2006-12-31".parse().unwrap(),
            program: None,
            venue: None,
        })
        .unwrap();
    let vevents = events(&cal.components);
    assert_eq!(vevents.len(), all.len());
    let tz = cal
        .components
        .iter()
        .find(|c| c.name == "VTIMEZONE")
        .expect("VTIMEZONE");
    assert_eq!(prop(tz, "TZID"), "Asia/Shanghai");
    assert_eq!(tz.components.len(), 1, "no DST in Shanghai in 2006");
    assert_eq!(prop(&tz.components[0], "TZOFFSETTO"), "+0800");
    for (event, occurrence) in vevents.iter().zip(&all) {
        assert_eq!(
            prop(event, "UID"),
            format!("{}@huaideyuan-2006", occurrence.id)
        );
        assert_eq!(prop(event, "DTSTAMP"), "20060301T000000Z");
    }
    let chorus = vevents
        .iter()
        .find(|e| prop(e, "UID").starts_with("chorus/20060301T1900"))
        .unwrap();
    assert_eq!(prop(chorus, "DTSTART"), "20060301T190000");
    let start = chorus.find_prop("DTSTART").unwrap();
    assert_eq!(start.params[0].key, "TZID");
    assert_eq!(
        start.params[0].val.as_ref().unwrap().as_str(),
        "Asia/Shanghai"
    );
    assert_eq!(prop(chorus, "DTEND"), "20060301T203000");
    let counselling = vevents
        .iter()
        .find(|e| prop(e, "UID").starts_with("counselling_room/"))
        .unwrap();
    assert_eq!(prop(counselling, "CLASS"), "CONFIDENTIAL");
}

#[test]
fn exhibition_is_all_day_and_cancelled_programs_are_marked() {
    let mut plan = Plan::from_toml(SEED).unwrap();
    let exhibition = plan.to_ics(&options(Some("art_exhibition"))).unwrap();
    assert!(
        !exhibition.contains("BEGIN:VTIMEZONE"),
        "only all-day events"
    );
    let unfolded = unfold(&exhibition);
    let cal = read_calendar(&unfolded).unwrap();
    let vevents = events(&cal.components);
    assert_eq!(vevents.len(), 1);
    assert_eq!(prop(vevents[0], "DTSTART"), "20060920");
    assert_eq!(prop(vevents[0], "DTEND"), "20060930");
    assert!(exhibition.contains("DTSTART;VALUE=DATE:20060920\r\n"));
    let text = vevents[0]
        .find_prop("DESCRIPTION")
        .unwrap()
        .val
        .clone()
        .unescape_text();
    assert!(
        text.as_str().contains("own works; visitors vote"),
        "{}",
        text.as_str()
    );

    plan.programs
        .iter_mut()
        .find(|p| p.id == "piano")
        .unwrap()
        .status = Status::Cancelled;
    let piano = plan.to_ics(&options(Some("piano"))).unwrap();
    let unfolded = unfold(&piano);
    let cal = read_calendar(&unfolded).unwrap();
    let vevents = events(&cal.components);
    assert!(!vevents.is_empty());
    assert!(vevents.iter().all(|e| prop(e, "STATUS") == "CANCELLED"));
}

#[test]
fn berlin_timezone_has_its_two_changes() {
    let plan = Plan::from_toml(LINDENHOF).unwrap();
    let ics = plan
        .to_ics(&IcsOptions {
            stamp: "2026-01-01T00:00:00Z".parse().unwrap(),
            program: None,
        })
        .unwrap();
    assert_wire_shape(&ics);
    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).unwrap();
    let tz = cal
        .components
        .iter()
        .find(|c| c.name == "VTIMEZONE")
        .unwrap();
    let parts: Vec<(String, String, String, String)> = tz
        .components
        .iter()
        .map(|c| {
            (
                c.name.as_str().to_owned(),
                prop(c, "DTSTART"),
                prop(c, "TZOFFSETFROM"),
                prop(c, "TZOFFSETTO"),
            )
        })
        .collect();
    let want = [
        ("STANDARD", "19700101T000000", "+0100", "+0100"),
        ("DAYLIGHT", "20260329T020000", "+0100", "+0200"),
        ("STANDARD", "20261025T030000", "+0200", "+0100"),
    ];
    let want: Vec<(String, String, String, String)> = want
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(parts, want);
}

#[test]
fn unknown_program_is_an_error() {
    let plan = Plan::from_toml(SEED).unwrap();
    let err = plan.to_ics(&options(Some("ghost"))).unwrap_err();
    assert_eq!(err.code(), "unknown_reference");
    assert_eq!(err.path(), Some("program"));
}
