//! Enrolment on the seed plan: the residents' roll and their applications, read from the
//! files a community worker keeps (`people.csv`, saved by Excel as GBK, and
//! `applications.xlsx`, both made up by `py/scripts/make_table_fixtures.py`), and the public
//! draw decides who gets a seat; the result is written to `target/huaideyuan/enrolment.xlsx`.
//! The draw is verifiable: the seed's commitment is published before applications close, the
//! seed is revealed at the council meeting, and the audit file
//! `target/huaideyuan/enrolment.audit.json` is written and verified (`huaide::audit`).
//!
//! `main.rs` declares `mod enrolment;` and calls [`print_enrolment_report`].

use std::collections::BTreeSet;
use std::error::Error;
use std::path::Path;

use chrono::NaiveDate;
use huaide::audit::{audit_allocation_of, verify, AllocationInputs};
use huaide::commitment::seed_commitment;
use huaide::enrol::{allocate, explain_decision, Allocation, AllocationOptions, Decision, Person};

use crate::lang::{lang, t};
use huaide::i18n::Lang;
use huaide::plan::audience::{age_on, Residency, Rule};
use huaide::plan::{Condition, Plan, Program};
use huaide::tables::{
    read_applications, read_people, write_table, ApplicationOptions, PeopleOptions, TableDocument,
    TableFormat, TableSource,
};

/// The seed plan, as committed next to this file.
const PLAN: &str = include_str!("plan.toml");

/// The roll, as a community worker keeps it: a CSV saved by Excel on Chinese Windows (GBK).
const PEOPLE_CSV: &[u8] = include_bytes!("people.csv");

/// The applications, as collected in a spreadsheet (a merged title row, date cells).
const APPLICATIONS_XLSX: &[u8] = include_bytes!("applications.xlsx");

/// The published seed of the enrolment draw.
const DRAW_SEED: &str = "懷德苑 2006 enrolment draw, council meeting of 2006-03-06";

/// Prints the allocation of seats for the plan's programs with a capacity.
pub fn print_enrolment_report(out_dir: &Path) -> Result<(), Box<dyn Error>> {
    let plan = Plan::from_toml(PLAN)?;
    let as_of = NaiveDate::from_ymd_opt(2006, 3, 6).ok_or("bad date")?;
    let people_read = read_people(
        &TableSource::new("people.csv", PEOPLE_CSV),
        &PeopleOptions::default(),
    )?;
    let applications_read = read_applications(
        &TableSource::new("applications.xlsx", APPLICATIONS_XLSX),
        &ApplicationOptions::default(),
        Some(&plan),
    )?;
    let (people, applications) = (&people_read.people, &applications_read.applications);
    // Before applications close: only the commitment is published.
    let commitment = seed_commitment(DRAW_SEED);
    // At the meeting the seed is revealed; the allocation checks it against the commitment.
    let options = AllocationOptions {
        mechanism: None,
        seed: DRAW_SEED.to_owned(),
        commitment: Some(commitment.clone()),
        public_value: None,
        as_of,
    };
    let allocation = allocate(&plan, people, applications, &options)?;

    println!(
        "\n== {} ==",
        t("Enrolment: who gets a seat", "报名录取：谁得到名额")
    );
    let (rows, sheet, header) = (
        people.len(),
        applications_read.sheet.as_deref().unwrap_or("?"),
        applications_read.header_row,
    );
    let found = people_read.findings.len() + applications_read.findings.len();
    println!(
        "{}",
        t(
            &format!(
                "Read people.csv ({rows} rows, GBK as Excel saves it) and applications.xlsx \
                 (sheet {sheet}, header on row {header}): {found} finding(s)."
            ),
            &format!(
                "已读入 people.csv（{rows} 行，Excel 保存的 GBK 编码）和 applications.xlsx\
                 （工作表 {sheet}，表头在第 {header} 行）：发现 {found} 个问题。"
            )
        )
    );
    for finding in people_read
        .findings
        .iter()
        .chain(&applications_read.findings)
    {
        println!("  {}: {}", finding.path, finding.code);
    }
    let shared: huaide::tables::SharedAllocation =
        serde_json::from_value(serde_json::to_value(&allocation)?)?;
    let workbook = write_table(&TableDocument::Allocation(shared), TableFormat::Xlsx, None)?;
    std::fs::create_dir_all(out_dir)?;
    let path = out_dir.join("enrolment.xlsx");
    std::fs::write(&path, &workbook)?;
    let (shown, bytes) = (path.display(), workbook.len());
    println!(
        "{}",
        t(
            &format!(
                "Wrote {shown} ({bytes} bytes: rosters, decisions, programs, one sheet per program)."
            ),
            &format!("已写入 {shown}（{bytes} 字节：录取名单、每人结果、项目情况，每个项目一张工作表）。")
        )
    );
    let households: BTreeSet<&str> = people
        .iter()
        .filter_map(|p| p.household.as_deref())
        .collect();
    let count = |r: Residency| people.iter().filter(|p| p.residency == r).count();
    let (n, h) = (people.len(), households.len());
    let (r, s, v) = (
        count(Residency::Resident),
        count(Residency::Surrounding),
        count(Residency::Visitor),
    );
    println!(
        "{}",
        t(
            &format!(
                "Roll: {n} people in {h} households ({r} resident, {s} from surrounding \
                 communities, {v} visitors)."
            ),
            &format!("名册：{h} 户共 {n} 人（本社区 {r} 人，周边社区 {s} 人，访客 {v} 人）。")
        )
    );
    let (a, c) = (
        applications.len(),
        applications.iter().map(|a| a.choices.len()).sum::<usize>(),
    );
    let mechanism = serde_json::to_value(allocation.mechanism)?;
    let (m, runs) = (mechanism.as_str().unwrap_or("?"), allocation.iterations);
    println!(
        "{}",
        t(
            &format!(
                "{a} applications with {c} ranked choices, one seat each; {m}, {runs} run(s)."
            ),
            &format!("{a} 份报名，共 {c} 个志愿，每人每项一个名额；分配方法 {m}，运行 {runs} 轮。")
        )
    );
    println!(
        "{}{commitment}",
        t(
            "Commitment published before the close: ",
            "报名截止前公布的承诺值："
        )
    );
    println!(
        "{}\"{}\"",
        t("Seed revealed after it: ", "截止后公开的抽签种子："),
        allocation.seed
    );
    write_audit(out_dir, &plan, people, applications, &options, &allocation)?;

    println!(
        "\n-- {} --",
        t("Rosters and waiting lists", "录取名单与候补名单")
    );
    for program in plan.programs.iter().filter(|p| p.capacity.is_some()) {
        print_program(&plan, program, &allocation);
    }

    println!(
        "\n-- {} --",
        t("Three decisions explained", "三个录取决定的说明")
    );
    explain_examples(&plan, people, &allocation);
    Ok(())
}

/// Writes the audit file of the allocation and verifies it as a resident would: from the
/// published file alone (a redacted audit, since the plan has a confidential program, so the
/// roll stays private), then with the roll the office holds.
fn write_audit(
    out_dir: &Path,
    plan: &Plan,
    people: &[Person],
    applications: &[huaide::enrol::Application],
    options: &AllocationOptions,
    allocation: &Allocation,
) -> Result<(), Box<dyn Error>> {
    let inputs = AllocationInputs {
        plan,
        people,
        applications,
        options,
    };
    let audit = audit_allocation_of(inputs, allocation, false)?;
    let path = out_dir.join("enrolment.audit.json");
    std::fs::write(&path, serde_json::to_string_pretty(&audit)?)?;
    let published: serde_json::Value = serde_json::from_slice(&std::fs::read(&path)?)?;
    let alone = verify(&published, None)?;
    let roll = serde_json::json!({ "people": people, "applications": applications });
    let full = verify(&published, Some(&roll))?;
    println!(
        "{} {} ({}: {}); {}: {}; {}: {}.",
        t("Wrote", "已写入"),
        path.display(),
        t("redacted", "已隐去保密内容"),
        audit.redacted,
        t("verify of the file alone", "仅凭此文件核验"),
        alone.code,
        t("with the office's roll", "加上居委会的名册核验"),
        full.code
    );
    Ok(())
}

/// One program: status, roster and waiting list (confidential ones as a note only).
fn print_program(plan: &Plan, program: &Program, allocation: &Allocation) {
    let Some(outcome) = allocation.program(&program.id) else {
        return;
    };
    let (min, max) = program.capacity.map_or((0, 0), |c| (c.min, c.max));
    let seats = match (min, lang()) {
        (0, Lang::En) => format!("up to {max} seats"),
        (0, Lang::Zh) => format!("最多 {max} 个名额"),
        (_, Lang::En) => format!("{min}–{max} seats"),
        (_, Lang::Zh) => format!("{min}–{max} 个名额"),
    };
    println!("{} {} ({seats})", program.id, program.title);
    if allocation.is_confidential(&program.id) {
        println!(
            "    {}",
            t(
                "confidential: roster and decisions are not shown",
                "保密项目：不显示名单和录取结果"
            )
        );
        return;
    }
    for condition in &program.conditions {
        println!(
            "    {}: {} — {}",
            t("condition", "开班条件"),
            describe_condition(condition, allocation, plan),
            if outcome.reason == Some("conditions_not_met") {
                t("NOT MET, not opened", "未满足，不开班")
            } else {
                t("met, opened", "已满足，开班")
            }
        );
    }
    match outcome.reason {
        Some("below_minimum") => {
            let n = outcome.applicants;
            println!(
                "    {}",
                t(
                    &format!(
                        "CANCELLED: below its minimum of {min}; its {n} eligible applicant(s) \
                         moved on to their next choices"
                    ),
                    &format!("取消：不足最低开班人数 {min} 人；{n} 名符合条件的报名者转入下一志愿")
                )
            )
        }
        Some("conditions_not_met") => {}
        Some(other) => println!("    {} ({other})", t("not running", "不开班")),
        None => println!(
            "    {} {}, {} {}: {}{}",
            outcome.applicants,
            t("applicant(s)", "人报名"),
            outcome.enrolled.len(),
            t("enrolled", "人录取"),
            first_few(&outcome.enrolled),
            if outcome.waitlist.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} {}: {}",
                    t("waiting", "候补"),
                    outcome.waitlist.len(),
                    first_few(&outcome.waitlist)
                )
            }
        ),
    }
}

/// Up to five ids, then how many more.
fn first_few(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    match ids.len().saturating_sub(shown.len()) {
        0 => shown.join(" "),
        more => format!("{} … (+{more})", shown.join(" ")),
    }
}

/// A condition in words, with what was counted.
fn describe_condition(condition: &Condition, allocation: &Allocation, plan: &Plan) -> String {
    match condition {
        Condition::DemandAtLeast(d) => {
            let (n, p) = (d.applicants, &d.program);
            let had = allocation.program(p).map_or(0, |o| o.applicants);
            t(
                &format!("at least {n} applicants for {p} (had {had})"),
                &format!("{p} 至少 {n} 人报名（实有 {had} 人）"),
            )
            .to_owned()
        }
        Condition::FillAtLeast(f) => {
            let max = plan
                .programs
                .iter()
                .find(|p| p.id == f.program)
                .and_then(|p| p.capacity)
                .map_or(0, |c| c.max);
            let got = allocation
                .program(&f.program)
                .map_or(0, |o| o.enrolled.len());
            let (p, pct) = (&f.program, f.percent);
            t(
                &format!("{p} at least {pct}% full (had {got} of {max})"),
                &format!("{p} 报满至少 {pct}%（{max} 个名额已满 {got} 个）"),
            )
            .to_owned()
        }
        Condition::All(list) => list
            .iter()
            .map(|c| describe_condition(c, allocation, plan))
            .collect::<Vec<_>>()
            .join(t(" and ", "，并且 ")),
        Condition::Any(list) => list
            .iter()
            .map(|c| describe_condition(c, allocation, plan))
            .collect::<Vec<_>>()
            .join(t(" or ", "，或者 ")),
    }
}

/// The first enrolled, waitlisted and ineligible decisions (by person id) on public programs.
fn explain_examples(plan: &Plan, people: &[Person], allocation: &Allocation) {
    let (decisions, programs, draw) = (
        allocation.decisions(),
        allocation.programs(),
        allocation.draw(),
    );
    let public = |d: &&Decision| !allocation.is_confidential(&d.program);
    let find = |pred: &dyn Fn(&Decision) -> bool| {
        decisions.iter().find_map(|(person, list)| {
            list.iter()
                .filter(public)
                .find(|d| pred(d))
                .map(|d| (person, d, list))
        })
    };
    let title = |id: &str| {
        plan.programs
            .iter()
            .find(|p| p.id == id)
            .map_or(String::new(), |p| p.title.clone())
    };
    let rank = |list: &[Decision], d: &Decision| {
        list.iter()
            .position(|x| x.program == d.program)
            .map_or(0, |k| k + 1)
    };
    let crowded = |id: &str| programs.get(id).is_some_and(|o| !o.waitlist.is_empty());
    // The public draw: people with at least one choice that is not confidential.
    let shared: Vec<&String> = draw
        .iter()
        .filter(|p| {
            decisions
                .get(*p)
                .is_some_and(|l| l.iter().any(|d| !allocation.is_confidential(&d.program)))
        })
        .collect();
    if let Some((person, d, list)) = find(&|d| d.code == "enrolled" && crowded(&d.program)) {
        let place_of = |id: &String| shared.iter().position(|p| *p == id).map(|k| k + 1);
        let place = place_of(person).unwrap_or(0);
        let outcome = programs.get(&d.program);
        let waiting = outcome.map_or(0, |o| o.waitlist.len());
        // With one priority tier, everyone enrolled was drawn before everyone waiting.
        let last_in = outcome
            .and_then(|o| o.enrolled.iter().filter_map(&place_of).max())
            .unwrap_or(0);
        let first_out = outcome
            .and_then(|o| o.waitlist.iter().filter_map(&place_of).min())
            .unwrap_or(usize::MAX);
        if lang() == Lang::Zh {
            let ahead = if last_in < first_out {
                format!("，排在候补名单上全部 {waiting} 人之前")
            } else {
                String::new()
            };
            println!(
                "{person} 的第 {} 志愿，{}在公开抽签中排第 {place} 位（共 {} 人）{ahead}。",
                rank(list, d),
                explain_titled(d, plan),
                shared.len()
            );
        } else {
            println!(
                "{person}, choice {} {} {}: ENROLLED — place {place} of {} in the public draw{}.",
                rank(list, d),
                d.program,
                title(&d.program),
                shared.len(),
                if last_in < first_out {
                    format!(", ahead of all {waiting} people on its waiting list")
                } else {
                    String::new()
                }
            );
        }
    }
    if let Some((person, d, list)) = find(&|d| d.code == "waitlisted" && d.position.is_some()) {
        let got = list
            .iter()
            .filter(|x| x.code == "enrolled" && !allocation.is_confidential(&x.program))
            .map(|x| format!("meanwhile they have a seat in {}", x.program))
            .next()
            .unwrap_or_else(|| "they have no seat yet".to_owned());
        if lang() == Lang::Zh {
            let seat = list
                .iter()
                .find(|x| x.code == "enrolled" && !allocation.is_confidential(&x.program))
                .map_or("目前还没有任何名额".to_owned(), |x| {
                    format!("目前已录取 {}", title(&x.program))
                });
            println!(
                "{person} 的第 {} 志愿，{}名额都给了抽签排在前面的人；{seat}。",
                rank(list, d),
                explain_titled(d, plan)
            );
        } else {
            println!(
            "{person}, choice {} {} {}: WAITLISTED at position {} — every seat went to someone \
             drawn earlier; {got}.",
            rank(list, d),
            d.program,
            title(&d.program),
            d.position.unwrap_or(0)
        );
        }
    }
    let ineligible = |d: &Decision| d.code.starts_with("ineligible") && d.rule.is_some();
    // Prefer a failure inside a compound rule: it shows the path best.
    let nested =
        |d: &Decision| ineligible(d) && d.rule.as_ref().is_some_and(|r| r.path.contains('.'));
    if let Some((person, d, list)) = find(&nested).or_else(|| find(&ineligible)) {
        let program = plan.programs.iter().find(|p| p.id == d.program);
        let failed = d.rule.as_ref();
        let rule = program
            .and_then(|p| p.audience.as_ref())
            .zip(failed)
            .and_then(|(root, f)| rule_at(root, &f.path));
        let who = people
            .iter()
            .find(|p| &p.id == person)
            .map_or(String::new(), |p| {
                let on = program
                    .and_then(|x| x.schedule.as_ref())
                    .map_or(allocation.as_of, |s| s.first);
                let age = p.birth_date.map_or(0, |b| age_on(b, on));
                format!(
                    "{person} is {age} on {on}, {}{}",
                    residency_words(p.residency),
                    if p.tags.is_empty() {
                        String::new()
                    } else {
                        format!(", tagged {}", p.tags.join(", "))
                    }
                )
            });
        if lang() == Lang::Zh {
            println!(
                "{person} 的第 {} 志愿，{}未满足的条件位于 `{}`。",
                rank(list, d),
                explain_titled(d, plan),
                failed.map_or("", |f| f.path.as_str())
            );
            return;
        }
        println!(
            "{person}, choice {} {} {}: NOT ELIGIBLE ({}) — the rule at `{}` ({}) fails: the \
             audience must be {}, but {who}.",
            rank(list, d),
            d.program,
            title(&d.program),
            d.code,
            failed.map_or("", |f| f.path.as_str()),
            failed.map_or("", |f| f.code.as_str()),
            rule.map_or("?".to_owned(), describe_rule)
        );
    }
}

/// The decision explained in the report's language, the program named by its title.
fn explain_titled(decision: &Decision, plan: &Plan) -> String {
    let title = plan
        .programs
        .iter()
        .find(|p| p.id == decision.program)
        .map_or(decision.program.clone(), |p| p.title.clone());
    let titled = Decision {
        program: title,
        ..decision.clone()
    };
    explain_decision(&titled, lang())
}

/// The rule a failure path points at: every step but the last (which names the rule itself).
fn rule_at<'a>(root: &'a Rule, path: &str) -> Option<&'a Rule> {
    let steps: Vec<&str> = path.split('.').collect();
    let mut rule = root;
    for step in steps.iter().take(steps.len().saturating_sub(1)) {
        rule = match (rule, step.split_once('[')) {
            (Rule::All(list), Some(("all", i))) | (Rule::Any(list), Some(("any", i))) => {
                list.get(i.trim_end_matches(']').parse::<usize>().ok()?)?
            }
            (Rule::Not(inner), None) if *step == "not" => inner,
            _ => return None,
        };
    }
    Some(rule)
}

/// A rule in plain English.
fn describe_rule(rule: &Rule) -> String {
    let join = |list: &[Rule], word: &str| {
        list.iter()
            .map(describe_rule)
            .collect::<Vec<_>>()
            .join(word)
    };
    match rule {
        Rule::All(list) => join(list, " and "),
        Rule::Any(list) => format!("either {}", join(list, " or ")),
        Rule::Not(inner) => format!("not {}", describe_rule(inner)),
        Rule::Age(range) => match (range.min, range.max) {
            (Some(lo), Some(hi)) => format!("aged {lo} to {hi}"),
            (Some(lo), None) => format!("aged {lo} or over"),
            (None, Some(hi)) => format!("aged {hi} or under"),
            (None, None) => "of any age".to_owned(),
        },
        Rule::Residency(list) => list
            .iter()
            .map(|&r| residency_words(r))
            .collect::<Vec<_>>()
            .join(t(" or ", "，或者 ")),
        Rule::Tag(tag) => format!("tagged {tag}"),
        Rule::Completed(list) => format!("someone who completed {}", list.join(", ")),
        Rule::Household(_) => "in a household that meets the household rule".to_owned(),
    }
}

fn residency_words(r: Residency) -> &'static str {
    match r {
        Residency::Resident => "a resident of the community",
        Residency::Surrounding => "from a surrounding community",
        Residency::Visitor => "a visitor",
    }
}
