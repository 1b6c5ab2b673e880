//! Questions that must be answered before anything else: unsaved changes on switching
//! or quitting (save / discard / cancel) and a file changed on disk since it was loaded
//! (overwrite / reload / save as a new name).

use super::app::{App, Tone};
use super::commands;
use super::keymap::{Action, Key};
use super::msg::Effect;
use super::popup::Popup;
use super::widgets::text_field;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Quit,
    Open(String),
}

#[derive(Debug)]
pub enum Prompt {
    Unsaved(Pending),
    Conflict,
    SaveAs {
        input: Box<TextArea<'static>>,
        error: Option<String>,
    },
    /// A draft of unsaved edits from an earlier run waits for this profile.
    Draft(super::draft_offer::DraftOffer),
}

pub fn on_key(
    app: &mut App,
    prompt: Prompt,
    key: &Key,
    ev: KeyEvent,
) -> (Option<Popup>, Vec<Effect>) {
    match prompt {
        Prompt::Unsaved(pending) => unsaved(app, pending, key),
        Prompt::Conflict => conflict(app, key),
        Prompt::Draft(offer) => super::draft_offer::on_key(app, offer, key),
        Prompt::SaveAs { mut input, error } => {
            if app.key_matches(Action::Back, key) {
                return (Some(Popup::Prompt(Prompt::Conflict)), Vec::new());
            }
            if key.code == KeyCode::Enter {
                let name = text_field::text(&input);
                return match commands::save_as(app, name.trim()) {
                    Ok(()) => (None, Vec::new()),
                    Err(e) => (
                        Some(Popup::Prompt(Prompt::SaveAs {
                            input,
                            error: Some(e),
                        })),
                        Vec::new(),
                    ),
                };
            }
            text_field::feed(&mut input, ev);
            (
                Some(Popup::Prompt(Prompt::SaveAs { input, error })),
                Vec::new(),
            )
        }
    }
}

fn answer(key: &Key) -> Option<char> {
    match key.code {
        KeyCode::Char(c) if key.mods.is_empty() => Some(c.to_ascii_lowercase()),
        _ => None,
    }
}

fn unsaved(app: &mut App, pending: Pending, key: &Key) -> (Option<Popup>, Vec<Effect>) {
    if app.key_matches(Action::Back, key) {
        app.say(Tone::Info, "cancelled: nothing changed");
        return (None, Vec::new());
    }
    match answer(key) {
        Some('s') => {
            commands::save(app);
            if app.is_dirty() {
                // The save did not happen (a conflict prompt or an error is showing).
                return (None, Vec::new());
            }
            (None, commands::resume(app, pending))
        }
        Some('d') => {
            app.doc.mark_saved();
            (None, commands::resume(app, pending))
        }
        Some('c') => {
            app.say(Tone::Info, "cancelled: nothing changed");
            (None, Vec::new())
        }
        _ => (Some(Popup::Prompt(Prompt::Unsaved(pending))), Vec::new()),
    }
}

fn conflict(app: &mut App, key: &Key) -> (Option<Popup>, Vec<Effect>) {
    if app.key_matches(Action::Back, key) {
        app.say(Tone::Info, "not saved: your edits are still here");
        return (None, Vec::new());
    }
    match answer(key) {
        Some('o') => {
            commands::overwrite(app);
            (None, Vec::new())
        }
        Some('r') => {
            let name = app.profile.name.clone();
            app.open_profile(&name);
            app.say(Tone::Info, format!("reloaded `{name}` from disk"));
            (None, Vec::new())
        }
        Some('n') => {
            let suggestion = format!("{}-2", app.profile.name);
            (
                Some(Popup::Prompt(Prompt::SaveAs {
                    input: Box::new(text_field::line(&suggestion)),
                    error: None,
                })),
                Vec::new(),
            )
        }
        Some('c') => {
            app.say(Tone::Info, "not saved: your edits are still here");
            (None, Vec::new())
        }
        _ => (Some(Popup::Prompt(Prompt::Conflict)), Vec::new()),
    }
}
