//! Expanding a [`Rule`] from a DTSTART to local wall-clock times, in order (dateutil's
//! `rrule._iter`, period by period: the year, month, week, day or hour the rule steps by).
//!
//! Each period's days are the period's days kept by every day filter (BYMONTH, BYWEEKNO,
//! BYDAY, BYMONTHDAY, BYYEARDAY); its times are BYHOUR × BYMINUTE × BYSECOND (for HOURLY,
//! the period's hour × BYMINUTE × BYSECOND); BYSETPOS then picks among the period's
//! date-times. The expansion stops at COUNT, before the first period that starts on or after
//! the `end` date the caller gives, past year 9999, or with [`PeriodLimit`] after
//! [`MAX_RRULE_PERIODS`] periods (a rule that rarely matches cannot spin). UNTIL is the
//! caller's: it needs the zone to compare instants.

use std::collections::VecDeque;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::year::{days_in_month, MaskRule, YearInfo};
use super::{Freq, Rule};

/// Most periods one expansion steps through. A year's HOURLY rule from a first session
/// [`MAX_LEAD_DAYS`](crate::plan::MAX_LEAD_DAYS) back through the longest query is about
/// 265,000 periods, so only a rule that cannot be expanded in time reaches it.
pub const MAX_RRULE_PERIODS: usize = 300_000;

/// The expansion stepped through [`MAX_RRULE_PERIODS`] periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PeriodLimit;

/// An expansion in progress.
#[derive(Debug)]
pub(crate) struct Recurrence {
    freq: Freq,
    interval: i64,
    wkst: i64,
    masks: MaskRule,
    by_month_day: Vec<i8>,
    by_neg_month_day: Vec<i8>,
    by_year_day: Vec<i16>,
    by_weekday: Vec<u8>,
    by_set_pos: Vec<i16>,
    by_hour: Vec<u8>,
    by_minute: Vec<u8>,
    by_second: Vec<u8>,
    dtstart: NaiveDateTime,
    end: NaiveDate,
    year: i32,
    month: u32,
    day: i64,
    hour: i64,
    weekday: i64,
    times: Vec<NaiveTime>,
    info: YearInfo,
    count: Option<u32>,
    buffer: VecDeque<NaiveDateTime>,
    done: bool,
    periods: usize,
}

fn sorted<T: Ord + Copy>(values: &[T]) -> Vec<T> {
    let mut v = values.to_vec();
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

fn time(hour: impl TryInto<u32>, minute: u8, second: u8) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(hour.try_into().ok()?, u32::from(minute), u32::from(second))
}

impl Recurrence {
    /// Starts expanding `rule` from `dtstart` (a local wall-clock time) up to dates before
    /// `end`. Errors: a HOURLY rule whose BYHOUR the interval never reaches.
    pub(crate) fn new(
        rule: &Rule,
        dtstart: NaiveDateTime,
        end: NaiveDate,
    ) -> Result<Recurrence, String> {
        let mut by_month = sorted(&rule.by_month);
        let mut by_month_day: Vec<i8> = rule.by_month_day.clone();
        let mut by_day = rule.by_day.clone();
        let date = dtstart.date();
        let weekday = u8::try_from(date.weekday().num_days_from_monday()).unwrap_or(0);
        let day_of_month = i8::try_from(date.day()).unwrap_or(1);
        if rule.by_week_no.is_empty()
            && rule.by_year_day.is_empty()
            && by_month_day.is_empty()
            && by_day.is_empty()
        {
            match rule.freq {
                Freq::Yearly => {
                    if by_month.is_empty() {
                        by_month = vec![u8::try_from(date.month()).unwrap_or(1)];
                    }
                    by_month_day = vec![day_of_month];
                }
                Freq::Monthly => by_month_day = vec![day_of_month],
                Freq::Weekly => by_day = vec![super::WeekdayNum { n: 0, weekday }],
                Freq::Daily | Freq::Hourly => {}
            }
        }
        let with_ordinal = |d: &&super::WeekdayNum| d.n != 0 && rule.freq <= Freq::Monthly;
        let by_nweekday = sorted(
            &by_day
                .iter()
                .filter(with_ordinal)
                .copied()
                .collect::<Vec<_>>(),
        );
        let by_weekday = sorted(
            &by_day
                .iter()
                .filter(|d| !with_ordinal(d))
                .map(|d| d.weekday)
                .collect::<Vec<_>>(),
        );
        let interval = i64::from(rule.interval);
        let start_hour = i64::from(dtstart.hour());
        let by_hour = match (rule.freq, rule.by_hour.is_empty()) {
            (Freq::Hourly, true) => Vec::new(),
            (Freq::Hourly, false) => {
                // Only the hours the interval reaches from DTSTART's hour.
                let gcd = gcd(interval, 24);
                let reach: Vec<u8> = sorted(&rule.by_hour)
                    .into_iter()
                    .filter(|&h| i64::from(h).saturating_sub(start_hour).rem_euclid(gcd) == 0)
                    .collect();
                if reach.is_empty() {
                    return Err("INTERVAL never reaches a BYHOUR hour".to_owned());
                }
                reach
            }
            (_, true) => vec![u8::try_from(dtstart.hour()).unwrap_or(0)],
            (_, false) => sorted(&rule.by_hour),
        };
        let or_start = |list: &[u8], start: u32| {
            if list.is_empty() {
                vec![u8::try_from(start).unwrap_or(0)]
            } else {
                sorted(list)
            }
        };
        let by_minute = or_start(&rule.by_minute, dtstart.minute());
        let by_second = or_start(&rule.by_second, dtstart.second());
        let masks = MaskRule {
            freq: rule.freq,
            wkst: rule.wkst,
            by_month,
            by_week_no: sorted(&rule.by_week_no),
            by_nweekday,
        };
        let info = YearInfo::new(&masks, date.year(), date.month())
            .ok_or_else(|| "the first date is out of range".to_owned())?;
        let mut rec = Recurrence {
            freq: rule.freq,
            interval,
            wkst: i64::from(rule.wkst),
            masks,
            by_month_day: sorted(&by_month_day)
                .into_iter()
                .filter(|&d| d > 0)
                .collect(),
            by_neg_month_day: sorted(&by_month_day)
                .into_iter()
                .filter(|&d| d < 0)
                .collect(),
            by_year_day: sorted(&rule.by_year_day),
            by_weekday,
            by_set_pos: rule.by_set_pos.clone(),
            by_hour,
            by_minute,
            by_second,
            dtstart,
            end,
            year: date.year(),
            month: date.month(),
            day: i64::from(date.day()),
            hour: start_hour,
            weekday: i64::from(weekday),
            times: Vec::new(),
            info,
            count: rule.count,
            buffer: VecDeque::new(),
            done: false,
            periods: 0,
        };
        rec.times = rec.first_times();
        Ok(rec)
    }

    /// The times of the first period.
    fn first_times(&self) -> Vec<NaiveTime> {
        if self.freq == Freq::Hourly {
            if !self.by_hour.is_empty() && !self.by_hour.iter().any(|&h| i64::from(h) == self.hour)
            {
                return Vec::new();
            }
            return self.hour_times(self.hour);
        }
        let mut times: Vec<NaiveTime> = Vec::new();
        for &h in &self.by_hour {
            for &m in &self.by_minute {
                for &s in &self.by_second {
                    times.extend(time(h, m, s));
                }
            }
        }
        crate::sort::sort(&mut times);
        times
    }

    /// The times of one HOURLY period.
    fn hour_times(&self, hour: i64) -> Vec<NaiveTime> {
        let mut times: Vec<NaiveTime> = Vec::new();
        for &m in &self.by_minute {
            for &s in &self.by_second {
                times.extend(time(hour, m, s));
            }
        }
        crate::sort::sort(&mut times);
        times
    }

    /// The next occurrence (a local wall-clock time), or `None` when the expansion is over.
    pub(crate) fn next_start(&mut self) -> Result<Option<NaiveDateTime>, PeriodLimit> {
        while self.buffer.is_empty() && !self.done {
            self.periods = self.periods.saturating_add(1); // stops at MAX_RRULE_PERIODS
            if self.periods > MAX_RRULE_PERIODS {
                return Err(PeriodLimit);
            }
            if self.period_start().is_none_or(|d| d >= self.end) {
                self.done = true;
                break;
            }
            let filtered = self.emit_period();
            if !self.done && self.advance(filtered).is_none() {
                self.done = true;
            }
        }
        Ok(self.buffer.pop_front())
    }

    /// The first date of the current period.
    fn period_start(&self) -> Option<NaiveDate> {
        match self.freq {
            Freq::Yearly => NaiveDate::from_ymd_opt(self.year, 1, 1),
            Freq::Monthly => NaiveDate::from_ymd_opt(self.year, self.month, 1),
            _ => NaiveDate::from_ymd_opt(self.year, self.month, u32::try_from(self.day).ok()?),
        }
    }

    /// The period's days as indices into the year, `[start, end)`.
    fn day_range(&self) -> (i64, i64) {
        let info = &self.info;
        let today = || {
            self.period_start()
                .map_or(0, |d| d.signed_duration_since(info.first).num_days())
        };
        match self.freq {
            Freq::Yearly => (0, info.len),
            Freq::Monthly => {
                let m = usize::try_from(self.month).unwrap_or(1);
                let start = m
                    .checked_sub(1)
                    .and_then(|i| info.month_starts.get(i))
                    .copied()
                    .unwrap_or(0);
                (start, info.month_starts.get(m).copied().unwrap_or(info.len))
            }
            Freq::Weekly => {
                let start = today();
                let mut i = start;
                for _ in 0..7 {
                    i = i.saturating_add(1);
                    if info.weekday(i) == self.wkst {
                        break;
                    }
                }
                (start, i)
            }
            Freq::Daily | Freq::Hourly => {
                let i = today();
                (i, i.saturating_add(1))
            }
        }
    }

    /// Whether day `i` passes every day filter.
    fn keeps(&self, i: i64) -> bool {
        let info = &self.info;
        let Ok(u) = usize::try_from(i) else {
            return false;
        };
        let month = info.months.get(u).copied().unwrap_or(0);
        let mday = info.month_days.get(u).copied().unwrap_or(0);
        let nmday = info.neg_month_days.get(u).copied().unwrap_or(0);
        let flag = |mask: &[bool]| mask.get(u).copied().unwrap_or(false);
        let year_day_ok = || {
            let has = |n: i64| self.by_year_day.iter().any(|&d| i64::from(d) == n);
            // Day indices and year lengths are below 800: the operations are exact.
            let after = i.saturating_add(1);
            let from_end = i.saturating_sub(info.len);
            if i < info.len {
                has(after) || has(from_end)
            } else {
                has(after.saturating_sub(info.len)) || has(from_end.saturating_sub(info.next_len))
            }
        };
        (self.masks.by_month.is_empty() || self.masks.by_month.contains(&month))
            && (self.masks.by_week_no.is_empty() || flag(&info.week_nos))
            && (self.by_weekday.is_empty()
                || self
                    .by_weekday
                    .iter()
                    .any(|&w| i64::from(w) == info.weekday(i)))
            && (info.nth_weekdays.is_empty() || flag(&info.nth_weekdays))
            && ((self.by_month_day.is_empty() && self.by_neg_month_day.is_empty())
                || self.by_month_day.contains(&mday)
                || self.by_neg_month_day.contains(&nmday))
            && (self.by_year_day.is_empty() || year_day_ok())
    }

    /// Buffers the current period's occurrences; true when a day was filtered out.
    fn emit_period(&mut self) -> bool {
        let (start, end) = self.day_range();
        let days: Vec<i64> = (start..end).filter(|&i| self.keeps(i)).collect();
        let filtered = days.len() < usize::try_from(end.saturating_sub(start)).unwrap_or(0);
        let date = |i: i64| self.info.first.checked_add_signed(Duration::days(i));
        let mut found: Vec<NaiveDateTime> = Vec::new();
        if !self.by_set_pos.is_empty() && !self.times.is_empty() {
            let per_day = i64::try_from(self.times.len()).unwrap_or(1);
            let n_days = i64::try_from(days.len()).unwrap_or(0);
            for &pos in &self.by_set_pos {
                let pos = i64::from(pos);
                let (day_pos, time_pos) = if pos < 0 {
                    (pos.div_euclid(per_day), pos.rem_euclid(per_day))
                } else {
                    let from0 = pos.saturating_sub(1); // BYSETPOS is within ±366
                    (from0.div_euclid(per_day), from0.rem_euclid(per_day))
                };
                let day_index = if day_pos < 0 {
                    n_days.saturating_add(day_pos)
                } else {
                    day_pos
                };
                let day = usize::try_from(day_index).ok().and_then(|k| days.get(k));
                let t = usize::try_from(time_pos)
                    .ok()
                    .and_then(|k| self.times.get(k));
                if let (Some(&day), Some(&t)) = (day, t) {
                    if let Some(d) = date(day) {
                        let at = d.and_time(t);
                        if !found.contains(&at) {
                            found.push(at);
                        }
                    }
                }
            }
            crate::sort::sort(&mut found);
        } else {
            for &i in &days {
                if let Some(d) = date(i) {
                    found.extend(self.times.iter().map(|&t| d.and_time(t)));
                }
            }
        }
        for at in found {
            if at < self.dtstart {
                continue;
            }
            if let Some(count) = &mut self.count {
                if *count == 0 {
                    self.done = true;
                    break;
                }
                *count = count.saturating_sub(1); // *count > 0
                self.buffer.push_back(at);
                if *count == 0 {
                    self.done = true;
                    break;
                }
            } else {
                self.buffer.push_back(at);
            }
        }
        filtered
    }

    /// Steps to the next period; `None` past the calendar's end.
    ///
    /// The numbers are small: `interval` is at most 65,535, hours below 24, months at most
    /// 12, weekdays below 7, and `day` at most a month plus `7 × interval` before
    /// `normalize_day` carries it; the year stops at 9999. The saturating operations are
    /// exact, and `interval` is at least 1.
    fn advance(&mut self, filtered: bool) -> Option<()> {
        let interval = self.interval;
        let mut fix_day = false;
        match self.freq {
            Freq::Yearly => {
                self.year = self.year.checked_add(i32::try_from(interval).ok()?)?;
                if self.year > 9999 {
                    return None;
                }
                self.info.rebuild(&self.masks, self.year, self.month)?;
            }
            Freq::Monthly => {
                let months = i64::from(self.month)
                    .saturating_sub(1)
                    .saturating_add(interval);
                self.year = self
                    .year
                    .checked_add(i32::try_from(months.div_euclid(12)).ok()?)?;
                self.month = u32::try_from(months.rem_euclid(12).saturating_add(1)).ok()?;
                if self.year > 9999 {
                    return None;
                }
                self.info.rebuild(&self.masks, self.year, self.month)?;
            }
            Freq::Weekly => {
                let back = self.weekday.saturating_sub(self.wkst).rem_euclid(7);
                self.day = self
                    .day
                    .saturating_add(interval.saturating_mul(7).saturating_sub(back));
                self.weekday = self.wkst;
                fix_day = true;
            }
            Freq::Daily => {
                self.day = self.day.saturating_add(interval);
                fix_day = true;
            }
            Freq::Hourly => {
                if filtered {
                    // Jump to the period before the next day.
                    let steps = 23i64
                        .saturating_sub(self.hour)
                        .checked_div(interval)
                        .unwrap_or(0);
                    self.hour = self.hour.saturating_add(steps.saturating_mul(interval));
                }
                let days = if self.by_hour.is_empty() {
                    let next = self.hour.saturating_add(interval);
                    self.hour = next.rem_euclid(24);
                    next.div_euclid(24)
                } else {
                    self.next_by_hour()?
                };
                if days > 0 {
                    self.day = self.day.saturating_add(days);
                    fix_day = true;
                }
                self.times = self.hour_times(self.hour);
            }
        }
        if fix_day && self.day > 28 {
            self.normalize_day()?;
        }
        Some(())
    }

    /// HOURLY with BYHOUR: steps by the interval to the next wanted hour; the days crossed.
    fn next_by_hour(&mut self) -> Option<i64> {
        // Hours below 24 plus an interval of at most 65,535, 24 times: exact.
        let mut days = 0i64;
        for _ in 0..24 {
            let next = self.hour.saturating_add(self.interval);
            days = days.saturating_add(next.div_euclid(24));
            self.hour = next.rem_euclid(24);
            if self.by_hour.iter().any(|&h| i64::from(h) == self.hour) {
                return Some(days);
            }
        }
        None
    }

    /// Carries a day past the month's end into the following months.
    fn normalize_day(&mut self) -> Option<()> {
        let mut month_len = days_in_month(self.year, self.month);
        if self.day <= month_len {
            return Some(());
        }
        // `day` exceeds `month_len` here; months stay in 1..=12; years stop at 9999.
        while self.day > month_len {
            self.day = self.day.saturating_sub(month_len);
            self.month = self.month.saturating_add(1);
            if self.month == 13 {
                self.month = 1;
                self.year = self.year.saturating_add(1);
                if self.year > 9999 {
                    return None;
                }
            }
            month_len = days_in_month(self.year, self.month);
        }
        self.info.rebuild(&self.masks, self.year, self.month)
    }
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a.checked_rem(b).unwrap_or(0)) // b != 0
    }
}
