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

impl Popup {
    /// Modal popups take every key: nothing global reaches past them.
    fn is_modal(&self) -> bool {
        matches!(self, Popup::Prompt(_)) || matches!(self, Popup::Profiles(p) if p.is_typing())
    }
}

pub fn on_key(app: &mut App, key: Key, ev: KeyEvent) -> Vec<Effect> {
    let Some(top) = app.popups.pop() else {
        return Vec::new();
    };
    if !top.is_modal() && !matches!(top, Popup::Picker(_)) {
        if let Some(effects) = global(app, &key, &top) {
            app.popups.push(top);
            return effects;
        }
    } else if matches!(top, Popup::Picker(_)) && app.key_matches(Action::Mint, &key) {
        app.popups.push(top);
        return minting::start(app);
    }
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

/// Keys that act from over a (non-modal) popup: mint, save, profiles, quit.
fn global(app: &mut App, key: &Key, top: &Popup) -> Option<Vec<Effect>> {
    let globals = [
        Action::Mint,
        Action::Save,
        Action::Profiles,
        Action::QuitAnywhere,
        Action::Undo,
        Action::Redo,
    ];
    let action = app.keymap.find(key, &globals)?;
    // The profiles popup has its own meaning for plain keys; globals use modifiers.
    if matches!(top, Popup::Profiles(_)) && action == Action::Profiles {
        return None;
    }
    Some(match action {
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
        _ => return None,
    })
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
