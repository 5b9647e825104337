//! The table writers, structure-aware: sheets of text, numbers, dates and blanks are
//! written as `.xlsx` and as CSV, then read back by the table reader, which must give the
//! cells that were written.

use arbitrary::{Arbitrary, Unstructured};
use chrono::NaiveDate;
use huaide::tables::grid::{number_text, Cell, Grid};
use huaide::tables::source::{read_grid, SourceOptions};
use huaide::tables::{write_csv, write_xlsx, Sheet, Value};

#[derive(Arbitrary, Debug)]
enum RawCell {
    Text(String),
    Number(i32, u8),
    Date(u16),
    Empty,
}

#[derive(Arbitrary, Debug)]
struct RawSheet {
    name: String,
    columns: Vec<String>,
    rows: Vec<Vec<RawCell>>,
}

fn value(cell: &RawCell) -> Value {
    match cell {
        RawCell::Text(t) => Value::Text(t.chars().take(40).collect()),
        RawCell::Number(n, d) => {
            Value::Number(f64::from(*n) / f64::from(1 + u32::from(*d % 4) * 3))
        }
        RawCell::Date(d) => Value::Date(
            NaiveDate::from_ymd_opt(1990, 1, 1)
                .and_then(|x| x.checked_add_days(chrono::Days::new(u64::from(*d % 20_000))))
                .unwrap_or_default(),
        ),
        RawCell::Empty => Value::Empty,
    }
}

fn sheet(raw: &RawSheet, i: usize) -> Sheet {
    let mut name: String = raw
        .name
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(20)
        .collect();
    if name.trim().is_empty() {
        name = format!("S{i}");
    }
    Sheet {
        name: format!("{name}{i}"),
        columns: raw
            .columns
            .iter()
            .take(6)
            .map(|c| c.chars().take(20).collect())
            .collect(),
        rows: raw
            .rows
            .iter()
            .take(12)
            .map(|r| r.iter().take(6).map(value).collect())
            .collect(),
    }
}

/// What a reader should see for a written value, as text (`csv`: CSV has no types).
fn expected(value: &Value, csv: bool) -> Cell {
    match value {
        Value::Text(t) => Cell::text(t),
        Value::Number(n) if csv => Cell::text(&number_text(*n)),
        Value::Number(n) => Cell::Number(*n),
        Value::Date(d) if csv => Cell::text(&d.to_string()),
        Value::Date(d) => Cell::Date(d.and_time(chrono::NaiveTime::MIN)),
        Value::DateTime(d) => Cell::Date(*d),
        Value::Empty => Cell::Empty,
    }
}

fn compare(sheet: &Sheet, grid: &Grid, csv: bool) {
    for (c, column) in sheet.columns.iter().enumerate() {
        assert_eq!(
            grid.cell(0, c),
            &Cell::text(column),
            "{}: header {c}",
            sheet.name
        );
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let got = grid.cell(r + 1, c);
            let want = expected(v, csv);
            // CSV cannot tell text that looks like a number from the number; compare text.
            let same = if csv {
                got.as_text() == want.as_text()
            } else {
                *got == want
            };
            assert!(
                same,
                "{}: row {r} column {c}: wrote {v:?}, read {got:?}",
                sheet.name
            );
        }
    }
}

/// A sheet whose header holds more unquoted `;` (or tabs) than it has commas between its
/// columns: its CSV reads as well with that delimiter, which the reader's guess prefers.
/// Inherent to guessing the delimiter; such sheets are checked as `.xlsx` only.
fn ambiguous(sheet: &Sheet) -> bool {
    let plain = || {
        sheet
            .columns
            .iter()
            .filter(|c| !c.contains([',', '"', '\n', '\r']))
    };
    let count = |x: char| plain().map(|c| c.matches(x).count()).sum::<usize>();
    let commas = sheet.columns.len().saturating_sub(1);
    count(';') > commas || count('\t') > commas
}

/// The fuzz body.
pub fn fuzz(data: &[u8]) {
    let Ok(raw) = Vec::<RawSheet>::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let sheets: Vec<Sheet> = raw
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, s)| sheet(s, i))
        .collect();
    if let Ok(bytes) = write_xlsx(&sheets) {
        assert_eq!(
            write_xlsx(&sheets).ok().as_ref(),
            Some(&bytes),
            "xlsx not deterministic"
        );
        for s in &sheets {
            let options = SourceOptions {
                sheet: Some(&s.name),
                ..SourceOptions::default()
            };
            let grid = read_grid("t.xlsx", &bytes, &options);
            assert!(
                grid.is_ok(),
                "{}: written workbook does not read: {grid:?}",
                s.name
            );
            if let Ok(grid) = grid {
                compare(s, &grid, false);
            }
        }
    }
    for s in sheets.iter().filter(|s| !ambiguous(s)) {
        if let Ok(bytes) = write_csv(s) {
            let grid = read_grid("t.csv", &bytes, &SourceOptions::default());
            assert!(
                grid.is_ok(),
                "{}: written CSV does not read: {grid:?}",
                s.name
            );
            if let Ok(grid) = grid {
                compare(s, &grid, true);
            }
        }
    }
}
