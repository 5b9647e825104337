//! Tables: `read_people`, `read_applications`, `write_table`, `table_sheets`, and the file
//! argument every table reader takes (a path, bytes, or a binary file object).

use huaide::plan::Plan;
use huaide::tables::{self, TableDocument, TableFormat, TableSource};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMemoryView, PyString};

use crate::convert::{from_py, run, to_py};
use crate::enrol::plan_arg;

/// The name and bytes of a file argument. `text_is_content`: whether a `str` is the file's
/// text (ballot files) rather than a path (tables).
pub(crate) fn file_arg(
    obj: &Bound<'_, PyAny>,
    name: Option<String>,
    text_is_content: bool,
) -> PyResult<Option<(String, Vec<u8>)>> {
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(Some((name.unwrap_or_default(), bytes.as_bytes().to_vec())));
    }
    if obj.cast::<PyByteArray>().is_ok() || obj.cast::<PyMemoryView>().is_ok() {
        let bytes: Vec<u8> = obj
            .py()
            .import("builtins")?
            .getattr("bytes")?
            .call1((obj,))?
            .extract()?;
        return Ok(Some((name.unwrap_or_default(), bytes)));
    }
    if obj.hasattr("read")? {
        let data = obj.call_method0("read")?;
        let bytes: Vec<u8> = match data.cast::<PyString>() {
            Ok(text) => text.to_str()?.as_bytes().to_vec(),
            Err(_) => data.extract()?,
        };
        let own: Option<String> = obj
            .getattr("name")
            .ok()
            .and_then(|n| n.extract::<String>().ok())
            .map(|n| base_name(&n));
        return Ok(Some((name.or(own).unwrap_or_default(), bytes)));
    }
    let is_str = obj.cast::<PyString>().is_ok();
    if is_str && text_is_content {
        return Ok(None);
    }
    if is_str || obj.hasattr("__fspath__")? {
        let path: String = obj
            .py()
            .import("os")?
            .call_method1("fspath", (obj,))?
            .extract()?;
        let bytes = std::fs::read(&path)
            .map_err(|err| pyo3::exceptions::PyOSError::new_err(format!("{path}: {err}")))?;
        return Ok(Some((name.unwrap_or_else(|| base_name(&path)), bytes)));
    }
    Ok(None)
}

/// The last component of a path: error paths name the file, not where it lives.
fn base_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

fn required_file(obj: &Bound<'_, PyAny>, name: Option<String>) -> PyResult<(String, Vec<u8>)> {
    file_arg(obj, name, false)?.ok_or_else(|| {
        pyo3::exceptions::PyTypeError::new_err("expected a path, bytes or a binary file object")
    })
}

fn options_of<T: serde::de::DeserializeOwned + Default>(
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    match options {
        Some(dict) => from_py(dict.as_any(), "options"),
        None => Ok(T::default()),
    }
}

/// Reads people from a CSV file or a workbook: `{"ok", "people", "findings", "columns", …}`.
#[pyfunction]
#[pyo3(signature = (file, *, name=None, **options))]
pub fn read_people<'py>(
    py: Python<'py>,
    file: &Bound<'py, PyAny>,
    name: Option<String>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (name, bytes) = required_file(file, name)?;
    let options: tables::PeopleOptions = options_of(options)?;
    let read = run(py, || {
        tables::read_people(&TableSource::new(&name, &bytes), &options)
    })?;
    to_py(py, &read)
}

/// Reads applications; with `plan`, choices may name programs by title and are checked.
#[pyfunction]
#[pyo3(signature = (file, *, name=None, plan=None, **options))]
pub fn read_applications<'py>(
    py: Python<'py>,
    file: &Bound<'py, PyAny>,
    name: Option<String>,
    plan: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (name, bytes) = required_file(file, name)?;
    let options: tables::ApplicationOptions = options_of(options)?;
    let plan: Option<Plan> = plan.map(plan_arg).transpose()?;
    let source = TableSource::new(&name, &bytes);
    let read = run(py, || {
        tables::read_applications(&source, &options, plan.as_ref())
    })?;
    to_py(py, &read)
}

pub(crate) fn document_of(
    py: Python<'_>,
    kind: &str,
    document: &Bound<'_, PyAny>,
) -> PyResult<TableDocument> {
    let wrapped = PyDict::new(py);
    wrapped.set_item("kind", kind)?;
    wrapped.set_item("document", document)?;
    from_py(wrapped.as_any(), "")
}

pub(crate) fn write(
    py: Python<'_>,
    document: &TableDocument,
    format: &str,
    sheet: Option<&str>,
) -> PyResult<Vec<u8>> {
    let format: TableFormat = from_py(PyString::new(py, format).as_any(), "format")?;
    run(py, || tables::write_table(document, format, sheet))
}

/// Writes bytes to `path` and returns `None`, or returns the bytes when `path` is `None`.
pub(crate) fn deliver<'py>(
    py: Python<'py>,
    bytes: Vec<u8>,
    path: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    match path {
        None => Ok(Some(PyBytes::new(py, &bytes))),
        Some(path) => {
            let path: String = py
                .import("os")?
                .call_method1("fspath", (path,))?
                .extract()?;
            std::fs::write(&path, bytes)
                .map_err(|err| pyo3::exceptions::PyOSError::new_err(format!("{path}: {err}")))?;
            Ok(None)
        }
    }
}

/// Writes a wire document (`kind`: `people`, `applications`, `allocation`, `occurrences`,
/// `tally`, `exhibition`) as `xlsx` (every sheet) or `csv` (one sheet); returns the bytes,
/// or writes them to `path`.
#[pyfunction]
#[pyo3(signature = (kind, document, format="xlsx", *, sheet=None, path=None))]
pub fn write_table<'py>(
    py: Python<'py>,
    kind: &str,
    document: &Bound<'py, PyAny>,
    format: &str,
    sheet: Option<&str>,
    path: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    let document = document_of(py, kind, document)?;
    let bytes = write(py, &document, format, sheet)?;
    deliver(py, bytes, path)
}

/// The sheets a document is written as: `[{"name", "columns", "rows"}]`, cells as `str`,
/// `float`, `datetime.date`, `datetime.datetime` or `None`.
pub(crate) fn sheets<'py>(
    py: Python<'py>,
    document: &TableDocument,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let datetime = py.import("datetime")?;
    let mut out = Vec::new();
    for sheet in tables::sheets_of(document) {
        let dict = PyDict::new(py);
        dict.set_item("name", &sheet.name)?;
        dict.set_item("columns", &sheet.columns)?;
        let mut rows = Vec::new();
        for row in &sheet.rows {
            let mut cells = Vec::new();
            for value in row {
                let cell: Bound<'py, PyAny> = match value {
                    tables::Value::Text(t) => PyString::new(py, t).into_any(),
                    tables::Value::Number(n) => n.into_pyobject(py)?.into_any(),
                    tables::Value::Date(d) => datetime
                        .getattr("date")?
                        .call_method1("fromisoformat", (d.to_string(),))?,
                    tables::Value::DateTime(d) => datetime.getattr("datetime")?.call_method1(
                        "fromisoformat",
                        (d.format("%Y-%m-%dT%H:%M:%S").to_string(),),
                    )?,
                    tables::Value::Empty => py.None().into_bound(py),
                };
                cells.push(cell);
            }
            rows.push(cells);
        }
        dict.set_item("rows", rows)?;
        out.push(dict);
    }
    Ok(out)
}

/// The sheets of a wire document, as `write_table` lays them out.
#[pyfunction]
pub fn table_sheets<'py>(
    py: Python<'py>,
    kind: &str,
    document: &Bound<'py, PyAny>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    sheets(py, &document_of(py, kind, document)?)
}

/// One sheet as a pandas DataFrame (pandas must be installed: `pip install huaide[pandas]`).
pub(crate) fn to_pandas<'py>(
    py: Python<'py>,
    document: &TableDocument,
    sheet: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let pandas = py.import("pandas").map_err(|_| {
        pyo3::exceptions::PyImportError::new_err(
            "to_pandas() needs pandas: pip install 'huaide[pandas]'",
        )
    })?;
    let all = sheets(py, document)?;
    let mut chosen = None;
    for s in all {
        let name: String = s
            .get_item("name")?
            .map(|n| n.extract())
            .transpose()?
            .unwrap_or_default();
        if sheet.is_none_or(|want| want == name) {
            chosen = Some(s);
            break;
        }
    }
    let Some(chosen) = chosen else {
        let err = huaide::formats::FormatError::UnknownSheet {
            path: "sheet".to_owned(),
            sheet: sheet.unwrap_or_default().to_owned(),
            sheets: Vec::new(),
        };
        return Err(crate::errors::to_py_err(py, &err));
    };
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", chosen.get_item("columns")?)?;
    pandas.call_method("DataFrame", (chosen.get_item("rows")?,), Some(&kwargs))
}
