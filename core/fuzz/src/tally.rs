//! The structure-aware target of `tally`: an election with any method and options and
//! ballots of every shape built from the fuzzer's bytes, with the count's invariants.

use arbitrary::{Arbitrary, Unstructured};
use huaide::vote::{self, Ballot, Election, Round, TallyResult};
use serde_json::{json, Value};

const METHODS: [&str; 21] = [
    "plurality",
    "approval",
    "schulze",
    "ranked_pairs",
    "copeland",
    "borda",
    "score",
    "star",
    "majority_judgment",
    "sav",
    "pav",
    "cc",
    "seq_pav",
    "seq_cc",
    "rev_seq_pav",
    "seq_phragmen",
    "slav",
    "seq_slav",
    "geom2",
    "irv",
    "stv",
];
const IDS: [&str; 7] = ["a", "b", "c", "d", "e", "f", "x"];

#[derive(Arbitrary, Debug)]
struct Options {
    candidates: u8,
    seats: u8,
    roll: bool,
    max_choices: Option<u8>,
    tie: u8,
    strength: bool,
    explicit: bool,
    score_max: Option<u8>,
    overvote: u8,
    skipped: Option<u8>,
    duplicate: bool,
    batch: bool,
    until_two: bool,
    threshold: u8,
    rule: u8,
    hare: bool,
    decimals: Option<u8>,
    fractional: bool,
}

#[derive(Arbitrary, Debug)]
enum Mark {
    One(u8),
    Several(Vec<u8>),
}

#[derive(Arbitrary, Debug)]
enum Shape {
    Ranking(Vec<Mark>),
    Approve(Vec<u8>),
    Scores(Vec<(u8, i8)>),
}

#[derive(Arbitrary, Debug)]
struct RawBallot {
    shape: Shape,
    voter: Option<u8>,
    count: Option<u64>,
}

#[derive(Arbitrary, Debug)]
struct Case {
    method: u8,
    options: Options,
    ballots: Vec<RawBallot>,
}

fn id(i: u8) -> &'static str {
    IDS.get(usize::from(i) % IDS.len()).copied().unwrap_or("x")
}

fn election(method: &str, o: &Options) -> Value {
    let n = usize::from(o.candidates % 6) + 1;
    let mut doc = json!({
        "id": "fuzz", "method": method, "seats": o.seats % 4,
        "candidates": IDS.iter().take(n).collect::<Vec<_>>(),
    });
    if o.roll {
        doc["roll"] = json!(["v0", "v1", "v2", "v3"]);
    }
    if let Some(m) = o.max_choices {
        doc["max_choices"] = json!(m % 5);
    }
    match o.tie % 4 {
        1 => doc["tie_break"] = json!({"seed": format!("s{}", o.tie)}),
        2 => doc["tie_break"] = json!({"order": ["f", "e", "d", "c", "b", "a"]}),
        3 => doc["tie_break"] = json!({"seed": "s", "previous_rounds": true}),
        _ => {}
    }
    doc["pairwise"] = json!({
        "strength": if o.strength { "margin" } else { "winning" },
        "unranked": if o.explicit { "explicit" } else { "implicit" },
    });
    if let Some(max) = o.score_max {
        doc["score_range"] = json!({"min": 0, "max": max % 12});
    }
    if method == "irv" {
        let overvote = ["exhaust", "skip_to_next", "exhaust_if_multiple_continuing"];
        let mut irv = json!({
            "overvote": overvote[usize::from(o.overvote % 3)],
            "duplicate": if o.duplicate { "exhaust" } else { "skip" },
            "batch_elimination": o.batch,
            "continue_until_two": o.until_two,
            "minimum_vote_threshold": o.threshold % 4,
        });
        if let Some(s) = o.skipped {
            irv["max_skipped_ranks"] = json!(s % 3);
        }
        doc["irv"] = irv;
    }
    if method == "stv" {
        let rules = ["scottish", "wigm", "meek", "rctab"];
        let mut stv = json!({
            "rule": rules[usize::from(o.rule % 4)],
            "quota": if o.hare { "hare" } else { "droop" },
            "fractional_threshold": o.fractional,
        });
        if let Some(d) = o.decimals {
            stv["decimals"] = json!(d % 12);
        }
        doc["stv"] = stv;
    }
    doc
}

fn ballot(raw: &RawBallot) -> Value {
    let mut doc = json!({});
    match &raw.shape {
        Shape::Ranking(marks) => {
            let ranks: Vec<Value> = marks
                .iter()
                .take(8)
                .map(|m| match m {
                    Mark::One(c) => json!(id(*c)),
                    Mark::Several(cs) => {
                        json!(cs.iter().take(3).map(|c| id(*c)).collect::<Vec<_>>())
                    }
                })
                .collect();
            doc["ranking"] = json!(ranks);
        }
        Shape::Approve(cs) => {
            doc["approve"] = json!(cs.iter().take(7).map(|c| id(*c)).collect::<Vec<_>>())
        }
        Shape::Scores(s) => {
            let scores: serde_json::Map<String, Value> = s
                .iter()
                .take(7)
                .map(|(c, v)| (id(*c).to_owned(), json!(v)))
                .collect();
            doc["scores"] = Value::Object(scores);
        }
    }
    if let Some(v) = raw.voter {
        doc["voter"] = json!(format!("v{}", v % 5));
    }
    if let Some(c) = raw.count {
        // Mostly small counts, sometimes counts near 2^64 (the sums must not wrap).
        doc["count"] = json!(if c % 7 == 0 { c } else { c % 5 });
    }
    doc
}

/// The fuzz body: tally, then check the ballot summary, the winners, the rounds and
/// determinism.
pub fn fuzz(data: &[u8]) {
    let Ok(case) = Case::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let method = METHODS[usize::from(case.method) % METHODS.len()];
    let Ok(election) = vote::read_election(election(method, &case.options)) else {
        return;
    };
    let docs: Vec<Value> = case.ballots.iter().take(40).map(ballot).collect();
    let Ok(ballots) = vote::read_ballots(Value::Array(docs)) else {
        return;
    };
    let Ok(result) = vote::tally(&election, &ballots) else {
        return;
    };
    check(&election, &ballots, &result);
    let first = serde_json::to_string(&result).ok();
    let again = vote::tally(&election, &ballots)
        .ok()
        .and_then(|r| serde_json::to_string(&r).ok());
    assert_eq!(first, again, "not deterministic");
}

fn check(election: &Election, ballots: &[Ballot], result: &TallyResult) {
    let b = &result.ballots;
    assert_eq!(
        b.valid.checked_add(b.rejected),
        Some(b.cast),
        "cast != valid + rejected"
    );
    let weights: u128 = ballots.iter().map(|x| u128::from(x.weight())).sum();
    assert_eq!(
        u128::from(b.cast),
        weights,
        "cast is not the sum of the ballots' weights"
    );
    let rejected: u128 = result.rejected.iter().map(|r| u128::from(r.count)).sum();
    assert_eq!(rejected, u128::from(b.rejected), "rejections do not add up");
    assert!(
        result.winners.len() <= election.seats as usize,
        "more winners than seats"
    );
    for (i, w) in result.winners.iter().enumerate() {
        assert!(
            election.candidates.iter().any(|c| c.id() == w),
            "winner {w} not a candidate"
        );
        assert!(
            !result.winners.iter().skip(i + 1).any(|o| o == w),
            "winner {w} twice"
        );
    }
    for round in &result.rounds {
        if let Some(ok) = conserved(round, b.valid) {
            assert!(
                ok,
                "round {} does not conserve the ballots: {round:?}",
                round.round
            );
        }
    }
}

/// A decimal string in units of 10^-18, when it has at most 18 decimals.
fn units(value: &str) -> Option<i128> {
    if let Some(positive) = value.strip_prefix('-') {
        return units(positive)?.checked_neg();
    }
    let (whole, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 18 {
        return None;
    }
    let scale = 10i128.checked_pow(18 - frac.len() as u32)?;
    let whole: i128 = whole.parse().ok()?;
    let frac: i128 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    whole
        .checked_mul(10i128.pow(18))?
        .checked_add(frac.checked_mul(scale)?)
}

/// Whether a round conserves the valid ballots: the tallies add up to `continuing`, and
/// with the inactive ones to `valid`. `None` when a figure is not a decimal it can add.
fn conserved(round: &Round, valid: u64) -> Option<bool> {
    let i = &round.inactive;
    let mut inactive = 0i128;
    let parts = [
        Some(&i.overvote),
        Some(&i.skipped_ranks),
        Some(&i.repeated_ranking),
        Some(&i.exhausted),
        Some(&i.undervote),
        Some(&i.rounding),
        i.final_round_surplus.as_ref(),
    ];
    for part in parts.into_iter().flatten() {
        inactive = inactive.checked_add(units(part)?)?;
    }
    let mut tally = 0i128;
    for value in round.tally.values() {
        tally = tally.checked_add(units(value)?)?;
    }
    let valid = i128::from(valid).checked_mul(10i128.pow(18))?;
    Some(tally == units(&round.continuing)? && tally.checked_add(inactive)? == valid)
}
