//! Replays every checked-in fuzz corpus file (`core/fuzz/corpus/<target>/`) through the same
//! target bodies `cargo fuzz` runs (`core/fuzz/src/`, included here by path), so that the
//! targets keep compiling and their corpora keep passing on stable, without a nightly build.
//!
//! `HUAIDE_FUZZ_SEEDS=1 cargo test -p huaide --test fuzz_corpus -- --ignored` writes the
//! seed inputs (from `tests/vectors/`, the examples and the table fixtures) into
//! `core/fuzz/seeds/<target>/`, which `core/fuzz/README.md` feeds to the fuzzer.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../fuzz/src/lib.rs"]
mod fuzzing;

use std::path::{Path, PathBuf};

use huaide::formats::BallotFormat;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

#[test]
fn every_corpus_file_passes_its_target() {
    let mut ran = 0;
    for (name, body) in fuzzing::TARGETS {
        let files = files_in(&root().join("fuzz/corpus").join(name));
        assert!(!files.is_empty(), "target {name} has no corpus");
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let outcome = std::panic::catch_unwind(|| body(&data));
            assert!(outcome.is_ok(), "{name}: {} fails", file.display());
            ran += 1;
        }
    }
    assert!(ran >= fuzzing::TARGETS.len());
}

#[test]
fn every_target_has_a_cargo_fuzz_binary() {
    let manifest = std::fs::read_to_string(root().join("fuzz/Cargo.toml")).unwrap();
    for (name, _) in fuzzing::TARGETS {
        let bin = root().join("fuzz/fuzz_targets").join(format!("{name}.rs"));
        assert!(bin.is_file(), "missing {}", bin.display());
        assert!(fuzzing::target(name).is_some());
        assert!(
            manifest.contains(&format!("name = \"{name}\"")),
            "{name} not in Cargo.toml"
        );
    }
}

fn write_seed(target: &str, n: usize, bytes: &[u8]) {
    let dir = root().join("fuzz/seeds").join(target);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("seed-{n:04}")), bytes).unwrap();
}

/// The seeds of the ballot-file targets from one `read_ballots` vector input.
fn ballot_seed(input: &Value) -> Option<(&'static str, Vec<u8>)> {
    use fuzzing::bytes::{export_body, frame, CDF_FORMATS, EXPORT_FORMATS, TEXT_FORMATS};
    let format: BallotFormat = serde_json::from_value(input["format"].clone()).ok()?;
    let options = input
        .get("options")
        .cloned()
        .unwrap_or(serde_json::json!({}));
    let files: Vec<(String, String)> = match &input["input"] {
        Value::String(text) => vec![(String::new(), text.clone())],
        Value::Array(list) => list
            .iter()
            .map(|f| {
                Some((
                    f["name"].as_str()?.to_owned(),
                    f["text"].as_str()?.to_owned(),
                ))
            })
            .collect::<Option<_>>()?,
        Value::Object(map) if !map.contains_key("base64") => map
            .iter()
            .map(|(n, t)| Some((n.clone(), t.as_str()?.to_owned())))
            .collect::<Option<_>>()?,
        _ => return None,
    };
    for (target, formats) in [("ballots_text", TEXT_FORMATS), ("ballots_cdf", CDF_FORMATS)] {
        if formats.contains(&format) {
            let (_, text) = files.first()?;
            return Some((target, frame(formats, format, &options, text.as_bytes())?));
        }
    }
    EXPORT_FORMATS
        .contains(&format)
        .then(|| frame(EXPORT_FORMATS, format, &options, &export_body(&files)))
        .flatten()
        .map(|bytes| ("ballots_export", bytes))
}

#[test]
#[ignore = "writes the seed corpora; run with HUAIDE_FUZZ_SEEDS=1"]
fn write_seed_corpora() {
    if std::env::var("HUAIDE_FUZZ_SEEDS").as_deref() != Ok("1") {
        return;
    }
    let mut n = 0;
    let mut seed = |target: &str, bytes: &[u8]| {
        n += 1;
        write_seed(target, n, bytes);
    };
    for file in files_in(&root().join("../tests/vectors")) {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let function = doc["function"].as_str().unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let input = &case["input"];
            if let Some((target, bytes)) = fuzzing::document::seed_of(function, input) {
                seed(target, &bytes);
            }
            if let Some(plan) = input.get("plan").filter(|p| p.is_object()) {
                let mut bytes = vec![1];
                bytes.extend(serde_json::to_vec_pretty(plan).unwrap());
                seed("plan", &bytes);
            }
            if function == "read_ballots" {
                if let Some((target, bytes)) = ballot_seed(input) {
                    seed(target, &bytes);
                }
            }
        }
    }
    for plan in [
        "../examples/huaideyuan/plan.toml",
        "../examples/lindenhof/plan.toml",
    ] {
        let mut bytes = vec![0];
        bytes.extend(std::fs::read(root().join(plan)).unwrap());
        seed("plan", &bytes);
    }
    let tables = [
        (0, "../examples/huaideyuan/people.csv"),
        (0, "../tests/fixtures/tables/people_gbk.csv"),
        (1, "../examples/huaideyuan/applications.xlsx"),
        (1, "../tests/fixtures/tables/applications.xlsx"),
        (2, "../tests/fixtures/tables/google_forms.csv"),
        (3, "../tests/fixtures/tables/microsoft_forms.xlsx"),
        (4, "../tests/fixtures/tables/wjx.xlsx"),
        (5, "../tests/fixtures/tables/tencent_forms.csv"),
    ];
    for (pick, path) in tables {
        let mut bytes = vec![pick];
        bytes.extend(std::fs::read(root().join(path)).unwrap());
        seed("tables_read", &bytes);
    }
    for target in ["allocate", "tally", "tables_write"] {
        seed(target, &[0; 64]);
        seed(target, &(0..=255).collect::<Vec<u8>>());
    }
}

/// Flips, inserts, deletes and splices bytes of `data` (a few edits, like libFuzzer's).
fn mutate(rng: &mut rand_chacha::ChaCha8Rng, data: &mut Vec<u8>, other: &[u8]) {
    use rand_core::RngCore;
    let below =
        |rng: &mut rand_chacha::ChaCha8Rng, n: usize| (rng.next_u64() % n.max(1) as u64) as usize;
    for _ in 0..=below(rng, 4) {
        let at = below(rng, data.len());
        match below(rng, 6) {
            0 if !data.is_empty() => data[at] ^= 1 << below(rng, 8),
            1 => data.insert(at.min(data.len()), rng.next_u64() as u8),
            2 if !data.is_empty() => {
                data.remove(at);
            }
            3 => {
                let interesting = [b'0', b'9', b'-', b'"', b'{', b'[', b'\n', b',', 0xff, 0];
                data.insert(
                    at.min(data.len()),
                    interesting[below(rng, interesting.len())],
                );
            }
            4 if !other.is_empty() => {
                let from = below(rng, other.len());
                let len = below(rng, 64).min(other.len() - from);
                let piece = other[from..from + len].to_vec();
                data.splice(at.min(data.len())..at.min(data.len()), piece);
            }
            _ if !data.is_empty() => {
                let digits = b"99999999999999999999";
                data.splice(at..at, digits[..below(rng, digits.len())].iter().copied());
            }
            _ => data.push(rng.next_u64() as u8),
        }
    }
}

/// A mutation run on stable (not coverage-guided; debug build, so overflow checks are on):
/// `HUAIDE_FUZZ_ITERS=N` mutated inputs per target, from its corpus and seeds.
#[test]
#[ignore = "a mutation run; set HUAIDE_FUZZ_ITERS"]
fn mutate_corpora() {
    use rand_core::SeedableRng;
    let iters: usize = std::env::var("HUAIDE_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let only = std::env::var("HUAIDE_FUZZ_TARGET").ok();
    let mut failures = Vec::new();
    for (name, body) in fuzzing::TARGETS {
        if only.as_deref().is_some_and(|o| o != *name) {
            continue;
        }
        let mut inputs: Vec<Vec<u8>> = ["fuzz/corpus", "fuzz/seeds"]
            .iter()
            .flat_map(|d| files_in(&root().join(d).join(name)))
            .map(|f| std::fs::read(f).unwrap())
            .collect();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(17);
        let start = std::time::Instant::now();
        for i in 0..iters {
            let pick = i % inputs.len();
            let other = inputs[(i * 7 + 3) % inputs.len()].clone();
            let mut data = inputs[pick].clone();
            mutate(&mut rng, &mut data, &other);
            if std::panic::catch_unwind(|| body(&data)).is_err() {
                let path = root()
                    .join("fuzz/artifacts")
                    .join(format!("{name}-stable-{i}"));
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &data).unwrap();
                failures.push(path.display().to_string());
            } else if i % 16 == 0 && inputs.len() < 4000 {
                inputs.push(data);
            }
        }
        eprintln!(
            "{name}: {iters} mutated inputs in {:.1} s",
            start.elapsed().as_secs_f64()
        );
    }
    assert!(failures.is_empty(), "crashes: {failures:#?}");
}
