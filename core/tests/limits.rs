//! Reaches the limits of `huaide::limits` through the public API: one past a limit is a
//! `too_large` error, at the limit the call goes on (where that is cheap to build).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::limits::*;
use huaide::Fault;
use serde_json::{json, Value};

fn code<E: Fault>(result: Result<impl Sized, E>) -> String {
    match result {
        Ok(_) => "ok".to_owned(),
        Err(e) => e.code().to_owned(),
    }
}

fn tally(election: Value, ballots: Value) -> String {
    let election = match huaide::vote::read_election(&election) {
        Ok(e) => e,
        Err(e) => return e.code().to_owned(),
    };
    let ballots = huaide::vote::read_ballots(&ballots).unwrap();
    code(huaide::vote::tally(&election, &ballots))
}

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("c{i}")).collect()
}

#[test]
fn candidates() {
    let election = |n| json!({"id": "e", "method": "plurality", "seats": 1, "candidates": ids(n)});
    assert_eq!(tally(election(MAX_CANDIDATES + 1), json!([])), "too_large");
    assert_eq!(tally(election(MAX_CANDIDATES), json!([])), "ok");
}

#[test]
fn candidate_id_bytes() {
    let election = |n| json!({"id": "e", "method": "plurality", "seats": 1, "candidates": ["x".repeat(n), "b"]});
    assert_eq!(tally(election(MAX_ID_BYTES + 1), json!([])), "too_large");
    assert_eq!(tally(election(MAX_ID_BYTES), json!([])), "ok");
}

#[test]
fn pairwise_and_elimination_candidates() {
    let election =
        |method, n| json!({"id": "e", "method": method, "seats": 1, "candidates": ids(n)});
    let ballot = json!([{"ranking": ["c0", "c1"]}]);
    assert_eq!(
        tally(
            election("schulze", MAX_PAIRWISE_CANDIDATES + 1),
            ballot.clone()
        ),
        "too_large"
    );
    assert_eq!(
        tally(election("schulze", MAX_PAIRWISE_CANDIDATES), ballot.clone()),
        "ok"
    );
    assert_eq!(
        tally(
            election("irv", MAX_ELIMINATION_CANDIDATES + 1),
            ballot.clone()
        ),
        "too_large"
    );
    assert_eq!(
        tally(election("irv", MAX_ELIMINATION_CANDIDATES), ballot),
        "ok"
    );
}

#[test]
fn ranking_depth() {
    let election = json!({"id": "e", "method": "irv", "seats": 1, "candidates": ["a", "b"]});
    let ranking = |n: usize| json!([{"ranking": vec!["a"; n]}]);
    assert_eq!(
        tally(election.clone(), ranking(MAX_RANK_POSITIONS + 1)),
        "too_large"
    );
    assert_eq!(tally(election, ranking(MAX_RANK_POSITIONS)), "ok");
}

#[test]
#[ignore = "builds 10 million ballots (about 1 GiB); run with --ignored"]
fn ballots_per_call() {
    let election = huaide::vote::read_election(
        json!({"id": "e", "method": "plurality", "seats": 1, "candidates": ["a"]}),
    )
    .unwrap();
    let ballots = vec![huaide::vote::Ballot::default(); MAX_BALLOTS + 1];
    assert_eq!(code(huaide::vote::tally(&election, &ballots)), "too_large");
}

fn allocate(programs: Value, people: Value, applications: Value) -> String {
    let request = json!({
        "plan": {"id": "p", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
                 "programs": programs},
        "people": people, "applications": applications,
        "seed": "s", "as_of": "2006-03-01",
    });
    let request = match huaide::enrol::read_allocation_request(&request) {
        Ok(r) => r,
        Err(e) => return e.code().to_owned(),
    };
    code(huaide::enrol::allocate(
        &request.plan,
        &request.people,
        &request.applications,
        &request.options(),
    ))
}

fn program(id: &str, extra: Value) -> Value {
    let mut p = json!({"id": id, "kind": "class", "title": id, "capacity": {"max": 3}});
    if let (Some(p), Some(extra)) = (p.as_object_mut(), extra.as_object()) {
        p.extend(extra.clone());
    }
    p
}

#[test]
fn person_and_program_id_bytes() {
    let person = |n: usize| json!([{"id": "p".repeat(n), "residency": "resident"}]);
    let programs = json!([program("a", json!({}))]);
    assert_eq!(
        allocate(programs.clone(), person(MAX_ID_BYTES + 1), json!([])),
        "too_large"
    );
    assert_eq!(allocate(programs, person(MAX_ID_BYTES), json!([])), "ok");
    let long = "a".repeat(MAX_ID_BYTES + 1);
    assert_eq!(
        allocate(json!([program(&long, json!({}))]), json!([]), json!([])),
        "too_large"
    );
}

#[test]
fn rule_depth() {
    let nested = |n: usize| {
        let mut rule = json!({"tag": "youth"});
        for _ in 1..n {
            rule = json!({"not": rule});
        }
        rule
    };
    let rule: huaide::plan::audience::Rule = serde_json::from_value(nested(5)).unwrap();
    assert_eq!(huaide::limits::rule_depth(&rule), 5);
    let with = |n| json!([program("a", json!({"audience": nested(n)}))]);
    assert_eq!(
        allocate(with(MAX_RULE_DEPTH + 1), json!([]), json!([])),
        "too_large"
    );
    assert_eq!(allocate(with(MAX_RULE_DEPTH), json!([]), json!([])), "ok");
    let tiers = json!([program(
        "a",
        json!({"allocation": {"tiers": [nested(MAX_RULE_DEPTH + 1)]}})
    )]);
    assert_eq!(allocate(tiers, json!([]), json!([])), "too_large");
}

#[test]
fn choices_group_reserves_tiers() {
    let people: Vec<Value> = (0..=MAX_GROUP + 1)
        .map(|i| json!({"id": format!("p{i}"), "residency": "resident"}))
        .collect();
    let programs: Vec<Value> = (0..=MAX_CHOICES)
        .map(|i| program(&format!("g{i}"), json!({})))
        .collect();
    let choices = |n: usize| json!([{"person": "p0", "choices": (0..n).map(|i| format!("g{i}")).collect::<Vec<_>>()}]);
    assert_eq!(
        allocate(json!(programs), json!(people), choices(MAX_CHOICES + 1)),
        "too_large"
    );
    assert_eq!(
        allocate(json!(programs), json!(people), choices(MAX_CHOICES)),
        "ok"
    );
    let group = |n: usize| {
        json!([{"person": "p0", "choices": ["g0"],
                "group": (1..=n).map(|i| format!("p{i}")).collect::<Vec<_>>()}])
    };
    assert_eq!(
        allocate(json!(programs), json!(people), group(MAX_GROUP + 1)),
        "too_large"
    );
    assert_eq!(
        allocate(json!(programs), json!(people), group(MAX_GROUP)),
        "ok"
    );
    let tiers = |n: usize| {
        json!([program(
            "a",
            json!({"allocation": {"tiers": vec![json!({"tag": "t"}); n]}})
        )])
    };
    assert_eq!(
        allocate(tiers(MAX_TIERS + 1), json!([]), json!([])),
        "too_large"
    );
    assert_eq!(allocate(tiers(MAX_TIERS), json!([]), json!([])), "ok");
    let reserves = |n: usize| {
        let reserve = json!({"seats": 0, "rule": {"tag": "t"}});
        json!([program(
            "a",
            json!({"allocation": {"reserved": vec![reserve; n]}})
        )])
    };
    assert_eq!(
        allocate(reserves(MAX_RESERVES + 1), json!([]), json!([])),
        "too_large"
    );
}

#[test]
fn programs_of_a_plan() {
    let plan = |n: usize| {
        json!({"id": "p", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
               "programs": (0..n).map(|i| program(&format!("p{i}"), json!({}))).collect::<Vec<_>>()})
    };
    let ics = |n| {
        let plan = huaide::plan::read_plan(plan(n)).unwrap();
        let options =
            huaide::plan::read_ics_options(json!({"stamp": "2006-01-01T00:00:00+08:00"})).unwrap();
        code(plan.to_ics(&options))
    };
    assert_eq!(ics(MAX_PROGRAMS + 1), "too_large");
    assert_eq!(ics(MAX_PROGRAMS), "ok");
}

fn read(format: &str, text: String) -> String {
    let request = json!({"input": text, "format": format});
    let request = huaide::formats::read_request(&request).unwrap();
    code(huaide::formats::read_ballot_file(
        &request.input,
        request.format,
        &request.options,
    ))
}

#[test]
fn ballot_file_candidates() {
    assert_eq!(
        read("blt", format!("{} 1\n0\n", MAX_FILE_CANDIDATES + 1)),
        "too_large"
    );
    let preflib = format!("# NUMBER ALTERNATIVES: {}\n", MAX_PREFLIB_ALTERNATIVES + 1);
    assert_eq!(read("preflib", preflib), "too_large");
}

#[test]
fn table_limits() {
    use huaide::tables::{read_people, PeopleOptions, TableSource};
    let csv = "id,residency\np1,resident\np2,resident\np3,resident\n";
    let people = |limits: Limits| {
        let options = PeopleOptions {
            limits,
            ..PeopleOptions::default()
        };
        code(read_people(
            &TableSource::new("people.csv", csv.as_bytes()),
            &options,
        ))
    };
    let d = Limits::default();
    assert_eq!(people(d), "ok");
    assert_eq!(people(Limits { max_bytes: 10, ..d }), "too_large");
    assert_eq!(people(Limits { max_rows: 2, ..d }), "too_large");
    assert_eq!(
        people(Limits {
            max_columns: 1,
            ..d
        }),
        "too_large"
    );
    assert_eq!(people(Limits { max_cells: 4, ..d }), "too_large");
    assert_eq!(
        people(Limits {
            max_cell_bytes: 3,
            ..d
        }),
        "too_large"
    );
    let xlsx = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../examples/huaideyuan/applications.xlsx"),
    )
    .unwrap();
    let options = PeopleOptions {
        limits: Limits {
            max_unzipped_bytes: 1000,
            ..d
        },
        ..PeopleOptions::default()
    };
    let read = read_people(&TableSource::new("a.xlsx", &xlsx), &options);
    assert_eq!(code(read), "too_large");
}

/// Found by the `doc_vote` fuzz target (an out-of-memory): PAV electing 20 of 29 with no
/// ballots, where all C(29, 20) = 10,015,005 committees tie and were all kept.
#[test]
fn tied_committees() {
    let election = |n: usize, seats: usize| json!({"id": "t", "method": "pav", "seats": seats, "candidates": ids(n)});
    assert_eq!(tally(election(29, 20), json!([])), "too_large");
    // Ties a few thousand committees strong are still counted (C(14, 7) = 3,432).
    assert_eq!(tally(election(14, 7), json!([])), "ok");
    let members: usize = 3_432 * 7;
    assert!(members <= MAX_TIED_COMMITTEE_MEMBERS);
}

/// Counts whose total is exactly 2^64 - 1 go through every method with exact arithmetic
/// (the fixed-point STV rules, the Condorcet margins, the committee sums, the medians), and
/// one more ballot is `count_overflow`, never a wrapped total or a panic.
#[test]
fn ballot_counts_at_u64_max() {
    let big = u64::MAX - 10;
    // `more`: one ballot past the limit.
    let with = |mut ballots: Vec<Value>, more: bool, last: Value| {
        if more {
            ballots.push(last);
        }
        Value::Array(ballots)
    };
    let ranked = |more: bool| {
        with(
            vec![
                json!({"count": big, "ranking": ["a", "b"]}),
                json!({"count": 10, "ranking": ["c"]}),
            ],
            more,
            json!({"ranking": ["b", "c"]}),
        )
    };
    let firsts = |more: bool| {
        with(
            vec![
                json!({"count": big, "ranking": ["a"]}),
                json!({"count": 10, "ranking": ["c"]}),
            ],
            more,
            json!({"ranking": ["b"]}),
        )
    };
    let approvals = |more: bool| {
        with(
            vec![
                json!({"count": big, "approve": ["a", "b"]}),
                json!({"count": 10, "approve": ["c"]}),
            ],
            more,
            json!({"approve": ["b"]}),
        )
    };
    let scores = |more: bool| {
        with(
            vec![
                json!({"count": big, "scores": {"a": 5, "b": 3}}),
                json!({"count": 10, "scores": {"c": 5}}),
            ],
            more,
            json!({"scores": {"b": 1}}),
        )
    };
    let election = |method: &str, seats: u32, extra: Value| {
        let mut e =
            json!({"id": "t", "method": method, "seats": seats, "candidates": ["a", "b", "c"]});
        if let (Some(e), Some(extra)) = (e.as_object_mut(), extra.as_object()) {
            e.extend(extra.clone());
        }
        e
    };
    let winners = |election: Value, ballots: Value| -> Result<Vec<String>, String> {
        let election = huaide::vote::read_election(&election).map_err(|e| e.code().to_owned())?;
        let ballots = huaide::vote::read_ballots(&ballots).unwrap();
        huaide::vote::tally(&election, &ballots)
            .map(|r| r.winners)
            .map_err(|e| e.code().to_owned())
    };
    let stv = |rule: &str| json!({"stv": {"rule": rule}});
    // (method, seats, options, ballots, winners)
    type Case<'a> = (&'a str, u32, Value, &'a dyn Fn(bool) -> Value, Vec<&'a str>);
    let cases: Vec<Case> = vec![
        ("plurality", 1, json!({}), &firsts, vec!["a"]),
        ("irv", 1, json!({}), &ranked, vec!["a"]),
        ("stv", 2, stv("scottish"), &ranked, vec!["a", "b"]),
        ("stv", 2, stv("wigm"), &ranked, vec!["a", "b"]),
        ("stv", 2, stv("meek"), &ranked, vec!["a", "b"]),
        (
            "stv",
            2,
            json!({"stv": {"rule": "rctab", "decimals": 18}}),
            &ranked,
            vec!["a", "b"],
        ),
        ("schulze", 1, json!({}), &ranked, vec!["a"]),
        ("ranked_pairs", 1, json!({}), &ranked, vec!["a"]),
        ("copeland", 1, json!({}), &ranked, vec!["a"]),
        ("approval", 2, json!({}), &approvals, vec!["a", "b"]),
        ("pav", 2, json!({}), &approvals, vec!["a", "b"]),
        ("sav", 2, json!({}), &approvals, vec!["a", "b"]),
        ("seq_phragmen", 2, json!({}), &approvals, vec!["a", "b"]),
        ("rev_seq_pav", 2, json!({}), &approvals, vec!["a", "b"]),
        ("majority_judgment", 1, json!({}), &scores, vec!["a"]),
    ];
    for (method, seats, options, ballots, expected) in cases {
        let e = election(method, seats, options);
        let mut got = winners(e.clone(), ballots(false))
            .unwrap_or_else(|code| panic!("{method} {e}: {code} at a total of 2^64 - 1"));
        got.sort();
        assert_eq!(got, expected, "{method} {e}");
        assert_eq!(
            winners(e.clone(), ballots(true)),
            Err("count_overflow".to_owned()),
            "{method} {e}: a total past 2^64 - 1"
        );
    }
    // Sums of count × points may pass 2^64 - 1 below the ballot total: a coded error.
    for method in ["borda", "score", "star"] {
        let ballots = if method == "borda" {
            ranked(false)
        } else {
            scores(false)
        };
        let code = tally(election(method, 1, json!({})), ballots);
        assert!(
            ["ok", "count_overflow"].contains(&code.as_str()),
            "{method}: {code}"
        );
    }
}

/// A seat number near `u32::MAX` is `invalid_seats`, whatever the method's arithmetic.
#[test]
fn seats_near_u32_max() {
    for method in ["irv", "stv", "pav", "seq_phragmen", "plurality"] {
        let election = json!({
            "id": "t", "method": method, "seats": u32::MAX, "candidates": ["a", "b"]
        });
        let code = tally(election, json!([]));
        assert_eq!(code, "invalid_seats", "{method}");
    }
}
