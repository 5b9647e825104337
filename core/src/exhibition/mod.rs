//! Exhibitions: several elections, one per category, over one voter roll, built from the plan.
//!
//! The exhibition program's [`crate::plan::ExhibitionRules`] give the categories, the
//! per-person entry limit and the submission deadline. [`exhibition_elections`] turns the
//! works residents entered ([`Entry`]) into one [`crate::vote::Election`] per category, the
//! visitors recorded at the exhibition into the shared roll, and reports refused entries as
//! [`ExhibitionFinding`]s. [`tally_exhibition`] counts every category's ballots and returns the
//! results together ([`ExhibitionResult`]); a visitor votes at most once per category.
//!
//! ```
//! use huaide::exhibition::{exhibition_elections, tally_exhibition, ExhibitionOptions};
//! use huaide::plan::Plan;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let plan = Plan::from_toml(include_str!("../../../examples/huaideyuan/plan.toml"))?;
//! let entries: Vec<huaide::exhibition::Entry> = serde_json::from_str(r#"[
//!     {"id": "ph-01", "person": "r001", "category": "photography", "title": "Hongmei Park"},
//!     {"id": "ph-02", "person": "r002", "category": "photography", "title": "Tianning Temple"},
//!     {"id": "ph-03", "person": "r001", "category": "photography", "title": "Old street",
//!      "submitted_on": "2006-09-12"}]"#)?;
//! let visitors = ["r001".to_owned(), "r002".to_owned(), "r003".to_owned()];
//! let options = ExhibitionOptions::default(); // approval, one work per category
//! let built = exhibition_elections(&plan, "art_exhibition", &entries, Some(&visitors), &options)?;
//! assert_eq!(built.findings[0].code.as_str(), "after_deadline"); // ph-03 came too late
//! let ballots = serde_json::from_str(r#"{"photography": [
//!     {"voter": "r003", "approve": ["ph-02"]}, {"voter": "r003", "approve": ["ph-01"]}]}"#)?;
//! let result = tally_exhibition(&built, &ballots)?;
//! let photography = &result.categories[0].result;
//! assert_eq!(photography.winners, ["ph-02"]);
//! assert_eq!(photography.rejected[0].code.as_str(), "duplicate_voter");
//! # Ok(())
//! # }
//! ```

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
