//! Tiny and changing terminals through `update` and `view::draw` on a TestBackend:
//! every width 1..=300 and every height 1..=100 on each screen (plus a grid up to
//! 300×100), then a storm of
//! resizes (each one through `update` and drawn on the same terminal) after which the
//! app still answers keys.

use super::support::*;
use crate::drafts::{Draft, DraftStore};
use crate::tui::msg::{MintFailure, Msg, TokenInfo};
use crate::tui::view;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screens() -> Vec<(&'static str, Harness)> {
    let mut out = vec![("form", Harness::new())];
    let mut help = Harness::new();
    help.key(KeyCode::Char('?'));
    out.push(("help", help));
    let mut prompt = Harness::new();
    prompt.focus("/agent_config/llm/system_prompt");
    prompt.key(KeyCode::Enter);
    out.push(("prompt editor", prompt));
    let mut line = Harness::new();
    line.focus("/agent_config/llm/model/api_key");
    line.key(KeyCode::Enter);
    out.push(("secret editor", line));
    let mut json = Harness::new();
    json.focus("/agent_config/tts/metadata");
    json.key(KeyCode::Enter);
    json.chars("{oops");
    out.push(("json editor", json));
    let mut flight = Harness::new();
    flight.ctrl('t');
    out.push(("mint in flight", flight));
    let mut failed = Harness::new();
    failed.ctrl('t');
    failed.send(Msg::MintDone {
        id: 1,
        result: Err(MintFailure {
            message: "server error 500: Internal Server Error ".repeat(20),
            url: "http://127.0.0.1:1/api/v1/playground/tokens".into(),
            ..Default::default()
        }),
    });
    out.push(("mint error", failed));
    let mut token = Harness::new();
    token.ctrl('t');
    token.send(Msg::MintDone {
        id: 1,
        result: Ok(TokenInfo {
            token: "t".repeat(2000),
            ..Default::default()
        }),
    });
    out.push(("token", token));
    let mut offer = Harness::new();
    let mut value = offer.app.doc.value().clone();
    value["agent_config"]["tts"]["speed"] = serde_json::json!("x-slow");
    DraftStore::new(&offer.app.paths.data)
        .write(&Draft::new(
            "default",
            offer.app.profile.fingerprint,
            value,
            0,
        ))
        .unwrap();
    offer.app.open_profile("default");
    out.push(("draft offer", offer));
    out
}

#[test]
fn every_width_and_every_height_on_every_screen() {
    let mut drawn = 0usize;
    for (name, h) in screens() {
        let mut sizes: Vec<(u16, u16)> = Vec::new();
        // Every width at the heights where layouts change, every height at the widths
        // where they change, and a grid over the whole range up to 300×100.
        for w in 1..=300 {
            for ht in [1, 16] {
                sizes.push((w, ht));
            }
        }
        for ht in 1..=100 {
            for w in [1, 59, 60] {
                sizes.push((w, ht));
            }
        }
        for w in (1..=300).step_by(13).chain([300]) {
            for ht in (1..=100).step_by(9).chain([100]) {
                sizes.push((w, ht));
            }
        }
        let mut term = Terminal::new(TestBackend::new(1, 1)).unwrap();
        for (w, ht) in sizes {
            term.backend_mut().resize(w, ht);
            term.resize(ratatui::layout::Rect::new(0, 0, w, ht))
                .unwrap();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                term.draw(|f| view::draw(&h.app, f)).map(drop)
            }));
            assert!(matches!(result, Ok(Ok(()))), "{name} at {w}×{ht} failed");
            drawn += 1;
        }
    }
    assert!(drawn >= 9 * 1000, "{drawn}");
}

#[test]
fn a_resize_storm_through_update_then_keys_still_work() {
    for (name, mut h) in screens() {
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let mut seed: u64 = 0x5eed;
        for i in 0..200 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let (w, ht) = match i % 4 {
                0 => (1, 1),
                1 => (300, 100),
                _ => (1 + (seed >> 33) as u16 % 300, 1 + (seed >> 17) as u16 % 100),
            };
            h.send(Msg::Resize(w, ht));
            term.backend_mut().resize(w, ht);
            term.resize(ratatui::layout::Rect::new(0, 0, w, ht))
                .unwrap();
            term.draw(|f| view::draw(&h.app, f))
                .unwrap_or_else(|e| panic!("{name} at {w}×{ht}: {e}"));
        }
        h.send(Msg::Resize(100, 30));
        assert_eq!(h.app.size, (100, 30));
        // Close whatever is open, then the keys move between tabs as always.
        for _ in 0..3 {
            if h.app.popups.is_empty() && h.app.editor.is_none() {
                break;
            }
            h.key(KeyCode::Esc);
            h.key(KeyCode::Esc);
            if let Some(crate::tui::popup::Popup::Prompt(_)) = h.app.popups.last() {
                // The draft offer wants an answer.
                h.key(KeyCode::Char('d'));
            }
        }
        h.key(KeyCode::Char('3'));
        assert_eq!(h.app.tab, 2, "{name}: keys still work after the storm");
        term.backend_mut().resize(100, 30);
        term.resize(ratatui::layout::Rect::new(0, 0, 100, 30))
            .unwrap();
        term.draw(|f| view::draw(&h.app, f)).unwrap();
        let shown = term.backend().to_string();
        assert!(shown.contains("Detect language"), "{name}:\n{shown}");
    }
}
