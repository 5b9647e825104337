//! Audit files and `verify`: an audit verifies as made; changing any input, the seed or the
//! public value fails with the code that names it; a redacted audit never names a person
//! who applied only to a confidential program.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::audit::{audit_allocation, audit_tally, verify, AllocationInputs};
use huaide::commitment::seed_commitment;
use huaide::enrol::AllocationRequest;
use huaide::vote::{Ballot, Election};
use proptest::prelude::*;
use serde_json::{json, Value};

const IDS: [&str; 4] = ["a", "b", "c", "d"];
const METHODS: [&str; 4] = ["irv", "plurality", "approval", "stv"];

fn ballots_doc(method: &str, rankings: &[(Vec<usize>, u64)]) -> Value {
    Value::Array(
        rankings
            .iter()
            .map(|(perm, count)| {
                let ids: Vec<&str> = perm.iter().map(|&c| IDS[c]).collect();
                match method {
                    "approval" => json!({"approve": &ids[..2], "count": count}),
                    "plurality" => json!({"ranking": [ids[0]], "count": count}),
                    _ => json!({"ranking": ids, "count": count}),
                }
            })
            .collect(),
    )
}

fn profile() -> impl Strategy<Value = (usize, Vec<(Vec<usize>, u64)>, String, String)> {
    let perm = Just((0..4).collect::<Vec<usize>>()).prop_shuffle();
    (
        0usize..4,
        prop::collection::vec((perm, 1u64..4), 1..12),
        "[a-z0-9 ]{1,12}",
        "[0-9 ]{1,8}",
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_change_is_named((m, rankings, seed, public) in profile(), which in 0usize..4) {
        let method = METHODS[m];
        let seats = if method == "stv" { 2 } else { 1 };
        let election = json!({"id": "e", "method": method, "seats": seats, "candidates": IDS,
            "tie_break": {"seed": seed, "commitment": seed_commitment(&seed),
                          "public_value": public}});
        let ballots = ballots_doc(method, &rankings);
        let e: Election = serde_json::from_value(election.clone()).unwrap();
        let b: Vec<Ballot> = serde_json::from_value(ballots.clone()).unwrap();
        let audit = serde_json::to_value(audit_tally(&e, &b).unwrap()).unwrap();
        let report = verify(&audit, None).unwrap();
        prop_assert_eq!(report.code.as_str(), "verified");
        let mut inputs = json!({"election": election.clone(), "ballots": ballots.clone()});
        let expected = match which {
            0 => {
                inputs["ballots"][0]["count"] = json!(rankings[0].1 + 1);
                "input_differs"
            }
            1 => {
                inputs["election"]["tie_break"]["seed"] = json!(format!("{seed}!"));
                "seed_mismatch"
            }
            2 => {
                inputs["election"]["tie_break"]["public_value"] = json!(format!("{public}1"));
                "public_value_differs"
            }
            _ => "verified",
        };
        let report = verify(&audit, Some(&inputs)).unwrap();
        prop_assert_eq!(report.code.as_str(), expected);
        // The same change made in the file itself is caught too.
        if which < 3 {
            let mut edited = audit.clone();
            edited["inputs"] = inputs.clone();
            let report = verify(&edited, None).unwrap();
            prop_assert!(!report.ok);
        }
    }

    #[test]
    fn a_redacted_audit_names_no_confidential_applicant(
        quiet in prop::collection::vec(any::<bool>(), 1..8),
        redact in any::<bool>(),
    ) {
        let mut people = vec![json!({"id": "b", "residency": "resident", "tags": []})];
        let mut applications = vec![json!({"person": "b", "choices": ["chorus"]})];
        let mut hidden = Vec::new();
        for (i, only_counselling) in quiet.iter().enumerate() {
            let id = format!("person-{i:03}");
            people.push(json!({"id": id, "residency": "resident", "tags": []}));
            let choices = if *only_counselling { json!(["counselling"]) }
                          else { json!(["chorus", "counselling"]) };
            applications.push(json!({"person": id, "choices": choices}));
            if *only_counselling { hidden.push(id); }
        }
        let request: AllocationRequest = serde_json::from_value(json!({
            "plan": {"id": "h", "community": "Huaideyuan", "year": 2006,
                     "timezone": "Asia/Shanghai", "programs": [
                {"id": "counselling", "kind": "counselling", "title": "counselling",
                 "capacity": {"max": 2}, "confidential": true},
                {"id": "chorus", "kind": "class", "title": "chorus", "capacity": {"max": 3}}]},
            "people": people, "applications": applications,
            "seed": "s", "as_of": "2006-03-01"})).unwrap();
        let options = request.options();
        let inputs = AllocationInputs { plan: &request.plan, people: &request.people,
            applications: &request.applications, options: &options };
        let audit = audit_allocation(inputs, redact).unwrap();
        prop_assert!(audit.redacted);
        let text = serde_json::to_string(&audit).unwrap();
        for id in &hidden {
            prop_assert!(!text.contains(id.as_str()), "{} appears in {}", id, text);
        }
        let value = serde_json::to_value(&audit).unwrap();
        let alone = verify(&value, None).unwrap();
        prop_assert_eq!(alone.code.as_str(), "inputs_withheld");
        let full = json!({"people": request.people, "applications": request.applications});
        let given = verify(&value, Some(&full)).unwrap();
        prop_assert_eq!(given.code.as_str(), "verified");
    }
}
