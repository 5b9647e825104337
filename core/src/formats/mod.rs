//! Readers for ballot files: BLT (ERS/OpenSTV with Droop's extensions), PrefLib, a simple
//! CSV of rankings, and the cast vote record (CVR) exports that RCTab reads: NIST CDF
//! (JSON and XML), generic CSV, Dominion JSON, Hart XML and Clear Ballot CSV.
//!
//! Readers are pure: they take the file's text (or, for exports made of several files, a
//! list of [`NamedText`]s) and return ballots in the wire format ([`crate::vote::Ballot`]),
//! never touching the file system. Errors are [`FormatError`]s with a stable code and the
//! place in the file (`line 12`, a JSON path, or `file.xml: line 3`).
//!
//! [`read_ballot_file`] is the one entry point the bindings use: a [`BallotFormat`], the
//! input and [`ReadOptions`] in, a [`BallotFile`] (candidates and ballots) out.
//!
//! Writers go the other way where the format is an open interchange format (BLT, PrefLib,
//! the simple CSV): [`write_ballot_file`] turns a [`BallotFile`] into the file's text, or
//! says which ballot (`ballots[3].ranking[1]`) the format cannot express. Exports of
//! proprietary systems (CDF, Dominion, Hart, Clear Ballot, RCTab's CSV) are read only.
//!
//! Results go out as RCTab's detailed report, the JSON that rcvis reads and the CSV
//! ([`rctab_report`], [`rctab_report_csv`]), so that an `irv` or `stv` (rule `rctab`) count
//! can be published with the tools officials already use.

mod blt;
mod cdf;
mod cdf_xml;
mod clear_ballot;
mod count;
mod count_csv;
mod csv_ranks;
mod dominion;
mod hart;
mod preflib;
mod rctab_java;
mod rctab_report;
mod rctab_report_csv;
mod read;
mod write;
mod write_blt;
mod write_csv;
mod write_preflib;
pub(crate) mod xml;

pub use blt::{read_blt, BltFile};
pub use cdf::{read_cdf_json, CdfContest};
pub use cdf_xml::read_cdf_xml;
pub use clear_ballot::read_clear_ballot;
pub use count::{tally_ballot_bytes, tally_ballot_file, FileCountError, FileElection};
pub use csv_ranks::{read_ranking_csv, read_rctab_csv, RctabCsvLayout};
pub use dominion::read_dominion;
pub use hart::read_hart;
pub use preflib::{read_preflib, PreflibFile, MAX_PREFLIB_ALTERNATIVES};
pub use rctab_report::{
    rctab_report, rctab_report_options, read_rctab_report_options, RctabAction,
    RctabInactiveBallots, RctabReport, RctabReportConfig, RctabReportOptions, RctabRound,
    RctabSummary,
};
pub use rctab_report_csv::rctab_report_csv;
pub use read::{
    read_ballot_bytes, read_ballot_file, read_request, BallotFile, BallotFormat, BallotInput,
    ReadOptions, ReadRequest,
};
pub use write::{write_ballot_file, write_request, PreflibType, WriteOptions, WriteRequest};
pub use write_blt::write_blt;
pub use write_csv::write_ranking_csv;
pub use write_preflib::write_preflib;

use serde::{Deserialize, Serialize};

/// The candidate id RCTab gives undeclared write-ins (its `UNDECLARED_WRITE_IN_OUTPUT_LABEL`):
/// CDF write-in selections, and the marks named by the `undeclared_write_in_label` option.
pub const UNDECLARED_WRITE_IN: &str = "Undeclared Write-ins";
/// Most files an export given as a list of named texts may hold.
pub const MAX_FILES: usize = 1_000_000;

/// One file of a multi-file export: its name (a path is fine; only the last component is
/// looked at where names matter) and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NamedText {
    /// The file name, e.g. `CvrExport_1.json`.
    pub name: String,
    /// The file's text.
    pub text: String,
}

impl NamedText {
    /// A named text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        NamedText {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The last path component of the name (`/` or `\\` separated).
    pub fn base_name(&self) -> &str {
        self.name.rsplit(['/', '\\']).next().unwrap_or(&self.name)
    }
}

/// One contest read from a cast vote record export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CvrContest {
    /// The contest's candidates as the export names them: the id used on the ballots and,
    /// where the export has one, a display name.
    pub candidates: Vec<crate::vote::Candidate>,
    /// One ballot per cast vote record holding the contest. A rank marked for several
    /// candidates is an overvote; a rank marked for none is skipped (`[]`).
    pub ballots: Vec<crate::vote::Ballot>,
    /// The contest's maximum number of rankings, when the export says (Dominion's
    /// `NumOfRanks`); RCTab uses it as the contest's `maxRankingsAllowed`.
    pub max_rankings: Option<u32>,
}

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
    /// A file an export needs is not among the files given.
    #[error("{path}: missing file {name:?}")]
    MissingFile {
        /// Where.
        path: String,
        /// The file's name.
        name: String,
    },
    /// The format needs an option that was not given (e.g. the contest of a CVR export).
    #[error("{path}: the {format} format needs this option")]
    MissingOption {
        /// The option, e.g. `options.contest`.
        path: String,
        /// The format.
        format: &'static str,
    },
    /// The format is read only: huaide does not write it.
    #[error("{path}: huaide does not write the {format} format")]
    Unsupported {
        /// Where: `format`.
        path: String,
        /// The format.
        format: &'static str,
    },
    /// A result the report format does not cover (RCTab's report of a plurality count, or
    /// of a result without rounds).
    #[error("{path}: {message}")]
    UnsupportedResult {
        /// Where, in the result: `result.method`, `result.rounds`.
        path: String,
        /// What the format does not cover.
        message: String,
    },
    /// The file holds something the format cannot express (a skipped rank in PrefLib, a
    /// quote in a BLT name, …).
    #[error("{path}: {message}")]
    Unwritable {
        /// Where, in the ballot file: `ballots[3].ranking[1]`, `candidates[0].name`, …
        path: String,
        /// What the format cannot express.
        message: String,
    },
    /// The bytes are not a table at all (not CSV text, nor a workbook calamine can open).
    #[error("{path}: not a table: {message}")]
    NotATable {
        /// The file.
        path: String,
        /// What the reader found.
        message: String,
    },
    /// The sheet asked for is not in the workbook.
    #[error("{path}: no sheet {sheet:?} in the workbook (it has {sheets:?})")]
    UnknownSheet {
        /// `options.sheet`.
        path: String,
        /// The sheet asked for.
        sheet: String,
        /// The sheets the workbook has.
        sheets: Vec<String>,
    },
    /// The bytes are not valid in the encoding given or detected.
    #[error("{path}: {message}")]
    Encoding {
        /// The file, or `options.encoding` for an unknown label.
        path: String,
        /// What was wrong.
        message: String,
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
            FormatError::MissingFile { .. } => "format_missing_file",
            FormatError::MissingOption { .. } => "format_missing_option",
            FormatError::Unsupported { .. } | FormatError::UnsupportedResult { .. } => {
                "format_unsupported"
            }
            FormatError::Unwritable { .. } => "format_unwritable",
            FormatError::NotATable { .. } => "format_not_a_table",
            FormatError::UnknownSheet { .. } => "format_unknown_sheet",
            FormatError::Encoding { .. } => "format_encoding",
            FormatError::TooLarge { .. } => "too_large",
        }
    }

    fn path(&self) -> Option<&str> {
        match self {
            FormatError::Syntax { path, .. }
            | FormatError::UnknownCandidate { path, .. }
            | FormatError::ContestNotFound { path, .. }
            | FormatError::MissingFile { path, .. }
            | FormatError::MissingOption { path, .. }
            | FormatError::Unsupported { path, .. }
            | FormatError::UnsupportedResult { path, .. }
            | FormatError::Unwritable { path, .. }
            | FormatError::NotATable { path, .. }
            | FormatError::UnknownSheet { path, .. }
            | FormatError::Encoding { path, .. }
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

fn too_many_ballots(path: impl Into<String>) -> FormatError {
    FormatError::TooLarge {
        path: path.into(),
        what: "number of ballots",
        limit: MAX_BALLOT_ENTRIES as u64,
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
    crate::sort::sort_by_key(&mut ranks, |(rank, _)| *rank);
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
