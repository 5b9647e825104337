//! iCalendar (RFC 5545) export, written by hand for bit-for-bit deterministic output.
//!
//! One VEVENT per occurrence of the plan year (no RRULE in the output, so every client shows
//! exactly the sessions [`Plan::occurrences`] lists). Lines end in CRLF and are folded at 75
//! octets; TEXT values are escaped; timed events use `TZID=` of the plan's zone, described by
//! a VTIMEZONE with every offset change of the plan year; all-day occurrences use
//! `VALUE=DATE`. UIDs are `<occurrence id>@<plan id>`; DTSTAMP is the caller's stamp.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::document::{Plan, Status};
use super::error::PlanError;
use super::schedule::parse_tz;
use super::zone::Zone;

/// Options of [`Plan::to_ics`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IcsOptions {
    /// DTSTAMP of every event (RFC 3339, e.g. `2006-03-01T00:00:00Z`); the caller's clock.
    pub stamp: DateTime<FixedOffset>,
    /// Only this program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets, with CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0usize;
    for c in content.chars() {
        let len = c.len_utf8();
        if width.saturating_add(len) > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width = width.saturating_add(len); // at most 75 + 4
    }
    out.push_str("\r\n");
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

fn offset_at(tz: &Zone, at: DateTime<Utc>) -> (i32, bool, Option<String>) {
    let off = tz.offset_from_utc_datetime(&at.naive_utc());
    (
        off.fix().local_minus_utc(),
        off.is_dst(),
        off.abbreviation().map(str::to_owned),
    )
}

/// Writes a VTIMEZONE with the offset in force at the start of `year` and every change in it.
fn vtimezone(out: &mut String, tz: &Zone, year: i32) {
    line(out, "BEGIN:VTIMEZONE");
    line(out, &format!("TZID:{}", tz.name()));
    let component =
        |out: &mut String, start: String, from: i32, to: (i32, bool, Option<String>)| {
            let kind = if to.1 { "DAYLIGHT" } else { "STANDARD" };
            line(out, &format!("BEGIN:{kind}"));
            line(out, &format!("DTSTART:{start}"));
            line(out, &format!("TZOFFSETFROM:{}", offset_text(from)));
            line(out, &format!("TZOFFSETTO:{}", offset_text(to.0)));
            if let Some(name) = &to.2 {
                line(out, &format!("TZNAME:{}", escape(name)));
            }
            line(out, &format!("END:{kind}"));
        };
    let Some(begin) = NaiveDate::from_ymd_opt(year, 1, 1)
        .map(|d| Utc.from_utc_datetime(&d.and_time(chrono::NaiveTime::MIN)))
    else {
        line(out, "END:VTIMEZONE");
        return;
    };
    let first = offset_at(tz, begin);
    component(out, "19700101T000000".to_owned(), first.0, first.clone());
    let mut previous = first;
    let mut day = begin;
    for _ in 0..367 {
        let Some(next) = day.checked_add_signed(Duration::days(1)) else {
            break;
        };
        let at_next = offset_at(tz, next);
        if at_next.0 != previous.0 || at_next.1 != previous.1 {
            // Binary search the first minute of the day with the new offset.
            let (mut lo, mut hi) = (0i64, 1440i64);
            while lo < hi {
                let mid = lo.saturating_add(hi) / 2; // 0 <= lo < hi <= 1440
                let probe = offset_at(
                    tz,
                    day.checked_add_signed(Duration::minutes(mid))
                        .unwrap_or(day),
                );
                if probe.0 == previous.0 && probe.1 == previous.1 {
                    lo = mid.saturating_add(1);
                } else {
                    hi = mid;
                }
            }
            let change = day
                .checked_add_signed(Duration::minutes(lo))
                .unwrap_or(next);
            let local = change
                .naive_utc()
                .checked_add_signed(Duration::seconds(i64::from(previous.0)))
                .unwrap_or(change.naive_utc());
            let now = offset_at(tz, change);
            component(
                out,
                local.format("%Y%m%dT%H%M%S").to_string(),
                previous.0,
                now.clone(),
            );
            previous = now;
        }
        day = next;
    }
    line(out, "END:VTIMEZONE");
}

impl Plan {
    /// The plan's (or one program's) occurrences in its year, as an iCalendar document.
    ///
    /// Errors: `unknown_reference` (unknown program), `invalid_timezone`, `invalid_schedule`,
    /// `too_large`.
    pub fn to_ics(&self, options: &IcsOptions) -> Result<String, PlanError> {
        let tz = parse_tz(&self.timezone).ok_or_else(|| PlanError::InvalidTimezone {
            path: "timezone".to_owned(),
            name: self.timezone.clone(),
        })?;
        if let Some(p) = &options.program {
            if !self.programs.iter().any(|x| &x.id == p) {
                return Err(PlanError::UnknownReference {
                    path: "program".to_owned(),
                    what: "program",
                    id: p.clone(),
                });
            }
        }
        let range = |y: i32| {
            NaiveDate::from_ymd_opt(y, 1, 1).ok_or(PlanError::InvalidRange {
                path: "year".to_owned(),
            })
        };
        let expanded = self.expand(
            range(self.year)?,
            range(self.year.saturating_add(1))?,
            options.program.as_deref(),
        )?;
        let stamp = options
            .stamp
            .with_timezone(&Utc)
            .format("%Y%m%dT%H%M%SZ")
            .to_string();
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(&mut out, "PRODID:-//huaide//plan//EN");
        line(&mut out, "CALSCALE:GREGORIAN");
        line(&mut out, "METHOD:PUBLISH");
        let name = self.title.as_deref().unwrap_or(&self.community);
        line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
        if expanded.iter().any(|e| !e.occurrence.all_day) {
            vtimezone(&mut out, &tz, self.year);
        }
        for e in &expanded {
            let o = &e.occurrence;
            let Some(program) = self.programs.get(e.program_index) else {
                continue;
            };
            line(&mut out, "BEGIN:VEVENT");
            line(
                &mut out,
                &format!("UID:{}", escape(&format!("{}@{}", o.id, self.id))),
            );
            line(&mut out, &format!("DTSTAMP:{stamp}"));
            if o.all_day {
                line(
                    &mut out,
                    &format!("DTSTART;VALUE=DATE:{}", e.start_local.format("%Y%m%d")),
                );
                line(
                    &mut out,
                    &format!("DTEND;VALUE=DATE:{}", e.end_local.format("%Y%m%d")),
                );
            } else {
                line(
                    &mut out,
                    &format!(
                        "DTSTART;TZID={}:{}",
                        tz.name(),
                        e.start_local.format("%Y%m%dT%H%M%S")
                    ),
                );
                line(
                    &mut out,
                    &format!(
                        "DTEND;TZID={}:{}",
                        tz.name(),
                        e.end_local.format("%Y%m%dT%H%M%S")
                    ),
                );
            }
            line(&mut out, &format!("SUMMARY:{}", escape(&program.title)));
            if let Some(d) = &program.description {
                line(&mut out, &format!("DESCRIPTION:{}", escape(d)));
            }
            let venues: Vec<&str> = program
                .venues
                .iter()
                .map(|v| {
                    self.venues
                        .iter()
                        .find(|x| &x.id == v)
                        .map_or(v.as_str(), |x| x.name.as_str())
                })
                .collect();
            if !venues.is_empty() {
                line(
                    &mut out,
                    &format!("LOCATION:{}", escape(&venues.join(", "))),
                );
            }
            line(
                &mut out,
                &format!("CATEGORIES:{}", program.kind.as_str().to_ascii_uppercase()),
            );
            if program.confidential {
                line(&mut out, "CLASS:CONFIDENTIAL");
            }
            let status = match program.status {
                Status::Planned => "CONFIRMED",
                Status::Cancelled => "CANCELLED",
            };
            line(&mut out, &format!("STATUS:{status}"));
            line(&mut out, "END:VEVENT");
        }
        line(&mut out, "END:VCALENDAR");
        Ok(out)
    }
}
