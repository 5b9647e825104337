//! Runs the language-neutral vectors in `tests/vectors/*.json` against the Rust API.
//!
//! Each file is `{"function": "<name>", "cases": [{"name", "input", "expect"}]}` where
//! `expect` is `{"ok": <result as JSON>}` or `{"error": "<code>"}`. The Python and Node
//! runners read the same files; no case is written twice.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::i18n::Lang;
use huaide::Fault;
use serde_json::Value;
use std::path::PathBuf;

/// The wire text of a result: the bytes the bindings return for it.
fn wire<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

/// Calls the Rust API named `function` on `input`; returns the result's wire text or the
/// error code.
fn call(function: &str, input: &Value) -> Result<String, String> {
    fn code<E: Fault>(err: E) -> String {
        err.code().to_owned()
    }
    match function {
        "tally" => {
            let election = huaide::vote::read_election(&input["election"]).map_err(code)?;
            let ballots = huaide::vote::read_ballots(&input["ballots"]).map_err(code)?;
            let result = huaide::vote::tally(&election, &ballots).map_err(code)?;
            Ok(wire(&result))
        }
        "tally_profile" => {
            let election = huaide::vote::read_election(&input["election"]).map_err(code)?;
            let document = huaide::vote::read_profile_document(&input["profile"]).map_err(code)?;
            let result = document
                .to_profile_for(&election)
                .and_then(|profile| huaide::vote::tally_profile(&election, &profile))
                .map_err(code)?;
            Ok(wire(&result))
        }
        "tally_partial" => {
            let election = huaide::vote::read_election(&input["election"]).map_err(code)?;
            let ballots = huaide::vote::read_ballots(&input["ballots"]).map_err(code)?;
            let result = huaide::vote::tally_partial(&election, &ballots).map_err(code)?;
            Ok(wire(&result))
        }
        "merge_partials" => {
            let election = huaide::vote::read_election(&input["election"]).map_err(code)?;
            let partials = huaide::vote::read_partials(&input["partials"]).map_err(code)?;
            let result = huaide::vote::merge_partials(&election, &partials).map_err(code)?;
            Ok(wire(&result))
        }
        "tally_motion" => {
            // A case may ask for the explanation in a language: `lang` beside the motion.
            let mut motion = input.clone();
            let lang = motion.as_object_mut().unwrap().remove("lang");
            let lang = lang.map_or(Ok(Lang::En), |l| {
                huaide::error::read_document(&l, "lang").map_err(code)
            })?;
            let motion = huaide::motion::read_motion(&motion).map_err(code)?;
            let result = huaide::motion::tally_motion_in(&motion, lang).map_err(code)?;
            Ok(wire(&result))
        }
        "explain_decision" => {
            let lang = input.get("lang").map_or(Ok(Lang::En), |l| {
                huaide::error::read_document(l, "lang").map_err(code)
            })?;
            let decision = huaide::enrol::read_decision(&input["decision"]).map_err(code)?;
            Ok(wire(&decision.explain(lang)))
        }
        "draw_order" => {
            let seed = input["seed"].as_str().unwrap_or_default();
            let ids: Vec<String> =
                huaide::error::read_document(&input["ids"], "ids").map_err(code)?;
            Ok(wire(&huaide::draw::lottery_order(seed, &ids)))
        }
        "plan_validate" => {
            let plan = huaide::plan::read_plan(&input["plan"]).map_err(code)?;
            let lang = input.get("lang").map_or(Ok(Lang::En), |l| {
                huaide::error::read_document(l, "lang").map_err(code)
            })?;
            Ok(wire(&plan.validate_in(lang)))
        }
        "plan_progress" => {
            let plan = huaide::plan::read_plan(&input["plan"]).map_err(code)?;
            let progress = huaide::plan::read_progress_input(&input["progress"]).map_err(code)?;
            Ok(wire(&plan.progress(&progress).map_err(code)?))
        }
        "plan_occurrences" | "plan_ics" => {
            let plan = huaide::plan::read_plan(&input["plan"]).map_err(code)?;
            let mut rest = input.clone();
            rest.as_object_mut().unwrap().remove("plan");
            if function == "plan_ics" {
                let options = huaide::plan::read_ics_options(&rest).map_err(code)?;
                Ok(wire(&plan.to_ics(&options).map_err(code)?))
            } else {
                let query = huaide::plan::read_occurrence_query(&rest).map_err(code)?;
                Ok(wire(&plan.occurrences(&query).map_err(code)?))
            }
        }
        "allocate" | "enrol_events" => {
            let mut rest = input.clone();
            let events = rest.as_object_mut().unwrap().remove("events");
            let request = huaide::enrol::read_allocation_request(&rest).map_err(code)?;
            let allocation = huaide::enrol::allocate(
                &request.plan,
                &request.people,
                &request.applications,
                &request.options(),
            )
            .map_err(code)?;
            if function == "allocate" {
                return Ok(wire(&allocation));
            }
            let events = huaide::enrol::read_events(events.unwrap_or(Value::Array(Vec::new())))
                .map_err(code)?;
            let state =
                huaide::enrol::EnrolmentState::replay(&allocation, &events).map_err(code)?;
            Ok(wire(&state))
        }
        "seed_commitment" => Ok(wire(&huaide::commitment::seed_commitment(
            input["seed"].as_str().unwrap(),
        ))),
        "mix_seed" => Ok(wire(&huaide::commitment::mix_seed(
            input["seed"].as_str().unwrap(),
            input["public_value"].as_str().unwrap(),
        ))),
        "audit_tally" => {
            let election = huaide::vote::read_election(&input["election"]).map_err(code)?;
            let ballots = huaide::vote::read_ballots(&input["ballots"]).map_err(code)?;
            let audit = huaide::audit::audit_tally(&election, &ballots).map_err(code)?;
            Ok(wire(&audit))
        }
        "audit_allocation" => {
            let mut rest = input.clone();
            let redact = rest.as_object_mut().unwrap().remove("redact");
            let request = huaide::enrol::read_allocation_request(&rest).map_err(code)?;
            let inputs = huaide::audit::AllocationInputs {
                plan: &request.plan,
                people: &request.people,
                applications: &request.applications,
                options: &request.options(),
            };
            let redact = redact.and_then(|r| r.as_bool()).unwrap_or(false);
            let audit = huaide::audit::audit_allocation(inputs, redact).map_err(code)?;
            Ok(wire(&audit))
        }
        "verify" => {
            let inputs = input.get("inputs").filter(|v| !v.is_null());
            let report = huaide::audit::verify(&input["audit"], inputs).map_err(code)?;
            Ok(wire(&report))
        }
        "read_ballots" => {
            let request = huaide::formats::read_request(input).map_err(code)?;
            let file =
                huaide::formats::read_ballot_file(&request.input, request.format, &request.options)
                    .map_err(code)?;
            Ok(wire(&file))
        }
        "tally_file" => {
            let request = huaide::formats::read_request(serde_json::json!({
                "input": input["input"], "format": input["format"],
                "options": input.get("options").cloned().unwrap_or(serde_json::json!({})),
            }))
            .map_err(code)?;
            let election: huaide::formats::FileElection =
                huaide::error::read_document(&input["election"], "election").map_err(code)?;
            let result = huaide::formats::tally_ballot_file(
                &request.input,
                request.format,
                &request.options,
                &election,
            )
            .map_err(code)?;
            Ok(wire(&result))
        }
        "write_ballots" => {
            let request = huaide::formats::write_request(input).map_err(code)?;
            let text =
                huaide::formats::write_ballot_file(&request.file, request.format, &request.options)
                    .map_err(code)?;
            Ok(wire(&text))
        }
        "rctab_report" => {
            let election = huaide::vote::read_election(&input["election"]).map_err(code)?;
            let ballots = huaide::vote::read_ballots(&input["ballots"]).map_err(code)?;
            let options = match input.get("options") {
                Some(options) => {
                    huaide::formats::read_rctab_report_options(options).map_err(code)?
                }
                None => huaide::formats::RctabReportOptions::default(),
            };
            let result = huaide::vote::tally(&election, &ballots).map_err(code)?;
            let json = huaide::formats::rctab_report(&result, &options).map_err(code)?;
            let csv = huaide::formats::rctab_report_csv(&result, &options).map_err(code)?;
            // Both parts in the bytes the bindings return them.
            Ok(format!(
                r#"{{"json":{},"csv":{}}}"#,
                wire(&json),
                wire(&csv)
            ))
        }
        "rctab_report_options" => {
            let config = input["config"].as_str().unwrap_or_default();
            let options = huaide::formats::rctab_report_options(config).map_err(code)?;
            Ok(wire(&options))
        }
        "exhibition_elections" | "tally_exhibition" => {
            let mut rest = input.clone();
            let ballots = rest.as_object_mut().unwrap().remove("ballots");
            let request = huaide::exhibition::read_request(&rest).map_err(code)?;
            let elections = request.build().map_err(code)?;
            if function == "exhibition_elections" {
                return Ok(wire(&elections));
            }
            let ballots =
                huaide::exhibition::read_ballots(ballots.unwrap_or(Value::Null)).map_err(code)?;
            let result =
                huaide::exhibition::tally_exhibition(&elections, &ballots).map_err(code)?;
            Ok(wire(&result))
        }
        "read_people" => {
            let request: huaide::tables::ReadPeopleRequest =
                huaide::tables::read_table_request(input).map_err(code)?;
            let (name, bytes) = request.input.to_bytes().map_err(code)?;
            let read = huaide::tables::read_people(
                &huaide::tables::TableSource::new(&name, &bytes),
                &request.options,
            )
            .map_err(code)?;
            Ok(wire(&read))
        }
        "read_applications" => {
            let request: huaide::tables::ReadApplicationsRequest =
                huaide::tables::read_table_request(input).map_err(code)?;
            let (name, bytes) = request.input.to_bytes().map_err(code)?;
            let read = huaide::tables::read_applications(
                &huaide::tables::TableSource::new(&name, &bytes),
                &request.options,
                request.plan.as_ref(),
            )
            .map_err(code)?;
            Ok(wire(&read))
        }
        "write_table" => {
            let request: huaide::tables::WriteTableRequest =
                huaide::tables::read_table_request(input).map_err(code)?;
            let bytes = huaide::tables::write_table(
                &request.document,
                request.format,
                request.sheet.as_deref(),
            )
            .map_err(code)?;
            Ok(wire(&String::from_utf8(bytes).unwrap()))
        }
        other => panic!("vector file names unknown function {other:?}"),
    }
}

#[test]
fn every_vector_passes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut texts = serde_json::Map::new();
    for file in &files {
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        bless(file, &mut doc);
        let function = doc["function"].as_str().expect("function name");
        let mut file_texts = serde_json::Map::new();
        for case in doc["cases"].as_array().expect("cases") {
            ran += 1;
            let name = case["name"].as_str().unwrap_or("?");
            let got = call(function, &case["input"]);
            file_texts.insert(
                name.to_owned(),
                match &got {
                    Ok(text) => serde_json::json!({ "ok": text }),
                    Err(code) => serde_json::json!({ "error": code }),
                },
            );
            let expect = &case["expect"];
            let value = got
                .as_ref()
                .map(|text| serde_json::from_str::<Value>(text).unwrap());
            let ok = match (&value, expect.get("ok"), expect.get("error")) {
                (Ok(value), Some(want), None) => value == want,
                (Err(code), None, Some(want)) => want == *code,
                _ => false,
            };
            if !ok {
                failures.push(format!(
                    "{}: {name}\n  expected {expect}\n  got      {got:?}",
                    file.file_name().unwrap().to_string_lossy()
                ));
            }
        }
        let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
        texts.insert(file_name, Value::Object(file_texts));
    }
    write_texts(&texts);
    assert!(ran > 0, "no vectors found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} of {ran} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// With `HUAIDE_BLESS_VECTORS=1`, a case whose `expect` is `{"bless": true}` gets the
/// result of the Rust API written in (review the diff before committing it).
fn bless(file: &std::path::Path, doc: &mut Value) {
    if std::env::var("HUAIDE_BLESS_VECTORS").as_deref() != Ok("1") {
        return;
    }
    let function = doc["function"].as_str().unwrap_or("").to_owned();
    let mut changed = false;
    for case in doc["cases"].as_array_mut().into_iter().flatten() {
        if case["expect"].get("bless").is_some() {
            case["expect"] = match call(&function, &case["input"]) {
                Ok(text) => {
                    serde_json::json!({ "ok": serde_json::from_str::<Value>(&text).unwrap() })
                }
                Err(code) => serde_json::json!({ "error": code }),
            };
            changed = true;
        }
    }
    if changed {
        let text = serde_json::to_string_pretty(doc).unwrap();
        std::fs::write(file, text + "\n").unwrap();
    }
}

/// With `HUAIDE_VECTOR_TEXTS=FILE`, writes the native wire text (or error code) of every
/// case, `{file: {case: {"ok": text} | {"error": code}}}`, for `wasm/tests/bytes.test.mjs`,
/// which compares the WebAssembly build's bytes with them.
fn write_texts(texts: &serde_json::Map<String, Value>) {
    let Some(path) = std::env::var_os("HUAIDE_VECTOR_TEXTS") else {
        return;
    };
    let path = PathBuf::from(path);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(&path, serde_json::to_string(texts).unwrap()).unwrap();
}
