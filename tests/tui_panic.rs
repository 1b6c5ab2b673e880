//! A panic restores the terminal first, then prints its message and where the log is,
//! and the unsaved edit is kept in a draft (written by the panic hook: the draft timer
//! is set a minute out). `VOXTUNE_TEST_PANIC` makes F12 panic inside the event loop.

mod tui_harness;

use serde_json::Value;
use tui_harness::{Spawn, Tui, assert_restored, rfind};

#[test]
fn a_panic_restores_the_terminal_then_speaks_and_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut spec = Spawn::new(dir.path());
    spec.env = vec![
        ("VOXTUNE_TEST_PANIC", "1"),
        ("VOXTUNE_DRAFT_DELAY_MS", "60000"),
    ];
    let mut tui = Tui::spawn(spec);
    tui.wait_for("1 Agent");
    tui.key("2");
    tui.wait_for("‹ medium ›");
    for _ in 0..5 {
        tui.key("down");
    }
    tui.key("right");
    tui.wait_for("‹ fast ›");
    let draft = dir.path().join("data/drafts/default.json");
    assert!(!draft.exists());
    tui.send("\x1b[24~"); // F12
    let status = tui.wait_exit();
    assert_eq!(status.exit_code(), 101, "{status:?}");
    let raw = tui.raw();
    assert_restored(&raw);
    let left_screen = rfind(&raw, b"\x1b[?1049l").unwrap();
    let message = rfind(&raw, b"F12 pressed").expect("the panic message is printed");
    assert!(
        left_screen < message,
        "the message came before the terminal was restored"
    );
    let log = dir.path().join("data/voxtune.log");
    let said = format!("voxtune crashed; the log is at {}", log.display());
    assert!(
        rfind(&raw, said.as_bytes()).is_some_and(|at| at > left_screen),
        "{}",
        String::from_utf8_lossy(&raw[left_screen..])
    );
    let kept: Value = serde_json::from_slice(&std::fs::read(&draft).unwrap()).unwrap();
    assert_eq!(
        kept.pointer("/value/agent_config/tts/speed"),
        Some(&Value::from("fast"))
    );

    let mut tui = Tui::spawn(Spawn::new(dir.path()));
    tui.wait_for("Restore unsaved edits?");
    tui.key("r");
    tui.key("2");
    tui.wait_for("‹ fast ›");
}
