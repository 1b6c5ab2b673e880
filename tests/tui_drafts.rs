//! Unsaved edits survive the editor being killed: the real binary in a PTY is edited,
//! killed (SIGKILL, or SIGTERM/SIGHUP/SIGINT before the draft timer fired), started
//! again, and offers the edits back.

mod tui_harness;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tui_harness::{Spawn, Tui, assert_restored};

fn draft_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("data/drafts/{name}.json"))
}

fn profile(dir: &Path, name: &str) -> Value {
    let text = std::fs::read_to_string(dir.join(format!("profiles/{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn wait_for_file(path: &Path) {
    let start = Instant::now();
    while !path.exists() {
        assert!(
            start.elapsed() < tui_harness::DEADLINE,
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn kill(tui: &Tui, signal: &str) {
    let pid = tui.pid().expect("a pid").to_string();
    let sent = std::process::Command::new("kill")
        .args([format!("-{signal}").as_str(), &pid])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// Speed edited, its draft written (debounced, with no key pressed), then SIGKILL.
/// Returns the profile as it was before the edit.
fn edit_then_sigkill(dir: &std::path::Path) -> Value {
    let mut tui = Tui::start(dir);
    let before = profile(dir, "default");
    tui.bump_tts_speed();
    wait_for_file(&draft_path(dir, "default"));
    kill(&tui, "KILL");
    tui.wait_exit();
    before
}

#[test]
fn an_edit_survives_sigkill_and_is_offered_back_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let before = edit_then_sigkill(dir.path());
    assert_eq!(
        profile(dir.path(), "default"),
        before,
        "the profile itself is untouched"
    );

    let mut tui = Tui::spawn(Spawn::new(dir.path()));
    tui.wait_for("Restore unsaved edits?");
    tui.wait_for("/agent_config/tts/speed");
    // Esc does not lose the draft: the question stays.
    tui.key("esc");
    tui.wait_for("Restore unsaved edits?");
    tui.key("r");
    tui.wait_until("offer closed", |s| !s.contains("Restore unsaved edits?"));
    tui.wait_for("● unsaved");
    tui.key("2");
    tui.wait_for("‹ fast ›");
    tui.key("ctrl-s");
    tui.wait_for("│ saved /");
    assert_eq!(
        profile(dir.path(), "default").pointer("/agent_config/tts/speed"),
        Some(&Value::from("fast"))
    );
    let start = Instant::now();
    while draft_path(dir.path(), "default").exists() {
        assert!(start.elapsed() < tui_harness::DEADLINE, "draft not removed");
        std::thread::sleep(Duration::from_millis(20));
    }
    tui.key("q");
    assert!(tui.wait_exit().success());

    // Nothing left to offer.
    let mut tui = Tui::start(dir.path());
    std::thread::sleep(Duration::from_millis(300));
    assert!(!tui.screen().contains("Restore unsaved edits?"));
    tui.key("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn discarding_the_offer_removes_the_draft_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let before = edit_then_sigkill(dir.path());

    let mut tui = Tui::spawn(Spawn::new(dir.path()));
    tui.wait_for("Restore unsaved edits?");
    tui.key("d");
    tui.wait_for("draft discarded");
    assert!(!draft_path(dir.path(), "default").exists());
    tui.key("2");
    tui.wait_for("‹ medium ›");
    tui.key("q");
    assert!(tui.wait_exit().success(), "clean: quits without asking");
    assert_eq!(profile(dir.path(), "default"), before);
}

#[test]
fn a_signal_flushes_an_edit_the_timer_has_not_written_yet() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = tempfile::tempdir().unwrap();
        let mut spec = Spawn::new(dir.path());
        // The timer would fire only after a minute: any draft is the signal's doing.
        spec.env = vec![("VOXTUNE_DRAFT_DELAY_MS", "60000")];
        let mut tui = Tui::spawn(spec);
        tui.wait_for("1 Agent");
        tui.bump_tts_speed();
        assert!(!draft_path(dir.path(), "default").exists());
        kill(&tui, signal);
        let status = tui.wait_exit();
        assert_eq!(status.exit_code(), code, "SIG{signal}: {status:?}");
        assert_restored(&tui.raw());
        let draft: Value =
            serde_json::from_slice(&std::fs::read(draft_path(dir.path(), "default")).unwrap())
                .unwrap_or_else(|e| panic!("SIG{signal}: no draft: {e}"));
        assert_eq!(
            draft.pointer("/value/agent_config/tts/speed"),
            Some(&Value::from("fast")),
            "SIG{signal}"
        );
        let mut tui = Tui::spawn(Spawn::new(dir.path()));
        tui.wait_for("Restore unsaved edits?");
        tui.key("q");
        assert!(tui.wait_exit().success());
        assert!(draft_path(dir.path(), "default").exists(), "q keeps it");
    }
}

#[test]
fn text_typed_in_the_prompt_editor_survives_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path());
    tui.open_prompt_editor();
    tui.send("ZEBRA-CROSSING");
    tui.wait_for("ZEBRA-CROSSING");
    wait_for_file(&draft_path(dir.path(), "default"));
    kill(&tui, "KILL");
    tui.wait_exit();

    let mut tui = Tui::spawn(Spawn::new(dir.path()));
    tui.wait_for("Restore unsaved edits?");
    tui.wait_for("/agent_config/llm/system_prompt");
    tui.key("r");
    tui.wait_for("● unsaved");
    tui.key("ctrl-s");
    tui.wait_for("│ saved /");
    let saved = profile(dir.path(), "default");
    let prompt = saved
        .pointer("/agent_config/llm/system_prompt")
        .and_then(Value::as_str)
        .unwrap();
    assert!(prompt.contains("ZEBRA-CROSSING"), "{prompt}");
    tui.key("q");
    assert!(tui.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn a_draft_holding_a_literal_secret_is_private_and_never_shown() {
    use std::os::unix::fs::PermissionsExt;
    const SENTINEL: &str = "sk-DRAFT-SENTINEL-7f3a";
    let dir = tempfile::tempdir().unwrap();
    // Start once so the default profile exists, then give it a literal key.
    let mut tui = Tui::start(dir.path());
    tui.key("q");
    assert!(tui.wait_exit().success());
    let path = dir.path().join("profiles/default.json");
    let mut doc = profile(dir.path(), "default");
    doc["agent_config"]["llm"]["model"]["api_key"] = Value::from(SENTINEL);
    std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();

    let mut spec = Spawn::new(dir.path());
    spec.env = vec![("VOXTUNE_LOG", "trace")];
    let mut tui = Tui::spawn(spec);
    tui.wait_for("1 Agent");
    tui.bump_tts_speed();
    let draft = draft_path(dir.path(), "default");
    wait_for_file(&draft);
    kill(&tui, "TERM");
    tui.wait_exit();
    let mode = std::fs::metadata(&draft).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a draft may hold a secret");
    let dir_mode = std::fs::metadata(draft.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700);
    assert!(std::fs::read_to_string(&draft).unwrap().contains(SENTINEL));
    let output = String::from_utf8_lossy(&tui.raw()).to_string();
    assert!(
        !output.contains(SENTINEL),
        "the secret reached the terminal"
    );
    let log = std::fs::read_to_string(dir.path().join("data/voxtune.log")).unwrap();
    assert!(!log.contains(SENTINEL), "the secret reached the log");
}
