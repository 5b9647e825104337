//! Python bindings for `huaide`: the native module `huaide._huaide`.
//!
//! Thin by design: read Python objects into core types, call core, map errors, convert
//! results. All domain logic lives in the `huaide` crate.

mod audit;
mod ballots_in;
mod convert;
mod draw;
mod enrol;
mod enrol_in;
mod errors;
mod exhibition;
mod formats;
mod i18n;
mod items;
mod motion;
mod plan;
mod profile_in;
mod tables;
mod to_python;
mod vote;

use pyo3::prelude::*;

/// mimalloc for every Rust allocation of the module (Python's own objects keep Python's
/// allocator): the readers and results make many small strings and vectors, and glibc's
/// malloc and free were about a quarter of an `allocate` call (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The native module; import `huaide` instead.
#[pymodule]
fn _huaide(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<vote::PyTallyResult>()?;
    m.add_class::<motion::PyMotionResult>()?;
    m.add_class::<plan::PyPlan>()?;
    m.add_class::<plan::PyProgram>()?;
    m.add_class::<enrol::PyAllocation>()?;
    m.add_class::<enrol::PyEnrolmentState>()?;
    m.add_function(wrap_pyfunction!(vote::tally, m)?)?;
    m.add_function(wrap_pyfunction!(vote::tally_partial, m)?)?;
    m.add_function(wrap_pyfunction!(vote::tally_profile, m)?)?;
    m.add_function(wrap_pyfunction!(vote::merge_partials, m)?)?;
    m.add_function(wrap_pyfunction!(motion::tally_motion, m)?)?;
    m.add_function(wrap_pyfunction!(plan::plan_json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(enrol::allocate, m)?)?;
    m.add_function(wrap_pyfunction!(enrol::_allocation_from_inputs, m)?)?;
    m.add_function(wrap_pyfunction!(formats::read_ballots, m)?)?;
    m.add_function(wrap_pyfunction!(formats::write_ballots, m)?)?;
    m.add_function(wrap_pyfunction!(formats::tally_file, m)?)?;
    m.add_function(wrap_pyfunction!(formats::rctab_report_options, m)?)?;
    m.add_function(wrap_pyfunction!(tables::read_people, m)?)?;
    m.add_function(wrap_pyfunction!(tables::read_applications, m)?)?;
    m.add_function(wrap_pyfunction!(tables::write_table, m)?)?;
    m.add_function(wrap_pyfunction!(tables::table_sheets, m)?)?;
    m.add_function(wrap_pyfunction!(exhibition::exhibition_elections, m)?)?;
    m.add_function(wrap_pyfunction!(exhibition::tally_exhibition, m)?)?;
    m.add_function(wrap_pyfunction!(audit::seed_commitment, m)?)?;
    m.add_function(wrap_pyfunction!(audit::mix_seed, m)?)?;
    m.add_function(wrap_pyfunction!(audit::verify, m)?)?;
    m.add_function(wrap_pyfunction!(draw::draw_order, m)?)?;
    m.add_function(wrap_pyfunction!(i18n::explain_decision, m)?)?;
    m.add_function(wrap_pyfunction!(i18n::message, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_panic_for_tests, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
