//! The result of an allocation and its per-program reports; its confidential-aware serde
//! form is in `shared`.
//!
//! **Confidentiality.** Programs marked `confidential` (counselling) are allocated in a
//! separate pass after all others, so nothing about other programs depends on who applied
//! for them. The serde form of [`Allocation`] (what is shared and exported) leaves them out
//! entirely: no program entry, no assignment, no decision, and no draw place for anyone who
//! applied to confidential programs only. Their rosters and decisions are only in
//! [`Allocation::for_program`], which a caller asks for one program at a time.
//!
//! **Compact form.** An [`Allocation`] keeps people and programs as indices and each
//! decision as a one-byte code with its waiting-list place; names, decisions and rosters
//! are spelled out only when asked for ([`Allocation::decisions`], …) or serialised, so
//! allocating a million applicants does not build ten million strings.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

mod shared;

pub use shared::{SharedPart, SharedPartView};

use super::conflicts::Conflicts;
use super::ledger::{Ledger, LedgerProgram, LedgerUnit};
use super::units::{Names, Refusal, Units};
use crate::plan::audience::RuleFailure;
use crate::plan::Mechanism;

/// Whether a program goes ahead after the allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ProgramOutcome {
    /// Running, cancelled or not opened.
    pub status: ProgramStatus,
    /// Why it does not run: `plan_cancelled`, `below_minimum` or `conditions_not_met`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// Eligible applicants (people), as counted for `demand_at_least` conditions: members
    /// refused with `household_limit` count (they are eligible; the cap limits seats).
    pub applicants: u32,
    /// People enrolled, in priority order.
    pub enrolled: Vec<String>,
    /// People waiting, in priority order (the continuation of the allocation order).
    pub waitlist: Vec<String>,
}

/// The decision on one choice of one applicant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Decision {
    /// The program chosen.
    pub program: String,
    /// `enrolled`, `waitlisted`, `limit_reached`, `timetable_conflict`, `household_limit`
    /// (the program already holds its household rule's `max_enrolled` members of this
    /// person's household), `program_cancelled`, `program_not_opened`, `ineligible_age`, `missing_birth_date`, `ineligible_residency`,
    /// `ineligible_tag`, `ineligible_household`, `ineligible`,
    /// `missing_prerequisite`.
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

/// A [`Decision`] borrowed from the compact form, serialised identically.
#[derive(Serialize)]
struct DecisionView<'a> {
    #[serde(skip)]
    index: u32,
    program: &'a str,
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a RuleFailure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    member: Option<&'a str>,
}

impl DecisionView<'_> {
    fn owned(&self) -> Decision {
        Decision {
            program: self.program.to_owned(),
            code: self.code,
            position: self.position,
            rule: self.rule.cloned(),
            member: self.member.map(str::to_owned),
        }
    }
}

/// The decision on one choice, as stored: one byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Code {
    /// `enrolled`.
    Enrolled,
    /// `waitlisted` (with a place).
    Waitlisted,
    /// `timetable_conflict`.
    TimetableConflict,
    /// `limit_reached`.
    LimitReached,
    /// `program_cancelled`.
    ProgramCancelled,
    /// `program_not_opened`.
    ProgramNotOpened,
    /// `household_limit`: the program holds the most members of the household it may.
    HouseholdLimit,
    /// The choice's own refusal (`ineligible_age`, `ineligible_household`, …).
    Refused,
}

impl Code {
    /// The wire code; `refused` is the refusal's own.
    fn as_str(self, refusal: Option<&Refusal>) -> &'static str {
        match self {
            Code::Enrolled => "enrolled",
            Code::Waitlisted => "waitlisted",
            Code::TimetableConflict => "timetable_conflict",
            Code::LimitReached => "limit_reached",
            Code::HouseholdLimit => "household_limit",
            Code::ProgramCancelled => "program_cancelled",
            Code::ProgramNotOpened => "program_not_opened",
            Code::Refused => refusal.map_or("ineligible", |r| r.code),
        }
    }
}

/// One program after the allocation, by index.
#[derive(Clone, Debug)]
pub(crate) struct CompactProgram {
    /// Status.
    pub status: ProgramStatus,
    /// Why it does not run.
    pub reason: Option<&'static str>,
    /// Eligible applicants (people).
    pub applicants: u32,
    /// Seats (`None`: unlimited).
    pub capacity: Option<u32>,
    /// Confidential (by id: any program of that id is).
    pub confidential: bool,
    /// Units enrolled, in priority order.
    pub roster: Vec<u32>,
    /// Units waiting, in priority order.
    pub waitlist: Vec<u32>,
    /// Units refused `household_limit`, in priority order, each with the number of
    /// `waitlist` units before it in the allocation order (for the waiting lists after the
    /// allocation; not in the serde form).
    pub held_back: Vec<(u32, u32)>,
    /// Seats held by each reserve, in the policy's order.
    pub reserved: Vec<u32>,
    /// Most members of one household (see [`super::units::household_cap`]).
    pub household_cap: Option<u32>,
}

/// The result of [`super::allocate`]. Its serde form redacts confidential programs.
#[derive(Clone, Debug)]
pub struct Allocation {
    /// The mechanism used.
    pub mechanism: Mechanism,
    /// The seed of the draw.
    pub seed: String,
    /// The seed's commitment, the public value, the mixing rule and the effective seed,
    /// when the options give a commitment or a public value (see [`crate::commitment`]).
    pub draw_seed: Option<crate::commitment::DrawSeed>,
    /// The allocation date.
    pub as_of: NaiveDate,
    /// Runs of the allocation until no program was cancelled or left unopened, counting
    /// only runs caused by shared (non-confidential) programs (see [`super`]).
    pub iterations: u32,
    /// Person ids, by index in the input.
    pub(crate) people: Names,
    /// Program ids, by plan index.
    pub(crate) program_ids: Vec<String>,
    /// Programs, by plan index.
    pub(crate) programs: Vec<CompactProgram>,
    /// Whether each program (by plan index) is confidential, as in `programs`.
    pub(crate) hidden: Vec<bool>,
    /// Applicants' person indices: the shared draw, then those only in the confidential
    /// draw.
    pub(crate) draw: Vec<u32>,
    /// Applicants' person indices sorted by id.
    pub(crate) by_id: Vec<u32>,
    /// Units (public ones first); their choice offsets index `codes` and `positions`.
    pub(crate) units: Units,
    /// Code per unit and choice (flat).
    pub(crate) codes: Vec<Code>,
    /// Waiting-list place per unit and choice (flat; 0: none).
    pub(crate) positions: Vec<u32>,
    /// Programs held from the shared pass, per confidential unit (for conflicts).
    pub(crate) before: Vec<Vec<u32>>,
    /// Overlapping programs.
    pub(crate) conflicts: Conflicts,
    /// Hours an offer stays open.
    pub(crate) offer_hours: u32,
}

/// Everything about one program, confidential or not: see [`Allocation::for_program`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ProgramReport {
    /// Program id.
    pub program: String,
    /// Status, roster and waiting list.
    #[serde(flatten)]
    pub outcome: ProgramOutcome,
    /// The decision on this program for each applicant who chose it.
    pub decisions: BTreeMap<String, Decision>,
}

/// The units of one person: public, then confidential (`u32::MAX`: none).
#[derive(Clone, Copy, Debug)]
struct PersonUnits {
    person: u32,
    units: [u32; 2],
}

impl Allocation {
    /// Whether program `id` is confidential.
    pub fn is_confidential(&self, id: &str) -> bool {
        self.index_of(id)
            .and_then(|i| self.programs.get(i))
            .is_some_and(|p| p.confidential)
    }

    /// Number of applicants (people in the draw), confidential-only ones included.
    pub fn applicants(&self) -> usize {
        self.draw.len()
    }

    /// Every applicant: the shared draw (`draw::lottery_order(seed, applicants to shared
    /// programs)`, what the shared form publishes), then those who applied to confidential
    /// programs only, in the order of the confidential draw (see [`super`], step 2).
    pub fn draw(&self) -> Vec<String> {
        self.draw
            .iter()
            .map(|&m| self.people.get(m).to_owned())
            .collect()
    }

    /// Programs each applicant got, in choice order (confidential ones included).
    pub fn assignments(&self) -> BTreeMap<String, Vec<String>> {
        self.by_person()
            .iter()
            .map(|pu| {
                let list = self
                    .decisions_of(pu)
                    .filter(|d| d.code == "enrolled")
                    .map(|d| d.program.to_owned())
                    .collect();
                (self.people.get(pu.person).to_owned(), list)
            })
            .collect()
    }

    /// A decision on every choice of every applicant, in choice order (confidential ones
    /// included).
    pub fn decisions(&self) -> BTreeMap<String, Vec<Decision>> {
        self.by_person()
            .iter()
            .map(|pu| {
                let list = self.decisions_of(pu).map(|d| d.owned()).collect();
                (self.people.get(pu.person).to_owned(), list)
            })
            .collect()
    }

    /// The outcome of every program of the plan (confidential ones included).
    pub fn programs(&self) -> BTreeMap<String, ProgramOutcome> {
        let mut out = BTreeMap::new();
        for (i, id) in self.program_ids.iter().enumerate() {
            if !out.contains_key(id) {
                if let Some(o) = self.outcome(i) {
                    out.insert(id.clone(), o);
                }
            }
        }
        out
    }

    /// The outcome of program `id`; `None` for an unknown id.
    pub fn program(&self, id: &str) -> Option<ProgramOutcome> {
        self.outcome(self.index_of(id)?)
    }

    /// The full report of one program, confidential ones included; `None` for an unknown id.
    pub fn for_program(&self, id: &str) -> Option<ProgramReport> {
        let i = self.index_of(id)?;
        let outcome = self.outcome(i)?;
        let mut decisions = BTreeMap::new();
        for u in 0..self.units.len() {
            let Some(k) = self
                .units
                .choices(u)
                .iter()
                .position(|c| c.program as usize == i)
            else {
                continue;
            };
            for &m in self.units.members(u) {
                if let Some(d) = self.decision(u, k, m) {
                    decisions
                        .entry(self.people.get(m).to_owned())
                        .or_insert_with(|| d.owned());
                }
            }
        }
        Some(ProgramReport {
            program: id.to_owned(),
            outcome,
            decisions,
        })
    }

    /// The first plan index of program `id`.
    fn index_of(&self, id: &str) -> Option<usize> {
        self.program_ids.iter().position(|p| p == id)
    }

    fn names(&self, units: &[u32]) -> Vec<String> {
        units
            .iter()
            .flat_map(|&u| self.units.members(u as usize))
            .map(|&m| self.people.get(m).to_owned())
            .collect()
    }

    fn outcome(&self, i: usize) -> Option<ProgramOutcome> {
        let p = self.programs.get(i)?;
        Some(ProgramOutcome {
            status: p.status,
            reason: p.reason,
            applicants: p.applicants,
            enrolled: self.names(&p.roster),
            waitlist: self.names(&p.waitlist),
        })
    }

    /// The decision of member `m` of unit `u` on its choice `k`.
    fn decision(&self, u: usize, k: usize, m: u32) -> Option<DecisionView<'_>> {
        let c = self.units.choices(u).get(k)?;
        let flat = self.units.flat(u, k);
        let code = *self.codes.get(flat)?;
        let refusal = self.units.refusal(flat).filter(|_| code == Code::Refused);
        Some(DecisionView {
            index: c.program,
            program: self
                .program_ids
                .get(c.program as usize)
                .map_or("", String::as_str),
            code: code.as_str(refusal),
            position: self.positions.get(flat).copied().filter(|&x| x > 0),
            rule: refusal.and_then(|r| r.rule.as_ref()),
            member: refusal
                .filter(|r| r.member != m)
                .map(|r| self.people.get(r.member)),
        })
    }

    /// The decisions of one person, in choice order (public and confidential merged: each
    /// unit's choices are in rank order, so they are merged, not sorted).
    fn decisions_of<'a>(&'a self, pu: &PersonUnits) -> impl Iterator<Item = DecisionView<'a>> + 'a {
        let m = pu.person;
        let [u0, u1] = pu.units.map(|u| u as usize);
        let first = self.units.choices(u0);
        let second = if u1 == u32::MAX as usize {
            &[][..]
        } else {
            self.units.choices(u1)
        };
        let (mut i, mut j) = (0usize, 0usize);
        std::iter::from_fn(move || {
            let take_first = match (first.get(i), second.get(j)) {
                (Some(x), Some(y)) => x.rank <= y.rank,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => return None,
            };
            // `i` and `j` stay below the lengths of the lists they index.
            if take_first {
                let k = i;
                i = i.saturating_add(1);
                Some((u0, k))
            } else {
                let k = j;
                j = j.saturating_add(1);
                Some((u1, k))
            }
        })
        .filter_map(move |(u, k)| self.decision(u, k, m))
    }

    /// Every person with a unit, sorted by id.
    fn by_person(&self) -> Vec<PersonUnits> {
        let mut units_of: Vec<[u32; 2]> = vec![[u32::MAX; 2]; self.people.len()];
        for u in 0..self.units.len() {
            for &m in self.units.members(u) {
                if let Some(slot) = units_of.get_mut(m as usize) {
                    if slot[0] == u32::MAX {
                        slot[0] = u as u32;
                    } else {
                        slot[1] = u as u32;
                    }
                }
            }
        }
        self.by_id
            .iter()
            .filter_map(|&m| {
                let units = *units_of.get(m as usize)?;
                (units[0] != u32::MAX).then_some(PersonUnits { person: m, units })
            })
            .collect()
    }

    /// Whether a program index is confidential.
    fn secret(&self, p: u32) -> bool {
        self.hidden.get(p as usize).copied().unwrap_or(true)
    }

    /// Whether a person has a choice of a program that is not confidential.
    fn shared(&self, pu: &PersonUnits) -> bool {
        pu.units.iter().filter(|&&u| u != u32::MAX).any(|&u| {
            self.units
                .choices(u as usize)
                .iter()
                .any(|c| !self.secret(c.program))
        })
    }

    /// The confidential program ids.
    pub(crate) fn confidential_ids(&self) -> BTreeSet<String> {
        self.program_ids
            .iter()
            .zip(&self.programs)
            .filter(|(_, p)| p.confidential)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// What the waiting lists need, spelled out.
    pub(crate) fn ledger(&self) -> Ledger {
        let no_before: Vec<u32> = Vec::new();
        Ledger {
            programs: self
                .programs
                .iter()
                .zip(&self.program_ids)
                .map(|(p, id)| LedgerProgram {
                    id: id.clone(),
                    capacity: p.capacity,
                    running: p.status == ProgramStatus::Running,
                    enrolled: p.roster.clone(),
                    waitlist: waiting_order(&p.waitlist, &p.held_back),
                    reserved: p.reserved.clone(),
                    household_cap: p.household_cap,
                })
                .collect(),
            units: (0..self.units.len())
                .map(|u| LedgerUnit {
                    members: self
                        .units
                        .members(u)
                        .iter()
                        .map(|&m| self.people.get(m).to_owned())
                        .collect(),
                    choices: self.units.choices(u).iter().map(|c| c.program).collect(),
                    reserves: (0..self.units.choices(u).len())
                        .map(|k| self.units.reserves(self.units.flat(u, k)))
                        .collect(),
                    limit: self.units.limit(u),
                    households: self.units.households(u).to_vec(),
                    before: u
                        .checked_sub(self.units.split())
                        .and_then(|i| self.before.get(i))
                        .unwrap_or(&no_before)
                        .clone(),
                })
                .collect(),
            conflicts: self.conflicts.clone(),
            offer_hours: self.offer_hours,
        }
    }
}

/// The waiting order after the allocation: `waitlist` with the `held_back` units (each
/// with the number of `waitlist` units before it) merged in at their places.
fn waiting_order(waitlist: &[u32], held_back: &[(u32, u32)]) -> Vec<u32> {
    let mut out = Vec::with_capacity(waitlist.len().saturating_add(held_back.len()));
    let mut held = held_back.iter().peekable();
    for (i, &u) in waitlist.iter().enumerate() {
        while let Some(&(h, _)) = held.next_if(|&&(_, before)| before as usize <= i) {
            out.push(h);
        }
        out.push(u);
    }
    out.extend(held.map(|&(h, _)| h));
    out
}
