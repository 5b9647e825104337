//! Cell values as users write them: dates in many spellings, lists in one cell, ordinals.
//!
//! **Dates** (`parse_date`): ISO (`2006-03-09`), slashes or dots (`2006/3/9`, `2006.3.9`),
//! Chinese (`2006年3月9日`), eight digits (`20060309`), a spreadsheet date cell, or a number
//! that is an Excel date serial (`38785`). **Date-times** (`parse_datetime`) add a time
//! (`14:05`, `14:05:33`, `2:05:33 PM`, `下午2:05`, `14时05分`), RFC 3339 with an offset, and
//! the US order of Google Forms' English exports (`3/9/2006 14:05:33`: month first when the
//! year comes last); a trailing `GMT+8`/`UTC+08:00` gives the offset.

use crate::plan::zone::Zone;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::grid::Cell;
use super::source::serial_date;

/// The separators of a list in one cell: `,`, `，`, `、`, `;`, `；`, `|`, `┋` (问卷星), new
/// lines.
pub const LIST_SEPARATORS: &[char] = &[',', '，', '、', ';', '；', '|', '┋', '\n'];

/// Splits a list cell on [`LIST_SEPARATORS`] (or `extra`), trimming and dropping empties.
pub fn split_list(text: &str, extra: &[char]) -> Vec<String> {
    text.split(|c| LIST_SEPARATORS.contains(&c) || extra.contains(&c))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A date from a cell; `None` when it is no date.
pub fn parse_date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(d.date()),
        Cell::Number(n) => date_of_number(*n),
        Cell::Text(t) => parse_date_text(t),
        Cell::Empty | Cell::Bool(_) => None,
    }
}

fn date_of_number(n: f64) -> Option<NaiveDate> {
    if n.fract() == 0.0 && (19_000_101.0..=99_991_231.0).contains(&n) {
        let v = n as u32;
        return NaiveDate::from_ymd_opt((v / 10_000) as i32, v / 100 % 100, v % 100);
    }
    if n >= 1.0 {
        serial_date(n).map(|d| d.date())
    } else {
        None
    }
}

fn parse_date_text(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        return date_of_number(t.parse::<f64>().ok()?);
    }
    let (date, rest) = split_date_time(t);
    if !rest.trim().is_empty() {
        // A date-time in a date column: the date counts only at midnight.
        let dt = parse_naive_datetime(t)?;
        return (dt.time() == NaiveTime::MIN).then(|| dt.date());
    }
    parse_date_part(date)
}

/// Splits `2006年3月9日 14:05` / `2006-03-09T14:05` into its date and the rest.
fn split_date_time(t: &str) -> (&str, &str) {
    if let Some(i) = t.find('日') {
        let end = i.saturating_add('日'.len_utf8());
        return (t.get(..end).unwrap_or(t), t.get(end..).unwrap_or(""));
    }
    let cut = t
        .char_indices()
        .find(|&(i, c)| c == ' ' || (c == 'T' && i > 0))
        .map(|(i, _)| i);
    match cut {
        Some(i) => (
            t.get(..i).unwrap_or(t),
            t.get(i.saturating_add(1)..).unwrap_or(""),
        ),
        None => (t, ""),
    }
}

fn parse_date_part(date: &str) -> Option<NaiveDate> {
    let normal: String = date
        .trim()
        .chars()
        .filter(|&c| c != '日' && c != '号')
        .map(|c| match c {
            '年' | '月' | '/' | '.' => '-',
            c => c,
        })
        .collect();
    let parts: Vec<&str> = normal.split('-').map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (y, m, d) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 {
        // Month first, as Google Forms' English exports write it.
        (num(c)?, num(a)?, num(b)?)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    let mut t = text.trim().to_ascii_uppercase();
    let mut pm = None;
    for (marker, is_pm) in [
        ("PM", true),
        ("AM", false),
        ("下午", true),
        ("上午", false),
        ("晚上", true),
        ("中午", true),
    ] {
        if t.contains(marker) {
            t = t.replace(marker, "");
            pm = Some(is_pm);
        }
    }
    let normal: String = t
        .trim()
        .chars()
        .filter(|&c| c != '秒')
        .map(|c| match c {
            '时' | '點' | '点' | '分' | '：' => ':',
            c => c,
        })
        .collect();
    let parts: Vec<&str> = normal
        .trim_end_matches(':')
        .split(':')
        .map(str::trim)
        .collect();
    let num = |s: &str| s.parse::<f64>().ok().filter(|v| *v >= 0.0);
    let (h, m, s) = match parts.as_slice() {
        [h] => (num(h)?, 0.0, 0.0),
        [h, m] => (num(h)?, num(m)?, 0.0),
        [h, m, s] => (num(h)?, num(m)?, num(s)?),
        _ => return None,
    };
    let mut hour = h as u32;
    match pm {
        Some(true) if hour < 12 => hour = hour.saturating_add(12),
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    let millis = ((s - s.floor()) * 1000.0).round() as u32;
    NaiveTime::from_hms_milli_opt(hour, m as u32, s.floor() as u32, millis)
}

/// Splits a trailing offset (`GMT+8`, `UTC+08:00`, `+08:00`, `Z`) from a date-time text.
fn split_offset(t: &str) -> (&str, Option<FixedOffset>) {
    let t = t.trim();
    for prefix in ["GMT", "UTC"] {
        if let Some(i) = t.rfind(prefix) {
            let zone = t.get(i.saturating_add(prefix.len())..).unwrap_or("").trim();
            let head = t.get(..i).unwrap_or(t);
            if zone.is_empty() {
                return (head, FixedOffset::east_opt(0));
            }
            if let Some(offset) = offset_of(zone) {
                return (head, Some(offset));
            }
        }
    }
    if let Some(head) = t.strip_suffix('Z') {
        if head.contains(':') {
            return (head, FixedOffset::east_opt(0));
        }
    }
    if let Some(i) = t.rfind(['+', '-']) {
        let zone = t.get(i..).unwrap_or("");
        if i > 10
            && zone.len() >= 3
            && zone
                .get(1..)
                .is_some_and(|z| z.chars().all(|c| c.is_ascii_digit() || c == ':'))
        {
            if let Some(offset) = offset_of(zone) {
                return (t.get(..i).unwrap_or(t), Some(offset));
            }
        }
    }
    (t, None)
}

fn offset_of(zone: &str) -> Option<FixedOffset> {
    let sign: i32 = match zone.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let body = zone.get(1..)?;
    let (h, m) = match body.split_once(':') {
        Some((h, m)) => (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?),
        None if body.len() == 4 => (body.get(..2)?.parse().ok()?, body.get(2..)?.parse().ok()?),
        None => (body.parse::<i32>().ok()?, 0),
    };
    let seconds = h.checked_mul(3600)?.checked_add(m.checked_mul(60)?)?;
    FixedOffset::east_opt(sign.checked_mul(seconds)?)
}

fn parse_naive_datetime(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = split_date_time(text.trim());
    let date = parse_date_part(date)?;
    let time = if time.trim().is_empty() {
        NaiveTime::MIN
    } else {
        parse_time(time)?
    };
    Some(date.and_time(time))
}

/// A date-time from a cell, in `zone` when the cell has no offset of its own; `None` when
/// it is no date-time.
pub(crate) fn parse_datetime(cell: &Cell, zone: &Zone) -> Option<DateTime<FixedOffset>> {
    let (naive, offset) = match cell {
        Cell::Date(d) => (*d, None),
        Cell::Number(n) if *n >= 1.0 => (serial_date(*n)?, None),
        Cell::Text(t) => {
            if let Ok(dt) = DateTime::parse_from_rfc3339(t.trim()) {
                return Some(dt);
            }
            let (head, offset) = split_offset(t);
            (parse_naive_datetime(head)?, offset)
        }
        _ => return None,
    };
    match offset {
        Some(offset) => offset.from_local_datetime(&naive).single(),
        None => (&zone)
            .from_local_datetime(&naive)
            .earliest()
            .map(|dt| dt.fixed_offset()),
    }
}

/// Ordinal words and numbers: `1`, `1st`, `first`, `一`, `第一`, `十二`; `None` otherwise.
pub fn ordinal(text: &str) -> Option<u32> {
    let t = text.trim().to_ascii_lowercase();
    let t = t
        .trim_start_matches('第')
        .trim_end_matches(['位', '名', '.']);
    if let Ok(n) = t.parse::<u32>() {
        return (n > 0).then_some(n);
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(n) = t.strip_suffix(suffix).and_then(|n| n.parse::<u32>().ok()) {
            return (n > 0).then_some(n);
        }
    }
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    if let Some(i) = WORDS.iter().position(|w| *w == t) {
        return Some(crate::tables::finding::one_based(i));
    }
    chinese_number(t)
}

fn chinese_number(t: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let chars: Vec<char> = t.chars().collect();
    let n = match chars.as_slice() {
        [c] if *c == '十' => 10,
        [c] => digit(*c)?,
        // Digits are 0..=9: at most 99.
        ['十', u] => digit(*u)?.saturating_add(10),
        [t, '十'] => digit(*t)?.saturating_mul(10),
        [t, '十', u] => digit(*t)?.saturating_mul(10).saturating_add(digit(*u)?),
        _ => return None,
    };
    (n > 0).then_some(n)
}

/// A header normalised for matching: lower case, no spaces, `_`, `-`, `*`, colons or
/// brackets.
pub fn normalize_header(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '_' | '-' | '*' | ':' | '：' | '(' | ')' | '（' | '）')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> String {
        parse_date(&Cell::text(s))
            .map(|d| d.to_string())
            .unwrap_or_default()
    }

    /// An offset of millions of hours overflowed `i32` (a panic in debug builds, a wrapped
    /// offset in release); it is no offset at all.
    #[test]
    fn huge_offsets_are_not_offsets() {
        for zone in ["+99999999", "+99999999:00", "-2147483647:59", "+0:99999999"] {
            assert_eq!(offset_of(zone), None, "{zone}");
        }
        assert_eq!(split_offset("2006-03-01 08:00 UTC+99999999").1, None);
        assert_eq!(offset_of("+08:00"), FixedOffset::east_opt(8 * 3600));
    }

    #[test]
    fn dates() {
        for s in [
            "2006-03-09",
            "2006/3/9",
            "2006.3.9",
            "2006年3月9日",
            "20060309",
            "38785",
            "3/9/2006",
            "2006-03-09 00:00",
        ] {
            assert_eq!(d(s), "2006-03-09", "{s}");
        }
        for s in ["2006-02-30", "yesterday", "9/3", "2006-03-09 14:00", ""] {
            assert_eq!(d(s), "", "{s}");
        }
        assert_eq!(
            parse_date(&Cell::Number(38785.0)).unwrap().to_string(),
            "2006-03-09"
        );
    }

    #[test]
    fn datetimes() {
        let tz = Zone::parse("Asia/Shanghai").unwrap();
        let dt = |s: &str| {
            parse_datetime(&Cell::text(s), &tz)
                .map(|d| d.to_rfc3339())
                .unwrap_or_default()
        };
        assert_eq!(dt("2006/3/9 14:05:33"), "2006-03-09T14:05:33+08:00");
        assert_eq!(dt("2006年3月9日 下午2:05"), "2006-03-09T14:05:00+08:00");
        assert_eq!(dt("3/9/2006 2:05:33 PM GMT+1"), "2006-03-09T14:05:33+01:00");
        assert_eq!(dt("2006-03-09T14:05:00Z"), "2006-03-09T14:05:00+00:00");
        assert_eq!(dt("2006-03-09 14:05:00+08:00"), "2006-03-09T14:05:00+08:00");
        assert_eq!(dt("2006/3/9 25:00"), "");
    }

    #[test]
    fn ordinals_and_lists() {
        assert_eq!(ordinal("1st"), Some(1));
        assert_eq!(ordinal("第三"), Some(3));
        assert_eq!(ordinal("十二"), Some(12));
        assert_eq!(ordinal("Second"), Some(2));
        assert_eq!(ordinal("pottery"), None);
        assert_eq!(
            split_list("陶艺、 二胡┋钢琴,", &[]),
            vec!["陶艺", "二胡", "钢琴"]
        );
    }
}
