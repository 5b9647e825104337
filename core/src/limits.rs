//! Every size that input controls, in one place: the limit, its default, and where it is
//! checked. Past any of them a call fails with a coded `too_large` error (the family's
//! `TooLarge` variant: the path of the offending field, what was counted, the limit),
//! never with an out-of-memory, a wrapped count or a stack overflow. The constants are
//! defined next to the code that checks them and re-exported here.
//!
//! | input | limit | default | checked by |
//! |---|---|---|---|
//! | candidates of an election | [`MAX_CANDIDATES`] | 100,000 | [`crate::vote::check_election`] |
//! | ballots per call | [`MAX_BALLOTS`] | 10,000,000 | [`crate::vote::tally`], `tally_partial`, the ballot box |
//! | ballot entries (and total weight) of a box | `u32::MAX - 1` entries, weights in `u64` with checked sums | | [`crate::vote::BallotBox`] |
//! | ranking depth (positions of one ballot) | [`MAX_RANK_POSITIONS`] | 10,000 | ranked counts, BLT/CSV/Hart readers |
//! | candidates of an elimination count (IRV/STV) | [`MAX_ELIMINATION_CANDIDATES`] | 1,000 | IRV, STV |
//! | candidates of a pairwise count | [`MAX_PAIRWISE_CANDIDATES`] | 256 | Schulze, Copeland, Borda, ranked pairs |
//! | candidates of ranked pairs when merging partials | [`MAX_RANKED_PAIRS_CANDIDATES`] | 100 | [`crate::vote::merge_partials`] |
//! | candidates × grades of majority judgment | [`MAX_GRADE_CELLS`] | 1,000,000 | graded counts, merging |
//! | candidates of a profile | [`MAX_PROFILE_CANDIDATES`] | 65,535 | [`crate::vote::Profile`] |
//! | work of an optimal committee search | [`MAX_COMMITTEE_WORK`] | 20,000,000 steps | PAV, CC, SAV, SLAV, Geom2 |
//! | members of the committees tied for the best score | [`MAX_TIED_COMMITTEE_MEMBERS`] | 1,000,000 | the same rules |
//! | ids (candidates, voters' marks, people, programs, tags, choices) | [`MAX_ID_BYTES`] | 1,024 bytes | elections, allocations |
//! | nesting of audience and tier rules (`all`/`any`/`not`) | [`MAX_RULE_DEPTH`] | 32 | allocations |
//! | programs of a plan | [`MAX_PROGRAMS`] | 500 | validation, occurrences, iCalendar |
//! | occurrences of one program / of the plan per expansion | [`MAX_OCCURRENCES_PER_PROGRAM`] / [`MAX_OCCURRENCES_TOTAL`] | 1,000 / 20,000 | schedules |
//! | recurrence steps / periods of one RRULE | [`MAX_RRULE_STEPS`] / [`MAX_RRULE_PERIODS`] | 20,000 / 300,000 | schedules |
//! | days of an occurrence query / before its range | [`MAX_QUERY_DAYS`] / [`MAX_LEAD_DAYS`] | 3,660 / 7,320 | occurrences |
//! | days of an all-day session | [`MAX_ALL_DAY_DAYS`] | 366 | schedules |
//! | people / applications per allocation | [`MAX_PEOPLE`] / [`MAX_APPLICATIONS`] | 2,000,000 each | [`crate::enrol::allocate`] |
//! | choices of an application / members of a group | [`MAX_CHOICES`] / [`MAX_GROUP`] | 64 / 64 | allocations |
//! | reserves / priority tiers of a program | [`MAX_RESERVES`] / [`MAX_TIERS`] | 16 / 64 | allocations |
//! | pairs of overlapping programs | [`MAX_CONFLICT_PAIRS`] | 1,000,000 | allocations |
//! | events replayed at once | [`MAX_EVENTS`] | 1,000,000 | [`crate::enrol::EnrolmentState::replay`] |
//! | entries / visitors / categories of an exhibition | [`MAX_ENTRIES`] / [`MAX_VISITORS`] / [`MAX_CATEGORIES`] | 100,000 / 1,000,000 / 1,000 | exhibitions |
//! | bytes of a ballot file | [`MAX_FILE_BYTES`] | 256 MiB | every ballot reader and writer |
//! | ballots of a ballot file | [`MAX_BALLOT_ENTRIES`] | 10,000,000 | every ballot reader |
//! | candidates of a ballot file / PrefLib alternatives | [`MAX_FILE_CANDIDATES`] / [`MAX_PREFLIB_ALTERNATIVES`] | 100,000 / 10,000 | readers, writers |
//! | files of an export | [`MAX_FILES`] | 1,000,000 | Dominion, Hart |
//! | XML nodes of a file | [`MAX_XML_NODES`] | 20,000,000 | CDF XML, Hart |
//! | table file bytes / inflated `.xlsx` bytes | [`Limits::max_bytes`] / [`Limits::max_unzipped_bytes`] | 64 MiB / 256 MiB | table readers |
//! | rows / columns / cells / bytes of a cell | [`Limits`] | 1,000,000 / 16,384 / 4,000,000 / 1 MiB | table readers |
//! | entries of a workbook's zip / merged regions | [`MAX_ZIP_ENTRIES`] / [`MAX_MERGES`] | 10,000 / 100,000 | table readers |
//! | nesting of JSON text | `serde_json`'s recursion limit | 128 | every JSON reader |
//!
//! The table readers' [`Limits`] are options (a caller may lower or raise them); the
//! others are fixed. A document given as a value by a binding (a Python dict, a JS object)
//! is bounded by the binding's own nesting limits before it reaches the core.

use crate::enrol::{Application, EnrolError, Person};
use crate::plan::audience::Rule;
use crate::plan::Plan;

pub use crate::enrol::{
    MAX_APPLICATIONS, MAX_CHOICES, MAX_CONFLICT_PAIRS, MAX_EVENTS, MAX_GROUP, MAX_PEOPLE,
    MAX_RESERVES, MAX_TIERS,
};
pub use crate::exhibition::{MAX_CATEGORIES, MAX_ENTRIES, MAX_VISITORS};
pub use crate::formats::{
    MAX_BALLOT_ENTRIES, MAX_FILES, MAX_FILE_BYTES, MAX_FILE_CANDIDATES, MAX_PREFLIB_ALTERNATIVES,
};
/// Most nodes of one XML file (CDF XML, Hart).
pub const MAX_XML_NODES: u32 = crate::formats::xml::MAX_XML_NODES;
pub use crate::plan::{
    MAX_ALL_DAY_DAYS, MAX_LEAD_DAYS, MAX_OCCURRENCES_PER_PROGRAM, MAX_OCCURRENCES_TOTAL,
    MAX_PROGRAMS, MAX_QUERY_DAYS, MAX_RRULE_PERIODS, MAX_RRULE_STEPS,
};
pub use crate::tables::source::{MAX_MERGES, MAX_ZIP_ENTRIES};
pub use crate::tables::Limits;
pub use crate::vote::{
    MAX_CANDIDATES, MAX_COMMITTEE_WORK, MAX_ELIMINATION_CANDIDATES, MAX_GRADE_CELLS,
    MAX_PAIRWISE_CANDIDATES, MAX_PROFILE_CANDIDATES, MAX_RANKED_PAIRS_CANDIDATES,
    MAX_RANK_POSITIONS, MAX_TIED_COMMITTEE_MEMBERS,
};

/// Most bytes of one id: a candidate, a person, a program, a tag, a choice.
pub const MAX_ID_BYTES: usize = 1024;
/// Most levels of `all`/`any`/`not` in one audience, tier or reserve rule.
pub const MAX_RULE_DEPTH: usize = 32;
/// Most ballots one count reads.
pub const MAX_BALLOTS: usize = 10_000_000;

/// The nesting depth of a rule (a leaf is 1), counted without recursion.
pub fn rule_depth(rule: &Rule) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(rule, 1usize)];
    while let Some((rule, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        let next = depth.saturating_add(1);
        match rule {
            Rule::All(rules) | Rule::Any(rules) => stack.extend(rules.iter().map(|r| (r, next))),
            Rule::Not(rule) => stack.push((rule, next)),
            _ => {}
        }
    }
    deepest
}

fn too_large(path: String, what: &'static str, limit: usize) -> EnrolError {
    EnrolError::TooLarge {
        path,
        what,
        limit: limit as u64,
    }
}

fn check_id(path: impl FnOnce() -> String, id: &str) -> Result<(), EnrolError> {
    if id.len() > MAX_ID_BYTES {
        return Err(too_large(path(), "bytes of an id", MAX_ID_BYTES));
    }
    Ok(())
}

fn check_rule(path: impl FnOnce() -> String, rule: &Rule) -> Result<(), EnrolError> {
    if rule_depth(rule) > MAX_RULE_DEPTH {
        return Err(too_large(path(), "nesting depth of a rule", MAX_RULE_DEPTH));
    }
    Ok(())
}

/// The id and rule limits of an allocation's input ([`MAX_ID_BYTES`], [`MAX_RULE_DEPTH`]).
pub(crate) fn check_enrolment(
    plan: &Plan,
    people: &[Person],
    applications: &[Application],
) -> Result<(), EnrolError> {
    for (i, p) in plan.programs.iter().enumerate() {
        check_id(|| format!("plan.programs[{i}].id"), &p.id)?;
        if let Some(rule) = &p.audience {
            check_rule(|| format!("plan.programs[{i}].audience"), rule)?;
        }
        if let Some(policy) = &p.allocation {
            for (t, rule) in policy.tiers.iter().enumerate() {
                check_rule(|| format!("plan.programs[{i}].allocation.tiers[{t}]"), rule)?;
            }
            for (r, reserve) in policy.reserved.iter().enumerate() {
                let path = || format!("plan.programs[{i}].allocation.reserved[{r}].rule");
                check_rule(path, &reserve.rule)?;
            }
        }
    }
    for (i, p) in people.iter().enumerate() {
        check_id(|| format!("people[{i}].id"), &p.id)?;
        for (t, tag) in p.tags.iter().enumerate() {
            check_id(|| format!("people[{i}].tags[{t}]"), tag)?;
        }
        for (h, id) in p.history.iter().enumerate() {
            check_id(|| format!("people[{i}].history[{h}]"), id)?;
        }
    }
    for (i, a) in applications.iter().enumerate() {
        check_id(|| format!("applications[{i}].person"), &a.person)?;
        for (c, id) in a.choices.iter().enumerate() {
            check_id(|| format!("applications[{i}].choices[{c}]"), id)?;
        }
        for (g, id) in a.group.iter().enumerate() {
            check_id(|| format!("applications[{i}].group[{g}]"), id)?;
        }
    }
    Ok(())
}
