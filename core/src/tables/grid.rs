//! The cells of one sheet, read from CSV text or a workbook, as the readers see them.

use chrono::{NaiveDate, NaiveDateTime};

use super::finding::Place;

/// One cell's value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Cell {
    /// Nothing (or only spaces).
    #[default]
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number (spreadsheets store dates as numbers too, unless the cell is formatted as
    /// a date, which [`Cell::Date`] is).
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A date or date-time, from a cell formatted as one (a serial in the file).
    Date(NaiveDateTime),
}

impl Cell {
    /// A text cell, or empty when `text` is blank.
    pub fn text(text: &str) -> Cell {
        let t = text.trim();
        if t.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(t.to_owned())
        }
    }

    /// True for an empty cell.
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as text: numbers without a useless `.0`, dates as ISO 8601.
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Cell::Date(d) => {
                if d.time() == chrono::NaiveTime::MIN {
                    d.date().to_string()
                } else {
                    d.format("%Y-%m-%dT%H:%M:%S").to_string()
                }
            }
        }
    }
}

/// A number as a spreadsheet shows it: `12`, not `12.0`; `2.5` as it is.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One sheet: rows of cells as in the file, the first row of the file being row 1.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    /// Where the grid comes from (file and sheet).
    pub place: Place,
    /// Rows, each as long as its last non-empty cell.
    pub rows: Vec<Vec<Cell>>,
    /// Merged regions, as `(first row, first column, last row, last column)`, 0-based.
    pub merges: Vec<(u32, u32, u32, u32)>,
}

impl Grid {
    /// The cell at 0-based `row` and `column`.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&EMPTY)
    }

    /// The merged region holding a cell, if any.
    pub fn merge_of(&self, row: usize, column: usize) -> Option<(u32, u32, u32, u32)> {
        let (r, c) = (row as u32, column as u32);
        self.merges
            .iter()
            .copied()
            .find(|&(r0, c0, r1, c1)| (r0..=r1).contains(&r) && (c0..=c1).contains(&c))
    }
}

/// A date from an Excel serial (days since 1899-12-30, with Excel's phantom 1900-02-29).
pub fn date_from_serial(serial: f64, is_1904: bool) -> Option<NaiveDateTime> {
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = if is_1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    let mut days = serial.floor() as i64;
    if !is_1904 && days < 61 {
        // Excel counts 1900-02-29, which never was: serials below it are one day later.
        days = days.saturating_add(1);
    }
    let millis = ((serial - serial.floor()) * 86_400_000.0).round() as i64;
    let date = epoch.checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
    date.and_hms_opt(0, 0, 0)?
        .checked_add_signed(chrono::TimeDelta::try_milliseconds(millis)?)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn serials() {
        let d = |s| date_from_serial(s, false).unwrap().to_string();
        assert_eq!(d(38785.0), "2006-03-09 00:00:00");
        assert_eq!(d(38785.5), "2006-03-09 12:00:00");
        assert_eq!(d(60.0), "1900-03-01 00:00:00");
        assert_eq!(d(61.0), "1900-03-01 00:00:00");
        assert_eq!(d(1.0), "1900-01-01 00:00:00");
        assert!(date_from_serial(-1.0, false).is_none());
        assert_eq!(number_text(12.0), "12");
        assert_eq!(number_text(2.5), "2.5");
    }
}
