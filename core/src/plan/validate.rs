//! Static validation: ids, references, capacities, windows, schedules, conditions.
//! Checks that need expanded occurrences live in [`super::conflicts`].

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::audience::{walk, Rule};
use super::conflicts;
use super::document::{Measure, Plan, Program, ProgramKind};
use super::finding::{Finding, ValidationReport};
use super::schedule::{parse_rrule, parse_tz, start_rule, StartError, MAX_ALL_DAY_DAYS};
use super::zone::Zone;

/// Most programs a plan may have; larger plans get one `too_large` finding and no further
/// checks, and a `too_large` error from every expansion. (A recurrence that rarely matches may
/// step through many periods, so the program count bounds the work.)
pub const MAX_PROGRAMS: usize = 500;

/// Reports empty and duplicate ids of one collection.
fn check_ids<'a>(out: &mut Vec<Finding>, base: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        let path = format!("{base}[{i}].id");
        if id.trim().is_empty() {
            out.push(Finding::error("empty_id", path, "the id is empty"));
        } else if !seen.insert(id) {
            out.push(Finding::error(
                "duplicate_id",
                path,
                format!("id {id:?} is used twice"),
            ));
        }
    }
}

fn check_ref(out: &mut Vec<Finding>, known: &BTreeSet<&str>, path: String, what: &str, id: &str) {
    if !known.contains(id) {
        out.push(Finding::error(
            "unknown_reference",
            path,
            format!("unknown {what} {id:?}"),
        ));
    }
}

fn check_refs(
    out: &mut Vec<Finding>,
    known: &BTreeSet<&str>,
    base: &str,
    what: &str,
    ids: &[String],
) {
    for (i, id) in ids.iter().enumerate() {
        check_ref(out, known, format!("{base}[{i}]"), what, id);
    }
}

fn check_slots(out: &mut Vec<Finding>, base: &str, slots: &[super::calendar::Slot]) {
    for (i, slot) in slots.iter().enumerate() {
        if let (Some(from), Some(to)) = (slot.from, slot.to) {
            if to <= from {
                out.push(Finding::error(
                    "invalid_time_span",
                    format!("{base}.availability[{i}]"),
                    "the slot ends before it starts",
                ));
            }
        }
    }
}

/// The id sets of a plan, for reference checks.
pub(crate) struct Ids<'a> {
    pub programs: BTreeSet<&'a str>,
    venues: BTreeSet<&'a str>,
    facilitators: BTreeSet<&'a str>,
    equipment: BTreeSet<&'a str>,
    partners: BTreeSet<&'a str>,
    sections: BTreeSet<&'a str>,
    periods: BTreeSet<&'a str>,
    deadlines: BTreeSet<&'a str>,
}

impl<'a> Ids<'a> {
    fn new(plan: &'a Plan) -> Self {
        Ids {
            programs: plan.programs.iter().map(|x| x.id.as_str()).collect(),
            venues: plan.venues.iter().map(|x| x.id.as_str()).collect(),
            facilitators: plan.facilitators.iter().map(|x| x.id.as_str()).collect(),
            equipment: plan.equipment.iter().map(|x| x.id.as_str()).collect(),
            partners: plan.partners.iter().map(|x| x.id.as_str()).collect(),
            sections: plan.sections.iter().map(|x| x.id.as_str()).collect(),
            periods: plan
                .calendar
                .periods
                .iter()
                .map(|x| x.id.as_str())
                .collect(),
            deadlines: plan
                .calendar
                .deadlines
                .iter()
                .map(|x| x.id.as_str())
                .collect(),
        }
    }
}

impl Plan {
    /// Validates the plan. Never fails: every problem is a [`Finding`] with a stable code,
    /// a severity and the path of the offending field.
    pub fn validate(&self) -> ValidationReport {
        let mut out = Vec::new();
        if self.programs.len() > MAX_PROGRAMS {
            out.push(Finding::error(
                "too_large",
                "programs",
                format!("more than {MAX_PROGRAMS} programs"),
            ));
            return ValidationReport::new(out);
        }
        let zone = parse_tz(&self.timezone);
        self.check_plan_level(&mut out, zone.is_some());
        let ids = Ids::new(self);
        let mut schedule_ok = vec![false; self.programs.len()];
        // Rules are still checked when the zone is unknown (that is its own finding).
        let utc;
        let rule_zone: &Zone = match &zone {
            Some(z) => z,
            None => {
                utc = Zone::utc();
                &utc
            }
        };
        for (i, (program, ok)) in self.programs.iter().zip(schedule_ok.iter_mut()).enumerate() {
            *ok = self.check_program(&mut out, &ids, rule_zone, i, program);
        }
        check_condition_cycles(&mut out, self);
        if let Some(zone) = &zone {
            conflicts::check(&mut out, self, zone, &schedule_ok);
        }
        ValidationReport::new(out)
    }

    fn check_plan_level(&self, out: &mut Vec<Finding>, zone_known: bool) {
        if self.id.trim().is_empty() {
            out.push(Finding::error("empty_id", "id", "the plan id is empty"));
        }
        if !zone_known {
            out.push(Finding::error(
                "invalid_timezone",
                "timezone",
                format!("unknown time zone {:?}", self.timezone),
            ));
        }
        if !(1900..=2200).contains(&self.year) {
            out.push(Finding::error(
                "invalid_year",
                "year",
                "the year must be 1900 to 2200",
            ));
        }
        check_ids(out, "sections", self.sections.iter().map(|x| x.id.as_str()));
        check_ids(out, "venues", self.venues.iter().map(|x| x.id.as_str()));
        check_ids(
            out,
            "facilitators",
            self.facilitators.iter().map(|x| x.id.as_str()),
        );
        check_ids(
            out,
            "equipment",
            self.equipment.iter().map(|x| x.id.as_str()),
        );
        check_ids(out, "partners", self.partners.iter().map(|x| x.id.as_str()));
        check_ids(out, "programs", self.programs.iter().map(|x| x.id.as_str()));
        check_ids(
            out,
            "calendar.periods",
            self.calendar.periods.iter().map(|x| x.id.as_str()),
        );
        check_ids(
            out,
            "calendar.deadlines",
            self.calendar.deadlines.iter().map(|x| x.id.as_str()),
        );
        let ids = Ids::new(self);
        let mut goal_ids = BTreeSet::new();
        for (s, section) in self.sections.iter().enumerate() {
            for (g, goal) in section.goals.iter().enumerate() {
                let gpath = format!("sections[{s}].goals[{g}]");
                if !goal_ids.insert(goal.id.as_str()) {
                    out.push(Finding::error(
                        "duplicate_id",
                        format!("{gpath}.id"),
                        format!("goal id {:?} is used twice", goal.id),
                    ));
                }
                check_ids(
                    out,
                    &format!("{gpath}.targets"),
                    goal.targets.iter().map(|t| t.id.as_str()),
                );
                for (t, target) in goal.targets.iter().enumerate() {
                    let tpath = format!("{gpath}.targets[{t}]");
                    check_refs(
                        out,
                        &ids.programs,
                        &format!("{tpath}.programs"),
                        "program",
                        &target.programs,
                    );
                    if target.measure == Measure::AttendancePercent && target.at_least > 100 {
                        out.push(Finding::error(
                            "invalid_target",
                            format!("{tpath}.at_least"),
                            "a percentage above 100",
                        ));
                    }
                }
            }
        }
        for (i, p) in self.calendar.periods.iter().enumerate() {
            if p.end < p.start {
                out.push(Finding::error(
                    "invalid_period",
                    format!("calendar.periods[{i}].end"),
                    "the period ends before it starts",
                ));
            }
        }
        for (i, h) in self.calendar.holidays.iter().enumerate() {
            if h.last() < h.start {
                out.push(Finding::error(
                    "invalid_period",
                    format!("calendar.holidays[{i}].end"),
                    "the holiday ends before it starts",
                ));
            }
        }
        for (i, v) in self.venues.iter().enumerate() {
            check_slots(out, &format!("venues[{i}]"), &v.availability);
        }
        for (i, f) in self.facilitators.iter().enumerate() {
            check_slots(out, &format!("facilitators[{i}]"), &f.availability);
            if let Some(p) = &f.partner {
                check_ref(
                    out,
                    &ids.partners,
                    format!("facilitators[{i}].partner"),
                    "partner",
                    p,
                );
            }
        }
        for (i, e) in self.equipment.iter().enumerate() {
            check_slots(out, &format!("equipment[{i}]"), &e.availability);
            if let Some(p) = &e.partner {
                check_ref(
                    out,
                    &ids.partners,
                    format!("equipment[{i}].partner"),
                    "partner",
                    p,
                );
            }
        }
    }

    /// Checks one program; returns true when its schedule can be expanded.
    fn check_program(
        &self,
        out: &mut Vec<Finding>,
        ids: &Ids<'_>,
        zone: &Zone,
        i: usize,
        program: &Program,
    ) -> bool {
        let p = format!("programs[{i}]");
        if let Some(section) = &program.section {
            check_ref(
                out,
                &ids.sections,
                format!("{p}.section"),
                "section",
                section,
            );
        }
        check_refs(
            out,
            &ids.venues,
            &format!("{p}.venues"),
            "venue",
            &program.venues,
        );
        check_refs(
            out,
            &ids.facilitators,
            &format!("{p}.facilitators"),
            "facilitator",
            &program.facilitators,
        );
        check_refs(
            out,
            &ids.equipment,
            &format!("{p}.equipment"),
            "equipment",
            &program.equipment,
        );
        check_refs(
            out,
            &ids.partners,
            &format!("{p}.partners"),
            "partner",
            &program.partners,
        );
        check_refs(
            out,
            &ids.programs,
            &format!("{p}.prerequisites"),
            "program",
            &program.prerequisites,
        );
        if let Some(deadline) = &program.deadline {
            check_ref(
                out,
                &ids.deadlines,
                format!("{p}.deadline"),
                "deadline",
                deadline,
            );
        }
        for (c, condition) in program.conditions.iter().enumerate() {
            let mut refs = Vec::new();
            condition.references(&format!("{p}.conditions[{c}]"), &mut refs, 0);
            for (path, id) in refs {
                if self.programs.iter().any(|q| q.id == id && q.confidential) {
                    // Its status would reveal the confidential program's demand.
                    out.push(Finding::error(
                        "condition_on_confidential",
                        path.clone(),
                        format!("conditions may not refer to the confidential program {id:?}"),
                    ));
                }
                check_ref(out, &ids.programs, path, "program", &id);
            }
        }
        if let Some(rule) = &program.audience {
            check_audience(out, ids, &format!("{p}.audience"), rule);
        }
        self.check_capacity(out, &p, program);
        self.check_kind(out, &p, program);
        self.check_schedule(out, ids, zone, &p, program)
    }

    fn check_capacity(&self, out: &mut Vec<Finding>, p: &str, program: &Program) {
        let Some(cap) = program.capacity else { return };
        if cap.max == 0 || cap.min > cap.max {
            out.push(Finding::error(
                "invalid_capacity",
                format!("{p}.capacity"),
                "need 0 < max and min ≤ max",
            ));
        }
        // With appointments, capacity counts appointments per session, not people in the room.
        let venues: &[String] = if program.appointment_minutes.is_some() {
            &[]
        } else {
            &program.venues
        };
        for id in venues {
            if let Some(limit) = self
                .venues
                .iter()
                .find(|v| &v.id == id)
                .and_then(|v| v.capacity)
            {
                if cap.max > limit {
                    out.push(Finding::error(
                        "capacity_exceeds_venue",
                        format!("{p}.capacity.max"),
                        format!("{} places but venue {id:?} holds {limit}", cap.max),
                    ));
                }
            }
        }
        for id in &program.equipment {
            if let Some(e) = self.equipment.iter().find(|e| &e.id == id) {
                if cap.max > e.quantity {
                    out.push(Finding::error(
                        "capacity_exceeds_equipment",
                        format!("{p}.capacity.max"),
                        format!("{} places but only {} of {id:?}", cap.max, e.quantity),
                    ));
                }
            }
        }
    }

    fn check_kind(&self, out: &mut Vec<Finding>, p: &str, program: &Program) {
        match (&program.exhibition, program.kind) {
            (None, ProgramKind::Exhibition) => {
                out.push(Finding::error(
                    "missing_exhibition_rules",
                    format!("{p}.exhibition"),
                    "an exhibition needs categories and an entry limit",
                ));
            }
            (Some(_), kind) if kind != ProgramKind::Exhibition => {
                out.push(Finding::warning(
                    "unexpected_exhibition_rules",
                    format!("{p}.exhibition"),
                    "exhibition rules on a program that is not an exhibition",
                ));
            }
            (Some(rules), _) => {
                if rules.categories.is_empty() {
                    out.push(Finding::error(
                        "no_categories",
                        format!("{p}.exhibition.categories"),
                        "an exhibition needs at least one category",
                    ));
                }
                check_ids(
                    out,
                    &format!("{p}.exhibition.categories"),
                    rules.categories.iter().map(|c| c.id.as_str()),
                );
                if rules.max_entries_per_person == 0 {
                    out.push(Finding::error(
                        "invalid_entry_limit",
                        format!("{p}.exhibition.max_entries_per_person"),
                        "must be at least 1",
                    ));
                }
            }
            (None, _) => {}
        }
        if program.kind == ProgramKind::Counselling && !program.confidential {
            out.push(Finding::warning(
                "counselling_not_confidential",
                format!("{p}.confidential"),
                "counselling should be confidential",
            ));
        }
        if let Some(window) = program.enrolment {
            if window.closes < window.opens {
                out.push(Finding::error(
                    "invalid_enrolment_window",
                    format!("{p}.enrolment"),
                    "enrolment closes before it opens",
                ));
            }
        }
    }

    /// Static schedule checks; true when the schedule can be expanded.
    fn check_schedule(
        &self,
        out: &mut Vec<Finding>,
        ids: &Ids<'_>,
        zone: &Zone,
        p: &str,
        program: &Program,
    ) -> bool {
        let Some(s) = &program.schedule else {
            return false;
        };
        let sp = format!("{p}.schedule");
        let before = out.len();
        check_refs(
            out,
            &ids.periods,
            &format!("{sp}.within"),
            "period",
            &s.within,
        );
        if let Some(span) = s.time {
            if span.to <= span.from {
                out.push(Finding::error(
                    "invalid_time_span",
                    format!("{sp}.time"),
                    "the session ends before it starts",
                ));
            }
            if s.days.is_some() {
                out.push(Finding::error(
                    "invalid_days",
                    format!("{sp}.days"),
                    "`days` is only for all-day schedules",
                ));
            }
        } else if s.days.is_some_and(|d| d == 0 || d > MAX_ALL_DAY_DAYS) {
            out.push(Finding::error(
                "invalid_days",
                format!("{sp}.days"),
                format!("days must be 1 to {MAX_ALL_DAY_DAYS}"),
            ));
        }
        if let Some(text) = &s.rrule {
            let start = s.first.and_time(s.time.map_or(NaiveTime::MIN, |t| t.from));
            let end = s.first.succ_opt().unwrap_or(s.first);
            let built = parse_rrule(text).and_then(|rule| {
                start_rule(&rule, zone, start, end).map_err(|e| match e {
                    StartError::Gap => "DTSTART falls in a DST gap".to_owned(),
                    StartError::Rule(m) => m,
                })
            });
            match built {
                Err(message) => out.push(Finding::error(
                    "invalid_rrule",
                    format!("{sp}.rrule"),
                    message,
                )),
                Ok(_) if s.is_unbounded() => {
                    out.push(Finding::error(
                        "unbounded_recurrence",
                        format!("{sp}.rrule"),
                        "the rule has neither COUNT nor UNTIL",
                    ));
                }
                Ok(_) => {}
            }
        }
        let in_year = |d: NaiveDate| d.year() == self.year;
        if !in_year(s.first) {
            out.push(Finding::warning(
                "outside_plan_year",
                format!("{sp}.first"),
                format!("not in {}", self.year),
            ));
        }
        for (k, d) in s.dates.iter().enumerate() {
            if !in_year(*d) {
                out.push(Finding::warning(
                    "outside_plan_year",
                    format!("{sp}.dates[{k}]"),
                    format!("not in {}", self.year),
                ));
            }
            let within = s.within.is_empty()
                || self
                    .calendar
                    .periods
                    .iter()
                    .any(|per| s.within.contains(&per.id) && per.contains(*d));
            if !within {
                out.push(Finding::error(
                    "outside_period",
                    format!("{sp}.dates[{k}]"),
                    "the date is outside the schedule's periods",
                ));
            }
        }
        let fatal = out.iter().skip(before).any(|f| {
            matches!(
                f.code.as_str(),
                "invalid_time_span"
                    | "invalid_days"
                    | "invalid_rrule"
                    | "unbounded_recurrence"
                    | "unknown_reference"
            )
        });
        !fatal
    }
}

fn check_audience(out: &mut Vec<Finding>, ids: &Ids<'_>, base: &str, rule: &Rule) {
    let mut nodes = Vec::new();
    walk(rule, base, &mut nodes, 0);
    for (path, node) in nodes {
        match node {
            Rule::Age(range) => {
                if let (Some(min), Some(max)) = (range.min, range.max) {
                    if min > max {
                        out.push(Finding::error(
                            "invalid_age_range",
                            format!("{path}.age"),
                            "min is above max",
                        ));
                    }
                }
            }
            Rule::Completed(programs) => check_refs(
                out,
                &ids.programs,
                &format!("{path}.completed"),
                "program",
                programs,
            ),
            _ => {}
        }
    }
}

/// Reports `condition_cycle` on every program whose conditions lead back to it.
fn check_condition_cycles(out: &mut Vec<Finding>, plan: &Plan) {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, p) in plan.programs.iter().enumerate() {
        index.entry(p.id.as_str()).or_insert(i);
    }
    let edges: Vec<Vec<usize>> = plan
        .programs
        .iter()
        .map(|p| {
            let mut refs = Vec::new();
            for c in &p.conditions {
                c.references("", &mut refs, 0);
            }
            let mut targets: Vec<usize> = refs
                .iter()
                .filter_map(|(_, id)| index.get(id.as_str()).copied())
                .collect();
            crate::sort::sort(&mut targets);
            targets.dedup();
            targets
        })
        .collect();
    for start in 0..edges.len() {
        let mut seen = vec![false; edges.len()];
        let mut stack: Vec<usize> = edges.get(start).cloned().unwrap_or_default();
        let mut cyclic = false;
        while let Some(node) = stack.pop() {
            if node == start {
                cyclic = true;
                break;
            }
            if let Some(flag) = seen.get_mut(node) {
                if !*flag {
                    *flag = true;
                    stack.extend(edges.get(node).into_iter().flatten().copied());
                }
            }
        }
        if cyclic {
            out.push(Finding::error(
                "condition_cycle",
                format!("programs[{start}].conditions"),
                "the program's conditions depend on itself",
            ));
        }
    }
}
