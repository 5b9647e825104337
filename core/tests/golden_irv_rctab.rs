//! Golden test: IRV against RCTab's regression suite (`shared/oracles/rctab`), for every case
//! whose CVR format has a reader: CDF JSON and XML, generic CSV, Dominion JSON, Hart XML and
//! Clear Ballot CSV. Compares every round's tally, threshold, inactive ballots by cause,
//! eliminated/elected candidates and transfers, and the winner.
//!
//! The two multi-winner cases (`multiWinnerAllowMultipleWinnersPerRound`, whole and
//! fractional threshold) count with the `stv` rule `rctab` and are compared the same way, with
//! the residual surplus of each winner's transfer and the final round surplus.
//!
//! Cases whose config uses RCTab's `random` tie-break count with `tie_break.rctab_random_seed`
//! (RCTab's `java.util.Random` draw, reproduced) and are compared in full.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod rctab_cases;

use huaide::vote::tally;
use rctab_cases::{build, case_names, oracles, s, Case};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Cases that still differ from RCTab, each with what is known. They are reported, and the
/// test fails if one starts matching (so that this list is kept honest). None at present.
const OPEN_MISMATCHES: &[&str] = &[];

/// "4.50" -> "4.5", "7.0" -> "7".
fn norm(value: &str) -> String {
    if value.contains('.') {
        value.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        value.to_owned()
    }
}

/// Compares one case, counting matched rounds in `matched`; returns the expected rounds.
fn compare(dir: &Path, name: &str, case: &Case, matched: &mut usize) -> Result<usize, String> {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}_expected_detailed_report.json")))
            .unwrap(),
    )
    .unwrap();
    let result = tally(&case.election, &case.ballots).map_err(|e| format!("tally failed: {e}"))?;
    let want_rounds = expected["results"].as_array().unwrap();
    for (i, want) in want_rounds.iter().enumerate() {
        let Some(got) = result.rounds.get(i) else {
            return Err(format!(
                "round {}: missing (we stopped after {})",
                i + 1,
                result.rounds.len()
            ));
        };
        let want_tally: BTreeMap<String, String> = want["tally"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), norm(&s(v))))
            .collect();
        let got_tally: BTreeMap<String, String> = got
            .tally
            .iter()
            .map(|(k, v)| (k.clone(), norm(v)))
            .collect();
        let inactive = &want["inactiveBallots"];
        let checks = [
            ("tally", format!("{want_tally:?}"), format!("{got_tally:?}")),
            (
                "threshold",
                norm(&s(&want["threshold"])),
                norm(&got.threshold),
            ),
            (
                "overvotes",
                norm(&s(&inactive["overvotes"])),
                norm(&got.inactive.overvote),
            ),
            (
                "skippedRankings",
                norm(&s(&inactive["skippedRankings"])),
                norm(&got.inactive.skipped_ranks),
            ),
            (
                "repeatedRankings",
                norm(&s(&inactive["repeatedRankings"])),
                norm(&got.inactive.repeated_ranking),
            ),
            (
                "exhaustedChoices",
                norm(&s(&inactive["exhaustedChoices"])),
                norm(&got.inactive.exhausted),
            ),
            (
                "finalRoundSurplus",
                inactive
                    .get("finalRoundSurplus")
                    .map_or_else(|| "0".to_owned(), |v| norm(&s(v))),
                norm(got.inactive.final_round_surplus.as_deref().unwrap_or("0")),
            ),
        ];
        for (what, want_v, got_v) in &checks {
            if want_v != got_v {
                return Err(format!(
                    "round {}: {what}: want {want_v} got {got_v} (inactive {:?})",
                    i + 1,
                    got.inactive
                ));
            }
        }
        let mut want_elim = Vec::new();
        let mut want_elected = Vec::new();
        let mut want_transfers: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for item in want["tallyResults"].as_array().unwrap() {
            let from = if let Some(e) = item.get("eliminated") {
                want_elim.push(s(e));
                s(e)
            } else {
                want_elected.push(s(&item["elected"]));
                s(&item["elected"])
            };
            let t: BTreeMap<String, String> = item["transfers"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), norm(&s(v))))
                .filter(|(_, v)| v != "0")
                .collect();
            if !t.is_empty() {
                want_transfers.insert(from, t);
            }
        }
        want_elim.sort();
        let mut got_elim = got.eliminated.clone();
        got_elim.sort();
        if want_elim != got_elim || want_elected != got.elected {
            return Err(format!(
                "round {}: eliminated/elected want {want_elim:?}/{want_elected:?} got {got_elim:?}/{:?}",
                i + 1,
                got.elected
            ));
        }
        let mut got_transfers: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for t in &got.transfers {
            let mut m: BTreeMap<String, String> =
                t.to.iter().map(|(k, v)| (k.clone(), norm(v))).collect();
            if norm(&t.exhausted) != "0" {
                m.insert("exhausted".to_owned(), norm(&t.exhausted));
            }
            if let Some(residual) = &t.residual {
                m.insert("residual surplus".to_owned(), norm(residual));
            }
            if !m.is_empty() {
                got_transfers.insert(t.from.clone(), m);
            }
        }
        if want_transfers != got_transfers {
            return Err(format!(
                "round {}: transfers want {want_transfers:?} got {got_transfers:?}",
                i + 1
            ));
        }
        *matched += 1;
    }
    if result.rounds.len() != want_rounds.len() {
        return Err(format!(
            "{} rounds, expected {}",
            result.rounds.len(),
            want_rounds.len()
        ));
    }
    let want_winners: Vec<String> = want_rounds
        .iter()
        .flat_map(|want| want["tallyResults"].as_array().unwrap().iter())
        .filter_map(|item| item.get("elected").map(s))
        .collect();
    if want_winners != result.winners {
        return Err(format!(
            "winners want {want_winners:?} got {:?}",
            result.winners
        ));
    }
    let want_total = norm(&s(&expected["summary"]["totalNumBallots"]));
    if want_total != result.ballots.valid.to_string() {
        return Err(format!(
            "total ballots want {want_total} got {}",
            result.ballots.valid
        ));
    }
    Ok(want_rounds.len())
}

/// The rounds of a case's expected report.
fn expected_rounds(dir: &Path, name: &str) -> usize {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}_expected_detailed_report.json")))
            .unwrap(),
    )
    .unwrap();
    expected["results"].as_array().map_or(0, Vec::len)
}

#[test]
fn rctab_irv_cases_match() {
    let Some(root) = oracles() else { return };
    let names = case_names(&root);
    let mut full = 0;
    // Cases with RCTab's `random` tie-break: (cases, rounds matched, rounds, winners matched).
    let (mut random_cases, mut random_matched, mut random_rounds, mut random_winners) =
        (0, 0, 0, 0);
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for name in &names {
        let dir = root.join(name);
        if !dir
            .join(format!("{name}_expected_detailed_report.json"))
            .exists()
        {
            continue;
        }
        let case = match build(&dir, name) {
            Ok(case) => case,
            Err(why) => {
                report.push(format!("{name}: not compared ({why})"));
                continue;
            }
        };
        let mut matched = 0;
        let outcome = compare(&dir, name, &case, &mut matched);
        let random = if case.random_tiebreak {
            ", random tie-break"
        } else {
            ""
        };
        if case.random_tiebreak {
            random_cases += 1;
            random_matched += matched;
            random_rounds += expected_rounds(&dir, name);
            random_winners += usize::from(outcome.is_ok());
        }
        match outcome {
            Ok(rounds) => {
                full += 1;
                report.push(format!("{name}: OK ({matched}/{rounds} rounds{random})"));
            }
            Err(why) if OPEN_MISMATCHES.contains(&name.as_str()) => {
                report.push(format!("{name}: OPEN MISMATCH (documented): {why}"));
            }
            Err(why) => failures.push(format!("{name}: {why}")),
        }
        if OPEN_MISMATCHES.contains(&name.as_str())
            && report.last().is_some_and(|r| !r.contains("OPEN MISMATCH"))
        {
            failures.push(format!(
                "{name}: now matches; remove it from OPEN_MISMATCHES"
            ));
        }
    }
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "mismatches:\n{}", failures.join("\n"));
    println!("rctab: {full} cases fully matched");
    println!(
        "rctab random tie-break (rctab_random_seed): {random_cases} cases, \
         {random_matched}/{random_rounds} rounds, {random_winners}/{random_cases} winners matched"
    );
    assert!(full >= 31, "only {full} RCTab cases fully matched");
}

#[test]
fn rctab_max_ranking_enforcement_rejects_ballots() {
    let Some(root) = oracles() else { return };
    let name = "max_ranking_enforcement";
    let dir = root.join(name);
    let case = build(&dir, name).unwrap();
    let result = tally(&case.election, &case.ballots).unwrap();
    // RCTab halts on a CVR ranking past maxRankingsAllowed; we reject those ballots.
    assert!(result
        .rejected
        .iter()
        .any(|r| r.code.as_str() == "too_many_choices"));
    assert_eq!(
        result.ballots.cast,
        result.ballots.valid + result.ballots.rejected
    );
}
