//! The wire form of a compact [`Profile`]: `{"rankings": [[0, 2, 1], [1]], "counts": [40, 7]}`,
//! candidate indices into the election's `candidates`, best first, with an optional count per
//! ranking (1 when absent). This is how Python and JavaScript callers that already hold index
//! rankings (a scanner's output, a data frame) reach [`super::tally_profile`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::TallyError;
use super::profile::Profile;
use crate::error::read_document;
use serde::Deserializer;

/// Index rankings with optional counts; see the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileDocument {
    /// Strict rankings of candidate indices, best first (no skipped or equal ranks).
    pub rankings: Vec<Vec<u16>>,
    /// How many ballots each ranking stands for (same length as `rankings`; default all 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Vec<u64>>,
}

impl ProfileDocument {
    /// The [`Profile`] over `candidates` candidates. Errors: `invalid_option` when `counts`
    /// has another length than `rankings` or an index is out of range or repeated,
    /// `invalid_count` for a count of 0, `too_large` for hostile sizes.
    pub fn to_profile(&self, candidates: usize) -> Result<Profile, TallyError> {
        if let Some(counts) = &self.counts {
            if counts.len() != self.rankings.len() {
                return Err(TallyError::InvalidOption {
                    path: "profile.counts".to_owned(),
                    message: format!(
                        "{} counts for {} rankings",
                        counts.len(),
                        self.rankings.len()
                    ),
                });
            }
        }
        let mut profile = Profile::new(candidates)?;
        for (i, ranking) in self.rankings.iter().enumerate() {
            let count = self
                .counts
                .as_ref()
                .and_then(|c| c.get(i).copied())
                .unwrap_or(1);
            profile.push(ranking, count)?;
        }
        Ok(profile)
    }
}

/// Reads a [`ProfileDocument`] from any serde source (JSON, a Python dict, a JS object).
pub fn read_profile_document<'de, D: Deserializer<'de>>(
    source: D,
) -> Result<ProfileDocument, TallyError> {
    Ok(read_document(source, "profile")?)
}
