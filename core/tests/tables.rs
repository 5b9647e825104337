//! The table readers against files huaide did not write (`tests/fixtures/tables/`, built by
//! `py/scripts/make_table_fixtures.py` with openpyxl and Python's gb18030 codec), the
//! writers read back, and hostile inputs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::path::PathBuf;

use huaide::formats::{read_ballot_bytes, BallotFormat, ReadOptions};
use huaide::tables::{
    read_applications, read_people, write_table, ApplicationOptions, Limits, PeopleOptions,
    TableDocument, TableFormat, TableSource,
};
use huaide::vote::Rank;
use huaide::Fault;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/tables")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn codes(findings: &[huaide::tables::TableFinding]) -> Vec<(Option<u32>, String, String)> {
    findings
        .iter()
        .map(|f| (f.row, f.column.clone().unwrap_or_default(), f.code.clone()))
        .collect()
}

fn plan() -> huaide::plan::Plan {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/huaideyuan/plan.toml"),
    )
    .unwrap();
    huaide::plan::Plan::from_toml(&text).unwrap()
}

#[test]
fn gbk_people_as_excel_saves_them() {
    let bytes = fixture("people_gbk.csv");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is GBK, not UTF-8"
    );
    let read = read_people(
        &TableSource::new("people.csv", &bytes),
        &PeopleOptions::default(),
    )
    .unwrap();
    let found = codes(&read.findings);
    let want: Vec<(Option<u32>, String, String)> = vec![
        (Some(5), "出生日期".into(), "invalid_date".into()),
        (Some(7), "出生日期".into(), "invalid_date".into()),
        (Some(8), "编号".into(), "duplicate_person".into()),
        (Some(9), "居住类型".into(), "invalid_residency".into()),
    ];
    assert_eq!(found, want);
    assert_eq!(read.findings[0].path, "people.csv: row 5, column 出生日期");
    assert_eq!(read.findings[0].column_letter.as_deref(), Some("C"));
    let ids: Vec<&str> = read.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["r001", "r002", "r003", "r007"]);
    assert_eq!(read.people[1].birth_date.unwrap().to_string(), "1943-02-03");
    assert_eq!(read.people[1].tags, ["elderly", "chorus"]);
    assert_eq!(read.ignored_columns, ["姓名", "备注"]);
    assert!(!read.ok);
}

#[test]
fn applications_with_merged_headers_and_date_serials() {
    let bytes = fixture("applications.xlsx");
    let plan = plan();
    let read = read_applications(
        &TableSource::new("applications.xlsx", &bytes),
        &ApplicationOptions::default(),
        Some(&plan),
    )
    .unwrap();
    assert_eq!(read.header_row, 3);
    assert_eq!(read.columns["choices"], "志愿 一, 志愿 二, 志愿 三");
    let found = codes(&read.findings);
    assert_eq!(
        found,
        vec![
            (Some(6), "志愿 二".into(), "unknown_program".into()),
            (Some(7), "志愿 二".into(), "unknown_program".into()),
            (Some(8), "编号".into(), "duplicate_application".into()),
            (Some(9), "志愿 一".into(), "unknown_program".into()),
            (Some(9), "志愿 二".into(), "unknown_program".into()),
            (Some(9), "提交时间".into(), "invalid_datetime".into()),
        ],
        "{:#?}",
        read.findings
    );
    let apps = &read.applications;
    assert_eq!(apps.len(), 2);
    assert_eq!(apps[0].choices, ["opera_singalong", "happy_family_online"]);
    assert_eq!(
        apps[0].submitted_at.unwrap().to_rfc3339(),
        "2006-03-02T09:15:00+08:00"
    );
}

#[test]
fn google_forms_ranking_grid_with_blank_and_duplicate() {
    let bytes = fixture("google_forms.csv");
    let options = ReadOptions {
        question: Some("Rank the photographs".into()),
        ..ReadOptions::default()
    };
    let file = read_ballot_bytes(
        &TableSource::new("responses.csv", &bytes),
        BallotFormat::GoogleForms,
        &options,
    )
    .unwrap();
    let ids: Vec<&str> = file.candidates.iter().map(|c| c.id()).collect();
    assert_eq!(ids, ["ph-01", "ph-02", "ph-03"]);
    assert_eq!(file.ballots.len(), 5);
    assert_eq!(file.ballots[0].voter.as_deref(), Some("r001@example.org"));
    assert_eq!(
        file.ballots[0].ranking.as_ref().unwrap(),
        &vec![
            Rank::One("ph-01".into()),
            Rank::One("ph-02".into()),
            Rank::One("ph-03".into())
        ]
    );
    let found = codes(&file.findings);
    assert!(
        found.contains(&(
            Some(4),
            "请为摄影作品排序 Rank the photographs [ph-01]".into(),
            "blank_submission".into()
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            Some(5),
            "Email Address".into(),
            "duplicate_submission".into()
        )),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.0 == Some(6) && f.2 == "shared_rank"),
        "{found:?}"
    );
    // The last submission counts with `duplicates: last`.
    let last = ReadOptions {
        duplicates: Some(huaide::tables::forms::Duplicates::Last),
        ..options.clone()
    };
    let file = read_ballot_bytes(
        &TableSource::new("responses.csv", &bytes),
        BallotFormat::GoogleForms,
        &last,
    )
    .unwrap();
    let r002 = file
        .ballots
        .iter()
        .find(|b| b.voter.as_deref() == Some("r002@example.org"))
        .unwrap();
    assert_eq!(r002.ranking.as_ref().unwrap()[0], Rank::One("ph-03".into()));
    // The checkbox question: approvals.
    let options = ReadOptions {
        question: Some("书法".into()),
        ..ReadOptions::default()
    };
    let file = read_ballot_bytes(
        &TableSource::new("responses.csv", &bytes),
        BallotFormat::GoogleForms,
        &options,
    )
    .unwrap();
    assert_eq!(
        file.ballots[0].approve.as_ref().unwrap(),
        &vec!["ca-01".to_owned(), "ca-02".to_owned()]
    );
}

#[test]
fn wjx_microsoft_and_tencent_exports() {
    let bytes = fixture("wjx.xlsx");
    let options = ReadOptions {
        question: Some("2".into()),
        voter_column: Some("1、您的居民编号".into()),
        ..ReadOptions::default()
    };
    let file = read_ballot_bytes(
        &TableSource::new("wjx.xlsx", &bytes),
        BallotFormat::Wjx,
        &options,
    )
    .unwrap();
    assert_eq!(file.title.as_deref(), Some("请为书画作品排序"));
    assert_eq!(file.ballots.len(), 3, "{:?}", file.findings);
    assert_eq!(file.ballots[1].ranking.as_ref().unwrap().len(), 2);
    let by_title = ReadOptions {
        voter_column: Some("您的居民编号".into()),
        ..options.clone()
    };
    let same = read_ballot_bytes(
        &TableSource::new("wjx.xlsx", &bytes),
        BallotFormat::Wjx,
        &by_title,
    )
    .unwrap();
    assert_eq!(
        same.ballots, file.ballots,
        "the voter column named by its question title"
    );
    assert!(codes(&file.findings)
        .iter()
        .any(|f| f.2 == "duplicate_submission" && f.0 == Some(4)));
    assert!(codes(&file.findings)
        .iter()
        .any(|f| f.2 == "blank_submission" && f.0 == Some(5)));
    let options = ReadOptions {
        question: Some("3".into()),
        ..ReadOptions::default()
    };
    let file = read_ballot_bytes(
        &TableSource::new("wjx.xlsx", &bytes),
        BallotFormat::Wjx,
        &options,
    )
    .unwrap();
    assert_eq!(file.ballots[0].approve.as_ref().unwrap().len(), 2);

    let bytes = fixture("microsoft_forms.xlsx");
    let file = read_ballot_bytes(
        &TableSource::new("ms.xlsx", &bytes),
        BallotFormat::MicrosoftForms,
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(file.ballots.len(), 3);
    assert_eq!(
        file.ballots[1].ranking.as_ref().unwrap()[0],
        Rank::One("Piano".into())
    );
    assert_eq!(file.ballots[1].voter.as_deref(), Some("r002@example.org"));

    let bytes = fixture("tencent_forms.csv");
    let file = read_ballot_bytes(
        &TableSource::new("tencent.csv", &bytes),
        BallotFormat::TencentForms,
        &ReadOptions::default(),
    )
    .unwrap();
    let scores = file.ballots[0].scores.as_ref().unwrap();
    assert_eq!(scores["晨光"], 5);
    assert_eq!(file.ballots[2].voter.as_deref(), Some("oAbc003"));
}

#[test]
fn writers_read_back() {
    let bytes = fixture("people_gbk.csv");
    let people = read_people(
        &TableSource::new("p.csv", &bytes),
        &PeopleOptions::default(),
    )
    .unwrap()
    .people;
    for format in [TableFormat::Csv, TableFormat::Xlsx] {
        let out = write_table(&TableDocument::People(people.clone()), format, None).unwrap();
        let name = if format == TableFormat::Csv {
            "p.csv"
        } else {
            "p.xlsx"
        };
        let back = read_people(&TableSource::new(name, &out), &PeopleOptions::default()).unwrap();
        assert!(back.ok, "{:?}", back.findings);
        assert_eq!(back.people, people);
    }
    let out = write_table(
        &TableDocument::People(people.clone()),
        TableFormat::Xlsx,
        None,
    )
    .unwrap();
    assert_eq!(
        out,
        write_table(&TableDocument::People(people), TableFormat::Xlsx, None).unwrap(),
        "deterministic"
    );
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in entries {
            zip.start_file(*name, options).unwrap();
            zip.write_all(body).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

#[test]
fn hostile_inputs_are_refused_in_bounded_time() {
    // A zip bomb disguised as .xlsx: 300 MB of spaces deflate to a few hundred KB.
    let spaces = vec![b' '; 300 * 1024 * 1024];
    let bomb = zip_with(&[("xl/worksheets/sheet1.xml", &spaces)]);
    drop(spaces);
    assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
    let start = std::time::Instant::now();
    let err = read_people(
        &TableSource::new("bomb.xlsx", &bomb),
        &PeopleOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "too_large");
    assert!(start.elapsed().as_secs() < 30);
    // A sheet with one far-away cell: refused before its grid is allocated.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "id").unwrap();
    ws.write_string(1_048_575, 16_383, "far").unwrap();
    let far = book.save_to_buffer().unwrap();
    let err = read_people(
        &TableSource::new("far.xlsx", &far),
        &PeopleOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "too_large");
    // A 200 MB cell.
    let mut big = b"id,residency\n".to_vec();
    big.extend(std::iter::repeat_n(b'x', 200 * 1024 * 1024));
    let err = read_people(
        &TableSource::new("big.csv", &big),
        &PeopleOptions {
            limits: Limits {
                max_bytes: 512 * 1024 * 1024,
                ..Limits::default()
            },
            ..PeopleOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "too_large");
    assert!(err.path().unwrap().contains("row 2"), "{:?}", err.path());
    // Not a table; a missing column.
    let err = read_people(
        &TableSource::new("x.xlsx", b"PK\x03\x04nonsense"),
        &PeopleOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "format_not_a_table");
    let read = read_people(
        &TableSource::new("x.csv", "姓名,出生日期\n张三,2006/3/9\n".as_bytes()),
        &PeopleOptions::default(),
    )
    .unwrap();
    assert!(read.findings.iter().any(|f| f.code == "missing_column"));
}

/// Every cell of every sheet, as the readers see it (text), and as the writer meant it.
fn cells_back(document: &TableDocument) {
    use huaide::tables::source::{read_grid, SourceOptions};
    use huaide::tables::write_csv::value_text;
    let sheets = huaide::tables::sheets_of(document);
    let xlsx = write_table(document, TableFormat::Xlsx, None).unwrap();
    for sheet in &sheets {
        let options = SourceOptions {
            sheet: Some(&sheet.name),
            ..SourceOptions::default()
        };
        let from_xlsx = read_grid("back.xlsx", &xlsx, &options).unwrap();
        let csv = write_table(document, TableFormat::Csv, Some(&sheet.name)).unwrap();
        let from_csv = read_grid("back.csv", &csv, &SourceOptions::default()).unwrap();
        let mut want = vec![sheet.columns.clone()];
        want.extend(
            sheet
                .rows
                .iter()
                .map(|r| r.iter().map(value_text).collect()),
        );
        for grid in [&from_xlsx, &from_csv] {
            for (r, row) in want.iter().enumerate() {
                for (c, text) in row.iter().enumerate() {
                    let got = grid.cell(r, c).as_text();
                    // A date-time cell reads back as ISO (`T`); the CSV writes a space.
                    let got = got.replace('T', " ");
                    let text = text.replace('T', " ");
                    assert_eq!(got, text, "{} row {r}, column {c}", sheet.name);
                }
            }
        }
    }
}

#[test]
fn every_writer_reads_back_cell_for_cell() {
    let plan = plan();
    let example = |name: &str| {
        std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../examples/huaideyuan")
                .join(name),
        )
        .unwrap()
    };
    let people = read_people(
        &TableSource::new("people.csv", &example("people.csv")),
        &PeopleOptions::default(),
    )
    .unwrap();
    let apps = read_applications(
        &TableSource::new("applications.xlsx", &example("applications.xlsx")),
        &ApplicationOptions::default(),
        Some(&plan),
    )
    .unwrap();
    assert!(
        people.ok && apps.ok,
        "{:?} {:?}",
        people.findings,
        apps.findings
    );
    let options = huaide::enrol::AllocationOptions {
        mechanism: None,
        seed: "s".into(),
        commitment: None,
        public_value: None,
        as_of: chrono::NaiveDate::from_ymd_opt(2006, 3, 6).unwrap(),
    };
    let allocation =
        huaide::enrol::allocate(&plan, &people.people, &apps.applications, &options).unwrap();
    let shared: huaide::tables::SharedAllocation =
        serde_json::from_value(serde_json::to_value(&allocation).unwrap()).unwrap();
    let document = TableDocument::Allocation(shared);
    cells_back(&document);
    // Confidential programs stay out, exactly as in the shared form.
    let xlsx = write_table(&document, TableFormat::Xlsx, None).unwrap();
    for sheet in huaide::tables::sheets_of(&document) {
        assert_ne!(sheet.name, "counselling_room");
        assert!(sheet
            .rows
            .iter()
            .flatten()
            .all(|v| *v != huaide::tables::Value::Text("counselling_room".into())));
    }
    assert!(!xlsx.windows(16).any(|w| w == b"counselling_room"));
    cells_back(&TableDocument::People(people.people));
    cells_back(&TableDocument::Applications(apps.applications));
    let query = huaide::plan::OccurrenceQuery {
        from: chrono::NaiveDate::from_ymd_opt(2006, 3, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2006, 3, 31).unwrap(),
        program: None,
        venue: None,
    };
    cells_back(&TableDocument::Occurrences(
        plan.occurrences(&query).unwrap(),
    ));
    let election = serde_json::json!({
        "id": "e", "method": "irv", "seats": 1, "candidates": ["陶艺", "二胡", "钢琴"]
    });
    let election = huaide::vote::read_election(election).unwrap();
    let ballots = serde_json::json!([
        {"ranking": ["陶艺"], "count": 3}, {"ranking": ["二胡"], "count": 2},
        {"ranking": ["钢琴", "二胡"]}
    ]);
    let ballots = huaide::vote::read_ballots(ballots).unwrap();
    cells_back(&TableDocument::Tally(
        huaide::vote::tally(&election, &ballots).unwrap(),
    ));
}
