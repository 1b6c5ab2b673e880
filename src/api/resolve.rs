//! `${VAR}` references: secrets stay out of profiles and settings, and are
//! filled in from the environment only at the moment a request is built.

use serde_json::Value;

use crate::document::escape_token;

/// Where an unresolved reference was found, so the UI can point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsedAt {
    /// A lone string with no wider context.
    Text,
    /// A JSON pointer into the request body.
    Body(String),
    /// The name of a request header.
    Header(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("environment variable {var} is not set (referenced as ${{{var}}}{})", self.site())]
pub struct MissingVar {
    pub var: String,
    pub used_at: UsedAt,
}

impl MissingVar {
    fn site(&self) -> String {
        match &self.used_at {
            UsedAt::Text => String::new(),
            UsedAt::Body(p) if p.is_empty() => " in the body".to_string(),
            UsedAt::Body(p) => format!(" at {p}"),
            UsedAt::Header(h) => format!(" in header {h}"),
        }
    }

    /// The body pointer of the field holding the reference, if it was in the body.
    pub fn pointer(&self) -> Option<&str> {
        match &self.used_at {
            UsedAt::Body(p) => Some(p),
            _ => None,
        }
    }
}

/// Replaces every `${NAME}` in `s`; `$${` stands for a literal `${`.
/// Text that merely looks similar (`${1x}`, an unclosed `${`) is kept as is,
/// because only well-formed names are meant as references.
pub fn resolve_refs(
    s: &str,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<String, MissingVar> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("$${") {
            out.push_str("${");
            rest = after;
        } else if let Some(name) = reference_name(tail) {
            let value = lookup(name).ok_or_else(|| MissingVar {
                var: name.to_string(),
                used_at: UsedAt::Text,
            })?;
            out.push_str(&value);
            rest = &tail[name.len() + 3..];
        } else {
            out.push('$');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// True when `s` holds at least one `${NAME}` reference.
pub fn has_refs(s: &str) -> bool {
    resolve_refs(s, |_| None).is_err()
}

/// The NAME of a `${NAME}` at the start of `s`, if it is well formed.
pub fn reference_name(s: &str) -> Option<&str> {
    let inner = s.strip_prefix("${")?;
    let end = inner.find('}')?;
    let name = &inner[..end];
    is_var_name(name).then_some(name)
}

fn is_var_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// Resolves references in every string of `value` (object keys are left alone:
/// they are field names, not data).
pub fn resolve_value(
    value: &Value,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<Value, MissingVar> {
    let mut pointer = String::new();
    walk(value, &lookup, &mut pointer)
}

fn walk(
    value: &Value,
    lookup: &dyn Fn(&str) -> Option<String>,
    pointer: &mut String,
) -> Result<Value, MissingVar> {
    match value {
        Value::String(s) => resolve_refs(s, lookup)
            .map(Value::String)
            .map_err(|e| MissingVar {
                used_at: UsedAt::Body(pointer.clone()),
                ..e
            }),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                out.push(with_segment(pointer, &i.to_string(), |p| {
                    walk(item, lookup, p)
                })?);
            }
            Ok(Value::Array(out))
        }
        Value::Object(map) => {
            let mut out = serde_json::Map::with_capacity(map.len());
            for (k, v) in map {
                let resolved = with_segment(pointer, k, |p| walk(v, lookup, p))?;
                out.insert(k.clone(), resolved);
            }
            Ok(Value::Object(out))
        }
        other => Ok(other.clone()),
    }
}

fn with_segment<T>(pointer: &mut String, key: &str, f: impl FnOnce(&mut String) -> T) -> T {
    let len = pointer.len();
    pointer.push('/');
    pointer.push_str(&escape_token(key));
    let out = f(pointer);
    pointer.truncate(len);
    out
}

/// Resolves header values; the error names the header, never its value.
pub fn resolve_headers(
    headers: &[(String, String)],
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<Vec<(String, String)>, MissingVar> {
    headers
        .iter()
        .map(|(name, value)| {
            let v = resolve_refs(value, &lookup).map_err(|e| MissingVar {
                used_at: UsedAt::Header(name.clone()),
                ..e
            })?;
            Ok((name.clone(), v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn env(name: &str) -> Option<String> {
        match name {
            "TOKEN" => Some("s3cret".into()),
            "_A1" => Some("a".into()),
            _ => None,
        }
    }

    #[test]
    fn replaces_references() {
        assert_eq!(
            resolve_refs("Bearer ${TOKEN}", env).unwrap(),
            "Bearer s3cret"
        );
        assert_eq!(resolve_refs("${_A1}${_A1}x", env).unwrap(), "aax");
    }

    #[test]
    fn escape_and_lookalikes_are_literal() {
        assert_eq!(resolve_refs("$${TOKEN}", env).unwrap(), "${TOKEN}");
        assert_eq!(
            resolve_refs("cost $5 ${1x} ${ ${open", env).unwrap(),
            "cost $5 ${1x} ${ ${open"
        );
        assert_eq!(resolve_refs("$$x", env).unwrap(), "$$x");
        assert_eq!(resolve_refs("é${TOKEN}é", env).unwrap(), "és3creté");
    }

    #[test]
    fn missing_names_the_variable() {
        let e = resolve_refs("x ${NOPE} ${TOKEN}", env).unwrap_err();
        assert_eq!(e.var, "NOPE");
        assert!(e.to_string().contains("NOPE"), "{e}");
    }

    #[test]
    fn value_walker_reports_pointer() {
        let body = json!({"a": [1, {"k/ey": "${TOKEN}"}], "b": {"c": "${MISSING}"}});
        let e = resolve_value(&body, env).unwrap_err();
        assert_eq!(e.used_at, UsedAt::Body("/b/c".into()));
        assert!(e.to_string().contains("/b/c"), "{e}");
        let ok = resolve_value(&json!({"a": [1, {"k/ey": "${TOKEN}"}]}), env).unwrap();
        assert_eq!(ok, json!({"a": [1, {"k/ey": "s3cret"}]}));
        let e = resolve_value(&json!({"a": ["x", {"k/ey": "${NO}"}]}), env).unwrap_err();
        assert_eq!(e.pointer(), Some("/a/1/k~1ey"));
    }

    #[test]
    fn header_error_names_header_not_value() {
        let h = vec![("Authorization".to_string(), "Bearer ${NOPE}".to_string())];
        let e = resolve_headers(&h, env).unwrap_err();
        assert_eq!(e.used_at, UsedAt::Header("Authorization".into()));
        assert!(!e.to_string().contains("Bearer"));
    }
}
