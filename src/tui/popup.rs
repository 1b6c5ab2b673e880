//! The popups that sit over the form, and who handles a key when one is on top.

use super::app::App;
use super::keymap::{Action, Key};
use super::msg::{Effect, MintFailure};
use super::profiles_popup::{self, ProfilesPopup};
use super::prompt::{self, Prompt};
use super::widgets::enum_picker::{self, Picker};
use super::{commands, minting};
use crossterm::event::KeyEvent;

#[derive(Debug)]
pub enum Popup {
    Help {
        scroll: u16,
    },
    /// Problems found at start (settings, keys, theme) or while opening a profile.
    Notice(Vec<String>),
    Profiles(ProfilesPopup),
    Prompt(Prompt),
    Picker(Picker),
    /// The token view of `history[index]`.
    Token(usize),
    History {
        selected: usize,
    },
    /// A mint that failed for a reason other than field errors.
    MintError(MintFailure),
}

pub fn on_key(app: &mut App, key: Key, ev: KeyEvent) -> Vec<Effect> {
    let Some(top) = app.popups.last() else {
        return Vec::new();
    };
    if let Some(action) = global_action(app, &key, top) {
        // The popup stays where it is; anything the command opens goes above it.
        return run_global(app, action);
    }
    let Some(top) = app.popups.pop() else {
        return Vec::new();
    };
    let base = app.popups.len();
    let (keep, effects) = match top {
        Popup::Help { scroll } => (help_key(app, &key, scroll), Vec::new()),
        Popup::Notice(lines) => {
            let close =
                app.key_matches(Action::Back, &key) || key.code == crossterm::event::KeyCode::Enter;
            (
                if close {
                    None
                } else {
                    Some(Popup::Notice(lines))
                },
                Vec::new(),
            )
        }
        Popup::MintError(f) => {
            let close =
                app.key_matches(Action::Back, &key) || key.code == crossterm::event::KeyCode::Enter;
            (
                if close {
                    None
                } else {
                    Some(Popup::MintError(f))
                },
                Vec::new(),
            )
        }
        Popup::Profiles(p) => profiles_popup::on_key(app, p, &key, ev),
        Popup::Prompt(p) => prompt::on_key(app, p, &key, ev),
        Popup::Picker(p) => enum_picker::on_key(app, p, &key, ev),
        Popup::Token(i) => minting::token_key(app, i, &key),
        Popup::History { selected } => minting::history_key(app, selected, &key),
    };
    if let Some(p) = keep {
        // A popup that stays goes back beneath any the handler opened (a prompt).
        let at = base.min(app.popups.len());
        app.popups.insert(at, p);
    }
    effects
}

/// Commands that reach past a popup: none past a question or a name being typed,
/// only mint past a list being filtered, the usual ones past anything else.
fn global_action(app: &App, key: &Key, top: &Popup) -> Option<Action> {
    const USUAL: &[Action] = &[
        Action::Mint,
        Action::Save,
        Action::Profiles,
        Action::QuitAnywhere,
        Action::Undo,
        Action::Redo,
    ];
    let allowed: &[Action] = match top {
        Popup::Prompt(_) => &[],
        Popup::Profiles(p) if p.is_typing() => &[],
        Popup::Profiles(p) if p.is_filtering() => &[Action::Mint],
        Popup::Picker(_) => &[Action::Mint],
        // Ctrl-P over the profiles list would only reopen it.
        Popup::Profiles(_) => &[
            Action::Mint,
            Action::Save,
            Action::QuitAnywhere,
            Action::Undo,
            Action::Redo,
        ],
        _ => USUAL,
    };
    app.keymap.find(key, allowed)
}

fn run_global(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Mint => minting::start(app),
        Action::Save => commands::save(app),
        Action::Profiles => {
            commands::open_profiles(app);
            Vec::new()
        }
        Action::QuitAnywhere => commands::quit(app),
        Action::Undo => {
            commands::undo(app);
            Vec::new()
        }
        Action::Redo => {
            commands::redo(app);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn help_key(app: &App, key: &Key, scroll: u16) -> Option<Popup> {
    if app.key_matches(Action::Back, key)
        || app.key_matches(Action::Help, key)
        || app.key_matches(Action::Quit, key)
    {
        None
    } else if app.key_matches(Action::Down, key) || key.code == crossterm::event::KeyCode::PageDown
    {
        Some(Popup::Help {
            scroll: scroll.saturating_add(1),
        })
    } else if app.key_matches(Action::Up, key) || key.code == crossterm::event::KeyCode::PageUp {
        Some(Popup::Help {
            scroll: scroll.saturating_sub(1),
        })
    } else {
        Some(Popup::Help { scroll })
    }
}
