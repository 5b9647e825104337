//! Exhibitions: several elections, one per category, over one voter roll, built from the plan.
//!
//! The exhibition program's [`crate::plan::ExhibitionRules`] give the categories, the
//! per-person entry limit and the submission deadline. [`exhibition_elections`] turns the
//! works residents entered ([`Entry`]) into one [`crate::vote::Election`] per category, the
//! visitors recorded at the exhibition into the shared roll, and reports refused entries as
//! [`ExhibitionFinding`]s. [`tally_exhibition`] counts every category's ballots and returns the
//! results together ([`ExhibitionResult`]); a visitor votes at most once per category.

mod elections;
mod entry;
mod error;
mod options;
mod tally;

pub use elections::{
    exhibition_elections, CategoryElection, ExhibitionElections, ExhibitionRequest, MAX_CATEGORIES,
    MAX_ENTRIES, MAX_VISITORS,
};
pub use entry::{Entry, ExhibitionFinding, FindingCode};
pub use error::ExhibitionError;
pub use options::{CategoryOptions, ExhibitionOptions};
pub use tally::{tally_exhibition, CategoryBallots, CategoryResult, ExhibitionResult};

use crate::error::read_document;
use serde::Deserializer;

/// Reads an [`ExhibitionRequest`] (`{plan, program, entries, visitors?, options?}`) from any
/// serde source.
pub fn read_request<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<ExhibitionRequest, ExhibitionError> {
    Ok(read_document(source, "")?)
}

/// Reads built [`ExhibitionElections`] from any serde source (path root `elections`).
pub fn read_elections<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<ExhibitionElections, ExhibitionError> {
    Ok(read_document(source, "elections")?)
}

/// Reads the ballots per category from any serde source (path root `ballots`).
pub fn read_ballots<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<CategoryBallots, ExhibitionError> {
    Ok(read_document(source, "ballots")?)
}

/// Reads [`ExhibitionOptions`] from any serde source (path root `options`).
pub fn read_options<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<ExhibitionOptions, ExhibitionError> {
    Ok(read_document(source, "options")?)
}

/// Reads a list of [`Entry`]s from any serde source (path root `entries`).
pub fn read_entries<'de, D: Deserializer<'de>>(source: D) -> Result<Vec<Entry>, ExhibitionError> {
    Ok(read_document(source, "entries")?)
}
