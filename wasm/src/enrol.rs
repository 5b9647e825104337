//! Allocation and waiting lists on plain objects.
//!
//! Stateless: each call allocates from the request again (the result is deterministic), so a
//! page keeps only plain data. `options` is `{seed, as_of, mechanism?}`.

use huaide::enrol::{self, Allocation, EnrolmentState};
use huaide::plan::Plan;
use wasm_bindgen::prelude::*;

use crate::{from_js, to_js, to_js_error};

fn run(
    plan: JsValue,
    people: JsValue,
    applications: JsValue,
    options: JsValue,
) -> Result<Allocation, JsValue> {
    let plan: Plan = from_js(plan, "plan")?;
    let people: Vec<enrol::Person> = from_js(people, "people")?;
    let applications: Vec<enrol::Application> = from_js(applications, "applications")?;
    let options: enrol::AllocationOptions = from_js(options, "")?;
    enrol::allocate(&plan, &people, &applications, &options).map_err(|e| to_js_error(&e))
}

fn replay(allocation: &Allocation, events: JsValue) -> Result<EnrolmentState, JsValue> {
    let events: Vec<enrol::Event> = from_js(events, "events")?;
    EnrolmentState::replay(allocation, &events).map_err(|e| to_js_error(&e))
}

fn unknown_program(program: &str) -> JsValue {
    to_js_error(&enrol::EnrolError::UnknownProgram {
        path: "program".to_owned(),
        id: program.to_owned(),
    })
}

/// Allocates seats; returns the shareable result (confidential programs left out):
/// `{mechanism, seed, as_of, iterations, draw, assignments, programs, decisions}`.
#[wasm_bindgen(unchecked_return_type = "Allocation")]
pub fn allocate(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Person[]")] people: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Application[]")] applications: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AllocationOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&run(plan, people, applications, options)?)
}

/// One program of the allocation in full, confidential ones included.
#[wasm_bindgen(js_name = allocationForProgram, unchecked_return_type = "ProgramReport")]
pub fn allocation_for_program(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Person[]")] people: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Application[]")] applications: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AllocationOptions")] options: JsValue,
    program: &str,
) -> Result<JsValue, JsValue> {
    let allocation = run(plan, people, applications, options)?;
    to_js(
        &allocation
            .for_program(program)
            .ok_or_else(|| unknown_program(program))?,
    )
}

/// The enrolment state after the allocation and `events` (applied in order); shareable form.
#[wasm_bindgen(js_name = replayEnrolment, unchecked_return_type = "EnrolmentState")]
pub fn replay_enrolment(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Person[]")] people: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Application[]")] applications: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AllocationOptions")] options: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Event[]")] events: JsValue,
) -> Result<JsValue, JsValue> {
    let allocation = run(plan, people, applications, options)?;
    to_js(&replay(&allocation, events)?)
}

/// One program of the enrolment state after `events`, confidential ones included.
#[wasm_bindgen(js_name = replayEnrolmentForProgram, unchecked_return_type = "ProgramState")]
pub fn replay_enrolment_for_program(
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Person[]")] people: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Application[]")] applications: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AllocationOptions")] options: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Event[]")] events: JsValue,
    program: &str,
) -> Result<JsValue, JsValue> {
    let allocation = run(plan, people, applications, options)?;
    let state = replay(&allocation, events)?;
    to_js(
        &state
            .for_program(program)
            .ok_or_else(|| unknown_program(program))?,
    )
}
