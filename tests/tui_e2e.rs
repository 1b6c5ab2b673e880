//! The real binary in a pseudo-terminal against a wiremock server: what a person does,
//! checked on the emulated screen, on disk and in the raw bytes written.

mod tui_harness;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use tui_harness::{Spawn, Tui, assert_restored, find};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN_PATH: &str = "/api/v1/playground/tokens";

fn jwt(claims: Value) -> String {
    let part = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.c2lnbmF0dXJl",
        part(&json!({"alg": "HS256", "typ": "JWT"})),
        part(&claims)
    )
}

async fn token_server(token: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"token": token, "url": "wss://lk.example.test"})),
        )
        .mount(&server)
        .await;
    server
}

fn profile(dir: &std::path::Path, name: &str) -> Value {
    let text = std::fs::read_to_string(dir.join(format!("profiles/{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edit_save_mint_copy_quit() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let token = jwt(json!({
        "sub": "e2e-user", "name": "E2E", "exp": now + 3600, "nbf": now,
        "video": {"room": "room-e2e", "roomJoin": true}
    }));
    let server = token_server(&token).await;
    let dir = tempfile::tempdir().unwrap();
    let mut spec = Spawn::new(dir.path());
    let uri = server.uri();
    spec.args = vec!["--base-url", &uri];
    let mut tui = Tui::spawn(spec);

    tui.wait_for("1 Agent");
    tui.wait_for("profile default");
    tui.wait_for(&uri);

    // TTS tab: Speed is the sixth field; → picks the next value.
    tui.bump_tts_speed();

    // LLM tab: Temperature is the fifth field; → moves it one step.
    tui.key("4");
    tui.wait_for("Temperature");
    for _ in 0..4 {
        tui.key("down");
    }
    tui.wait_for("Sampling randomness, 0–2");
    tui.key("right");
    tui.wait_for("0.55");

    tui.key("ctrl-s");
    tui.wait_for("│ saved /");
    tui.wait_until("the unsaved marker gone", |s| !s.contains("● unsaved"));
    let saved = profile(dir.path(), "default");
    assert_eq!(
        saved.pointer("/agent_config/tts/speed"),
        Some(&json!("fast"))
    );
    assert_eq!(
        saved.pointer("/agent_config/llm/temperature"),
        Some(&json!(0.55))
    );

    let before_mint = tui.raw_len();
    tui.key("ctrl-t");
    tui.wait_for("Token minted");
    tui.wait_for("room-e2e");
    tui.wait_for("e2e-user");
    tui.wait_for("wss://lk.example.test");
    tui.wait_for("expires in");
    let osc52 = format!("\x1b]52;c;{}\x07", STANDARD.encode(&token));
    tui.wait_for_raw(osc52.as_bytes(), before_mint);
    tui.wait_for("OSC 52");
    let sent = &server.received_requests().await.unwrap()[0];
    let body: Value = serde_json::from_slice(&sent.body).unwrap();
    assert_eq!(
        body.pointer("/agent_config/tts/speed"),
        Some(&json!("fast"))
    );

    // y copies again: a second OSC 52 with the same token.
    let before_copy = tui.raw_len();
    tui.key("y");
    tui.wait_for_raw(osc52.as_bytes(), before_copy);

    tui.key("esc");
    tui.wait_until("token view closed", |s| !s.contains("Token minted"));
    tui.key("q");
    let status = tui.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&tui.raw());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quitting_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path());
    tui.key("3");
    tui.wait_for("Detect language");
    for _ in 0..5 {
        tui.key("down");
    }
    tui.wait_for("Detect the spoken language");
    tui.key(" ");
    tui.wait_for("● unsaved");
    tui.key("q");
    tui.wait_for("Unsaved changes");
    tui.key("c");
    tui.wait_until("prompt closed", |s| !s.contains("Unsaved changes"));
    tui.key("ctrl-c");
    tui.wait_for("[d] discard them");
    tui.key("d");
    assert!(tui.wait_exit().success());
    assert_restored(&tui.raw());
    let on_disk = profile(dir.path(), "default");
    assert_eq!(
        on_disk.pointer("/agent_config/stt/detect_language"),
        Some(&json!(false))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_422_marks_the_field_and_an_error_names_the_url() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(422).set_body_json(json!({"detail": [{
            "type": "enum", "loc": ["body", "agent_config", "vad", "sample_rate"],
            "msg": "Input should be 8000 or 16000", "input": 44100
        }]})))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>bad gateway</html>"))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let mut spec = Spawn::new(dir.path());
    let uri = server.uri();
    spec.args = vec!["--base-url", &uri];
    let mut tui = Tui::spawn(spec);
    tui.wait_for("1 Agent");
    tui.key("ctrl-t");
    tui.wait_for("server: Input should be 8000 or 16000");
    tui.wait_for("5 VAD✗");
    tui.key("ctrl-t");
    tui.wait_for("Mint failed");
    tui.wait_for("server error 502");
    tui.wait_for(&format!("URL: {uri}{TOKEN_PATH}"));
    tui.key("esc");
    tui.key("q");
    assert!(tui.wait_exit().success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_mebibyte_lands_in_the_prompt_editor() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path());
    tui.focus_system_prompt();
    let line = "Answer in one short sentence; never quit.\n";
    let text = line.repeat((1 << 20) / line.len() + 1);
    tui.paste(&text);
    tui.wait_for("characters");
    tui.wait_for("╭ System prompt");
    tui.key("esc");
    tui.wait_for("lines)");
    tui.key("ctrl-s");
    tui.wait_for("│ saved /");
    let saved = profile(dir.path(), "default");
    let prompt = saved
        .pointer("/agent_config/llm/system_prompt")
        .unwrap()
        .as_str()
        .unwrap();
    assert!(prompt.len() > 1 << 20, "{}", prompt.len());
    assert!(prompt.contains("never quit"));
    tui.key("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = tempfile::tempdir().unwrap();
        let mut tui = Tui::start(dir.path());
        let pid = tui.pid().expect("a pid").to_string();
        let sent = std::process::Command::new("kill")
            .args([format!("-{signal}").as_str(), &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = tui.wait_exit();
        assert_eq!(status.exit_code(), code, "SIG{signal}: {status:?}");
        assert_restored(&tui.raw());
    }
}

#[test]
fn idle_means_no_cpu_and_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path());
    std::thread::sleep(std::time::Duration::from_millis(300));
    let (bytes, ticks) = (tui.raw_len(), tui.cpu_ticks());
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert_eq!(tui.raw_len(), bytes, "nothing written while idle");
    if let (Some(before), Some(after)) = (ticks, tui.cpu_ticks()) {
        assert!(
            after - before <= 2,
            "busy while idle: {} ticks in 1 s",
            after - before
        );
    }
    tui.key("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn the_mouse_picks_tabs_and_fields_and_scrolls_lists() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path());
    let (col, row) = tui.find_on_screen("5 VAD").unwrap();
    tui.click(col + 2, row);
    tui.wait_for("Activation threshold");
    let (col, row) = tui.find_on_screen("Sample rate").unwrap();
    tui.click(col, row);
    tui.wait_for("Audio rate fed to the VAD");
    tui.key("enter");
    tui.wait_for("filter:");
    tui.wheel(false, col, row); // from 16000 up to 8000
    tui.key("enter");
    tui.wait_for("‹ 8000 ›");
    tui.key("q");
    tui.wait_for("Unsaved changes");
    tui.key("d");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_tiny_window_says_so_and_a_resize_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let mut spec = Spawn::new(dir.path());
    spec.size = (40, 10);
    let mut tui = Tui::spawn(spec);
    tui.wait_for("window too small");
    assert!(find(&tui.raw(), "40×10".as_bytes()));
    tui.resize(100, 30);
    tui.wait_for("1 Agent");
    tui.resize(20, 5);
    tui.wait_for("window too small");
    tui.resize(1, 1);
    tui.resize(60, 16);
    tui.wait_for("1 Agent");
    tui.key("q");
    assert!(tui.wait_exit().success());
}
