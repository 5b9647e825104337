//! `tally_motion(motion, lang=)` and its result object.

use huaide::motion;
use pyo3::prelude::*;

use crate::convert::{from_py, or_raise, reduce_by_dict, to_py};

/// The decision on a council motion; `.to_dict()` gives exactly the wire format.
#[pyclass(module = "huaide._huaide", name = "MotionResult", frozen, eq)]
#[derive(PartialEq)]
pub struct PyMotionResult {
    inner: motion::MotionResult,
}

#[pymethods]
impl PyMotionResult {
    /// True when the quorum is met and the yes votes reach `required`.
    #[getter]
    fn passed(&self) -> bool {
        self.inner.passed
    }
    /// Whether enough members were present.
    #[getter]
    fn quorum_met(&self) -> bool {
        self.inner.quorum_met
    }
    /// Members that had to be present.
    #[getter]
    fn quorum_required(&self) -> u64 {
        self.inner.quorum_required
    }
    /// Votes cast, as the threshold counts them.
    #[getter]
    fn cast(&self) -> u64 {
        self.inner.cast
    }
    /// Yes votes needed to pass.
    #[getter]
    fn required(&self) -> u64 {
        self.inner.required
    }
    /// Plain-language account of the decision.
    #[getter]
    fn explanation(&self) -> &str {
        &self.inner.explanation
    }
    /// The result in the wire format, as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// A result from its wire form (a dict, as `to_dict()` gives).
    #[staticmethod]
    fn from_dict(document: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyMotionResult {
            inner: from_py(document, "")?,
        })
    }
    /// Pickles through the wire form.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        reduce_by_dict(slf.as_any(), &slf.get().inner)
    }
    fn __repr__(&self) -> String {
        let yes = |flag: bool| if flag { "True" } else { "False" };
        format!(
            "MotionResult(passed={}, quorum_met={}, cast={}, required={})",
            yes(self.inner.passed),
            yes(self.inner.quorum_met),
            self.inner.cast,
            self.inner.required
        )
    }
}

/// Decides a council motion given as a dict; `lang` (`"en"` or `"zh"`) is the language of
/// the explanation.
#[pyfunction]
#[pyo3(signature = (motion, *, lang = None))]
pub fn tally_motion(
    py: Python<'_>,
    motion: &Bound<'_, PyAny>,
    lang: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyMotionResult> {
    let parsed: motion::Motion = from_py(motion, "")?;
    let lang = lang.map_or(Ok(huaide::i18n::Lang::En), crate::i18n::lang_arg)?;
    let inner = or_raise(py, motion::tally_motion_in(&parsed, lang))?;
    Ok(PyMotionResult { inner })
}
