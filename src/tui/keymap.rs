//! Actions ↔ keys. Defaults follow DESIGN.md; `[keys]` in settings.toml rebinds any
//! action (`mint = "f5"` or `mint = ["ctrl-t", "f5"]`). A bad entry is reported and
//! that action keeps its default, so one typo never leaves the editor unusable.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    NextTab,
    PrevTab,
    Tab(u8),
    Up,
    Down,
    Decrease,
    Increase,
    DecreaseMore,
    IncreaseMore,
    Toggle,
    Edit,
    Back,
    Help,
    Mint,
    Save,
    Profiles,
    Undo,
    Redo,
    Quit,
    QuitAnywhere,
    Reveal,
    CopyToken,
    History,
    ProfileNew,
    ProfilePreset,
    ProfileDuplicate,
    ProfileRename,
    ProfileDelete,
    ProfileFilter,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: &'static [Action] = &[
        Action::NextTab,
        Action::PrevTab,
        Action::Tab(1),
        Action::Tab(2),
        Action::Tab(3),
        Action::Tab(4),
        Action::Tab(5),
        Action::Tab(6),
        Action::Tab(7),
        Action::Tab(8),
        Action::Tab(9),
        Action::Up,
        Action::Down,
        Action::Decrease,
        Action::Increase,
        Action::DecreaseMore,
        Action::IncreaseMore,
        Action::Toggle,
        Action::Edit,
        Action::Back,
        Action::Reveal,
        Action::Mint,
        Action::Save,
        Action::Profiles,
        Action::Undo,
        Action::Redo,
        Action::History,
        Action::CopyToken,
        Action::Help,
        Action::Quit,
        Action::QuitAnywhere,
        Action::ProfileNew,
        Action::ProfilePreset,
        Action::ProfileDuplicate,
        Action::ProfileRename,
        Action::ProfileDelete,
        Action::ProfileFilter,
    ];

    /// The name used in settings.toml.
    pub fn name(self) -> String {
        let s = match self {
            Action::NextTab => "next-tab",
            Action::PrevTab => "prev-tab",
            Action::Tab(n) => return format!("tab-{n}"),
            Action::Up => "up",
            Action::Down => "down",
            Action::Decrease => "decrease",
            Action::Increase => "increase",
            Action::DecreaseMore => "decrease-more",
            Action::IncreaseMore => "increase-more",
            Action::Toggle => "toggle",
            Action::Edit => "edit",
            Action::Back => "back",
            Action::Help => "help",
            Action::Mint => "mint",
            Action::Save => "save",
            Action::Profiles => "profiles",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Quit => "quit",
            Action::QuitAnywhere => "quit-anywhere",
            Action::Reveal => "reveal",
            Action::CopyToken => "copy-token",
            Action::History => "history",
            Action::ProfileNew => "profile-new",
            Action::ProfilePreset => "profile-preset",
            Action::ProfileDuplicate => "profile-duplicate",
            Action::ProfileRename => "profile-rename",
            Action::ProfileDelete => "profile-delete",
            Action::ProfileFilter => "profile-filter",
        };
        s.to_string()
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// What the action does, for the help overlay.
    pub fn describe(self) -> String {
        let s = match self {
            Action::NextTab => "next tab",
            Action::PrevTab => "previous tab",
            Action::Tab(n) => return format!("go to tab {n}"),
            Action::Up => "previous field",
            Action::Down => "next field",
            Action::Decrease => "previous value / step down",
            Action::Increase => "next value / step up",
            Action::DecreaseMore => "step down ×10",
            Action::IncreaseMore => "step up ×10",
            Action::Toggle => "toggle a switch",
            Action::Edit => "edit the field / open a list / type a number",
            Action::Back => "leave editor or popup; cancel a mint",
            Action::Help => "this help",
            Action::Mint => "mint a token (works anywhere)",
            Action::Save => "save the profile",
            Action::Profiles => "profiles: open, new, duplicate, rename, delete",
            Action::Undo => "undo (inside an editor: undo typing)",
            Action::Redo => "redo",
            Action::Quit => "quit (asks if unsaved)",
            Action::QuitAnywhere => "quit from anywhere (asks if unsaved)",
            Action::Reveal => "reveal or hide a secret",
            Action::CopyToken => "copy the token again (token view)",
            Action::History => "tokens minted this run",
            Action::ProfileNew => "profiles: new blank profile",
            Action::ProfilePreset => "profiles: new from a preset",
            Action::ProfileDuplicate => "profiles: duplicate",
            Action::ProfileRename => "profiles: rename",
            Action::ProfileDelete => "profiles: delete",
            Action::ProfileFilter => "profiles: filter the list by name (Esc clears)",
        };
        s.to_string()
    }

    /// Actions that work while a text editor has the keyboard.
    pub fn is_global(self) -> bool {
        matches!(
            self,
            Action::Mint
                | Action::Save
                | Action::Profiles
                | Action::Undo
                | Action::Redo
                | Action::QuitAnywhere
                | Action::Help
        )
    }
}

fn defaults(action: Action) -> &'static [&'static str] {
    match action {
        Action::NextTab => &["tab"],
        Action::PrevTab => &["shift-tab"],
        Action::Tab(1) => &["1"],
        Action::Tab(2) => &["2"],
        Action::Tab(3) => &["3"],
        Action::Tab(4) => &["4"],
        Action::Tab(5) => &["5"],
        Action::Tab(6) => &["6"],
        Action::Tab(7) => &["7"],
        Action::Tab(8) => &["8"],
        Action::Tab(9) => &["9"],
        Action::Tab(_) => &[],
        Action::Up => &["up", "k"],
        Action::Down => &["down", "j"],
        Action::Decrease => &["left", "h"],
        Action::Increase => &["right", "l"],
        Action::DecreaseMore => &["shift-left", "H"],
        Action::IncreaseMore => &["shift-right", "L"],
        Action::Toggle => &["space"],
        Action::Edit => &["enter"],
        Action::Back => &["esc"],
        Action::Help => &["?", "f1"],
        Action::Mint => &["ctrl-t"],
        Action::Save => &["ctrl-s"],
        Action::Profiles => &["ctrl-p"],
        Action::Undo => &["ctrl-z"],
        Action::Redo => &["ctrl-y"],
        Action::Quit => &["q"],
        Action::QuitAnywhere => &["ctrl-c"],
        Action::Reveal => &["r"],
        Action::CopyToken => &["y"],
        Action::History => &["t"],
        Action::ProfileNew => &["n"],
        Action::ProfilePreset => &["p"],
        Action::ProfileDuplicate => &["c"],
        Action::ProfileRename => &["r"],
        Action::ProfileDelete => &["d", "delete"],
        Action::ProfileFilter => &["/"],
    }
}

/// One key with its modifiers, compared the way people think of keys: `?` is `?`
/// whether or not the terminal also reports Shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // Shift is already in the character (and some terminals omit it).
            KeyCode::Char(_) => {
                mods.remove(KeyModifiers::SHIFT);
                code
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                code
            }
            _ => code,
        };
        Key { code, mods }
    }

    pub fn from_event(ev: &KeyEvent) -> Key {
        let code = match ev.code {
            // Ctrl-letter arrives lowercase on most terminals; uppercase on some.
            KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key::new(code, ev.modifiers)
    }

    /// Parses `ctrl-t`, `shift-left`, `f1`, `?`, `space`, `enter`, `H`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("an empty key".into());
        }
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let Some((prefix, tail)) = lower.split_once('-').filter(|(_, t)| !t.is_empty()) else {
                break;
            };
            match prefix {
                "ctrl" | "c" => mods |= KeyModifiers::CONTROL,
                "alt" | "a" | "meta" | "m" => mods |= KeyModifiers::ALT,
                "shift" | "s" => mods |= KeyModifiers::SHIFT,
                _ => break,
            }
            rest = &rest[rest.len() - tail.len()..];
        }
        let code = parse_code(rest).ok_or_else(|| format!("`{text}` is not a key I know"))?;
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        Ok(Key::new(code, mods))
    }
}

fn parse_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "minus" => KeyCode::Char('-'),
        f if f.starts_with('f') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
        }
        _ => return None,
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            write!(f, "Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Up => write!(f, "↑"),
            KeyCode::Down => write!(f, "↓"),
            KeyCode::Left => write!(f, "←"),
            KeyCode::Right => write!(f, "→"),
            KeyCode::BackTab => write!(f, "Shift-Tab"),
            KeyCode::PageUp => write!(f, "PgUp"),
            KeyCode::PageDown => write!(f, "PgDn"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: HashMap<Action, Vec<Key>>,
}

impl Default for KeyMap {
    fn default() -> KeyMap {
        let bindings = Action::ALL
            .iter()
            .map(|&a| {
                let keys = defaults(a)
                    .iter()
                    .map(|k| Key::parse(k).expect("default keys parse (checked by tests)"))
                    .collect();
                (a, keys)
            })
            .collect();
        KeyMap { bindings }
    }
}

impl KeyMap {
    /// The defaults with `[keys]` applied; returns the problems found, one per entry.
    pub fn from_table(table: &toml::Table) -> (KeyMap, Vec<String>) {
        let mut map = KeyMap::default();
        let mut problems = Vec::new();
        for (name, value) in table {
            let Some(action) = Action::from_name(name) else {
                problems.push(format!(
                    "settings [keys]: unknown action `{name}` (known: {})",
                    Action::ALL
                        .iter()
                        .map(|a| a.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                continue;
            };
            match parse_keys(value) {
                Ok(keys) => {
                    map.bindings.insert(action, keys);
                }
                Err(e) => problems.push(format!(
                    "settings [keys]: {name} = {value}: {e}; keeping the default ({})",
                    map.label(action)
                )),
            }
        }
        (map, problems)
    }

    pub fn matches(&self, action: Action, key: &Key) -> bool {
        self.bindings
            .get(&action)
            .is_some_and(|ks| ks.contains(key))
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.bindings.get(&action).map_or(&[], Vec::as_slice)
    }

    /// "Ctrl-T" or "↑/k": the keys bound to an action, for hints and help.
    pub fn label(&self, action: Action) -> String {
        let keys = self.keys(action);
        if keys.is_empty() {
            return "(unbound)".into();
        }
        keys.iter()
            .map(Key::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The first key bound to an action, for the short hints line.
    pub fn first_label(&self, action: Action) -> String {
        self.keys(action)
            .first()
            .map_or_else(|| "(unbound)".into(), Key::to_string)
    }

    /// The first action of `candidates` this key triggers.
    pub fn find(&self, key: &Key, candidates: &[Action]) -> Option<Action> {
        candidates.iter().copied().find(|&a| self.matches(a, key))
    }
}

fn parse_keys(value: &toml::Value) -> Result<Vec<Key>, String> {
    match value {
        toml::Value::String(s) => Ok(vec![Key::parse(s)?]),
        toml::Value::Array(items) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .ok_or_else(|| "expected a key name in quotes".to_string())
                    .and_then(Key::parse)
            })
            .collect(),
        _ => Err("expected a key like \"ctrl-t\" or a list of them".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Key {
        Key::from_event(&KeyEvent::new(code, mods))
    }

    #[test]
    fn defaults_parse_and_match() {
        let map = KeyMap::default();
        assert!(map.matches(
            Action::Mint,
            &key(KeyCode::Char('t'), KeyModifiers::CONTROL)
        ));
        assert!(map.matches(Action::Help, &key(KeyCode::Char('?'), KeyModifiers::SHIFT)));
        assert!(map.matches(Action::PrevTab, &key(KeyCode::BackTab, KeyModifiers::SHIFT)));
        assert!(map.matches(
            Action::IncreaseMore,
            &key(KeyCode::Right, KeyModifiers::SHIFT)
        ));
        assert!(map.matches(
            Action::IncreaseMore,
            &key(KeyCode::Char('L'), KeyModifiers::SHIFT)
        ));
        assert!(!map.matches(
            Action::Increase,
            &key(KeyCode::Char('L'), KeyModifiers::SHIFT)
        ));
    }

    #[test]
    fn rebinding_and_errors() {
        let table: toml::Table = toml::from_str(
            "mint = \"f5\"\nsave = [\"ctrl-w\", \"f2\"]\nbogus = \"x\"\nquit = \"ctrl-nope\"",
        )
        .unwrap();
        let (map, problems) = KeyMap::from_table(&table);
        assert!(map.matches(Action::Mint, &key(KeyCode::F(5), KeyModifiers::NONE)));
        assert!(!map.matches(
            Action::Mint,
            &key(KeyCode::Char('t'), KeyModifiers::CONTROL)
        ));
        assert!(map.matches(Action::Save, &key(KeyCode::F(2), KeyModifiers::NONE)));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("unknown action `bogus`"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("quit") && p.contains("keeping the default (q)"))
        );
        assert!(map.matches(Action::Quit, &key(KeyCode::Char('q'), KeyModifiers::NONE)));
    }

    #[test]
    fn labels() {
        let map = KeyMap::default();
        assert_eq!(map.label(Action::Mint), "Ctrl-T");
        assert_eq!(map.label(Action::Up), "↑/k");
        assert_eq!(map.label(Action::Toggle), "Space");
    }
}
