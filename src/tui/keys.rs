//! Where a key goes: Esc cancels a mint in flight from anywhere; otherwise the top
//! popup, else the open editor, else the form.

use super::app::App;
use super::keymap::{Action, Key};
use super::msg::Effect;
use super::{editing, minting, nav, popup};
use crossterm::event::{KeyEvent, KeyEventKind};

pub fn on_key(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    if ev.kind == KeyEventKind::Release {
        return Vec::new();
    }
    let key = Key::from_event(&ev);
    if app.mint.is_some() && app.key_matches(Action::Back, &key) {
        return minting::cancel(app);
    }
    if !app.popups.is_empty() {
        return popup::on_key(app, key, ev);
    }
    if app.editor.is_some() {
        return editing::on_key(app, key, ev);
    }
    nav::on_key(app, key)
}
