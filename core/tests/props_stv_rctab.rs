//! Properties of the `stv` rule `rctab` (RCTab's multi-winner count): every round conserves
//! the votes exactly (tallies + inactive by cause + residual surplus + final round surplus =
//! valid ballots), the residual surplus reported per transfer adds up to `inactive.rounding`,
//! the order of the ballots never changes the result, and with one seat the winner is IRV's.
//! Values keep RCTab's scale (whole until a surplus fraction is in them). RCTab's detailed
//! report of any `rctab` or `irv` result is written, its JSON tallies are the count's, its
//! CSV conserves ballots in every round and its percentages stay within 100.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::formats::{rctab_report, rctab_report_csv, RctabReportOptions};
use huaide::vote::{
    tally, Ballot, Candidate, DuplicateRule, Election, IrvOptions, Method, OvervoteRule, Quota,
    Rank, Round, StvOptions, StvRule, TallyResult, TieBreak,
};
use proptest::prelude::*;

const IDS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

/// A decimal string as an integer of 10^-18 units.
fn units(value: &str) -> i128 {
    let (whole, frac) = value.split_once('.').unwrap_or((value, ""));
    let mut frac = frac.to_owned();
    assert!(frac.len() <= 18);
    while frac.len() < 18 {
        frac.push('0');
    }
    whole.parse::<i128>().unwrap() * 10i128.pow(18) + frac.parse::<i128>().unwrap_or(0)
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
        i.final_round_surplus.as_ref().unwrap(),
    ]
    .iter()
    .map(|v| units(v))
    .sum();
    let tally: i128 = round.tally.values().map(|v| units(v)).sum();
    tally == units(&round.continuing) && tally + inactive == i128::from(valid) * 10i128.pow(18)
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
        (proptest::collection::vec(rank_strategy(n), 0..6), 1u64..5),
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

/// The ballot rules `rctab` accepts (no batch elimination, write-ins, minimum or
/// continue-until-two).
fn read_options() -> impl Strategy<Value = IrvOptions> {
    (0..3u8, proptest::option::of(0..3u32), any::<bool>()).prop_map(|(ov, skip, dup)| IrvOptions {
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
        ..IrvOptions::default()
    })
}

fn election(n: usize, seats: u32, irv: IrvOptions, stv: Option<StvOptions>) -> Election {
    Election {
        id: "p".to_owned(),
        method: if stv.is_some() {
            Method::Stv
        } else {
            Method::Irv
        },
        seats,
        candidates: IDS[..n]
            .iter()
            .map(|id| Candidate::Id((*id).to_owned()))
            .collect(),
        roll: None,
        max_choices: None,
        // Every candidate listed: every tie is settled, the same way in both counts.
        tie_break: Some(TieBreak {
            order: Some(IDS[..n].iter().map(|id| (*id).to_owned()).collect()),
            ..TieBreak::default()
        }),
        pairwise: None,
        score_range: None,
        irv: Some(irv),
        stv,
    }
}

fn keep_known(ballots: Vec<Ballot>, n: usize) -> Vec<Ballot> {
    ballots
        .into_iter()
        .filter(|b| {
            b.ranking.as_ref().unwrap().iter().all(|r| {
                r.candidates()
                    .iter()
                    .all(|c| IDS[..n].contains(&c.as_str()))
            })
        })
        .collect()
}

fn check(result: &TallyResult, seats: u32) -> Result<(), TestCaseError> {
    let b = result.ballots;
    prop_assert!(!result.rounds.is_empty());
    prop_assert!(result.complete);
    prop_assert_eq!(result.winners.len(), seats as usize);
    for round in &result.rounds {
        prop_assert!(
            conserved(round, b.valid),
            "round {} not conserved: {:?}",
            round.round,
            round
        );
    }
    // The residual surplus of each transfer adds up to the running total.
    let residuals: i128 = result
        .rounds
        .iter()
        .flat_map(|r| r.transfers.iter())
        .filter_map(|t| t.residual.as_deref().map(units))
        .sum();
    let last = result.rounds.last().unwrap();
    prop_assert_eq!(residuals, units(&last.inactive.rounding));
    prop_assert!(residuals >= 0);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn rctab_conserves_votes_and_ignores_ballot_order(
        n in 2usize..7,
        seats in 1u32..4,
        decimals in 1u32..7,
        fractional in any::<bool>(),
        hare in any::<bool>(),
        read in read_options(),
        ballots in ballots_strategy(6),
        seed in any::<u64>(),
    ) {
        let seats = seats.min(n as u32);
        let ballots = keep_known(ballots, n);
        let e = election(n, seats, read, Some(StvOptions {
            rule: StvRule::Rctab,
            quota: if hare { Quota::Hare } else { Quota::Droop },
            decimals: Some(decimals),
            fractional_threshold: fractional,
        }));
        let result = tally(&e, &ballots).unwrap();
        check(&result, seats)?;
        let mut shuffled = ballots.clone();
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(tally(&e, &shuffled).unwrap(), result);
    }

    #[test]
    fn rctab_with_one_seat_elects_the_irv_winner(
        n in 2usize..7,
        fractional in any::<bool>(),
        read in read_options(),
        ballots in ballots_strategy(6),
    ) {
        let ballots = keep_known(ballots, n);
        let rctab = election(n, 1, read.clone(), Some(StvOptions {
            rule: StvRule::Rctab,
            fractional_threshold: fractional,
            ..StvOptions::default()
        }));
        let irv = election(n, 1, read, None);
        let by_rctab = tally(&rctab, &ballots).unwrap();
        let by_irv = tally(&irv, &ballots).unwrap();
        prop_assume!(by_irv.complete);
        prop_assert_eq!(by_rctab.winners, by_irv.winners);
    }

    #[test]
    fn rctab_reports_conserve_ballots(
        n in 2usize..7,
        seats in 1u32..4,
        decimals in 1u32..7,
        fractional in any::<bool>(),
        single in any::<bool>(),
        read in read_options(),
        ballots in ballots_strategy(6),
    ) {
        let seats = if single { 1 } else { seats.min(n as u32) };
        let ballots = keep_known(ballots, n);
        let stv = (!single).then_some(StvOptions {
            rule: StvRule::Rctab,
            decimals: Some(decimals),
            fractional_threshold: fractional,
            ..StvOptions::default()
        });
        let result = tally(&election(n, seats, read, stv), &ballots).unwrap();
        if !single {
            check_scale(&result, decimals, fractional)?;
        }
        check_report(&result)?;
    }
}

/// Until the first surplus moves, every value is whole (`"6"`, not `"6.0000"`); after it,
/// a value has no decimal places or exactly `decimals`.
fn check_scale(result: &TallyResult, decimals: u32, fractional: bool) -> Result<(), TestCaseError> {
    let first_election = result.rounds.iter().position(|r| !r.elected.is_empty());
    for (i, round) in result.rounds.iter().enumerate() {
        let i_ = &round.inactive;
        let values = round.tally.values().chain([
            &i_.overvote,
            &i_.skipped_ranks,
            &i_.repeated_ranking,
            &i_.exhausted,
            &i_.undervote,
            &round.continuing,
        ]);
        for value in values {
            let places = value.split_once('.').map_or(0, |(_, f)| f.len() as u32);
            prop_assert!(places == 0 || places == decimals, "{value} in {round:?}");
            if first_election.is_none_or(|e| i <= e) {
                prop_assert_eq!(places, 0, "{} before any surplus: {:?}", value, round);
            }
        }
        let threshold_places = round
            .threshold
            .split_once('.')
            .map_or(0, |(_, f)| f.len() as u32);
        prop_assert_eq!(threshold_places, if fractional { decimals } else { 0 });
    }
    Ok(())
}

/// The report is written; its JSON tallies are the count's; in the CSV, every round's active
/// ballots, inactive ballots, undervotes and residual surplus add up to the ballots counted.
fn check_report(result: &TallyResult) -> Result<(), TestCaseError> {
    let options = RctabReportOptions::default();
    let json = rctab_report(result, &options).unwrap();
    prop_assert_eq!(json.results.len(), result.rounds.len());
    for (report, round) in json.results.iter().zip(&result.rounds) {
        prop_assert_eq!(&report.tally, &round.tally);
    }
    let csv = rctab_report_csv(result, &options).unwrap();
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let find = |label: &str| rows.iter().find(|r| r[0] == label).cloned();
    let undervotes = units(&find("Number of Undervotes (No Rankings)").unwrap()[1]);
    let active = find("Active Ballots").unwrap();
    let inactive = find("Inactive Ballots Total").unwrap();
    let residual = find("Residual surplus");
    let valid = i128::from(result.ballots.valid) * 10i128.pow(18);
    for r in 0..result.rounds.len() {
        let cell = |row: &Vec<String>| units(&row[1 + 3 * r]);
        let left = residual.as_ref().map_or(0, cell);
        prop_assert_eq!(
            cell(&active) + cell(&inactive) + undervotes + left,
            valid,
            "{}",
            csv
        );
        let percent: f64 = rows
            .iter()
            .filter(|row| result.rounds[0].tally.contains_key(&row[0]))
            .filter_map(|row| {
                row[2 + 3 * r]
                    .strip_suffix('%')
                    .map(|p| p.parse::<f64>().unwrap())
            })
            .sum();
        prop_assert!(percent <= 100.0 + 1e-9, "{} in {}", percent, csv);
    }
    Ok(())
}
