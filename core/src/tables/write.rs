//! The wire documents as sheets: rows and columns, ready for [`super::write_csv()`](fn@super::write_csv) and
//! [`super::write_xlsx()`](fn@super::write_xlsx).
//!
//! | document (`kind`) | sheets |
//! |---|---|
//! | `people` | `people`: `id, birth_date, household, residency, tags, history` |
//! | `applications` | `applications`: `person, choice 1 … choice n, submitted_at, group, max_programs` |
//! | `allocation` (its shared wire form) | `rosters` (`program, list, place, person`: enrolled then waiting), `decisions` (`person, choice, program, code, position, rule, member`), `programs` (`program, status, reason, applicants, enrolled, waiting`), then one sheet per program (`place, person, list`) |
//! | `occurrences` | `timetable`: `id, program, title, date, start, end, all_day, venues, facilitators, status` |
//! | `tally` | `result`: one row per candidate (`candidate, votes, elected`, then one column per round for `irv`/`stv`), then the threshold, the inactive ballots by cause and the continuing total per round |
//! | `exhibition` | one `result` sheet per category, named by the category |
//!
//! People and applications are written with the headers their readers know, so a written
//! table reads back to the same documents. An allocation is written from the shared wire
//! form, in which confidential programs are absent, so nothing here can reveal one.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::enrol::{Application, Person};
use crate::exhibition::ExhibitionResult;
use crate::plan::Occurrence;
use crate::vote::TallyResult;

/// One cell to write.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A date (a date cell in `.xlsx`, ISO text in CSV).
    Date(NaiveDate),
    /// A local date and time.
    DateTime(NaiveDateTime),
    /// Nothing.
    Empty,
}

impl Value {
    fn text(s: impl Into<String>) -> Value {
        let s = s.into();
        if s.is_empty() {
            Value::Empty
        } else {
            Value::Text(s)
        }
    }

    /// A decimal string as a number when it is one exactly (`"7.25"`), else as text.
    fn decimal(s: &str) -> Value {
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() && s.len() <= 15 => Value::Number(v),
            _ => Value::text(s),
        }
    }
}

/// One sheet: its name, header and rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Sheet name (at most 31 characters, none of `[]:*?/\`).
    pub name: String,
    /// Header texts.
    pub columns: Vec<String>,
    /// Rows, each as long as the header or shorter.
    pub rows: Vec<Vec<Value>>,
}

/// The shared wire form of an allocation, as [`crate::enrol::Allocation`] serialises it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SharedAllocation {
    /// The mechanism used.
    #[serde(default)]
    pub mechanism: serde_json::Value,
    /// The published seed.
    #[serde(default)]
    pub seed: String,
    /// The allocation date.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
    /// The outcome of every shared program.
    #[serde(default)]
    pub programs: BTreeMap<String, SharedProgram>,
    /// The decisions, per person.
    #[serde(default)]
    pub decisions: BTreeMap<String, Vec<SharedDecision>>,
    /// The rest of the document (not written).
    #[serde(flatten)]
    pub rest: BTreeMap<String, serde_json::Value>,
}

/// One program of [`SharedAllocation`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SharedProgram {
    /// `running`, `cancelled` or `not_opened`.
    pub status: String,
    /// Why it does not run.
    #[serde(default)]
    pub reason: Option<String>,
    /// Eligible applicants.
    #[serde(default)]
    pub applicants: u64,
    /// Enrolled, in priority order.
    #[serde(default)]
    pub enrolled: Vec<String>,
    /// Waiting, in order.
    #[serde(default)]
    pub waitlist: Vec<String>,
}

/// One decision of [`SharedAllocation`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SharedDecision {
    /// The program.
    pub program: String,
    /// The decision's code.
    pub code: String,
    /// Waiting-list place.
    #[serde(default)]
    pub position: Option<u32>,
    /// The failing rule.
    #[serde(default)]
    pub rule: Option<serde_json::Value>,
    /// The group member who made the group ineligible.
    #[serde(default)]
    pub member: Option<String>,
}

/// A document to write as tables: `{"kind": "allocation", "document": {…}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "document", rename_all = "snake_case")]
pub enum TableDocument {
    /// People.
    People(Vec<Person>),
    /// Applications.
    Applications(Vec<Application>),
    /// The shared form of an allocation (what `allocate` returns in JS, `to_dict()` in
    /// Python).
    Allocation(SharedAllocation),
    /// Occurrences (a timetable).
    Occurrences(Vec<Occurrence>),
    /// A tally result.
    Tally(TallyResult),
    /// An exhibition result.
    Exhibition(ExhibitionResult),
}

fn sheet(name: &str, columns: &[&str]) -> Sheet {
    Sheet {
        name: name.to_owned(),
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows: Vec::new(),
    }
}

fn count(n: usize) -> Value {
    Value::Number(n as f64)
}

/// The sheets of a document (see the module documentation).
pub fn sheets_of(document: &TableDocument) -> Vec<Sheet> {
    let mut sheets = match document {
        TableDocument::People(people) => vec![people_sheet(people)],
        TableDocument::Applications(apps) => vec![applications_sheet(apps)],
        TableDocument::Allocation(a) => allocation_sheets(a),
        TableDocument::Occurrences(o) => vec![occurrences_sheet(o)],
        TableDocument::Tally(t) => vec![tally_sheet("result", t)],
        TableDocument::Exhibition(e) => e
            .categories
            .iter()
            .map(|c| tally_sheet(&c.category, &c.result))
            .collect(),
    };
    name_sheets(&mut sheets);
    sheets
}

/// Makes sheet names valid and distinct: `[]:*?/\` dropped, 31 characters at most, `~2` …
/// for repeats.
fn name_sheets(sheets: &mut [Sheet]) {
    let mut used: Vec<String> = Vec::new();
    for s in sheets.iter_mut() {
        let clean: String = s
            .name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        let base = if clean.trim().is_empty() {
            "sheet".to_owned()
        } else {
            clean
        };
        let mut name = base.clone();
        let mut k = 2u32;
        while used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
            let suffix = format!("~{k}");
            let keep = 31usize.saturating_sub(suffix.chars().count());
            name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
            k = k.saturating_add(1);
        }
        used.push(name.clone());
        s.name = name;
    }
}

fn people_sheet(people: &[Person]) -> Sheet {
    let mut s = sheet(
        "people",
        &[
            "id",
            "birth_date",
            "household",
            "residency",
            "tags",
            "history",
        ],
    );
    for p in people {
        let residency = serde_json::to_value(p.residency)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        s.rows.push(vec![
            Value::text(&p.id),
            p.birth_date.map_or(Value::Empty, Value::Date),
            Value::text(p.household.clone().unwrap_or_default()),
            Value::text(residency),
            Value::text(p.tags.join(", ")),
            Value::text(p.history.join(", ")),
        ]);
    }
    s
}

fn applications_sheet(apps: &[Application]) -> Sheet {
    let n = apps
        .iter()
        .map(|a| a.choices.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let mut columns = vec!["person".to_owned()];
    columns.extend((1..=n).map(|i| format!("choice {i}")));
    columns.extend(["submitted_at", "group", "max_programs"].map(str::to_owned));
    let mut s = Sheet {
        name: "applications".to_owned(),
        columns,
        rows: Vec::new(),
    };
    for a in apps {
        let mut row = vec![Value::text(&a.person)];
        row.extend((0..n).map(|i| a.choices.get(i).map_or(Value::Empty, Value::text)));
        row.push(
            a.submitted_at
                .map_or(Value::Empty, |t| Value::text(t.to_rfc3339())),
        );
        row.push(Value::text(a.group.join(", ")));
        row.push(
            a.max_programs
                .map_or(Value::Empty, |m| Value::Number(f64::from(m))),
        );
        s.rows.push(row);
    }
    s
}

fn allocation_sheets(a: &SharedAllocation) -> Vec<Sheet> {
    let mut rosters = sheet("rosters", &["program", "list", "place", "person"]);
    let mut programs = sheet(
        "programs",
        &[
            "program",
            "status",
            "reason",
            "applicants",
            "enrolled",
            "waiting",
        ],
    );
    let mut per_program = Vec::new();
    for (id, p) in &a.programs {
        let mut own = sheet(id, &["place", "person", "list"]);
        for (list, people) in [("enrolled", &p.enrolled), ("waitlisted", &p.waitlist)] {
            for (i, person) in people.iter().enumerate() {
                rosters.rows.push(vec![
                    Value::text(id),
                    Value::text(list),
                    count(i.saturating_add(1)),
                    Value::text(person),
                ]);
                own.rows.push(vec![
                    count(i.saturating_add(1)),
                    Value::text(person),
                    Value::text(list),
                ]);
            }
        }
        programs.rows.push(vec![
            Value::text(id),
            Value::text(&p.status),
            Value::text(p.reason.clone().unwrap_or_default()),
            Value::Number(p.applicants as f64),
            count(p.enrolled.len()),
            count(p.waitlist.len()),
        ]);
        per_program.push(own);
    }
    let mut decisions = sheet(
        "decisions",
        &[
            "person", "choice", "program", "code", "position", "rule", "member",
        ],
    );
    for (person, list) in &a.decisions {
        for (i, d) in list.iter().enumerate() {
            let rule = d
                .rule
                .as_ref()
                .and_then(|r| r.get("path").or_else(|| r.get("code")))
                .and_then(|v| v.as_str())
                .unwrap_or("");
            decisions.rows.push(vec![
                Value::text(person),
                count(i.saturating_add(1)),
                Value::text(&d.program),
                Value::text(&d.code),
                d.position
                    .map_or(Value::Empty, |p| Value::Number(f64::from(p))),
                Value::text(rule),
                Value::text(d.member.clone().unwrap_or_default()),
            ]);
        }
    }
    let mut out = vec![rosters, decisions, programs];
    out.extend(per_program);
    out
}

fn occurrences_sheet(occurrences: &[Occurrence]) -> Sheet {
    let mut s = sheet(
        "timetable",
        &[
            "id",
            "program",
            "title",
            "date",
            "start",
            "end",
            "all_day",
            "venues",
            "facilitators",
            "status",
        ],
    );
    for o in occurrences {
        let status = serde_json::to_value(o.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        s.rows.push(vec![
            Value::text(&o.id),
            Value::text(&o.program),
            Value::text(&o.title),
            Value::Date(o.date),
            Value::DateTime(o.start.naive_local()),
            Value::DateTime(o.end.naive_local()),
            Value::text(if o.all_day { "yes" } else { "no" }),
            Value::text(o.venues.join(", ")),
            Value::text(o.facilitators.join(", ")),
            Value::text(status),
        ]);
    }
    s
}

fn tally_sheet(name: &str, t: &TallyResult) -> Sheet {
    let rounds = &t.rounds;
    let mut columns = vec![
        "candidate".to_owned(),
        "votes".to_owned(),
        "elected".to_owned(),
    ];
    columns.extend(rounds.iter().map(|r| format!("round {}", r.round)));
    let mut s = Sheet {
        name: name.to_owned(),
        columns,
        rows: Vec::new(),
    };
    for id in t.ranking.iter().flatten() {
        let mut row = vec![
            Value::text(id),
            t.counts
                .get(id)
                .map_or(Value::Empty, |v| Value::Number(*v as f64)),
            Value::text(if t.winners.contains(id) { "yes" } else { "" }),
        ];
        row.extend(
            rounds
                .iter()
                .map(|r| r.tally.get(id).map_or(Value::Empty, |v| Value::decimal(v))),
        );
        s.rows.push(row);
    }
    s.rows.extend(round_rows(rounds));
    s.rows.push(vec![
        Value::text("ballots: cast"),
        Value::Number(t.ballots.cast as f64),
    ]);
    s.rows.push(vec![
        Value::text("ballots: valid"),
        Value::Number(t.ballots.valid as f64),
    ]);
    s.rows.push(vec![
        Value::text("ballots: rejected"),
        Value::Number(t.ballots.rejected as f64),
    ]);
    s
}

/// The rows under the candidates of an elimination count: the threshold, the continuing
/// total and the inactive ballots by cause, one column per round.
fn round_rows(rounds: &[crate::vote::Round]) -> Vec<Vec<Value>> {
    if rounds.is_empty() {
        return Vec::new();
    }
    type Get = fn(&crate::vote::Round) -> Option<String>;
    let mut lines: Vec<(&str, Get)> = vec![
        ("threshold", |r| Some(r.threshold.clone())),
        ("continuing", |r| Some(r.continuing.clone())),
        ("inactive: overvote", |r| Some(r.inactive.overvote.clone())),
        ("inactive: skipped_ranks", |r| {
            Some(r.inactive.skipped_ranks.clone())
        }),
        ("inactive: repeated_ranking", |r| {
            Some(r.inactive.repeated_ranking.clone())
        }),
        ("inactive: exhausted", |r| {
            Some(r.inactive.exhausted.clone())
        }),
        ("inactive: undervote", |r| {
            Some(r.inactive.undervote.clone())
        }),
        ("inactive: rounding", |r| Some(r.inactive.rounding.clone())),
    ];
    if rounds
        .iter()
        .any(|r| r.inactive.final_round_surplus.is_some())
    {
        lines.push(("inactive: final_round_surplus", |r| {
            r.inactive.final_round_surplus.clone()
        }));
    }
    lines
        .into_iter()
        .map(|(label, get)| {
            let mut row = vec![Value::text(label), Value::Empty, Value::Empty];
            row.extend(
                rounds
                    .iter()
                    .map(|r| get(r).map_or(Value::Empty, |v| Value::decimal(&v))),
            );
            row
        })
        .collect()
}
