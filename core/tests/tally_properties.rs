//! Property tests for the invariants of the first tally slice.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::vote::{tally, Ballot, Election, Method, Rank};
use proptest::prelude::*;

const IDS: [&str; 5] = ["a", "b", "c", "d", "e"];

fn election(method: Method, seats: u32, roll: bool, seed: Option<String>) -> Election {
    let mut doc = serde_json::json!({
        "id": "e",
        "method": method,
        "seats": seats,
        "candidates": IDS,
    });
    if roll {
        doc["roll"] = (0..6).map(|v| format!("v{v}")).collect();
    }
    if let Some(seed) = seed {
        doc["tie_break"] = serde_json::json!({ "seed": seed });
    }
    serde_json::from_value(doc).unwrap()
}

/// Ballots drawn from a small alphabet so that every rejection path is exercised.
fn ballot(method: Method) -> impl Strategy<Value = Ballot> {
    let marks = prop::collection::vec(
        prop::sample::select(vec!["a", "b", "c", "d", "e", "x"]),
        0..4,
    );
    let voter = prop::option::of(prop::sample::select(vec!["v0", "v1", "v2", "v7"]));
    (marks, voter, prop::option::of(1u64..5)).prop_map(move |(marks, voter, count)| {
        let marks: Vec<String> = marks.into_iter().map(String::from).collect();
        let count = if voter.is_some() { None } else { count };
        let mut ballot = Ballot {
            voter: voter.map(String::from),
            count,
            ..Ballot::default()
        };
        match method {
            Method::Approval => ballot.approve = Some(marks),
            _ => ballot.ranking = Some(marks.into_iter().map(Rank::One).collect()),
        }
        ballot
    })
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(vec![Method::Plurality, Method::Approval])
}

fn case() -> impl Strategy<Value = (Election, Vec<Ballot>)> {
    (
        method(),
        1u32..=5,
        any::<bool>(),
        prop::option::of("[a-z]{0,8}"),
    )
        .prop_flat_map(|(method, seats, roll, seed)| {
            (
                Just(election(method, seats, roll, seed)),
                prop::collection::vec(ballot(method), 0..40),
            )
        })
}

proptest! {
    #[test]
    fn every_ballot_is_counted_or_rejected((election, ballots) in case()) {
        let result = tally(&election, &ballots).unwrap();
        let cast: u64 = ballots.iter().map(Ballot::weight).sum();
        prop_assert_eq!(result.ballots.cast, cast);
        prop_assert_eq!(result.ballots.cast, result.ballots.valid + result.ballots.rejected);
        let rejected: u64 = result.rejected.iter().map(|r| r.count).sum();
        prop_assert_eq!(rejected, result.ballots.rejected);
    }

    #[test]
    fn winners_never_exceed_seats_and_a_seed_always_decides((election, ballots) in case()) {
        let result = tally(&election, &ballots).unwrap();
        prop_assert!(result.winners.len() <= election.seats as usize);
        prop_assert_eq!(result.complete, result.winners.len() == election.seats as usize);
        if election.seed().is_some() {
            prop_assert!(result.complete);
            prop_assert!(result.ranking.iter().all(|tier| tier.len() == 1));
        }
        let ranked: usize = result.ranking.iter().map(Vec::len).sum();
        prop_assert_eq!(ranked, IDS.len());
    }

    #[test]
    fn winners_have_at_least_the_votes_of_every_loser((election, ballots) in case()) {
        let result = tally(&election, &ballots).unwrap();
        for winner in &result.winners {
            for (id, votes) in &result.counts {
                if !result.winners.contains(id) {
                    prop_assert!(result.counts[winner] >= *votes);
                }
            }
        }
    }

    #[test]
    fn the_same_input_gives_the_same_bytes((election, ballots) in case()) {
        let one = serde_json::to_string(&tally(&election, &ballots).unwrap()).unwrap();
        let two = serde_json::to_string(&tally(&election, &ballots).unwrap()).unwrap();
        prop_assert_eq!(one, two);
    }

    #[test]
    fn anonymous_ballot_order_does_not_matter(
        (election, ballots) in case(),
        rotation in 0usize..40,
    ) {
        let anonymous: Vec<Ballot> = ballots
            .into_iter()
            .map(|b| Ballot { voter: None, ..b })
            .collect();
        let mut election = election;
        election.roll = None;
        let mut rotated = anonymous.clone();
        if !rotated.is_empty() {
            let by = rotation % rotated.len();
            rotated.rotate_left(by);
        }
        let one = tally(&election, &anonymous).unwrap();
        let two = tally(&election, &rotated).unwrap();
        prop_assert_eq!(one.counts, two.counts);
        prop_assert_eq!(one.winners, two.winners);
        prop_assert_eq!(one.ballots, two.ballots);
    }

    #[test]
    fn reading_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = huaide::error::read_json::<Election>(&text, "election");
        let _ = huaide::error::read_json::<Vec<Ballot>>(&text, "ballots");
        let _ = huaide::error::read_json::<huaide::motion::Motion>(&text, "");
    }
}
