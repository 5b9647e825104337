//! The bodies of huaide's fuzz targets, shared by the `cargo fuzz` targets of this crate
//! (`fuzz_targets/*.rs`, nightly) and by the stable test `core/tests/fuzz_corpus.rs`, which
//! replays every checked-in corpus file through the same functions. Each body takes the
//! fuzzer's bytes and returns normally, or fails an assertion naming a broken invariant;
//! a panic inside huaide itself is a crash too.

#[path = "allocate.rs"]
pub mod allocate;
#[path = "bytes.rs"]
pub mod bytes;
#[path = "document.rs"]
pub mod document;
#[path = "table_write.rs"]
pub mod table_write;
#[path = "tally.rs"]
pub mod tally;

/// The body of a target: the fuzzer's bytes in, an assertion failure for a broken invariant.
pub type Body = fn(&[u8]);

/// Every target: its name (the `fuzz_targets/` file and `corpus/` folder) and its body.
pub const TARGETS: &[(&str, Body)] = &[
    ("plan", bytes::plan),
    ("ballots_text", |d| {
        bytes::ballot_bytes(bytes::TEXT_FORMATS, d)
    }),
    ("ballots_cdf", |d| {
        bytes::ballot_bytes(bytes::CDF_FORMATS, d)
    }),
    ("ballots_export", bytes::ballot_export),
    ("tables_read", bytes::table),
    ("tables_write", table_write::fuzz),
    ("doc_vote", |d| document::fuzz_family("doc_vote", d)),
    ("doc_plan", |d| document::fuzz_family("doc_plan", d)),
    ("doc_enrol", |d| document::fuzz_family("doc_enrol", d)),
    ("doc_files", |d| document::fuzz_family("doc_files", d)),
    ("allocate", allocate::fuzz),
    ("tally", tally::fuzz),
];

/// The body of the target `name`.
pub fn target(name: &str) -> Option<Body> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}
