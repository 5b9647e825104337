//! Tie-breaking for the elimination methods (`irv`, `stv`).
//!
//! The rules of [`TieBreak`] apply in a fixed order: `previous_rounds` (when set), then
//! `order` (when given), then the seeded lot (when `seed` is given and `stop` is not set), or
//! in its place RCTab's `random` draw (when `rctab_random_seed` is given, see [`java`]).
//! What none of them settles stays unresolved and stops the count, unless it cannot change
//! the winners: see [`search`].

mod java;
mod search;

pub use search::{MAX_TIE_COUNTS, MAX_TIE_WORK};

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::election::{Election, TieBreak};
use super::error::TallyError;
use super::result::TieResolution;
use crate::draw::lottery_order;
use crate::error::FieldPath;

/// Which earlier rounds decide a tie first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Look {
    /// None.
    None,
    /// The latest round first (RCTab's previous round counts).
    Backward,
    /// The first round first (Scottish STV).
    Forward,
}

/// A prepared tie-breaker: candidate positions in the fixed order and in the lot.
pub(crate) struct TieBreaker {
    previous_rounds: bool,
    order: Option<HashMap<usize, usize>>,
    lot: Option<(String, HashMap<usize, usize>)>,
    rctab: Option<Rctab>,
    /// Whether a tie no rule settles may be searched for its effect (no `stop`).
    searchable: bool,
    /// The picks forced on the unresolved ties of one count of the search.
    script: RefCell<search::Script>,
}

/// RCTab's `random` tie-break: its one `java.util.Random`, shared by every tie of the count.
struct Rctab {
    /// The seed, as recorded in the resolution.
    seed: i64,
    /// The generator, advanced by every draw.
    random: Cell<java::JavaRandom>,
}

impl Rctab {
    /// Draws among `tied` as RCTab does: the tied candidates' ids sorted as Java strings, then
    /// the one at `floor(nextDouble() * len)`. Returns the pick and that sorted order.
    fn draw(&self, tied: &[usize], ids: &[&str]) -> (Option<usize>, Vec<usize>) {
        let name = |c: &usize| ids.get(*c).copied().unwrap_or_default();
        let mut order = tied.to_vec();
        crate::sort::sort_by(&mut order, |a, b| java::compare_strings(name(a), name(b)));
        let mut random = self.random.get();
        let index = random.pick_index(order.len());
        self.random.set(random);
        (order.get(index).copied(), order)
    }
}

impl TieBreaker {
    /// Prepares the tie-breaker of `election`, checking `tie_break.order`.
    pub(crate) fn new(election: &Election) -> Result<Self, TallyError> {
        let default = TieBreak::default();
        let rules = election.tie_break.as_ref().unwrap_or(&default);
        let index_of: HashMap<&str, usize> = election
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id(), i))
            .collect();
        let order = match &rules.order {
            None => None,
            Some(ids) => {
                let path = FieldPath::root("election")
                    .field("tie_break")
                    .field("order");
                let mut positions = HashMap::new();
                for (position, id) in ids.iter().enumerate() {
                    let index =
                        *index_of
                            .get(id.as_str())
                            .ok_or_else(|| TallyError::InvalidOption {
                                path: path.index(position).into(),
                                message: format!("{id:?} is not a candidate"),
                            })?;
                    if positions.insert(index, position).is_some() {
                        return Err(TallyError::InvalidOption {
                            path: path.index(position).into(),
                            message: format!("{id:?} is listed twice"),
                        });
                    }
                }
                Some(positions)
            }
        };
        let lot = match (election.draw_seed(), rules.stop) {
            (Some(seed), false) => {
                let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
                let positions = lottery_order(&seed, &ids)
                    .into_iter()
                    .enumerate()
                    .filter_map(|(position, id)| index_of.get(id.as_str()).map(|&i| (i, position)))
                    .collect();
                Some((seed, positions))
            }
            _ => None,
        };
        let rctab = match (rules.rctab_random_seed, rules.stop) {
            (Some(seed), false) => Some(Rctab {
                seed,
                random: Cell::new(java::JavaRandom::new(seed)),
            }),
            _ => None,
        };
        Ok(TieBreaker {
            previous_rounds: rules.previous_rounds,
            order,
            searchable: !rules.stop && lot.is_none() && rctab.is_none(),
            lot,
            rctab,
            script: RefCell::new(search::Script::default()),
        })
    }

    /// Picks one of `tied` (candidate indices): the one to eliminate when `loser`, else the
    /// one to elect. `history` holds each earlier round's totals by candidate index, oldest
    /// first (`None` for a candidate not in that round). Returns the pick (`None` when the tie
    /// stands) and how it was decided.
    pub(crate) fn pick<V: Ord + Copy>(
        &self,
        tied: &[usize],
        loser: bool,
        history: &[Vec<Option<V>>],
        ids: &[&str],
    ) -> (Option<usize>, TieResolution) {
        let look = if self.previous_rounds {
            Look::Backward
        } else {
            Look::None
        };
        self.pick_looking(tied, loser, history, ids, look)
    }

    /// As [`TieBreaker::pick`], with the look at earlier rounds given by the rule (Scottish
    /// STV looks forward from the first stage, whatever `previous_rounds` says).
    pub(crate) fn pick_looking<V: Ord + Copy>(
        &self,
        tied: &[usize],
        loser: bool,
        history: &[Vec<Option<V>>],
        ids: &[&str],
        look: Look,
    ) -> (Option<usize>, TieResolution) {
        let mut remaining: Vec<usize> = tied.to_vec();
        if look != Look::None {
            let mut stages: Vec<(usize, &Vec<Option<V>>)> = history.iter().enumerate().collect();
            if look == Look::Backward {
                stages.reverse();
            }
            for (back, totals) in stages {
                let value = |c: &usize| totals.get(*c).copied().flatten();
                let extreme = if loser {
                    remaining.iter().filter_map(value).min()
                } else {
                    remaining.iter().filter_map(value).max()
                };
                let Some(extreme) = extreme else { continue };
                let kept: Vec<usize> = remaining
                    .iter()
                    .copied()
                    .filter(|c| value(c) == Some(extreme))
                    .collect();
                if kept.len() < remaining.len() && !kept.is_empty() {
                    remaining = kept;
                    if let [only] = remaining.as_slice() {
                        let round = u32::try_from(back).unwrap_or(u32::MAX).saturating_add(1);
                        return (Some(*only), TieResolution::PreviousRounds { round });
                    }
                }
            }
        }
        let name = |c: &usize| ids.get(*c).map(|id| (*id).to_owned()).unwrap_or_default();
        if let Some(positions) = &self.order {
            let mut listed: Vec<usize> = remaining
                .iter()
                .copied()
                .filter(|c| positions.contains_key(c))
                .collect();
            if !listed.is_empty() {
                crate::sort::sort_by_key(&mut listed, |c| {
                    positions.get(c).copied().unwrap_or(usize::MAX)
                });
                let unlisted = remaining.len().saturating_sub(listed.len()); // listed ⊆ remaining
                                                                             // A loser is the last listed one only when every tied candidate is listed;
                                                                             // a winner is the first listed one in any case.
                let pick = if loser {
                    (unlisted == 0).then(|| listed.last().copied()).flatten()
                } else {
                    listed.first().copied()
                };
                if let Some(pick) = pick {
                    return (
                        Some(pick),
                        TieResolution::Order {
                            order: listed.iter().map(name).collect(),
                        },
                    );
                }
            }
        }
        if let Some(rctab) = &self.rctab {
            let (pick, mut drawn) = rctab.draw(&remaining, ids);
            // Recorded as a lot: the pick first when electing, last when eliminating.
            if let Some(p) = pick {
                drawn.retain(|&c| c != p);
                if loser {
                    drawn.push(p);
                } else {
                    drawn.insert(0, p);
                }
            }
            return (
                pick,
                TieResolution::Lot {
                    seed: format!("rctab_random_seed:{}", rctab.seed),
                    order: drawn.iter().map(name).collect(),
                },
            );
        }
        if let Some((seed, positions)) = &self.lot {
            let mut drawn = remaining.clone();
            crate::sort::sort_by_key(&mut drawn, |c| {
                positions.get(c).copied().unwrap_or(usize::MAX)
            });
            let pick = if loser {
                drawn.last().copied()
            } else {
                drawn.first().copied()
            };
            return (
                pick,
                TieResolution::Lot {
                    seed: seed.clone(),
                    order: drawn.iter().map(name).collect(),
                },
            );
        }
        self.script.borrow_mut().unresolved(&remaining, loser, ids)
    }
}
