//! The cast vote record readers (Dominion, Hart, Clear Ballot, CDF XML) and `read_ballot_file`:
//! error codes and places, limits, and properties (no input makes a reader panic; a Clear
//! Ballot file written from rankings reads back to them).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::formats::{
    read_ballot_file, read_cdf_xml, read_clear_ballot, read_dominion, read_hart, BallotFormat,
    BallotInput, NamedText, ReadOptions,
};
use huaide::vote::Rank;
use huaide::Fault;
use proptest::prelude::*;

fn code_path<E: Fault>(err: &E) -> (&'static str, Option<String>) {
    (err.code(), err.path().map(str::to_owned))
}

#[test]
fn cdf_xml_errors_name_the_line() {
    let err = read_cdf_xml("<a>\n<b>\n</a>", "x").unwrap_err();
    assert_eq!(code_path(&err), ("format_syntax", Some("line 3".into())));
    let text = "<CastVoteRecordReport>\n<Election ObjectId=\"e\">\n<Contest ObjectId=\"k\">\n\
        <Name>M</Name>\n<ContestSelection ObjectId=\"s\"><CandidateIds>nobody</CandidateIds>\
        </ContestSelection>\n</Contest>\n</Election>\n</CastVoteRecordReport>";
    let err = read_cdf_xml(text, "M").unwrap_err();
    assert_eq!(
        code_path(&err),
        ("format_unknown_candidate", Some("line 5".into()))
    );
    let err = read_cdf_xml(text, "Sheriff").unwrap_err();
    assert_eq!(err.code(), "format_contest_not_found");
}

#[test]
fn cdf_xml_refuses_a_dtd() {
    let text = "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>";
    assert_eq!(read_cdf_xml(text, "x").unwrap_err().code(), "format_syntax");
}

#[test]
fn hart_errors_name_the_file_and_line() {
    let bad = NamedText::new(
        "cvr/7.xml",
        "<Cvr><Contests><Contest><Id>c</Id>\n<Options><Option><Id>o</Id><Value>1x</Value>\
         </Option></Options></Contest></Contests></Cvr>",
    );
    let err = read_hart(&[bad], "c").unwrap_err();
    assert_eq!(
        code_path(&err),
        ("format_syntax", Some("cvr/7.xml: line 2".into()))
    );
    let renamed = [
        NamedText::new(
            "1.xml",
            "<Cvr><Contests><Contest><Id>c</Id><Options><Option><Name>A</Name><Id>o</Id>\
             <Value>1</Value></Option></Options></Contest></Contests></Cvr>",
        ),
        NamedText::new(
            "2.xml",
            "<Cvr><Contests><Contest><Id>c</Id><Options><Option><Name>B</Name><Id>o</Id>\
             <Value>1</Value></Option></Options></Contest></Contests></Cvr>",
        ),
    ];
    assert_eq!(
        read_hart(&renamed, "c").unwrap_err().code(),
        "format_syntax"
    );
    assert_eq!(
        read_hart(&renamed[..1], "d").unwrap_err().code(),
        "format_contest_not_found"
    );
}

#[test]
fn clear_ballot_errors_name_the_line() {
    let head = "RowNumber,BoxID,BoxPosition,BallotID,PrecinctID,BallotStyleID,\
                PrecinctStyleName,ScanComputerName,Status,Remade,";
    let text =
        format!("{head}Choice_1_1:C:1:V:Ann:NON\n1,b,1,x,1,1,p,s,0,0,1\n2,b,1,x,1,1,p,s,0,0,y\n");
    let err = read_clear_ballot(&text, "C").unwrap_err();
    assert_eq!(code_path(&err), ("format_syntax", Some("line 3".into())));
    let text = format!("{head}Choice_1_1:C:1:Ann\n");
    let err = read_clear_ballot(&text, "C").unwrap_err();
    assert_eq!(code_path(&err), ("format_syntax", Some("line 1".into())));
    let text = format!("{head}Choice_1_1:C:1:V:Ann:NON\n");
    assert_eq!(
        read_clear_ballot(&text, "D").unwrap_err().code(),
        "format_contest_not_found"
    );
}

#[test]
fn dominion_reads_every_numbered_export_in_order() {
    let contests = r#"{"List":[{"Id":1,"NumOfRanks":2}]}"#;
    let candidates = r#"{"List":[{"Id":5,"ContestId":1,"Description":"A"}]}"#;
    let export = |rank: u32| {
        format!(
            r#"{{"Sessions":[{{"Original":{{"IsCurrent":true,"Contests":[{{"Id":1,"Marks":[{{"CandidateId":5,"Rank":{rank},"IsAmbiguous":false}}]}}]}}}}]}}"#
        )
    };
    let files = vec![
        NamedText::new("CvrExport_10.json", export(2)),
        NamedText::new("ContestManifest.json", contests),
        NamedText::new("CvrExport_2.json", export(1)),
        NamedText::new("CandidateManifest.json", candidates),
    ];
    let read = read_dominion(&files, "1").unwrap();
    assert_eq!(read.max_rankings, Some(2));
    assert_eq!(
        read.ballots[0].ranking,
        Some(vec![Rank::One("5".into())]),
        "CvrExport_2 comes before CvrExport_10"
    );
    assert_eq!(read.ballots.len(), 2);
    let err = read_dominion(&files[1..2], "1").unwrap_err();
    assert_eq!(err.code(), "format_missing_file");
    let bad = vec![
        files[1].clone(),
        files[3].clone(),
        NamedText::new("CvrExport.json", "{\n\"Sessions\": [}"),
    ];
    let err = read_dominion(&bad, "1").unwrap_err();
    assert_eq!(
        code_path(&err),
        ("format_syntax", Some("CvrExport.json: line 2".into()))
    );
}

#[test]
fn dominion_skips_records_flagged_invalid_contest() {
    let files = vec![
        NamedText::new("ContestManifest.json", r#"{"List":[{"Id":1}]}"#),
        NamedText::new(
            "CandidateManifest.json",
            r#"{"List":[{"Id":5,"ContestId":1}]}"#,
        ),
        NamedText::new(
            "OutstackConditionManifest.json",
            r#"{"List":[{"Description":"InvalidContest","Id":7}]}"#,
        ),
        NamedText::new(
            "CvrExport.json",
            r#"{"Sessions":[
              {"Original":{"IsCurrent":true,"Contests":[{"Id":1,"OutstackConditionIds":[7],
                "Marks":[{"CandidateId":5,"Rank":1,"IsAmbiguous":false}]}]}},
              {"Original":{"IsCurrent":true,"Contests":[{"Id":1,"OutstackConditionIds":[14],
                "Marks":[{"CandidateId":5,"Rank":1,"IsAmbiguous":false}]}]}}]}"#,
        ),
    ];
    assert_eq!(read_dominion(&files, "1").unwrap().ballots.len(), 1);
    assert_eq!(
        read_dominion(
            &files[..2]
                .iter()
                .chain(&files[3..])
                .cloned()
                .collect::<Vec<_>>(),
            "1"
        )
        .unwrap()
        .ballots
        .len(),
        2
    );
}

#[test]
fn read_ballot_file_checks_its_input_shape() {
    let options = ReadOptions::default();
    let two = BallotInput::Files(vec![NamedText::new("a", "x"), NamedText::new("b", "y")]);
    let err = read_ballot_file(&two, BallotFormat::Csv, &options).unwrap_err();
    assert_eq!(err.code(), "format_syntax");
    let text = BallotInput::Text("{}".into());
    let err = read_ballot_file(&text, BallotFormat::Dominion, &options).unwrap_err();
    assert_eq!(err.code(), "format_missing_option");
    let with_contest = ReadOptions {
        contest: Some("1".into()),
        ..ReadOptions::default()
    };
    let err = read_ballot_file(&text, BallotFormat::Dominion, &with_contest).unwrap_err();
    assert_eq!(err.code(), "format_missing_file");
}

/// Writes rankings (one candidate per rank, or an overvote, or a skip) as a Clear Ballot file.
fn clear_ballot_text(candidates: &[&str], ballots: &[Vec<Vec<usize>>], ranks: usize) -> String {
    let mut header = String::from(
        "RowNumber,BoxID,BoxPosition,BallotID,PrecinctID,BallotStyleID,PrecinctStyleName,\
         ScanComputerName,Status,Remade",
    );
    for rank in 1..=ranks {
        for name in candidates {
            header.push_str(&format!(
                ",\"Choice_1_1:Town, Council:{rank}:V:{name}:NON\""
            ));
        }
    }
    let mut text = header + "\n";
    for (i, ballot) in ballots.iter().enumerate() {
        text.push_str(&format!("{i},b,1,x,1,1,p,s,0,0"));
        for rank in 0..ranks {
            for c in 0..candidates.len() {
                let marked = ballot.get(rank).is_some_and(|ids| ids.contains(&c));
                text.push_str(if marked { ",1" } else { ",0" });
            }
        }
        text.push('\n');
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn readers_never_panic(text in ".{0,300}", contest in "[a-z0-9]{0,3}") {
        let _ = read_cdf_xml(&text, &contest);
        let _ = read_clear_ballot(&text, &contest);
        let _ = read_hart(&[NamedText::new("a.xml", text.clone())], &contest);
        let _ = read_dominion(
            &[
                NamedText::new("ContestManifest.json", text.clone()),
                NamedText::new("CandidateManifest.json", text.clone()),
                NamedText::new("CvrExport.json", text.clone()),
            ],
            &contest,
        );
    }

    #[test]
    fn clear_ballot_reads_back_what_was_written(
        ballots in prop::collection::vec(
            prop::collection::vec(prop::collection::btree_set(0usize..3, 0..3), 0..4), 0..20)
    ) {
        let names = ["Ann", "Bo", "Cy"];
        let ballots: Vec<Vec<Vec<usize>>> = ballots
            .into_iter()
            .map(|b| b.into_iter().map(|s| s.into_iter().collect()).collect())
            .collect();
        let text = clear_ballot_text(&names, &ballots, 4);
        let read = read_clear_ballot(&text, "Town, Council").unwrap();
        prop_assert_eq!(read.ballots.len(), ballots.len());
        for (got, want) in read.ballots.iter().zip(&ballots) {
            // The written ranks, with trailing empty ranks dropped (nothing marks them).
            let mut want: Vec<Vec<String>> = want
                .iter()
                .map(|ids| ids.iter().map(|&c| names[c].to_owned()).collect())
                .collect();
            while want.last().is_some_and(Vec::is_empty) {
                want.pop();
            }
            let got: Vec<Vec<String>> = got
                .ranking
                .as_ref()
                .unwrap()
                .iter()
                .map(|r| r.candidates().to_vec())
                .collect();
            prop_assert_eq!(got, want);
        }
    }
}
