//! Secrets in documents: `${VAR}` references, literal secrets, and redaction for
//! anything shown or exported.

use crate::document::escape_token;
use crate::schema::Form;
use serde_json::Value;

pub const REDACTED: &str = "***";

/// The variable name when `s` is exactly one `${VAR}` reference.
pub fn reference_name(s: &str) -> Option<&str> {
    let s = s.trim();
    crate::api::resolve::reference_name(s).filter(|name| name.len() + 3 == s.len())
}

/// A value that would leak if shown: a non-empty secret that is not a reference.
pub fn is_literal_secret(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.is_empty() && reference_name(s).is_none(),
        Value::Null => false,
        _ => true,
    }
}

/// Every (pointer, value) in the document that the form counts as secret.
pub fn secret_values<'a>(form: &Form, doc: &'a Value) -> Vec<(String, &'a Value)> {
    let mut out = Vec::new();
    walk(doc, String::new(), &mut |pointer, v| {
        if form.is_secret(&pointer) {
            out.push((pointer, v));
        }
    });
    out
}

pub fn has_literal_secret(form: &Form, doc: &Value) -> bool {
    secret_values(form, doc)
        .into_iter()
        .any(|(_, v)| is_literal_secret(v))
}

/// The document with every literal secret replaced by `***`; references stay.
pub fn redact(form: &Form, doc: &Value) -> Value {
    let mut out = doc.clone();
    for (pointer, v) in secret_values(form, doc) {
        if is_literal_secret(v)
            && let Some(slot) = out.pointer_mut(&pointer)
        {
            *slot = Value::String(REDACTED.into());
        }
    }
    out
}

/// `text` with every occurrence of each secret replaced by `***`: for messages that
/// quote what a server said, in case it echoed a credential back. Values under four
/// characters are left alone (they would mask ordinary words, and are no secret).
pub fn scrub(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    let mut secrets: Vec<&String> = secrets.iter().filter(|s| s.trim().len() >= 4).collect();
    // Longest first, so a key that contains another is masked whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for s in secrets {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), REDACTED);
        }
    }
    out
}

/// How a secret is shown on screen when not revealed.
pub fn mask(value: &str) -> String {
    if value.is_empty() || reference_name(value).is_some() {
        value.to_string()
    } else {
        "•".repeat(value.chars().count().clamp(4, 12))
    }
}

fn walk<'a>(v: &'a Value, pointer: String, visit: &mut dyn FnMut(String, &'a Value)) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                walk(child, format!("{pointer}/{}", escape_token(k)), visit);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, format!("{pointer}/{i}"), visit);
            }
        }
        leaf => visit(pointer, leaf),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrub_masks_every_secret_longest_first_and_leaves_short_values() {
        let secrets = vec![
            "sk-abc".to_string(),
            "sk-abcdef".to_string(),
            "ab".to_string(),
        ];
        assert_eq!(
            scrub("bad key sk-abcdef (also sk-abc) ab", &secrets),
            "bad key *** (also ***) ab"
        );
        assert_eq!(scrub("nothing here", &secrets), "nothing here");
    }
}
