//! JSON Schemas of the wire format, generated from the types.
//!
//! The committed files under `schema/` are these documents; a test regenerates them and
//! fails when they are stale (`HUAIDE_BLESS=1 cargo test -p huaide --test schemas` rewrites
//! them).

use schemars::generate::SchemaSettings;
use schemars::{json_schema, schema_for, JsonSchema, Schema, SchemaGenerator};

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
        ("allocation", schema_for!(crate::enrol::AllocationDocument)),
        (
            "program_allocation",
            schema_for!(crate::enrol::ProgramReport),
        ),
        (
            "enrolment_state",
            schema_for!(crate::enrol::EnrolmentStateDocument),
        ),
        (
            "program_enrolment",
            schema_for!(crate::enrol::state::ProgramState),
        ),
        ("read_request", schema_for!(crate::formats::ReadRequest)),
        ("file_election", schema_for!(crate::formats::FileElection)),
        ("ballot_file", schema_for!(crate::formats::BallotFile)),
        ("write_request", schema_for!(crate::formats::WriteRequest)),
        ("people_table", schema_for!(crate::tables::PeopleTable)),
        (
            "applications_table",
            schema_for!(crate::tables::ApplicationsTable),
        ),
        (
            "rctab_report_options",
            schema_for!(crate::formats::RctabReportOptions),
        ),
        ("rctab_report", schema_for!(crate::formats::RctabReport)),
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
        ("audit", schema_for!(crate::audit::Audit)),
        ("verify_report", schema_for!(crate::audit::VerifyReport)),
        ("wire", wire()),
    ]
}

/// Adds `T` to the bundle under `name` (its own definition when schemars names it so,
/// otherwise an alias holding its schema).
fn add<T: JsonSchema>(
    generator: &mut SchemaGenerator,
    names: &mut Vec<(&'static str, Schema)>,
    name: &'static str,
) {
    let schema = generator.subschema_for::<T>();
    names.push((name, schema));
}

/// The whole wire format in one schema: every document and result that crosses the Python
/// and JavaScript boundary, with everything they use, under `$defs` by type name.
///
/// Names are unique across the bundle (schemars numbers a clash), so tools that turn a
/// schema into types for another language can read this one file: the npm package's
/// TypeScript declarations (`wasm/types/wire.d.ts`) and the Python package's `TypedDict`s
/// (`py/python/huaide/wire.py`) are generated from it.
pub fn wire() -> Schema {
    use crate::{exhibition, formats, motion, plan, vote};
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let mut names = Vec::new();
    let g = &mut generator;
    let n = &mut names;
    add::<plan::Plan>(g, n, "Plan");
    add::<plan::ValidationReport>(g, n, "ValidationReport");
    add::<plan::OccurrenceQuery>(g, n, "OccurrenceQuery");
    add::<plan::Occurrence>(g, n, "Occurrence");
    add::<plan::IcsOptions>(g, n, "IcsOptions");
    add::<plan::ProgressInput>(g, n, "ProgressInput");
    add::<plan::ProgressReport>(g, n, "ProgressReport");
    add::<vote::Election>(g, n, "Election");
    add::<vote::Ballot>(g, n, "Ballot");
    add::<vote::ProfileDocument>(g, n, "ProfileDocument");
    add::<vote::TallyResult>(g, n, "TallyResult");
    add::<vote::PartialTally>(g, n, "PartialTally");
    add::<motion::Motion>(g, n, "Motion");
    add::<motion::MotionResult>(g, n, "MotionResult");
    add::<crate::i18n::Lang>(g, n, "Lang");
    add::<crate::i18n::TextOptions>(g, n, "TextOptions");
    add::<crate::enrol::Person>(g, n, "Person");
    add::<crate::enrol::Application>(g, n, "Application");
    add::<crate::enrol::AllocationOptions>(g, n, "AllocationOptions");
    add::<crate::enrol::Event>(g, n, "Event");
    add::<crate::enrol::AllocationDocument>(g, n, "Allocation");
    add::<crate::enrol::ProgramReport>(g, n, "ProgramReport");
    add::<crate::enrol::EnrolmentStateDocument>(g, n, "EnrolmentState");
    add::<crate::enrol::state::ProgramState>(g, n, "ProgramState");
    add::<formats::BallotInput>(g, n, "BallotInput");
    add::<formats::BallotFormat>(g, n, "BallotFormat");
    add::<formats::ReadOptions>(g, n, "ReadOptions");
    add::<formats::BallotFile>(g, n, "BallotFile");
    add::<formats::FileElection>(g, n, "FileElection");
    add::<formats::WriteOptions>(g, n, "WriteOptions");
    add::<formats::RctabReportOptions>(g, n, "RctabReportOptions");
    add::<formats::RctabReport>(g, n, "RctabReport");
    add::<crate::tables::TableInput>(g, n, "TableInput");
    add::<crate::tables::PeopleOptions>(g, n, "PeopleOptions");
    add::<crate::tables::PeopleTable>(g, n, "PeopleTable");
    add::<crate::tables::ApplicationOptions>(g, n, "ApplicationOptions");
    add::<crate::tables::ApplicationsTable>(g, n, "ApplicationsTable");
    add::<crate::tables::TableFormat>(g, n, "TableFormat");
    add::<exhibition::ExhibitionRequest>(g, n, "ExhibitionRequest");
    add::<exhibition::ExhibitionElections>(g, n, "ExhibitionElections");
    add::<exhibition::CategoryBallots>(g, n, "CategoryBallots");
    add::<exhibition::ExhibitionResult>(g, n, "ExhibitionResult");
    add::<crate::commitment::DrawSeed>(g, n, "DrawSeed");
    add::<crate::audit::Audit>(g, n, "Audit");
    add::<crate::audit::VerifyReport>(g, n, "VerifyReport");
    let mut defs = generator.take_definitions(true);
    for (name, schema) in names {
        let own = format!("#/$defs/{name}");
        let is_own = schema.get("$ref").and_then(|r| r.as_str()) == Some(own.as_str());
        if !is_own {
            defs.insert(name.to_owned(), schema.to_value());
        }
    }
    json_schema!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "huaide wire format",
        "description": "Every document and result of huaide's Python and JavaScript functions, under $defs by type name.",
        "$defs": defs,
    })
}

/// One schema as pretty-printed JSON text with a final newline.
pub fn to_text(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
