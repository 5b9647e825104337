//! Where the semantics say input order does not matter, it does not: the same people and
//! applications in any order give the same allocation, byte for byte; the same anonymous
//! ballots in any order, and the same shards merged in any order, give the same count.
//! (Order matters where the wire says so: a rejected ballot is named by its index, and a
//! voter's first ballot is the one counted, so those inputs are kept valid and anonymous.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::enrol::{allocate, AllocationOptions};
use huaide::plan::Plan;
use huaide::tables::{
    read_applications, read_people, ApplicationOptions, PeopleOptions, TableSource,
};
use huaide::vote::{merge_partials, tally, tally_partial, Ballot, Election};
use proptest::prelude::*;

const PLAN: &str = include_str!("../../examples/huaideyuan/plan.toml");
const PEOPLE: &[u8] = include_bytes!("../../examples/huaideyuan/people.csv");
const APPLICATIONS: &[u8] = include_bytes!("../../examples/huaideyuan/applications.xlsx");

/// `items` permuted by `keys` (one sort key per item).
fn permuted<T: Clone>(items: &[T], keys: &[u32]) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| (keys.get(i).copied().unwrap_or(0), i));
    order.into_iter().map(|i| items[i].clone()).collect()
}

fn election(method: &str, seats: u32, candidates: usize) -> Election {
    let ids: Vec<String> = (0..candidates).map(|c| format!("c{c}")).collect();
    let mut doc = serde_json::json!({"id": "e", "method": method, "seats": seats,
        "candidates": ids, "tie_break": {"seed": "order does not matter"}});
    if method == "stv" {
        doc["stv"] = serde_json::json!({"rule": "scottish"});
    }
    serde_json::from_value(doc).unwrap()
}

fn ballots(rankings: &[Vec<usize>], approval: bool) -> Vec<Ballot> {
    rankings
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| {
            let ids: Vec<String> = r.iter().map(|c| format!("c{c}")).collect();
            let doc = if approval {
                serde_json::json!({ "approve": ids })
            } else {
                serde_json::json!({ "ranking": ids })
            };
            serde_json::from_value(doc).unwrap()
        })
        .collect()
}

/// Rankings of up to 5 candidates without repeats.
fn rankings() -> impl Strategy<Value = Vec<Vec<usize>>> {
    prop::collection::vec(
        Just((0..5usize).collect::<Vec<_>>())
            .prop_shuffle()
            .prop_flat_map(|r| (0..=5usize).prop_map(move |n| r[..n].to_vec())),
        1..60,
    )
}

#[test]
fn an_allocation_does_not_depend_on_the_order_of_people_or_applications() {
    let plan = Plan::from_toml(PLAN).unwrap();
    let people = read_people(
        &TableSource::new("people.csv", PEOPLE),
        &PeopleOptions::default(),
    )
    .unwrap()
    .people;
    let applications = read_applications(
        &TableSource::new("applications.xlsx", APPLICATIONS),
        &ApplicationOptions::default(),
        Some(&plan),
    )
    .unwrap()
    .applications;
    let options = AllocationOptions {
        mechanism: None,
        seed: "懷德苑 2006".to_owned(),
        commitment: None,
        public_value: None,
        as_of: chrono::NaiveDate::from_ymd_opt(2006, 3, 6).unwrap(),
    };
    let bytes = |p: &[_], a: &[_]| {
        serde_json::to_string(&allocate(&plan, p, a, &options).unwrap()).unwrap()
    };
    let expected = bytes(&people, &applications);
    for salt in 0..8u32 {
        let keys: Vec<u32> = (0..people.len().max(applications.len()) as u32)
            .map(|i| i.wrapping_mul(2_654_435_761).rotate_left(salt + 3) ^ salt)
            .collect();
        let (p, a) = (
            permuted(&people, &keys),
            permuted(&applications, &keys[1..]),
        );
        assert_eq!(bytes(&p, &a), expected, "shuffle {salt}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn anonymous_ballots_count_the_same_in_any_order(
        rankings in rankings(),
        keys in prop::collection::vec(any::<u32>(), 60),
        method in prop::sample::select(vec!["irv", "stv", "plurality", "borda", "schulze", "approval"]),
    ) {
        let seats = if method == "stv" { 2 } else { 1 };
        let election = election(method, seats, 5);
        let ballots = ballots(&rankings, method == "approval");
        prop_assume!(!ballots.is_empty());
        let plurality = method == "plurality";
        let ballots: Vec<Ballot> = if plurality {
            ballots.into_iter().map(|mut b| {
                b.ranking = b.ranking.map(|r| r.into_iter().take(1).collect());
                b
            }).collect()
        } else {
            ballots
        };
        let expected = serde_json::to_string(&tally(&election, &ballots).unwrap()).unwrap();
        let shuffled = permuted(&ballots, &keys);
        let got = serde_json::to_string(&tally(&election, &shuffled).unwrap()).unwrap();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn shards_merge_the_same_in_any_order(
        rankings in rankings(),
        cut in 1usize..4,
        method in prop::sample::select(vec!["irv", "stv", "borda", "schulze"]),
    ) {
        let seats = if method == "stv" { 2 } else { 1 };
        let election = election(method, seats, 5);
        let ballots = ballots(&rankings, false);
        prop_assume!(ballots.len() > cut);
        let shards: Vec<&[Ballot]> = ballots.chunks(ballots.len().div_ceil(cut + 1)).collect();
        let partials: Vec<_> = shards.iter().map(|s| tally_partial(&election, s).unwrap()).collect();
        let forward = serde_json::to_string(&merge_partials(&election, &partials).unwrap()).unwrap();
        let reversed: Vec<_> = partials.iter().rev().cloned().collect();
        let backward = serde_json::to_string(&merge_partials(&election, &reversed).unwrap()).unwrap();
        prop_assert_eq!(backward, forward);
    }
}
