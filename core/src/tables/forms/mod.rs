//! Ballots from the exports of online form tools: one row per submission.
//!
//! Four layouts ([`google`], [`microsoft`], [`wjx`], [`tencent`]; each module says exactly
//! which header and cell forms it covers) feed one reader, [`read_form`], which
//! [`crate::formats::read_ballot_file`] calls for the formats `google_forms`,
//! `microsoft_forms`, `wjx` and `tencent_forms`.
//!
//! **The question.** Every column that is not metadata belongs to a question; columns
//! whose headers split into the same question and a sub-question form a grid. The
//! `question` option names the one to read (its text, a part of it, or its number); without
//! it the form must have exactly one question with two or more options.
//!
//! **The kind** (`kind` option, else detected): a grid whose sub-questions are ordinals
//! (`[1st choice]`) holds candidates by rank; a grid whose cells are ordinals or distinct
//! numbers is a ranking (`ranking`), one whose cells are only `1`/`0` (or the option's
//! text, `√`, `是`, `Yes`) approvals (`approval`), one with numbers repeated within a row,
//! or above the number of options, scores (`score`). A one-cell question whose cells list answers is a ranking when it uses
//! the tool's order separator (`→`, `>`) or names every option on every row, approvals
//! otherwise; a single answer per cell is a single choice (`choice`, a ranking of one).
//!
//! **Voters and duplicates.** The voter column (`voter_column`, else the tool's default,
//! e.g. `Email Address`) gives each ballot its `voter`, so an election's `roll` and the
//! count's `duplicate_voter` rule apply. With a timestamp column (`timestamp_column`, else
//! the tool's), ballots come in submission order, or latest first with
//! `duplicates: "last"`, so the submission the count keeps for a voter who sent several is
//! the first or the last one; the others are reported here as `duplicate_submission`
//! warnings (and rejected by the count as `duplicate_voter`). A submission that leaves the
//! question blank is no ballot (`blank_submission`, a warning).
//!
//! Layouts were learned from public code that reads these exports (e.g. reportgen's
//! Wenjuanxing reader, scripts reading Google Forms ranking grids and Tencent
//! exports), not from the vendors' specifications; the fixtures in `tests/fixtures/forms/`
//! mirror them.

mod answers;
pub mod google;
pub mod layout;
pub mod microsoft;
pub mod tencent;
pub mod wjx;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::finding::{sort_findings, TableFinding};
use super::grid::Grid;
use super::header::{find_header, Header};
use super::source::{read_grid, Limits, SourceOptions};
use super::values::{normalize_header, parse_datetime};
use super::TableSource;
use crate::formats::FormatError;
use crate::plan::zone::Zone;
use crate::vote::{Ballot, Candidate, Rank};
use answers::{detect_kind, rank_of, split_by, Answer, Reader};
use layout::{Layout, Split};

/// How a question's answers become ballots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// An order of candidates (`ranking`).
    Ranking,
    /// A set of candidates (`approve`).
    Approval,
    /// One candidate (a `ranking` of one).
    Choice,
    /// A number per candidate (`scores`).
    Score,
}

/// Which submission counts when a voter submitted several.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Duplicates {
    /// The earliest (by timestamp, then row).
    #[default]
    First,
    /// The latest.
    Last,
}

/// Options of the form-export readers (part of [`crate::formats::ReadOptions`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormOptions {
    /// The question to read.
    pub question: Option<String>,
    /// Force the kind of answers.
    pub kind: Option<AnswerKind>,
    /// The voter column's header.
    pub voter_column: Option<String>,
    /// The timestamp column's header.
    pub timestamp_column: Option<String>,
    /// Which submission counts.
    pub duplicates: Duplicates,
    /// IANA zone of timestamps without an offset (default UTC; only the order matters).
    pub timezone: Option<String>,
    /// CSV encoding.
    pub encoding: Option<String>,
    /// Workbook sheet.
    pub sheet: Option<String>,
    /// Size limits.
    pub limits: Limits,
}

/// What a form export gave: candidates and ballots, the question read, the findings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormBallots {
    /// Candidates, in the order the export shows them.
    pub candidates: Vec<Candidate>,
    /// Ballots, in submission order (see the module documentation).
    pub ballots: Vec<Ballot>,
    /// The question's title.
    pub question: String,
    /// The kind the answers were read as.
    pub kind: Option<AnswerKind>,
    /// Every finding.
    pub findings: Vec<TableFinding>,
}

/// The layout of a format name.
pub fn layout(format: &str) -> Option<&'static Layout> {
    match format {
        "google_forms" => Some(&google::GOOGLE),
        "microsoft_forms" => Some(&microsoft::MICROSOFT),
        "wjx" => Some(&wjx::WJX),
        "tencent_forms" => Some(&tencent::TENCENT),
        _ => None,
    }
}

struct Question {
    key: String,
    title: String,
    /// `(column, sub)`; `sub` is `None` for a one-cell question.
    columns: Vec<(usize, Option<String>)>,
}

fn find_column(header: &Header, wanted: &[&str]) -> Option<usize> {
    wanted.iter().find_map(|w| {
        let n = normalize_header(w);
        header.columns.iter().position(|h| normalize_header(h) == n)
    })
}

/// The column whose question title (its header without the tool's numbering, `1、`) is
/// `wanted`, so that a voter column may be named as the question option is.
fn find_titled(layout: &Layout, header: &Header, wanted: &str) -> Option<usize> {
    let n = normalize_header(wanted);
    header
        .columns
        .iter()
        .position(|h| !h.is_empty() && normalize_header(&(layout.split)(h).title) == n)
}

fn questions(layout: &Layout, header: &Header, skip: &[usize]) -> Vec<Question> {
    let meta: Vec<String> = layout.meta.iter().map(|m| normalize_header(m)).collect();
    let mut out: Vec<Question> = Vec::new();
    for (c, h) in header.columns.iter().enumerate() {
        if h.is_empty() || skip.contains(&c) || meta.contains(&normalize_header(h)) {
            continue;
        }
        let Split { key, title, sub } = (layout.split)(h);
        match out.iter_mut().find(|q| q.key == key) {
            Some(q) if sub.is_some() => q.columns.push((c, sub)),
            Some(_) => out.push(Question {
                key: format!("{key}#{c}"),
                title,
                columns: vec![(c, None)],
            }),
            None => out.push(Question {
                key,
                title,
                columns: vec![(c, sub)],
            }),
        }
    }
    out
}

fn pick<'q>(
    questions: &'q [Question],
    wanted: Option<&str>,
    options_of: &dyn Fn(&Question) -> usize,
) -> Result<&'q Question, FormatError> {
    let missing = |message: String| FormatError::Syntax {
        path: "options.question".to_owned(),
        message,
    };
    let listed = || {
        questions
            .iter()
            .map(|q| q.title.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    match wanted {
        Some(w) => {
            let n = normalize_header(w);
            questions
                .iter()
                .find(|q| q.key == w.trim() || normalize_header(&q.title) == n)
                .or_else(|| {
                    questions
                        .iter()
                        .find(|q| normalize_header(&q.title).contains(&n))
                })
                .ok_or_else(|| {
                    missing(format!(
                        "no question {w:?}; the questions are: {}",
                        listed()
                    ))
                })
        }
        None => {
            let ballots: Vec<&Question> = questions.iter().filter(|q| options_of(q) >= 2).collect();
            match ballots.as_slice() {
                [only] => Ok(only),
                _ => Err(FormatError::MissingOption {
                    path: "options.question".to_owned(),
                    format: "form export",
                }),
            }
        }
    }
}

/// The voter and timestamp columns: the options' headers (`missing_column` when absent),
/// else the tool's defaults.
fn meta_columns(
    layout: &Layout,
    grid: &Grid,
    header: &Header,
    options: &FormOptions,
    findings: &mut Vec<TableFinding>,
) -> (Option<usize>, Option<usize>) {
    let head = grid
        .place
        .at_row(crate::tables::finding::one_based(header.row));
    let mut named = |option: &Option<String>, defaults: &[&str], what: &str| match option {
        Some(h) => {
            let c = find_column(header, &[h.as_str()]).or_else(|| find_titled(layout, header, h));
            if c.is_none() {
                findings.push(head.error("missing_column", format!("no {what} column {h:?}")));
            }
            c
        }
        None => find_column(header, defaults),
    };
    let voter = named(&options.voter_column, layout.voter, "voter");
    let time = named(&options.timestamp_column, layout.time, "timestamp");
    (voter, time)
}

/// How many options a question has: its columns, or the distinct answers of one column.
fn options_of(layout: &Layout, grid: &Grid, rows: &[usize], q: &Question) -> usize {
    if q.columns.len() > 1 {
        return q.columns.len();
    }
    let mut values: Vec<String> = Vec::new();
    for &r in rows {
        for (c, _) in &q.columns {
            let text = grid.cell(r, *c).as_text();
            let parts = split_by(&text, layout.list)
                .or_else(|| split_by(&text, layout.order))
                .unwrap_or_else(|| vec![text.as_str()]);
            for v in parts {
                if !v.is_empty() && !values.iter().any(|x| x == v) {
                    values.push(v.to_owned());
                }
            }
        }
    }
    values.len()
}

/// The ballot of an answer (`None` for a blank one), noting its candidates.
fn ballot_of(
    answer: Answer,
    kind: AnswerKind,
    voter: Option<String>,
    candidates: &mut Vec<String>,
) -> Option<Ballot> {
    let mut note = |id: &str| {
        if !candidates.iter().any(|c| c == id) {
            candidates.push(id.to_owned());
        }
    };
    let mut ballot = Ballot {
        voter,
        ranking: None,
        approve: None,
        scores: None,
        count: None,
    };
    match answer {
        Answer::Blank => return None,
        Answer::Order(ranks) => {
            ranks
                .iter()
                .flat_map(Rank::candidates)
                .for_each(|i| note(i));
            ballot.ranking = Some(ranks);
        }
        Answer::One(id) => {
            note(&id);
            ballot.ranking = Some(vec![Rank::One(id)]);
        }
        Answer::Set(mut ids) if kind == AnswerKind::Choice => {
            ids.iter().for_each(|i| note(i));
            let rank = if ids.len() == 1 {
                Rank::One(ids.pop().unwrap_or_default())
            } else {
                Rank::Several(ids)
            };
            ballot.ranking = Some(vec![rank]);
        }
        Answer::Set(ids) => {
            ids.iter().for_each(|i| note(i));
            ballot.approve = Some(ids);
        }
        Answer::Scores(scores) => {
            scores.iter().for_each(|(i, _)| note(i));
            ballot.scores = Some(scores.into_iter().collect::<BTreeMap<_, _>>());
        }
    }
    Some(ballot)
}

/// The voter and timestamp columns and the zone of times without an offset.
struct Meta {
    voter: Option<usize>,
    time: Option<usize>,
    zone: Zone,
}

/// Every submission with an answer, with its time and row; blank ones are findings.
fn submissions(
    reader: &Reader<'_>,
    rows: &[usize],
    meta: &Meta,
    candidates: &mut Vec<String>,
    findings: &mut Vec<TableFinding>,
) -> Vec<(Option<i64>, usize, Ballot)> {
    let (voter, time, zone) = (meta.voter, meta.time, &meta.zone);
    let (grid, question, kind) = (reader.grid, reader.question, reader.kind);
    let mut entries: Vec<(Option<i64>, usize, Ballot)> = Vec::new();
    for &r in rows {
        let answer = reader.answer(r, findings);
        let when = time.and_then(|c| {
            let cell = grid.cell(r, c);
            let dt = parse_datetime(cell, zone);
            if dt.is_none() && !cell.is_empty() {
                let message = format!("{:?} is not a date and time", cell.as_text());
                findings.push(reader.place(r, c).warning("invalid_datetime", message));
            }
            dt.map(|d| d.timestamp_millis())
        });
        let voter_id = voter
            .map(|c| grid.cell(r, c).as_text())
            .filter(|v| !v.is_empty());
        if let (Some(c), None) = (voter, &voter_id) {
            findings.push(
                reader
                    .place(r, c)
                    .warning("missing_voter", "no voter on this submission"),
            );
        }
        match ballot_of(answer, kind, voter_id, candidates) {
            Some(ballot) => entries.push((when, r, ballot)),
            None => {
                let c = question.columns.first().map_or(0, |x| x.0);
                findings.push(reader.place(r, c).warning(
                    "blank_submission",
                    "the question is not answered; no ballot",
                ));
            }
        }
    }
    entries
}

/// Reads the ballots of one question of a form export.
pub fn read_form(
    layout: &Layout,
    source: &TableSource<'_>,
    options: &FormOptions,
) -> Result<FormBallots, FormatError> {
    let grid = read_grid(
        source.name,
        source.bytes,
        &SourceOptions {
            encoding: options.encoding.as_deref(),
            sheet: options.sheet.as_deref(),
            limits: options.limits,
        },
    )?;
    let meta: Vec<String> = layout.meta.iter().map(|m| normalize_header(m)).collect();
    let header = find_header(&grid, &|t: &str| meta.contains(&normalize_header(t)));
    let mut findings = Vec::new();
    let (voter, time) = meta_columns(layout, &grid, &header, options, &mut findings);
    let skip: Vec<usize> = voter.iter().chain(time.iter()).copied().collect();
    let questions = questions(layout, &header, &skip);
    let rows: Vec<usize> = (header.row.saturating_add(1)..grid.rows.len())
        .filter(|&r| {
            grid.rows
                .get(r)
                .is_some_and(|row| row.iter().any(|c| !c.is_empty()))
        })
        .collect();
    let question = pick(&questions, options.question.as_deref(), &|q| {
        options_of(layout, &grid, &rows, q)
    })?;
    let kind = options
        .kind
        .unwrap_or_else(|| detect_kind(layout, &grid, &rows, question));
    let zone = Zone::parse(options.timezone.as_deref().unwrap_or("UTC")).ok_or_else(|| {
        FormatError::Syntax {
            path: "options.timezone".to_owned(),
            message: "unknown time zone".to_owned(),
        }
    })?;
    let reader = Reader {
        layout,
        grid: &grid,
        header: &header,
        question,
        kind,
    };
    let mut candidates: Vec<String> = question
        .columns
        .iter()
        .filter_map(|(_, s)| s.clone())
        .filter(|s| rank_of(s).is_none())
        .collect();
    let columns = Meta { voter, time, zone };
    let mut entries = submissions(&reader, &rows, &columns, &mut candidates, &mut findings);
    order_submissions(&mut entries, options.duplicates);
    duplicate_findings(&entries, &reader, voter, &mut findings);
    sort_findings(&mut findings);
    Ok(FormBallots {
        candidates: candidates.into_iter().map(Candidate::Id).collect(),
        ballots: entries.into_iter().map(|(_, _, b)| b).collect(),
        question: question.title.clone(),
        kind: Some(kind),
        findings,
    })
}

/// Orders submissions so the one the count keeps for each voter comes first.
fn order_submissions(entries: &mut [(Option<i64>, usize, Ballot)], duplicates: Duplicates) {
    crate::sort::sort_by(entries, |a, b| {
        let key = |e: &(Option<i64>, usize, Ballot)| (e.0.is_none(), e.0.unwrap_or(0), e.1);
        match duplicates {
            Duplicates::First => key(a).cmp(&key(b)),
            Duplicates::Last => (
                a.0.is_none(),
                std::cmp::Reverse(a.0),
                std::cmp::Reverse(a.1),
            )
                .cmp(&(
                    b.0.is_none(),
                    std::cmp::Reverse(b.0),
                    std::cmp::Reverse(b.1),
                )),
        }
    });
}

fn duplicate_findings(
    entries: &[(Option<i64>, usize, Ballot)],
    reader: &Reader<'_>,
    voter: Option<usize>,
    findings: &mut Vec<TableFinding>,
) {
    let Some(c) = voter else { return };
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, r, ballot) in entries {
        let Some(v) = ballot.voter.as_deref() else {
            continue;
        };
        match first.get(v) {
            Some(kept) => findings.push(reader.place(*r, c).warning(
                "duplicate_submission",
                format!(
                    "{v} also submitted on row {}, which counts",
                    kept.saturating_add(1)
                ),
            )),
            None => {
                first.insert(v, *r);
            }
        }
    }
}
