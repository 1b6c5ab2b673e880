//! Keeping the draft in step with the editor, from the event loop: after each batch of
//! messages the loop calls `observe`; a change to unsaved work hands a snapshot to the
//! shared slot at once and arms one timer (`DEBOUNCE` after the last change) that
//! writes it. Nothing ticks while nothing is pending.
//!
//! The slot is shared with the signal thread and the panic hook: whatever the loop is
//! doing, they write the latest snapshot before the process ends, so a SIGTERM a few
//! milliseconds after an edit still keeps it. Saving, discarding or undoing back to the
//! file removes the draft.

use super::app::App;
use super::editing::{Editor, LineKind};
use super::widgets::{json_editor, slider, text_field};
use crate::drafts::{Draft, DraftStore};
use serde_json::Value;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long after the last change the draft is written.
pub const DEBOUNCE: Duration = Duration::from_millis(500);

/// `VOXTUNE_DRAFT_DELAY_MS` overrides the delay (tests set it high to prove that a
/// signal, not the timer, wrote a draft).
fn debounce() -> Duration {
    std::env::var("VOXTUNE_DRAFT_DELAY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(DEBOUNCE, Duration::from_millis)
}

/// The draft store and the snapshot not yet written, shared with the signal thread.
pub struct Shared {
    store: DraftStore,
    pending: Mutex<Option<Draft>>,
}

impl Shared {
    pub fn new(store: DraftStore) -> Shared {
        Shared {
            store,
            pending: Mutex::new(None),
        }
    }

    /// Writes the pending snapshot, if any. Holds the lock while writing, so a signal
    /// arriving meanwhile waits for this write instead of exiting in its middle.
    pub fn flush(&self) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(draft) = pending.take() {
            self.write(&draft);
        }
    }

    /// For the panic hook: never waits (the panic may have happened holding the lock).
    pub fn try_flush(&self) {
        if let Ok(mut pending) = self.pending.try_lock()
            && let Some(draft) = pending.take()
        {
            self.write(&draft);
        }
    }

    fn write(&self, draft: &Draft) {
        match self.store.write(draft) {
            Ok(path) => tracing::debug!(path = %path.display(), "draft written"),
            // The error names the file, never what is in it.
            Err(e) => tracing::warn!("{e}"),
        }
    }

    fn set(&self, draft: Draft) {
        *self.pending.lock().unwrap_or_else(|e| e.into_inner()) = Some(draft);
    }

    fn has_pending(&self) -> bool {
        self.pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    /// Drops the draft of `profile`: the pending snapshot and the file.
    fn remove(&self, profile: &str) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if pending.as_ref().is_some_and(|d| d.profile == profile) {
            *pending = None;
        }
        match self.store.remove(profile) {
            Ok(true) => tracing::debug!(profile, "draft removed"),
            Ok(false) => {}
            Err(e) => tracing::warn!("{e}"),
        }
    }
}

/// What the last observation saw; a draft is due only when this changes.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    profile: String,
    generation: u64,
    dirty: bool,
    /// The open editor's text when it differs from the document: (pointer, text).
    typing: Option<(String, String)>,
}

pub struct DraftSync {
    shared: Arc<Shared>,
    seen: Option<Seen>,
    due: Option<Instant>,
    delay: Duration,
}

impl DraftSync {
    pub fn new(data_dir: &std::path::Path) -> DraftSync {
        DraftSync {
            shared: Arc::new(Shared::new(DraftStore::new(data_dir))),
            seen: None,
            due: None,
            delay: debounce(),
        }
    }

    pub fn shared(&self) -> Arc<Shared> {
        Arc::clone(&self.shared)
    }

    /// When the loop should wake to write the draft; None while nothing is pending.
    pub fn deadline(&self) -> Option<Instant> {
        self.due
    }

    /// Looks at the editor after a batch of messages. The first look only takes note:
    /// a draft left by an earlier run is the user's to restore or discard, not ours.
    ///
    /// Runs after every key while an editor is open, so for a multi-line editor it first
    /// compares the lines in place (`quick_look`): a key that changed nothing (a cursor
    /// move) joins nothing, and a change joins the text once, for both the comparison
    /// and the snapshot.
    pub fn observe(&mut self, app: &App) {
        let quick = self.seen.as_ref().and_then(|prev| quick_look(app, prev));
        let (now, value) = match quick {
            Some(Quick::Unchanged) => return,
            Some(Quick::AsDocument) => (
                Seen {
                    profile: app.profile.name.clone(),
                    generation: app.generation,
                    dirty: app.is_dirty(),
                    typing: None,
                },
                None,
            ),
            None => {
                let typing = typing(app);
                let dirty = app.is_dirty() || typing.is_some();
                let (typing, value) = match typing {
                    Some((p, text, v)) => (Some((p.clone(), text)), Some((p, v))),
                    None => (None, None),
                };
                let now = Seen {
                    profile: app.profile.name.clone(),
                    generation: app.generation,
                    dirty,
                    typing,
                };
                (now, value)
            }
        };
        let Some(prev) = self.seen.replace(now) else {
            return;
        };
        let now = self.seen.as_ref().expect("just set");
        if prev == *now {
            return;
        }
        // Saved, discarded, undone back to the file, renamed or switched away from.
        if prev.dirty && (!now.dirty || prev.profile != now.profile) {
            self.shared.remove(&prev.profile);
        }
        if now.dirty {
            self.shared.set(snapshot_with(app, value));
            self.due = Some(Instant::now() + self.delay);
        } else if !self.shared.has_pending() {
            self.due = None;
        }
    }

    /// The timer fired: write the pending snapshot off the loop's thread (an fsync on a
    /// slow disk must not freeze the screen).
    pub fn fire(&mut self) {
        self.due = None;
        let shared = self.shared();
        tokio::task::spawn_blocking(move || shared.flush());
    }

    /// The loop ended (quit, error, terminal gone): settle the last state and write
    /// what is pending now, on this thread.
    pub fn finish(&mut self, app: &App) {
        self.observe(app);
        self.due = None;
        self.shared.flush();
    }
}

/// A panic writes the pending draft (without waiting on a lock), then the terminal is
/// restored and the message printed by the hook installed before this one.
pub fn install_panic_flush(shared: Arc<Shared>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        shared.try_flush();
        previous(info);
    }));
}

/// The snapshot of the work on screen: the document, with the open editor's text
/// applied when it would apply.
pub fn snapshot(app: &App) -> Draft {
    snapshot_with(app, typing(app).map(|(p, _, v)| (p, v)))
}

/// `snapshot` with the editor's (pointer, value) already computed by `typing`.
fn snapshot_with(app: &App, typing: Option<(String, Value)>) -> Draft {
    let mut value = app.doc.value().clone();
    if let Some((pointer, v)) = typing {
        let _ = crate::document::set(&mut value, &pointer, v);
    }
    Draft::new(&app.profile.name, app.profile.fingerprint, value, app.now)
}

/// What a look at a multi-line editor's lines, without joining them, can tell.
enum Quick {
    /// Nothing the last observation saw has changed.
    Unchanged,
    /// The editor holds the document's text: it would change nothing.
    AsDocument,
}

/// The cheap look at the open multi-line editor, against the document and `prev`; None
/// when it takes the full look (`typing`).
fn quick_look(app: &App, prev: &Seen) -> Option<Quick> {
    let Some(Editor::Multi { pointer, area, .. }) = app.editor.as_ref() else {
        return None;
    };
    let lines = area.lines();
    let current = app.value(pointer);
    if let Some(Value::String(s)) = current
        && lines_are(lines, s)
    {
        return Some(Quick::AsDocument);
    }
    // The text differs from the document, so it applies unless it is empty over an
    // absent or null field; the same text as last time applies the same way.
    let (p, t) = prev.typing.as_ref()?;
    let empty_over_nothing = t.is_empty() && matches!(current, None | Some(Value::Null));
    let unchanged = !empty_over_nothing
        && p == pointer
        && prev.dirty
        && prev.generation == app.generation
        && prev.profile == app.profile.name
        && lines_are(lines, t);
    unchanged.then_some(Quick::Unchanged)
}

/// Whether `lines` joined with '\n' make `text`, without joining them.
fn lines_are(lines: &[String], text: &str) -> bool {
    let mut rest = text;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            match rest.strip_prefix('\n') {
                Some(r) => rest = r,
                None => return false,
            }
        }
        match rest.strip_prefix(line.as_str()) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The open editor's (pointer, text, value) when its text would change the document.
fn typing(app: &App) -> Option<(String, String, Value)> {
    let editor = app.editor.as_ref()?;
    let pointer = editor.pointer().to_string();
    let (text, value) = match editor {
        Editor::Line {
            kind: LineKind::Number,
            area,
            ..
        } => {
            let text = text_field::text(area);
            let field = app.schema.form.field(&pointer)?;
            let v = slider::parse(field, &text).ok()?;
            (text, v)
        }
        Editor::Line { area, .. } => {
            let text = text_field::text(area);
            (text.clone(), Value::String(text))
        }
        Editor::Multi { area, .. } => {
            let text = area.lines().join("\n");
            (text.clone(), Value::String(text))
        }
        Editor::Json {
            area, object_only, ..
        } => {
            let text = area.lines().join("\n");
            let v = json_editor::parse(&text, *object_only).ok()?;
            (text, v)
        }
    };
    let current = app.value(&pointer);
    let same = match (current, &value) {
        (Some(c), v) => c == v,
        // An empty text over an absent or null field changes nothing.
        (None, Value::String(s)) => s.is_empty(),
        (None, _) => false,
    } || (matches!(current, Some(Value::Null)) && value == Value::String(String::new()));
    (!same).then_some((pointer, text, value))
}

#[cfg(test)]
mod tests {
    use super::lines_are;

    #[test]
    fn lines_are_the_text_they_join_to() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(lines_are(&lines(&[""]), ""));
        assert!(lines_are(&lines(&["a", "", "bc"]), "a\n\nbc"));
        assert!(lines_are(&lines(&["a", ""]), "a\n"));
        assert!(!lines_are(&lines(&["a"]), "a\n"));
        assert!(!lines_are(&lines(&["a", ""]), "a"));
        assert!(!lines_are(&lines(&["ab"]), "a\nb"));
        assert!(!lines_are(&lines(&["a", "b"]), "ab"));
        assert!(!lines_are(&lines(&["a"]), "ab"));
        assert!(!lines_are(&lines(&[""]), "x"));
    }
}
