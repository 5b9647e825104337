//! The engine on RFC 5545's own examples (§3.8.5.3, with their DTSTARTs), and its invariants
//! on random rules: ordered, from DTSTART, within COUNT, every BYxxx respected, terminating.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use proptest::prelude::*;

use super::expand::Recurrence;
use super::parse::parse;

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").unwrap()
}

/// The first `n` occurrences (before 2100) as `YYYYMMDDTHHMM`.
fn expand(rule: &str, start: &str, n: usize) -> Vec<String> {
    let rule = parse(rule).unwrap();
    let end = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
    let mut rec = Recurrence::new(&rule, at(start), end).unwrap();
    let mut out = Vec::new();
    while out.len() < n {
        match rec.next_start().unwrap() {
            Some(t) => out.push(t.format("%Y%m%dT%H%M").to_string()),
            None => break,
        }
    }
    out
}

fn days(list: &str) -> Vec<String> {
    list.split_whitespace()
        .map(|d| format!("{d}T0900"))
        .collect()
}

#[test]
fn rfc_5545_examples() {
    let cases: &[(&str, &str, usize, &str)] = &[
        ("FREQ=DAILY;COUNT=10", "19970902T090000", 99,
         "19970902 19970903 19970904 19970905 19970906 19970907 19970908 19970909 19970910 19970911"),
        ("FREQ=DAILY;INTERVAL=10;COUNT=5", "19970902T090000", 99,
         "19970902 19970912 19970922 19971002 19971012"),
        ("FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", "19970902T090000", 99,
         "19970902 19970904 19970909 19970911 19970916 19970918 19970923 19970925 19970930 19971002"),
        ("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "19970805T090000", 99,
         "19970805 19970810 19970819 19970824"),
        ("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "19970805T090000", 99,
         "19970805 19970817 19970819 19970831"),
        ("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "19970905T090000", 99,
         "19970905 19971003 19971107 19971205 19980102 19980206 19980306 19980403 19980501 19980605"),
        ("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "19970907T090000", 99,
         "19970907 19970928 19971102 19971130 19980104 19980125 19980301 19980329 19980503 19980531"),
        ("FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "19970922T090000", 99,
         "19970922 19971020 19971117 19971222 19980119 19980216"),
        ("FREQ=MONTHLY;BYMONTHDAY=-3", "19970928T090000", 6,
         "19970928 19971029 19971128 19971229 19980129 19980226"),
        ("FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "20070115T090000", 99,
         "20070115 20070130 20070215 20070315 20070330"),
        ("FREQ=YEARLY;BYDAY=20MO", "19970519T090000", 3, "19970519 19980518 19990517"),
        ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "19970512T090000", 3, "19970512 19980511 19990517"),
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "19970313T090000", 7,
         "19970313 19970320 19970327 19980305 19980312 19980319 19980326"),
        ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "19970902T090000", 5,
         "19980213 19980313 19981113 19990813 20001013"),
        ("FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", "19970913T090000", 10,
         "19970913 19971011 19971108 19971213 19980110 19980207 19980307 19980411 19980509 19980613"),
        ("FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "19961105T090000", 3,
         "19961105 20001107 20041102"),
        ("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "19970904T090000", 99,
         "19970904 19971007 19971106"),
        ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "19970929T090000", 7,
         "19970929 19971030 19971127 19971230 19980129 19980226 19980330"),
        ("FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "19970310T090000", 99,
         "19970310 19990110 19990210 19990310 20010110 20010210 20010310 20030110 20030210 20030310"),
        ("FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", "19970101T090000", 99,
         "19970101 19970410 19970719 20000101 20000409 20000718 20030101 20030410 20030719 20060101"),
    ];
    for (rule, start, n, want) in cases {
        assert_eq!(expand(rule, start, *n), days(want), "{rule}");
    }
    assert_eq!(
        expand("FREQ=HOURLY;INTERVAL=3;COUNT=3", "19970902T090000", 9),
        ["19970902T0900", "19970902T1200", "19970902T1500"]
    );
    assert_eq!(
        expand(
            "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
            "19970902T090000",
            4
        ),
        [
            "19970902T0900",
            "19970902T0920",
            "19970902T0940",
            "19970902T1000"
        ]
    );
}

#[test]
fn rules_that_never_match_end_at_once() {
    let end = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for text in [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31",
        "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=HOURLY;BYSETPOS=5",
        "FREQ=WEEKLY;BYMONTH=2;BYDAY=MO;BYSETPOS=9",
        "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6",
    ] {
        let rule = parse(text).unwrap();
        let mut rec = Recurrence::new(&rule, at("20060101T100000"), end).unwrap();
        assert_eq!(rec.next_start(), Ok(None), "{text}");
    }
    let rule = parse("FREQ=HOURLY;INTERVAL=2;BYHOUR=3").unwrap();
    assert!(Recurrence::new(&rule, at("20060101T100000"), end).is_err());
}

#[test]
fn hourly_steps_in_wall_clock_hours() {
    // The engine knows no zone: 02:00 on a spring-forward day is produced, and the caller
    // reads it forward (the schedule module); 24 hours a day, every day.
    let out = expand("FREQ=HOURLY;COUNT=30", "20260328T230000", 99);
    assert_eq!(out.len(), 30);
    assert!(out.contains(&"20260329T0200".to_owned()));
}

fn rule_strategy() -> impl Strategy<Value = String> {
    let freq = prop_oneof![
        Just("YEARLY"),
        Just("MONTHLY"),
        Just("WEEKLY"),
        Just("DAILY"),
        Just("HOURLY")
    ];
    let list = |range: std::ops::RangeInclusive<i32>| {
        proptest::option::of(proptest::collection::vec(range, 1..4))
    };
    (
        freq,
        1u16..4,
        list(1..=12),
        list(-31..=31),
        list(0..=6),
        list(-5..=5),
        list(0..=23),
        list(0..=59),
        list(-6..=6),
        0u8..7,
    )
        .prop_map(
            |(freq, interval, months, mdays, wdays, ordinals, hours, minutes, setpos, wkst)| {
                let join = |v: &[i32]| {
                    v.iter()
                        .filter(|&&x| x != 0)
                        .map(i32::to_string)
                        .collect::<Vec<_>>()
                        .join(",")
                };
                let names = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
                let mut r = format!(
                    "FREQ={freq};INTERVAL={interval};WKST={}",
                    names[usize::from(wkst)]
                );
                let mut add = |k: &str, v: Option<String>| {
                    if let Some(v) = v.filter(|v| !v.is_empty()) {
                        r.push_str(&format!(";{k}={v}"));
                    }
                };
                add("BYMONTH", months.map(|v| join(&v)));
                if freq != "WEEKLY" {
                    add("BYMONTHDAY", mdays.map(|v| join(&v)));
                }
                add(
                    "BYDAY",
                    wdays.map(|v| {
                        v.iter()
                            .enumerate()
                            .map(|(k, d)| {
                                // All entries with an ordinal, or none (mixing is refused).
                                let n = ordinals.as_ref().map_or(0, |o| {
                                    o.get(k % o.len()).copied().filter(|&n| n != 0).unwrap_or(1)
                                });
                                let name = names[usize::try_from(*d).unwrap()];
                                if n == 0 {
                                    name.to_owned()
                                } else {
                                    format!("{n}{name}")
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(",")
                    }),
                );
                if freq != "HOURLY" {
                    add(
                        "BYHOUR",
                        hours
                            .map(|v| join(&v))
                            .map(|s| if s.is_empty() { "0".into() } else { s }),
                    );
                }
                add(
                    "BYMINUTE",
                    minutes
                        .map(|v| join(&v))
                        .map(|s| if s.is_empty() { "0".into() } else { s }),
                );
                add("BYSETPOS", setpos.map(|v| join(&v)));
                r
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn expansion_invariants(
        text in rule_strategy(),
        day in 0i64..800,
        hour in 0u32..24,
        count in proptest::option::of(1u32..60),
    ) {
        let text = match count { Some(c) => format!("{text};COUNT={c}"), None => text };
        let rule = parse(&text).unwrap();
        let start = NaiveDate::from_ymd_opt(2005, 1, 1).unwrap() + chrono::Duration::days(day);
        let start = start.and_hms_opt(hour, 15, 0).unwrap();
        let end = NaiveDate::from_ymd_opt(2008, 1, 1).unwrap();
        let mut rec = Recurrence::new(&rule, start, end).unwrap();
        let mut out: Vec<NaiveDateTime> = Vec::new();
        while let Some(t) = rec.next_start().unwrap() {
            out.push(t);
            if out.len() >= 3_000 {
                break;
            }
        }
        prop_assert!(out.windows(2).all(|w| w[0] < w[1]), "not increasing");
        prop_assert!(out.iter().all(|t| *t >= start), "before DTSTART");
        if let Some(c) = count {
            prop_assert!(out.len() <= c as usize);
        }
        let by_set_pos = !rule.by_set_pos.is_empty();
        for t in &out {
            if !rule.by_month.is_empty() {
                prop_assert!(rule.by_month.contains(&u8::try_from(t.month()).unwrap()));
            }
            let wd = u8::try_from(t.weekday().num_days_from_monday()).unwrap();
            if !rule.by_day.is_empty() {
                prop_assert!(rule.by_day.iter().any(|d| d.weekday == wd), "{t} weekday");
            }
            if !rule.by_minute.is_empty() {
                prop_assert!(rule.by_minute.contains(&u8::try_from(t.minute()).unwrap()));
            } else {
                prop_assert_eq!(t.minute(), 15);
            }
            if !rule.by_hour.is_empty() {
                prop_assert!(rule.by_hour.contains(&u8::try_from(t.hour()).unwrap()));
            } else if rule.freq != super::Freq::Hourly {
                prop_assert_eq!(t.hour(), hour);
            }
            if !by_set_pos && rule.by_month_day.iter().all(|&d| d > 0) && !rule.by_month_day.is_empty() {
                prop_assert!(rule.by_month_day.contains(&i8::try_from(t.day()).unwrap()));
            }
        }
    }
}
