//! Identical ballots grouped by content: distinct keys (the marks of a ballot, as a slice of
//! numbers) with the summed weights of the ballots that carry them, in one flat buffer.
//!
//! Each distinct key is stored once, after the others, and found again through a hash table
//! of group numbers, so grouping 100,000 ballots allocates nothing per ballot. Groups come
//! out in the order their keys first appeared: deterministic, and independent of the hasher.

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::hash::{BuildHasher, Hash};

/// Distinct keys with their weights; see the module documentation.
#[derive(Clone, Debug)]
pub(crate) struct ContentGroups<T> {
    /// Every distinct key, one after the other.
    keys: Vec<T>,
    /// `ends[g]`: where group `g`'s key ends in `keys` (it starts where `g - 1`'s ends).
    ends: Vec<u32>,
    weights: Vec<u64>,
    table: HashTable<u32>,
    hasher: FixedState,
}

impl<T> Default for ContentGroups<T> {
    fn default() -> Self {
        ContentGroups {
            keys: Vec::new(),
            ends: Vec::new(),
            weights: Vec::new(),
            table: HashTable::new(),
            hasher: FixedState::default(),
        }
    }
}

/// Group `g`'s key in `keys` split at `ends`.
fn key_at<'k, T>(keys: &'k [T], ends: &[u32], g: u32) -> &'k [T] {
    let g = g as usize;
    let start = g
        .checked_sub(1)
        .and_then(|before| ends.get(before))
        .map_or(0, |&e| e as usize);
    let end = ends.get(g).map_or(start, |&e| e as usize);
    keys.get(start..end).unwrap_or(&[])
}

impl<T: Copy + Eq + Hash> ContentGroups<T> {
    /// Adds `weight` ballots with `key`; `None` when a total passes `u64::MAX` or the
    /// keys `u32::MAX` numbers (nothing is added then).
    pub(crate) fn add(&mut self, key: &[T], weight: u64) -> Option<()> {
        let hash = self.hasher.hash_one(key);
        let (keys, ends) = (&self.keys, &self.ends);
        if let Some(&g) = self.table.find(hash, |&g| key_at(keys, ends, g) == key) {
            let total = self.weights.get_mut(g as usize)?;
            *total = total.checked_add(weight)?;
            return Some(());
        }
        let g = u32::try_from(self.ends.len()).ok()?;
        let end = u32::try_from(self.keys.len().checked_add(key.len())?).ok()?;
        self.keys.extend_from_slice(key);
        self.ends.push(end);
        self.weights.push(weight);
        let (keys, ends, hasher) = (&self.keys, &self.ends, &self.hasher);
        self.table
            .insert_unique(hash, g, |&h| hasher.hash_one(key_at(keys, ends, h)));
        Some(())
    }

    /// The groups in order of first appearance: key and total weight.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&[T], u64)> + '_ {
        (0..self.ends.len()).filter_map(move |g| {
            let weight = *self.weights.get(g)?;
            Some((
                key_at(&self.keys, &self.ends, u32::try_from(g).ok()?),
                weight,
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_keys_share_a_group_in_order_of_first_appearance() {
        let mut groups = ContentGroups::default();
        for (key, weight) in [
            (&[3u32, 1][..], 2),
            (&[1], 1),
            (&[3, 1], 5),
            (&[], 4),
            (&[1], 1),
        ] {
            assert_eq!(groups.add(key, weight), Some(()));
        }
        let got: Vec<(Vec<u32>, u64)> = groups.iter().map(|(k, w)| (k.to_vec(), w)).collect();
        assert_eq!(
            got,
            [(vec![3, 1], 7), (vec![1], 2), (vec![], 4)],
            "groups in first-appearance order"
        );
        assert_eq!(
            groups.add(&[1], u64::MAX),
            None,
            "an overflowing total is refused"
        );
        assert_eq!(groups.iter().count(), 3);
    }
}
