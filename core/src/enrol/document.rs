//! The wire shapes of the enrolment results, for their JSON Schemas.
//!
//! [`Allocation`](super::Allocation) and [`EnrolmentState`](super::EnrolmentState) write
//! their shared JSON by hand (from their compact forms, leaving confidential programs out),
//! so these types describe that JSON for the schema and the TypeScript declarations. They
//! are never built: the schema test validates every allocation and enrolment-state vector
//! against them, so a change to the hand-written form that these miss fails.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;

use super::state::ProgramState;
use super::{Decision, ProgramOutcome};
use crate::plan::Mechanism;

/// The shareable result of `allocate` (confidential programs left out).
#[derive(JsonSchema)]
#[schemars(rename = "Allocation", deny_unknown_fields)]
pub struct AllocationDocument {
    /// The mechanism used.
    pub mechanism: Mechanism,
    /// The published seed of the draw.
    pub seed: String,
    /// The seed's commitment, the public value, the rule and the effective seed (only when
    /// a commitment or a public value was given).
    pub draw_seed: Option<crate::commitment::DrawSeed>,
    /// The reference date of the rules.
    pub as_of: NaiveDate,
    /// Rounds of the cancel-and-reallocate loop.
    pub iterations: u32,
    /// The lottery order, as person ids.
    pub draw: Vec<String>,
    /// Program ids each person is enrolled in.
    pub assignments: BTreeMap<String, Vec<String>>,
    /// The outcome of every shared program, by id.
    pub programs: BTreeMap<String, ProgramOutcome>,
    /// The decision on every choice of every applicant, in choice order.
    pub decisions: BTreeMap<String, Vec<Decision>>,
}

/// The shareable enrolment state after the allocation and some events.
#[derive(JsonSchema)]
#[schemars(rename = "EnrolmentState", deny_unknown_fields)]
pub struct EnrolmentStateDocument {
    /// The time of the last event, events about confidential programs left out (`null`
    /// before any).
    pub now: Option<DateTime<FixedOffset>>,
    /// Every shared program's state, by id.
    pub programs: BTreeMap<String, ProgramState>,
}
