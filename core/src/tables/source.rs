//! From a file's bytes to a [`Grid`]: CSV (any of the encodings of [`super::decode`]) or a
//! workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods` through `calamine`), within [`Limits`].
//!
//! **Zip bombs.** `.xlsx` and `.ods` files are zip archives. Before `calamine` sees one, every
//! entry is inflated once through a counting reader that stops at
//! [`Limits::max_unzipped_bytes`] (the declared sizes are checked first, but not trusted), so
//! a small file that inflates to gigabytes is a `too_large` error after at most that many
//! bytes of work. Cells are then read one by one (`.xlsx`), and a sheet whose cells would
//! need more than [`Limits::max_cells`] slots (a cell at `XFD1048576` of an otherwise tiny
//! sheet, say) is `too_large` before anything is allocated for it. `.xls` (BIFF8) sheets are
//! bounded by the format itself (65,536 × 256 cells).

use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Reader};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::decode::decode;
use super::finding::Place;
use super::grid::{date_from_serial, Cell, Grid};
use crate::formats::FormatError;

/// Size limits of the readers; each has a default, and a file past one is a `too_large`
/// error naming it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Most bytes of the file itself (default 64 MiB).
    pub max_bytes: u64,
    /// Most bytes a workbook's zip entries may inflate to, all together (default 256 MiB).
    pub max_unzipped_bytes: u64,
    /// Most rows of a sheet (default 1,000,000).
    pub max_rows: u64,
    /// Most columns of a sheet (default 16,384, Excel's).
    pub max_columns: u64,
    /// Most cells of a sheet, counted as rows times their widths (default 4,000,000).
    pub max_cells: u64,
    /// Most bytes of one cell's text (default 1 MiB; Excel itself stops at 32,767
    /// characters).
    pub max_cell_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_unzipped_bytes: 256 * 1024 * 1024,
            max_rows: 1_000_000,
            max_columns: 16_384,
            max_cells: 4_000_000,
            max_cell_bytes: 1024 * 1024,
        }
    }
}

/// Most entries of a workbook's zip archive.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Most merged regions read from one sheet.
pub const MAX_MERGES: usize = 100_000;

/// The kind of a table file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Delimited text.
    Csv,
    /// Office Open XML workbook.
    Xlsx,
    /// Excel 97–2003 (BIFF8) workbook.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
}

/// The kind of a file, from its name's extension, else from its first bytes.
pub fn file_kind(name: &str, bytes: &[u8]) -> FileKind {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "xlsx" | "xlsm" => return FileKind::Xlsx,
        "xls" if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => return FileKind::Xls,
        "ods" => return FileKind::Ods,
        "csv" | "txt" | "tsv" => return FileKind::Csv,
        _ => {}
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let ods = bytes
            .get(30..120)
            .is_some_and(|head| head.windows(11).any(|w| w == b"opendocumen"));
        if ods {
            FileKind::Ods
        } else {
            FileKind::Xlsx
        }
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        FileKind::Xls
    } else {
        FileKind::Csv
    }
}

/// How to read the bytes.
#[derive(Clone, Debug, Default)]
pub struct SourceOptions<'a> {
    /// Forced text encoding of a CSV file.
    pub encoding: Option<&'a str>,
    /// The sheet of a workbook (default: the first).
    pub sheet: Option<&'a str>,
    /// Size limits.
    pub limits: Limits,
}

pub(crate) fn too_large(path: impl Into<String>, what: &'static str, limit: u64) -> FormatError {
    FormatError::TooLarge {
        path: path.into(),
        what,
        limit,
    }
}

fn not_a_table(path: &str, message: impl std::fmt::Display) -> FormatError {
    FormatError::NotATable {
        path: if path.is_empty() {
            ".".to_owned()
        } else {
            path.to_owned()
        },
        message: message.to_string(),
    }
}

/// Reads the sheet of `bytes` named by `options` into a [`Grid`]; `name` is the file name
/// (for error paths and for the kind, by extension).
pub fn read_grid(
    name: &str,
    bytes: &[u8],
    options: &SourceOptions<'_>,
) -> Result<Grid, FormatError> {
    let limits = &options.limits;
    let file = Place::file(name, None).render();
    if bytes.len() as u64 > limits.max_bytes {
        return Err(too_large(file, "file size in bytes", limits.max_bytes));
    }
    match file_kind(name, bytes) {
        FileKind::Csv => read_csv_grid(name, bytes, options),
        FileKind::Xlsx => {
            check_zip(bytes, limits, &file)?;
            read_xlsx(name, bytes, options)
        }
        FileKind::Ods => {
            check_zip(bytes, limits, &file)?;
            let mut book =
                calamine::Ods::new(Cursor::new(bytes)).map_err(|e| not_a_table(&file, e))?;
            let sheet = pick_sheet(&book.sheet_names(), options.sheet, &file)?;
            let range = book
                .worksheet_range(&sheet)
                .map_err(|e| not_a_table(&file, e))?;
            grid_of_range(name, &sheet, &range, Vec::new(), limits)
        }
        FileKind::Xls => {
            let mut book =
                calamine::Xls::new(Cursor::new(bytes)).map_err(|e| not_a_table(&file, e))?;
            let sheet = pick_sheet(&book.sheet_names(), options.sheet, &file)?;
            let range = book
                .worksheet_range(&sheet)
                .map_err(|e| not_a_table(&file, e))?;
            let merges = book
                .merge_cells_by_sheet_name(&sheet)
                .unwrap_or_default()
                .into_iter()
                .take(MAX_MERGES)
                .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
                .collect();
            grid_of_range(name, &sheet, &range, merges, limits)
        }
    }
}

fn pick_sheet(names: &[String], wanted: Option<&str>, file: &str) -> Result<String, FormatError> {
    match wanted {
        None => names
            .first()
            .cloned()
            .ok_or_else(|| not_a_table(file, "the workbook has no sheet")),
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted || n.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| FormatError::UnknownSheet {
                path: "options.sheet".to_owned(),
                sheet: wanted.to_owned(),
                sheets: names.to_vec(),
            }),
    }
}

/// Inflates every entry once, counting, and refuses the archive past the limit.
fn check_zip(bytes: &[u8], limits: &Limits, file: &str) -> Result<(), FormatError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_a_table(file, e))?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(too_large(
            file,
            "number of zip entries",
            MAX_ZIP_ENTRIES as u64,
        ));
    }
    let limit = limits.max_unzipped_bytes;
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| not_a_table(file, e))?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > limit {
        return Err(too_large(file, "unzipped size in bytes", limit));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| not_a_table(file, e))?;
        let left = limit.saturating_sub(total);
        let mut bounded = entry.take(left.saturating_add(1));
        let n =
            std::io::copy(&mut bounded, &mut std::io::sink()).map_err(|e| not_a_table(file, e))?;
        total = total.saturating_add(n);
        if total > limit {
            return Err(too_large(file, "unzipped size in bytes", limit));
        }
    }
    Ok(())
}

/// Collects cells into rows, within the limits.
struct Builder<'a> {
    grid: Grid,
    limits: &'a Limits,
    cells: u64,
}

impl<'a> Builder<'a> {
    fn new(place: Place, limits: &'a Limits) -> Self {
        Builder {
            grid: Grid {
                place,
                rows: Vec::new(),
                merges: Vec::new(),
            },
            limits,
            cells: 0,
        }
    }

    fn path(&self) -> String {
        self.grid.place.render()
    }

    fn put(&mut self, row: u64, column: u64, cell: Cell) -> Result<(), FormatError> {
        if cell.is_empty() {
            return Ok(());
        }
        let limits = self.limits;
        if row >= limits.max_rows {
            return Err(too_large(self.path(), "number of rows", limits.max_rows));
        }
        if column >= limits.max_columns {
            return Err(too_large(
                self.path(),
                "number of columns",
                limits.max_columns,
            ));
        }
        if let Cell::Text(t) = &cell {
            if t.len() as u64 > limits.max_cell_bytes {
                let place = self
                    .grid
                    .place
                    .at_row(u32::try_from(row).unwrap_or(u32::MAX).saturating_add(1));
                return Err(too_large(
                    place.render(),
                    "cell size in bytes",
                    limits.max_cell_bytes,
                ));
            }
        }
        let (r, c) = (row as usize, column as usize);
        if self.grid.rows.len() <= r {
            self.grid.rows.resize_with(r.saturating_add(1), Vec::new);
        }
        let Some(cells) = self.grid.rows.get_mut(r) else {
            return Ok(());
        };
        if cells.len() <= c {
            let grow = c.saturating_add(1).saturating_sub(cells.len()) as u64;
            self.cells = self.cells.saturating_add(grow);
            if self.cells > limits.max_cells {
                return Err(too_large(
                    self.grid.place.render(),
                    "number of cells",
                    limits.max_cells,
                ));
            }
            cells.resize(c.saturating_add(1), Cell::Empty);
        }
        if let Some(slot) = cells.get_mut(c) {
            *slot = cell;
        }
        Ok(())
    }
}

fn delimiter(text: &str) -> u8 {
    // Counted in the first record, outside quotes: a quoted header may hold a line break,
    // tabs or commas of its own (the CSV writer quotes them).
    let (mut commas, mut tabs, mut semis) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => commas = commas.saturating_add(1),
            '\t' if !quoted => tabs = tabs.saturating_add(1),
            ';' if !quoted => semis = semis.saturating_add(1),
            _ => {}
        }
    }
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

fn read_csv_grid(
    name: &str,
    bytes: &[u8],
    options: &SourceOptions<'_>,
) -> Result<Grid, FormatError> {
    let place = Place::file(name, None);
    let decoded = decode(bytes, options.encoding, &place.render())?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&decoded.text))
        .from_reader(decoded.text.as_bytes());
    let mut builder = Builder::new(place, &options.limits);
    let mut record = csv::StringRecord::new();
    // Rows as a spreadsheet shows them: one per record, and one per blank line (which the
    // `csv` crate skips): `next_line` is the line after the previous record.
    let mut row: u64 = 0;
    let mut next_line: u64 = 1;
    let (mut counted_to, mut counted_line): (usize, u64) = (0, 1);
    let text = decoded.text.as_str();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => {
                let line = err.position().map_or(row.saturating_add(1), |p| p.line());
                return Err(FormatError::Syntax {
                    path: builder.grid.place.at_row(line as u32).render(),
                    message: err.to_string(),
                });
            }
        }
        // The record's first line, from its byte offset (the `csv` crate's own line count
        // leaves blank lines out).
        let mut start = record.position().map_or(counted_to, |p| p.byte() as usize);
        // The position is taken before the blank lines the crate skips.
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start = start.saturating_add(1);
        }
        counted_line = counted_line.saturating_add(
            text.as_bytes()
                .get(counted_to..start)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count() as u64),
        );
        counted_to = start.max(counted_to);
        let line = counted_line;
        row = row.saturating_add(line.saturating_sub(next_line));
        let breaks: u64 = record.iter().map(|f| f.matches('\n').count() as u64).sum();
        next_line = line.saturating_add(breaks).saturating_add(1);
        for (c, field) in record.iter().enumerate() {
            if field.len() as u64 > options.limits.max_cell_bytes {
                let at = builder
                    .grid
                    .place
                    .at_row(u32::try_from(row).unwrap_or(u32::MAX).saturating_add(1));
                return Err(too_large(
                    at.render(),
                    "cell size in bytes",
                    options.limits.max_cell_bytes,
                ));
            }
            builder.put(row, c as u64, Cell::text(field))?;
        }
        row = row.saturating_add(1);
        if row > options.limits.max_rows {
            return Err(too_large(
                builder.path(),
                "number of rows",
                options.limits.max_rows,
            ));
        }
    }
    Ok(builder.grid)
}

fn date_cell(dt: &calamine::ExcelDateTime) -> Cell {
    if dt.is_datetime() {
        let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
        chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(mo), u32::from(d))
            .and_then(|date| {
                date.and_hms_milli_opt(u32::from(h), u32::from(mi), u32::from(s), u32::from(ms))
            })
            .map_or(Cell::Number(dt.as_f64()), Cell::Date)
    } else {
        Cell::Number(dt.as_f64())
    }
}

fn cell_of_ref(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::text(s),
        DataRef::SharedString(s) => Cell::text(s),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_cell(dt),
        DataRef::Error(_) | DataRef::Empty => Cell::Empty,
    }
}

fn cell_of_data(value: &Data) -> Cell {
    match value {
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_cell(dt),
        Data::Error(_) | Data::Empty => Cell::Empty,
    }
}

fn read_xlsx(name: &str, bytes: &[u8], options: &SourceOptions<'_>) -> Result<Grid, FormatError> {
    let file = Place::file(name, None).render();
    let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| not_a_table(&file, e))?;
    let sheet = pick_sheet(&book.sheet_names(), options.sheet, &file)?;
    let mut builder = Builder::new(Place::file(name, Some(&sheet)), &options.limits);
    let merges: Vec<(u32, u32, u32, u32)> = book
        .merge_cells_by_sheet_name(&sheet)
        .unwrap_or_default()
        .into_iter()
        .take(MAX_MERGES)
        .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    {
        let mut cells = book
            .worksheet_cells_reader(&sheet)
            .map_err(|e| not_a_table(&file, e))?;
        while let Some(cell) = cells
            .next_cell()
            .map_err(|e| not_a_table(&builder.path(), e))?
        {
            let (row, column) = cell.get_position();
            builder.put(
                u64::from(row),
                u64::from(column),
                cell_of_ref(cell.get_value()),
            )?;
        }
    }
    builder.grid.merges = merges;
    Ok(builder.grid)
}

fn grid_of_range(
    name: &str,
    sheet: &str,
    range: &calamine::Range<Data>,
    merges: Vec<(u32, u32, u32, u32)>,
    limits: &Limits,
) -> Result<Grid, FormatError> {
    let mut builder = Builder::new(Place::file(name, Some(sheet)), limits);
    for (row, column, value) in range.used_cells() {
        let (r, c) = match range.start() {
            Some((r0, c0)) => (
                u64::from(r0).saturating_add(row as u64),
                u64::from(c0).saturating_add(column as u64),
            ),
            None => (row as u64, column as u64),
        };
        builder.put(r, c, cell_of_data(value))?;
    }
    builder.grid.merges = merges;
    Ok(builder.grid)
}

/// A date-time from a number cell: an Excel serial in the 1900 system.
pub(crate) fn serial_date(n: f64) -> Option<chrono::NaiveDateTime> {
    date_from_serial(n, false)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn csv_cells() {
        let grid = read_grid(
            "a.csv",
            "编号,姓名\n r1 ,张三\n\n,x\n".as_bytes(),
            &SourceOptions::default(),
        )
        .unwrap();
        assert_eq!(grid.cell(1, 0), &Cell::Text("r1".into()));
        assert_eq!(grid.cell(3, 1), &Cell::Text("x".into()), "{:?}", grid.rows);
        assert!(grid.cell(2, 0).is_empty());
    }

    #[test]
    fn a_quoted_header_with_tabs_and_a_line_break_keeps_the_comma() {
        // Found by the tables_write fuzz target: the CSV writer quotes such a header, and
        // the delimiter used to be guessed from its first physical line (a tab).
        assert_eq!(delimiter("\"a\tb\nc\",d\r\n1,2\r\n"), b',');
        assert_eq!(delimiter("a\tb\tc\n1,2\n"), b'\t');
        assert_eq!(delimiter("a;b;\"c,d\"\n"), b';');
    }

    #[test]
    fn limits_hold() {
        let options = SourceOptions {
            limits: Limits {
                max_cell_bytes: 4,
                ..Limits::default()
            },
            ..SourceOptions::default()
        };
        let err = read_grid("a.csv", b"a,bbbbbb\n", &options).unwrap_err();
        assert_eq!(crate::Fault::code(&err), "too_large");
        let err = read_grid("a.xlsx", b"PK\x03\x04garbage", &SourceOptions::default()).unwrap_err();
        assert_eq!(crate::Fault::code(&err), "format_not_a_table");
    }
}
