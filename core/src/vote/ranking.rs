//! From vote totals to a ranking, winners and recorded ties.

use std::collections::HashMap;

use super::election::Election;
use super::result::{Tie, TieResolution};
use crate::draw::lottery_order;

/// A ranking with its winners and the ties met on the way.
pub(crate) struct Ranked {
    pub ranking: Vec<Vec<String>>,
    pub winners: Vec<String>,
    pub ties: Vec<Tie>,
    pub complete: bool,
}

/// How this election breaks ties: `tie_break.order` first (listed candidates, most favoured
/// first), then the seeded lot. `position[c]` is candidate `c`'s priority (lower is better).
pub(crate) struct TieRule {
    pub position: Option<Vec<usize>>,
    listed: Vec<bool>,
    seed: Option<String>,
}

impl TieRule {
    pub(crate) fn new(election: &Election, ids: &[&str]) -> Self {
        let order = election.tie_break.as_ref().and_then(|tb| tb.order.as_ref());
        let seed = election.draw_seed();
        let lot: Option<Vec<String>> = seed.as_deref().map(|s| lottery_order(s, ids));
        let order_position: HashMap<&str, usize> = order
            .map(|o| {
                let mut map = HashMap::with_capacity(o.len());
                for (i, id) in o.iter().enumerate() {
                    map.entry(id.as_str()).or_insert(i);
                }
                map
            })
            .unwrap_or_default();
        let lot_position: HashMap<&str, usize> = lot
            .as_ref()
            .map(|l| {
                l.iter()
                    .enumerate()
                    .map(|(i, id)| (id.as_str(), i))
                    .collect()
            })
            .unwrap_or_default();
        let listed: Vec<bool> = ids
            .iter()
            .map(|id| order_position.contains_key(id))
            .collect();
        let position = if order.is_none() && lot.is_none() {
            None
        } else {
            let n = ids.len();
            let mut keys: Vec<(usize, usize, usize)> = ids
                .iter()
                .enumerate()
                .map(|(c, id)| {
                    let in_order = order_position.get(id).copied().unwrap_or(usize::MAX);
                    let in_lot = lot_position.get(id).copied().unwrap_or(n);
                    (in_order, in_lot, c)
                })
                .collect();
            crate::sort::sort(&mut keys);
            let mut position = vec![0; n];
            for (rank, key) in keys.iter().enumerate() {
                if let Some(p) = position.get_mut(key.2) {
                    *p = rank;
                }
            }
            Some(position)
        };
        TieRule {
            position,
            listed,
            seed,
        }
    }

    /// Whether the rule orders every one of `members` (all listed, or a lot to fall back on).
    pub(crate) fn decides(&self, members: &[usize]) -> bool {
        self.position.is_some()
            && (self.seed.is_some() || members.iter().all(|&c| self.listed.get(c) == Some(&true)))
    }

    /// The priority of candidate `c` (lower wins); `usize::MAX` without a rule.
    pub(crate) fn key(&self, c: usize) -> usize {
        self.position
            .as_ref()
            .and_then(|p| p.get(c).copied())
            .unwrap_or(usize::MAX)
    }

    /// How a tie among `members` (already in priority order) was settled.
    pub(crate) fn resolution(&self, members: &[usize], ids: &[&str]) -> TieResolution {
        let order: Vec<String> = members
            .iter()
            .filter_map(|&c| ids.get(c).map(|id| (*id).to_owned()))
            .collect();
        let all_listed = members.iter().all(|&c| self.listed.get(c) == Some(&true));
        match (&self.seed, all_listed && self.position.is_some()) {
            (_, true) => TieResolution::Order { order },
            (Some(seed), false) => TieResolution::Lot {
                seed: seed.clone(),
                order,
            },
            (None, false) => TieResolution::Unresolved,
        }
    }
}

/// Ranks candidates by `votes` (highest first) and fills `seats`, breaking ties by `rule`
/// (a tier of equal votes is a tie;
/// without a rule that decides it, it stays whole and, straddling the last seat, elects none).
pub(crate) fn rank_with_rule(ids: &[&str], votes: &[u64], seats: u32, rule: &TieRule) -> Ranked {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| {
        std::cmp::Reverse(votes.get(i).copied().unwrap_or(0))
    });
    let seats = usize::try_from(seats).unwrap_or(usize::MAX);
    let mut ranked = Ranked {
        ranking: Vec::new(),
        winners: Vec::new(),
        ties: Vec::new(),
        complete: true,
    };
    let id = |c: usize| ids.get(c).map(|id| (*id).to_owned()).unwrap_or_default();
    let mut placed = 0usize;
    for tier in order.chunk_by(|&a, &b| votes.get(a) == votes.get(b)) {
        let tier_votes = tier
            .first()
            .and_then(|&i| votes.get(i))
            .copied()
            .unwrap_or(0);
        let mut members: Vec<usize> = tier.to_vec();
        let open = seats.saturating_sub(placed);
        let straddles = open > 0 && members.len() > open;
        let decided = members.len() > 1 && rule.decides(&members);
        if members.len() > 1 {
            let mut candidates = members.clone();
            crate::sort::sort(&mut candidates);
            let resolution = if decided {
                crate::sort::sort_by_key(&mut members, |&c| rule.key(c));
                rule.resolution(&members, ids)
            } else {
                TieResolution::Unresolved
            };
            ranked.ties.push(Tie {
                candidates: candidates.into_iter().map(id).collect(),
                votes: tier_votes,
                seats_at_stake: u32::try_from(if straddles { open } else { 0 }).unwrap_or(u32::MAX),
                resolution,
            });
        }
        if decided || members.len() == 1 {
            for member in members {
                if ranked.complete && ranked.winners.len() < seats {
                    ranked.winners.push(id(member));
                }
                ranked.ranking.push(vec![id(member)]);
            }
        } else {
            if straddles {
                ranked.complete = false;
            } else if ranked.complete && open > 0 {
                ranked.winners.extend(members.iter().map(|&c| id(c)));
            }
            ranked.ranking.push(members.into_iter().map(id).collect());
        }
        placed = placed.saturating_add(tier.len());
    }
    ranked
}
