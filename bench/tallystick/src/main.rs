//! Times huaide against tallystick (IRV, Schulze, plurality) on the profiles of
//! `core/benches/vote.rs`, checks that the winners agree and prints the ratios.
//!
//! Both start from the same grouped profile (distinct rankings of candidate indices with
//! their counts): tallystick is timed adding them (`add_weighted`) and tallying; huaide is
//! timed building a `Profile` from them and `tally_profile` (the full result, with its audit),
//! and, apart, `tally` on grouped wire ballots with string ids. Plurality is also timed ballot
//! by ballot (no grouping): tallystick `add` per ballot against huaide `plurality_counts`.
//!
//! Run: `cargo +nightly run --release [-- VOTERS REPEAT]` in this directory.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

use huaide::vote::{plurality_counts, tally, tally_profile, Ballot, Election, Profile, Rank};
use tallystick::irv::DefaultTally as IrvTally;
use tallystick::plurality::DefaultPluralityTally;
use tallystick::schulze::{DefaultSchulzeTally, Variant};
use tallystick::Transfer;

/// The profile of `core/benches/vote.rs::rankings`.
fn rankings(n: usize, voters: usize, seed: u64) -> Vec<Vec<u16>> {
    let mut state = seed | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let weights: Vec<u64> = (0..n).map(|i| 10_000 / (i as u64 + 1)).collect();
    (0..voters)
        .map(|_| {
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

fn best<T>(repeat: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..repeat {
        let start = Instant::now();
        let r = black_box(f());
        best = best.min(start.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.unwrap())
}

fn line(name: &str, seconds: f64, base: Option<f64>) {
    let ratio = base.map(|b| format!("  ({:7.1}x huaide)", seconds / b)).unwrap_or_default();
    println!("  {name:<46} {:10.3} ms{ratio}", seconds * 1e3);
}

fn compare(method: &str, n: usize, voters: usize, repeat: usize) -> bool {
    let mut profile = rankings(n, voters, 0x9E37_79B9_7F4A_7C15);
    if method == "plurality" {
        profile.iter_mut().for_each(|r| r.truncate(1));
    }
    let mut counts: BTreeMap<Vec<u16>, u64> = BTreeMap::new();
    for r in &profile {
        *counts.entry(r.clone()).or_default() += 1;
    }
    let groups: Vec<(Vec<u16>, u64)> = counts.into_iter().collect();
    println!("{method}: {voters} ballots x {n} candidates, {} distinct rankings", groups.len());
    let candidates: Vec<String> = (0..n as u16).map(id).collect();
    let mut election = serde_json::json!({"id": "bench", "method": method, "seats": 1,
        "candidates": candidates, "tie_break": {"seed": "bench"}});
    if method == "schulze" {
        // tallystick compares only the candidates a ballot ranks.
        election["pairwise"] = serde_json::json!({"unranked": "explicit"});
    }
    let election: Election = serde_json::from_value(election).unwrap();
    let wire: Vec<Ballot> = groups
        .iter()
        .map(|(r, k)| Ballot {
            ranking: Some(r.iter().map(|&c| Rank::One(id(c))).collect()),
            count: Some(*k),
            ..Ballot::default()
        })
        .collect();

    let (t_h, result) = best(repeat, || {
        let mut p = Profile::new(n).unwrap();
        for (r, k) in &groups {
            p.push(r, *k).unwrap();
        }
        tally_profile(&election, &p).unwrap()
    });
    line("huaide Profile + tally_profile", t_h, None);
    let (t, wire_result) = best(repeat, || tally(&election, &wire).unwrap());
    line("huaide tally (grouped wire ballots)", t, Some(t_h));
    let mut winners = vec![
        ("huaide", result.winners.clone()),
        ("huaide wire", wire_result.winners.clone()),
    ];
    let cands: Vec<u16> = (0..n as u16).collect();
    let (t, w) = match method {
        "irv" => best(repeat, || {
            let mut t = IrvTally::with_candidates(Transfer::Meek, cands.clone());
            for (r, k) in &groups {
                t.add_weighted(r.clone(), *k);
            }
            t.tally_winners().into_unranked()
        }),
        "schulze" => best(repeat, || {
            let mut t = DefaultSchulzeTally::with_candidates(1, Variant::Winning, cands.clone());
            for (r, k) in &groups {
                t.add_weighted(r, *k).unwrap();
            }
            t.winners().into_unranked()
        }),
        _ => best(repeat, || {
            let mut t = DefaultPluralityTally::with_capacity(1, n);
            for (r, k) in &groups {
                t.add_weighted(r[0], *k);
            }
            t.winners().into_unranked()
        }),
    };
    line(&format!("tallystick {method}"), t, Some(t_h));
    winners.push(("tallystick", w.iter().map(|&c| id(c)).collect()));
    if method == "plurality" {
        let firsts: Vec<u16> = profile.iter().map(|r| r[0]).collect();
        let (t_b, totals) = best(repeat, || plurality_counts(n, &firsts).unwrap());
        line("huaide plurality_counts, ballot by ballot", t_b, None);
        let (t, w) = best(repeat, || {
            let mut t = DefaultPluralityTally::with_capacity(1, n);
            for &c in &firsts {
                t.add(c);
            }
            t.winners().into_unranked()
        });
        line("tallystick plurality add, ballot by ballot", t, Some(t_b));
        let top = (0..n).max_by_key(|&c| (totals[c], std::cmp::Reverse(c))).unwrap();
        winners.push(("huaide plurality_counts", vec![id(top as u16)]));
        winners.push(("tallystick ballot by ballot", w.iter().map(|&c| id(c)).collect()));
        println!(
            "  huaide plurality_counts: {:.0} M ballots/s",
            voters as f64 / t_b / 1e6
        );
    }
    let agree = winners.iter().all(|(_, w)| *w == winners[0].1);
    println!("  winners: {winners:?} -> {}", if agree { "AGREE" } else { "DISAGREE" });
    agree
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let voters = args.get(1).map_or(100_000, |v| v.parse().unwrap());
    let repeat = args.get(2).map_or(10, |v| v.parse().unwrap());
    let ok = [
        compare("irv", 10, voters, repeat),
        compare("schulze", 20, voters, repeat),
        compare("plurality", 10, voters, repeat),
    ];
    std::process::exit(if ok.iter().all(|&a| a) { 0 } else { 1 });
}
