//! PrefLib ordinal preference files: `.soc`, `.soi`, `.toc`, `.toi`.
//!
//! Both layouts are read:
//!
//! - the current one (2022 on): `# KEY: value` header lines (`DATA TYPE`, `NUMBER
//!   ALTERNATIVES`, `ALTERNATIVE NAME k`, `NUMBER VOTERS`, …), then one line per distinct
//!   order, `count: 1,{2,3},4`;
//! - the legacy one: a line with the number of alternatives, one `k,name` line each, a line
//!   `voters,sum of counts,distinct orders`, then `count,1,{2,3},4` lines.
//!
//! Alternatives become candidates with id `"k"` (their number) and their name. `{…}` is an
//! equal ranking, allowed only in `toc`/`toi` (and in legacy files, which carry no type).
//! Complete types (`soc`, `toc`) must rank every alternative. Errors name the 1-based line.

use super::{syntax, FormatError};
use crate::vote::{Ballot, Candidate, Rank};

/// A PrefLib file read into candidates and grouped ballots.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PreflibFile {
    /// `soc`, `soi`, `toc` or `toi` (`""` for a legacy file).
    pub data_type: String,
    /// The alternatives: id `"k"`, name from the file.
    pub candidates: Vec<Candidate>,
    /// One grouped ballot (`ranking` and `count`) per order line, in file order.
    pub ballots: Vec<Ballot>,
}

/// Most alternatives a PrefLib file may declare.
pub const MAX_PREFLIB_ALTERNATIVES: usize = 10_000;

/// Reads a PrefLib ordinal file (see the module documentation).
pub fn read_preflib(text: &str) -> Result<PreflibFile, FormatError> {
    super::check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i.saturating_add(1), l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let legacy = lines.first().is_some_and(|(_, l)| !l.starts_with('#'));
    let mut data_type = String::new();
    let mut n: Option<(usize, usize)> = None; // (count, line)
    let mut names: Vec<(usize, String)> = Vec::new();
    let mut voters: Option<(u64, usize)> = None;
    let mut body = lines.as_slice();
    if legacy {
        let (line, first) = body.first().copied().unwrap_or((1, ""));
        let count = parse_count(first, line)?;
        n = Some((count, line));
        body = body.get(1..).unwrap_or_default();
        for k in 1..=count {
            let (line, text) = body
                .first()
                .copied()
                .ok_or_else(|| syntax(line, "missing alternative lines"))?;
            let (number, name) = text
                .split_once(',')
                .ok_or_else(|| syntax(line, "expected `number,name`"))?;
            if number.trim().parse::<usize>().ok() != Some(k) {
                return Err(syntax(line, format!("expected alternative {k}")));
            }
            names.push((k, name.trim().to_owned()));
            body = body.get(1..).unwrap_or_default();
        }
        let (line, totals) = body
            .first()
            .copied()
            .ok_or_else(|| syntax(line, "missing voter totals line"))?;
        let total = totals
            .split(',')
            .nth(1)
            .and_then(|t| t.trim().parse::<u64>().ok())
            .ok_or_else(|| syntax(line, "expected `voters,sum of counts,distinct orders`"))?;
        voters = Some((total, line));
        body = body.get(1..).unwrap_or_default();
    } else {
        while let Some(&(line, text)) = body.first() {
            let Some(header) = text.strip_prefix('#') else {
                break;
            };
            body = body.get(1..).unwrap_or_default();
            let Some((key, value)) = header.split_once(':') else {
                continue;
            };
            let (key, value) = (key.trim(), value.trim());
            if key == "DATA TYPE" {
                data_type = value.to_ascii_lowercase();
                if !["soc", "soi", "toc", "toi"].contains(&data_type.as_str()) {
                    return Err(syntax(
                        line,
                        format!("data type {value:?} is not an ordinal type"),
                    ));
                }
            } else if key == "NUMBER ALTERNATIVES" {
                n = Some((parse_count(value, line)?, line));
            } else if key == "NUMBER VOTERS" {
                let total = value
                    .parse::<u64>()
                    .map_err(|_| syntax(line, "expected a number"))?;
                voters = Some((total, line));
            } else if let Some(k) = key.strip_prefix("ALTERNATIVE NAME ") {
                let k = k
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| syntax(line, "expected an alternative number"))?;
                names.push((k, value.to_owned()));
            }
        }
    }
    let (n, n_line) = n.ok_or_else(|| syntax(1, "missing number of alternatives"))?;
    let mut candidates: Vec<Candidate> = (1..=n)
        .map(|k| Candidate::Named {
            id: k.to_string(),
            name: None,
        })
        .collect();
    for (k, name) in names {
        match candidates.get_mut(k.wrapping_sub(1)) {
            Some(Candidate::Named { name: slot, .. }) => *slot = Some(name),
            _ => return Err(syntax(n_line, format!("alternative {k} is out of range"))),
        }
    }
    let ties_allowed = legacy || data_type.starts_with('t');
    let complete = data_type.ends_with('c');
    let mut ballots = Vec::new();
    let mut sum = 0u64;
    for &(line, text) in body {
        if text.starts_with('#') {
            return Err(syntax(line, "header line after the orders"));
        }
        let (count, order) = if legacy {
            text.split_once(',')
                .ok_or_else(|| syntax(line, "expected `count,order`"))?
        } else {
            text.split_once(':')
                .ok_or_else(|| syntax(line, "expected `count: order`"))?
        };
        let count = count
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|c| *c > 0)
            .ok_or_else(|| syntax(line, "expected a positive count"))?;
        sum = sum
            .checked_add(count)
            .ok_or_else(|| syntax(line, "counts overflow"))?;
        let ranking = parse_order(order, n, ties_allowed, line)?;
        let ranked: usize = ranking.iter().map(|r| r.candidates().len()).sum();
        if complete && ranked != n {
            return Err(syntax(
                line,
                format!("a {data_type} order must rank all {n} alternatives"),
            ));
        }
        ballots.push(Ballot {
            ranking: Some(ranking),
            count: Some(count),
            ..Ballot::default()
        });
    }
    if let Some((total, line)) = voters {
        if total != sum {
            return Err(syntax(
                line,
                format!("{total} voters declared, counts add up to {sum}"),
            ));
        }
    }
    Ok(PreflibFile {
        data_type,
        candidates,
        ballots,
    })
}

fn parse_count(text: &str, line: usize) -> Result<usize, FormatError> {
    let count = text
        .trim()
        .parse::<usize>()
        .map_err(|_| syntax(line, "expected a number of alternatives"))?;
    if count > MAX_PREFLIB_ALTERNATIVES {
        return Err(FormatError::TooLarge {
            path: format!("line {line}"),
            what: "number of alternatives",
            limit: MAX_PREFLIB_ALTERNATIVES as u64,
        });
    }
    Ok(count)
}

/// `1,{2,3},4` into ranks; checks numbers, repeats and braces.
fn parse_order(
    text: &str,
    n: usize,
    ties_allowed: bool,
    line: usize,
) -> Result<Vec<Rank>, FormatError> {
    let mut ranks = Vec::new();
    let mut seen = vec![false; n];
    let mut group: Option<Vec<String>> = None;
    for raw in text.split(',') {
        let mut item = raw.trim();
        let opens = item.starts_with('{');
        if opens {
            if group.is_some() || !ties_allowed {
                return Err(syntax(line, "unexpected `{`"));
            }
            group = Some(Vec::new());
            item = item.get(1..).unwrap_or_default().trim();
        }
        let closes = item.ends_with('}');
        if closes {
            item = item
                .get(..item.len().saturating_sub(1))
                .unwrap_or_default()
                .trim();
        }
        if item.is_empty() && opens && closes {
            // `{}`: an empty group
        } else {
            let k = item.parse::<usize>().map_err(|_| {
                syntax(
                    line,
                    format!("expected an alternative number, found {item:?}"),
                )
            })?;
            let slot = k
                .checked_sub(1)
                .and_then(|i| seen.get_mut(i))
                .ok_or_else(|| FormatError::UnknownCandidate {
                    path: format!("line {line}"),
                    name: k.to_string(),
                })?;
            if std::mem::replace(slot, true) {
                return Err(syntax(line, format!("alternative {k} appears twice")));
            }
            match group.as_mut() {
                Some(members) => members.push(k.to_string()),
                None => ranks.push(Rank::One(k.to_string())),
            }
        }
        if closes {
            let members = group.take().ok_or_else(|| syntax(line, "unexpected `}`"))?;
            if !members.is_empty() {
                ranks.push(Rank::Several(members));
            }
        }
    }
    if group.is_some() {
        return Err(syntax(line, "unclosed `{`"));
    }
    Ok(ranks)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::Fault;

    const TOC: &str = "# FILE NAME: 00001-00000001.toc\n# DATA TYPE: toc\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: Apple\n# ALTERNATIVE NAME 2: Pear\n# ALTERNATIVE NAME 3: Plum\n# NUMBER VOTERS: 5\n# NUMBER UNIQUE ORDERS: 2\n3: 1,2,3\n2: {2,3},1\n";

    #[test]
    fn reads_current_layout_with_ties() {
        let file = read_preflib(TOC).unwrap();
        assert_eq!(file.data_type, "toc");
        assert_eq!(file.candidates[0].name(), "Apple");
        assert_eq!(file.ballots.len(), 2);
        assert_eq!(file.ballots[1].count, Some(2));
        assert_eq!(
            file.ballots[1].ranking.as_ref().unwrap()[0],
            Rank::Several(vec!["2".into(), "3".into()])
        );
    }

    #[test]
    fn reads_legacy_layout() {
        let text = "3\n1,A\n2,B\n3,C\n4,4,2\n3,1,2\n1,3\n";
        let file = read_preflib(text).unwrap();
        assert_eq!(file.candidates.len(), 3);
        assert_eq!(file.ballots[1].ranking.as_ref().unwrap().len(), 1);
    }

    #[test]
    fn errors_name_the_line() {
        let bad = TOC.replace("2: {2,3},1", "2: {2,3}");
        let err = read_preflib(&bad).unwrap_err();
        assert_eq!((err.code(), err.path()), ("format_syntax", Some("line 10")));
        let unknown = TOC.replace("3: 1,2,3", "3: 1,2,7");
        let err = read_preflib(&unknown).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("format_unknown_candidate", Some("line 9"))
        );
        let soc = TOC.replace("toc", "soc");
        assert_eq!(read_preflib(&soc).unwrap_err().path(), Some("line 10"));
        let total = TOC.replace("VOTERS: 5", "VOTERS: 6");
        assert_eq!(read_preflib(&total).unwrap_err().path(), Some("line 7"));
    }
}
