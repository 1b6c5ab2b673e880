//! A document built from the schema's defaults, and key order as the schema has it.

use super::field::{Field, Kind};
use serde_json::{Map, Value};

/// The value a fresh document holds at `field`, or None when the field is best left out
/// (optional with no default, or a null default).
pub fn default_value(field: &Field) -> Option<Value> {
    if let Kind::Group(children) = &field.kind {
        if !field.required && field.default.as_ref().is_some_and(Value::is_null) {
            return None;
        }
        let map: Map<String, Value> = children
            .iter()
            .filter_map(|c| default_value(c).map(|v| (c.name.clone(), v)))
            .collect();
        return Some(Value::Object(map));
    }
    match &field.default {
        Some(Value::Null) => None,
        Some(v) => Some(v.clone()),
        None if field.required => Some(zero_value(field)),
        None => None,
    }
}

/// The plainest value of the field's kind, within its range.
pub fn zero_value(field: &Field) -> Value {
    match &field.kind {
        Kind::Text | Kind::Email | Kind::Any => Value::String(String::new()),
        Kind::Integer => Value::from(field.minimum.map_or(0, |m| m.ceil() as i64)),
        Kind::Number => Value::from(field.minimum.unwrap_or(0.0)),
        Kind::Bool => Value::Bool(false),
        Kind::Enum(values) => values.first().cloned().unwrap_or(Value::Null),
        Kind::FreeObject | Kind::Group(_) => Value::Object(Map::new()),
    }
}

/// The same value with object keys in schema order; keys the schema does not know keep
/// their relative order after the known ones. Nothing is added or dropped.
pub fn order_like_schema(field: &Field, value: &Value) -> Value {
    let (Kind::Group(children), Value::Object(map)) = (&field.kind, value) else {
        return value.clone();
    };
    let mut out = Map::with_capacity(map.len());
    for child in children {
        if let Some(v) = map.get(&child.name) {
            out.insert(child.name.clone(), order_like_schema(child, v));
        }
    }
    for (k, v) in map {
        if !out.contains_key(k) {
            out.insert(k.clone(), v.clone());
        }
    }
    Value::Object(out)
}
