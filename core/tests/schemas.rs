//! The committed JSON Schemas (`schema/*.schema.json`) match the types, and the shared
//! vectors' documents validate against them: the schemas document the real wire format.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::schema::{documents, to_text};
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn committed_schemas_match_the_types() {
    let bless = std::env::var_os("HUAIDE_BLESS").is_some();
    for (stem, schema) in documents() {
        let path = root().join(format!("schema/{stem}.schema.json"));
        let generated = to_text(&schema);
        if bless {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is stale: rerun with HUAIDE_BLESS=1",
            path.display()
        );
    }
}

fn validator(stem: &str) -> jsonschema::Validator {
    let (_, schema) = documents().into_iter().find(|(s, _)| *s == stem).unwrap();
    jsonschema::validator_for(&serde_json::to_value(schema).unwrap()).unwrap()
}

fn vector_cases(function: &str) -> Vec<Value> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(root().join("tests/vectors")).unwrap() {
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        if doc["function"] == function {
            cases.extend(doc["cases"].as_array().unwrap().iter().cloned());
        }
    }
    cases
}

/// Every accepted input and every result of `function`'s vectors validates.
fn check(function: &str, inputs: &[(&str, &str)], output: Option<&str>) {
    let cases: Vec<Value> = vector_cases(function)
        .into_iter()
        .filter(|c| c["expect"].get("ok").is_some())
        .collect();
    assert!(!cases.is_empty(), "no accepted {function} vectors");
    for (field, stem) in inputs {
        let v = validator(stem);
        for case in &cases {
            // A whole-input document may carry the call's `lang` beside it (motions).
            let mut doc = if field.is_empty() {
                case["input"].clone()
            } else {
                case["input"][*field].clone()
            };
            if field.is_empty() {
                doc.as_object_mut().map(|o| o.remove("lang"));
            }
            let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
            assert!(
                errors.is_empty(),
                "{}: {field} against {stem}: {errors:?}",
                case["name"]
            );
        }
    }
    if let Some(stem) = output {
        let v = validator(stem);
        for case in &cases {
            let errors: Vec<String> = v
                .iter_errors(&case["expect"]["ok"])
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "{}: result against {stem}: {errors:?}",
                case["name"]
            );
        }
    }
}

#[test]
fn tally_vectors_follow_the_schemas() {
    check(
        "tally",
        &[("election", "election"), ("ballots", "ballots")],
        Some("tally_result"),
    );
}

#[test]
fn progress_vectors_follow_the_schemas() {
    check(
        "plan_progress",
        &[("plan", "plan"), ("progress", "progress_input")],
        Some("progress_report"),
    );
}

#[test]
fn profile_vectors_follow_the_schemas() {
    check(
        "tally_profile",
        &[("election", "election"), ("profile", "profile")],
        Some("tally_result"),
    );
}

#[test]
fn motion_vectors_follow_the_schemas() {
    check("tally_motion", &[("", "motion")], Some("motion_result"));
}

#[test]
fn allocation_vectors_follow_the_schemas() {
    check(
        "allocate",
        &[
            ("plan", "plan"),
            ("people", "people"),
            ("applications", "applications"),
        ],
        Some("allocation"),
    );
    check(
        "enrol_events",
        &[("plan", "plan"), ("events", "events")],
        Some("enrolment_state"),
    );
}

/// Every program's own report (confidential ones included), after the allocation and after
/// the events of each accepted enrolment vector, follows its schema.
#[test]
fn program_reports_follow_the_schemas() {
    let report = validator("program_allocation");
    let state_report = validator("program_enrolment");
    let mut seen = 0;
    for case in vector_cases("allocate")
        .into_iter()
        .chain(vector_cases("enrol_events"))
        .filter(|c| c["expect"].get("ok").is_some())
    {
        let mut rest = case["input"].clone();
        let events = rest.as_object_mut().unwrap().remove("events");
        let request = huaide::enrol::read_allocation_request(&rest).unwrap();
        let allocation = huaide::enrol::allocate(
            &request.plan,
            &request.people,
            &request.applications,
            &request.options(),
        )
        .unwrap();
        let events =
            huaide::enrol::read_events(events.unwrap_or(Value::Array(Vec::new()))).unwrap();
        let state = huaide::enrol::EnrolmentState::replay(&allocation, &events).unwrap();
        for program in &request.plan.programs {
            let pairs = [
                (
                    &report,
                    allocation
                        .for_program(&program.id)
                        .map(|r| serde_json::to_value(r).unwrap()),
                ),
                (
                    &state_report,
                    state
                        .for_program(&program.id)
                        .map(|r| serde_json::to_value(r).unwrap()),
                ),
            ];
            for (v, doc) in pairs {
                let doc = doc.unwrap();
                let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
                assert!(
                    errors.is_empty(),
                    "{} {}: {errors:?}",
                    case["name"],
                    program.id
                );
                seen += 1;
            }
        }
    }
    assert!(seen > 50, "only {seen} program reports checked");
}

#[test]
fn read_ballots_vectors_follow_the_schemas() {
    check("read_ballots", &[("", "read_request")], Some("ballot_file"));
}

#[test]
fn write_ballots_vectors_follow_the_schemas() {
    check("write_ballots", &[("", "write_request")], None);
}

#[test]
fn exhibition_vectors_follow_the_schemas() {
    let requests: Vec<Value> = vector_cases("exhibition_elections")
        .into_iter()
        .chain(vector_cases("tally_exhibition"))
        .filter(|c| c["expect"].get("ok").is_some())
        .collect();
    assert!(!requests.is_empty(), "no accepted exhibition vectors");
    let request = validator("exhibition_request");
    let elections = validator("exhibition_elections");
    let ballots = validator("exhibition_ballots");
    let result = validator("exhibition_result");
    for case in &requests {
        let mut input = case["input"].clone();
        let cast = input.as_object_mut().unwrap().remove("ballots");
        let output = &case["expect"]["ok"];
        let mut checks = vec![(&request, input.clone())];
        match cast {
            Some(cast) => {
                checks.push((&ballots, cast));
                checks.push((&result, output.clone()));
            }
            None => checks.push((&elections, output.clone())),
        }
        for (v, doc) in checks {
            let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", case["name"]);
        }
    }
}

#[test]
fn rctab_report_vectors_follow_the_schemas() {
    let options = validator("rctab_report_options");
    let report = validator("rctab_report");
    let mut seen = 0;
    for case in vector_cases("rctab_report")
        .into_iter()
        .filter(|c| c["expect"].get("ok").is_some())
    {
        let pairs = [
            (&options, &case["input"]["options"]),
            (&report, &case["expect"]["ok"]["json"]),
        ];
        for (v, doc) in pairs.into_iter().filter(|(_, doc)| !doc.is_null()) {
            let errors: Vec<String> = v.iter_errors(doc).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", case["name"]);
            seen += 1;
        }
    }
    assert!(seen >= 3, "only {seen} documents checked");
    check("rctab_report_options", &[], Some("rctab_report_options"));
}

#[test]
fn audit_vectors_follow_the_schemas() {
    check(
        "audit_tally",
        &[("election", "election"), ("ballots", "ballots")],
        Some("audit"),
    );
    check("audit_allocation", &[], Some("audit"));
    check("verify", &[("audit", "audit")], Some("verify_report"));
}
