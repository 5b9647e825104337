//! Confidentiality, tested on every output of the Rust API: nothing shared names a
//! confidential program or anyone who applied only to one, nothing shared depends on who
//! applied to one, and no output at all carries a resident's name. The data is
//! `tests/fixtures/confidential/` (also used by the Python and JS tests); `secrets.json`
//! there lists the strings that must not appear.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Cursor;
use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx};
use huaide::enrol::{self, Allocation, Application, EnrolmentState, Event, Person};
use huaide::plan::Plan;
use huaide::tables::{self, TableDocument, TableFormat, TableSource};
use proptest::prelude::*;
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/confidential")
        .join(name)
}

struct Secrets {
    seed: String,
    as_of: String,
    programs: Vec<String>,
    people: Vec<String>,
    names: Vec<String>,
}

impl Secrets {
    /// Everything no shared output may contain.
    fn hidden(&self) -> Vec<String> {
        let all = self.programs.iter().chain(&self.people).chain(&self.names);
        all.cloned().collect()
    }
}

fn secrets() -> Secrets {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("secrets.json")).unwrap()).unwrap();
    let list = |k: &str| -> Vec<String> { serde_json::from_value(v[k].clone()).unwrap() };
    Secrets {
        seed: v["seed"].as_str().unwrap().to_owned(),
        as_of: v["as_of"].as_str().unwrap().to_owned(),
        programs: list("confidential_programs"),
        people: list("confidential_only_people"),
        names: list("names"),
    }
}

struct Data3 {
    plan: Plan,
    people: Vec<Person>,
    applications: Vec<Application>,
    events: Vec<Event>,
    options: enrol::AllocationOptions,
}

/// The fixture read as a user reads it: the plan's TOML, the roll and the applications as
/// CSV through the table readers.
fn data() -> (Data3, Secrets) {
    let s = secrets();
    let plan = Plan::from_toml(&std::fs::read_to_string(fixture("plan.toml")).unwrap()).unwrap();
    let people_bytes = std::fs::read(fixture("people.csv")).unwrap();
    let people = tables::read_people(
        &TableSource::new("people.csv", &people_bytes),
        &Default::default(),
    )
    .unwrap();
    assert!(people.ok, "{:?}", people.findings);
    let apps_bytes = std::fs::read(fixture("applications.csv")).unwrap();
    let apps = tables::read_applications(
        &TableSource::new("applications.csv", &apps_bytes),
        &Default::default(),
        Some(&plan),
    )
    .unwrap();
    assert!(apps.ok, "{:?}", apps.findings);
    // The names column is read past, never kept.
    assert_no(
        &serde_json::to_string(&people).unwrap(),
        &s.names,
        "people table",
    );
    assert_no(
        &serde_json::to_string(&apps).unwrap(),
        &s.names,
        "applications table",
    );
    let events = enrol::read_events(
        serde_json::from_str::<Value>(&std::fs::read_to_string(fixture("events.json")).unwrap())
            .unwrap(),
    )
    .unwrap();
    let options =
        enrol::read_allocation_options(json!({"seed": s.seed, "as_of": s.as_of})).unwrap();
    let d = Data3 {
        plan,
        people: people.people,
        applications: apps.applications,
        events,
        options,
    };
    (d, s)
}

fn assert_no(text: &str, needles: &[String], what: &str) {
    for n in needles {
        assert!(!text.contains(n.as_str()), "{what} contains {n:?}:\n{text}");
    }
}

fn allocate(d: &Data3, applications: &[Application]) -> Allocation {
    enrol::allocate(&d.plan, &d.people, applications, &d.options).unwrap()
}

/// The applications with every confidential choice struck out, and those left with none
/// dropped.
fn without_confidential(d: &Data3, s: &Secrets) -> Vec<Application> {
    d.applications
        .iter()
        .filter_map(|a| {
            let mut a = a.clone();
            a.choices.retain(|c| !s.programs.contains(c));
            (!a.choices.is_empty()).then_some(a)
        })
        .collect()
}

/// Every cell of a workbook, as text.
fn cells(xlsx: &[u8]) -> String {
    let mut book = Xlsx::new(Cursor::new(xlsx.to_vec())).unwrap();
    let mut out = book.sheet_names().join("\n");
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                if !matches!(cell, Data::Empty) {
                    out.push('\n');
                    out.push_str(&cell.to_string());
                }
            }
        }
    }
    out
}

#[test]
fn the_data_has_something_to_hide() {
    let (d, s) = data();
    let allocation = allocate(&d, &d.applications);
    let counselling = serde_json::to_string(&allocation.for_program(&s.programs[0])).unwrap();
    assert!(counselling.contains(&s.people[0]), "{counselling}");
    let state = EnrolmentState::replay(&allocation, &d.events).unwrap();
    let room = serde_json::to_string(&state.for_program(&s.programs[0])).unwrap();
    assert!(
        room.contains("attendance_recorded") && room.contains(&s.people[0]),
        "{room}"
    );
}

#[test]
fn shared_allocation_outputs_hide_confidential_programs() {
    let (d, s) = data();
    let hidden = s.hidden();
    let allocation = allocate(&d, &d.applications);
    let shared = serde_json::to_string(&allocation).unwrap();
    assert_no(&shared, &hidden, "the shared form");
    for program in d.plan.programs.iter().filter(|p| !p.confidential) {
        let report = serde_json::to_string(&allocation.for_program(&program.id)).unwrap();
        assert_no(&report, &hidden, &format!("the report of {}", program.id));
    }
    // The tables written from the shared form: the workbook and the CSV of every sheet.
    let document: TableDocument = serde_json::from_value(
        json!({"kind": "allocation", "document": serde_json::to_value(&allocation).unwrap()}),
    )
    .unwrap();
    let xlsx = tables::write_table(&document, TableFormat::Xlsx, None).unwrap();
    let text = cells(&xlsx);
    assert!(text.contains("pottery"), "{text}");
    assert_no(&text, &hidden, "the workbook");
    for sheet in tables::sheets_of(&document) {
        let csv = tables::write_table(&document, TableFormat::Csv, Some(&sheet.name)).unwrap();
        assert_no(&String::from_utf8(csv).unwrap(), &hidden, &sheet.name);
    }
}

#[test]
fn shared_results_do_not_depend_on_confidential_applications() {
    let (d, s) = data();
    let with = serde_json::to_string(&allocate(&d, &d.applications)).unwrap();
    let without = serde_json::to_string(&allocate(&d, &without_confidential(&d, &s))).unwrap();
    assert_eq!(with, without);
}

#[test]
fn shared_state_hides_confidential_events_and_does_not_depend_on_them() {
    let (d, s) = data();
    let hidden = s.hidden();
    let state = EnrolmentState::replay(&allocate(&d, &d.applications), &d.events).unwrap();
    let shared = serde_json::to_string(&state).unwrap();
    assert_no(&shared, &hidden, "the shared state");
    for program in d.plan.programs.iter().filter(|p| !p.confidential) {
        let one = serde_json::to_string(&state.for_program(&program.id)).unwrap();
        assert_no(&one, &hidden, &format!("the state of {}", program.id));
    }
    // The last event is a confidential attendance record: the shared clock does not show it.
    let shared_events: Vec<Event> = d
        .events
        .iter()
        .filter(|e| !about(e, &s.programs))
        .cloned()
        .collect();
    assert!(shared_events.len() < d.events.len());
    let alone =
        EnrolmentState::replay(&allocate(&d, &without_confidential(&d, &s)), &shared_events)
            .unwrap();
    assert_eq!(shared, serde_json::to_string(&alone).unwrap());
}

fn about(event: &Event, programs: &[String]) -> bool {
    let v = serde_json::to_value(event).unwrap();
    v.get("program")
        .and_then(Value::as_str)
        .is_some_and(|p| programs.iter().any(|c| c == p))
}

#[test]
fn calendars_and_timetables_carry_no_people() {
    let (d, s) = data();
    let people: Vec<String> = d
        .people
        .iter()
        .map(|p| p.id.clone())
        .chain(s.names.clone())
        .collect();
    let options = huaide::plan::read_ics_options(json!({"stamp": "2006-03-01T00:00:00Z"})).unwrap();
    let ics = d.plan.to_ics(&options).unwrap();
    assert!(ics.contains("BEGIN:VEVENT"));
    assert_no(&ics, &people, "the iCalendar file");
    let query =
        huaide::plan::read_occurrence_query(json!({"from": "2006-03-01", "to": "2006-04-30"}))
            .unwrap();
    let occurrences = serde_json::to_string(&d.plan.occurrences(&query).unwrap()).unwrap();
    assert_no(&occurrences, &people, "the timetable");
}

/// Errors and findings about one row or one application name only that row's own data.
#[test]
fn errors_name_only_the_data_they_are_about() {
    let (d, s) = data();
    let ids: Vec<String> = d.people.iter().map(|p| p.id.clone()).collect();
    let others = |own: &str| -> Vec<String> {
        ids.iter()
            .filter(|i| i.as_str() != own)
            .cloned()
            .chain(s.names.clone())
            .collect()
    };
    // A roll with a bad birth date and a bad residency on one row each.
    let roll = std::fs::read_to_string(fixture("people.csv"))
        .unwrap()
        .replace("1975-09-30", "1975-13-45")
        .replace(
            "r05,吴敏,1991-04-17,h05,本社区",
            "r05,吴敏,1991-04-17,h05,火星",
        );
    let read = tables::read_people(
        &TableSource::new("people.csv", roll.as_bytes()),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(read.findings.len(), 2, "{:?}", read.findings);
    for (finding, own) in read.findings.iter().zip(["quiettwo", "r05"]) {
        let text = serde_json::to_string(finding).unwrap();
        assert_no(&text, &others(own), "a finding");
    }
    // An application of an unknown person, and a duplicate one.
    for (bad, own) in [
        (
            json!({"person": "stranger", "choices": ["pottery"]}),
            "stranger",
        ),
        (json!({"person": "r03", "choices": ["chorus"]}), "r03"),
    ] {
        let mut applications = d.applications.clone();
        applications.push(serde_json::from_value(bad).unwrap());
        let err = enrol::allocate(&d.plan, &d.people, &applications, &d.options).unwrap_err();
        let text = format!("{err} {}", huaide::Fault::path(&err).unwrap_or_default());
        assert_no(&text, &others(own), "an allocation error");
    }
    // An event about someone not enrolled in the counselling room.
    let allocation = allocate(&d, &d.applications);
    let event: Event = serde_json::from_value(json!({"type": "attendance",
        "at": "2006-03-11T17:00:00+08:00", "program": "counselling_room",
        "occurrence": "counselling_room/20060311T1400", "present": ["r01"]}))
    .unwrap();
    let err = EnrolmentState::replay(&allocation, &[event]).unwrap_err();
    assert_no(&format!("{err}"), &others("r01"), "an event error");
}

/// A random instance with shared and confidential programs, and random events.
fn instance() -> impl Strategy<Value = (Value, Vec<Value>)> {
    let programs = ["a", "b", "c", "secret1", "secret2"];
    let app = (
        proptest::sample::subsequence(programs.to_vec(), 1..=4),
        any::<bool>(),
        1u32..=2,
    );
    let event = (0u8..6, 0usize..8, 0usize..5, 1u32..4, 1u32..30);
    (
        proptest::collection::vec(1u32..=3, 5),
        proptest::collection::vec(app, 8),
        proptest::collection::vec(event, 0..14),
    )
        .prop_map(move |(caps, apps, events)| {
            let plan = json!({"id": "p", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
                "allocation": {"offer_expiry_hours": 24},
                "programs": programs.iter().zip(&caps).map(|(id, cap)| json!({
                    "id": id, "kind": "class", "title": id, "capacity": {"max": cap},
                    "confidential": id.starts_with("secret")})).collect::<Vec<_>>()});
            let people: Vec<Value> =
                (0..8).map(|i| json!({"id": format!("p{i}"), "residency": "resident"})).collect();
            let applications: Vec<Value> = apps
                .iter()
                .enumerate()
                .map(|(i, (choices, rev, max))| {
                    let mut choices = choices.clone();
                    if *rev {
                        choices.reverse();
                    }
                    json!({"person": format!("p{i}"), "choices": choices, "max_programs": max})
                })
                .collect();
            let mut hours = 0u32;
            let events = events
                .iter()
                .map(|&(kind, person, program, max, step)| {
                    hours += step;
                    let at = format!("2006-03-{:02}T{:02}:00:00+08:00", 2 + hours / 24, hours % 24);
                    let (person, program) = (format!("p{person}"), programs[program]);
                    match kind {
                        0 => json!({"type": "withdraw", "at": at, "person": person, "program": program}),
                        1 => json!({"type": "accept", "at": at, "person": person, "program": program}),
                        2 => json!({"type": "decline", "at": at, "person": person, "program": program}),
                        3 => json!({"type": "capacity", "at": at, "program": program, "max": max}),
                        4 => json!({"type": "tick", "at": at}),
                        _ => json!({"type": "attendance", "at": at, "program": program,
                                    "occurrence": format!("{program}/1"), "present": [person]}),
                    }
                })
                .collect();
            (
                json!({"plan": plan, "people": people, "applications": applications,
                       "seed": "s", "as_of": "2006-03-01"}),
                events,
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// The shared allocation and the shared state after any events are the same, byte for
    /// byte, without the confidential choices and the events about confidential programs.
    #[test]
    fn shared_outputs_are_independent_of_confidential_data((request, events) in instance()) {
        let secret = |p: &str| p.starts_with("secret");
        let mut stripped = request.clone();
        let apps: Vec<Value> = request["applications"].as_array().unwrap().iter().filter_map(|a| {
            let choices: Vec<&Value> = a["choices"].as_array().unwrap().iter()
                .filter(|c| !secret(c.as_str().unwrap())).collect();
            (!choices.is_empty()).then(|| json!({"person": a["person"], "choices": choices,
                                                 "max_programs": a["max_programs"]}))
        }).collect();
        stripped["applications"] = Value::Array(apps);
        let run = |request: &Value, events: &[Value]| {
            let req = enrol::read_allocation_request(request).unwrap();
            let allocation = enrol::allocate(&req.plan, &req.people, &req.applications, &req.options()).unwrap();
            let shared = serde_json::to_string(&allocation).unwrap();
            let mut state = EnrolmentState::new(&allocation);
            let mut applied = Vec::new();
            for e in events {
                let event: Event = serde_json::from_value(e.clone()).unwrap();
                if state.apply(&event).is_ok() {
                    applied.push(e.clone());
                }
            }
            (shared, serde_json::to_string(&state).unwrap(), applied)
        };
        let (shared, state, applied) = run(&request, &events);
        let shared_events: Vec<Value> = applied.into_iter()
            .filter(|e| !e.get("program").and_then(Value::as_str).is_some_and(secret)).collect();
        let (shared_alone, state_alone, applied_alone) = run(&stripped, &shared_events);
        prop_assert_eq!(&shared, &shared_alone);
        prop_assert_eq!(applied_alone.len(), shared_events.len(), "a shared event failed without the confidential data");
        prop_assert_eq!(state, state_alone);
    }
}
