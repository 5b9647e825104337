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
//!    policy ([`crate::plan::ProgramPolicy`]); ties inside a tier are broken by a public
//!    draw, [`crate::draw::lottery_order`]`(seed, person ids)` over the applicants to
//!    shared programs, published as `draw`; confidential programs use a draw of their own
//!    over their applicants, so the shared draw is the same with or without them
//!    and anyone can replay it with `draw_order(seed, draw)`.
//! 3. **Mechanism** ([`crate::plan::Mechanism`]): deferred acceptance, serial dictatorship
//!    or first come, in rounds when people may get several programs, never placing anyone in
//!    two programs that overlap ([`mechanism`], [`conflicts`]).
//! 4. **Cancellation loop**: a program whose conditions on other programs fail is not opened,
//!    and a program below its minimum is cancelled (the one furthest below first); its
//!    applicants move on to their next choices and everything is allocated again, until
//!    nothing changes (at most one run per program, plus one). `iterations` in the result
//!    counts the first run and the runs that follow a shared (non-confidential) program
//!    being cancelled or left unopened; runs that follow only a confidential program's
//!    cancellation are not counted, so the shared form does not reveal a confidential
//!    program's demand (the shared programs' results never depend on it: confidential
//!    units are allocated after all others, and the cancellation order among shared
//!    programs is the same with or without them).
//! 5. **Households**: a household rule's `max_enrolled` in a program's audience (directly
//!    or inside `all`) caps the members of one household the program holds; a member
//!    refused for it gets `household_limit` ([`units`], [`mechanism`]). Such a member
//!    still counts in the program's `applicants` (its demand for `demand_at_least`): they
//!    applied and are eligible, and the cap limits seats per household, not interest.
//! 6. **Groups** apply together, all or none ([`units`]); **confidential** programs are
//!    allocated last and redacted from the shared form ([`result`]). A plan whose
//!    conditions refer to a confidential program is refused (`condition_on_confidential`):
//!    the other program's status would reveal the confidential one's demand.
//!
//! After the allocation, the waiting lists live on in an [`EnrolmentState`] moved only by
//! [`Event`]s ([`state`]).

pub mod conflicts;
mod document;
mod draws;
mod error;
pub mod event;
pub mod explain;
mod input;
mod ledger;
pub mod mechanism;
pub mod result;
mod rosters;
pub mod state;
pub mod units;

use std::collections::BTreeSet;

pub use document::{AllocationDocument, EnrolmentStateDocument};
pub use error::EnrolError;
pub use explain::{explain_decision, read_decision, DecisionInput};
pub use input::{
    read_allocation_options, read_allocation_request, read_applications, read_people,
    AllocationOptions, AllocationRequest, Application, Person,
};
pub use result::{
    Allocation, Decision, ProgramOutcome, ProgramReport, ProgramStatus, SharedPart, SharedPartView,
};
use result::{Code, CompactProgram};
pub use state::{read_events, EnrolmentState, Event, Offer};
use units::Names;

use crate::plan::{Plan, Status};
use conflicts::Conflicts;
use mechanism::{primary, Have, Run, Seats};
use rosters::{List, Marks};

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
/// Most priority tiers of one program.
pub const MAX_TIERS: usize = 64;
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
    refuse_confidential_conditions(plan)?;
    crate::limits::check_enrolment(plan, people, applications)?;
    let draw_seed = crate::commitment::settle(
        Some(&options.seed),
        options.commitment.as_deref(),
        options.public_value.as_deref(),
        &crate::error::FieldPath::root("options"),
    )?;
    let effective = draw_seed
        .as_ref()
        .map_or(options.seed.as_str(), |d| d.effective_seed.as_str());
    let prep = units::prepare(plan, people, applications, effective, options.as_of)?;
    let units = &prep.units;
    let n_programs = plan.programs.len();
    let n = units.len();
    let split = units.split();
    let conflicts = if prep.multi || split < n {
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
                || p.audience.as_ref().and_then(units::household_cap).is_some()
        })
        .collect();
    for u in (0..n).filter(|&u| units.members(u).len() > 1) {
        for c in units.choices(u) {
            if let Some(l) = listed.get_mut(c.program as usize) {
                *l = true;
            }
        }
    }
    let index = units::index_of(plan.programs.iter().map(|p| p.id.as_str()));
    let mut reason: Vec<Option<&'static str>> = plan
        .programs
        .iter()
        .map(|p| (p.status == Status::Cancelled).then_some("plan_cancelled"))
        .collect();
    // The public unit of each person, for the confidential pass.
    let mut public_of: Vec<u32> = Vec::new();
    if split < n {
        public_of = vec![u32::MAX; people.len()];
        for u in 0..split {
            for &m in units.members(u) {
                if let Some(slot) = public_of.get_mut(m as usize) {
                    *slot = u as u32;
                }
            }
        }
    }
    let mut public_have: Have;
    let mut secret_have: Have;
    let mut before: Vec<Vec<u32>>;
    let mut enrolled: Vec<u32>;
    let mut seats: Vec<Seats>;
    let mut iterations = 0u32;
    // Runs caused by shared programs (see the module documentation); a program is hidden
    // from the shared form when any program of its id is confidential.
    let mut shared_runs = 1u32;
    let confidential = confidential_ids(plan);
    let hidden: Vec<bool> = plan
        .programs
        .iter()
        .map(|p| !confidential.is_empty() && confidential.contains(p.id.as_str()))
        .collect();
    loop {
        iterations = iterations.saturating_add(1); // at most n_programs + 1
        let running: Vec<bool> = reason.iter().map(Option::is_none).collect();
        let run = Run {
            mechanism,
            running: &running,
            listed: &listed,
            conflicts: &conflicts,
        };
        seats = Seats::of_plan(plan);
        public_have = run.allocate(units, 0..split, &mut seats, &[]);
        before = vec![Vec::new(); n.saturating_sub(split)]; // split <= n
        for (i, b) in before.iter_mut().enumerate() {
            for &m in units.members(split.saturating_add(i)) {
                if let Some(&pu) = public_of.get(m as usize) {
                    b.extend_from_slice(public_have.get(pu as usize));
                }
            }
        }
        secret_have = run.allocate(units, split..n, &mut seats, &before);
        enrolled = vec![0; n_programs];
        for u in 0..n {
            let have = if u < split {
                public_have.get(u)
            } else {
                secret_have.get(u.saturating_sub(split))
            };
            let size = units.members(u).len() as u32;
            for &p in have {
                if let Some(e) = enrolled.get_mut(p as usize) {
                    *e = e.saturating_add(size);
                }
            }
        }
        if iterations as usize > n_programs {
            break;
        }
        let counts = |id: &str| match index.get(id).map(|&i| i as usize) {
            Some(i) => (
                prep.demand.get(i).copied().unwrap_or(0),
                enrolled.get(i).copied().unwrap_or(0),
                plan.programs.get(i).and_then(|p| p.capacity).map(|c| c.max),
            ),
            None => (0, 0, None),
        };
        let mut changed = false;
        let mut shared_change = false;
        for ((p, r), &h) in plan.programs.iter().zip(reason.iter_mut()).zip(&hidden) {
            if r.is_none() && !p.conditions.iter().all(|c| c.holds(&counts)) {
                *r = Some("conditions_not_met");
                changed = true;
                shared_change |= !h;
            }
        }
        if changed {
            shared_runs = shared_runs.saturating_add(u32::from(shared_change)); // one per run
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
                (got < min).then(|| (std::cmp::Reverse(min.saturating_sub(got)), &p.id, i))
            })
            .min();
        match worst {
            Some((_, _, i)) => {
                if let Some(r) = reason.get_mut(i) {
                    *r = Some("below_minimum");
                }
                if hidden.get(i).is_some_and(|&h| !h) {
                    shared_runs = shared_runs.saturating_add(1);
                }
            }
            None => break,
        }
    }
    let have_of = |u: usize| -> &[u32] {
        if u < split {
            public_have.get(u)
        } else {
            secret_have.get(u.saturating_sub(split))
        }
    };
    let before_of = |u: usize| -> &[u32] {
        u.checked_sub(split)
            .and_then(|i| before.get(i))
            .map_or(&[][..], Vec::as_slice)
    };

    // Codes per unit and choice (flat), in unit order, with a mark for each choice that
    // puts the unit on a roster, a waiting list or among those held back; then the lists
    // of each program from the marks ([`rosters`]).
    let total = units.choice_offsets().last().copied().unwrap_or(0) as usize;
    let closed: Vec<Option<Code>> = reason
        .iter()
        .map(|r| match r {
            None => None,
            Some("conditions_not_met") => Some(Code::ProgramNotOpened),
            Some(_) => Some(Code::ProgramCancelled),
        })
        .collect();
    let caps: Vec<Option<u32>> = seats.iter().map(|s| s.cap).collect();
    let mut codes: Vec<Code> = Vec::with_capacity(total);
    let mut marks = Marks::with_capacity(n, total / 2, n_programs);
    for u in 0..n {
        let got = have_of(u);
        let choices = units.choices(u);
        let full = got.len() as u32 >= units.limit(u);
        let last_rank = choices
            .iter()
            .filter(|c| got.contains(&c.program))
            .map(|c| c.rank)
            .max();
        for c in choices {
            let p = c.program as usize;
            let flat = codes.len() as u32;
            let code = match closed.get(p).copied().flatten() {
                Some(code) => code,
                None => {
                    if !c.eligible() {
                        Code::Refused
                    } else if got.contains(&c.program) {
                        Code::Enrolled
                    } else if !conflicts.is_empty()
                        && got
                            .iter()
                            .chain(before_of(u))
                            .any(|&q| conflicts.clash(q, c.program))
                    {
                        Code::TimetableConflict
                    } else if full && last_rank.is_none_or(|r| c.rank > r) {
                        Code::LimitReached
                    } else if caps.get(p).is_some_and(Option::is_some)
                        && seats.get(p).is_some_and(|s| {
                            !units::household_fits(units.households(u), &s.households, s.cap)
                        })
                    {
                        Code::HouseholdLimit
                    } else {
                        Code::Waitlisted
                    }
                }
            };
            codes.push(code);
            let list = match code {
                Code::Enrolled => Some(List::Roster),
                Code::Waitlisted => Some(List::Waiting),
                Code::HouseholdLimit => Some(List::Held),
                _ => None,
            };
            if let Some(list) = list {
                marks.push(list, c.program, primary(mechanism, units, u, c), flat);
            }
        }
        marks.close_unit();
    }
    let mut order: Vec<u32> = (0..n as u32).collect();
    let (public, secret) = order.split_at_mut(split.min(n));
    units.sort_by_draw(public);
    units.sort_by_draw(secret);
    let lists = marks.into_lists(units, &order);
    let mut positions: Vec<u32> = vec![0; total];
    for list in lists.all_waiting() {
        for (i, &(_, _, flat)) in list.iter().enumerate() {
            if let Some(slot) = positions.get_mut(flat as usize) {
                *slot = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
            }
        }
    }

    let programs = plan
        .programs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let wait = lists.waiting(i);
            let held_back = lists
                .held(i)
                .iter()
                .map(|&(k, u)| (u, wait.partition_point(|w| (w.0, w.1) < (k, u)) as u32))
                .collect();
            let r = reason.get(i).copied().flatten();
            CompactProgram {
                status: match r {
                    None => ProgramStatus::Running,
                    Some("conditions_not_met") => ProgramStatus::NotOpened,
                    Some(_) => ProgramStatus::Cancelled,
                },
                reason: r,
                applicants: prep.demand.get(i).copied().unwrap_or(0),
                capacity: p.capacity.map(|c| c.max),
                confidential: hidden.get(i).copied().unwrap_or(true),
                roster: lists.roster(i).iter().map(|x| x.1).collect(),
                waitlist: wait.iter().map(|x| x.1).collect(),
                held_back,
                reserved: p
                    .allocation
                    .iter()
                    .flat_map(|a| a.reserved.iter().map(|r| r.seats))
                    .collect(),
                household_cap: p.audience.as_ref().and_then(units::household_cap),
            }
        })
        .collect();
    Ok(Allocation {
        mechanism,
        seed: options.seed.clone(),
        draw_seed,
        as_of: options.as_of,
        iterations: shared_runs,
        people: Names::of(people.iter().map(|p| p.id.as_str())),
        program_ids: plan.programs.iter().map(|p| p.id.clone()).collect(),
        hidden,
        programs,
        draw: prep.draw,
        by_id: prep.by_id,
        units: prep.units,
        codes,
        positions,
        before,
        conflicts,
        offer_hours: plan
            .allocation
            .as_ref()
            .and_then(|a| a.offer_expiry_hours)
            .unwrap_or(72),
    })
}

/// The ids of the plan's confidential programs.
fn confidential_ids(plan: &Plan) -> BTreeSet<&str> {
    plan.programs
        .iter()
        .filter(|p| p.confidential)
        .map(|p| p.id.as_str())
        .collect()
}

/// Refuses a plan whose conditions refer to a confidential program: the status of the
/// program with the condition (in the shared output) would reveal the confidential
/// program's demand or fill. Refusing, rather than ignoring the condition, keeps the
/// allocation and plan validation (`condition_on_confidential`) in agreement.
fn refuse_confidential_conditions(plan: &Plan) -> Result<(), EnrolError> {
    if !plan.programs.iter().any(|p| p.confidential) {
        return Ok(());
    }
    let secret = confidential_ids(plan);
    for (i, p) in plan.programs.iter().enumerate() {
        for (c, condition) in p.conditions.iter().enumerate() {
            let mut refs = Vec::new();
            condition.references(&format!("plan.programs[{i}].conditions[{c}]"), &mut refs, 0);
            if let Some((path, id)) = refs
                .into_iter()
                .find(|(_, id)| secret.contains(id.as_str()))
            {
                return Err(EnrolError::ConditionOnConfidential { path, id });
            }
        }
    }
    Ok(())
}
