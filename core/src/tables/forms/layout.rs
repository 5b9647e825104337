//! What tells one form tool's export from another: its metadata columns, how a header
//! names a question and a sub-question, and how a cell lists several answers.

/// One form tool's export layout.
pub struct Layout {
    /// The format name (`google_forms`, …).
    pub format: &'static str,
    /// Metadata columns (never questions), compared normalised.
    pub meta: &'static [&'static str],
    /// Default voter columns, first found wins.
    pub voter: &'static [&'static str],
    /// Default timestamp columns (the submission time), first found wins.
    pub time: &'static [&'static str],
    /// Splits a header into its question key, question title and sub-question.
    pub split: fn(&str) -> Split,
    /// Separators of several answers in one cell (a checkbox question).
    pub list: &'static [&'static str],
    /// Separators of an order in one cell (a ranking question), when it differs from `list`.
    pub order: &'static [&'static str],
    /// Cell values that mean "not answered" (besides an empty cell).
    pub blank: &'static [&'static str],
}

/// A header split into its question and sub-question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// What identifies the question across its columns (its number, else its title).
    pub key: String,
    /// The question's text as the header gives it.
    pub title: String,
    /// The sub-question (a grid row, an option), when the column is one of several.
    pub sub: Option<String>,
}

impl Split {
    /// A whole question in one column.
    pub fn whole(header: &str) -> Split {
        Split {
            key: header.trim().to_owned(),
            title: header.trim().to_owned(),
            sub: None,
        }
    }
}

/// `Question [Sub]` (Google Forms grids and checkbox grids).
pub fn split_brackets(header: &str) -> Split {
    let h = header.trim();
    if let Some(body) = h.strip_suffix(']') {
        if let Some(i) = body.rfind(" [").or_else(|| body.rfind('[')) {
            let title = body.get(..i).unwrap_or("").trim();
            let sub = body
                .get(i..)
                .unwrap_or("")
                .trim_start_matches([' ', '['])
                .trim();
            if !title.is_empty() && !sub.is_empty() {
                return Split {
                    key: title.to_owned(),
                    title: title.to_owned(),
                    sub: Some(sub.to_owned()),
                };
            }
        }
    }
    Split::whole(h)
}

/// The leading question number of `3、…`, `3.…`, `Q3.…`, `3：…`, `第3题…`, and the rest.
pub fn leading_number(header: &str) -> Option<(u32, &str)> {
    let h = header.trim();
    let h = h
        .strip_prefix('第')
        .or_else(|| h.strip_prefix('Q'))
        .or_else(|| h.strip_prefix('q'))
        .unwrap_or(h);
    let digits = h.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let n = h.get(..digits)?.parse().ok()?;
    let rest = h.get(digits..)?;
    let rest = rest.strip_prefix('题').unwrap_or(rest);
    Some((n, rest))
}
