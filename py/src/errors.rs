//! The exception hierarchy: every core error becomes a subclass of `huaide.HuaideError`
//! (itself a `ValueError`, since every error so far is the input's fault), with `.code`,
//! `.path` and `.messages` (`{"en": …, "zh": …}`, the message in each language) attributes.

use huaide::i18n::{error_message, Lang};
use huaide::{ErrorFamily, Fault};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::IntoPyDict;
use pyo3::{create_exception, PyTypeInfo};

create_exception!(
    _huaide,
    HuaideError,
    PyValueError,
    "Base class of every huaide error."
);
create_exception!(
    _huaide,
    DocumentError,
    HuaideError,
    "A malformed input document."
);
create_exception!(
    _huaide,
    FormatError,
    DocumentError,
    "A ballot file that cannot be read (a DocumentError; `.path` gives the line)."
);
create_exception!(
    _huaide,
    TallyError,
    HuaideError,
    "An election that cannot be counted."
);
create_exception!(
    _huaide,
    MotionError,
    HuaideError,
    "A motion whose numbers are impossible."
);
create_exception!(
    _huaide,
    PlanError,
    HuaideError,
    "A plan that cannot be used."
);
create_exception!(
    _huaide,
    EnrolError,
    HuaideError,
    "An enrolment that cannot be applied."
);

/// Converts a core error into the Python exception of its family, with `.code` and `.path`.
pub fn to_py_err<E: Fault>(py: Python<'_>, err: &E) -> PyErr {
    let message = err.to_string();
    let pyerr = match err.family() {
        ErrorFamily::Document => DocumentError::new_err(message),
        ErrorFamily::Tally => TallyError::new_err(message),
        ErrorFamily::Motion => MotionError::new_err(message),
        ErrorFamily::Plan => PlanError::new_err(message),
        ErrorFamily::Enrol => EnrolError::new_err(message),
        ErrorFamily::Format => FormatError::new_err(message),
        _ => HuaideError::new_err(message),
    };
    let value = pyerr.value(py);
    let messages = [Lang::En, Lang::Zh].map(|lang| (lang.as_str(), error_message(err, lang)));
    if let Err(failure) = value
        .setattr("code", err.code())
        .and_then(|()| value.setattr("path", err.path()))
        .and_then(|()| value.setattr("messages", messages.into_py_dict(py)?))
    {
        return failure;
    }
    pyerr
}

/// The `HuaideError` (code `internal`, no path) for a panic in the core, with its message.
pub fn internal(py: Python<'_>, panic: &(dyn std::any::Any + Send)) -> PyErr {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    let err = HuaideError::new_err(format!(
        "internal error in huaide (please report it): {what}"
    ));
    let value = err.value(py);
    let text = err
        .value(py)
        .str()
        .map(|s| s.to_string())
        .unwrap_or_default();
    let messages = [("en", text.clone()), ("zh", text)];
    if let Err(failure) = value
        .setattr("code", "internal")
        .and_then(|()| value.setattr("path", py.None()))
        .and_then(|()| value.setattr("messages", messages.into_py_dict(py)?))
    {
        return failure;
    }
    err
}

/// A test-only entry point that panics inside the core's work, to check that a panic
/// becomes `HuaideError` with code `internal` and leaves the interpreter usable.
#[pyfunction]
pub fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    crate::convert::run(py, || -> Result<(), huaide::DocumentError> {
        panic!("a panic requested by a test")
    })
}

/// Adds the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("HuaideError", HuaideError::type_object(py))?;
    m.add("DocumentError", DocumentError::type_object(py))?;
    m.add("FormatError", FormatError::type_object(py))?;
    m.add("TallyError", TallyError::type_object(py))?;
    m.add("MotionError", MotionError::type_object(py))?;
    m.add("PlanError", PlanError::type_object(py))?;
    m.add("EnrolError", EnrolError::type_object(py))?;
    Ok(())
}
