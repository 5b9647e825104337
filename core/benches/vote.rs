//! Vote-tallying benchmarks (issue 5). Aims, single thread: IRV on 100k ballots × 10
//! candidates ≤ 3 ms; Schulze over 20 candidates × 100k ballots ≤ 25 ms; plurality
//! ≥ 500 M ballots/s.
//!
//! Each method is timed from three starting points, named in the benchmark id:
//! - `strings/*`: `tally` on 100k `Ballot`s with string ids, one per voter (everything:
//!   validation, interning, grouping, the count, the audit);
//! - `grouped/*`: `tally` on the same ballots grouped with `count` (what a caller who
//!   already grouped them passes; the Python comparison uses this);
//! - `profile/*`: `tally_profile` on a compact, interned, grouped [`Profile`] built once
//!   (candidate indices; the count and the audit only).
//!
//! The synthetic profiles are deterministic (xorshift): candidates have Zipf-like popularity,
//! each ballot ranks a truncated random permutation drawn by popularity (1 to n ranks, most
//! ballots 1–4), so top choices are shared and identical ballots common, as in real elections.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use huaide::vote::{tally, tally_profile, Ballot, Election, Profile, Rank};

/// A deterministic synthetic profile: `voters` rankings over `n` candidates (indices).
pub fn rankings(n: usize, voters: usize, seed: u64) -> Vec<Vec<u16>> {
    let mut state = seed | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    // Popularity weights ~ 1/(i+1), as integers.
    let weights: Vec<u64> = (0..n).map(|i| 10_000 / (i as u64 + 1)).collect();
    (0..voters)
        .map(|_| {
            // Ranks used: geometric-ish, 1..=n, mean about 3.
            let mut len = 1;
            while len < n && next() % 100 < 62 {
                len += 1;
            }
            let mut left: Vec<usize> = (0..n).collect();
            let mut ranking = Vec::with_capacity(len);
            for _ in 0..len {
                let total: u64 = left.iter().map(|&c| weights[c]).sum();
                let mut pick = next() % total;
                let mut at = 0;
                for (i, &c) in left.iter().enumerate() {
                    if pick < weights[c] {
                        at = i;
                        break;
                    }
                    pick -= weights[c];
                }
                ranking.push(left.remove(at) as u16);
            }
            ranking
        })
        .collect()
}

fn id(c: u16) -> String {
    format!("c{c:02}")
}

fn election(method: &str, n: usize) -> Election {
    let candidates: Vec<String> = (0..n as u16).map(id).collect();
    // STV elects a committee of three (Scottish rules, the default).
    let seats = if method == "stv" { 3 } else { 1 };
    serde_json::from_value(serde_json::json!({
        "id": "bench", "method": method, "seats": seats, "candidates": candidates,
        "tie_break": {"seed": "bench"}
    }))
    .unwrap()
}

fn ballots(rankings: &[Vec<u16>]) -> Vec<Ballot> {
    rankings
        .iter()
        .map(|r| Ballot {
            ranking: Some(r.iter().map(|&c| Rank::One(id(c))).collect()),
            ..Ballot::default()
        })
        .collect()
}

fn grouped(rankings: &[Vec<u16>]) -> Vec<Ballot> {
    let mut sorted = rankings.to_vec();
    sorted.sort_unstable();
    sorted
        .chunk_by(|a, b| a == b)
        .map(|group| Ballot {
            ranking: Some(group[0].iter().map(|&c| Rank::One(id(c))).collect()),
            count: Some(group.len() as u64),
            ..Ballot::default()
        })
        .collect()
}

fn profile(n: usize, rankings: &[Vec<u16>]) -> Profile {
    let mut profile = Profile::new(n).unwrap();
    for r in rankings {
        profile.push(r, 1).unwrap();
    }
    profile.grouped().unwrap()
}

fn method(c: &mut Criterion, name: &str, n: usize, voters: usize) {
    let mut rankings = rankings(n, voters, 0x9E37_79B9_7F4A_7C15);
    if name == "plurality" {
        rankings.iter_mut().for_each(|r| r.truncate(1));
    }
    let election = election(name, n);
    let strings = ballots(&rankings);
    let groups = grouped(&rankings);
    let compact = profile(n, &rankings);
    let expected = tally(&election, &strings).unwrap();
    assert_eq!(tally(&election, &groups).unwrap().winners, expected.winners);
    assert_eq!(
        tally_profile(&election, &compact).unwrap().rounds,
        expected.rounds
    );
    eprintln!(
        "{name}: {voters} ballots, {n} candidates, {} distinct; winner {:?}",
        groups.len(),
        expected.winners
    );
    let mut group = c.benchmark_group(format!("{name} {n}x{voters}"));
    group.sample_size(20);
    group.throughput(Throughput::Elements(voters as u64));
    group.bench_function("strings", |b| {
        b.iter(|| tally(&election, &strings).unwrap())
    });
    group.bench_function("grouped", |b| b.iter(|| tally(&election, &groups).unwrap()));
    group.bench_function("profile", |b| {
        b.iter(|| tally_profile(&election, &compact).unwrap())
    });
    group.bench_function("build profile", |b| b.iter(|| profile(n, &rankings)));
    group.finish();
}

fn plurality(c: &mut Criterion) {
    // One first choice per voter; 10M voters, ungrouped, so each ballot is read.
    let n = 10;
    let voters = 10_000_000;
    let firsts: Vec<u16> = rankings(n, 100_000, 0x2545_F491_4F6C_DD1D)
        .iter()
        .cycle()
        .take(voters)
        .map(|r| r[0])
        .collect();
    let mut group = c.benchmark_group(format!("plurality {n}x{voters}"));
    group.sample_size(20);
    group.throughput(Throughput::Elements(voters as u64));
    group.bench_function("first choices", |b| {
        b.iter(|| huaide::vote::plurality_counts(n, &firsts).unwrap())
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    method(c, "irv", 10, 100_000);
    method(c, "stv", 10, 100_000);
    method(c, "schulze", 20, 100_000);
    method(c, "plurality", 10, 100_000);
    plurality(c);
}

criterion_group!(benches, bench);
criterion_main!(benches);
