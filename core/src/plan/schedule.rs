//! Schedules: an RFC 5545 RRULE from a first date, extra dates, excluded dates, "only within
//! these periods", expanded to concrete local times in the plan's time zone.
//!
//! Expansion order: the RRULE (or the first date alone) plus `dates`; minus `except`; minus
//! public holidays unless `on_holidays`; kept only within `within` periods when any are named.
//! Times are local wall-clock times, so a weekly 19:00 session stays at 19:00 across a DST
//! change. A local time that falls in a DST gap moves forward by the gap (a session whose
//! start moves keeps its length); an ambiguous one takes the earlier instant. The one
//! exception is the first session of a schedule with an RRULE: the rule starts there (its
//! DTSTART), and moving it would move every later session by the gap, so a first session
//! inside a gap is refused (`invalid_schedule` at `.first`). An `UNTIL` in the RRULE must be
//! in UTC (`…Z`), as RFC 5545 requires when DTSTART has a time zone; it is compared with
//! each session's instant (as read in the zone), and the rule ends at the first session
//! after it. The rule itself is expanded by [`super::rrule`] in wall-clock times; the zone is
//! [`super::zone::Zone`], parsed once per call. `FREQ=MINUTELY` and `FREQ=SECONDLY` are
//! refused (no community programme needs them and they make expansion slow); expansion is
//! bounded by [`MAX_RRULE_STEPS`], [`MAX_RRULE_PERIODS`], [`MAX_LEAD_DAYS`],
//! [`MAX_OCCURRENCES_PER_PROGRAM`] and [`MAX_OCCURRENCES_TOTAL`].

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::error::PlanError;
use super::rrule::expand::{Recurrence, MAX_RRULE_PERIODS};
use super::rrule::{parse::parse, Rule};
use super::zone::Zone;

/// Most occurrences one program may expand to within a query or the plan year.
pub const MAX_OCCURRENCES_PER_PROGRAM: usize = 1_000;
/// Most occurrences a whole plan may expand to.
pub const MAX_OCCURRENCES_TOTAL: usize = 20_000;
/// Most RRULE steps taken for one program (bounds the work for rules far in the past).
pub const MAX_RRULE_STEPS: usize = 20_000;
/// Years a schedule or query may touch (keeps date arithmetic far from chrono's limits).
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;
/// Most days a recurrence may run before the expanded range begins (bounds the work).
pub const MAX_LEAD_DAYS: i64 = 7_320;
/// Longest all-day span, in days.
pub const MAX_ALL_DAY_DAYS: u32 = 366;

/// A time span within one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeSpan {
    /// Start, e.g. `19:00:00`.
    pub from: NaiveTime,
    /// End, after `from` on the same day, e.g. `20:30:00`.
    pub to: NaiveTime,
}

/// When a program meets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// First date (the RRULE's DTSTART date).
    pub first: NaiveDate,
    /// Time of day; absent for all-day occurrences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeSpan>,
    /// Length of each all-day occurrence in days (default 1); only without `time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// RFC 5545 recurrence rule without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=WE;UNTIL=20061231T160000Z`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rrule: Option<String>,
    /// Extra single dates (at the same time of day).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<NaiveDate>,
    /// Dates excluded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<NaiveDate>,
    /// Period ids: when any are named, only occurrences starting within one of them are kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub within: Vec<String>,
    /// Keep occurrences that fall on public holidays (default: drop them).
    #[serde(default, skip_serializing_if = "super::document::is_false")]
    pub on_holidays: bool,
}

/// One expanded session, before it is tied to a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Session {
    pub start_local: NaiveDateTime,
    pub end_local: NaiveDateTime,
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    pub all_day: bool,
}

/// Parses an IANA zone name.
pub(crate) fn parse_tz(name: &str) -> Option<Zone> {
    Zone::parse(name)
}

/// Resolves a local time in `tz`: ambiguity takes the earlier instant, and a time in a gap
/// moves forward by the gap (it is read with the offset in force a day earlier, before the
/// gap, as RFC 5545 reads a DTSTART that does not exist): 02:30 on the day Berlin skips
/// from 02:00 to 03:00 is 03:30.
pub(crate) fn resolve(tz: &Zone, local: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    if let Some(dt) = tz.from_local_datetime(&local).earliest() {
        return Some(dt.fixed_offset());
    }
    let before = local.checked_sub_signed(Duration::days(1))?;
    let offset = tz.offset_from_local_datetime(&before).earliest()?.fix();
    let utc = local.checked_sub_signed(Duration::seconds(offset.local_minus_utc().into()))?;
    Some(tz.from_utc_datetime(&utc).fixed_offset())
}

/// Parses the RRULE text (an optional `RRULE:` prefix is accepted).
pub(crate) fn parse_rrule(text: &str) -> Result<Rule, String> {
    let body = text.trim();
    let body = body.strip_prefix("RRULE:").unwrap_or(body);
    if body.contains(['\n', '\r']) || body.to_ascii_uppercase().contains("DTSTART") {
        return Err("the rule must be a single RRULE without DTSTART".to_owned());
    }
    parse(body)
}

/// Why a rule cannot start at a schedule's first session.
pub(crate) enum StartError {
    /// The first session falls in a DST gap (no DTSTART instant).
    Gap,
    /// The rule refuses this start (`UNTIL` before it, an unreachable BYHOUR).
    Rule(String),
}

/// Starts expanding `rule` at the local time `first` in `tz`, for dates before `end`:
/// the expansion and DTSTART's instant.
pub(crate) fn start_rule(
    rule: &Rule,
    tz: &Zone,
    first: NaiveDateTime,
    end: NaiveDate,
) -> Result<(Recurrence, DateTime<FixedOffset>), StartError> {
    let dtstart = tz
        .from_local_datetime(&first)
        .earliest()
        .ok_or(StartError::Gap)?
        .fixed_offset();
    if let Some(until) = rule.until {
        if until < dtstart.naive_utc() {
            return Err(StartError::Rule(format!(
                "UNTIL {}Z is before the first session",
                until.format("%Y%m%dT%H%M%S")
            )));
        }
    }
    let recurrence = Recurrence::new(rule, first, end).map_err(StartError::Rule)?;
    Ok((recurrence, dtstart))
}

impl Schedule {
    /// True when the RRULE has neither COUNT nor UNTIL.
    pub fn is_unbounded(&self) -> bool {
        match &self.rrule {
            Some(text) => parse_rrule(text).is_ok_and(|r| r.is_unbounded()),
            None => false,
        }
    }

    fn start_time(&self) -> NaiveTime {
        self.time.map(|t| t.from).unwrap_or(NaiveTime::MIN)
    }

    /// Expands the schedule to sessions starting on dates in `[from, to)`, sorted.
    pub(crate) fn expand(
        &self,
        calendar: &Calendar,
        tz: &Zone,
        from: NaiveDate,
        to: NaiveDate,
        path: &str,
    ) -> Result<Vec<Session>, PlanError> {
        let invalid = |field: &str, message: String| PlanError::InvalidSchedule {
            path: format!("{path}.{field}"),
            message,
        };
        let length = match (self.time, self.days) {
            (Some(span), None) => {
                if span.to <= span.from {
                    return Err(invalid(
                        "time",
                        "the session ends before it starts".to_owned(),
                    ));
                }
                span.to.signed_duration_since(span.from)
            }
            (Some(_), Some(_)) => {
                return Err(invalid(
                    "days",
                    "`days` is only for all-day schedules".to_owned(),
                ))
            }
            (None, days) => {
                let days = days.unwrap_or(1);
                if days == 0 || days > MAX_ALL_DAY_DAYS {
                    return Err(invalid(
                        "days",
                        format!("days must be 1 to {MAX_ALL_DAY_DAYS}"),
                    ));
                }
                Duration::days(i64::from(days))
            }
        };
        if !YEARS.contains(&self.first.year())
            || !YEARS.contains(&from.year())
            || !YEARS.contains(&to.year())
        {
            return Err(invalid(
                "first",
                "dates must be in the years 1 to 9999".to_owned(),
            ));
        }
        if from.signed_duration_since(self.first).num_days() > MAX_LEAD_DAYS {
            return Err(PlanError::TooLarge {
                path: format!("{path}.first"),
                what: "days between the first session and the range",
                limit: MAX_LEAD_DAYS as u64,
            });
        }
        let start_time = self.start_time();
        let mut starts: Vec<NaiveDateTime> = Vec::new();
        let too_many = || PlanError::TooLarge {
            path: path.to_owned(),
            what: "occurrences of one program",
            limit: MAX_OCCURRENCES_PER_PROGRAM as u64,
        };
        match &self.rrule {
            Some(text) => {
                let rule = parse_rrule(text).map_err(|m| invalid("rrule", m))?;
                let (mut recurrence, _) =
                    start_rule(&rule, tz, self.first.and_time(start_time), to).map_err(
                        |e| match e {
                            StartError::Gap => {
                                invalid("first", "the first session falls in a DST gap".to_owned())
                            }
                            StartError::Rule(m) => invalid("rrule", m),
                        },
                    )?;
                let steps_exceeded = || PlanError::TooLarge {
                    path: format!("{path}.rrule"),
                    what: "recurrence steps",
                    limit: MAX_RRULE_STEPS as u64,
                };
                let mut step = 0;
                loop {
                    let wall = recurrence.next_start().map_err(|_| PlanError::TooLarge {
                        path: format!("{path}.rrule"),
                        what: "recurrence periods",
                        limit: MAX_RRULE_PERIODS as u64,
                    })?;
                    let Some(wall) = wall else { break };
                    // A gap time is read forward, as the session will be.
                    let at = resolve(tz, wall)
                        .ok_or_else(|| invalid("rrule", "unresolvable local time".to_owned()))?;
                    if rule.until.is_some_and(|u| at.naive_utc() > u) {
                        break;
                    }
                    if step >= MAX_RRULE_STEPS {
                        return Err(steps_exceeded());
                    }
                    step = step.saturating_add(1); // below MAX_RRULE_STEPS
                    let local = at.naive_local();
                    if local.date() >= to {
                        break;
                    }
                    if local.date() >= from {
                        starts.push(local);
                        if starts.len() > MAX_OCCURRENCES_PER_PROGRAM {
                            return Err(too_many());
                        }
                    }
                }
            }
            None => starts.push(self.first.and_time(start_time)),
        }
        starts.extend(self.dates.iter().map(|d| d.and_time(start_time)));
        starts.retain(|s| {
            let date = s.date();
            date >= from
                && date < to
                && !self.except.contains(&date)
                && (self.on_holidays || !calendar.is_holiday(date))
                && (self.within.is_empty()
                    || calendar
                        .periods
                        .iter()
                        .any(|p| self.within.contains(&p.id) && p.contains(date)))
        });
        crate::sort::sort(&mut starts);
        starts.dedup();
        if starts.len() > MAX_OCCURRENCES_PER_PROGRAM {
            return Err(too_many());
        }
        let mut sessions = Vec::with_capacity(starts.len());
        let unresolvable = || invalid("time", "unresolvable local time".to_owned());
        for asked in starts {
            let start = resolve(tz, asked).ok_or_else(unresolvable)?;
            let start_local = start.naive_local();
            let end = if start_local == asked {
                let end_local = asked
                    .checked_add_signed(length)
                    .ok_or_else(|| invalid("first", "date out of range".to_owned()))?;
                resolve(tz, end_local).ok_or_else(unresolvable)?
            } else {
                // A start in a gap moved forward by it: the session keeps its length, as
                // the sessions of an RRULE do.
                let end_utc = start
                    .naive_utc()
                    .checked_add_signed(length)
                    .ok_or_else(unresolvable)?;
                tz.from_utc_datetime(&end_utc).fixed_offset()
            };
            let end_local = end.naive_local();
            sessions.push(Session {
                start_local,
                end_local,
                start,
                end,
                all_day: self.time.is_none(),
            });
        }
        Ok(sessions)
    }
}
