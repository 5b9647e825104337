//! The report's language: `--lang zh` prints it in Chinese, English by default.
//!
//! The texts the library produces (findings, decisions, the motion's explanation) come from
//! its catalogue in the chosen language; the example's own headings are picked here.

use std::sync::OnceLock;

use huaide::i18n::Lang;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Reads `--lang en|zh` (or `--lang=zh`) from the command line; call once, first.
pub fn init() -> Result<Lang, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut lang = Lang::En;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        let value = match arg.strip_prefix("--lang=") {
            Some(v) => Some(v.to_owned()),
            None if arg == "--lang" => {
                i += 1;
                args.get(i).cloned()
            }
            None => return Err(format!("unknown argument {arg:?} (try --lang zh)")),
        };
        lang = match value.as_deref() {
            Some("en") => Lang::En,
            Some("zh") => Lang::Zh,
            other => {
                let got = other.unwrap_or("nothing");
                return Err(format!("--lang takes en or zh, not {got}"));
            }
        };
        i += 1;
    }
    Ok(*LANG.get_or_init(|| lang))
}

/// The report's language.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// `en` or `zh`, by the report's language.
pub fn t<'a>(en: &'a str, zh: &'a str) -> &'a str {
    match lang() {
        Lang::En => en,
        Lang::Zh => zh,
    }
}
