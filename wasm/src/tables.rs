//! Tables: `readPeople`, `readApplications`, `writeTable`, and the byte inputs of
//! `readBallots` (form exports). A file crosses as its bytes (a `Uint8Array`, copied once)
//! with its name, or, when `bytes` is left out, as a wire `TableInput` in `input`.

use huaide::formats;
use huaide::plan::Plan;
use huaide::tables::{self, TableDocument, TableFormat, TableInput, TableSource};
use wasm_bindgen::prelude::*;

use crate::{or_throw, read, read_opt, write};

/// The file: `bytes` with `name`, or the wire input in `input`.
fn file(name: &str, bytes: Option<Vec<u8>>, input: &str) -> Result<(String, Vec<u8>), JsValue> {
    match bytes {
        Some(bytes) => Ok((name.to_owned(), bytes)),
        None => or_throw(read::<TableInput>(input, "input")?.to_bytes()),
    }
}

/// Reads people from a CSV file or a workbook: `{ok, people, findings, columns, …}`.
#[wasm_bindgen(js_name = readPeople)]
pub fn read_people(
    name: &str,
    bytes: Option<Vec<u8>>,
    input: &str,
    options: &str,
) -> Result<String, JsValue> {
    let (name, bytes) = file(name, bytes, input)?;
    let options: tables::PeopleOptions = read_opt(options, "options")?;
    write(&or_throw(tables::read_people(
        &TableSource::new(&name, &bytes),
        &options,
    ))?)
}

/// Reads applications; with a `plan` (JSON, or `null`), choices may name programs by title
/// and are checked.
#[wasm_bindgen(js_name = readApplications)]
pub fn read_applications(
    name: &str,
    bytes: Option<Vec<u8>>,
    input: &str,
    options: &str,
    plan: &str,
) -> Result<String, JsValue> {
    let (name, bytes) = file(name, bytes, input)?;
    let options: tables::ApplicationOptions = read_opt(options, "options")?;
    let plan: Option<Plan> = read(plan, "plan")?;
    let source = TableSource::new(&name, &bytes);
    write(&or_throw(tables::read_applications(
        &source,
        &options,
        plan.as_ref(),
    ))?)
}

/// A form export's bytes read as ballots (the byte input of `readBallots`).
#[wasm_bindgen(js_name = readBallotBytes)]
pub fn read_ballot_bytes(
    name: &str,
    bytes: &[u8],
    format: &str,
    options: &str,
) -> Result<String, JsValue> {
    let format: formats::BallotFormat = read(format, "format")?;
    let options: formats::ReadOptions = read_opt(options, "options")?;
    let source = TableSource::new(name, bytes);
    write(&or_throw(formats::read_ballot_bytes(
        &source, format, &options,
    ))?)
}

/// Writes a wire document (`kind`: `people`, `applications`, `allocation`, `occurrences`,
/// `tally`, `exhibition`) as `xlsx` (every sheet) or `csv` (one sheet: `sheet`, or the
/// first): the file's bytes.
#[wasm_bindgen(js_name = writeTable)]
pub fn write_table(
    kind: &str,
    document: &str,
    format: &str,
    sheet: Option<String>,
) -> Result<Vec<u8>, JsValue> {
    let wrapped = format!("{{\"kind\":{},\"document\":{document}}}", write(&kind)?);
    let document: TableDocument = read(&wrapped, "")?;
    let format = read::<Option<TableFormat>>(format, "format")?.unwrap_or(TableFormat::Xlsx);
    or_throw(tables::write_table(&document, format, sheet.as_deref()))
}

/// A form export's bytes counted in `election` (the byte input of `tallyFile`).
#[wasm_bindgen(js_name = tallyFileBytes)]
pub fn tally_file_bytes(
    name: &str,
    bytes: &[u8],
    format: &str,
    election: &str,
    options: &str,
) -> Result<String, JsValue> {
    let format: formats::BallotFormat = read(format, "format")?;
    let election: formats::FileElection = read(election, "election")?;
    let options: formats::ReadOptions = read_opt(options, "options")?;
    let source = TableSource::new(name, bytes);
    write(&or_throw(formats::tally_ballot_bytes(
        &source, format, &options, &election,
    ))?)
}
