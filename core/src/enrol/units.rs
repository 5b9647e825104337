//! Applications turned into allocation units: one unit per application (a group is one unit
//! of several people), with programs as compact indices.
//!
//! **Groups and households.** An application may name a `group` of other people applying
//! with its applicant; the group is one unit: it gets a seat in a program for every member
//! or for none. A member listed in someone else's group needs no application of their own;
//! an identical application (same choices, members, stamp and limit) is merged, any other
//! is `duplicate_application`. At each program a group is eligible only if every member is;
//! its priority tier is the lowest tier of its members, it counts as matching a reserve only
//! if every member matches, and its place in the draw is that of its member drawn last (so
//! applying together never buys extra lottery tickets). A household applies together only
//! by applying as a group; otherwise its members apply on their own, and household rules of
//! the audience see the household's tags.
//!
//! **Household limits.** A household rule's `max_enrolled: N` in a program's audience,
//! directly or inside `all` (at any depth of `all`s; the smallest `N` wins), caps the
//! program at `N` members of one household ([`Person::household`]; people without one are
//! never capped); see [`household_cap`]. Eligibility itself checks the rule as if no other
//! member were enrolled (so `N = 0` refuses everyone, `ineligible_household`); the cap is
//! enforced by the mechanism ([`super::mechanism`]): a program keeps its best-priority
//! units within the cap, and a unit refused only because its household is at the cap gets
//! the decision `household_limit` (no place on the published waiting list: the seat it wants
//! is not one it may take while the household's members hold theirs; the waiting lists after
//! the allocation keep it, held back, at its place in the allocation order, see
//! [`super::state`]). A group counts each of
//! its members. Inside `any` or `not` the rule is only evaluated with no other member
//! enrolled, and caps nothing: whether it binds would depend on the other alternatives.
//!
//! Confidential choices (programs marked `confidential`) form a separate unit of the same
//! people, allocated after all other programs (see [`super`]).

use std::collections::{BTreeMap, HashMap};

use foldhash::fast::FixedState;

use chrono::NaiveDate;

use super::error::EnrolError;
use super::input::{Application, Person};
use super::{MAX_APPLICATIONS, MAX_CHOICES, MAX_GROUP, MAX_PEOPLE, MAX_RESERVES};
use crate::plan::audience::{self, evaluate, Rule, RuleFailure};
use crate::plan::{Plan, Program};

/// Why a unit may not take a program, before any seat is counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// Decision code, e.g. `ineligible_age`.
    pub code: &'static str,
    /// The failing audience rule, when one failed.
    pub rule: Option<RuleFailure>,
    /// The member who failed (index into people), for groups.
    pub member: u32,
}

/// One ranked choice of a unit.
#[derive(Clone, Debug)]
pub(crate) struct Choice {
    /// Program index.
    pub program: u32,
    /// Rank in the application (0 = first choice).
    pub rank: u32,
    /// Eligibility: `None` when eligible.
    pub refusal: Option<Box<Refusal>>,
    /// Priority tier at the program (0 = highest).
    pub tier: u32,
    /// Bit `i` set when every member matches the program's reserve `i`.
    pub reserves: u64,
}

/// An allocation unit: one application (or group), public or confidential choices.
#[derive(Clone, Debug)]
pub(crate) struct Unit {
    /// Person indices, sorted by id.
    pub members: Vec<u32>,
    /// Choices, best first.
    pub choices: Vec<Choice>,
    /// Most programs the unit may get.
    pub limit: u32,
    /// Order of `submitted_at` among all stamps (`u64::MAX` without one).
    pub stamp: u64,
    /// Place in the draw (0 = luckiest): that of the member drawn last.
    pub draw: u32,
    /// Confidential choices.
    pub confidential: bool,
    /// Household index of each member that has a household, sorted (repeats kept).
    pub households: Vec<u32>,
}

/// The most members of one household a program with audience `rule` may hold: the
/// smallest `max_enrolled` of household rules at the top of the rule or inside `all`s;
/// `None` when no such rule caps it (rules inside `any` and `not` cap nothing).
pub(crate) fn household_cap(rule: &Rule) -> Option<u32> {
    fn at(rule: &Rule, depth: usize) -> Option<u32> {
        match rule {
            Rule::Household(h) => h.max_enrolled,
            Rule::All(rules) if depth < 64 => rules.iter().filter_map(|r| at(r, depth + 1)).min(),
            _ => None,
        }
    }
    at(rule, 0)
}

/// Whether a unit with members in `households` (sorted) fits under `cap` when `counts`
/// members of each household already hold seats.
pub(crate) fn household_fits(
    households: &[u32],
    counts: &BTreeMap<u32, u32>,
    cap: Option<u32>,
) -> bool {
    let Some(cap) = cap else {
        return true;
    };
    households.chunk_by(|a, b| a == b).all(|run| {
        let held = run
            .first()
            .and_then(|h| counts.get(h))
            .copied()
            .unwrap_or(0);
        held.saturating_add(run.len() as u32) <= cap
    })
}

/// Adds a unit's members to the per-household counts.
pub(crate) fn household_add(households: &[u32], counts: &mut BTreeMap<u32, u32>) {
    for &h in households {
        let c = counts.entry(h).or_insert(0);
        *c = c.saturating_add(1);
    }
}

/// Ids interned in one buffer: id `i` is `text[ends[i - 1]..ends[i]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Names {
    text: String,
    ends: Vec<usize>,
}

impl Names {
    /// Interns `ids` in order.
    pub fn of<'a>(ids: impl Iterator<Item = &'a str>) -> Names {
        let mut out = Names::default();
        for id in ids {
            out.text.push_str(id);
            out.ends.push(out.text.len());
        }
        out
    }

    /// Id `i` (empty when out of range).
    pub fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = match i.checked_sub(1) {
            Some(j) => self.ends.get(j).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or("")
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.ends.len()
    }
}

/// A string-keyed index with a fixed, fast hash (lookups only: no output depends on it).
pub(crate) type Index<'a> = HashMap<&'a str, u32, FixedState>;

/// Index of each id (the first, for repeated ids).
pub(crate) fn index_of<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Index<'a> {
    let mut index = Index::with_capacity_and_hasher(ids.len(), FixedState::default());
    for (i, id) in ids.enumerate() {
        index.entry(id).or_insert(i as u32);
    }
    index
}

/// Everything the mechanisms need, indexed.
pub(crate) struct Prepared {
    /// Units, public ones first, each part sorted by first member id.
    pub units: Vec<Unit>,
    /// Applicants' person indices in draw order.
    pub draw: Vec<u32>,
    /// Eligible applicants (people) per program, for `demand_at_least` conditions.
    pub demand: Vec<u32>,
    /// Whether any unit may get more than one program.
    pub multi: bool,
}

fn code_of(failure: &RuleFailure, person: &Person) -> &'static str {
    match failure.code.as_str() {
        "age" if person.birth_date.is_none() => "missing_birth_date",
        "age" => "ineligible_age",
        "residency" => "ineligible_residency",
        "tag" => "ineligible_tag",
        "completed" => "missing_prerequisite",
        "household" => "ineligible_household",
        _ => "ineligible",
    }
}

/// The reference date of a program's age rules: its first session, else `as_of`.
pub(crate) fn reference_date(program: &Program, as_of: NaiveDate) -> NaiveDate {
    program.schedule.as_ref().map_or(as_of, |s| s.first)
}

/// The audience view of a person, with the household's tags.
fn audience_person(
    person: &Person,
    household_tags: &BTreeMap<&str, Vec<String>>,
) -> audience::Person {
    audience::Person {
        birth_date: person.birth_date,
        residency: person.residency,
        tags: person.tags.clone(),
        completed: person.history.clone(),
        household_enrolled: 0,
        household_tags: person
            .household
            .as_deref()
            .and_then(|h| household_tags.get(h))
            .cloned()
            .unwrap_or_default(),
    }
}

/// Checks one member against one program; `None` when eligible.
fn refuse(
    program: &Program,
    person: &Person,
    view: Option<&audience::Person>,
    member: u32,
    as_of: NaiveDate,
) -> Option<Refusal> {
    if let (Some(rule), Some(view)) = (&program.audience, view) {
        if let Err(failure) = evaluate(rule, view, reference_date(program, as_of)) {
            return Some(Refusal {
                code: code_of(&failure, person),
                rule: Some(failure),
                member,
            });
        }
    }
    if program
        .prerequisites
        .iter()
        .any(|p| !person.history.contains(p))
    {
        return Some(Refusal {
            code: "missing_prerequisite",
            rule: None,
            member,
        });
    }
    None
}

fn too_large(path: &str, what: &'static str, limit: usize) -> EnrolError {
    EnrolError::TooLarge {
        path: path.to_owned(),
        what,
        limit: limit as u64,
    }
}

/// Group key of an application: its members, sorted and deduplicated.
fn members_of(app: &Application) -> Vec<&str> {
    let mut m: Vec<&str> = std::iter::once(app.person.as_str())
        .chain(app.group.iter().map(String::as_str))
        .collect();
    m.sort_unstable();
    m
}

/// Validates the inputs and builds the units.
pub(crate) fn prepare(
    plan: &Plan,
    people: &[Person],
    applications: &[Application],
    seed: &str,
    as_of: NaiveDate,
) -> Result<Prepared, EnrolError> {
    if people.len() > MAX_PEOPLE {
        return Err(too_large("people", "people", MAX_PEOPLE));
    }
    if applications.len() > MAX_APPLICATIONS {
        return Err(too_large("applications", "applications", MAX_APPLICATIONS));
    }
    let mut person_index = Index::with_capacity_and_hasher(people.len(), FixedState::default());
    for (i, p) in people.iter().enumerate() {
        if person_index.insert(p.id.as_str(), i as u32).is_some() {
            return Err(EnrolError::DuplicatePerson {
                path: format!("people[{i}].id"),
                id: p.id.clone(),
            });
        }
    }
    let program_index = index_of(plan.programs.iter().map(|p| p.id.as_str()));
    for (i, p) in plan.programs.iter().enumerate() {
        if let Some(policy) = &p.allocation {
            if policy.reserved.len() > MAX_RESERVES {
                return Err(too_large(
                    &format!("plan.programs[{i}].allocation.reserved"),
                    "reserves of a program",
                    MAX_RESERVES,
                ));
            }
        }
    }
    let default_limit = plan
        .allocation
        .as_ref()
        .and_then(|a| a.max_programs)
        .unwrap_or(1);

    // Who is in which application; merge identical group applications. Choices become
    // program indices, kept flat: application `kept[i]` has `flat[kept[i].2..kept[i].3]`.
    let mut owner: Vec<Option<u32>> = vec![None; people.len()];
    let mut kept: Vec<(u32, Vec<u32>, usize, usize)> = Vec::with_capacity(applications.len());
    let mut flat: Vec<u32> = Vec::new();
    for (a, app) in applications.iter().enumerate() {
        let path = || format!("applications[{a}]");
        if app.choices.len() > MAX_CHOICES {
            return Err(too_large(
                &format!("{}.choices", path()),
                "choices",
                MAX_CHOICES,
            ));
        }
        if app.group.len() > MAX_GROUP {
            return Err(too_large(
                &format!("{}.group", path()),
                "group members",
                MAX_GROUP,
            ));
        }
        let members: Vec<u32> = if app.group.is_empty() {
            match person_index.get(app.person.as_str()) {
                Some(&idx) => vec![idx],
                None => {
                    return Err(EnrolError::UnknownPerson {
                        path: format!("{}.person", path()),
                        id: app.person.clone(),
                    })
                }
            }
        } else {
            let names = members_of(app);
            let mut members: Vec<u32> = Vec::with_capacity(names.len());
            for (k, name) in names.iter().enumerate() {
                let Some(&idx) = person_index.get(name) else {
                    let field = if *name == app.person {
                        format!("{}.person", path())
                    } else {
                        let pos = app.group.iter().position(|g| g == name).unwrap_or(k);
                        format!("{}.group[{pos}]", path())
                    };
                    return Err(EnrolError::UnknownPerson {
                        path: field,
                        id: (*name).to_owned(),
                    });
                };
                if members.last() == Some(&idx) {
                    return Err(EnrolError::DuplicateApplication {
                        path: format!("{}.group", path()),
                        id: (*name).to_owned(),
                    });
                }
                members.push(idx);
            }
            members
        };
        let start = flat.len();
        for (c, choice) in app.choices.iter().enumerate() {
            let Some(&p) = program_index.get(choice.as_str()) else {
                flat.truncate(start);
                return Err(EnrolError::UnknownProgram {
                    path: format!("{}.choices[{c}]", path()),
                    id: choice.clone(),
                });
            };
            if flat.get(start..).is_some_and(|seen| seen.contains(&p)) {
                return Err(EnrolError::DuplicateChoice {
                    path: format!("{}.choices[{c}]", path()),
                    id: choice.clone(),
                });
            }
            flat.push(p);
        }
        let mut merged = false;
        for &m in &members {
            let Some(slot) = owner.get_mut(m as usize) else {
                continue;
            };
            match *slot {
                None => *slot = Some(a as u32),
                Some(other) => {
                    let same = applications.get(other as usize).is_some_and(|o| {
                        members_of(o) == members_of(app)
                            && o.choices == app.choices
                            && o.submitted_at == app.submitted_at
                            && o.max_programs == app.max_programs
                    });
                    if same && !app.group.is_empty() {
                        merged = true;
                    } else {
                        return Err(EnrolError::DuplicateApplication {
                            path: format!("{}.person", path()),
                            id: people
                                .get(m as usize)
                                .map(|p| p.id.clone())
                                .unwrap_or_default(),
                        });
                    }
                }
            }
        }
        if merged {
            flat.truncate(start);
        } else {
            kept.push((a as u32, members, start, flat.len()));
        }
    }

    // The draw over every applicant: the public lottery of `crate::draw`.
    let mut applicants: Vec<u32> = kept
        .iter()
        .flat_map(|(_, m, _, _)| m.iter().copied())
        .collect();
    applicants.sort_unstable_by(|x, y| {
        let a = people.get(*x as usize).map(|p| p.id.as_str());
        let b = people.get(*y as usize).map(|p| p.id.as_str());
        a.cmp(&b)
    });
    crate::draw::Draw::from_seed(seed).shuffle(&mut applicants);
    let mut rank: Vec<u32> = vec![u32::MAX; people.len()];
    for (pos, &p) in applicants.iter().enumerate() {
        if let Some(r) = rank.get_mut(p as usize) {
            *r = pos as u32;
        }
    }

    // Stamps in order.
    let mut stamps: Vec<_> = kept
        .iter()
        .filter_map(|(a, _, _, _)| applications.get(*a as usize).and_then(|x| x.submitted_at))
        .collect();
    stamps.sort_unstable();
    stamps.dedup();

    // Audience views, only when some program has rules.
    let needs_rules = plan.programs.iter().any(|p| {
        p.audience.is_some()
            || p.allocation
                .as_ref()
                .is_some_and(|a| !a.tiers.is_empty() || !a.reserved.is_empty())
    });
    let mut household_tags: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    if needs_rules {
        for p in people {
            if let Some(h) = &p.household {
                let entry = household_tags.entry(h.as_str()).or_default();
                for t in &p.tags {
                    if !entry.contains(t) {
                        entry.push(t.clone());
                    }
                }
            }
        }
        for tags in household_tags.values_mut() {
            tags.sort();
        }
    }
    // Household indices, only when some program caps households.
    let capped = plan
        .programs
        .iter()
        .any(|p| p.audience.as_ref().and_then(household_cap).is_some());
    let household_index: BTreeMap<&str, u32> = {
        let mut ids: Vec<&str> = people
            .iter()
            .filter(|_| capped)
            .filter_map(|p| p.household.as_deref())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().zip(0u32..).collect()
    };
    let mut views: Vec<Option<audience::Person>> = Vec::new();
    if needs_rules {
        views.resize_with(people.len(), || None);
    }

    let mut units: Vec<Unit> = Vec::with_capacity(kept.len());
    let mut demand: Vec<u32> = vec![0; plan.programs.len()];
    let mut multi = false;
    for (a, members, start, end) in kept {
        let Some(app) = applications.get(a as usize) else {
            continue;
        };
        for &m in &members {
            if let (Some(slot @ None), Some(person)) =
                (views.get_mut(m as usize), people.get(m as usize))
            {
                *slot = Some(audience_person(person, &household_tags));
            }
        }
        let limit = app.max_programs.unwrap_or(default_limit);
        let stamp = app
            .submitted_at
            .and_then(|s| stamps.binary_search(&s).ok())
            .map_or(u64::MAX, |i| i as u64);
        let draw = members
            .iter()
            .filter_map(|&m| rank.get(m as usize).copied())
            .max()
            .unwrap_or(u32::MAX);
        let chosen = flat.get(start..end).unwrap_or(&[]);
        let mut public: Vec<Choice> = Vec::with_capacity(chosen.len());
        let mut secret: Vec<Choice> = Vec::new();
        for (r, &p) in chosen.iter().enumerate() {
            let Some(program) = plan.programs.get(p as usize) else {
                continue;
            };
            let mut refusal = None;
            let mut tier = 0u32;
            let mut reserves = 0u64;
            let policy = program.allocation.as_ref();
            if let Some(policy) = policy {
                reserves = if policy.reserved.len() >= 64 {
                    u64::MAX
                } else {
                    (1u64 << policy.reserved.len()) - 1
                };
            }
            for &m in &members {
                let Some(person) = people.get(m as usize) else {
                    continue;
                };
                let view = views.get(m as usize).and_then(Option::as_ref);
                if refusal.is_none() {
                    refusal = refuse(program, person, view, m, as_of).map(Box::new);
                }
                if let (Some(policy), Some(view)) = (policy, view) {
                    let reference = reference_date(program, as_of);
                    let t = policy
                        .tiers
                        .iter()
                        .position(|rule| evaluate(rule, view, reference).is_ok())
                        .unwrap_or(policy.tiers.len());
                    tier = tier.max(t as u32);
                    for (i, reserve) in policy.reserved.iter().enumerate() {
                        if evaluate(&reserve.rule, view, reference).is_err() {
                            reserves &= !(1u64 << i);
                        }
                    }
                }
            }
            if refusal.is_none() {
                if let Some(d) = demand.get_mut(p as usize) {
                    *d = d.saturating_add(members.len() as u32);
                }
            }
            let choice = Choice {
                program: p,
                rank: r as u32,
                refusal,
                tier,
                reserves,
            };
            if program.confidential {
                secret.push(choice);
            } else {
                public.push(choice);
            }
        }
        multi |= limit > 1;
        let mut households: Vec<u32> = members
            .iter()
            .filter_map(|&m| people.get(m as usize)?.household.as_deref())
            .filter_map(|h| household_index.get(h).copied())
            .collect();
        households.sort_unstable();
        let unit = |members: Vec<u32>, choices: Vec<Choice>, confidential: bool| Unit {
            households: households.clone(),
            members,
            limit: limit.min(choices.len() as u32),
            choices,
            stamp,
            draw,
            confidential,
        };
        if secret.is_empty() {
            units.push(unit(members, public, false));
        } else {
            units.push(unit(members.clone(), public, false));
            units.push(unit(members, secret, true));
        }
    }
    units.sort_by(|x, y| {
        (
            x.confidential,
            x.members
                .first()
                .and_then(|&m| people.get(m as usize))
                .map(|p| &p.id),
        )
            .cmp(&(
                y.confidential,
                y.members
                    .first()
                    .and_then(|&m| people.get(m as usize))
                    .map(|p| &p.id),
            ))
    });
    Ok(Prepared {
        units,
        draw: applicants,
        demand,
        multi,
    })
}
