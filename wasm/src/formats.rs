//! `readBallots(input, format, options)` and `writeBallots(file, format, options)`: every
//! ballot file reader and writer behind one function each; RCTab's detailed report of a
//! result (`rctabReport`, `rctabReportCsv`, `rctabReportOptions`).

use huaide::formats;
use wasm_bindgen::prelude::*;

use crate::{from_js, to_js, to_js_error};

/// `options` may be left out: TypeScript's declarations of those calls (wasm-bindgen
/// declares every parameter of an exported function as required).
#[wasm_bindgen(typescript_custom_section)]
const CALLS_WITHOUT_OPTIONS: &str = r#"
/** Reads a ballot file with the default options. */
export function readBallots(input: BallotInput, format: BallotFormat): BallotFile;
/** Writes a ballot file with the default options. */
export function writeBallots(file: BallotFile, format: BallotFormat): string;
/** RCTab's detailed JSON report with the default options. */
export function rctabReport(result: TallyResult): RctabReport;
/** RCTab's detailed CSV report with the default options. */
export function rctabReportCsv(result: TallyResult): string;
"#;

/// Reads a ballot file: `input` is the text, or the files of an export (an object of name
/// to text, or an array of `{name, text}`); returns `{candidates, ballots, …}`.
#[wasm_bindgen(js_name = readBallots, unchecked_return_type = "BallotFile")]
pub fn read_ballots(
    #[wasm_bindgen(unchecked_param_type = "BallotInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BallotFormat")] format: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let input: formats::BallotInput = from_js(input, "input")?;
    let format: formats::BallotFormat = from_js(format, "format")?;
    let options: formats::ReadOptions = match options {
        Some(options) if !options.is_undefined() && !options.is_null() => {
            from_js(options, "options")?
        }
        _ => formats::ReadOptions::default(),
    };
    let file = formats::read_ballot_file(&input, format, &options).map_err(|e| to_js_error(&e))?;
    to_js(&file)
}

/// Writes a ballot file (`{candidates, ballots, …}`, the shape `readBallots` returns) as
/// BLT, PrefLib or CSV text; the other formats are read only (`format_unsupported`).
#[wasm_bindgen(js_name = writeBallots)]
pub fn write_ballots(
    #[wasm_bindgen(unchecked_param_type = "BallotFile")] file: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BallotFormat")] format: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WriteOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let file: formats::BallotFile = from_js(file, "file")?;
    let format: formats::BallotFormat = from_js(format, "format")?;
    let options: formats::WriteOptions = match options {
        Some(options) if !options.is_undefined() && !options.is_null() => {
            from_js(options, "options")?
        }
        _ => formats::WriteOptions::default(),
    };
    formats::write_ballot_file(&file, format, &options).map_err(|e| to_js_error(&e))
}

fn report_options(options: Option<JsValue>) -> Result<formats::RctabReportOptions, JsValue> {
    match options {
        Some(options) if !options.is_undefined() && !options.is_null() => {
            from_js(options, "options")
        }
        _ => Ok(formats::RctabReportOptions::default()),
    }
}

/// RCTab's detailed JSON report (what rcvis reads) of an `irv` or `stv` (rule `rctab`)
/// result; `options` are the header fields and the candidates in config order.
#[wasm_bindgen(js_name = rctabReport, unchecked_return_type = "RctabReport")]
pub fn rctab_report(
    #[wasm_bindgen(unchecked_param_type = "TallyResult")] result: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RctabReportOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let result: huaide::vote::TallyResult = from_js(result, "result")?;
    let options = report_options(options)?;
    to_js(&formats::rctab_report(&result, &options).map_err(|e| to_js_error(&e))?)
}

/// RCTab's detailed CSV report, as text (CRLF line ends); options as `rctabReport`.
#[wasm_bindgen(js_name = rctabReportCsv)]
pub fn rctab_report_csv(
    #[wasm_bindgen(unchecked_param_type = "TallyResult")] result: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RctabReportOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let result: huaide::vote::TallyResult = from_js(result, "result")?;
    let options = report_options(options)?;
    formats::rctab_report_csv(&result, &options).map_err(|e| to_js_error(&e))
}

/// The options of `rctabReport` read from an RCTab contest config (its JSON text).
#[wasm_bindgen(js_name = rctabReportOptions, unchecked_return_type = "RctabReportOptions")]
pub fn rctab_report_options(config: &str) -> Result<JsValue, JsValue> {
    to_js(&formats::rctab_report_options(config).map_err(|e| to_js_error(&e))?)
}
