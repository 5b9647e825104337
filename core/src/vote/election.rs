//! The election document: what is being decided, by which method, among whom.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::commitment::{DrawSeed, SeedError};

/// How ballots are turned into winners.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Method {
    /// One choice per ballot (`ranking` of length 1); the `seats` candidates with most votes win.
    Plurality,
    /// Any number of approvals per ballot (up to `max_choices`); the `seats` most approved win.
    Approval,
    /// Ranked ballots; Schulze's beatpath method (strength per [`PairwiseOptions`]).
    Schulze,
    /// Ranked ballots; Tideman's ranked pairs (strength per [`PairwiseOptions`]).
    RankedPairs,
    /// Ranked ballots; Copeland: 2 points per pairwise win, 1 per pairwise tie.
    Copeland,
    /// Ranked ballots; Borda count: a candidate scores one point per candidate ranked below it.
    Borda,
    /// Score ballots; the `seats` highest total scores win.
    Score,
    /// Score ballots; STAR: the two highest totals go to an automatic runoff (1 seat).
    Star,
    /// Score ballots read as grades; majority judgment (highest median grade).
    MajorityJudgment,
    /// Approval ballots; satisfaction approval voting (committee maximising Σ |A∩W|/|A|).
    Sav,
    /// Approval ballots; proportional approval voting (committee maximising Σ 1 + 1/2 + … ).
    Pav,
    /// Approval ballots; Chamberlin–Courant (committee maximising voters with a member approved).
    Cc,
    /// Approval ballots; sequential PAV (greedy by marginal PAV score).
    SeqPav,
    /// Approval ballots; sequential Chamberlin–Courant (greedy).
    SeqCc,
    /// Approval ballots; reverse sequential PAV (removes the least costly candidate each round).
    RevSeqPav,
    /// Approval ballots; sequential Phragmén (elects the candidate giving the smallest max load).
    SeqPhragmen,
    /// Approval ballots; Sainte-Laguë approval voting (Thiele weights 1, 1/3, 1/5, …).
    Slav,
    /// Approval ballots; sequential SLAV (greedy).
    SeqSlav,
    /// Approval ballots; geometric Thiele rule with p = 2 (weights 1, 1/2, 1/4, …).
    Geom2,
    /// Ranked ballots; instant-runoff voting: one seat, the last candidate is eliminated round by
    /// round (rules in [`Election::irv`], see [`super::IrvOptions`]).
    Irv,
    /// Ranked ballots; single transferable vote: several seats (rule, quota and arithmetic in
    /// [`Election::stv`], see [`super::StvOptions`]).
    Stv,
}

impl Method {
    /// Stable snake_case name, as on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Plurality => "plurality",
            Method::Approval => "approval",
            Method::Schulze => "schulze",
            Method::RankedPairs => "ranked_pairs",
            Method::Copeland => "copeland",
            Method::Borda => "borda",
            Method::Score => "score",
            Method::Star => "star",
            Method::MajorityJudgment => "majority_judgment",
            Method::Sav => "sav",
            Method::Pav => "pav",
            Method::Cc => "cc",
            Method::SeqPav => "seq_pav",
            Method::SeqCc => "seq_cc",
            Method::RevSeqPav => "rev_seq_pav",
            Method::SeqPhragmen => "seq_phragmen",
            Method::Slav => "slav",
            Method::SeqSlav => "seq_slav",
            Method::Geom2 => "geom2",
            Method::Irv => "irv",
            Method::Stv => "stv",
        }
    }

    /// True for the methods that read `ranking` as a full ranked ballot with equal ranks.
    pub fn is_ranked(self) -> bool {
        matches!(
            self,
            Method::Schulze | Method::RankedPairs | Method::Copeland | Method::Borda
        )
    }

    /// True for the methods that read `scores` ballots.
    pub fn is_graded(self) -> bool {
        matches!(
            self,
            Method::Score | Method::Star | Method::MajorityJudgment
        )
    }

    /// True for the approval-based committee methods (beyond plain `approval`).
    pub fn is_committee(self) -> bool {
        matches!(
            self,
            Method::Sav
                | Method::Pav
                | Method::Cc
                | Method::SeqPav
                | Method::SeqCc
                | Method::RevSeqPav
                | Method::SeqPhragmen
                | Method::Slav
                | Method::SeqSlav
                | Method::Geom2
        )
    }
}

/// How pairwise defeats are weighed (Schulze, ranked pairs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// The number of voters preferring the winner of the pair (the default).
    #[default]
    Winning,
    /// The winner's votes minus the loser's.
    Margin,
}

/// How candidates left off a ranked ballot are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unranked {
    /// Below every ranked candidate, tied with each other (the default; Debian's rule).
    #[default]
    Implicit,
    /// Not compared with anyone on that ballot.
    Explicit,
}

/// Options of the pairwise methods (`schulze`, `ranked_pairs`, `copeland`; `unranked` also
/// for `borda`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PairwiseOptions {
    /// Defeat strength (Schulze and ranked pairs): `winning` (default) or `margin`.
    #[serde(default)]
    pub strength: Strength,
    /// Reading of unranked candidates: `implicit` (default) or `explicit`.
    #[serde(default)]
    pub unranked: Unranked,
}

/// The allowed range of a score ballot (`score`, `star`, `majority_judgment`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreRange {
    /// Lowest score (default 0); also the score of a candidate a ballot leaves out.
    #[serde(default)]
    pub min: u32,
    /// Highest score (default 5). At most `min + 100` for majority judgment.
    #[serde(default = "default_score_max")]
    pub max: u32,
}

fn default_score_max() -> u32 {
    5
}

impl Default for ScoreRange {
    fn default() -> Self {
        ScoreRange {
            min: 0,
            max: default_score_max(),
        }
    }
}

/// A candidate: a bare id on the wire, or `{"id", "name"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Candidate {
    /// Just the identifier used on ballots.
    Id(String),
    /// An identifier with a display name.
    Named {
        /// Identifier used on ballots.
        id: String,
        /// Display name (e.g. the title of an exhibited work).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
}

impl Candidate {
    /// The identifier used on ballots.
    pub fn id(&self) -> &str {
        match self {
            Candidate::Id(id) | Candidate::Named { id, .. } => id,
        }
    }

    /// The display name, falling back to the id.
    pub fn name(&self) -> &str {
        match self {
            Candidate::Named {
                name: Some(name), ..
            } => name,
            _ => self.id(),
        }
    }
}

/// How ties are broken. With no seed a tie is reported as a tie, never decided silently.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TieBreak {
    /// The published seed of the lot (see [`crate::draw`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// Ranked methods (`irv`, `stv`): a fixed order of candidate ids, most favoured first. A tie
    /// for elimination removes the tied candidate listed last; a tie for election elects the one
    /// listed first. Tied candidates not listed fall through to the next rule. Applied after
    /// `previous_rounds` and before the lot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<String>>,
    /// Ranked methods: first look back at earlier rounds, latest first, and decide by the first
    /// round in which the tied candidates' totals differ (lowest is eliminated, highest elected).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub previous_rounds: bool,
    /// Ranked methods: a tie that `previous_rounds` and `order` leave standing stops the count
    /// (the result is incomplete and the tie unresolved) instead of being drawn by `seed`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stop: bool,
    /// Ranked methods: RCTab's `random` tie-break, reproduced bit for bit, in place of the
    /// lot of `seed` (same place in the order: after `previous_rounds` and `order`; ignored
    /// with `stop`). RCTab's `randomSeed`: one `java.util.Random(rctab_random_seed)` serves the
    /// whole count, in the order ties occur; each tie sorts the tied candidate ids as Java
    /// strings (UTF-16 order) and takes the one at `floor(nextDouble() * tied)`, to eliminate or
    /// to elect. Candidate ids stand for RCTab's candidate names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rctab_random_seed: Option<i64>,
    /// The commitment of `seed` published before the vote closed (see [`crate::commitment`]):
    /// the count fails with `seed_mismatch` unless `seed` matches it, and the result records
    /// it in `draw_seed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<String>,
    /// A public value revealed after the close, mixed into `seed` by the rule
    /// `huaide-seed-mix-v1` (see [`crate::commitment`]): the lot is drawn with the mixed seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_value: Option<String>,
}

/// One election: a question, its candidates and the rules of the count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Election {
    /// Identifier, e.g. `exhibition-2006-photography`.
    pub id: String,
    /// Counting method.
    pub method: Method,
    /// Number of winners (top k). At least 1 and at most the number of candidates.
    pub seats: u32,
    /// The candidates, in their listed order.
    pub candidates: Vec<Candidate>,
    /// Voter ids allowed to vote. When present, every ballot must name a voter on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<Vec<String>>,
    /// Most choices a ballot may mark (approval only; plurality is always 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<u32>,
    /// How ties are broken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_break: Option<TieBreak>,
    /// Options of the pairwise methods (and `unranked` for `borda`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<PairwiseOptions>,
    /// Score range of `score`, `star` and `majority_judgment` (default 0 to 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_range: Option<ScoreRange>,
    /// Ballot-reading and elimination rules of `irv` (defaults when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub irv: Option<super::irv::IrvOptions>,
    /// Counting rule and quota of `stv` (defaults when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stv: Option<super::stv::StvOptions>,
}

impl Election {
    /// The most choices a valid ballot may mark under this election's method.
    pub fn choice_limit(&self) -> usize {
        match self.method {
            Method::Plurality => 1,
            Method::Approval
            | Method::Sav
            | Method::Pav
            | Method::Cc
            | Method::SeqPav
            | Method::SeqCc
            | Method::RevSeqPav
            | Method::SeqPhragmen
            | Method::Slav
            | Method::SeqSlav
            | Method::Geom2 => self.max_choices.map_or(self.candidates.len(), |max| {
                usize::try_from(max).unwrap_or(usize::MAX)
            }),
            _ => self.candidates.len(),
        }
    }

    /// The lottery seed, if ties are to be broken by lot.
    pub fn seed(&self) -> Option<&str> {
        self.tie_break.as_ref().and_then(|tb| tb.seed.as_deref())
    }

    /// The seed the lot is drawn with: `seed` mixed with `tie_break.public_value` when one is
    /// given (see [`crate::commitment`]), else `seed` itself.
    pub fn draw_seed(&self) -> Option<String> {
        let tb = self.tie_break.as_ref()?;
        let seed = tb.seed.as_deref()?;
        Some(crate::commitment::effective_seed(
            seed,
            tb.public_value.as_deref(),
        ))
    }

    /// Checks `tie_break.seed` against `tie_break.commitment` and records the seed, the
    /// commitment, the public value and the effective seed (`None` without a commitment or
    /// a public value).
    pub fn seed_record(&self) -> Result<Option<DrawSeed>, SeedError> {
        let Some(tb) = self.tie_break.as_ref() else {
            return Ok(None);
        };
        crate::commitment::settle(
            tb.seed.as_deref(),
            tb.commitment.as_deref(),
            tb.public_value.as_deref(),
            &crate::error::FieldPath::root("election").field("tie_break"),
        )
    }
}
