//! The native runner of `bench/compare`: times one task of huaide's core on a data set that
//! `bench/compare/gen.py` wrote, and prints one JSON line (best and all times in seconds, the
//! winners or where the assignments were written, peak RSS before and after the timed calls).
//!
//! `huaide-compare-native votes META TASK METHOD REPEAT` with TASK one of
//! - `ballots`, `ballots_grouped`: `tally` on `Ballot`s with string ids (one per voter, or
//!   one per distinct ranking with its count), built before the clock starts;
//! - `offsets`, `offsets_grouped`: `Profile::from_offsets` on the flat arrays a typed-array
//!   caller has (marks, offsets, counts) and `tally_profile`: what `tallyProfile` does in wasm;
//! - `matrix`, `matrix_grouped`: `Profile::from_matrix` on the `-1`-padded `int16` matrix a
//!   NumPy caller has, and `tally_profile`: what `tally_profile` does with a NumPy array;
//! - `count`, `count_grouped`: `tally_profile` on a `Profile` built before the clock starts
//!   (the count itself, and its full result with the audit).
//!
//! `huaide-compare-native match META allocate REPEAT OUT`: `allocate` on the request read
//! before the clock starts; the assignments are written to OUT as JSON.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use huaide::enrol::{allocate, read_allocation_request};
use huaide::vote::{tally, tally_profile, Ballot, Election, Profile, Rank, TallyResult};
use serde_json::{json, Value};

/// Peak resident set size of this process so far, in KiB (`VmHWM`).
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

fn read_i16(path: &Path) -> Vec<i16> {
    let bytes = std::fs::read(path).expect("data file");
    bytes
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect()
}

fn read_u32(path: &Path) -> Vec<u32> {
    let bytes = std::fs::read(path).expect("data file");
    bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// This thread's CPU time so far, in seconds (`CLOCK_THREAD_CPUTIME_ID`, what Python's
/// `time.thread_time` reads); 0 where the clock cannot be read.
fn cpu_now() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec; the call only writes it.
    if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
        return 0.0;
    }
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

thread_local! {
    /// The CPU time of each timed call (what `cpu_seconds` reports).
    static CPU: std::cell::RefCell<Vec<f64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The least CPU time of the timed calls so far.
fn best_cpu() -> f64 {
    CPU.with(|c| c.borrow().iter().copied().fold(f64::INFINITY, f64::min))
}

/// Times `f` `repeat` times after one call that gives the result (a warm-up).
fn timed<T>(repeat: usize, mut f: impl FnMut() -> T) -> (T, Vec<f64>) {
    let out = f();
    let times = (0..repeat)
        .map(|_| {
            let cpu = cpu_now();
            let start = Instant::now();
            black_box(f());
            let wall = start.elapsed().as_secs_f64();
            let used = cpu_now() - cpu;
            CPU.with(|c| c.borrow_mut().push(used));
            wall
        })
        .collect();
    (out, times)
}

fn election(meta: &Value, method: &str) -> Election {
    let mut e = json!({"id": "bench", "method": method, "seats": 1,
        "candidates": meta["candidates"], "tie_break": {"seed": "bench"}});
    if method == "schulze" {
        e["pairwise"] = json!({"strength": "margin"});
    }
    serde_json::from_value(e).expect("election")
}

/// The rankings (candidate indices) and counts of a data set.
fn rankings(dir: &Path, meta: &Value, grouped: bool) -> (Vec<Vec<u16>>, Option<Vec<u64>>) {
    let width = meta["width"].as_u64().unwrap_or(10) as usize;
    let (file, counts) = if grouped {
        let counts = read_u32(&dir.join(meta["counts"].as_str().unwrap_or_default()));
        (
            meta["grouped"].as_str(),
            Some(counts.into_iter().map(u64::from).collect()),
        )
    } else {
        (meta["ballots"].as_str(), None)
    };
    let values = read_i16(&dir.join(file.unwrap_or_default()));
    let rows = values
        .chunks_exact(width)
        .map(|row| {
            row.iter()
                .take_while(|&&v| v >= 0)
                .map(|&v| v as u16)
                .collect()
        })
        .collect();
    (rows, counts)
}

fn votes(dir: &Path, meta: &Value, task: &str, method: &str, repeat: usize) -> Value {
    let election = election(meta, method);
    let grouped = task.ends_with("_grouped");
    let (rows, counts) = rankings(dir, meta, grouped);
    let ids: Vec<String> = meta["candidates"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let n = ids.len();
    let before = peak_rss_kb();
    let run = |f: &mut dyn FnMut() -> TallyResult| timed(repeat, f);
    let (result, times) = match task.trim_end_matches("_grouped") {
        "ballots" => {
            let ballots: Vec<Ballot> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| Ballot {
                    ranking: Some(
                        r.iter()
                            .map(|&c| Rank::One(ids[usize::from(c)].clone()))
                            .collect(),
                    ),
                    count: counts.as_ref().map(|c| c[i]),
                    ..Ballot::default()
                })
                .collect();
            run(&mut || tally(&election, &ballots).expect("tally"))
        }
        "offsets" => {
            let mut marks = Vec::new();
            let mut offsets = vec![0u32];
            for r in &rows {
                marks.extend_from_slice(r);
                offsets.push(marks.len() as u32);
            }
            run(&mut || {
                let p =
                    Profile::from_offsets(n, &marks, &offsets, counts.as_deref()).expect("profile");
                tally_profile(&election, &p).expect("tally")
            })
        }
        "matrix" => {
            let mut matrix = vec![-1i16; rows.len() * n];
            for (row, r) in matrix.chunks_exact_mut(n).zip(&rows) {
                for (slot, &c) in row.iter_mut().zip(r) {
                    *slot = c as i16;
                }
            }
            run(&mut || {
                let p = Profile::from_matrix(n, &matrix, rows.len(), n, counts.clone())
                    .expect("profile");
                tally_profile(&election, &p).expect("tally")
            })
        }
        "count" => {
            let mut p = Profile::new(n).expect("profile");
            for (i, r) in rows.iter().enumerate() {
                p.push(r, counts.as_ref().map_or(1, |c| c[i]))
                    .expect("push");
            }
            run(&mut || tally_profile(&election, &p).expect("tally"))
        }
        other => panic!("unknown task {other}"),
    };
    json!({"seconds": times.iter().copied().fold(f64::INFINITY, f64::min), "times": times,
        "cpu_seconds": best_cpu(),
        "winners": result.winners, "rss_before_kb": before, "rss_peak_kb": peak_rss_kb()})
}

fn matching(dir: &Path, meta: &Value, repeat: usize, out: &Path) -> Value {
    let file = dir.join(meta["request"].as_str().unwrap_or_default());
    let text = std::fs::read_to_string(file).expect("request");
    let doc: Value = serde_json::from_str(&text).expect("json");
    let req = read_allocation_request(&doc).expect("request");
    let options = req.options();
    let before = peak_rss_kb();
    let (allocation, times) = timed(repeat, || {
        allocate(&req.plan, &req.people, &req.applications, &options).expect("allocate")
    });
    let assignments = serde_json::to_string(&allocation.assignments()).expect("json");
    std::fs::write(out, assignments).expect("write");
    json!({"seconds": times.iter().copied().fold(f64::INFINITY, f64::min), "times": times,
        "cpu_seconds": best_cpu(),
        "assignments": out, "rss_before_kb": before, "rss_peak_kb": peak_rss_kb()})
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let meta_path = PathBuf::from(&args[2]);
    let dir = meta_path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let meta: Value = serde_json::from_str(&std::fs::read_to_string(&meta_path).expect("meta"))
        .expect("meta json");
    let out = match args[1].as_str() {
        "votes" => votes(
            &dir,
            &meta,
            &args[3],
            &args[4],
            args[5].parse().expect("repeat"),
        ),
        _ => matching(
            &dir,
            &meta,
            args[4].parse().expect("repeat"),
            Path::new(&args[5]),
        ),
    };
    println!("{out}");
}
