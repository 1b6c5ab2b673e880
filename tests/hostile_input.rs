//! Hostile input never panics or hangs: the proptest twins of the fuzz targets in fuzz/,
//! and very large inputs through the real binary.

mod cli_support;
use cli_support::*;
use proptest::prelude::*;

mod mutation;
use mutation::mutated;
use serde_json::{Value, json};
use voxtune::profiles::import;
use voxtune::schema::{Schema, SchemaError, Source};

fn seed_curl() -> String {
    std::fs::read_to_string(fixture("seed-example.curl")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn curl_import_never_panics_on_mutated_input(text in mutated(seed_curl(), 64)) {
        let _ = import::import(&text);
    }

    #[test]
    fn curl_import_never_panics_on_any_text(text in "(curl )?\\PC{0,200}") {
        let _ = import::import(&text);
    }

    #[test]
    fn profile_parsing_and_validation_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(v) = voxtune::profiles::parse(std::path::Path::new("p.json"), &bytes) {
            let _ = Schema::bundled().validate(&v);
        }
    }

    #[test]
    fn validation_never_panics_on_mutated_profiles(text in mutated(serde_json::to_string_pretty(&seed_body()).unwrap(), 64)) {
        if let Ok(v) = serde_json::from_str::<Value>(&text) {
            let _ = Schema::bundled().validate(&v);
        }
    }

    #[test]
    fn schema_loading_never_panics_on_mutated_documents(text in mutated(voxtune::schema::BUNDLED_SCHEMA.to_string(), 64)) {
        if let Ok(schema) = Schema::from_text(&text, Source::Bundled) {
            let _ = schema.validate(&schema.defaults());
        }
    }
}

fn endpoint_with(schemas: Value) -> String {
    json!({
        "paths": {"/api/v1/playground/tokens": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}},
        "components": {"schemas": schemas}
    })
    .to_string()
}

#[test]
fn a_ref_cycle_is_refused_not_followed_forever() {
    let text = endpoint_with(
        json!({"A": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}}}),
    );
    assert!(matches!(
        Schema::from_text(&text, Source::Bundled),
        Err(SchemaError::TooDeep(_))
    ));
    let self_ref = endpoint_with(json!({"A": {"$ref": "#/components/schemas/A"}}));
    assert!(Schema::from_text(&self_ref, Source::Bundled).is_err());
}

#[test]
fn a_schema_that_explodes_through_shared_refs_is_refused() {
    // Each level holds ten references to the next: 10^12 fields if expanded.
    let mut schemas = serde_json::Map::new();
    for level in 0..12 {
        let next = format!("#/components/schemas/L{}", level + 1);
        let props: serde_json::Map<String, Value> = (0..10)
            .map(|i| (format!("p{i}"), json!({"$ref": next})))
            .collect();
        schemas.insert(
            format!("L{level}"),
            json!({"type": "object", "properties": props}),
        );
    }
    schemas.insert("L12".into(), json!({"type": "string"}));
    schemas.insert("A".into(), json!({"$ref": "#/components/schemas/L0"}));
    let text = endpoint_with(Value::Object(schemas));
    assert!(matches!(
        Schema::from_text(&text, Source::Bundled),
        Err(SchemaError::TooLarge)
    ));
}

#[test]
fn a_ten_mib_profile_and_a_one_mib_prompt_work() {
    let sb = Sandbox::new();
    let prompt = "Be brief. ".repeat(1024 * 1024 / 10 + 1);
    let blob = "x".repeat(9 * 1024 * 1024);
    let body =
        json!({"agent_config": {"llm": {"system_prompt": prompt, "metadata": {"blob": blob}}}});
    let run = sb.run_with_stdin(
        &["profiles", "import", "-", "--name", "huge"],
        &body.to_string(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::metadata(sb.profile_path("huge")).unwrap().len() > 10 * 1024 * 1024 - 1024);
    let payload = sb.run(&["payload", "--profile", "huge"]);
    assert_eq!(payload.code, 0);
    let v: Value = serde_json::from_str(&payload.stdout).unwrap();
    assert_eq!(
        v["agent_config"]["llm"]["system_prompt"]
            .as_str()
            .unwrap()
            .len(),
        prompt.len()
    );
}

#[test]
fn a_profile_over_the_cap_is_refused_with_a_message() {
    let sb = Sandbox::new();
    let path = sb.profile_path("default");
    let _ = sb.run(&["profiles", "list"]);
    let giant = format!("{{\"agent_id\": \"{}\"}}", "x".repeat(17 * 1024 * 1024));
    std::fs::write(&path, giant).unwrap();
    let run = sb.run(&["payload"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("over 16 MiB"), "{}", run.stderr);
}

#[test]
fn ten_thousand_profiles_are_listed() {
    let sb = Sandbox::new();
    let _ = sb.run(&["profiles", "list"]);
    let dir = sb.config().join("profiles");
    let text = serde_json::to_string_pretty(&seed_body()).unwrap();
    for i in 0..10_000 {
        std::fs::write(dir.join(format!("p{i:05}.json")), &text).unwrap();
    }
    let run = sb.run(&["profiles", "list"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 10_001);
    assert!(run.stdout.contains("p09999"));
}
