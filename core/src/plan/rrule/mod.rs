//! RFC 5545 recurrence rules on chrono dates: the parsed [`Rule`] ([`parse`]), the masks of
//! one year ([`year`]) and the expansion to local wall-clock times ([`expand`]).
//!
//! The expansion is the algorithm of python-dateutil's `rrule` (itself the reference most
//! calendar libraries follow), so a rule gives the dates dateutil gives; the Python suite
//! checks that on thousands of random rules. Times are wall-clock times in the plan's zone:
//! the engine knows no zone, and the caller reads each time in it (a gap moves forward, an
//! ambiguity takes the earlier instant; see the schedule module).
//!
//! Semantics where RFC 5545 leaves room, all as dateutil has them:
//! - Parts that the rule leaves out come from DTSTART: a YEARLY rule without BYxxx day parts
//!   recurs on DTSTART's month and day, MONTHLY on its day, WEEKLY on its weekday; BYHOUR,
//!   BYMINUTE and BYSECOND default to DTSTART's time (for HOURLY, only minute and second).
//! - A day that does not exist (`BYMONTHDAY=31` in April, `BYYEARDAY=366` in 2006) is
//!   skipped, never moved.
//! - `BYDAY` ordinals count within the month for MONTHLY and YEARLY with BYMONTH, within the
//!   year for YEARLY; for WEEKLY, DAILY and HOURLY the ordinal is ignored (`1MO` is `MO`).
//! - `BYSETPOS` picks from the period's sorted date-times, DTSTART's period included, before
//!   occurrences before DTSTART are dropped; COUNT counts only occurrences from DTSTART on.
//! - HOURLY steps in wall-clock hours (a DST gap's missing hour is read forward, so it falls
//!   on the next hour; the repeated hour of a fall-back is not counted twice).
//! - `BYHOUR` with HOURLY keeps only hours the interval reaches from DTSTART's hour; a rule
//!   left with none is refused.
//!
//! Refused, with a message: MINUTELY and SECONDLY, BYEASTER and unknown parts, a part given
//! twice, values out of the RFC's ranges, INTERVAL 0, `UNTIL` without `Z`, the parts RFC
//! 5545 forbids for a frequency (BYWEEKNO other than YEARLY, BYYEARDAY with MONTHLY, WEEKLY
//! or DAILY, BYMONTHDAY with WEEKLY), and a MONTHLY or YEARLY `BYDAY` that mixes entries
//! with and without an ordinal (`SA,-1WE`): RFC 5545 means either, dateutil (and the rrule
//! crate huaide used before) both at once, which is never.

pub(crate) mod expand;
pub(crate) mod parse;
pub(crate) mod year;

use chrono::NaiveDateTime;

/// How often a rule recurs; ordered as dateutil orders them (YEARLY lowest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Freq {
    /// `FREQ=YEARLY`.
    Yearly,
    /// `FREQ=MONTHLY`.
    Monthly,
    /// `FREQ=WEEKLY`.
    Weekly,
    /// `FREQ=DAILY`.
    Daily,
    /// `FREQ=HOURLY`.
    Hourly,
}

/// One `BYDAY` entry: a weekday (0 Monday to 6 Sunday) and an ordinal (0: every).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct WeekdayNum {
    /// Ordinal, `-53..=53`; 0 for every such weekday.
    pub n: i8,
    /// Weekday, 0 Monday to 6 Sunday.
    pub weekday: u8,
}

/// A parsed RRULE. Lists are as written (deduplicated by the expansion).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rule {
    /// `FREQ`.
    pub freq: Freq,
    /// `INTERVAL` (default 1).
    pub interval: u16,
    /// `COUNT`.
    pub count: Option<u32>,
    /// `UNTIL`, in UTC.
    pub until: Option<NaiveDateTime>,
    /// `WKST`, 0 Monday to 6 Sunday (default Monday).
    pub wkst: u8,
    /// `BYSETPOS`, `±1..=366`.
    pub by_set_pos: Vec<i16>,
    /// `BYMONTH`, `1..=12`.
    pub by_month: Vec<u8>,
    /// `BYMONTHDAY`, `±1..=31`.
    pub by_month_day: Vec<i8>,
    /// `BYYEARDAY`, `±1..=366`.
    pub by_year_day: Vec<i16>,
    /// `BYWEEKNO`, `±1..=53`.
    pub by_week_no: Vec<i8>,
    /// `BYDAY`.
    pub by_day: Vec<WeekdayNum>,
    /// `BYHOUR`, `0..=23`.
    pub by_hour: Vec<u8>,
    /// `BYMINUTE`, `0..=59`.
    pub by_minute: Vec<u8>,
    /// `BYSECOND`, `0..=59` (a leap second 60 is refused).
    pub by_second: Vec<u8>,
}

impl Rule {
    /// True when the rule has neither COUNT nor UNTIL.
    pub(crate) fn is_unbounded(&self) -> bool {
        self.count.is_none() && self.until.is_none()
    }
}

#[cfg(test)]
mod tests;
