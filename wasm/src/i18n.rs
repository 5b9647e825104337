//! Text in English or Chinese: `explainDecision` and `message`.

use std::collections::BTreeMap;

use huaide::enrol::DecisionInput;
use huaide::i18n::{self, ArgValue, TextOptions};
use wasm_bindgen::prelude::*;

use crate::{read, read_opt, write};

/// One decision of an allocation (an item of `decisions[person]`) in a sentence, in the
/// language of `options` (`{lang}` or `null`).
#[wasm_bindgen(js_name = explainDecision)]
pub fn explain_decision(decision: &str, options: &str) -> Result<String, JsValue> {
    let decision: DecisionInput = read(decision, "decision")?;
    let options: TextOptions = read_opt(options, "options")?;
    write(&decision.explain(options.lang))
}

/// The text of catalogue message `code`, its `{name}` placeholders filled from `args`
/// (`null` for none), in the language of `options`; `null` for an unknown code.
#[wasm_bindgen(js_name = message)]
pub fn message(code: &str, args: &str, options: &str) -> Result<String, JsValue> {
    let args: BTreeMap<String, ArgValue> = read_opt(args, "args")?;
    let options: TextOptions = read_opt(options, "options")?;
    write(&i18n::message_with(options.lang, code, &args))
}
