//! Exit codes, help, completions, --set, and the schema commands.

mod cli_support;
use cli_support::*;

#[test]
fn usage_errors_exit_2_and_version_exits_0() {
    let sb = Sandbox::new();
    assert_eq!(sb.run(&["no-such-command"]).code, 2);
    assert_eq!(sb.run(&["profiles", "copy", "only-one"]).code, 2);
    assert_eq!(sb.run(&["payload", "--bogus"]).code, 2);
    let v = sb.run(&["--version"]);
    assert_eq!(v.code, 0);
    assert!(v.stdout.contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn every_command_has_help() {
    let sb = Sandbox::new();
    let commands: &[&[&str]] = &[
        &["payload"],
        &["mint"],
        &["validate"],
        &["curl"],
        &["profiles"],
        &["profiles", "list"],
        &["profiles", "show"],
        &["profiles", "new"],
        &["profiles", "copy"],
        &["profiles", "rename"],
        &["profiles", "delete"],
        &["profiles", "import"],
        &["profiles", "export"],
        &["schema"],
        &["schema", "sync"],
        &["schema", "show"],
        &["schema", "reset"],
        &["completions"],
    ];
    for cmd in commands {
        let mut args = cmd.to_vec();
        args.push("--help");
        let run = sb.run(&args);
        assert_eq!(run.code, 0, "{args:?}");
        assert!(
            run.stdout.contains("Usage: voxtune"),
            "{args:?}: {}",
            run.stdout
        );
    }
}

#[test]
fn completions_are_printed_for_shells() {
    let sb = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let run = sb.run(&["completions", shell]);
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains("profiles"), "{shell}");
    }
    assert_eq!(sb.run(&["completions", "cmd.exe"]).code, 2);
}

#[test]
fn set_takes_pointers_and_dotted_paths_json_or_string() {
    let sb = Sandbox::new();
    let run = sb.run(&[
        "payload",
        "--set",
        "agent_config.llm.temperature=0.7",
        "--set",
        "/agent_config/agent/full_name=Ada Lovelace",
        "--set",
        "agent_config.tts.metadata={\"style\": \"calm\"}",
        "--set",
        "ttl=\"120\"",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["agent_config"]["llm"]["temperature"], 0.7);
    assert_eq!(v["agent_config"]["agent"]["full_name"], "Ada Lovelace");
    assert_eq!(v["agent_config"]["tts"]["metadata"]["style"], "calm");
    assert_eq!(v["ttl"], "120", "a JSON string stays a string");
    assert!(
        run.stderr.contains("/ttl") && run.stderr.contains("validation problem"),
        "{}",
        run.stderr
    );
    // --set changes this run only.
    let again: serde_json::Value = serde_json::from_str(&sb.run(&["payload"]).stdout).unwrap();
    assert_eq!(again["agent_config"]["llm"]["temperature"], 0.5);
}

#[test]
fn set_errors_name_the_argument() {
    let sb = Sandbox::new();
    let run = sb.run(&["payload", "--set", "agent_config.llm.temperature"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("has no `=`"), "{}", run.stderr);
    let run = sb.run(&["payload", "--set", "agent_id.deeper=1"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("/agent_id holds a string"),
        "{}",
        run.stderr
    );
    let run = sb.run(&["payload", "--set", "brand_new=1"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("no such field"), "{}", run.stderr);
}

#[test]
fn validate_reads_files_and_stdin() {
    let sb = Sandbox::new();
    let good = sb.run(&["payload"]).stdout;
    let file = sb.file("good.json", &good);
    assert_eq!(sb.run(&["validate", file.to_str().unwrap()]).code, 0);
    let bad = sb.run_with_stdin(&["validate", "-"], r#"{"agent_config": {}, "ttl": 0}"#);
    assert_eq!(bad.code, 1);
    for expected in [
        "/agent_config/agent: required field is missing",
        "/ttl: 0 — expected an integer ≥ 1",
    ] {
        assert!(bad.stdout.contains(expected), "{}", bad.stdout);
    }
    let curl = sb.run(&["validate", &fixture("seed-example.curl")]);
    assert_eq!(curl.code, 1);
    assert!(curl.stdout.contains("/user_info/email"));
    let broken = sb.run_with_stdin(&["validate", "-"], "{\"a\": }");
    assert_eq!(broken.code, 1);
    assert!(
        broken.stderr.contains("line 1, column 7"),
        "{}",
        broken.stderr
    );
}

#[test]
fn schema_show_and_reset_speak_of_the_schema_in_force() {
    let sb = Sandbox::new();
    let show = sb.run(&["schema", "show"]);
    assert_eq!(show.code, 0);
    assert!(show.stdout.contains("bundled"), "{}", show.stdout);
    // A cached schema with an extra speed is in force, and show lists what it adds.
    let mut doc: serde_json::Value = serde_json::from_str(voxtune::schema::BUNDLED_SCHEMA).unwrap();
    doc["components"]["schemas"]["TTSSpeed"]["enum"]
        .as_array_mut()
        .unwrap()
        .push("ludicrous".into());
    std::fs::create_dir_all(sb.config().join("data")).unwrap();
    std::fs::write(sb.config().join("data/openapi.json"), doc.to_string()).unwrap();
    let show = sb.run(&["schema", "show"]);
    assert!(
        show.stdout.contains("synced")
            && show
                .stdout
                .contains("+ /agent_config/tts/speed accepts ludicrous"),
        "{}",
        show.stdout
    );
    let set = sb.run(&["payload", "--set", "agent_config.tts.speed=ludicrous"]);
    assert!(!set.stderr.contains("validation problem"), "{}", set.stderr);
    assert_eq!(sb.run(&["schema", "reset"]).code, 0);
    assert!(!sb.config().join("data/openapi.json").exists());
    assert!(sb.run(&["schema", "show"]).stdout.contains("bundled"));
}

#[test]
fn a_broken_cached_schema_falls_back_to_the_bundled_one_with_a_warning() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.config().join("data")).unwrap();
    std::fs::write(sb.config().join("data/openapi.json"), "{\"paths\": {}}").unwrap();
    let run = sb.run(&["validate"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("cached schema") && run.stderr.contains("schema reset"),
        "{}",
        run.stderr
    );
}
