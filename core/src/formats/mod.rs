//! Readers for ballot files: BLT (ERS/OpenSTV with Droop's extensions), a simple CSV of
//! rankings, and the RCTab inputs (NIST CDF JSON cast vote records, generic CSV).
//!
//! Readers are pure: they take the file's text and return ballots in the wire format
//! ([`crate::vote::Ballot`]), never touching the file system. Errors are [`FormatError`]s
//! with a stable code and the place in the file (`line 12`, or a JSON path).

mod blt;
mod cdf;
mod csv_ranks;
mod preflib;

pub use blt::{read_blt, BltFile};
pub use cdf::{read_cdf_json, CdfContest};
pub use csv_ranks::{read_ranking_csv, read_rctab_csv, RctabCsvLayout};
pub use preflib::{read_preflib, PreflibFile, MAX_PREFLIB_ALTERNATIVES};

use crate::error::{ErrorFamily, Fault};

/// Most bytes a ballot file may have.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;
/// Most ballot entries a file may hold.
pub const MAX_BALLOT_ENTRIES: usize = 10_000_000;
/// Most candidates a file may declare.
pub const MAX_FILE_CANDIDATES: usize = 100_000;

/// Why a ballot file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    /// The text does not follow the format.
    #[error("{path}: {message}")]
    Syntax {
        /// Where: `line 12` (1-based), or a JSON path.
        path: String,
        /// What was expected.
        message: String,
    },
    /// A ballot names a candidate the file does not declare.
    #[error("{path}: unknown candidate {name:?}")]
    UnknownCandidate {
        /// Where.
        path: String,
        /// The name or number used.
        name: String,
    },
    /// The contest asked for is not in the file.
    #[error("{path}: no contest {contest:?} in the file")]
    ContestNotFound {
        /// Where.
        path: String,
        /// The contest asked for.
        contest: String,
    },
    /// The file exceeds a hard size limit.
    #[error("{path}: {what} exceeds the limit of {limit}")]
    TooLarge {
        /// Where.
        path: String,
        /// What is too large.
        what: &'static str,
        /// The limit.
        limit: u64,
    },
}

impl Fault for FormatError {
    fn code(&self) -> &'static str {
        match self {
            FormatError::Syntax { .. } => "format_syntax",
            FormatError::UnknownCandidate { .. } => "format_unknown_candidate",
            FormatError::ContestNotFound { .. } => "format_contest_not_found",
            FormatError::TooLarge { .. } => "too_large",
        }
    }

    fn path(&self) -> Option<&str> {
        match self {
            FormatError::Syntax { path, .. }
            | FormatError::UnknownCandidate { path, .. }
            | FormatError::ContestNotFound { path, .. }
            | FormatError::TooLarge { path, .. } => Some(path),
        }
    }

    fn family(&self) -> ErrorFamily {
        ErrorFamily::Format
    }
}

/// `line N` (1-based).
fn line_path(line: usize) -> String {
    format!("line {line}")
}

fn syntax(line: usize, message: impl Into<String>) -> FormatError {
    FormatError::Syntax {
        path: line_path(line),
        message: message.into(),
    }
}

fn check_size(text: &str) -> Result<(), FormatError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            path: ".".to_owned(),
            what: "file size in bytes",
            limit: MAX_FILE_BYTES as u64,
        });
    }
    Ok(())
}

/// A ranking from rank positions (1-based) to candidate ids: `[]` for a skipped rank, one
/// id, or several (an overvote or equal rank).
fn ranking_from_positions(mut ranks: Vec<(usize, String)>) -> Vec<crate::vote::Rank> {
    use crate::vote::Rank;
    ranks.sort_by_key(|(rank, _)| *rank);
    let max = ranks.last().map_or(0, |(rank, _)| *rank);
    let mut out: Vec<Vec<String>> = vec![Vec::new(); max];
    for (rank, id) in ranks {
        if let Some(slot) = rank.checked_sub(1).and_then(|i| out.get_mut(i)) {
            slot.push(id);
        }
    }
    out.into_iter()
        .map(|mut ids| {
            if ids.len() == 1 {
                Rank::One(ids.pop().unwrap_or_default())
            } else {
                Rank::Several(ids)
            }
        })
        .collect()
}
