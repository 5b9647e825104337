//! The main job on the built-in example: the Huaideyuan community's 2006 plan.
//!
//! Run with `cargo run --example huaideyuan`. It loads the seed plan (sections, goals,
//! programs, timetables, validation, an iCalendar file), allocates the scarce seats, builds
//! the art exhibition's elections from the plan (the works entered, checked against the
//! exhibition's rules, and the visitors recorded as the roll), counts the visitors' vote in
//! every category, and decides a council motion, printing every result with its explanation.

mod enrolment;
mod exhibition;
mod timetable;

use huaide::motion::{tally_motion, Motion};
use serde::Deserialize;
use std::error::Error;
use std::path::Path;

/// The example's council motion (`votes.json`).
#[derive(Deserialize)]
struct Votes {
    motion: CouncilMotion,
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
    enrolment::print_enrolment_report(&out_dir)?;
    exhibition::print_exhibition_report()?;

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
