//! Timetable conflicts: pairs of programs with overlapping occurrences in the plan year.
//!
//! **Conflicts and stability.** A person who may get several programs is never placed in two
//! that overlap. Programs are allocated in rounds (one program per unit per round, see
//! [`super::mechanism`]); before each round, choices that clash with a program already won
//! are dropped (decision `timetable_conflict`). Each round is stable for the seats and
//! choices left to it, but an earlier round's program is kept even when a clashing choice
//! the person ranked higher would have been open to them later: stability holds within each
//! round, not across rounds. With one program per person (the default), conflicts play no
//! part and deferred acceptance is fully stable.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::error::EnrolError;
use super::MAX_CONFLICT_PAIRS;
use crate::plan::{OccurrenceQuery, Plan, Status};

/// Pairs `(a, b)` of program indices, `a < b`, whose occurrences overlap.
#[derive(Clone, Debug, Default)]
pub(crate) struct Conflicts {
    pairs: BTreeSet<(u32, u32)>,
}

impl Conflicts {
    /// Whether no two programs overlap.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Whether programs `a` and `b` overlap.
    pub fn clash(&self, a: u32, b: u32) -> bool {
        a != b && self.pairs.contains(&(a.min(b), a.max(b)))
    }

    /// The overlapping pairs of the plan's programs over the plan year (cancelled programs
    /// never clash).
    pub fn of_plan(plan: &Plan) -> Result<Conflicts, EnrolError> {
        let mut out = Conflicts::default();
        if plan.programs.iter().all(|p| p.schedule.is_none()) {
            return Ok(out);
        }
        let (Some(from), Some(to)) = (
            NaiveDate::from_ymd_opt(plan.year, 1, 1),
            NaiveDate::from_ymd_opt(plan.year, 12, 31),
        ) else {
            return Ok(out);
        };
        let query = OccurrenceQuery {
            from,
            to,
            program: None,
            venue: None,
        };
        let occurrences = plan.occurrences(&query)?;
        let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, p) in plan.programs.iter().enumerate() {
            ids.entry(p.id.as_str()).or_insert(i);
        }
        let index = |id: &str| ids.get(id).copied();
        let mut active: Vec<(u32, chrono::DateTime<chrono::FixedOffset>)> = Vec::new();
        for o in &occurrences {
            if o.status == Status::Cancelled {
                continue;
            }
            let Some(p) = index(&o.program) else {
                continue;
            };
            let p = p as u32;
            active.retain(|(_, end)| *end > o.start);
            for &(q, _) in &active {
                if q != p {
                    out.pairs.insert((p.min(q), p.max(q)));
                    if out.pairs.len() > MAX_CONFLICT_PAIRS {
                        return Err(EnrolError::TooLarge {
                            path: "plan.programs".to_owned(),
                            what: "pairs of overlapping programs",
                            limit: MAX_CONFLICT_PAIRS as u64,
                        });
                    }
                }
            }
            active.push((p, o.end));
        }
        Ok(out)
    }
}
