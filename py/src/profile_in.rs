//! Compact profiles from Python objects: lists (or tuples, or any iterable, streamed) of
//! rankings of candidate indices or ids, and NumPy-style integer arrays read through the
//! buffer protocol in one bulk copy, whose bytes are then read in place as the array's
//! integers (a 2-D array of rankings, `-1` padding the shorter ones, and a 1-D array of
//! counts). NumPy itself is never imported.

use huaide::vote::{Election, MatrixMark, Profile, ProfileBuilder, TallyError};
use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt, PyMemoryView, PyString};
use std::borrow::Cow;

use crate::ballots_in::{is_document_like, CandidateCache};
use crate::convert::or_raise;
use crate::items::{for_each_item, sequence_len};

/// A C-ordered 1-D or 2-D integer array: the bytes of one `tobytes()` copy, decoded a row
/// at a time (never widened into one big buffer).
pub(crate) struct IntMatrix<'py> {
    dimensions: usize,
    rows: usize,
    columns: usize,
    bytes: Bound<'py, PyBytes>,
    width: usize,
    signed: bool,
}

impl IntMatrix<'_> {
    /// Calls `each(i, ranking)` for every row, where `ranking` is the row up to its first
    /// `-1`, or the reason the row is not a ranking (a value below `-1`, or a value after
    /// the `-1` padding).
    pub(crate) fn for_each_row<E>(
        &self,
        mut each: impl FnMut(usize, Result<&[i64], String>) -> Result<(), E>,
        too_wide: impl Fn() -> E,
    ) -> Result<(), E> {
        let row_bytes = self.columns.saturating_mul(self.width);
        let mut row = Vec::with_capacity(self.columns);
        if row_bytes == 0 {
            return (0..self.rows).try_for_each(|i| each(i, Ok(&[])));
        }
        for (i, chunk) in self.bytes.as_bytes().chunks_exact(row_bytes).enumerate() {
            decode(chunk, self.width, self.signed, &mut row).ok_or_else(&too_wide)?;
            each(i, ranking_of(&row))?;
        }
        Ok(())
    }

    /// The profile of a 2-D array (see [`Profile::from_matrix`]), reading the bytes as
    /// the array's integers in place (copied only when they are not aligned).
    fn profile(&self, candidates: usize, counts: Option<Vec<u64>>) -> Result<Profile, TallyError> {
        fn typed<T: MatrixMark + bytemuck::Pod>(
            m: &IntMatrix<'_>,
            candidates: usize,
            counts: Option<Vec<u64>>,
        ) -> Result<Profile, TallyError> {
            let bytes = m.bytes.as_bytes();
            let values: Cow<'_, [T]> = match bytemuck::try_cast_slice(bytes) {
                Ok(values) => Cow::Borrowed(values),
                Err(_) => Cow::Owned(bytemuck::pod_collect_to_vec(bytes)),
            };
            Profile::from_matrix(candidates, &values, m.rows, m.columns, counts)
        }
        match (self.width, self.signed) {
            (1, true) => typed::<i8>(self, candidates, counts),
            (1, false) => typed::<u8>(self, candidates, counts),
            (2, true) => typed::<i16>(self, candidates, counts),
            (2, false) => typed::<u16>(self, candidates, counts),
            (4, true) => typed::<i32>(self, candidates, counts),
            (4, false) => typed::<u32>(self, candidates, counts),
            (8, true) => typed::<i64>(self, candidates, counts),
            _ => typed::<u64>(self, candidates, counts),
        }
    }

    /// All values, row after row (`None` when one does not fit in 64 bits).
    pub(crate) fn values(&self) -> Option<Vec<i64>> {
        let mut out = Vec::with_capacity(self.rows.saturating_mul(self.columns));
        decode(self.bytes.as_bytes(), self.width, self.signed, &mut out)?;
        Some(out)
    }

    /// 1 or 2.
    pub(crate) fn dimensions(&self) -> usize {
        self.dimensions
    }
}

/// A row up to its first `-1`; the rest must be `-1`, and no value may be below `-1`.
fn ranking_of(row: &[i64]) -> Result<&[i64], String> {
    let end = row.iter().position(|&v| v < 0).unwrap_or(row.len());
    let (ranking, padding) = row.split_at(end);
    match padding.iter().find(|&&v| v != -1) {
        Some(&v) if v < -1 => Err(format!("{v} is not a candidate index")),
        Some(_) => Err("a ranking continues after its -1 padding".to_owned()),
        None => Ok(ranking),
    }
}

/// Appends the native-endian integers of `width` bytes in `bytes` to `out` (cleared first)
/// as `i64`s; `None` when one does not fit or the width is not 1, 2, 4 or 8.
fn decode(bytes: &[u8], width: usize, signed: bool, out: &mut Vec<i64>) -> Option<()> {
    fn each<const N: usize>(
        bytes: &[u8],
        out: &mut Vec<i64>,
        f: impl Fn([u8; N]) -> Option<i64>,
    ) -> Option<()> {
        for chunk in bytes.chunks_exact(N) {
            out.push(f(<[u8; N]>::try_from(chunk).ok()?)?);
        }
        Some(())
    }
    out.clear();
    match (width, signed) {
        (1, true) => each::<1>(bytes, out, |b| Some(i64::from(i8::from_ne_bytes(b)))),
        (1, false) => each::<1>(bytes, out, |b| Some(i64::from(u8::from_ne_bytes(b)))),
        (2, true) => each::<2>(bytes, out, |b| Some(i64::from(i16::from_ne_bytes(b)))),
        (2, false) => each::<2>(bytes, out, |b| Some(i64::from(u16::from_ne_bytes(b)))),
        (4, true) => each::<4>(bytes, out, |b| Some(i64::from(i32::from_ne_bytes(b)))),
        (4, false) => each::<4>(bytes, out, |b| Some(i64::from(u32::from_ne_bytes(b)))),
        (8, true) => each::<8>(bytes, out, |b| Some(i64::from_ne_bytes(b))),
        (8, false) => each::<8>(bytes, out, |b| i64::try_from(u64::from_ne_bytes(b)).ok()),
        _ => None,
    }
}

/// `obj` as an integer array when it exposes one through the buffer protocol (NumPy,
/// `array.array`, a `memoryview`), with 1 or 2 dimensions; `None` for other objects.
///
/// The array is read through a `memoryview` (its `format`, `shape` and one `tobytes()`
/// copy in C order), which the stable ABI for Python 3.10 offers, unlike the buffer API.
pub(crate) fn int_matrix<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Option<IntMatrix<'py>>> {
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Ok(None);
    }
    let Ok(view) = PyMemoryView::from(obj) else {
        return Ok(None);
    };
    let shape: Vec<usize> = view.getattr(intern!(obj.py(), "shape"))?.extract()?;
    let (dimensions, rows, columns) = match shape.as_slice() {
        [n] => (1, *n, 1),
        [rows, columns] => (2, *rows, *columns),
        shape => {
            return Err(PyTypeError::new_err(format!(
                "an array of rankings or counts has 1 or 2 dimensions, not {}",
                shape.len()
            )))
        }
    };
    let format: String = view.getattr(intern!(obj.py(), "format"))?.extract()?;
    let size: usize = view.getattr(intern!(obj.py(), "itemsize"))?.extract()?;
    let (order, code) = match format.chars().next() {
        Some(c @ ('@' | '=' | '<' | '>' | '!')) => (c, format.get(1..).unwrap_or("")),
        _ => ('@', format.as_str()),
    };
    let native = match order {
        '<' => cfg!(target_endian = "little"),
        '>' | '!' => cfg!(target_endian = "big"),
        _ => true,
    };
    let signed = match code {
        "b" | "h" | "i" | "l" | "q" | "n" if native => true,
        "B" | "H" | "I" | "L" | "Q" | "N" if native => false,
        _ => {
            return Err(PyTypeError::new_err(format!(
                "an array of rankings or counts must hold integers in native byte order, \
                 not format {format:?}"
            )))
        }
    };
    if ![1, 2, 4, 8].contains(&size) {
        return Err(PyTypeError::new_err(format!(
            "an array of rankings or counts must hold integers of 1, 2, 4 or 8 bytes, not {size}"
        )));
    }
    let bytes = view.call_method0(intern!(obj.py(), "tobytes"))?;
    let bytes = bytes.cast_into::<PyBytes>()?;
    if bytes.as_bytes().len() != rows.saturating_mul(columns).saturating_mul(size) {
        return Err(PyTypeError::new_err(
            "an array's bytes do not match its shape",
        ));
    }
    Ok(Some(IntMatrix {
        dimensions,
        rows,
        columns,
        bytes,
        width: size,
        signed,
    }))
}

/// The counts argument: `None`, a list or iterable of ints, or a 1-D integer array.
fn read_counts(counts: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<u64>>> {
    let Some(counts) = counts.filter(|c| !c.is_none()) else {
        return Ok(None);
    };
    if let Some(array) = int_matrix(counts)? {
        let values = array
            .values()
            .ok_or_else(|| PyTypeError::new_err("an array value does not fit in 64 bits"))?;
        return values
            .iter()
            .map(|&v| u64::try_from(v).ok())
            .collect::<Option<Vec<u64>>>()
            .map(Some)
            .ok_or_else(|| PyTypeError::new_err("counts must not be negative"));
    }
    if let Ok(counts) = counts.extract::<Vec<u64>>() {
        return Ok(Some(counts));
    }
    let counts: PyResult<Vec<u64>> = counts.try_iter()?.map(|c| c?.extract()).collect();
    Ok(Some(counts?))
}

/// Python's cached small `int` objects `0..n` (CPython keeps one object for each of 0 to
/// 256), recognised by address: a mark that *is* one of them is that index, with no call
/// into Python. The objects are held for the call, so an address cannot be another object's.
struct SmallInts<'py> {
    objects: Vec<Bound<'py, PyAny>>,
    /// The address of `0` and the shift of the distance between consecutive ones, when
    /// they are evenly spaced by a power of two (else every mark is looked up by a call).
    base: usize,
    shift: Option<u32>,
}

impl<'py> SmallInts<'py> {
    fn new(py: Python<'py>, candidates: usize) -> PyResult<Self> {
        let n = candidates.min(257);
        let objects = (0..n)
            .map(|i| Ok(i.into_pyobject(py)?.into_any()))
            .collect::<PyResult<Vec<_>>>()?;
        let address = |i: usize| objects.get(i).map_or(0, |o| o.as_ptr() as usize);
        let base = address(0);
        let stride = address(1).wrapping_sub(base);
        let even = stride.is_power_of_two()
            && (0..n).all(|i| address(i) == base.wrapping_add(i.wrapping_mul(stride)));
        let shift = even.then(|| stride.trailing_zeros());
        Ok(SmallInts {
            objects,
            base,
            shift,
        })
    }

    /// The index `item` is, when it is one of the cached objects.
    #[inline]
    fn index(&self, item: &Bound<'py, PyAny>) -> Option<u16> {
        let address = item.as_ptr() as usize;
        let i = address.wrapping_sub(self.base).checked_shr(self.shift?)?;
        let object = self.objects.get(i)?;
        (object.as_ptr() as usize == address).then(|| u16::try_from(i).ok())?
    }
}

/// The marks of one ranking into the builder.
fn ranking<'py>(
    py: Python<'py>,
    builder: &mut ProfileBuilder<'_>,
    cache: &mut CandidateCache<'py>,
    ids: &[(&str, u16)],
    small: &SmallInts<'py>,
    ranking: &Bound<'py, PyAny>,
) -> PyResult<()> {
    // `item` may be borrowed from the ranking (see `for_each_item`): only the last branch
    // can run Python code, and it takes its own reference first.
    let mut mark = |item: &Bound<'py, PyAny>| -> PyResult<()> {
        if let Some(index) = small.index(item) {
            builder.index(index);
            return Ok(());
        }
        if let Some(c) = cache.known(item).and_then(|c| u16::try_from(c).ok()) {
            builder.index(c);
            return Ok(());
        }
        if let Ok(id) = item.cast::<PyString>() {
            let found = cache.get(id, |text| {
                ids.binary_search_by(|(c, _)| (*c).cmp(text))
                    .ok()
                    .and_then(|at| ids.get(at))
                    .map_or(u32::MAX, |(_, c)| u32::from(*c))
            });
            return match found.and_then(|c| u16::try_from(c).ok()) {
                Some(c) => {
                    builder.index(c);
                    Ok(())
                }
                // Unknown (or not UTF-8): the builder's own error.
                None => or_raise(py, builder.id(&id.to_string_lossy())),
            };
        }
        let item = item.clone();
        let index: u16 = if item.is_exact_instance_of::<PyInt>() {
            item.extract().ok()
        } else {
            None
        }
        .or_else(|| item.extract().ok())
        .ok_or_else(|| {
            PyTypeError::new_err("a ranking mark must be a candidate index (0 to 65535) or id")
        })?;
        builder.index(index);
        Ok(())
    };
    match for_each_item(ranking, |item| mark(&item)) {
        Some(read) => read?,
        None => {
            for item in ranking.try_iter()? {
                mark(&item?)?;
            }
        }
    }
    or_raise(py, builder.end_ranking())
}

/// A 2-D array of rankings (`-1` padding) as a profile: [`Profile::from_matrix`].
fn from_matrix(
    py: Python<'_>,
    election: &Election,
    matrix: &IntMatrix,
    counts: Option<Vec<u64>>,
) -> PyResult<Profile> {
    if matrix.dimensions() != 2 {
        return Err(PyTypeError::new_err(
            "an array of rankings has 2 dimensions: one row per ranking",
        ));
    }
    or_raise(py, matrix.profile(election.candidates.len(), counts))
}

/// Reads `rankings` (and `counts`) for `election` into a profile.
pub(crate) fn read_profile<'py>(
    election: &Election,
    rankings: &Bound<'py, PyAny>,
    counts: Option<&Bound<'_, PyAny>>,
) -> PyResult<Profile> {
    let py = rankings.py();
    let counts = read_counts(counts)?;
    if let Some(matrix) = int_matrix(rankings)? {
        return from_matrix(py, election, &matrix, counts);
    }
    let mut ids: Vec<(&str, u16)> = election
        .candidates
        .iter()
        .enumerate()
        .filter_map(|(c, candidate)| Some((candidate.id(), u16::try_from(c).ok()?)))
        .collect();
    ids.sort_unstable();
    let mut cache = CandidateCache::new();
    let length = match sequence_len(rankings) {
        Some(n) => Some(n),
        None if is_document_like(rankings) => Some(rankings.len()?),
        None => rankings.len().ok(),
    };
    let mut builder = or_raise(py, ProfileBuilder::new(election, length, counts))?;
    let small = SmallInts::new(py, election.candidates.len())?;
    let mut read =
        |item: &Bound<'py, PyAny>| ranking(py, &mut builder, &mut cache, &ids, &small, item);
    // A ranking's odd mark can run Python code, so each ranking is held by a reference.
    match for_each_item(rankings, |item| read(&item.to_owned())) {
        Some(done) => done?,
        None => {
            for item in rankings.try_iter()? {
                read(&item?)?;
            }
        }
    }
    or_raise(py, builder.finish())
}
