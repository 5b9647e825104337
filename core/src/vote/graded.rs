//! Graded methods on score ballots: score voting, STAR and majority judgment.
//!
//! A score ballot is `{"scores": {"a": 5, "b": 0}}`; every score must lie in the election's
//! `score_range` (default 0 to 5), else the ballot is rejected with `score_out_of_range`. A
//! candidate the ballot leaves out gets the minimum. An empty map is `empty_ballot`.
//!
//! - `score`: the `seats` highest totals win; `counts` are the totals.
//! - `star` (1 seat): the two highest totals meet in a runoff won by the finalist scored higher
//!   on more ballots (`runoff`); a runoff tie goes to the higher total, then to the tie-break.
//!   The ranking is winner, runner-up, then the others by total.
//! - `majority_judgment`: candidates are compared by their median grade (the lower median for
//!   an even number of ballots); equal medians are compared by removing one median grade from
//!   each and looking again, until they differ. `counts` are the median grades.

use std::cmp::Ordering;

use super::ballot::{BallotChecker, RejectionCode};
use super::ballot_box::{EntryView, UNKNOWN};
use super::election::{Election, Method, ScoreRange};
use super::error::TallyError;
use super::merge::{option_error, rank_tiers, Aggregate, Outcome};
use super::ranking::{rank_with_rule, TieRule};
use super::result::Tie;

/// Most grades (`max - min + 1`) majority judgment accepts.
const MAX_GRADES: u32 = 101;

fn range(election: &Election) -> ScoreRange {
    election.score_range.unwrap_or_default()
}

/// Checks the score range: `min < max`, and at most 101 grades for majority judgment.
pub(crate) fn check_range(election: &Election) -> Result<(), TallyError> {
    let r = range(election);
    if r.min >= r.max {
        return Err(option_error(
            "election.score_range",
            "min must be below max",
        ));
    }
    if election.method == Method::MajorityJudgment && r.max.saturating_sub(r.min) >= MAX_GRADES {
        return Err(TallyError::TooLarge {
            path: "election.score_range".to_owned(),
            what: "number of grades",
            limit: u64::from(MAX_GRADES),
        });
    }
    Ok(())
}

/// Number of grades of the (checked) range.
pub(crate) fn levels(election: &Election) -> usize {
    let r = range(election);
    usize::try_from(r.max.saturating_sub(r.min))
        .unwrap_or(0)
        .saturating_add(1)
}

/// Reads a score ballot into one score per candidate. Checks, in order: ballot kind (only
/// `scores`), roll and double voting, emptiness, unknown candidates, range.
pub(crate) fn read_scores(
    checker: &mut BallotChecker<'_>,
    ballot: &EntryView<'_>,
    election: &Election,
) -> Result<Vec<u32>, RejectionCode> {
    let (candidates, values) = match (&ballot.scores, &ballot.ranking, &ballot.approve) {
        (Some(scores), None, None) => *scores,
        (None, None, None) => return Err(RejectionCode::EmptyBallot),
        _ => return Err(RejectionCode::WrongBallotKind),
    };
    checker.check_voter(ballot)?;
    if candidates.is_empty() {
        return Err(RejectionCode::EmptyBallot);
    }
    if candidates.contains(&UNKNOWN) {
        return Err(RejectionCode::UnknownCandidate);
    }
    let r = range(election);
    let mut out = vec![r.min; election.candidates.len()];
    for (&c, &score) in candidates.iter().zip(values) {
        let score = u32::try_from(score)
            .ok()
            .filter(|s| (r.min..=r.max).contains(s))
            .ok_or(RejectionCode::ScoreOutOfRange)?;
        if let Some(slot) = out.get_mut(c as usize) {
            *slot = score;
        }
    }
    Ok(out)
}

/// Adds one score ballot to the aggregate. `None` on overflow.
pub(crate) fn add_scores(
    aggregate: &mut Aggregate,
    scores: &[u32],
    weight: u64,
    election: &Election,
) -> Option<()> {
    let min = range(election).min;
    if let Some(grades) = aggregate.grades.as_mut() {
        for (row, &score) in grades.iter_mut().zip(scores) {
            let cell = row.get_mut(usize::try_from(score.checked_sub(min)?).ok()?)?;
            *cell = cell.checked_add(weight)?;
        }
        return Some(());
    }
    for (total, &score) in aggregate.votes.iter_mut().zip(scores) {
        *total = total.checked_add(u64::from(score).checked_mul(weight)?)?;
    }
    if let Some(matrix) = aggregate.pairwise.as_mut() {
        let mut order: Vec<usize> = (0..scores.len()).collect();
        crate::sort::sort_by_key(&mut order, |&c| {
            std::cmp::Reverse(scores.get(c).copied().unwrap_or(0))
        });
        let levels: Vec<Vec<usize>> = order
            .chunk_by(|&a, &b| scores.get(a) == scores.get(b))
            .map(<[usize]>::to_vec)
            .collect();
        matrix.add_ballot(&levels, weight, super::election::Unranked::Implicit)?;
    }
    Some(())
}

/// Finds the winners of a graded method.
pub(crate) fn finish(election: &Election, ids: &[&str], aggregate: Aggregate) -> Outcome {
    let rule = TieRule::new(election, ids);
    match election.method {
        Method::Star => star(ids, aggregate, &rule),
        Method::MajorityJudgment => majority_judgment(election, ids, aggregate),
        _ => {
            let ranked = rank_with_rule(ids, &aggregate.votes, election.seats, &rule);
            Outcome::new(ranked, aggregate.votes)
        }
    }
}

fn star(ids: &[&str], aggregate: Aggregate, rule: &TieRule) -> Outcome {
    let totals = aggregate.votes;
    let mut ranked = rank_with_rule(ids, &totals, 2, rule);
    let id = |c: usize| ids.get(c).map(|s| (*s).to_owned()).unwrap_or_default();
    let index = |s: &String| ids.iter().position(|c| c == s).unwrap_or(usize::MAX);
    let finalists: Vec<usize> = ranked.winners.iter().map(index).collect();
    let (Some(&a), Some(&b), true) = (finalists.first(), finalists.get(1), ranked.complete) else {
        ranked.winners.clear();
        ranked.complete = false;
        return Outcome::new(ranked, totals);
    };
    let (pa, pb) = match &aggregate.pairwise {
        Some(m) => (m.get(a, b), m.get(b, a)),
        None => (0, 0),
    };
    let total = |c: usize| totals.get(c).copied().unwrap_or(0);
    let first = match pa.cmp(&pb).then(total(a).cmp(&total(b))) {
        Ordering::Greater => Some((a, b)),
        Ordering::Less => Some((b, a)),
        Ordering::Equal => {
            let mut pair = vec![a, b];
            let decided = rule.decides(&pair);
            if decided {
                crate::sort::sort_by_key(&mut pair, |&c| rule.key(c));
            }
            let mut candidates = vec![a, b];
            crate::sort::sort(&mut candidates);
            ranked.ties.push(Tie {
                candidates: candidates.into_iter().map(id).collect(),
                votes: pa,
                seats_at_stake: 1,
                resolution: if decided {
                    rule.resolution(&pair, ids)
                } else {
                    super::result::TieResolution::Unresolved
                },
            });
            match (decided, pair.first(), pair.get(1)) {
                (true, Some(&w), Some(&l)) => Some((w, l)),
                _ => None,
            }
        }
    };
    let rest: Vec<Vec<String>> = ranked
        .ranking
        .iter()
        .map(|tier| {
            tier.iter()
                .filter(|c| **c != id(a) && **c != id(b))
                .cloned()
                .collect::<Vec<_>>()
        })
        .filter(|tier| !tier.is_empty())
        .collect();
    let (winners, mut ranking, complete) = match first {
        Some((w, l)) => (vec![id(w)], vec![vec![id(w)], vec![id(l)]], true),
        None => (
            Vec::new(),
            vec![{
                let mut both = vec![a, b];
                crate::sort::sort(&mut both);
                both.into_iter().map(id).collect()
            }],
            false,
        ),
    };
    ranking.extend(rest);
    ranked.winners = winners;
    ranked.ranking = ranking;
    ranked.complete = complete;
    let mut outcome = Outcome::new(ranked, totals);
    outcome.runoff = Some(vec![(a, pa), (b, pb)]);
    outcome
}

/// Position range `[start, end)` and grade of the `p`-th smallest grade in histogram `h`.
fn grade_at(h: &[u64], p: u64) -> (usize, u64, u64) {
    let mut start = 0u64;
    for (g, &count) in h.iter().enumerate() {
        let end = start.saturating_add(count);
        if p < end {
            return (g, start, end);
        }
        start = end;
    }
    (h.len(), start, start)
}

/// Majority-judgment comparison of two grade histograms with the same total.
fn compare(ha: &[u64], hb: &[u64]) -> Ordering {
    let n: u64 = ha.iter().sum();
    if n == 0 {
        return Ordering::Equal;
    }
    // Every step below is at most `n - 1` (`i` is at most `m` in the lower chain and below
    // `n - m - 1` in the upper one), so the saturating operations are exact.
    let m = n.saturating_sub(1) / 2; // lower median position
    let odd = n % 2 == 1;
    // Lower chain: positions m, m-1, …, 0. Element i is at sequence step (odd: 2i-1, even: 2i).
    let mut lower: Option<(u64, Ordering)> = None;
    let mut p = m;
    loop {
        let (ga, sa, _) = grade_at(ha, p);
        let (gb, sb, _) = grade_at(hb, p);
        if ga != gb {
            let i = m.saturating_sub(p); // p <= m
            let step = if i == 0 {
                0
            } else if odd {
                i.saturating_mul(2).saturating_sub(1)
            } else {
                i.saturating_mul(2)
            };
            lower = Some((step, ga.cmp(&gb)));
            break;
        }
        // The grades at `p` start at or before `p`: the chain moves down.
        let Some(before) = sa.max(sb).checked_sub(1) else {
            break;
        };
        p = before;
    }
    // Upper chain: positions m+1, …, n-1. Element i is at step (odd: 2i+2, even: 2i+1).
    let mut upper: Option<(u64, Ordering)> = None;
    let mut p = m.saturating_add(1);
    while p < n {
        let (ga, _, ea) = grade_at(ha, p);
        let (gb, _, eb) = grade_at(hb, p);
        if ga != gb {
            let i = p.saturating_sub(m).saturating_sub(1); // p > m
            let twice = i.saturating_mul(2);
            let step = if odd {
                twice.saturating_add(2)
            } else {
                twice.saturating_add(1)
            };
            upper = Some((step, ga.cmp(&gb)));
            break;
        }
        p = ea.min(eb);
    }
    match (lower, upper) {
        (Some((sl, ol)), Some((su, ou))) => {
            if sl < su {
                ol
            } else {
                ou
            }
        }
        (Some((_, o)), None) | (None, Some((_, o))) => o,
        (None, None) => Ordering::Equal,
    }
}

fn majority_judgment(election: &Election, ids: &[&str], aggregate: Aggregate) -> Outcome {
    let min = u64::from(range(election).min);
    let grades = aggregate.grades.unwrap_or_default();
    let empty: Vec<u64> = Vec::new();
    let hist = |c: usize| grades.get(c).unwrap_or(&empty);
    let mut order: Vec<usize> = (0..ids.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| compare(hist(b), hist(a)));
    let tiers: Vec<Vec<usize>> = order
        .chunk_by(|&a, &b| compare(hist(a), hist(b)) == Ordering::Equal)
        .map(<[usize]>::to_vec)
        .collect();
    let medians: Vec<u64> = (0..ids.len())
        .map(|c| {
            let h = hist(c);
            let n: u64 = h.iter().sum();
            if n == 0 {
                return min;
            }
            let (g, _, _) = grade_at(h, n.saturating_sub(1) / 2);
            min.saturating_add(u64::try_from(g).unwrap_or(0))
        })
        .collect();
    let ranked = rank_tiers(ids, &tiers, Some(&medians), election);
    Outcome::new(ranked, medians)
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
mod tests {
    use super::*;

    /// Majority judgment by the book: remove the (lower) median grade one at a time.
    fn brute(ha: &[u64], hb: &[u64]) -> Ordering {
        let expand = |h: &[u64]| -> Vec<usize> {
            h.iter()
                .enumerate()
                .flat_map(|(g, &n)| std::iter::repeat_n(g, n as usize))
                .collect()
        };
        let (mut a, mut b) = (expand(ha), expand(hb));
        while !a.is_empty() {
            let m = (a.len() - 1) / 2;
            match a[m].cmp(&b[m]) {
                Ordering::Equal => {
                    a.remove(m);
                    b.remove(m);
                }
                other => return other,
            }
        }
        Ordering::Equal
    }

    #[test]
    fn comparison_matches_median_removal() {
        // Every pair of 3-grade histograms with the same total up to 5 ballots.
        let mut histograms: Vec<Vec<u64>> = Vec::new();
        for x in 0..=5u64 {
            for y in 0..=5 - x {
                for z in 0..=5 - x - y {
                    histograms.push(vec![x, y, z]);
                }
            }
        }
        let mut checked = 0;
        for a in &histograms {
            for b in &histograms {
                if a.iter().sum::<u64>() == b.iter().sum::<u64>() {
                    assert_eq!(compare(a, b), brute(a, b), "{a:?} vs {b:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100);
    }
}
