//! An App over a temp config dir, and helpers to press keys.

use crate::paths::Paths;
use crate::profiles::Store;
use crate::schema::Schema;
use crate::tui::app::{App, EnvInfo, Setup, update};
use crate::tui::keymap::KeyMap;
use crate::tui::msg::{Effect, Msg};
use crate::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub struct Harness {
    pub app: App,
    pub dir: tempfile::TempDir,
}

pub const NOW: i64 = 1_800_000_000;

impl Harness {
    pub fn new() -> Harness {
        Harness::with_keys(KeyMap::default(), Vec::new())
    }

    pub fn with_keys(keymap: KeyMap, notices: Vec<String>) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::at(dir.path());
        let schema = Schema::bundled();
        let store = Store::new(paths.profiles(), dir.path());
        let mut web = crate::profiles::presets::find("web").unwrap().body();
        web["session_id"] = serde_json::json!("sess-1");
        store.create("default", &web, &schema, false).unwrap();
        let app = App::new(Setup {
            schema,
            store,
            paths,
            keymap,
            theme: Theme::dark(),
            env: EnvInfo {
                name: "dev".into(),
                base_url: "https://dev-voice-api.example".into(),
            },
            profile: "default".into(),
            notices,
            now: NOW,
        });
        Harness { app, dir }
    }

    pub fn send(&mut self, msg: Msg) -> Vec<Effect> {
        update(&mut self.app, msg)
    }

    pub fn key(&mut self, code: KeyCode) -> Vec<Effect> {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    pub fn ctrl(&mut self, c: char) -> Vec<Effect> {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )))
    }

    pub fn shift(&mut self, code: KeyCode) -> Vec<Effect> {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::SHIFT)))
    }

    pub fn chars(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Focuses the field at `pointer` the way a user would: its tab, then ↓ to it.
    pub fn focus(&mut self, pointer: &str) {
        let tab = self.app.schema.form.tab_of(pointer).unwrap();
        self.key(KeyCode::Char(char::from_digit(tab as u32 + 1, 10).unwrap()));
        for _ in 0..40 {
            if self.app.focused_pointer().as_deref() == Some(pointer) {
                return;
            }
            self.key(KeyCode::Down);
        }
        panic!("could not focus {pointer}");
    }

    pub fn value(&self, pointer: &str) -> Option<serde_json::Value> {
        self.app.value(pointer).cloned()
    }
}
