//! Validation findings: data about a plan, each with a stable code, a severity and a path.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, Lang};

/// How serious a finding is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan is wrong and must be fixed before it is used.
    Error,
    /// Probably a mistake; the plan can still be used.
    Warning,
}

/// One problem found in a plan.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable snake_case code, e.g. `venue_double_booked`.
    pub code: String,
    /// Error or warning.
    pub severity: Severity,
    /// Path of the offending field, e.g. `programs[4].schedule.rrule`.
    pub path: String,
    /// Human-readable explanation (not stable; compare codes, never messages).
    pub message: String,
}

impl Finding {
    /// An error finding.
    pub fn error(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            code: code.to_owned(),
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
        }
    }

    /// A warning finding.
    pub fn warning(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(code, path, message)
        }
    }
}

/// Findings as the validator collects them, with the language of their messages.
pub(crate) struct Findings {
    /// The language of the messages.
    pub lang: Lang,
    /// The findings so far.
    pub list: Vec<Finding>,
}

impl Findings {
    /// No findings yet; messages in `lang`.
    pub fn new(lang: Lang) -> Self {
        Findings {
            lang,
            list: Vec::new(),
        }
    }

    /// Adds a finding.
    pub fn push(&mut self, finding: Finding) {
        self.list.push(finding);
    }

    /// The message `code` of the catalogue in the findings' language.
    pub fn t(&self, code: &str, args: &[Arg<'_>]) -> String {
        crate::i18n::text(self.lang, code, args)
    }
}

/// The outcome of [`super::Plan::validate`]: findings sorted by path (numbers in paths compare
/// as numbers, so `programs[2]` comes before `programs[10]`), then code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationReport {
    /// True when no finding is an error.
    pub ok: bool,
    /// Number of error findings.
    pub errors: usize,
    /// Number of warning findings.
    pub warnings: usize,
    /// Every finding, sorted by path (numbers as numbers), code, then message.
    pub findings: Vec<Finding>,
}

impl ValidationReport {
    /// Builds a report from findings, sorting and de-duplicating them.
    pub fn new(mut findings: Vec<Finding>) -> Self {
        crate::sort::sort_by(&mut findings, |a, b| {
            alphanumeric_sort::compare_str(&a.path, &b.path)
                .then_with(|| (&a.path, &a.code, &a.message).cmp(&(&b.path, &b.code, &b.message)))
        });
        findings.dedup();
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        ValidationReport {
            ok: errors == 0,
            errors,
            warnings: findings.len().saturating_sub(errors), // errors are some of the findings
            findings,
        }
    }
}
