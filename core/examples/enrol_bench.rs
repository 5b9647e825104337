//! Reads an allocation request (`{"plan", "people", "applications", "mechanism"?, "seed",
//! "as_of", "events"?}`) as JSON on stdin, allocates, and prints the result (or, with
//! `events`, the enrolment state after them) as JSON on stdout. With `--time` it prints only
//! the allocation time in seconds (parsing excluded) and the assignments, for
//! `bench/compare_matching.py`.
//!
//! `--synthetic N K M` instead times the benchmark's synthetic instance (N applicants, K
//! choices each among M programs of 40 seats): allocation and JSON serialisation apart.

#[path = "../benches/common/mod.rs"]
mod common;

use std::io::Read;
use std::time::Instant;

use huaide::enrol::{allocate, read_allocation_request, read_events, EnrolmentState};
use huaide::Fault;

/// Nanoseconds this thread has spent on a CPU (Linux `/proc/thread-self/schedstat`), so
/// that timings on a busy machine can be told apart from waiting for a core; 0 elsewhere.
fn on_cpu() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Times `allocate` and the serialisation of its result on the synthetic instance (wall
/// clock, and time on a CPU), and prints the fastest run of each.
fn synthetic(args: &[String]) {
    let num = |i: usize, default: usize| {
        args.get(i)
            .and_then(|a| a.parse::<usize>().ok())
            .unwrap_or(default)
    };
    let (n, k, m) = (num(0, 10_000), num(1, 5), num(2, 200));
    let req = common::instance(n, k, m, 40);
    let options = req.options();
    let mut best = [f64::INFINITY; 4];
    for run in 0..num(3, 3) {
        let cpu = on_cpu();
        let start = Instant::now();
        let allocation = match allocate(&req.plan, &req.people, &req.applications, &options) {
            Ok(a) => a,
            Err(err) => {
                eprintln!("{}: {err}", err.code());
                std::process::exit(1);
            }
        };
        let allocated = start.elapsed().as_secs_f64();
        let allocated_cpu = on_cpu().saturating_sub(cpu) as f64 * 1e-9;
        let cpu = on_cpu();
        let start = Instant::now();
        let bytes = serde_json::to_vec(&allocation).map_or(0, |v| v.len());
        let serialised = start.elapsed().as_secs_f64();
        let serialised_cpu = on_cpu().saturating_sub(cpu) as f64 * 1e-9;
        println!(
            "run {run}: {n} x {k} x {m}: allocate {:.3} ms (cpu {:.3}), serialise {:.3} ms \
             (cpu {:.3}) ({bytes} bytes)",
            allocated * 1e3,
            allocated_cpu * 1e3,
            serialised * 1e3,
            serialised_cpu * 1e3
        );
        for (b, x) in best
            .iter_mut()
            .zip([allocated, allocated_cpu, serialised, serialised_cpu])
        {
            *b = b.min(x);
        }
    }
    println!(
        "best: allocate {:.3} ms (cpu {:.3}), serialise {:.3} ms (cpu {:.3})",
        best[0] * 1e3,
        best[1] * 1e3,
        best[2] * 1e3,
        best[3] * 1e3
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--synthetic") {
        synthetic(args.get(i + 1..).unwrap_or(&[]));
        return;
    }
    let timed = args.iter().any(|a| a == "--time");
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
                "draw": allocation.draw(),
                "assignments": allocation.assignments(),
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
