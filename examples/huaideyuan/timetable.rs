//! The seed plan's report: sections and goals, programs, timetables, validation, iCalendar.
//!
//! `main.rs` declares `mod timetable;` and calls [`print_plan_report`].

use std::error::Error;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use huaide::i18n::Lang;
use huaide::plan::{IcsOptions, Occurrence, OccurrenceQuery, Plan, Severity};

use crate::lang::{lang, t};

/// The seed plan, as committed next to this file.
const PLAN: &str = include_str!("plan.toml");

/// Prints the plan, one month's and the summer holiday's timetable and the validation report,
/// and writes the plan's iCalendar file into `out_dir` (created if missing).
pub fn print_plan_report(out_dir: &Path) -> Result<(), Box<dyn Error>> {
    let plan = Plan::from_toml(PLAN)?;
    println!(
        "\n== {} ==",
        plan.title.as_deref().unwrap_or(&plan.community)
    );
    println!(
        "{} · {} · time zone {}",
        plan.community, plan.year, plan.timezone
    );
    print_sections(&plan);
    print_programs(&plan);

    let month = (date(2006, 3, 1)?, date(2006, 3, 31)?);
    println!(
        "\n== {} ==",
        t(
            &format!("Timetable, March {}", plan.year),
            &format!("{} 年 3 月活动安排", plan.year)
        )
    );
    print_timetable(&plan, month.0, month.1)?;

    if let Some(summer) = plan
        .calendar
        .periods
        .iter()
        .find(|p| p.id == "summer_holiday")
    {
        println!(
            "\n== {}{} ({} – {}) ==",
            t("Timetable, ", "活动安排："),
            summer.title,
            summer.start,
            summer.end
        );
        print_timetable(&plan, summer.start, summer.end)?;
    }

    let report = plan.validate_in(lang());
    println!("\n== {} ==", t("Validation", "计划检查"));
    println!(
        "{}",
        t(
            &format!("{} error(s), {} warning(s)", report.errors, report.warnings),
            &format!("{} 个错误，{} 个警告", report.errors, report.warnings)
        )
    );
    for finding in &report.findings {
        let severity = match finding.severity {
            Severity::Error => t("error", "错误"),
            Severity::Warning => t("warning", "警告"),
        };
        println!(
            "  {severity}: {}: {} ({})",
            finding.path, finding.code, finding.message
        );
    }

    // A fixed stamp keeps the file identical from run to run: the plan's publication date.
    let stamp = "2006-03-01T00:00:00+08:00".parse()?;
    let ics = plan.to_ics(&IcsOptions {
        stamp,
        program: None,
    })?;
    std::fs::create_dir_all(out_dir)?;
    let path = out_dir.join(format!("{}.ics", plan.id));
    std::fs::write(&path, ics)?;
    println!(
        "\n{}{}",
        t("iCalendar written to ", "日历文件已写入 "),
        path.display()
    );
    Ok(())
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, Box<dyn Error>> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| "invalid date".into())
}

fn print_sections(plan: &Plan) {
    println!("\n== {} ==", t("Sections and goals", "章节与目标"));
    for section in &plan.sections {
        println!("{}", section.title);
        for goal in &section.goals {
            println!(
                "  · {}: {}",
                goal.title,
                goal.description.as_deref().unwrap_or("")
            );
            for target in &goal.targets {
                let measure = serde_json::to_value(target.measure)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                let by = target
                    .by
                    .map(|d| format!("{}{d}", t(" by ", "，截止 ")))
                    .unwrap_or_default();
                let of = if target.programs.is_empty() {
                    String::new()
                } else {
                    format!("{}{}", t(" in ", "，项目："), target.programs.join(", "))
                };
                println!(
                    "      {} {}: {} ≥ {}{of}{by}",
                    t("target", "指标"),
                    target.id,
                    measure,
                    target.at_least
                );
            }
        }
    }
}

fn print_programs(plan: &Plan) {
    println!("\n== {} ==", t("Programs", "项目"));
    for program in &plan.programs {
        let item = program
            .item
            .as_deref()
            .map(|i| format!(" ({i})"))
            .unwrap_or_default();
        println!(
            "{} [{}]{item} — {}",
            program.title,
            program.kind.as_str(),
            program.id
        );
        if let Some(text) = &program.description {
            println!("    {text}");
        }
        if let Some(schedule) = &program.schedule {
            let time = schedule
                .time
                .map(|t| format!("{}–{}", t.from.format("%H:%M"), t.to.format("%H:%M")))
                .unwrap_or(t("all day", "全天").into());
            let rule = schedule
                .rrule
                .as_deref()
                .unwrap_or(t("single dates", "指定日期"));
            let within = if schedule.within.is_empty() {
                String::new()
            } else {
                format!(
                    "{}{}",
                    t(", only in ", "，仅限于 "),
                    schedule.within.join(t(" and ", "、"))
                )
            };
            println!(
                "    {} {} {time}, {rule}{within}",
                t("from", "自"),
                schedule.first
            );
        }
        if let Some(cap) = program.capacity {
            println!("    {}: {}–{}", t("places", "名额"), cap.min, cap.max);
        }
        if !program.venues.is_empty() {
            println!("    {}: {}", t("venues", "场地"), program.venues.join(", "));
        }
        if !program.partners.is_empty() {
            println!(
                "    {}: {}",
                t("partners", "合作单位"),
                program.partners.join(", ")
            );
        }
        if !program.conditions.is_empty() {
            println!(
                "    {}: {}",
                t("only if", "开班条件"),
                serde_json::to_string(&program.conditions).unwrap_or_default()
            );
        }
        if program.confidential {
            println!("    {}", t("confidential", "保密项目"));
        }
    }
}

/// A date with its weekday, in the report's language (`Wed 2006-03-15`, `2006-03-15 周三`).
fn day(date: NaiveDate) -> String {
    const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    match lang() {
        Lang::En => date.format("%a %Y-%m-%d").to_string(),
        Lang::Zh => {
            let weekday = ZH
                .get(date.weekday().num_days_from_monday() as usize)
                .copied()
                .unwrap_or("");
            format!("{} {weekday}", date.format("%Y-%m-%d"))
        }
    }
}

fn print_timetable(plan: &Plan, from: NaiveDate, to: NaiveDate) -> Result<(), Box<dyn Error>> {
    let occurrences: Vec<Occurrence> = plan.occurrences(&OccurrenceQuery {
        from,
        to,
        program: None,
        venue: None,
    })?;
    for o in &occurrences {
        let when = if o.all_day {
            format!(
                "{} ({} {})",
                day(o.date),
                t("all day, until", "全天，至"),
                o.end.date_naive()
            )
        } else {
            format!(
                "{} {}–{}",
                day(o.date),
                o.start.format("%H:%M"),
                o.end.format("%H:%M")
            )
        };
        let venue = o
            .venues
            .first()
            .and_then(|v| plan.venues.iter().find(|x| &x.id == v))
            .map(|v| format!(" @ {}", v.name))
            .unwrap_or_default();
        println!("  {when}  {}{venue}", o.title);
    }
    println!("  ({} {})", occurrences.len(), t("sessions", "次活动"));
    Ok(())
}
