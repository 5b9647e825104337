//! Conditions that open a program, on the demand for or the fill of another program:
//! "piano and erhu classes only if residents take part eagerly in pottery".
//!
//! `{"demand_at_least": {"program": "pottery", "applicants": 10}}` holds when the pottery
//! class has at least 10 applicants; `{"fill_at_least": {"program": "pottery", "percent": 100}}`
//! when its enrolments reach that share of its `capacity.max`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Looks up `(applicants, enrolled, capacity max)` of a program by id.
pub type Counts<'a> = dyn Fn(&str) -> (u32, u32, Option<u32>) + 'a;

/// Demand for another program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    /// The program watched.
    pub program: String,
    /// Fewest applicants.
    pub applicants: u32,
}

/// Fill of another program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fill {
    /// The program watched.
    pub program: String,
    /// Fewest enrolments, in whole percent of the program's `capacity.max`.
    pub percent: u32,
}

/// A condition on other programs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// At least this many applicants for a program.
    DemandAtLeast(Demand),
    /// Enrolments at least this share of a program's capacity.
    FillAtLeast(Fill),
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
}

impl Condition {
    /// Every program referenced, with the path of the reference below `base`.
    pub(crate) fn references(&self, base: &str, out: &mut Vec<(String, String)>, depth: usize) {
        match self {
            Condition::DemandAtLeast(d) => {
                out.push((format!("{base}.demand_at_least.program"), d.program.clone()))
            }
            Condition::FillAtLeast(f) => {
                out.push((format!("{base}.fill_at_least.program"), f.program.clone()))
            }
            Condition::All(list) | Condition::Any(list) => {
                if depth > 64 {
                    return;
                }
                let name = if matches!(self, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                for (i, c) in list.iter().enumerate() {
                    c.references(&format!("{base}.{name}[{i}]"), out, depth.saturating_add(1));
                }
            }
        }
    }

    /// Evaluates the condition given counts per program: `(applicants, enrolled, capacity max)`.
    pub fn holds(&self, counts: &Counts<'_>) -> bool {
        self.holds_at(counts, 0)
    }

    fn holds_at(&self, counts: &Counts<'_>, depth: usize) -> bool {
        if depth > 64 {
            return false;
        }
        match self {
            Condition::DemandAtLeast(d) => counts(&d.program).0 >= d.applicants,
            Condition::FillAtLeast(f) => {
                let (_, enrolled, max) = counts(&f.program);
                match max {
                    Some(max) if max > 0 => {
                        // u32 × u32 products fit in u64: exact.
                        u64::from(enrolled).saturating_mul(100)
                            >= u64::from(f.percent).saturating_mul(u64::from(max))
                    }
                    _ => false,
                }
            }
            Condition::All(list) => list
                .iter()
                .all(|c| c.holds_at(counts, depth.saturating_add(1))),
            Condition::Any(list) => list
                .iter()
                .any(|c| c.holds_at(counts, depth.saturating_add(1))),
        }
    }
}
