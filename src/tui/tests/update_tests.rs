//! `update` driven like a user drives it, one interaction per test; no terminal.

use super::support::*;
use crate::tui::editing::Editor;
use crate::tui::msg::{Effect, MintFailure, Msg, TokenInfo};
use crate::tui::popup::Popup;
use crate::tui::prompt::Prompt;
use crossterm::event::KeyCode;
use serde_json::{Value, json};

const SPEED: &str = "/agent_config/tts/speed";
const TEMP: &str = "/agent_config/llm/temperature";
const MAX_TOKENS: &str = "/agent_config/llm/max_tokens";
const PROMPT: &str = "/agent_config/llm/system_prompt";
const META: &str = "/agent_config/llm/metadata";
const KEY: &str = "/agent_config/llm/model/api_key";
const PUNCTUATE: &str = "/agent_config/stt/punctuate";
const NAME: &str = "/agent_config/agent/full_name";

#[test]
fn tabs_switch_by_tab_shift_tab_and_number() {
    let mut h = Harness::new();
    h.key(KeyCode::Tab);
    assert_eq!(h.app.tab, 1);
    h.shift(KeyCode::BackTab);
    h.shift(KeyCode::BackTab);
    assert_eq!(h.app.tab, 6, "wraps to the last tab");
    h.key(KeyCode::Char('4'));
    assert_eq!(h.app.tab, 3);
    h.key(KeyCode::Char('9'));
    assert_eq!(h.app.tab, 3, "no tab 9: nothing happens");
}

#[test]
fn focus_moves_and_stops_at_the_ends() {
    let mut h = Harness::new();
    h.key(KeyCode::Up);
    assert_eq!(h.app.cursor[0], 0);
    h.key(KeyCode::Down);
    h.key(KeyCode::Char('j'));
    assert_eq!(h.app.cursor[0], 2);
    for _ in 0..20 {
        h.key(KeyCode::Down);
    }
    assert_eq!(h.app.cursor[0], h.app.tab_fields(0).len() - 1);
}

#[test]
fn enum_cycles_with_arrows_and_picks_from_a_filtered_list() {
    let mut h = Harness::new();
    h.focus(SPEED);
    assert_eq!(h.value(SPEED), Some(json!("medium")));
    h.key(KeyCode::Right);
    assert_eq!(h.value(SPEED), Some(json!("fast")));
    h.key(KeyCode::Char('h'));
    h.key(KeyCode::Left);
    assert_eq!(h.value(SPEED), Some(json!("slow")));
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.popups.last(), Some(Popup::Picker(_))));
    h.chars("x-f");
    let Some(Popup::Picker(p)) = h.app.popups.last() else {
        panic!()
    };
    assert_eq!(p.visible().len(), 1);
    h.key(KeyCode::Enter);
    assert!(h.app.popups.is_empty());
    assert_eq!(h.value(SPEED), Some(json!("x-fast")));
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    assert!(h.app.popups.is_empty());
    assert_eq!(h.value(SPEED), Some(json!("x-fast")), "Esc picks nothing");
}

#[test]
fn slider_steps_shift_tens_and_clamps() {
    let mut h = Harness::new();
    h.focus(TEMP);
    h.key(KeyCode::Right);
    assert_eq!(h.value(TEMP), Some(json!(0.55)));
    h.shift(KeyCode::Right);
    assert_eq!(h.value(TEMP), Some(json!(1.05)));
    h.key(KeyCode::Char('H'));
    assert_eq!(h.value(TEMP), Some(json!(0.55)));
    for _ in 0..5 {
        h.key(KeyCode::Char('L'));
    }
    assert_eq!(h.value(TEMP), Some(json!(2.0)), "clamped at the maximum");
    h.focus(MAX_TOKENS);
    h.key(KeyCode::Left);
    assert_eq!(
        h.value(MAX_TOKENS),
        Some(json!(119)),
        "integers stay integers"
    );
}

#[test]
fn slider_takes_a_typed_value_and_refuses_a_non_number() {
    let mut h = Harness::new();
    h.focus(TEMP);
    h.key(KeyCode::Enter);
    for _ in 0..5 {
        h.key(KeyCode::Backspace);
    }
    h.chars("1.25");
    h.key(KeyCode::Enter);
    assert!(h.app.editor.is_none());
    assert_eq!(h.value(TEMP), Some(json!(1.25)));

    h.key(KeyCode::Enter);
    h.chars("abc");
    h.key(KeyCode::Enter);
    let Some(Editor::Line { error: Some(e), .. }) = &h.app.editor else {
        panic!("a bad number keeps the editor open with a message")
    };
    assert!(e.contains("is not a number"), "{e}");
    assert_eq!(h.value(TEMP), Some(json!(1.25)), "old value kept");
    h.key(KeyCode::Esc);
    assert!(h.app.editor.is_none());
    assert_eq!(h.value(TEMP), Some(json!(1.25)));

    h.focus(MAX_TOKENS);
    h.key(KeyCode::Enter);
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.chars("2.5");
    h.key(KeyCode::Enter);
    assert!(h.app.editor.is_some(), "an integer field refuses 2.5");
    assert_eq!(h.value(MAX_TOKENS), Some(json!(120)));
}

#[test]
fn out_of_range_typed_value_is_kept_and_flagged() {
    let mut h = Harness::new();
    h.focus(TEMP);
    h.key(KeyCode::Enter);
    for _ in 0..5 {
        h.key(KeyCode::Backspace);
    }
    h.chars("7");
    h.key(KeyCode::Enter);
    assert_eq!(h.value(TEMP), Some(json!(7.0)));
    assert_eq!(h.app.problems(TEMP).len(), 1);
    assert!(h.app.tab_has_errors(3));
    assert_eq!(h.app.error_count(), 1);
}

#[test]
fn toggle_flips_with_space_enter_and_arrows() {
    let mut h = Harness::new();
    h.focus(PUNCTUATE);
    assert_eq!(h.value(PUNCTUATE), Some(json!(true)));
    h.key(KeyCode::Char(' '));
    assert_eq!(h.value(PUNCTUATE), Some(json!(false)));
    h.key(KeyCode::Enter);
    assert_eq!(h.value(PUNCTUATE), Some(json!(true)));
    h.key(KeyCode::Right);
    assert_eq!(h.value(PUNCTUATE), Some(json!(false)));
}

#[test]
fn single_line_text_edits_and_applies_on_enter_or_esc() {
    let mut h = Harness::new();
    h.focus(NAME);
    h.key(KeyCode::Enter);
    h.chars("ia");
    h.key(KeyCode::Enter);
    assert_eq!(h.value(NAME), Some(json!("Novaia")));
    h.key(KeyCode::Enter);
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Esc);
    assert_eq!(
        h.value(NAME),
        Some(json!("Novai")),
        "Esc keeps what was typed"
    );
    assert!(h.app.is_dirty());
}

#[test]
fn q_and_keys_inside_an_editor_are_text() {
    let mut h = Harness::new();
    h.focus(NAME);
    h.key(KeyCode::Enter);
    h.chars("q?j1");
    assert!(!h.app.should_quit);
    assert!(h.app.popups.is_empty());
    h.key(KeyCode::Enter);
    assert_eq!(h.value(NAME), Some(json!("Novaq?j1")));
}

#[test]
fn multiline_editor_has_its_own_undo_and_applies_on_esc() {
    let mut h = Harness::new();
    h.focus(PROMPT);
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.editor, Some(Editor::Multi { .. })));
    h.chars("Hi");
    h.key(KeyCode::Enter);
    h.chars("there");
    h.ctrl('z');
    let Some(editor) = &h.app.editor else {
        panic!()
    };
    let text = editor.area().lines().join("\n");
    assert!(
        !text.contains("there"),
        "Ctrl-Z undid typing inside the editor: {text:?}"
    );
    h.ctrl('y');
    h.key(KeyCode::Esc);
    let v = h.value(PROMPT).unwrap();
    assert!(v.as_str().unwrap().starts_with("Hi\nthere"), "{v}");
    h.ctrl('z');
    assert!(
        h.value(PROMPT)
            .unwrap()
            .as_str()
            .unwrap()
            .starts_with("The following")
    );
}

#[test]
fn secret_is_masked_until_revealed_and_references_say_if_set() {
    use crate::tui::widgets::value_spans;
    let mut h = Harness::new();
    h.focus(KEY);
    h.app.set_value(KEY, Some(json!("sk-live-supersecret")));
    let field = h.app.focused().unwrap().clone();
    let text = |h: &Harness| {
        value_spans(
            &field,
            h.app.value(KEY),
            h.app.revealed.contains(KEY),
            60,
            &h.app.theme,
        )
        .iter()
        .map(|s| s.content.to_string())
        .collect::<String>()
    };
    assert!(!text(&h).contains("supersecret"));
    assert!(text(&h).contains('•'));
    h.key(KeyCode::Char('r'));
    assert!(text(&h).contains("sk-live-supersecret"));
    h.key(KeyCode::Char('r'));
    assert!(!text(&h).contains("supersecret"));
    h.app
        .set_value(KEY, Some(json!("${VOXTUNE_TEST_SURELY_UNSET_VAR}")));
    assert!(text(&h).contains("is not set"), "{}", text(&h));
    h.app.set_value(KEY, Some(json!("${PATH}")));
    assert!(text(&h).contains("PATH is set"));
    // Editing an unrevealed literal secret masks the text area too.
    h.app.set_value(KEY, Some(json!("sk-live-supersecret")));
    h.key(KeyCode::Enter);
    assert_eq!(h.app.editor.as_ref().unwrap().area().mask_char(), Some('•'));
}

#[test]
fn json_editor_keeps_invalid_json_with_position_and_never_half_applies() {
    let mut h = Harness::new();
    h.focus(META);
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.editor, Some(Editor::Json { .. })));
    // "{}" → "{x}": invalid.
    h.key(KeyCode::Right);
    h.chars("x");
    let Some(Editor::Json { error: Some(e), .. }) = &h.app.editor else {
        panic!("live error")
    };
    assert!(e.starts_with("line 1, column 2"), "{e}");
    h.key(KeyCode::Esc);
    assert!(
        h.app.editor.is_some(),
        "first Esc keeps the invalid JSON in the editor"
    );
    assert_eq!(h.value(META), Some(json!({})));
    h.key(KeyCode::Esc);
    assert!(h.app.editor.is_none(), "second Esc discards it");
    assert_eq!(h.value(META), Some(json!({})));

    h.key(KeyCode::Enter);
    h.key(KeyCode::Right);
    h.chars("\"seed\": 7");
    h.key(KeyCode::Esc);
    assert_eq!(h.value(META), Some(json!({"seed": 7})));

    h.key(KeyCode::Enter);
    h.ctrl('a');
    for _ in 0..40 {
        h.key(KeyCode::Delete);
    }
    h.chars("[1]");
    h.key(KeyCode::Esc);
    assert!(h.app.editor.is_some(), "an array is not an object");
    assert_eq!(h.value(META), Some(json!({"seed": 7})));
}

#[test]
fn undo_and_redo_across_fields_follow_focus() {
    let mut h = Harness::new();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    h.focus(TEMP);
    h.key(KeyCode::Right);
    h.ctrl('z');
    assert_eq!(h.value(TEMP), Some(json!(0.5)));
    h.ctrl('z');
    assert_eq!(h.value(SPEED), Some(json!("medium")));
    assert_eq!(
        h.app.focused_pointer().as_deref(),
        Some(SPEED),
        "focus follows the undo"
    );
    assert!(!h.app.is_dirty());
    h.ctrl('y');
    assert_eq!(h.value(SPEED), Some(json!("fast")));
    assert!(h.app.is_dirty());
}

#[test]
fn save_writes_the_file_and_clears_the_marker() {
    let mut h = Harness::new();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    h.ctrl('s');
    assert!(!h.app.is_dirty());
    let path = h.dir.path().join("profiles/default.json");
    let saved: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(saved.pointer(SPEED), Some(&json!("fast")));
}

#[test]
fn save_over_a_file_changed_on_disk_asks() {
    let path = |h: &Harness| h.dir.path().join("profiles/default.json");
    let mut h = Harness::new();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    std::fs::write(path(&h), "{\"platform\": \"theirs\"}\n").unwrap();
    h.ctrl('s');
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::Prompt(Prompt::Conflict { .. }))
    ));
    assert!(h.app.is_dirty());
    assert!(
        std::fs::read_to_string(path(&h))
            .unwrap()
            .contains("theirs"),
        "not overwritten"
    );

    // Save as a new name.
    h.key(KeyCode::Char('n'));
    for _ in 0..12 {
        h.key(KeyCode::Backspace);
    }
    h.chars("mine");
    h.key(KeyCode::Enter);
    assert!(h.app.popups.is_empty());
    assert_eq!(h.app.profile.name, "mine");
    assert!(h.dir.path().join("profiles/mine.json").exists());

    // Reload.
    let mut h = Harness::new();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    std::fs::write(path(&h), "{\"platform\": \"theirs\"}\n").unwrap();
    h.ctrl('s');
    h.key(KeyCode::Char('r'));
    assert_eq!(h.value("/platform"), Some(json!("theirs")));
    assert!(!h.app.is_dirty());

    // Overwrite.
    let mut h = Harness::new();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    std::fs::write(path(&h), "{\"platform\": \"theirs\"}\n").unwrap();
    h.ctrl('s');
    h.key(KeyCode::Char('o'));
    assert!(
        std::fs::read_to_string(path(&h))
            .unwrap()
            .contains("\"fast\"")
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_save_discard_cancel() {
    let mut h = Harness::new();
    assert_eq!(
        h.key(KeyCode::Char('q')),
        vec![Effect::Quit],
        "clean: quits at once"
    );

    let mut h = Harness::new();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    assert!(h.key(KeyCode::Char('q')).is_empty());
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::Prompt(Prompt::Unsaved(_)))
    ));
    h.key(KeyCode::Char('c'));
    assert!(!h.app.should_quit && h.app.popups.is_empty());

    h.ctrl('c');
    assert_eq!(h.key(KeyCode::Char('d')), vec![Effect::Quit]);
    let on_disk = std::fs::read_to_string(h.dir.path().join("profiles/default.json")).unwrap();
    assert!(
        on_disk.contains("\"medium\""),
        "discard leaves the file alone"
    );

    let mut h = Harness::new();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    h.key(KeyCode::Char('q'));
    assert_eq!(h.key(KeyCode::Char('s')), vec![Effect::Quit]);
    let on_disk = std::fs::read_to_string(h.dir.path().join("profiles/default.json")).unwrap();
    assert!(on_disk.contains("\"fast\""), "save then quit");
}

fn open_profiles(h: &mut Harness) -> &crate::tui::profiles_popup::ProfilesPopup {
    h.ctrl('p');
    match h.app.popups.last() {
        Some(Popup::Profiles(p)) => p,
        other => panic!("{other:?}"),
    }
}

#[test]
fn profiles_popup_lists_user_and_project_profiles() {
    let mut h = Harness::new();
    let project = h.dir.path().join("proj/.voxtune/profiles");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(project.join("team.json"), "{}").unwrap();
    h.app.store = crate::profiles::Store::new(h.app.paths.profiles(), &h.dir.path().join("proj"));
    let p = open_profiles(&mut h);
    let names: Vec<_> = p
        .entries
        .iter()
        .map(|e| (e.name.as_str(), e.origin))
        .collect();
    assert_eq!(
        names,
        [
            ("default", crate::profiles::Origin::User),
            ("team", crate::profiles::Origin::Project)
        ]
    );
}

#[test]
fn profiles_new_open_duplicate_rename_delete() {
    let mut h = Harness::new();
    open_profiles(&mut h);
    // New blank profile, opened at once.
    h.key(KeyCode::Char('n'));
    h.chars("blank");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.profile.name, "blank");
    assert!(h.app.popups.is_empty());
    let state = crate::state::State::load(&h.app.paths.state());
    assert_eq!(
        state.last_profile.as_deref(),
        Some("blank"),
        "recorded as last used"
    );

    // From a preset.
    open_profiles(&mut h);
    h.key(KeyCode::Char('p'));
    h.key(KeyCode::Enter); // phone
    for _ in 0..5 {
        h.key(KeyCode::Backspace);
    }
    h.chars("callcenter");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.profile.name, "callcenter");
    assert_eq!(h.value("/agent_config/vad/sample_rate"), Some(json!(8000)));

    // Duplicate the selected (current) one.
    open_profiles(&mut h);
    h.key(KeyCode::Char('c'));
    h.key(KeyCode::Enter);
    assert!(h.app.store.exists("callcenter-copy"));

    // Rename the current one: the editor follows.
    let Some(Popup::Profiles(p)) = h.app.popups.last_mut() else {
        panic!()
    };
    p.selected = p
        .entries
        .iter()
        .position(|e| e.name == "callcenter")
        .unwrap();
    h.key(KeyCode::Char('r'));
    h.chars("2");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.profile.name, "callcenter2");
    assert!(h.app.store.exists("callcenter2") && !h.app.store.exists("callcenter"));

    // Delete asks; anything but y keeps it.
    let Some(Popup::Profiles(p)) = h.app.popups.last_mut() else {
        panic!()
    };
    p.selected = p.entries.iter().position(|e| e.name == "blank").unwrap();
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char('n'));
    assert!(h.app.store.exists("blank"));
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char('y'));
    assert!(!h.app.store.exists("blank"));

    // Open another profile.
    let Some(Popup::Profiles(p)) = h.app.popups.last_mut() else {
        panic!()
    };
    p.selected = p.entries.iter().position(|e| e.name == "default").unwrap();
    h.key(KeyCode::Enter);
    assert_eq!(h.app.profile.name, "default");
}

#[test]
fn switching_profile_with_unsaved_changes_asks() {
    let mut h = Harness::new();
    h.app
        .store
        .create("other", &json!({"platform": "ios"}), &h.app.schema, false)
        .unwrap();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    open_profiles(&mut h);
    let Some(Popup::Profiles(p)) = h.app.popups.last_mut() else {
        panic!()
    };
    p.selected = p.entries.iter().position(|e| e.name == "other").unwrap();
    h.key(KeyCode::Enter);
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::Prompt(Prompt::Unsaved(_)))
    ));
    h.key(KeyCode::Esc);
    assert_eq!(h.app.profile.name, "default");
    assert!(h.app.is_dirty(), "cancel keeps the edits");
}

fn token(id: &str) -> TokenInfo {
    TokenInfo {
        token: format!("eyJhbGciOiJIUzI1NiJ9.{id}.sig"),
        identity: Some("web-visitor".into()),
        name: Some("Web visitor".into()),
        room: Some("room-1".into()),
        server_url: Some("wss://lk.example".into()),
        expires_at: Some(NOW + 3600),
        session_id: Some("sess-1".into()),
        status: 200,
    }
}

#[test]
fn mint_spins_can_be_cancelled_and_ignores_stale_results() {
    let mut h = Harness::new();
    assert_eq!(h.app.tick_interval(), None, "no ticks while idle");
    let effects = h.ctrl('t');
    let Some(Effect::Mint { id, body }) = effects.first() else {
        panic!("{effects:?}")
    };
    assert_eq!(body.pointer(SPEED), Some(&json!("medium")));
    let id = *id;
    assert!(
        h.app.tick_interval().is_some(),
        "spinner ticks while in flight"
    );
    h.send(Msg::Tick(NOW + 1));
    assert_eq!(h.app.spinner, 1);
    h.key(KeyCode::Down);
    assert_eq!(h.app.cursor[0], 1, "keys still work while minting");
    assert_eq!(h.key(KeyCode::Esc), vec![Effect::CancelMint(id)]);
    assert!(h.app.mint.is_none());
    h.send(Msg::MintDone {
        id,
        result: Ok(token("a")),
    });
    assert!(
        h.app.history.is_empty(),
        "a cancelled mint's result is dropped"
    );
}

#[test]
fn a_new_mint_replaces_the_one_in_flight() {
    let mut h = Harness::new();
    h.ctrl('t');
    let effects = h.ctrl('t');
    assert_eq!(effects[0], Effect::CancelMint(1));
    assert!(matches!(effects[1], Effect::Mint { id: 2, .. }));
}

#[test]
fn mint_success_opens_token_view_copies_and_keeps_history() {
    let mut h = Harness::new();
    h.ctrl('t');
    let effects = h.send(Msg::MintDone {
        id: 1,
        result: Ok(token("a")),
    });
    assert_eq!(effects, vec![Effect::Copy(token("a").token)]);
    assert!(matches!(h.app.popups.last(), Some(Popup::Token(0))));
    assert!(
        h.app.tick_interval().is_some(),
        "the countdown ticks while shown"
    );
    h.send(Msg::Copied {
        token: token("a").token,
        report: "copied via OSC 52 only".into(),
    });
    assert_eq!(
        h.app.history[0].copied.as_deref(),
        Some("copied via OSC 52 only")
    );
    assert_eq!(
        h.key(KeyCode::Char('y')),
        vec![Effect::Copy(token("a").token)]
    );
    h.key(KeyCode::Esc);
    assert!(h.app.popups.is_empty());
    assert_eq!(h.app.tick_interval(), None);

    h.ctrl('t');
    h.send(Msg::MintDone {
        id: 2,
        result: Ok(token("b")),
    });
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('t'));
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::History { selected: 1 })
    ));
    h.key(KeyCode::Up);
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.popups.last(), Some(Popup::Token(0))));
}

#[test]
fn a_422_marks_fields_and_jumps_to_the_first() {
    let mut h = Harness::new();
    h.ctrl('t');
    let failure = MintFailure {
        message: "the server rejected the request body (422)".into(),
        url: "https://dev-voice-api.example/api/v1/playground/tokens".into(),
        fields: vec![
            (SPEED.into(), "Input should be 'x-slow', 'slow'".into()),
            ("/ttl".into(), "Input should be greater than 60".into()),
        ],
        focus: None,
    };
    h.send(Msg::MintDone {
        id: 1,
        result: Err(failure),
    });
    assert_eq!(h.app.tab, 1);
    assert_eq!(h.app.focused_pointer().as_deref(), Some(SPEED));
    assert_eq!(
        h.app.problems(SPEED),
        ["server: Input should be 'x-slow', 'slow'"]
    );
    assert!(h.app.tab_has_errors(6));
    assert_eq!(h.app.error_count(), 2);
    h.key(KeyCode::Right);
    assert!(
        h.app.problems(SPEED).is_empty(),
        "editing the field clears the server's word"
    );
}

#[test]
fn other_mint_errors_show_in_words_with_the_url() {
    let mut h = Harness::new();
    h.ctrl('t');
    let failure = MintFailure {
        message: "server error 502".into(),
        url: "https://dev-voice-api.example/api/v1/playground/tokens".into(),
        fields: vec![],
        focus: None,
    };
    h.send(Msg::MintDone {
        id: 1,
        result: Err(failure.clone()),
    });
    assert!(matches!(h.app.popups.last(), Some(Popup::MintError(f)) if *f == failure));
    assert!(
        h.app
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("server error 502")
    );
}

#[test]
fn mint_while_editing_applies_the_editor_first() {
    let mut h = Harness::new();
    h.focus(NAME);
    h.key(KeyCode::Enter);
    h.chars("ia");
    let effects = h.ctrl('t');
    let Some(Effect::Mint { body, .. }) = effects.first() else {
        panic!()
    };
    assert_eq!(body.pointer(NAME), Some(&json!("Novaia")));
    assert!(h.app.editor.is_some(), "the editor stays open");
}

#[test]
fn a_pasted_mebibyte_lands_in_the_editor_as_text() {
    let mut h = Harness::new();
    h.focus(PROMPT);
    let big: String = "say less, mean more.\n".repeat(50_000);
    assert!(big.len() > 1 << 20);
    h.send(Msg::Paste(big.clone()));
    let Some(Editor::Multi { area, .. }) = &h.app.editor else {
        panic!("editor opened")
    };
    assert_eq!(area.lines().len(), 50_001);
    assert!(!h.app.should_quit, "pasted q's are text, not keys");
    h.key(KeyCode::Esc);
    let v = h.value(PROMPT).unwrap();
    assert!(v.as_str().unwrap().len() > 1 << 20);

    h.focus(NAME);
    h.send(Msg::Paste("two\r\nlines".into()));
    h.key(KeyCode::Enter);
    assert_eq!(h.value(NAME), Some(json!("Novatwo lines")));
}

#[test]
fn keymap_problems_show_at_start_and_defaults_stay() {
    let table: toml::Table = toml::from_str("mint = \"f5\"\nfly = \"x\"").unwrap();
    let (keymap, problems) = crate::tui::keymap::KeyMap::from_table(&table);
    let mut h = Harness::with_keys(keymap, problems);
    assert!(
        matches!(h.app.popups.last(), Some(Popup::Notice(n)) if n[0].contains("unknown action `fly`"))
    );
    h.key(KeyCode::Esc);
    let effects = h.key(KeyCode::F(5));
    assert!(matches!(effects.first(), Some(Effect::Mint { .. })));
}

#[test]
fn help_opens_and_closes() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('?'));
    assert!(matches!(h.app.popups.last(), Some(Popup::Help { .. })));
    h.key(KeyCode::Down);
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::Help { scroll: 1 })
    ));
    h.key(KeyCode::Esc);
    assert!(h.app.popups.is_empty());
    h.key(KeyCode::F(1));
    assert!(matches!(h.app.popups.last(), Some(Popup::Help { .. })));
}

#[test]
fn a_profile_that_does_not_exist_starts_unsaved_from_defaults() {
    let mut h = Harness::new();
    h.app.open_profile("fresh");
    assert_eq!(h.app.profile.name, "fresh");
    assert!(h.app.is_dirty());
    h.ctrl('s');
    assert!(h.app.store.exists("fresh"));
}

#[test]
fn an_unset_variable_shows_its_field() {
    let mut h = Harness::new();
    h.ctrl('t');
    let failure = MintFailure {
        message: "environment variable CARTESIA_API_KEY is not set".into(),
        url: "u".into(),
        fields: vec![],
        focus: Some("/agent_config/tts/model/api_key".into()),
    };
    h.send(Msg::MintDone {
        id: 1,
        result: Err(failure),
    });
    assert_eq!(
        h.app.focused_pointer().as_deref(),
        Some("/agent_config/tts/model/api_key")
    );
    assert!(matches!(h.app.popups.last(), Some(Popup::MintError(_))));
}

#[test]
fn arrows_and_tab_leave_a_one_line_field_applying_it() {
    let mut h = Harness::new();
    h.focus(NAME);
    h.key(KeyCode::Enter);
    h.chars("!");
    h.key(KeyCode::Down);
    assert!(h.app.editor.is_none());
    assert_eq!(h.value(NAME), Some(json!("Nova!")));
    assert_eq!(
        h.app.focused_pointer().as_deref(),
        Some("/agent_config/agent/language")
    );
    h.key(KeyCode::Enter);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.tab, 1);
}

#[test]
fn an_unreadable_profile_is_reported_and_never_overwritten_silently() {
    let mut h = Harness::new();
    let path = h.dir.path().join("profiles/broken.json");
    std::fs::write(&path, "{ not json").unwrap();
    h.app.open_profile("broken");
    let Some(Popup::Notice(lines)) = h.app.popups.last() else {
        panic!("a notice")
    };
    assert!(lines[0].contains("line 1"), "{lines:?}");
    h.key(KeyCode::Esc);
    h.ctrl('s');
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::Prompt(Prompt::Conflict { .. }))
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ not json");
}

#[test]
fn a_question_raised_over_a_popup_comes_on_top() {
    let mut h = Harness::new();
    h.focus(SPEED);
    h.key(KeyCode::Right);
    std::fs::write(h.dir.path().join("profiles/default.json"), "{}").unwrap();
    h.key(KeyCode::Char('?'));
    h.ctrl('s');
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::Prompt(Prompt::Conflict { .. }))
    ));
    h.key(KeyCode::Char('c'));
    assert!(
        matches!(h.app.popups.last(), Some(Popup::Help { .. })),
        "help is still there"
    );
    h.key(KeyCode::Esc);
    h.ctrl('p');
    h.ctrl('c');
    assert!(matches!(
        h.app.popups.last(),
        Some(Popup::Prompt(Prompt::Unsaved(_)))
    ));
}

/// `default` plus phone-a, phone-b, web-main, and 10,000 `bulk-NNNNN` profiles.
fn many_profiles(h: &mut Harness) {
    for name in ["phone-a", "Phone-B", "web-main"] {
        h.app
            .store
            .create(name, &json!({}), &h.app.schema, false)
            .unwrap();
    }
    let dir = h.app.paths.profiles();
    for i in 0..10_000 {
        std::fs::write(dir.join(format!("bulk-{i:05}.json")), "{}").unwrap();
    }
}

fn profiles_popup(h: &Harness) -> &crate::tui::profiles_popup::ProfilesPopup {
    match h.app.popups.last() {
        Some(Popup::Profiles(p)) => p,
        other => panic!("{other:?}"),
    }
}

fn shown_names(h: &Harness) -> Vec<String> {
    let p = profiles_popup(h);
    p.visible
        .iter()
        .map(|&i| p.entries[i].name.clone())
        .collect()
}

#[test]
fn profiles_filter_narrows_edits_and_opens_a_match() {
    let mut h = Harness::new();
    many_profiles(&mut h);
    open_profiles(&mut h);
    assert_eq!(profiles_popup(&h).visible.len(), 10_004);
    h.key(KeyCode::Char('/'));
    h.chars("PHo");
    assert_eq!(shown_names(&h), ["Phone-B", "phone-a"]);
    assert_eq!(profiles_popup(&h).filter, "PHo");
    assert_eq!(
        profiles_popup(&h).selected,
        0,
        "the first match is selected"
    );
    // Letters are text while the filter is typed: q, n, d do not act.
    h.chars("ne-a");
    assert_eq!(shown_names(&h), ["phone-a"]);
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    assert_eq!(profiles_popup(&h).filter, "PHone");
    h.key(KeyCode::Down);
    assert_eq!(profiles_popup(&h).selected_entry().unwrap().name, "phone-a");
    h.key(KeyCode::Enter);
    assert!(h.app.popups.is_empty());
    assert_eq!(h.app.profile.name, "phone-a");
}

#[test]
fn profiles_filter_esc_clears_then_closes() {
    let mut h = Harness::new();
    many_profiles(&mut h);
    open_profiles(&mut h);
    h.key(KeyCode::Char('/'));
    h.chars("web");
    assert_eq!(shown_names(&h), ["web-main"]);
    h.key(KeyCode::Esc);
    let p = profiles_popup(&h);
    assert_eq!(p.filter, "");
    assert!(!p.is_filtering());
    assert_eq!(p.visible.len(), 10_004, "every profile is back");
    assert_eq!(
        p.selected_entry().unwrap().name,
        "web-main",
        "the match stays selected"
    );
    h.key(KeyCode::Esc);
    assert!(h.app.popups.is_empty(), "a second Esc closes");
}

#[test]
fn profiles_list_keys_act_on_the_filtered_list() {
    let mut h = Harness::new();
    many_profiles(&mut h);
    open_profiles(&mut h);
    h.key(KeyCode::Char('/'));
    h.chars("main");
    // Tab keeps the filter and gives the letters back to the list.
    h.key(KeyCode::Tab);
    assert!(!profiles_popup(&h).is_filtering());
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char('y'));
    assert!(!h.app.store.exists("web-main"));
    assert!(h.app.store.exists("default"));
    let p = profiles_popup(&h);
    assert_eq!(p.filter, "main");
    assert!(p.visible.is_empty());
    // Esc clears the filter rather than closing while one is set.
    h.key(KeyCode::Esc);
    assert_eq!(profiles_popup(&h).visible.len(), 10_003);
    // `/` again, q is text; Esc leaves the filter, q then closes.
    h.key(KeyCode::Char('/'));
    h.key(KeyCode::Char('q'));
    assert_eq!(profiles_popup(&h).filter, "q");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('q'));
    assert!(h.app.popups.is_empty());
}

#[test]
fn profiles_filter_with_no_match_says_so() {
    let mut h = Harness::new();
    many_profiles(&mut h);
    open_profiles(&mut h);
    h.key(KeyCode::Char('/'));
    h.chars("xyz");
    let p = profiles_popup(&h);
    assert!(p.visible.is_empty());
    assert!(p.selected_entry().is_none());
    h.key(KeyCode::Enter);
    let p = profiles_popup(&h);
    assert_eq!(p.error.as_deref(), Some("no profile matches `xyz`"));
    assert_eq!(h.app.profile.name, "default", "nothing opened");
    h.key(KeyCode::Down);
    h.key(KeyCode::Up);
    assert!(profiles_popup(&h).selected_entry().is_none());
}
