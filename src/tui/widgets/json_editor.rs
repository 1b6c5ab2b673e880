//! Free-form JSON (`metadata`): the row shows it compact; editing opens a text area
//! whose content is applied only when it parses as a JSON object. Invalid JSON stays
//! in the editor with the parse error and its position: nothing is half-applied.

use super::super::theme::Theme;
use super::clip;
use ratatui::text::Span;
use serde_json::Value;

pub fn spans(value: &Value, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    vec![Span::styled(clip(&value.to_string(), width), theme.value)]
}

/// The text the editor starts with: the value pretty-printed.
pub fn initial_text(value: Option<&Value>) -> String {
    match value {
        Some(v) => serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string()),
        None => "{}".into(),
    }
}

/// The editor's text as a JSON object, or what is wrong with it and where.
pub fn parse(text: &str) -> Result<Value, String> {
    match serde_json::from_str::<Value>(text) {
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(_) => Err("must be a JSON object, e.g. {} or {\"key\": \"value\"}".into()),
        Err(e) => Err(format!(
            "line {}, column {}: {}",
            e.line(),
            e.column(),
            without_position(&e.to_string())
        )),
    }
}

/// serde_json ends its messages with " at line L column C"; the position is shown first.
fn without_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i])
}
