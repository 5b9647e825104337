//! The document entry points, called by name on a JSON input exactly as the shared vectors
//! (`tests/vectors/*.json`) call them: the vector runner and the `doc_*` fuzz targets share
//! this dispatch, so the fuzzer reaches every function a binding exposes.

use serde_json::Value;

/// Calls the API named `function` on `input`: the result as JSON, or the error's code.
/// An unknown name is `Err("unknown_function")`.
pub fn call(function: &str, input: &Value) -> Result<Value, String> {
    match function {
        "tally"
        | "tally_profile"
        | "tally_partial"
        | "merge_partials"
        | "rctab_report"
        | "rctab_report_options"
        | "draw_order"
        | "tally_motion" => vote(function, input),
        "plan_validate" | "plan_progress" | "plan_occurrences" | "plan_ics" => {
            plan(function, input)
        }
        "allocate" | "enrol_events" => enrol(function, input),
        "read_ballots" | "tally_file" | "write_ballots" => ballot_files(function, input),
        "exhibition_elections" | "tally_exhibition" => exhibition(function, input),
        "read_people" | "read_applications" | "write_table" => tables(function, input),
        _ => Err("unknown_function".to_owned()),
    }
}

fn code<E: huaide::Fault>(err: E) -> String {
    err.code().to_owned()
}

fn json<T: serde::Serialize>(value: T) -> Result<Value, String> {
    serde_json::to_value(value).map_err(|e| format!("unserialisable: {e}"))
}

/// `input` without `key`, and the value it had.
fn split(input: &Value, key: &str) -> (Value, Option<Value>) {
    let mut rest = input.clone();
    let taken = rest.as_object_mut().and_then(|o| o.remove(key));
    (rest, taken)
}

fn field<'a>(input: &'a Value, key: &str) -> &'a Value {
    input.get(key).unwrap_or(&Value::Null)
}

fn vote(function: &str, input: &Value) -> Result<Value, String> {
    use huaide::vote;
    match function {
        "tally_motion" => {
            let motion = huaide::motion::read_motion(input).map_err(code)?;
            json(huaide::motion::tally_motion(&motion).map_err(code)?)
        }
        "draw_order" => {
            let seed = field(input, "seed").as_str().unwrap_or_default();
            let ids: Vec<String> =
                huaide::error::read_document(field(input, "ids"), "ids").map_err(code)?;
            json(huaide::draw::lottery_order(seed, &ids))
        }
        "rctab_report_options" => {
            let config = field(input, "config").as_str().unwrap_or_default();
            json(huaide::formats::rctab_report_options(config).map_err(code)?)
        }
        _ => {
            let election = vote::read_election(field(input, "election")).map_err(code)?;
            match function {
                "tally_profile" => {
                    let document =
                        vote::read_profile_document(field(input, "profile")).map_err(code)?;
                    let profile = document.to_profile_for(&election).map_err(code)?;
                    json(vote::tally_profile(&election, &profile).map_err(code)?)
                }
                "merge_partials" => {
                    let partials = vote::read_partials(field(input, "partials")).map_err(code)?;
                    json(vote::merge_partials(&election, &partials).map_err(code)?)
                }
                _ => {
                    let ballots = vote::read_ballots(field(input, "ballots")).map_err(code)?;
                    match function {
                        "tally_partial" => {
                            json(vote::tally_partial(&election, &ballots).map_err(code)?)
                        }
                        "rctab_report" => rctab_report(input, &election, &ballots),
                        _ => json(vote::tally(&election, &ballots).map_err(code)?),
                    }
                }
            }
        }
    }
}

fn rctab_report(
    input: &Value,
    election: &huaide::vote::Election,
    ballots: &[huaide::vote::Ballot],
) -> Result<Value, String> {
    use huaide::formats;
    let options = match input.get("options") {
        Some(options) => formats::read_rctab_report_options(options).map_err(code)?,
        None => formats::RctabReportOptions::default(),
    };
    let result = huaide::vote::tally(election, ballots).map_err(code)?;
    let json = formats::rctab_report(&result, &options).map_err(code)?;
    let csv = formats::rctab_report_csv(&result, &options).map_err(code)?;
    Ok(serde_json::json!({"json": json, "csv": csv}))
}

fn plan(function: &str, input: &Value) -> Result<Value, String> {
    let plan = huaide::plan::read_plan(field(input, "plan")).map_err(code)?;
    match function {
        "plan_validate" => json(plan.validate()),
        "plan_progress" => {
            let progress =
                huaide::plan::read_progress_input(field(input, "progress")).map_err(code)?;
            json(plan.progress(&progress).map_err(code)?)
        }
        "plan_ics" => {
            let (rest, _) = split(input, "plan");
            let options = huaide::plan::read_ics_options(&rest).map_err(code)?;
            Ok(Value::String(plan.to_ics(&options).map_err(code)?))
        }
        _ => {
            let (rest, _) = split(input, "plan");
            let query = huaide::plan::read_occurrence_query(&rest).map_err(code)?;
            json(plan.occurrences(&query).map_err(code)?)
        }
    }
}

fn enrol(function: &str, input: &Value) -> Result<Value, String> {
    use huaide::enrol;
    let (rest, events) = split(input, "events");
    let request = enrol::read_allocation_request(&rest).map_err(code)?;
    let allocation = enrol::allocate(
        &request.plan,
        &request.people,
        &request.applications,
        &request.options(),
    )
    .map_err(code)?;
    if function == "allocate" {
        return json(allocation);
    }
    let events = enrol::read_events(events.unwrap_or(Value::Array(Vec::new()))).map_err(code)?;
    json(enrol::EnrolmentState::replay(&allocation, &events).map_err(code)?)
}

fn ballot_files(function: &str, input: &Value) -> Result<Value, String> {
    use huaide::formats;
    match function {
        "read_ballots" => {
            let request = formats::read_request(input).map_err(code)?;
            json(
                formats::read_ballot_file(&request.input, request.format, &request.options)
                    .map_err(code)?,
            )
        }
        "tally_file" => {
            let request = formats::read_request(serde_json::json!({
                "input": field(input, "input"), "format": field(input, "format"),
                "options": input.get("options").cloned().unwrap_or(serde_json::json!({})),
            }))
            .map_err(code)?;
            let election: formats::FileElection =
                huaide::error::read_document(field(input, "election"), "election").map_err(code)?;
            json(
                formats::tally_ballot_file(
                    &request.input,
                    request.format,
                    &request.options,
                    &election,
                )
                .map_err(code)?,
            )
        }
        _ => {
            let request = formats::write_request(input).map_err(code)?;
            let text = formats::write_ballot_file(&request.file, request.format, &request.options)
                .map_err(code)?;
            Ok(Value::String(text))
        }
    }
}

fn exhibition(function: &str, input: &Value) -> Result<Value, String> {
    use huaide::exhibition;
    let (rest, ballots) = split(input, "ballots");
    let request = exhibition::read_request(&rest).map_err(code)?;
    let elections = request.build().map_err(code)?;
    if function == "exhibition_elections" {
        return json(elections);
    }
    let ballots = exhibition::read_ballots(ballots.unwrap_or(Value::Null)).map_err(code)?;
    json(exhibition::tally_exhibition(&elections, &ballots).map_err(code)?)
}

fn tables(function: &str, input: &Value) -> Result<Value, String> {
    use huaide::tables;
    match function {
        "read_people" => {
            let request: tables::ReadPeopleRequest =
                tables::read_table_request(input).map_err(code)?;
            let (name, bytes) = request.input.to_bytes().map_err(code)?;
            let source = tables::TableSource::new(&name, &bytes);
            json(tables::read_people(&source, &request.options).map_err(code)?)
        }
        "read_applications" => {
            let request: tables::ReadApplicationsRequest =
                tables::read_table_request(input).map_err(code)?;
            let (name, bytes) = request.input.to_bytes().map_err(code)?;
            let source = tables::TableSource::new(&name, &bytes);
            json(
                tables::read_applications(&source, &request.options, request.plan.as_ref())
                    .map_err(code)?,
            )
        }
        _ => {
            let request: tables::WriteTableRequest =
                tables::read_table_request(input).map_err(code)?;
            let bytes =
                tables::write_table(&request.document, request.format, request.sheet.as_deref())
                    .map_err(code)?;
            String::from_utf8(bytes)
                .map(Value::String)
                .map_err(|_| "binary_output".to_owned())
        }
    }
}

/// The functions each `doc_*` fuzz target calls; the input's first byte picks one.
pub const FAMILIES: &[(&str, &[&str])] = &[
    (
        "doc_vote",
        &[
            "tally",
            "tally_profile",
            "tally_partial",
            "merge_partials",
            "rctab_report",
            "rctab_report_options",
            "draw_order",
            "tally_motion",
        ],
    ),
    (
        "doc_plan",
        &[
            "plan_validate",
            "plan_progress",
            "plan_occurrences",
            "plan_ics",
        ],
    ),
    ("doc_enrol", &["allocate", "enrol_events"]),
    (
        "doc_files",
        &[
            "read_ballots",
            "tally_file",
            "write_ballots",
            "exhibition_elections",
            "tally_exhibition",
            "read_people",
            "read_applications",
            "write_table",
        ],
    ),
];

/// The fuzz body of the `doc_*` target `family`: the first byte picks the function, the rest
/// is its JSON input. A call that succeeds must give the same bytes when repeated.
pub fn fuzz_family(family: &str, data: &[u8]) {
    let Some((_, functions)) = FAMILIES.iter().find(|(name, _)| *name == family) else {
        return;
    };
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Some(function) = functions.get(usize::from(pick) % functions.len()) else {
        return;
    };
    let Ok(input) = serde_json::from_slice::<Value>(rest) else {
        return;
    };
    let first = call(function, &input);
    if first.is_ok() {
        let again = call(function, &input);
        assert_eq!(
            serde_json::to_string(&first).ok(),
            serde_json::to_string(&again).ok(),
            "{function}: the same input gave different results"
        );
    }
}

/// The corpus seed of one vector case for the `doc_*` target holding `function`.
pub fn seed_of(function: &str, input: &Value) -> Option<(&'static str, Vec<u8>)> {
    FAMILIES.iter().find_map(|(family, functions)| {
        let at = functions.iter().position(|f| *f == function)?;
        let mut bytes = vec![u8::try_from(at).ok()?];
        bytes.extend(serde_json::to_vec(input).ok()?);
        Some((*family, bytes))
    })
}
