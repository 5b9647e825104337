//! Errors that stop a count: the election or ballot documents are unusable.

use crate::commitment::SeedError;
use crate::error::{DocumentError, ErrorFamily, Fault};

/// Why an election cannot be counted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TallyError {
    /// A document does not have the expected shape.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The seed does not match its commitment, or a commitment or public value is unusable
    /// (codes `seed_mismatch`, `invalid_commitment`, `missing_seed`).
    #[error(transparent)]
    Seed(#[from] SeedError),
    /// The election lists no candidates.
    #[error("{path}: the election has no candidates")]
    NoCandidates {
        /// Offending field.
        path: String,
    },
    /// Two candidates share an id.
    #[error("{path}: candidate id {id:?} appears twice")]
    DuplicateCandidate {
        /// Offending field.
        path: String,
        /// The repeated id.
        id: String,
    },
    /// A candidate id is empty.
    #[error("{path}: candidate id is empty")]
    EmptyCandidateId {
        /// Offending field.
        path: String,
    },
    /// `seats` is 0 or more than the number of candidates.
    #[error("{path}: {seats} seats for {candidates} candidates")]
    InvalidSeats {
        /// Offending field.
        path: String,
        /// Seats asked for.
        seats: u32,
        /// Candidates standing.
        candidates: usize,
    },
    /// `max_choices` is 0, or set for a method that does not take it.
    #[error("{path}: max_choices {max_choices} is not allowed here")]
    InvalidMaxChoices {
        /// Offending field.
        path: String,
        /// The value given.
        max_choices: u32,
    },
    /// A voter appears twice on the roll.
    #[error("{path}: voter {voter:?} appears twice on the roll")]
    DuplicateRollEntry {
        /// Offending field.
        path: String,
        /// The repeated voter id.
        voter: String,
    },
    /// A grouped ballot has `count` 0.
    #[error("{path}: count must be at least 1")]
    InvalidCount {
        /// Offending field.
        path: String,
    },
    /// A grouped ballot also names a voter.
    #[error("{path}: a ballot with a count stands for several voters and cannot name one")]
    CountWithVoter {
        /// Offending field.
        path: String,
    },
    /// The input exceeds a hard size limit.
    #[error("{path}: {what} exceeds the limit of {limit}")]
    TooLarge {
        /// Offending field.
        path: String,
        /// What is too large.
        what: &'static str,
        /// The limit.
        limit: u64,
    },
    /// Ballot counts add up past 2^64 - 1.
    #[error("{path}: ballot counts overflow")]
    CountOverflow {
        /// Offending field.
        path: String,
    },
    /// An option of a ranked method (`irv`, `stv`, `tie_break.order`) is unusable: unknown
    /// candidate, wrong method, out of range.
    #[error("{path}: {message}")]
    InvalidOption {
        /// Offending field.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The count hit a hard limit of the arithmetic (an `stv` value out of range).
    #[error("{path}: {message}")]
    ArithmeticOverflow {
        /// Offending field.
        path: String,
        /// What overflowed.
        message: String,
    },
}

impl Fault for TallyError {
    fn code(&self) -> &'static str {
        match self {
            TallyError::Document(err) => err.code(),
            TallyError::Seed(err) => err.code(),
            TallyError::NoCandidates { .. } => "no_candidates",
            TallyError::DuplicateCandidate { .. } => "duplicate_candidate",
            TallyError::EmptyCandidateId { .. } => "empty_candidate_id",
            TallyError::InvalidSeats { .. } => "invalid_seats",
            TallyError::InvalidMaxChoices { .. } => "invalid_max_choices",
            TallyError::DuplicateRollEntry { .. } => "duplicate_roll_entry",
            TallyError::InvalidCount { .. } => "invalid_count",
            TallyError::CountWithVoter { .. } => "count_with_voter",
            TallyError::TooLarge { .. } => "too_large",
            TallyError::CountOverflow { .. } => "count_overflow",
            TallyError::InvalidOption { .. } => "invalid_option",
            TallyError::ArithmeticOverflow { .. } => "arithmetic_overflow",
        }
    }

    fn path(&self) -> Option<&str> {
        match self {
            TallyError::Document(err) => Some(&err.path),
            TallyError::Seed(err) => err.path(),
            TallyError::NoCandidates { path }
            | TallyError::DuplicateCandidate { path, .. }
            | TallyError::EmptyCandidateId { path }
            | TallyError::InvalidSeats { path, .. }
            | TallyError::InvalidMaxChoices { path, .. }
            | TallyError::DuplicateRollEntry { path, .. }
            | TallyError::InvalidCount { path }
            | TallyError::CountWithVoter { path }
            | TallyError::TooLarge { path, .. }
            | TallyError::CountOverflow { path }
            | TallyError::InvalidOption { path, .. }
            | TallyError::ArithmeticOverflow { path, .. } => Some(path),
        }
    }

    fn family(&self) -> ErrorFamily {
        match self {
            TallyError::Document(_) => ErrorFamily::Document,
            _ => ErrorFamily::Tally,
        }
    }
}
