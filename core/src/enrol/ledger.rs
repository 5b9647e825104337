//! What an allocation hands on to the waiting lists: units, rosters and waiting lists by
//! index, in allocation order.

use super::conflicts::Conflicts;

/// One program after the allocation.
#[derive(Clone, Debug)]
pub(crate) struct LedgerProgram {
    /// Program id.
    pub id: String,
    /// Seats (`None`: unlimited).
    pub capacity: Option<u32>,
    /// Whether it runs.
    pub running: bool,
    /// Units enrolled, in priority order.
    pub enrolled: Vec<u32>,
    /// Units waiting, in priority order, with those refused `household_limit` at their
    /// places in that order (passed over while their household is at the limit).
    pub waitlist: Vec<u32>,
    /// Seats held by each reserve of the program's policy, in order.
    pub reserved: Vec<u32>,
    /// Most members of one household (household limit of the audience).
    pub household_cap: Option<u32>,
}

/// One unit after the allocation.
#[derive(Clone, Debug)]
pub(crate) struct LedgerUnit {
    /// Person ids, sorted.
    pub members: Vec<String>,
    /// Program indices, best first.
    pub choices: Vec<u32>,
    /// Per choice: bit `i` set when the unit matches the program's reserve `i`.
    pub reserves: Vec<u64>,
    /// Most programs.
    pub limit: u32,
    /// Household index of each member with a household, sorted.
    pub households: Vec<u32>,
    /// Programs held from the shared pass (confidential units only; for conflicts).
    pub before: Vec<u32>,
}

/// Everything [`super::EnrolmentState`] needs from an allocation.
#[derive(Clone, Debug)]
pub(crate) struct Ledger {
    /// Programs, by plan index.
    pub programs: Vec<LedgerProgram>,
    /// Units.
    pub units: Vec<LedgerUnit>,
    /// Overlapping programs.
    pub conflicts: Conflicts,
    /// Hours an offer stays open.
    pub offer_hours: u32,
}
