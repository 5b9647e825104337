//! The plan's calendar: named periods, public holidays, make-up working days, deadlines,
//! and availability slots.
//!
//! **Make-up working days** (调休上班日: a weekend day worked in exchange for a holiday)
//! count as *workdays*, and public holidays count as *rest days*, for availability slots
//! that say `workday` or `rest_day`. Schedules are never shifted onto make-up days: a
//! program follows its own RRULE. An occurrence that falls on a public holiday is dropped
//! unless its schedule sets `on_holidays = true`.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Periods, holidays, make-up days and deadlines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// Named periods, e.g. the winter and summer school holidays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    /// Public holidays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<Holiday>,
    /// Weekend days worked in exchange for a holiday.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub makeup_days: Vec<MakeupDay>,
    /// Deadlines, e.g. "before National Day".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<Deadline>,
}

/// A named period, both days included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Stable id, referenced by `schedule.within`.
    pub id: String,
    /// Title.
    pub title: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

impl Period {
    /// True when `date` lies in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A public holiday, one day or several (both days included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// Title.
    pub title: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day (default: `start`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
}

impl Holiday {
    /// Last day of the holiday.
    pub fn last(&self) -> NaiveDate {
        self.end.unwrap_or(self.start)
    }
}

/// A weekend day worked in exchange for a holiday.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MakeupDay {
    /// The day.
    pub date: NaiveDate,
    /// Why, e.g. "for National Day".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A deadline: occurrences of programs bound to it must end before the day `before` begins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// Stable id, referenced by `program.deadline`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Everything must be over before this day begins.
    pub before: NaiveDate,
}

/// A kind of day an availability slot applies to.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
    /// Monday to Friday except public holidays, plus make-up working days.
    Workday,
    /// Every day that is not a workday.
    RestDay,
}

/// When a facilitator, venue or equipment is available: on these days, between these times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// Days the slot applies to.
    pub days: Vec<DayKind>,
    /// Start of the slot (default: start of the day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveTime>,
    /// End of the slot (default: end of the day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveTime>,
}

impl Calendar {
    /// True when `date` is a public holiday.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays
            .iter()
            .any(|h| h.start <= date && date <= h.last())
    }

    /// True when `date` is a workday (see the module documentation).
    pub fn is_workday(&self, date: NaiveDate) -> bool {
        if self.makeup_days.iter().any(|m| m.date == date) {
            return true;
        }
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(date)
    }

    /// True when `day` applies to `date`.
    pub fn day_matches(&self, day: DayKind, date: NaiveDate) -> bool {
        let weekday = date.weekday();
        match day {
            DayKind::Mon => weekday == Weekday::Mon,
            DayKind::Tue => weekday == Weekday::Tue,
            DayKind::Wed => weekday == Weekday::Wed,
            DayKind::Thu => weekday == Weekday::Thu,
            DayKind::Fri => weekday == Weekday::Fri,
            DayKind::Sat => weekday == Weekday::Sat,
            DayKind::Sun => weekday == Weekday::Sun,
            DayKind::Workday => self.is_workday(date),
            DayKind::RestDay => !self.is_workday(date),
        }
    }

    /// True when a session on `date` from `start` to `end` (same day) fits one of `slots`.
    /// An empty slot list means "always available".
    pub fn fits(&self, slots: &[Slot], date: NaiveDate, start: NaiveTime, end: NaiveTime) -> bool {
        slots.is_empty()
            || slots.iter().any(|slot| {
                slot.days.iter().any(|d| self.day_matches(*d, date))
                    && slot.from.is_none_or(|from| from <= start)
                    && slot.to.is_none_or(|to| end <= to)
            })
    }
}
