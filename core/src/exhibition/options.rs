//! How each category's election is counted: one set of options for every category, with
//! per-category overrides.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::vote::{
    Candidate, Election, IrvOptions, Method, PairwiseOptions, ScoreRange, StvOptions, TieBreak,
};

fn default_method() -> Method {
    Method::Approval
}

fn default_seats() -> u32 {
    1
}

/// The counting rules of the exhibition's elections. Any method of [`crate::vote`] may be
/// used; the method-specific options are those of [`Election`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExhibitionOptions {
    /// Counting method (default `approval`: visitors tick every work they like).
    #[serde(default = "default_method")]
    pub method: Method,
    /// Works chosen per category (default 1, the best work). A category with fewer accepted
    /// entries elects them all (finding `seats_reduced`).
    #[serde(default = "default_seats")]
    pub seats: u32,
    /// Most works a ballot may mark (approval methods; plurality is always 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<u32>,
    /// How ties are broken (a published seed, see [`crate::draw`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_break: Option<TieBreak>,
    /// Options of the pairwise methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<PairwiseOptions>,
    /// Score range of the graded methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_range: Option<ScoreRange>,
    /// Rules of `irv`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub irv: Option<IrvOptions>,
    /// Rules of `stv`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stv: Option<StvOptions>,
    /// Overrides per category id; a field left out keeps the value above.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub categories: BTreeMap<String, CategoryOptions>,
}

impl Default for ExhibitionOptions {
    fn default() -> Self {
        ExhibitionOptions {
            method: default_method(),
            seats: default_seats(),
            max_choices: None,
            tie_break: None,
            pairwise: None,
            score_range: None,
            irv: None,
            stv: None,
            categories: BTreeMap::new(),
        }
    }
}

/// The options of one category that differ from [`ExhibitionOptions`]; every field optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryOptions {
    /// Counting method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// Works chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// Most works a ballot may mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<u32>,
    /// How ties are broken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_break: Option<TieBreak>,
    /// Options of the pairwise methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<PairwiseOptions>,
    /// Score range of the graded methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_range: Option<ScoreRange>,
    /// Rules of `irv`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub irv: Option<IrvOptions>,
    /// Rules of `stv`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stv: Option<StvOptions>,
}

impl ExhibitionOptions {
    /// The election of one category: these options with the category's overrides, the given
    /// candidates and `seats` (already lowered to the number of candidates), and no roll (the
    /// exhibition's roll is shared, see [`super::ExhibitionElections::roll`]).
    pub(crate) fn election(
        &self,
        id: String,
        category: &str,
        seats: u32,
        candidates: Vec<Candidate>,
    ) -> Election {
        let own = self.categories.get(category).cloned().unwrap_or_default();
        Election {
            id,
            method: own.method.unwrap_or(self.method),
            seats,
            candidates,
            roll: None,
            max_choices: own.max_choices.or(self.max_choices),
            tie_break: own.tie_break.or_else(|| self.tie_break.clone()),
            pairwise: own.pairwise.or(self.pairwise),
            score_range: own.score_range.or(self.score_range),
            irv: own.irv.or_else(|| self.irv.clone()),
            stv: own.stv.or_else(|| self.stv.clone()),
        }
    }

    /// Seats of a category, before lowering to its number of entries.
    pub(crate) fn seats(&self, category: &str) -> u32 {
        self.categories
            .get(category)
            .and_then(|own| own.seats)
            .unwrap_or(self.seats)
    }

    /// Path of the options that set a category's `field` (e.g. `.max_choices`).
    pub(crate) fn path_of(&self, category: &str, field: &str) -> String {
        let overridden = match self.categories.get(category) {
            Some(own) if field.starts_with(".seats") => own.seats.is_some(),
            Some(own) if field.starts_with(".max_choices") => own.max_choices.is_some(),
            Some(_) => true,
            None => false,
        };
        if overridden {
            format!("options.categories.{category}{field}")
        } else {
            format!("options{field}")
        }
    }
}
