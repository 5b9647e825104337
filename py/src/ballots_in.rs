//! Ballots from Python objects, read straight into the core's [`BallotBox`].
//!
//! The fast path walks lists, tuples and any iterable (a generator is streamed, never copied
//! into a list), reads each ballot dict with exact-type checks, and looks each candidate id
//! up once per distinct string object (the same `str` objects recur on most ballots). Any
//! entry it does not recognise (another type, an unknown key, a value of the wrong kind) is
//! read again by the generic document reader with the entry's own path, so the error is the
//! one the wire documents give (`ballots[7].ranking[2]`), and an unusual but valid entry (a
//! `Mapping` that is not a dict, a set of approvals) is still read.
//!
//! Python conveniences beyond the wire format: an entry that is a list or tuple is a
//! ranking (`["a", ["b", "c"], "d"]`), in which an `int` is a candidate's index in the
//! election's `candidates` (one out of range counts as an unknown candidate).

use foldhash::fast::FixedState;
use huaide::vote::{Ballot, BallotBox, BallotBoxBuilder, Election, UNKNOWN};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyInt, PyMapping, PyString};
use std::collections::HashMap;

use crate::convert::{from_py, or_raise};
use crate::items::{for_each_item, sequence_len};

/// How many distinct string objects the candidate cache remembers.
const CACHE_LIMIT: usize = 1 << 16;

/// The slots of the cache's direct-mapped table (a power of two).
const SLOTS: usize = 64;

/// Candidate ids already seen, by the address of their `str` object: in a direct-mapped
/// table of [`SLOTS`] slots (a ballot's marks are usually the same few objects, so a mark
/// costs one multiplication and one comparison), the ones that collide in a map. The objects
/// are kept alive while the cache lives, so an address cannot be reused by another object:
/// an object found by its address needs no type check.
pub(crate) struct CandidateCache<'py> {
    slots: [(usize, u32); SLOTS],
    by_address: HashMap<usize, u32, FixedState>,
    keep: Vec<Bound<'py, PyString>>,
}

impl<'py> CandidateCache<'py> {
    pub(crate) fn new() -> Self {
        CandidateCache {
            slots: [(0, 0); SLOTS],
            by_address: HashMap::default(),
            keep: Vec::new(),
        }
    }

    /// The slot of an address (Fibonacci hashing: the top bits of a multiplication).
    #[inline]
    fn slot(address: usize) -> usize {
        (address as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) as usize
            >> (usize::BITS - SLOTS.trailing_zeros())
    }

    /// The candidate number of `object` when it is a string this cache has seen.
    #[inline]
    pub(crate) fn known(&self, object: &Bound<'py, PyAny>) -> Option<u32> {
        let address = object.as_ptr() as usize;
        match self.slots.get(Self::slot(address)) {
            Some(&(a, c)) if a == address => Some(c),
            _ if self.by_address.is_empty() => None,
            _ => self.by_address.get(&address).copied(),
        }
    }

    /// The candidate number of `id` by `lookup`, or `None` when it is not valid UTF-8.
    pub(crate) fn get(
        &mut self,
        id: &Bound<'py, PyString>,
        lookup: impl FnOnce(&str) -> u32,
    ) -> Option<u32> {
        if let Some(c) = self.known(id.as_any()) {
            return Some(c);
        }
        let address = id.as_ptr() as usize;
        let c = lookup(id.to_str().ok()?);
        if self.keep.len() < CACHE_LIMIT {
            match self.slots.get_mut(Self::slot(address)) {
                Some(slot) if slot.0 == 0 => *slot = (address, c),
                _ => {
                    self.by_address.insert(address, c);
                }
            }
            self.keep.push(id.clone());
        }
        Some(c)
    }
}

/// The key names of a ballot dict, as interned strings (compared by address first).
struct Keys<'py> {
    voter: Bound<'py, PyString>,
    ranking: Bound<'py, PyString>,
    approve: Bound<'py, PyString>,
    scores: Bound<'py, PyString>,
    count: Bound<'py, PyString>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Voter,
    Ranking,
    Approve,
    Scores,
    Count,
}

impl<'py> Keys<'py> {
    fn new(py: Python<'py>) -> Self {
        Keys {
            voter: intern!(py, "voter").clone(),
            ranking: intern!(py, "ranking").clone(),
            approve: intern!(py, "approve").clone(),
            scores: intern!(py, "scores").clone(),
            count: intern!(py, "count").clone(),
        }
    }

    fn of(&self, key: &Bound<'py, PyAny>) -> Option<Key> {
        let all = [
            (&self.ranking, Key::Ranking),
            (&self.voter, Key::Voter),
            (&self.count, Key::Count),
            (&self.approve, Key::Approve),
            (&self.scores, Key::Scores),
        ];
        if let Some((_, k)) = all.iter().find(|(s, _)| s.as_ptr() == key.as_ptr()) {
            return Some(*k);
        }
        let text = key.cast_exact::<PyString>().ok()?.to_str().ok()?;
        all.iter()
            .find(|(s, _)| s.to_str().is_ok_and(|name| name == text))
            .map(|(_, k)| *k)
    }
}

/// Reads `ballots` for `election` into a box (see the module documentation).
pub(crate) fn read_ballots(election: &Election, ballots: &Bound<'_, PyAny>) -> PyResult<BallotBox> {
    let py = ballots.py();
    let mut reader = Reader {
        builder: BallotBoxBuilder::new(election),
        cache: CandidateCache::new(),
        keys: Keys::new(py),
    };
    if let Some(len) = sequence_len(ballots) {
        reader.builder.reserve(len);
        let mut i = 0usize;
        for_each_item(ballots, |item| {
            reader.entry(i, &item)?;
            i = i.wrapping_add(1);
            Ok::<(), PyErr>(())
        })
        .unwrap_or(Ok(()))?;
    } else if let Some(matrix) = crate::profile_in::int_matrix(ballots)? {
        // A 2-D integer array: one ranking of candidate indices per row, -1 padding.
        if matrix.dimensions() != 2 {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "an array of ballots has 2 dimensions: one ranking per row",
            ));
        }
        let builder = &mut reader.builder;
        matrix.for_each_row(
            |i, row| {
                builder.start();
                builder.start_ranking();
                for &c in row.map_err(|message| matrix_error(py, i, message))? {
                    builder.mark(u32::try_from(c).unwrap_or(UNKNOWN));
                    or_raise(py, builder.end_rank())?;
                }
                or_raise(py, builder.end())
            },
            || pyo3::exceptions::PyTypeError::new_err("an array value does not fit in 64 bits"),
        )?;
    } else {
        match ballots.try_iter() {
            Ok(items) if !is_document_like(ballots) => {
                for (i, item) in items.enumerate() {
                    reader.entry(i, &item?)?;
                }
            }
            // Not a sequence of ballots: the generic reader gives today's error (or reads it).
            _ => {
                let ballots: Vec<Ballot> = from_py(ballots, "ballots")?;
                return or_raise(py, BallotBox::from_ballots(election, &ballots));
            }
        }
    }
    Ok(reader.builder.finish())
}

/// Objects that are iterable but not a sequence of ballots: a `str`, `bytes`, or a mapping.
pub(crate) fn is_document_like(value: &Bound<'_, PyAny>) -> bool {
    value.is_instance_of::<PyString>()
        || value.is_instance_of::<PyBytes>()
        || value.is_instance_of::<PyDict>()
        || value.cast::<PyMapping>().is_ok()
}

struct Reader<'e, 'py> {
    builder: BallotBoxBuilder<'e>,
    cache: CandidateCache<'py>,
    keys: Keys<'py>,
}

impl<'py> Reader<'_, 'py> {
    /// Adds entry `i`: by the fast path, else by the generic reader (exact errors).
    fn entry(&mut self, i: usize, item: &Bound<'py, PyAny>) -> PyResult<()> {
        self.builder.start();
        let fast = if let Ok(dict) = item.cast_exact::<PyDict>() {
            self.dict(dict)
        } else if sequence_len(item).is_some() {
            self.builder.start_ranking();
            if self.ranking(item, true) == Some(()) {
                Some(())
            } else {
                return Err(shorthand_error(item.py(), i));
            }
        } else {
            None
        };
        let py = item.py();
        match fast {
            Some(()) => or_raise(py, self.builder.end()),
            None => {
                // The generic reader can run Python code: it holds its own reference.
                let ballot: Ballot = from_py(&item.clone(), &format!("ballots[{i}]"))?;
                or_raise(py, self.builder.push(&ballot))
            }
        }
    }

    /// A ballot dict; `None` when something is not of the expected exact type.
    fn dict(&mut self, dict: &Bound<'py, PyDict>) -> Option<()> {
        for (key, value) in dict.iter() {
            let key = self.keys.of(&key)?;
            if value.is_none() {
                continue;
            }
            match key {
                Key::Voter => {
                    let voter = value.cast_exact::<PyString>().ok()?.to_str().ok()?;
                    self.builder.voter(voter).ok()?;
                }
                Key::Count => {
                    let count = value.cast_exact::<PyInt>().ok()?.extract::<u64>().ok()?;
                    self.builder.count(count);
                }
                Key::Ranking => {
                    self.builder.start_ranking();
                    self.ranking(&value, false)?;
                }
                Key::Approve => {
                    self.builder.start_approve();
                    for_each_item(&value, |id| {
                        let c = self.candidate(&id, false).ok_or(())?;
                        self.builder.approve(c).map_err(drop)?;
                        self.name_unknown(c, "approve", &id);
                        Ok::<(), ()>(())
                    })?
                    .ok()?;
                }
                Key::Scores => {
                    self.builder.start_scores();
                    for (id, score) in value.cast_exact::<PyDict>().ok()?.iter() {
                        let c = self.candidate(&id, false)?;
                        let score = score.cast_exact::<PyInt>().ok()?.extract::<i64>().ok()?;
                        self.builder.score(c, score).ok()?;
                        self.name_unknown(c, "scores", &id);
                    }
                }
            }
        }
        Some(())
    }

    /// The ranks of a ranking: an id (or, with `indices`, an int), or a list of them.
    /// Nothing here runs Python code, so the items stay borrowed.
    fn ranking(&mut self, ranks: &Bound<'py, PyAny>, indices: bool) -> Option<()> {
        for_each_item(ranks, |rank| {
            if let Some(c) = self.cache.known(&rank) {
                // The usual rank: one id already seen.
                self.builder.mark(c);
                self.name_unknown(c, "ranking", &rank);
                return self.builder.end_rank().map_err(drop);
            }
            let several = for_each_item(&rank, |id| {
                let c = self.candidate(&id, indices).ok_or(())?;
                self.builder.mark(c);
                self.name_unknown(c, "ranking", &id);
                Ok::<(), ()>(())
            });
            match several {
                Some(read) => read?,
                None => {
                    let c = self.candidate(&rank, indices).ok_or(())?;
                    self.builder.mark(c);
                    self.name_unknown(c, "ranking", &rank);
                }
            }
            self.builder.end_rank().map_err(drop)
        })?
        .ok()
    }

    /// Keeps the id of an unknown candidate's mark just added to `field`, for the audit
    /// file's ballots (an index out of range has none).
    fn name_unknown(&mut self, c: u32, field: &str, mark: &Bound<'py, PyAny>) {
        if c == UNKNOWN {
            if let Some(id) = mark.cast::<PyString>().ok().and_then(|s| s.to_str().ok()) {
                self.builder.name_last_unknown(field, id);
            }
        }
    }

    /// The number of a candidate mark: a `str` id, or with `indices` an `int` index.
    fn candidate(&mut self, mark: &Bound<'py, PyAny>, indices: bool) -> Option<u32> {
        if let Some(c) = self.cache.known(mark) {
            return Some(c);
        }
        if let Ok(id) = mark.cast::<PyString>() {
            let builder = &self.builder;
            return self.cache.get(id, |text| builder.candidate(text));
        }
        if indices && mark.is_exact_instance_of::<PyInt>() {
            let index = mark.extract::<i64>().ok()?;
            return Some(u32::try_from(index).unwrap_or(UNKNOWN));
        }
        None
    }
}

/// The error for a ranking given as a list whose marks are neither ids nor indices.
fn shorthand_error(py: Python<'_>, i: usize) -> PyErr {
    let err = huaide::DocumentError {
        path: format!("ballots[{i}]"),
        message: "a ranking given as a list holds candidate ids (str), indices (int) or \
                  lists of them"
            .to_owned(),
    };
    crate::errors::to_py_err(py, &err)
}

/// The error for a row of an index array that is not a ranking.
fn matrix_error(py: Python<'_>, i: usize, message: String) -> PyErr {
    let err = huaide::DocumentError {
        path: format!("ballots[{i}]"),
        message,
    };
    crate::errors::to_py_err(py, &err)
}
