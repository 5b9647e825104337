//! RCTab's detailed report of a ranked count: the JSON summary file that rcvis and other
//! viewers read ([`rctab_report`]) and the detailed CSV ([`super::rctab_report_csv`]), as
//! RCTab 2.0 writes them, from a [`TallyResult`] of `irv` or of `stv` with the `rctab` rule.
//!
//! The numbers are the count's own strings, read as Java `BigDecimal`s and written back as
//! RCTab writes them (the `rctab` rule already keeps RCTab's scale: `"3"` for whole ballots,
//! `"3.0000"` once a surplus fraction is in the value). Candidate names are the result's
//! candidate ids.
//!
//! What the count cannot know comes from [`RctabReportOptions`]: the contest, date,
//! jurisdiction and office of RCTab's `outputSettings`, the candidates in config order (the
//! CSV lists candidates tied in the first round in the order of RCTab's `HashMap`, which
//! depends on it), and `generated_by`, the tabulator and version RCTab writes (`RCTab
//! 2.0.0`; huaide writes its own name unless told). [`rctab_report_options`] fills them
//! from an RCTab contest config.
//!
//! As RCTab 2.0 does, the report counts as undervotes only the ballots that rank nobody
//! (the first round's `inactive.undervote`); ballots the count lists as undervotes later
//! (huaide's `irv` reading of RCTab 1.x's undervote) are exhausted choices here.
//!
//! Not written: RCTab's per-precinct and per-batch reports (`tabulateByPrecinct`,
//! `tabulateByBatch`), and the options of RCTab that huaide does not count (bottoms-up and
//! sequential winner modes, `doesFirstRoundDetermineThreshold`, excluded candidates).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::rctab_java::{java_compare, Decimal};
use super::{FormatError, UNDECLARED_WRITE_IN};
use crate::vote::{Method, TallyResult};

/// What the report needs beyond the count: the header fields of RCTab's contest config and
/// the candidates in config order. Every field may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RctabReportOptions {
    /// The contest's name (RCTab's `outputSettings.contestName`).
    #[serde(default)]
    pub contest: String,
    /// The contest's date as RCTab's config has it (`outputSettings.contestDate`), e.g.
    /// `2024-11-05`; written as given.
    #[serde(default)]
    pub date: String,
    /// The jurisdiction (`outputSettings.contestJurisdiction`).
    #[serde(default)]
    pub jurisdiction: String,
    /// The office (`outputSettings.contestOffice`).
    #[serde(default)]
    pub office: String,
    /// The tabulator that made the report, RCTab's `generatedBy` (`RCTab 2.0.0` in RCTab's
    /// own reports). Default: `huaide` and its version (`huaide 0.1.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_by: Option<String>,
    /// The candidates in the config's order, undeclared write-ins (`Undeclared Write-ins`)
    /// last, as RCTab lists them. Only the CSV's order of candidates tied in the first round
    /// depends on it. Default: the result's candidates by id, write-ins last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<String>>,
}

impl RctabReportOptions {
    /// The `generatedBy` written: `generated_by`, or `huaide` and its version.
    pub fn generated_by(&self) -> &str {
        self.generated_by
            .as_deref()
            .unwrap_or(concat!("huaide ", env!("CARGO_PKG_VERSION")))
    }
}

/// RCTab's detailed JSON report (its `*_detailed_report.json`), field for field. Serialized,
/// fields come in RCTab's (alphabetical) order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RctabReport {
    /// The contest's header fields.
    pub config: RctabReportConfig,
    /// Always `"1"`.
    #[serde(rename = "jsonFormatVersion")]
    pub json_format_version: String,
    /// One entry per round.
    pub results: Vec<RctabRound>,
    /// Totals of the contest.
    pub summary: RctabSummary,
}

/// The report's `config`: the contest's header fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RctabReportConfig {
    /// The contest's name.
    pub contest: String,
    /// The contest's date.
    pub date: String,
    /// The tabulator, e.g. `RCTab 2.0.0`.
    pub generated_by: String,
    /// The jurisdiction.
    pub jurisdiction: String,
    /// The office.
    pub office: String,
}

/// One round of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RctabRound {
    /// Inactive ballots (votes) by cause.
    pub inactive_ballots: RctabInactiveBallots,
    /// The round number, from 1.
    pub round: u32,
    /// Votes of each candidate in the count, by name.
    pub tally: BTreeMap<String, String>,
    /// The round's decisions: the elected (by name), then the eliminated (by name), each
    /// with where its votes went at the start of the next round.
    pub tally_results: Vec<RctabAction>,
    /// The winning threshold.
    pub threshold: String,
}

/// Inactive ballots of a round, by cause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RctabInactiveBallots {
    /// Ballots with no continuing candidate left among their rankings.
    pub exhausted_choices: String,
    /// Multi-winner counts, last round only: the surplus of the last winners, which has
    /// nowhere to go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_round_surplus: Option<String>,
    /// Ballots exhausted at an overvote.
    pub overvotes: String,
    /// Ballots that ranked a candidate twice (under `exhaustOnDuplicateCandidate`).
    pub repeated_rankings: String,
    /// Ballots that skipped too many ranks.
    pub skipped_rankings: String,
}

/// A candidate elected or eliminated in a round, and the transfer of its votes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RctabAction {
    /// The candidate elected, for an election.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elected: Option<String>,
    /// The candidate eliminated, for an elimination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eliminated: Option<String>,
    /// Votes moved to each candidate, to `exhausted`, and (a winner's) `residual surplus`.
    pub transfers: BTreeMap<String, String>,
}

/// The report's totals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RctabSummary {
    /// The last round's threshold.
    pub final_threshold: String,
    /// Candidates in the count, undeclared write-ins included.
    pub num_candidates: u64,
    /// Seats to fill.
    pub num_winners: u32,
    /// Ballots counted.
    pub total_num_ballots: String,
    /// Ballots that rank nobody.
    pub undervotes: u64,
}

/// One round of the result, its values read as `BigDecimal`s.
pub(super) struct RoundView {
    pub number: u32,
    pub tally: BTreeMap<String, Decimal>,
    pub threshold: Decimal,
    /// Overvotes, skipped rankings, exhausted choices, repeated rankings (RCTab's order).
    pub inactive: [Decimal; 4],
    pub residual_total: Decimal,
    pub final_surplus: Decimal,
    /// Names sorted as RCTab sorts them, each with whether a tie-break decided it.
    pub elected: Vec<(String, bool)>,
    pub eliminated: Vec<(String, bool)>,
    /// By candidate moved out: to each candidate, `exhausted`, `residual surplus`.
    pub transfers: BTreeMap<String, BTreeMap<String, Decimal>>,
}

/// A result read for the report.
pub(super) struct View {
    /// `irv` (RCTab's single winner) rather than `stv` rule `rctab` (multi-winner).
    pub single_winner: bool,
    pub seats: u32,
    pub valid: u64,
    pub undervotes: u64,
    /// The most decimal places of any value (RCTab's `decimalPlacesForVoteArithmetic`
    /// once a fraction appears).
    pub places: u32,
    pub rounds: Vec<RoundView>,
}

/// The index order of RCTab's inactive causes in [`RoundView::inactive`].
pub(super) const INACTIVE_LABELS: [&str; 4] = [
    "Inactive Ballots by Overvotes",
    "Inactive Ballots by Skipped Rankings",
    "Inactive Ballots by Exhausted Choices",
    "Inactive Ballots by Repeated Rankings",
];

fn unsupported(path: &str, message: impl Into<String>) -> FormatError {
    FormatError::UnsupportedResult {
        path: path.to_owned(),
        message: message.into(),
    }
}

fn number(text: &str, path: impl FnOnce() -> String) -> Result<Decimal, FormatError> {
    Decimal::parse(text).ok_or_else(|| FormatError::Syntax {
        path: path(),
        message: format!("{text:?} is not a decimal number"),
    })
}

fn overflow(path: String) -> FormatError {
    FormatError::Syntax {
        path,
        message: "the value is out of range".to_owned(),
    }
}

impl View {
    /// Reads `result`, or says why it has no RCTab report.
    pub(super) fn read(result: &TallyResult) -> Result<View, FormatError> {
        let single_winner = match result.method {
            Method::Irv => true,
            // Only the `rctab` rule reports a final round surplus, in every round.
            Method::Stv
                if result
                    .rounds
                    .iter()
                    .all(|r| r.inactive.final_round_surplus.is_some()) =>
            {
                false
            }
            Method::Stv => {
                return Err(unsupported(
                    "result.method",
                    "RCTab's report is written for stv only under the rctab rule",
                ))
            }
            other => {
                return Err(unsupported(
                    "result.method",
                    format!(
                        "RCTab's report is written for irv and stv (rule rctab), not {}",
                        other.as_str()
                    ),
                ))
            }
        };
        if result.rounds.is_empty() {
            return Err(unsupported("result.rounds", "the result has no rounds"));
        }
        let mut rounds = Vec::with_capacity(result.rounds.len());
        let mut first_undervote = None;
        for (i, round) in result.rounds.iter().enumerate() {
            let view = read_round(round, i, &mut first_undervote)?;
            rounds.push(view);
        }
        let places = rounds.iter().map(max_places).max().unwrap_or(0);
        let undervotes = first_undervote.unwrap_or(Decimal::ZERO).to_whole();
        Ok(View {
            single_winner,
            seats: result.seats,
            valid: result.ballots.valid,
            undervotes,
            places,
            rounds,
        })
    }
}

impl View {
    /// The last round's threshold, as RCTab writes it.
    pub(super) fn final_threshold(&self) -> String {
        self.rounds
            .last()
            .map(|r| r.threshold.to_java_string())
            .unwrap_or_default()
    }

    /// Candidates in the first round (RCTab's number of candidates).
    pub(super) fn candidates(&self) -> usize {
        self.rounds.first().map_or(0, |r| r.tally.len())
    }
}

fn max_places(round: &RoundView) -> u32 {
    round
        .tally
        .values()
        .chain(&round.inactive)
        .chain([
            &round.threshold,
            &round.residual_total,
            &round.final_surplus,
        ])
        .map(|d| d.scale())
        .max()
        .unwrap_or(0)
}

/// Reads round `i`; `first_undervote` is the first round's undervote once read.
fn read_round(
    round: &crate::vote::Round,
    i: usize,
    first_undervote: &mut Option<Decimal>,
) -> Result<RoundView, FormatError> {
    let at = |field: &str| format!("result.rounds[{i}].{field}");
    let mut tally = BTreeMap::new();
    for (name, value) in &round.tally {
        tally.insert(
            name.clone(),
            number(value, || at(&format!("tally.{name}")))?,
        );
    }
    let inactive = &round.inactive;
    let read = |value: &str, field: &str| number(value, || at(&format!("inactive.{field}")));
    let undervote = read(&inactive.undervote, "undervote")?;
    let first = *first_undervote.get_or_insert(undervote);
    // RCTab 2.0's undervotes are the first round's; later ones are exhausted choices.
    let exhausted = read(&inactive.exhausted, "exhausted")?
        .add(undervote)
        .and_then(|d| d.sub(first))
        .ok_or_else(|| overflow(at("inactive.exhausted")))?;
    let final_surplus = match &inactive.final_round_surplus {
        Some(value) => read(value, "final_round_surplus")?,
        None => Decimal::ZERO,
    };
    // (purpose, candidate) of every tie met in the round.
    let tied: std::collections::HashSet<(&str, &str)> = round
        .ties
        .iter()
        .flat_map(|t| {
            t.candidates
                .iter()
                .map(|c| (t.purpose.as_str(), c.as_str()))
        })
        .collect();
    let decided = |names: &[String], purpose: &str| {
        let mut out: Vec<(String, bool)> = names
            .iter()
            .map(|n| (n.clone(), tied.contains(&(purpose, n.as_str()))))
            .collect();
        crate::sort::sort_by(&mut out, |a, b| java_compare(&a.0, &b.0));
        out
    };
    let mut transfers = BTreeMap::new();
    for (t, transfer) in round.transfers.iter().enumerate() {
        let path = |field: &str| at(&format!("transfers[{t}].{field}"));
        let mut to = BTreeMap::new();
        for (name, value) in &transfer.to {
            to.insert(name.clone(), number(value, || path(&format!("to.{name}")))?);
        }
        let exhausted = number(&transfer.exhausted, || path("exhausted"))?;
        if !exhausted.is_zero() {
            to.insert("exhausted".to_owned(), exhausted);
        }
        if let Some(residual) = &transfer.residual {
            let residual = number(residual, || path("residual"))?;
            to.insert("residual surplus".to_owned(), residual);
        }
        transfers.insert(transfer.from.clone(), to);
    }
    Ok(RoundView {
        number: round.round,
        tally,
        threshold: number(&round.threshold, || at("threshold"))?,
        inactive: [
            read(&inactive.overvote, "overvote")?,
            read(&inactive.skipped_ranks, "skipped_ranks")?,
            exhausted,
            read(&inactive.repeated_ranking, "repeated_ranking")?,
        ],
        residual_total: read(&inactive.rounding, "rounding")?,
        final_surplus,
        elected: decided(&round.elected, "election"),
        eliminated: decided(&round.eliminated, "elimination"),
        transfers,
    })
}

/// Writes `result` (of `irv`, or `stv` with the `rctab` rule) as RCTab's detailed JSON
/// report. `format_unsupported` for any other result; `format_syntax` for a value that is
/// not a decimal number (a hand-made result).
pub fn rctab_report(
    result: &TallyResult,
    options: &RctabReportOptions,
) -> Result<RctabReport, FormatError> {
    let view = View::read(result)?;
    let last = view.rounds.len().saturating_sub(1);
    let results = view
        .rounds
        .iter()
        .enumerate()
        .map(|(i, round)| {
            let text = |d: &Decimal| d.to_java_string();
            let [overvotes, skipped, exhausted, repeated] = &round.inactive;
            let mut tally_results = Vec::new();
            for (decisions, elected) in [(&round.elected, true), (&round.eliminated, false)] {
                for (name, _) in decisions {
                    let transfers = round
                        .transfers
                        .get(name)
                        .map(|to| to.iter().map(|(k, v)| (k.clone(), text(v))).collect())
                        .unwrap_or_default();
                    tally_results.push(RctabAction {
                        elected: elected.then(|| name.clone()),
                        eliminated: (!elected).then(|| name.clone()),
                        transfers,
                    });
                }
            }
            RctabRound {
                inactive_ballots: RctabInactiveBallots {
                    exhausted_choices: text(exhausted),
                    final_round_surplus: (!view.single_winner && i == last)
                        .then(|| text(&round.final_surplus)),
                    overvotes: text(overvotes),
                    repeated_rankings: text(repeated),
                    skipped_rankings: text(skipped),
                },
                round: round.number,
                tally: round
                    .tally
                    .iter()
                    .map(|(k, v)| (k.clone(), text(v)))
                    .collect(),
                tally_results,
                threshold: text(&round.threshold),
            }
        })
        .collect();
    Ok(RctabReport {
        config: RctabReportConfig {
            contest: options.contest.clone(),
            date: options.date.clone(),
            generated_by: options.generated_by().to_owned(),
            jurisdiction: options.jurisdiction.clone(),
            office: options.office.clone(),
        },
        json_format_version: "1".to_owned(),
        results,
        summary: RctabSummary {
            final_threshold: view.final_threshold(),
            num_candidates: u64::try_from(view.candidates()).unwrap_or(u64::MAX),
            num_winners: view.seats,
            total_num_ballots: Decimal::whole(view.valid).to_java_string(),
            undervotes: view.undervotes,
        },
    })
}

/// Reads the report's options from an RCTab contest config (its JSON text): the header
/// fields of `outputSettings`, and the candidates in order, with `Undeclared Write-ins` last
/// when a CVR source has an `undeclaredWriteInLabel` (or `treatBlankAsUndeclaredWriteIn`).
/// `generated_by` is left out: RCTab writes its own version there, which the config does not
/// hold. `format_syntax` when the text is not a JSON object.
pub fn rctab_report_options(config: &str) -> Result<RctabReportOptions, FormatError> {
    super::check_size(config)?;
    let value: serde_json::Value =
        serde_json::from_str(config).map_err(|e| FormatError::Syntax {
            path: format!("line {}", e.line()),
            message: e.to_string(),
        })?;
    if !value.is_object() {
        return Err(FormatError::Syntax {
            path: ".".to_owned(),
            message: "an RCTab config is a JSON object".to_owned(),
        });
    }
    let field = |v: &'_ serde_json::Value, key: &str| v.get(key).cloned().unwrap_or_default();
    let text = |v: &serde_json::Value, key: &str| {
        v.get(key)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let list = |key: &str| match value.get(key) {
        Some(serde_json::Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let settings = field(&value, "outputSettings");
    let mut candidates: Vec<String> = list("candidates")
        .iter()
        .filter_map(|c| c.get("name").and_then(serde_json::Value::as_str))
        .map(str::to_owned)
        .collect();
    let write_ins = list("cvrFileSources").iter().any(|source| {
        !text(source, "undeclaredWriteInLabel").trim().is_empty()
            || field(source, "treatBlankAsUndeclaredWriteIn") == serde_json::Value::Bool(true)
    });
    if write_ins {
        candidates.push(UNDECLARED_WRITE_IN.to_owned());
    }
    Ok(RctabReportOptions {
        contest: text(&settings, "contestName"),
        date: text(&settings, "contestDate"),
        jurisdiction: text(&settings, "contestJurisdiction"),
        office: text(&settings, "contestOffice"),
        generated_by: None,
        candidates: Some(candidates),
    })
}

/// Reads [`RctabReportOptions`] from any serde source (the bindings' keyword arguments).
pub fn read_rctab_report_options<'de, D: serde::Deserializer<'de>>(
    source: D,
) -> Result<RctabReportOptions, crate::error::DocumentError> {
    crate::error::read_document(source, "options")
}
