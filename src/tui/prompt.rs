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
    /// `then`: what the user was doing when the save met the conflict (quitting,
    /// opening another profile); it goes on once the edits are safe.
    Conflict {
        then: Option<Pending>,
    },
    SaveAs {
        input: Box<TextArea<'static>>,
        error: Option<String>,
        then: Option<Pending>,
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
        Prompt::Conflict { then } => conflict(app, then, key),
        Prompt::Draft(offer) => super::draft_offer::on_key(app, offer, key),
        Prompt::SaveAs {
            mut input,
            error,
            then,
        } => {
            if app.key_matches(Action::Back, key) {
                return (Some(Popup::Prompt(Prompt::Conflict { then })), Vec::new());
            }
            if key.code == KeyCode::Enter {
                let name = text_field::text(&input);
                return match commands::save_as(app, name.trim()) {
                    Ok(()) => (None, go_on(app, then)),
                    Err(e) => (
                        Some(Popup::Prompt(Prompt::SaveAs {
                            input,
                            error: Some(e),
                            then,
                        })),
                        Vec::new(),
                    ),
                };
            }
            text_field::feed(&mut input, ev);
            (
                Some(Popup::Prompt(Prompt::SaveAs { input, error, then })),
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
                // The save did not happen: an error is showing, or the conflict question,
                // which carries on with what the user was doing once it is answered.
                hand_to_conflict(app, pending);
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

/// The conflict question `commands::save` just raised takes over `pending`.
fn hand_to_conflict(app: &mut App, pending: Pending) {
    if let Some(Popup::Prompt(Prompt::Conflict { then })) = app.popups.last_mut() {
        *then = Some(pending);
    }
}

/// Carries on with what the user was doing, if anything, once the edits are safe.
fn go_on(app: &mut App, then: Option<Pending>) -> Vec<Effect> {
    match then {
        Some(pending) if !app.is_dirty() => commands::resume(app, pending),
        _ => Vec::new(),
    }
}

fn conflict(app: &mut App, then: Option<Pending>, key: &Key) -> (Option<Popup>, Vec<Effect>) {
    if app.key_matches(Action::Back, key) {
        app.say(Tone::Info, "not saved: your edits are still here");
        return (None, Vec::new());
    }
    match answer(key) {
        Some('o') => {
            commands::overwrite(app);
            (None, go_on(app, then))
        }
        Some('r') => {
            let name = app.profile.name.clone();
            app.open_profile(&name);
            app.say(Tone::Info, format!("reloaded `{name}` from disk"));
            (None, go_on(app, then))
        }
        Some('n') => {
            let suggestion = format!("{}-2", app.profile.name);
            (
                Some(Popup::Prompt(Prompt::SaveAs {
                    input: Box::new(text_field::line(&suggestion)),
                    error: None,
                    then,
                })),
                Vec::new(),
            )
        }
        Some('c') => {
            app.say(Tone::Info, "not saved: your edits are still here");
            (None, Vec::new())
        }
        _ => (Some(Popup::Prompt(Prompt::Conflict { then })), Vec::new()),
    }
}
