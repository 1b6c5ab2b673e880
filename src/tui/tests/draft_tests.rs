//! Drafts from the editor's side: when a draft is written and removed (`DraftSync`
//! observing the App), and the offer to restore one when its profile is opened.

use super::support::Harness;
use crate::drafts::{Draft, DraftStore};
use crate::tui::draft_sync::{DraftSync, snapshot};
use crate::tui::msg::Effect;
use crate::tui::popup::Popup;
use crate::tui::prompt::Prompt;
use crossterm::event::KeyCode;
use serde_json::json;

const SPEED: &str = "/agent_config/tts/speed";
const PROMPT: &str = "/agent_config/llm/system_prompt";

fn drafts(h: &Harness) -> DraftStore {
    DraftStore::new(&h.app.paths.data)
}

/// A harness whose drafts are kept in step, as the event loop does, after its first look.
fn watched() -> (Harness, DraftSync) {
    let h = Harness::new();
    let mut sync = DraftSync::new(&h.app.paths.data);
    sync.observe(&h.app);
    (h, sync)
}

fn draft_of(h: &Harness) -> Option<Draft> {
    drafts(h).load(&h.app.profile.name).unwrap()
}

#[test]
fn an_edit_arms_one_timer_and_the_flush_writes_it() {
    let (mut h, mut sync) = watched();
    assert_eq!(sync.deadline(), None, "nothing pending: no timer");
    h.focus(SPEED);
    sync.observe(&h.app);
    assert_eq!(sync.deadline(), None, "moving around is not an edit");
    h.key(KeyCode::Right);
    sync.observe(&h.app);
    assert!(sync.deadline().is_some(), "an edit arms the timer");
    assert!(draft_of(&h).is_none(), "not written before the timer fires");
    sync.shared().flush();
    let draft = draft_of(&h).expect("a draft");
    assert_eq!(draft.value.pointer(SPEED), Some(&json!("fast")));
    assert_eq!(draft.base_fingerprint, h.app.profile.fingerprint);
}

#[test]
fn saving_discarding_and_undoing_remove_the_draft() {
    // Save.
    let (mut h, mut sync) = watched();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    sync.observe(&h.app);
    sync.shared().flush();
    assert!(draft_of(&h).is_some());
    h.ctrl('s');
    sync.observe(&h.app);
    assert!(draft_of(&h).is_none(), "saved: draft removed");

    // Discard on quit.
    h.key(KeyCode::Right);
    sync.observe(&h.app);
    sync.shared().flush();
    assert!(draft_of(&h).is_some());
    h.key(KeyCode::Char('q'));
    let effects = h.key(KeyCode::Char('d'));
    assert!(effects.contains(&Effect::Quit));
    sync.finish(&h.app);
    assert!(draft_of(&h).is_none(), "discarded: draft removed");

    // Undo back to the file, before the timer fired: nothing is written later either.
    let (mut h, mut sync) = watched();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    sync.observe(&h.app);
    h.ctrl('z');
    sync.observe(&h.app);
    sync.shared().flush();
    assert!(draft_of(&h).is_none(), "undone: no draft");
    assert_eq!(sync.deadline(), None);
}

#[test]
fn text_being_typed_is_in_the_draft_before_it_is_applied() {
    let (mut h, mut sync) = watched();
    h.focus(PROMPT);
    h.key(KeyCode::Enter);
    assert!(h.app.editor.is_some());
    h.chars(" Keep it short.");
    assert!(!h.app.is_dirty(), "still only in the editor");
    sync.observe(&h.app);
    sync.shared().flush();
    let draft = draft_of(&h).expect("a draft while typing");
    let prompt = draft.value.pointer(PROMPT).unwrap().as_str().unwrap();
    assert!(prompt.contains(" Keep it short."), "{prompt}");
    assert!(snapshot(&h.app).value == draft.value);
}

#[test]
fn the_prompt_editor_is_observed_key_by_key_without_losing_a_change() {
    let (mut h, mut sync) = watched();
    h.focus(PROMPT);
    h.key(KeyCode::Enter);
    // A cursor move over the document's own text is not an edit.
    h.key(KeyCode::Right);
    sync.observe(&h.app);
    assert_eq!(sync.deadline(), None, "moving in the editor is not an edit");
    h.chars("ab");
    sync.observe(&h.app);
    sync.shared().flush();
    let typed = draft_of(&h).expect("a draft while typing");
    assert!(
        typed
            .value
            .pointer(PROMPT)
            .unwrap()
            .as_str()
            .unwrap()
            .contains("ab")
    );
    // Moving the cursor after typing keeps the same text: nothing new is pending.
    h.key(KeyCode::Left);
    sync.observe(&h.app);
    h.key(KeyCode::Right);
    sync.observe(&h.app);
    drafts(&h).remove(&h.app.profile.name).unwrap();
    sync.shared().flush();
    assert!(
        draft_of(&h).is_none(),
        "no change since the flush: nothing pending"
    );
    // Another character after the moves is seen, and is in the next snapshot.
    h.chars("c");
    sync.observe(&h.app);
    sync.shared().flush();
    let text = draft_of(&h).unwrap().value.pointer(PROMPT).unwrap().clone();
    assert!(text.as_str().unwrap().contains("abc"), "{text}");
    assert_eq!(snapshot(&h.app).value, draft_of(&h).unwrap().value);
    // Deleting back to the document's text is no longer unsaved work.
    for _ in 0..3 {
        h.key(KeyCode::Backspace);
        sync.observe(&h.app);
    }
    assert!(!h.app.is_dirty());
    assert!(
        draft_of(&h).is_none(),
        "back to the document: draft removed"
    );
}

#[test]
fn leaving_the_editor_with_esc_keeps_the_draft_current() {
    let (mut h, mut sync) = watched();
    h.focus(PROMPT);
    h.key(KeyCode::Enter);
    h.chars("X");
    sync.observe(&h.app);
    h.key(KeyCode::Esc);
    sync.observe(&h.app);
    sync.shared().flush();
    let draft = draft_of(&h).unwrap();
    assert!(
        draft
            .value
            .pointer(PROMPT)
            .unwrap()
            .as_str()
            .unwrap()
            .contains('X')
    );
}

/// A draft on disk for `default` with Speed changed, as a killed run leaves it.
fn leave_draft(h: &Harness) -> Draft {
    let mut value = h.app.doc.value().clone();
    value["agent_config"]["tts"]["speed"] = json!("x-slow");
    let draft = Draft::new("default", h.app.profile.fingerprint, value, 1_799_999_880);
    drafts(h).write(&draft).unwrap();
    draft
}

fn offer_on_top(h: &Harness) -> bool {
    matches!(h.app.popups.last(), Some(Popup::Prompt(Prompt::Draft(_))))
}

#[test]
fn opening_a_profile_with_a_draft_offers_it_and_restore_brings_the_edits_back() {
    let mut h = Harness::new();
    leave_draft(&h);
    h.app.open_profile("default");
    assert!(offer_on_top(&h));
    let Some(Popup::Prompt(Prompt::Draft(offer))) = h.app.popups.last() else {
        unreachable!()
    };
    assert_eq!(offer.changed, vec![SPEED.to_string()]);
    // Keys other than the answers keep the question (the draft is never lost by Esc).
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('x'));
    assert!(offer_on_top(&h));
    assert_eq!(h.value(SPEED), Some(json!("medium")));
    h.key(KeyCode::Char('r'));
    assert!(h.app.popups.is_empty());
    assert_eq!(h.value(SPEED), Some(json!("x-slow")));
    assert!(h.app.is_dirty(), "restored edits are unsaved");
    assert!(draft_of(&h).is_some(), "the draft stays until saved");
    h.ctrl('s');
    assert!(!h.app.is_dirty());
    let on_disk: serde_json::Value =
        serde_json::from_slice(&std::fs::read(h.dir.path().join("profiles/default.json")).unwrap())
            .unwrap();
    assert_eq!(on_disk.pointer(SPEED), Some(&json!("x-slow")));
}

#[test]
fn discard_removes_the_draft_and_quit_keeps_it_for_next_time() {
    let mut h = Harness::new();
    leave_draft(&h);
    h.app.open_profile("default");
    let effects = h.key(KeyCode::Char('q'));
    assert!(effects.contains(&Effect::Quit));
    assert!(draft_of(&h).is_some(), "quit: decide next time");

    let mut h = Harness::new();
    leave_draft(&h);
    h.app.open_profile("default");
    h.key(KeyCode::Char('d'));
    assert!(h.app.popups.is_empty());
    assert!(draft_of(&h).is_none());
    assert_eq!(h.value(SPEED), Some(json!("medium")));
    assert!(!h.app.is_dirty());
}

#[test]
fn a_restored_draft_over_a_file_changed_since_asks_before_saving() {
    let mut h = Harness::new();
    leave_draft(&h);
    let path = h.dir.path().join("profiles/default.json");
    let mut theirs: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    theirs["platform"] = json!("theirs");
    std::fs::write(&path, serde_json::to_vec_pretty(&theirs).unwrap()).unwrap();
    h.app.open_profile("default");
    h.key(KeyCode::Char('r'));
    h.ctrl('s');
    assert!(
        matches!(
            h.app.popups.last(),
            Some(Popup::Prompt(Prompt::Conflict { .. }))
        ),
        "the file changed after the draft was taken"
    );
    assert!(std::fs::read_to_string(&path).unwrap().contains("theirs"));
}

#[test]
fn a_draft_equal_to_the_file_is_dropped_without_asking() {
    let mut h = Harness::new();
    let draft = Draft::new(
        "default",
        h.app.profile.fingerprint,
        h.app.doc.value().clone(),
        0,
    );
    drafts(&h).write(&draft).unwrap();
    h.app.open_profile("default");
    assert!(!offer_on_top(&h));
    assert!(draft_of(&h).is_none());
}

#[test]
fn the_offer_shows_fields_not_values() {
    let mut h = Harness::new();
    let mut value = h.app.doc.value().clone();
    value["agent_config"]["llm"]["model"]["api_key"] = json!("sk-DRAFT-SENTINEL");
    drafts(&h)
        .write(&Draft::new("default", h.app.profile.fingerprint, value, 0))
        .unwrap();
    h.app.open_profile("default");
    let backend = ratatui::backend::TestBackend::new(100, 30);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|f| crate::tui::view::draw(&h.app, f))
        .unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("Restore unsaved edits?"), "{screen}");
    assert!(
        screen.contains("r restore"),
        "the hints say how to answer: {screen}"
    );
    assert!(
        !screen.contains("cancel"),
        "Esc does not dismiss it: {screen}"
    );
    assert!(screen.contains("/agent_config/llm/model/api_key"));
    assert!(!screen.contains("SENTINEL"));
}

#[test]
fn drafts_of_other_profiles_are_named_at_start() {
    let h = Harness::new();
    let value = h.app.doc.value().clone();
    assert_eq!(
        crate::tui::draft_offer::other_drafts_notice(&h.app.paths.data, "default"),
        None
    );
    drafts(&h)
        .write(&Draft::new("default", None, value.clone(), 0))
        .unwrap();
    drafts(&h)
        .write(&Draft::new("phone", None, value, 0))
        .unwrap();
    let notice =
        crate::tui::draft_offer::other_drafts_notice(&h.app.paths.data, "default").unwrap();
    assert!(notice.contains("`phone`"), "{notice}");
    assert!(
        !notice.contains("`default`"),
        "the one opened is offered, not listed"
    );
}
