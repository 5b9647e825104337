//! Building the exhibition's elections from the plan: one per category, the accepted entries
//! as candidates, the visitors as the shared roll.
//!
//! Entries are checked in this order, and each refused entry is reported as a finding:
//!
//! 1. `unknown_category`: the category is not one of the exhibition's;
//! 2. `after_deadline`: `submitted_on` is after the rules' `submission_deadline` (undated
//!    entries are not checked);
//! 3. `over_entry_limit`: the person's remaining entries are taken in order of `submitted_on`
//!    (undated last), then of entry id in byte order, and those past `max_entries_per_person`
//!    are refused. The input order never matters.
//!
//! Candidates of a category are its accepted entries in entry-id order. A category without
//! accepted entries has no election (`no_entries`); one with fewer entries than seats elects
//! them all (`seats_reduced`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::entry::{Entry, ExhibitionFinding, FindingCode};
use super::error::ExhibitionError;
use super::options::ExhibitionOptions;
use crate::error::{Fault, FieldPath};
use crate::plan::{ExhibitionRules, Plan, ProgramKind};
use crate::vote::{check_election, Candidate, Election};

/// Most entries an exhibition takes.
pub const MAX_ENTRIES: usize = 100_000;
/// Most visitors on the roll.
pub const MAX_VISITORS: usize = 1_000_000;
/// Most categories an exhibition may have.
pub const MAX_CATEGORIES: usize = 1_000;

/// What [`exhibition_elections`] reads: the plan, the exhibition program, the entries, the
/// visitors and the counting options. One wire document, so bindings and tests pass it whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExhibitionRequest {
    /// The plan.
    pub plan: Plan,
    /// Id of the exhibition program.
    pub program: String,
    /// The works entered.
    pub entries: Vec<Entry>,
    /// Person ids recorded as having visited; when given, they are the roll of every
    /// category (each counted once however often recorded). Absent: anyone may vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitors: Option<Vec<String>>,
    /// Counting rules (default: approval, one work per category).
    #[serde(default)]
    pub options: ExhibitionOptions,
}

impl ExhibitionRequest {
    /// Builds the elections; see [`exhibition_elections`].
    pub fn build(&self) -> Result<ExhibitionElections, ExhibitionError> {
        exhibition_elections(
            &self.plan,
            &self.program,
            &self.entries,
            self.visitors.as_deref(),
            &self.options,
        )
    }
}

/// The election of one category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryElection {
    /// The category's id.
    pub category: String,
    /// The category's title.
    pub title: String,
    /// The accepted entries, in candidate order.
    pub entries: Vec<Entry>,
    /// The election: id `<program>/<category>`, one candidate per accepted entry.
    pub election: Election,
}

/// The elections of an exhibition, ready to print on ballot papers and to count with
/// [`super::tally_exhibition`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExhibitionElections {
    /// The exhibition program's id.
    pub program: String,
    /// The shared roll: the distinct visitors, sorted. Every election without a roll of its
    /// own is counted against it. Absent: no roll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<Vec<String>>,
    /// One election per category that has entries, in the plan's category order.
    pub elections: Vec<CategoryElection>,
    /// Refused entries (in input order), then adapted categories (in category order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<ExhibitionFinding>,
}

fn too_large(path: &str, what: &'static str, limit: usize) -> ExhibitionError {
    ExhibitionError::TooLarge {
        path: path.to_owned(),
        what,
        limit: limit as u64,
    }
}

fn non_empty(value: &str, path: FieldPath) -> Result<(), ExhibitionError> {
    if value.is_empty() {
        return Err(ExhibitionError::EmptyField { path: path.into() });
    }
    Ok(())
}

/// The exhibition program's rules and its path in the plan.
fn rules_of<'p>(
    plan: &'p Plan,
    program: &str,
) -> Result<(&'p ExhibitionRules, FieldPath), ExhibitionError> {
    let (index, found) = plan
        .programs
        .iter()
        .enumerate()
        .find(|(_, p)| p.id == program)
        .ok_or_else(|| ExhibitionError::UnknownProgram {
            path: "program".to_owned(),
            id: program.to_owned(),
        })?;
    let rules = match (&found.exhibition, found.kind) {
        (Some(rules), ProgramKind::Exhibition) => rules,
        _ => {
            return Err(ExhibitionError::NotAnExhibition {
                path: "program".to_owned(),
                id: program.to_owned(),
            })
        }
    };
    let path = FieldPath::root("plan")
        .field("programs")
        .index(index)
        .field("exhibition");
    if !rules.visitor_voting {
        return Err(ExhibitionError::VotingNotEnabled {
            path: path.field("visitor_voting").into(),
        });
    }
    if rules.categories.len() > MAX_CATEGORIES {
        return Err(too_large(
            path.field("categories").as_str(),
            "number of categories",
            MAX_CATEGORIES,
        ));
    }
    let mut seen = HashSet::new();
    for (j, category) in rules.categories.iter().enumerate() {
        if !seen.insert(category.id.as_str()) {
            return Err(ExhibitionError::Duplicate {
                path: path.field("categories").index(j).into(),
                what: "category",
                id: category.id.clone(),
            });
        }
    }
    Ok((rules, path))
}

/// Checks the options against the categories: known category ids, at least one seat.
fn check_options(
    options: &ExhibitionOptions,
    rules: &ExhibitionRules,
) -> Result<(), ExhibitionError> {
    if options.seats == 0 {
        return Err(ExhibitionError::InvalidSeats {
            path: "options.seats".to_owned(),
        });
    }
    for (id, own) in &options.categories {
        let path = FieldPath::root("options").field("categories").field(id);
        if !rules.categories.iter().any(|c| &c.id == id) {
            return Err(ExhibitionError::UnknownCategory {
                path: path.into(),
                id: id.clone(),
            });
        }
        if own.seats == Some(0) {
            return Err(ExhibitionError::InvalidSeats {
                path: path.field("seats").into(),
            });
        }
    }
    Ok(())
}

/// Checks the entries' fields and ids; returns nothing, errors stop the build.
fn check_entries(entries: &[Entry]) -> Result<(), ExhibitionError> {
    if entries.len() > MAX_ENTRIES {
        return Err(too_large("entries", "number of entries", MAX_ENTRIES));
    }
    let root = FieldPath::root("entries");
    let mut ids = HashSet::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let here = root.index(i);
        non_empty(&entry.id, here.field("id"))?;
        non_empty(&entry.person, here.field("person"))?;
        non_empty(&entry.category, here.field("category"))?;
        if !ids.insert(entry.id.as_str()) {
            return Err(ExhibitionError::Duplicate {
                path: here.field("id").into(),
                what: "entry",
                id: entry.id.clone(),
            });
        }
    }
    Ok(())
}

/// The roll from the visitor records: distinct ids, sorted.
fn roll_of(visitors: Option<&[String]>) -> Result<Option<Vec<String>>, ExhibitionError> {
    let Some(visitors) = visitors else {
        return Ok(None);
    };
    if visitors.len() > MAX_VISITORS {
        return Err(too_large("visitors", "number of visitors", MAX_VISITORS));
    }
    let root = FieldPath::root("visitors");
    let mut roll = BTreeSet::new();
    for (i, visitor) in visitors.iter().enumerate() {
        non_empty(visitor, root.index(i))?;
        roll.insert(visitor.as_str());
    }
    Ok(Some(roll.into_iter().map(str::to_owned).collect()))
}

/// Indices of the accepted entries, and the findings of the refused ones (by entry index).
fn accept(entries: &[Entry], rules: &ExhibitionRules) -> (Vec<usize>, Vec<(usize, FindingCode)>) {
    let known: HashSet<&str> = rules.categories.iter().map(|c| c.id.as_str()).collect();
    let mut refused = Vec::new();
    let mut by_person: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        if !known.contains(entry.category.as_str()) {
            refused.push((i, FindingCode::UnknownCategory));
        } else if matches!(
            (entry.submitted_on, rules.submission_deadline),
            (Some(on), Some(deadline)) if on > deadline
        ) {
            refused.push((i, FindingCode::AfterDeadline));
        } else {
            by_person.entry(entry.person.as_str()).or_default().push(i);
        }
    }
    let limit = usize::try_from(rules.max_entries_per_person).unwrap_or(usize::MAX);
    let mut accepted = Vec::new();
    for mut own in by_person.into_values() {
        crate::sort::sort_by_key(&mut own, |&i| {
            entries
                .get(i)
                .map(|e| (e.submitted_on.is_none(), e.submitted_on, e.id.as_str()))
        });
        for (n, i) in own.into_iter().enumerate() {
            if n < limit {
                accepted.push(i);
            } else {
                refused.push((i, FindingCode::OverEntryLimit));
            }
        }
    }
    crate::sort::sort(&mut refused);
    (accepted, refused)
}

/// Builds one election per category of the exhibition `program` of `plan`.
///
/// The candidates are the entries accepted under the rules' submission deadline and
/// per-person limit (see the module documentation for the order of the checks); the roll is
/// the distinct `visitors`, shared by every category, or none when `visitors` is `None`.
/// Malformed input (unknown program, a program that is not an exhibition or whose rules do
/// not enable visitor voting, duplicate or empty ids, options for unknown categories, no seat,
/// sizes past the limits) is an error; refused entries are findings.
pub fn exhibition_elections(
    plan: &Plan,
    program: &str,
    entries: &[Entry],
    visitors: Option<&[String]>,
    options: &ExhibitionOptions,
) -> Result<ExhibitionElections, ExhibitionError> {
    let (rules, rules_path) = rules_of(plan, program)?;
    check_options(options, rules)?;
    check_entries(entries)?;
    let roll = roll_of(visitors)?;
    let (accepted, refused) = accept(entries, rules);

    let mut findings: Vec<ExhibitionFinding> = refused
        .into_iter()
        .filter_map(|(i, code)| Some(ExhibitionFinding::entry(code, i, entries.get(i)?)))
        .collect();
    let mut per_category: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for entry in accepted.iter().filter_map(|&i| entries.get(i)) {
        per_category
            .entry(entry.category.as_str())
            .or_default()
            .push(entry);
    }
    let mut elections = Vec::new();
    for (j, category) in rules.categories.iter().enumerate() {
        let mut works = per_category
            .remove(category.id.as_str())
            .unwrap_or_default();
        if works.is_empty() {
            findings.push(ExhibitionFinding::category(
                FindingCode::NoEntries,
                rules_path.field("categories").index(j).into(),
                &category.id,
            ));
            continue;
        }
        crate::sort::sort_by(&mut works, |a, b| a.id.cmp(&b.id));
        let wanted = options.seats(&category.id);
        let available = u32::try_from(works.len()).unwrap_or(u32::MAX);
        if wanted > available {
            findings.push(ExhibitionFinding::category(
                FindingCode::SeatsReduced,
                options.path_of(&category.id, ".seats"),
                &category.id,
            ));
        }
        let candidates = works
            .iter()
            .map(|e| Candidate::Named {
                id: e.id.clone(),
                name: Some(e.title.clone()),
            })
            .collect();
        let election = options.election(
            format!("{program}/{}", category.id),
            &category.id,
            wanted.min(available),
            candidates,
        );
        check_election(&election).map_err(|source| {
            let inner = source.path().unwrap_or("election").to_owned();
            let field = inner.strip_prefix("election").unwrap_or("");
            ExhibitionError::Count {
                path: options.path_of(&category.id, field),
                source,
            }
        })?;
        elections.push(CategoryElection {
            category: category.id.clone(),
            title: category.title.clone(),
            entries: works.into_iter().cloned().collect(),
            election,
        });
    }
    Ok(ExhibitionElections {
        program: program.to_owned(),
        roll,
        elections,
        findings,
    })
}
