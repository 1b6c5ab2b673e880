//! Config dirs for the benchmarks, made through the real binary where it can.

use std::process::{Command, Stdio};
use tempfile::TempDir;
use voxtune::schema::Schema;

fn voxtune(bin: &str, dir: &TempDir, args: &[&str], stdin: Option<&str>) {
    use std::io::Write;
    let mut child = Command::new(bin)
        .args(args)
        .env("VOXTUNE_CONFIG_DIR", dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or("").as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success(), "voxtune {args:?} failed");
}

/// A config dir after a first run: default profile and settings written.
pub fn first_run(bin: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    voxtune(bin, &dir, &["profiles", "list"], None);
    dir
}

pub fn one_mib_prompt(bin: &str) -> (TempDir, String) {
    let dir = first_run(bin);
    let line = "Answer in one short sentence; never quit.\n";
    let prompt = line.repeat((1 << 20) / line.len() + 1);
    let mut body = Schema::bundled().defaults();
    body["agent_config"]["llm"]["system_prompt"] = prompt.into();
    voxtune(
        bin,
        &dir,
        &["profiles", "import", "-", "--name", "big"],
        Some(&body.to_string()),
    );
    (dir, "big".into())
}

pub fn many_profiles(bin: &str, count: usize) -> TempDir {
    let dir = first_run(bin);
    let profiles = dir.path().join("profiles");
    std::fs::remove_file(profiles.join("default.json")).unwrap();
    let schema = Schema::bundled();
    let text = voxtune::profiles::render(&schema, &schema.defaults());
    for i in 0..count {
        std::fs::write(profiles.join(format!("p{i:05}.json")), &text).unwrap();
    }
    std::fs::write(
        dir.path().join("data/state.json"),
        r#"{"last_profile": "p00000"}"#,
    )
    .ok();
    dir
}

/// A synced schema with twice the bundled fields: a second agent_config.
pub fn doubled_schema(bin: &str) -> TempDir {
    let dir = first_run(bin);
    let mut doc: serde_json::Value = serde_json::from_str(voxtune::schema::BUNDLED_SCHEMA).unwrap();
    doc["components"]["schemas"]["PlaygroundTokenRequest"]["properties"]["agent_config_2"] =
        serde_json::json!({"$ref": "#/components/schemas/AgentConfig"});
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::write(
        dir.path().join("data/openapi.json"),
        serde_json::to_string_pretty(&doc).unwrap(),
    )
    .unwrap();
    let bundled = Schema::bundled().root.leaves().len();
    let synced = Schema::load(&dir.path().join("data")).root.leaves().len();
    assert!(synced >= 2 * bundled - 8, "{synced} fields vs {bundled}");
    dir
}
