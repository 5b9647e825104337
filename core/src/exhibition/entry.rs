//! The works residents enter, and the findings about entries that are refused.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A work entered in the exhibition by a resident; accepted, it stands as a candidate of its
/// category's election (the candidate id is the entry id, its name the title).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id of the work, unique among the entries; the id on ballots.
    pub id: String,
    /// Id of the person who entered it.
    pub person: String,
    /// Id of one of the exhibition's categories.
    pub category: String,
    /// Title of the work, shown as the candidate's name.
    pub title: String,
    /// The day the work was handed in. Entries after the submission deadline are refused;
    /// undated entries are not checked against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_on: Option<NaiveDate>,
}

/// Why an entry was refused, or what a category's election needed to adapt. Stable codes.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingCode {
    /// The entry names a category the exhibition does not have; refused.
    UnknownCategory,
    /// The entry was handed in after the submission deadline; refused.
    AfterDeadline,
    /// The person already has `max_entries_per_person` accepted entries; refused.
    OverEntryLimit,
    /// The category has no accepted entry, so it has no election.
    NoEntries,
    /// The category has fewer accepted entries than seats; its election elects every entry
    /// (`seats` is lowered to the number of entries).
    SeatsReduced,
}

impl FindingCode {
    /// Stable snake_case code, as on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::UnknownCategory => "unknown_category",
            FindingCode::AfterDeadline => "after_deadline",
            FindingCode::OverEntryLimit => "over_entry_limit",
            FindingCode::NoEntries => "no_entries",
            FindingCode::SeatsReduced => "seats_reduced",
        }
    }

    /// True for the codes that refuse an entry.
    pub fn refuses_entry(self) -> bool {
        matches!(
            self,
            FindingCode::UnknownCategory | FindingCode::AfterDeadline | FindingCode::OverEntryLimit
        )
    }
}

/// A refused entry or an adapted category: data, not an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExhibitionFinding {
    /// What happened.
    pub code: FindingCode,
    /// Path of the entry (`entries[4]`) or of the category or option concerned.
    pub path: String,
    /// The refused entry's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// The person who entered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The category concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

impl ExhibitionFinding {
    /// The finding in a sentence, in `lang` (catalogue code `exhibition.<code>`).
    pub fn explain(&self, lang: crate::i18n::Lang) -> String {
        let key = format!("exhibition.{}", self.code.as_str());
        let (entry, person, category) = (
            self.entry.as_deref().unwrap_or_default(),
            self.person.as_deref().unwrap_or_default(),
            self.category.as_deref().unwrap_or_default(),
        );
        crate::i18n::text(
            lang,
            &key,
            &[
                ("entry", &entry),
                ("person", &person),
                ("category", &category),
                ("path", &self.path),
            ],
        )
    }

    /// A finding about the entry at `index`.
    pub(crate) fn entry(code: FindingCode, index: usize, entry: &Entry) -> Self {
        ExhibitionFinding {
            code,
            path: format!("entries[{index}]"),
            entry: Some(entry.id.clone()),
            person: Some(entry.person.clone()),
            category: Some(entry.category.clone()),
        }
    }

    /// A finding about a category.
    pub(crate) fn category(code: FindingCode, path: String, category: &str) -> Self {
        ExhibitionFinding {
            code,
            path,
            entry: None,
            person: None,
            category: Some(category.to_owned()),
        }
    }
}
