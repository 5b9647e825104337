//! The two pieces of Java that decide RCTab's `random` tie-break, reproduced bit for bit.
//!
//! - [`JavaRandom`]: `java.util.Random`, the 48-bit linear congruential generator specified in
//!   the Java API documentation (`seed = (seed * 0x5DEECE66D + 0xB) mod 2^48`, `next(bits)` the
//!   top `bits` bits, `nextDouble() = ((next(26) << 27) + next(27)) * 2^-53`). RCTab makes one
//!   instance per tabulation, `new Random(randomSeed)`, shared by every tie in the count.
//! - [`compare_strings`]: `String.compareTo`. RCTab sorts the tied candidates' names with
//!   `Collections.sort` ("for reproducibility") before drawing.
//!
//! No crate in the registries was used: `java-rand` and `javarandom` exist but are unmaintained
//! single-author crates (the latter seeds from the clock by default); the generator is eight
//! lines of integer arithmetic fixed by the Java specification, checked below against values
//! printed by the JDK.

/// `java.util.Random`: the specified 48-bit LCG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct JavaRandom {
    state: u64,
}

const MULTIPLIER: u64 = 0x5_DEEC_E66D;
const ADDEND: u64 = 0xB;
const MASK: u64 = (1 << 48) - 1;

impl JavaRandom {
    /// `new Random(seed)`.
    pub(crate) fn new(seed: i64) -> Self {
        JavaRandom {
            state: (seed as u64 ^ MULTIPLIER) & MASK,
        }
    }

    /// `next(bits)`: the top `bits` (at most 32) of the advanced 48-bit state.
    fn next(&mut self, bits: u32) -> u32 {
        self.state = self.state.wrapping_mul(MULTIPLIER).wrapping_add(ADDEND) & MASK;
        // At most 32 bits remain after the shift, so the truncation is exact.
        (self.state >> 48u32.saturating_sub(bits.min(32))) as u32
    }

    /// `nextInt()`.
    #[cfg(test)]
    pub(crate) fn next_int(&mut self) -> i32 {
        self.next(32) as i32
    }

    /// `nextDouble()`: 53 random bits scaled into `[0, 1)`.
    pub(crate) fn next_double(&mut self) -> f64 {
        let high = u64::from(self.next(26)) << 27;
        let low = u64::from(self.next(27));
        // Disjoint bits (`low` below 2^27), so `|` is the sum; below 2^53, so exactly
        // representable.
        (high | low) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// RCTab's pick among `n` tied candidates: `(int) Math.floor(nextDouble() * n)`.
    pub(crate) fn pick_index(&mut self, n: usize) -> usize {
        let drawn = (self.next_double() * n as f64).floor();
        // `drawn` lies in [0, n); the conversion saturates and the caller clamps anyway.
        (drawn as usize).min(n.saturating_sub(1))
    }
}

/// `String.compareTo`: lexicographic over UTF-16 code units (what `Collections.sort` uses
/// on a list of strings; it differs from Rust's byte order above U+FFFF).
pub(crate) fn compare_strings(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_jdk() {
        // Printed by the JDK: new Random(0).nextInt(), new Random(42).nextInt(),
        // new Random(0).nextDouble().
        assert_eq!(JavaRandom::new(0).next_int(), -1_155_484_576);
        assert_eq!(JavaRandom::new(42).next_int(), -1_170_105_035);
        assert_eq!(JavaRandom::new(0).next_double(), 0.730_967_787_376_657);
        assert_eq!(JavaRandom::new(42).next_double(), 0.727_563_680_032_868_1);
    }

    #[test]
    fn strings_compare_by_utf16_units() {
        use std::cmp::Ordering;
        assert_eq!(compare_strings("Anita", "Edward"), Ordering::Less);
        assert_eq!(compare_strings("B", "a"), Ordering::Less);
        // U+FF21 (one unit 0xFF21) sorts after U+1F600 (units 0xD83D 0xDE00) in Java.
        assert_eq!(compare_strings("\u{FF21}", "\u{1F600}"), Ordering::Greater);
        assert_eq!("\u{FF21}".cmp("\u{1F600}"), Ordering::Less);
    }
}
