//! One file per widget: how a field's value reads on its row, and the editing state
//! the widget needs (a picker list, a text area, a slider's arithmetic).

pub mod enum_picker;
pub mod json_editor;
pub mod multiline;
pub mod secret;
pub mod slider;
pub mod text_field;
pub mod toggle;

use super::theme::Theme;
use crate::schema::{FormField, Widget};
use ratatui::text::Span;
use serde_json::Value;

/// The value part of a field's row, at most `width` columns, as spans.
pub fn value_spans(
    field: &FormField,
    value: Option<&Value>,
    revealed: bool,
    width: usize,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let Some(value) = value else {
        return vec![Span::styled("— not set", theme.dim)];
    };
    if value.is_null() {
        return vec![Span::styled("null (server default)", theme.dim)];
    }
    match &field.widget {
        Widget::Enum(values) => enum_picker::spans(value, values, theme),
        Widget::Slider { .. } => slider::spans(field, value, width, theme),
        Widget::Toggle => toggle::spans(value, theme),
        Widget::Secret => secret::spans(value, revealed, width, theme),
        Widget::MultiLine => multiline::spans(value, width, theme),
        Widget::Json => json_editor::spans(value, width, theme),
        Widget::Text => text_field::spans(value, width, theme),
    }
}

/// The first `width` characters of `s`, with `…` when cut. Never walks past what fits,
/// so a 1 MiB string costs no more than a short one.
pub fn clip(s: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut chars = s.chars();
    for _ in 0..width {
        let Some(c) = chars.next() else {
            return out;
        };
        out.push(if c.is_control() { ' ' } else { c });
    }
    if chars.next().is_some() {
        out.pop();
        out.push('…');
    }
    out
}

/// A JSON value as a person reads it: strings without quotes.
pub fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clip_marks_cuts_only() {
        assert_eq!(clip("hello", 10), "hello");
        assert_eq!(clip("hello", 5), "hello");
        assert_eq!(clip("hello!", 5), "hell…");
        assert_eq!(clip("hello", 0), "");
        assert_eq!(clip("a\nb", 5), "a b");
    }
}
