//! Clear Ballot ClearVote RCV cast vote record CSV.
//!
//! The first ten columns describe the ballot (`RowNumber`, `BoxID`, `BoxPosition`,
//! `BallotID`, `PrecinctID`, `BallotStyleID`, `PrecinctStyleName`, `ScanComputerName`,
//! `Status`, `Remade`); every further column is one (candidate, rank) choice, its header
//! `Choice_<n>_<m>:<contest>:<rank>:<vote rule>:<candidate>:<party>`. A cell `1` marks the
//! choice. Fields are CSV (quoted fields may hold commas, as in `"City of Portland, Auditor"`).
//! The candidate's name from the header is its id on the ballots; each row is one ballot.

use super::{
    check_size, line_path, ranking_from_positions, syntax, too_many_ballots, CvrContest,
    FormatError, MAX_BALLOT_ENTRIES,
};
use crate::vote::{Ballot, Candidate, MAX_RANK_POSITIONS};

/// Columns before the first choice column.
const CHOICES_BEGIN: usize = 10;

fn line_of(record: &csv::StringRecord) -> usize {
    record
        .position()
        .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX))
}

/// Reads the contest named `contest` from a Clear Ballot CSV.
pub fn read_clear_ballot(text: &str, contest: &str) -> Result<CvrContest, FormatError> {
    check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(record)) => record,
        Some(Err(err)) => return Err(syntax(1, format!("invalid CSV: {err}"))),
        None => return Err(syntax(1, "no header row")),
    };
    if header.len() <= CHOICES_BEGIN {
        return Err(syntax(1, "no choice columns after the ten ballot columns"));
    }
    // (column, rank, candidate)
    let mut columns: Vec<(usize, usize, String)> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    for (column, cell) in header.iter().enumerate().skip(CHOICES_BEGIN) {
        let fields: Vec<&str> = cell.split(':').collect();
        let [_, name, rank, _, choice, _] = fields.as_slice() else {
            return Err(syntax(
                1,
                format!(
                    "column {}: choice header {cell:?} does not have 6 `:`-separated fields",
                    column.saturating_add(1)
                ),
            ));
        };
        if *name != contest {
            continue;
        }
        let rank: usize = rank
            .parse()
            .ok()
            .filter(|r| (1..=MAX_RANK_POSITIONS).contains(r))
            .ok_or_else(|| {
                syntax(
                    1,
                    format!(
                        "column {}: {rank:?} is not a rank",
                        column.saturating_add(1)
                    ),
                )
            })?;
        if !candidates.iter().any(|c| c.id() == *choice) {
            candidates.push(Candidate::Id((*choice).to_owned()));
        }
        columns.push((column, rank, (*choice).to_owned()));
    }
    if columns.is_empty() {
        return Err(FormatError::ContestNotFound {
            path: line_path(1),
            contest: contest.to_owned(),
        });
    }
    let mut ballots = Vec::new();
    for record in records {
        let record = record.map_err(|err| {
            let line = err
                .position()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
            syntax(line, format!("invalid CSV: {err}"))
        })?;
        let line = line_of(&record);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if ballots.len() >= MAX_BALLOT_ENTRIES {
            return Err(too_many_ballots(line_path(line)));
        }
        let mut marks = Vec::new();
        for (column, rank, choice) in &columns {
            let cell = record.get(*column).unwrap_or_default().trim();
            match cell {
                "1" => marks.push((*rank, choice.clone())),
                "0" | "" => {}
                other if other.parse::<i64>().is_ok() => {}
                other => {
                    return Err(syntax(
                        line,
                        format!(
                            "column {}: {other:?} is not 0 or 1",
                            column.saturating_add(1)
                        ),
                    ))
                }
            }
        }
        ballots.push(Ballot {
            ranking: Some(ranking_from_positions(marks)),
            ..Ballot::default()
        });
    }
    Ok(CvrContest {
        candidates,
        ballots,
        max_rankings: None,
    })
}
