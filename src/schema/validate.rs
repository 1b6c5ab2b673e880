//! Validation of a whole document against the field tree. Errors are keyed by JSON
//! pointer; nothing is changed, dropped or "fixed".

use super::field::{Field, Kind, list_values};
use crate::document::escape_token;
use serde_json::Value;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    WrongType,
    NotInEnum,
    OutOfRange,
    Missing,
    BadEmail,
    NotObject,
    Unknown,
    Placeholder,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub pointer: String,
    pub value: Option<Value>,
    pub kind: IssueKind,
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        match &self.value {
            Some(v) => write!(f, "{pointer}: {} — {}", short(v), self.message),
            None => write!(f, "{pointer}: {}", self.message),
        }
    }
}

fn short(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// Every problem in `doc`, in document order.
pub fn validate(root: &Field, doc: &Value) -> Vec<Issue> {
    let mut issues = Vec::new();
    check(root, Some(doc), &mut issues);
    issues
}

/// Problems with one field's value alone (the TUI checks a field as it is edited).
pub fn validate_field(field: &Field, value: Option<&Value>) -> Vec<Issue> {
    let mut issues = Vec::new();
    check(field, value, &mut issues);
    issues
}

fn issue(field: &Field, value: &Value, kind: IssueKind, message: String) -> Issue {
    Issue {
        pointer: field.pointer.clone(),
        value: Some(value.clone()),
        kind,
        message,
    }
}

fn check(field: &Field, value: Option<&Value>, out: &mut Vec<Issue>) {
    let Some(value) = value else {
        if field.required {
            out.push(Issue {
                pointer: field.pointer.clone(),
                value: None,
                kind: IssueKind::Missing,
                message: format!("required field is missing (expected {})", field.expected()),
            });
        }
        return;
    };
    if value.is_null() {
        if !field.nullable && !matches!(field.kind, Kind::Any) {
            out.push(issue(
                field,
                value,
                IssueKind::WrongType,
                format!("expected {}", field.expected()),
            ));
        }
        return;
    }
    match &field.kind {
        Kind::Group(children) => check_group(field, children, value, out),
        _ => {
            if let Some(found) = check_leaf(field, value) {
                out.push(found);
            }
        }
    }
}

fn check_group(field: &Field, children: &[Field], value: &Value, out: &mut Vec<Issue>) {
    let Some(map) = value.as_object() else {
        out.push(issue(
            field,
            value,
            IssueKind::WrongType,
            "expected an object".into(),
        ));
        return;
    };
    for child in children {
        check(child, map.get(&child.name), out);
    }
    for (key, v) in map {
        if !children.iter().any(|c| &c.name == key) {
            out.push(Issue {
                pointer: format!("{}/{}", field.pointer, escape_token(key)),
                value: Some(v.clone()),
                kind: IssueKind::Unknown,
                message: "unknown field: the schema does not declare it (kept as is)".into(),
            });
        }
    }
}

fn check_leaf(field: &Field, value: &Value) -> Option<Issue> {
    let wrong = || {
        Some(issue(
            field,
            value,
            IssueKind::WrongType,
            format!("expected {}", field.expected()),
        ))
    };
    match &field.kind {
        Kind::Text => match value.as_str() {
            Some(s) if is_placeholder(s) => placeholder(field, value),
            Some(_) => None,
            None => wrong(),
        },
        Kind::Email => match value.as_str() {
            Some(s) if is_placeholder(s) => placeholder(field, value),
            Some(s) if !looks_like_email(s) => Some(issue(
                field,
                value,
                IssueKind::BadEmail,
                "expected an email address like name@example.com".into(),
            )),
            Some(_) => None,
            None => wrong(),
        },
        Kind::Integer if !is_integer(value) => wrong(),
        Kind::Number if !value.is_number() => wrong(),
        Kind::Integer | Kind::Number => check_range(field, value),
        Kind::Bool if !value.is_boolean() => wrong(),
        Kind::Enum(values) if !values.contains(value) => Some(issue(
            field,
            value,
            IssueKind::NotInEnum,
            format!("expected one of {}", list_values(values)),
        )),
        Kind::FreeObject if !value.is_object() => Some(issue(
            field,
            value,
            IssueKind::NotObject,
            "expected a JSON object, e.g. {} or {\"key\": \"value\"}".into(),
        )),
        _ => None,
    }
}

fn placeholder(field: &Field, value: &Value) -> Option<Issue> {
    Some(issue(
        field,
        value,
        IssueKind::Placeholder,
        format!(
            "placeholder from an example: replace it with {}",
            field.expected()
        ),
    ))
}

fn check_range(field: &Field, value: &Value) -> Option<Issue> {
    let n = value.as_f64()?;
    let below = field.minimum.is_some_and(|lo| n < lo);
    let above = field.maximum.is_some_and(|hi| n > hi);
    (below || above).then(|| {
        issue(
            field,
            value,
            IssueKind::OutOfRange,
            format!("expected {}", field.expected()),
        )
    })
}

fn is_integer(value: &Value) -> bool {
    value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
}

/// `<string>`-style stand-ins that API references put in their examples.
pub fn is_placeholder(s: &str) -> bool {
    let inner = s.strip_prefix('<').and_then(|r| r.strip_suffix('>'));
    inner.is_some_and(|i| {
        !i.is_empty()
            && i.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ' ')
    })
}

/// A deliberately plain check: something@domain.tld with no spaces.
pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let (host, tld) = domain.rsplit_once('.').unwrap_or(("", ""));
    !local.is_empty()
        && !host.is_empty()
        && tld.len() >= 2
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
}
