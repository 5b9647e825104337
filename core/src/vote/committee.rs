//! Approval-based committee methods: SAV, PAV, SLAV, geometric (p = 2), Chamberlin–Courant
//! (exhaustive), sequential PAV, SLAV and CC, reverse sequential PAV, and sequential Phragmén.
//!
//! All scores and loads are exact rationals. The exhaustive rules compare every committee of
//! `seats` candidates and refuse (`too_large`) when `C(n, seats)` times the number of distinct
//! approval sets exceeds [`MAX_COMMITTEE_WORK`].
//!
//! Ties: [`optimal_committees`] returns every tied committee (for the sequential rules, every
//! committee some tie-breaking reaches). In a count, a single such committee wins outright;
//! a sequential rule's tied step on the way to it is recorded as `no_effect` (every way of
//! breaking it reaches that committee; `branches` counts the ways), and never drawn.
//! Several are a tie: `tie_break` (order, then lot) picks one — for the exhaustive rules the
//! committee whose members, taken in tie-break order, come first; for the sequential rules the
//! favoured candidate at each tied step — and without a tie-break only the candidates in every
//! tied committee are declared elected (`complete: false`). `counts` are approval totals.
//!
//! Winners are listed in order of election for the sequential rules; for reverse sequential
//! PAV and the exhaustive rules, by approval total, then candidate order. `ranking` is each
//! winner as its own tier, then (when incomplete) the contested candidates as one tier, then
//! the others grouped by approval total; these lower groups are not recorded in `ties`.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};
use std::collections::{BTreeMap, BTreeSet};

use super::election::{Election, Method};
use super::error::TallyError;
use super::merge::{Aggregate, Outcome};
use super::ranking::Ranked;
use super::ranking::TieRule;
use super::result::{Tie, TieResolution};

/// Most work (committees compared × distinct approval sets, or search steps) allowed.
pub const MAX_COMMITTEE_WORK: u64 = 20_000_000;

/// Most members, summed over the committees tied for the best score, that an exhaustive
/// rule keeps (8 MB): without ballots, or with ballots that do not separate the candidates,
/// every committee ties, and `C(29, 20)` of them would need gigabytes. Past it the count is
/// `too_large`.
pub const MAX_TIED_COMMITTEE_MEMBERS: usize = 1_000_000;

/// An approval-based committee rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CommitteeRule {
    /// Approval voting: committees with the most approvals in total.
    Av,
    /// Satisfaction approval voting: maximise Σ |A∩W| / |A|.
    Sav,
    /// Proportional approval voting: maximise Σ (1 + 1/2 + … + 1/|A∩W|).
    Pav,
    /// Chamberlin–Courant: maximise the voters with at least one approved member.
    Cc,
    /// Sequential PAV.
    SeqPav,
    /// Sequential CC.
    SeqCc,
    /// Reverse sequential PAV.
    RevSeqPav,
    /// Sequential Phragmén.
    SeqPhragmen,
    /// Sainte-Laguë approval voting: Thiele weights 1, 1/3, 1/5, ….
    Slav,
    /// Sequential SLAV.
    SeqSlav,
    /// Geometric Thiele rule, p = 2: weights 1, 1/2, 1/4, ….
    Geom2,
}

impl CommitteeRule {
    /// The rule of a committee method (`approval` is AV).
    pub fn of(method: Method) -> Option<Self> {
        Some(match method {
            Method::Approval => CommitteeRule::Av,
            Method::Sav => CommitteeRule::Sav,
            Method::Pav => CommitteeRule::Pav,
            Method::Cc => CommitteeRule::Cc,
            Method::SeqPav => CommitteeRule::SeqPav,
            Method::SeqCc => CommitteeRule::SeqCc,
            Method::RevSeqPav => CommitteeRule::RevSeqPav,
            Method::SeqPhragmen => CommitteeRule::SeqPhragmen,
            Method::Slav => CommitteeRule::Slav,
            Method::SeqSlav => CommitteeRule::SeqSlav,
            Method::Geom2 => CommitteeRule::Geom2,
            _ => return None,
        })
    }
}

fn too_large() -> TallyError {
    TallyError::TooLarge {
        path: "election.seats".to_owned(),
        what: "committee search",
        limit: MAX_COMMITTEE_WORK,
    }
}

fn int(value: u64) -> BigRational {
    BigRational::from_integer(BigInt::from(value))
}

/// Thiele weight of the `j`-th approved member (1-based).
fn thiele_weight(rule: CommitteeRule, j: usize) -> BigRational {
    match rule {
        CommitteeRule::Pav | CommitteeRule::SeqPav | CommitteeRule::RevSeqPav => BigRational::new(
            BigInt::one(),
            BigInt::from(u64::try_from(j).unwrap_or(u64::MAX)),
        ),
        CommitteeRule::Slav | CommitteeRule::SeqSlav => BigRational::new(
            BigInt::one(),
            BigInt::from(u64::try_from(j).unwrap_or(u64::MAX)) * 2 - 1,
        ),
        CommitteeRule::Geom2 => BigRational::new(
            BigInt::one(),
            BigInt::from(2u8).pow(u32::try_from(j.saturating_sub(1)).unwrap_or(u32::MAX)),
        ),
        CommitteeRule::Cc | CommitteeRule::SeqCc => {
            if j == 1 {
                BigRational::one()
            } else {
                BigRational::zero()
            }
        }
        _ => BigRational::one(),
    }
}

type Profile = [(Vec<usize>, u64)];

/// `prefix[j]`: the Thiele score of a voter with `j` approved members (`j` up to `k`).
fn thiele_prefix(rule: CommitteeRule, k: usize) -> Vec<BigRational> {
    let mut prefix = Vec::with_capacity(k.saturating_add(1));
    let mut f = BigRational::zero();
    prefix.push(f.clone());
    for j in 1..=k {
        f += thiele_weight(rule, j);
        prefix.push(f.clone());
    }
    prefix
}

/// Score of a committee (`member[c]` true for members) under an exhaustive rule.
fn committee_score(
    rule: CommitteeRule,
    profile: &Profile,
    member: &[bool],
    prefix: &[BigRational],
) -> BigRational {
    let k = prefix.len().saturating_sub(1);
    // by_hits[j]: weight of voters with j approved members; by_size[s]: Σ w·hits for |A| = s.
    // Weights add up to at most 2^64 - 1 (`count_overflow` otherwise) and `hits` is at most
    // the number of candidates, so no sum reaches 2^128: the saturating sums are exact.
    let mut by_hits = vec![0u128; k.saturating_add(1)];
    let mut by_size: BTreeMap<usize, u128> = BTreeMap::new();
    for (set, weight) in profile {
        let hits = set
            .iter()
            .filter(|&&c| member.get(c) == Some(&true))
            .count();
        if rule == CommitteeRule::Sav {
            let sum = by_size.entry(set.len()).or_insert(0);
            *sum = sum.saturating_add(u128::from(*weight).saturating_mul(hits as u128));
        } else if let Some(slot) = by_hits.get_mut(hits.min(k)) {
            *slot = slot.saturating_add(u128::from(*weight));
        }
    }
    if rule == CommitteeRule::Sav {
        return by_size
            .iter()
            .filter(|(size, total)| **size > 0 && **total > 0)
            .map(|(size, total)| BigRational::new(BigInt::from(*total), BigInt::from(*size as u64)))
            .fold(BigRational::zero(), |a, b| a + b);
    }
    let mut score = BigRational::zero();
    for (total, f) in by_hits.iter().zip(prefix) {
        if *total > 0 && !f.is_zero() {
            score += f * BigRational::from_integer(BigInt::from(*total));
        }
    }
    score
}

fn binomial(n: usize, k: usize) -> u64 {
    let mut result: u64 = 1;
    for i in 0..k.min(n.saturating_sub(k)) {
        // i < n: the factor is n - i.
        let Some(next) = result.checked_mul(n.saturating_sub(i) as u64) else {
            return u64::MAX;
        };
        // C(n, i) × (n - i) is divisible by i + 1 (which is at least 1).
        result = next
            .checked_div((i as u64).saturating_add(1))
            .unwrap_or(u64::MAX);
    }
    result
}

/// Every optimal committee of an exhaustive rule, each sorted, in lexicographic order.
fn exhaustive(
    rule: CommitteeRule,
    n: usize,
    profile: &Profile,
    k: usize,
) -> Result<Vec<Vec<usize>>, TallyError> {
    let work = binomial(n, k).saturating_mul((profile.len() as u64).saturating_add(1));
    if work > MAX_COMMITTEE_WORK {
        return Err(too_large());
    }
    let mut best: Option<BigRational> = None;
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut combo: Vec<usize> = (0..k).collect();
    let mut member = vec![false; n];
    let prefix = thiele_prefix(rule, k);
    loop {
        member.iter_mut().for_each(|m| *m = false);
        for &c in &combo {
            if let Some(m) = member.get_mut(c) {
                *m = true;
            }
        }
        let score = committee_score(rule, profile, &member, &prefix);
        match best.as_ref().map(|b| score.cmp(b)) {
            None | Some(std::cmp::Ordering::Greater) => {
                best = Some(score);
                found = vec![combo.clone()];
            }
            Some(std::cmp::Ordering::Equal) => {
                if found.len().saturating_add(1).saturating_mul(k) > MAX_TIED_COMMITTEE_MEMBERS {
                    return Err(TallyError::TooLarge {
                        path: "election.seats".to_owned(),
                        what: "members of the committees tied for the best score",
                        limit: MAX_TIED_COMMITTEE_MEMBERS as u64,
                    });
                }
                found.push(combo.clone());
            }
            Some(std::cmp::Ordering::Less) => {}
        }
        // Next combination (k <= n: every value below stays at most n).
        let mut i = k;
        loop {
            let Some(before) = i.checked_sub(1) else {
                return Ok(found);
            };
            i = before;
            if combo.get(i).copied().unwrap_or(n) < n.saturating_sub(k).saturating_add(i) {
                break;
            }
        }
        if let Some(c) = combo.get_mut(i) {
            *c = c.saturating_add(1);
        }
        let base = combo.get(i).copied().unwrap_or(0);
        for (offset, c) in combo.iter_mut().enumerate().skip(i.saturating_add(1)) {
            *c = base.saturating_add(offset.saturating_sub(i)); // offset > i
        }
    }
}

/// The candidates tied for the next step of a sequential rule given the current committee
/// (`member`), and per-set loads for Phragmén.
fn sequential_step(
    rule: CommitteeRule,
    n: usize,
    profile: &Profile,
    member: &[bool],
    loads: &[BigRational],
) -> Vec<usize> {
    let hits = |set: &Vec<usize>| {
        set.iter()
            .filter(|&&c| member.get(c) == Some(&true))
            .count()
    };
    // Key: larger is better.
    let mut best: Option<BigRational> = None;
    let mut tied = Vec::new();
    for c in 0..n {
        let inside = member.get(c) == Some(&true);
        let removing = rule == CommitteeRule::RevSeqPav;
        if inside != removing {
            continue;
        }
        let key = match rule {
            CommitteeRule::SeqPhragmen => {
                let mut support = 0u128;
                let mut load = BigRational::zero();
                for ((set, weight), set_load) in profile.iter().zip(loads) {
                    if set.contains(&c) {
                        // At most the total weight, below 2^64: exact.
                        support = support.saturating_add(u128::from(*weight));
                        load += set_load.clone() * int(*weight);
                    }
                }
                if support == 0 {
                    // Unsupported: after every supported candidate, tied with each other.
                    -int(u64::MAX) * int(u64::MAX)
                } else {
                    -((load + BigRational::one())
                        / BigRational::from_integer(BigInt::from(support)))
                }
            }
            _ => {
                // Σ over voters approving c of the weight of their next (or last) member.
                let reverse = rule == CommitteeRule::RevSeqPav;
                let mut by_hits: BTreeMap<usize, u128> = BTreeMap::new();
                for (set, weight) in profile {
                    if set.contains(&c) {
                        let j = if reverse {
                            hits(set)
                        } else {
                            hits(set).saturating_add(1)
                        };
                        // At most the total weight, below 2^64: exact.
                        let sum = by_hits.entry(j).or_insert(0);
                        *sum = sum.saturating_add(u128::from(*weight));
                    }
                }
                let total = by_hits
                    .into_iter()
                    .map(|(j, w)| {
                        thiele_weight(rule, j) * BigRational::from_integer(BigInt::from(w))
                    })
                    .fold(BigRational::zero(), |a, b| a + b);
                if reverse {
                    -total
                } else {
                    total
                }
            }
        };
        match best.as_ref().map(|b| key.cmp(b)) {
            None | Some(std::cmp::Ordering::Greater) => {
                best = Some(key);
                tied = vec![c];
            }
            Some(std::cmp::Ordering::Equal) => tied.push(c),
            Some(std::cmp::Ordering::Less) => {}
        }
    }
    tied
}

/// State of a sequential run.
#[derive(Clone)]
struct Run {
    member: Vec<bool>,
    order: Vec<usize>,
    loads: Vec<BigRational>,
}

impl Run {
    fn start(rule: CommitteeRule, n: usize, profile: &Profile) -> Self {
        let reverse = rule == CommitteeRule::RevSeqPav;
        Run {
            member: vec![reverse; n],
            order: Vec::new(),
            loads: vec![BigRational::zero(); profile.len()],
        }
    }

    fn size(&self) -> usize {
        self.member.iter().filter(|m| **m).count()
    }

    fn done(&self, rule: CommitteeRule, k: usize) -> bool {
        if rule == CommitteeRule::RevSeqPav {
            self.size() <= k
        } else {
            self.size() >= k
        }
    }

    fn apply(&mut self, rule: CommitteeRule, profile: &Profile, c: usize) {
        if rule == CommitteeRule::SeqPhragmen {
            let mut support = 0u128;
            let mut load = BigRational::zero();
            for ((set, weight), set_load) in profile.iter().zip(&self.loads) {
                if set.contains(&c) {
                    // At most the total weight, below 2^64: exact.
                    support = support.saturating_add(u128::from(*weight));
                    load += set_load.clone() * int(*weight);
                }
            }
            if support > 0 {
                let new =
                    (load + BigRational::one()) / BigRational::from_integer(BigInt::from(support));
                for ((set, _), set_load) in profile.iter().zip(self.loads.iter_mut()) {
                    if set.contains(&c) {
                        *set_load = new.clone();
                    }
                }
            }
        }
        if let Some(m) = self.member.get_mut(c) {
            *m = rule != CommitteeRule::RevSeqPav;
        }
        self.order.push(c);
    }

    fn committee(&self) -> Vec<usize> {
        (0..self.member.len())
            .filter(|&c| self.member.get(c) == Some(&true))
            .collect()
    }
}

/// Every committee a sequential rule reaches under some tie-breaking.
fn sequential_all(
    rule: CommitteeRule,
    n: usize,
    profile: &Profile,
    k: usize,
) -> Result<Vec<Vec<usize>>, TallyError> {
    let mut found: BTreeSet<Vec<usize>> = BTreeSet::new();
    let mut seen: BTreeSet<(Vec<usize>, Vec<BigRational>)> = BTreeSet::new();
    let mut stack = vec![Run::start(rule, n, profile)];
    let mut work = 0u64;
    while let Some(run) = stack.pop() {
        if run.done(rule, k) {
            found.insert(run.committee());
            continue;
        }
        // The next steps depend only on the current set (and, for Phragmén, the loads).
        let loads = if rule == CommitteeRule::SeqPhragmen {
            run.loads.clone()
        } else {
            Vec::new()
        };
        if !seen.insert((run.committee(), loads)) {
            continue;
        }
        work = work
            .saturating_add((n as u64).saturating_mul((profile.len() as u64).saturating_add(1)));
        if work > MAX_COMMITTEE_WORK {
            return Err(too_large());
        }
        for c in sequential_step(rule, n, profile, &run.member, &run.loads) {
            let mut next = run.clone();
            next.apply(rule, profile, c);
            stack.push(next);
        }
    }
    Ok(found.into_iter().collect())
}

/// The number of ways (sequences of tied picks) a sequential rule completes the committee
/// from `run`, memoised on the state (the committee and, for Phragmén, the loads).
fn completions(
    rule: CommitteeRule,
    n: usize,
    profile: &Profile,
    k: usize,
    run: &Run,
    memo: &mut BTreeMap<(Vec<usize>, Vec<BigRational>), u64>,
) -> u64 {
    if run.done(rule, k) {
        return 1;
    }
    let loads = if rule == CommitteeRule::SeqPhragmen {
        run.loads.clone()
    } else {
        Vec::new()
    };
    let key = (run.committee(), loads);
    if let Some(&known) = memo.get(&key) {
        return known;
    }
    let mut total = 0u64;
    for c in sequential_step(rule, n, profile, &run.member, &run.loads) {
        let mut next = run.clone();
        next.apply(rule, profile, c);
        total = total.saturating_add(completions(rule, n, profile, k, &next, memo));
    }
    memo.insert(key, total);
    total
}

/// Every winning committee of `rule` (irresolute): each committee sorted, the list sorted.
///
/// `profile` lists approval sets (candidate indices below `n`) with their weights; `k` is the
/// committee size. Errors with `too_large` past [`MAX_COMMITTEE_WORK`].
pub fn optimal_committees(
    rule: CommitteeRule,
    n: usize,
    profile: &[(Vec<usize>, u64)],
    k: usize,
) -> Result<Vec<Vec<usize>>, TallyError> {
    if k > n {
        return Err(too_large());
    }
    let profile: Vec<(Vec<usize>, u64)> = profile
        .iter()
        .map(|(set, w)| {
            let mut set: Vec<usize> = set.iter().copied().filter(|&c| c < n).collect();
            crate::sort::sort(&mut set);
            set.dedup();
            (set, *w)
        })
        .collect();
    match rule {
        CommitteeRule::Av
        | CommitteeRule::Sav
        | CommitteeRule::Pav
        | CommitteeRule::Cc
        | CommitteeRule::Slav
        | CommitteeRule::Geom2 => exhaustive(rule, n, &profile, k),
        _ => sequential_all(rule, n, &profile, k),
    }
}

/// Finds the committee of a committee method from the summed approval profile.
pub(crate) fn finish(
    election: &Election,
    ids: &[&str],
    aggregate: Aggregate,
) -> Result<Outcome, TallyError> {
    let n = ids.len();
    let k = usize::try_from(election.seats).unwrap_or(usize::MAX);
    let rule = CommitteeRule::of(election.method).unwrap_or(CommitteeRule::Av);
    let profile: Vec<(Vec<usize>, u64)> =
        aggregate.profile.unwrap_or_default().into_iter().collect();
    let mut approvals = vec![0u64; n];
    for (set, weight) in &profile {
        for &c in set {
            if let Some(total) = approvals.get_mut(c) {
                *total = total.saturating_add(*weight);
            }
        }
    }
    let tie_rule = TieRule::new(election, ids);
    let all = optimal_committees(rule, n, &profile, k)?;
    let id = |c: usize| ids.get(c).map(|s| (*s).to_owned()).unwrap_or_default();
    let sequential = !matches!(
        rule,
        CommitteeRule::Av
            | CommitteeRule::Sav
            | CommitteeRule::Pav
            | CommitteeRule::Cc
            | CommitteeRule::Slav
            | CommitteeRule::Geom2
    );
    let mut ties = Vec::new();
    let in_all: Vec<usize> = (0..n)
        .filter(|c| all.iter().all(|w| w.contains(c)))
        .collect();
    let contested: Vec<usize> = (0..n)
        .filter(|c| !in_all.contains(c) && all.iter().any(|w| w.contains(c)))
        .collect();
    let decided = all.len() <= 1 || tie_rule.decides(&contested);
    // The chosen committee, in the order it is reported.
    let chosen: Vec<usize> = if sequential {
        // Follow the rule, breaking each tied step by priority (index order when no rule: the
        // set is then the same whichever way, or the tie is reported below).
        let mut run = Run::start(rule, n, &profile);
        let mut memo = BTreeMap::new();
        while !run.done(rule, k) {
            let mut tied = sequential_step(rule, n, &profile, &run.member, &run.loads);
            if tied.is_empty() {
                break;
            }
            let reverse = rule == CommitteeRule::RevSeqPav;
            if tied.len() > 1 && all.len() == 1 {
                // Every way of breaking it reaches the one committee: no draw is needed.
                let branches: u64 = tied
                    .iter()
                    .map(|&c| {
                        let mut next = run.clone();
                        next.apply(rule, &profile, c);
                        completions(rule, n, &profile, k, &next, &mut memo)
                    })
                    .fold(0u64, u64::saturating_add);
                let mut listed = tied.clone();
                crate::sort::sort(&mut listed);
                ties.push(Tie {
                    candidates: listed.iter().map(|&c| id(c)).collect(),
                    votes: 0,
                    seats_at_stake: 1,
                    resolution: TieResolution::NoEffect {
                        order: listed.iter().map(|&c| id(c)).collect(),
                        branches: u32::try_from(branches).unwrap_or(u32::MAX),
                    },
                });
                tied = listed;
            }
            if tied.len() > 1 && decided && all.len() > 1 {
                crate::sort::sort_by_key(&mut tied, |&c| tie_rule.key(c));
                if reverse {
                    tied.reverse();
                }
                ties.push(Tie {
                    candidates: {
                        let mut sorted = tied.clone();
                        crate::sort::sort(&mut sorted);
                        sorted.into_iter().map(id).collect()
                    },
                    votes: 0,
                    seats_at_stake: 1,
                    resolution: tie_rule.resolution(&tied, ids),
                });
            }
            let pick = tied.first().copied().unwrap_or(0);
            run.apply(rule, &profile, pick);
        }
        if rule == CommitteeRule::RevSeqPav {
            // Removal order reversed is the order of strength; remaining members first.
            let mut order = run.committee();
            crate::sort::sort_by_key(&mut order, |&c| {
                (std::cmp::Reverse(approvals.get(c).copied().unwrap_or(0)), c)
            });
            order
        } else {
            run.order
        }
    } else {
        let mut best: Option<Vec<usize>> = all.first().cloned();
        if all.len() > 1 && decided {
            let key = |w: &Vec<usize>| {
                let mut keys: Vec<usize> = w.iter().map(|&c| tie_rule.key(c)).collect();
                crate::sort::sort(&mut keys);
                keys
            };
            best = all.iter().min_by_key(|w| key(w)).cloned();
            let mut order = contested.clone();
            crate::sort::sort_by_key(&mut order, |&c| tie_rule.key(c));
            ties.push(Tie {
                candidates: contested.iter().map(|&c| id(c)).collect(),
                votes: 0,
                seats_at_stake: u32::try_from(k.saturating_sub(in_all.len())).unwrap_or(u32::MAX),
                resolution: tie_rule.resolution(&order, ids),
            });
        }
        let mut order = best.unwrap_or_default();
        crate::sort::sort_by_key(&mut order, |&c| {
            (std::cmp::Reverse(approvals.get(c).copied().unwrap_or(0)), c)
        });
        order
    };
    let (winners, complete): (Vec<usize>, bool) = if decided {
        (chosen, true)
    } else {
        ties.push(Tie {
            candidates: contested.iter().map(|&c| id(c)).collect(),
            votes: 0,
            seats_at_stake: u32::try_from(k.saturating_sub(in_all.len())).unwrap_or(u32::MAX),
            resolution: TieResolution::Unresolved,
        });
        (
            chosen.into_iter().filter(|c| in_all.contains(c)).collect(),
            false,
        )
    };
    let mut ranking: Vec<Vec<String>> = winners.iter().map(|&c| vec![id(c)]).collect();
    if !complete {
        ranking.push(contested.iter().map(|&c| id(c)).collect());
    }
    let mut rest: Vec<usize> = (0..n)
        .filter(|c| !winners.contains(c) && (complete || !contested.contains(c)))
        .collect();
    crate::sort::sort_by_key(&mut rest, |&c| {
        (std::cmp::Reverse(approvals.get(c).copied().unwrap_or(0)), c)
    });
    for tier in rest.chunk_by(|&a, &b| approvals.get(a) == approvals.get(b)) {
        ranking.push(tier.iter().map(|&c| id(c)).collect());
    }
    let ranked = Ranked {
        winners: winners.into_iter().map(id).collect(),
        ranking,
        ties,
        complete,
    };
    Ok(Outcome::new(ranked, approvals))
}
