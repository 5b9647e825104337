//! `read_ballots(input, format, **options)` and `write_ballots(file, format, **options)`:
//! every ballot file reader and writer behind one function each; `rctab_report_options`.

use huaide::formats;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{from_py, or_raise, run, to_py};

/// Reads a ballot file: `input` is the text, or the files of an export (a dict of name to
/// text, or a list of `(name, text)` pairs); returns `{"candidates", "ballots", …}`.
/// `input` may also be `bytes`, a binary file object or an `os.PathLike` (a form export's
/// `.xlsx`, a GBK CSV); `name` gives the file name when the bytes come without one.
#[pyfunction]
#[pyo3(signature = (input, format, *, name=None, **options))]
pub fn read_ballots<'py>(
    py: Python<'py>,
    input: &Bound<'py, PyAny>,
    format: &Bound<'py, PyAny>,
    name: Option<String>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let format: formats::BallotFormat = from_py(format, "format")?;
    let options: formats::ReadOptions = match options {
        Some(dict) => from_py(dict.as_any(), "options")?,
        None => formats::ReadOptions::default(),
    };
    if let Some((name, bytes)) = crate::tables::file_arg(input, name, true)? {
        let source = huaide::tables::TableSource::new(&name, &bytes);
        let file = run(py, || formats::read_ballot_bytes(&source, format, &options))?;
        return to_py(py, &file);
    }
    let input: formats::BallotInput = from_py(input, "input")?;
    let file = run(py, || formats::read_ballot_file(&input, format, &options))?;
    to_py(py, &file)
}

/// Writes a ballot file (`{"candidates", "ballots", …}`, the shape `read_ballots` returns)
/// as BLT, PrefLib or CSV text; the other formats are read only (`format_unsupported`).
#[pyfunction]
#[pyo3(signature = (file, format, **options))]
pub fn write_ballots(
    py: Python<'_>,
    file: &Bound<'_, PyAny>,
    format: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let file: formats::BallotFile = from_py(file, "file")?;
    let format: formats::BallotFormat = from_py(format, "format")?;
    let options: formats::WriteOptions = match options {
        Some(dict) => from_py(dict.as_any(), "options")?,
        None => formats::WriteOptions::default(),
    };
    run(py, || formats::write_ballot_file(&file, format, &options))
}

/// The options of `TallyResult.rctab_report` read from an RCTab contest config (its JSON
/// text): the header fields and the candidates in config order.
#[pyfunction]
pub fn rctab_report_options<'py>(py: Python<'py>, config: &str) -> PyResult<Bound<'py, PyAny>> {
    let options = or_raise(py, formats::rctab_report_options(config))?;
    to_py(py, &options)
}

/// Reads a ballot file and counts it: `input` as for `read_ballots` (text, the files of an
/// export, or bytes, a binary file object or a path), `election` an election dict whose
/// fields but `method` may be left out (the file gives the candidates, the seats, the id,
/// …), `options` the reader's. The reading and the count run without the GIL.
#[pyfunction]
#[pyo3(signature = (input, format, election, *, name=None, **options))]
pub fn tally_file(
    py: Python<'_>,
    input: &Bound<'_, PyAny>,
    format: &Bound<'_, PyAny>,
    election: &Bound<'_, PyAny>,
    name: Option<String>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<crate::vote::PyTallyResult> {
    let format: formats::BallotFormat = from_py(format, "format")?;
    let election: formats::FileElection = from_py(election, "election")?;
    let options: formats::ReadOptions = match options {
        Some(dict) => from_py(dict.as_any(), "options")?,
        None => formats::ReadOptions::default(),
    };
    let inner = if let Some((name, bytes)) = crate::tables::file_arg(input, name, true)? {
        let source = huaide::tables::TableSource::new(&name, &bytes);
        run(py, || {
            formats::tally_ballot_bytes(&source, format, &options, &election)
        })?
    } else {
        let input: formats::BallotInput = from_py(input, "input")?;
        run(py, || {
            formats::tally_ballot_file(&input, format, &options, &election)
        })?
    };
    Ok(crate::vote::PyTallyResult::new(inner))
}
