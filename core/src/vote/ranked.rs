//! Reading ranked ballots for the elimination methods (`irv`, `stv`).
//!
//! Each valid ballot is compiled once into a compact list of [`Step`]s that already applies
//! the static ballot rules (skipped ranks, repeated rankings, overvotes), in RCTab's order:
//! for each marked rank from the first, (1) too many skipped ranks before it exhausts the
//! ballot, (2) with `duplicate: "exhaust"` a candidate marked again exhausts it, (3) an
//! overvote exhausts it, is skipped, or (under `exhaust_if_multiple_continuing`) is decided
//! in each round. Identical compiled ballots are grouped, so a count touches each distinct
//! ballot once per round.

use std::collections::HashMap;

use super::ballot::{Ballot, BallotChecker, RejectionCode};
use super::election::Election;
use super::error::TallyError;
use super::irv::{DuplicateRule, OvervoteRule};
use super::profile::Profile;
use super::result::{BallotSummary, Rejection};
use crate::error::FieldPath;

/// Most rank positions one ballot may have.
pub const MAX_RANK_POSITIONS: usize = 10_000;
/// Most candidates an elimination count (`irv`, `stv`) may have: its audit holds one tally
/// per candidate per round, so its size grows as the square of this.
pub const MAX_ELIMINATION_CANDIDATES: usize = 1_000;

/// Why a ballot stopped counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Cause {
    Overvote = 0,
    SkippedRanks = 1,
    RepeatedRanking = 2,
    Exhausted = 3,
    Undervote = 4,
}

/// Number of [`Cause`]s.
pub(crate) const CAUSES: usize = 5;

/// One step of a compiled ballot.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Step {
    /// A rank marking one candidate: counts for it if continuing, else read on.
    One(u32),
    /// An overvote under `exhaust_if_multiple_continuing`: counts for the only continuing
    /// candidate, exhausts the ballot when several continue, else read on.
    Any(Box<[u32]>),
    /// The ballot stops here, for this cause.
    End(Cause),
}

/// The static rules used to compile ballots.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ReadRules {
    pub overvote: OvervoteRule,
    pub max_skipped_ranks: Option<u32>,
    pub duplicate: DuplicateRule,
    pub max_rankings: Option<u32>,
    /// Whether the groups must come in canonical (sorted) order; when false, their order is
    /// unspecified (deterministic, but not sorted).
    pub canonical_order: bool,
}

/// Compiles one ballot's marked ranks into `steps` (cleared first). Each rank is
/// `(rank number from 1, start, end)`: its candidates are `marks[start..end]`.
pub(crate) fn compile(
    ranks: &[(u32, usize, usize)],
    marks: &[u32],
    rules: &ReadRules,
    steps: &mut Vec<Step>,
) {
    steps.clear();
    let Some(&(max_rank, _, _)) = ranks.last() else {
        steps.push(Step::End(Cause::Undervote));
        return;
    };
    let mut last_rank = 0u32;
    for &(rank, start, end) in ranks {
        let candidates = marks.get(start..end).unwrap_or(&[]);
        if let Some(max_skip) = rules.max_skipped_ranks {
            if u64::from(rank) - u64::from(last_rank) > u64::from(max_skip) + 1 {
                steps.push(Step::End(Cause::SkippedRanks));
                return;
            }
        }
        last_rank = rank;
        if rules.duplicate == DuplicateRule::Exhaust {
            let before = marks.get(..start).unwrap_or(&[]);
            for (i, candidate) in candidates.iter().enumerate() {
                let earlier = candidates.get(..i).unwrap_or(&[]);
                if before.contains(candidate) || earlier.contains(candidate) {
                    steps.push(Step::End(Cause::RepeatedRanking));
                    return;
                }
            }
        }
        match candidates {
            [] => {}
            [one] => steps.push(Step::One(*one)),
            several => match rules.overvote {
                OvervoteRule::Exhaust => {
                    steps.push(Step::End(Cause::Overvote));
                    return;
                }
                OvervoteRule::SkipToNext => {
                    if rank == max_rank {
                        steps.push(Step::End(Cause::Exhausted));
                        return;
                    }
                }
                OvervoteRule::ExhaustIfMultipleContinuing => {
                    let mut distinct = several.to_vec();
                    distinct.sort_unstable();
                    distinct.dedup();
                    if let [one] = distinct.as_slice() {
                        steps.push(Step::One(*one));
                    } else {
                        steps.push(Step::Any(distinct.into_boxed_slice()));
                    }
                }
            },
        }
    }
    // Out of rankings: RCTab calls it an undervote when the ballot stopped ranking with more
    // than `max_skipped_ranks` of the `max_rankings` ranks left blank.
    let undervote = match (rules.max_skipped_ranks, rules.max_rankings) {
        (Some(max_skip), Some(max_rankings)) => {
            u64::from(max_rankings).saturating_sub(u64::from(max_rank)) > u64::from(max_skip)
        }
        _ => false,
    };
    steps.push(Step::End(if undervote {
        Cause::Undervote
    } else {
        Cause::Exhausted
    }));
}

/// Valid ballots, compiled and grouped.
pub(crate) struct RankedBallots {
    /// Distinct compiled ballots with their weights, in a canonical (sorted) order.
    pub groups: Vec<(Vec<Step>, u64)>,
    /// Ballot totals.
    pub summary: BallotSummary,
    /// Rejected ballots, in input order.
    pub rejected: Vec<Rejection>,
}

/// A map keyed by ballot contents, with a fixed (deterministic) hasher.
pub(crate) type ContentMap<K> = HashMap<K, u64, foldhash::fast::FixedState>;

/// Adds `weight` to `key`'s total in `map`.
pub(crate) fn add_group<K, Q>(map: &mut ContentMap<K>, key: &Q, weight: u64) -> Option<()>
where
    K: std::hash::Hash + Eq + Clone + std::borrow::Borrow<Q>,
    Q: std::hash::Hash + Eq + ToOwned<Owned = K> + ?Sized,
{
    if let Some(total) = map.get_mut(key) {
        *total = total.checked_add(weight)?;
    } else {
        map.insert(key.to_owned(), weight);
    }
    Some(())
}

/// Distinct compiled ballots, in canonical (sorted) order if `rules` ask for it.
fn sorted_groups(grouped: ContentMap<Vec<Step>>, rules: &ReadRules) -> Vec<(Vec<Step>, u64)> {
    let mut groups: Vec<(Vec<Step>, u64)> = grouped.into_iter().collect();
    if rules.canonical_order {
        groups.sort_unstable();
    }
    groups
}

pub(crate) fn check_size(election: &Election) -> Result<(), TallyError> {
    if election.candidates.len() > MAX_ELIMINATION_CANDIDATES {
        return Err(TallyError::TooLarge {
            path: FieldPath::root("election").field("candidates").into(),
            what: "number of candidates for an elimination count",
            limit: MAX_ELIMINATION_CANDIDATES as u64,
        });
    }
    Ok(())
}

/// Valid ballots grouped by their marks, before compiling: each key is, for each marked
/// rank, its number (from 1), its length, then its candidates (indices). This is what a
/// shard sends for `irv`/`stv` ([`super::merge`]): the count depends on nothing else.
pub(crate) struct MarkedBallots {
    /// Distinct mark keys with their weights (unspecified, deterministic order).
    pub marks: ContentMap<Vec<u32>>,
    /// Ballot totals.
    pub summary: BallotSummary,
    /// Rejected ballots, in input order.
    pub rejected: Vec<Rejection>,
    /// Voters who cast a ballot (sorted).
    pub voters: Vec<String>,
}

/// Checks, compiles and groups the ballots of a ranked election.
///
/// A ballot is rejected when it has no `ranking` (`empty_ballot`), is of another kind
/// (`wrong_ballot_kind`), fails the roll checks, names an unknown candidate
/// (`unknown_candidate`), or marks a rank past `max_rankings` (`too_many_choices`). A
/// `ranking` that marks nobody is valid: it is an undervote, inactive from round 1.
///
/// Valid ballots are first grouped by their marks (as candidate indices, with their rank
/// numbers), so each distinct ballot is compiled once; compiled ballots are grouped again.
pub(crate) fn read_ballots(
    election: &Election,
    ballots: &[Ballot],
    rules: &ReadRules,
) -> Result<RankedBallots, TallyError> {
    let marked = read_marks(election, ballots, rules.max_rankings)?;
    compile_marks(marked.marks, marked.summary, marked.rejected, rules)
}

/// The first phase of [`read_ballots`]: checks the ballots and groups the valid ones by their
/// marks.
pub(crate) fn read_marks(
    election: &Election,
    ballots: &[Ballot],
    max_rankings: Option<u32>,
) -> Result<MarkedBallots, TallyError> {
    check_size(election)?;
    let mut checker = BallotChecker::new(election);
    let mut summary = BallotSummary::default();
    let mut rejected = Vec::new();
    // Key: for each marked rank, its number, its length, then its candidates.
    let mut raw: ContentMap<Vec<u32>> = ContentMap::default();
    let overflow = || TallyError::CountOverflow {
        path: "ballots".to_owned(),
    };
    let root = FieldPath::root("ballots");
    let mut key: Vec<u32> = Vec::new();
    // Candidate lookup: a linear scan is faster than hashing for a few candidates.
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    let small = ids.len() <= 24;
    let lookup = |checker: &BallotChecker, id: &str| -> Option<u32> {
        let index = if small {
            ids.iter().position(|c| *c == id)
        } else {
            checker.index_of(id)
        };
        index.and_then(|i| u32::try_from(i).ok())
    };
    for (index, ballot) in ballots.iter().enumerate() {
        let weight = ballot.weight();
        summary.cast = summary.cast.checked_add(weight).ok_or_else(overflow)?;
        if let Some(ranking) = &ballot.ranking {
            if ranking.len() > MAX_RANK_POSITIONS {
                return Err(TallyError::TooLarge {
                    path: root.index(index).field("ranking").into(),
                    what: "number of rank positions",
                    limit: MAX_RANK_POSITIONS as u64,
                });
            }
        }
        let outcome = (|| {
            let ranking = match (&ballot.ranking, &ballot.approve, &ballot.scores) {
                (Some(ranking), None, None) => ranking,
                (None, None, None) => return Err(RejectionCode::EmptyBallot),
                _ => return Err(RejectionCode::WrongBallotKind),
            };
            checker.check_voter(ballot)?;
            key.clear();
            for (position, rank) in ranking.iter().enumerate() {
                let ids = rank.candidates();
                if ids.is_empty() {
                    continue;
                }
                let number = u32::try_from(position)
                    .unwrap_or(u32::MAX)
                    .saturating_add(1);
                if max_rankings.is_some_and(|max| number > max) {
                    return Err(RejectionCode::TooManyChoices);
                }
                key.push(number);
                key.push(u32::try_from(ids.len()).unwrap_or(u32::MAX));
                for id in ids {
                    let candidate = lookup(&checker, id).ok_or(RejectionCode::UnknownCandidate)?;
                    key.push(candidate);
                }
            }
            Ok(())
        })();
        match outcome {
            Ok(()) => {
                summary.valid = summary.valid.checked_add(weight).ok_or_else(overflow)?;
                add_group(&mut raw, key.as_slice(), weight).ok_or_else(overflow)?;
            }
            Err(code) => {
                summary.rejected = summary.rejected.checked_add(weight).ok_or_else(overflow)?;
                rejected.push(Rejection {
                    index,
                    voter: ballot.voter.clone(),
                    code,
                    count: weight,
                });
            }
        }
    }
    Ok(MarkedBallots {
        marks: raw,
        summary,
        rejected,
        voters: checker.voted(),
    })
}

/// The second phase of [`read_ballots`]: compiles each distinct mark key (see
/// [`MarkedBallots`]) under `rules` and groups the compiled ballots.
pub(crate) fn compile_marks(
    raw: impl IntoIterator<Item = (Vec<u32>, u64)>,
    summary: BallotSummary,
    rejected: Vec<Rejection>,
    rules: &ReadRules,
) -> Result<RankedBallots, TallyError> {
    let overflow = || TallyError::CountOverflow {
        path: "ballots".to_owned(),
    };
    let mut grouped: ContentMap<Vec<Step>> = ContentMap::default();
    let mut ranks: Vec<(u32, usize, usize)> = Vec::new();
    let mut marks: Vec<u32> = Vec::new();
    let mut steps: Vec<Step> = Vec::new();
    for (key, weight) in raw {
        ranks.clear();
        marks.clear();
        let mut rest = key.as_slice();
        while let [number, len, tail @ ..] = rest {
            let len = *len as usize;
            let start = marks.len();
            marks.extend(tail.iter().take(len));
            ranks.push((*number, start, marks.len()));
            rest = tail.get(len..).unwrap_or(&[]);
        }
        compile(&ranks, &marks, rules, &mut steps);
        add_group(&mut grouped, steps.as_slice(), weight).ok_or_else(overflow)?;
    }
    Ok(RankedBallots {
        groups: sorted_groups(grouped, rules),
        summary,
        rejected,
    })
}

/// Compiles and groups a compact profile (strict rankings) for a ranked election: what
/// [`read_ballots`] does with the profile's wire ballots, entry indices as ballot indices.
pub(crate) fn read_profile(
    election: &Election,
    profile: &Profile,
    rules: &ReadRules,
) -> Result<RankedBallots, TallyError> {
    check_size(election)?;
    let mut summary = BallotSummary::default();
    let mut rejected = Vec::new();
    let overflow = || TallyError::CountOverflow {
        path: "ballots".to_owned(),
    };
    let mut grouped: ContentMap<Vec<Step>> = ContentMap::default();
    let distinct = profile.is_grouped();
    let mut direct: Vec<(Vec<Step>, u64)> =
        Vec::with_capacity(if distinct { profile.len() } else { 0 });
    let mut ranks: Vec<(u32, usize, usize)> = Vec::new();
    let mut marks: Vec<u32> = Vec::new();
    let mut steps: Vec<Step> = Vec::new();
    for (index, (ranking, weight)) in profile.iter().enumerate() {
        summary.cast = summary.cast.checked_add(weight).ok_or_else(overflow)?;
        if ranking.len() > MAX_RANK_POSITIONS {
            return Err(TallyError::TooLarge {
                path: FieldPath::root("ballots")
                    .index(index)
                    .field("ranking")
                    .into(),
                what: "number of rank positions",
                limit: MAX_RANK_POSITIONS as u64,
            });
        }
        let too_many = rules
            .max_rankings
            .is_some_and(|max| u64::try_from(ranking.len()).unwrap_or(u64::MAX) > u64::from(max));
        if too_many {
            summary.rejected = summary.rejected.checked_add(weight).ok_or_else(overflow)?;
            rejected.push(Rejection {
                index,
                voter: None,
                code: RejectionCode::TooManyChoices,
                count: weight,
            });
            continue;
        }
        summary.valid = summary.valid.checked_add(weight).ok_or_else(overflow)?;
        ranks.clear();
        marks.clear();
        for (i, &c) in ranking.iter().enumerate() {
            let number = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
            marks.push(u32::from(c));
            ranks.push((number, i, i.saturating_add(1)));
        }
        if distinct {
            // Distinct strict rankings compile to distinct steps: nothing to merge.
            let mut own = Vec::with_capacity(ranking.len().saturating_add(1));
            compile(&ranks, &marks, rules, &mut own);
            direct.push((own, weight));
        } else {
            compile(&ranks, &marks, rules, &mut steps);
            add_group(&mut grouped, steps.as_slice(), weight).ok_or_else(overflow)?;
        }
    }
    let mut groups = sorted_groups(grouped, rules);
    groups.append(&mut direct);
    if rules.canonical_order && distinct {
        groups.sort_unstable();
    }
    Ok(RankedBallots {
        groups,
        summary,
        rejected,
    })
}
