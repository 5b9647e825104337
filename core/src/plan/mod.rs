//! Plans: a community's year of learning programmes, after the 2006 Huaideyuan plan.
//!
//! A [`Plan`] has numbered sections with goals and measurable targets, a calendar, venues,
//! facilitators, equipment, partners, and programs with audiences, capacities, conditions and
//! RRULE schedules. [`Plan::validate`] reports findings as data; [`Plan::occurrences`]
//! expands schedules in the plan's time zone; [`Plan::to_ics`] exports iCalendar;
//! [`Plan::progress`] measures goals against enrolment and attendance counts;
//! [`json_schema`] describes the document.

pub mod audience;
mod calendar;
mod condition;
mod conflicts;
mod document;
mod error;
mod finding;
mod ics;
mod io;
mod occurrence;
mod policy;
mod progress;
mod rrule;
mod schedule;
mod validate;
pub(crate) mod zone;

pub use calendar::{Calendar, DayKind, Deadline, Holiday, MakeupDay, Period, Slot};
pub use condition::{Condition, Counts, Demand, Fill};
pub use document::{
    Capacity, Category, EnrolmentWindow, Equipment, ExhibitionRules, Facilitator, Goal, Measure,
    Partner, Plan, Program, ProgramKind, Section, Status, Target, Venue,
};
pub use error::PlanError;
pub use finding::{Finding, Severity, ValidationReport};
pub use ics::IcsOptions;
pub use io::{
    json_schema, read_ics_options, read_occurrence_query, read_plan, read_progress_input,
};
pub use occurrence::{Occurrence, OccurrenceQuery, MAX_QUERY_DAYS};
pub use policy::{EnrolmentPolicy, Mechanism, ProgramPolicy, Reserve};
pub use progress::{
    AttendanceRecord, ConditionProgress, EnrolmentCount, ProgressInput, ProgressReport,
    ProgressStatus, TargetProgress,
};
pub use rrule::expand::MAX_RRULE_PERIODS;
pub use schedule::{
    Schedule, TimeSpan, MAX_ALL_DAY_DAYS, MAX_LEAD_DAYS, MAX_OCCURRENCES_PER_PROGRAM,
    MAX_OCCURRENCES_TOTAL, MAX_RRULE_STEPS,
};
pub use validate::MAX_PROGRAMS;
