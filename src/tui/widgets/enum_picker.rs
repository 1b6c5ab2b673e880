//! Closed sets of values: ←/→ cycle on the row; Enter opens a list that typing filters.

use super::super::app::{App, Tone};
use super::super::keymap::{Action, Key};
use super::super::msg::Effect;
use super::super::popup::Popup;
use super::super::theme::Theme;
use super::plain;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::text::Span;
use serde_json::Value;

pub fn spans(value: &Value, values: &[Value], theme: &Theme) -> Vec<Span<'static>> {
    let style = if values.contains(value) {
        theme.value
    } else {
        theme.error
    };
    vec![
        Span::styled("‹ ", theme.dim),
        Span::styled(plain(value), style),
        Span::styled(" ›", theme.dim),
    ]
}

/// The value `delta` places away, wrapping; a value not in the set starts at the first.
pub fn cycled(values: &[Value], current: Option<&Value>, delta: isize) -> Option<Value> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as isize;
    let next = match current.and_then(|c| values.iter().position(|v| v == c)) {
        Some(i) => (i as isize + delta).rem_euclid(n),
        None => 0,
    };
    Some(values[next as usize].clone())
}

#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub pointer: String,
    pub label: String,
    pub values: Vec<Value>,
    pub filter: String,
    /// Index into `visible()`.
    pub selected: usize,
}

impl Picker {
    pub fn new(pointer: &str, label: &str, values: &[Value], current: Option<&Value>) -> Picker {
        Picker {
            pointer: pointer.to_string(),
            label: label.to_string(),
            values: values.to_vec(),
            filter: String::new(),
            selected: current
                .and_then(|c| values.iter().position(|v| v == c))
                .unwrap_or(0),
        }
    }

    /// Indices of the values matching the filter (case-insensitive substring).
    pub fn visible(&self) -> Vec<usize> {
        let needle = self.filter.to_lowercase();
        self.values
            .iter()
            .enumerate()
            .filter(|(_, v)| plain(v).to_lowercase().contains(&needle))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn scroll(&mut self, down: bool) {
        let last = self.visible().len().saturating_sub(1);
        self.selected = if down {
            (self.selected + 1).min(last)
        } else {
            self.selected.saturating_sub(1)
        };
    }

    pub fn chosen(&self) -> Option<Value> {
        let visible = self.visible();
        visible.get(self.selected).map(|&i| self.values[i].clone())
    }
}

/// Keys in the open list: arrows move, typing filters, Enter picks, Esc closes.
pub fn on_key(
    app: &mut App,
    mut p: Picker,
    key: &Key,
    _ev: KeyEvent,
) -> (Option<Popup>, Vec<Effect>) {
    match key.code {
        KeyCode::Up => p.scroll(false),
        KeyCode::Down => p.scroll(true),
        KeyCode::Enter => {
            if let Some(v) = p.chosen() {
                app.set_value(&p.pointer, Some(v));
                return (None, Vec::new());
            }
            app.say(Tone::Bad, "nothing matches the filter");
        }
        KeyCode::Backspace => {
            p.filter.pop();
            p.selected = 0;
        }
        KeyCode::Char(c)
            if !key
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            p.filter.push(c);
            p.selected = 0;
        }
        _ if app.key_matches(Action::Back, key) => return (None, Vec::new()),
        _ => {}
    }
    (Some(Popup::Picker(p)), Vec::new())
}
