//! The lists each program has after the allocation: its roster, its waiting list and the
//! units held back by a household cap, each in priority order (key, then unit).
//!
//! The decision pass ([`super::allocate`]) leaves a [`Marks`] entry for each choice that
//! puts its unit on one of the lists, unit by unit, and counts them per program. The lists
//! are then laid out flat, each program's at its offset, and filled in one pass over the
//! units in draw order ([`Marks::into_lists`]): when priorities are the draw alone they
//! come out sorted, and any list that does not is sorted afterwards.

use super::mechanism::key_of;
use super::units::Units;
use crate::hint;

/// Which list of a program a mark puts its unit on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    /// The roster (`enrolled`).
    Roster = 0,
    /// The waiting list (`waitlisted`).
    Waiting = 1,
    /// Held back by the program's household cap (`household_limit`).
    Held = 2,
}

/// A choice that puts its unit on a list of a program.
#[derive(Clone, Copy, Debug)]
struct Mark {
    /// The upper half of the unit's priority key at the program (the lower half is the
    /// unit's draw place: see [`key_of`]).
    primary: u32,
    /// Program index.
    program: u32,
    /// Index of the choice in the flat choice order.
    flat: u32,
    /// The list.
    list: List,
}

/// The marks of every unit, in unit order, counted per program and list.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    marks: Vec<Mark>,
    /// Start of each unit's marks (one more than the units closed).
    at: Vec<u32>,
    /// Marks per program, by list.
    counts: Vec<[u32; 3]>,
}

/// One entry of a list: priority key and unit.
pub(crate) type Entry = (u64, u32);

/// One entry of a waiting list: priority key, unit and the index of the choice in the
/// flat choice order.
pub(crate) type WaitingEntry = (u64, u32, u32);

/// The lists of every program, flat: program `p`'s are at `at[p]..at[p + 1]` of each.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    roster: Vec<Entry>,
    waiting: Vec<WaitingEntry>,
    held: Vec<Entry>,
    /// Start of each program's part of each list (one more than programs).
    at: Vec<[u32; 3]>,
}

impl Marks {
    /// No marks yet, with room for `marks` of them over `units` units and `programs`
    /// programs.
    pub fn with_capacity(units: usize, marks: usize, programs: usize) -> Marks {
        let mut at = Vec::with_capacity(units.saturating_add(1));
        at.push(0);
        Marks {
            marks: Vec::with_capacity(marks),
            at,
            counts: vec![[0; 3]; programs],
        }
    }

    /// Marks choice `flat` of the unit being decided: it goes on `list` of `program`,
    /// with `primary` the upper half of its key there.
    pub fn push(&mut self, list: List, program: u32, primary: u32, flat: u32) {
        if let Some(count) = self
            .counts
            .get_mut(program as usize)
            .and_then(|c| c.get_mut(list as usize))
        {
            *count = count.saturating_add(1);
            self.marks.push(Mark {
                primary,
                program,
                flat,
                list,
            });
        }
    }

    /// Ends the marks of the unit being decided.
    pub fn close_unit(&mut self) {
        self.at.push(self.marks.len() as u32);
    }

    /// The lists, filled from the marks of `order`'s units in that order (each part's
    /// units by draw place), then sorted where they are not.
    pub fn into_lists(self, units: &Units, order: &[u32]) -> Lists {
        let mut at = Vec::with_capacity(self.counts.len().saturating_add(1));
        let mut next = [0u32; 3];
        for count in &self.counts {
            at.push(next);
            for (n, c) in next.iter_mut().zip(count) {
                *n = n.saturating_add(*c);
            }
        }
        at.push(next);
        let [rosters, waiting, held] = next.map(|n| n as usize);
        let mut lists = Lists {
            roster: vec![(0, 0); rosters],
            waiting: vec![(0, 0, 0); waiting],
            held: vec![(0, 0); held],
            at: Vec::new(),
        };
        let mut cursor = at.clone();
        let span = |u: u32| -> (usize, usize) {
            let start = self.at.get(u as usize).copied().unwrap_or(0) as usize;
            let end = self
                .at
                .get((u as usize).saturating_add(1))
                .copied()
                .unwrap_or(0) as usize;
            (start, end)
        };
        // Units come in a scattered order: their marks are asked for ahead, in two
        // stages (offsets, then marks).
        for (j, &u) in order.iter().enumerate() {
            if let Some(&far) = order.get(j.saturating_add(2 * LOOKAHEAD)) {
                hint::prefetch_at(&self.at, far as usize);
            }
            if let Some(&near) = order.get(j.saturating_add(LOOKAHEAD)) {
                hint::prefetch_at(&self.marks, span(near).0);
            }
            let (start, end) = span(u);
            let draw = units.draw(u as usize);
            for m in self.marks.get(start..end).unwrap_or(&[]) {
                let key = key_of(m.primary, draw);
                let Some(c) = cursor
                    .get_mut(m.program as usize)
                    .and_then(|c| c.get_mut(m.list as usize))
                else {
                    continue;
                };
                let slot = *c as usize;
                *c = c.saturating_add(1);
                match m.list {
                    List::Roster => {
                        if let Some(s) = lists.roster.get_mut(slot) {
                            *s = (key, u);
                        }
                    }
                    List::Waiting => {
                        if let Some(s) = lists.waiting.get_mut(slot) {
                            *s = (key, u, m.flat);
                        }
                    }
                    List::Held => {
                        if let Some(s) = lists.held.get_mut(slot) {
                            *s = (key, u);
                        }
                    }
                }
            }
        }
        lists.at = at;
        for p in 0..self.counts.len() {
            let [r, w, h] = lists.spans(p);
            sort_if_needed(lists.roster.get_mut(r).unwrap_or(&mut []));
            sort_if_needed(lists.waiting.get_mut(w).unwrap_or(&mut []));
            sort_if_needed(lists.held.get_mut(h).unwrap_or(&mut []));
        }
        lists
    }
}

/// How many units ahead in the order their marks are asked for (see [`crate::hint`]).
const LOOKAHEAD: usize = 8;

/// Sorts `list` unless it is sorted already (the usual case).
fn sort_if_needed<T: Ord>(list: &mut [T]) {
    if !list.is_sorted() {
        crate::sort::sort(list);
    }
}

impl Lists {
    /// The ranges of program `p`'s roster, waiting list and held-back list.
    fn spans(&self, p: usize) -> [std::ops::Range<usize>; 3] {
        let start = self.at.get(p).copied().unwrap_or([0; 3]);
        let end = self.at.get(p.saturating_add(1)).copied().unwrap_or(start);
        let range = |i: usize| {
            let s = start.get(i).copied().unwrap_or(0) as usize;
            s..end.get(i).map_or(s, |&e| (e as usize).max(s))
        };
        [range(0), range(1), range(2)]
    }

    /// Program `p`'s roster, in priority order.
    pub fn roster(&self, p: usize) -> &[Entry] {
        let [r, _, _] = self.spans(p);
        self.roster.get(r).unwrap_or(&[])
    }

    /// Program `p`'s waiting list, in priority order.
    pub fn waiting(&self, p: usize) -> &[WaitingEntry] {
        let [_, w, _] = self.spans(p);
        self.waiting.get(w).unwrap_or(&[])
    }

    /// The units program `p` holds back for its household cap, in priority order.
    pub fn held(&self, p: usize) -> &[Entry] {
        let [_, _, h] = self.spans(p);
        self.held.get(h).unwrap_or(&[])
    }

    /// Every waiting list's entries, program after program.
    pub fn all_waiting(&self) -> impl Iterator<Item = &[WaitingEntry]> {
        (0..self.at.len().saturating_sub(1)).map(|p| self.waiting(p))
    }
}
