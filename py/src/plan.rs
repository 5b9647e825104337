//! `huaide.Plan`: load, validate, expand, export and measure a year's plan.

use huaide::error::read_document;
use huaide::plan;
use pyo3::prelude::*;
use pyo3::types::PyType;
use serde_json::{json, Value};

use crate::convert::{from_py, iso_text, or_raise, reduce_by_dict, to_py};

/// A plan document: sections, goals, venues, facilitators and programs.
///
/// Build one with `Plan(dict)`, `Plan.from_toml(text)`, `Plan.from_json(text)` or
/// `Plan.load(path)`; iterate over it for its programs.
#[pyclass(module = "huaide._huaide", name = "Plan", frozen, eq)]
#[derive(PartialEq)]
pub struct PyPlan {
    pub(crate) inner: plan::Plan,
}

/// One program of a plan (read-only; `to_dict()` gives its wire form).
#[pyclass(module = "huaide._huaide", name = "Program", frozen, eq)]
#[derive(PartialEq)]
pub struct PyProgram {
    inner: plan::Program,
}

fn query_value(from: &Bound<'_, PyAny>, to: &Bound<'_, PyAny>) -> PyResult<Value> {
    Ok(json!({ "from": iso_text(from)?, "to": iso_text(to)? }))
}

fn read_options<T: serde::de::DeserializeOwned>(py: Python<'_>, value: &Value) -> PyResult<T> {
    or_raise(py, read_document(value, ""))
}

#[pymethods]
impl PyPlan {
    /// A plan from its wire form (a dict).
    #[new]
    fn new(document: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyPlan {
            inner: from_py(document, "")?,
        })
    }

    /// A plan from TOML text.
    #[classmethod]
    fn from_toml(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<Self> {
        let inner = or_raise(py, plan::Plan::from_toml(text))?;
        Ok(PyPlan { inner })
    }

    /// A plan from JSON text.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<Self> {
        let inner = or_raise(py, plan::Plan::from_json(text))?;
        Ok(PyPlan { inner })
    }

    /// A plan from a file: JSON when the name ends in `.json`, TOML otherwise.
    #[classmethod]
    fn load(_cls: &Bound<'_, PyType>, py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
        let text = std::fs::read_to_string(&path)?;
        let is_json = path.extension().is_some_and(|ext| ext == "json");
        let parsed = if is_json {
            plan::Plan::from_json(&text)
        } else {
            plan::Plan::from_toml(&text)
        };
        Ok(PyPlan {
            inner: or_raise(py, parsed)?,
        })
    }

    /// The plan's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The programs, in plan order.
    #[getter]
    fn programs(&self) -> Vec<PyProgram> {
        self.inner
            .programs
            .iter()
            .map(|p| PyProgram { inner: p.clone() })
            .collect()
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyResult<Bound<'_, PyAny>> {
        let py = slf.py();
        let programs = slf.programs();
        let list = programs.into_pyobject(py)?;
        Ok(list.try_iter()?.into_any())
    }

    fn __len__(&self) -> usize {
        self.inner.programs.len()
    }

    /// Every finding (code, severity, path, message) as data: `{"ok", "errors", "warnings", "findings"}`;
    /// `lang` (`"en"` or `"zh"`) is the language of the messages.
    #[pyo3(signature = (*, lang = None))]
    fn validate<'py>(
        &self,
        py: Python<'py>,
        lang: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang = lang.map_or(Ok(huaide::i18n::Lang::En), crate::i18n::lang_arg)?;
        to_py(py, &self.inner.validate_in(lang))
    }

    /// Sessions from `start` to `end` (dates or ISO strings, both included), sorted;
    /// optionally only one program or one venue.
    #[pyo3(signature = (start, end, *, program=None, venue=None))]
    fn occurrences<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
        program: Option<String>,
        venue: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut query = query_value(start, end)?;
        query["program"] = program.map_or(Value::Null, Value::from);
        query["venue"] = venue.map_or(Value::Null, Value::from);
        let query: plan::OccurrenceQuery = read_options(py, &query)?;
        to_py(py, &or_raise(py, self.inner.occurrences(&query))?)
    }

    /// The iCalendar (RFC 5545) text of the plan, or of one program; `stamp` (an aware
    /// datetime or RFC 3339 string) is the DTSTAMP of every event.
    #[pyo3(signature = (stamp, *, program=None))]
    fn to_ics(
        &self,
        py: Python<'_>,
        stamp: &Bound<'_, PyAny>,
        program: Option<String>,
    ) -> PyResult<String> {
        let options = json!({ "stamp": iso_text(stamp)?, "program": program });
        let options: plan::IcsOptions = read_options(py, &options)?;
        or_raise(py, self.inner.to_ics(&options))
    }

    /// Each goal's targets against enrolment and attendance data (`{"as_of", "enrolments",
    /// "attendance", …}`): achieved, on track or behind, with the numbers.
    fn progress<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let input: plan::ProgressInput = from_py(data, "")?;
        to_py(py, &or_raise(py, self.inner.progress(&input))?)
    }

    /// The plan's wire form, as plain dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// The plan as pretty-printed JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        or_raise(py, self.inner.to_json())
    }

    /// The plan as TOML.
    fn to_toml(&self, py: Python<'_>) -> PyResult<String> {
        or_raise(py, self.inner.to_toml())
    }

    /// Pickles through the wire form (`Plan(plan.to_dict())`).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        let py = slf.py();
        let rebuild = py.get_type::<Self>().into_any();
        Ok((rebuild, (to_py(py, &slf.get().inner)?,)))
    }

    /// Draws the week of `week_of` (a date or ISO string) by venue with matplotlib (needs
    /// `huaide[plot]`); options as `huaide.plot.plot_timetable`.
    #[pyo3(signature = (week_of, **options))]
    fn plot_timetable<'py>(
        slf: &Bound<'py, Self>,
        week_of: &Bound<'py, PyAny>,
        options: Option<&Bound<'py, pyo3::types::PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let plot = slf.py().import("huaide.plot")?.getattr("plot_timetable")?;
        plot.call((slf, week_of), options)
    }

    fn __repr__(&self) -> String {
        format!(
            "Plan(id={:?}, programs={})",
            self.inner.id,
            self.inner.programs.len()
        )
    }
}

#[pymethods]
impl PyProgram {
    /// Stable id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    /// Kind, e.g. `class`, `exhibition`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }
    /// Title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// Description, if any.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.inner.description.as_deref()
    }
    /// Section id, if any.
    #[getter]
    fn section(&self) -> Option<&str> {
        self.inner.section.as_deref()
    }
    /// Tags.
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.inner.tags.clone()
    }
    /// Whether attendance is confidential.
    #[getter]
    fn confidential(&self) -> bool {
        self.inner.confidential
    }
    /// The program's wire form, as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// A program from its wire form (a dict, as `to_dict()` gives).
    #[staticmethod]
    fn from_dict(document: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyProgram {
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
        format!(
            "Program(id={:?}, kind={:?}, title={:?})",
            self.inner.id,
            self.inner.kind.as_str(),
            self.inner.title
        )
    }
}

/// The JSON Schema of the plan document, as JSON text.
#[pyfunction]
pub fn plan_json_schema() -> String {
    plan::json_schema()
}
