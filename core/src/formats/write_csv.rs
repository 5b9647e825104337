//! Writes the simple CSV of rankings (see [`super::read_ranking_csv`]): one row per ballot,
//! one cell per rank, best first; `a=b` for several candidates at one rank, an empty cell for
//! a skipped rank. The CSV has no counts, so an entry with `count` k is written as k rows
//! (at most [`super::MAX_BALLOT_ENTRIES`] rows in all). Quoting is the `csv` crate's.
//!
//! The reader trims cells, skips empty rows and `#` comment rows and drops trailing empty
//! cells, so an empty ranking, a ranking ending in a skipped rank, and ids that are empty,
//! hold `=`, have blanks at either end or would start a row with `#` are
//! `format_unwritable`. Candidates no ballot ranks are not in the file (the reader takes
//! the candidates from the ballots).

use super::write::{positions, resolve, unwritable};
use super::{BallotFile, FormatError, MAX_BALLOT_ENTRIES};

fn id_problem(id: &str, first: bool) -> Option<&'static str> {
    if id.is_empty() {
        Some("an empty id cannot be written in a CSV of rankings")
    } else if id.contains('=') {
        Some("an id holding `=` cannot be written in a CSV of rankings")
    } else if id.trim() != id {
        Some("an id with blanks at either end cannot be written in a CSV of rankings")
    } else if first && id.starts_with('#') {
        Some("a first choice starting with `#` would read as a comment")
    } else {
        None
    }
}

/// Writes `file` as a CSV of rankings (see the module documentation).
pub fn write_ranking_csv(file: &BallotFile) -> Result<String, FormatError> {
    let index = positions(file)?;
    let ballots = resolve(file, &index)?;
    let ids: Vec<&str> = file.candidates.iter().map(|c| c.id()).collect();
    let mut rows = 0u64;
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for (b, ballot) in ballots.iter().enumerate() {
        let last = ballot.ranks.len().checked_sub(1).ok_or_else(|| {
            unwritable(
                format!("ballots[{b}].ranking"),
                "a CSV of rankings cannot write an empty ranking",
            )
        })?;
        let mut cells = Vec::with_capacity(ballot.ranks.len());
        for (r, rank) in ballot.ranks.iter().enumerate() {
            let path = || format!("ballots[{b}].ranking[{r}]");
            if rank.is_empty() && r == last {
                return Err(unwritable(
                    path(),
                    "a CSV of rankings cannot end a ranking with a skipped rank",
                ));
            }
            let mut marks = Vec::with_capacity(rank.len());
            for (m, k) in rank.iter().enumerate() {
                let id = ids.get(*k).copied().unwrap_or_default();
                if let Some(problem) = id_problem(id, r == 0 && m == 0) {
                    return Err(unwritable(path(), problem));
                }
                marks.push(id);
            }
            cells.push(marks.join("="));
        }
        rows = rows.saturating_add(ballot.weight);
        if rows > MAX_BALLOT_ENTRIES as u64 {
            return Err(FormatError::TooLarge {
                path: format!("ballots[{b}].count"),
                what: "number of ballots",
                limit: MAX_BALLOT_ENTRIES as u64,
            });
        }
        for _ in 0..ballot.weight {
            writer
                .write_record(&cells)
                .map_err(|err| unwritable(format!("ballots[{b}]"), format!("CSV error: {err}")))?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|err| unwritable("ballots", format!("CSV error: {err}")))?;
    String::from_utf8(bytes).map_err(|err| unwritable("ballots", format!("CSV error: {err}")))
}
