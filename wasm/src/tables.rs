//! Tables on `Uint8Array`s and text: `readPeople`, `readApplications`, `writeTable`, and the
//! byte inputs of `readBallots`.

use huaide::plan::Plan;
use huaide::tables::{self, TableDocument, TableFormat, TableInput, TableSource};
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::{from_js, to_js, to_js_error};

#[wasm_bindgen(typescript_custom_section)]
const TABLE_TYPES: &str = r#"
/** A table file: its bytes (a page's uploaded `File` as `new Uint8Array(await file.arrayBuffer())`),
 * its text, or either with the file's name (whose extension tells `.xlsx` from CSV). */
export type TableFile = Uint8Array | string | { name: string; bytes: Uint8Array } | TableInput;
/** Reads people with the default options. */
export function readPeople(file: TableFile): PeopleTable;
/** Reads applications with the default options. */
export function readApplications(file: TableFile): ApplicationsTable;
"#;

/// The name and bytes of a table file given as `Uint8Array`, `{name, bytes}`, or a wire
/// [`TableInput`] (text, `{name, text}`, `{name, base64}`); `None` for anything else.
pub(crate) fn file_of(value: &JsValue) -> Result<Option<(String, Vec<u8>)>, JsValue> {
    if let Some(array) = value.dyn_ref::<Uint8Array>() {
        return Ok(Some((String::new(), array.to_vec())));
    }
    if value.is_object() {
        let bytes = Reflect::get(value, &"bytes".into())?;
        if let Some(array) = bytes.dyn_ref::<Uint8Array>() {
            let name = Reflect::get(value, &"name".into())?
                .as_string()
                .unwrap_or_default();
            return Ok(Some((name, array.to_vec())));
        }
    }
    Ok(None)
}

fn required(value: JsValue) -> Result<(String, Vec<u8>), JsValue> {
    if let Some(file) = file_of(&value)? {
        return Ok(file);
    }
    let input: TableInput = from_js(value, "input")?;
    input.to_bytes().map_err(|e| to_js_error(&e))
}

fn options<T: serde::de::DeserializeOwned + Default>(
    options: Option<JsValue>,
) -> Result<T, JsValue> {
    match options {
        Some(o) if !o.is_undefined() && !o.is_null() => from_js(o, "options"),
        _ => Ok(T::default()),
    }
}

/// Reads people from a CSV file or a workbook: `{ok, people, findings, columns, …}`.
#[wasm_bindgen(js_name = readPeople, unchecked_return_type = "PeopleTable")]
pub fn read_people(
    #[wasm_bindgen(unchecked_param_type = "TableFile")] file: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PeopleOptions")] options_value: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (name, bytes) = required(file)?;
    let options: tables::PeopleOptions = options(options_value)?;
    let read = tables::read_people(&TableSource::new(&name, &bytes), &options)
        .map_err(|e| to_js_error(&e))?;
    to_js(&read)
}

/// Reads applications; with `plan`, choices may name programs by title and are checked.
#[wasm_bindgen(js_name = readApplications, unchecked_return_type = "ApplicationsTable")]
pub fn read_applications(
    #[wasm_bindgen(unchecked_param_type = "TableFile")] file: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ApplicationOptions")] options_value: Option<JsValue>,
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (name, bytes) = required(file)?;
    let options: tables::ApplicationOptions = options(options_value)?;
    let plan: Option<Plan> = match plan {
        Some(p) if !p.is_undefined() && !p.is_null() => Some(from_js(p, "plan")?),
        _ => None,
    };
    let read = tables::read_applications(&TableSource::new(&name, &bytes), &options, plan.as_ref())
        .map_err(|e| to_js_error(&e))?;
    to_js(&read)
}

/// Writes a wire document (`kind`: `people`, `applications`, `allocation`, `occurrences`,
/// `tally`, `exhibition`) as `xlsx` (every sheet) or `csv` (one sheet, `sheet` or the
/// first): the file's bytes, for a download link.
#[wasm_bindgen(js_name = writeTable)]
pub fn write_table(
    kind: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TableFormat")] format: JsValue,
    sheet: Option<String>,
) -> Result<Uint8Array, JsValue> {
    let wrapped = js_sys::Object::new();
    Reflect::set(&wrapped, &"kind".into(), &kind.into())?;
    Reflect::set(&wrapped, &"document".into(), &document)?;
    let document: TableDocument = from_js(wrapped.into(), "")?;
    let format: TableFormat = if format.is_undefined() || format.is_null() {
        TableFormat::Xlsx
    } else {
        from_js(format, "format")?
    };
    let bytes =
        tables::write_table(&document, format, sheet.as_deref()).map_err(|e| to_js_error(&e))?;
    Ok(Uint8Array::from(bytes.as_slice()))
}
