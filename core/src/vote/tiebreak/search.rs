//! Ties that cannot change the outcome: a bounded search over the ways of breaking them.
//!
//! When a tie in an elimination count (`irv`, `stv`) is settled by no rule (no seed, no
//! order that decides it, no earlier round that differs), the count is run again once for
//! each way of breaking it, and again for each way of breaking every later tie that no rule
//! settles, depth first, the tied candidates taken in reverse listed order for an
//! elimination and in listed order for an election. If every one of these counts completes
//! and elects the same winners (as a set), the tie could not matter: the count completes
//! without a draw, and the tie (with each later one of the count shown) is recorded as
//! [`TieResolution::NoEffect`] with the number of complete counts explored from it. The
//! count shown is the first one explored: each such tie broken as the candidates' listed
//! order would break it (the one listed last eliminated, the one listed first elected).
//!
//! The search is bounded: it stops as soon as two counts disagree or one is incomplete, and
//! it runs at most [`MAX_TIE_COUNTS`] counts, fewer for a large count (the counts times
//! `(ballot groups + 1) × candidates` stay within [`MAX_TIE_WORK`]). Beyond the bound the
//! tie stays `unresolved`, as it would without the search. A tie that a seed, an order,
//! RCTab's random draw or an earlier round decides is decided as before and never searched,
//! and `tie_break.stop` turns the search off.

use super::TieBreaker;
use crate::vote::error::TallyError;
use crate::vote::result::{TallyResult, TieResolution};

/// Most counts the search for a tie without effect runs, beyond the first count.
pub const MAX_TIE_COUNTS: usize = 256;

/// Most work of that search: counts run times `(ballot groups + 1) × candidates`.
pub const MAX_TIE_WORK: u64 = 1 << 26;

/// The picks forced on the unresolved ties of one count, in the order they are met.
#[derive(Debug, Default)]
pub(crate) struct Script {
    /// Whether the search is running (otherwise an unresolved tie is simply unresolved).
    active: bool,
    /// `(candidate to pick, branches explored)` for the first unresolved ties.
    picks: Vec<(usize, u32)>,
    /// How many unresolved ties the count has met so far.
    used: usize,
    /// The first tie past the picks: its candidates, in the order they are tried.
    met: Option<Vec<usize>>,
}

impl Script {
    /// A tie no rule settles: the scripted pick, else unresolved (remembering the tie).
    pub(crate) fn unresolved(
        &mut self,
        tied: &[usize],
        loser: bool,
        ids: &[&str],
    ) -> (Option<usize>, TieResolution) {
        if !self.active {
            return (None, TieResolution::Unresolved);
        }
        let i = self.used;
        self.used = self.used.saturating_add(1);
        let mut listed = tied.to_vec();
        crate::sort::sort(&mut listed);
        if let Some(&(pick, branches)) = self.picks.get(i) {
            if tied.contains(&pick) {
                let order = listed
                    .iter()
                    .filter_map(|&c| ids.get(c).map(|id| (*id).to_owned()))
                    .collect();
                return (Some(pick), TieResolution::NoEffect { order, branches });
            }
        }
        if self.met.is_none() {
            if loser {
                listed.reverse();
            }
            self.met = Some(listed);
        }
        (None, TieResolution::Unresolved)
    }
}

/// What the counts below one tie agree on.
struct Solved {
    /// The winners, sorted.
    winners: Vec<String>,
    /// Complete counts explored.
    leaves: u32,
    /// The picks of the count shown from this tie on, with their branch numbers.
    path: Vec<(usize, u32)>,
}

/// Counts the search may still run.
struct Budget(usize);

impl Budget {
    fn take(&mut self) -> bool {
        match self.0.checked_sub(1) {
            Some(left) => {
                self.0 = left;
                true
            }
            None => false,
        }
    }
}

type Outcome = (TallyResult, Option<Vec<usize>>);

impl TieBreaker {
    /// Runs `count` with this tie-breaker and, when the count stops at a tie no rule
    /// settles, searches whether the tie matters (see the module documentation). `cost` is
    /// the work of one count, `(ballot groups + 1) × candidates`.
    pub(crate) fn settle<F>(&self, cost: u64, count: F) -> Result<TallyResult, TallyError>
    where
        F: Fn(&TieBreaker) -> Result<TallyResult, TallyError>,
    {
        if !self.searchable {
            return count(self);
        }
        let (first, met) = self.scripted(&count, Vec::new())?;
        let Some(tied) = met else {
            return Ok(first);
        };
        if first.complete {
            return Ok(first);
        }
        let by_work = usize::try_from(MAX_TIE_WORK.checked_div(cost).unwrap_or(MAX_TIE_WORK))
            .unwrap_or(usize::MAX);
        let mut budget = Budget(MAX_TIE_COUNTS.min(by_work));
        let Some(solved) = self.solve(&count, &[], &tied, &mut budget)? else {
            return Ok(first);
        };
        let (shown, _) = self.scripted(&count, solved.path)?;
        Ok(if shown.complete { shown } else { first })
    }

    /// One count with `picks` forced on its unresolved ties; also the first tie past them.
    fn scripted<F>(&self, count: &F, picks: Vec<(usize, u32)>) -> Result<Outcome, TallyError>
    where
        F: Fn(&TieBreaker) -> Result<TallyResult, TallyError>,
    {
        *self.script.borrow_mut() = Script {
            active: true,
            picks,
            used: 0,
            met: None,
        };
        let result = count(self);
        let met = std::mem::take(&mut *self.script.borrow_mut()).met;
        Ok((result?, met))
    }

    /// Whether every way of breaking the tie met after `prefix` (its candidates `tied`, in
    /// the order they are tried) leads to the same winners; `None` when not, or past the
    /// budget.
    fn solve<F>(
        &self,
        count: &F,
        prefix: &[(usize, u32)],
        tied: &[usize],
        budget: &mut Budget,
    ) -> Result<Option<Solved>, TallyError>
    where
        F: Fn(&TieBreaker) -> Result<TallyResult, TallyError>,
    {
        let mut agreed: Option<Vec<String>> = None;
        let mut leaves = 0u32;
        let mut path = Vec::new();
        for (i, &pick) in tied.iter().enumerate() {
            if !budget.take() {
                return Ok(None);
            }
            let mut picks = prefix.to_vec();
            picks.push((pick, 0));
            let (result, met) = self.scripted(count, picks.clone())?;
            let below = match met {
                Some(next) => match self.solve(count, &picks, &next, budget)? {
                    Some(below) => below,
                    None => return Ok(None),
                },
                None if result.complete => {
                    let mut winners = result.winners;
                    crate::sort::sort(&mut winners);
                    Solved {
                        winners,
                        leaves: 1,
                        path: Vec::new(),
                    }
                }
                None => return Ok(None),
            };
            if agreed.as_ref().is_some_and(|w| *w != below.winners) {
                return Ok(None);
            }
            agreed.get_or_insert(below.winners);
            leaves = leaves.saturating_add(below.leaves);
            if i == 0 {
                path = below.path;
            }
        }
        let (Some(winners), Some(&first)) = (agreed, tied.first()) else {
            return Ok(None);
        };
        let mut full = vec![(first, leaves)];
        full.extend(path);
        Ok(Some(Solved {
            winners,
            leaves,
            path: full,
        }))
    }
}
