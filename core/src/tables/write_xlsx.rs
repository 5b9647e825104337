//! Sheets as one `.xlsx` workbook through `rust_xlsxwriter`: one worksheet per sheet, a bold
//! frozen header row, columns sized to their text, dates as date cells. The document's
//! creation time is fixed (2000-01-01) and the zip entries carry the zip epoch, so the
//! same sheets always give the same bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::write::{Sheet, Value};
use crate::formats::FormatError;

fn fail(path: &str) -> impl Fn(XlsxError) -> FormatError + '_ {
    move |e| FormatError::Unwritable {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

/// Display width of a text (CJK characters count two).
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
        .sum()
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    bold: &Format,
    date: &Format,
    datetime: &Format,
) -> Result<(), FormatError> {
    let err = fail(&sheet.name);
    ws.set_name(&sheet.name).map_err(&err)?;
    let mut widths: Vec<usize> = sheet.columns.iter().map(|c| width(c)).collect();
    for (c, h) in sheet.columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, bold)
            .map_err(&err)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r.saturating_add(1)).map_err(|_| FormatError::Unwritable {
            path: sheet.name.clone(),
            message: "too many rows".to_owned(),
        })?;
        for (c, value) in row.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| FormatError::Unwritable {
                path: sheet.name.clone(),
                message: "too many columns".to_owned(),
            })?;
            let shown = match value {
                Value::Text(t) => {
                    ws.write_string(r, col, t).map_err(&err)?;
                    width(t)
                }
                Value::Number(n) => {
                    ws.write_number(r, col, *n).map_err(&err)?;
                    super::grid::number_text(*n).len()
                }
                Value::Date(d) => {
                    let dt = ExcelDateTime::parse_from_str(&d.to_string()).map_err(&err)?;
                    ws.write_datetime_with_format(r, col, &dt, date)
                        .map_err(&err)?;
                    10
                }
                Value::DateTime(d) => {
                    let dt =
                        ExcelDateTime::parse_from_str(&d.format("%Y-%m-%dT%H:%M:%S").to_string())
                            .map_err(&err)?;
                    ws.write_datetime_with_format(r, col, &dt, datetime)
                        .map_err(&err)?;
                    16
                }
                Value::Empty => 0,
            };
            if widths.len() <= c {
                widths.resize(c.saturating_add(1), 0);
            }
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(shown);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w).clamp(6, 60) as f64 + 2.0)
            .map_err(&err)?;
    }
    ws.set_freeze_panes(1, 0).map_err(&err)?;
    Ok(())
}

/// Writes the sheets as one `.xlsx` workbook (bytes); an empty list writes one empty sheet.
pub fn write_xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, FormatError> {
    let err = fail("workbook");
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(&err)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    if sheets.is_empty() {
        book.add_worksheet();
    }
    for sheet in sheets {
        let ws = book.add_worksheet();
        write_sheet(ws, sheet, &bold, &date, &datetime)?;
    }
    book.save_to_buffer().map_err(&err)
}
