//! Enrolment on the seed plan: a synthetic roll of residents applies for the programs with
//! seats, and the public draw decides who gets one.
//!
//! `main.rs` declares `mod enrolment;` and calls [`print_enrolment_report`]. The roll is made
//! up, but deterministically: every number comes from [`Draw`] on a fixed seed, so the report
//! is the same on every run and machine (no RNG crate, no clock).

use std::collections::BTreeSet;
use std::error::Error;

use chrono::{Datelike, NaiveDate};
use huaide::draw::Draw;
use huaide::enrol::{allocate, Allocation, AllocationOptions, Application, Decision, Person};
use huaide::plan::audience::{age_on, Residency, Rule};
use huaide::plan::{Condition, Plan, Program};

/// The seed plan, as committed next to this file.
const PLAN: &str = include_str!("plan.toml");

/// Seed of the made-up roll (not of the allocation).
const ROLL_SEED: &str = "huaideyuan-2006/synthetic-roll";

/// The published seed of the enrolment draw.
const DRAW_SEED: &str = "懷德苑 2006 enrolment draw, council meeting of 2006-03-06";

/// How many residents are on the roll.
const ROLL_SIZE: usize = 120;

/// Program ids and weights an applicant of a profile picks from (higher is likelier).
type Menu = &'static [(&'static str, u64)];

const CHILD_MENU: Menu = &[
    ("pottery", 6),
    ("piano", 3),
    ("youth_science", 2),
    ("chorus", 1),
];
const ADULT_MENU: Menu = &[
    ("pottery", 5),
    ("erhu", 3),
    ("night_school", 4),
    ("chorus", 3),
    ("opera_singalong", 1),
    ("happy_family_online", 1),
];
const ELDER_MENU: Menu = &[
    ("happy_family_online", 6),
    ("opera_singalong", 5),
    ("erhu", 2),
    ("chorus", 2),
    ("night_school", 1),
];
const OUTSIDER_MENU: Menu = &[
    ("chorus", 4),
    ("night_school", 4),
    ("opera_singalong", 2),
    ("pottery", 1),
];

/// Prints the allocation of seats for the plan's programs with a capacity.
pub fn print_enrolment_report() -> Result<(), Box<dyn Error>> {
    let plan = Plan::from_toml(PLAN)?;
    let as_of = NaiveDate::from_ymd_opt(2006, 3, 6).ok_or("bad date")?;
    let mut draw = Draw::from_seed(ROLL_SEED);
    let people = roll(&mut draw, as_of);
    let applications = apply(&mut draw, &people, as_of);
    let options = AllocationOptions {
        mechanism: None,
        seed: DRAW_SEED.to_owned(),
        as_of,
    };
    let allocation = allocate(&plan, &people, &applications, &options)?;

    println!("\n== Enrolment: who gets a seat ==");
    let households: BTreeSet<&str> = people
        .iter()
        .filter_map(|p| p.household.as_deref())
        .collect();
    let count = |r: Residency| people.iter().filter(|p| p.residency == r).count();
    println!(
        "Synthetic roll: {} people in {} households ({} resident, {} from surrounding \
         communities, {} visitors).",
        people.len(),
        households.len(),
        count(Residency::Resident),
        count(Residency::Surrounding),
        count(Residency::Visitor)
    );
    println!(
        "{} applications with {} ranked choices, one seat each; {}, {} run(s).",
        applications.len(),
        applications.iter().map(|a| a.choices.len()).sum::<usize>(),
        serde_json::to_value(allocation.mechanism)?
            .as_str()
            .unwrap_or("?"),
        allocation.iterations
    );
    println!("Published seed: \"{}\"", allocation.seed);

    println!("\n-- Rosters and waiting lists --");
    for program in plan.programs.iter().filter(|p| p.capacity.is_some()) {
        print_program(&plan, program, &allocation);
    }

    println!("\n-- Three decisions explained --");
    explain_examples(&plan, &people, &allocation);
    Ok(())
}

/// Ages are spread 6–85; households share residency; tags follow age.
fn roll(draw: &mut Draw, as_of: NaiveDate) -> Vec<Person> {
    let mut people = Vec::with_capacity(ROLL_SIZE);
    let mut household = 0;
    while people.len() < ROLL_SIZE {
        household += 1;
        let residency = match draw.below(20) {
            0..=1 => Residency::Surrounding,
            2 => Residency::Visitor,
            _ => Residency::Resident,
        };
        // Ages of the members: a family, an elderly couple, a single adult or an elder.
        let ages: Vec<u64> = match draw.below(10) {
            0..=3 => {
                let parent = 30 + draw.below(16);
                let mut a = vec![parent, parent + draw.below(4), 6 + draw.below(11)];
                if draw.below(3) == 0 {
                    a.push(60 + draw.below(20));
                }
                a
            }
            4..=6 => {
                let elder = 60 + draw.below(22);
                vec![elder, elder + draw.below(5)]
            }
            7..=8 => vec![18 + draw.below(42)],
            _ => vec![65 + draw.below(21)],
        };
        for age in ages {
            if people.len() >= ROLL_SIZE {
                break;
            }
            let year = as_of.year() - age as i32;
            let month = 1 + draw.below(12) as u32;
            let day = 1 + draw.below(28) as u32;
            let mut tags = Vec::new();
            match age {
                60.. => tags.push("elderly".to_owned()),
                12..=18 => tags.push("youth".to_owned()),
                0..=11 => tags.push("child".to_owned()),
                _ => {}
            }
            if (20..70).contains(&age) && draw.below(12) == 0 {
                tags.push("council_member".to_owned());
            }
            people.push(Person {
                id: format!("p{:03}", people.len() + 1),
                birth_date: NaiveDate::from_ymd_opt(year, month, day),
                household: Some(format!("h{household:02}")),
                residency,
                tags,
                history: Vec::new(),
            });
        }
    }
    people
}

/// About four in five apply, with one to three choices drawn from their profile's menu.
fn apply(draw: &mut Draw, people: &[Person], as_of: NaiveDate) -> Vec<Application> {
    let mut applications = Vec::new();
    for person in people {
        let age = person.birth_date.map_or(0, |b| age_on(b, as_of));
        let menu = if person.residency != Residency::Resident {
            OUTSIDER_MENU
        } else if age < 17 {
            CHILD_MENU
        } else if age < 60 {
            ADULT_MENU
        } else {
            ELDER_MENU
        };
        let mut choices = Vec::new();
        if draw.below(5) != 0 {
            let wanted = 1 + draw.below(3);
            let mut left: Vec<(&str, u64)> = menu.to_vec();
            while (choices.len() as u64) < wanted && !left.is_empty() {
                let total: u64 = left.iter().map(|x| x.1).sum();
                let mut ticket = draw.below(total);
                let Some(k) = left.iter().position(|&(_, w)| {
                    let hit = ticket < w;
                    ticket = ticket.saturating_sub(w);
                    hit
                }) else {
                    break;
                };
                choices.push(left.remove(k).0.to_owned());
            }
        }
        // A few ask for counselling too; that choice is confidential.
        if draw.below(25) == 0 {
            choices.push("counselling_room".to_owned());
        }
        if !choices.is_empty() {
            applications.push(Application {
                person: person.id.clone(),
                choices,
                submitted_at: None,
                group: Vec::new(),
                max_programs: None,
            });
        }
    }
    applications
}

/// One program: status, roster and waiting list (confidential ones as a note only).
fn print_program(plan: &Plan, program: &Program, allocation: &Allocation) {
    let Some(outcome) = allocation.program(&program.id) else {
        return;
    };
    let (min, max) = program.capacity.map_or((0, 0), |c| (c.min, c.max));
    let seats = if min == 0 {
        format!("up to {max} seats")
    } else {
        format!("{min}–{max} seats")
    };
    println!("{} {} ({seats})", program.id, program.title);
    if allocation.is_confidential(&program.id) {
        println!("    confidential: roster and decisions are not shown");
        return;
    }
    for condition in &program.conditions {
        println!(
            "    condition: {} — {}",
            describe_condition(condition, allocation, plan),
            if outcome.reason == Some("conditions_not_met") {
                "NOT MET, not opened"
            } else {
                "met, opened"
            }
        );
    }
    match outcome.reason {
        Some("below_minimum") => println!(
            "    CANCELLED: below its minimum of {min}; its {} eligible applicant(s) moved on to \
             their next choices",
            outcome.applicants
        ),
        Some("conditions_not_met") => {}
        Some(other) => println!("    not running ({other})"),
        None => println!(
            "    {} applicant(s), {} enrolled: {}{}",
            outcome.applicants,
            outcome.enrolled.len(),
            first_few(&outcome.enrolled),
            if outcome.waitlist.is_empty() {
                String::new()
            } else {
                format!(
                    "; waiting {}: {}",
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
        Condition::DemandAtLeast(d) => format!(
            "at least {} applicants for {} (had {})",
            d.applicants,
            d.program,
            allocation.program(&d.program).map_or(0, |o| o.applicants)
        ),
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
            format!(
                "{} at least {}% full (had {got} of {max})",
                f.program, f.percent
            )
        }
        Condition::All(list) => list
            .iter()
            .map(|c| describe_condition(c, allocation, plan))
            .collect::<Vec<_>>()
            .join(" and "),
        Condition::Any(list) => list
            .iter()
            .map(|c| describe_condition(c, allocation, plan))
            .collect::<Vec<_>>()
            .join(" or "),
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
    if let Some((person, d, list)) = find(&|d| d.code == "waitlisted" && d.position.is_some()) {
        let got = list
            .iter()
            .filter(|x| x.code == "enrolled" && !allocation.is_confidential(&x.program))
            .map(|x| format!("meanwhile they have a seat in {}", x.program))
            .next()
            .unwrap_or_else(|| "they have no seat yet".to_owned());
        println!(
            "{person}, choice {} {} {}: WAITLISTED at position {} — every seat went to someone \
             drawn earlier; {got}.",
            rank(list, d),
            d.program,
            title(&d.program),
            d.position.unwrap_or(0)
        );
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
            .join(" or "),
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
