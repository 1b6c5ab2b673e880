//! The question asked when a profile is opened and a draft of unsaved edits is waiting
//! for it (the last run was killed, crashed or lost its terminal): restore the edits,
//! discard them, or quit and decide later. It lists which fields the draft changes,
//! never their values (a draft may hold a secret).

use super::app::{App, Tone};
use super::keymap::Key;
use super::msg::Effect;
use super::popup::Popup;
use super::prompt::Prompt;
use crate::drafts::{Draft, DraftStore, changed_pointers};
use crossterm::event::KeyCode;
use ratatui::text::{Line, Span};

#[derive(Debug)]
pub struct DraftOffer {
    pub draft: Box<Draft>,
    pub changed: Vec<String>,
}

/// Called when a profile has been opened: offers its draft, if one is waiting.
pub fn offer_on_open(app: &mut App) {
    let store = DraftStore::new(&app.paths.data);
    match store.load(&app.profile.name) {
        Ok(Some(draft)) => {
            if draft.value == *app.doc.value() {
                // Nothing in it that the file does not already hold.
                let _ = store.remove(&app.profile.name);
                return;
            }
            let changed = changed_pointers(app.doc.value(), &draft.value);
            app.popups.push(Popup::Prompt(Prompt::Draft(DraftOffer {
                draft: Box::new(draft),
                changed,
            })));
        }
        Ok(None) => {}
        Err(e) => app.popups.push(Popup::Notice(vec![e.to_string()])),
    }
}

/// A start-up notice naming drafts kept for profiles other than the one opened.
pub fn other_drafts_notice(data_dir: &std::path::Path, opening: &str) -> Option<String> {
    let others: Vec<String> = DraftStore::new(data_dir)
        .list()
        .into_iter()
        .filter(|n| n != opening)
        .map(|n| format!("`{n}`"))
        .collect();
    (!others.is_empty()).then(|| {
        format!(
            "Unsaved edits from an earlier run are kept for {}: open the profile (Ctrl-P) to restore or discard them.",
            others.join(", ")
        )
    })
}

pub fn on_key(app: &mut App, offer: DraftOffer, key: &Key) -> (Option<Popup>, Vec<Effect>) {
    let answer = match key.code {
        KeyCode::Char(c) if key.mods.is_empty() => Some(c.to_ascii_lowercase()),
        _ => None,
    };
    match answer {
        Some('r') => {
            restore(app, *offer.draft);
            (None, Vec::new())
        }
        Some('d') => {
            match DraftStore::new(&app.paths.data).remove(&app.profile.name) {
                Ok(_) => app.say(Tone::Info, "draft discarded: the profile is as saved"),
                Err(e) => app.say(Tone::Bad, e.to_string()),
            }
            (None, Vec::new())
        }
        Some('q') => {
            app.should_quit = true;
            (None, vec![Effect::Quit])
        }
        // The question must be answered: anything else keeps it (the draft is safe).
        _ => (Some(Popup::Prompt(Prompt::Draft(offer))), Vec::new()),
    }
}

/// Puts the draft's document in the editor, unsaved, over the file as loaded. When the
/// file changed since the draft was taken, saving asks before replacing it.
fn restore(app: &mut App, draft: Draft) {
    let saved = app.doc.saved().clone();
    app.doc.replace(draft.value, saved);
    if draft.base_fingerprint != app.profile.fingerprint {
        app.profile.fingerprint = draft.base_fingerprint;
    }
    app.editor = None;
    app.revalidate();
    app.say(Tone::Good, "unsaved edits restored: Ctrl-S saves them");
}

/// What the prompt shows: (title, lines).
pub fn lines(app: &App, offer: &DraftOffer) -> (&'static str, Vec<Line<'static>>) {
    let ago = super::minting::human_duration(app.now - offer.draft.written_at);
    let mut lines = vec![
        Line::from(format!(
            " `{}` has unsaved edits from {ago} ago, kept in a draft",
            offer.draft.profile
        )),
        Line::from(" (voxtune was killed, crashed or lost its terminal). They change:"),
    ];
    const SHOWN: usize = 5;
    for p in offer.changed.iter().take(SHOWN) {
        lines.push(Line::from(Span::styled(format!("   {p}"), app.theme.dim)));
    }
    if offer.changed.len() > SHOWN {
        lines.push(Line::from(Span::styled(
            format!("   … and {} more", offer.changed.len() - SHOWN),
            app.theme.dim,
        )));
    }
    lines.push(Line::default());
    let choice = |key: &str, what: &str| {
        Line::from(vec![
            Span::styled(format!("   [{key}] "), app.theme.accent),
            Span::styled(what.to_string(), app.theme.text),
        ])
    };
    lines.push(choice("r", "restore them (unsaved until Ctrl-S)"));
    lines.push(choice("d", "discard them: keep the profile as saved"));
    lines.push(choice("q", "quit, and decide next time"));
    ("Restore unsaved edits?", lines)
}
