//! Reading an RRULE value (`FREQ=WEEKLY;BYDAY=WE;COUNT=4`) into a [`Rule`].
//!
//! Part names and values are case-insensitive (RFC 5545 §2); parts are separated by `;`, an
//! empty part is ignored, a part given twice is refused. `BYWEEKDAY` is read as `BYDAY`.

use chrono::{NaiveDate, NaiveDateTime};

use super::{Freq, Rule, WeekdayNum};

const WEEKDAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Parses one RRULE value (without `RRULE:` and without DTSTART). The message of an error
/// starts with `RRule parsing error: ` (as the `rrule` crate's did).
pub(crate) fn parse(text: &str) -> Result<Rule, String> {
    parse_parts(text).map_err(|m| format!("RRule parsing error: {m}"))
}

fn parse_parts(text: &str) -> Result<Rule, String> {
    let mut seen: Vec<String> = Vec::new();
    let mut freq = None;
    let mut rule = Rule {
        freq: Freq::Yearly,
        interval: 1,
        count: None,
        until: None,
        wkst: 0,
        by_set_pos: Vec::new(),
        by_month: Vec::new(),
        by_month_day: Vec::new(),
        by_year_day: Vec::new(),
        by_week_no: Vec::new(),
        by_day: Vec::new(),
        by_hour: Vec::new(),
        by_minute: Vec::new(),
        by_second: Vec::new(),
    };
    for part in text.split(';').filter(|p| !p.is_empty()) {
        let (name, value) = part
            .split_once('=')
            .ok_or_else(|| format!("`{part}` is not NAME=VALUE"))?;
        let mut name = name.trim().to_ascii_uppercase();
        if name == "BYWEEKDAY" {
            name = "BYDAY".to_owned();
        }
        if seen.contains(&name) {
            return Err(format!("{name} is given twice"));
        }
        let value = value.trim();
        match name.as_str() {
            "FREQ" => freq = Some(parse_freq(value)?),
            "INTERVAL" => {
                rule.interval = number(&name, value, 1..=u16::MAX)?;
            }
            "COUNT" => rule.count = Some(number(&name, value, 0..=u32::MAX)?),
            "UNTIL" => rule.until = Some(parse_until(value)?),
            "WKST" => rule.wkst = weekday(value).ok_or_else(|| bad(&name, value))?,
            "BYSETPOS" => rule.by_set_pos = signed_list(&name, value, 366)?,
            "BYMONTH" => rule.by_month = list(&name, value, 1..=12)?,
            "BYMONTHDAY" => rule.by_month_day = signed_list(&name, value, 31)?,
            "BYYEARDAY" => rule.by_year_day = signed_list(&name, value, 366)?,
            "BYWEEKNO" => rule.by_week_no = signed_list(&name, value, 53)?,
            "BYDAY" => rule.by_day = by_day(value)?,
            "BYHOUR" => rule.by_hour = list(&name, value, 0..=23)?,
            "BYMINUTE" => rule.by_minute = list(&name, value, 0..=59)?,
            "BYSECOND" => rule.by_second = list(&name, value, 0..=59)?,
            _ => return Err(format!("unknown rule part {name}")),
        }
        seen.push(name);
    }
    rule.freq = freq.ok_or_else(|| "FREQ is missing".to_owned())?;
    check_parts_for_freq(&rule)?;
    Ok(rule)
}

fn bad(name: &str, value: &str) -> String {
    format!("invalid {name} value `{value}`")
}

fn parse_freq(value: &str) -> Result<Freq, String> {
    match value.to_ascii_uppercase().as_str() {
        "YEARLY" => Ok(Freq::Yearly),
        "MONTHLY" => Ok(Freq::Monthly),
        "WEEKLY" => Ok(Freq::Weekly),
        "DAILY" => Ok(Freq::Daily),
        "HOURLY" => Ok(Freq::Hourly),
        "MINUTELY" | "SECONDLY" => {
            Err("FREQ=MINUTELY and FREQ=SECONDLY are not supported".to_owned())
        }
        _ => Err(format!("`{value}` is not a valid frequency.")),
    }
}

fn weekday(value: &str) -> Option<u8> {
    let upper = value.to_ascii_uppercase();
    WEEKDAYS
        .iter()
        .position(|w| *w == upper)
        .and_then(|i| u8::try_from(i).ok())
}

/// A number in `range`, digits only.
fn number<T>(name: &str, digits: &str, range: std::ops::RangeInclusive<T>) -> Result<T, String>
where
    T: std::str::FromStr + PartialOrd,
{
    let value = digits;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(name, value));
    }
    digits
        .parse::<T>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| bad(name, value))
}

fn list<T>(name: &str, value: &str, range: std::ops::RangeInclusive<T>) -> Result<Vec<T>, String>
where
    T: std::str::FromStr + PartialOrd + Copy,
{
    value
        .split(',')
        .map(|v| number(name, v.trim(), range.clone()))
        .collect()
}

/// A list of `±1..=max`, zero excluded.
fn signed_list<T>(name: &str, value: &str, max: u16) -> Result<Vec<T>, String>
where
    T: TryFrom<i32>,
{
    value
        .split(',')
        .map(|v| {
            let v = v.trim();
            let (negative, digits) = match (v.strip_prefix('-'), v.strip_prefix('+')) {
                (Some(rest), _) => (true, rest),
                (None, Some(rest)) => (false, rest),
                (None, None) => (false, v),
            };
            let n: u16 = number(name, digits, 1..=max)?;
            let n = if negative {
                0i32.saturating_sub(i32::from(n))
            } else {
                i32::from(n)
            };
            T::try_from(n).map_err(|_| bad(name, v))
        })
        .collect()
}

fn by_day(value: &str) -> Result<Vec<WeekdayNum>, String> {
    value
        .split(',')
        .map(|v| {
            let v = v.trim();
            let split = v.len().saturating_sub(2);
            let (Some(ordinal), Some(day)) = (v.get(..split), v.get(split..)) else {
                return Err(bad("BYDAY", v));
            };
            let weekday = weekday(day).ok_or_else(|| bad("BYDAY", v))?;
            let n = match ordinal {
                "" => 0,
                o => signed_list::<i8>("BYDAY", o, 53)?
                    .first()
                    .copied()
                    .ok_or_else(|| bad("BYDAY", v))?,
            };
            Ok(WeekdayNum { n, weekday })
        })
        .collect()
}

/// `YYYYMMDDTHHMMSSZ`: UTC is required, as RFC 5545 requires when DTSTART has a zone.
fn parse_until(value: &str) -> Result<NaiveDateTime, String> {
    let upper = value.to_ascii_uppercase();
    let Some(body) = upper.strip_suffix('Z') else {
        return Err(format!(
            "UNTIL `{value}` must be a UTC date-time (YYYYMMDDTHHMMSSZ)"
        ));
    };
    let field = |range: std::ops::Range<usize>| -> Option<u32> {
        body.get(range)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse().ok())
    };
    let parsed = (body.len() == 15 && body.get(8..9) == Some("T"))
        .then(|| {
            let date = NaiveDate::from_ymd_opt(
                i32::try_from(field(0..4)?).ok()?,
                field(4..6)?,
                field(6..8)?,
            )?;
            date.and_hms_opt(field(9..11)?, field(11..13)?, field(13..15)?)
        })
        .flatten();
    parsed.ok_or_else(|| bad("UNTIL", value))
}

/// The parts RFC 5545 §3.3.10 forbids for a frequency.
fn check_parts_for_freq(rule: &Rule) -> Result<(), String> {
    let refuse = |part: &str| Err(format!("{part} cannot be used with this FREQ"));
    if !rule.by_week_no.is_empty() && rule.freq != Freq::Yearly {
        return refuse("BYWEEKNO");
    }
    if !rule.by_year_day.is_empty()
        && matches!(rule.freq, Freq::Monthly | Freq::Weekly | Freq::Daily)
    {
        return refuse("BYYEARDAY");
    }
    if !rule.by_month_day.is_empty() && rule.freq == Freq::Weekly {
        return refuse("BYMONTHDAY");
    }
    let ordinal = |d: &WeekdayNum| d.n != 0;
    if rule.freq <= Freq::Monthly
        && rule.by_day.iter().any(ordinal)
        && !rule.by_day.iter().all(ordinal)
    {
        // RFC 5545 reads `SA,-1WE` as a union, python-dateutil (and the rrule crate before)
        // as an intersection, which is never: refused rather than read either way.
        return Err(
            "BYDAY mixes weekdays with and without an ordinal (`SA,-1WE`); \
                    calendar programs read that differently: use two schedules or `dates`"
                .to_owned(),
        );
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_part() {
        let r = parse(
            "freq=monthly;interval=2;count=10;wkst=su;bysetpos=-1,2;bymonth=1,12;\
             bymonthday=-1,15;byday=-1fr,+2MO,1TU;byhour=9;byminute=30;bysecond=0",
        )
        .unwrap();
        assert_eq!(r.freq, Freq::Monthly);
        assert_eq!((r.interval, r.count, r.wkst), (2, Some(10), 6));
        assert_eq!(r.by_set_pos, vec![-1, 2]);
        assert_eq!(r.by_month_day, vec![-1, 15]);
        assert_eq!(
            r.by_day,
            vec![
                WeekdayNum { n: -1, weekday: 4 },
                WeekdayNum { n: 2, weekday: 0 },
                WeekdayNum { n: 1, weekday: 1 }
            ]
        );
        let u = parse("FREQ=YEARLY;BYWEEKNO=20;BYYEARDAY=-366;UNTIL=20061231T160000Z").unwrap();
        assert_eq!(
            u.until.unwrap().to_string(),
            "2006-12-31 16:00:00".to_owned()
        );
        assert!(parse("FREQ=DAILY").unwrap().is_unbounded());
        // Ordinals are ignored below MONTHLY, so mixing them there is no ambiguity.
        assert!(parse("FREQ=WEEKLY;BYDAY=SA,-1WE").is_ok());
    }

    #[test]
    fn refuses_what_rfc_5545_refuses() {
        for bad in [
            "",
            "COUNT=3",
            "FREQ=FORTNIGHTLY",
            "FREQ=MINUTELY",
            "FREQ=SECONDLY;COUNT=2",
            "FREQ=DAILY;FREQ=DAILY",
            "FREQ=DAILY;BYEASTER=0",
            "FREQ=DAILY;INTERVAL=0",
            "FREQ=DAILY;INTERVAL=-1",
            "FREQ=DAILY;COUNT=x",
            "FREQ=DAILY;UNTIL=20061231",
            "FREQ=DAILY;UNTIL=20061231T160000",
            "FREQ=DAILY;UNTIL=20061331T160000Z",
            "FREQ=WEEKLY;BYDAY=XX",
            "FREQ=MONTHLY;BYDAY=0MO",
            "FREQ=MONTHLY;BYDAY=54MO",
            "FREQ=MONTHLY;BYMONTHDAY=0",
            "FREQ=MONTHLY;BYMONTHDAY=32",
            "FREQ=YEARLY;BYMONTH=13",
            "FREQ=YEARLY;BYYEARDAY=367",
            "FREQ=YEARLY;BYSETPOS=0",
            "FREQ=DAILY;BYHOUR=24",
            "FREQ=DAILY;BYSECOND=60",
            "FREQ=MONTHLY;BYWEEKNO=1",
            "FREQ=DAILY;BYYEARDAY=1",
            "FREQ=WEEKLY;BYMONTHDAY=1",
            "FREQ=DAILY;BYMONTH=",
            "FREQ=DAILY;SOMETHING",
            "FREQ=DAILY;BYHOUR=+1",
            "FREQ=MONTHLY;BYDAY=+-1MO",
            "FREQ=MONTHLY;BYDAY=é",
            "FREQ=MONTHLY;BYDAY=SA,-1WE",
            "FREQ=YEARLY;BYDAY=MO,20MO",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
