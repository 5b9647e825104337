//! `tally` and `tallyMotion`.

use huaide::{motion, vote};
use wasm_bindgen::prelude::*;

use crate::{from_js, to_js, to_js_error};

/// Counts `ballots` (an array of ballot objects) in `election`; returns the result object.
#[wasm_bindgen(unchecked_return_type = "TallyResult")]
pub fn tally(
    #[wasm_bindgen(unchecked_param_type = "Election")] election: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Ballot[]")] ballots: JsValue,
) -> Result<JsValue, JsValue> {
    let election: vote::Election = from_js(election, "election")?;
    let ballots: Vec<vote::Ballot> = from_js(ballots, "ballots")?;
    let result = vote::tally(&election, &ballots).map_err(|e| to_js_error(&e))?;
    to_js(&result)
}

/// Counts a compact profile `{rankings: [[0, 2, 1], …], counts?: [40, …]}` (candidate
/// indices, best first) in `election`: the same result as `tally` on the equivalent ballots.
#[wasm_bindgen(js_name = tallyProfile, unchecked_return_type = "TallyResult")]
pub fn tally_profile(
    #[wasm_bindgen(unchecked_param_type = "Election")] election: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ProfileDocument")] profile: JsValue,
) -> Result<JsValue, JsValue> {
    let election: vote::Election = from_js(election, "election")?;
    let document: vote::ProfileDocument = from_js(profile, "profile")?;
    let result = document
        .to_profile_for(&election)
        .and_then(|profile| vote::tally_profile(&election, &profile))
        .map_err(|e| to_js_error(&e))?;
    to_js(&result)
}

/// Decides a council motion; returns `{passed, quorum_met, required, explanation, …}`.
#[wasm_bindgen(js_name = tallyMotion, unchecked_return_type = "MotionResult")]
pub fn tally_motion(
    #[wasm_bindgen(unchecked_param_type = "Motion")] motion: JsValue,
) -> Result<JsValue, JsValue> {
    let motion: motion::Motion = from_js(motion, "")?;
    let result = motion::tally_motion(&motion).map_err(|e| to_js_error(&e))?;
    to_js(&result)
}

/// Counts one shard of an election's ballots; the partial tally is a plain object to combine
/// with `mergePartials`.
#[wasm_bindgen(js_name = tallyPartial, unchecked_return_type = "PartialTally")]
pub fn tally_partial(
    #[wasm_bindgen(unchecked_param_type = "Election")] election: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Ballot[]")] ballots: JsValue,
) -> Result<JsValue, JsValue> {
    let election: vote::Election = from_js(election, "election")?;
    let ballots: Vec<vote::Ballot> = from_js(ballots, "ballots")?;
    to_js(&vote::tally_partial(&election, &ballots).map_err(|e| to_js_error(&e))?)
}

/// Combines shard tallies into the result a single count would give.
#[wasm_bindgen(js_name = mergePartials, unchecked_return_type = "TallyResult")]
pub fn merge_partials(
    #[wasm_bindgen(unchecked_param_type = "Election")] election: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PartialTally[]")] partials: JsValue,
) -> Result<JsValue, JsValue> {
    let election: vote::Election = from_js(election, "election")?;
    let partials: Vec<vote::PartialTally> = from_js(partials, "partials")?;
    to_js(&vote::merge_partials(&election, &partials).map_err(|e| to_js_error(&e))?)
}
