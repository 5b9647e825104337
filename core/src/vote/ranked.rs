//! Reading ranked ballots for the elimination methods (`irv`, `stv`).
//!
//! Each valid ballot is compiled once into a compact list of steps that already applies
//! the static ballot rules (skipped ranks, repeated rankings, overvotes), in RCTab's order:
//! for each marked rank from the first, (1) too many skipped ranks before it exhausts the
//! ballot, (2) with `duplicate: "exhaust"` a candidate marked again exhausts it, (3) an
//! overvote exhausts it, is skipped, or (under `exhaust_if_multiple_continuing`) is decided
//! in each round.
//!
//! The compiled ballots sit in one flat, copy-friendly layout ([`Groups`]): the steps of every
//! distinct ballot as `u16` codes in one buffer with end offsets, a weight per ballot, and the
//! cause that ends it (its "tail"). A step code below [`ANY`] is a candidate index; `ANY + k`
//! announces an overvote decided in each round, whose `k` candidates follow. A strict
//! [`Profile`] already has this layout (its rankings are candidate codes), so it is counted
//! in place, without copying its rankings.

use std::borrow::Cow;

use super::ballot::{BallotChecker, RejectionCode};
use super::ballot_box::{BallotBox, UNKNOWN};
use super::content_groups::ContentGroups;
use super::election::Election;
use super::error::TallyError;
use super::irv::{DuplicateRule, OvervoteRule};
use super::mark_key;
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

/// Step codes from here up announce an overvote decided in each round (see the module
/// documentation); codes below it are candidate indices (candidates are fewer than
/// [`MAX_ELIMINATION_CANDIDATES`]).
pub(crate) const ANY: u16 = 0xF000;

/// One step of a compiled ballot, decoded from its codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    /// A rank marking one candidate: counts for it if continuing, else read on.
    One(usize),
    /// An overvote under `exhaust_if_multiple_continuing`: counts for the only continuing
    /// candidate, exhausts the ballot when several continue, else read on.
    Any(&'a [u16]),
}

/// The step of `codes` starting at `at`, and where the next step starts; `None` past the end.
#[inline]
pub(crate) fn step_at(codes: &[u16], at: usize) -> Option<(Step<'_>, usize)> {
    let code = *codes.get(at)?;
    let after = at.saturating_add(1);
    if code < ANY {
        return Some((Step::One(usize::from(code)), after));
    }
    let end = after.saturating_add(usize::from(code.saturating_sub(ANY)));
    Some((Step::Any(codes.get(after..end).unwrap_or(&[])), end))
}

/// Valid ballots compiled into steps, one entry per group of ballots: see the module
/// documentation. Borrowed from a [`Profile`] when that already has the layout.
#[derive(Clone, Debug, Default)]
pub(crate) struct Groups<'a> {
    /// The step codes of every group, one after the other.
    codes: Cow<'a, [u16]>,
    /// `ends[g]`: where group `g`'s codes end (they start at `ends[g-1]` or 0).
    ends: Cow<'a, [u32]>,
    /// `weights[g]`: how many ballots group `g` stands for.
    weights: Cow<'a, [u64]>,
    /// `tails[g]`: why group `g` stops counting once past its last step.
    tails: Vec<Cause>,
}

impl<'a> Groups<'a> {
    /// The number of groups.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Group `g`: its step codes, weight and tail cause.
    #[inline]
    pub fn get(&self, g: usize) -> Option<(&[u16], u64, Cause)> {
        let start = match g.checked_sub(1) {
            None => 0,
            Some(before) => *self.ends.get(before)? as usize,
        };
        let end = *self.ends.get(g)? as usize;
        Some((
            self.codes.get(start..end)?,
            *self.weights.get(g)?,
            *self.tails.get(g)?,
        ))
    }

    /// The groups in order: step codes, weight and tail cause.
    pub fn iter(&self) -> impl Iterator<Item = (&[u16], u64, Cause)> + '_ {
        (0..self.len()).filter_map(|g| self.get(g))
    }

    /// Appends a group whose codes were just appended to `self.codes` (`too_large` past
    /// `u32::MAX` codes).
    fn close(&mut self, weight: u64, tail: Cause) -> Result<(), TallyError> {
        let end = u32::try_from(self.codes.len()).map_err(|_| TallyError::TooLarge {
            path: "ballots".to_owned(),
            what: "number of marks of an elimination count",
            limit: u64::from(u32::MAX),
        })?;
        self.ends.to_mut().push(end);
        self.weights.to_mut().push(weight);
        self.tails.push(tail);
        Ok(())
    }
}

/// The static rules used to compile ballots.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ReadRules {
    pub overvote: OvervoteRule,
    pub max_skipped_ranks: Option<u32>,
    pub duplicate: DuplicateRule,
    pub max_rankings: Option<u32>,
}

/// Compiles one ballot's marked ranks: appends its step codes to `steps` and returns the
/// cause that ends it. Each rank is `(rank number from 1, start, end)`: its candidates are
/// `marks[start..end]` (indices below [`MAX_ELIMINATION_CANDIDATES`]).
pub(crate) fn compile(
    ranks: &[(u32, usize, usize)],
    marks: &[u32],
    rules: &ReadRules,
    steps: &mut Vec<u16>,
) -> Cause {
    // Candidate indices fit: an elimination count has at most 1000 candidates.
    let code = |c: u32| u16::try_from(c).unwrap_or(ANY - 1);
    let Some(&(max_rank, _, _)) = ranks.last() else {
        return Cause::Undervote;
    };
    let mut last_rank = 0u32;
    for &(rank, start, end) in ranks {
        let candidates = marks.get(start..end).unwrap_or(&[]);
        if let Some(max_skip) = rules.max_skipped_ranks {
            // Ranks are read in increasing order; the widening makes `+ 1` exact.
            if u64::from(rank).saturating_sub(u64::from(last_rank))
                > u64::from(max_skip).saturating_add(1)
            {
                return Cause::SkippedRanks;
            }
        }
        last_rank = rank;
        if rules.duplicate == DuplicateRule::Exhaust {
            let before = marks.get(..start).unwrap_or(&[]);
            for (i, candidate) in candidates.iter().enumerate() {
                let earlier = candidates.get(..i).unwrap_or(&[]);
                if before.contains(candidate) || earlier.contains(candidate) {
                    return Cause::RepeatedRanking;
                }
            }
        }
        match candidates {
            [] => {}
            [one] => steps.push(code(*one)),
            several => match rules.overvote {
                OvervoteRule::Exhaust => return Cause::Overvote,
                OvervoteRule::SkipToNext => {
                    if rank == max_rank {
                        return Cause::Exhausted;
                    }
                }
                OvervoteRule::ExhaustIfMultipleContinuing => {
                    let mut distinct = several.to_vec();
                    crate::sort::sort(&mut distinct);
                    distinct.dedup();
                    if let [one] = distinct.as_slice() {
                        steps.push(code(*one));
                    } else {
                        // At most 1000 distinct candidates: the count fits below `u16::MAX`.
                        let k = u16::try_from(distinct.len()).unwrap_or(0);
                        steps.push(ANY.saturating_add(k));
                        steps.extend(distinct.iter().map(|&c| code(c)));
                    }
                }
            },
        }
    }
    out_of_rankings(max_rank, rules)
}

/// Why a ballot whose last marked rank is `max_rank` stops when it runs out of rankings:
/// RCTab calls it an undervote when the ballot stopped ranking with more than
/// `max_skipped_ranks` of the `max_rankings` ranks left blank.
fn out_of_rankings(max_rank: u32, rules: &ReadRules) -> Cause {
    let undervote = match (rules.max_skipped_ranks, rules.max_rankings) {
        (Some(max_skip), Some(max_rankings)) => {
            u64::from(max_rankings).saturating_sub(u64::from(max_rank)) > u64::from(max_skip)
        }
        _ => false,
    };
    if undervote {
        Cause::Undervote
    } else {
        Cause::Exhausted
    }
}

/// Valid ballots, compiled (in an unspecified, deterministic order: a count only adds them).
pub(crate) struct RankedBallots<'a> {
    /// The compiled ballots with their weights.
    pub groups: Groups<'a>,
    /// Ballot totals.
    pub summary: BallotSummary,
    /// Rejected ballots, in input order.
    pub rejected: Vec<Rejection>,
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

/// Valid ballots grouped by their marks, before compiling: each key is a
/// [`mark_key`](super::mark_key) of candidate indices. This is what a
/// shard sends for `irv`/`stv` ([`super::merge`]): the count depends on nothing else.
pub(crate) struct MarkedBallots {
    /// Distinct mark keys with their weights (in order of first appearance).
    pub marks: ContentGroups<u32>,
    /// Ballot totals.
    pub summary: BallotSummary,
    /// Rejected ballots, in input order.
    pub rejected: Vec<Rejection>,
    /// Voters who cast a ballot (sorted).
    pub voters: Vec<String>,
}

/// Checks and compiles the ballots of a ranked election.
///
/// A ballot is rejected when it has no `ranking` (`empty_ballot`), is of another kind
/// (`wrong_ballot_kind`), fails the roll checks, names an unknown candidate
/// (`unknown_candidate`), or marks a rank past `max_rankings` (`too_many_choices`). A
/// `ranking` that marks nobody is valid: it is an undervote, inactive from round 1.
///
/// With `grouped`, valid ballots are first grouped by their marks (see [`MarkedBallots`]),
/// so each distinct ballot is compiled once and its group carries the ballots' total weight:
/// `stv` needs this, since it computes each transfer per group of identical ballots.
/// Without, each entry is compiled as it comes (an `irv` count only adds weights, so the
/// grouping cannot change its result, and ballots are often all distinct).
pub(crate) fn read_ballots(
    election: &Election,
    ballots: &BallotBox,
    rules: &ReadRules,
    grouped: bool,
) -> Result<RankedBallots<'static>, TallyError> {
    if grouped {
        let marked = read_marks(election, ballots, rules.max_rankings)?;
        return compile_marks(&marked.marks, marked.summary, marked.rejected, rules);
    }
    let mut groups = Groups::default();
    let mut seen = Stamps::new(election.candidates.len());
    let read = read_entries(election, ballots, rules.max_rankings, |marked, weight| {
        let codes = groups.codes.to_mut();
        let tail = match marked {
            Marked::Plain(candidates) if !seen.repeats(candidates) => {
                compile_plain(candidates, rules, codes)
            }
            Marked::Plain(candidates) => {
                let ranks: Vec<(u32, usize, usize)> = (0..candidates.len())
                    .map(|i| {
                        let number = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
                        (number, i, i.saturating_add(1))
                    })
                    .collect();
                compile(&ranks, candidates, rules, codes)
            }
            Marked::Ranks(ranks, marks) => compile(ranks, marks, rules, codes),
        };
        groups.close(weight, tail)
    });
    let (summary, rejected, _) = read?;
    Ok(RankedBallots {
        groups,
        summary,
        rejected,
    })
}

/// Checks the ballots and groups the valid ones by their marks (the first phase of a
/// grouped [`read_ballots`], and what a shard sends).
pub(crate) fn read_marks(
    election: &Election,
    ballots: &BallotBox,
    max_rankings: Option<u32>,
) -> Result<MarkedBallots, TallyError> {
    let mut raw: ContentGroups<u32> = ContentGroups::default();
    let mut key: Vec<u32> = Vec::new();
    let read = read_entries(election, ballots, max_rankings, |marked, weight| {
        let key = match marked {
            // A plain ranking is its own key.
            Marked::Plain(candidates) => candidates,
            Marked::Ranks(ranks, marks) => {
                key.clear();
                let mut previous = 0;
                for &(number, start, end) in ranks {
                    let candidates = marks.get(start..end).unwrap_or(&[]);
                    mark_key::push_rank(&mut key, previous, number, candidates);
                    previous = number;
                }
                &key
            }
        };
        raw.add(key, weight)
            .ok_or_else(|| TallyError::CountOverflow {
                path: "ballots".to_owned(),
            })
    });
    let (summary, rejected, voters) = read?;
    Ok(MarkedBallots {
        marks: raw,
        summary,
        rejected,
        voters,
    })
}

/// The marked ranks of a valid ranked ballot.
enum Marked<'a> {
    /// Ranks 1, 2, … each marking one candidate: the candidates in rank order.
    Plain(&'a [u32]),
    /// Any ranks, as [`compile`] takes them: `(number, start, end)` into the marks.
    Ranks(&'a [(u32, usize, usize)], &'a [u32]),
}

/// Marks candidates seen on one ballot, cleared in O(1) between ballots by a new stamp.
struct Stamps {
    seen: Vec<u32>,
    stamp: u32,
}

impl Stamps {
    fn new(candidates: usize) -> Self {
        Stamps {
            seen: vec![0; candidates],
            stamp: 0,
        }
    }

    /// Whether a candidate appears twice in `candidates` (all below the count given).
    fn repeats(&mut self, candidates: &[u32]) -> bool {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.seen.fill(0);
            self.stamp = 1;
        }
        for &c in candidates {
            match self.seen.get_mut(c as usize) {
                Some(mark) if *mark == self.stamp => return true,
                Some(mark) => *mark = self.stamp,
                None => return true,
            }
        }
        false
    }
}

/// Checks every entry of a ranked election and hands each valid one to `valid` with its
/// marked ranks and its weight. Returns the ballot totals, the rejections and the voters
/// who voted.
fn read_entries(
    election: &Election,
    ballots: &BallotBox,
    max_rankings: Option<u32>,
    mut valid: impl FnMut(Marked<'_>, u64) -> Result<(), TallyError>,
) -> Result<(BallotSummary, Vec<Rejection>, Vec<String>), TallyError> {
    check_size(election)?;
    let mut checker = BallotChecker::new(election, ballots);
    let mut summary = BallotSummary::default();
    let mut rejected = Vec::new();
    let overflow = || TallyError::CountOverflow {
        path: "ballots".to_owned(),
    };
    let root = FieldPath::root("ballots");
    let mut ranks: Vec<(u32, usize, usize)> = Vec::new();
    let mut marks: Vec<u32> = Vec::new();
    for (index, ballot) in ballots.entries().enumerate() {
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
            checker.check_voter(&ballot)?;
            if let Some(candidates) = ranking.plain() {
                // Rank `i + 1` is refused past `max_rankings`, else for an unknown
                // candidate, in rank order as below.
                let allowed = max_rankings.map_or(usize::MAX, |max| max as usize);
                let unknown = candidates.iter().position(|&c| c == UNKNOWN);
                if unknown.is_some_and(|at| at < allowed) {
                    return Err(RejectionCode::UnknownCandidate);
                }
                if candidates.len() > allowed {
                    return Err(RejectionCode::TooManyChoices);
                }
                return Ok(Some(candidates));
            }
            ranks.clear();
            marks.clear();
            for (position, rank) in ranking.iter().enumerate() {
                if rank.is_empty() {
                    continue;
                }
                let number = u32::try_from(position)
                    .unwrap_or(u32::MAX)
                    .saturating_add(1);
                if max_rankings.is_some_and(|max| number > max) {
                    return Err(RejectionCode::TooManyChoices);
                }
                if rank.contains(&UNKNOWN) {
                    return Err(RejectionCode::UnknownCandidate);
                }
                let start = marks.len();
                marks.extend_from_slice(rank);
                ranks.push((number, start, marks.len()));
            }
            Ok(None)
        })();
        match outcome {
            Ok(plain) => {
                summary.valid = summary.valid.checked_add(weight).ok_or_else(overflow)?;
                let marked = match plain {
                    Some(candidates) => Marked::Plain(candidates),
                    None => Marked::Ranks(&ranks, &marks),
                };
                valid(marked, weight)?;
            }
            Err(code) => {
                summary.rejected = summary.rejected.checked_add(weight).ok_or_else(overflow)?;
                rejected.push(Rejection {
                    index,
                    voter: ballots.voter_id(ballot.voter),
                    code,
                    count: weight,
                });
            }
        }
    }
    Ok((summary, rejected, checker.voted()))
}

/// The second phase of a grouped [`read_ballots`]: compiles each distinct mark key (see
/// [`MarkedBallots`]) under `rules` into the flat layout of [`Groups`].
pub(crate) fn compile_marks(
    raw: &ContentGroups<u32>,
    summary: BallotSummary,
    rejected: Vec<Rejection>,
    rules: &ReadRules,
) -> Result<RankedBallots<'static>, TallyError> {
    let mut groups = Groups::default();
    let mut ranks: Vec<(u32, usize, usize)> = Vec::new();
    let mut marks: Vec<u32> = Vec::new();
    let mut seen = Stamps::new(MAX_ELIMINATION_CANDIDATES);
    for (key, weight) in raw.iter() {
        if mark_key::is_plain(key) && !seen.repeats(key) {
            let tail = compile_plain(key, rules, groups.codes.to_mut());
            groups.close(weight, tail)?;
            continue;
        }
        ranks.clear();
        marks.clear();
        for (number, candidates) in mark_key::ranks_of(key) {
            let start = marks.len();
            marks.extend_from_slice(candidates);
            ranks.push((number, start, marks.len()));
        }
        let tail = compile(&ranks, &marks, rules, groups.codes.to_mut());
        groups.close(weight, tail)?;
    }
    Ok(RankedBallots {
        groups,
        summary,
        rejected,
    })
}

/// Compiles ranks 1, 2, … each marking one candidate, none twice (a plain key): such a
/// ballot compiles to its candidates, whatever the rules, and runs out of rankings at its
/// end.
fn compile_plain(candidates: &[u32], rules: &ReadRules, steps: &mut Vec<u16>) -> Cause {
    // Candidates of an elimination count are fewer than `ANY`.
    steps.extend(
        candidates
            .iter()
            .map(|&c| u16::try_from(c).unwrap_or(ANY - 1)),
    );
    match u32::try_from(candidates.len()).unwrap_or(u32::MAX) {
        0 => Cause::Undervote,
        length => out_of_rankings(length, rules),
    }
}

/// Compiles a compact profile (strict rankings) for a ranked election: what [`read_ballots`]
/// does with the profile's wire ballots, entry indices as ballot indices.
///
/// A strict ranking compiles to itself (no skipped, repeated or equal ranks), so the groups
/// borrow the profile's buffers; only the tail causes are computed, and the entries past
/// `max_rankings` (rejected) are left out, which copies the rest.
pub(crate) fn read_profile<'a>(
    election: &Election,
    profile: &'a Profile,
    rules: &ReadRules,
) -> Result<RankedBallots<'a>, TallyError> {
    check_size(election)?;
    let mut summary = BallotSummary::default();
    let mut rejected = Vec::new();
    let overflow = || TallyError::CountOverflow {
        path: "ballots".to_owned(),
    };
    let mut tails: Vec<Cause> = Vec::with_capacity(profile.len());
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
        let length = u32::try_from(ranking.len()).unwrap_or(u32::MAX);
        if rules.max_rankings.is_some_and(|max| length > max) {
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
        tails.push(if length == 0 {
            Cause::Undervote
        } else {
            out_of_rankings(length, rules)
        });
    }
    let groups = if rejected.is_empty() {
        Groups {
            codes: Cow::Borrowed(profile.marks()),
            ends: Cow::Borrowed(profile.ends()),
            weights: Cow::Borrowed(profile.counts()),
            tails,
        }
    } else {
        let mut groups = Groups::default();
        let mut tails = tails.into_iter();
        let mut skip = rejected.iter().map(|r| r.index).peekable();
        for (index, (ranking, weight)) in profile.iter().enumerate() {
            if skip.peek() == Some(&index) {
                skip.next();
                continue;
            }
            groups.codes.to_mut().extend_from_slice(ranking);
            groups.close(weight, tails.next().unwrap_or(Cause::Exhausted))?;
        }
        groups
    };
    Ok(RankedBallots {
        groups,
        summary,
        rejected,
    })
}
