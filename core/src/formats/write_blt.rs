//! Writes BLT files (ERS/OpenSTV, with Droop's extensions; see [`super::read_blt`]).
//!
//! ```text
//! 3 1                      candidates, seats (1 when the file does not say)
//! -3                       one line per withdrawn candidate (its number)
//! [nick a b c]             only when the ids are not the numbers 1..n in order
//! [tie c b a]              when the file has a tie-break order
//! 2 a b=c 0                one line per ballot entry: weight, ranks ("=" equal, "-" skipped), 0
//! 0
//! "Ann"                    the names, quoted, in candidate order
//! "Title"                  the title, when there is one
//! ```
//!
//! Ballot entries are written as they are, in order, one line each (BLT groups by weight
//! but does not require grouping). A name or title holding a double quote or a line break,
//! and an id that cannot be a nickname, are `format_unwritable`.

use std::fmt::Write as _;

use super::write::{has_line_break, positions, resolve, unwritable};
use super::{BallotFile, FormatError};

/// Whether `id` can be written as a BLT nickname that reads back as itself: a word with
/// none of the characters the reader splits on, not a number (numbers name candidates by
/// position), not `-` (a skipped rank) and not starting with `-` or `(`.
fn nick_safe(id: &str) -> bool {
    !id.is_empty()
        && !id.bytes().all(|b| b.is_ascii_digit())
        && !id.starts_with(['-', '('])
        && !id
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || ",#\"[]=".contains(c))
}

fn quoted(text: &str, path: String) -> Result<String, FormatError> {
    if text.contains('"') || has_line_break(text) {
        return Err(unwritable(
            path,
            "a BLT name cannot hold a double quote or a line break",
        ));
    }
    Ok(format!("\"{text}\""))
}

/// Writes `file` as BLT text.
pub fn write_blt(file: &BallotFile) -> Result<String, FormatError> {
    let n = file.candidates.len();
    if n == 0 {
        return Err(unwritable("candidates", "a BLT file needs a candidate"));
    }
    if n > super::MAX_FILE_CANDIDATES {
        return Err(FormatError::TooLarge {
            path: "candidates".to_owned(),
            what: "number of candidates",
            limit: super::MAX_FILE_CANDIDATES as u64,
        });
    }
    let index = positions(file)?;
    let numbered = file
        .candidates
        .iter()
        .enumerate()
        .all(|(k, c)| c.id() == k.saturating_add(1).to_string());
    if !numbered {
        if let Some(k) = file.candidates.iter().position(|c| !nick_safe(c.id())) {
            return Err(unwritable(
                format!("candidates[{k}].id"),
                "a BLT nickname is one word, not a number, without , # \" [ ] = and not \
                 starting with - or ( (or the ids must be 1..n in order)",
            ));
        }
    }
    let label = |k: usize| -> String {
        if numbered {
            k.saturating_add(1).to_string()
        } else {
            file.candidates
                .get(k)
                .map(|c| c.id().to_owned())
                .unwrap_or_default()
        }
    };
    let ballots = resolve(file, &index)?;
    let mut out = String::new();
    let _ = writeln!(out, "{n} {}", file.seats.unwrap_or(1));
    for (w, id) in file.withdrawn.iter().enumerate() {
        let k = index
            .get(id.as_str())
            .ok_or_else(|| FormatError::UnknownCandidate {
                path: format!("withdrawn[{w}]"),
                name: id.clone(),
            })?;
        let _ = writeln!(out, "-{}", k.saturating_add(1));
    }
    if !numbered {
        let nicks: Vec<&str> = file.candidates.iter().map(|c| c.id()).collect();
        let _ = writeln!(out, "[nick {}]", nicks.join(" "));
    }
    if let Some(tie) = &file.tie_order {
        let mut words = Vec::with_capacity(tie.len());
        for (t, id) in tie.iter().enumerate() {
            let k = index
                .get(id.as_str())
                .ok_or_else(|| FormatError::UnknownCandidate {
                    path: format!("tie_order[{t}]"),
                    name: id.clone(),
                })?;
            words.push(label(*k));
        }
        let _ = writeln!(out, "[tie {}]", words.join(" "));
    }
    for ballot in &ballots {
        let _ = write!(out, "{}", ballot.weight);
        for rank in &ballot.ranks {
            if rank.is_empty() {
                out.push_str(" -");
            } else {
                let marks: Vec<String> = rank.iter().map(|k| label(*k)).collect();
                let _ = write!(out, " {}", marks.join("="));
            }
        }
        out.push_str(" 0\n");
        if out.len() > super::MAX_FILE_BYTES {
            return Err(FormatError::TooLarge {
                path: "ballots".to_owned(),
                what: "file size in bytes",
                limit: super::MAX_FILE_BYTES as u64,
            });
        }
    }
    out.push_str("0\n");
    for (k, candidate) in file.candidates.iter().enumerate() {
        out.push_str(&quoted(candidate.name(), format!("candidates[{k}].name"))?);
        out.push('\n');
    }
    if let Some(title) = &file.title {
        out.push_str(&quoted(title, "title".to_owned())?);
        out.push('\n');
    }
    Ok(out)
}
