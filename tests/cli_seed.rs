//! The acceptance path: import the reference's curl example and get its body back.

mod cli_support;
use cli_support::*;

#[test]
fn imported_seed_payload_equals_the_example_body_key_order_included() {
    let sb = Sandbox::new();
    sb.import_seed("seed");
    let run = sb.run(&["payload", "--profile", "seed", "--reveal-secrets"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(
        same_with_order(&printed, &seed_body()),
        "payload differs from the example:\n{}",
        run.stdout
    );
}

#[test]
fn seed_validation_names_the_bad_fields_and_exits_1() {
    let sb = Sandbox::new();
    sb.import_seed("seed");
    let run = sb.run(&["validate", "--profile", "seed"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(
            "/agent_config/vad/activation_threshold: 123 — expected a number from 0 to 1"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("/user_info/email: \"<string>\""),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("problem"), "{}", run.stderr);
    // Placeholders are flagged, and kept: nothing was "fixed" in the file.
    let on_disk: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sb.profile_path("seed")).unwrap()).unwrap();
    assert!(same_with_order(&on_disk, &seed_body()));
}

#[test]
fn fresh_default_profile_validates_clean() {
    let sb = Sandbox::new();
    let run = sb.run(&["validate"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(sb.profile_path("default").is_file());
}

#[test]
fn payload_redacts_literal_secrets_unless_revealed() {
    let sb = Sandbox::new();
    sb.import_seed("seed");
    let run = sb.run(&["payload", "--profile", "seed"]);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(printed["agent_config"]["tts"]["model"]["api_key"], "***");
    assert_eq!(
        printed["agent_config"]["tts"]["model"]["provider"],
        "<string>"
    );
}

#[test]
fn import_from_stdin_takes_a_json_body() {
    let sb = Sandbox::new();
    let body = serde_json::to_string_pretty(&seed_body()).unwrap();
    let run = sb.run_with_stdin(&["profiles", "import", "-", "--name", "piped"], &body);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = sb.run(&["payload", "--profile", "piped", "--reveal-secrets"]);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(same_with_order(&printed, &seed_body()));
}
