//! The synthetic allocation instance shared by the criterion bench and
//! `examples/enrol_bench.rs --synthetic`.

use huaide::enrol::{AllocationRequest, Application, Person};
use huaide::plan::{audience::Residency, Plan};

/// A random instance: `n` applicants, `k` distinct choices each among `m` programs of
/// `seats` seats. Deterministic (xorshift).
#[allow(clippy::unwrap_used)]
pub fn instance(n: usize, k: usize, m: usize, seats: u32) -> AllocationRequest {
    let mut plan = Plan::from_json(
        r#"{"id": "bench", "community": "c", "year": 2006, "timezone": "Asia/Shanghai"}"#,
    )
    .unwrap();
    let program: huaide::plan::Program = serde_json::from_value(serde_json::json!(
        {"id": "x", "kind": "class", "title": "x", "capacity": {"max": seats}}
    ))
    .unwrap();
    plan.programs = (0..m)
        .map(|i| {
            let mut p = program.clone();
            p.id = format!("p{i:05}");
            p
        })
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let people: Vec<Person> = (0..n)
        .map(|i| Person {
            id: format!("u{i:07}"),
            birth_date: None,
            household: None,
            residency: Residency::Resident,
            tags: Vec::new(),
            history: Vec::new(),
        })
        .collect();
    let applications: Vec<Application> = (0..n)
        .map(|i| {
            let mut choices: Vec<String> = Vec::with_capacity(k);
            while choices.len() < k.min(m) {
                let id = format!("p{:05}", next() % m as u64);
                if !choices.contains(&id) {
                    choices.push(id);
                }
            }
            Application {
                person: format!("u{i:07}"),
                choices,
                submitted_at: None,
                group: Vec::new(),
                max_programs: None,
            }
        })
        .collect();
    AllocationRequest {
        plan,
        people,
        applications,
        mechanism: None,
        seed: "bench".to_owned(),
        commitment: None,
        public_value: None,
        as_of: chrono::NaiveDate::from_ymd_opt(2006, 3, 1).unwrap(),
    }
}
