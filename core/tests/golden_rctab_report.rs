//! Golden test: RCTab's detailed report (`formats::rctab_report`, `rctab_report_csv`) against
//! the `*_expected_detailed_report.json` and `.csv` of every case of RCTab's regression suite
//! (`shared/oracles/rctab`).
//!
//! Each case is counted as `golden_irv_rctab` counts it; the report's options come from the
//! case's config (`rctab_report_options`), and `generated_by`, which RCTab fills with its own
//! version, from the expected report. The JSON must equal the expected file as parsed JSON
//! (every field, arrays in order), the CSV cell for cell, and line for line once line ends
//! are normalised (the expected files were committed with LF; RCTab writes CRLF).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod rctab_cases;

use huaide::formats::{rctab_report, rctab_report_csv, rctab_report_options};
use huaide::vote::tally;
use rctab_cases::{build, case_names, oracles};
use serde_json::Value;
use std::path::Path;

/// Cases whose report still differs from RCTab's, with the reason. They are reported, and
/// the test fails when one starts matching (so that the list stays honest). None at present.
const OPEN_MISMATCHES: &[&str] = &[];

/// Every difference between two JSON values, as `path: want … got …` lines.
fn json_diff(path: &str, want: &Value, got: &Value, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (key, value) in w {
                let at = format!("{path}.{key}");
                match g.get(key) {
                    Some(other) => json_diff(&at, value, other, out),
                    None => out.push(format!("{at}: missing (want {value})")),
                }
            }
            for key in g.keys().filter(|k| !w.contains_key(*k)) {
                out.push(format!("{path}.{key}: unexpected ({})", g[key]));
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                out.push(format!("{path}: {} items, want {}", g.len(), w.len()));
            }
            for (i, (a, b)) in w.iter().zip(g).enumerate() {
                json_diff(&format!("{path}[{i}]"), a, b, out);
            }
        }
        _ if want != got => out.push(format!("{path}: want {want} got {got}")),
        _ => {}
    }
}

/// The cells of a CSV text, row by row (blank lines skipped, as the `csv` crate reads).
fn cells(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn csv_diff(want: &str, got: &str) -> Vec<String> {
    let (w, g) = (cells(want), cells(got));
    let mut out = Vec::new();
    if w.len() != g.len() {
        out.push(format!("{} rows, want {}", g.len(), w.len()));
    }
    for (i, (a, b)) in w.iter().zip(&g).enumerate() {
        if a != b {
            let first = a
                .iter()
                .zip(b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(b.len()));
            out.push(format!(
                "row {} ({}), cell {first}: want {:?} got {:?} ({} cells, want {})",
                i + 1,
                a.first().map_or("", String::as_str),
                a.get(first),
                b.get(first),
                b.len(),
                a.len()
            ));
        }
    }
    out
}

struct Outcome {
    json: Vec<String>,
    csv: Vec<String>,
    text_same: bool,
    random_tiebreak: bool,
}

fn report_case(dir: &Path, name: &str) -> Result<Outcome, String> {
    let read = |suffix: &str| std::fs::read_to_string(dir.join(format!("{name}{suffix}")));
    let case = build(dir, name)?;
    let result = tally(&case.election, &case.ballots).map_err(|e| format!("tally: {e}"))?;
    let want_json: Value = serde_json::from_str(&read("_expected_detailed_report.json").unwrap())
        .map_err(|e| e.to_string())?;
    let want_csv = read("_expected_detailed_report.csv").unwrap();
    let mut options = rctab_report_options(&read("_config.json").unwrap())
        .map_err(|e| format!("options: {e}"))?;
    options.generated_by = Some(
        want_json["config"]["generatedBy"]
            .as_str()
            .unwrap()
            .to_owned(),
    );
    let got_json = rctab_report(&result, &options).map_err(|e| format!("report: {e}"))?;
    let got_json = serde_json::to_value(got_json).unwrap();
    let got_csv = rctab_report_csv(&result, &options).map_err(|e| format!("csv: {e}"))?;
    let mut json = Vec::new();
    json_diff("", &want_json, &got_json, &mut json);
    let csv = csv_diff(&want_csv, &got_csv);
    let text_same = got_csv.replace("\r\n", "\n") == want_csv.replace("\r\n", "\n");
    Ok(Outcome {
        json,
        csv,
        text_same,
        random_tiebreak: case.random_tiebreak,
    })
}

#[test]
fn rctab_reports_match() {
    let Some(root) = oracles() else { return };
    let (mut cases, mut json_ok, mut csv_ok, mut text_ok) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    let mut lines = Vec::new();
    for name in case_names(&root) {
        let dir = root.join(&name);
        if !dir
            .join(format!("{name}_expected_detailed_report.json"))
            .exists()
        {
            continue;
        }
        cases += 1;
        let open = OPEN_MISMATCHES.contains(&name.as_str());
        let outcome = match report_case(&dir, &name) {
            Ok(outcome) => outcome,
            Err(why) => {
                failures.push(format!("{name}: {why}"));
                continue;
            }
        };
        json_ok += usize::from(outcome.json.is_empty());
        csv_ok += usize::from(outcome.csv.is_empty());
        text_ok += usize::from(outcome.text_same);
        let matches = outcome.json.is_empty() && outcome.csv.is_empty();
        let mut why: Vec<String> = outcome
            .json
            .iter()
            .take(8)
            .map(|d| format!("json {d}"))
            .collect();
        why.extend(outcome.csv.iter().take(8).map(|d| format!("csv {d}")));
        if !outcome.text_same && outcome.csv.is_empty() {
            why.push("csv text differs (cells equal)".to_owned());
        }
        match (matches && outcome.text_same, open) {
            (true, false) => lines.push(format!(
                "{name}: OK{}",
                if outcome.random_tiebreak {
                    " (random tie-break configured)"
                } else {
                    ""
                }
            )),
            (true, true) => failures.push(format!(
                "{name}: now matches; remove it from OPEN_MISMATCHES"
            )),
            (false, true) => lines.push(format!("{name}: OPEN MISMATCH: {}", why.join("; "))),
            (false, false) => failures.push(format!("{name}:\n  {}", why.join("\n  "))),
        }
    }
    println!("{}", lines.join("\n"));
    println!(
        "rctab reports: {cases} cases; JSON {json_ok}/{cases}, CSV cells {csv_ok}/{cases}, \
         CSV text {text_ok}/{cases} match"
    );
    assert!(failures.is_empty(), "mismatches:\n{}", failures.join("\n"));
    assert_eq!(cases, 31, "expected 31 RCTab cases with a detailed report");
}
