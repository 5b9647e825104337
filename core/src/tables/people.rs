//! `read_people`: one row per person, columns found by their headers.
//!
//! | field | default headers (any case, spaces ignored) |
//! |---|---|
//! | `id` (required) | `id`, `person`, `person id`, `编号`, `居民编号`, `人员编号` |
//! | `birth_date` | `birth date`, `date of birth`, `dob`, `birthday`, `出生日期`, `出生年月日`, `生日` |
//! | `household` | `household`, `household id`, `户号`, `家庭编号`, `户编号` |
//! | `residency` | `residency`, `居住类型`, `居住情况`, `居民类型`, `人员类型` |
//! | `tags` | `tags`, `tag`, `标签` (a list in one cell) |
//! | `history` | `history`, `completed`, `已完成`, `已修项目` (a list of program ids) |
//! | (kept out) | `name`, `姓名`, and every other column: listed in `ignored_columns` |
//!
//! Residency values: `resident` / `本社区` / `居民` / `本社区居民`; `surrounding` / `周边` /
//! `周边社区` / `邻近社区`; `visitor` / `访客` / `外来` / `其他`. An empty residency cell, or
//! no residency column, takes the `default_residency` option when one is given.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::finding::{sort_findings, Severity, TableFinding};
use super::grid::Cell;
use super::header::{find_header, names_a_field, resolve, Field, Header};
use super::source::{read_grid, Limits, SourceOptions};
use super::values::{parse_date, split_list};
use super::TableSource;
use crate::enrol::Person;
use crate::formats::FormatError;
use crate::plan::audience::Residency;

/// The fields of a person row and their default headers.
pub const PEOPLE_FIELDS: &[Field] = &[
    Field {
        name: "id",
        aliases: &[
            "id",
            "person",
            "person id",
            "编号",
            "居民编号",
            "人员编号",
            "序号编号",
        ],
    },
    Field {
        name: "name",
        aliases: &["name", "full name", "姓名", "名字"],
    },
    Field {
        name: "birth_date",
        aliases: &[
            "birth date",
            "date of birth",
            "dob",
            "birthday",
            "出生日期",
            "出生年月日",
            "生日",
        ],
    },
    Field {
        name: "household",
        aliases: &["household", "household id", "户号", "家庭编号", "户编号"],
    },
    Field {
        name: "residency",
        aliases: &["residency", "居住类型", "居住情况", "居民类型", "人员类型"],
    },
    Field {
        name: "tags",
        aliases: &["tags", "tag", "标签"],
    },
    Field {
        name: "history",
        aliases: &["history", "completed", "已完成", "已修项目"],
    },
];

/// Options of [`read_people`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PeopleOptions {
    /// Text encoding of a CSV file (default: detected; see [`super::decode`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The sheet of a workbook (default: the first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Field to header text, for headers the defaults do not know: `{"birth_date": "生辰"}`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, String>,
    /// Residency of rows that give none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_residency: Option<Residency>,
    /// Size limits.
    pub limits: Limits,
}

/// What [`read_people`] found: the people it could read and every finding.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeopleTable {
    /// True when no finding is an error.
    pub ok: bool,
    /// The people of the rows without errors, in row order.
    pub people: Vec<Person>,
    /// Every finding, by row then column.
    pub findings: Vec<TableFinding>,
    /// Field to the header text of the column read for it.
    pub columns: BTreeMap<String, String>,
    /// Headers of the columns kept out.
    pub ignored_columns: Vec<String>,
    /// The 1-based row of the header.
    pub header_row: u32,
    /// The sheet read, for workbooks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// A residency from its English or Chinese spelling.
pub fn parse_residency(text: &str) -> Option<Residency> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "resident" | "本社区" | "居民" | "本社区居民" | "社区居民" | "本小区" => {
            Some(Residency::Resident)
        }
        "surrounding" | "周边" | "周边社区" | "周边社区居民" | "邻近社区" | "附近社区" => {
            Some(Residency::Surrounding)
        }
        "visitor" | "访客" | "外来" | "外来人员" | "其他" => Some(Residency::Visitor),
        _ => None,
    }
}

/// Reads people from a CSV file or a workbook sheet. Hard failures (not a table, too large,
/// an unknown sheet, undecodable bytes) are errors; everything about the rows is a finding,
/// all of them at once.
pub fn read_people(
    source: &TableSource<'_>,
    options: &PeopleOptions,
) -> Result<PeopleTable, FormatError> {
    let grid = read_grid(
        source.name,
        source.bytes,
        &SourceOptions {
            encoding: options.encoding.as_deref(),
            sheet: options.sheet.as_deref(),
            limits: options.limits,
        },
    )?;
    let mut findings = Vec::new();
    let known = |t: &str| {
        names_a_field(PEOPLE_FIELDS, t) || options.columns.values().any(|v| v.trim() == t.trim())
    };
    let header = find_header(&grid, &known);
    let columns = resolve(
        &grid,
        &header,
        PEOPLE_FIELDS,
        &options.columns,
        &mut findings,
    );
    let head_place = grid
        .place
        .at_row(crate::tables::finding::one_based(header.row));
    if columns.get("id").is_none() {
        findings.push(head_place.error("missing_column", "no id column (编号/ID)"));
    }
    if columns.get("residency").is_none() && options.default_residency.is_none() {
        findings.push(head_place.error(
            "missing_column",
            "no residency column (居住类型/residency) and no default_residency option",
        ));
    }
    let mut people = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    if findings.iter().all(|f| f.code != "missing_column") {
        for r in header.row.saturating_add(1)..grid.rows.len() {
            let before = findings.len();
            let person = read_row(&grid, &header, &columns, options, r, &mut findings);
            let Some(person) = person else { continue };
            if let Some(first) = seen.get(&person.id) {
                let c = columns.get("id").unwrap_or(0);
                findings.push(header.place(&grid, r, c).error(
                    "duplicate_person",
                    format!(
                        "{} is already on row {}",
                        person.id,
                        first.saturating_add(1)
                    ),
                ));
                continue;
            }
            seen.insert(person.id.clone(), r);
            let failed = findings
                .get(before..)
                .is_some_and(|new| new.iter().any(|f| f.severity == Severity::Error));
            if !failed {
                people.push(person);
            }
        }
    }
    sort_findings(&mut findings);
    Ok(PeopleTable {
        ok: findings.iter().all(|f| f.severity != Severity::Error),
        people,
        findings,
        columns: columns.named(&header),
        ignored_columns: columns.ignored,
        header_row: crate::tables::finding::one_based(header.row),
        sheet: grid.place.sheet.clone(),
    })
}

fn read_row(
    grid: &super::grid::Grid,
    header: &Header,
    columns: &super::header::Columns,
    options: &PeopleOptions,
    r: usize,
    findings: &mut Vec<TableFinding>,
) -> Option<Person> {
    let row = grid.rows.get(r)?;
    if row.iter().all(Cell::is_empty) {
        return None;
    }
    let at = |field: &str| columns.get(field).map(|c| (c, grid.cell(r, c)));
    let id_col = columns.get("id")?;
    let id = grid.cell(r, id_col).as_text();
    if id.is_empty() {
        findings.push(
            header
                .place(grid, r, id_col)
                .error("missing_value", "the id is empty"),
        );
    }
    let birth_date = match at("birth_date") {
        Some((_, cell)) if cell.is_empty() => None,
        Some((c, cell)) => {
            let date = parse_date(cell);
            if date.is_none() {
                findings.push(header.place(grid, r, c).error(
                    "invalid_date",
                    format!(
                        "{:?} is not a date (2006-03-09, 2006/3/9, 2006年3月9日)",
                        cell.as_text()
                    ),
                ));
            }
            date
        }
        None => None,
    };
    let residency = residency_of(grid, header, columns, options, r, findings);
    let list = |field: &str| -> Vec<String> {
        at(field)
            .map(|(_, cell)| split_list(&cell.as_text(), &[]))
            .unwrap_or_default()
    };
    let mut tags = list("tags");
    let mut unique = BTreeSet::new();
    tags.retain(|t| unique.insert(t.clone()));
    let household = at("household")
        .map(|(_, c)| c.as_text())
        .filter(|h| !h.is_empty());
    (!id.is_empty()).then(|| Person {
        id,
        birth_date,
        household,
        residency: residency.unwrap_or(Residency::Resident),
        tags,
        history: list("history"),
    })
}

/// The residency of row `r`: its cell, else the `default_residency` option; an unknown
/// spelling is `invalid_residency`, an empty cell without a default `missing_value`.
fn residency_of(
    grid: &super::grid::Grid,
    header: &Header,
    columns: &super::header::Columns,
    options: &PeopleOptions,
    r: usize,
    findings: &mut Vec<TableFinding>,
) -> Option<Residency> {
    let Some(c) = columns.get("residency") else {
        return options.default_residency;
    };
    let cell = grid.cell(r, c);
    if cell.is_empty() {
        if options.default_residency.is_none() {
            findings.push(
                header
                    .place(grid, r, c)
                    .error("missing_value", "the residency is empty"),
            );
        }
        return options.default_residency;
    }
    let value = parse_residency(&cell.as_text());
    if value.is_none() {
        findings.push(header.place(grid, r, c).error(
            "invalid_residency",
            format!(
                "{:?} is not resident/本社区, surrounding/周边社区 or visitor/访客",
                cell.as_text()
            ),
        ));
    }
    value
}
