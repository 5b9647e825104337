//! `exhibitionElections` and `tallyExhibition` on plain objects.

use huaide::exhibition;
use wasm_bindgen::prelude::*;

use crate::{from_js, to_js, to_js_error};

/// Builds one election per category of an exhibition from the plan: `request` is
/// `{plan, program, entries, visitors?, options?}`. Returns `{program, roll?, elections,
/// findings}`.
#[wasm_bindgen(js_name = exhibitionElections, unchecked_return_type = "ExhibitionElections")]
pub fn exhibition_elections(
    #[wasm_bindgen(unchecked_param_type = "ExhibitionRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let request: exhibition::ExhibitionRequest = from_js(request, "")?;
    to_js(&request.build().map_err(|e| to_js_error(&e))?)
}

/// Counts every category: `elections` as built by `exhibitionElections`, `ballots` an object
/// of category id to that category's ballots. Returns `{program, roll?, voters, categories}`.
#[wasm_bindgen(js_name = tallyExhibition, unchecked_return_type = "ExhibitionResult")]
pub fn tally_exhibition(
    #[wasm_bindgen(unchecked_param_type = "ExhibitionElections")] elections: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CategoryBallots")] ballots: JsValue,
) -> Result<JsValue, JsValue> {
    let elections: exhibition::ExhibitionElections = from_js(elections, "elections")?;
    let ballots: exhibition::CategoryBallots = from_js(ballots, "ballots")?;
    to_js(&exhibition::tally_exhibition(&elections, &ballots).map_err(|e| to_js_error(&e))?)
}
