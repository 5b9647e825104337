//! [`verify`]: re-runs an audit file's count or allocation and says what differs.
//!
//! The report is `{ok, code, kind, audit_version, verifier_version, rerun, differences}`.
//! Each difference is `{code, path, expected?, found?}` (digests, seeds or versions), with
//! one of these stable codes:
//!
//! | code | meaning |
//! |---|---|
//! | `input_differs` | an input (given, or in the file) does not have the digest recorded for it (`path`: `inputs.ballots`) |
//! | `seed_differs`, `commitment_differs`, `public_value_differs` | the inputs' seed, commitment or public value is not the one the audit records |
//! | `seed_mismatch` | a seed does not match its commitment |
//! | `effective_seed_differs` | the recorded effective seed is not the seed mixed with the public value |
//! | `digest_differs` | the file's `result` does not have the digest recorded for it |
//! | `result_differs` | the re-run gives another result (`path`: the first field that differs, `result.winners`) |
//! | `rerun_failed` | the re-run stops with an error (`found`: its code) |
//! | `version_differs` | another huaide version made the file (listed, and alone it fails nothing) |
//!
//! `code` is `verified` when the count or allocation was re-run and nothing differs (a
//! `version_differs` alone aside), `inputs_withheld` when nothing differs but the inputs
//! needed to re-run it are not there (a redacted allocation: give `people` and
//! `applications`), else the most telling difference: a seed code first, then
//! `input_differs`, `digest_differs`, `rerun_failed`, and `result_differs` (reported as
//! `version_differs` when the versions differ, the likely cause). `ok` is true only for
//! `verified`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{digest, to_value, Audit, AuditError, AuditKind, AUDIT_FORMAT, VERSION};
use crate::commitment::{effective_seed, seed_commitment, DrawSeed};
use crate::enrol::{self, AllocationOptions, Application, Person};
use crate::error::{read_document, DocumentError, Fault};
use crate::plan::Plan;
use crate::vote::{self, Ballot, BallotBox, Election};

/// One thing that differs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Difference {
    /// A stable code (see the module documentation).
    pub code: String,
    /// Where: `inputs.ballots`, `inputs.election.tie_break.seed`, `result.winners`, `version`.
    pub path: String,
    /// What the audit file records there (a digest, a seed, a version), when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What was found instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
}

/// The outcome of [`verify`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VerifyReport {
    /// True when the result was re-run and is the same (`code` `verified`).
    pub ok: bool,
    /// `verified`, `inputs_withheld`, or the code of the most telling difference.
    pub code: String,
    /// What the audit is about.
    pub kind: AuditKind,
    /// The huaide version that made the audit file.
    pub audit_version: String,
    /// The huaide version that verified it.
    pub verifier_version: String,
    /// Whether the count or allocation was re-run.
    pub rerun: bool,
    /// Everything found to differ.
    pub differences: Vec<Difference>,
}

/// The order in which difference codes name the report.
const PRIORITY: [&str; 9] = [
    "seed_mismatch",
    "seed_differs",
    "public_value_differs",
    "commitment_differs",
    "effective_seed_differs",
    "input_differs",
    "digest_differs",
    "rerun_failed",
    "result_differs",
];

fn difference(code: &str, path: &str, expected: Option<&str>, found: Option<&str>) -> Difference {
    Difference {
        code: code.to_owned(),
        path: path.to_owned(),
        expected: expected.map(str::to_owned),
        found: found.map(str::to_owned),
    }
}

/// Re-runs the count or allocation of `audit` (an audit file's JSON value) and compares.
///
/// `inputs`, when given, is an object with any of the audit's inputs (`election`,
/// `ballots`; `plan`, `people`, `applications`, `options`): they replace those of the file
/// (a resident's own copy of the published ballots, the full inputs of a redacted
/// allocation) and are checked against the file's digests. Errors only for a document that
/// is not an audit file (`unsupported_audit`, `invalid_document`) or an input that cannot
/// be read; every finding is in the report.
pub fn verify(audit: &Value, inputs: Option<&Value>) -> Result<VerifyReport, AuditError> {
    if audit.get("format").and_then(Value::as_str) != Some(AUDIT_FORMAT) {
        return Err(AuditError::UnsupportedAudit {
            path: "audit.format".to_owned(),
        });
    }
    let audit: Audit = read_document(audit, "audit")?;
    let given: Map<String, Value> = match inputs {
        None | Some(Value::Null) => Map::new(),
        Some(value) => read_document(value, "inputs")?,
    };
    let names: &[&str] = match audit.kind {
        AuditKind::Tally => &["election", "ballots"],
        AuditKind::Allocation => &["plan", "people", "applications", "options"],
    };
    if let Some(name) = given.keys().find(|k| !names.contains(&k.as_str())) {
        return Err(AuditError::Document(DocumentError {
            path: format!("inputs.{name}"),
            message: format!("a {:?} audit has no input {name:?}", audit.kind),
        }));
    }
    let mut diffs = Vec::new();
    if audit.version != VERSION {
        diffs.push(difference(
            "version_differs",
            "version",
            Some(&audit.version),
            Some(VERSION),
        ));
    }
    check_file(&audit, &mut diffs)?;
    // The inputs to re-run with: given ones first, then the file's; each in normal form.
    let mut chosen = Map::new();
    for name in names {
        let Some(value) = given.get(*name).or_else(|| audit.inputs.get(*name)) else {
            continue;
        };
        let normal = normalize(audit.kind, name, value, &chosen)?;
        if given.contains_key(*name) {
            let found = digest(&normal, &format!("inputs.{name}"))?;
            if let Some(expected) = audit.digests.inputs.get(*name) {
                if *expected != found {
                    diffs.push(difference(
                        "input_differs",
                        &format!("inputs.{name}"),
                        Some(expected),
                        Some(&found),
                    ));
                }
            }
        }
        chosen.insert((*name).to_owned(), normal);
    }
    check_seed(&audit, &chosen, &mut diffs);
    let rerun = names.iter().all(|n| chosen.contains_key(*n));
    if rerun {
        rerun_and_compare(&audit, &chosen, &mut diffs)?;
    }
    Ok(report(&audit, rerun, diffs))
}

/// The file against itself: each input and the result against their digests, the seed
/// record against its own commitment and mixing.
fn check_file(audit: &Audit, diffs: &mut Vec<Difference>) -> Result<(), AuditError> {
    for (name, value) in &audit.inputs {
        let path = format!("inputs.{name}");
        let found = digest(value, &path)?;
        if audit.digests.inputs.get(name) != Some(&found) {
            let expected = audit.digests.inputs.get(name).map(String::as_str);
            diffs.push(difference("input_differs", &path, expected, Some(&found)));
        }
    }
    let found = digest(&audit.result, "result")?;
    if found != audit.digests.result {
        diffs.push(difference(
            "digest_differs",
            "result",
            Some(&audit.digests.result),
            Some(&found),
        ));
    }
    if let Some(seed) = &audit.seed {
        if let Some(commitment) = &seed.commitment {
            if !commitment.eq_ignore_ascii_case(&seed_commitment(&seed.seed)) {
                diffs.push(difference(
                    "seed_mismatch",
                    "seed.seed",
                    Some(commitment),
                    Some(&seed_commitment(&seed.seed)),
                ));
            }
        }
        let mixed = effective_seed(&seed.seed, seed.public_value.as_deref());
        if mixed != seed.effective_seed {
            diffs.push(difference(
                "effective_seed_differs",
                "seed.effective_seed",
                Some(&seed.effective_seed),
                Some(&mixed),
            ));
        }
    }
    Ok(())
}

/// Reads input `name` into its core type and writes it back: its normal form.
fn normalize(
    kind: AuditKind,
    name: &str,
    value: &Value,
    chosen: &Map<String, Value>,
) -> Result<Value, AuditError> {
    let path = format!("inputs.{name}");
    Ok(match (kind, name) {
        (AuditKind::Tally, "election") => {
            to_value(&read_document::<Election, _>(value, &path)?, &path)?
        }
        (AuditKind::Tally, _) => {
            let ballots: Vec<Ballot> = read_document(value, &path)?;
            match chosen.get("election") {
                Some(election) => {
                    let election: Election = read_document(election, "inputs.election")?;
                    let bx = BallotBox::from_ballots(&election, &ballots)?;
                    to_value(&bx.to_ballots(&election), &path)?
                }
                None => to_value(&ballots, &path)?,
            }
        }
        (AuditKind::Allocation, "plan") => {
            to_value(&read_document::<Plan, _>(value, &path)?, &path)?
        }
        (AuditKind::Allocation, "people") => {
            to_value(&read_document::<Vec<Person>, _>(value, &path)?, &path)?
        }
        (AuditKind::Allocation, "applications") => {
            to_value(&read_document::<Vec<Application>, _>(value, &path)?, &path)?
        }
        (AuditKind::Allocation, _) => {
            to_value(&read_document::<AllocationOptions, _>(value, &path)?, &path)?
        }
    })
}

/// The seed fields of the chosen inputs against the audit's record.
fn check_seed(audit: &Audit, chosen: &Map<String, Value>, diffs: &mut Vec<Difference>) {
    let (holder, parent) = match audit.kind {
        AuditKind::Tally => (
            chosen.get("election").and_then(|e| e.get("tie_break")),
            "inputs.election.tie_break",
        ),
        AuditKind::Allocation => (chosen.get("options"), "inputs.options"),
    };
    if audit.kind == AuditKind::Tally && chosen.get("election").is_none() {
        return;
    }
    if audit.kind == AuditKind::Allocation && holder.is_none() {
        return;
    }
    let field = |name: &str| holder.and_then(|h| h.get(name)).and_then(Value::as_str);
    let record = audit.seed.as_ref();
    let recorded = |f: fn(&DrawSeed) -> Option<&str>| record.and_then(f);
    let pairs: [(&str, &str, Option<&str>); 3] = [
        ("seed", "seed_differs", recorded(|s| Some(s.seed.as_str()))),
        (
            "public_value",
            "public_value_differs",
            recorded(|s| s.public_value.as_deref()),
        ),
        (
            "commitment",
            "commitment_differs",
            recorded(|s| s.commitment.as_deref()),
        ),
    ];
    for (name, code, expected) in pairs {
        let found = field(name);
        let same = match (expected, found) {
            (Some(e), Some(f)) if name == "commitment" => e.eq_ignore_ascii_case(f),
            (e, f) => e == f,
        };
        if !same {
            diffs.push(difference(
                code,
                &format!("{parent}.{name}"),
                expected,
                found,
            ));
        }
    }
    if let Some(commitment) = field("commitment") {
        let seed = field("seed").unwrap_or_default();
        if !commitment.eq_ignore_ascii_case(&seed_commitment(seed)) {
            diffs.push(difference(
                "seed_mismatch",
                &format!("{parent}.seed"),
                Some(commitment),
                Some(&seed_commitment(seed)),
            ));
        }
    }
}

/// Re-runs the count or allocation on the chosen inputs and compares the result.
fn rerun_and_compare(
    audit: &Audit,
    chosen: &Map<String, Value>,
    diffs: &mut Vec<Difference>,
) -> Result<(), AuditError> {
    let rerun: Result<Value, String> = match audit.kind {
        AuditKind::Tally => {
            let election: Election = read_input(chosen, "election")?;
            let ballots: Vec<Ballot> = read_input(chosen, "ballots")?;
            match vote::tally(&election, &ballots) {
                Ok(result) => Ok(to_value(&result, "result")?),
                Err(err) => Err(err.code().to_owned()),
            }
        }
        AuditKind::Allocation => {
            let plan: Plan = read_input(chosen, "plan")?;
            let people: Vec<Person> = read_input(chosen, "people")?;
            let applications: Vec<Application> = read_input(chosen, "applications")?;
            let options: AllocationOptions = read_input(chosen, "options")?;
            match enrol::allocate(&plan, &people, &applications, &options) {
                Ok(allocation) => Ok(to_value(&allocation, "result")?),
                Err(err) => Err(err.code().to_owned()),
            }
        }
    };
    match rerun {
        Ok(result) => {
            let found = digest(&result, "result")?;
            if found != audit.digests.result {
                let path = first_difference(&audit.result, &result, "result");
                diffs.push(difference(
                    "result_differs",
                    &path,
                    Some(&audit.digests.result),
                    Some(&found),
                ));
            }
        }
        Err(code) if code == "seed_mismatch" => {
            if !diffs.iter().any(|d| d.code == "seed_mismatch") {
                diffs.push(difference("seed_mismatch", "inputs", None, None));
            }
        }
        Err(code) => diffs.push(difference("rerun_failed", "inputs", None, Some(&code))),
    }
    Ok(())
}

fn read_input<T: serde::de::DeserializeOwned>(
    chosen: &Map<String, Value>,
    name: &str,
) -> Result<T, AuditError> {
    let value = chosen.get(name).unwrap_or(&Value::Null);
    Ok(read_document(value, &format!("inputs.{name}"))?)
}

/// The path of the first place where `a` and `b` differ (`path` itself when they differ in
/// kind or as plain values).
fn first_difference(a: &Value, b: &Value, path: &str) -> String {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            crate::sort::sort(&mut keys);
            keys.dedup();
            for key in keys {
                match (x.get(key), y.get(key)) {
                    (Some(u), Some(v)) if u == v => {}
                    (Some(u), Some(v)) => return first_difference(u, v, &format!("{path}.{key}")),
                    _ => return format!("{path}.{key}"),
                }
            }
            path.to_owned()
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (u, v)) in x.iter().zip(y).enumerate() {
                if u != v {
                    return first_difference(u, v, &format!("{path}[{i}]"));
                }
            }
            format!("{path}[{}]", x.len().min(y.len()))
        }
        _ => path.to_owned(),
    }
}

/// The report of `diffs`.
fn report(audit: &Audit, rerun: bool, diffs: Vec<Difference>) -> VerifyReport {
    let versions_differ = diffs.iter().any(|d| d.code == "version_differs");
    let worst = PRIORITY
        .iter()
        .find(|code| diffs.iter().any(|d| d.code == **code))
        .copied();
    let code = match worst {
        Some("result_differs") if versions_differ => "version_differs",
        Some(code) => code,
        None if rerun => "verified",
        None => "inputs_withheld",
    };
    VerifyReport {
        ok: code == "verified",
        code: code.to_owned(),
        kind: audit.kind,
        audit_version: audit.version.clone(),
        verifier_version: VERSION.to_owned(),
        rerun,
        differences: diffs,
    }
}
