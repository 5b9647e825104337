//! Reads an allocation request (`{"plan", "people", "applications", "mechanism"?, "seed",
//! "as_of", "events"?}`) as JSON on stdin, allocates, and prints the result (or, with
//! `events`, the enrolment state after them) as JSON on stdout. With `--time` it prints only
//! the allocation time in seconds (parsing excluded) and the assignments, for
//! `bench/compare_matching.py`.

use std::io::Read;
use std::time::Instant;

use huaide::enrol::{allocate, read_allocation_request, read_events, EnrolmentState};
use huaide::Fault;

fn main() {
    let timed = std::env::args().any(|a| a == "--time");
    let mut text = String::new();
    if let Err(err) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cannot read stdin: {err}");
        std::process::exit(2);
    }
    let mut doc: serde_json::Value = match serde_json::from_str(&text) {
        Ok(doc) => doc,
        Err(err) => {
            eprintln!("invalid JSON: {err}");
            std::process::exit(2);
        }
    };
    let events = doc.as_object_mut().and_then(|o| o.remove("events"));
    let result = read_allocation_request(&doc).and_then(|req| {
        let start = Instant::now();
        let allocation = allocate(&req.plan, &req.people, &req.applications, &req.options())?;
        let seconds = start.elapsed().as_secs_f64();
        if timed {
            let out = serde_json::json!({
                "seconds": seconds,
                "draw": allocation.draw,
                "assignments": allocation.assignments,
            });
            return Ok(out.to_string());
        }
        if let Some(events) = events {
            let events = read_events(&events)?;
            let state = EnrolmentState::replay(&allocation, &events)?;
            return Ok(serde_json::to_string_pretty(&state).unwrap_or_default());
        }
        Ok(serde_json::to_string_pretty(&allocation).unwrap_or_default())
    });
    match result {
        Ok(text) => println!("{text}"),
        Err(err) => {
            eprintln!("{}: {err}", err.code());
            std::process::exit(1);
        }
    }
}
