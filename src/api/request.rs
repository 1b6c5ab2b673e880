//! Builds the request to send: resolved secrets, a session id, a checked URL.

use std::fmt;
use std::net::IpAddr;
use std::time::Duration;

use reqwest::Url;
use serde_json::Value;

use super::credentials::Credentials;
use super::error::MintError;
use super::resolve::{has_refs, resolve_headers, resolve_value};
use crate::settings::{DEFAULT_TIMEOUT_S, Environment};

pub const ENDPOINT_PATH: &str = "/api/v1/playground/tokens";

/// Header names whose values are credentials even when written literally.
const SECRET_HEADERS: [&str; 5] = [
    "authorization",
    "proxy-authorization",
    "cookie",
    "x-api-key",
    "api-key",
];

#[derive(Clone, PartialEq)]
pub struct MintRequest {
    /// The full URL of the token endpoint.
    pub endpoint: String,
    /// Resolved: may hold secrets. Never print them.
    pub headers: Vec<(String, String)>,
    /// Resolved: may hold secrets. Never print it.
    pub body: Value,
    pub timeout: Duration,
    pub token_pointer: Option<String>,
    pub env_name: String,
    /// The session id sent, generated or the profile's own (None if the body is not an object).
    pub session_id: Option<String>,
    /// What of the above is a credential: masked in every error the exchange reports.
    pub credentials: Credentials,
}

/// Hand-written so that a `{:?}` in a log line cannot leak what was resolved.
impl fmt::Debug for MintRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let header_names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("MintRequest")
            .field("endpoint", &self.endpoint)
            .field("headers", &header_names)
            .field("body", &"(redacted)")
            .field("timeout", &self.timeout)
            .field("token_pointer", &self.token_pointer)
            .field("env_name", &self.env_name)
            .field("session_id", &self.session_id)
            .finish()
    }
}

impl MintRequest {
    /// Everything short of sending: a missing variable or an unsafe URL stops
    /// here, before any byte leaves the machine. `secret_pointers` are the body
    /// fields the layout marks as secrets.
    pub fn prepare(
        env: &Environment,
        raw_body: &Value,
        secret_pointers: &[&str],
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<MintRequest, MintError> {
        let headers = resolve_headers(&env.headers, &lookup)?;
        let mut body = resolve_value(raw_body, &lookup)?;
        let session_id = ensure_session_id(&mut body);
        let endpoint = endpoint_url(&env.base_url);
        let secret = carries_secret(&env.headers, raw_body, secret_pointers);
        check_transport(&endpoint, secret, env.allow_insecure)?;
        let credentials = Credentials::of_headers(&env.headers, &headers)
            .with_body_fields(&body, secret_pointers);
        Ok(MintRequest {
            endpoint,
            headers,
            body,
            timeout: timeout_from_secs(env.timeout_s),
            token_pointer: env.token_pointer.clone(),
            env_name: env.name.clone(),
            session_id,
            credentials,
        })
    }
}

pub fn endpoint_url(base_url: &str) -> String {
    format!("{}{ENDPOINT_PATH}", base_url.trim().trim_end_matches('/'))
}

/// A fresh session per mint is what users usually want, so a missing or empty
/// `session_id` gets a UUID v4. Returns the id in use; None if the body is not
/// an object.
pub fn ensure_session_id(body: &mut Value) -> Option<String> {
    let map = body.as_object_mut()?;
    match map.get("session_id") {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        None | Some(Value::Null) | Some(Value::String(_)) => {
            let id = uuid::Uuid::new_v4().to_string();
            map.insert("session_id".to_string(), Value::String(id.clone()));
            Some(id)
        }
        // A non-string is the user's to fix; the server will say so.
        Some(other) => Some(other.to_string()),
    }
}

/// Whether a header of this name carries a credential even when written literally.
pub fn is_secret_header(name: &str) -> bool {
    SECRET_HEADERS.contains(&name.trim().to_ascii_lowercase().as_str())
}

/// Whether the request would carry a credential: a `${VAR}` anywhere, a header
/// known to hold credentials, or a non-empty field the layout marks secret.
pub fn carries_secret(
    raw_headers: &[(String, String)],
    raw_body: &Value,
    secret_pointers: &[&str],
) -> bool {
    let header_secret = raw_headers
        .iter()
        .any(|(name, value)| has_refs(value) || is_secret_header(name));
    let field_secret = secret_pointers.iter().any(|p| {
        raw_body
            .pointer(p)
            .and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    });
    header_secret || field_secret || value_has_refs(raw_body)
}

fn value_has_refs(v: &Value) -> bool {
    match v {
        Value::String(s) => has_refs(s),
        Value::Array(a) => a.iter().any(value_has_refs),
        Value::Object(m) => m.values().any(value_has_refs),
        _ => false,
    }
}

/// Refuses to send a secret over plain http to another machine. Loopback is
/// allowed: local development servers rarely have TLS and nothing crosses a wire.
pub fn check_transport(
    endpoint: &str,
    carries_secret: bool,
    allow_insecure: bool,
) -> Result<(), MintError> {
    let url = Url::parse(endpoint).map_err(|e| MintError::InvalidUrl {
        url: endpoint.to_string(),
        reason: e.to_string(),
    })?;
    match url.scheme() {
        "https" => Ok(()),
        "http" if !carries_secret || allow_insecure || is_loopback(&url) => Ok(()),
        "http" => Err(MintError::InsecureTransport {
            url: endpoint.to_string(),
        }),
        other => Err(MintError::InvalidUrl {
            url: endpoint.to_string(),
            reason: format!("scheme {other}: is not http or https"),
        }),
    }
}

fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => bare.eq_ignore_ascii_case("localhost"),
    }
}

pub(crate) fn timeout_from_secs(secs: f64) -> Duration {
    Duration::try_from_secs_f64(secs)
        .ok()
        .filter(|d| !d.is_zero())
        .unwrap_or(Duration::from_secs_f64(DEFAULT_TIMEOUT_S))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn endpoint_trims_slashes() {
        assert_eq!(
            endpoint_url("https://h/"),
            "https://h/api/v1/playground/tokens"
        );
        assert_eq!(
            endpoint_url("https://h/base"),
            "https://h/base/api/v1/playground/tokens"
        );
    }

    #[test]
    fn session_ids() {
        let mut b = json!({"session_id": ""});
        let id = ensure_session_id(&mut b).unwrap();
        assert!(uuid::Uuid::parse_str(&id).is_ok());
        assert_eq!(b["session_id"], json!(id));
        let mut b = json!({"session_id": "mine"});
        assert_eq!(ensure_session_id(&mut b).as_deref(), Some("mine"));
        let mut b = json!({});
        assert!(ensure_session_id(&mut b).is_some() && b["session_id"].is_string());
        assert_eq!(ensure_session_id(&mut json!([1])), None);
    }

    #[test]
    fn transport_rules() {
        let e = "/api/v1/playground/tokens";
        assert!(check_transport(&format!("http://example.com{e}"), true, false).is_err());
        assert!(check_transport(&format!("http://example.com{e}"), true, true).is_ok());
        assert!(check_transport(&format!("http://example.com{e}"), false, false).is_ok());
        for host in [
            "127.0.0.1",
            "127.8.9.10",
            "[::1]",
            "localhost",
            "LOCALHOST:8000",
        ] {
            assert!(
                check_transport(&format!("http://{host}{e}"), true, false).is_ok(),
                "{host}"
            );
        }
        assert!(check_transport(&format!("http://localhost.evil.com{e}"), true, false).is_err());
        assert!(check_transport(&format!("https://example.com{e}"), true, false).is_ok());
        assert!(matches!(
            check_transport("ftp://x/", false, false),
            Err(MintError::InvalidUrl { .. })
        ));
    }

    #[test]
    fn debug_does_not_show_secrets() {
        let mut env = Environment::new("dev", "https://h");
        env.headers = vec![("Authorization".into(), "Bearer ${T}".into())];
        let body = json!({"k": "${T}"});
        let req = MintRequest::prepare(&env, &body, &[], |_| Some("s3cret".into())).unwrap();
        let shown = format!("{req:?}");
        assert!(
            !shown.contains("s3cret") && shown.contains("Authorization"),
            "{shown}"
        );
    }

    #[test]
    fn secret_detection() {
        let h = |n: &str, v: &str| vec![(n.to_string(), v.to_string())];
        assert!(carries_secret(
            &h("Authorization", "Bearer abc"),
            &json!({}),
            &[]
        ));
        assert!(carries_secret(&h("X-Thing", "${T}"), &json!({}), &[]));
        assert!(!carries_secret(
            &h("X-Thing", "plain"),
            &json!({"a": "b"}),
            &[]
        ));
        assert!(carries_secret(&[], &json!({"k": "sk-1"}), &["/k"]));
        assert!(!carries_secret(&[], &json!({"k": ""}), &["/k"]));
        assert!(carries_secret(&[], &json!({"x": ["${K}"]}), &[]));
    }
}
