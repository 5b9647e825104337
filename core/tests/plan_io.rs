//! Reading and writing plans: TOML ⇄ JSON round trips, document errors, the JSON Schema.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use huaide::plan::{json_schema, read_plan, Plan};
use huaide::{ErrorFamily, Fault};

const SEED: &str = include_str!("../../examples/huaideyuan/plan.toml");
const LINDENHOF: &str = include_str!("../../examples/lindenhof/plan.toml");

fn schema_path() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schema/plan.schema.json")
}

#[test]
fn toml_json_toml_round_trip_is_lossless() {
    for text in [SEED, LINDENHOF] {
        let plan = Plan::from_toml(text).unwrap();
        let json = plan.to_json().unwrap();
        let from_json = Plan::from_json(&json).unwrap();
        assert_eq!(from_json, plan);
        let toml = from_json.to_toml().unwrap();
        let back = Plan::from_toml(&toml).unwrap();
        assert_eq!(back, plan);
        assert_eq!(
            back.to_toml().unwrap(),
            toml,
            "TOML output is a fixed point"
        );
        assert_eq!(back.to_json().unwrap(), json);
    }
}

#[test]
fn read_plan_takes_any_serde_source() {
    let plan = Plan::from_toml(SEED).unwrap();
    let value = serde_json::to_value(&plan).unwrap();
    assert_eq!(read_plan(&value).unwrap(), plan);
}

#[test]
fn shape_errors_carry_the_field_path() {
    let bad = r#"{"id": "x", "community": "c", "year": 2006, "timezone": "UTC",
        "programs": [{"id": "a", "kind": "class", "title": "A"}, {"id": "b", "kind": "seminar", "title": "B"}]}"#;
    let err = Plan::from_json(bad).unwrap_err();
    assert_eq!(err.code(), "invalid_document");
    assert_eq!(err.family(), ErrorFamily::Document);
    assert_eq!(err.path(), Some("programs[1].kind"));

    let unknown = "id = \"x\"\ncommunity = \"c\"\nyear = 2006\ntimezone = \"UTC\"\n[[programs]]\nid = \"a\"\nkind = \"class\"\ntitle = \"A\"\ncolour = \"red\"\n";
    let err = Plan::from_toml(unknown).unwrap_err();
    assert_eq!(err.code(), "invalid_document");
    assert_eq!(err.path(), Some("programs[0].colour"), "{err}");

    let date = "id = \"x\"\ncommunity = \"c\"\nyear = 2006\ntimezone = \"UTC\"\n[[programs]]\nid = \"a\"\nkind = \"class\"\ntitle = \"A\"\nschedule = { first = \"2006-02-30\" }\n";
    let err = Plan::from_toml(date).unwrap_err();
    assert_eq!(err.path(), Some("programs[0].schedule.first"), "{err}");

    let err = Plan::from_toml("this is = not toml =").unwrap_err();
    assert_eq!(err.code(), "invalid_document");
}

#[test]
fn committed_schema_matches_the_types() {
    let generated = json_schema();
    let committed = std::fs::read_to_string(schema_path()).unwrap_or_default();
    if std::env::var_os("HUAIDE_BLESS").is_some() {
        std::fs::write(schema_path(), &generated).unwrap();
        return;
    }
    assert_eq!(
        committed, generated,
        "schema/plan.schema.json is stale: rerun with HUAIDE_BLESS=1"
    );
}

#[test]
fn schema_names_the_wire_fields() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    assert_eq!(schema["title"], "Plan");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required, ["id", "community", "year", "timezone"]);
    assert_eq!(schema["additionalProperties"], false);
    assert!(schema["$defs"]["Program"]["properties"]["schedule"].is_object());
}

#[test]
fn example_plans_validate_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for text in [SEED, LINDENHOF] {
        // The document as written (TOML read as plain data) and as the types write it.
        let raw: serde_json::Value = toml::from_str(text).unwrap();
        let written = serde_json::to_value(Plan::from_toml(text).unwrap()).unwrap();
        for doc in [raw, written] {
            let errors: Vec<String> = validator
                .iter_errors(&doc)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{errors:#?}");
        }
    }
    let faulty: serde_json::Value = serde_json::from_str(include_str!("plan_faults.json")).unwrap();
    assert!(
        validator.is_valid(&faulty),
        "findings are about meaning, not shape"
    );
    let mut broken = faulty;
    broken["programs"][0]["kind"] = "seminar".into();
    assert!(!validator.is_valid(&broken));
}
