//! A compact ballot profile: strict rankings of candidate indices, grouped with counts.
//!
//! For Rust callers who already hold ballots as candidate indices (a scanner's output, a
//! generated profile, a shard read from a column store), a [`Profile`] skips the string ids
//! of [`super::Ballot`]: the rankings of all ballots sit in one flat `u16` buffer with offsets,
//! each with a count, and [`Profile::grouped`] merges identical rankings (sort, then run-length)
//! so a count touches each distinct ballot once. [`tally_profile`] counts it and returns the
//! same [`TallyResult`] as [`super::tally`] on the equivalent ballots (see
//! [`Profile::to_ballots`]), byte for byte; [`plurality_counts`] is the bare plurality count
//! over a slice of first choices.
//!
//! A profile ballot ranks distinct candidates, one per rank, best first, with no skipped ranks
//! and no equal ranks (use [`super::Ballot`] for those); it may rank nobody. Its candidates
//! are `0..candidates`, the positions of [`super::Election::candidates`].

use foldhash::fast::FixedState;
use std::collections::HashMap;

use super::ballot::{Ballot, Rank, RejectionCode};
use super::election::{Election, Method};
use super::error::TallyError;
use super::result::{BallotSummary, Rejection, TallyResult};
use crate::error::FieldPath;

/// Most candidates a profile may have (indices are `u16`).
pub const MAX_PROFILE_CANDIDATES: usize = u16::MAX as usize;

/// Whether `ranking` is known to be a strict ranking of `0..candidates` by one pass over a
/// bit set, without branches on the marks (up to 64 candidates; `false` means "check").
fn clean_ranking(candidates: usize, ranking: &[u16]) -> bool {
    if candidates > 64 {
        return false;
    }
    let (mut seen, mut bad) = (0u64, false);
    for &c in ranking {
        let bit = 1u64.wrapping_shl(u32::from(c) & 63);
        bad |= (usize::from(c) >= candidates) | (seen & bit != 0);
        seen |= bit;
    }
    !bad
}

/// Strict rankings of candidate indices with counts, in one flat buffer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    candidates: usize,
    /// The rankings, one after the other.
    marks: Vec<u16>,
    /// `ends[i]`: where ballot `i`'s ranking ends in `marks` (it starts at `ends[i-1]` or 0).
    ends: Vec<u32>,
    /// `counts[i]`: how many ballots ballot `i` stands for (at least 1).
    counts: Vec<u64>,
    /// Whether no two entries have the same ranking (set by [`Profile::grouped`]).
    distinct: bool,
}

impl Profile {
    /// An empty profile over `candidates` candidates (`too_large` above
    /// [`MAX_PROFILE_CANDIDATES`]).
    pub fn new(candidates: usize) -> Result<Self, TallyError> {
        if candidates > MAX_PROFILE_CANDIDATES {
            return Err(TallyError::TooLarge {
                path: "profile.candidates".to_owned(),
                what: "number of candidates in a profile",
                limit: MAX_PROFILE_CANDIDATES as u64,
            });
        }
        Ok(Profile {
            candidates,
            distinct: true,
            ..Profile::default()
        })
    }

    /// Adds `count` ballots ranking `ranking` (best first). Errors: `invalid_count` for a
    /// count of 0, `invalid_option` for an index out of range or ranked twice, `too_large`
    /// when the flat buffer would pass `u32::MAX` marks.
    pub fn push(&mut self, ranking: &[u16], count: u64) -> Result<(), TallyError> {
        if count == 0 || !clean_ranking(self.candidates, ranking) {
            self.check(ranking, count)?;
        }
        let end = u32::try_from(self.marks.len().saturating_add(ranking.len())).map_err(|_| {
            TallyError::TooLarge {
                path: "profile".to_owned(),
                what: "number of marks in a profile",
                limit: u64::from(u32::MAX),
            }
        })?;
        self.marks.extend_from_slice(ranking);
        self.ends.push(end);
        self.counts.push(count);
        self.distinct = self.ends.len() <= 1;
        Ok(())
    }

    /// The error of [`Profile::push`] for a ranking and count, if any.
    fn check(&self, ranking: &[u16], count: u64) -> Result<(), TallyError> {
        let path = || FieldPath::root("profile").index(self.ends.len());
        if count == 0 {
            return Err(TallyError::InvalidCount {
                path: path().field("count").into(),
            });
        }
        if let Some(c) = ranking.iter().find(|&&c| usize::from(c) >= self.candidates) {
            return Err(TallyError::InvalidOption {
                path: path().field("ranking").into(),
                message: format!("candidate index {c} is out of range"),
            });
        }
        let repeated = if ranking.len() <= 32 {
            ranking
                .iter()
                .enumerate()
                .find(|&(i, c)| ranking.get(..i).is_some_and(|before| before.contains(c)))
                .map(|(_, c)| *c)
        } else {
            let mut sorted = ranking.to_vec();
            crate::sort::sort(&mut sorted);
            sorted
                .windows(2)
                .find(|w| w.first() == w.get(1))
                .and_then(|w| w.first().copied())
        };
        match repeated {
            Some(c) => Err(TallyError::InvalidOption {
                path: path().field("ranking").into(),
                message: format!("candidate index {c} is ranked twice"),
            }),
            None => Ok(()),
        }
    }

    /// A profile from flat buffers, the layout of Arrow's list arrays: `marks` holds the
    /// rankings one after the other, ranking `i` is `marks[offsets[i]..offsets[i + 1]]`
    /// (`offsets` has one entry more than there are rankings, the first 0 and the last
    /// `marks.len()`), and `counts` (default all 1) one count per ranking. Errors:
    /// `invalid_option` at `profile.offsets` for offsets that are not such a list, at
    /// `profile.counts` for another number of counts, and the errors of [`Profile::push`]
    /// with the ranking's index.
    pub fn from_offsets(
        candidates: usize,
        marks: &[u16],
        offsets: &[u32],
        counts: Option<&[u64]>,
    ) -> Result<Self, TallyError> {
        check_layout(marks.len(), offsets, counts.map(<[u64]>::len))?;
        let mut profile = Profile::new(candidates)?;
        if all_clean(candidates, marks, offsets, counts) {
            let ends = offsets.get(1..).unwrap_or(&[]);
            let counts = counts.map_or_else(|| vec![1; ends.len()], <[u64]>::to_vec);
            return Ok(profile.assembled(marks.to_vec(), ends.to_vec(), counts));
        }
        // The exact error: the first ranking that is not clean fails in `push`.
        for (i, w) in offsets.windows(2).enumerate() {
            let (start, end) = match *w {
                [start, end] => (start as usize, end as usize),
                _ => (0, 0),
            };
            let count = counts.and_then(|c| c.get(i).copied()).unwrap_or(1);
            profile.push(marks.get(start..end).unwrap_or(&[]), count)?;
        }
        Ok(profile)
    }

    /// [`Profile::from_offsets`] taking the buffers by value: valid rankings are kept as
    /// they are, without a copy (what the bindings use for arrays they have just built).
    pub fn from_vecs(
        candidates: usize,
        marks: Vec<u16>,
        mut offsets: Vec<u32>,
        counts: Option<Vec<u64>>,
    ) -> Result<Self, TallyError> {
        check_layout(marks.len(), &offsets, counts.as_ref().map(Vec::len))?;
        let profile = Profile::new(candidates)?;
        if !all_clean(candidates, &marks, &offsets, counts.as_deref()) {
            return Profile::from_offsets(candidates, &marks, &offsets, counts.as_deref());
        }
        offsets.remove(0);
        let counts = counts.unwrap_or_else(|| vec![1; offsets.len()]);
        Ok(profile.assembled(marks, offsets, counts))
    }

    /// This empty profile holding checked buffers.
    pub(super) fn assembled(mut self, marks: Vec<u16>, ends: Vec<u32>, counts: Vec<u64>) -> Self {
        self.distinct = ends.len() <= 1;
        self.marks = marks;
        self.ends = ends;
        self.counts = counts;
        self
    }

    /// The number of candidates.
    pub fn candidates(&self) -> usize {
        self.candidates
    }

    /// The number of entries (distinct rankings once grouped).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The rankings, one after the other (see [`Profile::ends`]).
    pub(crate) fn marks(&self) -> &[u16] {
        &self.marks
    }

    /// Where each entry's ranking ends in [`Profile::marks`].
    pub(crate) fn ends(&self) -> &[u32] {
        &self.ends
    }

    /// Each entry's count.
    pub(crate) fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Whether the profile holds no entry.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Entry `i`: its ranking and its count.
    pub fn get(&self, i: usize) -> Option<(&[u16], u64)> {
        let start = match i.checked_sub(1) {
            None => 0,
            Some(before) => *self.ends.get(before)? as usize,
        };
        let end = *self.ends.get(i)? as usize;
        Some((self.marks.get(start..end)?, *self.counts.get(i)?))
    }

    /// The entries in order: rankings with their counts.
    pub fn iter(&self) -> impl Iterator<Item = (&[u16], u64)> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// The total number of ballots (`count_overflow` past 2^64 - 1).
    pub fn total(&self) -> Result<u64, TallyError> {
        self.counts
            .iter()
            .try_fold(0u64, |sum, &c| sum.checked_add(c))
            .ok_or_else(|| TallyError::CountOverflow {
                path: "profile".to_owned(),
            })
    }

    /// The same ballots with identical rankings merged, in lexicographic order of the
    /// rankings (`count_overflow` if a merged count passes 2^64 - 1).
    pub fn grouped(&self) -> Result<Profile, TallyError> {
        let overflow = || TallyError::CountOverflow {
            path: "profile".to_owned(),
        };
        // First occurrence of each ranking, with the summed count (fixed hasher).
        let mut index: HashMap<&[u16], usize, FixedState> = HashMap::default();
        let mut firsts: Vec<(&[u16], u64)> = Vec::new();
        for (ranking, count) in self.iter() {
            match index.get(ranking) {
                Some(&at) => {
                    if let Some((_, total)) = firsts.get_mut(at) {
                        *total = total.checked_add(count).ok_or_else(overflow)?;
                    }
                }
                None => {
                    index.insert(ranking, firsts.len());
                    firsts.push((ranking, count));
                }
            }
        }
        crate::sort::sort(&mut firsts);
        let mut grouped = Profile {
            candidates: self.candidates,
            marks: Vec::with_capacity(self.marks.len()),
            ends: Vec::with_capacity(firsts.len()),
            counts: Vec::with_capacity(firsts.len()),
            distinct: true,
        };
        for (ranking, count) in firsts {
            grouped.marks.extend_from_slice(ranking);
            // Fits: the grouped buffer is no longer than this one.
            grouped
                .ends
                .push(u32::try_from(grouped.marks.len()).unwrap_or(u32::MAX));
            grouped.counts.push(count);
        }
        Ok(grouped)
    }

    /// Whether no two entries have the same ranking (after [`Profile::grouped`]).
    pub fn is_grouped(&self) -> bool {
        self.distinct
    }

    /// The equivalent wire ballots for `election` (its candidate ids; an entry of count 1
    /// has no `count`). `None` if the election has fewer candidates than the profile.
    pub fn to_ballots(&self, election: &Election) -> Option<Vec<Ballot>> {
        if election.candidates.len() < self.candidates {
            return None;
        }
        let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
        self.iter()
            .map(|(ranking, count)| {
                let ranks = ranking
                    .iter()
                    .map(|&c| {
                        ids.get(usize::from(c))
                            .map(|id| Rank::One((*id).to_owned()))
                    })
                    .collect::<Option<Vec<Rank>>>()?;
                Some(Ballot {
                    ranking: Some(ranks),
                    count: (count != 1).then_some(count),
                    ..Ballot::default()
                })
            })
            .collect()
    }
}

/// Checks that `offsets` lists rankings over `marks` marks (first 0, never decreasing, last
/// the number of marks) and that there are as many counts as rankings.
fn check_layout(marks: usize, offsets: &[u32], counts: Option<usize>) -> Result<(), TallyError> {
    let bad_offsets = |message: &str| TallyError::InvalidOption {
        path: "profile.offsets".to_owned(),
        message: message.to_owned(),
    };
    if offsets.first() != Some(&0) {
        return Err(bad_offsets("offsets start with 0"));
    }
    if offsets.last().map(|&end| end as usize) != Some(marks) {
        return Err(bad_offsets("the last offset is the number of marks"));
    }
    if offsets.windows(2).any(|w| w.first() > w.get(1)) {
        return Err(bad_offsets("offsets never decrease"));
    }
    let rankings = offsets.len().saturating_sub(1);
    match counts {
        Some(n) if n != rankings => Err(TallyError::InvalidOption {
            path: "profile.counts".to_owned(),
            message: format!("{n} counts for {rankings} rankings"),
        }),
        _ => Ok(()),
    }
}

/// Whether every ranking (laid out as [`check_layout`] checked) names candidates below
/// `candidates`, each at most once, and every count is positive: then the buffers are a
/// profile as they are.
fn all_clean(candidates: usize, marks: &[u16], offsets: &[u32], counts: Option<&[u64]>) -> bool {
    if counts.is_some_and(|c| c.contains(&0)) {
        return false;
    }
    let rankings = offsets.windows(2).map(|w| match *w {
        [start, end] => marks.get(start as usize..end as usize).unwrap_or(&[]),
        _ => &[],
    });
    if candidates <= 64 {
        // One bit per candidate.
        return rankings.into_iter().all(|ranking| {
            let mut seen = 0u64;
            ranking.iter().all(|&c| {
                let bit = 1u64.checked_shl(u32::from(c)).unwrap_or(0);
                let fresh = usize::from(c) < candidates && seen & bit == 0;
                seen |= bit;
                fresh
            })
        });
    }
    // A stamp per candidate: the number of the ranking that last named it.
    let mut seen = vec![0u32; candidates.min(usize::from(u16::MAX) + 1)];
    let mut stamp = 0u32;
    rankings.into_iter().all(|ranking| {
        if stamp == u32::MAX {
            seen.fill(0);
            stamp = 0;
        }
        stamp = stamp.saturating_add(1);
        ranking.iter().all(|&c| match seen.get_mut(usize::from(c)) {
            Some(mark) if *mark != stamp => {
                *mark = stamp;
                true
            }
            _ => false,
        })
    })
}

/// Plurality totals over first choices, one ballot per entry: `totals[c]` is the number of
/// `c` in `firsts`. `invalid_option` if an index is not below `candidates`.
///
/// The bare count for callers who only need totals (no ties, no result document).
pub fn plurality_counts(candidates: usize, firsts: &[u16]) -> Result<Vec<u64>, TallyError> {
    let out_of_range = || TallyError::InvalidOption {
        path: "firsts".to_owned(),
        message: "candidate index out of range".to_owned(),
    };
    let slots = usize::from(u16::MAX).saturating_add(1);
    if candidates > slots {
        return Err(TallyError::TooLarge {
            path: "candidates".to_owned(),
            what: "number of candidates in a plurality count",
            limit: slots as u64,
        });
    }
    // Four interleaved histograms, so consecutive equal choices do not wait on each other.
    let width = candidates;
    let mut lanes = vec![0u64; width.saturating_mul(4)];
    let (a, rest) = lanes.split_at_mut(width);
    let (b, rest) = rest.split_at_mut(width);
    let (c, d) = rest.split_at_mut(width);
    let mut chunks = firsts.chunks_exact(4);
    let mut bad = false;
    for chunk in &mut chunks {
        if let [w, x, y, z] = *chunk {
            match (
                a.get_mut(usize::from(w)),
                b.get_mut(usize::from(x)),
                c.get_mut(usize::from(y)),
                d.get_mut(usize::from(z)),
            ) {
                // A lane counts at most `firsts.len()` entries: it cannot saturate.
                (Some(a), Some(b), Some(c), Some(d)) => {
                    *a = a.saturating_add(1);
                    *b = b.saturating_add(1);
                    *c = c.saturating_add(1);
                    *d = d.saturating_add(1);
                }
                _ => bad = true,
            }
        }
    }
    for &w in chunks.remainder() {
        match a.get_mut(usize::from(w)) {
            Some(a) => *a = a.saturating_add(1),
            None => bad = true,
        }
    }
    if bad {
        return Err(out_of_range());
    }
    Ok((0..width)
        .map(|i| {
            [&*a, &*b, &*c, &*d]
                .iter()
                .map(|lane| lane.get(i).copied().unwrap_or(0))
                .sum()
        })
        .collect())
}

/// Counts a [`Profile`] in `election`: the same result as [`super::tally`] on
/// `profile.to_ballots(election)`, with entry indices as ballot indices in `rejected`.
///
/// `plurality`, `irv`, `stv` and the ranked methods (`schulze`, `ranked_pairs`, `copeland`,
/// `borda`) count the profile directly; other methods, and elections with a `roll` (whose
/// anonymous profile ballots are all `missing_voter`), go through the wire ballots.
/// Errors: those of [`super::tally`], and `invalid_option` when the profile has a different
/// number of candidates than the election.
pub fn tally_profile(election: &Election, profile: &Profile) -> Result<TallyResult, TallyError> {
    super::check_election(election)?;
    if profile.candidates != election.candidates.len() {
        return Err(TallyError::InvalidOption {
            path: "profile.candidates".to_owned(),
            message: format!(
                "the profile has {} candidates, the election {}",
                profile.candidates,
                election.candidates.len()
            ),
        });
    }
    let direct = election.roll.is_none()
        && (election.method == Method::Plurality
            || election.method == Method::Irv
            || election.method == Method::Stv
            || election.method.is_ranked());
    if !direct {
        let ballots = profile
            .to_ballots(election)
            .ok_or_else(|| TallyError::InvalidOption {
                path: "profile.candidates".to_owned(),
                message: "the profile does not fit the election".to_owned(),
            })?;
        return super::tally(election, &ballots);
    }
    match election.method {
        Method::Irv => super::irv::tally_irv_profile(election, profile),
        Method::Stv => super::stv::tally_stv_profile(election, profile),
        Method::Plurality => tally_plurality(election, profile),
        _ => super::merge::tally_ranked_profile(election, profile),
    }
}

/// Plurality on a profile: a ranking of one candidate counts; an empty one is
/// `empty_ballot`, a longer one `too_many_choices` (as for wire ballots).
fn tally_plurality(election: &Election, profile: &Profile) -> Result<TallyResult, TallyError> {
    let mut votes = vec![0u64; profile.candidates];
    let mut summary = BallotSummary::default();
    let mut rejected = Vec::new();
    let overflow = || TallyError::CountOverflow {
        path: "profile".to_owned(),
    };
    for (index, (ranking, weight)) in profile.iter().enumerate() {
        summary.cast = summary.cast.checked_add(weight).ok_or_else(overflow)?;
        let code = match ranking {
            [one] => {
                summary.valid = summary.valid.checked_add(weight).ok_or_else(overflow)?;
                if let Some(total) = votes.get_mut(usize::from(*one)) {
                    *total = total.checked_add(weight).ok_or_else(overflow)?;
                }
                continue;
            }
            [] => RejectionCode::EmptyBallot,
            _ => RejectionCode::TooManyChoices,
        };
        summary.rejected = summary.rejected.checked_add(weight).ok_or_else(overflow)?;
        rejected.push(Rejection {
            index,
            voter: None,
            code,
            count: weight,
        });
    }
    Ok(super::tally::plurality_result(
        election, votes, summary, rejected,
    ))
}
