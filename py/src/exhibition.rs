//! `exhibition_elections(...)` and `tally_exhibition(...)`: an exhibition's per-category
//! elections built from the plan, and their count, as plain dicts in the wire format.

use huaide::exhibition;
use pyo3::prelude::*;

use crate::convert::{from_py, or_raise, run, to_py};
use crate::enrol::plan_arg;

/// Builds one election per category of the exhibition `program` of `plan` (a `Plan` or its
/// dict) from the `entries` residents made; `visitors` (person ids) become the shared roll.
/// Returns `{program, roll?, elections: [{category, title, entries, election}], findings}`.
#[pyfunction]
#[pyo3(signature = (plan, program, entries, *, visitors=None, options=None))]
pub fn exhibition_elections<'py>(
    py: Python<'py>,
    plan: &Bound<'py, PyAny>,
    program: &str,
    entries: &Bound<'py, PyAny>,
    visitors: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let plan = plan_arg(plan)?;
    let entries: Vec<exhibition::Entry> = from_py(entries, "entries")?;
    let visitors: Option<Vec<String>> = visitors.map(|v| from_py(v, "visitors")).transpose()?;
    let options: exhibition::ExhibitionOptions = match options {
        Some(options) => from_py(options, "options")?,
        None => exhibition::ExhibitionOptions::default(),
    };
    let built = or_raise(
        py,
        exhibition::exhibition_elections(&plan, program, &entries, visitors.as_deref(), &options),
    )?;
    to_py(py, &built)
}

/// Counts every category: `elections` as built by `exhibition_elections`, `ballots` a dict
/// of category id to that category's ballots. Returns `{program, roll?, voters, categories:
/// [{category, title, result}]}`. The counts run without the GIL.
#[pyfunction]
pub fn tally_exhibition<'py>(
    py: Python<'py>,
    elections: &Bound<'py, PyAny>,
    ballots: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let elections: exhibition::ExhibitionElections = from_py(elections, "elections")?;
    let ballots: exhibition::CategoryBallots = from_py(ballots, "ballots")?;
    let result = run(py, || exhibition::tally_exhibition(&elections, &ballots))?;
    to_py(py, &result)
}
