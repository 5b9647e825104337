//! The inputs of an allocation: people, applications and options, as serde data.

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::error::EnrolError;
use crate::error::read_document;
use crate::plan::audience::Residency;
use crate::plan::{Mechanism, Plan};

/// Someone who may apply: `{"id", "birth_date"?, "household"?, "residency", "tags", "history"?}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id (never a name).
    pub id: String,
    /// Date of birth; age rules cannot be met without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// Household id: members share household rules and household tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
    /// Residency.
    pub residency: Residency,
    /// Tags, e.g. `elderly`, `child`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Ids of programs completed before (for prerequisites and `completed` rules).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<String>,
}

/// An application: `{"person", "choices", "submitted_at"?, "group"?, "max_programs"?}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// The applicant.
    pub person: String,
    /// Program ids, best first.
    pub choices: Vec<String>,
    /// When the application arrived (RFC 3339), for `first_come`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<DateTime<FixedOffset>>,
    /// Other people applying together with `person`: all get a seat or none. They need no
    /// application of their own; if they have one, it is ignored in favour of this one only
    /// when it is identical, otherwise the request is rejected (`duplicate_application`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<String>,
    /// Most programs this application may get (default: the plan's, else 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_programs: Option<u32>,
}

/// Options of [`super::allocate`]: `{"mechanism"?, "seed", "commitment"?, "public_value"?,
/// "as_of"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AllocationOptions {
    /// Mechanism (default: the plan's `allocation.mechanism`, else `deferred_acceptance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<Mechanism>,
    /// The published seed of the draw.
    pub seed: String,
    /// The commitment of `seed` published before applications closed (see
    /// [`crate::commitment`]): the allocation fails with `seed_mismatch` unless `seed`
    /// matches it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<String>,
    /// A public value revealed after the close, mixed into `seed` (rule
    /// `huaide-seed-mix-v1`): the draw uses the mixed seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_value: Option<String>,
    /// The date of the allocation: ages are taken on each program's first session, or on
    /// this date for programs without a schedule.
    pub as_of: NaiveDate,
}

/// A whole request as one document: `{"plan", "people", "applications", "mechanism"?,
/// "seed", "as_of"}`.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AllocationRequest {
    /// The plan.
    pub plan: Plan,
    /// Everyone who applies (others may be listed too).
    pub people: Vec<Person>,
    /// The applications.
    pub applications: Vec<Application>,
    /// Mechanism.
    #[serde(default)]
    pub mechanism: Option<Mechanism>,
    /// The published seed of the draw.
    pub seed: String,
    /// The commitment of `seed` (see [`AllocationOptions::commitment`]).
    #[serde(default)]
    pub commitment: Option<String>,
    /// A public value mixed into `seed` (see [`AllocationOptions::public_value`]).
    #[serde(default)]
    pub public_value: Option<String>,
    /// The date of the allocation.
    pub as_of: NaiveDate,
}

impl AllocationRequest {
    /// The options part of the request.
    pub fn options(&self) -> AllocationOptions {
        AllocationOptions {
            mechanism: self.mechanism,
            seed: self.seed.clone(),
            commitment: self.commitment.clone(),
            public_value: self.public_value.clone(),
            as_of: self.as_of,
        }
    }
}

/// Reads a list of people from any serde source.
pub fn read_people<'de, D: Deserializer<'de>>(source: D) -> Result<Vec<Person>, EnrolError> {
    Ok(read_document(source, "people")?)
}

/// Reads a list of applications from any serde source.
pub fn read_applications<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<Vec<Application>, EnrolError> {
    Ok(read_document(source, "applications")?)
}

/// Reads allocation options (`{"mechanism"?, "seed", "as_of"}`) from any serde source.
pub fn read_allocation_options<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<AllocationOptions, EnrolError> {
    Ok(read_document(source, "")?)
}

/// Reads a whole allocation request from any serde source.
pub fn read_allocation_request<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<AllocationRequest, EnrolError> {
    Ok(read_document(source, "")?)
}
