//! The public lottery: a portable, seeded draw that anyone can re-run.
//!
//! Ties in a count and places in an enrolment lottery are decided by one published seed
//! string. The algorithm is fixed and documented so that the same seed gives the same
//! order in Rust, Python, JavaScript, and in any independent re-implementation:
//!
//! 1. **Key.** `key = SHA-256(seed)`, the seed taken as its UTF-8 bytes.
//! 2. **Stream.** The ChaCha20 keystream (20 rounds) under that key, with nonce 0 and the
//!    block counter starting at 0 (identical to RFC 8439 with an all-zero nonce). The stream
//!    is read as consecutive little-endian unsigned 64-bit integers.
//! 3. **Uniform integer below `n`.** Let `r = 2^64 mod n`. Take the next 64-bit integer `x`;
//!    if `x < r`, discard it and take the next one; otherwise the result is `x mod n`.
//!    (Rejection makes every value exactly equally likely.)
//! 4. **Order.** The items are first sorted by their identifiers in byte order (the order of
//!    the input never matters); then, for `i` from `len - 1` down to `1`, draw `j` uniform
//!    below `i + 1` and swap the items at `i` and `j` (Fisher–Yates).
//!
//! The resulting order is the draw: earlier means luckier.

use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};
use sha2::{Digest, Sha256};

/// A stream of uniform draws from a published seed (see the module documentation).
#[derive(Clone, Debug)]
pub struct Draw {
    rng: ChaCha20Rng,
}

impl Draw {
    /// Starts the draw for `seed`: the ChaCha20 key is the SHA-256 of its UTF-8 bytes.
    pub fn from_seed(seed: &str) -> Self {
        let key: [u8; 32] = Sha256::digest(seed.as_bytes()).into();
        Draw {
            rng: ChaCha20Rng::from_seed(key),
        }
    }

    /// The next 64-bit integer of the stream (8 keystream bytes, little-endian).
    pub fn next_u64(&mut self) -> u64 {
        self.rng.next_u64()
    }

    /// A uniform integer in `0..n`, by rejection; `n = 0` gives 0.
    pub fn below(&mut self, n: u64) -> u64 {
        if n <= 1 {
            return 0;
        }
        let reject_under = n.wrapping_neg().checked_rem(n).unwrap_or(0); // 2^64 mod n
        loop {
            let x = self.next_u64();
            if x >= reject_under {
                return x.checked_rem(n).unwrap_or(0);
            }
        }
    }

    /// Shuffles `items` in place by Fisher–Yates from the last index down.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let bound = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
            let j = usize::try_from(self.below(bound)).unwrap_or(0);
            items.swap(i, j);
        }
    }
}

/// The lottery order of `ids` under `seed`: sorted in byte order, then shuffled.
///
/// Duplicate identifiers are kept; the result is a permutation of the input.
pub fn lottery_order<S: AsRef<str>>(seed: &str, ids: &[S]) -> Vec<String> {
    let mut order: Vec<String> = ids.iter().map(|id| id.as_ref().to_owned()).collect();
    crate::sort::sort(&mut order);
    Draw::from_seed(seed).shuffle(&mut order);
    order
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn stream_is_rfc8439_keystream_read_little_endian() {
        // RFC 8439 appendix A.1, test vector 1: all-zero key and nonce, block counter 0.
        // Keystream bytes: 76 b8 e0 ad a0 f1 3d 90 | 40 5d 6a e5 53 86 bd 28 ...
        let mut draw = Draw {
            rng: ChaCha20Rng::from_seed([0u8; 32]),
        };
        assert_eq!(draw.next_u64(), 0x903d_f1a0_ade0_b876);
        assert_eq!(draw.next_u64(), 0x28bd_8653_e56a_5d40);
    }

    #[test]
    fn order_ignores_input_order() {
        let one = lottery_order("2026 exhibition", &["c", "a", "b", "d"]);
        let two = lottery_order("2026 exhibition", &["d", "b", "a", "c"]);
        assert_eq!(one, two);
        let mut sorted = one.clone();
        crate::sort::sort(&mut sorted);
        assert_eq!(sorted, vec!["a", "b", "c", "d"]);
    }

    #[test]
    fn below_stays_in_range() {
        let mut draw = Draw::from_seed("range");
        for n in 1..200u64 {
            assert!(draw.below(n) < n);
        }
        assert_eq!(draw.below(0), 0);
    }
}
