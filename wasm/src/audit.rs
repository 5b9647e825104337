//! Verifiable results: `seedCommitment`, `mixSeed`, `auditTally`, `auditAllocation`, `verify`.

use huaide::{audit, commitment, enrol, vote};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::{or_throw, read, read_opt, write};

/// The commitment of `seed` (lowercase hex).
#[wasm_bindgen(js_name = seedCommitment)]
pub fn seed_commitment(seed: &str) -> String {
    commitment::seed_commitment(seed)
}

/// The effective seed of `seed` mixed with `public_value` (rule `huaide-seed-mix-v1`).
#[wasm_bindgen(js_name = mixSeed)]
pub fn mix_seed(seed: &str, public_value: &str) -> String {
    commitment::mix_seed(seed, public_value)
}

/// The audit file of counting `ballots` in `election`.
#[wasm_bindgen(js_name = auditTally)]
pub fn audit_tally(election: &str, ballots: &str) -> Result<String, JsValue> {
    let election: vote::Election = read(election, "election")?;
    let ballots: Vec<vote::Ballot> = read(ballots, "ballots")?;
    write(&or_throw(audit::audit_tally(&election, &ballots))?)
}

/// `{redact?}` of `auditAllocation`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditOptions {
    #[serde(default)]
    redact: bool,
}

/// The audit file of an allocation (`options`: `{seed, commitment?, public_value?, as_of,
/// mechanism?}`; `audit_options`: `{redact?}`).
#[wasm_bindgen(js_name = auditAllocation)]
pub fn audit_allocation(
    plan: &str,
    people: &str,
    applications: &str,
    options: &str,
    audit_options: &str,
) -> Result<String, JsValue> {
    let plan: huaide::plan::Plan = read(plan, "plan")?;
    let people: Vec<enrol::Person> = read(people, "people")?;
    let applications: Vec<enrol::Application> = read(applications, "applications")?;
    let options: enrol::AllocationOptions = read(options, "")?;
    let audit_options: AuditOptions = read_opt(audit_options, "audit_options")?;
    let inputs = audit::AllocationInputs {
        plan: &plan,
        people: &people,
        applications: &applications,
        options: &options,
    };
    write(&or_throw(audit::audit_allocation(
        inputs,
        audit_options.redact,
    ))?)
}

/// Re-runs an audit file's count or allocation and reports what differs.
#[wasm_bindgen]
pub fn verify(audit: &str, inputs: &str) -> Result<String, JsValue> {
    let audit: serde_json::Value = read(audit, "audit")?;
    let inputs: Option<serde_json::Value> = read(inputs, "inputs")?;
    write(&or_throw(audit::verify(&audit, inputs.as_ref()))?)
}
