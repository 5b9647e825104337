//! `read_applications`: one row per application, the choices in one column each or in one
//! list cell.
//!
//! | field | default headers |
//! |---|---|
//! | `person` (required) | `person`, `id`, `person id`, `applicant`, `编号`, `居民编号`, `申请人编号` |
//! | choices, one column each | a choice word (`choice`, `preference`, `program`, `志愿`, `选择`, `项目`, `意向`) with an ordinal (`1`, `1st`, `first`, `一`, `第一`): `choice 1`, `1st choice`, `第一志愿`, `志愿1`, `志愿 二` (a merged `志愿` over `1`, `2`, `3` too) |
//! | `choices`, one list cell | `choices`, `programs`, `志愿`, `报名项目`, `选择` (split on `,`, `、`, `;`, `>`, `→`, …) |
//! | `submitted_at` | `submitted at`, `submitted`, `timestamp`, `提交时间`, `报名时间`, `申请时间`, `提交答卷时间` |
//! | `group` | `group`, `group members`, `同组`, `一起报名`, `组员` (a list of person ids) |
//! | `max_programs` | `max programs`, `最多项目数`, `最多报名数` |
//!
//! With a plan, a choice may name a program by id or by title (`陶艺培训班` for `pottery`),
//! an unknown one is `unknown_program`, and times without an offset are in the plan's time
//! zone (else the `timezone` option, default UTC).

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::finding::{sort_findings, Severity, TableFinding};
use super::grid::{Cell, Grid};
use super::header::{find_header, names_a_field, resolve, Columns, Field, Header};
use super::source::{read_grid, Limits, SourceOptions};
use super::values::{normalize_header, ordinal, parse_datetime, split_list};
use super::TableSource;
use crate::enrol::Application;
use crate::formats::FormatError;
use crate::plan::zone::Zone;
use crate::plan::Plan;

/// The fields of an application row and their default headers.
pub const APPLICATION_FIELDS: &[Field] = &[
    Field {
        name: "person",
        aliases: &[
            "person",
            "id",
            "person id",
            "applicant",
            "编号",
            "居民编号",
            "申请人编号",
        ],
    },
    Field {
        name: "name",
        aliases: &["name", "姓名"],
    },
    Field {
        name: "choices",
        aliases: &["choices", "programs", "志愿", "报名项目", "选择"],
    },
    Field {
        name: "submitted_at",
        aliases: &[
            "submitted at",
            "submitted",
            "timestamp",
            "提交时间",
            "报名时间",
            "申请时间",
            "提交答卷时间",
        ],
    },
    Field {
        name: "group",
        aliases: &["group", "group members", "同组", "一起报名", "组员"],
    },
    Field {
        name: "max_programs",
        aliases: &["max programs", "最多项目数", "最多报名数"],
    },
];

const CHOICE_WORDS: &[&str] = &[
    "choice",
    "preference",
    "program",
    "志愿",
    "选择",
    "项目",
    "意向",
];

/// Options of [`read_applications`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ApplicationOptions {
    /// Text encoding of a CSV file (default: detected).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The sheet of a workbook (default: the first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Field to header text: `{"person": "居民号", "submitted_at": "填表时间"}`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, String>,
    /// IANA time zone of times without an offset (default: the plan's, else UTC).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Size limits.
    pub limits: Limits,
}

/// What [`read_applications`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationsTable {
    /// True when no finding is an error.
    pub ok: bool,
    /// The applications of the rows without errors, in row order.
    pub applications: Vec<Application>,
    /// Every finding, by row then column.
    pub findings: Vec<TableFinding>,
    /// Field to the header text of the column read for it (`choices` lists the choice
    /// columns joined by `, ` when there is one per choice).
    pub columns: BTreeMap<String, String>,
    /// Headers of the columns kept out.
    pub ignored_columns: Vec<String>,
    /// The 1-based row of the header.
    pub header_row: u32,
    /// The sheet read, for workbooks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// The ordinal of a header naming one choice (`第一志愿`, `choice 2`), if it is one.
pub fn choice_ordinal(header: &str) -> Option<u32> {
    let n = normalize_header(header);
    let word = CHOICE_WORDS.iter().find(|w| n.contains(*w))?;
    let rest = n.replacen(word, "", 1);
    ordinal(&rest).or_else(|| ordinal(rest.trim_end_matches("choice")))
}

/// Program ids by id and by title, from the plan.
struct Programs<'a> {
    by_name: BTreeMap<String, &'a str>,
}

impl<'a> Programs<'a> {
    fn of(plan: &'a Plan) -> Self {
        let mut by_name = BTreeMap::new();
        for p in &plan.programs {
            by_name
                .entry(normalize_header(&p.title))
                .or_insert(p.id.as_str());
        }
        for p in &plan.programs {
            by_name.insert(normalize_header(&p.id), p.id.as_str());
        }
        Programs { by_name }
    }

    fn find(&self, text: &str) -> Option<&'a str> {
        self.by_name.get(&normalize_header(text)).copied()
    }
}

/// Reads applications from a CSV file or a workbook sheet; with `plan`, choices are checked
/// against its programs (by id or title). Every problem is a finding, all at once.
pub fn read_applications(
    source: &TableSource<'_>,
    options: &ApplicationOptions,
    plan: Option<&Plan>,
) -> Result<ApplicationsTable, FormatError> {
    let grid = read_grid(
        source.name,
        source.bytes,
        &SourceOptions {
            encoding: options.encoding.as_deref(),
            sheet: options.sheet.as_deref(),
            limits: options.limits,
        },
    )?;
    let zone_name = options
        .timezone
        .clone()
        .or_else(|| plan.map(|p| p.timezone.clone()))
        .unwrap_or_else(|| "UTC".to_owned());
    let zone = Zone::parse(&zone_name).ok_or_else(|| FormatError::Syntax {
        path: "options.timezone".to_owned(),
        message: format!("unknown time zone {zone_name:?}"),
    })?;
    let mut findings = Vec::new();
    let known = |t: &str| {
        names_a_field(APPLICATION_FIELDS, t)
            || choice_ordinal(t).is_some()
            || options.columns.values().any(|v| v.trim() == t.trim())
    };
    let header = find_header(&grid, &known);
    let mut columns = resolve(
        &grid,
        &header,
        APPLICATION_FIELDS,
        &options.columns,
        &mut findings,
    );
    let choice_columns = choice_columns(&header, &mut columns);
    let head_place = grid
        .place
        .at_row(crate::tables::finding::one_based(header.row));
    if columns.get("person").is_none() {
        findings.push(head_place.error("missing_column", "no person column (编号/person)"));
    }
    if columns.get("choices").is_none() && choice_columns.is_empty() {
        findings.push(head_place.error(
            "missing_column",
            "no choice columns (第一志愿, choice 1, …) nor a choices column",
        ));
    }
    let programs = plan.map(Programs::of);
    let mut applications = Vec::new();
    if findings.iter().all(|f| f.code != "missing_column") {
        let reader = RowReader {
            grid: &grid,
            header: &header,
            columns: &columns,
            choice_columns: &choice_columns,
            programs: programs.as_ref(),
            zone,
        };
        applications = reader.rows(&mut findings);
    }
    sort_findings(&mut findings);
    let mut named = columns.named(&header);
    if !choice_columns.is_empty() {
        let list: Vec<&str> = choice_columns
            .iter()
            .filter_map(|&(_, c)| header.columns.get(c))
            .map(String::as_str)
            .collect();
        named.insert("choices".to_owned(), list.join(", "));
    }
    Ok(ApplicationsTable {
        ok: findings.iter().all(|f| f.severity != Severity::Error),
        applications,
        findings,
        columns: named,
        ignored_columns: columns.ignored,
        header_row: crate::tables::finding::one_based(header.row),
        sheet: grid.place.sheet.clone(),
    })
}

/// The columns holding one choice each, by ordinal, taken out of the ignored ones.
fn choice_columns(header: &Header, columns: &mut Columns) -> Vec<(u32, usize)> {
    let mut found: Vec<(u32, usize)> = header
        .columns
        .iter()
        .enumerate()
        .filter(|(c, _)| !columns.of.values().any(|taken| taken == c))
        .filter_map(|(c, h)| choice_ordinal(h).map(|o| (o, c)))
        .collect();
    crate::sort::sort(&mut found);
    let chosen: BTreeSet<&str> = found
        .iter()
        .filter_map(|&(_, c)| header.columns.get(c))
        .map(String::as_str)
        .collect();
    columns.ignored.retain(|h| !chosen.contains(h.as_str()));
    found
}

struct RowReader<'a> {
    grid: &'a Grid,
    header: &'a Header,
    columns: &'a Columns,
    choice_columns: &'a [(u32, usize)],
    programs: Option<&'a Programs<'a>>,
    zone: Zone,
}

impl RowReader<'_> {
    /// Every data row's application; a second one of a person is `duplicate_application`,
    /// and rows with errors are left out.
    fn rows(&self, findings: &mut Vec<TableFinding>) -> Vec<Application> {
        let (grid, header) = (self.grid, self.header);
        let mut applications = Vec::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for r in header.row.saturating_add(1)..grid.rows.len() {
            let before = findings.len();
            let Some(app) = self.row(r, findings) else {
                continue;
            };
            if let Some(first) = seen.get(&app.person) {
                let c = self.columns.get("person").unwrap_or(0);
                findings.push(header.place(grid, r, c).error(
                    "duplicate_application",
                    format!(
                        "{} already applied on row {}",
                        app.person,
                        first.saturating_add(1)
                    ),
                ));
                continue;
            }
            seen.insert(app.person.clone(), r);
            let failed = findings
                .get(before..)
                .is_some_and(|new| new.iter().any(|f| f.severity == Severity::Error));
            if !failed {
                applications.push(app);
            }
        }
        applications
    }

    /// The program ids row `r` chooses, in order; unknown and repeated ones are findings.
    fn choices(&self, r: usize, findings: &mut Vec<TableFinding>) -> Vec<String> {
        let (grid, header) = (self.grid, self.header);
        let mut raw: Vec<(usize, String)> = Vec::new();
        if let Some(c) = self.columns.get("choices") {
            for item in split_list(&grid.cell(r, c).as_text(), &['>', '→', '＞']) {
                raw.push((c, item));
            }
        }
        for &(_, c) in self.choice_columns {
            let text = grid.cell(r, c).as_text();
            if !text.is_empty() {
                raw.push((c, text));
            }
        }
        let mut choices: Vec<String> = Vec::new();
        for (c, text) in raw {
            let id = match self.programs {
                Some(programs) => match programs.find(&text) {
                    Some(id) => id.to_owned(),
                    None => {
                        findings.push(header.place(grid, r, c).error(
                            "unknown_program",
                            format!("no program {text:?} in the plan"),
                        ));
                        continue;
                    }
                },
                None => text,
            };
            if choices.contains(&id) {
                findings.push(
                    header
                        .place(grid, r, c)
                        .error("duplicate_choice", format!("{id} is chosen twice")),
                );
                continue;
            }
            choices.push(id);
        }
        choices
    }
    fn row(&self, r: usize, findings: &mut Vec<TableFinding>) -> Option<Application> {
        let (grid, header) = (self.grid, self.header);
        let row = grid.rows.get(r)?;
        if row.iter().all(Cell::is_empty) {
            return None;
        }
        let person_col = self.columns.get("person")?;
        let person = grid.cell(r, person_col).as_text();
        if person.is_empty() {
            findings.push(
                header
                    .place(grid, r, person_col)
                    .error("missing_value", "the person is empty"),
            );
            return None;
        }
        let choices = self.choices(r, findings);
        if choices.is_empty()
            && !findings
                .iter()
                .any(|f| f.row == Some(crate::tables::finding::one_based(r)))
        {
            let c = self
                .columns
                .get("choices")
                .or_else(|| self.choice_columns.first().map(|x| x.1))
                .unwrap_or(0);
            findings.push(
                header
                    .place(grid, r, c)
                    .error("no_choices", "the application chooses no program"),
            );
        }
        let submitted_at = self.datetime(r, findings);
        let group = self
            .columns
            .get("group")
            .map(|c| split_list(&grid.cell(r, c).as_text(), &[]))
            .unwrap_or_default();
        let max_programs = self.columns.get("max_programs").and_then(|c| {
            let cell = grid.cell(r, c);
            if cell.is_empty() {
                return None;
            }
            let n = cell.as_text().parse::<u32>().ok();
            if n.is_none() {
                findings.push(header.place(grid, r, c).error(
                    "invalid_number",
                    format!("{:?} is not a whole number", cell.as_text()),
                ));
            }
            n
        });
        Some(Application {
            person,
            choices,
            submitted_at,
            group,
            max_programs,
        })
    }

    fn datetime(
        &self,
        r: usize,
        findings: &mut Vec<TableFinding>,
    ) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        let c = self.columns.get("submitted_at")?;
        let cell = self.grid.cell(r, c);
        if cell.is_empty() {
            return None;
        }
        let dt = parse_datetime(cell, &self.zone);
        if dt.is_none() {
            findings.push(self.header.place(self.grid, r, c).error(
                "invalid_datetime",
                format!(
                    "{:?} is not a date and time (2006/3/9 14:05)",
                    cell.as_text()
                ),
            ));
        }
        dt
    }
}
