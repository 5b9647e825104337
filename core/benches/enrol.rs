//! Allocation benchmarks: 10k applicants × 5 choices × 200 programs, and (with
//! `HUAIDE_BENCH_BIG=1`) 1M applicants × 10 choices × 20k programs. Aims: 2 ms and 1.5 s.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::instance;
use criterion::{criterion_group, criterion_main, Criterion};
use huaide::enrol::{allocate, AllocationOptions};

fn bench(c: &mut Criterion) {
    let small = instance(10_000, 5, 200, 40);
    let options: AllocationOptions = small.options();
    c.bench_function("allocate 10k x 5 x 200", |b| {
        b.iter(|| allocate(&small.plan, &small.people, &small.applications, &options).unwrap())
    });
    let done = allocate(&small.plan, &small.people, &small.applications, &options).unwrap();
    c.bench_function("serialise 10k x 5 x 200 (JSON)", |b| {
        b.iter(|| serde_json::to_vec(&done).unwrap())
    });
    if std::env::var_os("HUAIDE_BENCH_BIG").is_some() {
        let big = instance(1_000_000, 10, 20_000, 40);
        let options = big.options();
        let mut group = c.benchmark_group("big");
        group.sample_size(10);
        group.bench_function("allocate 1M x 10 x 20k", |b| {
            b.iter(|| allocate(&big.plan, &big.people, &big.applications, &options).unwrap())
        });
        let done = allocate(&big.plan, &big.people, &big.applications, &options).unwrap();
        group.bench_function("serialise 1M x 10 x 20k (JSON)", |b| {
            b.iter(|| serde_json::to_vec(&done).unwrap())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
