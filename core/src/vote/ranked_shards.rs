//! Counting `irv` and `stv` elections in shards.
//!
//! An elimination count cannot be summed candidate by candidate, but it depends only on how
//! many valid ballots carry each distinct set of marks. A shard therefore checks its ballots
//! (roll, kind, unknown candidates, `max_rankings`) and sends its valid ballots grouped by
//! their marks, as [`RankedGroup`]s in the wire format; the merger adds the groups of every
//! shard and runs the count once. Grouping never changes a count: the ballot rules
//! (overvotes, skipped ranks, repeated candidates) are applied to each distinct mark set, and
//! the rounds add the weights of identical ballots. The `irv`/`stv` options are checked when
//! the merger counts, so an election with invalid options fails at `merge_partials`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::ballot::Rank;
use super::ballot_box::BallotBox;
use super::content_groups::ContentGroups;
use super::election::{Election, Method};
use super::error::TallyError;
use super::mark_key;
use super::merge::{MergeError, PartialTally};
use super::ranked::{check_size, compile_marks, read_marks, ReadRules};
use super::result::{BallotSummary, Rejection, TallyResult};
use super::stv::stv_read_rules;
use super::{irv, stv, MAX_RANK_POSITIONS};

/// Identical valid ranked ballots of one shard (`irv`, `stv`): the ranking as cast, with
/// blank ranks kept where they precede a marked rank (they matter for `max_skipped_ranks`)
/// and trailing blanks dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankedGroup {
    /// The ranking, best first, as on a ballot.
    pub ranking: Vec<Rank>,
    /// How many valid ballots carry exactly these marks.
    pub count: u64,
}

/// True for the methods whose shards carry [`RankedGroup`]s.
pub(crate) fn is_elimination(method: Method) -> bool {
    matches!(method, Method::Irv | Method::Stv)
}

/// The static ballot rules of `election`'s elimination count.
fn read_rules(election: &Election) -> ReadRules {
    match election.method {
        Method::Stv => stv_read_rules(election),
        _ => election.irv.clone().unwrap_or_default().read_rules(),
    }
}

/// Counts one shard of an `irv`/`stv` election: its ballots checked, the valid ones grouped
/// by their marks in a canonical order.
pub(crate) fn ranked_partial(
    election: &Election,
    ballots: &BallotBox,
) -> Result<PartialTally, TallyError> {
    let marked = read_marks(election, ballots, read_rules(election).max_rankings)?;
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    let mut keys: Vec<(&[u32], u64)> = marked.marks.iter().collect();
    crate::sort::sort_by(&mut keys, |a, b| {
        mark_key::canonical_cmp(a.0, b.0).then(a.1.cmp(&b.1))
    });
    let groups = keys
        .into_iter()
        .map(|(key, count)| RankedGroup {
            ranking: ranking_of(key, &ids),
            count,
        })
        .collect();
    Ok(PartialTally {
        election: election.id.clone(),
        method: election.method,
        entries: u64::try_from(ballots.len()).unwrap_or(u64::MAX),
        ballots: marked.summary,
        rejected: marked.rejected,
        voters: marked.voters,
        votes: None,
        pairwise: None,
        grades: None,
        profile: None,
        rankings: Some(groups),
    })
}

/// A [`mark_key`] as a wire ranking.
fn ranking_of(key: &[u32], ids: &[&str]) -> Vec<Rank> {
    let name = |c: &u32| {
        ids.get(*c as usize)
            .map(|id| (*id).to_owned())
            .unwrap_or_default()
    };
    let mut ranking = Vec::new();
    for (number, marks) in mark_key::ranks_of(key) {
        while ranking.len().saturating_add(1) < number as usize {
            ranking.push(Rank::Several(Vec::new()));
        }
        ranking.push(match marks {
            [one] => Rank::One(name(one)),
            several => Rank::Several(several.iter().map(name).collect()),
        });
    }
    ranking
}

/// Adds the shards' [`RankedGroup`]s and runs the elimination count once.
pub(crate) struct RankedMerger<'e> {
    election: &'e Election,
    index_of: BTreeMap<&'e str, u32>,
    max_rankings: Option<u32>,
    marks: ContentGroups<u32>,
}

impl<'e> RankedMerger<'e> {
    /// A merger for `election` (an `irv` or `stv` election).
    pub(crate) fn new(election: &'e Election) -> Result<Self, TallyError> {
        check_size(election)?;
        Ok(RankedMerger {
            election,
            index_of: election
                .candidates
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((c.id(), u32::try_from(i).ok()?)))
                .collect(),
            max_rankings: read_rules(election).max_rankings,
            marks: ContentGroups::default(),
        })
    }

    /// Adds one shard's groups and returns their total weight; `path` names the shard's
    /// `rankings` field for errors.
    pub(crate) fn add(&mut self, groups: &[RankedGroup], path: &str) -> Result<u64, MergeError> {
        let overflow = || {
            MergeError::Tally(TallyError::CountOverflow {
                path: "ballots".to_owned(),
            })
        };
        let mut total = 0u64;
        let mismatch = |reason: &'static str| MergeError::Mismatch {
            path: path.to_owned(),
            reason,
        };
        let mut key: Vec<u32> = Vec::new();
        let mut candidates: Vec<u32> = Vec::new();
        for group in groups {
            if group.ranking.len() > MAX_RANK_POSITIONS {
                return Err(mismatch("a ranking has too many positions"));
            }
            key.clear();
            let mut previous = 0;
            for (position, rank) in group.ranking.iter().enumerate() {
                let ids = rank.candidates();
                if ids.is_empty() {
                    continue;
                }
                let number = u32::try_from(position)
                    .unwrap_or(u32::MAX)
                    .saturating_add(1);
                if self.max_rankings.is_some_and(|max| number > max) {
                    return Err(mismatch("a ranking goes past max_rankings"));
                }
                candidates.clear();
                for id in ids {
                    let c = self
                        .index_of
                        .get(id.as_str())
                        .ok_or_else(|| mismatch("unknown candidate"))?;
                    candidates.push(*c);
                }
                mark_key::push_rank(&mut key, previous, number, &candidates);
                previous = number;
            }
            self.marks.add(&key, group.count).ok_or_else(overflow)?;
            total = total.checked_add(group.count).ok_or_else(overflow)?;
        }
        Ok(total)
    }

    /// Runs the count over every shard's groups.
    pub(crate) fn finish(
        self,
        summary: BallotSummary,
        rejected: Vec<Rejection>,
    ) -> Result<TallyResult, TallyError> {
        let marks = self.marks;
        let read = |rules: &ReadRules| compile_marks(&marks, summary, rejected, rules);
        match self.election.method {
            Method::Stv => stv::tally_stv_with(self.election, read),
            _ => irv::tally_irv_with(self.election, read),
        }
    }
}
