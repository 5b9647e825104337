//! Property tests of the ballot box and the elimination counts' reading of it: the plain
//! path (ranks of one candidate each) and the general one agree, grouping identical
//! ballots does not change an `irv` count, and a box filled entry by entry gives the result
//! of the wire ballots, for ballots with unknown candidates, skipped and shared ranks,
//! repeated candidates, voters and counts, under every ballot rule of `irv`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::vote::{tally, tally_box, Ballot, BallotBoxBuilder, Election, Rank};
use proptest::prelude::*;
use serde_json::json;

/// One rank: a known or unknown id, several ids, or a skipped rank.
fn rank(n: usize) -> impl Strategy<Value = Rank> {
    let id = (0..n + 1).prop_map(|c| format!("c{c}")); // `c{n}` is not standing
    prop_oneof![
        6 => id.clone().prop_map(Rank::One),
        1 => prop::collection::vec(id, 0..3).prop_map(Rank::Several),
    ]
}

fn ballots(n: usize) -> impl Strategy<Value = Vec<Ballot>> {
    let ballot = (prop::collection::vec(rank(n), 0..n + 2), 0u8..4, 1u64..4).prop_map(
        |(ranking, kind, count)| match kind {
            0 => Ballot {
                voter: Some(format!("v{}", count % 3)),
                ranking: Some(ranking),
                ..Ballot::default()
            },
            1 => Ballot {
                ranking: Some(ranking),
                count: Some(count),
                ..Ballot::default()
            },
            _ => Ballot {
                ranking: Some(ranking),
                ..Ballot::default()
            },
        },
    );
    prop::collection::vec(ballot, 0..30)
}

fn election(method: &str, n: usize, options: u8) -> Election {
    let candidates: Vec<String> = (0..n).map(|c| format!("c{c}")).collect();
    let overvote =
        ["exhaust", "skip_to_next", "exhaust_if_multiple_continuing"][options as usize % 3];
    let mut e = json!({"id": "p", "method": method, "seats": 1, "candidates": candidates,
    "tie_break": {"seed": "lot"},
    "irv": {
        "overvote": overvote,
        "duplicate": if options & 4 == 4 { "exhaust" } else { "skip" },
        "max_skipped_ranks": if options & 8 == 8 { json!(1) } else { json!(null) },
        "max_rankings": if options & 16 == 16 { json!(3) } else { json!(null) },
    }});
    if method == "stv" {
        e["seats"] = json!(2.min(n));
        e["stv"] = json!({"rule": "rctab"});
    }
    serde_json::from_value(e).unwrap()
}

/// The ballots with a skipped rank appended to every ranking: the same ballots, which
/// no longer read as plain.
fn unplain(ballots: &[Ballot]) -> Vec<Ballot> {
    let mut out = ballots.to_vec();
    for b in &mut out {
        if let Some(r) = &mut b.ranking {
            r.push(Rank::Several(Vec::new()));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plain_and_general_reading_agree(
        (n, ballots) in (2usize..6).prop_flat_map(|n| (Just(n), ballots(n))),
        options in 0u8..32,
        stv in any::<bool>(),
    ) {
        let e = election(if stv { "stv" } else { "irv" }, n, options);
        let plain = tally(&e, &ballots).map(|r| serde_json::to_value(r).unwrap());
        let general = tally(&e, &unplain(&ballots)).map(|r| serde_json::to_value(r).unwrap());
        prop_assert_eq!(plain.map_err(|e| e.to_string()), general.map_err(|e| e.to_string()));
    }

    #[test]
    fn grouping_identical_irv_ballots_changes_no_count(
        (n, ballots) in (2usize..6).prop_flat_map(|n| (Just(n), ballots(n))),
        options in 0u8..32,
    ) {
        let e = election("irv", n, options);
        let anonymous: Vec<Ballot> = ballots
            .iter()
            .map(|b| Ballot { voter: None, count: None, ..b.clone() })
            .collect();
        let mut grouped: Vec<Ballot> = Vec::new();
        for b in &anonymous {
            match grouped.iter_mut().find(|g| g.ranking == b.ranking) {
                Some(g) => g.count = Some(g.count.unwrap_or(1) + 1),
                None => grouped.push(b.clone()),
            }
        }
        let one = tally(&e, &anonymous).unwrap();
        let other = tally(&e, &grouped).unwrap();
        prop_assert_eq!(&one.winners, &other.winners);
        prop_assert_eq!(&one.ranking, &other.ranking);
        prop_assert_eq!(&one.counts, &other.counts);
        prop_assert_eq!(&one.ballots, &other.ballots);
        prop_assert_eq!(serde_json::to_value(&one.rounds).unwrap(), serde_json::to_value(&other.rounds).unwrap());
    }

    #[test]
    fn a_box_filled_entry_by_entry_counts_as_its_ballots(
        (n, ballots) in (2usize..6).prop_flat_map(|n| (Just(n), ballots(n))),
        options in 0u8..32,
        method in prop::sample::select(vec!["irv", "stv", "plurality", "schulze", "borda"]),
    ) {
        let e = election(method, n, options);
        let mut builder = BallotBoxBuilder::new(&e);
        for b in &ballots {
            builder.start();
            if let Some(v) = &b.voter { builder.voter(v).unwrap(); }
            if let Some(c) = b.count { builder.count(c); }
            builder.start_ranking();
            for rank in b.ranking.iter().flatten() {
                for id in rank.candidates() { builder.mark(builder.candidate(id)); }
                builder.end_rank().unwrap();
            }
            builder.end().unwrap();
        }
        let from_box = tally_box(&e, &builder.finish()).map(|r| serde_json::to_value(r).unwrap());
        let from_ballots = tally(&e, &ballots).map(|r| serde_json::to_value(r).unwrap());
        prop_assert_eq!(from_box.map_err(|e| e.to_string()), from_ballots.map_err(|e| e.to_string()));
    }
}
