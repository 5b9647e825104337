//! The result of an allocation, its confidential-aware serde form and per-program reports.
//!
//! **Confidentiality.** Programs marked `confidential` (counselling) are allocated in a
//! separate pass after all others, so nothing about other programs depends on who applied
//! for them. The serde form of [`Allocation`] (what is shared and exported) leaves them out
//! entirely: no program entry, no assignment, no decision, and no draw place for anyone who
//! applied to confidential programs only. Their rosters and decisions are only in
//! [`Allocation::for_program`], which a caller asks for one program at a time.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::ledger::Ledger;
use crate::plan::audience::RuleFailure;
use crate::plan::Mechanism;

/// Whether a program goes ahead after the allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramStatus {
    /// It runs.
    Running,
    /// Cancelled in the plan, or for too few enrolments (`reason` says which).
    Cancelled,
    /// Its conditions on other programs do not hold.
    NotOpened,
}

/// The outcome for one program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProgramOutcome {
    /// Running, cancelled or not opened.
    pub status: ProgramStatus,
    /// Why it does not run: `plan_cancelled`, `below_minimum` or `conditions_not_met`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// Eligible applicants (people), as counted for `demand_at_least` conditions.
    pub applicants: u32,
    /// People enrolled, in priority order.
    pub enrolled: Vec<String>,
    /// People waiting, in priority order (the continuation of the allocation order).
    pub waitlist: Vec<String>,
}

/// The decision on one choice of one applicant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The program chosen.
    pub program: String,
    /// `enrolled`, `waitlisted`, `limit_reached`, `timetable_conflict`, `program_cancelled`,
    /// `program_not_opened`, `ineligible_age`, `missing_birth_date`, `ineligible_residency`,
    /// `ineligible_tag`, `ineligible_household`, `ineligible`, `missing_prerequisite`.
    pub code: &'static str,
    /// Place on the waiting list (1 = next), for `waitlisted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// The audience rule that failed, for ineligibility.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleFailure>,
    /// The group member who made the group ineligible, when it is someone else.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
}

/// The result of [`super::allocate`]. Its serde form redacts confidential programs.
#[derive(Clone, Debug)]
pub struct Allocation {
    /// The mechanism used.
    pub mechanism: Mechanism,
    /// The seed of the draw.
    pub seed: String,
    /// The allocation date.
    pub as_of: NaiveDate,
    /// Every applicant, in the order of the draw (`draw::lottery_order(seed, applicants)`).
    pub draw: Vec<String>,
    /// Programs each applicant got, in choice order.
    pub assignments: BTreeMap<String, Vec<String>>,
    /// Every program of the plan.
    pub programs: BTreeMap<String, ProgramOutcome>,
    /// A decision on every choice of every applicant, in choice order.
    pub decisions: BTreeMap<String, Vec<Decision>>,
    /// Runs of the allocation until no program was cancelled or left unopened.
    pub iterations: u32,
    /// Confidential program ids.
    pub(crate) confidential: BTreeSet<String>,
    /// What the waiting lists need.
    pub(crate) ledger: Ledger,
}

/// Everything about one program, confidential or not: see [`Allocation::for_program`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProgramReport {
    /// Program id.
    pub program: String,
    /// Status, roster and waiting list.
    #[serde(flatten)]
    pub outcome: ProgramOutcome,
    /// The decision on this program for each applicant who chose it.
    pub decisions: BTreeMap<String, Decision>,
}

impl Allocation {
    /// Whether program `id` is confidential.
    pub fn is_confidential(&self, id: &str) -> bool {
        self.confidential.contains(id)
    }

    /// The full report of one program, confidential ones included; `None` for an unknown id.
    pub fn for_program(&self, id: &str) -> Option<ProgramReport> {
        let outcome = self.programs.get(id)?.clone();
        let decisions = self
            .decisions
            .iter()
            .filter_map(|(person, list)| {
                list.iter()
                    .find(|d| d.program == id)
                    .map(|d| (person.clone(), d.clone()))
            })
            .collect();
        Some(ProgramReport {
            program: id.to_owned(),
            outcome,
            decisions,
        })
    }

    /// People with at least one choice of a program that is not confidential.
    fn shared(&self, person: &str) -> bool {
        self.decisions
            .get(person)
            .is_some_and(|list| list.iter().any(|d| !self.confidential.contains(&d.program)))
    }
}

impl Serialize for Allocation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let open = |p: &String| !self.confidential.contains(p);
        let draw: Vec<&String> = self.draw.iter().filter(|p| self.shared(p)).collect();
        let assignments: BTreeMap<&String, Vec<&String>> = self
            .assignments
            .iter()
            .filter(|(p, _)| self.shared(p))
            .map(|(p, list)| (p, list.iter().filter(|x| open(x)).collect()))
            .collect();
        let programs: BTreeMap<&String, &ProgramOutcome> =
            self.programs.iter().filter(|(p, _)| open(p)).collect();
        let decisions: BTreeMap<&String, Vec<&Decision>> = self
            .decisions
            .iter()
            .filter(|(p, _)| self.shared(p))
            .map(|(p, list)| (p, list.iter().filter(|d| open(&d.program)).collect()))
            .collect();
        let mut s = serializer.serialize_struct("Allocation", 8)?;
        s.serialize_field("mechanism", &self.mechanism)?;
        s.serialize_field("seed", &self.seed)?;
        s.serialize_field("as_of", &self.as_of)?;
        s.serialize_field("iterations", &self.iterations)?;
        s.serialize_field("draw", &draw)?;
        s.serialize_field("assignments", &assignments)?;
        s.serialize_field("programs", &programs)?;
        s.serialize_field("decisions", &decisions)?;
        s.end()
    }
}
