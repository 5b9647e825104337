//! WebAssembly bindings for `huaide`: the npm package `huaide`.
//!
//! Thin by design: read documents into core types, call core, map errors, write results.
//! Documents cross the boundary once, as JSON text: the package's JavaScript layer
//! (`js/api.mjs`) stringifies each argument and parses each result, which is much faster
//! than crossing once per value, and keeps one reader and one writer per wire type in the
//! module. Large ballot lists cross as typed arrays instead (`ballots.rs`). Errors are
//! thrown as real `Error` objects with `code`, `path` and `family` properties.

use huaide::error::{read_document, FieldPath};
use huaide::i18n::Lang;
use huaide::{DocumentError, Fault};
use js_sys::{Error, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod audit;
mod ballots;
mod draw;
mod enrol;
mod exhibition;
mod formats;
mod i18n;
mod plan;
mod tables;
mod vote;

/// Builds the `Error` thrown for a core error: `name` is `HuaideError`, with `code`,
/// `path` (or `null`), `family` and `messages` (`{en, zh}`: the message in each language)
/// properties.
pub(crate) fn to_js_error<E: Fault>(err: &E) -> JsValue {
    let error = Error::new(&err.to_string());
    error.set_name("HuaideError");
    let path = err.path().map_or(JsValue::NULL, JsValue::from);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &"code".into(), &err.code().into());
    let _ = Reflect::set(&error, &"path".into(), &path);
    let _ = Reflect::set(&error, &"family".into(), &err.family().as_str().into());
    let messages = js_sys::Object::new();
    for lang in [Lang::En, Lang::Zh] {
        let text = huaide::i18n::error_message(err, lang);
        let _ = Reflect::set(&messages, &lang.as_str().into(), &text.into());
    }
    let _ = Reflect::set(&error, &"messages".into(), &messages);
    error.into()
}

/// Reads a core document from its JSON text; `root` names it in error paths
/// (`election.candidates[2]`).
///
/// The text is parsed into a JSON value first and the document read from that, as the core
/// reads TOML plans: one reader per wire type in the module.
pub(crate) fn read<T: DeserializeOwned>(json: &str, root: &str) -> Result<T, JsValue> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|err| {
        to_js_error(&DocumentError {
            path: FieldPath::root(root).into(),
            message: err.to_string(),
        })
    })?;
    read_document(&value, root).map_err(|e| to_js_error(&e))
}

/// Reads an optional document (`null` when left out).
pub(crate) fn read_opt<T: DeserializeOwned + Default>(
    json: &str,
    root: &str,
) -> Result<T, JsValue> {
    Ok(read::<Option<T>>(json, root)?.unwrap_or_default())
}

/// The JSON text of a core value, for the JavaScript layer to parse.
pub(crate) fn write<T: Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|err| Error::new(&err.to_string()).into())
}

/// Maps a core result's error to the thrown `Error`.
pub(crate) fn or_throw<T, E: Fault>(result: Result<T, E>) -> Result<T, JsValue> {
    result.map_err(|e| to_js_error(&e))
}

/// Test only: panics, to check that a trap becomes an `Error` with code `internal` and that
/// the module works again afterwards.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    panic!("a panic requested by a test");
}
