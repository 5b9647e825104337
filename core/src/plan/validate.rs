//! Static validation: ids, references, capacities, windows, schedules, conditions.
//! Checks that need expanded occurrences live in [`super::conflicts`].

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::audience::{walk, Rule};
use super::conflicts;
use super::document::{Measure, Plan, Program, ProgramKind};
use super::finding::{Finding, Findings, ValidationReport};
use super::schedule::{parse_rrule, parse_tz, start_rule, StartError, MAX_ALL_DAY_DAYS};
use super::zone::Zone;
use crate::i18n::Lang;

/// Most programs a plan may have; larger plans get one `too_large` finding and no further
/// checks, and a `too_large` error from every expansion. (A recurrence that rarely matches may
/// step through many periods, so the program count bounds the work.)
pub const MAX_PROGRAMS: usize = 500;

/// Reports empty and duplicate ids of one collection.
fn check_ids<'a>(out: &mut Findings, base: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        let path = format!("{base}[{i}].id");
        if id.trim().is_empty() {
            out.push(Finding::error(
                "empty_id",
                path,
                out.t("plan.empty_id", &[]),
            ));
        } else if !seen.insert(id) {
            out.push(Finding::error(
                "duplicate_id",
                path,
                out.t("plan.duplicate_id", &[("id", &id)]),
            ));
        }
    }
}

fn check_ref(out: &mut Findings, known: &BTreeSet<&str>, path: String, what: &str, id: &str) {
    if !known.contains(id) {
        out.push(Finding::error(
            "unknown_reference",
            path,
            out.t(
                "plan.unknown_reference",
                &[
                    ("what", &out.t(&format!("plan.what.{what}"), &[])),
                    ("id", &id),
                ],
            ),
        ));
    }
}

fn check_refs(out: &mut Findings, known: &BTreeSet<&str>, base: &str, what: &str, ids: &[String]) {
    for (i, id) in ids.iter().enumerate() {
        check_ref(out, known, format!("{base}[{i}]"), what, id);
    }
}

fn check_slots(out: &mut Findings, base: &str, slots: &[super::calendar::Slot]) {
    for (i, slot) in slots.iter().enumerate() {
        if let (Some(from), Some(to)) = (slot.from, slot.to) {
            if to <= from {
                out.push(Finding::error(
                    "invalid_time_span",
                    format!("{base}.availability[{i}]"),
                    out.t("plan.invalid_slot_span", &[]),
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
        self.validate_in(Lang::En)
    }

    /// Validates the plan, with every finding's message in `lang`.
    pub fn validate_in(&self, lang: Lang) -> ValidationReport {
        let mut out = Findings::new(lang);
        if self.programs.len() > MAX_PROGRAMS {
            out.push(Finding::error(
                "too_large",
                "programs",
                out.t("plan.too_large", &[("max", &MAX_PROGRAMS)]),
            ));
            return ValidationReport::new(out.list);
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
        ValidationReport::new(out.list)
    }

    fn check_plan_level(&self, out: &mut Findings, zone_known: bool) {
        if self.id.trim().is_empty() {
            out.push(Finding::error(
                "empty_id",
                "id",
                out.t("plan.empty_plan_id", &[]),
            ));
        }
        if !zone_known {
            out.push(Finding::error(
                "invalid_timezone",
                "timezone",
                out.t("plan.invalid_timezone", &[("zone", &self.timezone)]),
            ));
        }
        if !(1900..=2200).contains(&self.year) {
            out.push(Finding::error(
                "invalid_year",
                "year",
                out.t("plan.invalid_year", &[]),
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
                        out.t("plan.duplicate_goal_id", &[("id", &goal.id)]),
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
                            out.t("plan.invalid_target", &[]),
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
                    out.t("plan.invalid_period", &[]),
                ));
            }
        }
        for (i, h) in self.calendar.holidays.iter().enumerate() {
            if h.last() < h.start {
                out.push(Finding::error(
                    "invalid_period",
                    format!("calendar.holidays[{i}].end"),
                    out.t("plan.invalid_holiday", &[]),
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
        out: &mut Findings,
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
                        out.t("plan.condition_on_confidential", &[("program", &id)]),
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

    fn check_capacity(&self, out: &mut Findings, p: &str, program: &Program) {
        let Some(cap) = program.capacity else { return };
        if cap.max == 0 || cap.min > cap.max {
            out.push(Finding::error(
                "invalid_capacity",
                format!("{p}.capacity"),
                out.t("plan.invalid_capacity", &[]),
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
                        out.t(
                            "plan.capacity_exceeds_venue",
                            &[("places", &cap.max), ("venue", &id), ("limit", &limit)],
                        ),
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
                        out.t(
                            "plan.capacity_exceeds_equipment",
                            &[
                                ("places", &cap.max),
                                ("quantity", &e.quantity),
                                ("equipment", &id),
                            ],
                        ),
                    ));
                }
            }
        }
    }

    fn check_kind(&self, out: &mut Findings, p: &str, program: &Program) {
        match (&program.exhibition, program.kind) {
            (None, ProgramKind::Exhibition) => {
                out.push(Finding::error(
                    "missing_exhibition_rules",
                    format!("{p}.exhibition"),
                    out.t("plan.missing_exhibition_rules", &[]),
                ));
            }
            (Some(_), kind) if kind != ProgramKind::Exhibition => {
                out.push(Finding::warning(
                    "unexpected_exhibition_rules",
                    format!("{p}.exhibition"),
                    out.t("plan.unexpected_exhibition_rules", &[]),
                ));
            }
            (Some(rules), _) => {
                if rules.categories.is_empty() {
                    out.push(Finding::error(
                        "no_categories",
                        format!("{p}.exhibition.categories"),
                        out.t("plan.no_categories", &[]),
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
                        out.t("plan.invalid_entry_limit", &[]),
                    ));
                }
            }
            (None, _) => {}
        }
        if program.kind == ProgramKind::Counselling && !program.confidential {
            out.push(Finding::warning(
                "counselling_not_confidential",
                format!("{p}.confidential"),
                out.t("plan.counselling_not_confidential", &[]),
            ));
        }
        if let Some(window) = program.enrolment {
            if window.closes < window.opens {
                out.push(Finding::error(
                    "invalid_enrolment_window",
                    format!("{p}.enrolment"),
                    out.t("plan.invalid_enrolment_window", &[]),
                ));
            }
        }
    }

    /// Static schedule checks; true when the schedule can be expanded.
    fn check_schedule(
        &self,
        out: &mut Findings,
        ids: &Ids<'_>,
        zone: &Zone,
        p: &str,
        program: &Program,
    ) -> bool {
        let Some(s) = &program.schedule else {
            return false;
        };
        let sp = format!("{p}.schedule");
        let before = out.list.len();
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
                    out.t("plan.invalid_session_span", &[]),
                ));
            }
            if s.days.is_some() {
                out.push(Finding::error(
                    "invalid_days",
                    format!("{sp}.days"),
                    out.t("plan.invalid_days", &[]),
                ));
            }
        } else if s.days.is_some_and(|d| d == 0 || d > MAX_ALL_DAY_DAYS) {
            out.push(Finding::error(
                "invalid_days",
                format!("{sp}.days"),
                out.t("plan.invalid_all_day_days", &[("max", &MAX_ALL_DAY_DAYS)]),
            ));
        }
        if let Some(text) = &s.rrule {
            let start = s.first.and_time(s.time.map_or(NaiveTime::MIN, |t| t.from));
            let end = s.first.succ_opt().unwrap_or(s.first);
            let built = parse_rrule(text).and_then(|rule| {
                start_rule(&rule, zone, start, end).map_err(|e| match e {
                    StartError::Gap => out.t("plan.invalid_rrule_dst_gap", &[]),
                    StartError::Rule(m) => m,
                })
            });
            match built {
                Err(detail) => out.push(Finding::error(
                    "invalid_rrule",
                    format!("{sp}.rrule"),
                    out.t("plan.invalid_rrule", &[("detail", &detail)]),
                )),
                Ok(_) if s.is_unbounded() => {
                    out.push(Finding::error(
                        "unbounded_recurrence",
                        format!("{sp}.rrule"),
                        out.t("plan.unbounded_recurrence", &[]),
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
                out.t("plan.outside_plan_year", &[("year", &self.year)]),
            ));
        }
        for (k, d) in s.dates.iter().enumerate() {
            if !in_year(*d) {
                out.push(Finding::warning(
                    "outside_plan_year",
                    format!("{sp}.dates[{k}]"),
                    out.t("plan.outside_plan_year", &[("year", &self.year)]),
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
                    out.t("plan.outside_period", &[]),
                ));
            }
        }
        let fatal = out.list.iter().skip(before).any(|f| {
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

fn check_audience(out: &mut Findings, ids: &Ids<'_>, base: &str, rule: &Rule) {
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
                            out.t("plan.invalid_age_range", &[]),
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
fn check_condition_cycles(out: &mut Findings, plan: &Plan) {
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
                out.t("plan.condition_cycle", &[]),
            ));
        }
    }
}
