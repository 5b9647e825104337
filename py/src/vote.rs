//! `tally(election, ballots)` and its result object.

use huaide::{formats, vote};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::sync::Arc;

use crate::ballots_in::read_ballots;
use crate::convert::{from_py, or_raise, reduce_by_dict, run, to_py};
use crate::profile_in::read_profile;

/// The result of a count; `.to_dict()` gives exactly the wire format.
#[pyclass(module = "huaide._huaide", name = "TallyResult", frozen, eq)]
pub struct PyTallyResult {
    inner: vote::TallyResult,
    /// The election and ballots counted, kept for `.audit()` (`None`: a merged or file count).
    source: Option<Arc<Source>>,
}

/// Two results are equal when their wire forms are (what was read to reach them aside).
impl PartialEq for PyTallyResult {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

/// What a count read: ballots in a box, or a compact profile (made a box only for an audit).
enum Source {
    Ballots(vote::Election, vote::BallotBox),
    Profile(vote::Election, vote::Profile),
}

impl PyTallyResult {
    /// The result object of a core result that keeps no inputs.
    pub(crate) fn new(inner: vote::TallyResult) -> Self {
        PyTallyResult {
            inner,
            source: None,
        }
    }
}

#[pymethods]
impl PyTallyResult {
    /// The result as an `.xlsx` workbook (one row per candidate, one column per round, the
    /// inactive ballots by cause): the bytes, or written to `path`.
    #[pyo3(signature = (path=None))]
    fn to_xlsx<'py>(
        &self,
        py: Python<'py>,
        path: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Option<Bound<'py, pyo3::types::PyBytes>>> {
        let document = huaide::tables::TableDocument::Tally(self.inner.clone());
        crate::tables::deliver(py, crate::tables::write(py, &document, "xlsx", None)?, path)
    }
    /// The result as CSV (UTF-8 with BOM): the bytes, or written to `path`.
    #[pyo3(signature = (path=None))]
    fn to_csv<'py>(
        &self,
        py: Python<'py>,
        path: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Option<Bound<'py, pyo3::types::PyBytes>>> {
        let document = huaide::tables::TableDocument::Tally(self.inner.clone());
        crate::tables::deliver(py, crate::tables::write(py, &document, "csv", None)?, path)
    }
    /// The result table as a pandas DataFrame (needs pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::tables::to_pandas(
            py,
            &huaide::tables::TableDocument::Tally(self.inner.clone()),
            None,
        )
    }
    /// The election's id.
    #[getter]
    fn election(&self) -> &str {
        &self.inner.election
    }
    /// The method used.
    #[getter]
    fn method(&self) -> &'static str {
        self.inner.method.as_str()
    }
    /// Seats to fill.
    #[getter]
    fn seats(&self) -> u32 {
        self.inner.seats
    }
    /// Elected candidates, best first.
    #[getter]
    fn winners(&self) -> Vec<String> {
        self.inner.winners.clone()
    }
    /// Candidates in tiers, best first.
    #[getter]
    fn ranking(&self) -> Vec<Vec<String>> {
        self.inner.ranking.clone()
    }
    /// Votes per candidate.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.counts)
    }
    /// `{"cast", "valid", "rejected"}`.
    #[getter]
    fn ballots<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.ballots)
    }
    /// Every rejected ballot with its code.
    #[getter]
    fn rejected<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.rejected)
    }
    /// Every tie met and how it was settled.
    #[getter]
    fn ties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.ties)
    }
    /// True when every seat is filled.
    #[getter]
    fn complete(&self) -> bool {
        self.inner.complete
    }
    /// The result in the wire format, as plain dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// RCTab's detailed JSON report of an `irv` or `stv` (rule `rctab`) count, as a dict
    /// (what rcvis reads); `options` are the header fields (`contest`, `date`,
    /// `jurisdiction`, `office`, `generated_by`) and `candidates` in config order.
    #[pyo3(signature = (**options))]
    fn rctab_report<'py>(
        &self,
        py: Python<'py>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = report_options(options)?;
        let report = or_raise(py, formats::rctab_report(&self.inner, &options))?;
        to_py(py, &report)
    }
    /// RCTab's detailed CSV report, as text (CRLF line ends); options as `rctab_report`.
    #[pyo3(signature = (**options))]
    fn rctab_report_csv(
        &self,
        py: Python<'_>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<String> {
        let options = report_options(options)?;
        or_raise(py, formats::rctab_report_csv(&self.inner, &options))
    }
    /// The audit file of this count (a dict, for `json.dump`): the election and ballots in
    /// normal form, the seed, commitment and public value, and digests; `huaide.verify`
    /// re-runs it. `HuaideError` (`audit_unavailable`) for a merged or file count.
    fn audit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let Some(source) = &self.source else {
            let err = huaide::audit::AuditError::Unavailable {
                path: "result".to_owned(),
            };
            return Err(crate::errors::to_py_err(py, &err));
        };
        let audit = run(py, || match source.as_ref() {
            Source::Ballots(election, ballots) => {
                huaide::audit::audit_tally_box(election, ballots, &self.inner)
            }
            Source::Profile(election, profile) => {
                let ballots = profile.to_ballots(election).unwrap_or_default();
                let ballots = vote::BallotBox::from_ballots(election, &ballots)?;
                huaide::audit::audit_tally_box(election, &ballots, &self.inner)
            }
        })?;
        to_py(py, &audit)
    }
    /// A result from its wire form (a dict, as `to_dict()` gives).
    #[staticmethod]
    fn from_dict(document: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyTallyResult {
            inner: from_py(document, "")?,
            source: None,
        })
    }
    /// Pickles through the wire form.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        reduce_by_dict(slf.as_any(), &slf.get().inner)
    }
    /// Draws the count with matplotlib (needs `huaide[plot]`): rounds of an `irv`/`stv`
    /// count, or one bar per candidate; options as `huaide.plot.plot_tally`.
    #[pyo3(signature = (**options))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let plot = slf.py().import("huaide.plot")?.getattr("plot_tally")?;
        plot.call((slf,), options)
    }
    fn __repr__(&self) -> String {
        format!(
            "TallyResult(election={:?}, method={:?}, seats={}, winners={:?}, complete={})",
            self.inner.election,
            self.inner.method.as_str(),
            self.inner.seats,
            self.inner.winners,
            if self.inner.complete { "True" } else { "False" }
        )
    }
}

fn report_options(options: Option<&Bound<'_, PyDict>>) -> PyResult<formats::RctabReportOptions> {
    match options {
        Some(dict) => from_py(dict.as_any(), "options"),
        None => Ok(formats::RctabReportOptions::default()),
    }
}

/// Counts `ballots` in `election` (a dict). The ballots are a list (or any iterable,
/// streamed) of ballot dicts, of rankings given as lists, or a 2-D integer array of rankings
/// (see `ballots_in`). The count runs without the GIL.
#[pyfunction]
pub fn tally(
    py: Python<'_>,
    election: &Bound<'_, PyAny>,
    ballots: &Bound<'_, PyAny>,
) -> PyResult<PyTallyResult> {
    let election: vote::Election = from_py(election, "election")?;
    let ballots = read_ballots(&election, ballots)?;
    let inner = run(py, || vote::tally_box(&election, &ballots))?;
    Ok(PyTallyResult {
        inner,
        source: Some(Arc::new(Source::Ballots(election, ballots))),
    })
}

/// Counts a compact profile: `rankings` as lists of candidate indices (positions in the
/// election's `candidates`) or ids, best first, or a 2-D integer array (`-1` padding), with
/// an optional count per ranking (a list or a 1-D integer array). Same result as `tally` on
/// the equivalent ballots; the marks go straight into the core's profile. The count runs
/// without the GIL.
#[pyfunction]
#[pyo3(signature = (election, rankings, counts=None))]
pub fn tally_profile(
    py: Python<'_>,
    election: &Bound<'_, PyAny>,
    rankings: &Bound<'_, PyAny>,
    counts: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTallyResult> {
    let election: vote::Election = from_py(election, "election")?;
    let profile = read_profile(&election, rankings, counts)?;
    let inner = run(py, || vote::tally_profile(&election, &profile))?;
    Ok(PyTallyResult {
        inner,
        source: Some(Arc::new(Source::Profile(election, profile))),
    })
}

/// Counts one shard of an election's ballots; returns a plain dict (picklable, JSON-able)
/// to send back from a worker and combine with `merge_partials`.
#[pyfunction]
pub fn tally_partial<'py>(
    py: Python<'py>,
    election: &Bound<'py, PyAny>,
    ballots: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let election: vote::Election = from_py(election, "election")?;
    let ballots = read_ballots(&election, ballots)?;
    let partial = run(py, || vote::tally_partial_box(&election, &ballots))?;
    to_py(py, &partial)
}

/// Combines shard tallies (from `tally_partial`) into the result a single count would give.
#[pyfunction]
pub fn merge_partials(
    py: Python<'_>,
    election: &Bound<'_, PyAny>,
    partials: &Bound<'_, PyAny>,
) -> PyResult<PyTallyResult> {
    let election: vote::Election = from_py(election, "election")?;
    let partials: Vec<vote::PartialTally> = from_py(partials, "partials")?;
    let inner = or_raise(py, vote::merge_partials(&election, &partials))?;
    Ok(PyTallyResult::new(inner))
}
