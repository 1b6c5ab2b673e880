//! Free-form JSON (`metadata`): the row shows it compact; editing opens a text area
//! whose content is applied only when it parses as a JSON object. Invalid JSON stays
//! in the editor with the parse error and its position: nothing is half-applied.

use super::super::theme::Theme;
use super::clip;
use crate::schema::form::is_secret_name;
use ratatui::text::Span;
use serde_json::Value;

pub fn spans(value: &Value, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    vec![Span::styled(
        clip(&masked(value).to_string(), width),
        theme.value,
    )]
}

/// The value with literal secrets under secret-looking keys (`api_key`, `token`…)
/// masked: provider options in metadata may carry keys too.
pub fn masked(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let shown = if is_secret_name(k) && crate::secrets::is_literal_secret(v) {
                        Value::String(crate::secrets::mask(&super::plain(v)))
                    } else {
                        masked(v)
                    };
                    (k.clone(), shown)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(masked).collect()),
        other => other.clone(),
    }
}

/// The text the editor starts with: the value pretty-printed.
pub fn initial_text(value: Option<&Value>) -> String {
    match value {
        Some(v) => serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string()),
        None => "{}".into(),
    }
}

/// The editor's text as JSON (an object when `object_only`), or what is wrong and where.
pub fn parse(text: &str, object_only: bool) -> Result<Value, String> {
    match serde_json::from_str::<Value>(text) {
        Ok(v) if v.is_object() || !object_only => Ok(v),
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secrets_in_metadata_are_masked_on_the_row() {
        let v = json!({"seed": 1, "auth": {"api_key": "sk-live-123456"}, "token": "${T}"});
        let shown = masked(&v).to_string();
        assert!(!shown.contains("sk-live"), "{shown}");
        assert!(shown.contains("${T}"), "references stay readable");
    }
}
