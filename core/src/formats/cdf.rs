//! NIST SP 1500-103 cast vote records in JSON (the CDF used by RCTab).

use serde_json::Value;
use std::collections::HashMap;

use super::{check_size, ranking_from_positions, FormatError, MAX_BALLOT_ENTRIES};
use crate::vote::Ballot;

/// One contest read from a CDF file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CdfContest {
    /// The contest's candidate names, in the order of its selections. A selection with no
    /// candidate (a write-in) is named by its `@id`.
    pub candidates: Vec<String>,
    /// One ballot per cast vote record, ranking candidates by name. A rank marked for several
    /// candidates is an overvote; a rank marked for none is skipped (`[]`).
    pub ballots: Vec<Ballot>,
}

fn bad(path: impl Into<String>, message: impl Into<String>) -> FormatError {
    FormatError::Syntax {
        path: path.into(),
        message: message.into(),
    }
}

fn str_field<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

fn array<'v>(value: &'v Value, key: &str) -> &'v [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Reads the contest whose `@id` or `Name` is `contest` from a CDF JSON cast vote record
/// report. Positions with `HasIndication` other than `"yes"` (when present) are ignored.
pub fn read_cdf_json(text: &str, contest: &str) -> Result<CdfContest, FormatError> {
    check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let doc: Value = serde_json::from_str(text).map_err(|err| {
        bad(
            format!("line {}", err.line()),
            format!("invalid JSON: {err}"),
        )
    })?;
    let mut candidate_names: HashMap<&str, &str> = HashMap::new();
    let mut found: Option<(&str, &Value)> = None;
    for (e, election) in array(&doc, "Election").iter().enumerate() {
        for candidate in array(election, "Candidate") {
            if let (Some(id), Some(name)) =
                (str_field(candidate, "@id"), str_field(candidate, "Name"))
            {
                candidate_names.insert(id, name);
            }
        }
        for (c, item) in array(election, "Contest").iter().enumerate() {
            let id = str_field(item, "@id");
            if id == Some(contest) || str_field(item, "Name") == Some(contest) {
                let id = id.ok_or_else(|| {
                    bad(format!("Election[{e}].Contest[{c}]"), "contest without @id")
                })?;
                found = Some((id, item));
            }
        }
    }
    let (contest_id, contest_value) = found.ok_or_else(|| FormatError::ContestNotFound {
        path: "Election".to_owned(),
        contest: contest.to_owned(),
    })?;
    let mut selection_names: HashMap<&str, String> = HashMap::new();
    let mut candidates = Vec::new();
    for selection in array(contest_value, "ContestSelection") {
        let Some(id) = str_field(selection, "@id") else {
            continue;
        };
        let name = array(selection, "CandidateIds")
            .first()
            .and_then(Value::as_str)
            .and_then(|cid| candidate_names.get(cid).copied())
            .unwrap_or(id)
            .to_owned();
        if !candidates.contains(&name) {
            candidates.push(name.clone());
        }
        selection_names.insert(id, name);
    }
    let records = array(&doc, "CVR");
    if records.len() > MAX_BALLOT_ENTRIES {
        return Err(FormatError::TooLarge {
            path: "CVR".to_owned(),
            what: "number of cast vote records",
            limit: MAX_BALLOT_ENTRIES as u64,
        });
    }
    let mut ballots = Vec::new();
    for (r, record) in records.iter().enumerate() {
        let snapshots = array(record, "CVRSnapshot");
        let current = str_field(record, "CurrentSnapshotId");
        let snapshot = snapshots
            .iter()
            .find(|s| current.is_some() && str_field(s, "@id") == current)
            .or_else(|| snapshots.first());
        let Some(snapshot) = snapshot else { continue };
        let mut marks: Vec<(usize, String)> = Vec::new();
        let mut in_contest = false;
        for cvr_contest in array(snapshot, "CVRContest") {
            if str_field(cvr_contest, "ContestId") != Some(contest_id) {
                continue;
            }
            in_contest = true;
            for (s, selection) in array(cvr_contest, "CVRContestSelection").iter().enumerate() {
                let path = || format!("CVR[{r}].CVRContest.CVRContestSelection[{s}]");
                let sid = str_field(selection, "ContestSelectionId")
                    .ok_or_else(|| bad(path(), "missing ContestSelectionId"))?;
                let name =
                    selection_names
                        .get(sid)
                        .ok_or_else(|| FormatError::UnknownCandidate {
                            path: path(),
                            name: sid.to_owned(),
                        })?;
                for position in array(selection, "SelectionPosition") {
                    if position
                        .get("HasIndication")
                        .and_then(Value::as_str)
                        .is_some_and(|h| h != "yes")
                    {
                        continue;
                    }
                    let rank = position
                        .get("Rank")
                        .and_then(Value::as_u64)
                        .and_then(|rank| usize::try_from(rank).ok())
                        .filter(|rank| (1..=crate::vote::MAX_RANK_POSITIONS).contains(rank))
                        .ok_or_else(|| bad(path(), "missing or out-of-range Rank"))?;
                    marks.push((rank, name.clone()));
                }
            }
        }
        if in_contest {
            ballots.push(Ballot {
                ranking: Some(ranking_from_positions(marks)),
                ..Ballot::default()
            });
        }
    }
    Ok(CdfContest {
        candidates,
        ballots,
    })
}
