//! WebAssembly bindings for `huaide`: the npm package `huaide`.
//!
//! Thin by design: read JS values into core types, call core, map errors, convert results.
//! Results are plain JS objects in the wire format (maps become objects, integers numbers).
//! Errors are thrown as real `Error` objects with `code` and `path` properties.

use huaide::error::read_document;
use huaide::Fault;
use js_sys::{Error, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The TypeScript declarations of the wire format (`Plan`, `TallyResult`, …), generated
/// from the JSON Schema bundle by `scripts/wire-types.mjs` and appended to `huaide.d.ts`.
#[wasm_bindgen(typescript_custom_section)]
const WIRE_TYPES: &str = include_str!("../types/wire.d.ts");

mod enrol;
mod exhibition;
mod formats;
mod plan;
mod tables;
mod vote;

/// Builds the `Error` thrown for a core error: `name` is `HuaideError`, with `code`,
/// `path` (or `null`) and `family` properties.
pub(crate) fn to_js_error<E: Fault>(err: &E) -> JsValue {
    let error = Error::new(&err.to_string());
    error.set_name("HuaideError");
    let path = err.path().map_or(JsValue::NULL, JsValue::from);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &"code".into(), &err.code().into());
    let _ = Reflect::set(&error, &"path".into(), &path);
    let _ = Reflect::set(&error, &"family".into(), &err.family().as_str().into());
    error.into()
}

/// Reads a core document from a JS value; `root` names it in error paths.
///
/// The value goes through a `serde_json::Value` first: `serde-wasm-bindgen` reads structs
/// field by field and so cannot see unknown (e.g. misspelt) fields, which the core rejects.
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsValue> {
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|err| {
        to_js_error(&huaide::DocumentError {
            path: huaide::error::FieldPath::root(root).into(),
            message: err.to_string(),
        })
    })?;
    read_document(&json, root).map_err(|e| to_js_error(&e))
}

/// Converts a core value to a plain JS object in the wire format.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}
