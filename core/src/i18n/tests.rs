//! The catalogue's own checks: order, both languages, matching placeholders and numbers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::*;

fn sorted_placeholders(text: &str) -> Vec<&str> {
    let mut names = placeholders(text);
    names.sort_unstable();
    names
}

/// The runs of ASCII digits outside placeholders, sorted: `2/3` gives `["2", "3"]`.
fn numbers(text: &str) -> Vec<String> {
    let mut runs: Vec<String> = strip(text)
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    runs.sort();
    runs
}

/// The text without its placeholders.
fn strip(text: &str) -> String {
    let mut bare = text.to_owned();
    for name in placeholders(text) {
        bare = bare
            .replace(&format!("{{{name}}}"), "")
            .replace(&format!("{{{name}:?}}"), "");
    }
    bare
}

#[test]
fn every_table_is_sorted_with_unique_codes() {
    for table in [CATALOGUE, errors::ERRORS] {
        for pair in table.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
    }
    for e in entries() {
        assert_eq!(
            entry(e.code),
            Some(e),
            "{} is not found by its code",
            e.code
        );
    }
}

#[test]
fn every_message_has_both_texts_naming_the_same_placeholders_and_numbers() {
    for e in entries() {
        assert!(!e.en.trim().is_empty(), "{}: no English text", e.code);
        assert!(!e.zh.trim().is_empty(), "{}: no Chinese text", e.code);
        assert_eq!(
            sorted_placeholders(e.en),
            sorted_placeholders(e.zh),
            "{}: the texts name different placeholders",
            e.code
        );
        assert_eq!(
            numbers(e.en),
            numbers(e.zh),
            "{}: different numbers",
            e.code
        );
        assert!(
            e.zh.chars().any(|c| c >= '\u{3000}') || !strip(e.en).chars().any(char::is_alphabetic),
            "{}: the Chinese text has no Chinese",
            e.code
        );
        assert!(e
            .code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.'));
    }
}

/// Every message code named in the crate's sources is in the catalogue.
#[test]
fn every_code_used_in_the_sources_is_in_the_catalogue() {
    let sources = [
        include_str!("../motion.rs"),
        include_str!("../plan/validate.rs"),
        include_str!("../plan/conflicts.rs"),
        include_str!("../enrol/explain.rs"),
    ];
    let mut seen = 0;
    for source in sources {
        for piece in source.split('"').skip(1).step_by(2) {
            let is_code = ["motion.", "plan.", "decision.", "error."]
                .iter()
                .any(|p| piece.starts_with(p))
                && piece
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.');
            if is_code && !piece.ends_with('.') {
                seen += 1;
                assert!(entry(piece).is_some(), "{piece:?} is not in the catalogue");
            }
        }
    }
    assert!(seen > 50, "only {seen} codes found in the sources");
}

#[test]
fn fill_replaces_named_placeholders_and_leaves_the_rest() {
    let n = 3;
    let id = "a\"b";
    assert_eq!(fill("{n} of {m}", &[("n", &n)]), "3 of {m}");
    assert_eq!(fill("id {id:?}", &[("id", &id)]), "id \"a\\\"b\"");
    assert_eq!(fill("{ {} {A} {n", &[("n", &n)]), "{ {} {A} {n");
    assert_eq!(fill("“{id}”", &[("id", &"x")]), "“x”");
    assert_eq!(placeholders("{a} {b:?} {} {C} {a}"), ["a", "b", "a"]);
}

#[test]
fn message_is_none_for_an_unknown_code() {
    assert_eq!(message(Lang::Zh, "no.such.code", &[]), None);
    assert_eq!(text(Lang::En, "no.such.code", &[]), "no.such.code");
    assert_eq!(
        message(
            Lang::Zh,
            "decision.waitlisted",
            &[("program", &"陶艺"), ("position", &2)]
        ),
        Some("陶艺：进入候补名单，候补第 2 位。".to_owned())
    );
}

#[test]
fn lang_reads_and_writes_its_tags() {
    assert_eq!(serde_json::to_string(&Lang::Zh).unwrap(), "\"zh\"");
    assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
    assert!(serde_json::from_str::<Lang>("\"fr\"").is_err());
    assert_eq!(Lang::default(), Lang::En);
    assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    assert_eq!(Lang::parse("de"), None);
}

#[test]
fn an_error_reads_in_chinese_with_its_path_and_detail() {
    let err = crate::motion::MotionError::PresentExceedsMembers {
        present: 12,
        members: 11,
    };
    assert_eq!(error_message(&err, Lang::En), err.to_string());
    assert_eq!(
        error_message(&err, Lang::Zh),
        "present：出席人数超过成员总数（12 present but only 11 members）"
    );
    let none = crate::motion::MotionError::NoMembers;
    assert_eq!(error_message(&none, Lang::Zh), "members：议事会没有成员");
}

#[test]
fn every_exhibition_finding_code_has_a_sentence() {
    use crate::exhibition::{ExhibitionFinding, FindingCode};
    for code in [
        FindingCode::UnknownCategory,
        FindingCode::AfterDeadline,
        FindingCode::OverEntryLimit,
        FindingCode::NoEntries,
        FindingCode::SeatsReduced,
    ] {
        let finding = ExhibitionFinding {
            code,
            path: "entries[0]".to_owned(),
            entry: Some("ph-04".to_owned()),
            person: Some("r007".to_owned()),
            category: Some("photography".to_owned()),
        };
        for lang in [Lang::En, Lang::Zh] {
            let text = finding.explain(lang);
            assert!(
                !text.contains('{') && !text.starts_with("exhibition."),
                "{text}"
            );
            assert!(
                text.contains("photography") || text.contains("r007"),
                "{text}"
            );
        }
    }
}
