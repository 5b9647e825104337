//! Validation checks on expanded occurrences: deadlines, enrolment windows, availability,
//! and double bookings of venues, facilitators and equipment.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use super::calendar::Slot;
use super::document::{Plan, Status};
use super::error::PlanError;
use super::finding::{Finding, Findings};
use super::schedule::MAX_OCCURRENCES_TOTAL;
use super::zone::Zone;
use crate::error::Fault;

/// Picks a program's venues, facilitators or equipment.
type Resources = fn(&super::document::Program) -> &[String];

/// A session that occupies its program's resources.
struct Booked {
    program_index: usize,
    start_local: NaiveDateTime,
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
}

/// Runs the checks over the plan year; `schedule_ok[i]` tells whether program `i` may be expanded.
pub(crate) fn check(out: &mut Findings, plan: &Plan, tz: &Zone, schedule_ok: &[bool]) {
    let (Some(year_start), Some(year_end)) = (
        NaiveDate::from_ymd_opt(plan.year, 1, 1),
        NaiveDate::from_ymd_opt(plan.year.saturating_add(1), 1, 1),
    ) else {
        return;
    };
    let mut all: Vec<Booked> = Vec::new();
    for (i, (program, ok)) in plan.programs.iter().zip(schedule_ok).enumerate() {
        let (Some(schedule), true) = (&program.schedule, *ok) else {
            continue;
        };
        let sp = format!("programs[{i}].schedule");
        let sessions = match schedule.expand(&plan.calendar, tz, year_start, year_end, &sp) {
            Ok(s) => s,
            Err(err) => {
                let code = match err {
                    PlanError::TooLarge { .. } => "too_many_occurrences",
                    _ => "invalid_schedule",
                };
                out.push(Finding::error(
                    code,
                    err.path().unwrap_or(&sp).to_owned(),
                    crate::i18n::error_message(&err, out.lang),
                ));
                continue;
            }
        };
        if sessions.is_empty() {
            if schedule.within.is_empty() {
                out.push(Finding::warning(
                    "no_occurrences",
                    sp,
                    out.t("plan.no_occurrences", &[("year", &plan.year)]),
                ));
            } else {
                out.push(Finding::error(
                    "outside_period",
                    format!("{sp}.within"),
                    out.t("plan.outside_periods", &[]),
                ));
            }
            continue;
        }
        let p = format!("programs[{i}]");
        if let Some(deadline) = program
            .deadline
            .as_ref()
            .and_then(|d| plan.calendar.deadlines.iter().find(|x| &x.id == d))
        {
            if let Some(late) = sessions
                .iter()
                .find(|s| s.end_local > deadline.before.and_time(chrono::NaiveTime::MIN))
            {
                out.push(Finding::error(
                    "after_deadline",
                    sp.clone(),
                    out.t(
                        "plan.after_deadline",
                        &[
                            ("date", &late.start_local.date()),
                            ("deadline", &deadline.title),
                            ("end", &deadline.before),
                        ],
                    ),
                ));
            }
        }
        if let (Some(window), Some(first)) = (program.enrolment, sessions.first()) {
            if window.closes > first.start_local.date() {
                out.push(Finding::error(
                    "enrolment_closes_late",
                    format!("{p}.enrolment.closes"),
                    out.t(
                        "plan.enrolment_closes_late",
                        &[("date", &first.start_local.date())],
                    ),
                ));
            }
        }
        let resources: [(&str, &[String]); 3] = [
            ("venues", &program.venues),
            ("facilitators", &program.facilitators),
            ("equipment", &program.equipment),
        ];
        for (field, list) in resources {
            for (k, id) in list.iter().enumerate() {
                let Some(slots) = availability(plan, field, id) else {
                    continue;
                };
                if let Some(bad) = sessions.iter().find(|s| {
                    !s.all_day
                        && !plan.calendar.fits(
                            slots,
                            s.start_local.date(),
                            s.start_local.time(),
                            s.end_local.time(),
                        )
                }) {
                    out.push(Finding::error(
                        "outside_availability",
                        format!("{p}.{field}[{k}]"),
                        out.t(
                            "plan.outside_availability",
                            &[("resource", &id), ("time", &bad.start_local)],
                        ),
                    ));
                }
            }
        }
        if program.status == Status::Cancelled {
            continue;
        }
        for s in sessions {
            if all.len() >= MAX_OCCURRENCES_TOTAL {
                out.push(Finding::error(
                    "too_many_occurrences",
                    "programs",
                    out.t(
                        "plan.too_many_occurrences",
                        &[("max", &MAX_OCCURRENCES_TOTAL)],
                    ),
                ));
                return;
            }
            all.push(Booked {
                program_index: i,
                start_local: s.start_local,
                start: s.start,
                end: s.end,
            });
        }
    }
    crate::sort::sort_by_key(&mut all, |a| (a.start, a.program_index));
    double_bookings(out, plan, &all);
}

fn availability<'a>(plan: &'a Plan, field: &str, id: &str) -> Option<&'a [Slot]> {
    let slots: &[Slot] = match field {
        "venues" => &plan.venues.iter().find(|x| x.id == id)?.availability,
        "facilitators" => &plan.facilitators.iter().find(|x| x.id == id)?.availability,
        _ => &plan.equipment.iter().find(|x| x.id == id)?.availability,
    };
    Some(slots)
}

/// Reports each pair of programs that use one resource at overlapping times, once, on the
/// later program of the pair.
fn double_bookings(out: &mut Findings, plan: &Plan, all: &[Booked]) {
    let kinds: [(&str, &str, Resources); 3] = [
        ("venues", "venue_double_booked", |p| &p.venues),
        ("facilitators", "facilitator_double_booked", |p| {
            &p.facilitators
        }),
        ("equipment", "equipment_double_booked", |p| &p.equipment),
    ];
    for (field, code, get) in kinds {
        let mut reported: BTreeSet<(String, usize, usize)> = BTreeSet::new();
        let mut active: Vec<&Booked> = Vec::new();
        for current in all {
            active.retain(|a| a.end > current.start);
            let Some(program) = plan.programs.get(current.program_index) else {
                continue;
            };
            for other in &active {
                if other.program_index == current.program_index {
                    continue;
                }
                let Some(other_program) = plan.programs.get(other.program_index) else {
                    continue;
                };
                for (k, id) in get(program).iter().enumerate() {
                    if !get(other_program).contains(id) {
                        continue;
                    }
                    let (lo, hi) = if other.program_index < current.program_index {
                        (other.program_index, current.program_index)
                    } else {
                        (current.program_index, other.program_index)
                    };
                    if !reported.insert((id.clone(), lo, hi)) {
                        continue;
                    }
                    let (hi_program, lo_program) = if hi == current.program_index {
                        (program, other_program)
                    } else {
                        (other_program, program)
                    };
                    let k_hi = get(hi_program).iter().position(|x| x == id).unwrap_or(k);
                    out.push(Finding::error(
                        code,
                        format!("programs[{hi}].{field}[{k_hi}]"),
                        out.t(
                            "plan.double_booked",
                            &[
                                ("resource", &id),
                                ("other", &lo_program.id),
                                ("time", &current.start_local),
                            ],
                        ),
                    ));
                }
            }
            active.push(current);
        }
    }
}
