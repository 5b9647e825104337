//! The main job on the built-in example: the Huaideyuan community's 2006 plan.
//!
//! Run with `cargo run --example huaideyuan` (`-- --lang zh` for the report in Chinese). It loads the seed plan (sections, goals,
//! programs, timetables, validation, an iCalendar file), allocates the scarce seats, builds
//! the art exhibition's elections from the plan (the works entered, checked against the
//! exhibition's rules, and the visitors recorded as the roll), counts the visitors' vote in
//! every category, and decides a council motion, printing every result with its explanation.

mod enrolment;
mod exhibition;
mod lang;
mod timetable;

use huaide::motion::{tally_motion_in, Motion};
use lang::t;
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
    let lang = lang::init()?;
    let votes: Votes = serde_json::from_str(include_str!("votes.json"))?;

    println!("懷德苑社區 Huaideyuan community — 2006 learning-community plan");
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/huaideyuan");
    timetable::print_plan_report(&out_dir)?;
    enrolment::print_enrolment_report(&out_dir)?;
    exhibition::print_exhibition_report()?;

    println!("\n== {} ==", t("Residents' council", "居民议事会"));
    let decision = tally_motion_in(&votes.motion.vote, lang)?;
    println!("{}{}", t("Motion: ", "议案："), votes.motion.title);
    println!(
        "{}{}",
        t("Result: ", "结果："),
        if decision.passed {
            t("PASSED", "通过")
        } else {
            t("NOT PASSED", "未通过")
        }
    );
    println!("{}", decision.explanation);
    Ok(())
}
