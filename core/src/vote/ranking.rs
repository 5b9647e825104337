//! From vote totals to a ranking, winners and recorded ties.

use std::collections::HashMap;

use super::result::{Tie, TieResolution};
use crate::draw::lottery_order;

/// A ranking with its winners and the ties met on the way.
pub(crate) struct Ranked {
    pub ranking: Vec<Vec<String>>,
    pub winners: Vec<String>,
    pub ties: Vec<Tie>,
    pub complete: bool,
}

/// Ranks candidates by `votes` (highest first) and fills `seats`.
///
/// Equal totals form a tier. With a seed, every tier of several is ordered by the lottery
/// order of all candidate ids ([`crate::draw::lottery_order`]) and recorded as a tie broken by
/// lot. Without a seed the tier stays whole, is recorded as unresolved, and if it straddles
/// the last seat none of its members is declared elected.
pub(crate) fn rank_by_votes(ids: &[&str], votes: &[u64], seats: u32, seed: Option<&str>) -> Ranked {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(votes.get(i).copied().unwrap_or(0)));

    let lot_position: Option<HashMap<String, usize>> = seed.map(|seed| {
        lottery_order(seed, ids)
            .into_iter()
            .enumerate()
            .map(|(position, id)| (id, position))
            .collect()
    });

    let seats = usize::try_from(seats).unwrap_or(usize::MAX);
    let mut ranked = Ranked {
        ranking: Vec::new(),
        winners: Vec::new(),
        ties: Vec::new(),
        complete: true,
    };
    let mut placed = 0usize;
    for tier in order.chunk_by(|&a, &b| votes.get(a) == votes.get(b)) {
        let tier_votes = tier
            .first()
            .and_then(|&i| votes.get(i))
            .copied()
            .unwrap_or(0);
        let mut members: Vec<String> = tier
            .iter()
            .filter_map(|&i| ids.get(i).map(|id| (*id).to_owned()))
            .collect();
        let open = seats.saturating_sub(placed);
        let straddles = open > 0 && members.len() > open;
        if members.len() > 1 {
            // The sort above is stable, so a tier is still in election order here.
            let candidates = members.clone();
            let seats_at_stake = if straddles { open } else { 0 };
            let resolution = match (&lot_position, seed) {
                (Some(position), Some(seed)) => {
                    members.sort_by_key(|id| position.get(id).copied().unwrap_or(usize::MAX));
                    TieResolution::Lot {
                        seed: seed.to_owned(),
                        order: members.clone(),
                    }
                }
                _ => TieResolution::Unresolved,
            };
            ranked.ties.push(Tie {
                candidates,
                votes: tier_votes,
                seats_at_stake: u32::try_from(seats_at_stake).unwrap_or(u32::MAX),
                resolution,
            });
        }
        if lot_position.is_some() {
            for member in members {
                if ranked.winners.len() < seats {
                    ranked.winners.push(member.clone());
                }
                ranked.ranking.push(vec![member]);
            }
        } else {
            if straddles {
                ranked.complete = false;
            } else if ranked.complete && open > 0 {
                ranked.winners.extend(members.iter().cloned());
            }
            ranked.ranking.push(members);
        }
        placed = placed.saturating_add(tier.len());
    }
    ranked
}
