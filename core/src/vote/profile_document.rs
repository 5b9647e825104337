//! The wire form of a compact [`Profile`]: `{"rankings": [[0, 2, 1], [1]], "counts": [40, 7]}`,
//! candidate indices into the election's `candidates` (or their ids, `[["a", "c"], ["b"]]`),
//! best first, with an optional count per ranking (1 when absent). This is how Python and
//! JavaScript callers that already hold rankings (a scanner's output, a data frame) reach
//! [`super::tally_profile`]. [`ProfileBuilder`] reads such rankings one mark at a time, so a
//! binding can fill a profile straight from its host's lists.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::election::Election;
use super::error::TallyError;
use super::profile::Profile;
use crate::error::{read_document, FieldPath};
use serde::Deserializer;

/// One mark of a profile ranking: a candidate index, or a candidate id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ProfileMark {
    /// The candidate's position in the election's `candidates`.
    Index(u16),
    /// The candidate's id.
    Id(String),
}

impl<'de> Deserialize<'de> for ProfileMark {
    fn deserialize<D: Deserializer<'de>>(source: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ProfileMark;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a candidate index (0 to 65535) or a candidate id")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ProfileMark, E> {
                u16::try_from(v)
                    .map(ProfileMark::Index)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ProfileMark, E> {
                u16::try_from(v)
                    .map(ProfileMark::Index)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<ProfileMark, E> {
                // JavaScript numbers: whole ones in range only.
                if v.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&v) {
                    // Whole and in range: the conversion is exact.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    return Ok(ProfileMark::Index(v as u16));
                }
                Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ProfileMark, E> {
                Ok(ProfileMark::Id(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<ProfileMark, E> {
                Ok(ProfileMark::Id(v))
            }
        }
        source.deserialize_any(Visitor)
    }
}

/// Fills a [`Profile`] for an election one mark at a time: indices as they are, ids looked
/// up among the election's candidates. Same checks and errors as
/// [`ProfileDocument::to_profile_for`] (which uses it).
pub struct ProfileBuilder<'e> {
    /// Candidate ids with their indices, sorted by id (looked up by binary search).
    ids: Vec<(&'e str, u16)>,
    profile: Profile,
    counts: Option<Vec<u64>>,
    /// The number of rankings announced, when known in advance.
    rankings: Option<usize>,
    ranking: Vec<u16>,
}

impl<'e> ProfileBuilder<'e> {
    /// A builder for the rankings of `election`, with their `counts` (default all 1), and
    /// the number of `rankings` when it is known in advance (a stream's is not). Errors:
    /// `invalid_option` when `counts` has another length than the rankings (here when their
    /// number is known, else when the builder finishes), `too_large` for too many candidates.
    pub fn new(
        election: &'e Election,
        rankings: Option<usize>,
        counts: Option<Vec<u64>>,
    ) -> Result<Self, TallyError> {
        if let (Some(counts), Some(rankings)) = (&counts, rankings) {
            check_counts(counts.len(), rankings)?;
        }
        let mut ids: Vec<(&str, u16)> = election
            .candidates
            .iter()
            .enumerate()
            .filter_map(|(c, candidate)| Some((candidate.id(), u16::try_from(c).ok()?)))
            .collect();
        crate::sort::sort(&mut ids);
        Ok(ProfileBuilder {
            ids,
            profile: Profile::new(election.candidates.len())?,
            counts,
            rankings,
            ranking: Vec::new(),
        })
    }

    /// Adds the candidate with index `c` to the current ranking (checked when it ends).
    pub fn index(&mut self, c: u16) {
        self.ranking.push(c);
    }

    /// Adds the candidate with id `id` to the current ranking (`invalid_option` if no
    /// candidate has it).
    pub fn id(&mut self, id: &str) -> Result<(), TallyError> {
        let c = self
            .ids
            .binary_search_by(|(candidate, _)| (*candidate).cmp(id))
            .ok()
            .and_then(|at| self.ids.get(at))
            .map(|(_, c)| *c)
            .ok_or_else(|| TallyError::InvalidOption {
                path: FieldPath::root("profile")
                    .index(self.profile.len())
                    .field("ranking")
                    .into(),
                message: format!("{id:?} is not a candidate"),
            })?;
        self.ranking.push(c);
        Ok(())
    }

    /// Adds a mark to the current ranking.
    pub fn mark(&mut self, mark: &ProfileMark) -> Result<(), TallyError> {
        match mark {
            ProfileMark::Index(c) => {
                self.index(*c);
                Ok(())
            }
            ProfileMark::Id(id) => self.id(id),
        }
    }

    /// Ends the current ranking: adds it with its count (errors of [`Profile::push`];
    /// `invalid_option` past the announced number of rankings).
    pub fn end_ranking(&mut self) -> Result<(), TallyError> {
        let i = self.profile.len();
        if let Some(rankings) = self.rankings.filter(|&n| i >= n) {
            return Err(TallyError::InvalidOption {
                path: "profile.rankings".to_owned(),
                message: format!("more than {rankings} rankings"),
            });
        }
        let count = self
            .counts
            .as_ref()
            .and_then(|c| c.get(i).copied())
            .unwrap_or(1);
        let pushed = self.profile.push(&self.ranking, count);
        self.ranking.clear();
        pushed
    }

    /// The profile (`invalid_option` if fewer rankings ended than announced).
    pub fn finish(self) -> Result<Profile, TallyError> {
        let ended = self.profile.len();
        if let Some(rankings) = self.rankings.filter(|&n| n != ended) {
            return Err(TallyError::InvalidOption {
                path: "profile.rankings".to_owned(),
                message: format!("{ended} rankings of {rankings}"),
            });
        }
        if let Some(counts) = &self.counts {
            check_counts(counts.len(), ended)?;
        }
        Ok(self.profile)
    }
}

/// `invalid_option` at `profile.counts` unless there are as many counts as rankings.
fn check_counts(counts: usize, rankings: usize) -> Result<(), TallyError> {
    if counts == rankings {
        Ok(())
    } else {
        Err(TallyError::InvalidOption {
            path: "profile.counts".to_owned(),
            message: format!("{counts} counts for {rankings} rankings"),
        })
    }
}

/// Index rankings with optional counts; see the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileDocument {
    /// Strict rankings of candidate indices or ids, best first (no skipped or equal ranks).
    pub rankings: Vec<Vec<ProfileMark>>,
    /// How many ballots each ranking stands for (same length as `rankings`; default all 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Vec<u64>>,
}

impl ProfileDocument {
    /// The [`Profile`] for `election`, ids looked up among its candidates. Errors:
    /// `invalid_option` when `counts` has another length than `rankings`, an index is out of
    /// range, an id unknown or a candidate repeated, `invalid_count` for a count of 0,
    /// `too_large` for hostile sizes.
    pub fn to_profile_for(&self, election: &Election) -> Result<Profile, TallyError> {
        let mut builder =
            ProfileBuilder::new(election, Some(self.rankings.len()), self.counts.clone())?;
        for ranking in &self.rankings {
            for mark in ranking {
                builder.mark(mark)?;
            }
            builder.end_ranking()?;
        }
        builder.finish()
    }

    /// The [`Profile`] over `candidates` candidates, for index rankings (`invalid_option`
    /// for an id: use [`ProfileDocument::to_profile_for`]); other errors as there.
    pub fn to_profile(&self, candidates: usize) -> Result<Profile, TallyError> {
        if let Some(counts) = &self.counts {
            check_counts(counts.len(), self.rankings.len())?;
        }
        let mut profile = Profile::new(candidates)?;
        for (i, ranking) in self.rankings.iter().enumerate() {
            let count = self
                .counts
                .as_ref()
                .and_then(|c| c.get(i).copied())
                .unwrap_or(1);
            let indices: Vec<u16> = ranking
                .iter()
                .map(|mark| match mark {
                    ProfileMark::Index(c) => Ok(*c),
                    ProfileMark::Id(_) => Err(TallyError::InvalidOption {
                        path: FieldPath::root("profile").index(i).field("ranking").into(),
                        message: "candidate ids need the election".to_owned(),
                    }),
                })
                .collect::<Result<_, _>>()?;
            profile.push(&indices, count)?;
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
