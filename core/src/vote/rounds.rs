//! The round-by-round audit of the elimination methods (`irv`, `stv`), close to RCTab's
//! detailed report.
//!
//! Every vote value is an exact decimal **string** (`"4"`, `"7.25"`, `"0.33333"`): whole
//! numbers for `irv`, the rule's fixed-point arithmetic for `stv` (under the `rctab` rule as
//! RCTab writes it: whole until a surplus fraction is in the value, `"6"` then `"6.0000"`).
//! Strings keep the value exact in every binding.
//!
//! Every round conserves ballots: the sum of `tally` plus the sum of `inactive` equals the
//! number of valid ballots (for `stv`, `inactive.rounding` holds what the arithmetic lost).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::result::TieResolution;

/// Why ballots stopped counting for any candidate. Each field is a decimal string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Inactive {
    /// Ballots that reached an overvote (several candidates at one rank) that the overvote
    /// rule exhausts.
    pub overvote: String,
    /// Ballots that skipped more consecutive ranks than `max_skipped_ranks` allows.
    pub skipped_ranks: String,
    /// Ballots that ranked a candidate again, under `duplicate: "exhaust"`.
    pub repeated_ranking: String,
    /// Ballots with no continuing candidate left among their choices.
    pub exhausted: String,
    /// Ballots that marked no candidate at all, or that stopped ranking while more than
    /// `max_skipped_ranks` ranks of `max_rankings` were left (RCTab's undervote).
    pub undervote: String,
    /// `stv` only: votes lost to the rounding of the fixed-point arithmetic ("0" otherwise).
    /// Under the `rctab` rule: the residual surplus so far (what the truncated transfers left
    /// above the threshold of each elected candidate).
    pub rounding: String,
    /// `stv` rule `rctab` only: the surplus votes of the last candidates elected, which have
    /// nowhere to go once every seat is filled (RCTab's "final round surplus").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_round_surplus: Option<String>,
}

/// Votes moved out of one candidate at the start of the next round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Transfer {
    /// The candidate eliminated (or elected, for an `stv` surplus) whose votes moved.
    pub from: String,
    /// Votes received by each candidate (only non-zero entries).
    pub to: BTreeMap<String, String>,
    /// Votes that became inactive instead (any cause).
    pub exhausted: String,
    /// `stv` rule `rctab` only: the elected candidate's residual surplus (the votes its
    /// truncated transfers left above the threshold), when not zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual: Option<String>,
}

/// A tie met in a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RoundTie {
    /// The tied candidates, in election order.
    pub candidates: Vec<String>,
    /// The vote each of them has.
    pub votes: String,
    /// `"elimination"` (who is eliminated) or `"election"` (who is elected) or `"surplus"`
    /// (whose surplus is transferred first).
    pub purpose: String,
    /// How it was settled.
    pub resolution: TieResolution,
}

/// One round of an elimination count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Round {
    /// Round number, from 1.
    pub round: u32,
    /// Votes of every candidate still in the count (continuing, and for `stv` the elected
    /// holding their quota), by candidate id.
    pub tally: BTreeMap<String, String>,
    /// The winning threshold (quota) in this round.
    pub threshold: String,
    /// Candidates elected in this round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elected: Vec<String>,
    /// Candidates eliminated (excluded) in this round, their votes moving in the next round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eliminated: Vec<String>,
    /// Where the votes of this round's eliminated (or surplus-transferring elected) candidates
    /// went, as counted at the start of the next round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transfers: Vec<Transfer>,
    /// Ballots (or votes) inactive in this round, by cause.
    pub inactive: Inactive,
    /// Sum of `tally`.
    pub continuing: String,
    /// Ties met in this round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<RoundTie>,
}

/// The 1-based number of the round at 0-based `index` (saturating).
pub(crate) fn round_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX).saturating_add(1)
}
