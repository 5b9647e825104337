//! Errors that stop an allocation or an enrolment event. Decisions about applicants are
//! data ([`super::Decision`]), never errors.

use crate::commitment::SeedError;
use crate::error::{DocumentError, ErrorFamily, Fault};
use crate::plan::PlanError;

/// Why an allocation request or an enrolment event cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EnrolError {
    /// A document does not have the expected shape (code `invalid_document`).
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The plan's schedules cannot be expanded to check timetable conflicts.
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// The seed does not match its commitment, or a commitment or public value is unusable
    /// (codes `seed_mismatch`, `invalid_commitment`, `missing_seed`).
    #[error(transparent)]
    Seed(#[from] SeedError),
    /// A person id appears twice in the people list (code `duplicate_person`).
    #[error("{path}: person {id:?} appears twice")]
    DuplicatePerson {
        /// Offending field.
        path: String,
        /// The repeated id.
        id: String,
    },
    /// A person applies twice, alone or within groups (code `duplicate_application`).
    #[error("{path}: person {id:?} applies twice")]
    DuplicateApplication {
        /// Offending field.
        path: String,
        /// The person.
        id: String,
    },
    /// An application ranks the same program twice (code `duplicate_choice`).
    #[error("{path}: program {id:?} is ranked twice")]
    DuplicateChoice {
        /// Offending field.
        path: String,
        /// The program.
        id: String,
    },
    /// An application or event names a person not in the people list (code `unknown_person`).
    #[error("{path}: unknown person {id:?}")]
    UnknownPerson {
        /// Offending field.
        path: String,
        /// The id given.
        id: String,
    },
    /// An application or event names a program the plan does not have (code `unknown_program`).
    #[error("{path}: unknown program {id:?}")]
    UnknownProgram {
        /// Offending field.
        path: String,
        /// The id given.
        id: String,
    },
    /// An input exceeds a hard limit (code `too_large`).
    #[error("{path}: {what} exceeds the limit of {limit}")]
    TooLarge {
        /// Offending field.
        path: String,
        /// What is too large.
        what: &'static str,
        /// The limit.
        limit: u64,
    },
    /// A program's conditions refer to a confidential program (code
    /// `condition_on_confidential`): its status would reveal the confidential program's
    /// demand or fill, so the allocation is refused (plan validation reports the same code).
    #[error("{path}: conditions may not refer to the confidential program {id:?}")]
    ConditionOnConfidential {
        /// The reference, e.g. `plan.programs[3].conditions[0].demand_at_least.program`.
        path: String,
        /// The confidential program.
        id: String,
    },
    /// An event is not possible in the current state (code `invalid_event`), e.g. accepting
    /// an offer that was never made, or an event dated before the previous one.
    #[error("{path}: {message}")]
    InvalidEvent {
        /// Offending field, e.g. `events[3]`.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Fault for EnrolError {
    fn code(&self) -> &'static str {
        match self {
            EnrolError::Document(err) => err.code(),
            EnrolError::Plan(err) => err.code(),
            EnrolError::Seed(err) => err.code(),
            EnrolError::DuplicatePerson { .. } => "duplicate_person",
            EnrolError::DuplicateApplication { .. } => "duplicate_application",
            EnrolError::DuplicateChoice { .. } => "duplicate_choice",
            EnrolError::UnknownPerson { .. } => "unknown_person",
            EnrolError::UnknownProgram { .. } => "unknown_program",
            EnrolError::TooLarge { .. } => "too_large",
            EnrolError::InvalidEvent { .. } => "invalid_event",
            EnrolError::ConditionOnConfidential { .. } => "condition_on_confidential",
        }
    }

    fn path(&self) -> Option<&str> {
        match self {
            EnrolError::Document(err) => Some(&err.path),
            EnrolError::Plan(err) => err.path(),
            EnrolError::Seed(err) => err.path(),
            EnrolError::DuplicatePerson { path, .. }
            | EnrolError::DuplicateApplication { path, .. }
            | EnrolError::DuplicateChoice { path, .. }
            | EnrolError::UnknownPerson { path, .. }
            | EnrolError::UnknownProgram { path, .. }
            | EnrolError::TooLarge { path, .. }
            | EnrolError::InvalidEvent { path, .. }
            | EnrolError::ConditionOnConfidential { path, .. } => Some(path),
        }
    }

    fn family(&self) -> ErrorFamily {
        match self {
            EnrolError::Document(_) => ErrorFamily::Document,
            EnrolError::Plan(err) => err.family(),
            _ => ErrorFamily::Enrol,
        }
    }
}
