//! The masks of one year that the expansion filters days with (dateutil's `_iterinfo`).
//!
//! Days are indices from 1 January (0). Every mask runs 7 days into the next year, so a
//! WEEKLY period that crosses New Year reads one year's masks.

use chrono::{Datelike, Duration, NaiveDate};

use super::{Freq, WeekdayNum};

/// What the masks depend on, fixed for one expansion.
#[derive(Clone, Debug)]
pub(crate) struct MaskRule {
    pub freq: Freq,
    pub wkst: u8,
    pub by_month: Vec<u8>,
    pub by_week_no: Vec<i8>,
    /// `BYDAY` entries with an ordinal (MONTHLY and YEARLY only).
    pub by_nweekday: Vec<WeekdayNum>,
}

/// The masks of the current year (and, for ordinal weekdays, month).
#[derive(Clone, Debug)]
pub(crate) struct YearInfo {
    pub year: i32,
    month: u32,
    /// Days in the year, and in the next.
    pub len: i64,
    pub next_len: i64,
    /// 1 January.
    pub first: NaiveDate,
    /// Weekday of 1 January, 0 Monday.
    weekday0: i64,
    /// Month (1-12), day of month (1-31) and negative day of month (-31..-1) of each day.
    pub months: Vec<u8>,
    pub month_days: Vec<i8>,
    pub neg_month_days: Vec<i8>,
    /// Index of the first day of each month; `[12]` is the year's length.
    pub month_starts: [i64; 13],
    /// Days in a wanted `BYWEEKNO` week (empty without BYWEEKNO).
    pub week_nos: Vec<bool>,
    /// Days that are a wanted ordinal weekday (empty without ordinals).
    pub nth_weekdays: Vec<bool>,
}

fn year_len(year: i32) -> i64 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// Days in `month` of `year`.
pub(crate) fn days_in_month(year: i32, month: u32) -> i64 {
    match month {
        2 if year_len(year) == 366 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn weekday_of(date: NaiveDate) -> i64 {
    i64::from(date.weekday().num_days_from_monday())
}

impl YearInfo {
    /// The masks of `year` (with the ordinal weekdays of `month` for MONTHLY rules).
    pub(crate) fn new(rule: &MaskRule, year: i32, month: u32) -> Option<YearInfo> {
        let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let len = year_len(year);
        let mut info = YearInfo {
            year,
            month,
            len,
            next_len: year_len(year.checked_add(1)?),
            first,
            weekday0: weekday_of(first),
            months: Vec::with_capacity(373),
            month_days: Vec::with_capacity(373),
            neg_month_days: Vec::with_capacity(373),
            month_starts: [len; 13],
            week_nos: Vec::new(),
            nth_weekdays: Vec::new(),
        };
        let mut day = first;
        for i in 0..len.saturating_add(7) {
            let month_len = days_in_month(day.year(), day.month());
            info.months.push(u8::try_from(day.month()).unwrap_or(0));
            info.month_days.push(i8::try_from(day.day()).unwrap_or(0));
            info.neg_month_days.push(
                i8::try_from(
                    i64::from(day.day())
                        .saturating_sub(month_len)
                        .saturating_sub(1),
                )
                .unwrap_or(0),
            );
            if day.day() == 1 && i < len {
                let slot = usize::try_from(day.month0()).ok();
                if let Some(slot) = slot.and_then(|m| info.month_starts.get_mut(m)) {
                    *slot = i;
                }
            }
            day = day.checked_add_signed(Duration::days(1))?;
        }
        if !rule.by_week_no.is_empty() {
            info.week_nos = info.week_no_mask(rule);
        }
        info.nth_weekdays = info.nth_weekday_mask(rule, month);
        Some(info)
    }

    /// Rebuilds for `year`/`month` when they differ from the current ones.
    pub(crate) fn rebuild(&mut self, rule: &MaskRule, year: i32, month: u32) -> Option<()> {
        if year != self.year {
            *self = YearInfo::new(rule, year, month)?;
        } else if month != self.month {
            self.nth_weekdays = self.nth_weekday_mask(rule, month);
            self.month = month;
        }
        Some(())
    }

    /// Weekday of day `i`, 0 Monday.
    pub(crate) fn weekday(&self, i: i64) -> i64 {
        self.weekday0.saturating_add(i).rem_euclid(7) // i is a day index below 800
    }

    /// dateutil's `wnomask`: the days of the wanted ISO-style weeks (weeks start on WKST;
    /// week 1 is the first with at least 4 days in the year).
    // bounded: dateutil's arithmetic kept as written for agreement; every value is a day
    // index below 400, a weekday below 7, a week number within ±54, or a year of chrono's
    // range minus one.
    #[allow(clippy::arithmetic_side_effects)]
    fn week_no_mask(&self, rule: &MaskRule) -> Vec<bool> {
        let wkst = i64::from(rule.wkst);
        let mut mask = vec![false; usize::try_from(self.len + 7).unwrap_or(0)];
        let mark_week = |mut i: i64, mask: &mut Vec<bool>| {
            for _ in 0..7 {
                if let Some(slot) = usize::try_from(i).ok().and_then(|i| mask.get_mut(i)) {
                    *slot = true;
                }
                i += 1;
                if self.weekday(i) == wkst {
                    break;
                }
            }
        };
        let first_wkst = (7 - self.weekday0 + wkst).rem_euclid(7);
        let (no1_wkst, week_year_len) = if first_wkst >= 4 {
            (0, self.len + (self.weekday0 - wkst).rem_euclid(7))
        } else {
            (first_wkst, self.len - first_wkst)
        };
        let num_weeks = week_year_len / 7 + (week_year_len % 7) / 4;
        let week_start = |n: i64| {
            if n > 1 {
                let i = no1_wkst + (n - 1) * 7;
                if no1_wkst != first_wkst {
                    i - (7 - first_wkst)
                } else {
                    i
                }
            } else {
                no1_wkst
            }
        };
        for &n in &rule.by_week_no {
            let mut n = i64::from(n);
            if n < 0 {
                n += num_weeks + 1;
            }
            if 0 < n && n <= num_weeks {
                mark_week(week_start(n), &mut mask);
            }
        }
        if rule.by_week_no.contains(&1) {
            // Week 1 of the next year may start in this one.
            let mut i = no1_wkst + num_weeks * 7;
            if no1_wkst != first_wkst {
                i -= 7 - first_wkst;
            }
            if i < self.len {
                mark_week(i, &mut mask);
            }
        }
        if no1_wkst > 0 {
            // The days before week 1 belong to the last week of the previous year.
            let last_weeks = if rule.by_week_no.contains(&-1) {
                -1
            } else {
                let prev = self.year - 1;
                let prev_weekday0 = NaiveDate::from_ymd_opt(prev, 1, 1).map_or(0, weekday_of);
                let prev_no1 = (7 - prev_weekday0 + wkst).rem_euclid(7);
                if prev_no1 >= 4 {
                    52 + ((year_len(prev) + (prev_weekday0 - wkst).rem_euclid(7)) % 7) / 4
                } else {
                    // dateutil reads this year's length here; kept for agreement.
                    52 + ((self.len - no1_wkst) % 7) / 4
                }
            };
            if rule.by_week_no.iter().any(|&n| i64::from(n) == last_weeks) {
                for slot in mask.iter_mut().take(usize::try_from(no1_wkst).unwrap_or(0)) {
                    *slot = true;
                }
            }
        }
        mask
    }

    /// dateutil's `nwdaymask`: the days that are an ordinal weekday (`2MO`, `-1FR`) of the
    /// month (MONTHLY; YEARLY with BYMONTH) or of the year (YEARLY).
    // bounded: dateutil's arithmetic kept as written; day indices are below 400, weekdays
    // below 7 and `n` within ±53 (the parser's range).
    #[allow(clippy::arithmetic_side_effects)]
    fn nth_weekday_mask(&self, rule: &MaskRule, month: u32) -> Vec<bool> {
        if rule.by_nweekday.is_empty() {
            return Vec::new();
        }
        let range = |m: u32| -> Option<(i64, i64)> {
            let i = usize::try_from(m).ok()?.checked_sub(1)?;
            Some((*self.month_starts.get(i)?, *self.month_starts.get(i + 1)?))
        };
        let ranges: Vec<(i64, i64)> = match rule.freq {
            Freq::Yearly if rule.by_month.is_empty() => vec![(0, self.len)],
            Freq::Yearly => rule
                .by_month
                .iter()
                .filter_map(|&m| range(u32::from(m)))
                .collect(),
            Freq::Monthly => range(month).into_iter().collect(),
            _ => return Vec::new(),
        };
        let mut mask = vec![false; usize::try_from(self.len).unwrap_or(0)];
        for (first, end) in ranges {
            let last = end - 1;
            for wd in &rule.by_nweekday {
                let (n, weekday) = (i64::from(wd.n), i64::from(wd.weekday));
                let i = if n < 0 {
                    let i = last + (n + 1) * 7;
                    i - (self.weekday(i) - weekday).rem_euclid(7)
                } else {
                    let i = first + (n - 1) * 7;
                    i + (7 - self.weekday(i) + weekday).rem_euclid(7)
                };
                if first <= i && i <= last {
                    if let Some(slot) = usize::try_from(i).ok().and_then(|i| mask.get_mut(i)) {
                        *slot = true;
                    }
                }
            }
        }
        mask
    }
}
