//! Who may take part: a small eligibility rule language, as serde data, with a pure evaluator.
//!
//! Example (TOML): `audience = { all = [{ age = { min = 6, max = 16 } }, { residency = ["resident"] }] }`.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a person lives, relative to the community.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Residency {
    /// Lives in the community.
    Resident,
    /// Lives in a surrounding community.
    Surrounding,
    /// Anyone else.
    Visitor,
}

/// An age range in full years, reached on a reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    /// Youngest age allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    /// Oldest age allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// The date ages are taken on (default: the reference date passed to [`evaluate`],
    /// usually the program's first session).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
}

/// Rules about a person's household.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HouseholdRule {
    /// Most members of one household that may be enrolled (this person included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_enrolled: Option<u32>,
    /// The household must include a member with this tag, e.g. `child`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes_tag: Option<String>,
}

/// An eligibility rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Every rule holds (an empty list always holds).
    All(Vec<Rule>),
    /// At least one rule holds (an empty list never holds).
    Any(Vec<Rule>),
    /// The rule does not hold.
    Not(Box<Rule>),
    /// Age in full years within a range.
    Age(AgeRange),
    /// Residency is one of these.
    Residency(Vec<Residency>),
    /// The person has this tag, e.g. `elderly`, `council_member`.
    Tag(String),
    /// The person has completed all these programs.
    Completed(Vec<String>),
    /// Household rules.
    Household(HouseholdRule),
}

/// What the evaluator knows about a person. Counts only: no names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Date of birth, if known (age rules fail without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// Residency.
    pub residency: Residency,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Ids of completed programs.
    #[serde(default)]
    pub completed: Vec<String>,
    /// Members of the household already enrolled in the program (this person excluded).
    #[serde(default)]
    pub household_enrolled: u32,
    /// Tags held by any member of the household.
    #[serde(default)]
    pub household_tags: Vec<String>,
}

/// The first rule that failed, with its path inside the rule tree (e.g. `all[1].age`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleFailure {
    /// Path of the failing rule.
    pub path: String,
    /// Stable code of the failing leaf: `age`, `residency`, `tag`, `completed`,
    /// `household`; `any` for an empty `any`, `not` for a `not` over `all`/`any`/`not`.
    pub code: String,
}

/// The code of a leaf rule (`None` for `all`, `any`, `not`).
fn leaf_code(rule: &Rule) -> Option<&'static str> {
    match rule {
        Rule::All(_) | Rule::Any(_) | Rule::Not(_) => None,
        Rule::Age(_) => Some("age"),
        Rule::Residency(_) => Some("residency"),
        Rule::Tag(_) => Some("tag"),
        Rule::Completed(_) => Some("completed"),
        Rule::Household(_) => Some("household"),
    }
}

/// Full years between `birth` and `on` (0 when `on` is before `birth`).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    if on < birth {
        return 0;
    }
    // on >= birth, both of chrono's range: the difference is exact and not negative.
    let mut years = on.year().saturating_sub(birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years = years.saturating_sub(1);
    }
    u32::try_from(years).unwrap_or(0)
}

/// Evaluates `rule` for `person`, ages taken on `reference` unless the rule says otherwise.
/// Returns the first failing leaf rule, depth first, so that a decision can name it
/// (`ineligible_age` for `all[1].age`), never just the combinator around it:
///
/// - `all`: the first failing member;
/// - `any` (none holds): the failure of its **first** alternative, e.g. `any[0].tag` (the
///   alternative listed first is taken as the main way in); an empty `any` fails as `any`;
/// - `not` (its rule holds): the path of the `not` itself, with the code of the rule it
///   negates when that is a leaf (`{"path": "not", "code": "tag"}` for `not: {tag: …}`),
///   else the code `not`.
pub fn evaluate(rule: &Rule, person: &Person, reference: NaiveDate) -> Result<(), RuleFailure> {
    eval_at(rule, person, reference, "")
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

fn fail(prefix: &str, code: &str) -> Result<(), RuleFailure> {
    Err(RuleFailure {
        path: join(prefix, code),
        code: code.to_owned(),
    })
}

fn eval_at(
    rule: &Rule,
    person: &Person,
    reference: NaiveDate,
    prefix: &str,
) -> Result<(), RuleFailure> {
    match rule {
        Rule::All(rules) => {
            for (i, r) in rules.iter().enumerate() {
                eval_at(
                    r,
                    person,
                    reference,
                    &format!("{}[{i}]", join(prefix, "all")),
                )?;
            }
            Ok(())
        }
        Rule::Any(rules) => {
            let mut first = None;
            for (i, r) in rules.iter().enumerate() {
                match eval_at(
                    r,
                    person,
                    reference,
                    &format!("{}[{i}]", join(prefix, "any")),
                ) {
                    Ok(()) => return Ok(()),
                    Err(failure) => {
                        first.get_or_insert(failure);
                    }
                }
            }
            match first {
                Some(failure) => Err(failure),
                None => fail(prefix, "any"),
            }
        }
        Rule::Not(inner) => match eval_at(inner, person, reference, &join(prefix, "not")) {
            Ok(()) => Err(RuleFailure {
                path: join(prefix, "not"),
                code: leaf_code(inner).unwrap_or("not").to_owned(),
            }),
            Err(_) => Ok(()),
        },
        Rule::Age(range) => {
            let Some(birth) = person.birth_date else {
                return fail(prefix, "age");
            };
            let age = age_on(birth, range.on.unwrap_or(reference));
            if range.min.is_some_and(|m| age < m) || range.max.is_some_and(|m| age > m) {
                fail(prefix, "age")
            } else {
                Ok(())
            }
        }
        Rule::Residency(allowed) => {
            if allowed.contains(&person.residency) {
                Ok(())
            } else {
                fail(prefix, "residency")
            }
        }
        Rule::Tag(tag) => {
            if person.tags.contains(tag) {
                Ok(())
            } else {
                fail(prefix, "tag")
            }
        }
        Rule::Completed(programs) => {
            if programs.iter().all(|p| person.completed.contains(p)) {
                Ok(())
            } else {
                fail(prefix, "completed")
            }
        }
        Rule::Household(house) => {
            let too_many = house
                .max_enrolled
                .is_some_and(|m| person.household_enrolled.saturating_add(1) > m);
            let missing = house
                .includes_tag
                .as_ref()
                .is_some_and(|t| !person.household_tags.contains(t));
            if too_many || missing {
                fail(prefix, "household")
            } else {
                Ok(())
            }
        }
    }
}

/// Visits every rule of a tree with its path below `base` (for validation).
pub(crate) fn walk<'a>(
    rule: &'a Rule,
    base: &str,
    out: &mut Vec<(String, &'a Rule)>,
    depth: usize,
) {
    out.push((base.to_owned(), rule));
    if depth > 64 {
        return;
    }
    match rule {
        Rule::All(rules) | Rule::Any(rules) => {
            let name = if matches!(rule, Rule::All(_)) {
                "all"
            } else {
                "any"
            };
            for (i, r) in rules.iter().enumerate() {
                walk(
                    r,
                    &format!("{base}.{name}[{i}]"),
                    out,
                    depth.saturating_add(1),
                );
            }
        }
        Rule::Not(inner) => walk(inner, &format!("{base}.not"), out, depth.saturating_add(1)),
        _ => {}
    }
}
