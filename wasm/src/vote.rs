//! Counting: `tally`, `tallyProfile`, `tallyPartial`, `mergePartials`, `tallyMotion`.

use huaide::{motion, vote};
use wasm_bindgen::prelude::*;

use crate::{or_throw, read, write};

/// Counts `ballots` (JSON text of an array of ballots) in `election`.
#[wasm_bindgen]
pub fn tally(election: &str, ballots: &str) -> Result<String, JsValue> {
    let election: vote::Election = read(election, "election")?;
    let ballots: Vec<vote::Ballot> = read(ballots, "ballots")?;
    write(&or_throw(vote::tally(&election, &ballots))?)
}

/// Counts a profile document `{rankings, counts?}` in `election`.
#[wasm_bindgen(js_name = tallyProfile)]
pub fn tally_profile(election: &str, profile: &str) -> Result<String, JsValue> {
    let election: vote::Election = read(election, "election")?;
    let document: vote::ProfileDocument = read(profile, "profile")?;
    let profile = or_throw(document.to_profile_for(&election))?;
    write(&or_throw(vote::tally_profile(&election, &profile))?)
}

/// Counts a profile given as typed arrays: `marks` (candidate indices, best first, one
/// ranking after another), `offsets` (where each ranking starts, and a last entry where the
/// last ends: `rankings + 1` entries, the first 0) and optional `counts`.
#[wasm_bindgen(js_name = tallyProfileArrays)]
pub fn tally_profile_arrays(
    election: &str,
    marks: Vec<u16>,
    offsets: Vec<u32>,
    counts: Option<Vec<f64>>,
) -> Result<String, JsValue> {
    let election: vote::Election = read(election, "election")?;
    let counts = counts.map(|counts| counts.into_iter().map(whole).collect::<Vec<u64>>());
    let profile = or_throw(vote::Profile::from_vecs(
        election.candidates.len(),
        marks,
        offsets,
        counts,
    ))?;
    write(&or_throw(vote::tally_profile(&election, &profile))?)
}

/// A count from JavaScript as a whole number (the JavaScript layer passes safe integers
/// only; anything else becomes 0, which the core refuses as `invalid_count`).
fn whole(count: f64) -> u64 {
    if count.fract() == 0.0 && (0.0..=9_007_199_254_740_991.0).contains(&count) {
        count as u64
    } else {
        0
    }
}

/// Counts one shard of an election's ballots into a partial tally.
#[wasm_bindgen(js_name = tallyPartial)]
pub fn tally_partial(election: &str, ballots: &str) -> Result<String, JsValue> {
    let election: vote::Election = read(election, "election")?;
    let ballots: Vec<vote::Ballot> = read(ballots, "ballots")?;
    write(&or_throw(vote::tally_partial(&election, &ballots))?)
}

/// Combines shard tallies into the result a single count would give.
#[wasm_bindgen(js_name = mergePartials)]
pub fn merge_partials(election: &str, partials: &str) -> Result<String, JsValue> {
    let election: vote::Election = read(election, "election")?;
    let partials: Vec<vote::PartialTally> = read(partials, "partials")?;
    write(&or_throw(vote::merge_partials(&election, &partials))?)
}

/// Decides a council motion; `options` (`{lang}` or `null`) names the explanation's language.
#[wasm_bindgen(js_name = tallyMotion)]
pub fn tally_motion(motion: &str, options: &str) -> Result<String, JsValue> {
    let motion: motion::Motion = read(motion, "")?;
    let options: huaide::i18n::TextOptions = crate::read_opt(options, "options")?;
    write(&or_throw(motion::tally_motion_in(&motion, options.lang))?)
}
