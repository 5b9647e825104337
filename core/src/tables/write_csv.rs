//! A sheet as CSV: UTF-8 with a byte-order mark, so Excel opens Chinese text correctly;
//! `\r\n` line ends, quoting through the `csv` crate.

use super::grid::number_text;
use super::write::{Sheet, Value};
use crate::formats::FormatError;

/// The text of a cell in CSV: numbers without a useless `.0`, dates ISO, date-times
/// `YYYY-MM-DD HH:MM:SS`.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Number(n) => number_text(*n),
        Value::Date(d) => d.to_string(),
        Value::DateTime(dt) => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
        Value::Empty => String::new(),
    }
}

/// Writes one sheet as CSV bytes (UTF-8 with BOM).
pub fn write_csv(sheet: &Sheet) -> Result<Vec<u8>, FormatError> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(&mut out);
        let fail = |e: csv::Error| FormatError::Unwritable {
            path: sheet.name.clone(),
            message: e.to_string(),
        };
        writer.write_record(&sheet.columns).map_err(fail)?;
        for row in &sheet.rows {
            let mut cells: Vec<String> = row.iter().map(value_text).collect();
            cells.resize(sheet.columns.len().max(cells.len()), String::new());
            writer.write_record(&cells).map_err(fail)?;
        }
        writer.flush().map_err(|e| FormatError::Unwritable {
            path: sheet.name.clone(),
            message: e.to_string(),
        })?;
    }
    Ok(out)
}
