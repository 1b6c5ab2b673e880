//! Secrets (API keys): masked unless revealed; a `${VAR}` reference is shown as is,
//! with whether VAR is set in this environment (the value is read at mint time).

use super::super::theme::Theme;
use super::clip;
use crate::secrets;
use ratatui::text::Span;
use serde_json::Value;

pub fn spans(value: &Value, revealed: bool, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let Some(text) = value.as_str() else {
        return vec![Span::styled("(not a string)", theme.error)];
    };
    if text.is_empty() {
        return vec![Span::styled("(empty)", theme.dim)];
    }
    if let Some(var) = secrets::reference_name(text) {
        let (note, style) = if var_is_set(var) {
            (format!("  ✓ {var} is set"), theme.ok)
        } else {
            (format!("  ✗ {var} is not set"), theme.warning)
        };
        return vec![
            Span::styled(text.to_string(), theme.secret),
            Span::styled(note, style),
        ];
    }
    if revealed {
        vec![Span::styled(clip(text, width), theme.secret)]
    } else {
        vec![
            Span::styled(secrets::mask(text), theme.secret),
            Span::styled("  (literal; r reveals)", theme.dim),
        ]
    }
}

pub fn var_is_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

/// The mask character used while editing an unrevealed secret.
pub const MASK: char = '•';
