//! Finds the token in a response of type "any".

use serde_json::Value;

use super::error::MintError;
use super::jwt::{self, Claims};

pub const TOKEN_KEYS: [&str; 4] = ["token", "access_token", "participant_token", "jwt"];
pub const URL_KEYS: [&str; 4] = ["url", "server_url", "ws_url", "livekit_url"];
/// Deep enough for `{"data": {"access_token": …}}` and one more wrapper.
const MAX_DEPTH: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct MintOutcome {
    pub token: String,
    pub server_url: Option<String>,
    pub response: Value,
    /// None when the token is not a JWT (the server may hand out opaque tokens).
    pub claims: Option<Claims>,
    pub status: u16,
}

impl MintOutcome {
    pub fn from_response(
        status: u16,
        response: Value,
        token_pointer: Option<&str>,
    ) -> Result<MintOutcome, MintError> {
        let Some(token) = find_token(&response, token_pointer) else {
            return Err(MintError::NoToken { response });
        };
        Ok(MintOutcome {
            claims: jwt::decode(&token).ok(),
            server_url: find_string(&response, &URL_KEYS),
            token,
            response,
            status,
        })
    }
}

/// A bare string is the token; otherwise `token_pointer` when set, else the
/// first known key, nearest the top first.
pub fn find_token(response: &Value, token_pointer: Option<&str>) -> Option<String> {
    if let Value::String(s) = response {
        return non_empty(s);
    }
    match token_pointer.filter(|p| !p.is_empty()) {
        Some(p) => response
            .pointer(p)
            .and_then(Value::as_str)
            .and_then(non_empty),
        None => find_string(response, &TOKEN_KEYS),
    }
}

/// Breadth-first over objects (and arrays) up to `MAX_DEPTH` levels; within a
/// level, keys earlier in `keys` win.
pub fn find_string(root: &Value, keys: &[&str]) -> Option<String> {
    let mut level: Vec<&Value> = vec![root];
    for _ in 0..MAX_DEPTH {
        for key in keys {
            let hit = level
                .iter()
                .filter_map(|v| v.get(key)?.as_str())
                .find_map(non_empty);
            if hit.is_some() {
                return hit;
            }
        }
        level = level.iter().flat_map(|v| children(v)).collect();
    }
    None
}

fn children(v: &Value) -> Vec<&Value> {
    match v {
        Value::Object(m) => m.values().collect(),
        Value::Array(a) => a.iter().collect(),
        _ => Vec::new(),
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shapes() {
        assert_eq!(find_token(&json!("tok"), None).as_deref(), Some("tok"));
        assert_eq!(
            find_token(&json!({"jwt": "j", "token": "t"}), None).as_deref(),
            Some("t")
        );
        assert_eq!(
            find_token(&json!({"data": {"access_token": "a"}}), None).as_deref(),
            Some("a")
        );
        assert_eq!(
            find_token(&json!({"a": {"b": {"token": "deep"}}}), None).as_deref(),
            Some("deep")
        );
        assert_eq!(
            find_token(&json!({"a": {"b": {"c": {"token": "too deep"}}}}), None),
            None
        );
        assert_eq!(find_token(&json!({"token": ""}), None), None);
        assert_eq!(find_token(&json!(""), None), None);
    }

    #[test]
    fn top_level_beats_nested_and_key_order() {
        let v = json!({"data": {"token": "nested"}, "jwt": "top"});
        assert_eq!(find_token(&v, None).as_deref(), Some("top"));
        let v = json!([{"access_token": "a"}, {"token": "t"}]);
        assert_eq!(find_token(&v, None).as_deref(), Some("t"));
    }

    #[test]
    fn pointer_overrides_search() {
        let v = json!({"token": "t", "x": {"y": "p"}});
        assert_eq!(find_token(&v, Some("/x/y")).as_deref(), Some("p"));
        assert_eq!(find_token(&v, Some("/missing")), None);
    }

    #[test]
    fn server_url() {
        let v = json!({"data": {"livekit_url": "wss://b"}, "server_url": "wss://a"});
        assert_eq!(find_string(&v, &URL_KEYS).as_deref(), Some("wss://a"));
    }
}
