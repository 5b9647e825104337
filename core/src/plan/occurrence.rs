//! Concrete occurrences of the plan's programs, for a date range, sorted deterministically.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::document::{Plan, ProgramKind, Status};
use super::error::PlanError;
use super::schedule::{parse_tz, MAX_OCCURRENCES_TOTAL};
use super::validate::MAX_PROGRAMS;

/// Longest query range, in days.
pub const MAX_QUERY_DAYS: i64 = 3_660;

/// Which occurrences to list: dates `from` to `to`, both included, optionally one program
/// or one venue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OccurrenceQuery {
    /// First local date.
    pub from: NaiveDate,
    /// Last local date (included).
    pub to: NaiveDate,
    /// Only this program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    /// Only programs held at this venue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
}

/// One session of a program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Occurrence {
    /// Stable id: `<program>/<YYYYMMDD>T<HHMM>` in local time, `<program>/<YYYYMMDD>` all-day.
    pub id: String,
    /// Program id.
    pub program: String,
    /// Program title.
    pub title: String,
    /// Program kind.
    pub kind: ProgramKind,
    /// Local date the occurrence starts on.
    pub date: NaiveDate,
    /// Start, RFC 3339 with the zone's offset at that instant.
    pub start: DateTime<FixedOffset>,
    /// End (exclusive; for all-day occurrences midnight after the last day).
    pub end: DateTime<FixedOffset>,
    /// An all-day occurrence.
    pub all_day: bool,
    /// Venue ids.
    pub venues: Vec<String>,
    /// Facilitator ids.
    pub facilitators: Vec<String>,
    /// Planned or cancelled (the program's status).
    pub status: Status,
    /// The program is confidential.
    pub confidential: bool,
}

/// An occurrence with the local times it was expanded from (internal).
#[derive(Clone, Debug)]
pub(crate) struct Expanded {
    pub program_index: usize,
    pub start_local: NaiveDateTime,
    pub end_local: NaiveDateTime,
    pub occurrence: Occurrence,
}

pub(crate) fn occurrence_id(program: &str, start: NaiveDateTime, all_day: bool) -> String {
    if all_day {
        format!("{program}/{}", start.format("%Y%m%d"))
    } else {
        format!("{program}/{}", start.format("%Y%m%dT%H%M"))
    }
}

impl Plan {
    /// Expands every scheduled program (or only `program`) to occurrences starting on dates in
    /// `[from, to_excl)`, sorted by start, end, then program id.
    pub(crate) fn expand(
        &self,
        from: NaiveDate,
        to_excl: NaiveDate,
        program: Option<&str>,
    ) -> Result<Vec<Expanded>, PlanError> {
        let tz = parse_tz(&self.timezone).ok_or_else(|| PlanError::InvalidTimezone {
            path: "timezone".to_owned(),
            name: self.timezone.clone(),
        })?;
        if self.programs.len() > MAX_PROGRAMS {
            return Err(PlanError::TooLarge {
                path: "programs".to_owned(),
                what: "programs",
                limit: MAX_PROGRAMS as u64,
            });
        }
        let mut out: Vec<Expanded> = Vec::new();
        for (index, prog) in self.programs.iter().enumerate() {
            if program.is_some_and(|p| p != prog.id) {
                continue;
            }
            let Some(schedule) = &prog.schedule else {
                continue;
            };
            let path = format!("programs[{index}].schedule");
            for s in schedule.expand(&self.calendar, &tz, from, to_excl, &path)? {
                out.push(Expanded {
                    program_index: index,
                    occurrence: Occurrence {
                        id: occurrence_id(&prog.id, s.start_local, s.all_day),
                        program: prog.id.clone(),
                        title: prog.title.clone(),
                        kind: prog.kind,
                        date: s.start_local.date(),
                        start: s.start,
                        end: s.end,
                        all_day: s.all_day,
                        venues: prog.venues.clone(),
                        facilitators: prog.facilitators.clone(),
                        status: prog.status,
                        confidential: prog.confidential,
                    },
                    start_local: s.start_local,
                    end_local: s.end_local,
                });
                if out.len() > MAX_OCCURRENCES_TOTAL {
                    return Err(PlanError::TooLarge {
                        path: "programs".to_owned(),
                        what: "occurrences of the plan",
                        limit: MAX_OCCURRENCES_TOTAL as u64,
                    });
                }
            }
        }
        crate::sort::sort_by(&mut out, |a, b| {
            (
                a.occurrence.start,
                a.occurrence.end,
                &a.occurrence.program,
                a.program_index,
            )
                .cmp(&(
                    b.occurrence.start,
                    b.occurrence.end,
                    &b.occurrence.program,
                    b.program_index,
                ))
        });
        Ok(out)
    }

    /// The occurrences matching `query`, sorted by start, end, then program id.
    ///
    /// Errors: `invalid_range` (to before from), `too_large` (range over [`MAX_QUERY_DAYS`]
    /// or an expansion limit), `unknown_reference` (query names an unknown program or venue),
    /// `invalid_timezone`, `invalid_schedule`.
    pub fn occurrences(&self, query: &OccurrenceQuery) -> Result<Vec<Occurrence>, PlanError> {
        if query.to < query.from {
            return Err(PlanError::InvalidRange {
                path: "to".to_owned(),
            });
        }
        if query.to.signed_duration_since(query.from).num_days() >= MAX_QUERY_DAYS {
            return Err(PlanError::TooLarge {
                path: "to".to_owned(),
                what: "query range in days",
                limit: MAX_QUERY_DAYS as u64,
            });
        }
        if let Some(p) = &query.program {
            if !self.programs.iter().any(|x| &x.id == p) {
                return Err(PlanError::UnknownReference {
                    path: "program".to_owned(),
                    what: "program",
                    id: p.clone(),
                });
            }
        }
        if let Some(v) = &query.venue {
            if !self.venues.iter().any(|x| &x.id == v) {
                return Err(PlanError::UnknownReference {
                    path: "venue".to_owned(),
                    what: "venue",
                    id: v.clone(),
                });
            }
        }
        let to_excl = query.to.succ_opt().ok_or(PlanError::InvalidRange {
            path: "to".to_owned(),
        })?;
        let expanded = self.expand(query.from, to_excl, query.program.as_deref())?;
        Ok(expanded
            .into_iter()
            .map(|e| e.occurrence)
            .filter(|o| query.venue.as_ref().is_none_or(|v| o.venues.contains(v)))
            .collect())
    }
}
