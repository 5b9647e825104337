//! One entry point for every ballot file format: [`read_ballot_file`], which the Python
//! (`huaide.read_ballots`) and JavaScript (`readBallots`) bindings call.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{
    read_blt, read_cdf_json, read_cdf_xml, read_clear_ballot, read_dominion, read_hart,
    read_preflib, read_ranking_csv, read_rctab_csv, CvrContest, FormatError, NamedText,
    RctabCsvLayout, UNDECLARED_WRITE_IN,
};
use crate::error::{read_document, DocumentError};
use crate::tables::forms::{layout, read_form, AnswerKind, Duplicates, FormOptions};
use crate::tables::{Limits, TableFinding, TableSource};
use crate::vote::{Ballot, Candidate, Rank};

/// A ballot file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BallotFormat {
    /// BLT (ERS/OpenSTV, with Droop's extensions).
    Blt,
    /// PrefLib `.soc`/`.soi`/`.toc`/`.toi`.
    Preflib,
    /// A simple CSV of rankings, one ballot per row.
    Csv,
    /// RCTab's generic CSV: one row per ballot, one column per candidate holding its rank.
    RctabCsv,
    /// NIST SP 1500-103 cast vote records, JSON.
    CdfJson,
    /// NIST SP 1500-103 cast vote records, XML.
    CdfXml,
    /// A Dominion JSON export (manifests and `CvrExport*.json`), as named files.
    Dominion,
    /// Hart XML cast vote records, one file per sheet, as named files.
    Hart,
    /// Clear Ballot RCV CSV.
    ClearBallot,
    /// A Google Forms responses sheet (CSV or `.xlsx`): see [`crate::tables::forms::google`].
    GoogleForms,
    /// A Microsoft Forms results workbook: see [`crate::tables::forms::microsoft`].
    MicrosoftForms,
    /// A 问卷星 (Wenjuanxing) export: see [`crate::tables::forms::wjx`].
    Wjx,
    /// A 腾讯问卷 (Tencent Questionnaire) export: see [`crate::tables::forms::tencent`].
    TencentForms,
}

impl BallotFormat {
    /// Stable snake_case name, as on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            BallotFormat::Blt => "blt",
            BallotFormat::Preflib => "preflib",
            BallotFormat::Csv => "csv",
            BallotFormat::RctabCsv => "rctab_csv",
            BallotFormat::CdfJson => "cdf_json",
            BallotFormat::CdfXml => "cdf_xml",
            BallotFormat::Dominion => "dominion",
            BallotFormat::Hart => "hart",
            BallotFormat::ClearBallot => "clear_ballot",
            BallotFormat::GoogleForms => "google_forms",
            BallotFormat::MicrosoftForms => "microsoft_forms",
            BallotFormat::Wjx => "wjx",
            BallotFormat::TencentForms => "tencent_forms",
        }
    }

    /// True for the exports of online form tools, which are tables (CSV or workbooks).
    pub fn is_form_export(self) -> bool {
        matches!(
            self,
            BallotFormat::GoogleForms
                | BallotFormat::MicrosoftForms
                | BallotFormat::Wjx
                | BallotFormat::TencentForms
        )
    }
}

/// What to read: one file's text, or the files of an export (a list of `{name, text}`, or
/// an object mapping names to texts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum BallotInput {
    /// One file's text.
    Text(String),
    /// Named files, in order.
    Files(Vec<NamedText>),
    /// One file's bytes as base64, with its name (`{"name", "base64"}`): a workbook, or
    /// text that is not UTF-8 (form exports).
    Base64 {
        /// The file name (its extension tells a workbook from CSV).
        name: String,
        /// The bytes.
        base64: String,
    },
    /// Named files, by name.
    Named(BTreeMap<String, String>),
}

impl BallotInput {
    fn files(&self) -> Vec<NamedText> {
        match self {
            BallotInput::Text(text) => vec![NamedText::new("", text.clone())],
            BallotInput::Files(files) => files.clone(),
            BallotInput::Base64 { name, base64 } => {
                let input = crate::tables::TableInput::Base64 {
                    name: name.clone(),
                    base64: base64.clone(),
                };
                let text = input
                    .to_bytes()
                    .map(|(_, b)| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                vec![NamedText::new(name.clone(), text)]
            }
            BallotInput::Named(map) => map
                .iter()
                .map(|(name, text)| NamedText::new(name.clone(), text.clone()))
                .collect(),
        }
    }

    /// The single text of a one-file format.
    pub(super) fn text(&self, format: BallotFormat) -> Result<String, FormatError> {
        match self {
            BallotInput::Text(text) => Ok(text.clone()),
            _ => {
                let mut files = self.files();
                match (files.pop(), files.is_empty()) {
                    (Some(only), true) => Ok(only.text),
                    _ => Err(FormatError::Syntax {
                        path: ".".to_owned(),
                        message: format!("the {} format reads one text", format.as_str()),
                    }),
                }
            }
        }
    }
}

/// Options of [`read_ballot_file`]; each format reads the ones it needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadOptions {
    /// The contest to read from a cast vote record export (RCTab's `contestId`): the CDF
    /// contest's `Name` or `@id`/`ObjectId`, Dominion's contest `Id`, Hart's contest `Id`,
    /// Clear Ballot's contest name. Required for those formats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contest: Option<String>,
    /// RCTab generic CSV: the first column holding votes, 1-based (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_vote_column: Option<usize>,
    /// RCTab generic CSV: the first row holding votes, 1-based, after the header (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_vote_row: Option<usize>,
    /// The candidate id (or name) the export uses for undeclared write-ins (RCTab's
    /// `undeclaredWriteInLabel`): its marks become marks for [`UNDECLARED_WRITE_IN`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undeclared_write_in_label: Option<String>,
    /// Form exports: the question to read (its text, part of it, or its number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Form exports: how to read the answers (default: detected).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AnswerKind>,
    /// Form exports: the header of the voter column (default: the tool's, e.g. `Email Address`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voter_column: Option<String>,
    /// Form exports: the header of the submission time (default: the tool's, e.g. `Timestamp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_column: Option<String>,
    /// Form exports: which submission of a voter counts, `first` (default) or `last`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicates: Option<Duplicates>,
    /// Form exports: the IANA time zone of timestamps without an offset (default UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Form exports: the text encoding of a CSV file (default: detected).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Form exports: the sheet of a workbook (default: the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Form exports: size limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<Limits>,
}

/// A ballot file read: its candidates and ballots, ready for an election document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BallotFile {
    /// The candidates the file declares (or, for CVR exports, the contest's choices), as
    /// ids, or `{id, name}` where the file names them. Ballots rank these ids.
    pub candidates: Vec<Candidate>,
    /// The ballots, ranking candidate ids, in file order (`count` where the file groups).
    pub ballots: Vec<Ballot>,
    /// Seats to fill, when the file says (BLT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// Withdrawn candidates, when the file says (BLT).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withdrawn: Vec<String>,
    /// The tie-break order, when the file gives one (BLT `[tie]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_order: Option<Vec<String>>,
    /// The title, when the file gives one (BLT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The contest's maximum number of rankings, when the file says (Dominion's
    /// `NumOfRanks`): give it to the election's `irv.max_rankings`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rankings: Option<u32>,
    /// The id of the undeclared write-in candidate, when there is one: give it to the
    /// election's `irv.undeclared_write_in`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undeclared_write_in: Option<String>,
    /// Form exports: every problem met, with its row and column (blank and duplicate
    /// submissions, unreadable ranks, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<TableFinding>,
}

/// A read request as one document: `{format, input, options?}` (the shared vectors' shape).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadRequest {
    /// The format.
    pub format: BallotFormat,
    /// The text or files.
    pub input: BallotInput,
    /// The options.
    #[serde(default)]
    pub options: ReadOptions,
}

/// Reads a [`ReadRequest`] from any serde source.
pub fn read_request<'de, D: serde::Deserializer<'de>>(
    source: D,
) -> Result<ReadRequest, DocumentError> {
    read_document(source, "")
}

fn contest(options: &ReadOptions, format: BallotFormat) -> Result<&str, FormatError> {
    options
        .contest
        .as_deref()
        .ok_or(FormatError::MissingOption {
            path: "options.contest".to_owned(),
            format: format.as_str(),
        })
}

fn from_cvr(read: CvrContest) -> BallotFile {
    BallotFile {
        candidates: read.candidates,
        ballots: read.ballots,
        max_rankings: read.max_rankings,
        ..BallotFile::default()
    }
}

/// Renames the marks for `label` to [`UNDECLARED_WRITE_IN`], in the candidates too.
fn apply_write_in_label(file: &mut BallotFile, label: &str) {
    let mut found = false;
    for candidate in &mut file.candidates {
        if candidate.id() == label {
            *candidate = Candidate::Id(UNDECLARED_WRITE_IN.to_owned());
            found = true;
        }
    }
    if !found {
        file.candidates
            .push(Candidate::Id(UNDECLARED_WRITE_IN.to_owned()));
    }
    let mut seen = std::collections::HashSet::new();
    file.candidates.retain(|c| seen.insert(c.id().to_owned()));
    for ballot in &mut file.ballots {
        for rank in ballot.ranking.iter_mut().flatten() {
            match rank {
                Rank::One(id) if id == label => UNDECLARED_WRITE_IN.clone_into(id),
                Rank::Several(ids) => {
                    for id in ids.iter_mut().filter(|id| *id == label) {
                        UNDECLARED_WRITE_IN.clone_into(id);
                    }
                }
                Rank::One(_) => {}
            }
        }
    }
}

/// Reads ballots from `input` in `format` (see each reader for the format's rules).
pub fn read_ballot_file(
    input: &BallotInput,
    format: BallotFormat,
    options: &ReadOptions,
) -> Result<BallotFile, FormatError> {
    if format.is_form_export() {
        let (name, bytes) = input_bytes(input, format)?;
        return read_ballot_bytes(&TableSource::new(&name, &bytes), format, options);
    }
    let mut file = match format {
        BallotFormat::Blt => {
            let blt = read_blt(&input.text(format)?)?;
            BallotFile {
                candidates: blt.candidates,
                ballots: blt.ballots,
                seats: Some(blt.seats),
                withdrawn: blt.withdrawn,
                tie_order: blt.tie_order,
                title: blt.title,
                ..BallotFile::default()
            }
        }
        BallotFormat::Preflib => {
            let preflib = read_preflib(&input.text(format)?)?;
            BallotFile {
                candidates: preflib.candidates,
                ballots: preflib.ballots,
                ..BallotFile::default()
            }
        }
        BallotFormat::Csv => {
            let ballots = read_ranking_csv(&input.text(format)?)?;
            // In order of first appearance; the set keeps this linear in the marks.
            let mut seen = std::collections::HashSet::new();
            let candidates: Vec<Candidate> = ballots
                .iter()
                .flat_map(|b| b.ranking.iter().flatten())
                .flat_map(Rank::candidates)
                .filter(|id| seen.insert(id.as_str()))
                .map(|id| Candidate::Id(id.clone()))
                .collect();
            BallotFile {
                candidates,
                ballots,
                ..BallotFile::default()
            }
        }
        BallotFormat::RctabCsv => {
            let layout = RctabCsvLayout {
                first_vote_column: options.first_vote_column.unwrap_or(2),
                first_vote_row: options.first_vote_row.unwrap_or(2),
            };
            let (names, ballots) = read_rctab_csv(&input.text(format)?, layout)?;
            BallotFile {
                candidates: names.into_iter().map(Candidate::Id).collect(),
                ballots,
                ..BallotFile::default()
            }
        }
        BallotFormat::CdfJson => {
            let cdf = read_cdf_json(&input.text(format)?, contest(options, format)?)?;
            BallotFile {
                candidates: cdf.candidates.into_iter().map(Candidate::Id).collect(),
                ballots: cdf.ballots,
                ..BallotFile::default()
            }
        }
        BallotFormat::CdfXml => from_cvr(read_cdf_xml(
            &input.text(format)?,
            contest(options, format)?,
        )?),
        BallotFormat::ClearBallot => from_cvr(read_clear_ballot(
            &input.text(format)?,
            contest(options, format)?,
        )?),
        BallotFormat::Dominion => {
            let contest = contest(options, format)?;
            let files = input.files();
            if matches!(input, BallotInput::Text(_)) {
                return Err(FormatError::MissingFile {
                    path: ".".to_owned(),
                    name: "ContestManifest.json".to_owned(),
                });
            }
            from_cvr(read_dominion(&files, contest)?)
        }
        BallotFormat::Hart => {
            let mut files = input.files();
            if let (BallotInput::Text(_), Some(only)) = (input, files.first_mut()) {
                "cvr.xml".clone_into(&mut only.name);
            }
            from_cvr(read_hart(&files, contest(options, format)?)?)
        }
        BallotFormat::GoogleForms
        | BallotFormat::MicrosoftForms
        | BallotFormat::Wjx
        | BallotFormat::TencentForms => {
            return read_ballot_bytes(&TableSource::new("", b""), format, options)
        }
    };
    note_undeclared_write_in(&mut file);
    if let Some(label) = options.undeclared_write_in_label.as_deref() {
        if !label.is_empty() {
            apply_write_in_label(&mut file, label);
            file.undeclared_write_in = Some(UNDECLARED_WRITE_IN.to_owned());
        }
    }
    Ok(file)
}

/// Sets `undeclared_write_in` when one of the file's candidates is [`UNDECLARED_WRITE_IN`].
pub(super) fn note_undeclared_write_in(file: &mut BallotFile) {
    if file
        .candidates
        .iter()
        .any(|c| c.id() == UNDECLARED_WRITE_IN)
    {
        file.undeclared_write_in = Some(UNDECLARED_WRITE_IN.to_owned());
    }
}

/// The one file of a form export, as bytes.
fn input_bytes(
    input: &BallotInput,
    format: BallotFormat,
) -> Result<(String, Vec<u8>), FormatError> {
    match input {
        BallotInput::Text(text) => Ok((String::new(), text.as_bytes().to_vec())),
        BallotInput::Base64 { name, base64 } => crate::tables::TableInput::Base64 {
            name: name.clone(),
            base64: base64.clone(),
        }
        .to_bytes(),
        _ => {
            let mut files = input.files();
            match (files.pop(), files.is_empty()) {
                (Some(only), true) => Ok((only.name, only.text.into_bytes())),
                _ => Err(FormatError::Syntax {
                    path: ".".to_owned(),
                    message: format!("the {} format reads one file", format.as_str()),
                }),
            }
        }
    }
}

/// Reads ballots from a file's bytes: the form exports (CSV in any encoding of
/// [`crate::tables::decode`], or a workbook) directly, the text formats after decoding the
/// bytes as UTF-8. The Python and JS bindings call this for `bytes` and `Uint8Array` input.
pub fn read_ballot_bytes(
    source: &TableSource<'_>,
    format: BallotFormat,
    options: &ReadOptions,
) -> Result<BallotFile, FormatError> {
    let Some(layout) = layout(format.as_str()) else {
        let text = utf8_text(source, format)?;
        return read_ballot_file(&BallotInput::Text(text.to_owned()), format, options);
    };
    let form = FormOptions {
        question: options.question.clone(),
        kind: options.kind,
        voter_column: options.voter_column.clone(),
        timestamp_column: options.timestamp_column.clone(),
        duplicates: options.duplicates.unwrap_or_default(),
        timezone: options.timezone.clone(),
        encoding: options.encoding.clone(),
        sheet: options.sheet.clone(),
        limits: options.limits.unwrap_or_default(),
    };
    let read = read_form(layout, source, &form)?;
    Ok(BallotFile {
        candidates: read.candidates,
        ballots: read.ballots,
        title: Some(read.question),
        findings: read.findings,
        ..BallotFile::default()
    })
}

/// The bytes of a text format's file as UTF-8 (`format_encoding` otherwise).
pub(super) fn utf8_text<'a>(
    source: &TableSource<'a>,
    format: BallotFormat,
) -> Result<&'a str, FormatError> {
    std::str::from_utf8(source.bytes).map_err(|_| FormatError::Encoding {
        path: if source.name.is_empty() {
            ".".to_owned()
        } else {
            source.name.to_owned()
        },
        message: format!("the {} format is read as UTF-8 text", format.as_str()),
    })
}
