//! Single-line text: the row shows the string; editing uses a one-line text area.

use super::super::theme::Theme;
use super::{clip, plain};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Span;
use ratatui_textarea::{CursorMove, TextArea};
use serde_json::Value;

pub fn spans(value: &Value, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let text = plain(value);
    if text.is_empty() {
        return vec![Span::styled("(empty)", theme.dim)];
    }
    vec![Span::styled(clip(&text, width), theme.value)]
}

/// A one-line text area holding `text`, cursor at the end.
pub fn line(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.replace(['\n', '\r'], " ")]);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.move_cursor(CursorMove::End);
    area
}

pub fn text(area: &TextArea<'_>) -> String {
    area.lines().join(" ")
}

/// Feeds a key to a one-line area; Enter never splits the line.
pub fn feed(area: &mut TextArea<'_>, ev: KeyEvent) -> bool {
    if matches!(ev.code, KeyCode::Enter) {
        return false;
    }
    area.input(ev)
}

/// Pasted text for a one-line field: line breaks become spaces.
pub fn paste_line(area: &mut TextArea<'_>, pasted: &str) {
    area.insert_str(pasted.replace("\r\n", " ").replace(['\n', '\r'], " "));
}
