//! Ballots encoded by the JavaScript layer (`js/ballots.mjs`) into typed arrays, read into
//! the core's `BallotBox` without a JavaScript object crossing per ballot: `tallyEncoded`
//! and `tallyPartialEncoded`, the fast paths of `tally` and `tallyPartial`.
//!
//! The encoding, one entry after another in `ops` (`u32`s), with the numbers in `numbers`:
//! - a header: bit 0 voter, bit 1 count, bit 2 ranking, bit 3 approve, bit 4 scores;
//! - with a voter, its index in `voters` (the distinct voter ids, as JSON text);
//! - with a count, the next number;
//! - with a ranking, its number of ranks, then for each rank its number of marks and the
//!   marks (candidate indices; an index past the candidates is an unknown id);
//! - with approvals, their number and the marks;
//! - with scores, their number and the marks, each score the next number.

use huaide::vote::{self, BallotBox, BallotBoxBuilder, Election};
use wasm_bindgen::prelude::*;

use crate::{or_throw, read, write};

const VOTER: u32 = 1;
const COUNT: u32 = 2;
const RANKING: u32 = 4;
const APPROVE: u32 = 8;
const SCORES: u32 = 16;

/// Reads the encoded entries; `None` when the encoding is inconsistent (a bug of the
/// JavaScript layer, reported as such).
struct Decoder<'a> {
    ops: std::slice::Iter<'a, u32>,
    numbers: std::slice::Iter<'a, f64>,
}

impl Decoder<'_> {
    fn op(&mut self) -> Option<u32> {
        self.ops.next().copied()
    }

    fn number(&mut self) -> Option<f64> {
        self.numbers.next().copied()
    }

    fn fill(&mut self, builder: &mut BallotBoxBuilder<'_>, voters: &[String]) -> Option<()> {
        while let Some(header) = self.op() {
            builder.start();
            if header & VOTER != 0 {
                let voter = voters.get(self.op()? as usize)?;
                builder.voter(voter).ok()?;
            }
            if header & COUNT != 0 {
                builder.count(integer(self.number()?)?.try_into().ok()?);
            }
            if header & RANKING != 0 {
                builder.start_ranking();
                for _ in 0..self.op()? {
                    for _ in 0..self.op()? {
                        builder.mark(self.op()?);
                    }
                    builder.end_rank().ok()?;
                }
            }
            if header & APPROVE != 0 {
                builder.start_approve();
                for _ in 0..self.op()? {
                    builder.approve(self.op()?).ok()?;
                }
            }
            if header & SCORES != 0 {
                builder.start_scores();
                for _ in 0..self.op()? {
                    let c = self.op()?;
                    builder.score(c, integer(self.number()?)?).ok()?;
                }
            }
            builder.end().ok()?;
        }
        Some(())
    }
}

/// A JavaScript number that is a safe integer.
fn integer(x: f64) -> Option<i64> {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    (x.fract() == 0.0 && (-SAFE..=SAFE).contains(&x)).then_some(x as i64)
}

/// The box of encoded ballots for `election`.
fn decode(
    election: &Election,
    ops: &[u32],
    numbers: &[f64],
    voters: &str,
) -> Result<BallotBox, JsValue> {
    let voters: Vec<String> = read(voters, "voters")?;
    let mut builder = BallotBoxBuilder::new(election);
    let mut decoder = Decoder {
        ops: ops.iter(),
        numbers: numbers.iter(),
    };
    decoder
        .fill(&mut builder, &voters)
        .ok_or_else(|| JsValue::from(js_sys::Error::new("huaide: inconsistent ballot encoding")))?;
    Ok(builder.finish())
}

/// `tally` over encoded ballots.
#[wasm_bindgen(js_name = tallyEncoded)]
pub fn tally_encoded(
    election: &str,
    ops: &[u32],
    numbers: &[f64],
    voters: &str,
) -> Result<String, JsValue> {
    let election: Election = read(election, "election")?;
    let ballots = decode(&election, ops, numbers, voters)?;
    write(&or_throw(vote::tally_box(&election, &ballots))?)
}

/// `tallyPartial` over encoded ballots.
#[wasm_bindgen(js_name = tallyPartialEncoded)]
pub fn tally_partial_encoded(
    election: &str,
    ops: &[u32],
    numbers: &[f64],
    voters: &str,
) -> Result<String, JsValue> {
    let election: Election = read(election, "election")?;
    let ballots = decode(&election, ops, numbers, voters)?;
    write(&or_throw(vote::tally_partial_box(&election, &ballots))?)
}
