//! Positional counts: the Borda count.
//!
//! A ranked ballot gives each ranked candidate one point per candidate it ranks strictly below
//! it. Unranked candidates count as below every ranked one under `unranked: "implicit"` (the
//! default), and are ignored under `"explicit"`; they score nothing. With `n` candidates a
//! complete strict ballot gives `n-1, n-2, …, 0`; equal ranks share the lower points exactly,
//! with no fractions. The totals are plain sums, so shards merge by addition.

use super::ballot::RejectionCode;
use super::election::Unranked;

/// Adds one ballot's Borda points (levels best first) to `points`. `Ok(None)` on overflow.
pub(crate) fn add_borda(
    points: &mut [u64],
    levels: &[Vec<usize>],
    n: usize,
    unranked: Unranked,
    weight: u64,
) -> Result<Option<()>, RejectionCode> {
    let ranked: usize = levels.iter().map(Vec::len).sum();
    let unranked_below = match unranked {
        Unranked::Implicit => n.saturating_sub(ranked),
        Unranked::Explicit => 0,
    };
    let mut through = 0usize;
    for level in levels {
        through = through.saturating_add(level.len());
        let below = ranked
            .saturating_sub(through)
            .saturating_add(unranked_below);
        let Some(gain) = u64::try_from(below)
            .ok()
            .and_then(|b| b.checked_mul(weight))
        else {
            return Ok(None);
        };
        for &c in level {
            let Some(total) = points.get_mut(c) else {
                return Ok(None);
            };
            let Some(sum) = total.checked_add(gain) else {
                return Ok(None);
            };
            *total = sum;
        }
    }
    Ok(Some(()))
}
