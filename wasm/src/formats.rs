//! Ballot files (`readBallots`, `writeBallots`) and RCTab's detailed report of a result
//! (`rctabReport`, `rctabReportCsv`, `rctabReportOptions`).

use huaide::formats;
use wasm_bindgen::prelude::*;

use crate::{or_throw, read, read_opt, write};

/// Reads a ballot file: `input` is the text, or the files of an export (an object of name
/// to text, or an array of `{name, text}`), as JSON; `options` may be `null`.
#[wasm_bindgen(js_name = readBallots)]
pub fn read_ballots(input: &str, format: &str, options: &str) -> Result<String, JsValue> {
    let input: formats::BallotInput = read(input, "input")?;
    let format: formats::BallotFormat = read(format, "format")?;
    let options: formats::ReadOptions = read_opt(options, "options")?;
    write(&or_throw(formats::read_ballot_file(
        &input, format, &options,
    ))?)
}

/// Writes a ballot file (the shape `readBallots` returns) as BLT, PrefLib or CSV text.
#[wasm_bindgen(js_name = writeBallots)]
pub fn write_ballots(file: &str, format: &str, options: &str) -> Result<String, JsValue> {
    let file: formats::BallotFile = read(file, "file")?;
    let format: formats::BallotFormat = read(format, "format")?;
    let options: formats::WriteOptions = read_opt(options, "options")?;
    or_throw(formats::write_ballot_file(&file, format, &options))
}

/// RCTab's detailed JSON report of an `irv` or `stv` (rule `rctab`) result.
#[wasm_bindgen(js_name = rctabReport)]
pub fn rctab_report(result: &str, options: &str) -> Result<String, JsValue> {
    let result: huaide::vote::TallyResult = read(result, "result")?;
    let options: formats::RctabReportOptions = read_opt(options, "options")?;
    write(&or_throw(formats::rctab_report(&result, &options))?)
}

/// RCTab's detailed CSV report, as text (CRLF line ends).
#[wasm_bindgen(js_name = rctabReportCsv)]
pub fn rctab_report_csv(result: &str, options: &str) -> Result<String, JsValue> {
    let result: huaide::vote::TallyResult = read(result, "result")?;
    let options: formats::RctabReportOptions = read_opt(options, "options")?;
    or_throw(formats::rctab_report_csv(&result, &options))
}

/// The options of `rctabReport` read from an RCTab contest config (its JSON text).
#[wasm_bindgen(js_name = rctabReportOptions)]
pub fn rctab_report_options(config: &str) -> Result<String, JsValue> {
    write(&or_throw(formats::rctab_report_options(config))?)
}

/// Reads a ballot file and counts it in `election` (an election whose fields but `method`
/// may be left out: the file gives them); `options` are the reader's.
#[wasm_bindgen(js_name = tallyFile)]
pub fn tally_file(
    input: &str,
    format: &str,
    election: &str,
    options: &str,
) -> Result<String, JsValue> {
    let input: formats::BallotInput = read(input, "input")?;
    let format: formats::BallotFormat = read(format, "format")?;
    let election: formats::FileElection = read(election, "election")?;
    let options: formats::ReadOptions = read_opt(options, "options")?;
    write(&or_throw(formats::tally_ballot_file(
        &input, format, &options, &election,
    ))?)
}
