//! Findings: every problem a table reader meets, as data, with its row and column.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::plan::Severity;

/// One problem found in a table: `people.xlsx: row 12, column 出生日期: invalid_date`.
///
/// Rows are 1-based as the spreadsheet shows them (the header row included); columns carry
/// their header text and their letter (`A`, `B`, … `AA`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableFinding {
    /// Stable snake_case code, e.g. `invalid_date`.
    pub code: String,
    /// `error`: the row (or the file) cannot be used as it is; `warning`: it was read, but
    /// probably not as meant.
    pub severity: Severity,
    /// The place, rendered: `people.xlsx: row 12, column 出生日期`.
    pub path: String,
    /// The file name given with the input (empty when none was).
    pub file: String,
    /// The sheet, for workbooks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The row, 1-based as the spreadsheet shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The column's header text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The column's letter (`A`, `B`, … `AA`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_letter: Option<String>,
    /// Human-readable explanation (not stable; compare codes, never messages).
    pub message: String,
}

/// The place of a cell or row in a file, from which findings and error paths are rendered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// File name (may be empty).
    pub file: String,
    /// Sheet, for workbooks.
    pub sheet: Option<String>,
    /// Row, 1-based.
    pub row: Option<u32>,
    /// Column: header text and 0-based index.
    pub column: Option<(String, usize)>,
}

/// The spreadsheet letter of the 0-based column `index`: `A`, …, `Z`, `AA`, ….
pub fn column_letter(index: usize) -> String {
    let mut n = (index as u64).saturating_add(1);
    let mut out = Vec::new();
    while n > 0 {
        // n ≥ 1 here, and a remainder of 26 is below 26, so b'A' + rem ≤ b'Z'.
        let rem = (n.saturating_sub(1) % 26) as u8;
        out.push(char::from(b'A'.saturating_add(rem)));
        n = n.saturating_sub(1) / 26;
    }
    out.iter().rev().collect()
}

impl Place {
    /// The place of a whole file.
    pub fn file(file: &str, sheet: Option<&str>) -> Self {
        Place {
            file: file.to_owned(),
            sheet: sheet.map(str::to_owned),
            row: None,
            column: None,
        }
    }

    /// This place at a row.
    pub fn at_row(&self, row: u32) -> Self {
        Place {
            row: Some(row),
            column: None,
            ..self.clone()
        }
    }

    /// This place at a column.
    pub fn at_column(&self, header: &str, index: usize) -> Self {
        Place {
            column: Some((header.to_owned(), index)),
            ..self.clone()
        }
    }

    /// `people.xlsx [名册]: row 12, column 出生日期` (parts that are unknown are left out).
    pub fn render(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(row) = self.row {
            parts.push(format!("row {row}"));
        }
        if let Some((header, index)) = &self.column {
            if header.is_empty() {
                parts.push(format!("column {}", column_letter(*index)));
            } else {
                parts.push(format!("column {header}"));
            }
        }
        let mut head = self.file.clone();
        if let Some(sheet) = &self.sheet {
            if head.is_empty() {
                head = format!("[{sheet}]");
            } else {
                head = format!("{head} [{sheet}]");
            }
        }
        match (head.is_empty(), parts.is_empty()) {
            (true, true) => ".".to_owned(),
            (true, false) => parts.join(", "),
            (false, true) => head,
            (false, false) => format!("{head}: {}", parts.join(", ")),
        }
    }

    /// A finding at this place.
    pub fn finding(
        &self,
        code: &str,
        severity: Severity,
        message: impl Into<String>,
    ) -> TableFinding {
        TableFinding {
            code: code.to_owned(),
            severity,
            path: self.render(),
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: self.row,
            column: self.column.as_ref().map(|(h, _)| h.clone()),
            column_letter: self.column.as_ref().map(|(_, i)| column_letter(*i)),
            message: message.into(),
        }
    }

    /// An error finding at this place.
    pub fn error(&self, code: &str, message: impl Into<String>) -> TableFinding {
        self.finding(code, Severity::Error, message)
    }

    /// A warning finding at this place.
    pub fn warning(&self, code: &str, message: impl Into<String>) -> TableFinding {
        self.finding(code, Severity::Warning, message)
    }
}

/// Sorts findings by row (file-level ones first), then column, then code; the order of a
/// reader's findings never depends on anything but the file.
pub(crate) fn sort_findings(findings: &mut [TableFinding]) {
    crate::sort::sort_by(findings, |a, b| {
        (
            a.row,
            a.column_letter.as_ref().map(|l| (l.len(), l.clone())),
            &a.code,
            &a.message,
        )
            .cmp(&(
                b.row,
                b.column_letter.as_ref().map(|l| (l.len(), l.clone())),
                &b.code,
                &b.message,
            ))
    });
}

/// The 1-based number of a 0-based row or column index, as the findings name it
/// (saturating at `u32::MAX`, far past any sheet the readers accept).
pub(crate) fn one_based(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX).saturating_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn paths() {
        let p = Place::file("people.xlsx", None)
            .at_row(12)
            .at_column("出生日期", 2);
        assert_eq!(p.render(), "people.xlsx: row 12, column 出生日期");
        assert_eq!(Place::file("", None).at_row(3).render(), "row 3");
        assert_eq!(
            Place::file("a.xlsx", Some("名册")).render(),
            "a.xlsx [名册]"
        );
    }
}
