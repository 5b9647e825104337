//! Property tests of the counts: shards merge to the single count, ballot order does not
//! matter, and a Condorcet winner wins every Condorcet method.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::vote::{
    merge_partials, read_ballots, read_election, tally, tally_partial, Ballot, Election,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const IDS: [&str; 5] = ["a", "b", "c", "d", "e"];

const METHODS: [&str; 21] = [
    "irv",
    "stv",
    "plurality",
    "approval",
    "schulze",
    "ranked_pairs",
    "copeland",
    "borda",
    "score",
    "star",
    "majority_judgment",
    "sav",
    "pav",
    "cc",
    "seq_pav",
    "seq_cc",
    "rev_seq_pav",
    "seq_phragmen",
    "slav",
    "seq_slav",
    "geom2",
];

/// A raw ballot: a permutation, a level cut pattern, a truncation, scores and a weight.
fn raw_ballot() -> impl Strategy<Value = (Vec<usize>, Vec<bool>, usize, Vec<i64>, u64)> {
    (
        Just((0..5).collect::<Vec<usize>>()).prop_shuffle(),
        prop::collection::vec(any::<bool>(), 5),
        1usize..=5,
        prop::collection::vec(0i64..=5, 5),
        1u64..=3,
    )
}

fn ballot_for(
    method: &str,
    n: usize,
    raw: &(Vec<usize>, Vec<bool>, usize, Vec<i64>, u64),
) -> Value {
    let (perm, cuts, len, scores, weight) = raw;
    let order: Vec<usize> = perm.iter().copied().filter(|&c| c < n).collect();
    let len = (*len).min(order.len()).max(1);
    match method {
        "plurality" => json!({"ranking": [IDS[order[0]]], "count": weight}),
        "score" | "star" | "majority_judgment" => {
            let map: serde_json::Map<String, Value> = (0..n)
                .map(|c| (IDS[c].to_owned(), json!(scores[c])))
                .collect();
            json!({"scores": map, "count": weight})
        }
        "irv" | "stv" => {
            // Overvotes (several at a rank) and, sometimes, a blank first rank.
            let mut ranking: Vec<Vec<&str>> = Vec::new();
            if scores[0] == 0 {
                ranking.push(Vec::new());
            }
            for (i, &c) in order[..len].iter().enumerate() {
                if i == 0 || cuts[i] {
                    ranking.push(Vec::new());
                }
                ranking.last_mut().unwrap().push(IDS[c]);
            }
            json!({"ranking": ranking, "count": weight})
        }
        "schulze" | "ranked_pairs" | "copeland" | "borda" => {
            let mut ranking: Vec<Vec<&str>> = Vec::new();
            for (i, &c) in order[..len].iter().enumerate() {
                if i == 0 || cuts[i] {
                    ranking.push(Vec::new());
                }
                ranking.last_mut().unwrap().push(IDS[c]);
            }
            json!({"ranking": ranking, "count": weight})
        }
        _ => {
            json!({"approve": order[..len].iter().map(|&c| IDS[c]).collect::<Vec<_>>(), "count": weight})
        }
    }
}

fn election(method: &str, n: usize, seats: u32, unranked: &str, strength: &str) -> Election {
    let seats = if method == "star" || method == "irv" {
        1
    } else {
        seats.min(n as u32)
    };
    let mut e = json!({"id": "p", "method": method, "seats": seats, "candidates": &IDS[..n]});
    if ["schulze", "ranked_pairs", "copeland", "borda"].contains(&method) {
        e["pairwise"] = json!({"unranked": unranked, "strength": strength});
    }
    read_election(&e).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    #[test]
    fn shards_merge_to_the_single_count(
        method in prop::sample::select(METHODS.to_vec()),
        n in 2usize..=5,
        seats in 1u32..=3,
        explicit in any::<bool>(),
        margin in any::<bool>(),
        raws in prop::collection::vec(raw_ballot(), 0..12),
        cuts in prop::collection::vec(0usize..12, 0..3),
    ) {
        let e = election(method, n, seats, if explicit { "explicit" } else { "implicit" }, if margin { "margin" } else { "winning" });
        let ballots: Vec<Ballot> = read_ballots(Value::Array(raws.iter().map(|r| ballot_for(method, n, r)).collect())).unwrap();
        let whole = tally(&e, &ballots).unwrap();
        let mut bounds: Vec<usize> = cuts.iter().map(|&c| c.min(ballots.len())).collect();
        bounds.push(0);
        bounds.push(ballots.len());
        bounds.sort_unstable();
        let partials: Vec<_> = bounds
            .windows(2)
            .map(|w| {
                let partial = tally_partial(&e, &ballots[w[0]..w[1]]).unwrap();
                // Through the wire format and back.
                serde_json::from_value(serde_json::to_value(&partial).unwrap()).unwrap()
            })
            .collect();
        let merged = merge_partials(&e, &partials).unwrap();
        prop_assert_eq!(merged, whole);
    }

    #[test]
    fn ballot_order_does_not_matter(
        method in prop::sample::select(METHODS.to_vec()),
        n in 2usize..=5,
        seats in 1u32..=3,
        raws in prop::collection::vec(raw_ballot(), 1..12).prop_shuffle(),
        rotate in 0usize..12,
    ) {
        let e = election(method, n, seats, "implicit", "winning");
        let mut values: Vec<Value> = raws.iter().map(|r| ballot_for(method, n, r)).collect();
        let one = tally(&e, &read_ballots(Value::Array(values.clone())).unwrap()).unwrap();
        let k = rotate % values.len();
        values.rotate_left(k);
        values.reverse();
        let two = tally(&e, &read_ballots(Value::Array(values)).unwrap()).unwrap();
        prop_assert_eq!(&one.winners, &two.winners);
        prop_assert_eq!(&one.ranking, &two.ranking);
        prop_assert_eq!(&one.counts, &two.counts);
        prop_assert_eq!(&one.ties, &two.ties);
        prop_assert_eq!(&one.pairwise, &two.pairwise);
        prop_assert_eq!(one.complete, two.complete);
    }

    #[test]
    fn condorcet_winner_wins_condorcet_methods(
        n in 2usize..=5,
        explicit in any::<bool>(),
        margin in any::<bool>(),
        raws in prop::collection::vec(raw_ballot(), 1..15),
    ) {
        let unranked = if explicit { "explicit" } else { "implicit" };
        let strength = if margin { "margin" } else { "winning" };
        for method in ["schulze", "ranked_pairs", "copeland"] {
            let e = election(method, n, 1, unranked, strength);
            let ballots = read_ballots(Value::Array(raws.iter().map(|r| ballot_for(method, n, r)).collect())).unwrap();
            let result = tally(&e, &ballots).unwrap();
            if let Some(winner) = &result.condorcet_winner {
                prop_assert_eq!(&result.winners, &vec![winner.clone()], "{}", method);
                prop_assert!(result.complete);
            }
        }
    }
}
