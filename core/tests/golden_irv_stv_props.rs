//! Properties of `irv` and `stv`: every round conserves ballots, and the order of the
//! ballots never changes the result.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::vote::{
    tally, Ballot, Candidate, DuplicateRule, Election, IrvOptions, Method, OvervoteRule, Rank,
    Round, StvOptions, StvRule, TallyResult, TieBreak,
};
use proptest::prelude::*;

const IDS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

/// A decimal string as an integer of 10^-9 units.
fn units(value: &str) -> i128 {
    let (whole, frac) = value.split_once('.').unwrap_or((value, ""));
    let mut frac = frac.to_owned();
    assert!(frac.len() <= 9);
    while frac.len() < 9 {
        frac.push('0');
    }
    whole.parse::<i128>().unwrap() * 1_000_000_000 + frac.parse::<i128>().unwrap_or(0)
}

fn conserved(round: &Round, valid: u64) -> bool {
    let i = &round.inactive;
    let inactive: i128 = [
        &i.overvote,
        &i.skipped_ranks,
        &i.repeated_ranking,
        &i.exhausted,
        &i.undervote,
        &i.rounding,
    ]
    .iter()
    .map(|v| units(v))
    .sum();
    let tally: i128 = round.tally.values().map(|v| units(v)).sum();
    tally == units(&round.continuing) && tally + inactive == i128::from(valid) * 1_000_000_000
}

fn rank_strategy(n: usize) -> impl Strategy<Value = Rank> {
    prop_oneof![
        6 => (0..n).prop_map(|c| Rank::One(IDS[c].to_owned())),
        1 => Just(Rank::Several(Vec::new())),
        1 => proptest::collection::vec(0..n, 2..3)
            .prop_map(|cs| Rank::Several(cs.into_iter().map(|c| IDS[c].to_owned()).collect())),
    ]
}

fn ballots_strategy(n: usize) -> impl Strategy<Value = Vec<Ballot>> {
    proptest::collection::vec(
        (proptest::collection::vec(rank_strategy(n), 0..6), 1u64..4),
        0..30,
    )
    .prop_map(|ballots| {
        ballots
            .into_iter()
            .map(|(ranking, count)| Ballot {
                ranking: Some(ranking),
                count: Some(count),
                ..Ballot::default()
            })
            .collect()
    })
}

fn election(n: usize, method: Method, seats: u32, irv: Option<IrvOptions>) -> Election {
    Election {
        id: "p".to_owned(),
        method,
        seats,
        candidates: IDS[..n]
            .iter()
            .map(|id| Candidate::Id((*id).to_owned()))
            .collect(),
        roll: None,
        max_choices: None,
        tie_break: Some(TieBreak {
            seed: Some("props".to_owned()),
            ..TieBreak::default()
        }),
        pairwise: None,
        score_range: None,
        irv,
        stv: (method == Method::Stv).then(StvOptions::default),
    }
}

fn irv_options() -> impl Strategy<Value = IrvOptions> {
    (
        0..3u8,
        proptest::option::of(0..3u32),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0..3u64,
    )
        .prop_map(|(ov, skip, dup, batch, cu2, min)| IrvOptions {
            overvote: match ov {
                0 => OvervoteRule::Exhaust,
                1 => OvervoteRule::SkipToNext,
                _ => OvervoteRule::ExhaustIfMultipleContinuing,
            },
            max_skipped_ranks: skip,
            duplicate: if dup {
                DuplicateRule::Exhaust
            } else {
                DuplicateRule::Skip
            },
            batch_elimination: batch,
            continue_until_two: cu2,
            minimum_vote_threshold: min,
            ..IrvOptions::default()
        })
}

fn check(result: &TallyResult) -> Result<(), TestCaseError> {
    let b = result.ballots;
    prop_assert_eq!(b.cast, b.valid + b.rejected);
    prop_assert!(!result.rounds.is_empty());
    for round in &result.rounds {
        prop_assert!(
            conserved(round, b.valid),
            "round {} not conserved: {:?}",
            round.round,
            round
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn irv_rounds_conserve_ballots_and_ignore_ballot_order(
        n in 2usize..6,
        ballots in ballots_strategy(6),
        options in irv_options(),
        seed in any::<u64>(),
    ) {
        let ballots: Vec<Ballot> = ballots
            .into_iter()
            .filter(|b| b.ranking.as_ref().unwrap().iter().all(|r| r.candidates().iter().all(|c| IDS[..n].contains(&c.as_str()))))
            .collect();
        let e = election(n, Method::Irv, 1, Some(options));
        let result = tally(&e, &ballots).unwrap();
        check(&result)?;
        let mut shuffled = ballots.clone();
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(tally(&e, &shuffled).unwrap(), result);
    }

    #[test]
    fn stv_rounds_conserve_votes_and_ignore_ballot_order(
        n in 2usize..7,
        seats in 1u32..4,
        rule in 0..3u8,
        ballots in ballots_strategy(6),
        seed in any::<u64>(),
    ) {
        let seats = seats.min(n as u32);
        let ballots: Vec<Ballot> = ballots
            .into_iter()
            .filter(|b| b.ranking.as_ref().unwrap().iter().all(|r| r.candidates().iter().all(|c| IDS[..n].contains(&c.as_str()))))
            .collect();
        let mut e = election(n, Method::Stv, seats, None);
        e.stv = Some(StvOptions {
            rule: [StvRule::Scottish, StvRule::Wigm, StvRule::Meek][usize::from(rule)],
            ..StvOptions::default()
        });
        let result = tally(&e, &ballots).unwrap();
        check(&result)?;
        prop_assert!(result.winners.len() <= seats as usize);
        let mut shuffled = ballots.clone();
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(tally(&e, &shuffled).unwrap(), result);
    }
}

#[test]
fn elimination_counts_limit_the_number_of_candidates() {
    use huaide::Fault;
    let ids: Vec<String> = (0..=huaide::vote::MAX_ELIMINATION_CANDIDATES)
        .map(|i| format!("c{i}"))
        .collect();
    for method in [Method::Irv, Method::Stv] {
        let mut e = election(2, method, 1, None);
        e.candidates = ids.iter().cloned().map(Candidate::Id).collect();
        let err = tally(&e, &[]).unwrap_err();
        assert_eq!(err.code(), "too_large");
    }
}
