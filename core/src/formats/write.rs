//! One entry point for every ballot file writer: [`write_ballot_file`], which the Python
//! (`huaide.write_ballots`) and JavaScript (`writeBallots`) bindings call.
//!
//! Only the open interchange formats are written: BLT ([`super::write_blt`]), PrefLib
//! ([`super::write_preflib`]) and the simple CSV of rankings ([`super::write_ranking_csv`]).
//! Each writer's output reads back ([`super::read_ballot_file`]) to the same ballots, up to
//! the grouping and order the format imposes. What a format cannot express is an error
//! naming the place in the [`BallotFile`] (`ballots[3].ranking[1]`), never a silent loss.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::{write_blt, write_preflib, write_ranking_csv, BallotFile, BallotFormat, FormatError};
use crate::error::{read_document, DocumentError};

/// A PrefLib ordinal data type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PreflibType {
    /// Strict orders, complete.
    Soc,
    /// Strict orders, incomplete.
    Soi,
    /// Orders with ties, complete.
    Toc,
    /// Orders with ties, incomplete.
    Toi,
}

impl PreflibType {
    /// The type's name and file extension: `soc`, `soi`, `toc` or `toi`.
    pub fn as_str(self) -> &'static str {
        match self {
            PreflibType::Soc => "soc",
            PreflibType::Soi => "soi",
            PreflibType::Toc => "toc",
            PreflibType::Toi => "toi",
        }
    }

    /// Whether orders may hold ties (`toc`, `toi`).
    pub fn ties(self) -> bool {
        matches!(self, PreflibType::Toc | PreflibType::Toi)
    }

    /// Whether orders must rank every alternative (`soc`, `toc`).
    pub fn complete(self) -> bool {
        matches!(self, PreflibType::Soc | PreflibType::Toc)
    }
}

/// Options of [`write_ballot_file`]; each format reads the ones it needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WriteOptions {
    /// PrefLib: the data type to write. Default: the narrowest type that fits the ballots
    /// (`soc` when every order is strict and complete, `soi`, `toc`, else `toi`). A type the
    /// ballots do not fit is an error naming the first ballot that does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_type: Option<PreflibType>,
    /// PrefLib: the `# FILE NAME` header. Default: `ballots.<data type>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
}

/// A write request as one document: `{file, format, options?}` (the shared vectors' shape).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WriteRequest {
    /// The ballot file to write (the shape [`super::read_ballot_file`] returns).
    pub file: BallotFile,
    /// The format.
    pub format: BallotFormat,
    /// The options.
    #[serde(default)]
    pub options: WriteOptions,
}

/// Reads a [`WriteRequest`] from any serde source.
pub fn write_request<'de, D: serde::Deserializer<'de>>(
    source: D,
) -> Result<WriteRequest, DocumentError> {
    read_document(source, "")
}

/// Writes `file` in `format`: the file's text. `format_unsupported` for the formats that
/// are read only (CVR exports of proprietary systems, RCTab's CSV).
pub fn write_ballot_file(
    file: &BallotFile,
    format: BallotFormat,
    options: &WriteOptions,
) -> Result<String, FormatError> {
    match format {
        BallotFormat::Blt => write_blt(file),
        BallotFormat::Preflib => write_preflib(file, options),
        BallotFormat::Csv => write_ranking_csv(file),
        BallotFormat::RctabCsv
        | BallotFormat::CdfJson
        | BallotFormat::CdfXml
        | BallotFormat::Dominion
        | BallotFormat::Hart
        | BallotFormat::ClearBallot
        | BallotFormat::GoogleForms
        | BallotFormat::MicrosoftForms
        | BallotFormat::Wjx
        | BallotFormat::TencentForms => Err(FormatError::Unsupported {
            path: "format".to_owned(),
            format: format.as_str(),
        }),
    }
}

/// A ballot entry with its ranks as candidate positions (0-based, in the file's order).
pub(super) struct Resolved {
    /// The entry's weight (`count`, default 1; never 0).
    pub weight: u64,
    /// Per rank, the positions marked (empty: a skipped rank), in the ballot's order.
    pub ranks: Vec<Vec<usize>>,
}

pub(super) fn unwritable(path: impl Into<String>, message: impl Into<String>) -> FormatError {
    FormatError::Unwritable {
        path: path.into(),
        message: message.into(),
    }
}

/// The candidates' positions by id; a repeated id is an error.
pub(super) fn positions(file: &BallotFile) -> Result<HashMap<&str, usize>, FormatError> {
    let mut index = HashMap::with_capacity(file.candidates.len());
    for (position, candidate) in file.candidates.iter().enumerate() {
        if index.insert(candidate.id(), position).is_some() {
            return Err(unwritable(
                format!("candidates[{position}]"),
                format!("candidate id {:?} appears twice", candidate.id()),
            ));
        }
    }
    Ok(index)
}

/// Every ballot's ranking as positions; a ballot without a ranking, a count of 0 or an
/// unknown candidate is an error naming the ballot.
pub(super) fn resolve(
    file: &BallotFile,
    index: &HashMap<&str, usize>,
) -> Result<Vec<Resolved>, FormatError> {
    let mut out = Vec::with_capacity(file.ballots.len());
    for (b, ballot) in file.ballots.iter().enumerate() {
        let ranking = ballot.ranking.as_ref().ok_or_else(|| {
            unwritable(
                format!("ballots[{b}].ranking"),
                "a ballot file holds rankings; this ballot has none",
            )
        })?;
        if ballot.count == Some(0) {
            return Err(unwritable(
                format!("ballots[{b}].count"),
                "a count of 0 cannot be written",
            ));
        }
        let mut ranks = Vec::with_capacity(ranking.len());
        for (r, rank) in ranking.iter().enumerate() {
            let marked =
                rank.candidates()
                    .iter()
                    .map(|id| {
                        index.get(id.as_str()).copied().ok_or_else(|| {
                            FormatError::UnknownCandidate {
                                path: format!("ballots[{b}].ranking[{r}]"),
                                name: id.clone(),
                            }
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
            ranks.push(marked);
        }
        out.push(Resolved {
            weight: ballot.weight(),
            ranks,
        });
    }
    Ok(out)
}

/// Whether `text` holds a line break (which would split a one-line field).
pub(super) fn has_line_break(text: &str) -> bool {
    text.contains(['\n', '\r'])
}
