//! The editor's whole state and `update`, which turns a message into state changes and
//! effects. Nothing here draws or touches the network; profile files are read and
//! written through the `Store` (local, small, and what the user asked for).

use super::editing::Editor;
use super::keymap::{Action, Key, KeyMap};
use super::minting::{InFlight, Minted};
use super::msg::{Effect, Msg};
use super::popup::Popup;
use super::theme::Theme;
use crate::document::Document;
use crate::paths::Paths;
use crate::profiles::{Origin, Store};
use crate::schema::{FormField, Issue, Schema};
use crate::state::State;
use ratatui::layout::Rect;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashSet;

/// Where requests go, as shown in the header.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvInfo {
    pub name: String,
    pub base_url: String,
}

/// The profile being edited and what is known about its file.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSlot {
    pub name: String,
    pub origin: Option<Origin>,
    /// Fingerprint of the bytes loaded; None for a profile not yet on disk.
    pub fingerprint: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Good,
    Bad,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
}

/// Where things were drawn last frame, so a click can find what it hit.
#[derive(Debug, Default, Clone)]
pub struct HitMap {
    pub tabs: Vec<(Rect, usize)>,
    pub fields: Vec<(Rect, usize)>,
    pub list: Option<(Rect, usize)>,
    /// The form's scroll offset per tab, kept between frames so scrolling is sticky.
    pub form_scroll: Vec<usize>,
}

pub struct App {
    pub schema: Schema,
    pub store: Store,
    pub paths: Paths,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub env: EnvInfo,
    pub profile: ProfileSlot,
    pub doc: Document,
    pub issues: Vec<Issue>,
    /// Messages from the server's last 422, by pointer, until the field is edited.
    pub server_errors: Vec<(String, String)>,
    pub tab: usize,
    /// The focused field of each tab.
    pub cursor: Vec<usize>,
    pub editor: Option<Editor>,
    /// Popups, the top one last; it gets the keys.
    pub popups: Vec<Popup>,
    pub mint: Option<InFlight>,
    pub history: Vec<Minted>,
    pub status: Option<Status>,
    pub revealed: HashSet<String>,
    pub size: (u16, u16),
    pub now: i64,
    pub spinner: usize,
    pub should_quit: bool,
    pub next_mint_id: u64,
    /// Counts document changes (edits, undo, redo, loads): a draft writer can debounce
    /// on it and a view cache can key on it.
    pub generation: u64,
    pub hits: RefCell<HitMap>,
}

/// What `App::new` needs; built by the start-up code from settings and flags.
pub struct Setup {
    pub schema: Schema,
    pub store: Store,
    pub paths: Paths,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub env: EnvInfo,
    pub profile: String,
    pub notices: Vec<String>,
    pub now: i64,
}

impl App {
    pub fn new(setup: Setup) -> App {
        let tabs = setup.schema.form.tabs.len();
        let mut app = App {
            doc: Document::new(Value::Object(Default::default())),
            schema: setup.schema,
            store: setup.store,
            paths: setup.paths,
            keymap: setup.keymap,
            theme: setup.theme,
            env: setup.env,
            profile: ProfileSlot {
                name: setup.profile.clone(),
                origin: None,
                fingerprint: None,
            },
            issues: Vec::new(),
            server_errors: Vec::new(),
            tab: 0,
            cursor: vec![0; tabs],
            editor: None,
            popups: Vec::new(),
            mint: None,
            history: Vec::new(),
            status: None,
            revealed: HashSet::new(),
            size: (100, 30),
            now: setup.now,
            spinner: 0,
            should_quit: false,
            next_mint_id: 1,
            generation: 0,
            hits: RefCell::new(HitMap::default()),
        };
        // The last-used profile is recorded after the first frame (`remember_profile`):
        // two fsyncs have no business before the form is on screen.
        app.load_profile(&setup.profile);
        if !setup.notices.is_empty() {
            app.popups.push(Popup::Notice(setup.notices));
        }
        app
    }

    // ── profile ────────────────────────────────────────────────────────────────

    /// Loads a profile into the editor and remembers it as the last used. A name with
    /// no file starts from the schema's defaults, unsaved.
    pub fn open_profile(&mut self, name: &str) {
        self.load_profile(name);
        self.remember_profile();
    }

    /// Loads a profile into the editor without recording it as the last used.
    pub fn load_profile(&mut self, name: &str) {
        match self.store.load(name) {
            Ok(loaded) => {
                self.doc = Document::new(loaded.value);
                self.profile = ProfileSlot {
                    name: loaded.name,
                    origin: Some(loaded.origin),
                    fingerprint: Some(loaded.fingerprint),
                };
                self.say(Tone::Info, format!("opened profile `{name}`"));
            }
            Err(crate::profiles::ProfileError::NotFound { .. }) => {
                let mut doc = Document::new(Value::Null);
                doc.replace(self.schema.defaults(), Value::Null);
                self.doc = doc;
                self.profile = ProfileSlot {
                    name: name.to_string(),
                    origin: None,
                    fingerprint: None,
                };
                self.say(
                    Tone::Info,
                    format!("new profile `{name}` from defaults: not saved yet (Ctrl-S saves)"),
                );
            }
            Err(e) => {
                // The file is there but unreadable: edit defaults, but never overwrite
                // it without asking (the save path sees a fingerprint mismatch).
                let mut doc = Document::new(Value::Null);
                doc.replace(self.schema.defaults(), Value::Null);
                self.doc = doc;
                self.profile = ProfileSlot {
                    name: name.to_string(),
                    origin: None,
                    fingerprint: Some(0),
                };
                self.popups.push(Popup::Notice(vec![format!(
                    "{e}\n\nShowing the schema's defaults instead; saving will ask before replacing the file."
                )]));
            }
        }
        self.editor = None;
        self.server_errors.clear();
        self.revealed.clear();
        self.revalidate();
        super::draft_offer::offer_on_open(self);
    }

    /// Records the open profile as the last used (`state.json`), only when it changes:
    /// a synced write has no place on the start path.
    pub fn remember_profile(&self) {
        let state_path = self.paths.state();
        if State::load(&state_path).last_profile.as_deref() == Some(self.profile.name.as_str()) {
            return;
        }
        let state = State {
            last_profile: Some(self.profile.name.clone()),
        };
        if let Err(e) = state.save(&state_path) {
            tracing::warn!("could not record the last profile: {e}");
        }
    }

    // ── document ───────────────────────────────────────────────────────────────

    pub fn value(&self, pointer: &str) -> Option<&Value> {
        self.doc.get(pointer)
    }

    /// Applies an edit to the document; returns whether anything changed.
    pub fn set_value(&mut self, pointer: &str, value: Option<Value>) -> bool {
        match self.doc.set(pointer, value) {
            Ok(changed) => {
                if changed {
                    self.server_errors
                        .retain(|(p, _)| !crate::schema::field::is_within(p, pointer));
                    self.revalidate();
                }
                changed
            }
            Err(e) => {
                self.say(Tone::Bad, e.to_string());
                false
            }
        }
    }

    pub fn revalidate(&mut self) {
        self.generation += 1;
        self.issues = self.schema.validate(self.doc.value());
    }

    /// Local and server problems with the field at `pointer` (or below it).
    pub fn problems(&self, pointer: &str) -> Vec<String> {
        let within = |p: &str| crate::schema::field::is_within(p, pointer);
        self.server_errors
            .iter()
            .filter(|(p, _)| within(p))
            .map(|(_, m)| format!("server: {m}"))
            .chain(
                self.issues
                    .iter()
                    .filter(|i| within(&i.pointer))
                    .map(|i| i.message.clone()),
            )
            .collect()
    }

    pub fn error_count(&self) -> usize {
        self.issues.len() + self.server_errors.len()
    }

    pub fn tab_has_errors(&self, tab: usize) -> bool {
        self.schema.form.tabs[tab]
            .fields()
            .any(|f| !self.problems(&f.pointer).is_empty())
    }

    // ── focus ──────────────────────────────────────────────────────────────────

    pub fn tab_fields(&self, tab: usize) -> Vec<&FormField> {
        self.schema
            .form
            .tabs
            .get(tab)
            .map(|t| t.fields().collect())
            .unwrap_or_default()
    }

    pub fn focused(&self) -> Option<&FormField> {
        let fields = self.tab_fields(self.tab);
        fields.get(self.cursor[self.tab]).copied()
    }

    pub fn focused_pointer(&self) -> Option<String> {
        self.focused().map(|f| f.pointer.clone())
    }

    /// Moves focus to the field showing `pointer`, switching tab.
    pub fn focus_pointer(&mut self, pointer: &str) {
        let Some(tab) = self.schema.form.tab_of(pointer) else {
            return;
        };
        let index = self
            .tab_fields(tab)
            .iter()
            .position(|f| crate::schema::field::is_within(pointer, &f.pointer));
        self.tab = tab;
        if let Some(i) = index {
            self.cursor[tab] = i;
        }
    }

    // ── status and chrome ──────────────────────────────────────────────────────

    pub fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            tone,
        });
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// How often the loop should tick: only while something on screen moves.
    pub fn tick_interval(&self) -> Option<std::time::Duration> {
        if self.mint.is_some() {
            Some(std::time::Duration::from_millis(100))
        } else if self.popups.iter().any(|p| matches!(p, Popup::Token(_))) {
            Some(std::time::Duration::from_secs(1))
        } else {
            None
        }
    }

    pub fn key_matches(&self, action: Action, key: &Key) -> bool {
        self.keymap.matches(action, key)
    }
}

/// The one entry point: a message in, effects out.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(ev) => super::keys::on_key(app, ev),
        Msg::Paste(text) => super::editing::on_paste(app, text),
        Msg::Mouse(ev) => super::mouse::on_mouse(app, ev),
        Msg::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Msg::Tick(now) => {
            app.now = now;
            app.spinner = app.spinner.wrapping_add(1);
            Vec::new()
        }
        Msg::MintDone { id, result } => super::minting::on_done(app, id, result),
        Msg::Copied { token, report } => super::minting::on_copied(app, &token, report),
    }
}
