//! Keys on the form itself: tabs, fields, stepping values, opening editors, and the
//! global commands.

use super::app::{App, Tone};
use super::keymap::{Action, Key};
use super::msg::Effect;
use super::popup::Popup;
use super::widgets::enum_picker::{self, Picker};
use super::widgets::{slider, toggle};
use super::{commands, editing, minting};
use crate::schema::Widget;

const NAV_ACTIONS: &[Action] = &[
    Action::QuitAnywhere,
    Action::Mint,
    Action::Save,
    Action::Profiles,
    Action::Undo,
    Action::Redo,
    Action::Help,
    Action::NextTab,
    Action::PrevTab,
    Action::Tab(1),
    Action::Tab(2),
    Action::Tab(3),
    Action::Tab(4),
    Action::Tab(5),
    Action::Tab(6),
    Action::Tab(7),
    Action::Tab(8),
    Action::Tab(9),
    Action::Up,
    Action::Down,
    Action::DecreaseMore,
    Action::IncreaseMore,
    Action::Decrease,
    Action::Increase,
    Action::Toggle,
    Action::Edit,
    Action::Reveal,
    Action::History,
    Action::CopyToken,
    Action::Back,
    Action::Quit,
];

pub fn on_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(action) = app.keymap.find(&key, NAV_ACTIONS) else {
        return Vec::new();
    };
    match action {
        Action::QuitAnywhere | Action::Quit => return commands::quit(app),
        Action::Mint => return minting::start(app),
        Action::Save => return commands::save(app),
        Action::Profiles => commands::open_profiles(app),
        Action::Undo => commands::undo(app),
        Action::Redo => commands::redo(app),
        Action::Help => commands::open_help(app),
        Action::NextTab => switch_tab(app, app.tab + 1),
        Action::PrevTab => {
            let n = app.schema.form.tabs.len();
            switch_tab(app, app.tab + n - 1)
        }
        Action::Tab(n) => {
            let i = usize::from(n) - 1;
            if i < app.schema.form.tabs.len() {
                app.tab = i;
            }
        }
        Action::Up => move_focus(app, -1),
        Action::Down => move_focus(app, 1),
        Action::Decrease => change(app, -1.0),
        Action::Increase => change(app, 1.0),
        Action::DecreaseMore => change(app, -10.0),
        Action::IncreaseMore => change(app, 10.0),
        Action::Toggle => toggle_focused(app),
        Action::Edit => edit(app),
        Action::Reveal => reveal(app),
        Action::History => minting::open_history(app),
        Action::CopyToken => return minting::copy_latest(app),
        Action::Back => app.status = None,
        _ => {}
    }
    Vec::new()
}

fn switch_tab(app: &mut App, to: usize) {
    app.tab = to % app.schema.form.tabs.len().max(1);
}

pub fn move_focus(app: &mut App, delta: isize) {
    let n = app.tab_fields(app.tab).len();
    if n == 0 {
        return;
    }
    let i = app.cursor[app.tab] as isize + delta;
    app.cursor[app.tab] = i.clamp(0, n as isize - 1) as usize;
}

/// ←/→ on the focused field: the next enum value, a slider step, a toggle flip.
fn change(app: &mut App, steps: f64) {
    let Some(field) = app.focused().cloned() else {
        return;
    };
    let current = app.value(&field.pointer).cloned();
    let next = match &field.widget {
        Widget::Enum(values) => {
            enum_picker::cycled(values, current.as_ref(), steps.signum() as isize)
        }
        Widget::Slider { .. } => Some(slider::stepped(&field, current.as_ref(), steps)),
        Widget::Toggle => Some(toggle::flipped(
            current.as_ref(),
            field.field.default.as_ref(),
        )),
        _ => {
            app.say(Tone::Info, format!("Enter edits {}", field.label));
            None
        }
    };
    if let Some(v) = next {
        app.set_value(&field.pointer, Some(v));
    }
}

fn toggle_focused(app: &mut App) {
    let Some(field) = app.focused().cloned() else {
        return;
    };
    match field.widget {
        Widget::Toggle | Widget::Enum(_) => change(app, 1.0),
        _ => edit(app),
    }
}

/// Enter: a toggle flips, an enum opens its list, anything else opens an editor.
fn edit(app: &mut App) {
    let Some(field) = app.focused().cloned() else {
        return;
    };
    match &field.widget {
        Widget::Toggle => change(app, 1.0),
        Widget::Enum(values) => {
            let current = app.value(&field.pointer);
            let picker = Picker::new(&field.pointer, &field.label, values, current);
            app.popups.push(Popup::Picker(picker));
        }
        _ => editing::open(app, &field),
    }
}

fn reveal(app: &mut App) {
    let Some(field) = app.focused().cloned() else {
        return;
    };
    if !field.secret {
        app.say(
            Tone::Info,
            "only secrets are hidden; this field is shown as is",
        );
        return;
    }
    if !app.revealed.remove(&field.pointer) {
        app.revealed.insert(field.pointer.clone());
    }
}
