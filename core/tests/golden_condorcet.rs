//! Schulze on the Debian Project Leader elections 2006, 2007 and 2020 (tally sheets in
//! `shared/oracles/debian`), in both readings of unranked options, against `expected.json`:
//! the full ranking, the official winner, the pairwise counts and the 2020 strongest paths.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn oracles() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/oracles"));
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("SKIPPED: oracle data not found at {}", dir.display());
        None
    }
}

/// Reads a Debian tally sheet (bytes, ISO-8859-1): option names and ranked ballots.
fn read_tally(bytes: &[u8]) -> (Vec<String>, Vec<Value>) {
    let text: String = bytes.iter().map(|&b| b as char).collect(); // ISO-8859-1
    let mut options: BTreeMap<usize, String> = BTreeMap::new();
    let mut ballots = Vec::new();
    for line in text.lines() {
        if let Some(pos) = line.find("Option ") {
            let rest = &line[pos + 7..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let (Ok(k), Some(colon)) = (digits.parse::<usize>(), rest.find(">: ")) {
                options.insert(k, rest[colon + 3..].trim().to_owned());
            }
        } else if let Some(vote) = line.strip_prefix("V: ") {
            let marks = vote.split_whitespace().next().unwrap();
            let names: Vec<&String> = options.values().collect();
            let mut by_rank: BTreeMap<u32, Vec<String>> = BTreeMap::new();
            for (k, ch) in marks.chars().enumerate() {
                if let Some(rank) = ch.to_digit(36) {
                    by_rank.entry(rank).or_default().push(names[k].clone());
                }
            }
            let ranking: Vec<Value> = by_rank.into_values().map(|ids| json!(ids)).collect();
            ballots.push(json!({ "ranking": ranking }));
        }
    }
    (options.into_values().collect(), ballots)
}

fn tiers_as_sets(tiers: &Value) -> Vec<BTreeSet<String>> {
    tiers
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            t.as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

fn count(
    dir: &std::path::Path,
    file: &str,
    unranked: &str,
) -> (Vec<String>, huaide::vote::TallyResult) {
    let bytes = std::fs::read(dir.join("debian").join(file)).unwrap();
    let (options, ballots) = read_tally(&bytes);
    let election = json!({
        "id": file, "method": "schulze", "seats": 1, "candidates": options,
        "pairwise": { "strength": "margin", "unranked": unranked }
    });
    let election = huaide::vote::read_election(&election).unwrap();
    let ballots = huaide::vote::read_ballots(Value::Array(ballots)).unwrap();
    (options, huaide::vote::tally(&election, &ballots).unwrap())
}

#[test]
fn debian_leader_elections_match() {
    let Some(dir) = oracles() else { return };
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("debian/expected.json")).unwrap())
            .unwrap();
    let mut checks = 0;
    let mut matched = 0;
    let mut failures = Vec::new();
    let mut check = |name: String, ok: bool| {
        checks += 1;
        if ok {
            matched += 1;
        } else {
            failures.push(name);
        }
    };
    for (year, e) in expected["elections"].as_object().unwrap() {
        let file = e["file"].as_str().unwrap();
        for mode in ["implicit", "explicit"] {
            let (options, result) = count(&dir, file, mode);
            check(
                format!("{year} options"),
                json!(options) == e["options_in_file_order"],
            );
            check(
                format!("{year} {mode} ballots"),
                result.ballots.valid == e["votes"].as_u64().unwrap(),
            );
            let got: Vec<BTreeSet<String>> = result
                .ranking
                .iter()
                .map(|t| t.iter().cloned().collect())
                .collect();
            check(
                format!("{year} {mode} ranking"),
                got == tiers_as_sets(&e[format!("ranking_{mode}")]),
            );
            if mode == "implicit" {
                check(
                    format!("{year} official winner"),
                    result.winners == vec![e["official_winner"].as_str().unwrap().to_owned()],
                );
                let pairwise = serde_json::to_value(&result.pairwise).unwrap();
                check(
                    format!("{year} pairwise"),
                    pairwise == e["derived_by_curator"]["pairwise_implicit"],
                );
                if let Some(paths) = e.get("schulze_margin_strongest_paths_implicit") {
                    let got = serde_json::to_value(&result.strongest_paths).unwrap();
                    check(format!("{year} strongest paths"), &got == paths);
                }
            }
        }
    }
    println!("debian: {matched}/{checks} checks matched");
    assert!(checks >= 20, "too few checks ran: {checks}");
    assert!(failures.is_empty(), "failed: {failures:?}");
}

#[test]
fn debian_condorcet_winner_wins_every_condorcet_method() {
    let Some(dir) = oracles() else { return };
    let mut checked = 0;
    for file in [
        "leader2006_tally.txt",
        "leader2007_tally.txt",
        "leader2020_tally.txt",
    ] {
        let bytes = std::fs::read(dir.join("debian").join(file)).unwrap();
        let (options, ballots) = read_tally(&bytes);
        let ballots = huaide::vote::read_ballots(Value::Array(ballots)).unwrap();
        let mut winners = Vec::new();
        for method in ["schulze", "ranked_pairs", "copeland"] {
            let election = json!({"id": file, "method": method, "seats": 1, "candidates": options});
            let election = huaide::vote::read_election(&election).unwrap();
            let result = huaide::vote::tally(&election, &ballots).unwrap();
            let cw = result
                .condorcet_winner
                .clone()
                .expect("each DPL election has a Condorcet winner");
            assert_eq!(result.winners, vec![cw.clone()], "{file} {method}");
            winners.push(cw);
            checked += 1;
        }
        assert!(winners.windows(2).all(|w| w[0] == w[1]));
    }
    assert_eq!(checked, 9);
}

#[test]
fn debian_2006_explicit_and_implicit_winners_differ() {
    let Some(dir) = oracles() else { return };
    let (_, implicit) = count(&dir, "leader2006_tally.txt", "implicit");
    let (_, explicit) = count(&dir, "leader2006_tally.txt", "explicit");
    assert_eq!(implicit.winners, vec!["Anthony Towns"]);
    assert_eq!(explicit.winners, vec!["Steve McIntyre"]);
    // The implicit ranking has a tie (Schuldei = van Wolffelaar), recorded but not for the seat.
    assert!(implicit
        .ties
        .iter()
        .any(|t| t.seats_at_stake == 0 && t.candidates.len() == 2));
    assert!(implicit.complete);
}
