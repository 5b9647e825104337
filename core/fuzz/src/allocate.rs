//! The structure-aware target of `allocate`: a small plan, people and applications built
//! from the fuzzer's bytes, every mechanism, and the invariants checked on the result.

use arbitrary::{Arbitrary, Unstructured};
use huaide::enrol::{self, Allocation, AllocationRequest};
use huaide::plan::audience::{evaluate, Person as View};
use serde_json::{json, Value};

#[derive(Arbitrary, Debug)]
struct Program {
    max: u8,
    min: u8,
    confidential: bool,
    cancelled: bool,
    audience: u8,
    tiers: u8,
}

#[derive(Arbitrary, Debug)]
struct Person {
    residency: u8,
    tags: u8,
    birth: Option<u8>,
    household: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct Apply {
    person: u8,
    choices: Vec<u8>,
    group: Option<u8>,
    max_programs: Option<u8>,
    minute: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct Case {
    programs: Vec<Program>,
    people: Vec<Person>,
    applications: Vec<Apply>,
    mechanism: u8,
    seed: u8,
}

const RESIDENCY: [&str; 3] = ["resident", "surrounding", "visitor"];
const MECHANISMS: [&str; 3] = ["deferred_acceptance", "serial_dictatorship", "first_come"];

fn audience(pick: u8) -> Option<Value> {
    match pick % 7 {
        1 => Some(json!({"residency": ["resident"]})),
        2 => Some(json!({"tag": "youth"})),
        3 => Some(json!({"age": {"min": 12, "max": 60}})),
        4 => Some(json!({"not": {"tag": "elderly"}})),
        5 => Some(json!({"household": {"max_enrolled": 1}})),
        6 => Some(json!({"any": [{"tag": "elderly"}, {"residency": ["surrounding"]}]})),
        _ => None,
    }
}

fn program(i: usize, p: &Program) -> Value {
    let prefix = if p.confidential { "secret" } else { "prog" };
    let mut doc = json!({
        "id": format!("{prefix}{i}"),
        "kind": "class",
        "title": format!("program {i}"),
        "capacity": {"min": p.min % 3, "max": p.max % 6},
        "confidential": p.confidential,
    });
    if p.cancelled && p.max.is_multiple_of(5) {
        doc["status"] = json!("cancelled");
    }
    if let Some(rule) = audience(p.audience) {
        doc["audience"] = rule;
    }
    if p.tiers % 3 == 1 {
        doc["allocation"] = json!({"tiers": [{"residency": ["resident"]}, {"tag": "youth"}]});
    }
    doc
}

/// The request of a case, as the wire document (so the readers are exercised too).
fn request(case: &Case) -> Value {
    let programs: Vec<Value> = case
        .programs
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, p)| program(i, p))
        .collect();
    let n_programs = programs.len().max(1);
    let ids: Vec<String> = programs
        .iter()
        .map(|p| p["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    let people: Vec<Value> = case
        .people
        .iter()
        .take(14)
        .enumerate()
        .map(|(i, p)| {
            let tags: Vec<&str> = [(1, "youth"), (2, "elderly")]
                .iter()
                .filter(|(bit, _)| p.tags & bit != 0)
                .map(|(_, t)| *t)
                .collect();
            let mut doc = json!({
                "id": format!("p{i}"),
                "residency": RESIDENCY[usize::from(p.residency % 3)],
                "tags": tags,
            });
            if let Some(b) = p.birth {
                doc["birth_date"] = json!(format!("{}-06-15", 1930 + u32::from(b % 90)));
            }
            if let Some(h) = p.household {
                doc["household"] = json!(format!("h{}", h % 4));
            }
            doc
        })
        .collect();
    let n_people = people.len().max(1);
    let applications: Vec<Value> = case
        .applications
        .iter()
        .take(20)
        .map(|a| {
            let choices: Vec<String> = a
                .choices
                .iter()
                .take(4)
                .map(|&c| {
                    ids.get(usize::from(c) % n_programs)
                        .cloned()
                        .unwrap_or_else(|| "nowhere".to_owned())
                })
                .collect();
            let mut doc = json!({
                "person": format!("p{}", usize::from(a.person) % n_people),
                "choices": choices,
            });
            if let Some(g) = a.group {
                doc["group"] = json!([format!("p{}", usize::from(g) % n_people)]);
            }
            if let Some(m) = a.max_programs {
                doc["max_programs"] = json!(m % 3);
            }
            if let Some(m) = a.minute {
                doc["submitted_at"] = json!(format!("2006-03-01T08:{:02}:00+08:00", m % 60));
            }
            doc
        })
        .collect();
    json!({
        "plan": {
            "id": "fuzz", "community": "fuzz", "year": 2006, "timezone": "Asia/Shanghai",
            "programs": programs,
        },
        "people": people,
        "applications": applications,
        "mechanism": MECHANISMS[usize::from(case.mechanism % 3)],
        "seed": format!("seed {}", case.seed),
        "as_of": "2006-03-01",
    })
}

fn run(request: &AllocationRequest) -> Result<Allocation, enrol::EnrolError> {
    enrol::allocate(
        &request.plan,
        &request.people,
        &request.applications,
        &request.options(),
    )
}

/// The fuzz body: allocate, then check capacity, eligibility, household caps, determinism,
/// that the shared form names no confidential program and nobody who applied only to
/// confidential programs, and that it is the same without any confidential choice.
pub fn fuzz(data: &[u8]) {
    let Ok(case) = Case::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let doc = request(&case);
    let Ok(req) = enrol::read_allocation_request(&doc) else {
        return;
    };
    let Ok(allocation) = run(&req) else {
        return;
    };
    let shared = serde_json::to_string(&allocation).unwrap_or_default();
    let again = run(&req).ok().and_then(|a| serde_json::to_string(&a).ok());
    assert_eq!(again.as_deref(), Some(shared.as_str()), "not deterministic");
    check_programs(&req, &allocation);
    check_confidential(&req, &shared);
    check_independent(&req, &shared);
}

/// The shared form does not depend on who applied to confidential programs: with every
/// confidential choice struck out (and the applications left without a choice dropped),
/// it is the same, byte for byte.
fn check_independent(req: &AllocationRequest, shared: &str) {
    let secret = |c: &String| {
        req.plan
            .programs
            .iter()
            .any(|p| p.confidential && &p.id == c)
    };
    let mut stripped = req.clone();
    stripped.applications = req
        .applications
        .iter()
        .filter(|a| a.choices.is_empty() || !a.choices.iter().all(secret))
        .map(|a| {
            let mut a = a.clone();
            a.choices.retain(|c| !secret(c));
            a
        })
        .collect();
    let without = run(&stripped).map(|a| serde_json::to_string(&a).unwrap_or_default());
    assert_eq!(
        without.as_deref().ok(),
        Some(shared),
        "the shared form depends on confidential choices"
    );
}

fn check_programs(req: &AllocationRequest, allocation: &Allocation) {
    for program in &req.plan.programs {
        let Some(report) = allocation.for_program(&program.id) else {
            continue;
        };
        let enrolled = &report.outcome.enrolled;
        let max = program.capacity.map_or(u32::MAX, |c| c.max);
        assert!(
            enrolled.len() as u64 <= u64::from(max),
            "{}: over capacity",
            program.id
        );
        for id in enrolled {
            let person = req.people.iter().find(|p| &p.id == id);
            assert!(
                person.is_some(),
                "{}: {id} enrolled but not a person",
                program.id
            );
            let Some(person) = person else {
                continue;
            };
            let applied = req.applications.iter().any(|a| {
                (a.person == *id || a.group.contains(id)) && a.choices.contains(&program.id)
            });
            assert!(applied, "{}: {id} enrolled without applying", program.id);
            let Some(rule) = &program.audience else {
                continue;
            };
            if matches!(rule, huaide::plan::audience::Rule::Household(_)) {
                let same =
                    |p: &&enrol::Person| p.household.is_some() && p.household == person.household;
                let members = enrolled
                    .iter()
                    .filter(|e| req.people.iter().filter(same).any(|p| &p.id == *e))
                    .count();
                assert!(members <= 1, "{}: household cap exceeded", program.id);
                continue;
            }
            let view = View {
                birth_date: person.birth_date,
                residency: person.residency,
                tags: person.tags.clone(),
                completed: person.history.clone(),
                household_enrolled: 0,
                household_tags: Vec::new(),
            };
            let on = program.schedule.as_ref().map_or(req.as_of, |s| s.first);
            assert!(
                evaluate(rule, &view, on).is_ok(),
                "{}: {id} is not eligible",
                program.id
            );
        }
    }
}

fn check_confidential(req: &AllocationRequest, shared: &str) {
    for program in req.plan.programs.iter().filter(|p| p.confidential) {
        let quoted = format!("\"{}\"", program.id);
        assert!(
            !shared.contains(&quoted),
            "the shared form names {}",
            program.id
        );
    }
    let secret = |c: &String| {
        req.plan
            .programs
            .iter()
            .any(|p| p.confidential && &p.id == c)
    };
    for person in &req.people {
        let applications: Vec<_> = req
            .applications
            .iter()
            .filter(|a| a.person == person.id || a.group.contains(&person.id))
            .collect();
        let only_secret = !applications.is_empty()
            && applications
                .iter()
                .all(|a| !a.choices.is_empty() && a.choices.iter().all(secret));
        if only_secret {
            let quoted = format!("\"{}\"", person.id);
            assert!(
                !shared.contains(&quoted),
                "the shared form names {}",
                person.id
            );
        }
    }
}
