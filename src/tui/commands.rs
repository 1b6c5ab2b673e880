//! The things a user can ask for from anywhere: save, quit, undo, redo, open the
//! profiles list or the help. Each returns the effects it needs.

use super::app::{App, Tone};
use super::msg::Effect;
use super::popup::Popup;
use super::profiles_popup::ProfilesPopup;
use super::prompt::{Pending, Prompt};
use crate::profiles::ProfileError;
use crate::state::State;

/// Saves the document under the current profile name; a file changed on disk since it
/// was loaded is not overwritten: the user is asked.
pub fn save(app: &mut App) -> Vec<Effect> {
    let name = app.profile.name.clone();
    if app.profile.fingerprint.is_none() && app.store.exists(&name) {
        app.popups
            .push(Popup::Prompt(Prompt::Conflict { then: None }));
        return Vec::new();
    }
    let result = app
        .store
        .save(&name, app.doc.value(), &app.schema, app.profile.fingerprint);
    match result {
        Ok(fingerprint) => saved(app, &name, fingerprint),
        Err(ProfileError::Conflict { .. }) => {
            app.popups
                .push(Popup::Prompt(Prompt::Conflict { then: None }));
        }
        Err(e) => app.say(Tone::Bad, format!("not saved: {e}")),
    }
    Vec::new()
}

/// Saves without the on-disk check (the user chose to overwrite).
pub fn overwrite(app: &mut App) {
    let name = app.profile.name.clone();
    match app.store.save(&name, app.doc.value(), &app.schema, None) {
        Ok(fingerprint) => saved(app, &name, fingerprint),
        Err(e) => app.say(Tone::Bad, format!("not saved: {e}")),
    }
}

/// Saves the document as a new profile and continues editing that one.
pub fn save_as(app: &mut App, name: &str) -> Result<(), String> {
    crate::profiles::name::check(name).map_err(|e| e.to_string())?;
    if app.store.exists(name) {
        return Err(format!(
            "profile `{name}` already exists: pick another name"
        ));
    }
    let fingerprint = app
        .store
        .save(name, app.doc.value(), &app.schema, None)
        .map_err(|e| e.to_string())?;
    saved(app, name, fingerprint);
    let state = State {
        last_profile: Some(name.to_string()),
    };
    let _ = state.save(&app.paths.state());
    Ok(())
}

fn saved(app: &mut App, name: &str, fingerprint: u64) {
    app.doc.mark_saved();
    app.profile.name = name.to_string();
    app.profile.fingerprint = Some(fingerprint);
    app.profile.origin = app.store.locate(name).map(|(_, o)| o);
    let path = app.store.path_for(name);
    let secret = crate::secrets::has_literal_secret(&app.schema.form, app.doc.value());
    let note = if secret {
        " (holds a literal secret: file is private, 0600)"
    } else {
        ""
    };
    app.say(Tone::Good, format!("saved {}{note}", path.display()));
}

/// Quits, asking first when there are unsaved changes.
pub fn quit(app: &mut App) -> Vec<Effect> {
    if app.is_dirty() {
        app.popups
            .push(Popup::Prompt(Prompt::Unsaved(Pending::Quit)));
        return Vec::new();
    }
    app.should_quit = true;
    vec![Effect::Quit]
}

/// Switches to another profile, asking first when there are unsaved changes.
pub fn switch_to(app: &mut App, name: &str) -> Vec<Effect> {
    if app.is_dirty() {
        app.popups.push(Popup::Prompt(Prompt::Unsaved(Pending::Open(
            name.to_string(),
        ))));
        return Vec::new();
    }
    app.open_profile(name);
    Vec::new()
}

/// Carries on with what the unsaved-changes prompt interrupted.
pub fn resume(app: &mut App, pending: Pending) -> Vec<Effect> {
    match pending {
        Pending::Quit => {
            app.should_quit = true;
            vec![Effect::Quit]
        }
        Pending::Open(name) => {
            app.open_profile(&name);
            Vec::new()
        }
    }
}

pub fn undo(app: &mut App) {
    match app.doc.undo() {
        Some(pointer) => {
            app.revalidate();
            app.focus_pointer(&pointer);
            app.say(Tone::Info, format!("undid the change to {pointer}"));
        }
        None => app.say(Tone::Info, "nothing to undo"),
    }
}

pub fn redo(app: &mut App) {
    match app.doc.redo() {
        Some(pointer) => {
            app.revalidate();
            app.focus_pointer(&pointer);
            app.say(Tone::Info, format!("redid the change to {pointer}"));
        }
        None => app.say(Tone::Info, "nothing to redo"),
    }
}

pub fn open_profiles(app: &mut App) {
    app.popups
        .retain(|p| !matches!(p, Popup::Profiles(_) | Popup::Help { .. }));
    app.popups.push(Popup::Profiles(ProfilesPopup::new(
        &app.store,
        &app.profile.name,
    )));
}

pub fn open_help(app: &mut App) {
    if !app.popups.iter().any(|p| matches!(p, Popup::Help { .. })) {
        app.popups.push(Popup::Help { scroll: 0 });
    }
}
