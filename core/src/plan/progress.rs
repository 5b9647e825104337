//! Attendance records and goal progress: each target against what enrolment and attendance
//! counts show, as of a date the caller passes.
//!
//! Inputs are counts only (no names), so confidential programs leak nothing.
//! Count targets are `on_track` when the value reaches the target pro rata over the days
//! from 1 January of the plan year to the target's `by` date (default 31 December), rounded
//! up; percentage targets are `on_track` when already reached before `by`. A target reached
//! is `achieved` (a percentage only once `by` has passed); anything else is `behind`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::document::{Measure, Plan, Target};
use super::error::PlanError;

/// Enrolment counts of one program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentCount {
    /// Program id.
    pub program: String,
    /// People who applied.
    #[serde(default)]
    pub applicants: u32,
    /// People enrolled.
    #[serde(default)]
    pub enrolled: u32,
}

/// Attendance of one occurrence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRecord {
    /// Occurrence id, e.g. `chorus/20060301T1900`.
    pub occurrence: String,
    /// People present.
    pub present: u32,
    /// People expected (enrolled, or seats for open sessions).
    pub expected: u32,
    /// The session took place (default true); sessions not held count for nothing.
    #[serde(default = "yes")]
    pub held: bool,
}

fn yes() -> bool {
    true
}

/// What [`Plan::progress`] measures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressInput {
    /// The date of the report; records of later occurrences are ignored.
    pub as_of: NaiveDate,
    /// Distinct people who took part in anything (for `participants` targets naming no programs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distinct_participants: Option<u32>,
    /// Enrolment counts per program (at most one entry per program).
    #[serde(default)]
    pub enrolments: Vec<EnrolmentCount>,
    /// Attendance per occurrence (at most one record per occurrence).
    #[serde(default)]
    pub attendance: Vec<AttendanceRecord>,
}

/// Where a target stands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatus {
    /// Reached.
    Achieved,
    /// Not reached yet, but on schedule.
    OnTrack,
    /// Behind schedule, or missed.
    Behind,
}

/// One target's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetProgress {
    /// Section id.
    pub section: String,
    /// Goal id.
    pub goal: String,
    /// Target id.
    pub target: String,
    /// What is counted.
    pub measure: Measure,
    /// The value measured (whole percent for `attendance_percent`).
    pub value: u32,
    /// The target value.
    pub at_least: u32,
    /// The value expected by `as_of` to be on track.
    pub expected_by_now: u32,
    /// The target date.
    pub by: NaiveDate,
    /// Status.
    pub status: ProgressStatus,
}

/// Whether a conditional program's conditions hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionProgress {
    /// Program id.
    pub program: String,
    /// All its conditions hold on the enrolment counts given.
    pub met: bool,
}

/// The progress report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressReport {
    /// The report's date.
    pub as_of: NaiveDate,
    /// Every target, in plan order.
    pub targets: Vec<TargetProgress>,
    /// Every program with conditions, in plan order.
    pub conditions: Vec<ConditionProgress>,
}

/// A record resolved to its program and date.
struct Record<'a> {
    program: &'a str,
    date: NaiveDate,
    rec: &'a AttendanceRecord,
}

fn parse_occurrence(id: &str) -> Option<(&str, NaiveDate)> {
    let (program, stamp) = id.rsplit_once('/')?;
    let date = NaiveDate::parse_from_str(stamp.get(..8)?, "%Y%m%d").ok()?;
    Some((program, date))
}

fn ceil_div(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        a.div_ceil(b)
    }
}

fn clamp(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

impl Plan {
    /// Measures every goal target and every program condition against `input`.
    ///
    /// Errors: `unknown_reference` (a count or record names an unknown program or a malformed
    /// occurrence id), `duplicate_record` (two counts for a program or two records for an
    /// occurrence), `invalid_range` (the plan year is out of range).
    pub fn progress(&self, input: &ProgressInput) -> Result<ProgressReport, PlanError> {
        let known: BTreeSet<&str> = self.programs.iter().map(|p| p.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        for (i, e) in input.enrolments.iter().enumerate() {
            let path = format!("enrolments[{i}].program");
            if !known.contains(e.program.as_str()) {
                return Err(PlanError::UnknownReference {
                    path,
                    what: "program",
                    id: e.program.clone(),
                });
            }
            if !seen.insert(e.program.as_str()) {
                return Err(PlanError::Duplicate {
                    path,
                    id: e.program.clone(),
                });
            }
        }
        let mut records = Vec::new();
        let mut seen = BTreeSet::new();
        for (i, rec) in input.attendance.iter().enumerate() {
            let path = format!("attendance[{i}].occurrence");
            let Some((program, date)) =
                parse_occurrence(&rec.occurrence).filter(|(p, _)| known.contains(p))
            else {
                return Err(PlanError::UnknownReference {
                    path,
                    what: "occurrence",
                    id: rec.occurrence.clone(),
                });
            };
            if !seen.insert(rec.occurrence.as_str()) {
                return Err(PlanError::Duplicate {
                    path,
                    id: rec.occurrence.clone(),
                });
            }
            if date <= input.as_of {
                records.push(Record { program, date, rec });
            }
        }
        let year_start =
            NaiveDate::from_ymd_opt(self.year, 1, 1).ok_or(PlanError::InvalidRange {
                path: "year".to_owned(),
            })?;
        let year_end =
            NaiveDate::from_ymd_opt(self.year, 12, 31).ok_or(PlanError::InvalidRange {
                path: "year".to_owned(),
            })?;
        let mut targets = Vec::new();
        for section in &self.sections {
            for goal in &section.goals {
                for target in &goal.targets {
                    let by = target.by.unwrap_or(year_end);
                    let (value, at_least, expected, status) =
                        self.measure(target, input, &records, year_start, by);
                    targets.push(TargetProgress {
                        section: section.id.clone(),
                        goal: goal.id.clone(),
                        target: target.id.clone(),
                        measure: target.measure,
                        value,
                        at_least,
                        expected_by_now: expected,
                        by,
                        status,
                    });
                }
            }
        }
        let counts = |id: &str| {
            let (applicants, enrolled) = input
                .enrolments
                .iter()
                .find(|e| e.program == id)
                .map_or((0, 0), |e| (e.applicants, e.enrolled));
            let max = self
                .programs
                .iter()
                .find(|p| p.id == id)
                .and_then(|p| p.capacity)
                .map(|c| c.max);
            (applicants, enrolled, max)
        };
        let conditions = self
            .programs
            .iter()
            .filter(|p| !p.conditions.is_empty())
            .map(|p| ConditionProgress {
                program: p.id.clone(),
                met: p.conditions.iter().all(|c| c.holds(&counts)),
            })
            .collect();
        Ok(ProgressReport {
            as_of: input.as_of,
            targets,
            conditions,
        })
    }

    fn measure(
        &self,
        target: &Target,
        input: &ProgressInput,
        records: &[Record<'_>],
        year_start: NaiveDate,
        by: NaiveDate,
    ) -> (u32, u32, u32, ProgressStatus) {
        let counted = |program: &str| {
            target.programs.is_empty() || target.programs.iter().any(|p| p == program)
        };
        let enrolled: u64 = input
            .enrolments
            .iter()
            .filter(|e| counted(&e.program))
            .map(|e| u64::from(e.enrolled))
            .sum();
        let held: Vec<&Record<'_>> = records
            .iter()
            .filter(|r| r.rec.held && counted(r.program) && r.date <= by)
            .collect();
        let at_least = u64::from(target.at_least);
        let passed = input.as_of >= by;
        if target.measure == Measure::AttendancePercent {
            let present: u64 = held.iter().map(|r| u64::from(r.rec.present)).sum();
            let expected: u64 = held.iter().map(|r| u64::from(r.rec.expected)).sum();
            let value = present
                .saturating_mul(100)
                .checked_div(expected)
                .unwrap_or(0);
            let status = if value >= at_least && expected > 0 {
                if passed {
                    ProgressStatus::Achieved
                } else {
                    ProgressStatus::OnTrack
                }
            } else if expected == 0 && !passed {
                ProgressStatus::OnTrack
            } else {
                ProgressStatus::Behind
            };
            return (
                clamp(value),
                target.target_value(),
                target.target_value(),
                status,
            );
        }
        let value = match target.measure {
            Measure::Participants if target.programs.is_empty() => {
                input.distinct_participants.map_or(enrolled, u64::from)
            }
            Measure::SessionsHeld => held.len() as u64,
            _ => enrolled,
        };
        let total_days = u64::try_from(
            by.signed_duration_since(year_start)
                .num_days()
                .saturating_add(1),
        )
        .unwrap_or(1)
        .max(1);
        let elapsed = u64::try_from(
            input
                .as_of
                .min(by)
                .signed_duration_since(year_start)
                .num_days()
                .saturating_add(1),
        )
        .unwrap_or(0)
        .min(total_days);
        let expected = ceil_div(at_least.saturating_mul(elapsed), total_days);
        let status = if value >= at_least {
            ProgressStatus::Achieved
        } else if !passed && value >= expected {
            ProgressStatus::OnTrack
        } else {
            ProgressStatus::Behind
        };
        (clamp(value), target.target_value(), clamp(expected), status)
    }
}

impl Target {
    fn target_value(&self) -> u32 {
        self.at_least
    }
}
