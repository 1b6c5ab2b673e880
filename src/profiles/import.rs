//! Import of a request body pasted as JSON or as a curl command line.

use serde_json::Value;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    #[error("the input is empty: give a JSON body or a curl command")]
    Empty,
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the body is {0}, not a JSON object: a request body is an object")]
    NotObject(&'static str),
    #[error(
        "the curl command does not parse: {message} (the quote opened at line {line}, column {column} is never closed)"
    )]
    CurlQuote {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "the curl command has no body: expected --data, -d, --data-raw, --data-binary or --json"
    )]
    NoData,
    #[error("the curl body is read from a file ({0}): paste the body itself, or import that file")]
    DataFromFile(String),
}

/// What an import found: the body, and for curl the URL it was sent to.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub body: Value,
    pub url: Option<String>,
    pub headers: Vec<String>,
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    if trimmed.starts_with("curl") {
        return import_curl(text);
    }
    Ok(Imported {
        body: parse_body(text, 0)?,
        url: None,
        headers: Vec::new(),
    })
}

/// Parses a JSON object; `offset` is where `text` starts in the user's input, so that
/// line and column point into what they pasted.
fn parse_body(text: &str, line_offset: usize) -> Result<Value, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line() + line_offset,
        column: e.column(),
        message: super::store::strip_position(&e.to_string()),
    })?;
    match value {
        Value::Object(_) => Ok(value),
        Value::Array(_) => Err(ImportError::NotObject("an array")),
        Value::String(_) => Err(ImportError::NotObject("a string")),
        _ => Err(ImportError::NotObject("a scalar")),
    }
}

const DATA_FLAGS: &[&str] = &[
    "--data",
    "-d",
    "--data-raw",
    "--data-binary",
    "--data-ascii",
    "--json",
];

fn import_curl(text: &str) -> Result<Imported, ImportError> {
    let words = shell_words::split(text).map_err(|e| unclosed_quote(text, e.to_string()))?;
    let mut url = None;
    let mut headers = Vec::new();
    let mut body = None;
    let mut args = words.iter().skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next().cloned());
        match flag {
            "--url" => url = value(),
            "-H" | "--header" => headers.extend(value()),
            f if DATA_FLAGS.contains(&f) => body = value(),
            "-X" | "--request" | "-u" | "--user" | "-o" | "--output" => {
                value();
            }
            f if !f.starts_with('-') && url.is_none() => url = Some(f.to_string()),
            _ => {}
        }
    }
    let body = body.ok_or(ImportError::NoData)?;
    if let Some(file) = body.strip_prefix('@') {
        return Err(ImportError::DataFromFile(file.to_string()));
    }
    // Single-quoted bodies appear verbatim in the input: point into what was pasted.
    let line_offset = text
        .find(&body)
        .map_or(0, |at| text[..at].matches('\n').count());
    let body = parse_body(&body, line_offset)?;
    Ok(Imported { body, url, headers })
}

/// Finds the quote that is never closed, to point at it.
fn unclosed_quote(text: &str, message: String) -> ImportError {
    let mut open: Option<(usize, char)> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (_, _) if escaped => escaped = false,
            (None, '\\') | (Some((_, '"')), '\\') => escaped = true,
            (None, '\'' | '"') => open = Some((i, c)),
            (Some((_, q)), c) if c == q => open = None,
            _ => {}
        }
    }
    let at = open.map_or(text.len(), |(i, _)| i);
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    ImportError::CurlQuote {
        line,
        column,
        message,
    }
}
