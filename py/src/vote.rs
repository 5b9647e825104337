//! `tally(election, ballots)` and its result object.

use huaide::vote;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::convert::{from_py, or_raise, to_py};

/// The result of a count; `.to_dict()` gives exactly the wire format.
#[pyclass(module = "huaide._huaide", name = "TallyResult", frozen)]
pub struct PyTallyResult {
    inner: vote::TallyResult,
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
    fn __repr__(&self) -> String {
        format!(
            "TallyResult(election={:?}, winners={:?}, complete={})",
            self.inner.election,
            self.inner.winners,
            if self.inner.complete { "True" } else { "False" }
        )
    }
}

/// Counts `ballots` (a list of dicts) in `election` (a dict). The count runs without the GIL.
#[pyfunction]
pub fn tally(
    py: Python<'_>,
    election: &Bound<'_, PyAny>,
    ballots: &Bound<'_, PyAny>,
) -> PyResult<PyTallyResult> {
    let election: vote::Election = from_py(election, "election")?;
    let ballots: Vec<vote::Ballot> = from_py(ballots, "ballots")?;
    let inner = or_raise(py, py.detach(|| vote::tally(&election, &ballots)))?;
    Ok(PyTallyResult { inner })
}

/// Counts a compact profile: `rankings` as lists of candidate indices (positions in the
/// election's `candidates`) or ids, best first, with an optional count per ranking. Same
/// result as `tally` on the equivalent ballots; much less to convert: the marks go straight
/// into the core's profile, without building a dict or list per ballot. The count runs
/// without the GIL.
#[pyfunction]
#[pyo3(signature = (election, rankings, counts=None))]
pub fn tally_profile(
    py: Python<'_>,
    election: &Bound<'_, PyAny>,
    rankings: &Bound<'_, PyAny>,
    counts: Option<Vec<u64>>,
) -> PyResult<PyTallyResult> {
    let election: vote::Election = from_py(election, "election")?;
    let mut builder = or_raise(
        py,
        vote::ProfileBuilder::new(&election, rankings.len()?, counts),
    )?;
    let mark = |builder: &mut vote::ProfileBuilder, item: Bound<'_, PyAny>| -> PyResult<()> {
        if let Ok(id) = item.cast::<PyString>() {
            return or_raise(py, builder.id(id.to_str()?));
        }
        let index: u16 = item.extract().map_err(|_| {
            PyTypeError::new_err("a ranking mark must be a candidate index (0 to 65535) or id")
        })?;
        builder.index(index);
        Ok(())
    };
    for ranking in rankings.try_iter()? {
        let ranking = ranking?;
        if let Ok(list) = ranking.cast::<PyList>() {
            for item in list.iter() {
                mark(&mut builder, item)?;
            }
        } else if let Ok(tuple) = ranking.cast::<PyTuple>() {
            for item in tuple.iter() {
                mark(&mut builder, item)?;
            }
        } else {
            for item in ranking.try_iter()? {
                mark(&mut builder, item?)?;
            }
        }
        or_raise(py, builder.end_ranking())?;
    }
    let profile = or_raise(py, builder.finish())?;
    let inner = or_raise(py, py.detach(|| vote::tally_profile(&election, &profile)))?;
    Ok(PyTallyResult { inner })
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
    let ballots: Vec<vote::Ballot> = from_py(ballots, "ballots")?;
    let partial = or_raise(py, py.detach(|| vote::tally_partial(&election, &ballots)))?;
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
    Ok(PyTallyResult { inner })
}
