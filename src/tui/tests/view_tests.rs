//! Whole screens drawn with ratatui's TestBackend: insta snapshots at 100×30, every
//! size down to 1×1 without a panic, and mouse clicks on what was drawn.

use super::support::*;
use crate::tui::msg::{MintFailure, Msg, TokenInfo};
use crate::tui::view;
use crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(h: &Harness, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(width, height)).unwrap();
    term.draw(|f| view::draw(&h.app, f)).unwrap();
    term
}

fn snap(h: &Harness) -> String {
    screen(h, 100, 30).backend().to_string()
}

#[test]
fn every_tab() {
    let mut h = Harness::new();
    for tab in 0..h.app.schema.form.tabs.len() {
        h.key(KeyCode::Char(char::from_digit(tab as u32 + 1, 10).unwrap()));
        let name = format!(
            "tab_{}_{}",
            tab + 1,
            h.app.schema.form.tabs[tab].title.to_lowercase()
        );
        insta::assert_snapshot!(name, snap(&h));
    }
}

#[test]
fn help_overlay() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('?'));
    insta::assert_snapshot!(snap(&h));
}

#[test]
fn profiles_popup() {
    let mut h = Harness::new();
    h.app
        .store
        .create(
            "phone-line",
            &crate::profiles::presets::find("phone").unwrap().body(),
            &h.app.schema,
            false,
        )
        .unwrap();
    h.ctrl('p');
    insta::assert_snapshot!(snap(&h));
}

#[test]
fn profiles_popup_shows_the_filter_and_only_the_matches() {
    let mut h = Harness::new();
    let dir = h.app.paths.profiles();
    for i in 0..10_000 {
        std::fs::write(dir.join(format!("bulk-{i:05}.json")), "{}").unwrap();
    }
    h.ctrl('p');
    h.key(KeyCode::Char('/'));
    for c in "0999".chars() {
        h.key(KeyCode::Char(c));
    }
    let text = screen(&h, 100, 30).backend().to_string();
    assert!(text.contains("/ 0999"), "{text}");
    assert!(text.contains("11 of 10001"), "{text}");
    assert!(
        text.contains("bulk-00999") && text.contains("bulk-09999"),
        "{text}"
    );
    assert!(!text.contains("bulk-00998"), "{text}");
    assert!(text.contains("Tab keep filter"), "{text}");
    // Tab keeps the filter on screen while the list's keys act on the matches.
    h.key(KeyCode::Tab);
    let text = screen(&h, 100, 30).backend().to_string();
    assert!(text.contains("/ 0999  11 of 10001"), "{text}");
    assert!(text.contains("d delete · Esc clear"), "{text}");
    h.key(KeyCode::Char('/'));
    for c in "x".chars() {
        h.key(KeyCode::Char(c));
    }
    let text = screen(&h, 100, 30).backend().to_string();
    assert!(text.contains("no profile matches `0999x`"), "{text}");
    // Every size, filter shown or not, draws without a panic.
    for (w, hgt) in [(60, 16), (30, 8), (10, 4), (1, 1)] {
        screen(&h, w, hgt);
    }
}

#[test]
fn every_preset_shows_in_the_smallest_window() {
    let mut h = Harness::new();
    h.ctrl('p');
    h.key(KeyCode::Char('p'));
    let shown = screen(&h, 60, 16).backend().to_string();
    for preset in crate::profiles::presets::PRESETS {
        assert!(
            shown.contains(&format!(" {} ", preset.name)),
            "{} missing:\n{shown}",
            preset.name
        );
    }
}

#[test]
fn token_view() {
    let mut h = Harness::new();
    h.ctrl('t');
    let info = TokenInfo {
        token: format!(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{}.S1gNaTuRe",
            "eyJzdWIiOiJ3ZWItdmlzaXRvciJ9".repeat(6)
        ),
        identity: Some("web-visitor".into()),
        name: Some("Web visitor".into()),
        room: Some("room-sess-1".into()),
        server_url: Some("wss://livekit.example.com".into()),
        expires_at: Some(NOW + 3599),
        session_id: Some("sess-1".into()),
        status: 200,
    };
    h.send(Msg::MintDone {
        id: 1,
        result: Ok(info.clone()),
    });
    h.send(Msg::Copied {
        token: info.token,
        report: "copied via OSC 52 only (system clipboard: no display)".into(),
    });
    insta::assert_snapshot!(snap(&h));
}

#[test]
fn mint_error_view() {
    let mut h = Harness::new();
    h.ctrl('t');
    let failure = MintFailure {
        message: "could not connect to https://dev-voice-api.example/api/v1/playground/tokens: connection refused".into(),
        url: "https://dev-voice-api.example/api/v1/playground/tokens".into(),
        fields: vec![],
        focus: None,
    };
    h.send(Msg::MintDone {
        id: 1,
        result: Err(failure),
    });
    insta::assert_snapshot!(snap(&h));
}

#[test]
fn server_422_marks_fields() {
    let mut h = Harness::new();
    h.ctrl('t');
    let failure = MintFailure {
        message: "422".into(),
        url: "u".into(),
        fields: vec![(
            "/agent_config/tts/speed".into(),
            "Input should be 'x-slow', 'slow', 'medium', 'fast' or 'x-fast'".into(),
        )],
        focus: None,
    };
    h.send(Msg::MintDone {
        id: 1,
        result: Err(failure),
    });
    insta::assert_snapshot!(snap(&h));
}

#[test]
fn json_editor_with_an_error() {
    let mut h = Harness::new();
    h.focus("/agent_config/llm/metadata");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Right);
    h.chars("\"a\": ");
    insta::assert_snapshot!(snap(&h));
}

#[test]
fn window_too_small() {
    let h = Harness::new();
    insta::assert_snapshot!(screen(&h, 59, 16).backend().to_string());
}

#[test]
fn no_size_panics_on_any_screen() {
    let mut screens: Vec<Harness> = Vec::new();
    screens.push(Harness::new());
    let mut help = Harness::new();
    help.key(KeyCode::Char('?'));
    screens.push(help);
    let mut profiles = Harness::new();
    profiles.ctrl('p');
    profiles.key(KeyCode::Char('n'));
    screens.push(profiles);
    let mut editor = Harness::new();
    editor.focus("/agent_config/llm/system_prompt");
    editor.key(KeyCode::Enter);
    screens.push(editor);
    let mut token = Harness::new();
    token.ctrl('t');
    token.send(Msg::MintDone {
        id: 1,
        result: Ok(TokenInfo {
            token: "t".repeat(500),
            ..Default::default()
        }),
    });
    screens.push(token);
    let mut picker = Harness::new();
    picker.focus("/agent_config/tts/speed");
    picker.key(KeyCode::Enter);
    screens.push(picker);
    let mut quit = Harness::new();
    quit.focus("/agent_config/tts/speed");
    quit.key(KeyCode::Right);
    quit.key(KeyCode::Char('q'));
    screens.push(quit);
    let mut save_as = Harness::new();
    save_as.focus("/agent_config/tts/speed");
    save_as.key(KeyCode::Right);
    std::fs::write(save_as.dir.path().join("profiles/default.json"), "{}").unwrap();
    save_as.ctrl('s');
    save_as.key(KeyCode::Char('n'));
    screens.push(save_as);
    let mut history = Harness::new();
    history.ctrl('t');
    history.send(Msg::MintDone {
        id: 1,
        result: Ok(TokenInfo::default()),
    });
    history.key(KeyCode::Char('t'));
    screens.push(history);
    for h in &screens {
        for w in [1, 2, 5, 20, 59, 60, 61, 80, 300] {
            for ht in [1, 2, 3, 8, 15, 16, 17, 40, 100] {
                screen(h, w, ht);
            }
        }
    }
}

#[test]
fn clicks_pick_tabs_and_fields_and_the_wheel_scrolls() {
    let mut h = Harness::new();
    let term = screen(&h, 100, 30);
    let text = term.backend().to_string();
    let tabs_line = text.lines().nth(1).unwrap();
    let col = tabs_line.find("4 LLM").unwrap() - 1; // the backend's lines start with a quote
    let click = |x: u16, y: u16| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    h.send(click(col as u16 + 1, 1));
    assert_eq!(h.app.tab, 3);
    let _ = screen(&h, 100, 30);
    let (rect, index) = h.app.hits.borrow().fields[2];
    h.send(click(rect.x + 5, rect.y));
    assert_eq!(h.app.cursor[3], index);
    h.send(Msg::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(h.app.cursor[3], index + 1);
}
