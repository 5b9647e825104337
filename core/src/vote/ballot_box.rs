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

mod builder;

pub use builder::BallotBoxBuilder;

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
    /// `too_large` (at `ballots`) for more than [`crate::limits::MAX_BALLOTS`] ballots.
    pub(crate) fn check_len(ballots: usize) -> Result<(), TallyError> {
        if ballots > crate::limits::MAX_BALLOTS {
            return Err(TallyError::TooLarge {
                path: "ballots".to_owned(),
                what: "number of ballots",
                limit: crate::limits::MAX_BALLOTS as u64,
            });
        }
        Ok(())
    }

    /// The box of `ballots` for `election` (`too_large` past [`crate::limits::MAX_BALLOTS`]
    /// ballots, or `u32::MAX` marks or voters).
    pub fn from_ballots(election: &Election, ballots: &[Ballot]) -> Result<Self, TallyError> {
        Self::check_len(ballots.len())?;
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
                            .map(|(i, &c)| name(Field::Rank, start.saturating_add(i), c))
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
                        .map(|(i, &c)| name(Field::Approve, at.saturating_add(i), c))
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
                        .map(|(i, (&c, &v))| (name(Field::Score, at.saturating_add(i), c), v))
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
