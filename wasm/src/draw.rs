//! `drawOrder`: the public draw of a list of ids under a published seed.

use huaide::draw;
use wasm_bindgen::prelude::*;

use crate::{read, write};

/// The lottery order of `ids` (JSON text of an array of strings) under `seed`, as JSON text:
/// the ids sorted in byte order, then shuffled by the draw (`huaide::draw::lottery_order`),
/// earlier meaning luckier. Anyone can re-run it to check a published draw.
#[wasm_bindgen(js_name = drawOrder)]
pub fn draw_order(seed: &str, ids: &str) -> Result<String, JsValue> {
    let ids: Vec<String> = read(ids, "ids")?;
    write(&draw::lottery_order(seed, &ids))
}
