//! Counting a CSV of rankings without building its ballots: the rows are read once into
//! flat buffers of the file's ids (each distinct id stored once, in order of first
//! appearance, which is the order of the file's candidates), and the box the count reads
//! is filled from them with each id looked up once. The result and the errors are those of
//! reading the file with [`read_ranking_csv`](super::read_ranking_csv) and counting its
//! ballots (the property test `props_file_count` compares the two).

use foldhash::fast::FixedState;
use std::collections::HashMap;

use super::count::{FileCountError, FileElection};
use super::csv_ranks::{cell_ids, for_each_ranking_row};
use super::read::{note_undeclared_write_in, BallotFile};
use super::FormatError;
use crate::vote::{
    check_election, tally_box, BallotBox, BallotBoxBuilder, Candidate, TallyResult, UNKNOWN,
};

/// The rows of a CSV of rankings as marks of the file's ids.
#[derive(Default)]
struct Rows {
    /// The distinct ids, in order of first appearance.
    ids: Vec<String>,
    index: HashMap<String, u32, FixedState>,
    /// The marks (indices into `ids`), rank after rank.
    marks: Vec<u32>,
    /// Where each rank ends in `marks`.
    rank_ends: Vec<u32>,
    /// Where each row ends in `rank_ends`.
    row_ends: Vec<u32>,
}

/// A buffer position as a `u32` (a file is far smaller than 4 GiB: see `MAX_FILE_BYTES`).
fn position(len: usize) -> Result<u32, FormatError> {
    u32::try_from(len).map_err(|_| FormatError::TooLarge {
        path: ".".to_owned(),
        what: "number of marks",
        limit: u64::from(u32::MAX),
    })
}

impl Rows {
    fn read(text: &str) -> Result<Rows, FormatError> {
        let mut rows = Rows::default();
        for_each_ranking_row(text, |cells| {
            for cell in cells {
                for id in cell_ids(cell) {
                    let mark = rows.intern(id)?;
                    rows.marks.push(mark);
                }
                let end = position(rows.marks.len())?;
                rows.rank_ends.push(end);
            }
            let end = position(rows.rank_ends.len())?;
            rows.row_ends.push(end);
            Ok(())
        })?;
        Ok(rows)
    }

    fn intern(&mut self, id: &str) -> Result<u32, FormatError> {
        if let Some(&i) = self.index.get(id) {
            return Ok(i);
        }
        let i = position(self.ids.len())?;
        self.ids.push(id.to_owned());
        self.index.insert(id.to_owned(), i);
        Ok(i)
    }

    /// The file as [`BallotFile`] would describe it, without its ballots.
    fn file(&self) -> BallotFile {
        let mut file = BallotFile {
            candidates: self.ids.iter().cloned().map(Candidate::Id).collect(),
            ..BallotFile::default()
        };
        note_undeclared_write_in(&mut file);
        file
    }
}

/// Reads a CSV of rankings and counts it in `election` (see the module documentation).
pub(super) fn tally_ranking_csv(
    text: &str,
    election: &FileElection,
) -> Result<TallyResult, FileCountError> {
    let rows = Rows::read(text)?;
    let (election, _) = election.for_file(rows.file());
    check_election(&election)?;
    BallotBox::check_len(rows.row_ends.len())?;
    let mut builder = BallotBoxBuilder::new(&election);
    builder.reserve(rows.row_ends.len());
    let codes: Vec<u32> = rows.ids.iter().map(|id| builder.candidate(id)).collect();
    let (mut rank, mut mark) = (0usize, 0usize);
    for &row_end in &rows.row_ends {
        builder.start();
        builder.start_ranking();
        let ranks = rows
            .rank_ends
            .get(rank..row_end as usize)
            .unwrap_or_default();
        for &rank_end in ranks {
            for &m in rows.marks.get(mark..rank_end as usize).unwrap_or_default() {
                let c = codes.get(m as usize).copied().unwrap_or(UNKNOWN);
                builder.mark(c);
                if c == UNKNOWN {
                    if let Some(id) = rows.ids.get(m as usize) {
                        builder.name_last_unknown("ranking", id);
                    }
                }
            }
            mark = rank_end as usize;
            builder.end_rank()?;
        }
        rank = row_end as usize;
        builder.end()?;
    }
    Ok(tally_box(&election, &builder.finish())?)
}
