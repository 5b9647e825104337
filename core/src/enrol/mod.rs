//! Enrolment: who gets a seat when programs have more applicants than seats, by rules people
//! can check, with a decision and its reason for every applicant and choice.
//!
//! [`allocate`] takes the plan, the people, their applications and [`AllocationOptions`]
//! (mechanism, the published seed, the allocation date) and returns an [`Allocation`]:
//!
//! 1. **Eligibility** from each program's audience rules (ages in full years on the program's
//!    first session, or on `as_of` without a schedule) and prerequisites. A rule that cannot
//!    be checked (an age rule for someone without a birth date) is the decision
//!    `missing_birth_date`, not an error.
//! 2. **Priority** per program: tiers and reserved seats from the program's `allocation`
//!    policy ([`crate::plan::ProgramPolicy`]); ties inside a tier are broken by one public
//!    draw over all applicants, [`crate::draw::lottery_order`]`(seed, person ids)`,
//!    published as `draw`.
//! 3. **Mechanism** ([`crate::plan::Mechanism`]): deferred acceptance, serial dictatorship
//!    or first come, in rounds when people may get several programs, never placing anyone in
//!    two programs that overlap ([`mechanism`], [`conflicts`]).
//! 4. **Cancellation loop**: a program whose conditions on other programs fail is not opened,
//!    and a program below its minimum is cancelled (the one furthest below first); its
//!    applicants move on to their next choices and everything is allocated again, until
//!    nothing changes (at most one run per program, plus one).
//! 5. **Groups** apply together, all or none ([`units`]); **confidential** programs are
//!    allocated last and redacted from the shared form ([`result`]).
//!
//! After the allocation, the waiting lists live on in an [`EnrolmentState`] moved only by
//! [`Event`]s ([`state`]).

pub mod conflicts;
mod error;
mod input;
mod ledger;
pub mod mechanism;
pub mod result;
pub mod state;
pub mod units;

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use error::EnrolError;
pub use input::{
    read_allocation_options, read_allocation_request, read_applications, read_people,
    AllocationOptions, AllocationRequest, Application, Person,
};
pub use result::{Allocation, Decision, ProgramOutcome, ProgramReport, ProgramStatus};
pub use state::{read_events, EnrolmentState, Event, Offer};

use crate::plan::{Plan, Status};
use conflicts::Conflicts;
use ledger::{Ledger, LedgerProgram, LedgerUnit};
use mechanism::{key, Run, Seats};

/// Most people in one request.
pub const MAX_PEOPLE: usize = 2_000_000;
/// Most applications in one request.
pub const MAX_APPLICATIONS: usize = 2_000_000;
/// Most choices in one application.
pub const MAX_CHOICES: usize = 64;
/// Most other members in one group.
pub const MAX_GROUP: usize = 64;
/// Most reserves of one program.
pub const MAX_RESERVES: usize = 16;
/// Most pairs of overlapping programs.
pub const MAX_CONFLICT_PAIRS: usize = 1_000_000;
/// Most events replayed at once.
pub const MAX_EVENTS: usize = 1_000_000;

/// Allocates seats: see the module documentation. The same inputs and seed always give the
/// same result, whatever the order of `people` and `applications`.
///
/// Errors: `invalid_document`, `duplicate_person`, `duplicate_application`,
/// `duplicate_choice`, `unknown_person`, `unknown_program`, `too_large`, and the plan's
/// schedule errors when timetable conflicts must be checked.
pub fn allocate(
    plan: &Plan,
    people: &[Person],
    applications: &[Application],
    options: &AllocationOptions,
) -> Result<Allocation, EnrolError> {
    let mechanism = options
        .mechanism
        .or_else(|| plan.allocation.as_ref().and_then(|a| a.mechanism))
        .unwrap_or_default();
    let prep = units::prepare(plan, people, applications, &options.seed, options.as_of)?;
    let n_programs = plan.programs.len();
    let split = prep.units.iter().take_while(|u| !u.confidential).count();
    let (public, secret) = prep.units.split_at(split);
    let conflicts = if prep.multi || !secret.is_empty() {
        Conflicts::of_plan(plan)?
    } else {
        Conflicts::default()
    };
    let mut listed: Vec<bool> = plan
        .programs
        .iter()
        .map(|p| {
            p.allocation
                .as_ref()
                .is_some_and(|a| !a.reserved.is_empty())
        })
        .collect();
    for u in prep.units.iter().filter(|u| u.members.len() > 1) {
        for c in &u.choices {
            if let Some(l) = listed.get_mut(c.program as usize) {
                *l = true;
            }
        }
    }
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(n_programs);
    for (i, p) in plan.programs.iter().enumerate() {
        index.entry(p.id.as_str()).or_insert(i);
    }
    let mut reason: Vec<Option<&'static str>> = plan
        .programs
        .iter()
        .map(|p| (p.status == Status::Cancelled).then_some("plan_cancelled"))
        .collect();
    let mut public_have: Vec<Vec<u32>>;
    let mut secret_have: Vec<Vec<u32>>;
    let mut before: Vec<Vec<u32>>;
    let mut enrolled: Vec<u32>;
    let mut iterations = 0u32;
    loop {
        iterations += 1;
        let running: Vec<bool> = reason.iter().map(Option::is_none).collect();
        let run = Run {
            mechanism,
            running: &running,
            listed: &listed,
            conflicts: &conflicts,
        };
        let mut seats = Seats::of_plan(plan);
        public_have = run.allocate(public, &mut seats, &[]);
        before = vec![Vec::new(); secret.len()];
        if !secret.is_empty() {
            let mut by_person: HashMap<u32, &Vec<u32>> = HashMap::new();
            for (u, have) in public.iter().zip(&public_have) {
                for &m in &u.members {
                    by_person.insert(m, have);
                }
            }
            for (u, b) in secret.iter().zip(before.iter_mut()) {
                for m in &u.members {
                    if let Some(h) = by_person.get(m) {
                        b.extend(h.iter().copied());
                    }
                }
            }
        }
        secret_have = run.allocate(secret, &mut seats, &before);
        enrolled = vec![0; n_programs];
        for (u, have) in prep
            .units
            .iter()
            .zip(public_have.iter().chain(&secret_have))
        {
            for &p in have {
                if let Some(e) = enrolled.get_mut(p as usize) {
                    *e = e.saturating_add(u.members.len() as u32);
                }
            }
        }
        if iterations as usize > n_programs {
            break;
        }
        let counts = |id: &str| match index.get(id) {
            Some(&i) => (
                prep.demand.get(i).copied().unwrap_or(0),
                enrolled.get(i).copied().unwrap_or(0),
                plan.programs.get(i).and_then(|p| p.capacity).map(|c| c.max),
            ),
            None => (0, 0, None),
        };
        let mut changed = false;
        for (p, r) in plan.programs.iter().zip(reason.iter_mut()) {
            if r.is_none() && !p.conditions.iter().all(|c| c.holds(&counts)) {
                *r = Some("conditions_not_met");
                changed = true;
            }
        }
        if changed {
            continue;
        }
        let worst = plan
            .programs
            .iter()
            .enumerate()
            .filter(|(i, _)| reason.get(*i).is_some_and(Option::is_none))
            .filter_map(|(i, p)| {
                let min = p.capacity.map_or(0, |c| c.min);
                let got = enrolled.get(i).copied().unwrap_or(0);
                (got < min).then(|| (std::cmp::Reverse(min - got), &p.id, i))
            })
            .min();
        match worst {
            Some((_, _, i)) => {
                if let Some(r) = reason.get_mut(i) {
                    *r = Some("below_minimum");
                }
            }
            None => break,
        }
    }
    let running: Vec<bool> = reason.iter().map(Option::is_none).collect();
    let have: Vec<&Vec<u32>> = public_have.iter().chain(&secret_have).collect();
    let no_before: Vec<u32> = Vec::new();
    let before_of = |u: usize| -> &Vec<u32> {
        if u < split {
            &no_before
        } else {
            before.get(u - split).unwrap_or(&no_before)
        }
    };

    // Waiting lists and rosters, by program, as (key, unit).
    let mut rosters: Vec<Vec<(u128, u32)>> = vec![Vec::new(); n_programs];
    let mut waits: Vec<Vec<(u128, u32)>> = vec![Vec::new(); n_programs];
    // Per unit and choice: (code, position placeholder).
    let mut codes: Vec<Vec<&'static str>> = Vec::with_capacity(prep.units.len());
    for (u, unit) in prep.units.iter().enumerate() {
        let got = have.get(u).copied().unwrap_or(&no_before);
        let full = got.len() as u32 >= unit.limit;
        let last_rank = unit
            .choices
            .iter()
            .filter(|c| got.contains(&c.program))
            .map(|c| c.rank)
            .max();
        let mut list = Vec::with_capacity(unit.choices.len());
        for c in &unit.choices {
            let p = c.program as usize;
            let code = match reason.get(p).copied().flatten() {
                Some("conditions_not_met") => "program_not_opened",
                Some(_) => "program_cancelled",
                None => {
                    if let Some(refusal) = &c.refusal {
                        refusal.code
                    } else if got.contains(&c.program) {
                        if let Some(r) = rosters.get_mut(p) {
                            r.push((key(mechanism, unit, c), u as u32));
                        }
                        "enrolled"
                    } else if got
                        .iter()
                        .chain(before_of(u))
                        .any(|&q| conflicts.clash(q, c.program))
                    {
                        "timetable_conflict"
                    } else if full && last_rank.is_none_or(|r| c.rank > r) {
                        "limit_reached"
                    } else {
                        if let Some(w) = waits.get_mut(p) {
                            w.push((key(mechanism, unit, c), u as u32));
                        }
                        "waitlisted"
                    }
                }
            };
            list.push(code);
        }
        codes.push(list);
    }
    for list in rosters.iter_mut().chain(waits.iter_mut()) {
        list.sort_unstable();
    }
    // Waiting-list places, by unit and choice (flat).
    let mut offset: Vec<usize> = Vec::with_capacity(prep.units.len() + 1);
    let mut total = 0usize;
    for unit in &prep.units {
        offset.push(total);
        total += unit.choices.len();
    }
    let mut position: Vec<u32> = vec![0; total];
    for (p, list) in waits.iter().enumerate() {
        for (i, &(_, u)) in list.iter().enumerate() {
            let Some(unit) = prep.units.get(u as usize) else {
                continue;
            };
            let Some(c) = unit.choices.iter().position(|c| c.program == p as u32) else {
                continue;
            };
            if let Some(slot) = offset.get(u as usize).and_then(|o| position.get_mut(o + c)) {
                *slot = i as u32 + 1;
            }
        }
    }

    let id_of = |m: u32| {
        people
            .get(m as usize)
            .map(|p| p.id.clone())
            .unwrap_or_default()
    };
    let names = |list: &Vec<(u128, u32)>| -> Vec<String> {
        list.iter()
            .flat_map(|&(_, u)| {
                prep.units
                    .get(u as usize)
                    .map(|x| x.members.clone())
                    .unwrap_or_default()
            })
            .map(id_of)
            .collect()
    };
    let mut programs = BTreeMap::new();
    for (i, p) in plan.programs.iter().enumerate() {
        let r = reason.get(i).copied().flatten();
        let status = match r {
            None => ProgramStatus::Running,
            Some("conditions_not_met") => ProgramStatus::NotOpened,
            Some(_) => ProgramStatus::Cancelled,
        };
        let (Some(roster), Some(wait)) = (rosters.get(i), waits.get(i)) else {
            continue;
        };
        programs.entry(p.id.clone()).or_insert(ProgramOutcome {
            status,
            reason: r,
            applicants: prep.demand.get(i).copied().unwrap_or(0),
            enrolled: names(roster),
            waitlist: names(wait),
        });
    }
    let program_id = |p: u32| {
        plan.programs
            .get(p as usize)
            .map(|x| x.id.clone())
            .unwrap_or_default()
    };
    let mut assignments: Vec<(String, Vec<(u32, String)>)> = Vec::with_capacity(prep.units.len());
    let mut decisions: Vec<(String, Vec<(u32, Decision)>)> = Vec::with_capacity(prep.units.len());
    for ((u, unit), list) in prep.units.iter().enumerate().zip(&codes) {
        let base = offset.get(u).copied().unwrap_or(0);
        for &m in &unit.members {
            let person = id_of(m);
            let mut a = Vec::new();
            let mut d = Vec::with_capacity(unit.choices.len());
            for (k, (c, &code)) in unit.choices.iter().zip(list).enumerate() {
                if code == "enrolled" {
                    a.push((c.rank, program_id(c.program)));
                }
                let refusal = c.refusal.as_deref().filter(|_| code == refusal_code(c));
                d.push((
                    c.rank,
                    Decision {
                        program: program_id(c.program),
                        code,
                        position: position.get(base + k).copied().filter(|&x| x > 0),
                        rule: refusal.and_then(|r| r.rule.clone()),
                        member: refusal.filter(|r| r.member != m).map(|r| id_of(r.member)),
                    },
                ));
            }
            assignments.push((person.clone(), a));
            decisions.push((person, d));
        }
    }
    let assignments = merge(assignments);
    let decisions = merge(decisions);
    let confidential: BTreeSet<String> = plan
        .programs
        .iter()
        .filter(|p| p.confidential)
        .map(|p| p.id.clone())
        .collect();
    let ledger = Ledger {
        programs: plan
            .programs
            .iter()
            .enumerate()
            .map(|(i, p)| LedgerProgram {
                id: p.id.clone(),
                capacity: p.capacity.map(|c| c.max),
                running: running.get(i).copied().unwrap_or(false),
                enrolled: rosters
                    .get(i)
                    .map(|l| l.iter().map(|x| x.1).collect())
                    .unwrap_or_default(),
                waitlist: waits
                    .get(i)
                    .map(|l| l.iter().map(|x| x.1).collect())
                    .unwrap_or_default(),
            })
            .collect(),
        units: prep
            .units
            .iter()
            .enumerate()
            .map(|(u, unit)| LedgerUnit {
                members: unit.members.iter().map(|&m| id_of(m)).collect(),
                choices: unit.choices.iter().map(|c| c.program).collect(),
                limit: unit.limit,
                before: before_of(u).clone(),
            })
            .collect(),
        conflicts,
        offer_hours: plan
            .allocation
            .as_ref()
            .and_then(|a| a.offer_expiry_hours)
            .unwrap_or(72),
    };
    Ok(Allocation {
        mechanism,
        seed: options.seed.clone(),
        as_of: options.as_of,
        draw: prep.draw.iter().map(|&m| id_of(m)).collect(),
        assignments,
        programs,
        decisions,
        iterations,
        confidential,
        ledger,
    })
}

/// The code of a choice's own refusal, if any.
fn refusal_code(choice: &units::Choice) -> &'static str {
    choice.refusal.as_deref().map_or("", |r| r.code)
}

/// Merges per-unit lists of one person (public and confidential units) in choice order.
fn merge<T>(mut list: Vec<(String, Vec<(u32, T)>)>) -> BTreeMap<String, Vec<T>> {
    list.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out: Vec<(String, Vec<(u32, T)>)> = Vec::with_capacity(list.len());
    for (person, items) in list {
        match out.last_mut() {
            Some((last, v)) if *last == person => v.extend(items),
            _ => out.push((person, items)),
        }
    }
    out.into_iter()
        .map(|(k, mut v)| {
            if v.windows(2).any(|w| matches!(w, [x, y] if x.0 > y.0)) {
                v.sort_by_key(|x| x.0);
            }
            (k, v.into_iter().map(|x| x.1).collect())
        })
        .collect()
}
