//! What RCTab's report owes to Java: `BigDecimal` values and their `toString`, the "% of
//! vote" cell (`MathContext.DECIMAL32`, truncated to hundredths of a percent, printed as a
//! `double`), `String.compareTo` order and the iteration order of a `HashMap<String, _>`.
//!
//! Reproducing these is what makes the report equal RCTab's cell for cell: a `BigDecimal`
//! keeps its scale (`3` and `3.0000` are written differently), RCTab sorts names with
//! `compareTo` (UTF-16 code units), and the CSV lists candidates with equal first-round
//! votes in the order of a Java `HashMap`.

// Arithmetic here is bounded where it happens: `i128` units only ever meet powers of ten
// up to 10^MAX_SCALE (10^30 < 2^127; `Decimal::parse` and `at` refuse larger scales, and
// products that could leave `i128` go through `checked_*`), the percentage works in
// `BigUint` (arbitrary precision, divisors nonzero: `total` is nonzero), its exponent `k`
// moves by one from the digit-count difference of two values of at most ~80 digits, and the
// HashMap emulation's `size`/`mask` are bounded by the number of keys.
#![allow(clippy::arithmetic_side_effects)]

use std::cmp::Ordering;

use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};

/// Most decimal places a value may have.
const MAX_SCALE: u32 = 30;

/// A decimal as Java's `BigDecimal` holds it: `units × 10^-scale`, the scale kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    units: i128,
    scale: u32,
}

impl Decimal {
    /// `BigDecimal.ZERO`: zero with no decimal places.
    pub(crate) const ZERO: Decimal = Decimal { units: 0, scale: 0 };

    /// A whole number.
    pub(crate) fn whole(value: u64) -> Decimal {
        Decimal {
            units: i128::from(value),
            scale: 0,
        }
    }

    /// Reads `[-]digits[.digits]`, keeping the number of decimal places as the scale.
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty()
            || (digits.contains('.') && fraction.is_empty())
            || !all_digits(whole)
            || !all_digits(fraction)
        {
            return None;
        }
        let scale = u32::try_from(fraction.len())
            .ok()
            .filter(|&s| s <= MAX_SCALE)?;
        let mut units: i128 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            units = units
                .checked_mul(10)?
                .checked_add(i128::from(b.checked_sub(b'0')?))?;
        }
        Some(Decimal {
            units: if negative { -units } else { units },
            scale,
        })
    }

    /// The units at a larger scale.
    fn at(self, scale: u32) -> Option<i128> {
        self.units
            .checked_mul(10i128.checked_pow(scale.checked_sub(self.scale)?)?)
    }

    /// `add`: the scale is the larger of the two.
    pub(crate) fn add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        Some(Decimal {
            units: self.at(scale)?.checked_add(other.at(scale)?)?,
            scale,
        })
    }

    /// `subtract`: the scale is the larger of the two.
    pub(crate) fn sub(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        Some(Decimal {
            units: self.at(scale)?.checked_sub(other.at(scale)?)?,
            scale,
        })
    }

    /// The same value with at least `scale` places (what adding a zero of that scale gives).
    pub(crate) fn with_scale_at_least(self, scale: u32) -> Option<Decimal> {
        self.add(Decimal { units: 0, scale })
    }

    /// The whole part, as `toBigInteger` gives it (0 for a negative value).
    pub(crate) fn to_whole(self) -> u64 {
        u64::try_from(self.units / 10i128.pow(self.scale)).unwrap_or(0)
    }

    /// The number of decimal places.
    pub(crate) fn scale(self) -> u32 {
        self.scale
    }

    /// Whether the value is zero (whatever the scale).
    pub(crate) fn is_zero(self) -> bool {
        self.units == 0
    }

    /// `BigDecimal.equals(BigDecimal.ZERO)`: zero with no decimal places.
    pub(crate) fn is_plain_zero(self) -> bool {
        self == Decimal::ZERO
    }

    /// `compareTo`: by value, whatever the scales.
    pub(crate) fn compare(self, other: Decimal) -> Ordering {
        let scale = self.scale.max(other.scale);
        match (self.at(scale), other.at(scale)) {
            (Some(a), Some(b)) => a.cmp(&b),
            // Out of `i128` range at the common scale: compare the whole parts.
            _ => {
                (self.units / 10i128.pow(self.scale)).cmp(&(other.units / 10i128.pow(other.scale)))
            }
        }
    }

    /// `BigDecimal.toString()`: plain notation, or scientific when the value is below
    /// 10^-6 in magnitude (`0E-7`, `1.5E-7`).
    pub(crate) fn to_java_string(self) -> String {
        let sign = if self.units < 0 { "-" } else { "" };
        let digits = self.units.unsigned_abs().to_string();
        if self.scale == 0 {
            return format!("{sign}{digits}");
        }
        let scale = self.scale as usize;
        let length = digits.len();
        // The exponent of the first digit: `-scale + (length - 1)`.
        let adjusted = length as i64 - 1 - scale as i64;
        if adjusted >= -6 {
            if length > scale {
                let (whole, fraction) = digits.split_at(length - scale);
                format!("{sign}{whole}.{fraction}")
            } else {
                format!("{sign}0.{}{digits}", "0".repeat(scale - length))
            }
        } else {
            let (first, rest) = digits.split_at(1);
            let point = if rest.is_empty() { "" } else { "." };
            format!("{sign}{first}{point}{rest}E{adjusted}")
        }
    }

    /// RCTab's "% of vote" cell for `self` out of `total`: the quotient to 7 significant
    /// digits (half even), times 10^4 truncated to an integer, divided by 100 as a `double`
    /// and printed by Java (`25.0%`, `41.66%`). Empty when `total` is zero.
    pub(crate) fn percent_of(self, total: Decimal) -> String {
        if total.is_zero() {
            return String::new();
        }
        let hundredths = self.basis_points(total);
        format!("{}%", java_double(hundredths as f64 / 100.0))
    }

    /// `trunc(round7(self / total) × 10^4)` (`MathContext.DECIMAL32`, then `intValue`).
    fn basis_points(self, total: Decimal) -> i64 {
        let negative = (self.units < 0) != (total.units < 0);
        let scale = self.scale.max(total.scale);
        let ten = BigUint::from(10u32);
        let widen = |d: Decimal| BigUint::from(d.units.unsigned_abs()) * ten.pow(scale - d.scale);
        let (a, b) = (widen(self), widen(total));
        if a.is_zero() {
            return 0;
        }
        // Find k with 10^6 <= a·10^k / b < 10^7, then round to that integer (half even).
        let digits = |x: &BigUint| i64::try_from(x.to_string().len()).unwrap_or(i64::MAX);
        let mut k = 6 - (digits(&a) - digits(&b));
        let quotient = |k: i64| -> (BigUint, BigUint, BigUint) {
            let up = u32::try_from(k.max(0)).unwrap_or(0);
            let down = u32::try_from((-k).max(0)).unwrap_or(0);
            let num = &a * ten.pow(up);
            let den = &b * ten.pow(down);
            (&num / &den, &num % &den, den)
        };
        let low = BigUint::from(1_000_000u32);
        let high = BigUint::from(10_000_000u32);
        let (mut q, mut r, mut den) = quotient(k);
        while q >= high {
            k -= 1;
            (q, r, den) = quotient(k);
        }
        while q < low {
            k += 1;
            (q, r, den) = quotient(k);
        }
        let twice = &r * 2u32;
        if twice > den || (twice == den && q.bit(0)) {
            q += 1u32;
        }
        if q == high {
            q = low;
            k -= 1;
        }
        // q × 10^(4 - k), truncated.
        let shift = 4 - k;
        let value = if shift >= 0 {
            q * ten.pow(u32::try_from(shift).unwrap_or(0))
        } else {
            q / ten.pow(u32::try_from(-shift).unwrap_or(0))
        };
        // `intValue` keeps the low 32 bits; a share of a total never comes near them.
        let value = value.to_i64().unwrap_or(i64::MAX);
        if negative {
            -value
        } else {
            value
        }
    }
}

/// Java's `Double.toString` for the values a percentage takes: the shortest digits that
/// read back, with at least one decimal (`25.0`), in scientific notation from 10^7 or below
/// 10^-3 (`1.0E7`).
fn java_double(value: f64) -> String {
    let magnitude = value.abs();
    if value == 0.0 || (1e-3..1e7).contains(&magnitude) {
        let text = format!("{value}");
        if text.contains('.') {
            text
        } else {
            format!("{text}.0")
        }
    } else {
        let text = format!("{value:e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let point = if mantissa.contains('.') { "" } else { ".0" };
        format!("{mantissa}{point}E{exponent}")
    }
}

/// Java's `String.compareTo`: by UTF-16 code units.
pub(crate) fn java_compare(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Java's `String.hashCode`.
fn java_hash(text: &str) -> i32 {
    text.encode_utf16().fold(0i32, |h, unit| {
        h.wrapping_mul(31).wrapping_add(i32::from(unit))
    })
}

/// The order a Java `HashMap<String, _>` (or `HashSet<String>`) built with default settings
/// iterates keys put in the given order: by bucket (`hash ^ hash >>> 16`, masked by the
/// table size, which doubles past 3/4 full), in insertion order within a bucket. A bucket
/// of more than 8 keys in a table of 64 or more becomes a tree in Java, whose order this
/// does not follow (it needs 9 names with colliding hashes). Returns indices into `keys`;
/// repeated keys count once.
pub(crate) fn java_hash_order(keys: &[&str]) -> Vec<usize> {
    let spread = |key: &str| {
        let h = java_hash(key) as u32;
        (h ^ (h >> 16)) as usize
    };
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); 16];
    let mut size = 0usize;
    let grow = |buckets: &mut Vec<Vec<usize>>| {
        let capacity = buckets.len().saturating_mul(2);
        let mut grown: Vec<Vec<usize>> = vec![Vec::new(); capacity];
        for &i in buckets.iter().flatten() {
            if let Some(bucket) =
                grown.get_mut(spread(keys.get(i).copied().unwrap_or("")) & (capacity - 1))
            {
                bucket.push(i);
            }
        }
        *buckets = grown;
    };
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, key) in keys.iter().enumerate() {
        if !seen.insert(key) {
            continue;
        }
        let mask = buckets.len() - 1;
        let Some(bucket) = buckets.get_mut(spread(key) & mask) else {
            continue;
        };
        let chain = bucket.len();
        bucket.push(i);
        // `treeifyBin` on a chain that had 8 nodes: a small table grows instead.
        if chain >= 8 && buckets.len() < 64 {
            grow(&mut buckets);
        }
        size += 1;
        if size > buckets.len() / 4 * 3 {
            grow(&mut buckets);
        }
    }
    buckets.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn big_decimal_text() {
        assert_eq!(d("7").to_java_string(), "7");
        assert_eq!(d("7.2501").to_java_string(), "7.2501");
        assert_eq!(d("-0.0300").to_java_string(), "-0.0300");
        assert_eq!(d("0.000001").to_java_string(), "0.000001");
        assert_eq!(d("0.0000001").to_java_string(), "1E-7");
        assert_eq!(d("0.00000015").to_java_string(), "1.5E-7");
        assert_eq!(d("0.0000000").to_java_string(), "0E-7");
        assert_eq!(
            d("10.2811").sub(d("7.2501")).unwrap().to_java_string(),
            "3.0310"
        );
        assert_eq!(
            d("8").sub(d("10.3333")).unwrap().to_java_string(),
            "-2.3333"
        );
        assert_eq!(d("6").sub(d("6")).unwrap().to_java_string(), "0");
        assert_eq!(
            d("3").with_scale_at_least(4).unwrap().to_java_string(),
            "3.0000"
        );
        for bad in ["", "-", "1.", ".5", "1e5", "1,5", "--1", "1.2.3"] {
            assert!(Decimal::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn percentages() {
        let pct = |a: &str, b: &str| d(a).percent_of(d(b));
        assert_eq!(pct("4", "12"), "33.33%");
        assert_eq!(pct("5", "12"), "41.66%");
        assert_eq!(pct("3", "12"), "25.0%");
        assert_eq!(pct("0", "12"), "0.0%");
        assert_eq!(pct("12", "12"), "100.0%");
        assert_eq!(pct("1", "0"), "");
        assert_eq!(pct("8", "29"), "27.58%");
        assert_eq!(pct("10.2811", "29"), "35.45%");
        // 7 significant digits, half even: 0.99999995 rounds up to 1.000000.
        assert_eq!(pct("99999995", "100000000"), "100.0%");
        assert_eq!(pct("99999994", "100000000"), "99.99%");
        assert_eq!(pct("1", "3000000"), "0.0%");
        assert_eq!(pct("1", "30"), "3.33%");
    }

    #[test]
    fn java_double_text() {
        assert_eq!(java_double(25.0), "25.0");
        assert_eq!(java_double(0.07), "0.07");
        assert_eq!(java_double(1e7), "1.0E7");
        assert_eq!(java_double(0.0), "0.0");
    }

    #[test]
    fn java_strings() {
        assert_eq!(java_hash("Candidate A Name"), 1_732_594_823);
        assert_eq!(java_hash(""), 0);
        assert_eq!(java_compare("B", "a"), Ordering::Less);
        // U+FF5E sorts after U+1F600 in UTF-8 but before it in UTF-16.
        assert_eq!(java_compare("\u{ff5e}", "\u{1f600}"), Ordering::Greater);
    }

    #[test]
    fn hash_order_grows_like_java() {
        // One bucket per key in a 16-slot table: the order is by bucket.
        let keys = ["b", "a", "c"];
        assert_eq!(java_hash_order(&keys), vec![1, 0, 2]);
        // Repeated keys count once.
        assert_eq!(java_hash_order(&["a", "a"]), vec![0]);
        // Thirteen keys grow the table to 32 slots: still one entry per key.
        let many: Vec<String> = (0..13).map(|i| format!("k{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(java_hash_order(&refs).len(), 13);
        // "Aa" and "BB" share a hash: nine of a kind in one bucket grow a small table
        // (Java's treeifyBin) but keep their insertion order.
        let same: Vec<String> = (0..9u32)
            .map(|i| {
                (0..4)
                    .map(|b| if i >> b & 1 == 1 { "Aa" } else { "BB" })
                    .collect()
            })
            .collect();
        let refs: Vec<&str> = same.iter().map(String::as_str).collect();
        assert_eq!(java_hash_order(&refs), (0..9).collect::<Vec<_>>());
    }
}
