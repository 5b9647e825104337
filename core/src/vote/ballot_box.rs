//! Ballots with their candidates resolved once: the form every count reads.
//!
//! A [`BallotBox`] holds the ballots of one call in a few flat buffers: for each entry its
//! voter (interned: each distinct voter id is stored once), its `count`, and which of
//! `ranking`, `approve` and `scores` it carries, with the candidates it marks as indices into
//! the election's `candidates` ([`UNKNOWN`] for an id that is not standing). Every count
//! ([`super::tally`], [`super::tally_partial`]) first fills a box from its wire ballots, then
//! reads only the box, so a box filled directly (by a binding reading Python or JavaScript
//! objects, or by a Rust caller holding columns) gives exactly the result the equivalent
//! [`Ballot`]s give: [`super::tally_box`] and [`super::tally_partial_box`].
//!
//! A [`BallotBoxBuilder`] fills a box one entry at a time, without allocating per ballot:
//!
//! ```
//! use huaide::vote::{tally_box, BallotBoxBuilder, Election};
//! let election: Election = serde_json::from_str(
//!     r#"{"id": "chair", "method": "irv", "seats": 1, "candidates": ["ann", "bo", "cy"]}"#,
//! )?;
//! let mut builder = BallotBoxBuilder::new(&election);
//! let ballots: [(&[&str], u64); 3] = [(&["ann"], 3), (&["bo", "ann"], 2), (&["cy", "bo"], 4)];
//! for (ranking, count) in ballots {
//!     builder.start();
//!     builder.count(count);
//!     builder.start_ranking();
//!     for &id in ranking {
//!         let c = builder.candidate(id);
//!         builder.mark(c);
//!         builder.end_rank()?;
//!     }
//!     builder.end()?;
//! }
//! let result = tally_box(&election, &builder.finish())?;
//! assert_eq!(result.winners, ["ann"]); // bo is out first, and bo's 2 ballots give ann 5 of 9
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::collections::HashMap;
use std::hash::BuildHasher;

use super::ballot::{Ballot, Rank};
use super::election::Election;
use super::error::TallyError;

/// The mark of a candidate id that is not standing (the ballot is rejected with
/// `unknown_candidate` where the count reads it).
pub const UNKNOWN: u32 = u32::MAX;

/// "No voter" and "no such field" in the compact entries.
const ABSENT: u32 = u32::MAX;

/// Up to this many candidates, an id is found by comparing it with each id in turn.
const SCAN_CANDIDATES: usize = 24;

/// A range of one of the box's buffers; `start == ABSENT` when the field is absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    const NONE: Span = Span {
        start: ABSENT,
        end: 0,
    };

    fn range(self) -> Option<std::ops::Range<usize>> {
        (self.start != ABSENT).then_some(self.start as usize..self.end as usize)
    }
}

/// One entry: a ballot, or a group of identical anonymous ballots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    count: Option<u64>,
    voter: u32,
    /// Ranks, as a range of `rank_ends`.
    ranking: Span,
    /// A range of `approve_marks`.
    approve: Span,
    /// A range of `score_marks` and `score_values`.
    scores: Span,
}

impl Entry {
    const EMPTY: Entry = Entry {
        count: None,
        voter: ABSENT,
        ranking: Span::NONE,
        approve: Span::NONE,
        scores: Span::NONE,
    };
}

/// Distinct voter ids, each stored once, numbered in order of first appearance.
#[derive(Clone, Debug, Default)]
pub(crate) struct Voters {
    text: String,
    ends: Vec<u32>,
    table: HashTable<u32>,
    hasher: FixedState,
}

/// Voter `v`'s id in `text` split at `ends` (`""` out of range).
fn voter_at<'t>(text: &'t str, ends: &[u32], v: u32) -> &'t str {
    let v = v as usize;
    let start = v
        .checked_sub(1)
        .and_then(|before| ends.get(before))
        .map_or(0, |&e| e as usize);
    let end = ends.get(v).map_or(start, |&e| e as usize);
    text.get(start..end).unwrap_or("")
}

impl Voters {
    /// The number of distinct voters.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Voter `v`'s id (`""` out of range).
    pub(crate) fn get(&self, v: u32) -> &str {
        voter_at(&self.text, &self.ends, v)
    }

    /// The number of `id`, numbering it if it is new (`None` past `u32::MAX` bytes or ids).
    fn intern(&mut self, id: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(id);
        let (text, ends) = (&self.text, &self.ends);
        if let Some(&v) = self.table.find(hash, |&v| voter_at(text, ends, v) == id) {
            return Some(v);
        }
        let v = u32::try_from(self.ends.len())
            .ok()
            .filter(|&v| v != ABSENT)?;
        let end = u32::try_from(self.text.len().checked_add(id.len())?).ok()?;
        self.text.push_str(id);
        self.ends.push(end);
        let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
        self.table
            .insert_unique(hash, v, |&w| hasher.hash_one(voter_at(text, ends, w)));
        Some(v)
    }
}

/// Ballots with their candidates resolved: see the module documentation.
#[derive(Clone, Debug, Default)]
pub struct BallotBox {
    /// A digest of the candidate ids the box was filled for.
    fingerprint: u64,
    entries: Vec<Entry>,
    /// Where each rank ends in `rank_marks` (a rank starts where the one before ends).
    rank_ends: Vec<u32>,
    rank_marks: Vec<u32>,
    approve_marks: Vec<u32>,
    score_marks: Vec<u32>,
    score_values: Vec<i64>,
    voters: Voters,
    /// The ids of [`UNKNOWN`] marks, where the filler gave them: `(field, position in that
    /// field's mark buffer, id)`, in filling order (see [`BallotBox::to_ballots`]).
    unknown: Vec<(Field, u32, Box<str>)>,
}

/// The mark buffers of a box, for the ids of unknown marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Rank,
    Approve,
    Score,
}

/// The ranks of one ranked entry: each a slice of candidate marks (empty: a skipped rank).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ranks<'b> {
    ends: &'b [u32],
    start: usize,
    marks: &'b [u32],
}

impl<'b> Ranks<'b> {
    /// The number of rank positions.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The marks when every rank marks exactly one candidate (no skipped or shared ranks):
    /// the candidates in rank order.
    pub(crate) fn plain(&self) -> Option<&'b [u32]> {
        let mut next = self.start;
        for &end in self.ends {
            next = next.checked_add(1)?;
            if end as usize != next {
                return None;
            }
        }
        self.marks.get(self.start..next)
    }

    /// The ranks, best first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'b [u32]> + 'b {
        let marks = self.marks;
        let mut start = self.start;
        self.ends.iter().map(move |&end| {
            let end = end as usize;
            let rank = marks.get(start..end).unwrap_or(&[]);
            start = end;
            rank
        })
    }
}

/// One entry of a box, as the counts read it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EntryView<'b> {
    /// `count` as given.
    pub count: Option<u64>,
    /// The voter's number in the box's voters.
    pub voter: Option<u32>,
    pub ranking: Option<Ranks<'b>>,
    pub approve: Option<&'b [u32]>,
    /// Candidates and their scores.
    pub scores: Option<(&'b [u32], &'b [i64])>,
}

impl EntryView<'_> {
    /// How many ballots the entry stands for.
    pub(crate) fn weight(&self) -> u64 {
        self.count.unwrap_or(1)
    }
}

/// A digest of an election's candidate ids, in order.
fn fingerprint(election: &Election) -> u64 {
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    FixedState::with_seed(0x6875_6169_6465).hash_one(ids)
}

impl BallotBox {
    /// The box of `ballots` for `election` (`too_large` past [`crate::limits::MAX_BALLOTS`]
    /// ballots, or `u32::MAX` marks or voters).
    pub fn from_ballots(election: &Election, ballots: &[Ballot]) -> Result<Self, TallyError> {
        if ballots.len() > crate::limits::MAX_BALLOTS {
            return Err(TallyError::TooLarge {
                path: "ballots".to_owned(),
                what: "number of ballots",
                limit: crate::limits::MAX_BALLOTS as u64,
            });
        }
        let mut builder = BallotBoxBuilder::new(election);
        builder.reserve(ballots.len());
        for ballot in ballots {
            builder.push(ballot)?;
        }
        Ok(builder.finish())
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the box holds no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the box was filled for an election with `election`'s candidates.
    pub fn fits(&self, election: &Election) -> bool {
        self.fingerprint == fingerprint(election)
    }

    /// The distinct voters.
    pub(crate) fn voters(&self) -> &Voters {
        &self.voters
    }

    /// Voter `v`'s id, owned (for a rejection record).
    pub(crate) fn voter_id(&self, voter: Option<u32>) -> Option<String> {
        voter.map(|v| self.voters.get(v).to_owned())
    }

    /// The entries in order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = EntryView<'_>> + '_ {
        self.entries.iter().map(|e| self.view(e))
    }

    fn view(&self, entry: &Entry) -> EntryView<'_> {
        let ranking = entry.ranking.range().map(|r| Ranks {
            start: r
                .start
                .checked_sub(1)
                .and_then(|b| self.rank_ends.get(b))
                .map_or(0, |&e| e as usize),
            ends: self.rank_ends.get(r).unwrap_or(&[]),
            marks: &self.rank_marks,
        });
        EntryView {
            count: entry.count,
            voter: (entry.voter != ABSENT).then_some(entry.voter),
            ranking,
            approve: entry
                .approve
                .range()
                .map(|r| self.approve_marks.get(r).unwrap_or(&[])),
            scores: entry.scores.range().map(|r| {
                (
                    self.score_marks.get(r.clone()).unwrap_or(&[]),
                    self.score_values.get(r).unwrap_or(&[]),
                )
            }),
        }
    }
}

impl BallotBox {
    /// The box's entries as wire ballots, in order: what an audit file records and a
    /// recount reads ([`crate::audit`]). A rank of one candidate is written as its id, any
    /// other rank as a list; scores are keyed by id. An unknown candidate's mark is written
    /// with the id it was given, or as `""` (never a candidate id) when the box was filled
    /// from a number out of range. Counting the returned ballots gives the box's result.
    pub fn to_ballots(&self, election: &Election) -> Vec<Ballot> {
        let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
        let mut unknown: HashMap<(u8, u32), &str> = HashMap::new();
        for (field, at, id) in &self.unknown {
            unknown.insert((*field as u8, *at), id);
        }
        let name = |field: Field, at: usize, c: u32| -> String {
            if c != UNKNOWN {
                if let Some(id) = ids.get(c as usize) {
                    return (*id).to_owned();
                }
            }
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            unknown
                .get(&(field as u8, at))
                .map_or_else(String::new, |id| (*id).to_owned())
        };
        self.entries
            .iter()
            .map(|entry| {
                let ranking = entry.ranking.range().map(|r| {
                    let mut start = r
                        .start
                        .checked_sub(1)
                        .and_then(|b| self.rank_ends.get(b))
                        .map_or(0, |&e| e as usize);
                    let mut ranks = Vec::new();
                    for &end in self.rank_ends.get(r).unwrap_or(&[]) {
                        let end = end as usize;
                        let marks = self.rank_marks.get(start..end).unwrap_or(&[]);
                        let named: Vec<String> = marks
                            .iter()
                            .enumerate()
                            .map(|(i, &c)| name(Field::Rank, start + i, c))
                            .collect();
                        ranks.push(match <[String; 1]>::try_from(named) {
                            Ok([one]) => Rank::One(one),
                            Err(several) => Rank::Several(several),
                        });
                        start = end;
                    }
                    ranks
                });
                let approve = entry.approve.range().map(|r| {
                    let at = r.start;
                    self.approve_marks
                        .get(r)
                        .unwrap_or(&[])
                        .iter()
                        .enumerate()
                        .map(|(i, &c)| name(Field::Approve, at + i, c))
                        .collect()
                });
                let scores = entry.scores.range().map(|r| {
                    let at = r.start;
                    let marks = self.score_marks.get(r.clone()).unwrap_or(&[]);
                    let values = self.score_values.get(r).unwrap_or(&[]);
                    marks
                        .iter()
                        .zip(values)
                        .enumerate()
                        .map(|(i, (&c, &v))| (name(Field::Score, at + i, c), v))
                        .collect()
                });
                Ballot {
                    voter: (entry.voter != ABSENT).then(|| self.voters.get(entry.voter).to_owned()),
                    ranking,
                    approve,
                    scores,
                    count: entry.count,
                }
            })
            .collect()
    }
}

/// How a builder finds candidate ids.
#[derive(Clone, Debug)]
enum CandidateIndex<'e> {
    Scan(Vec<&'e str>),
    Hash(HashMap<&'e str, u32, FixedState>),
}

/// Fills a [`BallotBox`] for one election, one entry at a time: see the module
/// documentation. An entry is [`start`](Self::start)ed, given its fields, and
/// [`end`](Self::end)ed; the marks of a field are the candidate numbers of
/// [`candidate`](Self::candidate) (or any number: those out of range count as unknown).
#[derive(Clone, Debug)]
pub struct BallotBoxBuilder<'e> {
    index: CandidateIndex<'e>,
    candidates: u32,
    bx: BallotBox,
    open: Entry,
}

fn too_large(what: &'static str) -> TallyError {
    TallyError::TooLarge {
        path: "ballots".to_owned(),
        what,
        limit: u64::from(u32::MAX - 1),
    }
}

/// `len` as a buffer offset (`too_large` past `u32::MAX - 1`).
fn offset(len: usize) -> Result<u32, TallyError> {
    u32::try_from(len)
        .ok()
        .filter(|&n| n != ABSENT)
        .ok_or_else(|| too_large("number of marks in one call"))
}

impl<'e> BallotBoxBuilder<'e> {
    /// A builder for `election`'s ballots.
    pub fn new(election: &'e Election) -> Self {
        let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
        let candidates = u32::try_from(ids.len()).unwrap_or(ABSENT);
        let index = if ids.len() <= SCAN_CANDIDATES {
            CandidateIndex::Scan(ids)
        } else {
            let mut map = HashMap::with_capacity_and_hasher(ids.len(), FixedState::default());
            for (c, id) in ids.into_iter().enumerate().rev() {
                map.insert(id, u32::try_from(c).unwrap_or(UNKNOWN));
            }
            CandidateIndex::Hash(map)
        };
        BallotBoxBuilder {
            index,
            candidates,
            bx: BallotBox {
                fingerprint: fingerprint(election),
                ..BallotBox::default()
            },
            open: Entry::EMPTY,
        }
    }

    /// Makes room for `entries` more entries.
    pub fn reserve(&mut self, entries: usize) {
        self.bx.entries.reserve(entries);
    }

    /// The number of `id` among the election's candidates (the first with that id), or
    /// [`UNKNOWN`].
    pub fn candidate(&self, id: &str) -> u32 {
        match &self.index {
            CandidateIndex::Scan(ids) => ids
                .iter()
                .position(|c| *c == id)
                .and_then(|c| u32::try_from(c).ok())
                .unwrap_or(UNKNOWN),
            CandidateIndex::Hash(map) => map.get(id).copied().unwrap_or(UNKNOWN),
        }
    }

    /// The number of candidates.
    pub fn candidates(&self) -> usize {
        self.candidates as usize
    }

    /// The number of entries ended so far.
    pub fn len(&self) -> usize {
        self.bx.entries.len()
    }

    /// Whether no entry has ended yet.
    pub fn is_empty(&self) -> bool {
        self.bx.entries.is_empty()
    }

    /// Starts an entry, dropping an entry started and not ended.
    pub fn start(&mut self) {
        if let Some(r) = self.open.ranking.range() {
            self.bx.rank_ends.truncate(r.start);
        }
        self.drop_open_rank();
        if let Some(r) = self.open.approve.range() {
            self.bx.approve_marks.truncate(r.start);
        }
        if let Some(r) = self.open.scores.range() {
            self.bx.score_marks.truncate(r.start);
            self.bx.score_values.truncate(r.start);
        }
        self.open = Entry::EMPTY;
        self.drop_unknown_past_buffers();
    }

    /// Drops the marks of a rank that was not ended.
    fn drop_open_rank(&mut self) {
        let ended = self.bx.rank_ends.last().map_or(0, |&e| e as usize);
        self.bx.rank_marks.truncate(ended);
        self.drop_unknown_past_buffers();
    }

    /// Forgets the ids of unknown marks that a dropped entry or rank had.
    fn drop_unknown_past_buffers(&mut self) {
        if self.bx.unknown.is_empty() {
            return;
        }
        let lens = [
            self.bx.rank_marks.len(),
            self.bx.approve_marks.len(),
            self.bx.score_marks.len(),
        ];
        self.bx.unknown.retain(|(field, at, _)| {
            let len = match field {
                Field::Rank => lens[0],
                Field::Approve => lens[1],
                Field::Score => lens[2],
            };
            (*at as usize) < len
        });
    }

    /// Remembers the id of the unknown mark about to be pushed to `field`.
    fn note_unknown(&mut self, field: Field, id: &str) {
        let at = match field {
            Field::Rank => self.bx.rank_marks.len(),
            Field::Approve => self.bx.approve_marks.len(),
            Field::Score => self.bx.score_marks.len(),
        };
        if let Ok(at) = u32::try_from(at) {
            self.bx.unknown.push((field, at, id.into()));
        }
    }

    /// Adds the candidate with id `id` to the current rank (an id that is not standing is
    /// kept for [`BallotBox::to_ballots`]).
    pub fn mark_id(&mut self, id: &str) {
        let c = self.candidate(id);
        if c == UNKNOWN {
            self.note_unknown(Field::Rank, id);
        }
        self.mark(c);
    }

    /// Adds the candidate with id `id` to the approvals (as [`Self::mark_id`]).
    pub fn approve_id(&mut self, id: &str) -> Result<(), TallyError> {
        let c = self.candidate(id);
        if c == UNKNOWN {
            self.note_unknown(Field::Approve, id);
        }
        self.approve(c)
    }

    /// Gives the candidate with id `id` the score `value` (as [`Self::mark_id`]).
    pub fn score_id(&mut self, id: &str, value: i64) -> Result<(), TallyError> {
        let c = self.candidate(id);
        if c == UNKNOWN {
            self.note_unknown(Field::Score, id);
        }
        self.score(c, value)
    }

    /// Records `id` as the id of the [`UNKNOWN`] mark just added to `ranking`, `approve`
    /// or `scores` (`field`: `"ranking"`, `"approve"` or `"scores"`), for a filler that
    /// looks candidates up itself (as [`Self::mark_id`] does).
    pub fn name_last_unknown(&mut self, field: &str, id: &str) {
        let (field, len) = match field {
            "ranking" => (Field::Rank, self.bx.rank_marks.len()),
            "approve" => (Field::Approve, self.bx.approve_marks.len()),
            _ => (Field::Score, self.bx.score_marks.len()),
        };
        if let Some(at) = len.checked_sub(1).and_then(|at| u32::try_from(at).ok()) {
            self.bx.unknown.push((field, at, id.into()));
        }
    }

    /// Sets the open entry's voter.
    pub fn voter(&mut self, id: &str) -> Result<(), TallyError> {
        self.open.voter = self
            .bx
            .voters
            .intern(id)
            .ok_or_else(|| too_large("number of voters in one call"))?;
        Ok(())
    }

    /// Sets the open entry's `count`.
    pub fn count(&mut self, count: u64) {
        self.open.count = Some(count);
    }

    /// Gives the open entry a `ranking` (so far without ranks).
    pub fn start_ranking(&mut self) {
        let at = self.bx.rank_ends.len() as u32;
        self.open.ranking = Span { start: at, end: at };
    }

    /// Adds candidate `c` to the current rank of the ranking.
    pub fn mark(&mut self, c: u32) {
        self.bx.rank_marks.push(self.known(c));
    }

    /// Ends the current rank (a rank without marks is a skipped rank).
    pub fn end_rank(&mut self) -> Result<(), TallyError> {
        let end = offset(self.bx.rank_marks.len())?;
        self.bx.rank_ends.push(end);
        self.open.ranking.end = offset(self.bx.rank_ends.len())?;
        Ok(())
    }

    /// Gives the open entry an `approve` list (so far empty).
    pub fn start_approve(&mut self) {
        let at = self.bx.approve_marks.len() as u32;
        self.open.approve = Span { start: at, end: at };
    }

    /// Adds candidate `c` to the approvals.
    pub fn approve(&mut self, c: u32) -> Result<(), TallyError> {
        self.bx.approve_marks.push(self.known(c));
        self.open.approve.end = offset(self.bx.approve_marks.len())?;
        Ok(())
    }

    /// Gives the open entry `scores` (so far none).
    pub fn start_scores(&mut self) {
        let at = self.bx.score_marks.len() as u32;
        self.open.scores = Span { start: at, end: at };
    }

    /// Gives candidate `c` the score `value`.
    pub fn score(&mut self, c: u32, value: i64) -> Result<(), TallyError> {
        self.bx.score_marks.push(self.known(c));
        self.bx.score_values.push(value);
        self.open.scores.end = offset(self.bx.score_marks.len())?;
        Ok(())
    }

    /// Ends the open entry.
    pub fn end(&mut self) -> Result<(), TallyError> {
        if self.bx.entries.len() >= ABSENT as usize {
            return Err(too_large("number of ballot entries in one call"));
        }
        self.drop_open_rank();
        self.bx.entries.push(self.open);
        self.open = Entry::EMPTY;
        Ok(())
    }

    /// Adds a wire ballot as one entry.
    pub fn push(&mut self, ballot: &Ballot) -> Result<(), TallyError> {
        self.start();
        if let Some(voter) = &ballot.voter {
            self.voter(voter)?;
        }
        if let Some(count) = ballot.count {
            self.count(count);
        }
        if let Some(ranking) = &ballot.ranking {
            self.start_ranking();
            for rank in ranking {
                for id in rank.candidates() {
                    self.mark_id(id);
                }
                self.end_rank()?;
            }
        }
        if let Some(ids) = &ballot.approve {
            self.start_approve();
            for id in ids {
                self.approve_id(id)?;
            }
        }
        if let Some(scores) = &ballot.scores {
            self.start_scores();
            for (id, &value) in scores {
                self.score_id(id, value)?;
            }
        }
        self.end()
    }

    /// The box (an entry started and not ended is dropped).
    pub fn finish(mut self) -> BallotBox {
        self.start();
        self.bx
    }

    fn known(&self, c: u32) -> u32 {
        if c < self.candidates {
            c
        } else {
            UNKNOWN
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    fn election() -> Election {
        serde_json::from_value(serde_json::json!({
            "id": "e", "method": "irv", "seats": 1, "candidates": ["a", "b", "c"]
        }))
        .unwrap()
    }

    #[test]
    fn entries_read_back_as_filled() {
        let e = election();
        let ballots: Vec<Ballot> = serde_json::from_value(serde_json::json!([
            {"voter": "v1", "ranking": ["a", ["b", "x"], [], "c"]},
            {"approve": ["c", "a"], "count": 2},
            {"voter": "v2", "scores": {"b": 3, "zz": 1}},
            {"voter": "v1"},
        ]))
        .unwrap();
        let bx = BallotBox::from_ballots(&e, &ballots).unwrap();
        let views: Vec<EntryView<'_>> = bx.entries().collect();
        assert_eq!(views.len(), 4);
        let ranks: Vec<&[u32]> = views[0]
            .ranking
            .map(|r| r.iter().collect())
            .unwrap_or_default();
        assert_eq!(ranks, [&[0][..], &[1, UNKNOWN], &[], &[2]]);
        assert_eq!(views[0].voter, Some(0));
        assert_eq!(views[1].approve, Some(&[2, 0][..]));
        assert_eq!(views[1].weight(), 2);
        assert_eq!(views[2].scores, Some((&[1, UNKNOWN][..], &[3, 1][..])));
        assert_eq!(views[3].voter, Some(0));
        assert!(views[3].ranking.is_none() && views[3].approve.is_none());
        assert_eq!(bx.voters().len(), 2);
        assert_eq!(bx.voters().get(1), "v2");
        assert!(bx.fits(&e));
    }

    #[test]
    fn to_ballots_gives_back_the_ballots_unknown_ids_included() {
        let e = election();
        let ballots: Vec<Ballot> = serde_json::from_value(serde_json::json!([
            {"voter": "v1", "ranking": ["a", ["b", "x"], [], "c", ["b"]]},
            {"approve": ["c", "zz", "a"], "count": 2},
            {"voter": "v2", "scores": {"b": 3, "zz": 1}},
            {"voter": "v1"},
        ]))
        .unwrap();
        let bx = BallotBox::from_ballots(&e, &ballots).unwrap();
        let back = serde_json::to_value(bx.to_ballots(&e)).unwrap();
        assert_eq!(
            back,
            serde_json::json!([
                {"voter": "v1", "ranking": ["a", ["b", "x"], [], "c", "b"]},
                {"approve": ["c", "zz", "a"], "count": 2},
                {"voter": "v2", "scores": {"b": 3, "zz": 1}},
                {"voter": "v1"},
            ])
        );
        let mut builder = BallotBoxBuilder::new(&e);
        builder.start();
        builder.start_ranking();
        builder.mark_id("nobody");
        builder.start();
        builder.start_ranking();
        builder.mark(7);
        assert!(builder.end_rank().is_ok());
        assert!(builder.end().is_ok());
        let back = serde_json::to_value(builder.finish().to_ballots(&e)).unwrap();
        assert_eq!(back, serde_json::json!([{"ranking": [""]}]));
    }

    #[test]
    fn a_restarted_entry_leaves_nothing_behind() {
        let e = election();
        let mut builder = BallotBoxBuilder::new(&e);
        builder.start();
        builder.start_ranking();
        builder.mark(1);
        assert!(builder.end_rank().is_ok());
        builder.start_approve();
        assert!(builder.approve(0).is_ok());
        builder.start();
        builder.start_ranking();
        builder.mark(2);
        assert!(builder.end_rank().is_ok());
        assert!(builder.end().is_ok());
        let bx = builder.finish();
        let views: Vec<EntryView<'_>> = bx.entries().collect();
        assert_eq!(views.len(), 1);
        let ranks: Vec<&[u32]> = views[0]
            .ranking
            .map(|r| r.iter().collect())
            .unwrap_or_default();
        assert_eq!(ranks, [&[2][..]]);
        assert!(views[0].approve.is_none());
    }
}
