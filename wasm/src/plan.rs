//! Plans on plain objects: validate, expand, export, measure, convert.

use huaide::plan::{self, Plan};
use wasm_bindgen::prelude::*;

use crate::{from_js, to_js, to_js_error};

/// Every finding of a plan as data: `{ok, errors, warnings, findings: [{code, severity, path, message}]}`.
/// Throws only when the document is malformed.
#[wasm_bindgen(js_name = validatePlan, unchecked_return_type = "ValidationReport")]
pub fn validate_plan(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
) -> Result<JsValue, JsValue> {
    let plan: Plan = from_js(plan, "")?;
    to_js(&plan.validate())
}

/// Sessions for `query` (`{from, to, program?, venue?}`, ISO dates), sorted.
#[wasm_bindgen(js_name = planOccurrences, unchecked_return_type = "Occurrence[]")]
pub fn plan_occurrences(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "OccurrenceQuery")] query: JsValue,
) -> Result<JsValue, JsValue> {
    let plan: Plan = from_js(plan, "")?;
    let query: plan::OccurrenceQuery = from_js(query, "")?;
    to_js(&plan.occurrences(&query).map_err(|e| to_js_error(&e))?)
}

/// The iCalendar text of the plan or one program (`{stamp, program?}`; `stamp` in RFC 3339).
#[wasm_bindgen(js_name = planToIcs)]
pub fn plan_to_ics(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "IcsOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let plan: Plan = from_js(plan, "")?;
    let options: plan::IcsOptions = from_js(options, "")?;
    plan.to_ics(&options).map_err(|e| to_js_error(&e))
}

/// Goal progress against enrolment and attendance data (`{as_of, enrolments, attendance, …}`).
#[wasm_bindgen(js_name = planProgress, unchecked_return_type = "ProgressReport")]
pub fn plan_progress(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ProgressInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let plan: Plan = from_js(plan, "")?;
    let input: plan::ProgressInput = from_js(input, "")?;
    to_js(&plan.progress(&input).map_err(|e| to_js_error(&e))?)
}

/// A plan object from TOML text.
#[wasm_bindgen(js_name = planFromToml, unchecked_return_type = "Plan")]
pub fn plan_from_toml(text: &str) -> Result<JsValue, JsValue> {
    to_js(&Plan::from_toml(text).map_err(|e| to_js_error(&e))?)
}

/// TOML text from a plan object.
#[wasm_bindgen(js_name = planToToml)]
pub fn plan_to_toml(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
) -> Result<String, JsValue> {
    let plan: Plan = from_js(plan, "")?;
    plan.to_toml().map_err(|e| to_js_error(&e))
}

/// The JSON Schema of the plan document, as JSON text.
#[wasm_bindgen(js_name = planJsonSchema)]
pub fn plan_json_schema() -> String {
    plan::json_schema()
}
