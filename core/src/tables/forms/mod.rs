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

pub mod google;
pub mod layout;
pub mod microsoft;
pub mod tencent;
pub mod wjx;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::finding::{sort_findings, Place, TableFinding};
use super::grid::{Cell, Grid};
use super::header::{find_header, Header};
use super::source::{read_grid, Limits, SourceOptions};
use super::values::{normalize_header, ordinal, parse_datetime};
use super::TableSource;
use crate::formats::FormatError;
use crate::vote::{Ballot, Candidate, Rank};
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

/// One submission's answer, before candidates are collected.
enum Answer {
    Blank,
    Order(Vec<String>),
    Set(Vec<String>),
    One(String),
    Scores(Vec<(String, i64)>),
}

fn is_blank(layout: &Layout, cell: &Cell) -> bool {
    cell.is_empty() || layout.blank.contains(&cell.as_text().as_str())
}

fn split_by<'a>(text: &'a str, seps: &[&str]) -> Option<Vec<&'a str>> {
    let sep = seps.iter().find(|s| text.contains(**s))?;
    Some(
        text.split(sep)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect(),
    )
}

/// The rank an ordinal cell or sub-question says: `1st choice`, `第一`, `Rank 2`, `3`.
fn rank_of(text: &str) -> Option<u32> {
    let lower = text.trim().to_lowercase();
    let mut t = lower.as_str();
    for word in [
        "choice",
        "place",
        "rank",
        "preference",
        "选择",
        "志愿",
        "名次",
    ] {
        t = t.trim_start_matches(word).trim_end_matches(word).trim();
    }
    ordinal(t)
}

fn truthy(text: &str, sub: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "1" | "√" | "✓" | "是" | "yes" | "true" | "selected" | "选中" => Some(true),
        "0" | "否" | "no" | "false" | "" => Some(false),
        t if t == sub.trim().to_lowercase() => Some(true),
        _ => None,
    }
}

fn kind_of_grid(layout: &Layout, grid: &Grid, rows: &[usize], q: &Question) -> AnswerKind {
    if q.columns
        .iter()
        .all(|(_, s)| s.as_deref().and_then(rank_of).is_some())
    {
        return AnswerKind::Ranking;
    }
    let mut any_above_one = false;
    let mut repeats = false;
    let mut all_truthy = true;
    for &r in rows {
        let mut seen: Vec<u32> = Vec::new();
        for (c, sub) in &q.columns {
            let cell = grid.cell(r, *c);
            if is_blank(layout, cell) {
                continue;
            }
            let text = cell.as_text();
            if truthy(&text, sub.as_deref().unwrap_or("")).is_none() {
                all_truthy = false;
            }
            if let Some(n) = rank_of(&text) {
                any_above_one |= n > 1;
                repeats |= n > 1 && seen.contains(&n);
                seen.push(n);
            }
        }
    }
    let most = rows
        .iter()
        .flat_map(|&r| q.columns.iter().map(move |(c, _)| (r, *c)))
        .filter_map(|(r, c)| rank_of(&grid.cell(r, c).as_text()))
        .max()
        .unwrap_or(0);
    if all_truthy && !any_above_one {
        AnswerKind::Approval
    } else if repeats || most as usize > q.columns.len() {
        AnswerKind::Score
    } else {
        AnswerKind::Ranking
    }
}

struct Reader<'a> {
    layout: &'a Layout,
    grid: &'a Grid,
    header: &'a Header,
    question: &'a Question,
    kind: AnswerKind,
}

impl Reader<'_> {
    fn place(&self, r: usize, c: usize) -> Place {
        self.header.place(self.grid, r, c)
    }

    fn answer(&self, r: usize, findings: &mut Vec<TableFinding>) -> Answer {
        let (layout, grid) = (self.layout, self.grid);
        let q = self.question;
        if let [(c, None)] = q.columns.as_slice() {
            let cell = grid.cell(r, *c);
            if is_blank(layout, cell) {
                return Answer::Blank;
            }
            let text = cell.as_text();
            if let Some(order) = split_by(&text, layout.order) {
                if self.kind != AnswerKind::Approval {
                    return Answer::Order(order.into_iter().map(str::to_owned).collect());
                }
            }
            if let Some(list) = split_by(&text, layout.list) {
                let list: Vec<String> = list.into_iter().map(str::to_owned).collect();
                return if self.kind == AnswerKind::Ranking {
                    Answer::Order(list)
                } else {
                    Answer::Set(list)
                };
            }
            return match self.kind {
                AnswerKind::Approval => Answer::Set(vec![text]),
                AnswerKind::Ranking => Answer::Order(vec![text]),
                _ => Answer::One(text),
            };
        }
        let mut marks: Vec<(u32, String)> = Vec::new();
        let mut set = Vec::new();
        let mut scores = Vec::new();
        for (c, sub) in &q.columns {
            let cell = grid.cell(r, *c);
            if is_blank(layout, cell) {
                continue;
            }
            let sub = sub.clone().unwrap_or_default();
            let text = cell.as_text();
            if let Some(rank) = rank_of(&sub).filter(|_| {
                self.kind == AnswerKind::Ranking
                    && q.columns
                        .iter()
                        .all(|(_, s)| s.as_deref().and_then(rank_of).is_some())
            }) {
                marks.push((rank, text));
                continue;
            }
            match self.kind {
                AnswerKind::Approval | AnswerKind::Choice => match truthy(&text, &sub) {
                    Some(true) => set.push(sub),
                    Some(false) => {}
                    None => findings.push(self.place(r, *c).error(
                        "invalid_rank",
                        format!("{text:?} is neither chosen (1) nor not (0)"),
                    )),
                },
                AnswerKind::Ranking => match rank_of(&text) {
                    Some(rank) => marks.push((rank, sub)),
                    None => findings.push(self.place(r, *c).error(
                        "invalid_rank",
                        format!("{text:?} is not a rank (1, 1st choice, 第一)"),
                    )),
                },
                AnswerKind::Score => match text.parse::<f64>().ok().filter(|v| v.fract() == 0.0) {
                    Some(v) => scores.push((sub, v as i64)),
                    None => findings.push(self.place(r, *c).error(
                        "invalid_number",
                        format!("{text:?} is not a whole-number score"),
                    )),
                },
            }
        }
        match self.kind {
            AnswerKind::Score if !scores.is_empty() => Answer::Scores(scores),
            AnswerKind::Approval | AnswerKind::Choice if !set.is_empty() => Answer::Set(set),
            AnswerKind::Ranking if !marks.is_empty() => {
                marks.sort();
                let mut order: Vec<String> = Vec::new();
                let max = marks.last().map_or(0, |m| m.0) as usize;
                let mut ranks: Vec<Vec<String>> = vec![Vec::new(); max.min(marks.len() * 2 + 1)];
                for (rank, id) in marks {
                    if let Some(slot) = (rank as usize)
                        .checked_sub(1)
                        .and_then(|i| ranks.get_mut(i))
                    {
                        slot.push(id);
                    } else {
                        order.push(id);
                    }
                }
                let mut out: Vec<String> = Vec::new();
                let mut tied = false;
                for slot in &ranks {
                    tied |= slot.len() > 1;
                    out.extend(slot.iter().cloned());
                }
                if tied {
                    findings.push(
                        self.grid
                            .place
                            .at_row(r as u32 + 1)
                            .error("invalid_rank", "two candidates share a rank"),
                    );
                }
                out.extend(order);
                Answer::Order(out)
            }
            _ => Answer::Blank,
        }
    }
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
    let head = grid.place.at_row(header.row as u32 + 1);
    let named = |option: &Option<String>,
                 defaults: &[&str],
                 what: &str,
                 findings: &mut Vec<TableFinding>| match option {
        Some(h) => {
            let c = find_column(&header, &[h.as_str()]);
            if c.is_none() {
                findings.push(head.error("missing_column", format!("no {what} column {h:?}")));
            }
            c
        }
        None => find_column(&header, defaults),
    };
    let voter = named(&options.voter_column, layout.voter, "voter", &mut findings);
    let time = named(
        &options.timestamp_column,
        layout.time,
        "timestamp",
        &mut findings,
    );
    let skip: Vec<usize> = voter.iter().chain(time.iter()).copied().collect();
    let questions = questions(layout, &header, &skip);
    let rows: Vec<usize> = (header.row + 1..grid.rows.len())
        .filter(|&r| {
            grid.rows
                .get(r)
                .is_some_and(|row| row.iter().any(|c| !c.is_empty()))
        })
        .collect();
    let distinct = |q: &Question| -> usize {
        if q.columns.len() > 1 {
            return q.columns.len();
        }
        let mut values: Vec<String> = Vec::new();
        for &r in &rows {
            for (c, _) in &q.columns {
                let text = grid.cell(r, *c).as_text();
                for v in split_by(&text, layout.list)
                    .or_else(|| split_by(&text, layout.order))
                    .unwrap_or_else(|| vec![text.as_str()])
                {
                    if !v.is_empty() && !values.iter().any(|x| x == v) {
                        values.push(v.to_owned());
                    }
                }
            }
        }
        values.len()
    };
    let question = pick(&questions, options.question.as_deref(), &distinct)?;
    let kind = options
        .kind
        .unwrap_or_else(|| detect_kind(layout, &grid, &rows, question));
    let zone: chrono_tz::Tz = options
        .timezone
        .as_deref()
        .unwrap_or("UTC")
        .parse()
        .map_err(|_| FormatError::Syntax {
            path: "options.timezone".to_owned(),
            message: "unknown time zone".to_owned(),
        })?;
    let reader = Reader {
        layout,
        grid: &grid,
        header: &header,
        question,
        kind,
    };
    let mut entries: Vec<(Option<i64>, usize, Ballot)> = Vec::new();
    let mut candidates: Vec<String> = question
        .columns
        .iter()
        .filter_map(|(_, s)| s.clone())
        .filter(|s| rank_of(s).is_none())
        .collect();
    for &r in &rows {
        let answer = reader.answer(r, &mut findings);
        let when = time.and_then(|c| {
            let cell = grid.cell(r, c);
            let dt = parse_datetime(cell, &zone);
            if dt.is_none() && !cell.is_empty() {
                findings.push(reader.place(r, c).warning(
                    "invalid_datetime",
                    format!("{:?} is not a date and time", cell.as_text()),
                ));
            }
            dt.map(|d| d.timestamp_millis())
        });
        let voter_id = voter
            .map(|c| grid.cell(r, c).as_text())
            .filter(|v| !v.is_empty());
        if voter.is_some() && voter_id.is_none() {
            if let Some(c) = voter {
                findings.push(
                    reader
                        .place(r, c)
                        .warning("missing_voter", "no voter on this submission"),
                );
            }
        }
        let mut ballot = Ballot {
            voter: voter_id,
            ranking: None,
            approve: None,
            scores: None,
            count: None,
        };
        let mut note = |id: &str| {
            if !candidates.iter().any(|c| c == id) {
                candidates.push(id.to_owned());
            }
        };
        match answer {
            Answer::Blank => {
                let c = question.columns.first().map_or(0, |x| x.0);
                findings.push(reader.place(r, c).warning(
                    "blank_submission",
                    "the question is not answered; no ballot",
                ));
                continue;
            }
            Answer::Order(ids) => {
                ids.iter().for_each(|i| note(i));
                ballot.ranking = Some(ids.into_iter().map(Rank::One).collect());
            }
            Answer::One(id) => {
                note(&id);
                ballot.ranking = Some(vec![Rank::One(id)]);
            }
            Answer::Set(ids) => {
                ids.iter().for_each(|i| note(i));
                if kind == AnswerKind::Choice {
                    ballot.ranking = Some(vec![if ids.len() == 1 {
                        Rank::One(ids.into_iter().next().unwrap_or_default())
                    } else {
                        Rank::Several(ids)
                    }]);
                } else {
                    ballot.approve = Some(ids);
                }
            }
            Answer::Scores(scores) => {
                scores.iter().for_each(|(i, _)| note(i));
                ballot.scores = Some(scores.into_iter().collect::<BTreeMap<_, _>>());
            }
        }
        entries.push((when, r, ballot));
    }
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

fn detect_kind(layout: &Layout, grid: &Grid, rows: &[usize], q: &Question) -> AnswerKind {
    if q.columns.len() > 1 {
        return kind_of_grid(layout, grid, rows, q);
    }
    let c = q.columns.first().map_or(0, |x| x.0);
    let texts: Vec<String> = rows
        .iter()
        .map(|&r| grid.cell(r, c).as_text())
        .filter(|t| !t.is_empty())
        .collect();
    if texts.iter().any(|t| {
        split_by(t, layout.order).is_some_and(|v| v.len() > 1)
            && !layout.order.iter().all(|o| layout.list.contains(o))
    }) {
        return AnswerKind::Ranking;
    }
    let lists: Vec<Vec<&str>> = texts
        .iter()
        .filter_map(|t| split_by(t, layout.list))
        .collect();
    if lists.is_empty() {
        return AnswerKind::Choice;
    }
    let mut all: Vec<&str> = lists.iter().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    let full =
        lists.len() == texts.len() && lists.iter().all(|l| l.len() == all.len()) && all.len() > 1;
    if full && !layout.order.is_empty() {
        AnswerKind::Ranking
    } else {
        AnswerKind::Approval
    }
}

/// Orders submissions so the one the count keeps for each voter comes first.
fn order_submissions(entries: &mut [(Option<i64>, usize, Ballot)], duplicates: Duplicates) {
    entries.sort_by(|a, b| {
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
                format!("{v} also submitted on row {}, which counts", kept + 1),
            )),
            None => {
                first.insert(v, *r);
            }
        }
    }
}
