//! Errors that stop building or counting an exhibition's elections. Refused entries are not
//! errors: they are data ([`super::Refusal`]).

use crate::error::{DocumentError, ErrorFamily, Fault};
use crate::vote::TallyError;

/// Why an exhibition's elections cannot be built or counted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExhibitionError {
    /// A document does not have the expected shape (code `invalid_document`).
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The plan has no program with this id (code `unknown_program`).
    #[error("{path}: the plan has no program {id:?}")]
    UnknownProgram {
        /// Offending field.
        path: String,
        /// The id given.
        id: String,
    },
    /// The program is not an exhibition, or has no exhibition rules (code `not_an_exhibition`).
    #[error("{path}: program {id:?} is not an exhibition with rules")]
    NotAnExhibition {
        /// Offending field.
        path: String,
        /// The program's id.
        id: String,
    },
    /// The exhibition's rules do not let visitors vote (code `voting_not_enabled`).
    #[error("{path}: visitor voting is not enabled for this exhibition")]
    VotingNotEnabled {
        /// Offending field.
        path: String,
    },
    /// Two entries, or two categories of the plan, share an id (code `duplicate_entry` or
    /// `duplicate_category`).
    #[error("{path}: {what} {id:?} appears twice")]
    Duplicate {
        /// Offending field.
        path: String,
        /// `entry` or `category`.
        what: &'static str,
        /// The repeated id.
        id: String,
    },
    /// A required text field is empty (code `empty_field`).
    #[error("{path}: must not be empty")]
    EmptyField {
        /// Offending field.
        path: String,
    },
    /// Options or ballots name a category the exhibition does not have (code
    /// `unknown_category`). Entries in an unknown category are refused, not errors.
    #[error("{path}: unknown category {id:?}")]
    UnknownCategory {
        /// Offending field.
        path: String,
        /// The id given.
        id: String,
    },
    /// `seats` is 0 (code `invalid_seats`).
    #[error("{path}: at least one seat is needed")]
    InvalidSeats {
        /// Offending field.
        path: String,
    },
    /// The input exceeds a hard size limit (code `too_large`).
    #[error("{path}: {what} exceeds the limit of {limit}")]
    TooLarge {
        /// Offending field.
        path: String,
        /// What is too large.
        what: &'static str,
        /// The limit.
        limit: u64,
    },
    /// A category's election cannot be counted; the code is the count's own (e.g.
    /// `invalid_max_choices`, `count_with_voter`), the path is placed in the exhibition's
    /// documents (`ballots.photography[3].count`, `elections[1].election.irv`).
    #[error("{path}: {source}")]
    Count {
        /// Offending field, in the exhibition's documents.
        path: String,
        /// The count's error.
        source: TallyError,
    },
}

impl Fault for ExhibitionError {
    fn code(&self) -> &'static str {
        match self {
            ExhibitionError::Document(err) => err.code(),
            ExhibitionError::UnknownProgram { .. } => "unknown_program",
            ExhibitionError::NotAnExhibition { .. } => "not_an_exhibition",
            ExhibitionError::VotingNotEnabled { .. } => "voting_not_enabled",
            ExhibitionError::Duplicate { what: "entry", .. } => "duplicate_entry",
            ExhibitionError::Duplicate { .. } => "duplicate_category",
            ExhibitionError::EmptyField { .. } => "empty_field",
            ExhibitionError::UnknownCategory { .. } => "unknown_category",
            ExhibitionError::InvalidSeats { .. } => "invalid_seats",
            ExhibitionError::TooLarge { .. } => "too_large",
            ExhibitionError::Count { source, .. } => source.code(),
        }
    }

    fn path(&self) -> Option<&str> {
        match self {
            ExhibitionError::Document(err) => Some(&err.path),
            ExhibitionError::UnknownProgram { path, .. }
            | ExhibitionError::NotAnExhibition { path, .. }
            | ExhibitionError::VotingNotEnabled { path }
            | ExhibitionError::Duplicate { path, .. }
            | ExhibitionError::EmptyField { path }
            | ExhibitionError::UnknownCategory { path, .. }
            | ExhibitionError::InvalidSeats { path }
            | ExhibitionError::TooLarge { path, .. }
            | ExhibitionError::Count { path, .. } => Some(path),
        }
    }

    fn family(&self) -> ErrorFamily {
        match self {
            ExhibitionError::Document(_) => ErrorFamily::Document,
            ExhibitionError::UnknownProgram { .. }
            | ExhibitionError::NotAnExhibition { .. }
            | ExhibitionError::VotingNotEnabled { .. }
            | ExhibitionError::Duplicate {
                what: "category", ..
            } => ErrorFamily::Plan,
            ExhibitionError::Count { source, .. } => source.family(),
            _ => ErrorFamily::Tally,
        }
    }
}

/// Places a count error of one category in the exhibition's documents: `ballots[3]` becomes
/// `ballots.<category>[3]`, `election.x` becomes `<election>.x`.
pub(crate) fn in_category(source: TallyError, category: &str, election: &str) -> ExhibitionError {
    let inner = source.path().unwrap_or(".").to_owned();
    let path = if let Some(rest) = inner.strip_prefix("ballots") {
        format!("ballots.{category}{rest}")
    } else if let Some(rest) = inner.strip_prefix("election") {
        format!("{election}{rest}")
    } else {
        inner
    };
    ExhibitionError::Count { path, source }
}
