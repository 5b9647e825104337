//! NIST SP 1500-103 cast vote records in XML (the CDF that RCTab reads; Unisyn and the NIST
//! examples write it).
//!
//! Rules, as RCTab applies them: the contest is found by `Name` (or `ObjectId`); only the
//! CVR's current snapshot (`CurrentSnapshotId`) is read, and a CVR without the contest in it
//! is not a ballot of the contest. A `CVRContestSelection` with `Status`
//! `needs-adjudication` is ignored. The rank is the selection's `Rank`, or else each
//! `SelectionPosition`'s `Rank`; positions with `HasIndication` or `IsAllocable` `no` are
//! ignored. A selection with `IsWriteIn` `true`, or a position with a `CVRWriteIn`, counts
//! for [`UNDECLARED_WRITE_IN`]. Candidates are named by their `Name`, which is also their
//! id on the ballots. Element names are matched without their namespace prefix.

use roxmltree::Node;
use std::collections::HashMap;

use super::xml::{bad_at, child, child_text, children, parse};
use super::{
    ranking_from_positions, too_many_ballots, CvrContest, FormatError, MAX_BALLOT_ENTRIES,
    UNDECLARED_WRITE_IN,
};
use crate::vote::{Ballot, Candidate, MAX_RANK_POSITIONS};

fn object_id<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == "ObjectId" || a.name() == "id")
        .map(|a| a.value())
}

fn parse_rank(text: &str, file: &str, node: Node<'_, '_>) -> Result<usize, FormatError> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|rank| (1..=MAX_RANK_POSITIONS).contains(rank))
        .ok_or_else(|| bad_at(file, node, format!("{text:?} is not a rank")))
}

/// Reads the contest whose `Name` (or `ObjectId`) is `contest` from a CDF XML cast vote
/// record report (see the module documentation for the rules).
pub fn read_cdf_xml(text: &str, contest: &str) -> Result<CvrContest, FormatError> {
    read_cdf_xml_named(text, "", contest)
}

/// [`read_cdf_xml`] naming the file in error paths.
pub(crate) fn read_cdf_xml_named(
    text: &str,
    file: &str,
    contest: &str,
) -> Result<CvrContest, FormatError> {
    let doc = parse(text, file)?;
    let root = doc.root_element();
    let mut candidate_names: HashMap<&str, &str> = HashMap::new();
    let mut found = None;
    for election in children(root, "Election") {
        for candidate in children(election, "Candidate") {
            if let (Some(id), Some(name)) = (object_id(candidate), child_text(candidate, "Name")) {
                candidate_names.entry(id).or_insert(name);
            }
        }
        for item in children(election, "Contest") {
            if found.is_none()
                && (child_text(item, "Name") == Some(contest) || object_id(item) == Some(contest))
            {
                found = Some(item);
            }
        }
    }
    let contest_node = found.ok_or_else(|| FormatError::ContestNotFound {
        path: "Election".to_owned(),
        contest: contest.to_owned(),
    })?;
    let contest_id = object_id(contest_node)
        .ok_or_else(|| bad_at(file, contest_node, "contest without ObjectId"))?;
    let mut selection_names: HashMap<&str, String> = HashMap::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    for selection in children(contest_node, "ContestSelection") {
        let Some(id) = object_id(selection) else {
            continue;
        };
        let name = if child_text(selection, "IsWriteIn").is_some_and(|w| w == "true" || w == "1") {
            UNDECLARED_WRITE_IN.to_owned()
        } else {
            let cid = child_text(selection, "CandidateIds")
                .and_then(|ids| ids.split_whitespace().next())
                .ok_or_else(|| bad_at(file, selection, "contest selection without CandidateIds"))?;
            (*candidate_names
                .get(cid)
                .ok_or_else(|| FormatError::UnknownCandidate {
                    path: super::xml::place(file, super::xml::line_of(selection)),
                    name: cid.to_owned(),
                })?)
            .to_owned()
        };
        if !candidates.iter().any(|c| c.id() == name) {
            candidates.push(Candidate::Id(name.clone()));
        }
        selection_names.insert(id, name);
    }
    let mut ballots = Vec::new();
    let mut write_in_marked = false;
    for record in children(root, "CVR") {
        let current = child_text(record, "CurrentSnapshotId");
        let Some(snapshot) =
            children(record, "CVRSnapshot").find(|s| current.is_some() && object_id(*s) == current)
        else {
            continue;
        };
        let Some(cvr_contest) = children(snapshot, "CVRContest")
            .find(|c| child_text(*c, "ContestId") == Some(contest_id))
        else {
            continue;
        };
        if ballots.len() >= MAX_BALLOT_ENTRIES {
            return Err(too_many_ballots(super::xml::place(
                file,
                super::xml::line_of(record),
            )));
        }
        let mut marks: Vec<(usize, String)> = Vec::new();
        for selection in children(cvr_contest, "CVRContestSelection") {
            if child_text(selection, "Status") == Some("needs-adjudication") {
                continue;
            }
            let sid = child_text(selection, "ContestSelectionId")
                .ok_or_else(|| bad_at(file, selection, "missing ContestSelectionId"))?;
            let mut name = selection_names
                .get(sid)
                .ok_or_else(|| FormatError::UnknownCandidate {
                    path: super::xml::place(file, super::xml::line_of(selection)),
                    name: sid.to_owned(),
                })?
                .clone();
            if let Some(rank) = child(selection, "Rank") {
                marks.push((
                    parse_rank(rank.text().unwrap_or_default(), file, rank)?,
                    name,
                ));
                continue;
            }
            for position in children(selection, "SelectionPosition") {
                if child(position, "CVRWriteIn").is_some() {
                    UNDECLARED_WRITE_IN.clone_into(&mut name);
                    write_in_marked = true;
                }
                if child_text(position, "HasIndication") == Some("no")
                    || child_text(position, "IsAllocable") == Some("no")
                {
                    continue;
                }
                let rank = child(position, "Rank")
                    .ok_or_else(|| bad_at(file, position, "selection position without Rank"))?;
                marks.push((
                    parse_rank(rank.text().unwrap_or_default(), file, rank)?,
                    name.clone(),
                ));
            }
        }
        ballots.push(Ballot {
            ranking: Some(ranking_from_positions(marks)),
            ..Ballot::default()
        });
    }
    if write_in_marked && !candidates.iter().any(|c| c.id() == UNDECLARED_WRITE_IN) {
        candidates.push(Candidate::Id(UNDECLARED_WRITE_IN.to_owned()));
    }
    Ok(CvrContest {
        candidates,
        ballots,
        max_rankings: None,
    })
}
