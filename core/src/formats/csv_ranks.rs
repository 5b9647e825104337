//! CSV ballot files: a simple CSV of rankings, and RCTab's generic CSV.

use super::{
    check_size, line_path, ranking_from_positions, syntax, FormatError, MAX_BALLOT_ENTRIES,
};
use crate::vote::{Ballot, Rank, MAX_RANK_POSITIONS};

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}

/// The reader of a CSV of rankings: fields as bytes, trimmed by the caller. The text is
/// UTF-8 and the separators are ASCII, so every field is UTF-8; and `csv`'s own trimming
/// of `StringRecord`s rebuilds each record, which was half the time of reading a file.
fn raw_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// A field of a [`raw_reader`] record as text, trimmed as `csv::Trim::All` trims.
fn field(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default().trim()
}

fn csv_error(err: &csv::Error) -> FormatError {
    let line = err
        .position()
        .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
    syntax(line, format!("invalid CSV: {err}"))
}

fn record_line(record: &csv::StringRecord) -> usize {
    line_of(record.position())
}

/// The line a record starts on (0 when unknown).
fn line_of(position: Option<&csv::Position>) -> usize {
    position.map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX))
}

/// Reads a simple CSV of rankings: one ballot per row, one rank per column, best first.
///
/// A cell holds a candidate id; an empty cell is a skipped rank; `a=b` marks several
/// candidates at one rank (an equal ranking, or an overvote). Trailing empty cells are
/// ignored, as are empty lines and lines starting with `#`. There is no header row.
pub fn read_ranking_csv(text: &str) -> Result<Vec<Ballot>, FormatError> {
    let mut ballots = Vec::new();
    for_each_ranking_row(text, |cells| {
        let ranking = cells
            .map(|cell| {
                let ids: Vec<String> = cell_ids(cell).map(str::to_owned).collect();
                match <[String; 1]>::try_from(ids) {
                    Ok([one]) => Rank::One(one),
                    Err(ids) => Rank::Several(ids),
                }
            })
            .collect();
        ballots.push(Ballot {
            ranking: Some(ranking),
            ..Ballot::default()
        });
        Ok(())
    })?;
    Ok(ballots)
}

/// The candidate ids a cell of a CSV of rankings marks at its rank: none for an empty
/// cell, the cell itself, or for `a=b` each id of the tie, trimmed (empty ones dropped).
pub(super) fn cell_ids(cell: &str) -> impl Iterator<Item = &str> {
    let tie = cell.contains('=');
    cell.split('=')
        .map(move |id| if tie { id.trim() } else { id })
        .filter(|id| !id.is_empty())
}

/// Calls `each` with the cells of every ballot row of a CSV of rankings (the rules of
/// [`read_ranking_csv`]: comment and empty rows skipped, trailing empty cells dropped,
/// the limits on ranks and ballots checked).
pub(super) fn for_each_ranking_row(
    text: &str,
    mut each: impl FnMut(&mut dyn Iterator<Item = &str>) -> Result<(), FormatError>,
) -> Result<(), FormatError> {
    check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let mut rows = 0usize;
    let mut reader = raw_reader(text);
    // One record buffer for the whole file: no allocation per row.
    let mut record = csv::ByteRecord::new();
    while reader
        .read_byte_record(&mut record)
        .map_err(|err| csv_error(&err))?
    {
        let line = line_of(record.position());
        if record
            .get(0)
            .is_some_and(|cell| field(cell).starts_with('#'))
        {
            continue;
        }
        // The cells up to the last non-empty one (trailing empty cells are ignored).
        let used = (0..record.len())
            .rev()
            .find(|&i| record.get(i).is_some_and(|cell| !field(cell).is_empty()))
            .map_or(0, |i| i.saturating_add(1));
        if used == 0 {
            continue;
        }
        if used > MAX_RANK_POSITIONS {
            return Err(FormatError::TooLarge {
                path: line_path(line),
                what: "number of ranks",
                limit: MAX_RANK_POSITIONS as u64,
            });
        }
        if rows >= MAX_BALLOT_ENTRIES {
            return Err(FormatError::TooLarge {
                path: line_path(line),
                what: "number of ballots",
                limit: MAX_BALLOT_ENTRIES as u64,
            });
        }
        each(&mut record.iter().take(used).map(field))?;
        rows = rows.saturating_add(1);
    }
    Ok(())
}

/// Where the votes are in an RCTab generic CSV (the indexes of its config, 1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RctabCsvLayout {
    /// The first column holding votes (`firstVoteColumnIndex`); the columns from it on are
    /// one per candidate, named by the header row.
    pub first_vote_column: usize,
    /// The first row holding votes (`firstVoteRowIndex`); the row before it is the header.
    pub first_vote_row: usize,
}

/// Reads an RCTab generic CSV: one row per ballot and one column per candidate, the cell
/// holding the rank given to that candidate (empty: not ranked). Returns the candidate
/// names of the header row and the ballots, ranking candidates by those names.
pub fn read_rctab_csv(
    text: &str,
    layout: RctabCsvLayout,
) -> Result<(Vec<String>, Vec<Ballot>), FormatError> {
    check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let first_column = layout
        .first_vote_column
        .checked_sub(1)
        .ok_or_else(|| syntax(0, "first_vote_column is 1-based"))?;
    let header_row = layout
        .first_vote_row
        .checked_sub(2)
        .ok_or_else(|| syntax(0, "first_vote_row must be at least 2 (after the header)"))?;
    let mut names: Option<Vec<String>> = None;
    let mut ballots = Vec::new();
    for (row, record) in reader(text).records().enumerate() {
        let record = record.map_err(|err| csv_error(&err))?;
        let line = record_line(&record);
        if row < header_row {
            continue;
        }
        let Some(names) = &names else {
            names = Some(
                record
                    .iter()
                    .skip(first_column)
                    .map(str::to_owned)
                    .collect(),
            );
            continue;
        };
        if ballots.len() >= MAX_BALLOT_ENTRIES {
            return Err(FormatError::TooLarge {
                path: line_path(line),
                what: "number of ballots",
                limit: MAX_BALLOT_ENTRIES as u64,
            });
        }
        let mut marks = Vec::new();
        for (column, cell) in record.iter().skip(first_column).enumerate() {
            if cell.is_empty() {
                continue;
            }
            let name = names.get(column).ok_or_else(|| {
                syntax(
                    line,
                    format!(
                        "column {} has no header",
                        column.saturating_add(first_column).saturating_add(1)
                    ),
                )
            })?;
            let rank: usize = cell
                .parse()
                .ok()
                .filter(|rank| (1..=MAX_RANK_POSITIONS).contains(rank))
                .ok_or_else(|| syntax(line, format!("{cell:?} is not a rank")))?;
            marks.push((rank, name.clone()));
        }
        ballots.push(Ballot {
            ranking: Some(ranking_from_positions(marks)),
            ..Ballot::default()
        });
    }
    Ok((names.unwrap_or_default(), ballots))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;
    use crate::error::Fault;

    #[test]
    fn ranking_csv_reads_skips_and_equal_ranks() {
        let ballots = read_ranking_csv("# comment\na,b,,\n\"c\", ,a=b\n\n").unwrap();
        assert_eq!(ballots.len(), 2);
        assert_eq!(
            ballots[0].ranking,
            Some(vec![Rank::One("a".into()), Rank::One("b".into())])
        );
        assert_eq!(
            ballots[1].ranking,
            Some(vec![
                Rank::One("c".into()),
                Rank::Several(vec![]),
                Rank::Several(vec!["a".into(), "b".into()])
            ])
        );
    }

    #[test]
    fn cells_are_trimmed_of_any_whitespace_as_text() {
        // Ideographic spaces (U+3000) and tabs around ids and comments, as a Chinese
        // spreadsheet may leave them; and a quoted cell keeps its comma.
        let text = "\u{3000}# 备注\n\u{3000}张三\u{3000},\t李四 , \u{3000}\n\"王,五\"\n";
        let ballots = read_ranking_csv(text).unwrap();
        assert_eq!(ballots.len(), 2);
        assert_eq!(
            ballots[0].ranking,
            Some(vec![Rank::One("张三".into()), Rank::One("李四".into())])
        );
        assert_eq!(ballots[1].ranking, Some(vec![Rank::One("王,五".into())]));
    }

    #[test]
    fn rctab_csv_reads_ranks_by_column() {
        let text = "id,A,B,C\nr1,2,1,\nr2,1,1,2\n";
        let layout = RctabCsvLayout {
            first_vote_column: 2,
            first_vote_row: 2,
        };
        let (names, ballots) = read_rctab_csv(text, layout).unwrap();
        assert_eq!(names, vec!["A", "B", "C"]);
        assert_eq!(
            ballots[0].ranking,
            Some(vec![Rank::One("B".into()), Rank::One("A".into())])
        );
        assert_eq!(
            ballots[1].ranking,
            Some(vec![
                Rank::Several(vec!["A".into(), "B".into()]),
                Rank::One("C".into())
            ])
        );
        let err = read_rctab_csv("id,A\nr1,x\n", layout).unwrap_err();
        assert_eq!((err.code(), err.path()), ("format_syntax", Some("line 2")));
    }
}
