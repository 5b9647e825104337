//! `read_ballots(input, format, **options)` and `write_ballots(file, format, **options)`:
//! every ballot file reader and writer behind one function each.

use huaide::formats;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{from_py, or_raise, to_py};

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
        let file = or_raise(
            py,
            py.detach(|| formats::read_ballot_bytes(&source, format, &options)),
        )?;
        return to_py(py, &file);
    }
    let input: formats::BallotInput = from_py(input, "input")?;
    let file = or_raise(
        py,
        py.detach(|| formats::read_ballot_file(&input, format, &options)),
    )?;
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
    or_raise(
        py,
        py.detach(|| formats::write_ballot_file(&file, format, &options)),
    )
}
