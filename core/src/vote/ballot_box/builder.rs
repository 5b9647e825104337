//! [`BallotBoxBuilder`]: fills a [`BallotBox`] one entry at a time, resolving each candidate
//! id once (see the parent module's documentation).

use super::*;

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
