//! Secrets in the editor: a sentinel literal key in the profile and a sentinel token in
//! an environment variable behind a `${VAR}` header. A server that echoes both back in
//! its error must not put either on the screen, in any byte written to the terminal
//! (stderr included: the PTY carries both), in the log (at trace level) or in a draft's
//! messages. The key shows only when revealed with `r`.

mod tui_harness;

use serde_json::{Value, json};
use std::path::Path;
use tui_harness::{Spawn, Tui};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "sk-LITERAL-SENTINEL-4be1";
const TOKEN: &str = "tok-ENV-SENTINEL-93c0";

fn setup(dir: &Path, base_url: &str) {
    std::fs::create_dir_all(dir.join("profiles")).unwrap();
    std::fs::write(
        dir.join("settings.toml"),
        format!(
            "default_env = \"t\"\n\n[environments.t]\nbase_url = \"{base_url}\"\ntimeout_s = 10\n\
             headers = {{ Authorization = \"Bearer ${{VOXTUNE_SENTINEL_TOKEN}}\" }}\n"
        ),
    )
    .unwrap();
    let mut web: Value = serde_json::from_str(include_str!("../assets/presets/web.json")).unwrap();
    web["agent_config"]["tts"]["model"]["api_key"] = json!("tts-not-secret-here");
    web["agent_config"]["stt"]["model"]["api_key"] = json!("stt-not-secret-here");
    web["agent_config"]["llm"]["model"]["api_key"] = json!(KEY);
    std::fs::write(
        dir.join("profiles/default.json"),
        serde_json::to_vec_pretty(&web).unwrap(),
    )
    .unwrap();
}

fn assert_clean(what: &str, text: &str) {
    for s in [KEY, TOKEN] {
        assert!(!text.contains(s), "{s} leaked into {what}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sentinel_secrets_stay_off_the_screen_the_output_and_the_log() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/playground/tokens"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "detail": format!("invalid credentials {KEY} / Bearer {TOKEN}")
        })))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path(), &server.uri());
    let mut spec = Spawn::new(dir.path());
    spec.env = vec![("VOXTUNE_LOG", "trace"), ("VOXTUNE_SENTINEL_TOKEN", TOKEN)];
    let mut tui = Tui::spawn(spec);
    tui.wait_for("1 Agent");

    // The key's row, masked.
    tui.key("4");
    tui.wait_for("Temperature");
    tui.key("down");
    tui.key("down");
    tui.wait_for("LLM provider API key");
    tui.wait_for("•");

    // The server echoes both secrets: the error says 401 in words, the secrets masked.
    tui.key("ctrl-t");
    tui.wait_for("Mint failed");
    let screen = tui.wait_for("not authorized (401)");
    assert!(screen.contains("***"), "{screen}");
    tui.key("esc");

    // An edit, then a signal: the draft is written (privately) and nothing is printed.
    tui.key("3");
    tui.wait_for("Detect language");
    for _ in 0..5 {
        tui.key("down");
    }
    tui.key(" ");
    tui.wait_for("● unsaved");
    let raw_before = tui.raw_len();
    let pid = tui.pid().unwrap().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    tui.wait_exit();
    let draft = dir.path().join("data/drafts/default.json");
    assert!(std::fs::read_to_string(&draft).unwrap().contains(KEY));

    let raw = String::from_utf8_lossy(&tui.raw()).to_string();
    assert_clean("the terminal output", &raw);
    assert_clean(
        "what was printed on exit",
        &String::from_utf8_lossy(&tui.raw()[raw_before..]),
    );
    let log = std::fs::read_to_string(dir.path().join("data/voxtune.log")).unwrap();
    assert!(
        log.contains("mint failed"),
        "the log has the failure: {log}"
    );
    assert_clean("the log", &log);

    // Sanity: the secret is really in the profile, and `r` reveals it on screen.
    let mut spec = Spawn::new(dir.path());
    spec.env = vec![("VOXTUNE_SENTINEL_TOKEN", TOKEN)];
    let mut tui = Tui::spawn(spec);
    tui.wait_for("Restore unsaved edits?");
    assert_clean("the draft offer", &tui.screen());
    tui.key("d");
    tui.key("4");
    tui.wait_for("Temperature");
    tui.key("down");
    tui.key("down");
    tui.wait_for("LLM provider API key");
    assert_clean("the masked row", &tui.screen());
    tui.key("r");
    tui.wait_for(KEY);
    tui.key("q");
    assert!(tui.wait_exit().success());
}
