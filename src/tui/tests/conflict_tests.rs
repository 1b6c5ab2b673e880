//! Saving from the unsaved-changes question into a file changed on disk: the conflict
//! question takes over, and once it is answered what the user was doing goes on.

use super::support::*;
use crate::tui::msg::Effect;
use crate::tui::popup::Popup;
use crate::tui::prompt::{Pending, Prompt};
use crossterm::event::KeyCode;
use serde_json::Value;

const SPEED: &str = "/agent_config/tts/speed";

/// An edit, the file changed behind our back, then Ctrl-C and "save".
fn quit_into_a_conflict() -> Harness {
    let mut h = Harness::new();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    std::fs::write(profile(&h, "default"), "{\"platform\": \"theirs\"}\n").unwrap();
    h.ctrl('c');
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::Prompt(Prompt::Unsaved(Pending::Quit)))
    ));
    h.key(KeyCode::Char('s'));
    assert!(
        matches!(
            h.app.popups.last(),
            Some(Popup::Prompt(Prompt::Conflict {
                then: Some(Pending::Quit)
            }))
        ),
        "the conflict question, carrying the quit"
    );
    assert!(!h.app.should_quit);
    h
}

fn profile(h: &Harness, name: &str) -> std::path::PathBuf {
    h.dir.path().join(format!("profiles/{name}.json"))
}

fn speed_on_disk(h: &Harness, name: &str) -> Option<Value> {
    let text = std::fs::read_to_string(profile(h, name)).ok()?;
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc.pointer(SPEED).cloned()
}

#[test]
fn overwrite_saves_then_quits() {
    let mut h = quit_into_a_conflict();
    let edited = h.value(SPEED);
    let effects = h.key(KeyCode::Char('o'));
    assert_eq!(speed_on_disk(&h, "default"), edited);
    assert!(h.app.should_quit && effects.contains(&Effect::Quit));
}

#[test]
fn save_as_a_new_name_then_quits() {
    let mut h = quit_into_a_conflict();
    let edited = h.value(SPEED);
    h.key(KeyCode::Char('n'));
    h.chars("x");
    let effects = h.key(KeyCode::Enter);
    assert_eq!(speed_on_disk(&h, "default-2x"), edited);
    assert!(h.app.should_quit && effects.contains(&Effect::Quit));
}

#[test]
fn a_refused_new_name_keeps_asking_and_does_not_quit() {
    let mut h = quit_into_a_conflict();
    h.key(KeyCode::Char('n'));
    for _ in 0.."default-2".len() {
        h.key(KeyCode::Backspace);
    }
    h.chars("default");
    h.key(KeyCode::Enter);
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::Prompt(Prompt::SaveAs { error: Some(_), .. }))
    ));
    assert!(!h.app.should_quit && h.app.is_dirty());
    // Esc goes back to the conflict question, which still carries the quit.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('o'));
    assert!(h.app.should_quit);
}

#[test]
fn cancel_keeps_the_edits_and_does_not_quit() {
    let mut h = quit_into_a_conflict();
    h.key(KeyCode::Char('c'));
    assert!(!h.app.should_quit && h.app.is_dirty());
    assert!(h.app.popups.is_empty());
    assert_eq!(
        std::fs::read_to_string(profile(&h, "default")).unwrap(),
        "{\"platform\": \"theirs\"}\n"
    );
}

#[test]
fn reload_then_opens_the_profile_asked_for() {
    let mut h = Harness::new();
    let theirs = std::fs::read_to_string(profile(&h, "default")).unwrap();
    std::fs::write(profile(&h, "other"), &theirs).unwrap();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    std::fs::write(profile(&h, "default"), theirs.replace("sess-1", "sess-2")).unwrap();
    let open_other = Prompt::Unsaved(Pending::Open("other".into()));
    h.app.popups.push(Popup::Prompt(open_other));
    h.key(KeyCode::Char('s'));
    h.key(KeyCode::Char('r'));
    assert_eq!(h.app.profile.name, "other");
    assert!(!h.app.is_dirty() && h.app.popups.is_empty());
}
