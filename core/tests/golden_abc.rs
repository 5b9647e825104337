//! Approval-based committee rules against the abcvoting instances in
//! `shared/oracles/abcvoting/test_instances` (480 `.abc.yaml` files).
//!
//! - `resolute: false`: [`huaide::vote::optimal_committees`] must return exactly the listed set
//!   of committees (every tied committee).
//! - `resolute: true`: a full count ([`huaide::vote::tally`], ties broken by candidate order)
//!   must elect one committee, and it must be among those listed.
//!
//! `result: null` is skipped. The test asserts a minimum number of matches per rule.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::vote::{optimal_committees, CommitteeRule};
use serde::Deserialize;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(Deserialize)]
struct Instance {
    profile: Vec<Vec<usize>>,
    num_cand: usize,
    committeesize: usize,
    compute: Vec<Compute>,
}

#[derive(Deserialize)]
struct Compute {
    rule_id: String,
    result: Option<Vec<Vec<usize>>>,
    resolute: bool,
}

/// Oracle entries that are wrong in exact arithmetic (checked by hand), skipped and reported.
///
/// instanceS0003 SAV: candidates 2 and 5 both have SAV score 1/3+1/3+1/3+1/4+1/5 exactly
/// (voters {0,2,3},{2,3,5},{0,2,4} / {2,3,5},{0,3,5},{0,3,5}; {0,1,2,3} / {0,1,4,5};
/// {0,1,2,4,5}), so [0,2,3,5] ties [0,2,3,4]; upstream lists one committee (a float artefact).
const KNOWN_ORACLE_ERRORS: &[(&str, &str, bool)] = &[("instanceS0003.abc.yaml", "sav", false)];

const RULES: &[(&str, CommitteeRule, &str)] = &[
    ("av", CommitteeRule::Av, "approval"),
    ("sav", CommitteeRule::Sav, "sav"),
    ("pav", CommitteeRule::Pav, "pav"),
    ("cc", CommitteeRule::Cc, "cc"),
    ("seqpav", CommitteeRule::SeqPav, "seq_pav"),
    ("seqcc", CommitteeRule::SeqCc, "seq_cc"),
    ("revseqpav", CommitteeRule::RevSeqPav, "rev_seq_pav"),
    ("seqphragmen", CommitteeRule::SeqPhragmen, "seq_phragmen"),
    ("slav", CommitteeRule::Slav, "slav"),
    ("seqslav", CommitteeRule::SeqSlav, "seq_slav"),
    ("geom2", CommitteeRule::Geom2, "geom2"),
];

fn resolute_committee(inst: &Instance, method: &str) -> Option<BTreeSet<usize>> {
    let ids: Vec<String> = (0..inst.num_cand).map(|c| c.to_string()).collect();
    let mut groups: BTreeMap<Vec<usize>, u64> = BTreeMap::new();
    for set in &inst.profile {
        *groups.entry(set.clone()).or_default() += 1;
    }
    let ballots: Vec<_> = groups
        .iter()
        .map(|(set, n)| json!({"approve": set.iter().map(|c| c.to_string()).collect::<Vec<_>>(), "count": n}))
        .collect();
    let election = json!({
        "id": "abc", "method": method, "seats": inst.committeesize, "candidates": ids,
        "tie_break": {"order": ids, "seed": "abcvoting"}
    });
    let election = huaide::vote::read_election(&election).unwrap();
    let ballots = huaide::vote::read_ballots(serde_json::Value::Array(ballots)).unwrap();
    let result = huaide::vote::tally(&election, &ballots).ok()?;
    if !result.complete || result.winners.len() != inst.committeesize {
        return None;
    }
    Some(result.winners.iter().map(|w| w.parse().unwrap()).collect())
}

#[test]
fn abcvoting_instances() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/oracles/abcvoting/test_instances"
    ));
    if !dir.is_dir() {
        println!("SKIPPED: oracle data not found at {}", dir.display());
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    // rule -> (irresolute matched, irresolute total, resolute matched, resolute total)
    let mut score: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let mut failures = Vec::new();
    for file in &files {
        let inst: Instance = serde_yaml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let profile: Vec<(Vec<usize>, u64)> = inst.profile.iter().map(|s| (s.clone(), 1)).collect();
        for compute in &inst.compute {
            let Some(&(name, rule, method)) = RULES.iter().find(|r| r.0 == compute.rule_id) else {
                continue;
            };
            let Some(expected) = &compute.result else {
                continue;
            };
            let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
            if KNOWN_ORACLE_ERRORS.contains(&(file_name.as_str(), name, compute.resolute)) {
                println!("abcvoting {name}: skipped known oracle error in {file_name}");
                continue;
            }
            let expected: BTreeSet<BTreeSet<usize>> = expected
                .iter()
                .map(|c| c.iter().copied().collect())
                .collect();
            let entry = score.entry(name).or_default();
            let ok = if compute.resolute {
                entry[3] += 1;
                resolute_committee(&inst, method).is_some_and(|w| expected.contains(&w))
            } else {
                entry[1] += 1;
                optimal_committees(rule, inst.num_cand, &profile, inst.committeesize).is_ok_and(
                    |got| {
                        got.iter()
                            .map(|c| c.iter().copied().collect::<BTreeSet<_>>())
                            .collect::<BTreeSet<_>>()
                            == expected
                    },
                )
            };
            if ok {
                entry[if compute.resolute { 2 } else { 0 }] += 1;
            } else {
                failures.push(format!(
                    "{} {name} resolute={}",
                    file.file_name().unwrap().to_string_lossy(),
                    compute.resolute
                ));
            }
        }
    }
    for (rule, [im, it, rm, rt]) in &score {
        println!("abcvoting {rule}: irresolute {im}/{it}, resolute {rm}/{rt}");
    }
    for (name, ..) in RULES {
        let [im, it, rm, rt] = score.get(name).copied().unwrap_or_default();
        assert!(
            it >= 470 && rt >= 470,
            "{name}: too few instances checked ({it}, {rt})"
        );
        assert!(
            im == it && rm == rt,
            "{name}: {im}/{it} irresolute, {rm}/{rt} resolute; first failures: {:?}",
            failures
                .iter()
                .filter(|f| f.contains(&format!(" {name} ")))
                .take(5)
                .collect::<Vec<_>>()
        );
    }
}
