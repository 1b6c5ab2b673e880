//! No silent clobbering from the editor: a profile changed on disk since it was loaded
//! (another editor, `git pull`) is not overwritten by Ctrl-S; the user is asked to
//! overwrite, reload or save under a new name. The real binary in a PTY.

mod tui_harness;

use serde_json::Value;
use std::path::Path;
use tui_harness::Tui;

fn read(dir: &Path, name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join(format!("profiles/{name}.json"))).unwrap())
        .unwrap()
}

/// Starts the editor, changes Speed (medium → fast), then rewrites the file behind
/// its back with another platform.
fn edited_then_changed_on_disk(dir: &Path) -> Tui {
    let mut tui = Tui::start(dir);
    tui.bump_tts_speed();
    let mut theirs = read(dir, "default");
    theirs["platform"] = Value::from("theirs");
    std::fs::write(
        dir.join("profiles/default.json"),
        serde_json::to_vec_pretty(&theirs).unwrap(),
    )
    .unwrap();
    tui.key("ctrl-s");
    tui.wait_for("Changed on disk");
    assert_eq!(
        read(dir, "default")["platform"],
        "theirs",
        "not overwritten before the user answers"
    );
    tui
}

#[test]
fn ctrl_s_over_a_changed_file_asks_and_each_answer_does_what_it_says() {
    // Save as a new name: theirs stays, ours goes to `mine`.
    let dir = tempfile::tempdir().unwrap();
    let mut tui = edited_then_changed_on_disk(dir.path());
    tui.key("n");
    tui.wait_for("Save as a new profile");
    for _ in 0..12 {
        tui.key("backspace");
    }
    tui.send("mine");
    tui.key("enter");
    tui.wait_for("profile mine");
    assert_eq!(read(dir.path(), "default")["platform"], "theirs");
    assert_eq!(
        read(dir.path(), "mine").pointer("/agent_config/tts/speed"),
        Some(&Value::from("fast"))
    );
    tui.key("q");
    assert!(tui.wait_exit().success());

    // Reload: theirs comes in, ours is dropped.
    let dir = tempfile::tempdir().unwrap();
    let mut tui = edited_then_changed_on_disk(dir.path());
    tui.key("r");
    tui.wait_for("reloaded `default` from disk");
    tui.wait_for("‹ medium ›");
    tui.wait_until("clean", |s| !s.contains("● unsaved"));
    assert_eq!(read(dir.path(), "default")["platform"], "theirs");
    tui.key("q");
    assert!(tui.wait_exit().success());

    // Overwrite: ours replaces theirs, because the user said so.
    let dir = tempfile::tempdir().unwrap();
    let mut tui = edited_then_changed_on_disk(dir.path());
    tui.key("o");
    tui.wait_for("│ saved /");
    let ours = read(dir.path(), "default");
    assert_ne!(ours["platform"], "theirs");
    assert_eq!(
        ours.pointer("/agent_config/tts/speed"),
        Some(&Value::from("fast"))
    );
    tui.key("q");
    assert!(tui.wait_exit().success());

    // Cancel: nothing written, the edits still on screen.
    let dir = tempfile::tempdir().unwrap();
    let mut tui = edited_then_changed_on_disk(dir.path());
    tui.key("esc");
    tui.wait_for("not saved: your edits are still here");
    tui.wait_for("● unsaved");
    assert_eq!(read(dir.path(), "default")["platform"], "theirs");
}
