//! BLT ballot files (ERS/OpenSTV, with Droop's extensions).
//!
//! ```text
//! 4 2                      candidates, seats
//! -3                       optional: candidate 3 withdrawn (classic form)
//! [nick a b c d]           optional: nicknames usable on ballot lines
//! [withdrawn c]            optional: withdrawn candidates (nick or number)
//! [tie d c b a]            optional: tie-break order
//! 3 a b 0                  weight, preferences, 0; "a=b" is an equal rank, "-" a skipped rank
//! (id7) 1 c 0              an optional ballot id in parentheses is ignored
//! 0                        end of ballots
//! "Castor"                 one name per candidate, in number order (quotes optional)
//! "Election title"
//! ```
//!
//! Also accepted: a UTF-8 BOM, `#` comments, commas as separators, ballots spanning lines,
//! other bracketed options (kept in [`BltFile::options`]). Errors name the line (1-based).

use super::{check_size, syntax, FormatError, MAX_BALLOT_ENTRIES, MAX_FILE_CANDIDATES};
use crate::vote::{Ballot, Candidate, Rank, MAX_RANK_POSITIONS};

/// A BLT file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BltFile {
    /// Number of seats.
    pub seats: u32,
    /// The candidates in number order: the id is the nickname (`[nick]`) or else the
    /// candidate's number (`"1"`, `"2"`, …); the name is the file's name for it.
    pub candidates: Vec<Candidate>,
    /// Ids of withdrawn candidates (`-k` lines and `[withdrawn]`), in file order.
    pub withdrawn: Vec<String>,
    /// The `[tie]` order, as candidate ids, when given.
    pub tie_order: Option<Vec<String>>,
    /// Other bracketed options, as `(name, rest of the option)`.
    pub options: Vec<(String, String)>,
    /// The ballots, ranking candidate ids, grouped as in the file (`count` = weight).
    pub ballots: Vec<Ballot>,
    /// The election title, when given.
    pub title: Option<String>,
}

/// A token with its line.
struct Token {
    text: String,
    quoted: bool,
    line: usize,
}

/// Splits a line into tokens: quoted strings, `[...]` options, and words separated by blanks
/// or commas; `#` starts a comment outside quotes.
fn tokenize(line: &str, number: usize, out: &mut Vec<Token>) -> Result<(), FormatError> {
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() || c == ',' {
            chars.next();
        } else if c == '#' {
            break;
        } else if c == '"' {
            chars.next();
            let mut text = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                if c == '"' {
                    closed = true;
                    break;
                }
                text.push(c);
            }
            if !closed {
                return Err(syntax(number, "unterminated quoted string"));
            }
            out.push(Token {
                text,
                quoted: true,
                line: number,
            });
        } else if c == '[' {
            let mut text = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                text.push(c);
                if c == ']' {
                    closed = true;
                    break;
                }
            }
            if !closed {
                return Err(syntax(number, "unterminated [option]"));
            }
            out.push(Token {
                text,
                quoted: false,
                line: number,
            });
        } else {
            let mut text = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == ',' || c == '#' || c == '"' {
                    break;
                }
                text.push(c);
                chars.next();
            }
            out.push(Token {
                text,
                quoted: false,
                line: number,
            });
        }
    }
    Ok(())
}

fn number(token: &Token, what: &str) -> Result<u64, FormatError> {
    token.text.parse::<u64>().map_err(|_| {
        syntax(
            token.line,
            format!("expected {what}, found {:?}", token.text),
        )
    })
}

/// Reads a BLT file.
pub fn read_blt(text: &str) -> Result<BltFile, FormatError> {
    check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.lines().collect();
    let mut tokens = Vec::new();
    // Tokenize until the end of the ballots; names are read line by line after that.
    let mut line_index = 0;
    let mut file = BltFile::default();
    let mut n = 0usize;
    let mut header_done = false;
    let mut ballots_done = false;
    let mut pending: Vec<Token> = Vec::new();
    let mut nicks: Vec<String> = Vec::new();
    let mut raw_withdrawn: Vec<Token> = Vec::new();
    let mut raw_tie: Option<Vec<Token>> = None;
    let mut raw_ballots: Vec<(u64, Vec<Token>, usize)> = Vec::new();
    while line_index < lines.len() && !ballots_done {
        let number_of_line = line_index.saturating_add(1);
        tokens.clear();
        tokenize(
            lines.get(line_index).copied().unwrap_or(""),
            number_of_line,
            &mut tokens,
        )?;
        line_index = line_index.saturating_add(1);
        for token in tokens.drain(..) {
            if !header_done {
                pending.push(token);
                if let [candidates, seats] = pending.as_slice() {
                    let count = number(candidates, "the number of candidates")?;
                    n = usize::try_from(count).unwrap_or(usize::MAX);
                    if n > MAX_FILE_CANDIDATES {
                        return Err(FormatError::TooLarge {
                            path: super::line_path(candidates.line),
                            what: "number of candidates",
                            limit: MAX_FILE_CANDIDATES as u64,
                        });
                    }
                    if n == 0 {
                        return Err(syntax(candidates.line, format!("{count} candidates")));
                    }
                    file.seats = u32::try_from(number(seats, "the number of seats")?)
                        .map_err(|_| syntax(seats.line, "too many seats"))?;
                    pending.clear();
                    header_done = true;
                }
                continue;
            }
            if pending.is_empty() && raw_ballots.is_empty() {
                // Options before the first ballot.
                if let Some(body) = token.text.strip_prefix('[') {
                    let body = body.strip_suffix(']').unwrap_or(body);
                    let mut words = body.split_whitespace();
                    let name = words.next().unwrap_or("").to_owned();
                    let args: Vec<Token> = words
                        .map(|w| Token {
                            text: w.to_owned(),
                            quoted: false,
                            line: token.line,
                        })
                        .collect();
                    match name.as_str() {
                        "nick" => nicks = args.into_iter().map(|t| t.text).collect(),
                        "withdrawn" => raw_withdrawn.extend(args),
                        "tie" => raw_tie = Some(args),
                        _ => file.options.push((
                            name,
                            args.into_iter()
                                .map(|t| t.text)
                                .collect::<Vec<_>>()
                                .join(" "),
                        )),
                    }
                    continue;
                }
                if let Some(k) = token.text.strip_prefix('-') {
                    if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) {
                        raw_withdrawn.push(Token {
                            text: k.to_owned(),
                            quoted: false,
                            line: token.line,
                        });
                        continue;
                    }
                }
            }
            if pending.is_empty() {
                if token.text.starts_with('(') && token.text.ends_with(')') {
                    continue; // ballot id
                }
                if token.text == "0" {
                    ballots_done = true;
                    break;
                }
                pending.push(token);
                continue;
            }
            if token.text == "0" {
                let weight_token = pending.remove(0);
                let weight = number(&weight_token, "a ballot weight")?;
                if weight == 0 {
                    return Err(syntax(
                        weight_token.line,
                        "a ballot weight must be at least 1",
                    ));
                }
                if raw_ballots.len() >= MAX_BALLOT_ENTRIES {
                    return Err(FormatError::TooLarge {
                        path: super::line_path(weight_token.line),
                        what: "number of ballot lines",
                        limit: MAX_BALLOT_ENTRIES as u64,
                    });
                }
                if pending.len() > MAX_RANK_POSITIONS {
                    return Err(FormatError::TooLarge {
                        path: super::line_path(weight_token.line),
                        what: "number of ranks",
                        limit: MAX_RANK_POSITIONS as u64,
                    });
                }
                raw_ballots.push((weight, std::mem::take(&mut pending), weight_token.line));
            } else {
                pending.push(token);
            }
        }
    }
    if !header_done {
        return Err(syntax(
            lines.len().max(1),
            "missing the line of candidates and seats",
        ));
    }
    if !ballots_done {
        let line = pending.first().map_or(lines.len(), |t| t.line);
        return Err(syntax(
            line,
            "missing the 0 line that ends the ballots (or a ballot's 0)",
        ));
    }
    if !nicks.is_empty() && nicks.len() != n {
        return Err(syntax(
            1,
            format!("[nick] lists {} names for {n} candidates", nicks.len()),
        ));
    }
    let ids: Vec<String> = if nicks.is_empty() {
        (1..=n).map(|k| k.to_string()).collect()
    } else {
        nicks.clone()
    };
    let resolve = |token: &Token, text: &str| -> Result<String, FormatError> {
        if let Some(position) = nicks.iter().position(|nick| nick == text) {
            return Ok(ids.get(position).cloned().unwrap_or_default());
        }
        match text.parse::<usize>() {
            Ok(k) if (1..=n).contains(&k) => {
                Ok(ids.get(k.saturating_sub(1)).cloned().unwrap_or_default())
            }
            _ => Err(FormatError::UnknownCandidate {
                path: super::line_path(token.line),
                name: text.to_owned(),
            }),
        }
    };
    for token in &raw_withdrawn {
        let id = resolve(token, &token.text)?;
        if !file.withdrawn.contains(&id) {
            file.withdrawn.push(id);
        }
    }
    if let Some(tie) = &raw_tie {
        file.tie_order = Some(
            tie.iter()
                .map(|t| resolve(t, &t.text))
                .collect::<Result<Vec<_>, _>>()?,
        );
    }
    for (weight, prefs, _) in &raw_ballots {
        let mut ranking = Vec::with_capacity(prefs.len());
        for token in prefs {
            if token.quoted {
                return Err(syntax(token.line, "unexpected quoted string in a ballot"));
            }
            if token.text == "-" {
                ranking.push(Rank::Several(Vec::new()));
                continue;
            }
            let mut marked = Vec::new();
            for part in token.text.split('=') {
                marked.push(resolve(token, part)?);
            }
            ranking.push(match <[String; 1]>::try_from(marked) {
                Ok([one]) => Rank::One(one),
                Err(several) => Rank::Several(several),
            });
        }
        file.ballots.push(Ballot {
            ranking: Some(ranking),
            count: Some(*weight),
            ..Ballot::default()
        });
    }
    // Names: quoted strings, or a whole unquoted line each; then the title.
    let mut strings: Vec<String> = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(line_index) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if trimmed.starts_with('"') {
            tokens.clear();
            tokenize(line, index.saturating_add(1), &mut tokens)?;
            strings.extend(tokens.drain(..).filter(|t| t.quoted).map(|t| t.text));
        } else if !trimmed.starts_with('[') {
            strings.push(trimmed.trim_end().to_owned());
        }
    }
    if strings.len() < n {
        return Err(syntax(
            lines.len().max(1),
            format!("{} candidate names for {n} candidates", strings.len()),
        ));
    }
    let mut strings = strings.into_iter();
    for id in ids {
        let name = strings.next().unwrap_or_default();
        file.candidates.push(Candidate::Named {
            id,
            name: Some(name),
        });
    }
    file.title = strings.next();
    Ok(file)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;
    use crate::error::Fault;

    #[test]
    fn reads_the_extensions_and_quirks() {
        let text = "\u{feff}4 2 # four candidates\n-4\n[nick a b c d]\n[tie d c b a]\n[droop precision=5]\n\
                    (b1) 3 a b=c 0\n2, b, -, a 0\n1 c\n d 0\n0\n\"Castor\"\n\"Pollux  Two \"\nHelen of Troy\n\"D\"\n\"Title\"\n";
        let file = read_blt(text).unwrap();
        assert_eq!(file.seats, 2);
        assert_eq!(file.withdrawn, vec!["d"]);
        assert_eq!(
            file.tie_order,
            Some(vec!["d".into(), "c".into(), "b".into(), "a".into()])
        );
        assert_eq!(
            file.options,
            vec![("droop".to_owned(), "precision=5".to_owned())]
        );
        assert_eq!(file.candidates[1].name(), "Pollux  Two ");
        assert_eq!(file.candidates[2].name(), "Helen of Troy");
        assert_eq!(file.candidates[2].id(), "c");
        assert_eq!(file.title.as_deref(), Some("Title"));
        assert_eq!(file.ballots.len(), 3);
        assert_eq!(file.ballots[0].count, Some(3));
        assert_eq!(
            file.ballots[0].ranking,
            Some(vec![
                Rank::One("a".into()),
                Rank::Several(vec!["b".into(), "c".into()])
            ])
        );
        assert_eq!(
            file.ballots[1].ranking,
            Some(vec![
                Rank::One("b".into()),
                Rank::Several(vec![]),
                Rank::One("a".into())
            ])
        );
        assert_eq!(
            file.ballots[2].ranking,
            Some(vec![Rank::One("c".into()), Rank::One("d".into())])
        );
    }

    #[test]
    fn numbers_are_ids_without_nicknames() {
        let file = read_blt("3 1\n1 3 1 0\n0\n\"A\" \"B\" \"C\"\n").unwrap();
        assert_eq!(file.candidates[2].id(), "3");
        assert_eq!(
            file.ballots[0].ranking,
            Some(vec![Rank::One("3".into()), Rank::One("1".into())])
        );
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            (
                "3 1\n1 4 0\n0\n\"A\"\n\"B\"\n\"C\"\n",
                "format_unknown_candidate",
                "line 2",
            ),
            ("3 1\n1 2 0\nx 1 0\n0\n", "format_syntax", "line 3"),
            ("3 1\n1 2 0\n", "format_syntax", "line 2"),
            ("3 1\n1 2 0\n0\n\"A\"\n", "format_syntax", "line 4"),
            ("x 1\n", "format_syntax", "line 1"),
            ("3 1\n1.5 2 0\n0\n", "format_syntax", "line 2"),
            ("3 1\n1 \"a 0\n", "format_syntax", "line 2"),
        ];
        for (text, code, path) in cases {
            let err = read_blt(text).unwrap_err();
            assert_eq!(
                (err.code(), err.path()),
                (code, Some(path)),
                "{text:?}: {err}"
            );
        }
    }
}
