//! Reading and writing plan documents (TOML, JSON, any serde source) and the JSON Schema.

use serde::Deserializer;

use super::document::Plan;
use super::error::PlanError;
use super::ics::IcsOptions;
use super::occurrence::OccurrenceQuery;
use super::progress::ProgressInput;
use crate::error::{read_document, read_json, DocumentError};

/// Reads a plan from any serde source (JSON, a Python dict, a JS object).
pub fn read_plan<'de, D: Deserializer<'de>>(source: D) -> Result<Plan, PlanError> {
    Ok(read_document(source, "")?)
}

/// Reads an occurrence query (`{"from", "to", "program"?, "venue"?}`) from any serde source.
pub fn read_occurrence_query<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<OccurrenceQuery, PlanError> {
    Ok(read_document(source, "")?)
}

/// Reads iCalendar options (`{"stamp", "program"?}`) from any serde source.
pub fn read_ics_options<'de, D: Deserializer<'de>>(source: D) -> Result<IcsOptions, PlanError> {
    Ok(read_document(source, "")?)
}

/// Reads a progress input (`{"as_of", "distinct_participants"?, "enrolments", "attendance"}`)
/// from any serde source.
pub fn read_progress_input<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<ProgressInput, PlanError> {
    Ok(read_document(source, "")?)
}

/// The JSON Schema (draft 2020-12) of the plan document, pretty-printed with a final newline.
///
/// This is the committed `schema/plan.schema.json`, which the `schemas` test keeps equal to
/// the schema generated from the types ([`crate::schema::documents`]); serving the text keeps
/// the schema generator out of builds that only call this (the wasm package).
pub fn json_schema() -> String {
    include_str!("../../../schema/plan.schema.json").to_owned()
}

impl Plan {
    /// Reads a plan from TOML text; shape errors carry the path of the offending field.
    ///
    /// The TOML is read into a JSON value first (TOML dates and times become their RFC 3339
    /// text), then the plan from that value as from any JSON: one plan reader serves TOML,
    /// JSON and the bindings' values, which keeps the wasm package small.
    pub fn from_toml(text: &str) -> Result<Plan, PlanError> {
        let mut value: serde_json::Value = toml::from_str(text).map_err(|err| DocumentError {
            path: ".".to_owned(),
            message: err.to_string(),
        })?;
        untag_toml_datetimes(&mut value);
        read_plan(&value)
    }

    /// Reads a plan from JSON text.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        Ok(read_json(text, "")?)
    }

    /// Writes the plan as TOML.
    pub fn to_toml(&self) -> Result<String, PlanError> {
        toml::to_string(self).map_err(|err| PlanError::Serialize {
            path: ".".to_owned(),
            message: err.to_string(),
        })
    }

    /// Writes the plan as pretty-printed JSON.
    pub fn to_json(&self) -> Result<String, PlanError> {
        serde_json::to_string_pretty(self).map_err(|err| PlanError::Serialize {
            path: ".".to_owned(),
            message: err.to_string(),
        })
    }
}

/// The key under which the `toml` crate hands a TOML date or time to a non-TOML reader.
const TOML_DATETIME: &str = "$__toml_private_datetime";

/// Replaces every `{"$__toml_private_datetime": "…"}` by its text.
fn untag_toml_datetimes(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if map.len() == 1 {
                if let Some(Value::String(text)) = map.get(TOML_DATETIME) {
                    *value = Value::String(text.clone());
                    return;
                }
            }
            map.values_mut().for_each(untag_toml_datetimes);
        }
        Value::Array(items) => items.iter_mut().for_each(untag_toml_datetimes),
        _ => {}
    }
}
