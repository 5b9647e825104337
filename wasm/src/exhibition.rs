//! `exhibitionElections` and `tallyExhibition`.

use huaide::exhibition;
use wasm_bindgen::prelude::*;

use crate::{or_throw, read, write};

/// Builds one election per category of an exhibition from the request `{plan, program,
/// entries, visitors?, options?}`.
#[wasm_bindgen(js_name = exhibitionElections)]
pub fn exhibition_elections(request: &str) -> Result<String, JsValue> {
    let request: exhibition::ExhibitionRequest = read(request, "")?;
    write(&or_throw(request.build())?)
}

/// Counts every category of built `elections` with `ballots` (category id to ballots).
#[wasm_bindgen(js_name = tallyExhibition)]
pub fn tally_exhibition(elections: &str, ballots: &str) -> Result<String, JsValue> {
    let elections: exhibition::ExhibitionElections = read(elections, "elections")?;
    let ballots: exhibition::CategoryBallots = read(ballots, "ballots")?;
    write(&or_throw(exhibition::tally_exhibition(
        &elections, &ballots,
    ))?)
}
