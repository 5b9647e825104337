//! The tallystick runner of `bench/compare`: times tallystick on a data set that
//! `bench/compare/gen.py` wrote and prints one JSON line (best and every time in seconds, the
//! winners, peak RSS before and after the timed calls in KiB), like the other runners.
//!
//! `compare META TASK METHOD REPEAT`: TASK `ballots` adds one ballot per voter (`add`),
//! `grouped` the distinct rankings with their counts (`add_weighted`); METHOD `irv` or
//! `schulze` (margins; tallystick compares only the candidates a ballot ranks). The time is
//! adding the ballots and finding the winners, from rankings of candidate indices read before
//! the clock starts. One untimed call gives the result that is checked.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use serde_json::{json, Value};
use tallystick::irv::DefaultTally as IrvTally;
use tallystick::schulze::{DefaultSchulzeTally, Variant};
use tallystick::Transfer;

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("data file")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let meta_path = Path::new(&args[1]);
    let dir = meta_path.parent().unwrap_or(Path::new("."));
    let meta: Value = serde_json::from_str(&std::fs::read_to_string(meta_path).expect("meta")).expect("json");
    let (task, method, repeat) = (&args[2], &args[3], args[4].parse::<usize>().expect("repeat"));
    let width = meta["width"].as_u64().expect("width") as usize;
    let grouped = task == "grouped";
    let file = meta[if grouped { "grouped" } else { "ballots" }].as_str().expect("file");
    let values: Vec<i16> = read(&dir.join(file))
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect();
    let rows: Vec<Vec<u16>> = values
        .chunks_exact(width)
        .map(|r| r.iter().take_while(|&&v| v >= 0).map(|&v| v as u16).collect())
        .collect();
    let counts: Vec<u64> = if grouped {
        read(&dir.join(meta["counts"].as_str().expect("counts")))
            .chunks_exact(4)
            .map(|b| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
            .collect()
    } else {
        Vec::new()
    };
    let cands: Vec<u16> = (0..width as u16).collect();
    let count = || -> Vec<u16> {
        if method == "irv" {
            let mut t = IrvTally::with_candidates(Transfer::Meek, cands.clone());
            for (i, r) in rows.iter().enumerate() {
                if grouped {
                    t.add_weighted(r.clone(), counts[i]);
                } else {
                    t.add_ref(r);
                }
            }
            t.tally_winners().into_unranked()
        } else {
            let mut t = DefaultSchulzeTally::with_candidates(1, Variant::Margin, cands.clone());
            for (i, r) in rows.iter().enumerate() {
                if grouped {
                    t.add_weighted(r, counts[i]).expect("add");
                } else {
                    t.add(r).expect("add");
                }
            }
            t.winners().into_unranked()
        }
    };
    let before = peak_rss_kb();
    let winners = count();
    let times: Vec<f64> = (0..repeat)
        .map(|_| {
            let start = Instant::now();
            black_box(count());
            start.elapsed().as_secs_f64()
        })
        .collect();
    let mut ids: Vec<String> = winners.iter().map(|c| format!("c{c:02}")).collect();
    ids.sort();
    let out = json!({"seconds": times.iter().copied().fold(f64::INFINITY, f64::min), "times": times,
        "winners": ids, "rss_before_kb": before, "rss_peak_kb": peak_rss_kb()});
    println!("{out}");
}
