//! Allocation benchmarks: 10k applicants × 5 choices × 200 programs, and (with
//! `HUAIDE_BENCH_BIG=1`) 1M applicants × 10 choices × 20k programs. Aims: 2 ms and 1.5 s.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use huaide::enrol::{allocate, AllocationOptions, AllocationRequest, Application, Person};
use huaide::plan::{audience::Residency, Plan};

/// A random instance: `n` applicants, `k` distinct choices each among `m` programs of
/// `seats` seats. Deterministic (xorshift).
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
        as_of: chrono::NaiveDate::from_ymd_opt(2006, 3, 1).unwrap(),
    }
}

fn bench(c: &mut Criterion) {
    let small = instance(10_000, 5, 200, 40);
    let options: AllocationOptions = small.options();
    c.bench_function("allocate 10k x 5 x 200", |b| {
        b.iter(|| allocate(&small.plan, &small.people, &small.applications, &options).unwrap())
    });
    if std::env::var_os("HUAIDE_BENCH_BIG").is_some() {
        let big = instance(1_000_000, 10, 20_000, 40);
        let options = big.options();
        let mut group = c.benchmark_group("big");
        group.sample_size(10);
        group.bench_function("allocate 1M x 10 x 20k", |b| {
            b.iter(|| allocate(&big.plan, &big.people, &big.applications, &options).unwrap())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
