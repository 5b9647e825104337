//! Plans: validate, expand, export, measure, convert.

use huaide::plan::{self, Plan};
use wasm_bindgen::prelude::*;

use crate::{or_throw, read, write};

/// Every finding of a plan as data, messages in the language of `options` (`{lang}` or
/// `null`); throws only when the document is malformed.
#[wasm_bindgen(js_name = validatePlan)]
pub fn validate_plan(plan: &str, options: &str) -> Result<String, JsValue> {
    let plan: Plan = read(plan, "")?;
    let options: huaide::i18n::TextOptions = crate::read_opt(options, "options")?;
    write(&plan.validate_in(options.lang))
}

/// Sessions for `query` (`{from, to, program?, venue?}`), sorted.
#[wasm_bindgen(js_name = planOccurrences)]
pub fn plan_occurrences(plan: &str, query: &str) -> Result<String, JsValue> {
    let plan: Plan = read(plan, "")?;
    let query: plan::OccurrenceQuery = read(query, "")?;
    write(&or_throw(plan.occurrences(&query))?)
}

/// The iCalendar text of the plan or one program (`{stamp, program?}`).
#[wasm_bindgen(js_name = planToIcs)]
pub fn plan_to_ics(plan: &str, options: &str) -> Result<String, JsValue> {
    let plan: Plan = read(plan, "")?;
    let options: plan::IcsOptions = read(options, "")?;
    or_throw(plan.to_ics(&options))
}

/// Goal progress against enrolment and attendance data.
#[wasm_bindgen(js_name = planProgress)]
pub fn plan_progress(plan: &str, input: &str) -> Result<String, JsValue> {
    let plan: Plan = read(plan, "")?;
    let input: plan::ProgressInput = read(input, "")?;
    write(&or_throw(plan.progress(&input))?)
}

/// A plan (as JSON text) from TOML text.
#[wasm_bindgen(js_name = planFromToml)]
pub fn plan_from_toml(text: &str) -> Result<String, JsValue> {
    write(&or_throw(Plan::from_toml(text))?)
}

/// TOML text from a plan.
#[wasm_bindgen(js_name = planToToml)]
pub fn plan_to_toml(plan: &str) -> Result<String, JsValue> {
    let plan: Plan = read(plan, "")?;
    or_throw(plan.to_toml())
}

/// The JSON Schema of the plan document, as JSON text.
#[wasm_bindgen(js_name = planJsonSchema)]
pub fn plan_json_schema() -> String {
    plan::json_schema()
}
