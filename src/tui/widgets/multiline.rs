//! Long text (system prompt, welcome text, description): the row shows the first line
//! and how long the text is; editing opens a ratatui-textarea editor with its own undo.

use super::super::theme::Theme;
use super::clip;
use ratatui::text::Span;
use ratatui_textarea::{TextArea, WrapMode};
use serde_json::Value;

pub fn spans(value: &Value, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let Some(text) = value.as_str() else {
        return vec![Span::styled(clip(&value.to_string(), width), theme.value)];
    };
    if text.is_empty() {
        return vec![Span::styled("(empty)", theme.dim)];
    }
    let first = text.split('\n').next().unwrap_or("");
    let lines = bytecount_lines(text);
    let suffix = if lines > 1 {
        format!("  ({lines} lines)")
    } else {
        String::new()
    };
    let room = width.saturating_sub(suffix.chars().count()).max(1);
    vec![
        Span::styled(clip(first, room), theme.value),
        Span::styled(suffix, theme.dim),
    ]
}

/// Drawn every frame the row is visible: a vectorised count, not a byte-by-byte loop
/// (a 1 MiB prompt).
fn bytecount_lines(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1
}

/// Above this size the editor does not soft-wrap: an edit re-wraps only the lines it
/// touches (vendor/ratatui-textarea), but opening the editor and every resize wrap the
/// whole text, and word-wrapping 1 MiB takes long enough to see.
pub const WRAP_LIMIT: usize = 256 * 1024;

/// An editor holding `text`. Word wrap, so prose reads as prose (up to `WRAP_LIMIT`).
pub fn editor(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = normalize(text).split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    if text.len() <= WRAP_LIMIT {
        area.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    area.set_max_histories(200);
    area
}

/// Terminals send line breaks in pastes as CR; the document wants LF.
pub fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}
