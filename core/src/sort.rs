//! The crate's one way to sort: stable, by a comparison, with the same result on every
//! platform.
//!
//! Every sort in the crate goes through [`sort_by`] (and its forms by key and by `Ord`), so
//! that results never depend on how an unstable sort orders equal elements (which varies with
//! the element type's size), and so that the WebAssembly module holds one sort routine rather
//! than one per element type and comparison: there, the positions `0..n` are sorted (one
//! instantiation of the standard stable sort, on `u32`s with a comparison behind a reference)
//! and the elements are then moved into that order. A stable sort's result is fully
//! determined by the comparison, so both ways give the same order. Elsewhere the standard
//! stable sort runs on the elements directly.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    items.sort_by(compare);
}

/// Sorts `items` stably by `compare` (see the module documentation).
#[cfg(target_arch = "wasm32")]
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    sort_by_positions(items, compare);
}

/// Sorts the positions of `items`, then moves the items into that order.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn sort_by_positions<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let Ok(n) = u32::try_from(items.len()) else {
        // More items than a wasm32 address space holds `u32` positions for: cannot happen.
        return;
    };
    let mut order: Vec<u32> = (0..n).collect();
    {
        let items = &*items;
        let mut by_position = |a: u32, b: u32| match (items.get(a as usize), items.get(b as usize))
        {
            (Some(x), Some(y)) => compare(x, y),
            _ => Ordering::Equal,
        };
        sort_positions(&mut order, &mut by_position);
    }
    permute(items, &order);
}

/// The one sort instantiation of the WebAssembly module.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[inline(never)]
fn sort_positions(order: &mut [u32], compare: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Moves `items` into `order` (`order[i]`: the position of the item that goes to `i`), by
/// following each cycle of the permutation once.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn permute<T>(items: &mut [T], order: &[u32]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        if done.get(start).copied().unwrap_or(true) {
            continue;
        }
        // Walk the cycle through `start`: the item at `next` belongs at `at`.
        let mut at = start;
        loop {
            if let Some(d) = done.get_mut(at) {
                *d = true;
            }
            let next = order.get(at).map_or(start, |&n| n as usize);
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// Sorts `items` stably by a key.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their order.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn stable_by_the_comparison() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(
            items,
            [(0, 'f'), (1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
        let mut words = vec!["pear", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
    }

    #[test]
    fn sorting_positions_gives_the_standard_stable_order() {
        let mut state = 2006u64;
        for n in [0usize, 1, 2, 7, 50, 1000] {
            let items: Vec<(u8, u32)> = (0..n)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    ((state % 5) as u8, i as u32)
                })
                .collect();
            let mut standard = items.clone();
            standard.sort_by_key(|&(k, _)| k);
            let mut positions = items.clone();
            sort_by_positions(&mut positions, |a, b| a.0.cmp(&b.0));
            assert_eq!(positions, standard, "n = {n}");
        }
    }
}
