//! The field tree the rest of voxtune works from: one node per schema property,
//! addressed by JSON pointer.

use serde_json::Value;

/// What kind of value a field holds, as far as editing and validation care.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text,
    Email,
    Integer,
    Number,
    Bool,
    /// A closed set of values (strings or integers).
    Enum(Vec<Value>),
    /// A free-form JSON object (`metadata`), edited as JSON as a whole.
    FreeObject,
    /// An object with declared properties; its children are the fields.
    Group(Vec<Field>),
    /// Anything the schema does not constrain.
    Any,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub pointer: String,
    pub name: String,
    pub kind: Kind,
    pub default: Option<Value>,
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub required: bool,
    pub nullable: bool,
    pub deprecated: bool,
    pub title: Option<String>,
    pub description: Option<String>,
}

impl Field {
    pub fn children(&self) -> &[Field] {
        match &self.kind {
            Kind::Group(children) => children,
            _ => &[],
        }
    }

    pub fn is_leaf(&self) -> bool {
        !matches!(self.kind, Kind::Group(_))
    }

    /// Leaves under this node, depth first, in schema order.
    pub fn leaves(&self) -> Vec<&Field> {
        let mut out = Vec::new();
        self.collect_leaves(&mut out);
        out
    }

    fn collect_leaves<'a>(&'a self, out: &mut Vec<&'a Field>) {
        if self.is_leaf() {
            out.push(self);
        }
        for child in self.children() {
            child.collect_leaves(out);
        }
    }

    /// The node at `pointer` at or below this one.
    pub fn find(&self, pointer: &str) -> Option<&Field> {
        if self.pointer == pointer {
            return Some(self);
        }
        self.children()
            .iter()
            .filter(|c| is_within(pointer, &c.pointer))
            .find_map(|c| c.find(pointer))
    }

    /// A short description of what the field accepts, for error messages.
    pub fn expected(&self) -> String {
        let base = match &self.kind {
            Kind::Text => "a string".to_string(),
            Kind::Email => "an email address".to_string(),
            Kind::Integer => format!("an integer{}", self.range_text()),
            Kind::Number => format!("a number{}", self.range_text()),
            Kind::Bool => "true or false".to_string(),
            Kind::Enum(values) => format!("one of {}", list_values(values)),
            Kind::FreeObject => "a JSON object".to_string(),
            Kind::Group(_) => "an object".to_string(),
            Kind::Any => "any value".to_string(),
        };
        if self.nullable {
            format!("{base} or null")
        } else {
            base
        }
    }

    fn range_text(&self) -> String {
        match (self.minimum, self.maximum) {
            (Some(lo), Some(hi)) => format!(" from {lo} to {hi}"),
            (Some(lo), None) => format!(" ≥ {lo}"),
            (None, Some(hi)) => format!(" ≤ {hi}"),
            (None, None) => String::new(),
        }
    }
}

/// Whether `pointer` is `prefix` itself or lies below it.
pub fn is_within(pointer: &str, prefix: &str) -> bool {
    prefix.is_empty()
        || pointer == prefix
        || (pointer.starts_with(prefix) && pointer[prefix.len()..].starts_with('/'))
}

pub fn list_values(values: &[Value]) -> String {
    values
        .iter()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
