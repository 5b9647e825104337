//! `draw_order(seed, ids)`: the public draw of a list of ids under a published seed.

use huaide::draw;
use huaide::error::FieldPath;
use huaide::DocumentError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::from_py;
use crate::errors::to_py_err;

/// The lottery order of `ids` (strings) under `seed`: sorted in byte order, then shuffled by
/// the draw (`huaide::draw::lottery_order`), earlier meaning luckier. Anyone can re-run it to
/// check a published draw.
#[pyfunction]
pub fn draw_order(py: Python<'_>, seed: &str, ids: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    // A string is a sequence of characters to Python, never a list of ids.
    if ids.is_instance_of::<PyString>() {
        return Err(to_py_err(
            py,
            &DocumentError {
                path: FieldPath::root("ids").into(),
                message: "expected a sequence of ids, found a string".to_owned(),
            },
        ));
    }
    let ids: Vec<String> = from_py(ids, "ids")?;
    Ok(draw::lottery_order(seed, &ids))
}
