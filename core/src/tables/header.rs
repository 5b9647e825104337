//! Finding the header row and which column holds which field.
//!
//! The header row is the row, among the first [`HEADER_SCAN_ROWS`], with the most cells
//! that name a known field (so a merged title row above it is skipped); without any, the
//! first non-empty row. A header cell that is part of a merged region takes the region's
//! text (a header merged over two rows), and a header under a region merged across some of
//! the columns (a group title such as `志愿` over `1`, `2`, `3`) is prefixed with it
//! (`志愿 1`).

use std::collections::BTreeMap;

use super::finding::{Place, TableFinding};
use super::grid::Grid;
use super::values::normalize_header;

/// How many rows at the top are searched for the header row.
pub const HEADER_SCAN_ROWS: usize = 20;

/// The header row of a grid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// 0-based row index in the grid.
    pub row: usize,
    /// Header text of every column (empty for a column without one).
    pub columns: Vec<String>,
}

impl Header {
    /// The place of column `c` (its header and letter) at the grid's place.
    pub fn place(&self, grid: &Grid, row: usize, c: usize) -> Place {
        let header = self.columns.get(c).map_or("", String::as_str);
        grid.place
            .at_row(crate::tables::finding::one_based(row))
            .at_column(header, c)
    }
}

/// Width of the widest row.
fn width(grid: &Grid) -> usize {
    grid.rows.iter().map(Vec::len).max().unwrap_or(0)
}

/// Finds the header row: the one with most cells for which `known` holds.
pub fn find_header(grid: &Grid, known: &dyn Fn(&str) -> bool) -> Header {
    let mut best: Option<(usize, usize)> = None;
    for (r, row) in grid.rows.iter().enumerate().take(HEADER_SCAN_ROWS) {
        let score = row.iter().filter(|c| known(&c.as_text())).count();
        if score > 0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, r));
        }
    }
    let mut row = match best {
        Some((_, r)) => r,
        None => grid
            .rows
            .iter()
            .position(|r| r.iter().any(|c| !c.is_empty()))
            .unwrap_or(0),
    };
    // A two-level header: a group title merged across columns of this row, with the
    // sub-headers in the row below; the lower row is the header (prefixed with the group).
    let below = row.saturating_add(1);
    let two_level = grid.merges.iter().any(|&(r0, c0, r1, c1)| {
        r0 as usize == row
            && r1 as usize == row
            && c1 > c0
            && (c0..=c1).any(|c| !grid.cell(below, c as usize).is_empty())
    });
    if two_level {
        row = below;
    }
    let w = width(grid);
    let columns = (0..w).map(|c| header_text(grid, row, c, w)).collect();
    Header { row, columns }
}

fn header_text(grid: &Grid, row: usize, c: usize, width: usize) -> String {
    let mut own = grid.cell(row, c).as_text();
    if own.is_empty() {
        if let Some((r0, c0, _, _)) = grid.merge_of(row, c) {
            own = grid.cell(r0 as usize, c0 as usize).as_text();
        }
    }
    let Some(above) = row.checked_sub(1) else {
        return own;
    };
    match grid.merge_of(above, c) {
        Some((r0, c0, r1, c1))
            if c1 > c0
                && (c1.saturating_sub(c0).saturating_add(1) as usize) < width
                && r1 as usize == above =>
        {
            let parent = grid.cell(r0 as usize, c0 as usize).as_text();
            if parent.is_empty() || own.contains(&parent) {
                own
            } else if own.is_empty() {
                parent
            } else {
                format!("{parent} {own}")
            }
        }
        _ => own,
    }
}

/// The columns chosen for each field, the findings about them and the columns left out.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    /// Field name to 0-based column.
    pub of: BTreeMap<&'static str, usize>,
    /// Headers of the columns no field took, in column order.
    pub ignored: Vec<String>,
}

impl Columns {
    /// The column of `field`.
    pub fn get(&self, field: &str) -> Option<usize> {
        self.of.get(field).copied()
    }

    /// Field name to header text, for the result document.
    pub fn named(&self, header: &Header) -> BTreeMap<String, String> {
        self.of
            .iter()
            .map(|(f, &c)| {
                (
                    (*f).to_owned(),
                    header.columns.get(c).cloned().unwrap_or_default(),
                )
            })
            .collect()
    }
}

/// One field a reader looks for: its name and the headers that name it (compared
/// normalised, see [`normalize_header`]).
pub struct Field {
    /// Field name, as in the wire document and in the `columns` option.
    pub name: &'static str,
    /// Headers that name it by default, English and Chinese.
    pub aliases: &'static [&'static str],
}

/// True when `text` names one of `fields`.
pub fn names_a_field(fields: &[Field], text: &str) -> bool {
    let n = normalize_header(text);
    !n.is_empty()
        && fields
            .iter()
            .any(|f| f.aliases.iter().any(|a| normalize_header(a) == n))
}

/// Chooses a column for each field: the `columns` option (field to header text) first, then
/// the default aliases. An option naming a header the file lacks is `missing_column`; a
/// second column naming a field already taken is `duplicate_column` (a warning; the first
/// is used).
pub fn resolve(
    grid: &Grid,
    header: &Header,
    fields: &[Field],
    overrides: &BTreeMap<String, String>,
    findings: &mut Vec<TableFinding>,
) -> Columns {
    let mut out = Columns::default();
    let place = grid
        .place
        .at_row(crate::tables::finding::one_based(header.row));
    for (field, wanted) in overrides {
        let Some(f) = fields.iter().find(|f| f.name == field) else {
            findings.push(grid.place.error(
                "unknown_field",
                format!("options.columns names no field {field:?}"),
            ));
            continue;
        };
        let n = normalize_header(wanted);
        match header.columns.iter().position(|h| normalize_header(h) == n) {
            Some(c) => {
                out.of.insert(f.name, c);
            }
            None => findings.push(place.error(
                "missing_column",
                format!("no column {wanted:?} (options.columns.{field})"),
            )),
        }
    }
    for (c, h) in header.columns.iter().enumerate() {
        if out.of.values().any(|&taken| taken == c) {
            continue;
        }
        let n = normalize_header(h);
        let field = fields.iter().find(|f| {
            !overrides.contains_key(f.name) && f.aliases.iter().any(|a| normalize_header(a) == n)
        });
        match field {
            Some(f) if !n.is_empty() && f.name == "name" => {
                // Recognised (it helps find the header row) but kept out of the documents.
                out.ignored.push(h.clone());
            }
            Some(f) if !n.is_empty() => {
                if out.of.contains_key(f.name) {
                    findings.push(header.place(grid, header.row, c).warning(
                        "duplicate_column",
                        format!("a second column for {}; the first one is used", f.name),
                    ));
                } else {
                    out.of.insert(f.name, c);
                }
            }
            _ => {
                if !h.is_empty() {
                    out.ignored.push(h.clone());
                }
            }
        }
    }
    out
}
