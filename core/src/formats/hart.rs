//! Hart Verity cast vote records: one XML file per ballot sheet (`<Cvr>` with `<Contests>`),
//! as exported in a folder; pass the folder's files as [`NamedText`]s.
//!
//! Rules, as RCTab applies them: files whose name ends in `xml` are read, except signature
//! files (`.sig.xml`). Each `<Contest>` whose `<Id>` is the contest asked for is one ballot.
//! Each `<Option>` gives a candidate (`<Id>` is its id on the ballots, `<Name>` its name) and
//! a `<Value>` read left to right, one digit per rank: `0100` marks rank 2, `0101` ranks 2
//! and 4. An id seen with two different names is an error. Element names are matched without
//! their namespace.

use super::xml::{bad_at, child_text, children, line_of, parse, place};
use super::{
    ranking_from_positions, too_many_ballots, CvrContest, FormatError, NamedText,
    MAX_BALLOT_ENTRIES, MAX_FILES,
};
use crate::vote::{Ballot, Candidate, MAX_RANK_POSITIONS};

/// Reads the contest whose `<Id>` is `contest` from the XML files of a Hart export.
pub fn read_hart(files: &[NamedText], contest: &str) -> Result<CvrContest, FormatError> {
    if files.len() > MAX_FILES {
        return Err(FormatError::TooLarge {
            path: ".".to_owned(),
            what: "number of files",
            limit: MAX_FILES as u64,
        });
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut ballots = Vec::new();
    let mut contest_seen = false;
    for file in files {
        let lower = file.base_name().to_lowercase();
        if !lower.ends_with("xml") || lower.ends_with(".sig.xml") {
            continue;
        }
        let name = file.name.as_str();
        let doc = parse(&file.text, name)?;
        for contests in children(doc.root_element(), "Contests") {
            for item in children(contests, "Contest") {
                if child_text(item, "Id") != Some(contest) {
                    continue;
                }
                contest_seen = true;
                if ballots.len() >= MAX_BALLOT_ENTRIES {
                    return Err(too_many_ballots(place(name, line_of(item))));
                }
                let mut marks = Vec::new();
                for options in children(item, "Options") {
                    for option in children(options, "Option") {
                        let id = child_text(option, "Id")
                            .ok_or_else(|| bad_at(name, option, "option without Id"))?;
                        let label = child_text(option, "Name");
                        match candidates.iter().find(|c| c.id() == id) {
                            None => candidates.push(Candidate::Named {
                                id: id.to_owned(),
                                name: label.map(str::to_owned),
                            }),
                            Some(known) => {
                                if let (
                                    Candidate::Named {
                                        name: Some(was), ..
                                    },
                                    Some(now),
                                ) = (known, label)
                                {
                                    if was != now {
                                        return Err(bad_at(
                                            name,
                                            option,
                                            format!(
                                                "candidate {id} named both {was:?} and {now:?}"
                                            ),
                                        ));
                                    }
                                }
                            }
                        }
                        let value = child_text(option, "Value").unwrap_or_default();
                        if value.len() > MAX_RANK_POSITIONS {
                            return Err(FormatError::TooLarge {
                                path: place(name, line_of(option)),
                                what: "number of ranks",
                                limit: MAX_RANK_POSITIONS as u64,
                            });
                        }
                        for (i, digit) in value.chars().enumerate() {
                            match digit {
                                '1' => marks.push((i.saturating_add(1), id.to_owned())),
                                '0' => {}
                                other => {
                                    return Err(bad_at(
                                        name,
                                        option,
                                        format!("{other:?} in a rank value (expected 0 or 1)"),
                                    ))
                                }
                            }
                        }
                    }
                }
                ballots.push(Ballot {
                    ranking: Some(ranking_from_positions(marks)),
                    ..Ballot::default()
                });
            }
        }
    }
    if !contest_seen {
        return Err(FormatError::ContestNotFound {
            path: ".".to_owned(),
            contest: contest.to_owned(),
        });
    }
    Ok(CvrContest {
        candidates,
        ballots,
        max_rankings: None,
    })
}
