//! Dominion Democracy Suite cast vote record exports (JSON): the manifests
//! (`ContestManifest.json`, `CandidateManifest.json`, …) and the records, in
//! `CvrExport.json` or in numbered files `CvrExport_1.json`, `CvrExport_2.json`, …
//!
//! Rules, as RCTab applies them: a single `CvrExport.json` is read if present, else every
//! numbered file `CvrExport_<n>.json`, by number (gaps allowed). Each session's `Original` is read if
//! `IsCurrent`, else its `Modified` (a session with neither is not a ballot). The contests are
//! under `Cards[*].Contests` (or directly under `Contests`); each contest whose `Id` is the one
//! asked for is one ballot, its `Marks` giving `(Rank, CandidateId)`; ambiguous marks
//! (`IsAmbiguous`) are ignored (`IsVote` is not looked at). A contest record flagged with the
//! outstack condition that `OutstackConditionManifest.json` calls `InvalidContest` (newer
//! exports, e.g. 5.17) is not a ballot of the contest: RCTab's expected report for such an
//! export counts exactly the other records. Candidate ids are Dominion's
//! numbers as text, named by the candidate manifest; a mark for a candidate the manifest does
//! not list in this contest is an error. The contest's `NumOfRanks` is its maximum number of
//! rankings (RCTab uses it instead of the configured one). Other manifests (precincts,
//! tabulators) are not needed.

use serde_json::Value;

use super::{
    check_size, ranking_from_positions, too_many_ballots, CvrContest, FormatError, NamedText,
    MAX_BALLOT_ENTRIES,
};
use crate::vote::{Ballot, Candidate, MAX_RANK_POSITIONS};

fn bad(path: impl Into<String>, message: impl Into<String>) -> FormatError {
    FormatError::Syntax {
        path: path.into(),
        message: message.into(),
    }
}

/// An id that Dominion writes as a number (or, in some versions, a string).
fn id_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn list<'v>(value: &'v Value, key: &str) -> &'v [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn find<'f>(files: &'f [NamedText], name: &str) -> Option<&'f NamedText> {
    files
        .iter()
        .find(|f| f.base_name().eq_ignore_ascii_case(name))
}

fn parse_json(file: &NamedText) -> Result<Value, FormatError> {
    check_size(&file.text)?;
    let text = file.text.trim_start_matches('\u{feff}');
    serde_json::from_str(text).map_err(|err| {
        bad(
            format!("{}: line {}", file.name, err.line()),
            format!("invalid JSON: {err}"),
        )
    })
}

fn required<'f>(files: &'f [NamedText], name: &str) -> Result<&'f NamedText, FormatError> {
    find(files, name).ok_or_else(|| FormatError::MissingFile {
        path: ".".to_owned(),
        name: name.to_owned(),
    })
}

/// The CVR files RCTab would read, in order.
fn cvr_files(files: &[NamedText]) -> Result<Vec<&NamedText>, FormatError> {
    if let Some(single) = find(files, "CvrExport.json") {
        return Ok(vec![single]);
    }
    let mut out: Vec<(u64, &NamedText)> = files
        .iter()
        .filter_map(|f| {
            let base = f.base_name();
            let number = base
                .get(..10)
                .filter(|p| p.eq_ignore_ascii_case("CvrExport_"))
                .and(base.get(10..))
                .and_then(|rest| rest.strip_suffix(".json"))
                .and_then(|n| n.parse::<u64>().ok())?;
            Some((number, f))
        })
        .collect();
    crate::sort::sort_by_key(&mut out, |(n, _)| *n);
    let out: Vec<&NamedText> = out.into_iter().map(|(_, f)| f).collect();
    if out.is_empty() {
        return Err(FormatError::MissingFile {
            path: ".".to_owned(),
            name: "CvrExport.json".to_owned(),
        });
    }
    Ok(out)
}

/// Reads the contest whose `Id` is `contest` from the files of a Dominion export.
pub fn read_dominion(files: &[NamedText], contest: &str) -> Result<CvrContest, FormatError> {
    let contests = parse_json(required(files, "ContestManifest.json")?)?;
    let manifest_entry = list(&contests, "List")
        .iter()
        .find(|c| id_text(c.get("Id")).as_deref() == Some(contest))
        .ok_or_else(|| FormatError::ContestNotFound {
            path: "ContestManifest.json: List".to_owned(),
            contest: contest.to_owned(),
        })?;
    let max_rankings = manifest_entry
        .get("NumOfRanks")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n > 0);
    let manifest = parse_json(required(files, "CandidateManifest.json")?)?;
    let mut candidates = Vec::new();
    for (i, item) in list(&manifest, "List").iter().enumerate() {
        if id_text(item.get("ContestId")).as_deref() != Some(contest) {
            continue;
        }
        let id = id_text(item.get("Id")).ok_or_else(|| {
            bad(
                format!("CandidateManifest.json: List[{i}].Id"),
                "missing candidate Id",
            )
        })?;
        let name = item
            .get("Description")
            .and_then(Value::as_str)
            .map(str::to_owned);
        candidates.push(Candidate::Named { id, name });
    }
    let invalid_contest: Option<u64> = match find(files, "OutstackConditionManifest.json") {
        Some(file) => list(&parse_json(file)?, "List")
            .iter()
            .find(|c| c.get("Description").and_then(Value::as_str) == Some("InvalidContest"))
            .and_then(|c| c.get("Id"))
            .and_then(Value::as_u64),
        None => None,
    };
    let mut ballots = Vec::new();
    for file in cvr_files(files)? {
        let doc = parse_json(file)?;
        for (s, session) in list(&doc, "Sessions").iter().enumerate() {
            let here = |rest: &str| format!("{}: Sessions[{s}]{rest}", file.name);
            let original = session
                .get("Original")
                .ok_or_else(|| bad(here(""), "session without Original"))?;
            let (data, which) = if original.get("IsCurrent") == Some(&Value::Bool(false)) {
                match session.get("Modified") {
                    Some(modified) => (modified, ".Modified"),
                    None => continue,
                }
            } else {
                (original, ".Original")
            };
            let cards: Vec<(String, &Value)> = match data.get("Cards").and_then(Value::as_array) {
                Some(cards) => cards
                    .iter()
                    .enumerate()
                    .map(|(c, card)| (format!("{which}.Cards[{c}]"), card))
                    .collect(),
                None => vec![(which.to_owned(), data)],
            };
            for (card_path, card) in cards {
                for (k, item) in list(card, "Contests").iter().enumerate() {
                    if id_text(item.get("Id")).as_deref() != Some(contest) {
                        continue;
                    }
                    if let Some(invalid) = invalid_contest {
                        if list(item, "OutstackConditionIds")
                            .iter()
                            .any(|c| c.as_u64() == Some(invalid))
                        {
                            continue;
                        }
                    }
                    if ballots.len() >= MAX_BALLOT_ENTRIES {
                        return Err(too_many_ballots(here(&card_path)));
                    }
                    let mut marks = Vec::new();
                    for (m, mark) in list(item, "Marks").iter().enumerate() {
                        let path = || here(&format!("{card_path}.Contests[{k}].Marks[{m}]"));
                        if mark.get("IsAmbiguous") == Some(&Value::Bool(true)) {
                            continue;
                        }
                        let id = id_text(mark.get("CandidateId"))
                            .ok_or_else(|| bad(path(), "mark without CandidateId"))?;
                        if !candidates.iter().any(|c| c.id() == id) {
                            return Err(FormatError::UnknownCandidate {
                                path: path(),
                                name: id,
                            });
                        }
                        let rank = mark
                            .get("Rank")
                            .and_then(Value::as_u64)
                            .and_then(|r| usize::try_from(r).ok())
                            .filter(|r| (1..=MAX_RANK_POSITIONS).contains(r))
                            .ok_or_else(|| bad(path(), "missing or out-of-range Rank"))?;
                        marks.push((rank, id));
                    }
                    ballots.push(Ballot {
                        ranking: Some(ranking_from_positions(marks)),
                        ..Ballot::default()
                    });
                }
            }
        }
    }
    Ok(CvrContest {
        candidates,
        ballots,
        max_rankings,
    })
}
