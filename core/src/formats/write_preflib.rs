//! Writes PrefLib ordinal files (`.soc`, `.soi`, `.toc`, `.toi`; see [`super::read_preflib`]).
//!
//! The current (PrefLib 2) layout, with the header lines `preflibtools` writes:
//!
//! ```text
//! # FILE NAME: ballots.toi
//! # TITLE: …                       the file's title, when it has one
//! # DESCRIPTION:
//! # DATA TYPE: toi
//! # MODIFICATION TYPE:
//! # RELATES TO:
//! # RELATED FILES:
//! # PUBLICATION DATE:
//! # MODIFICATION DATE:
//! # NUMBER ALTERNATIVES: 3
//! # NUMBER VOTERS: 5
//! # NUMBER UNIQUE ORDERS: 2
//! # ALTERNATIVE NAME 1: Ann
//! …
//! 3: 1,2,3
//! 2: {2,3}
//! ```
//!
//! Alternatives are the candidates, numbered by their position; identical orders are grouped
//! and their counts summed; orders are listed by count (descending), then by number of ranks
//! (descending, as `preflibtools` does), then by the order itself (ascending), so the output
//! is the same whatever the ballots' order. Members of a tie are listed by number.
//! PrefLib cannot express a skipped rank, an empty order or a repeated alternative; those,
//! and ballots that do not fit a requested data type, are `format_unwritable`.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::write::{has_line_break, positions, resolve, unwritable};
use super::{BallotFile, FormatError, PreflibType, WriteOptions, MAX_PREFLIB_ALTERNATIVES};

/// Writes `file` as a PrefLib ordinal file (see the module documentation).
pub fn write_preflib(file: &BallotFile, options: &WriteOptions) -> Result<String, FormatError> {
    let n = file.candidates.len();
    if n > MAX_PREFLIB_ALTERNATIVES {
        return Err(FormatError::TooLarge {
            path: "candidates".to_owned(),
            what: "number of alternatives",
            limit: MAX_PREFLIB_ALTERNATIVES as u64,
        });
    }
    let index = positions(file)?;
    let ballots = resolve(file, &index)?;
    // Check and normalise every order: ties sorted, a one-member tie a plain rank.
    let mut orders: Vec<(Vec<Vec<usize>>, u64, usize)> = Vec::with_capacity(ballots.len());
    let (mut strict, mut complete) = (true, true);
    for (b, ballot) in ballots.into_iter().enumerate() {
        if ballot.ranks.is_empty() {
            return Err(unwritable(
                format!("ballots[{b}].ranking"),
                "PrefLib cannot write an empty order",
            ));
        }
        let mut seen = vec![false; n];
        let mut ranked = 0usize;
        let mut order = Vec::with_capacity(ballot.ranks.len());
        for (r, mut rank) in ballot.ranks.into_iter().enumerate() {
            let path = || format!("ballots[{b}].ranking[{r}]");
            if rank.is_empty() {
                return Err(unwritable(path(), "PrefLib cannot write a skipped rank"));
            }
            for k in &rank {
                if seen.get_mut(*k).is_some_and(|s| std::mem::replace(s, true)) {
                    return Err(unwritable(
                        path(),
                        "PrefLib cannot write an alternative ranked twice",
                    ));
                }
            }
            crate::sort::sort(&mut rank);
            if rank.len() > 1 {
                strict = false;
                if options.data_type.is_some_and(|t| !t.ties()) {
                    return Err(unwritable(
                        path(),
                        "a strict PrefLib type (soc, soi) cannot write a tie",
                    ));
                }
            }
            ranked = ranked.saturating_add(rank.len());
            order.push(rank);
        }
        if ranked < n {
            complete = false;
            if options.data_type.is_some_and(PreflibType::complete) {
                return Err(unwritable(
                    format!("ballots[{b}].ranking"),
                    "a complete PrefLib type (soc, toc) must rank every alternative",
                ));
            }
        }
        orders.push((order, ballot.weight, b));
    }
    let data_type = options.data_type.unwrap_or(match (strict, complete) {
        (true, true) => PreflibType::Soc,
        (true, false) => PreflibType::Soi,
        (false, true) => PreflibType::Toc,
        (false, false) => PreflibType::Toi,
    });
    // Group identical orders.
    let mut groups: HashMap<Vec<Vec<usize>>, u64> = HashMap::with_capacity(orders.len());
    let mut voters = 0u64;
    for (order, weight, b) in orders {
        let too_many = || FormatError::TooLarge {
            path: format!("ballots[{b}].count"),
            what: "number of voters",
            limit: u64::MAX,
        };
        voters = voters.checked_add(weight).ok_or_else(too_many)?;
        let count = groups.entry(order).or_insert(0);
        *count = count.checked_add(weight).ok_or_else(too_many)?;
    }
    let mut groups: Vec<(Vec<Vec<usize>>, u64)> = groups.into_iter().collect();
    crate::sort::sort_by(&mut groups, |(a, ca), (b, cb)| {
        cb.cmp(ca)
            .then_with(|| b.len().cmp(&a.len()))
            .then_with(|| a.cmp(b))
    });
    let line = |key: &str, value: &str, path: &str| -> Result<String, FormatError> {
        if has_line_break(value) {
            return Err(unwritable(
                path,
                "a PrefLib header cannot hold a line break",
            ));
        }
        Ok(if value.is_empty() {
            format!("# {key}:\n")
        } else {
            format!("# {key}: {value}\n")
        })
    };
    let default_name = format!("ballots.{}", data_type.as_str());
    let mut out = String::new();
    out.push_str(&line(
        "FILE NAME",
        options.file_name.as_deref().unwrap_or(&default_name),
        "options.file_name",
    )?);
    out.push_str(&line(
        "TITLE",
        file.title.as_deref().unwrap_or(""),
        "title",
    )?);
    out.push_str("# DESCRIPTION:\n");
    let _ = writeln!(out, "# DATA TYPE: {}", data_type.as_str());
    out.push_str(
        "# MODIFICATION TYPE:\n# RELATES TO:\n# RELATED FILES:\n# PUBLICATION DATE:\n# MODIFICATION DATE:\n",
    );
    let _ = writeln!(out, "# NUMBER ALTERNATIVES: {n}");
    let _ = writeln!(out, "# NUMBER VOTERS: {voters}");
    let _ = writeln!(out, "# NUMBER UNIQUE ORDERS: {}", groups.len());
    for (k, candidate) in file.candidates.iter().enumerate() {
        out.push_str(&line(
            &format!("ALTERNATIVE NAME {}", k.saturating_add(1)),
            candidate.name(),
            &format!("candidates[{k}].name"),
        )?);
    }
    for (order, count) in &groups {
        let _ = write!(out, "{count}: ");
        for (r, rank) in order.iter().enumerate() {
            if r > 0 {
                out.push(',');
            }
            let numbers: Vec<String> = rank
                .iter()
                .map(|k| k.saturating_add(1).to_string())
                .collect();
            if let [one] = numbers.as_slice() {
                out.push_str(one);
            } else {
                let _ = write!(out, "{{{}}}", numbers.join(","));
            }
        }
        out.push('\n');
    }
    Ok(out)
}
