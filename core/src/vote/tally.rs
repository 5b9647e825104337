//! Counting plurality and approval elections.

use std::collections::{BTreeMap, HashSet};

use super::ballot::{Ballot, BallotChecker};
use super::ballot_box::BallotBox;
use super::election::{Election, Method};
use super::error::TallyError;
use super::ranking::{rank_with_rule, TieRule};
use super::result::{BallotSummary, Rejection, TallyResult};
use crate::error::FieldPath;

/// Most candidates an election may list.
pub const MAX_CANDIDATES: usize = 100_000;

/// Counts `ballots` in `election`.
///
/// Every ballot is either counted or listed in `rejected` with a code, so
/// `cast = valid + rejected` always holds. Errors are for unusable documents only.
pub fn tally(election: &Election, ballots: &[Ballot]) -> Result<TallyResult, TallyError> {
    check_election(election)?;
    count(election, &BallotBox::from_ballots(election, ballots)?)
}

/// Counts a [`BallotBox`] filled for `election`: the same result as [`tally`] on the
/// equivalent ballots. `invalid_option` (at `ballots`) when the box was filled for an
/// election with other candidates.
pub fn tally_box(election: &Election, ballots: &BallotBox) -> Result<TallyResult, TallyError> {
    check_election(election)?;
    check_fits(election, ballots)?;
    count(election, ballots)
}

/// `invalid_option` when `ballots` was filled for other candidates than `election`'s.
pub(crate) fn check_fits(election: &Election, ballots: &BallotBox) -> Result<(), TallyError> {
    if ballots.fits(election) {
        Ok(())
    } else {
        Err(TallyError::InvalidOption {
            path: "ballots".to_owned(),
            message: "the ballot box was filled for an election with other candidates".to_owned(),
        })
    }
}

/// Counts the ballots of a checked election.
fn count(election: &Election, ballots: &BallotBox) -> Result<TallyResult, TallyError> {
    check_ballot_entries(ballots)?;
    match election.method {
        Method::Irv => return super::irv::tally_irv(election, ballots),
        Method::Stv => return super::stv::tally_stv(election, ballots),
        method if method.is_ranked() || method.is_graded() || method.is_committee() => {
            return super::merge::tally_extended(election, ballots)
        }
        _ => {}
    }

    let mut votes = vec![0u64; election.candidates.len()];
    let mut summary = BallotSummary::default();
    let mut rejected = Vec::new();
    let mut checker = BallotChecker::new(election, ballots);
    let overflow = || TallyError::CountOverflow {
        path: "ballots".to_owned(),
    };

    for (index, ballot) in ballots.entries().enumerate() {
        let weight = ballot.weight();
        summary.cast = summary.cast.checked_add(weight).ok_or_else(overflow)?;
        match checker.check(&ballot) {
            Ok(chosen) => {
                summary.valid = summary.valid.checked_add(weight).ok_or_else(overflow)?;
                for candidate in chosen {
                    if let Some(total) = votes.get_mut(candidate) {
                        *total = total.checked_add(weight).ok_or_else(overflow)?;
                    }
                }
            }
            Err(code) => {
                summary.rejected = summary.rejected.checked_add(weight).ok_or_else(overflow)?;
                rejected.push(Rejection {
                    index,
                    voter: ballots.voter_id(ballot.voter),
                    code,
                    count: weight,
                });
            }
        }
    }

    Ok(plurality_result(election, votes, summary, rejected))
}

/// The result of a plurality or approval count from its totals.
pub(crate) fn plurality_result(
    election: &Election,
    votes: Vec<u64>,
    summary: BallotSummary,
    rejected: Vec<Rejection>,
) -> TallyResult {
    let ids: Vec<&str> = election.candidates.iter().map(|c| c.id()).collect();
    let ranked = rank_with_rule(&ids, &votes, election.seats, &TieRule::new(election, &ids));
    let counts: BTreeMap<String, u64> = ids
        .iter()
        .zip(&votes)
        .map(|(id, total)| ((*id).to_owned(), *total))
        .collect();
    TallyResult {
        election: election.id.clone(),
        method: election.method,
        seats: election.seats,
        winners: ranked.winners,
        ranking: ranked.ranking,
        counts,
        ballots: summary,
        rejected,
        ties: ranked.ties,
        complete: ranked.complete,
        pairwise: None,
        strongest_paths: None,
        condorcet_winner: None,
        runoff: None,
        rounds: Vec::new(),
        draw_seed: election.seed_record().ok().flatten().map(Box::new),
    }
}

/// Checks the election document beyond its shape.
pub fn check_election(election: &Election) -> Result<(), TallyError> {
    let root = FieldPath::root("election");
    let candidates_path = root.field("candidates");
    if election.candidates.is_empty() {
        return Err(TallyError::NoCandidates {
            path: candidates_path.into(),
        });
    }
    if election.candidates.len() > MAX_CANDIDATES {
        return Err(TallyError::TooLarge {
            path: candidates_path.into(),
            what: "number of candidates",
            limit: MAX_CANDIDATES as u64,
        });
    }
    let mut seen = HashSet::new();
    for (i, candidate) in election.candidates.iter().enumerate() {
        if candidate.id().len() > crate::limits::MAX_ID_BYTES {
            return Err(TallyError::TooLarge {
                path: candidates_path.index(i).into(),
                what: "bytes of a candidate id",
                limit: crate::limits::MAX_ID_BYTES as u64,
            });
        }
        if candidate.id().is_empty() {
            return Err(TallyError::EmptyCandidateId {
                path: candidates_path.index(i).into(),
            });
        }
        if !seen.insert(candidate.id()) {
            return Err(TallyError::DuplicateCandidate {
                path: candidates_path.index(i).into(),
                id: candidate.id().to_owned(),
            });
        }
    }
    let seats_fit = usize::try_from(election.seats).is_ok_and(|s| s <= election.candidates.len());
    if election.seats == 0 || !seats_fit {
        return Err(TallyError::InvalidSeats {
            path: root.field("seats").into(),
            seats: election.seats,
            candidates: election.candidates.len(),
        });
    }
    if let Some(max_choices) = election.max_choices {
        let allowed = match election.method {
            Method::Plurality => max_choices == 1,
            Method::Approval => max_choices >= 1,
            method if method.is_committee() => max_choices >= 1,
            _ => false,
        };
        if !allowed {
            return Err(TallyError::InvalidMaxChoices {
                path: root.field("max_choices").into(),
                max_choices,
            });
        }
    }
    election.seed_record()?;
    if let Some(roll) = &election.roll {
        let mut voters = HashSet::new();
        for (i, voter) in roll.iter().enumerate() {
            if !voters.insert(voter.as_str()) {
                return Err(TallyError::DuplicateRollEntry {
                    path: root.field("roll").index(i).into(),
                    voter: voter.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Checks the structure of grouped ballots: a count of at least 1 and no voter beside it.
pub(crate) fn check_ballot_entries(ballots: &BallotBox) -> Result<(), TallyError> {
    let root = FieldPath::root("ballots");
    for (i, ballot) in ballots.entries().enumerate() {
        if let Some(count) = ballot.count {
            if count == 0 {
                return Err(TallyError::InvalidCount {
                    path: root.index(i).field("count").into(),
                });
            }
            if ballot.voter.is_some() {
                return Err(TallyError::CountWithVoter {
                    path: root.index(i).into(),
                });
            }
        }
    }
    Ok(())
}
