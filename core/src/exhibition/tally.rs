//! Counting every category of an exhibition together, over one roll.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::elections::ExhibitionElections;
use super::error::{in_category, ExhibitionError};
use crate::error::FieldPath;
use crate::vote::{tally, Ballot, TallyResult};

/// The ballots of an exhibition: category id → that category's ballots. A category left out
/// had no ballots.
pub type CategoryBallots = BTreeMap<String, Vec<Ballot>>;

/// The count of one category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryResult {
    /// The category's id.
    pub category: String,
    /// The category's title.
    pub title: String,
    /// The count, exactly as [`crate::vote::tally`] gives it.
    pub result: TallyResult,
}

/// The outcome of [`tally_exhibition`]: every category's count, in the plan's category order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExhibitionResult {
    /// The exhibition program's id.
    pub program: String,
    /// The shared roll the categories were counted against, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<Vec<String>>,
    /// Distinct named voters with a counted ballot in at least one category.
    pub voters: u64,
    /// One count per election, in the order of the elections.
    pub categories: Vec<CategoryResult>,
}

/// Counts every category's ballots in its election.
///
/// Each election is counted by [`crate::vote::tally`] against its own roll or, without one,
/// the shared `roll`; so a voter votes at most once per category (a second ballot in the same
/// category is rejected as `duplicate_voter`) and may vote in every category. Ballots for a
/// category that has no election are an error (`unknown_category`), as are two elections of
/// one category (`duplicate_category`); errors of a count carry the path of the offending
/// ballot or election field in these documents (`ballots.photography[2].count`).
pub fn tally_exhibition(
    elections: &ExhibitionElections,
    ballots: &CategoryBallots,
) -> Result<ExhibitionResult, ExhibitionError> {
    let root = FieldPath::root("elections");
    let mut categories = HashSet::new();
    for (k, item) in elections.elections.iter().enumerate() {
        if !categories.insert(item.category.as_str()) {
            return Err(ExhibitionError::Duplicate {
                path: root.index(k).field("category").into(),
                what: "category",
                id: item.category.clone(),
            });
        }
    }
    if let Some(unknown) = ballots.keys().find(|k| !categories.contains(k.as_str())) {
        return Err(ExhibitionError::UnknownCategory {
            path: FieldPath::root("ballots").field(unknown).into(),
            id: unknown.clone(),
        });
    }

    let mut results = Vec::with_capacity(elections.elections.len());
    let mut voters: BTreeSet<&str> = BTreeSet::new();
    for (k, item) in elections.elections.iter().enumerate() {
        let cast = ballots.get(&item.category).map_or(&[][..], Vec::as_slice);
        let shared = item.election.roll.is_none() && elections.roll.is_some();
        let counted = if shared {
            let mut election = item.election.clone();
            election.roll.clone_from(&elections.roll);
            tally(&election, cast)
        } else {
            tally(&item.election, cast)
        };
        let result = counted.map_err(|source| {
            let here = root.index(k).field("election");
            let err = in_category(source, &item.category, here.as_str());
            match err {
                ExhibitionError::Count { path, source } if shared => ExhibitionError::Count {
                    path: path.replacen(&format!("{}.roll", here.as_str()), "roll", 1),
                    source,
                },
                other => other,
            }
        })?;
        let rejected: HashSet<usize> = result.rejected.iter().map(|r| r.index).collect();
        for (i, ballot) in cast.iter().enumerate() {
            if let (false, Some(voter)) = (rejected.contains(&i), &ballot.voter) {
                voters.insert(voter.as_str());
            }
        }
        results.push(CategoryResult {
            category: item.category.clone(),
            title: item.title.clone(),
            result,
        });
    }
    Ok(ExhibitionResult {
        program: elections.program.clone(),
        roll: elections.roll.clone(),
        voters: voters.len() as u64,
        categories: results,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::error::Fault;
    use crate::exhibition::{exhibition_elections, Entry, ExhibitionOptions};
    use crate::plan::Plan;

    fn built(visitors: Option<&[String]>) -> ExhibitionElections {
        let plan: Plan = serde_json::from_value(serde_json::json!({
            "id": "p", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
            "programs": [{"id": "art", "kind": "exhibition", "title": "Art",
                "exhibition": {"categories": [{"id": "photo", "title": "摄影"}],
                    "max_entries_per_person": 1, "visitor_voting": true}}]
        }))
        .unwrap();
        let entries: Vec<Entry> = serde_json::from_value(serde_json::json!([
            {"id": "a", "person": "r1", "category": "photo", "title": "A"},
            {"id": "b", "person": "r2", "category": "photo", "title": "B"}
        ]))
        .unwrap();
        exhibition_elections(
            &plan,
            "art",
            &entries,
            visitors,
            &ExhibitionOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn count_errors_point_into_the_exhibition_documents() {
        let elections = built(None);
        let ballots: CategoryBallots = serde_json::from_value(serde_json::json!({
            "photo": [{"approve": ["a"]}, {"approve": ["a"], "count": 0}]
        }))
        .unwrap();
        let err = tally_exhibition(&elections, &ballots).unwrap_err();
        assert_eq!(err.code(), "invalid_count");
        assert_eq!(err.path(), Some("ballots.photo[1].count"));
    }

    #[test]
    fn a_duplicate_on_the_shared_roll_points_at_the_roll() {
        let mut elections = built(Some(&["r1".to_owned()]));
        elections.roll = Some(vec!["r1".to_owned(), "r1".to_owned()]);
        let err = tally_exhibition(&elections, &CategoryBallots::new()).unwrap_err();
        assert_eq!(err.code(), "duplicate_roll_entry");
        assert_eq!(err.path(), Some("roll[1]"));
    }

    #[test]
    fn a_voter_votes_once_per_category() {
        let elections = built(Some(&["r1".to_owned(), "r1".to_owned()]));
        assert_eq!(elections.roll, Some(vec!["r1".to_owned()]));
        let ballots: CategoryBallots = serde_json::from_value(serde_json::json!({
            "photo": [{"voter": "r1", "approve": ["a"]}, {"voter": "r1", "approve": ["b"]}]
        }))
        .unwrap();
        let result = tally_exhibition(&elections, &ballots).unwrap();
        let photo = &result.categories[0].result;
        assert_eq!(photo.winners, vec!["a".to_owned()]);
        assert_eq!(photo.rejected[0].code.as_str(), "duplicate_voter");
        assert_eq!(result.voters, 1);
    }
}
