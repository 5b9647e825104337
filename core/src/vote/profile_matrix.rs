//! A [`Profile`] from a matrix of rankings: one row per ballot, candidate indices best first,
//! `-1` after the last mark of a shorter ranking (the layout of a NumPy integer array, or
//! of a column store's fixed-width ranking columns).
//!
//! [`Profile::from_matrix`] reads and checks every row in one pass and keeps the marks it
//! packed; only when a row is not clean does it read the matrix again, row by row, for the
//! exact error (the same as [`Profile::from_offsets`] on the packed rows).

use super::error::TallyError;
use super::profile::Profile;

/// An integer type a matrix of rankings may hold: NumPy's `int8` to `uint64`.
pub trait MatrixMark: Copy {
    /// The value, or `None` when it does not fit in an `i64`.
    fn value(self) -> Option<i64>;
}

macro_rules! matrix_mark {
    ($($t:ty),*) => {$(
        impl MatrixMark for $t {
            #[inline]
            fn value(self) -> Option<i64> {
                i64::try_from(self).ok()
            }
        }
    )*};
}

matrix_mark!(i8, u8, i16, u16, i32, u32, i64, u64);

/// The error of row `row`.
fn row_error(row: usize, message: String) -> TallyError {
    TallyError::InvalidOption {
        path: format!("profile[{row}].ranking"),
        message,
    }
}

/// The error of a matrix whose values do not make `rows` rows of `columns`.
fn shape_error(rows: usize, columns: usize, values: usize) -> TallyError {
    TallyError::InvalidOption {
        path: "profile".to_owned(),
        message: format!("{values} values do not make {rows} rows of {columns}"),
    }
}

impl Profile {
    /// The profile of a row-major matrix of `rows` rankings of `columns` values each: a row
    /// ranks candidate indices (`0..candidates`) best first, and a shorter ranking is padded
    /// with `-1` (a row of `-1`s ranks nobody); `counts`, when given, has one count per row.
    ///
    /// Errors: `invalid_option` at `profile` when `values` is not `rows × columns`, at
    /// `profile[i].ranking` for row `i` holding a value below `-1`, a mark after its
    /// padding or an index beyond 65535; then the errors of [`Profile::from_offsets`] (an
    /// index not below `candidates`, a candidate ranked twice, a zero count, the counts'
    /// length).
    ///
    /// ```
    /// use huaide::vote::Profile;
    /// let matrix: [i16; 6] = [0, 1, -1, 2, -1, -1];
    /// let profile = Profile::from_matrix(3, &matrix, 2, 3, None).unwrap();
    /// assert_eq!(profile.get(1), Some((&[2u16][..], 1)));
    /// ```
    pub fn from_matrix<T: MatrixMark>(
        candidates: usize,
        values: &[T],
        rows: usize,
        columns: usize,
        counts: Option<Vec<u64>>,
    ) -> Result<Self, TallyError> {
        if rows.checked_mul(columns) != Some(values.len()) {
            return Err(shape_error(rows, columns, values.len()));
        }
        let profile = Profile::new(candidates)?;
        let clean_counts = counts
            .as_ref()
            .is_none_or(|c| c.len() == rows && !c.contains(&0));
        if clean_counts && u32::try_from(values.len()).is_ok() {
            if let Some((marks, ends)) = pack_clean(candidates, values, rows, columns) {
                let counts = counts.unwrap_or_else(|| vec![1; rows]);
                return Ok(profile.assembled(marks, ends, counts));
            }
        }
        let (marks, offsets) = pack_exact(values, rows, columns)?;
        Profile::from_vecs(candidates, marks, offsets, counts)
    }
}

/// The marks and ends of the rows when every row is a clean ranking (indices below
/// `candidates`, none twice, `-1` padding only at the end), else `None`. One pass.
fn pack_clean<T: MatrixMark>(
    candidates: usize,
    values: &[T],
    rows: usize,
    columns: usize,
) -> Option<(Vec<u16>, Vec<u32>)> {
    if columns == 0 {
        return Some((Vec::new(), vec![0; rows]));
    }
    if candidates > 64 {
        return pack_clean_many(candidates, values, rows, columns);
    }
    let mut ends: Vec<u32> = Vec::with_capacity(rows);
    let limit = u64::try_from(candidates).ok()?;
    // Rankings are of any length, so the loop has no branch on the values and no chain
    // from one value to the next but sums: a row is clean when no mark is out of range, no
    // mark follows a `-1`, and its marks set as many bits as there are marks (none twice).
    // Each row is written whole at the end of the marks, which then grow by its marks only
    // (the buffer has one row of room beyond the values for that).
    let mut marks = vec![0u16; values.len().checked_add(columns)?];
    let mut len = 0usize;
    for row in values.chunks_exact(columns) {
        let (mut bits, mut count, mut bad, mut after_pad) = (0u64, 0usize, false, false);
        let slots = marks.get_mut(len..len.wrapping_add(columns))?;
        for (slot, v) in slots.iter_mut().zip(row) {
            let value = v.value().unwrap_or(i64::MIN);
            let pad = value == -1;
            // A negative value is out of range as a u64.
            let c = value as u64;
            bad |= !pad & ((c >= limit) | after_pad);
            bits |= 1u64.wrapping_shl((c & 63) as u32) & u64::from(!pad).wrapping_neg();
            count = count.wrapping_add(usize::from(!pad));
            after_pad = pad;
            *slot = c as u16;
        }
        if bad | (bits.count_ones() as usize != count) {
            return None;
        }
        // At most `columns` per row: `len` stays within `values.len()`.
        len = len.wrapping_add(count);
        ends.push(u32::try_from(len).ok()?);
    }
    marks.truncate(len);
    Some((marks, ends))
}

/// [`pack_clean`] for more than 64 candidates: a stamp per candidate (one more than the
/// row that last named it) finds a candidate ranked twice.
fn pack_clean_many<T: MatrixMark>(
    candidates: usize,
    values: &[T],
    rows: usize,
    columns: usize,
) -> Option<(Vec<u16>, Vec<u32>)> {
    let mut marks: Vec<u16> = Vec::with_capacity(values.len());
    let mut ends: Vec<u32> = Vec::with_capacity(rows);
    let mut stamps = vec![0u32; candidates];
    for (row, values) in values.chunks_exact(columns).enumerate() {
        let length = values
            .iter()
            .position(|v| v.value() == Some(-1))
            .unwrap_or(columns);
        let (ranking, padding) = values.split_at(length);
        if !padding.iter().all(|v| v.value() == Some(-1)) {
            return None;
        }
        let stamp = u32::try_from(row).ok()?.checked_add(1)?;
        for v in ranking {
            let c = v.value().and_then(|c| usize::try_from(c).ok())?;
            let last = stamps.get_mut(c)?;
            if *last == stamp {
                return None;
            }
            *last = stamp;
            marks.push(u16::try_from(c).ok()?);
        }
        ends.push(u32::try_from(marks.len()).ok()?);
    }
    Some((marks, ends))
}

/// The rows as a flat profile layout (offsets from 0), or the first row's error that the
/// layout cannot express: a value below `-1`, a mark after the padding, an index beyond
/// 65535 (or beyond 64 bits), more than 2^32 − 1 marks.
fn pack_exact<T: MatrixMark>(
    values: &[T],
    rows: usize,
    columns: usize,
) -> Result<(Vec<u16>, Vec<u32>), TallyError> {
    let mut marks: Vec<u16> = Vec::with_capacity(values.len());
    let mut offsets: Vec<u32> = Vec::with_capacity(rows.saturating_add(1));
    offsets.push(0);
    if columns == 0 {
        offsets.resize(rows.saturating_add(1), 0);
        return Ok((marks, offsets));
    }
    for (row, values) in values.chunks_exact(columns).enumerate() {
        let mut padded = false;
        for v in values {
            let fail = |message: String| Err(row_error(row, message));
            match v.value() {
                None => return fail("a value does not fit in 64 bits".to_owned()),
                Some(v) if v < -1 => return fail(format!("{v} is not a candidate index")),
                Some(-1) => padded = true,
                Some(_) if padded => {
                    return fail("a ranking continues after its -1 padding".to_owned())
                }
                Some(v) => match u16::try_from(v) {
                    Ok(c) => marks.push(c),
                    Err(_) => return fail(format!("candidate index {v} is out of range")),
                },
            }
        }
        let end = u32::try_from(marks.len())
            .map_err(|_| row_error(row, "more than 2^32 marks in one matrix".to_owned()))?;
        offsets.push(end);
    }
    Ok((marks, offsets))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::error::Fault;

    /// What pushing the rows one by one gives (the reference).
    fn by_rows(candidates: usize, values: &[i32], columns: usize) -> Result<Profile, TallyError> {
        let rows = values.len().checked_div(columns).unwrap_or(0);
        let (marks, offsets) = pack_exact(values, rows, columns)?;
        Profile::from_offsets(candidates, &marks, &offsets, None)
    }

    #[test]
    fn clean_and_unclean_matrices_match_the_row_by_row_reading() {
        let cases: [(usize, &[i32], usize); 8] = [
            (3, &[0, 1, -1, 2, -1, -1], 3),
            (3, &[-1, -1, -1, -1], 2),
            (3, &[0, 0, -1, 1], 2),
            (3, &[0, 3, 1, -1], 2),
            (3, &[0, -1, 1, 2], 2),
            (3, &[0, -2, 1, 2], 2),
            (3, &[0, 70000, 1, 2], 2),
            (100, &[99, 64, 0, 64, 99, 99], 3),
        ];
        for (candidates, values, columns) in cases {
            let rows = values.len() / columns;
            let got = Profile::from_matrix(candidates, values, rows, columns, None);
            assert_eq!(got, by_rows(candidates, values, columns), "{values:?}");
        }
    }

    #[test]
    fn shape_and_counts_are_checked() {
        let err = Profile::from_matrix(2, &[0i8, 1, -1], 2, 2, None).unwrap_err();
        assert_eq!(err.path(), Some("profile"));
        let err = Profile::from_matrix(2, &[0i8, 1], 1, 2, Some(vec![0])).unwrap_err();
        assert_eq!(err.code(), "invalid_count");
        let err = Profile::from_matrix(2, &[0i8, 1], 1, 2, Some(vec![1, 2])).unwrap_err();
        assert_eq!(err.path(), Some("profile.counts"));
        let empty = Profile::from_matrix(2, &[] as &[u8], 3, 0, None).unwrap();
        assert_eq!(empty.len(), 3);
        let big = Profile::from_matrix(2, &[u64::MAX, 0], 1, 2, None).unwrap_err();
        assert_eq!(big.path(), Some("profile[0].ranking"));
    }
}
