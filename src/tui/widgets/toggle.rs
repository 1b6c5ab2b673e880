//! On/off switches: Space, ←/→ or Enter flip them.

use super::super::theme::Theme;
use ratatui::text::Span;
use serde_json::Value;

pub fn spans(value: &Value, theme: &Theme) -> Vec<Span<'static>> {
    match value.as_bool() {
        Some(true) => vec![Span::styled("[●] on", theme.ok)],
        Some(false) => vec![Span::styled("[ ] off", theme.value)],
        None => vec![Span::styled(value.to_string(), theme.error)],
    }
}

/// The flipped value; anything not a boolean becomes `true` (and validates again).
pub fn flipped(value: Option<&Value>, default: Option<&Value>) -> Value {
    let current = value.or(default).and_then(Value::as_bool).unwrap_or(false);
    Value::Bool(!current)
}
