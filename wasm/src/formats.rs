//! `readBallots(input, format, options)` and `writeBallots(file, format, options)`: every
//! ballot file reader and writer behind one function each.

use huaide::formats;
use wasm_bindgen::prelude::*;

use crate::{from_js, to_js, to_js_error};

/// `options` may be left out: TypeScript's declarations of those calls (wasm-bindgen
/// declares every parameter of an exported function as required).
#[wasm_bindgen(typescript_custom_section)]
const CALLS_WITHOUT_OPTIONS: &str = r#"
/** Reads a ballot file with the default options. */
export function readBallots(input: BallotInput | Uint8Array | { name: string; bytes: Uint8Array }, format: BallotFormat): BallotFile;
/** Writes a ballot file with the default options. */
export function writeBallots(file: BallotFile, format: BallotFormat): string;
"#;

/// Reads a ballot file: `input` is the text, or the files of an export (an object of name
/// to text, or an array of `{name, text}`), or a form export's bytes (`Uint8Array`, or
/// `{name, bytes}`); returns `{candidates, ballots, …}`.
#[wasm_bindgen(js_name = readBallots, unchecked_return_type = "BallotFile")]
pub fn read_ballots(
    #[wasm_bindgen(
        unchecked_param_type = "BallotInput | Uint8Array | { name: string; bytes: Uint8Array }"
    )]
    input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BallotFormat")] format: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let format: formats::BallotFormat = from_js(format, "format")?;
    let options: formats::ReadOptions = match options {
        Some(options) if !options.is_undefined() && !options.is_null() => {
            from_js(options, "options")?
        }
        _ => formats::ReadOptions::default(),
    };
    if let Some((name, bytes)) = crate::tables::file_of(&input)? {
        let source = huaide::tables::TableSource::new(&name, &bytes);
        let file =
            formats::read_ballot_bytes(&source, format, &options).map_err(|e| to_js_error(&e))?;
        return to_js(&file);
    }
    let input: formats::BallotInput = from_js(input, "input")?;
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
