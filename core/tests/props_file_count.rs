//! Counting a CSV of rankings straight into the ballot box (`tally_ballot_file` and
//! `tally_ballot_bytes` with the `csv` format) gives exactly what reading the file into
//! ballots and counting them gives: the same result, or the same error code and path.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use huaide::formats::{
    read_ballot_file, tally_ballot_bytes, tally_ballot_file, BallotFormat, BallotInput,
    FileCountError, FileElection, ReadOptions,
};
use huaide::tables::TableSource;
use huaide::vote::{tally, TallyResult};
use huaide::Fault;
use proptest::prelude::*;

/// Cells of every kind the reader distinguishes: ids, padded ids, ties (with blanks and
/// empty parts), empty cells, a comment marker, a write-in, quoted text with a comma.
const CELLS: &[&str] = &[
    "ann",
    "bo",
    "cy",
    " di ",
    "ann=bo",
    "bo = cy",
    "=",
    "",
    "",
    "#note",
    "eve",
    "Undeclared Write-ins",
    "\"x,y\"",
    "ann=",
    "cy",
];

fn outcome(result: Result<TallyResult, FileCountError>) -> Result<TallyResult, (String, String)> {
    result.map_err(|e| (e.code().to_owned(), e.path().unwrap_or("").to_owned()))
}

/// What reading the file into ballots and counting them gives.
fn through_ballots(text: &str, election: &FileElection) -> Result<TallyResult, FileCountError> {
    let file = read_ballot_file(
        &BallotInput::Text(text.to_owned()),
        BallotFormat::Csv,
        &ReadOptions::default(),
    )?;
    let (election, ballots) = election.for_file(file);
    Ok(tally(&election, &ballots)?)
}

fn text_of(rows: &[Vec<usize>], bom: bool) -> String {
    let mut text = String::from(if bom { "\u{feff}" } else { "" });
    for row in rows {
        let cells: Vec<&str> = row.iter().map(|&c| CELLS[c % CELLS.len()]).collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    text
}

fn election_of(method: usize, seats: u32, given: bool) -> FileElection {
    let methods = ["irv", "plurality", "schulze", "borda", "approval", "stv"];
    let mut doc = serde_json::json!({"method": methods[method % methods.len()], "seats": seats,
        "tie_break": {"seed": "draw"}});
    if given {
        doc["candidates"] = serde_json::json!(["ann", "bo", "cy", "di"]);
    }
    serde_json::from_value(doc).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_csv_counts_straight_into_the_box_as_through_ballots(
        rows in prop::collection::vec(prop::collection::vec(0usize..40, 0..7), 0..30),
        bom in any::<bool>(),
        method in 0usize..6,
        seats in 1u32..3,
        given in any::<bool>(),
    ) {
        let text = text_of(&rows, bom);
        let election = election_of(method, seats, given);
        let want = outcome(through_ballots(&text, &election));
        let got = outcome(tally_ballot_file(
            &BallotInput::Text(text.clone()), BallotFormat::Csv, &ReadOptions::default(), &election,
        ));
        prop_assert_eq!(&got, &want);
        let bytes = outcome(tally_ballot_bytes(
            &TableSource::new("votes.csv", text.as_bytes()), BallotFormat::Csv,
            &ReadOptions::default(), &election,
        ));
        prop_assert_eq!(&bytes, &want);
    }
}

#[test]
fn text_that_is_not_utf8_is_the_same_encoding_error() {
    let election = election_of(0, 1, false);
    let err = tally_ballot_bytes(
        &TableSource::new("votes.csv", b"ann,\xff\n"),
        BallotFormat::Csv,
        &ReadOptions::default(),
        &election,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("format_encoding", Some("votes.csv"))
    );
}
