//! Property tests of the compact profile: `tally_profile` gives the same result as `tally` on
//! the equivalent wire ballots (grouped or not), for every method, with and without the
//! ballot rules of `irv`; `plurality_counts` matches a plain count.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::vote::{plurality_counts, tally, tally_profile, Election, Profile};
use proptest::prelude::*;
use serde_json::json;

const METHODS: [&str; 8] = [
    "plurality",
    "irv",
    "schulze",
    "ranked_pairs",
    "copeland",
    "borda",
    "approval",
    "stv",
];

/// Rankings over `n` candidates: a permutation truncated to 0..=n ranks, with a count.
fn rankings() -> impl Strategy<Value = (usize, Vec<(Vec<u16>, u64)>)> {
    (2usize..=6).prop_flat_map(|n| {
        let ballot = (
            Just((0..n as u16).collect::<Vec<u16>>()).prop_shuffle(),
            0..=n,
            1u64..=3,
        )
            .prop_map(|(perm, len, count)| (perm[..len].to_vec(), count));
        (Just(n), prop::collection::vec(ballot, 0..40))
    })
}

fn election(method: &str, n: usize, options: u8) -> Election {
    let candidates: Vec<String> = (0..n).map(|c| format!("c{c}")).collect();
    let mut e = json!({"id": "p", "method": method, "seats": 1, "candidates": candidates});
    if options & 1 == 1 {
        e["tie_break"] = json!({"seed": "lot"});
    }
    if method == "irv" {
        e["irv"] = json!({
            "max_rankings": if options & 2 == 2 { json!(3) } else { json!(null) },
            "batch_elimination": options & 4 == 4,
            "continue_until_two": options & 8 == 8,
        });
    }
    if method == "stv" && n > 2 {
        e["seats"] = json!(2);
    }
    if (method.contains("pair") || method == "schulze" || method == "copeland") && options & 2 == 2
    {
        e["pairwise"] = json!({"unranked": "explicit"});
    }
    serde_json::from_value(e).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn profile_counts_like_ballots((n, entries) in rankings(), method in 0..METHODS.len(),
                                   options in 0u8..16, group in any::<bool>()) {
        let method = METHODS[method];
        let election = election(method, n, options);
        let mut profile = Profile::new(n).unwrap();
        for (ranking, count) in &entries {
            profile.push(ranking, *count).unwrap();
        }
        if group {
            profile = profile.grouped().unwrap();
        }
        let ballots = profile.to_ballots(&election).unwrap();
        let expected = tally(&election, &ballots);
        let got = tally_profile(&election, &profile);
        match (expected, got) {
            (Ok(expected), Ok(got)) => prop_assert_eq!(
                serde_json::to_string(&expected).unwrap(),
                serde_json::to_string(&got).unwrap()
            ),
            (Err(expected), Err(got)) => prop_assert_eq!(expected, got),
            (expected, got) => prop_assert!(false, "{expected:?} vs {got:?}"),
        }
    }

    #[test]
    fn grouping_keeps_totals((n, entries) in rankings()) {
        let mut profile = Profile::new(n).unwrap();
        for (ranking, count) in &entries {
            profile.push(ranking, *count).unwrap();
        }
        let grouped = profile.grouped().unwrap();
        prop_assert_eq!(grouped.total().unwrap(), profile.total().unwrap());
        prop_assert!(grouped.len() <= profile.len());
        prop_assert_eq!(grouped.grouped().unwrap(), grouped);
    }

    #[test]
    fn plurality_counts_count(firsts in prop::collection::vec(0u16..7, 0..50)) {
        let totals = plurality_counts(7, &firsts).unwrap();
        for (c, total) in totals.iter().enumerate() {
            prop_assert_eq!(*total, firsts.iter().filter(|&&f| usize::from(f) == c).count() as u64);
        }
    }
}

#[test]
fn bad_profiles_are_refused_with_codes() {
    use huaide::error::Fault;
    let mut profile = Profile::new(3).unwrap();
    assert_eq!(
        profile.push(&[0, 3], 1).unwrap_err().code(),
        "invalid_option"
    );
    assert_eq!(
        profile.push(&[1, 1], 1).unwrap_err().code(),
        "invalid_option"
    );
    assert_eq!(profile.push(&[1], 0).unwrap_err().code(), "invalid_count");
    assert!(profile.is_empty());
    assert_eq!(Profile::new(70_000).unwrap_err().code(), "too_large");
    assert_eq!(
        plurality_counts(2, &[0, 2]).unwrap_err().code(),
        "invalid_option"
    );
    assert_eq!(
        plurality_counts(70_000, &[]).unwrap_err().code(),
        "too_large"
    );
    let election = election("irv", 4, 0);
    assert_eq!(
        tally_profile(&election, &profile).unwrap_err().code(),
        "invalid_option"
    );
    let mut big = Profile::new(2).unwrap();
    big.push(&[0], u64::MAX).unwrap();
    big.push(&[0], 1).unwrap();
    assert_eq!(big.grouped().unwrap_err().code(), "count_overflow");
}

/// Flat buffers, valid or not: rankings of possibly repeated or out-of-range indices over 1 to
/// 70 candidates (both ways of checking them: a bit set up to 64, stamps above), counts that
/// may be 0 or missing, and offsets that may be broken.
fn buffers() -> impl Strategy<Value = (usize, Vec<u16>, Vec<u32>, Option<Vec<u64>>)> {
    (1usize..=70, any::<u8>()).prop_flat_map(|(n, damage)| {
        let ranking = prop::collection::vec(0..(n as u16 + u16::from(damage % 4 == 0)), 0..8);
        (
            prop::collection::vec((ranking, 0u64..4), 0..12),
            Just(n),
            Just(damage),
        )
            .prop_map(|(rankings, n, damage)| {
                let mut marks = Vec::new();
                let mut offsets = vec![0u32];
                for (r, _) in &rankings {
                    marks.extend_from_slice(r);
                    offsets.push(marks.len() as u32);
                }
                if damage % 7 == 1 {
                    offsets.reverse();
                }
                let counts = (damage % 3 != 0).then(|| {
                    let mut c: Vec<u64> = rankings
                        .iter()
                        .map(|(_, c)| c + u64::from(damage % 5 != 0))
                        .collect();
                    if damage % 11 == 2 {
                        c.push(1);
                    }
                    c
                });
                (n, marks, offsets, counts)
            })
    })
}

/// The same profile, or the same error code at the same path, from `Profile::push`.
fn pushed(
    n: usize,
    marks: &[u16],
    offsets: &[u32],
    counts: Option<&[u64]>,
) -> Result<Profile, (String, Option<String>)> {
    use huaide::Fault;
    let code = |e: huaide::vote::TallyError| (e.code().to_owned(), e.path().map(str::to_owned));
    let mut p = Profile::new(n).map_err(code)?;
    for (i, w) in offsets.windows(2).enumerate() {
        let count = counts.map_or(1, |c| c[i]);
        p.push(&marks[w[0] as usize..w[1] as usize], count)
            .map_err(code)?;
    }
    Ok(p)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// `from_offsets` (one pass over the buffers, then bulk copies) and `from_vecs` (the
    /// buffers kept) give what pushing the rankings one by one gives: the same profile, or
    /// the same error code at the same path.
    #[test]
    fn flat_buffers_read_like_pushed_rankings((n, marks, offsets, counts) in buffers()) {
        use huaide::Fault;
        let code = |e: huaide::vote::TallyError| (e.code().to_owned(), e.path().map(str::to_owned));
        let borrowed = Profile::from_offsets(n, &marks, &offsets, counts.as_deref()).map_err(code);
        let owned = Profile::from_vecs(n, marks.clone(), offsets.clone(), counts.clone()).map_err(code);
        prop_assert_eq!(&borrowed, &owned);
        let layout_ok = offsets.first() == Some(&0)
            && offsets.last().map(|&e| e as usize) == Some(marks.len())
            && offsets.windows(2).all(|w| w[0] <= w[1])
            && counts.as_ref().is_none_or(|c| c.len() + 1 == offsets.len());
        if layout_ok {
            prop_assert_eq!(borrowed, pushed(n, &marks, &offsets, counts.as_deref()));
        } else {
            prop_assert!(matches!(&borrowed, Err((code, _)) if code == "invalid_option"), "{:?}", borrowed);
        }
    }
}

/// A matrix of rankings, mostly clean: `rows × columns` values over `n` candidates, each
/// row a truncated permutation padded with -1, with now and then a broken value (a
/// repeat, an index out of range, a mark after the padding, a value below -1).
fn matrices() -> impl Strategy<Value = (usize, usize, usize, Vec<i32>, Option<Vec<u64>>)> {
    (1usize..=70, 0usize..=6, 0usize..30).prop_flat_map(|(n, columns, rows)| {
        let row = (
            Just((0..n as i32).collect::<Vec<i32>>()).prop_shuffle(),
            0..=columns,
            prop::option::weighted(0.1, (0..columns.max(1), -3i32..=n as i32 + 1)),
        )
            .prop_map(move |(perm, len, broken)| {
                let mut row: Vec<i32> = (0..columns)
                    .map(|j| {
                        if j < len {
                            perm.get(j).copied().unwrap_or(-1)
                        } else {
                            -1
                        }
                    })
                    .collect();
                if let Some((at, value)) = broken {
                    if let Some(slot) = row.get_mut(at) {
                        *slot = value;
                    }
                }
                row
            });
        let counts = prop::option::of(prop::collection::vec(0u64..3, rows..=rows));
        (
            Just(n),
            Just(rows),
            Just(columns),
            prop::collection::vec(row, rows..=rows).prop_map(|r| r.concat()),
            counts,
        )
    })
}

/// What the matrix means, row by row: each row's marks up to its first -1 pushed one by
/// one (a value below -1 or a mark after the padding refused at the row).
fn matrix_by_push(
    n: usize,
    rows: usize,
    columns: usize,
    values: &[i32],
    counts: &Option<Vec<u64>>,
) -> Result<Profile, String> {
    let mut profile = Profile::new(n).map_err(|e| e.to_string())?;
    for i in 0..rows {
        let row = &values[i * columns..(i + 1) * columns];
        let len = row.iter().position(|&v| v < 0).unwrap_or(row.len());
        if row[len..].iter().any(|&v| v != -1) {
            return Err(format!("row {i}"));
        }
        let ranking: Vec<u16> = row[..len].iter().map(|&v| v as u16).collect();
        let count = counts.as_ref().map_or(1, |c| c[i]);
        profile.push(&ranking, count).map_err(|e| e.to_string())?;
    }
    Ok(profile)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn matrices_read_like_pushed_rows((n, rows, columns, values, counts) in matrices()) {
        use huaide::error::Fault;
        let got = Profile::from_matrix(n, &values, rows, columns, counts.clone());
        let as_i16: Vec<i16> = values.iter().map(|&v| v as i16).collect();
        let got16 = Profile::from_matrix(n, &as_i16, rows, columns, counts.clone());
        prop_assert_eq!(&got, &got16);
        match (matrix_by_push(n, rows, columns, &values, &counts), got) {
            (Ok(expected), Ok(got)) => prop_assert_eq!(expected, got),
            (Err(_), Err(err)) => {
                prop_assert!(["invalid_option", "invalid_count"].contains(&err.code()), "{err:?}");
                prop_assert!(err.path().is_some_and(|p| p.starts_with("profile")), "{err:?}");
            }
            (expected, got) => prop_assert!(false, "{expected:?} vs {got:?}"),
        }
    }
}
