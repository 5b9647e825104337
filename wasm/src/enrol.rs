//! Allocation and waiting lists.
//!
//! Stateless: each call allocates from the request again (the result is deterministic), so a
//! page keeps only plain data. `options` is `{seed, as_of, mechanism?}`.

use huaide::enrol::{self, Allocation, EnrolmentState};
use huaide::plan::Plan;
use wasm_bindgen::prelude::*;

use crate::{or_throw, read, to_js_error, write};

fn run(plan: &str, people: &str, applications: &str, options: &str) -> Result<Allocation, JsValue> {
    let plan: Plan = read(plan, "plan")?;
    let people: Vec<enrol::Person> = read(people, "people")?;
    let applications: Vec<enrol::Application> = read(applications, "applications")?;
    let options: enrol::AllocationOptions = read(options, "")?;
    or_throw(enrol::allocate(&plan, &people, &applications, &options))
}

fn replay(allocation: &Allocation, events: &str) -> Result<EnrolmentState, JsValue> {
    let events: Vec<enrol::Event> = read(events, "events")?;
    or_throw(EnrolmentState::replay(allocation, &events))
}

fn unknown_program(program: &str) -> JsValue {
    to_js_error(&enrol::EnrolError::UnknownProgram {
        path: "program".to_owned(),
        id: program.to_owned(),
    })
}

/// Allocates seats; returns the shareable result (confidential programs left out).
#[wasm_bindgen]
pub fn allocate(
    plan: &str,
    people: &str,
    applications: &str,
    options: &str,
) -> Result<String, JsValue> {
    write(&run(plan, people, applications, options)?)
}

/// One program of the allocation in full, confidential ones included.
#[wasm_bindgen(js_name = allocationForProgram)]
pub fn allocation_for_program(
    plan: &str,
    people: &str,
    applications: &str,
    options: &str,
    program: &str,
) -> Result<String, JsValue> {
    let allocation = run(plan, people, applications, options)?;
    let report = allocation.for_program(program);
    write(&report.ok_or_else(|| unknown_program(program))?)
}

/// The enrolment state after the allocation and `events` (applied in order); shareable form.
#[wasm_bindgen(js_name = replayEnrolment)]
pub fn replay_enrolment(
    plan: &str,
    people: &str,
    applications: &str,
    options: &str,
    events: &str,
) -> Result<String, JsValue> {
    let allocation = run(plan, people, applications, options)?;
    write(&replay(&allocation, events)?)
}

/// One program of the enrolment state after `events`, confidential ones included.
#[wasm_bindgen(js_name = replayEnrolmentForProgram)]
pub fn replay_enrolment_for_program(
    plan: &str,
    people: &str,
    applications: &str,
    options: &str,
    events: &str,
    program: &str,
) -> Result<String, JsValue> {
    let allocation = run(plan, people, applications, options)?;
    let state = replay(&allocation, events)?;
    write(
        &state
            .for_program(program)
            .ok_or_else(|| unknown_program(program))?,
    )
}
