//! Reader benchmarks on RCTab's real exports (`../shared/oracles/rctab`; skipped with a
//! message when absent), each next to its bare parse (serde_json to a `Value`, roxmltree to a
//! tree) so that the reader's own cost shows as a ratio; and the writers on oracle BLT files
//! (`../shared/oracles/droop`, `stv-rs`), each next to reading the same file, so that writing
//! shows as a ratio of reading.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use huaide::formats::{read_cdf_xml, read_dominion, read_hart, NamedText};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn oracles() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/oracles/rctab"
    ));
    dir.is_dir().then_some(dir)
}

fn folder(path: &Path) -> Vec<NamedText> {
    let mut files: Vec<NamedText> = std::fs::read_dir(path)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            NamedText::new(
                e.file_name().to_string_lossy(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

fn readers(c: &mut Criterion) {
    let Some(root) = oracles() else {
        println!("SKIPPED: oracle data not found");
        return;
    };
    let wyoming = folder(&root.join("dominion_wyoming/wyoming_input_data"));
    let export = wyoming
        .iter()
        .find(|f| f.name == "CvrExport.json")
        .unwrap()
        .text
        .clone();
    c.bench_function("dominion wyoming (2.6 MB): read_dominion", |b| {
        b.iter(|| read_dominion(black_box(&wyoming), "1").unwrap())
    });
    c.bench_function(
        "dominion wyoming (2.6 MB): serde_json::Value parse only",
        |b| b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&export)).unwrap()),
    );
    let unisyn =
        std::fs::read_to_string(root.join("unisyn_cvrs/101-RCV-CVT_TEST_3_UNIOVS2103-2.xml"))
            .unwrap();
    c.bench_function("unisyn cdf xml (360 kB): read_cdf_xml", |b| {
        b.iter(|| read_cdf_xml(black_box(&unisyn), "For City C Mayor (1/3)").unwrap())
    });
    c.bench_function("unisyn cdf xml (360 kB): roxmltree parse only", |b| {
        b.iter(|| {
            roxmltree::Document::parse(black_box(&unisyn))
                .unwrap()
                .root()
                .id()
        })
    });
    let hart = folder(&root.join("_shared/hart_cvr_archive"));
    c.bench_function("hart archive (18 files): read_hart", |b| {
        b.iter(|| read_hart(black_box(&hart), "b651b997-417a-46d9-a676-a43d4df94ddc").unwrap())
    });
}

fn writers(c: &mut Criterion) {
    use huaide::formats::{
        read_ballot_file, write_ballot_file, BallotFormat, BallotInput, ReadOptions, WriteOptions,
    };
    let Some(root) = oracles() else {
        println!("SKIPPED: oracle data not found");
        return;
    };
    let files = [
        (
            "glasgow partick west (9k ballots)",
            root.join("../droop/blt/scotland/Partick-West-2007.blt"),
        ),
        (
            "stv-rs rand_mixed_5k (300 kB)",
            root.join("../stv-rs/ballots/random/rand_mixed_5k.blt"),
        ),
    ];
    for (name, path) in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let input = BallotInput::Text(text);
        let read = || read_ballot_file(&input, BallotFormat::Blt, &ReadOptions::default());
        let file = read().unwrap();
        c.bench_function(&format!("{name}: read blt"), |b| b.iter(|| read().unwrap()));
        for format in [BallotFormat::Blt, BallotFormat::Preflib, BallotFormat::Csv] {
            if write_ballot_file(&file, format, &WriteOptions::default()).is_err() {
                continue;
            }
            c.bench_function(&format!("{name}: write {}", format.as_str()), |b| {
                b.iter(|| {
                    write_ballot_file(black_box(&file), format, &WriteOptions::default()).unwrap()
                })
            });
        }
    }
}

criterion_group!(benches, readers, writers);
criterion_main!(benches);
