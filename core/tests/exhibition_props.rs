//! Property tests of exhibitions built from the plan: every category's election holds only
//! entries of that category, no entrant goes past the per-person limit, every entry is either
//! a candidate or refused, and neither the elections nor the results depend on the order in
//! which entries were given; a visitor is counted at most once per category.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use huaide::exhibition::{
    exhibition_elections, tally_exhibition, CategoryBallots, Entry, ExhibitionOptions,
};
use huaide::plan::Plan;
use huaide::vote::{Ballot, Method};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const CATEGORIES: usize = 3;

fn plan(limit: u32) -> Plan {
    let categories: Vec<_> = (0..CATEGORIES)
        .map(|c| serde_json::json!({"id": format!("c{c}"), "title": format!("C{c}")}))
        .collect();
    serde_json::from_value(serde_json::json!({
        "id": "p", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
        "programs": [{"id": "art", "kind": "exhibition", "title": "Art",
            "exhibition": {"categories": categories, "max_entries_per_person": limit,
                "submission_deadline": "2006-09-10", "visitor_voting": true}}]
    }))
    .unwrap()
}

/// Entries with unique ids; categories include one the plan does not have (`c3`).
fn entries() -> impl Strategy<Value = Vec<Entry>> {
    prop::collection::vec(
        (0..6usize, 0..=CATEGORIES, prop::option::of(0..20u32)),
        0..24,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (person, category, day))| Entry {
                id: format!("e{i:02}"),
                person: format!("r{person}"),
                category: format!("c{category}"),
                title: format!("work {i}"),
                submitted_on: day.map(|d| NaiveDate::from_ymd_opt(2006, 9, 1 + d).unwrap()),
            })
            .collect()
    })
}

fn options(method: Method, seats: u32) -> ExhibitionOptions {
    ExhibitionOptions {
        method,
        seats,
        ..ExhibitionOptions::default()
    }
}

/// Approval ballots from visitors `v0..v7` over entry ids, per category.
fn ballots() -> impl Strategy<Value = Vec<(usize, usize, Vec<usize>)>> {
    prop::collection::vec(
        (
            0..8usize,
            0..CATEGORIES,
            prop::collection::vec(0..24usize, 1..3),
        ),
        0..40,
    )
}

fn cast(rows: &[(usize, usize, Vec<usize>)]) -> CategoryBallots {
    let mut out: CategoryBallots = BTreeMap::new();
    for (voter, category, marks) in rows {
        out.entry(format!("c{category}")).or_default().push(Ballot {
            voter: Some(format!("v{voter}")),
            approve: Some(marks.iter().map(|m| format!("e{m:02}")).collect()),
            ..Ballot::default()
        });
    }
    out
}

proptest! {
    #[test]
    fn elections_respect_categories_and_limits(entries in entries(), limit in 0..4u32) {
        let built = exhibition_elections(&plan(limit), "art", &entries, None, &options(Method::Approval, 1)).unwrap();
        let by_id: BTreeMap<&str, &Entry> = entries.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut accepted = BTreeSet::new();
        let mut per_person: BTreeMap<&str, u32> = BTreeMap::new();
        for item in &built.elections {
            prop_assert!(!item.entries.is_empty());
            prop_assert_eq!(item.election.candidates.len(), item.entries.len());
            for candidate in &item.election.candidates {
                let entry = by_id[candidate.id()];
                prop_assert_eq!(&entry.category, &item.category);
                prop_assert!(entry.submitted_on.is_none_or(|d| d <= NaiveDate::from_ymd_opt(2006, 9, 10).unwrap()));
                prop_assert!(accepted.insert(entry.id.clone()));
                *per_person.entry(entry.person.as_str()).or_default() += 1;
            }
        }
        prop_assert!(per_person.values().all(|&n| n <= limit));
        let refused: BTreeSet<String> = built.findings.iter()
            .filter(|f| f.code.refuses_entry())
            .map(|f| f.entry.clone().unwrap())
            .collect();
        prop_assert!(accepted.is_disjoint(&refused));
        prop_assert_eq!(accepted.len() + refused.len(), entries.len());
    }

    #[test]
    fn entry_order_never_matters(
        (entries, shuffled) in entries().prop_flat_map(|e| (Just(e.clone()), Just(e).prop_shuffle())),
        limit in 1..4u32,
        seats in 1..3u32,
        rows in ballots(),
    ) {
        let plan = plan(limit);
        let visitors: Vec<String> = (0..6).map(|v| format!("v{v}")).collect();
        let opts = ExhibitionOptions {
            tie_break: Some(huaide::vote::TieBreak { seed: Some("lot".into()), ..Default::default() }),
            ..options(Method::Approval, seats)
        };
        let one = exhibition_elections(&plan, "art", &entries, Some(&visitors), &opts).unwrap();
        let two = exhibition_elections(&plan, "art", &shuffled, Some(&visitors), &opts).unwrap();
        prop_assert_eq!(&one.elections, &two.elections);
        prop_assert_eq!(&one.roll, &two.roll);
        let codes = |b: &huaide::exhibition::ExhibitionElections| -> BTreeSet<(String, Option<String>)> {
            b.findings.iter().map(|f| (f.code.as_str().to_owned(), f.entry.clone())).collect()
        };
        prop_assert_eq!(codes(&one), codes(&two));
        let mut ballots = cast(&rows);
        let known: BTreeSet<&str> = one.elections.iter().map(|e| e.category.as_str()).collect();
        ballots.retain(|category, _| known.contains(category.as_str()));
        let r1 = tally_exhibition(&one, &ballots).unwrap();
        let r2 = tally_exhibition(&two, &ballots).unwrap();
        prop_assert_eq!(&r1, &r2);
        for category in &r1.categories {
            let b = category.result.ballots;
            prop_assert_eq!(b.cast, b.valid + b.rejected);
            // Each voter is counted at most once per category, and only if on the roll.
            let rejected: BTreeSet<usize> = category.result.rejected.iter().map(|r| r.index).collect();
            let mut counted = BTreeSet::new();
            for (i, ballot) in ballots.get(&category.category).into_iter().flatten().enumerate() {
                if !rejected.contains(&i) {
                    let voter = ballot.voter.clone().unwrap();
                    prop_assert!(visitors.contains(&voter));
                    prop_assert!(counted.insert(voter));
                }
            }
        }
    }
}
