//! The edited document: a `serde_json::Value` addressed by JSON pointer (or a dotted
//! path, for people typing `--set`), with undo and redo of edits.

use serde_json::{Map, Value};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PathError {
    #[error(
        "`{0}` is not a field path: write a JSON pointer (/agent_config/llm/temperature) or a dotted path (agent_config.llm.temperature)"
    )]
    Malformed(String),
    #[error("cannot set {pointer}: {parent} holds {found}, not an object")]
    NotAnObject {
        pointer: String,
        parent: String,
        found: String,
    },
    #[error("`{0}` has no `=`: write PATH=VALUE, e.g. agent_config.llm.temperature=0.7")]
    NoEquals(String),
}

/// A JSON pointer from either a pointer (`/a/b`) or a dotted path (`a.b`).
pub fn to_pointer(path: &str) -> Result<String, PathError> {
    let path = path.trim();
    if path.is_empty() || path == "/" {
        return Err(PathError::Malformed(path.to_string()));
    }
    if path.starts_with('/') {
        return Ok(path.to_string());
    }
    if path.split('.').any(str::is_empty) {
        return Err(PathError::Malformed(path.to_string()));
    }
    Ok(path
        .split('.')
        .map(|t| format!("/{}", escape_token(t)))
        .collect())
}

/// Escapes one JSON-pointer reference token (RFC 6901), so keys holding `/` or `~`
/// still give a usable pointer.
pub fn escape_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The reference tokens of a pointer, unescaped.
pub fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// `VALUE` as JSON when it parses, else as a string.
pub fn parse_value(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_string()))
}

/// Splits a `--set PATH=VALUE` argument into a pointer and a value.
pub fn parse_assignment(arg: &str) -> Result<(String, Value), PathError> {
    let (path, value) = arg
        .split_once('=')
        .ok_or_else(|| PathError::NoEquals(arg.to_string()))?;
    Ok((to_pointer(path)?, parse_value(value)))
}

/// Sets the value at `pointer`, creating missing objects on the way; returns what was there.
pub fn set(doc: &mut Value, pointer: &str, value: Value) -> Result<Option<Value>, PathError> {
    let tokens = tokens(pointer);
    let Some((last, parents)) = tokens.split_last() else {
        return Ok(Some(std::mem::replace(doc, value)));
    };
    let mut node = doc;
    let mut walked = String::new();
    for token in parents {
        let map = as_object(node, pointer, &walked)?;
        node = map
            .entry(token.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        walked.push('/');
        walked.push_str(token);
    }
    Ok(as_object(node, pointer, &walked)?.insert(last.clone(), value))
}

fn as_object<'a>(
    node: &'a mut Value,
    pointer: &str,
    parent: &str,
) -> Result<&'a mut Map<String, Value>, PathError> {
    let found = kind_name(node).to_string();
    node.as_object_mut().ok_or_else(|| PathError::NotAnObject {
        pointer: pointer.to_string(),
        parent: if parent.is_empty() {
            "/".into()
        } else {
            parent.to_string()
        },
        found,
    })
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Removes the value at `pointer`, returning it.
pub fn remove(doc: &mut Value, pointer: &str) -> Option<Value> {
    let (parent, last) = pointer.rsplit_once('/')?;
    let last = last.replace("~1", "/").replace("~0", "~");
    doc.pointer_mut(parent)?
        .as_object_mut()?
        .shift_remove(&last)
}

/// One reversible change: the value at `pointer` before and after (None = absent).
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub pointer: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// The document being edited, with its history and the state last saved.
#[derive(Debug, Clone)]
pub struct Document {
    value: Value,
    saved: Value,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

const HISTORY_LIMIT: usize = 500;

impl Document {
    pub fn new(value: Value) -> Document {
        Document {
            saved: value.clone(),
            value,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn value(&self) -> &Value {
        &self.value
    }

    pub fn get(&self, pointer: &str) -> Option<&Value> {
        self.value.pointer(pointer)
    }

    /// Applies an edit; a value equal to the current one is not an edit.
    pub fn set(&mut self, pointer: &str, value: Option<Value>) -> Result<bool, PathError> {
        let before = self.get(pointer).cloned();
        if before == value {
            return Ok(false);
        }
        self.apply(pointer, value.clone())?;
        self.undo.push(Edit {
            pointer: pointer.to_string(),
            before,
            after: value,
        });
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(true)
    }

    fn apply(&mut self, pointer: &str, value: Option<Value>) -> Result<(), PathError> {
        match value {
            Some(v) => set(&mut self.value, pointer, v).map(drop),
            None => {
                remove(&mut self.value, pointer);
                Ok(())
            }
        }
    }

    /// Undoes the last edit; returns the pointer it touched.
    pub fn undo(&mut self) -> Option<String> {
        let edit = self.undo.pop()?;
        self.apply(&edit.pointer, edit.before.clone()).ok()?;
        let pointer = edit.pointer.clone();
        self.redo.push(edit);
        Some(pointer)
    }

    pub fn redo(&mut self) -> Option<String> {
        let edit = self.redo.pop()?;
        self.apply(&edit.pointer, edit.after.clone()).ok()?;
        let pointer = edit.pointer.clone();
        self.undo.push(edit);
        Some(pointer)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn is_dirty(&self) -> bool {
        self.value != self.saved
    }

    /// The value as last saved (or loaded).
    pub fn saved(&self) -> &Value {
        &self.saved
    }

    /// Marks the current value as saved.
    pub fn mark_saved(&mut self) {
        self.saved = self.value.clone();
    }

    /// Replaces the whole document (reload, restore a draft); history starts over.
    pub fn replace(&mut self, value: Value, saved: Value) {
        *self = Document {
            value,
            saved,
            undo: Vec::new(),
            redo: Vec::new(),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dotted_paths_and_pointers_name_the_same_field() {
        assert_eq!(
            to_pointer("agent_config.llm.temperature").unwrap(),
            "/agent_config/llm/temperature"
        );
        assert_eq!(
            to_pointer("/agent_config/llm/temperature").unwrap(),
            "/agent_config/llm/temperature"
        );
        assert!(to_pointer("a..b").is_err());
        assert!(to_pointer("").is_err());
    }

    #[test]
    fn values_parse_as_json_else_as_strings() {
        assert_eq!(parse_value("0.7"), json!(0.7));
        assert_eq!(parse_value("true"), json!(true));
        assert_eq!(parse_value("{\"a\":1}"), json!({"a": 1}));
        assert_eq!(parse_value("hello world"), json!("hello world"));
        assert_eq!(parse_value("\"42\""), json!("42"));
    }

    #[test]
    fn set_creates_missing_objects_and_refuses_to_descend_into_scalars() {
        let mut doc = json!({"a": "text"});
        set(&mut doc, "/b/c", json!(1)).unwrap();
        assert_eq!(doc, json!({"a": "text", "b": {"c": 1}}));
        assert!(matches!(
            set(&mut doc, "/a/x", json!(1)),
            Err(PathError::NotAnObject { .. })
        ));
    }

    #[test]
    fn undo_and_redo_walk_the_history_across_fields() {
        let mut d = Document::new(json!({"a": 1}));
        assert!(d.set("/a", Some(json!(2))).unwrap());
        assert!(d.set("/b", Some(json!("x"))).unwrap());
        assert!(
            !d.set("/b", Some(json!("x"))).unwrap(),
            "no-op edits are not history"
        );
        assert!(d.is_dirty());
        assert_eq!(d.undo().as_deref(), Some("/b"));
        assert_eq!(d.value(), &json!({"a": 2}));
        assert_eq!(d.undo().as_deref(), Some("/a"));
        assert!(!d.is_dirty());
        assert_eq!(d.redo().as_deref(), Some("/a"));
        assert_eq!(d.value(), &json!({"a": 2}));
        d.set("/a", Some(json!(3))).unwrap();
        assert!(!d.can_redo(), "a new edit drops the redo branch");
        d.mark_saved();
        assert!(!d.is_dirty());
    }
}
