//! Conversions between Python objects and the core's serde types.

use huaide::error::read_document;
use huaide::Fault;
use pyo3::prelude::*;
use pythonize::Depythonizer;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::errors::to_py_err;

/// Reads a core document from a Python object (a dict, list, …); `root` names it in
/// error paths (`election.candidates[2]`).
pub fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, root: &str) -> PyResult<T> {
    let mut source = Depythonizer::from_object(obj);
    read_document(&mut source, root).map_err(|err| to_py_err(obj.py(), &err))
}

/// Runs core work without the GIL and maps its error to the Python exception of its
/// family; a panic (a bug) becomes a `HuaideError` with code `internal` instead of
/// aborting the interpreter or raising `PanicException`.
pub fn run<T, E>(py: Python<'_>, work: impl FnOnce() -> Result<T, E> + Send) -> PyResult<T>
where
    T: Send,
    E: Fault + Send,
{
    match py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))) {
        Ok(result) => or_raise(py, result),
        Err(panic) => Err(crate::errors::internal(py, panic.as_ref())),
    }
}

/// Maps a core result's error to the Python exception of its family.
pub fn or_raise<T, E: Fault>(py: Python<'_>, result: Result<T, E>) -> PyResult<T> {
    result.map_err(|err| to_py_err(py, &err))
}

/// The wire form of a core value, as Python dicts, lists, strings and ints.
pub fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    crate::to_python::to_python(py, value)
}

/// A date or datetime argument as an ISO-8601 string: `datetime.date`/`datetime.datetime`
/// objects through their `isoformat()`, strings as they are (the core reads and checks them).
pub fn iso_text(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = value.extract::<String>() {
        return Ok(text);
    }
    value.call_method0("isoformat")?.extract()
}

/// `__reduce__` through the wire form: `(type(obj).from_dict, (the wire form of value,))`.
pub(crate) fn reduce_by_dict<'py, T: serde::Serialize>(
    obj: &Bound<'py, PyAny>,
    value: &T,
) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
    let rebuild = obj.get_type().getattr("from_dict")?;
    Ok((rebuild, (to_py(obj.py(), value)?,)))
}
