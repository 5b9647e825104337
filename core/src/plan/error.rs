//! Errors that stop a plan operation. Validation findings are data ([`super::Finding`]), not errors.

use crate::error::{DocumentError, ErrorFamily, Fault};

/// Why a plan cannot be read, expanded, exported or measured.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PlanError {
    /// A document does not have the expected shape (code `invalid_document`).
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The plan's `timezone` is not an IANA zone name.
    #[error("{path}: unknown time zone {name:?}")]
    InvalidTimezone {
        /// Offending field.
        path: String,
        /// The name given.
        name: String,
    },
    /// A schedule cannot be expanded (bad RRULE, impossible time span).
    #[error("{path}: {message}")]
    InvalidSchedule {
        /// Offending field.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A query or expansion exceeds a hard limit.
    #[error("{path}: {what} exceeds the limit of {limit}")]
    TooLarge {
        /// Offending field.
        path: String,
        /// What is too large.
        what: &'static str,
        /// The limit.
        limit: u64,
    },
    /// A query names a program or venue the plan does not have.
    #[error("{path}: unknown {what} {id:?}")]
    UnknownReference {
        /// Offending field.
        path: String,
        /// What kind of thing.
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// A query range ends before it starts.
    #[error("{path}: the range ends before it starts")]
    InvalidRange {
        /// Offending field.
        path: String,
    },
    /// An input lists the same program or occurrence twice.
    #[error("{path}: {id:?} appears twice")]
    Duplicate {
        /// Offending field.
        path: String,
        /// The repeated id.
        id: String,
    },
    /// The plan cannot be written as TOML or JSON.
    #[error("{path}: {message}")]
    Serialize {
        /// Offending field (`.` for the document).
        path: String,
        /// What the writer reported.
        message: String,
    },
}

impl Fault for PlanError {
    fn code(&self) -> &'static str {
        match self {
            PlanError::Document(err) => err.code(),
            PlanError::InvalidTimezone { .. } => "invalid_timezone",
            PlanError::InvalidSchedule { .. } => "invalid_schedule",
            PlanError::TooLarge { .. } => "too_large",
            PlanError::UnknownReference { .. } => "unknown_reference",
            PlanError::InvalidRange { .. } => "invalid_range",
            PlanError::Duplicate { .. } => "duplicate_record",
            PlanError::Serialize { .. } => "serialize_failed",
        }
    }

    fn path(&self) -> Option<&str> {
        match self {
            PlanError::Document(err) => Some(&err.path),
            PlanError::InvalidTimezone { path, .. }
            | PlanError::InvalidSchedule { path, .. }
            | PlanError::TooLarge { path, .. }
            | PlanError::UnknownReference { path, .. }
            | PlanError::InvalidRange { path }
            | PlanError::Duplicate { path, .. }
            | PlanError::Serialize { path, .. } => Some(path),
        }
    }

    fn family(&self) -> ErrorFamily {
        match self {
            PlanError::Document(_) => ErrorFamily::Document,
            _ => ErrorFamily::Plan,
        }
    }
}
