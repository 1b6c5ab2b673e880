//! Turns an OpenAPI document (as FastAPI emits it) into the field tree of the
//! token endpoint's request body: `$ref`s followed, nullable `anyOf`s folded.

use super::field::{Field, Kind};
use crate::document::escape_token;
use serde_json::{Map, Value};
use std::cell::Cell;

pub const TOKEN_PATH: &str = "/api/v1/playground/tokens";
const MAX_DEPTH: usize = 24;
/// A schema that expands to more fields than this is refused: shared `$ref`s can
/// otherwise multiply into billions of nodes.
const MAX_FIELDS: usize = 20_000;

#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("the schema is not valid JSON (line {line}, column {column}): {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the OpenAPI document has no request body for POST {TOKEN_PATH}")]
    NoEndpoint,
    #[error("the schema refers to {0}, which the document does not define")]
    BadRef(String),
    #[error("the schema nests deeper than {MAX_DEPTH} levels (a $ref cycle?) at {0}")]
    TooDeep(String),
    #[error("the request body expands to more than {MAX_FIELDS} fields: refused")]
    TooLarge,
}

/// Parses an OpenAPI document from text and builds the request body's field tree.
pub fn parse_document(text: &str) -> Result<Field, SchemaError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| SchemaError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    request_body_tree(&doc)
}

/// The field tree of the token endpoint's JSON request body.
pub fn request_body_tree(doc: &Value) -> Result<Field, SchemaError> {
    let body = find_request_body(doc).ok_or(SchemaError::NoEndpoint)?;
    let mut root = build(doc, body, String::new(), "", 0, &Cell::new(0))?;
    root.required = true;
    Ok(root)
}

fn find_request_body(doc: &Value) -> Option<&Value> {
    let paths = doc.get("paths")?.as_object()?;
    let op = paths
        .get(TOKEN_PATH)
        .or_else(|| {
            paths
                .iter()
                .find(|(p, _)| p.trim_end_matches('/').ends_with("/playground/tokens"))
                .map(|(_, v)| v)
        })?
        .get("post")?;
    op.pointer("/requestBody/content/application~1json/schema")
}

/// Follows `$ref` (and a lone `allOf` wrapper) to the schema that defines the shape.
fn deref<'a>(doc: &'a Value, mut schema: &'a Value) -> Result<&'a Value, SchemaError> {
    for _ in 0..MAX_DEPTH {
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let target = r
                .strip_prefix('#')
                .and_then(|p| doc.pointer(p))
                .ok_or_else(|| SchemaError::BadRef(r.to_string()))?;
            schema = target;
        } else if let Some([only]) = schema
            .get("allOf")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
        {
            schema = only;
        } else {
            return Ok(schema);
        }
    }
    Err(SchemaError::TooDeep("$ref chain".into()))
}

/// Splits `anyOf: [X, {type: null}]` into X and a nullable flag.
fn strip_null<'a>(doc: &'a Value, schema: &'a Value) -> Result<(&'a Value, bool), SchemaError> {
    let schema = deref(doc, schema)?;
    let Some(branches) = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Value::as_array)
    else {
        let nullable = type_names(schema).contains(&"null");
        return Ok((schema, nullable));
    };
    let non_null: Vec<&Value> = branches.iter().filter(|b| !is_null_type(b)).collect();
    let nullable = non_null.len() < branches.len();
    match non_null.as_slice() {
        [one] => Ok((deref(doc, one)?, nullable)),
        _ => Ok((schema, nullable)),
    }
}

fn is_null_type(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

fn type_names(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn build(
    doc: &Value,
    prop: &Value,
    pointer: String,
    name: &str,
    depth: usize,
    nodes: &Cell<usize>,
) -> Result<Field, SchemaError> {
    if depth > MAX_DEPTH {
        return Err(SchemaError::TooDeep(pointer));
    }
    nodes.set(nodes.get() + 1);
    if nodes.get() > MAX_FIELDS {
        return Err(SchemaError::TooLarge);
    }
    let (shape, nullable) = strip_null(doc, prop)?;
    let kind = kind_of(doc, shape, &pointer, depth, nodes)?;
    let annotation = |key: &str| prop.get(key).or_else(|| shape.get(key));
    Ok(Field {
        name: name.to_string(),
        kind,
        default: annotation("default").cloned(),
        minimum: annotation("minimum").and_then(Value::as_f64),
        maximum: annotation("maximum").and_then(Value::as_f64),
        required: false,
        nullable,
        deprecated: annotation("deprecated")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        title: annotation("title")
            .and_then(Value::as_str)
            .map(str::to_string),
        description: annotation("description")
            .and_then(Value::as_str)
            .map(str::to_string),
        pointer,
    })
}

fn kind_of(
    doc: &Value,
    shape: &Value,
    pointer: &str,
    depth: usize,
    nodes: &Cell<usize>,
) -> Result<Kind, SchemaError> {
    if let Some(values) = shape.get("enum").and_then(Value::as_array) {
        return Ok(Kind::Enum(values.clone()));
    }
    if let Some(props) = shape.get("properties").and_then(Value::as_object) {
        return group(doc, shape, props, pointer, depth, nodes).map(Kind::Group);
    }
    let types = type_names(shape);
    let has = |t: &str| types.contains(&t);
    Ok(if has("string") {
        if shape.get("format").and_then(Value::as_str) == Some("email") {
            Kind::Email
        } else {
            Kind::Text
        }
    } else if has("integer") {
        Kind::Integer
    } else if has("number") {
        Kind::Number
    } else if has("boolean") {
        Kind::Bool
    } else if has("object") {
        Kind::FreeObject
    } else {
        Kind::Any
    })
}

fn group(
    doc: &Value,
    shape: &Value,
    props: &Map<String, Value>,
    pointer: &str,
    depth: usize,
    nodes: &Cell<usize>,
) -> Result<Vec<Field>, SchemaError> {
    let required: Vec<&str> = shape
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    props
        .iter()
        .map(|(key, prop)| {
            let child_pointer = format!("{pointer}/{}", escape_token(key));
            let mut field = build(doc, prop, child_pointer, key, depth + 1, nodes)?;
            field.required = required.contains(&key.as_str());
            Ok(field)
        })
        .collect()
}
