//! Seed commitments, mixed seeds and `verify(audit, inputs=None)`.

use huaide::{audit, commitment};
use pyo3::prelude::*;
use serde_json::Value;

use crate::convert::{from_py, run, to_py};

/// The commitment to publish before the close: lowercase hex of
/// `SHA-256("huaide-seed-commitment-v1\n" + seed)`.
#[pyfunction]
pub fn seed_commitment(seed: &str) -> String {
    commitment::seed_commitment(seed)
}

/// The seed a draw uses when `public_value` is mixed into `seed` (rule `huaide-seed-mix-v1`).
#[pyfunction]
pub fn mix_seed(seed: &str, public_value: &str) -> String {
    commitment::mix_seed(seed, public_value)
}

/// Re-runs the count or allocation of an audit file (a dict) and reports what differs:
/// `{"ok", "code", "differences": [{"code", "path", …}], …}`. `inputs` (a dict) replaces
/// some of the file's inputs (`ballots`, or a redacted allocation's `people` and
/// `applications`).
#[pyfunction]
#[pyo3(signature = (audit, inputs=None))]
pub fn verify<'py>(
    py: Python<'py>,
    audit: &Bound<'py, PyAny>,
    inputs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let audit: Value = from_py(audit, "audit")?;
    let inputs: Option<Value> = inputs.map(|i| from_py(i, "inputs")).transpose()?;
    let report = run(py, || audit::verify(&audit, inputs.as_ref()))?;
    to_py(py, &report)
}
