//! Human-readable text in Simplified Chinese and English: one catalogue for the whole crate.
//!
//! Every sentence the library produces (a motion's explanation, a plan finding's message,
//! an enrolment decision explained, an error's message) is an entry of [`CATALOGUE`]: a
//! stable message code with an English and a Chinese text, whose `{name}` placeholders are
//! filled by [`message`]. Codes and the wire format never depend on the language; only the
//! text does. The language is chosen by a [`Lang`] option (`"en"` by default, `"zh"`) on the
//! calls that produce text.
//!
//! The catalogue is a static table and the formatter is a few lines: no I/O, no allocation
//! beyond the result, and nothing for a wasm build to carry but the strings themselves.

mod catalogue;
mod errors;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt::{self, Display, Write};

pub use catalogue::{Entry, CATALOGUE};

/// The language of the text the library produces.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language's tag: `"en"` or `"zh"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language of a tag: `"en"` or `"zh"` (also `"zh-CN"`, `"zh-Hans"`, any case).
    pub fn parse(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        match lower.split(['-', '_']).next() {
            Some("en") => Some(Lang::En),
            Some("zh") => Some(Lang::Zh),
            _ => None,
        }
    }
}

impl Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The options of a call that produces text: `{"lang": "zh"}` (every field optional).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextOptions {
    /// The language of the text (default `"en"`).
    #[serde(default)]
    pub lang: Lang,
}

/// The value of a named argument given from outside (a binding's dict or object).
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ArgValue {
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// A text.
    Text(String),
}

impl Display for ArgValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgValue::Int(n) => write!(f, "{n}"),
            ArgValue::Float(x) => write!(f, "{x}"),
            ArgValue::Text(s) => f.write_str(s),
        }
    }
}

/// [`message`] with the arguments of a binding: `{"present": 11, "program": "陶艺"}`.
pub fn message_with(
    lang: Lang,
    code: &str,
    args: &std::collections::BTreeMap<String, ArgValue>,
) -> Option<String> {
    let args: Vec<Arg<'_>> = args
        .iter()
        .map(|(name, value)| (name.as_str(), value as &dyn Display))
        .collect();
    message(lang, code, &args)
}

/// A named argument of a message: `("present", &11)`.
pub type Arg<'a> = (&'a str, &'a dyn Display);

/// The catalogue entry of `code`, if there is one.
pub fn entry(code: &str) -> Option<&'static Entry> {
    let table = if code.starts_with("error.") {
        errors::ERRORS
    } else {
        CATALOGUE
    };
    table
        .binary_search_by(|e| e.code.cmp(code))
        .ok()
        .and_then(|i| table.get(i))
}

/// Every entry of the catalogue: the texts, then the error messages.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    CATALOGUE.iter().chain(errors::ERRORS)
}

/// The template of `code` in `lang` (the code itself when unknown).
fn text_of(code: &'static str, lang: Lang) -> &'static str {
    entry(code).map_or(code, |e| e.text(lang))
}

/// The text of message `code` in `lang`, its `{name}` placeholders filled from `args`
/// (a placeholder without an argument stays as written). `None` for an unknown code.
pub fn message(lang: Lang, code: &str, args: &[Arg<'_>]) -> Option<String> {
    entry(code).map(|e| fill(e.text(lang), args))
}

/// Like [`message`], but an unknown code gives the code itself: for text built inside the
/// crate, where every code is in the catalogue (a test checks the codes used).
pub(crate) fn text(lang: Lang, code: &str, args: &[Arg<'_>]) -> String {
    message(lang, code, args).unwrap_or_else(|| code.to_owned())
}

/// Fills the `{name}` placeholders of `template` from `args`; `{name:?}` writes the value
/// quoted and escaped as Rust's `{:?}` does for a string (English texts quote ids so).
pub fn fill(template: &str, args: &[Arg<'_>]) -> String {
    let mut out = String::with_capacity(template.len().saturating_add(16));
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        match parse_placeholder(after) {
            Some((name, quoted, len)) => {
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) if quoted => {
                        let _ = write!(out, "{:?}", value.to_string());
                    }
                    Some((_, value)) => {
                        let _ = write!(out, "{value}");
                    }
                    None => out.push_str(after.get(..len).unwrap_or_default()),
                }
                rest = after.get(len..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// At a `{`: the placeholder's name, whether it is `{name:?}`, and its length in bytes.
fn parse_placeholder(at: &str) -> Option<(&str, bool, usize)> {
    let end = at.find('}')?;
    let inner = at.get(1..end)?;
    let (name, quoted) = match inner.strip_suffix(":?") {
        Some(name) => (name, true),
        None => (inner, false),
    };
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    valid.then_some((name, quoted, end.saturating_add(1)))
}

/// The placeholder names of a template, in order of appearance (`{id:?}` names `id`).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open..).unwrap_or_default();
        match parse_placeholder(after) {
            Some((name, _, len)) => {
                names.push(name);
                rest = after.get(len..).unwrap_or_default();
            }
            None => rest = after.get(1..).unwrap_or_default(),
        }
    }
    names
}

/// The message of an error in `lang`: in English its usual message; in Chinese the
/// catalogue's text for its code (`error.<code>`), naming the field path, followed by the
/// English detail when the catalogue's text is generic.
pub fn error_message<E: crate::Fault + ?Sized>(err: &E, lang: Lang) -> String {
    errors::render(lang, err.code(), err.path(), &err.to_string())
}

#[cfg(test)]
mod tests;
