//! JSON Schemas of the wire format, generated from the types.
//!
//! The committed files under `schema/` are these documents; a test regenerates them and
//! fails when they are stale (`HUAIDE_BLESS=1 cargo test -p huaide --test schemas` rewrites
//! them).

use schemars::{schema_for, Schema};

/// Every wire document with a schema: `(file stem, schema)`.
pub fn documents() -> Vec<(&'static str, Schema)> {
    vec![
        ("plan", schema_for!(crate::plan::Plan)),
        ("progress_input", schema_for!(crate::plan::ProgressInput)),
        ("progress_report", schema_for!(crate::plan::ProgressReport)),
        ("election", schema_for!(crate::vote::Election)),
        ("ballots", schema_for!(Vec<crate::vote::Ballot>)),
        ("profile", schema_for!(crate::vote::ProfileDocument)),
        ("tally_result", schema_for!(crate::vote::TallyResult)),
        ("motion", schema_for!(crate::motion::Motion)),
        ("motion_result", schema_for!(crate::motion::MotionResult)),
        ("people", schema_for!(Vec<crate::enrol::Person>)),
        ("applications", schema_for!(Vec<crate::enrol::Application>)),
        (
            "allocation_request",
            schema_for!(crate::enrol::AllocationRequest),
        ),
        ("events", schema_for!(Vec<crate::enrol::Event>)),
        ("read_request", schema_for!(crate::formats::ReadRequest)),
        ("ballot_file", schema_for!(crate::formats::BallotFile)),
        ("write_request", schema_for!(crate::formats::WriteRequest)),
        (
            "exhibition_request",
            schema_for!(crate::exhibition::ExhibitionRequest),
        ),
        (
            "exhibition_elections",
            schema_for!(crate::exhibition::ExhibitionElections),
        ),
        (
            "exhibition_ballots",
            schema_for!(crate::exhibition::CategoryBallots),
        ),
        (
            "exhibition_result",
            schema_for!(crate::exhibition::ExhibitionResult),
        ),
    ]
}

/// One schema as pretty-printed JSON text with a final newline.
pub fn to_text(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
