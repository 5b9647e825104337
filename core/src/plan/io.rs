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
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Plan);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

impl Plan {
    /// Reads a plan from TOML text; shape errors carry the path of the offending field.
    pub fn from_toml(text: &str) -> Result<Plan, PlanError> {
        let deserializer = toml::Deserializer::parse(text).map_err(|err| DocumentError {
            path: ".".to_owned(),
            message: err.to_string(),
        })?;
        read_plan(deserializer)
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
