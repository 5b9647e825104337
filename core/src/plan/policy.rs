//! Enrolment settings of a plan and its programs: which mechanism allocates scarce seats,
//! how many programs one person may get, how long an offer from a waiting list stays open,
//! and, per program, priority tiers and reserved seats.
//!
//! ```toml
//! [allocation]              # plan-wide (optional)
//! mechanism = "deferred_acceptance"
//! max_programs = 2
//! offer_expiry_hours = 48
//!
//! [programs.allocation]     # per program (optional)
//! tiers = [{ residency = ["resident"] }, { residency = ["surrounding"] }]
//! reserved = [{ seats = 2, rule = { tag = "elderly" } }]
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::audience::Rule;

/// How seats are allocated when programs have more applicants than seats.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Mechanism {
    /// Applicant-proposing deferred acceptance: programs rank applicants by priority tier,
    /// then by the public draw. No applicant can claim a seat held by someone of lower
    /// priority. The default for ranked choices.
    #[default]
    DeferredAcceptance,
    /// Serial dictatorship: applicants, in the order of the public draw, each take their
    /// best choice that still has a seat. Tiers are ignored; reserved seats still apply.
    SerialDictatorship,
    /// First come, first served: by `submitted_at` (applications without one come last),
    /// then by the public draw. Tiers are ignored; reserved seats still apply.
    FirstCome,
}

impl Mechanism {
    /// The snake_case wire name, e.g. `deferred_acceptance`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mechanism::DeferredAcceptance => "deferred_acceptance",
            Mechanism::SerialDictatorship => "serial_dictatorship",
            Mechanism::FirstCome => "first_come",
        }
    }
}

/// Plan-wide enrolment settings (the plan's `allocation` field).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentPolicy {
    /// The mechanism used when the caller names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<Mechanism>,
    /// Most programs one application may get (default 1); an application may set its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_programs: Option<u32>,
    /// Hours an offer from a waiting list stays open (default 72).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_expiry_hours: Option<u32>,
}

/// Seats held for applicants who match a rule, e.g. two pottery wheels for elderly residents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reserve {
    /// Seats held (taken out of `capacity.max`, not added to it).
    pub seats: u32,
    /// Who the seats are held for.
    pub rule: Rule,
}

/// Per-program enrolment settings (a program's `allocation` field).
///
/// Seats are filled in a fixed order: first the general seats (`capacity.max` minus all
/// reserved seats) by priority, then each reserve in the order listed, taking the
/// best-placed matching applicants left; a reserved seat no matching applicant needs goes to
/// the best-placed applicant left. Priority is the first tier whose rule the applicant
/// meets (applicants meeting none come after every tier), then the public draw.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramPolicy {
    /// Priority tiers, highest first, e.g. residents, then surrounding residents. An
    /// allocation takes at most 64 (`huaide::enrol::MAX_TIERS`; more is `too_large`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Rule>,
    /// Reserved seats. An allocation takes at most 16 (`huaide::enrol::MAX_RESERVES`; more
    /// is `too_large`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reserved: Vec<Reserve>,
}
