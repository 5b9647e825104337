//! Audit files: a count or an allocation that anyone can re-run and check ([`verify`]).
//!
//! An [`Audit`] holds what a recount needs and what it must find:
//!
//! ```json
//! {"format": "huaide-audit/1", "kind": "tally", "version": "0.1.0", "redacted": false,
//!  "inputs": {"election": {…}, "ballots": [ … ]},
//!  "seed": {"seed": "…", "commitment": "…", "public_value": "…", "rule": "huaide-seed-mix-v1",
//!           "effective_seed": "…"},
//!  "digests": {"inputs": {"election": "…", "ballots": "…"}, "result": "…"},
//!  "result": {…}}
//! ```
//!
//! - `kind`: `tally` (inputs `election`, `ballots`) or `allocation` (inputs `plan`, `people`,
//!   `applications`, `options`); `version`: the huaide version that produced it.
//! - `inputs`: each input in its normal form, the serde form of the core type it is read
//!   into (ballots as the count reads them: a rank of one candidate as its id, scores keyed by
//!   id, see [`crate::vote::BallotBox::to_ballots`]). Any equivalent spelling of an input has
//!   the same normal form.
//! - `seed`: the seed, its commitment and public value and the effective seed
//!   ([`crate::commitment`]); absent for a count without a seed.
//! - `digests`: lowercase hex SHA-256 of the RFC 8785 canonical JSON (JCS, the `serde_jcs`
//!   crate) of each input and of `result`. The digest does not depend on how the file is
//!   formatted: parse, canonicalise, hash. Numbers are integers within ±2^53 (I-JSON); a
//!   larger one is refused (`too_large`), since JCS writes numbers as doubles.
//! - `result`: the result as it is published (for an allocation, the shared form, which
//!   leaves confidential programs out).
//!
//! **Redacted allocations.** When the plan has a confidential program (or `redact` is asked
//! for), the audit can be published without revealing who applied: `redacted` is true, and
//! `inputs` keeps only `plan` and `options` (no personal data; the seed is public once
//! revealed). `people` and `applications` are left out, with no digest either: a digest of
//! a small confidential roster could be confirmed by guessing. [`verify`] then checks the
//! version, the seed against its commitment, the mixing and the result's digest, and reports
//! `inputs_withheld`; given the full `people` and `applications` (by whoever holds them), it
//! re-runs the allocation and checks the published result.

mod verify;

pub use verify::{verify, Difference, VerifyReport};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::commitment::{sha256_hex, DrawSeed};
use crate::enrol::{self, Allocation, AllocationOptions, Application, EnrolError, Person};
use crate::error::{DocumentError, ErrorFamily, Fault};
use crate::plan::Plan;
use crate::vote::{self, Ballot, BallotBox, Election, TallyError, TallyResult};

/// The format tag of this version of the audit file.
pub const AUDIT_FORMAT: &str = "huaide-audit/1";

/// The version of huaide, as audits record it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Largest integer an audit file holds (2^53, the exact range of a double).
const MAX_SAFE: u64 = 1 << 53;

/// What an audit file is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    /// A count: inputs `election` and `ballots`.
    Tally,
    /// An allocation: inputs `plan`, `people`, `applications` and `options`.
    Allocation,
}

/// Digests of the inputs and of the result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Digests {
    /// Each input's digest, by name (the withheld inputs of a redacted audit have none).
    pub inputs: std::collections::BTreeMap<String, String>,
    /// The digest of `result`.
    pub result: String,
}

/// An audit file: see the module documentation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// `huaide-audit/1`.
    pub format: String,
    /// `tally` or `allocation`.
    pub kind: AuditKind,
    /// The huaide version that produced it.
    pub version: String,
    /// Whether inputs with personal data were left out (confidential programs).
    #[serde(default)]
    pub redacted: bool,
    /// The inputs in normal form, by name.
    pub inputs: Map<String, Value>,
    /// The seed, commitment, public value and effective seed, when the draw had a seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<DrawSeed>,
    /// Digests of the inputs and of the result.
    pub digests: Digests,
    /// The result as published.
    pub result: Value,
}

/// Why an audit file cannot be made or read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AuditError {
    /// A document does not have the expected shape (code `invalid_document`).
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The count behind the audit failed.
    #[error(transparent)]
    Tally(#[from] TallyError),
    /// The allocation behind the audit failed.
    #[error(transparent)]
    Enrol(#[from] EnrolError),
    /// Not an audit file of a format this version reads (code `unsupported_audit`).
    #[error("{path}: not a {AUDIT_FORMAT} audit file")]
    UnsupportedAudit {
        /// The offending field.
        path: String,
    },
    /// A number outside ±2^53, which canonical JSON cannot hold exactly (code `too_large`).
    #[error("{path}: {value} is beyond 2^53, which an audit file cannot hold exactly")]
    TooLarge {
        /// The offending field.
        path: String,
        /// The number.
        value: String,
    },
    /// The result does not keep the inputs it came from (code `audit_unavailable`: a
    /// merged or file count); audit the inputs instead.
    #[error("{path}: this result does not keep its inputs; audit the election and ballots")]
    Unavailable {
        /// The result.
        path: String,
    },
}

impl Fault for AuditError {
    fn code(&self) -> &'static str {
        match self {
            AuditError::Document(err) => err.code(),
            AuditError::Tally(err) => err.code(),
            AuditError::Enrol(err) => err.code(),
            AuditError::UnsupportedAudit { .. } => "unsupported_audit",
            AuditError::TooLarge { .. } => "too_large",
            AuditError::Unavailable { .. } => "audit_unavailable",
        }
    }
    fn path(&self) -> Option<&str> {
        match self {
            AuditError::Document(err) => Some(&err.path),
            AuditError::Tally(err) => err.path(),
            AuditError::Enrol(err) => err.path(),
            AuditError::UnsupportedAudit { path }
            | AuditError::TooLarge { path, .. }
            | AuditError::Unavailable { path } => Some(path),
        }
    }
    fn family(&self) -> ErrorFamily {
        match self {
            AuditError::Tally(err) => err.family(),
            AuditError::Enrol(err) => err.family(),
            _ => ErrorFamily::Document,
        }
    }
}

/// The RFC 8785 canonical JSON of `value` (`too_large` for an integer beyond ±2^53, or a
/// fraction; `path` names `value` in that error).
pub fn canonical_json(value: &Value, path: &str) -> Result<String, AuditError> {
    check_numbers(value, path)?;
    serde_jcs::to_string(value).map_err(|err| {
        AuditError::Document(DocumentError {
            path: path.to_owned(),
            message: err.to_string(),
        })
    })
}

/// The digest of `value`: lowercase hex SHA-256 of its canonical JSON.
pub fn digest(value: &Value, path: &str) -> Result<String, AuditError> {
    Ok(sha256_hex(canonical_json(value, path)?.as_bytes()))
}

fn check_numbers(value: &Value, path: &str) -> Result<(), AuditError> {
    // An explicit stack: a document may nest deeply.
    let mut stack: Vec<(&Value, String)> = vec![(value, path.to_owned())];
    while let Some((value, at)) = stack.pop() {
        match value {
            Value::Number(n) => {
                let fits = n.as_u64().is_some_and(|v| v <= MAX_SAFE)
                    || n.as_i64().is_some_and(|v| v.unsigned_abs() <= MAX_SAFE);
                if !fits {
                    return Err(AuditError::TooLarge {
                        path: at,
                        value: n.to_string(),
                    });
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    stack.push((item, format!("{at}[{i}]")));
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    stack.push((item, format!("{at}.{key}")));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The serde form of `value` as a JSON value.
pub(crate) fn to_value<T: Serialize>(value: &T, path: &str) -> Result<Value, AuditError> {
    serde_json::to_value(value).map_err(|err| {
        AuditError::Document(DocumentError {
            path: path.to_owned(),
            message: err.to_string(),
        })
    })
}

/// Builds an audit from its inputs (in normal form) and result.
fn build(
    kind: AuditKind,
    inputs: Map<String, Value>,
    redacted: bool,
    seed: Option<DrawSeed>,
    result: Value,
) -> Result<Audit, AuditError> {
    let mut digests = std::collections::BTreeMap::new();
    for (name, value) in &inputs {
        digests.insert(name.clone(), digest(value, &format!("inputs.{name}"))?);
    }
    Ok(Audit {
        format: AUDIT_FORMAT.to_owned(),
        kind,
        version: VERSION.to_owned(),
        redacted,
        seed,
        digests: Digests {
            inputs: digests,
            result: digest(&result, "result")?,
        },
        inputs,
        result,
    })
}

/// The seed record of an election: its [`DrawSeed`], or the plain seed.
fn election_seed(election: &Election) -> Result<Option<DrawSeed>, AuditError> {
    if let Some(record) = election.seed_record().map_err(TallyError::from)? {
        return Ok(Some(record));
    }
    Ok(election.seed().map(|seed| DrawSeed {
        seed: seed.to_owned(),
        commitment: None,
        public_value: None,
        rule: None,
        effective_seed: seed.to_owned(),
    }))
}

/// The audit of counting `ballots` in `election` (the count is run).
pub fn audit_tally(election: &Election, ballots: &[Ballot]) -> Result<Audit, AuditError> {
    vote::check_election(election)?;
    let ballots = BallotBox::from_ballots(election, ballots)?;
    let result = vote::tally_box(election, &ballots)?;
    audit_tally_box(election, &ballots, &result)
}

/// The audit of a count already made: `result` of [`vote::tally_box`] on `ballots`.
pub fn audit_tally_box(
    election: &Election,
    ballots: &BallotBox,
    result: &TallyResult,
) -> Result<Audit, AuditError> {
    let mut inputs = Map::new();
    inputs.insert(
        "election".to_owned(),
        to_value(election, "inputs.election")?,
    );
    inputs.insert(
        "ballots".to_owned(),
        to_value(&ballots.to_ballots(election), "inputs.ballots")?,
    );
    build(
        AuditKind::Tally,
        inputs,
        false,
        election_seed(election)?,
        to_value(result, "result")?,
    )
}

/// The inputs of an allocation, as [`audit_allocation`] takes them.
#[derive(Clone, Copy, Debug)]
pub struct AllocationInputs<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// The people.
    pub people: &'a [Person],
    /// The applications.
    pub applications: &'a [Application],
    /// The options (seed, commitment, public value, date, mechanism).
    pub options: &'a AllocationOptions,
}

/// The audit of allocating `inputs` (the allocation is run). With `redact`, or when the
/// plan has a confidential program, `people` and `applications` are left out (see the
/// module documentation).
pub fn audit_allocation(inputs: AllocationInputs<'_>, redact: bool) -> Result<Audit, AuditError> {
    let allocation = enrol::allocate(
        inputs.plan,
        inputs.people,
        inputs.applications,
        inputs.options,
    )?;
    audit_allocation_of(inputs, &allocation, redact)
}

/// The audit of an allocation already made from `inputs`.
pub fn audit_allocation_of(
    inputs: AllocationInputs<'_>,
    allocation: &Allocation,
    redact: bool,
) -> Result<Audit, AuditError> {
    let redacted = redact || inputs.plan.programs.iter().any(|p| p.confidential);
    let mut map = Map::new();
    map.insert("plan".to_owned(), to_value(inputs.plan, "inputs.plan")?);
    if !redacted {
        map.insert(
            "people".to_owned(),
            to_value(&inputs.people, "inputs.people")?,
        );
        map.insert(
            "applications".to_owned(),
            to_value(&inputs.applications, "inputs.applications")?,
        );
    }
    map.insert(
        "options".to_owned(),
        to_value(inputs.options, "inputs.options")?,
    );
    let seed = allocation.draw_seed.clone().unwrap_or_else(|| DrawSeed {
        seed: allocation.seed.clone(),
        commitment: None,
        public_value: None,
        rule: None,
        effective_seed: allocation.seed.clone(),
    });
    build(
        AuditKind::Allocation,
        map,
        redacted,
        Some(seed),
        to_value(allocation, "result")?,
    )
}
