//! Condorcet methods on the pairwise matrix: Schulze, ranked pairs and Copeland.
//!
//! Ballots are read by [`super::pairwise::ranked_level_key`]: equal rankings are allowed, skipped
//! ranks are ignored, and unranked candidates are below every ranked one (`implicit`, the
//! default) or not compared at all (`explicit`), per [`super::PairwiseOptions`].
//!
//! Every method reports the full matrix (`pairwise`) and the Condorcet winner if there is one.
//! `counts` holds, for Schulze and ranked pairs, the number of candidates ranked strictly below
//! the candidate; for Copeland, the Copeland score (2 per pairwise win, 1 per pairwise tie).

use super::election::{Election, Strength};
use super::merge::{rank_tiers, Outcome};
use super::pairwise::{cell_index, PairwiseMatrix};
use super::ranking::{rank_with_rule, TieRule};
use super::result::{Tie, TieResolution};

/// Schulze: strongest paths by widest-path search, then tiers of candidates that no remaining
/// candidate beats (`p[y][x] > p[x][y]`).
pub(crate) fn schulze(election: &Election, ids: &[&str], matrix: PairwiseMatrix) -> Outcome {
    let strength = election.pairwise.unwrap_or_default().strength;
    let n = matrix.len();
    let mut paths = vec![0u64; n.saturating_mul(n)];
    for x in 0..n {
        for y in 0..n {
            let (dxy, dyx) = (matrix.get(x, y), matrix.get(y, x));
            if x != y && dxy > dyx {
                if let Some(cell) = paths.get_mut(cell_index(n, x, y)) {
                    *cell = match strength {
                        Strength::Winning => dxy,
                        Strength::Margin => dxy.saturating_sub(dyx), // dxy > dyx
                    };
                }
            }
        }
    }
    let at =
        |paths: &[u64], x: usize, y: usize| paths.get(cell_index(n, x, y)).copied().unwrap_or(0);
    for i in 0..n {
        for j in 0..n {
            if i == j || at(&paths, j, i) == 0 {
                continue;
            }
            for k in 0..n {
                if k == i || k == j {
                    continue;
                }
                let via = at(&paths, j, i).min(at(&paths, i, k));
                if let Some(cell) = paths.get_mut(cell_index(n, j, k)) {
                    if via > *cell {
                        *cell = via;
                    }
                }
            }
        }
    }
    let beats = |x: usize, y: usize| at(&paths, x, y) > at(&paths, y, x);
    let tiers = undominated_tiers(n, beats);
    let ranked = rank_tiers(ids, &tiers, None, election);
    let counts = below_counts(n, &tiers);
    let mut outcome = Outcome::new(ranked, counts);
    outcome.condorcet_winner = matrix.condorcet_winner();
    outcome.strongest_paths = Some(paths);
    outcome.pairwise = Some(matrix);
    outcome
}

/// A majority `x` over `y` with its sort key (strength, then smaller opposition).
type Majority = ((u64, std::cmp::Reverse<u64>), usize, usize);

/// Ranked pairs (Tideman): majorities are locked from the strongest down unless they close a
/// cycle. Majorities of equal strength that conflict are a tie: with a lot, they are taken in
/// the lot order of their winners (then the reverse lot order of their losers); without one,
/// from there on only the majorities that every resolution would lock are locked, so the
/// ranking keeps only what is certain (a Condorcet winner still wins).
pub(crate) fn ranked_pairs(election: &Election, ids: &[&str], matrix: PairwiseMatrix) -> Outcome {
    let strength = election.pairwise.unwrap_or_default().strength;
    let n = matrix.len();
    // (key, x, y): key sorts descending by strength.
    let mut majorities: Vec<Majority> = Vec::new();
    for x in 0..n {
        for y in 0..n {
            let (dxy, dyx) = (matrix.get(x, y), matrix.get(y, x));
            if x != y && dxy > dyx {
                let key = match strength {
                    Strength::Winning => (dxy, std::cmp::Reverse(dyx)),
                    Strength::Margin => (dxy.saturating_sub(dyx), std::cmp::Reverse(0)), // dxy > dyx
                };
                majorities.push((key, x, y));
            }
        }
    }
    crate::sort::sort_by(&mut majorities, |a, b| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    });
    let rule = TieRule::new(election, ids);
    let mut locked = vec![false; n.saturating_mul(n)];
    // Every majority met so far: an upper bound of what any tie resolution can have locked.
    let mut upper = vec![false; n.saturating_mul(n)];
    let mut certain_only = false;
    let mut ties = Vec::new();
    for group in majorities.chunk_by(|a, b| a.0 == b.0) {
        for &(_, x, y) in group {
            if let Some(cell) = upper.get_mut(cell_index(n, x, y)) {
                *cell = true;
            }
        }
        if certain_only {
            lock_certain(&mut locked, &upper, n, group);
            continue;
        }
        let open: Vec<(usize, usize)> = group
            .iter()
            .map(|&(_, x, y)| (x, y))
            .filter(|&(x, y)| !reaches(&locked, n, y, x))
            .collect();
        let mut trial = locked.clone();
        for &(x, y) in &open {
            if let Some(cell) = trial.get_mut(cell_index(n, x, y)) {
                *cell = true;
            }
        }
        if is_acyclic(&trial, n) {
            locked = trial;
            continue;
        }
        let mut involved: Vec<usize> = open.iter().flat_map(|&(x, y)| [x, y]).collect();
        crate::sort::sort(&mut involved);
        involved.dedup();
        let candidates: Vec<String> = involved
            .iter()
            .filter_map(|&c| ids.get(c).map(|id| (*id).to_owned()))
            .collect();
        let votes = group.first().map_or(0, |g| g.0 .0);
        match &rule.position {
            Some(position) => {
                let pos = |c: usize| position.get(c).copied().unwrap_or(usize::MAX);
                let mut ordered = open.clone();
                crate::sort::sort_by_key(&mut ordered, |&(x, y)| {
                    (pos(x), std::cmp::Reverse(pos(y)))
                });
                for (x, y) in ordered {
                    if !reaches(&locked, n, y, x) {
                        if let Some(cell) = locked.get_mut(cell_index(n, x, y)) {
                            *cell = true;
                        }
                    }
                }
                let mut order = involved.clone();
                crate::sort::sort_by_key(&mut order, |&c| pos(c));
                ties.push(Tie {
                    candidates,
                    votes,
                    seats_at_stake: 0,
                    resolution: rule.resolution(&order, ids),
                });
            }
            None => {
                ties.push(Tie {
                    candidates,
                    votes,
                    seats_at_stake: 0,
                    resolution: TieResolution::Unresolved,
                });
                certain_only = true;
                lock_certain(&mut locked, &upper, n, group);
            }
        }
    }
    let tiers = undominated_tiers(n, |x, y| {
        locked.get(cell_index(n, x, y)).copied().unwrap_or(false)
    });
    let mut ranked = rank_tiers(ids, &tiers, None, election);
    ties.append(&mut ranked.ties);
    ranked.ties = ties;
    let counts = below_counts(n, &tiers);
    let mut outcome = Outcome::new(ranked, counts);
    outcome.condorcet_winner = matrix.condorcet_winner();
    outcome.pairwise = Some(matrix);
    outcome
}

/// Copeland: 2 points per pairwise win and 1 per pairwise tie; highest score first.
pub(crate) fn copeland(election: &Election, ids: &[&str], matrix: PairwiseMatrix) -> Outcome {
    let n = matrix.len();
    let scores: Vec<u64> = (0..n)
        .map(|x| {
            (0..n)
                .filter(|&y| y != x)
                .map(|y| match matrix.get(x, y).cmp(&matrix.get(y, x)) {
                    std::cmp::Ordering::Greater => 2,
                    std::cmp::Ordering::Equal => 1,
                    std::cmp::Ordering::Less => 0,
                })
                .sum()
        })
        .collect();
    let ranked = rank_with_rule(ids, &scores, election.seats, &TieRule::new(election, ids));
    let mut outcome = Outcome::new(ranked, scores);
    outcome.condorcet_winner = matrix.condorcet_winner();
    outcome.pairwise = Some(matrix);
    outcome
}

/// Tiers of a strict partial order given by `beats`: each tier is every remaining candidate
/// that no remaining candidate beats.
pub(crate) fn undominated_tiers(n: usize, beats: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    let mut remaining: Vec<usize> = (0..n).collect();
    let mut tiers = Vec::new();
    while !remaining.is_empty() {
        let mut tier: Vec<usize> = remaining
            .iter()
            .copied()
            .filter(|&x| !remaining.iter().any(|&y| y != x && beats(y, x)))
            .collect();
        if tier.is_empty() {
            tier = remaining.clone();
        }
        remaining.retain(|c| !tier.contains(c));
        tiers.push(tier);
    }
    tiers
}

/// For each candidate, how many candidates are in strictly lower tiers.
pub(crate) fn below_counts(n: usize, tiers: &[Vec<usize>]) -> Vec<u64> {
    let mut counts = vec![0u64; n];
    let mut above = 0usize;
    for tier in tiers {
        above = above.saturating_add(tier.len());
        for &c in tier {
            if let Some(count) = counts.get_mut(c) {
                *count = u64::try_from(n.saturating_sub(above)).unwrap_or(0);
            }
        }
    }
    counts
}

/// After an unresolved conflict: locks only the majorities that every resolution locks, those
/// whose loser cannot reach their winner even through every majority met so far.
fn lock_certain(locked: &mut [bool], upper: &[bool], n: usize, group: &[Majority]) {
    for &(_, x, y) in group {
        if !reaches(upper, n, y, x) {
            if let Some(cell) = locked.get_mut(cell_index(n, x, y)) {
                *cell = true;
            }
        }
    }
}

/// True when `to` is reachable from `from` along locked edges.
fn reaches(locked: &[bool], n: usize, from: usize, to: usize) -> bool {
    let mut seen = vec![false; n];
    let mut stack = vec![from];
    while let Some(x) = stack.pop() {
        if x == to {
            return true;
        }
        if std::mem::replace(seen.get_mut(x).unwrap_or(&mut true), true) {
            continue;
        }
        for y in 0..n {
            if locked.get(cell_index(n, x, y)).copied().unwrap_or(false) {
                stack.push(y);
            }
        }
    }
    false
}

/// True when the locked graph has no cycle.
fn is_acyclic(locked: &[bool], n: usize) -> bool {
    let mut indegree = vec![0usize; n];
    for x in 0..n {
        for y in 0..n {
            if locked.get(cell_index(n, x, y)).copied().unwrap_or(false) {
                if let Some(d) = indegree.get_mut(y) {
                    *d = d.saturating_add(1); // at most n
                }
            }
        }
    }
    let mut stack: Vec<usize> = (0..n).filter(|&x| indegree.get(x) == Some(&0)).collect();
    let mut removed = 0usize;
    while let Some(x) = stack.pop() {
        removed = removed.saturating_add(1); // each candidate once: at most n
        for y in 0..n {
            if locked.get(cell_index(n, x, y)).copied().unwrap_or(false) {
                // Each edge into `y` is taken once, so `d` never goes below 0.
                if let Some(d) = indegree.get_mut(y) {
                    if let Some(left) = d.checked_sub(1) {
                        *d = left;
                        if left == 0 {
                            stack.push(y);
                        }
                    }
                }
            }
        }
    }
    removed == n
}
