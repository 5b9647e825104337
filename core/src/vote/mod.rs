//! Vote tallying: elections, ballots, the count and its result.
//!
//! The exhibition's visitors pick the best works of each category; the council elects its
//! officers. [`tally`] counts a list of [`Ballot`]s in an [`Election`] and returns a
//! [`TallyResult`] that accounts for every ballot and every tie.

mod ballot;
mod ballot_box;
mod committee;
mod condorcet;
mod content_groups;
mod election;
mod error;
mod graded;
mod irv;
mod mark_key;
mod merge;
mod pairwise;
mod positional;
mod profile;
mod profile_document;
mod profile_matrix;
mod ranked;
mod ranked_shards;
mod ranking;
mod result;
mod rounds;
mod stv;
mod tally;
mod tiebreak;

pub use ballot::{Ballot, Rank, RejectionCode};
pub use ballot_box::{BallotBox, BallotBoxBuilder, UNKNOWN};
pub use committee::{
    optimal_committees, CommitteeRule, MAX_COMMITTEE_WORK, MAX_TIED_COMMITTEE_MEMBERS,
};
pub use election::{
    Candidate, Election, Method, PairwiseOptions, ScoreRange, Strength, TieBreak, Unranked,
};
pub use error::TallyError;
pub use irv::{DuplicateRule, IrvOptions, OvervoteRule};
pub use merge::{
    merge_partials, read_partials, tally_partial, tally_partial_box, ApprovalGroup, MergeError,
    PartialTally, MAX_GRADE_CELLS, MAX_RANKED_PAIRS_CANDIDATES,
};
pub use pairwise::MAX_PAIRWISE_CANDIDATES;
pub use profile::{plurality_counts, tally_profile, Profile, MAX_PROFILE_CANDIDATES};
pub use profile_document::{read_profile_document, ProfileBuilder, ProfileDocument, ProfileMark};
pub use profile_matrix::MatrixMark;
pub use ranked::{MAX_ELIMINATION_CANDIDATES, MAX_RANK_POSITIONS};
pub use ranked_shards::RankedGroup;
pub use result::{BallotSummary, Rejection, TallyResult, Tie, TieResolution};
pub use rounds::{Inactive, Round, RoundTie, Transfer};
pub use stv::{Quota, StvOptions, StvRule};
pub use tally::{check_election, tally, tally_box, MAX_CANDIDATES};
pub use tiebreak::{MAX_TIE_COUNTS, MAX_TIE_WORK};

use crate::error::read_document;
use serde::Deserializer;

/// Reads an election from any serde source (JSON, a Python dict, a JS object).
pub fn read_election<'de, D: Deserializer<'de>>(source: D) -> Result<Election, TallyError> {
    Ok(read_document(source, "election")?)
}

/// Reads a list of ballots from any serde source.
pub fn read_ballots<'de, D: Deserializer<'de>>(source: D) -> Result<Vec<Ballot>, TallyError> {
    Ok(read_document(source, "ballots")?)
}
