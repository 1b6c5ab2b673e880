//! Numbers as sliders: ←/→ move by the field's step (Shift ×10), a bar shows where the
//! value sits in its range, Enter types an exact value.

use super::super::theme::Theme;
use crate::schema::{FormField, Widget};
use ratatui::text::Span;
use serde_json::Value;

const BAR_WIDTH: usize = 20;

pub fn spans(field: &FormField, value: &Value, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let Some(n) = value.as_f64() else {
        return vec![Span::styled(
            super::clip(&value.to_string(), width),
            theme.error,
        )];
    };
    let text = format_number(field, n);
    let mut out = Vec::new();
    if let (Some(lo), Some(hi)) = (field.min, field.max)
        && hi > lo
        && width >= BAR_WIDTH + text.len() + 3
    {
        let drawn = bar(n, lo, hi);
        // The filled part and knob in the accent colour, the rest of the track dim.
        let split = drawn.find('●').map_or(drawn.len(), |i| i + '●'.len_utf8());
        out.push(Span::styled(drawn[..split].to_string(), theme.accent));
        out.push(Span::styled(drawn[split..].to_string(), theme.dim));
        out.push(Span::raw(" "));
    }
    out.push(Span::styled(text, theme.value));
    out
}

/// `━━━━●─────`: the knob at the value's place in [lo, hi], clamped to the ends.
pub fn bar(n: f64, lo: f64, hi: f64) -> String {
    let frac = ((n - lo) / (hi - lo)).clamp(0.0, 1.0);
    let knob = (frac * (BAR_WIDTH - 1) as f64).round() as usize;
    (0..BAR_WIDTH)
        .map(|i| match i.cmp(&knob) {
            std::cmp::Ordering::Less => '━',
            std::cmp::Ordering::Equal => '●',
            std::cmp::Ordering::Greater => '─',
        })
        .collect()
}

fn is_integer(field: &FormField) -> bool {
    matches!(field.widget, Widget::Slider { integer: true })
}

/// Decimal places the step implies (0.05 → 2), so 0.1 + 0.2 shows as 0.3.
fn decimals(step: f64) -> usize {
    let text = format!("{step}");
    text.split_once('.').map_or(0, |(_, d)| d.len()).min(6)
}

pub fn format_number(field: &FormField, n: f64) -> String {
    if is_integer(field) || n.fract() == 0.0 {
        format!("{n}")
    } else {
        let d = decimals(field.step).max(1);
        let s = format!("{n:.d$}");
        let s = s.trim_end_matches('0');
        s.strip_suffix('.').unwrap_or(s).to_string()
    }
}

/// The value `steps` steps away (negative: down), clamped to the range, rounded to the
/// step's precision. A missing or non-numeric value starts from the default or minimum.
pub fn stepped(field: &FormField, current: Option<&Value>, steps: f64) -> Value {
    let start = current
        .and_then(Value::as_f64)
        .or_else(|| field.field.default.as_ref().and_then(Value::as_f64))
        .or(field.min)
        .unwrap_or(0.0);
    let mut n = start + field.step * steps;
    if let Some(lo) = field.min {
        n = n.max(lo);
    }
    if let Some(hi) = field.max {
        n = n.min(hi);
    }
    to_value(field, round_to(n, decimals(field.step)))
}

fn round_to(n: f64, decimals: usize) -> f64 {
    let factor = 10f64.powi(decimals as i32);
    (n * factor).round() / factor
}

fn to_value(field: &FormField, n: f64) -> Value {
    if is_integer(field) {
        Value::from(n.round() as i64)
    } else {
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// A typed value: a number (a whole one for integer fields), or why it is refused.
/// Out-of-range numbers are accepted and flagged by validation, not silently clamped.
pub fn parse(field: &FormField, text: &str) -> Result<Value, String> {
    let t = text.trim();
    let n: f64 = t
        .parse()
        .map_err(|_| format!("`{t}` is not a number; the old value is kept"))?;
    if !n.is_finite() {
        return Err(format!(
            "`{t}` is not a finite number; the old value is kept"
        ));
    }
    if is_integer(field) {
        if n.fract() != 0.0 {
            return Err(format!(
                "`{t}` is not a whole number; the old value is kept"
            ));
        }
        return Ok(Value::from(n as i64));
    }
    Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
}
