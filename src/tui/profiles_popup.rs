//! The profiles popup (Ctrl-P): the user's and the project's profiles, and what can be
//! done with them: open, new (blank or from a preset), duplicate, rename, delete; `/`
//! filters the list by name, and every key then acts on the matches.

use super::app::{App, Tone};
use super::commands;
use super::keymap::{Action, Key};
use super::msg::Effect;
use super::popup::Popup;
use super::widgets::text_field;
use crate::profiles::presets::{self, PRESETS};
use crate::profiles::{Entry, Store};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

#[derive(Debug)]
pub struct ProfilesPopup {
    pub entries: Vec<Entry>,
    /// Index into `visible`.
    pub selected: usize,
    pub mode: Mode,
    pub error: Option<String>,
    /// What `/` narrowed the list to (case-insensitive substring of the name).
    pub filter: String,
    /// Indices into `entries` of the names matching `filter`, kept current so drawing
    /// 10,000 profiles only slices it.
    pub visible: Vec<usize>,
}

#[derive(Debug)]
pub enum Mode {
    List,
    /// Typing the filter: characters narrow the list, Enter opens the selected match.
    Filter,
    Preset {
        selected: usize,
    },
    Name {
        purpose: Purpose,
        input: Box<TextArea<'static>>,
    },
    ConfirmDelete(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    New { preset: Option<&'static str> },
    Duplicate(String),
    Rename(String),
}

impl Purpose {
    pub fn title(&self) -> String {
        match self {
            Purpose::New { preset: None } => "New blank profile: name".into(),
            Purpose::New { preset: Some(p) } => format!("New profile from preset `{p}`: name"),
            Purpose::Duplicate(from) => format!("Duplicate `{from}` as"),
            Purpose::Rename(from) => format!("Rename `{from}` to"),
        }
    }
}

impl ProfilesPopup {
    pub fn new(store: &Store, current: &str) -> ProfilesPopup {
        let entries = store.list();
        let selected = entries.iter().position(|e| e.name == current).unwrap_or(0);
        let visible = (0..entries.len()).collect();
        ProfilesPopup {
            entries,
            selected,
            mode: Mode::List,
            error: None,
            filter: String::new(),
            visible,
        }
    }

    /// A name or an answer is being typed: no command reaches past the popup.
    pub fn is_typing(&self) -> bool {
        !matches!(self.mode, Mode::List | Mode::Filter)
    }

    /// The filter is being typed: only mint reaches past the popup, as over an enum list.
    pub fn is_filtering(&self) -> bool {
        matches!(self.mode, Mode::Filter)
    }

    /// The entry under the selection, among the matches.
    pub fn selected_entry(&self) -> Option<&Entry> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.entries.get(i))
    }

    fn selected_name(&self) -> Option<String> {
        self.selected_entry().map(|e| e.name.clone())
    }

    /// Recomputes the matches; the selection goes to `select` if it matches, else the
    /// first match.
    fn apply_filter(&mut self, select: Option<&str>) {
        let needle = self.filter.to_lowercase();
        self.visible = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| needle.is_empty() || e.name.to_lowercase().contains(&needle))
            .map(|(i, _)| i)
            .collect();
        self.selected = select
            .and_then(|name| {
                self.visible
                    .iter()
                    .position(|&i| self.entries[i].name == name)
            })
            .unwrap_or(0);
    }

    fn set_filter(&mut self, filter: String) {
        self.filter = filter;
        self.apply_filter(None);
    }

    fn refresh(&mut self, store: &Store, select: &str) {
        let before = self.selected;
        self.entries = store.list();
        self.apply_filter(Some(select));
        if self.selected_name().as_deref() != Some(select) {
            self.selected = before.min(self.visible.len().saturating_sub(1));
        }
    }

    pub fn scroll(&mut self, down: bool) {
        let last = self.visible.len().saturating_sub(1);
        self.selected = if down {
            (self.selected + 1).min(last)
        } else {
            self.selected.saturating_sub(1)
        };
    }
}

type Outcome = (Option<Popup>, Vec<Effect>);

pub fn on_key(app: &mut App, mut p: ProfilesPopup, key: &Key, ev: KeyEvent) -> Outcome {
    match std::mem::replace(&mut p.mode, Mode::List) {
        Mode::List => list_key(app, p, key),
        Mode::Filter => filter_key(app, p, key),
        Mode::Preset { selected } => preset_key(app, p, selected, key),
        Mode::Name { purpose, input } => name_key(app, p, purpose, input, key, ev),
        Mode::ConfirmDelete(name) => {
            if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
                delete(app, &mut p, &name);
            } else {
                p.error = Some("delete cancelled".into());
            }
            (Some(Popup::Profiles(p)), Vec::new())
        }
    }
}

fn list_key(app: &mut App, mut p: ProfilesPopup, key: &Key) -> Outcome {
    let actions = [
        Action::Back,
        Action::Quit,
        Action::Profiles,
        Action::Up,
        Action::Down,
        Action::Edit,
        Action::ProfileNew,
        Action::ProfilePreset,
        Action::ProfileDuplicate,
        Action::ProfileRename,
        Action::ProfileDelete,
        Action::ProfileFilter,
    ];
    p.error = None;
    let selected = p.selected_name();
    match app.keymap.find(key, &actions) {
        // Esc first clears a filter; with none it closes, as before.
        Some(Action::Back) if !p.filter.is_empty() => {
            let keep = selected;
            p.filter.clear();
            p.apply_filter(keep.as_deref());
        }
        Some(Action::Back | Action::Quit | Action::Profiles) => return (None, Vec::new()),
        Some(Action::Up) => p.scroll(false),
        Some(Action::Down) => p.scroll(true),
        Some(Action::Edit) => return open_selected(app, p),
        Some(Action::ProfileFilter) => p.mode = Mode::Filter,
        Some(Action::ProfileNew) => {
            p.mode = Mode::Name {
                purpose: Purpose::New { preset: None },
                input: Box::new(text_field::line("")),
            }
        }
        Some(Action::ProfilePreset) => p.mode = Mode::Preset { selected: 0 },
        Some(Action::ProfileDuplicate) => {
            if let Some(name) = selected {
                p.mode = Mode::Name {
                    input: Box::new(text_field::line(&format!("{name}-copy"))),
                    purpose: Purpose::Duplicate(name),
                }
            }
        }
        Some(Action::ProfileRename) => {
            if let Some(name) = selected {
                p.mode = Mode::Name {
                    input: Box::new(text_field::line(&name)),
                    purpose: Purpose::Rename(name),
                }
            }
        }
        Some(Action::ProfileDelete) => {
            if let Some(name) = selected {
                p.mode = Mode::ConfirmDelete(name)
            }
        }
        _ => {}
    }
    (Some(Popup::Profiles(p)), Vec::new())
}

/// Keys while the filter is typed: characters and Backspace edit it, ↑/↓ move among the
/// matches, Enter opens the selected one, Tab keeps the filter and gives the letters back
/// to the list's keys, Esc clears it.
fn filter_key(app: &mut App, mut p: ProfilesPopup, key: &Key) -> Outcome {
    p.error = None;
    p.mode = Mode::Filter;
    let typed = !key
        .mods
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Enter => return open_selected(app, p),
        KeyCode::Up => p.scroll(false),
        KeyCode::Down => p.scroll(true),
        KeyCode::Tab => p.mode = Mode::List,
        KeyCode::Backspace => {
            let mut filter = std::mem::take(&mut p.filter);
            filter.pop();
            p.set_filter(filter);
        }
        KeyCode::Char(c) if typed => {
            let mut filter = std::mem::take(&mut p.filter);
            filter.push(c);
            p.set_filter(filter);
        }
        _ if app.key_matches(Action::Back, key) => {
            let keep = p.selected_name();
            p.filter.clear();
            p.apply_filter(keep.as_deref());
            p.mode = Mode::List;
        }
        _ => {}
    }
    (Some(Popup::Profiles(p)), Vec::new())
}

/// Enter on the list: opens the selected match, unless it cannot be read.
fn open_selected(app: &mut App, mut p: ProfilesPopup) -> Outcome {
    let Some(entry) = p.selected_entry() else {
        if !p.filter.is_empty() {
            p.error = Some(format!("no profile matches `{}`", p.filter));
        }
        return (Some(Popup::Profiles(p)), Vec::new());
    };
    let name = entry.name.clone();
    if let Some(problem) = entry.problem.clone() {
        p.error = Some(format!("`{name}` cannot be opened: {problem}"));
        (Some(Popup::Profiles(p)), Vec::new())
    } else if name == app.profile.name {
        (None, Vec::new())
    } else {
        (None, commands::switch_to(app, &name))
    }
}

fn preset_key(app: &mut App, mut p: ProfilesPopup, selected: usize, key: &Key) -> Outcome {
    let last = PRESETS.len().saturating_sub(1);
    match app
        .keymap
        .find(key, &[Action::Back, Action::Up, Action::Down, Action::Edit])
    {
        Some(Action::Back) => {}
        Some(Action::Up) => {
            p.mode = Mode::Preset {
                selected: selected.saturating_sub(1),
            }
        }
        Some(Action::Down) => {
            p.mode = Mode::Preset {
                selected: (selected + 1).min(last),
            }
        }
        Some(Action::Edit) => {
            let preset = PRESETS[selected.min(last)].name;
            p.mode = Mode::Name {
                purpose: Purpose::New {
                    preset: Some(preset),
                },
                input: Box::new(text_field::line(preset)),
            }
        }
        _ => p.mode = Mode::Preset { selected },
    }
    (Some(Popup::Profiles(p)), Vec::new())
}

fn name_key(
    app: &mut App,
    mut p: ProfilesPopup,
    purpose: Purpose,
    mut input: Box<TextArea<'static>>,
    key: &Key,
    ev: KeyEvent,
) -> Outcome {
    if app.key_matches(Action::Back, key) {
        return (Some(Popup::Profiles(p)), Vec::new());
    }
    if key.code != KeyCode::Enter {
        text_field::feed(&mut input, ev);
        p.mode = Mode::Name { purpose, input };
        return (Some(Popup::Profiles(p)), Vec::new());
    }
    let name = text_field::text(&input).trim().to_string();
    match apply(app, &purpose, &name) {
        Ok(Some(open)) => (None, commands::switch_to(app, &open)),
        Ok(None) => {
            p.refresh(&app.store, &name);
            (Some(Popup::Profiles(p)), Vec::new())
        }
        Err(e) => {
            p.error = Some(e);
            p.mode = Mode::Name { purpose, input };
            (Some(Popup::Profiles(p)), Vec::new())
        }
    }
}

/// Does what the name was asked for; Some(name) when that profile should be opened.
fn apply(app: &mut App, purpose: &Purpose, name: &str) -> Result<Option<String>, String> {
    match purpose {
        Purpose::New { preset } => {
            let body = match preset {
                Some(p) => presets::find(p).map(|p| p.body()).ok_or("unknown preset")?,
                None => app.schema.defaults(),
            };
            app.store
                .create(name, &body, &app.schema, false)
                .map_err(|e| e.to_string())?;
            Ok(Some(name.to_string()))
        }
        Purpose::Duplicate(from) => {
            app.store
                .copy(from, name, &app.schema, false)
                .map_err(|e| e.to_string())?;
            app.say(Tone::Good, format!("duplicated `{from}` as `{name}`"));
            Ok(None)
        }
        Purpose::Rename(from) => {
            app.store
                .rename(from, name, false)
                .map_err(|e| e.to_string())?;
            if *from == app.profile.name {
                app.profile.name = name.to_string();
                let state = crate::state::State {
                    last_profile: Some(name.to_string()),
                };
                let _ = state.save(&app.paths.state());
            }
            app.say(Tone::Good, format!("renamed `{from}` to `{name}`"));
            Ok(None)
        }
    }
}

fn delete(app: &mut App, p: &mut ProfilesPopup, name: &str) {
    match app.store.delete(name) {
        Ok(path) => {
            if name == app.profile.name {
                // The editor keeps the document; it is now unsaved, not lost.
                let value = app.doc.value().clone();
                app.doc.replace(value, serde_json::Value::Null);
                app.profile.fingerprint = None;
                app.profile.origin = None;
                app.say(
                    Tone::Info,
                    format!(
                        "deleted {}; the editor still holds it, unsaved",
                        path.display()
                    ),
                );
            } else {
                app.say(Tone::Good, format!("deleted {}", path.display()));
            }
            p.refresh(&app.store, &app.profile.name.clone());
        }
        Err(e) => p.error = Some(e.to_string()),
    }
}
