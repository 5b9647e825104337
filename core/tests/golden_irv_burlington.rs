//! Golden test: IRV on the Burlington, VT 2009 mayoral election (`shared/oracles/burlington-2009`).
//!
//! Parse rule of the expected figures: `$UNDERVOTE` and `$OVERVOTE` marks are dropped and the
//! ballot's later ranks still count (here: a skipped rank, with no limit on skipped ranks).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::vote::{
    tally, Ballot, Candidate, Election, IrvOptions, Method, Rank, TallyResult, TieBreak,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn oracle() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/oracles/burlington-2009"
    ));
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("SKIPPED: oracle data not found at {}", dir.display());
        None
    }
}

fn read(dir: &Path) -> (Vec<String>, Vec<Ballot>) {
    let mut reader =
        csv::Reader::from_path(dir.join("us_vt_btv_2009_03_mayor.normalized.csv")).unwrap();
    let mut ballots: Vec<Ballot> = Vec::new();
    let mut last_id = String::new();
    let mut candidates: Vec<String> = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        let (id, choice) = (&record[0], &record[2]);
        if id != last_id {
            ballots.push(Ballot {
                ranking: Some(Vec::new()),
                ..Ballot::default()
            });
            last_id = id.to_owned();
        }
        let rank = if choice.starts_with('$') {
            Rank::Several(Vec::new())
        } else {
            if !candidates.iter().any(|c| c == choice) {
                candidates.push(choice.to_owned());
            }
            Rank::One(choice.to_owned())
        };
        ballots
            .last_mut()
            .unwrap()
            .ranking
            .as_mut()
            .unwrap()
            .push(rank);
    }
    candidates.sort();
    (candidates, ballots)
}

fn count(candidates: &[String], ballots: &[Ballot], batch: bool) -> TallyResult {
    let election = Election {
        id: "burlington-2009".to_owned(),
        method: Method::Irv,
        seats: 1,
        candidates: candidates.iter().cloned().map(Candidate::Id).collect(),
        roll: None,
        max_choices: None,
        tie_break: Some(TieBreak::default()),
        pairwise: None,
        score_range: None,
        irv: Some(IrvOptions {
            batch_elimination: batch,
            ..IrvOptions::default()
        }),
        stv: None,
    };
    tally(&election, ballots).unwrap()
}

fn inactive_total(round: &huaide::vote::Round) -> u64 {
    let i = &round.inactive;
    [
        &i.overvote,
        &i.skipped_ranks,
        &i.repeated_ranking,
        &i.exhausted,
        &i.undervote,
    ]
    .iter()
    .map(|v| v.parse::<u64>().unwrap())
    .sum()
}

#[test]
fn burlington_rounds_match_curator_and_pyrankvote() {
    let Some(dir) = oracle() else { return };
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let (candidates, ballots) = read(&dir);
    assert_eq!(ballots.len() as u64, expected["ballots"].as_u64().unwrap());
    let result = count(&candidates, &ballots, false);
    assert_eq!(
        result.winners,
        vec![expected["winner"].as_str().unwrap().to_owned()]
    );
    assert_eq!(result.ballots.valid, 8980);
    let rounds = expected["derived_by_curator"]["rounds"].as_array().unwrap();
    assert_eq!(result.rounds.len(), rounds.len());
    let mut matched = 0;
    for (got, want) in result.rounds.iter().zip(rounds) {
        let want_tally: BTreeMap<String, String> = want["tally"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect();
        assert_eq!(got.tally, want_tally, "round {}", got.round);
        assert_eq!(
            inactive_total(got),
            want["exhausted"].as_u64().unwrap(),
            "round {}",
            got.round
        );
        if let Some(e) = want.get("eliminated") {
            assert_eq!(got.eliminated, vec![e.as_str().unwrap().to_owned()]);
        }
        // Conservation: continuing + inactive = valid.
        assert_eq!(
            got.continuing.parse::<u64>().unwrap() + inactive_total(got),
            8980
        );
        matched += 1;
    }
    // pyrankvote's final round.
    let last = result.rounds.last().unwrap();
    let py = &expected["pyrankvote_test"];
    assert_eq!(
        last.tally["Bob Kiss"],
        py["final_round"]["Bob Kiss"].to_string()
    );
    assert_eq!(
        last.tally["Kurt Wright"],
        py["final_round"]["Kurt Wright"].to_string()
    );
    assert_eq!(
        inactive_total(last),
        py["final_round_blank_votes"].as_u64().unwrap()
    );
    println!("burlington: {matched}/{} rounds matched, winner Bob Kiss 4313 - Kurt Wright 4060, 607 inactive", rounds.len());
    assert_eq!(matched, 5);
}

#[test]
fn burlington_batch_elimination_gives_the_official_three_rounds() {
    let Some(dir) = oracle() else { return };
    let (candidates, ballots) = read(&dir);
    let result = count(&candidates, &ballots, true);
    assert_eq!(result.rounds.len(), 3);
    let first = &result.rounds[0];
    let mut eliminated = first.eliminated.clone();
    eliminated.sort();
    assert_eq!(eliminated, vec!["Dan Smith", "James Simpson", "Write-in"]);
    assert_eq!(result.rounds[1].tally["Andy Montroll"], "2554");
    assert_eq!(result.rounds[2].tally["Bob Kiss"], "4313");
    assert_eq!(result.rounds[2].tally["Kurt Wright"], "4060");
    assert_eq!(result.winners, vec!["Bob Kiss"]);
}
