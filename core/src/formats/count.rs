//! Counting a ballot file in one call: [`tally_ballot_file`] reads the file and counts its
//! ballots, so a caller (a web page, the command line) never holds the ballots as objects.
//! A CSV of rankings is read straight into the box the count reads, without a `Ballot` per
//! row (each distinct id is stored once); the other formats are read into ballots first.
//!
//! A [`FileElection`] is an election document whose fields may be left out where the file
//! says them: the candidates (the file's, without the withdrawn ones, whose marks are dropped
//! from every ballot as Droop and OpenSTV do), the seats (the file's, else 1), the id (the
//! file's title, else `ballot file`), and, for `irv` and `stv`, the contest's maximum number
//! of rankings and its undeclared write-in candidate. A tie-break order the file gives (BLT
//! `[tie]`) is not applied: its meaning differs between counting programs, so give
//! `tie_break.order` explicitly.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::read::{
    read_ballot_bytes, read_ballot_file, BallotFile, BallotFormat, BallotInput, ReadOptions,
};
use super::FormatError;
use crate::error::{DocumentError, ErrorFamily, Fault};
use crate::tables::TableSource;
use crate::vote::{
    tally, Ballot, Candidate, Election, IrvOptions, Method, PairwiseOptions, Rank, ScoreRange,
    StvOptions, TallyError, TallyResult, TieBreak,
};

/// An election to count a ballot file in: [`Election`]'s fields, each optional but
/// `method`, the file giving what is left out (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileElection {
    /// Identifier (default: the file's title, else `ballot file`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Counting method.
    pub method: Method,
    /// Number of winners (default: the file's, else 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// The candidates (default: the file's, without the withdrawn ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<Candidate>>,
    /// Voter ids allowed to vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<Vec<String>>,
    /// Most choices a ballot may mark (approval and committees).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<u32>,
    /// How ties are broken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_break: Option<TieBreak>,
    /// Options of the pairwise methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<PairwiseOptions>,
    /// Score range of the graded methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_range: Option<ScoreRange>,
    /// Ballot rules of `irv` (`max_rankings` and `undeclared_write_in` default to the file's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub irv: Option<IrvOptions>,
    /// Counting rule of `stv`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stv: Option<StvOptions>,
}

impl FileElection {
    /// Settings with the method alone: everything else from the file or the defaults.
    pub fn new(method: Method) -> Self {
        FileElection {
            id: None,
            method,
            seats: None,
            candidates: None,
            roll: None,
            max_choices: None,
            tie_break: None,
            pairwise: None,
            score_range: None,
            irv: None,
            stv: None,
        }
    }

    /// The election that counts `file`, and the file's ballots for it (the withdrawn
    /// candidates' marks dropped when the candidates come from the file). The ballots are
    /// moved out of the file, not copied.
    pub fn for_file(&self, mut file: BallotFile) -> (Election, Vec<Ballot>) {
        let from_file = self.candidates.is_none();
        let withdrawn = |id: &str| from_file && file.withdrawn.iter().any(|w| w == id);
        let candidates = match &self.candidates {
            Some(candidates) => candidates.clone(),
            None => file
                .candidates
                .iter()
                .filter(|c| !withdrawn(c.id()))
                .cloned()
                .collect(),
        };
        let ballots = if from_file && !file.withdrawn.is_empty() {
            file.ballots
                .iter()
                .map(|b| without(b, &withdrawn))
                .collect()
        } else {
            std::mem::take(&mut file.ballots)
        };
        let mut irv = self.irv.clone();
        let ranked = matches!(self.method, Method::Irv | Method::Stv);
        if ranked && (file.max_rankings.is_some() || file.undeclared_write_in.is_some()) {
            let options = irv.get_or_insert_with(IrvOptions::default);
            options.max_rankings = options.max_rankings.or(file.max_rankings);
            if options.undeclared_write_in.is_none() {
                options.undeclared_write_in = file.undeclared_write_in.clone();
            }
        }
        let election = Election {
            id: self
                .id
                .clone()
                .or_else(|| file.title.clone())
                .unwrap_or_else(|| "ballot file".to_owned()),
            method: self.method,
            seats: self.seats.or(file.seats).unwrap_or(1),
            candidates,
            roll: self.roll.clone(),
            max_choices: self.max_choices,
            tie_break: self.tie_break.clone(),
            pairwise: self.pairwise,
            score_range: self.score_range,
            irv,
            stv: self.stv.clone(),
        };
        (election, ballots)
    }
}

/// `ballot` without the marks of withdrawn candidates (a rank left empty by them is dropped,
/// so later ranks move up, as Droop counts a withdrawal).
fn without(ballot: &Ballot, withdrawn: &impl Fn(&str) -> bool) -> Ballot {
    let ranking = ballot.ranking.as_ref().map(|ranks| {
        ranks
            .iter()
            .filter_map(|rank| {
                let marked = rank.candidates();
                if marked.is_empty() {
                    return Some(rank.clone());
                }
                let kept: Vec<String> =
                    marked.iter().filter(|id| !withdrawn(id)).cloned().collect();
                match kept.as_slice() {
                    [] => None,
                    [one] if marked.len() == 1 => Some(Rank::One(one.clone())),
                    _ => Some(Rank::Several(kept)),
                }
            })
            .collect()
    });
    Ballot {
        ranking,
        ..ballot.clone()
    }
}

/// Why a ballot file cannot be counted: it cannot be read, or its count cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FileCountError {
    /// The file cannot be read (its codes and paths).
    #[error(transparent)]
    Format(#[from] FormatError),
    /// The election cannot be counted (its codes and paths).
    #[error(transparent)]
    Tally(#[from] TallyError),
}

impl From<DocumentError> for FileCountError {
    fn from(err: DocumentError) -> Self {
        FileCountError::Tally(err.into())
    }
}

impl Fault for FileCountError {
    fn code(&self) -> &'static str {
        match self {
            FileCountError::Format(e) => e.code(),
            FileCountError::Tally(e) => e.code(),
        }
    }
    fn path(&self) -> Option<&str> {
        match self {
            FileCountError::Format(e) => e.path(),
            FileCountError::Tally(e) => e.path(),
        }
    }
    fn family(&self) -> ErrorFamily {
        match self {
            FileCountError::Format(e) => e.family(),
            FileCountError::Tally(e) => e.family(),
        }
    }
}

/// Reads a ballot file and counts its ballots in `election` (see the module documentation).
pub fn tally_ballot_file(
    input: &BallotInput,
    format: BallotFormat,
    options: &ReadOptions,
    election: &FileElection,
) -> Result<TallyResult, FileCountError> {
    if straight_to_box(format, options) {
        let text = match input {
            BallotInput::Text(text) => std::borrow::Cow::Borrowed(text.as_str()),
            _ => std::borrow::Cow::Owned(input.text(format)?),
        };
        return super::count_csv::tally_ranking_csv(&text, election);
    }
    let file = read_ballot_file(input, format, options)?;
    let (election, ballots) = election.for_file(file);
    Ok(tally(&election, &ballots)?)
}

/// Whether the file is counted without building its ballots: a CSV of rankings whose
/// write-ins are not renamed.
fn straight_to_box(format: BallotFormat, options: &ReadOptions) -> bool {
    format == BallotFormat::Csv
        && options
            .undeclared_write_in_label
            .as_deref()
            .is_none_or(str::is_empty)
}

/// [`tally_ballot_file`] for a file given as bytes (a form export's `.xlsx` or CSV in any
/// encoding: see [`read_ballot_bytes`]).
pub fn tally_ballot_bytes(
    source: &TableSource<'_>,
    format: BallotFormat,
    options: &ReadOptions,
    election: &FileElection,
) -> Result<TallyResult, FileCountError> {
    if straight_to_box(format, options) {
        let text = super::read::utf8_text(source, format)?;
        return super::count_csv::tally_ranking_csv(text, election);
    }
    let file = read_ballot_bytes(source, format, options)?;
    let (election, ballots) = election.for_file(file);
    Ok(tally(&election, &ballots)?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn a_blt_file_counts_with_its_seats_candidates_and_withdrawals() {
        let blt = "4 2\n-4\n3 1 4 2 0\n2 2 0\n2 3 1 0\n1 4 0\n0\n\"Ann\"\n\"Bo\"\n\"Cy\"\n\"Di\"\n\"Chair\"\n";
        let input = BallotInput::Text(blt.to_owned());
        let election = FileElection::new(Method::Stv);
        let result = tally_ballot_file(
            &input,
            BallotFormat::Blt,
            &ReadOptions::default(),
            &election,
        )
        .unwrap();
        assert_eq!(result.election, "Chair");
        assert_eq!(result.seats, 2);
        assert!(
            !result.counts.contains_key("4"),
            "withdrawn candidate 4 is not counted"
        );
        assert_eq!(
            result.ballots.valid, 8,
            "the ballot for 4 alone stays, as an undervote"
        );
        let unread = tally_ballot_file(
            &BallotInput::Text("nonsense".to_owned()),
            BallotFormat::Blt,
            &ReadOptions::default(),
            &election,
        );
        assert_eq!(unread.unwrap_err().code(), "format_syntax");
    }
}
