//! The main job on the built-in example: the Huaideyuan community's 2006 plan.
//!
//! Run with `cargo run --example huaideyuan`. It loads the seed plan (sections, goals,
//! programs, timetables, validation, an iCalendar file), counts the art exhibition's visitor
//! vote in its three categories (with a voter roll and a few bad ballots) and decides a
//! council motion, printing every result with its explanation.

mod enrolment;
mod timetable;

use huaide::motion::{tally_motion, Motion};
use huaide::vote::{tally, Ballot, Election, TallyResult, TieResolution};
use serde::Deserialize;
use std::error::Error;
use std::path::Path;

/// The example's voting data: one election per exhibition category, and a council motion.
#[derive(Deserialize)]
struct Votes {
    exhibition: Vec<Category>,
    motion: CouncilMotion,
}

#[derive(Deserialize)]
struct Category {
    title: String,
    election: Election,
    ballots: Vec<Ballot>,
}

#[derive(Deserialize)]
struct CouncilMotion {
    title: String,
    vote: Motion,
}

fn main() -> Result<(), Box<dyn Error>> {
    let votes: Votes = serde_json::from_str(include_str!("votes.json"))?;

    println!("懷德苑社區 Huaideyuan community — 2006 learning-community plan");
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/huaideyuan");
    timetable::print_plan_report(&out_dir)?;
    enrolment::print_enrolment_report()?;
    println!("\n== Art exhibition before National Day: the visitors' vote ==");
    for category in &votes.exhibition {
        let result = tally(&category.election, &category.ballots)?;
        print_category(&category.title, &category.election, &result);
    }

    println!("\n== Residents' council ==");
    let decision = tally_motion(&votes.motion.vote)?;
    println!("Motion: {}", votes.motion.title);
    println!(
        "Result: {}",
        if decision.passed {
            "PASSED"
        } else {
            "NOT PASSED"
        }
    );
    println!("{}", decision.explanation);
    Ok(())
}

fn print_category(title: &str, election: &Election, result: &TallyResult) {
    let name_of = |id: &str| {
        election
            .candidates
            .iter()
            .find(|c| c.id() == id)
            .map_or(id.to_owned(), |c| c.name().to_owned())
    };
    println!(
        "\n-- {title} ({}, {} to be chosen) --",
        result.method.as_str(),
        result.seats
    );
    let mut place = 1;
    for tier in &result.ranking {
        for id in tier {
            let votes = result.counts.get(id).copied().unwrap_or(0);
            let mark = if result.winners.contains(id) {
                "★"
            } else {
                " "
            };
            println!("  {mark} {place}. {votes:>3} votes  {}", name_of(id));
        }
        place += tier.len();
    }
    let b = result.ballots;
    println!(
        "  ballots: {} cast = {} counted + {} rejected",
        b.cast, b.valid, b.rejected
    );
    for rejection in &result.rejected {
        println!(
            "    rejected ballot #{} ({}): {}",
            rejection.index,
            rejection.voter.as_deref().unwrap_or("anonymous"),
            rejection.code.as_str()
        );
    }
    for tie in &result.ties {
        let how = match &tie.resolution {
            TieResolution::Lot { order, .. } => {
                let names: Vec<String> = order.iter().map(|id| name_of(id)).collect();
                format!("drawn by lot: {}", names.join(" > "))
            }
            TieResolution::Order { order } => {
                let names: Vec<String> = order.iter().map(|id| name_of(id)).collect();
                format!("by the agreed order: {}", names.join(" > "))
            }
            TieResolution::PreviousRounds { round } => {
                format!("by the totals of round {round}")
            }
            TieResolution::Unresolved => "unresolved (no seed)".to_owned(),
        };
        println!(
            "    tie at {} votes between {} ({} seat(s) at stake): {how}",
            tie.votes,
            tie.candidates
                .iter()
                .map(|id| name_of(id))
                .collect::<Vec<_>>()
                .join(", "),
            tie.seats_at_stake
        );
    }
}
