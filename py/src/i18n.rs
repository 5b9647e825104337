//! Text in English or Chinese: the `lang` keyword, `explain_decision` and `message`.

use std::collections::BTreeMap;

use huaide::enrol::read_decision;
use huaide::i18n::{self, ArgValue, Lang};
use pyo3::prelude::*;

use crate::convert::{from_py, or_raise};

/// The `lang=` keyword (`"en"` or `"zh"`) as a core [`Lang`]; anything else raises
/// `DocumentError` (code `invalid_document`, path `lang`).
pub fn lang_arg(lang: &Bound<'_, PyAny>) -> PyResult<Lang> {
    from_py(lang, "lang")
}

/// One decision of an allocation (an item of `Allocation.decisions()[person]`) in a
/// sentence, in English or Chinese.
#[pyfunction]
#[pyo3(signature = (decision, *, lang = None))]
pub fn explain_decision(
    decision: &Bound<'_, PyAny>,
    lang: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let lang = lang.map_or(Ok(Lang::En), lang_arg)?;
    let mut source = pythonize::Depythonizer::from_object(decision);
    let decision = or_raise(decision.py(), read_decision(&mut source))?;
    Ok(decision.explain(lang))
}

/// The text of catalogue message `code` in `lang`, its `{name}` placeholders filled from
/// `args`; `None` for a code the catalogue does not have.
#[pyfunction]
#[pyo3(signature = (code, args = None, *, lang = None))]
pub fn message(
    code: &str,
    args: Option<&Bound<'_, PyAny>>,
    lang: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<String>> {
    let lang = lang.map_or(Ok(Lang::En), lang_arg)?;
    let args: BTreeMap<String, ArgValue> = match args {
        Some(args) => from_py(args, "args")?,
        None => BTreeMap::new(),
    };
    Ok(i18n::message_with(lang, code, &args))
}
