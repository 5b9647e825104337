//! `huaide.allocate(...)`, its `Allocation` and the `EnrolmentState` that follows it.

use huaide::enrol::{self, Application, Person, SharedPart};
use huaide::error::read_document;
use huaide::plan::Plan;
use pyo3::prelude::*;
use serde_json::{json, Value};
use std::sync::Arc;

use crate::convert::{from_py, iso_text, or_raise, run, to_py};
use crate::plan::PyPlan;

/// The outcome of an allocation. `to_dict()` is the shareable form, which leaves out
/// confidential programs; `for_program(id)` shows one program in full, confidential or not.
#[pyclass(module = "huaide._huaide", name = "Allocation", frozen)]
pub struct PyAllocation {
    inner: enrol::Allocation,
    /// The inputs allocated, for `.audit()`.
    inputs: Arc<Inputs>,
}

/// The inputs of an allocation (their wire form is what an `Allocation` pickles to).
#[derive(serde::Serialize, serde::Deserialize)]
struct Inputs {
    plan: Plan,
    people: Vec<Person>,
    applications: Vec<Application>,
    options: enrol::AllocationOptions,
}

/// The enrolment state after an allocation and the events applied to it so far.
#[pyclass(module = "huaide._huaide", name = "EnrolmentState")]
pub struct PyEnrolmentState {
    inner: enrol::EnrolmentState,
}

/// A plan given as a `Plan` object or as its wire form.
pub(crate) fn plan_arg(plan: &Bound<'_, PyAny>) -> PyResult<Plan> {
    match plan.cast::<PyPlan>() {
        Ok(object) => Ok(object.get().inner.clone()),
        Err(_) => from_py(plan, "plan"),
    }
}

fn unknown_program(py: Python<'_>, program: &str) -> PyErr {
    let err = enrol::EnrolError::UnknownProgram {
        path: "program".to_owned(),
        id: program.to_owned(),
    };
    crate::errors::to_py_err(py, &err)
}

/// Allocates the seats of `plan` among `applications` by `people`; `seed` is the published
/// lottery seed and `as_of` the allocation date (a `datetime.date` or ISO string);
/// `commitment` is the seed's published commitment (`seed_mismatch` unless it matches) and
/// `public_value` a value mixed into the seed.
#[pyfunction]
#[pyo3(signature = (plan, people, applications, *, seed, as_of, mechanism=None, commitment=None,
                    public_value=None))]
#[allow(clippy::too_many_arguments)]
pub fn allocate(
    py: Python<'_>,
    plan: &Bound<'_, PyAny>,
    people: &Bound<'_, PyAny>,
    applications: &Bound<'_, PyAny>,
    seed: String,
    as_of: &Bound<'_, PyAny>,
    mechanism: Option<String>,
    commitment: Option<String>,
    public_value: Option<String>,
) -> PyResult<PyAllocation> {
    let plan = plan_arg(plan)?;
    let people: Vec<Person> = crate::enrol_in::read_people(people)?;
    let applications: Vec<Application> = crate::enrol_in::read_applications(applications)?;
    let mut options = json!({ "seed": seed, "as_of": iso_text(as_of)? });
    if let Some(mechanism) = mechanism {
        options["mechanism"] = Value::from(mechanism);
    }
    if let Some(commitment) = commitment {
        options["commitment"] = Value::from(commitment);
    }
    if let Some(public_value) = public_value {
        options["public_value"] = Value::from(public_value);
    }
    let options: enrol::AllocationOptions = or_raise(py, read_document(&options, ""))?;
    let inner = run(py, || {
        enrol::allocate(&plan, &people, &applications, &options)
    })?;
    let inputs = Arc::new(Inputs {
        plan,
        people,
        applications,
        options,
    });
    Ok(PyAllocation { inner, inputs })
}

/// An `Allocation` from the inputs it pickled (see `Allocation.__reduce__`).
#[pyfunction]
pub fn _allocation_from_inputs(py: Python<'_>, inputs: &str) -> PyResult<PyAllocation> {
    let inputs: Inputs = or_raise(py, huaide::error::read_json(inputs, ""))?;
    let inner = run(py, || {
        enrol::allocate(
            &inputs.plan,
            &inputs.people,
            &inputs.applications,
            &inputs.options,
        )
    })?;
    Ok(PyAllocation {
        inner,
        inputs: Arc::new(inputs),
    })
}

#[pymethods]
impl PyAllocation {
    /// Every applicant in the order of the draw (confidential-only applicants left out).
    #[getter]
    fn draw<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.shared_part(SharedPart::Draw))
    }
    /// `{person: [program ids]}`.
    #[getter]
    fn assignments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.shared_part(SharedPart::Assignments))
    }
    /// `{program: {"status", "enrolled", "waitlist", …}}`.
    #[getter]
    fn programs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.shared_part(SharedPart::Programs))
    }
    /// `{person: [{"program", "code", …}]}`: a reason for every applicant × choice.
    #[getter]
    fn decisions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.shared_part(SharedPart::Decisions))
    }
    /// The shareable wire form (confidential programs left out).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// The shared form as an `.xlsx` workbook (rosters, decisions, programs, one sheet per
    /// program; confidential programs left out): the bytes, or written to `path`.
    #[pyo3(signature = (path=None))]
    fn to_xlsx<'py>(
        &self,
        py: Python<'py>,
        path: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Option<Bound<'py, pyo3::types::PyBytes>>> {
        let document = self.table_document(py)?;
        crate::tables::deliver(py, crate::tables::write(py, &document, "xlsx", None)?, path)
    }
    /// One sheet of the shared form (default `rosters`) as CSV, UTF-8 with BOM: the bytes,
    /// or written to `path`.
    #[pyo3(signature = (path=None, *, sheet=None))]
    fn to_csv<'py>(
        &self,
        py: Python<'py>,
        path: Option<&Bound<'py, PyAny>>,
        sheet: Option<&str>,
    ) -> PyResult<Option<Bound<'py, pyo3::types::PyBytes>>> {
        let document = self.table_document(py)?;
        crate::tables::deliver(py, crate::tables::write(py, &document, "csv", sheet)?, path)
    }
    /// One sheet of the shared form (default `rosters`) as a pandas DataFrame (needs pandas).
    #[pyo3(signature = (sheet=None))]
    fn to_pandas<'py>(&self, py: Python<'py>, sheet: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        crate::tables::to_pandas(py, &self.table_document(py)?, sheet)
    }
    /// One program in full, confidential ones included; `EnrolError` (`unknown_program`) for an unknown id.
    fn for_program<'py>(&self, py: Python<'py>, program: &str) -> PyResult<Bound<'py, PyAny>> {
        let report = self
            .inner
            .for_program(program)
            .ok_or_else(|| unknown_program(py, program))?;
        to_py(py, &report)
    }
    /// The enrolment state after `events` (a list of event dicts), applied in order.
    #[pyo3(signature = (events=None))]
    fn replay(
        &self,
        py: Python<'_>,
        events: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyEnrolmentState> {
        let events: Vec<enrol::Event> = match events {
            Some(events) => from_py(events, "events")?,
            None => Vec::new(),
        };
        let inner = or_raise(py, enrol::EnrolmentState::replay(&self.inner, &events))?;
        Ok(PyEnrolmentState { inner })
    }
    /// The audit file of this allocation (a dict, for `json.dump`); `huaide.verify` re-runs
    /// it. With `redact`, or when the plan has a confidential program, `people` and
    /// `applications` are left out, so the file can be published.
    #[pyo3(signature = (*, redact=false))]
    fn audit<'py>(&self, py: Python<'py>, redact: bool) -> PyResult<Bound<'py, PyAny>> {
        let inputs = huaide::audit::AllocationInputs {
            plan: &self.inputs.plan,
            people: &self.inputs.people,
            applications: &self.inputs.applications,
            options: &self.inputs.options,
        };
        let audit = run(py, || {
            huaide::audit::audit_allocation_of(inputs, &self.inner, redact)
        })?;
        to_py(py, &audit)
    }
    /// Equal when the outcomes are: the shared form and every program's own report.
    fn __eq__(&self, other: &Self) -> bool {
        self.outcome() == other.outcome()
    }
    /// Pickles through the inputs (plan, people, applications, options): unpickling runs the
    /// allocation again, which gives the same outcome bit for bit. The pickle holds the
    /// people and applications of confidential programs too: keep it as private as the roll.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let py = slf.py();
        let text = serde_json::to_string(slf.get().inputs.as_ref())
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let rebuild = py
            .import("huaide._huaide")?
            .getattr("_allocation_from_inputs")?;
        Ok((rebuild, (text,)))
    }
    fn __repr__(&self) -> String {
        format!(
            "Allocation(mechanism={:?}, applicants={})",
            self.inner.mechanism,
            self.inner.applicants()
        )
    }
}

impl PyAllocation {
    /// The outcome in full, as text: the shared form, then each program's own report.
    fn outcome(&self) -> Vec<String> {
        let mut out = vec![serde_json::to_string(&self.inner).unwrap_or_default()];
        for program in &self.inputs.plan.programs {
            if let Some(report) = self.inner.for_program(&program.id) {
                out.push(serde_json::to_string(&report).unwrap_or_default());
            }
        }
        out
    }

    fn table_document(&self, py: Python<'_>) -> PyResult<huaide::tables::TableDocument> {
        crate::tables::document_of(py, "allocation", &to_py(py, &self.inner)?)
    }
}

#[pymethods]
impl PyEnrolmentState {
    /// Applies one event (a dict); a failed event leaves the state unchanged.
    fn apply(&mut self, py: Python<'_>, event: &Bound<'_, PyAny>) -> PyResult<()> {
        let event: enrol::Event = from_py(event, "event")?;
        or_raise(py, self.inner.apply(&event))
    }
    /// The shareable wire form (confidential programs left out).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// One program in full, confidential ones included; `EnrolError` (`unknown_program`) for an unknown id.
    fn for_program<'py>(&self, py: Python<'py>, program: &str) -> PyResult<Bound<'py, PyAny>> {
        let state = self
            .inner
            .for_program(program)
            .ok_or_else(|| unknown_program(py, program))?;
        to_py(py, &state)
    }
}
