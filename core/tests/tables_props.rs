//! Property: any people or applications the writers produce, as CSV or `.xlsx`, read back
//! to the same documents, with no finding.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{FixedOffset, NaiveDate, TimeZone};
use huaide::enrol::{Application, Person};
use huaide::plan::audience::Residency;
use huaide::tables::{
    read_applications, read_people, write_table, ApplicationOptions, PeopleOptions, TableDocument,
    TableFormat, TableSource,
};
use proptest::prelude::*;

/// Ids and tags as users write them: Chinese, Latin, digits, inner spaces and punctuation
/// that is not a list separator.
fn word() -> impl Strategy<Value = String> {
    "[a-z0-9居民户号老人合唱陶艺二胡-]{1,8}( [a-z居民]{1,3})?".prop_map(|s| s.trim().to_owned())
}

fn person() -> impl Strategy<Value = Person> {
    (
        word(),
        proptest::option::of((1900i32..2030, 1u32..13, 1u32..29)),
        proptest::option::of(word()),
        prop_oneof![
            Just(Residency::Resident),
            Just(Residency::Surrounding),
            Just(Residency::Visitor)
        ],
        proptest::collection::btree_set(word(), 0..3),
        proptest::collection::vec(word(), 0..3),
    )
        .prop_map(|(id, birth, household, residency, tags, history)| Person {
            id,
            birth_date: birth.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            household,
            residency,
            tags: tags.into_iter().collect(),
            history,
        })
}

fn people() -> impl Strategy<Value = Vec<Person>> {
    proptest::collection::vec(person(), 0..12).prop_map(|mut ps| {
        let mut seen = std::collections::BTreeSet::new();
        ps.retain(|p| seen.insert(p.id.clone()));
        ps
    })
}

fn application() -> impl Strategy<Value = Application> {
    (
        word(),
        proptest::collection::btree_set(word(), 1..4),
        proptest::option::of((0i64..400_000_000, -12i32..14)),
        proptest::collection::vec(word(), 0..2),
        proptest::option::of(1u32..5),
    )
        .prop_map(|(person, choices, at, group, max_programs)| Application {
            person,
            choices: choices.into_iter().collect(),
            submitted_at: at.map(|(secs, h)| {
                let offset = FixedOffset::east_opt(h * 3600).unwrap();
                offset.timestamp_opt(1_100_000_000 + secs, 0).unwrap()
            }),
            group,
            max_programs,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn people_read_back(people in people(), xlsx in any::<bool>()) {
        let (format, name) = if xlsx { (TableFormat::Xlsx, "p.xlsx") } else { (TableFormat::Csv, "p.csv") };
        let bytes = write_table(&TableDocument::People(people.clone()), format, None).unwrap();
        let back = read_people(&TableSource::new(name, &bytes), &PeopleOptions::default()).unwrap();
        prop_assert!(back.findings.iter().all(|f| f.code == "missing_column" && people.is_empty()), "{:?}", back.findings);
        prop_assert_eq!(back.people, people);
    }

    #[test]
    fn applications_read_back(apps in proptest::collection::vec(application(), 1..10), xlsx in any::<bool>()) {
        let mut seen = std::collections::BTreeSet::new();
        let apps: Vec<Application> = apps.into_iter().filter(|a| seen.insert(a.person.clone())).collect();
        let (format, name) = if xlsx { (TableFormat::Xlsx, "a.xlsx") } else { (TableFormat::Csv, "a.csv") };
        let bytes = write_table(&TableDocument::Applications(apps.clone()), format, None).unwrap();
        let back = read_applications(&TableSource::new(name, &bytes), &ApplicationOptions::default(), None).unwrap();
        prop_assert!(back.findings.is_empty(), "{:?}", back.findings);
        prop_assert_eq!(back.applications, apps);
    }
}
