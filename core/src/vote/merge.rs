//! Counting in shards: each shard of ballots is counted on its own into a [`PartialTally`]
//! (plain sums: totals, pairwise matrix, grade histograms, approval profile), and
//! [`merge_partials`] adds the shards and finishes the count. The result is identical to
//! [`super::tally`] on all the ballots in shard order, except that a voter named in two shards
//! is an error (`duplicate_voter_across_shards`) rather than a rejected ballot.
//!
//! The methods of this module's siblings (Condorcet, positional, graded, committee) are
//! counted through the same path: [`super::tally`] is `merge_partials` of one shard. The
//! elimination methods (`irv`, `stv`) send their valid ballots grouped by marks instead
//! ([`super::RankedGroup`], see `ranked_shards.rs`) and are counted once after the merge.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::ballot::{Ballot, BallotChecker, RejectionCode};
use super::ballot_box::BallotBox;
use super::content_groups::ContentGroups;
use super::election::{Election, Method};
use super::error::TallyError;
use super::pairwise::{
    cell_index, ranked_level_key, square_map, PairwiseMatrix, MAX_PAIRWISE_CANDIDATES,
};
use super::profile::Profile;
use super::ranked_shards::{is_elimination, ranked_partial, RankedGroup, RankedMerger};
use super::ranking::{rank_with_rule, Ranked, TieRule};
use super::result::{BallotSummary, Rejection, TallyResult};
use super::{committee, condorcet, graded, positional};
use crate::error::{DocumentError, ErrorFamily, Fault, FieldPath};

/// One group of identical approval ballots in a [`PartialTally`] profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalGroup {
    /// The approved candidate ids, in election order.
    pub approve: Vec<String>,
    /// How many ballots approve exactly this set.
    pub count: u64,
}

/// The count of one shard of ballots, before the winners are found. Serialisable, so shards
/// can be counted in different places and sent to one merger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialTally {
    /// The election's id.
    pub election: String,
    /// The method counted.
    pub method: Method,
    /// Number of ballot entries in the shard (offsets rejection indices when merging).
    pub entries: u64,
    /// Ballot totals of the shard.
    pub ballots: BallotSummary,
    /// Rejected entries, indexed within the shard.
    pub rejected: Vec<Rejection>,
    /// Voters who cast a ballot in this shard (sorted), to detect voting in two shards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voters: Vec<String>,
    /// Totals per candidate: votes (plurality, approval), points (borda), scores (score, star).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<BTreeMap<String, u64>>,
    /// `pairwise[x][y]`: ballots ranking (or scoring) `x` above `y` (pairwise methods, star).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<BTreeMap<String, BTreeMap<String, u64>>>,
    /// `grades[x][g]`: ballots giving `x` the grade `min + g` (majority judgment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<BTreeMap<String, Vec<u64>>>,
    /// Approval ballots grouped by approved set (committee methods).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Vec<ApprovalGroup>>,
    /// Valid ranked ballots grouped by their marks (`irv`, `stv`), in a canonical order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rankings: Option<Vec<RankedGroup>>,
}

/// Why partial tallies cannot be merged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// The election itself, or the finished count, failed.
    #[error(transparent)]
    Tally(#[from] TallyError),
    /// A partial tally belongs to another election or method, or its data do not fit it.
    #[error("{path}: {reason}")]
    Mismatch {
        /// Offending field.
        path: String,
        /// What does not fit.
        reason: &'static str,
    },
    /// A voter cast a ballot in two shards.
    #[error("{path}: voter {voter:?} voted in two shards")]
    DuplicateVoterAcrossShards {
        /// Offending field.
        path: String,
        /// The voter.
        voter: String,
    },
}

impl Fault for MergeError {
    fn code(&self) -> &'static str {
        match self {
            MergeError::Tally(err) => err.code(),
            MergeError::Mismatch { .. } => "partial_mismatch",
            MergeError::DuplicateVoterAcrossShards { .. } => "duplicate_voter_across_shards",
        }
    }
    fn path(&self) -> Option<&str> {
        match self {
            MergeError::Tally(err) => err.path(),
            MergeError::Mismatch { path, .. }
            | MergeError::DuplicateVoterAcrossShards { path, .. } => Some(path),
        }
    }
    fn family(&self) -> ErrorFamily {
        match self {
            MergeError::Tally(err) => err.family(),
            _ => ErrorFamily::Tally,
        }
    }
}

/// The summed data of one or more shards, by candidate index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Aggregate {
    pub votes: Vec<u64>,
    pub pairwise: Option<PairwiseMatrix>,
    pub grades: Option<Vec<Vec<u64>>>,
    pub profile: Option<BTreeMap<Vec<usize>, u64>>,
}

/// What a method finds from an [`Aggregate`].
pub(crate) struct Outcome {
    pub ranked: Ranked,
    pub counts: Vec<u64>,
    pub pairwise: Option<PairwiseMatrix>,
    pub strongest_paths: Option<Vec<u64>>,
    pub condorcet_winner: Option<usize>,
    pub runoff: Option<Vec<(usize, u64)>>,
}

impl Outcome {
    pub(crate) fn new(ranked: Ranked, counts: Vec<u64>) -> Self {
        Outcome {
            ranked,
            counts,
            pairwise: None,
            strongest_paths: None,
            condorcet_winner: None,
            runoff: None,
        }
    }
}

fn overflow() -> TallyError {
    TallyError::CountOverflow {
        path: "ballots".to_owned(),
    }
}

fn add_to(total: &mut u64, weight: u64) -> Result<(), TallyError> {
    *total = total.checked_add(weight).ok_or_else(overflow)?;
    Ok(())
}

/// Most candidates ranked pairs accepts (locking checks paths for every majority).
pub const MAX_RANKED_PAIRS_CANDIDATES: usize = 100;

/// Most cells (candidates × grades) of majority judgment's grade histograms.
pub const MAX_GRADE_CELLS: usize = 1_000_000;

/// The method-specific checks of the election beyond [`super::check_election`].
pub(crate) fn check_method(election: &Election) -> Result<(), TallyError> {
    let n = election.candidates.len();
    let root = FieldPath::root("election");
    let pairwise = election.method.is_ranked() || election.method == Method::Star;
    if pairwise && n > MAX_PAIRWISE_CANDIDATES {
        return Err(TallyError::TooLarge {
            path: root.field("candidates").into(),
            what: "number of candidates for a pairwise count",
            limit: MAX_PAIRWISE_CANDIDATES as u64,
        });
    }
    if election.method == Method::RankedPairs && n > MAX_RANKED_PAIRS_CANDIDATES {
        return Err(TallyError::TooLarge {
            path: root.field("candidates").into(),
            what: "number of candidates for ranked pairs",
            limit: MAX_RANKED_PAIRS_CANDIDATES as u64,
        });
    }
    if election.method == Method::MajorityJudgment
        && n.saturating_mul(graded::levels(election)) > MAX_GRADE_CELLS
    {
        return Err(TallyError::TooLarge {
            path: root.field("candidates").into(),
            what: "candidates times grades for majority judgment",
            limit: MAX_GRADE_CELLS as u64,
        });
    }
    if election.method == Method::Star && election.seats != 1 {
        return Err(TallyError::InvalidSeats {
            path: root.field("seats").into(),
            seats: election.seats,
            candidates: n,
        });
    }
    if election.method.is_graded() {
        graded::check_range(election)?;
    }
    Ok(())
}

/// A shard counted: its aggregate, totals, rejections and voters.
pub(crate) struct Shard {
    pub aggregate: Aggregate,
    pub summary: BallotSummary,
    pub rejected: Vec<Rejection>,
    pub voters: Vec<String>,
}

/// Counts one shard of ballots (the election must have been checked).
pub(crate) fn count_shard(election: &Election, ballots: &BallotBox) -> Result<Shard, TallyError> {
    let n = election.candidates.len();
    let method = election.method;
    let unranked = election.pairwise.unwrap_or_default().unranked;
    let mut aggregate = empty_aggregate(election);
    let mut summary = BallotSummary::default();
    let mut rejected = Vec::new();
    let mut checker = BallotChecker::new(election, ballots);
    let mut ranked_groups: ContentGroups<usize> = ContentGroups::default();
    let mut key: Vec<usize> = Vec::new();
    let mut seen: Vec<bool> = Vec::new();
    for (index, ballot) in ballots.entries().enumerate() {
        let weight = ballot.weight();
        add_to(&mut summary.cast, weight)?;
        let counted = if method.is_ranked() {
            // Grouped by content (levels as `[length, members…]…`), added after the loop.
            ranked_level_key(&mut checker, &ballot, &mut key, &mut seen)
                .map(|()| ranked_groups.add(&key, weight))
        } else if method.is_graded() {
            graded::read_scores(&mut checker, &ballot, election)
                .map(|scores| graded::add_scores(&mut aggregate, &scores, weight, election))
        } else {
            checker.check(&ballot).map(|chosen| {
                if method.is_committee() {
                    let mut set = chosen;
                    crate::sort::sort(&mut set);
                    let total = aggregate
                        .profile
                        .get_or_insert_with(BTreeMap::new)
                        .entry(set)
                        .or_insert(0);
                    total.checked_add(weight).map(|sum| *total = sum)
                } else {
                    chosen.into_iter().try_for_each(|c| {
                        let total = aggregate.votes.get_mut(c)?;
                        *total = total.checked_add(weight)?;
                        Some(())
                    })
                }
            })
        };
        match counted {
            Ok(Some(())) => add_to(&mut summary.valid, weight)?,
            Ok(None) => return Err(overflow()),
            Err(code) => {
                add_to(&mut summary.rejected, weight)?;
                rejected.push(Rejection {
                    index,
                    voter: ballots.voter_id(ballot.voter),
                    code,
                    count: weight,
                });
            }
        }
    }
    let mut levels: Vec<Vec<usize>> = Vec::new();
    let mut position: Vec<usize> = Vec::new();
    for (key, weight) in ranked_groups.iter() {
        let added = if method == Method::Borda {
            levels.clear();
            let mut rest = key;
            while let [len, tail @ ..] = rest {
                levels.push(tail.iter().take(*len).copied().collect());
                rest = tail.get(*len..).unwrap_or(&[]);
            }
            positional::add_borda(&mut aggregate.votes, &levels, n, unranked, weight)
                .ok()
                .flatten()
        } else if let Some(matrix) = aggregate.pairwise.as_mut() {
            matrix.add_level_key(key, weight, unranked, &mut position)
        } else {
            None
        };
        added.ok_or_else(overflow)?;
    }
    Ok(Shard {
        aggregate,
        summary,
        rejected,
        voters: checker.voted(),
    })
}

fn empty_aggregate(election: &Election) -> Aggregate {
    let n = election.candidates.len();
    let method = election.method;
    let needs_matrix = (method.is_ranked() && method != Method::Borda) || method == Method::Star;
    Aggregate {
        votes: vec![0; n],
        pairwise: needs_matrix.then(|| PairwiseMatrix::new(n)),
        grades: (method == Method::MajorityJudgment)
            .then(|| vec![vec![0; graded::levels(election)]; n]),
        profile: method.is_committee().then(BTreeMap::new),
    }
}

/// Counts one shard of `ballots` for `election` into a [`PartialTally`].
pub fn tally_partial(election: &Election, ballots: &[Ballot]) -> Result<PartialTally, TallyError> {
    super::check_election(election)?;
    partial_of_box(election, &BallotBox::from_ballots(election, ballots)?)
}

/// Counts one shard held in a [`BallotBox`] filled for `election`: the same partial tally
/// as [`tally_partial`] on the equivalent ballots (`invalid_option` at `ballots` when the
/// box was filled for other candidates).
pub fn tally_partial_box(
    election: &Election,
    ballots: &BallotBox,
) -> Result<PartialTally, TallyError> {
    super::check_election(election)?;
    super::tally::check_fits(election, ballots)?;
    partial_of_box(election, ballots)
}

/// [`tally_partial_box`] for a checked election.
fn partial_of_box(election: &Election, ballots: &BallotBox) -> Result<PartialTally, TallyError> {
    super::tally::check_ballot_entries(ballots)?;
    if is_elimination(election.method) {
        return ranked_partial(election, ballots);
    }
    check_method(election)?;
    let shard = count_shard(election, ballots)?;
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    let method = election.method;
    let agg = &shard.aggregate;
    let by_id = |values: &[u64]| -> BTreeMap<String, u64> {
        ids.iter()
            .zip(values)
            .map(|(id, v)| ((*id).to_owned(), *v))
            .collect()
    };
    Ok(PartialTally {
        election: election.id.clone(),
        method,
        entries: u64::try_from(ballots.len()).unwrap_or(u64::MAX),
        ballots: shard.summary,
        rejected: shard.rejected,
        voters: shard.voters,
        votes: (agg.profile.is_none()
            && agg.grades.is_none()
            && (agg.pairwise.is_none() || method == Method::Star))
            .then(|| by_id(&agg.votes)),
        pairwise: agg.pairwise.as_ref().map(|m| m.to_map(&ids)),
        grades: agg.grades.as_ref().map(|grades| {
            ids.iter()
                .zip(grades)
                .map(|(id, g)| ((*id).to_owned(), g.clone()))
                .collect()
        }),
        profile: agg.profile.as_ref().map(|profile| {
            profile
                .iter()
                .map(|(set, count)| ApprovalGroup {
                    approve: set
                        .iter()
                        .filter_map(|&c| ids.get(c).map(|id| (*id).to_owned()))
                        .collect(),
                    count: *count,
                })
                .collect()
        }),
        rankings: None,
    })
}

/// Adds partial tallies (in shard order) and finishes the count.
pub fn merge_partials(
    election: &Election,
    partials: &[PartialTally],
) -> Result<TallyResult, MergeError> {
    super::check_election(election)?;
    check_method(election)?;
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    let index_of: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut aggregate = empty_aggregate(election);
    let mut summary = BallotSummary::default();
    let mut rejected = Vec::new();
    let mut voters: BTreeMap<String, usize> = BTreeMap::new();
    let mut offset = 0u64;
    let elimination = is_elimination(election.method);
    let mut ranked = if elimination {
        Some(RankedMerger::new(election)?)
    } else {
        None
    };
    let root = FieldPath::root("partials");
    for (p, partial) in partials.iter().enumerate() {
        let here = root.index(p);
        let mismatch = |field: &str, reason: &'static str| MergeError::Mismatch {
            path: here.field(field).into(),
            reason,
        };
        if partial.election != election.id {
            return Err(mismatch("election", "belongs to another election"));
        }
        if partial.method != election.method {
            return Err(mismatch("method", "counted by another method"));
        }
        let shape = empty_aggregate(election);
        if partial.pairwise.is_some() != shape.pairwise.is_some()
            || partial.grades.is_some() != shape.grades.is_some()
            || partial.profile.is_some() != shape.profile.is_some()
            || partial.rankings.is_some() != elimination
            || (elimination && partial.votes.is_some())
        {
            return Err(mismatch("method", "data do not fit the method"));
        }
        let rejected_count = partial
            .rejected
            .iter()
            .try_fold(0u64, |sum, r| sum.checked_add(r.count));
        let consistent = partial.ballots.valid.checked_add(partial.ballots.rejected)
            == Some(partial.ballots.cast)
            && rejected_count == Some(partial.ballots.rejected);
        if !consistent {
            return Err(mismatch("ballots", "totals do not add up"));
        }
        summary.cast = summary
            .cast
            .checked_add(partial.ballots.cast)
            .ok_or_else(overflow)?;
        summary.valid = summary
            .valid
            .checked_add(partial.ballots.valid)
            .ok_or_else(overflow)?;
        summary.rejected = summary
            .rejected
            .checked_add(partial.ballots.rejected)
            .ok_or_else(overflow)?;
        for rejection in &partial.rejected {
            let mut rejection = rejection.clone();
            let index = u64::try_from(rejection.index)
                .unwrap_or(u64::MAX)
                .checked_add(offset);
            rejection.index = index
                .and_then(|i| usize::try_from(i).ok())
                .ok_or_else(overflow)?;
            rejected.push(rejection);
        }
        offset = offset.checked_add(partial.entries).ok_or_else(overflow)?;
        for voter in &partial.voters {
            if voters.insert(voter.clone(), p).is_some() {
                return Err(MergeError::DuplicateVoterAcrossShards {
                    path: here.field("voters").into(),
                    voter: voter.clone(),
                });
            }
        }
        if let (Some(groups), Some(merger)) = (&partial.rankings, ranked.as_mut()) {
            let total = merger.add(groups, &String::from(here.field("rankings")))?;
            if total != partial.ballots.valid {
                return Err(mismatch(
                    "rankings",
                    "groups do not add up to the valid ballots",
                ));
            }
        }
        if let Some(votes) = &partial.votes {
            if votes.len() != ids.len() {
                return Err(mismatch("votes", "candidates differ"));
            }
            for (id, value) in votes {
                let c = *index_of
                    .get(id.as_str())
                    .ok_or_else(|| mismatch("votes", "unknown candidate"))?;
                if let Some(total) = aggregate.votes.get_mut(c) {
                    add_to(total, *value)?;
                }
            }
        }
        if let (Some(map), Some(matrix)) = (&partial.pairwise, aggregate.pairwise.as_mut()) {
            let other = PairwiseMatrix::from_map(&ids, map)
                .ok_or_else(|| mismatch("pairwise", "candidates differ"))?;
            matrix.merge(&other).ok_or_else(overflow)?;
        }
        if let (Some(map), Some(grades)) = (&partial.grades, aggregate.grades.as_mut()) {
            if map.len() != ids.len() {
                return Err(mismatch("grades", "candidates differ"));
            }
            for (id, histogram) in map {
                let c = *index_of
                    .get(id.as_str())
                    .ok_or_else(|| mismatch("grades", "unknown candidate"))?;
                let row = grades
                    .get_mut(c)
                    .ok_or_else(|| mismatch("grades", "unknown candidate"))?;
                if histogram.len() != row.len() {
                    return Err(mismatch("grades", "score range differs"));
                }
                for (total, value) in row.iter_mut().zip(histogram) {
                    add_to(total, *value)?;
                }
            }
        }
        if let (Some(groups), Some(profile)) = (&partial.profile, aggregate.profile.as_mut()) {
            for group in groups {
                let mut set = Vec::with_capacity(group.approve.len());
                for id in &group.approve {
                    set.push(
                        *index_of
                            .get(id.as_str())
                            .ok_or_else(|| mismatch("profile", "unknown candidate"))?,
                    );
                }
                crate::sort::sort(&mut set);
                set.dedup();
                add_to(profile.entry(set).or_insert(0), group.count)?;
            }
        }
    }
    if let Some(merger) = ranked {
        return Ok(merger.finish(summary, rejected)?);
    }
    Ok(finish(election, aggregate, summary, rejected)?)
}

/// Finds the winners from summed ballots and builds the result.
pub(crate) fn finish(
    election: &Election,
    aggregate: Aggregate,
    summary: BallotSummary,
    rejected: Vec<Rejection>,
) -> Result<TallyResult, TallyError> {
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    let rule = TieRule::new(election, &ids);
    let outcome = match election.method {
        Method::Schulze | Method::RankedPairs | Method::Copeland => {
            let matrix = aggregate
                .pairwise
                .unwrap_or_else(|| PairwiseMatrix::new(ids.len()));
            match election.method {
                Method::Schulze => condorcet::schulze(election, &ids, matrix),
                Method::RankedPairs => condorcet::ranked_pairs(election, &ids, matrix),
                _ => condorcet::copeland(election, &ids, matrix),
            }
        }
        Method::Score | Method::Star | Method::MajorityJudgment => {
            graded::finish(election, &ids, aggregate)
        }
        method if method.is_committee() => committee::finish(election, &ids, aggregate)?,
        _ => {
            let ranked = rank_with_rule(&ids, &aggregate.votes, election.seats, &rule);
            Outcome::new(ranked, aggregate.votes)
        }
    };
    let id_of = |c: usize| ids.get(c).map(|id| (*id).to_owned());
    let n = ids.len();
    Ok(TallyResult {
        election: election.id.clone(),
        method: election.method,
        seats: election.seats,
        winners: outcome.ranked.winners,
        ranking: outcome.ranked.ranking,
        counts: ids
            .iter()
            .zip(&outcome.counts)
            .map(|(id, v)| ((*id).to_owned(), *v))
            .collect(),
        ballots: summary,
        rejected,
        ties: outcome.ranked.ties,
        complete: outcome.ranked.complete,
        pairwise: outcome.pairwise.map(|m| m.to_map(&ids)),
        strongest_paths: outcome.strongest_paths.map(|p| {
            square_map(&ids, |x, y| {
                p.get(cell_index(n, x, y)).copied().unwrap_or(0)
            })
        }),
        condorcet_winner: outcome.condorcet_winner.and_then(id_of),
        runoff: outcome.runoff.map(|r| {
            r.into_iter()
                .filter_map(|(c, v)| Some((id_of(c)?, v)))
                .collect()
        }),
        rounds: Vec::new(),
        draw_seed: election.seed_record().ok().flatten().map(Box::new),
    })
}

/// Counts an election of one of this module's methods in one shard.
pub(crate) fn tally_extended(
    election: &Election,
    ballots: &BallotBox,
) -> Result<TallyResult, TallyError> {
    check_method(election)?;
    let shard = count_shard(election, ballots)?;
    finish(election, shard.aggregate, shard.summary, shard.rejected)
}

/// Counts a ranked method (`schulze`, `ranked_pairs`, `copeland`, `borda`) over a compact
/// profile: what [`tally_extended`] does with the profile's wire ballots (an empty ranking is
/// `empty_ballot`), entry indices as ballot indices.
pub(crate) fn tally_ranked_profile(
    election: &Election,
    profile: &Profile,
) -> Result<TallyResult, TallyError> {
    check_method(election)?;
    let n = election.candidates.len();
    let unranked = election.pairwise.unwrap_or_default().unranked;
    let mut aggregate = empty_aggregate(election);
    let mut summary = BallotSummary::default();
    let mut rejected = Vec::new();
    let mut position = Vec::with_capacity(n);
    for (index, (ranking, weight)) in profile.iter().enumerate() {
        add_to(&mut summary.cast, weight)?;
        if ranking.is_empty() {
            add_to(&mut summary.rejected, weight)?;
            rejected.push(Rejection {
                index,
                voter: None,
                code: RejectionCode::EmptyBallot,
                count: weight,
            });
            continue;
        }
        add_to(&mut summary.valid, weight)?;
        let added = if election.method == Method::Borda {
            let levels: Vec<Vec<usize>> = ranking.iter().map(|&c| vec![usize::from(c)]).collect();
            positional::add_borda(&mut aggregate.votes, &levels, n, unranked, weight)
                .ok()
                .flatten()
        } else if let Some(matrix) = aggregate.pairwise.as_mut() {
            matrix.add_strict(ranking, weight, unranked, &mut position)
        } else {
            None
        };
        added.ok_or_else(overflow)?;
    }
    finish(election, aggregate, summary, rejected)
}

/// Ranks candidates in the given tiers (best first) and fills `seats`. Ties within a tier are
/// reported with `report[c]` of their first member as their `votes` (the tier's depth when
/// `report` is `None`).
pub(crate) fn rank_tiers(
    ids: &[&str],
    tiers: &[Vec<usize>],
    report: Option<&[u64]>,
    election: &Election,
) -> Ranked {
    let below = condorcet::below_counts(ids.len(), tiers);
    let rule = TieRule::new(election, ids);
    let mut ranked = rank_with_rule(ids, &below, election.seats, &rule);
    if let Some(report) = report {
        for tie in &mut ranked.ties {
            let first = tie
                .candidates
                .first()
                .and_then(|id| ids.iter().position(|c| c == id));
            tie.votes = first.and_then(|c| report.get(c)).copied().unwrap_or(0);
        }
    }
    ranked
}

/// Reads a document error for an option field.
pub(crate) fn option_error(path: &str, message: &str) -> TallyError {
    TallyError::Document(DocumentError {
        path: path.to_owned(),
        message: message.to_owned(),
    })
}

/// Reads a list of partial tallies from any serde source (path root `partials`).
pub fn read_partials<'de, D: serde::Deserializer<'de>>(
    source: D,
) -> Result<Vec<PartialTally>, TallyError> {
    Ok(crate::error::read_document(source, "partials")?)
}
