//! Everything that can stop a mint, each said in plain words. No variant
//! carries request headers or body, so no message can leak a secret.

use std::fmt;
use std::time::Duration;

use serde_json::Value;

use super::resolve::MissingVar;

/// One item of a FastAPI 422 `detail` list, addressed like the form addresses fields.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// JSON pointer into the request body ("" for the body as a whole).
    pub pointer: String,
    pub msg: String,
    /// `ctx.expected` when the server sent it (enum choices and the like).
    pub expected: Option<String>,
    /// The offending value as the server echoed it.
    pub input: Option<Value>,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "(body)"
        } else {
            &self.pointer
        };
        write!(f, "{at}: {}", self.msg)?;
        if let Some(expected) = self.expected.as_deref().filter(|e| !self.msg.contains(e)) {
            write!(f, " (expected {expected})")?;
        }
        match &self.input {
            // The server echoes inputs; a rejected key must not reach a log.
            Some(_) if looks_secret(&self.pointer) => write!(f, " (got a redacted value)"),
            Some(Value::Object(_) | Value::Array(_)) | None => Ok(()),
            Some(input) => write!(f, " (got {})", short(&input.to_string(), 60)),
        }
    }
}

fn looks_secret(pointer: &str) -> bool {
    let last = pointer
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    ["key", "token", "secret", "password"]
        .iter()
        .any(|w| last.contains(w))
}

/// Cuts `s` to at most `max` characters, marking the cut.
pub(crate) fn short(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MintError {
    #[error(transparent)]
    MissingVar(#[from] MissingVar),

    #[error(
        "refusing to send a secret in clear text to {url}: use https, or set allow_insecure = true for this environment"
    )]
    InsecureTransport { url: String },

    #[error("invalid URL {url}: {reason}")]
    InvalidUrl { url: String, reason: String },

    #[error("header {name} cannot be sent: {reason}")]
    InvalidHeader { name: String, reason: String },

    #[error("the server rejected the request body (422):\n{}", lines(.0))]
    Validation(Vec<FieldError>),

    #[error(
        "not authorized ({status}) by {url}: check the headers of environment \"{env}\" in settings.toml{}",
        said(.detail)
    )]
    Unauthorized {
        status: u16,
        env: String,
        url: String,
        detail: String,
    },

    #[error("not found (404): {url} — is base_url right?{}", said(.detail))]
    NotFound { url: String, detail: String },

    #[error("the server redirects ({status}) {url} to {location}: set base_url to the new address")]
    Redirect {
        status: u16,
        url: String,
        location: String,
    },

    #[error("request failed ({status}){}", said(.detail))]
    Http { status: u16, detail: String },

    #[error("server error {status}{}", if .line.is_empty() { String::new() } else { format!(": {}", .line) })]
    Server { status: u16, line: String },

    #[error("the server answered {status} but the body is not JSON: {snippet}")]
    InvalidJson { status: u16, snippet: String },

    #[error("the response is larger than {limit} bytes; refused")]
    TooLarge {
        limit: u64,
        content_length: Option<u64>,
    },

    #[error("no token found in the response (looked for token, access_token, participant_token, jwt, or token_pointer):\n{}", pretty(.response))]
    NoToken { response: Value },

    #[error("no answer from {url} within {:.1}s (timeout_s in settings.toml)", .after.as_secs_f64())]
    Timeout { url: String, after: Duration },

    #[error("could not connect to {url}: {cause}")]
    Connect { url: String, cause: String },

    #[error("could not resolve the host of {url}: {cause}")]
    Dns { url: String, cause: String },

    #[error("TLS failed with {url}: {cause}")]
    Tls { url: String, cause: String },

    #[error("request to {url} failed: {cause}")]
    Network { url: String, cause: String },
}

fn lines(errors: &[FieldError]) -> String {
    let v: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
    v.join("\n")
}

fn said(detail: &str) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        format!(" — server said: {detail}")
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

impl MintError {
    /// The fields a 422 named, for the form to mark; empty for other errors.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            MintError::Validation(errors) => errors,
            _ => &[],
        }
    }
}
