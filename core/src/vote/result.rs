//! The result of a count, exactly as it goes on the wire.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::ballot::RejectionCode;
use super::election::Method;

/// How many ballots were cast, counted and rejected (`cast = valid + rejected`, always).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BallotSummary {
    /// Ballots cast, grouped ballots counted by their `count`.
    pub cast: u64,
    /// Ballots counted.
    pub valid: u64,
    /// Ballots rejected, each listed in [`TallyResult::rejected`].
    pub rejected: u64,
}

/// One rejected ballot entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Rejection {
    /// Position of the ballot in the input list (0-based).
    pub index: usize,
    /// The voter it named, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voter: Option<String>,
    /// Why it was rejected.
    pub code: RejectionCode,
    /// How many ballots the entry stood for.
    pub count: u64,
}

/// How a tie was settled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TieResolution {
    /// Broken by the seeded lot; `order` is the tied candidates from luckiest down.
    Lot {
        /// The published seed used.
        seed: String,
        /// The tied candidates in the order the lot placed them.
        order: Vec<String>,
    },
    /// Not broken: no seed was given, so the tie stands in the result.
    Unresolved,
    /// Ranked methods: broken by the election's `tie_break.order`; `order` is the tied
    /// candidates from most favoured down.
    Order {
        /// The tied candidates in the order the list placed them.
        order: Vec<String>,
    },
    /// Ranked methods: broken by the totals of an earlier round (`tie_break.previous_rounds`).
    PreviousRounds {
        /// The round whose totals decided.
        round: u32,
    },
    /// Not broken, and it did not need to be: every way of breaking it (and every tie met
    /// after it) elects the same winners, so the count went on without a draw. `order` is
    /// the tied candidates in their listed order; the count shown takes the one listed last
    /// for an elimination and the one listed first otherwise (to elect, or for the
    /// sequential committee rules, to add or remove). `branches` is how many complete counts
    /// (for the sequential committee rules: ways to complete the committee) follow from the
    /// tie, all with the same winners. See [`crate::vote::MAX_TIE_COUNTS`].
    NoEffect {
        /// The tied candidates in the order the count shown placed them.
        order: Vec<String>,
        /// Complete counts explored from this tie, all electing the same winners.
        branches: u32,
    },
}

/// A tie met during the count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Tie {
    /// The tied candidates, in election order.
    pub candidates: Vec<String>,
    /// The vote each of them has.
    pub votes: u64,
    /// Seats the tie decides: how many of these candidates win (0 when only order is at stake).
    pub seats_at_stake: u32,
    /// How it was settled.
    pub resolution: TieResolution,
}

/// The outcome of [`super::tally`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TallyResult {
    /// The election's id.
    pub election: String,
    /// The method used.
    pub method: Method,
    /// Seats to fill.
    pub seats: u32,
    /// The elected candidates, best first. Fewer than `seats` when an unresolved tie stands.
    pub winners: Vec<String>,
    /// Every candidate in tiers, best first; a tier of several is an unbroken tie.
    pub ranking: Vec<Vec<String>>,
    /// Votes per candidate.
    pub counts: BTreeMap<String, u64>,
    /// Ballot totals.
    pub ballots: BallotSummary,
    /// Every rejected ballot, in input order.
    pub rejected: Vec<Rejection>,
    /// Every tie met, from the top of the ranking down.
    pub ties: Vec<Tie>,
    /// True when every seat is filled (no unresolved tie for a seat).
    pub complete: bool,
    /// Pairwise methods: `pairwise[x][y]` is the number of ballots ranking `x` above `y`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<BTreeMap<String, BTreeMap<String, u64>>>,
    /// Schulze: `strongest_paths[x][y]` is the strength of the strongest path from `x` to `y`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strongest_paths: Option<BTreeMap<String, BTreeMap<String, u64>>>,
    /// Pairwise methods: the candidate who beats every other pairwise, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condorcet_winner: Option<String>,
    /// STAR: the runoff, as the number of ballots preferring each finalist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runoff: Option<BTreeMap<String, u64>>,
    /// Elimination methods (`irv`, `stv`): the count round by round (see [`super::Round`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<super::rounds::Round>,
    /// The seed, its commitment, the public value, the mixing rule and the effective seed,
    /// when the election's `tie_break` gives a commitment or a public value (see
    /// [`crate::commitment`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draw_seed: Option<Box<crate::commitment::DrawSeed>>,
}
