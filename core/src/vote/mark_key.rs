//! The mark key of a ranked ballot: what identical ballots of an elimination count
//! (`irv`, `stv`) share, as a short slice of numbers to group them by.
//!
//! For each marked rank, in order: a rank holding one candidate right after the previous
//! marked rank (the common case) is that candidate's index alone; any other rank (after
//! skipped ranks, or marking several candidates) is [`ESCAPE`], its number (from 1), its
//! length, then its candidates. The plain form is used whenever it applies, so two ballots
//! have the same key exactly when they mark the same candidates at the same ranks.

use std::cmp::Ordering;

/// Starts a rank in the long form; candidate indices are below it.
const ESCAPE: u32 = 1 << 31;

/// Appends a marked rank (`number` from 1; `previous`: the last marked rank's number, 0 at
/// first) to `key`.
pub(crate) fn push_rank(key: &mut Vec<u32>, previous: u32, number: u32, candidates: &[u32]) {
    if let [one] = candidates {
        if *one < ESCAPE && Some(number) == previous.checked_add(1) {
            key.push(*one);
            return;
        }
    }
    key.push(ESCAPE);
    key.push(number);
    key.push(u32::try_from(candidates.len()).unwrap_or(u32::MAX));
    key.extend_from_slice(candidates);
}

/// The marked ranks of `key`: each rank's number and candidates.
pub(crate) fn ranks_of(key: &[u32]) -> impl Iterator<Item = (u32, &[u32])> + '_ {
    let mut rest = key;
    let mut previous = 0u32;
    std::iter::from_fn(move || {
        let (rank, tail) = match rest {
            [ESCAPE, number, len, tail @ ..] => {
                let len = (*len as usize).min(tail.len());
                let (candidates, tail) = tail.split_at(len);
                ((*number, candidates), tail)
            }
            [one, tail @ ..] => {
                let number = previous.saturating_add(1);
                ((number, std::slice::from_ref(one)), tail)
            }
            [] => return None,
        };
        previous = rank.0;
        rest = tail;
        Some(rank)
    })
}

/// Whether `key` is in the plain form throughout: ranks 1, 2, … each marking one candidate.
pub(crate) fn is_plain(key: &[u32]) -> bool {
    !key.contains(&ESCAPE)
}

/// Orders keys as their ranks listed as `number, length, candidates…` one after the other
/// compare (the canonical order of the groups a shard sends).
pub(crate) fn canonical_cmp(a: &[u32], b: &[u32]) -> Ordering {
    let flat = |key| {
        ranks_of(key).flat_map(|(number, candidates)| {
            let len = u32::try_from(candidates.len()).unwrap_or(u32::MAX);
            [number, len].into_iter().chain(candidates.iter().copied())
        })
    };
    flat(a).cmp(flat(b))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    fn key(ranks: &[(u32, &[u32])]) -> Vec<u32> {
        let mut key = Vec::new();
        let mut previous = 0;
        for (number, candidates) in ranks {
            push_rank(&mut key, previous, *number, candidates);
            previous = *number;
        }
        key
    }

    #[test]
    fn keys_decode_to_their_ranks() {
        let ranks: &[(u32, &[u32])] = &[(1, &[4]), (2, &[0, 3]), (3, &[1]), (5, &[2]), (6, &[])];
        let k = key(ranks);
        assert_eq!(k[0], 4, "a single mark right after the previous is plain");
        let back: Vec<(u32, Vec<u32>)> = ranks_of(&k).map(|(n, c)| (n, c.to_vec())).collect();
        let want: Vec<(u32, Vec<u32>)> = ranks.iter().map(|(n, c)| (*n, c.to_vec())).collect();
        assert_eq!(back, want);
        assert!(!is_plain(&k));
        assert!(is_plain(&key(&[(1, &[2]), (2, &[0])])));
    }

    #[test]
    fn the_canonical_order_is_that_of_the_long_form() {
        let a = key(&[(1, &[1]), (2, &[0])]); // long form [1,1,1, 2,1,0]
        let b = key(&[(2, &[0])]); // long form [2,1,0]
        let c = key(&[(1, &[0, 2])]); // long form [1,2,0,2]
        assert_eq!(canonical_cmp(&a, &b), Ordering::Less);
        assert_eq!(canonical_cmp(&c, &a), Ordering::Greater);
        assert_eq!(canonical_cmp(&a, &a), Ordering::Equal);
    }
}
