//! One submission's answer to the question read: its cells, in the tool's layout, as an
//! order, a set, one choice or scores; and the kind of a question's answers, detected.

use super::layout::Layout;
use super::Question;
use super::{AnswerKind, Header};
use crate::tables::finding::{Place, TableFinding};
use crate::tables::grid::{Cell, Grid};
use crate::tables::values::ordinal;
use crate::vote::Rank;

/// One submission's answer, before candidates are collected.
pub(super) enum Answer {
    /// Nothing answered.
    Blank,
    /// An order (several candidates at one rank when the form let two share it).
    Order(Vec<Rank>),
    /// A set of candidates.
    Set(Vec<String>),
    /// One candidate.
    One(String),
    /// A score per candidate.
    Scores(Vec<(String, i64)>),
}

pub(super) fn is_blank(layout: &Layout, cell: &Cell) -> bool {
    cell.is_empty() || layout.blank.contains(&cell.as_text().as_str())
}

/// The parts of `text` split by the first of `seps` it contains.
pub(super) fn split_by<'a>(text: &'a str, seps: &[&str]) -> Option<Vec<&'a str>> {
    let sep = seps.iter().find(|s| text.contains(**s))?;
    Some(
        text.split(sep)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect(),
    )
}

/// The rank an ordinal cell or sub-question says: `1st choice`, `第一`, `Rank 2`, `3`.
pub(super) fn rank_of(text: &str) -> Option<u32> {
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

/// Whether a checkbox cell says chosen: `1`, `√`, `是`, `Yes`, or the option's own text.
fn truthy(text: &str, sub: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "1" | "√" | "✓" | "是" | "yes" | "true" | "selected" | "选中" => Some(true),
        "0" | "否" | "no" | "false" | "" => Some(false),
        t if t == sub.trim().to_lowercase() => Some(true),
        _ => None,
    }
}

/// An order from `(rank, candidate)` marks: candidates sharing a rank stand together.
fn order_of(mut marks: Vec<(u32, String)>) -> (Vec<Rank>, bool) {
    crate::sort::sort(&mut marks);
    let mut out: Vec<(u32, Vec<String>)> = Vec::new();
    for (rank, id) in marks {
        match out.last_mut() {
            Some((r, ids)) if *r == rank => ids.push(id),
            _ => out.push((rank, vec![id])),
        }
    }
    let tied = out.iter().any(|(_, ids)| ids.len() > 1);
    let ranks = out
        .into_iter()
        .map(|(_, mut ids)| {
            if ids.len() == 1 {
                Rank::One(ids.pop().unwrap_or_default())
            } else {
                Rank::Several(ids)
            }
        })
        .collect();
    (ranks, tied)
}

/// Reads one question's answers, row by row.
pub(super) struct Reader<'a> {
    pub layout: &'a Layout,
    pub grid: &'a Grid,
    pub header: &'a Header,
    pub question: &'a Question,
    pub kind: AnswerKind,
}

impl Reader<'_> {
    pub fn place(&self, r: usize, c: usize) -> Place {
        self.header.place(self.grid, r, c)
    }

    /// The answer of row `r`; problems go to `findings`.
    pub fn answer(&self, r: usize, findings: &mut Vec<TableFinding>) -> Answer {
        match self.question.columns.as_slice() {
            [(c, None)] => self.one_cell(self.grid.cell(r, *c)),
            _ => self.grid_answer(r, findings),
        }
    }

    /// A question answered in one cell: an order, a list or one answer.
    fn one_cell(&self, cell: &Cell) -> Answer {
        let layout = self.layout;
        if is_blank(layout, cell) {
            return Answer::Blank;
        }
        let text = cell.as_text();
        let owned = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect::<Vec<String>>();
        if let Some(order) = split_by(&text, layout.order) {
            if self.kind != AnswerKind::Approval {
                return Answer::Order(owned(order).into_iter().map(Rank::One).collect());
            }
        }
        if let Some(list) = split_by(&text, layout.list) {
            return if self.kind == AnswerKind::Ranking {
                Answer::Order(owned(list).into_iter().map(Rank::One).collect())
            } else {
                Answer::Set(owned(list))
            };
        }
        match self.kind {
            AnswerKind::Approval => Answer::Set(vec![text]),
            AnswerKind::Ranking => Answer::Order(vec![Rank::One(text)]),
            _ => Answer::One(text),
        }
    }

    /// A question split into columns (a grid, or one column per option).
    fn grid_answer(&self, r: usize, findings: &mut Vec<TableFinding>) -> Answer {
        let q = self.question;
        let ranks_are_columns = self.kind == AnswerKind::Ranking
            && q.columns
                .iter()
                .all(|(_, s)| s.as_deref().and_then(rank_of).is_some());
        let mut marks: Vec<(u32, String)> = Vec::new();
        let mut set = Vec::new();
        let mut scores = Vec::new();
        for (c, sub) in &q.columns {
            let cell = self.grid.cell(r, *c);
            if is_blank(self.layout, cell) {
                continue;
            }
            let sub = sub.clone().unwrap_or_default();
            let text = cell.as_text();
            let bad =
                |code: &str, what: &str| self.place(r, *c).error(code, format!("{text:?} {what}"));
            if ranks_are_columns {
                marks.push((rank_of(&sub).unwrap_or(u32::MAX), text));
                continue;
            }
            match self.kind {
                AnswerKind::Approval | AnswerKind::Choice => match truthy(&text, &sub) {
                    Some(true) => set.push(sub),
                    Some(false) => {}
                    None => findings.push(bad("invalid_rank", "is neither chosen (1) nor not (0)")),
                },
                AnswerKind::Ranking => match rank_of(&text) {
                    Some(rank) => marks.push((rank, sub)),
                    None => {
                        findings.push(bad("invalid_rank", "is not a rank (1, 1st choice, 第一)"))
                    }
                },
                AnswerKind::Score => match text.parse::<f64>().ok().filter(|v| v.fract() == 0.0) {
                    Some(v) => scores.push((sub, v as i64)),
                    None => findings.push(bad("invalid_number", "is not a whole-number score")),
                },
            }
        }
        match self.kind {
            AnswerKind::Score if !scores.is_empty() => Answer::Scores(scores),
            AnswerKind::Approval | AnswerKind::Choice if !set.is_empty() => Answer::Set(set),
            AnswerKind::Ranking if !marks.is_empty() => {
                let (order, tied) = order_of(marks);
                if tied {
                    let place = self.grid.place.at_row(crate::tables::finding::one_based(r));
                    findings.push(place.warning(
                        "shared_rank",
                        "several candidates at one rank: an overvote there, as the count's rules say",
                    ));
                }
                Answer::Order(order)
            }
            _ => Answer::Blank,
        }
    }
}

pub(super) fn kind_of_grid(
    layout: &Layout,
    grid: &Grid,
    rows: &[usize],
    q: &Question,
) -> AnswerKind {
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

/// The kind of a question's answers, from its cells (see the module documentation of [`super`]).
pub(super) fn detect_kind(
    layout: &Layout,
    grid: &Grid,
    rows: &[usize],
    q: &Question,
) -> AnswerKind {
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
    crate::sort::sort(&mut all);
    all.dedup();
    let full =
        lists.len() == texts.len() && lists.iter().all(|l| l.len() == all.len()) && all.len() > 1;
    if full && !layout.order.is_empty() {
        AnswerKind::Ranking
    } else {
        AnswerKind::Approval
    }
}
