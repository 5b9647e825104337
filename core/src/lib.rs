//! # huaide
//!
//! Plans, programs, enrolment and vote tallying for a community's learning programmes,
//! after the 2006 plan of the Huaideyuan community (懷德苑社區) of Changzhou.
//!
//! The crate is pure: it parses strings and bytes, never touches clocks, files or a global
//! random source, and gives the same output for the same input (and seed) on every platform.
//! Python (`huaide`) and JavaScript (`huaide` on npm) bindings expose the same functions over
//! the same wire format: the serde form of the types here.
//!
//! - [`vote`]: elections, ballots and the count ([`vote::tally`]).
//! - [`exhibition`]: an exhibition's per-category elections built from the plan, counted
//!   together ([`exhibition::tally_exhibition`]).
//! - [`motion`]: council motions with quorum and thresholds ([`motion::tally_motion`]).
//! - [`plan`]: yearly plans, schedules, validation, iCalendar and goal progress.
//! - [`enrol`]: seats for scarce programs, waiting lists ([`enrol::allocate`]).
//! - [`tables`]: people, applications and form-export ballots read from CSV and
//!   spreadsheets; rosters, decisions, timetables and results written as CSV and `.xlsx`.
//! - [`draw`]: the public, seeded lottery that breaks ties.
//! - [`commitment`]: seed commitments and public randomness mixed into the seed.
//! - [`audit`]: audit files of counts and allocations, and [`audit::verify`].
//! - [`limits`]: every size limit on input, with its default.
//! - [`error`]: error conventions: stable codes, field paths and families.
//! - [`i18n`]: every text in English and Simplified Chinese ([`i18n::Lang`], one catalogue).

#![deny(unsafe_code)]
// Every operator that can overflow, wrap or panic is refused: counts use `checked_*` with a
// coded error, bounded values `saturating_*` (see `core/clippy.toml` for the exact types).
#![deny(clippy::arithmetic_side_effects)]

pub mod audit;
pub mod commitment;
pub mod draw;
pub mod enrol;
pub mod error;
pub mod exhibition;
pub mod formats;
mod hint;
pub mod i18n;
pub mod limits;
pub mod motion;
pub mod plan;
pub mod schema;
mod sort;
pub mod tables;
pub mod vote;

pub use error::{DocumentError, ErrorFamily, Fault};

/// The Rust examples of the README and of the guides in `docs/`, run as doctests so that
/// the documentation never lies.
#[cfg(doctest)]
mod documentation {
    #[doc = include_str!("../../README.md")]
    struct Readme;
    #[doc = include_str!("../../docs/reference.md")]
    struct Reference;
}
