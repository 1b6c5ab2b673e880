//! Sends a prepared request and reads the answer, bounded in time and size.

use std::error::Error as _;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, LOCATION};
use serde_json::Value;

use super::credentials::Credentials;
use super::error::{MintError, short};
use super::http_error::{Sent, classify};
use super::request::{MintRequest, timeout_from_secs};
use super::resolve::resolve_headers;
use super::response::MintOutcome;
use crate::settings::Environment;

/// A token response is a few KiB; anything near this is a misconfigured URL.
pub const MAX_BODY_BYTES: u64 = 4 * 1024 * 1024;
const SNIPPET_CHARS: usize = 80;

/// Redirects are not followed: a POST that is redirected turns into a GET on
/// most servers (a confusing 405), and the body may carry secrets that should
/// not be re-sent to another host. The user is told where to point instead.
pub fn build_client() -> Result<reqwest::Client, MintError> {
    client_builder().build().map_err(build_error)
}

/// The client for requests to `url` alone. For a plain `http://` URL no TLS can happen
/// (redirects are not followed, and no proxy in the environment is an `https://` one),
/// so the platform verifier is not built: it reads and parses every system root
/// certificate, which is most of what `voxtune mint` spent against a local server.
/// Any other URL gets the full client.
pub fn build_client_for(url: &str) -> Result<reqwest::Client, MintError> {
    if !is_plain_http(url) || https_proxy_in_env() {
        return build_client();
    }
    client_builder()
        .tls_certs_only(std::iter::empty())
        .build()
        .map_err(build_error)
}

fn client_builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .user_agent(concat!("voxtune/", env!("CARGO_PKG_VERSION")))
        .redirect(reqwest::redirect::Policy::none())
}

fn build_error(e: reqwest::Error) -> MintError {
    MintError::Network {
        url: String::new(),
        cause: root_cause(&e),
    }
}

fn is_plain_http(url: &str) -> bool {
    url.get(..7)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"))
}

/// A proxy reached over TLS would need the roots even for an `http://` URL.
fn https_proxy_in_env() -> bool {
    ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .any(|v| !v.trim().is_empty() && !is_plain_http(v.trim()))
}

/// POSTs the body and extracts the token. The whole exchange, body included,
/// ends within `req.timeout`. An error never quotes the request's credentials.
pub async fn mint(client: &reqwest::Client, req: &MintRequest) -> Result<MintOutcome, MintError> {
    let result = match tokio::time::timeout(req.timeout, exchange(client, req)).await {
        Ok(result) => result,
        Err(_) => Err(MintError::Timeout {
            url: req.endpoint.clone(),
            after: req.timeout,
        }),
    };
    result.map_err(|e| e.scrubbed(&req.credentials))
}

async fn exchange(client: &reqwest::Client, req: &MintRequest) -> Result<MintOutcome, MintError> {
    let response = client
        .post(&req.endpoint)
        .headers(header_map(&req.headers)?)
        .json(&req.body)
        .timeout(req.timeout)
        .send()
        .await
        .map_err(|e| transport_error(&e, &req.endpoint, req.timeout))?;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = read_capped(response, MAX_BODY_BYTES)
        .await
        .map_err(|e| e.into_mint_error(&req.endpoint, req.timeout))?;
    if !(200..300).contains(&status) {
        let sent = Sent {
            url: &req.endpoint,
            env_name: &req.env_name,
        };
        return Err(classify(status, &body, location.as_deref(), &sent));
    }
    let json: Value = serde_json::from_slice(&body).map_err(|_| MintError::InvalidJson {
        status,
        snippet: snippet(&body),
    })?;
    MintOutcome::from_response(status, json, req.token_pointer.as_deref())
}

/// GETs a JSON document (the server's OpenAPI description) with the environment's
/// headers, bounded like a mint; an error never quotes the credentials it sent.
pub async fn fetch_text(
    client: &reqwest::Client,
    url: &str,
    env: &Environment,
    lookup: impl Fn(&str) -> Option<String>,
    cap: u64,
) -> Result<Vec<u8>, MintError> {
    let headers = resolve_headers(&env.headers, lookup)?;
    let credentials = Credentials::of_headers(&env.headers, &headers);
    let timeout = timeout_from_secs(env.timeout_s);
    let exchange = async {
        let response = client
            .get(url)
            .headers(header_map(&headers)?)
            .timeout(timeout)
            .send()
            .await
            .map_err(|e| transport_error(&e, url, timeout))?;
        let status = response.status().as_u16();
        let body = read_capped(response, cap)
            .await
            .map_err(|e| e.into_mint_error(url, timeout))?;
        if !(200..300).contains(&status) {
            let sent = Sent {
                url,
                env_name: &env.name,
            };
            return Err(classify(status, &body, None, &sent));
        }
        Ok(body)
    };
    let result = tokio::time::timeout(timeout, exchange)
        .await
        .unwrap_or_else(|_| {
            Err(MintError::Timeout {
                url: url.to_string(),
                after: timeout,
            })
        });
    result.map_err(|e| e.scrubbed(&credentials))
}

fn header_map(headers: &[(String, String)]) -> Result<HeaderMap, MintError> {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        let invalid = |reason: &str| MintError::InvalidHeader {
            name: name.clone(),
            reason: reason.into(),
        };
        let key = HeaderName::from_bytes(name.trim().as_bytes())
            .map_err(|_| invalid("not a valid header name"))?;
        // The value is never quoted back: it may be a credential.
        let mut val = HeaderValue::from_str(value.trim())
            .map_err(|_| invalid("its value holds characters a header cannot carry"))?;
        val.set_sensitive(true);
        map.append(key, val);
    }
    Ok(map)
}

enum ReadError {
    TooLarge(Option<u64>),
    Transport(reqwest::Error),
}

impl ReadError {
    fn into_mint_error(self, url: &str, timeout: std::time::Duration) -> MintError {
        match self {
            ReadError::TooLarge(content_length) => MintError::TooLarge {
                limit: MAX_BODY_BYTES,
                content_length,
            },
            ReadError::Transport(e) => transport_error(&e, url, timeout),
        }
    }
}

/// Reads at most `cap` bytes: a declared length over the cap is refused before
/// reading, and an undeclared one is cut off as soon as it passes the cap.
async fn read_capped(mut response: reqwest::Response, cap: u64) -> Result<Vec<u8>, ReadError> {
    let declared = response.content_length();
    if declared.is_some_and(|n| n > cap) {
        return Err(ReadError::TooLarge(declared));
    }
    let mut body = Vec::with_capacity(declared.unwrap_or(0) as usize);
    while let Some(chunk) = response.chunk().await.map_err(ReadError::Transport)? {
        if (body.len() + chunk.len()) as u64 > cap {
            return Err(ReadError::TooLarge(declared));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let flat: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.is_empty() {
        "(empty body)".to_string()
    } else {
        format!("{:?}", short(&flat, SNIPPET_CHARS))
    }
}

/// Names the failure class from reqwest's flags and the error chain; the
/// messages come from the network stack and never contain the request.
fn transport_error(e: &reqwest::Error, url: &str, timeout: std::time::Duration) -> MintError {
    let url = url.to_string();
    let chain = chain_text(e).to_ascii_lowercase();
    let cause = root_cause(e);
    if e.is_timeout() {
        MintError::Timeout {
            url,
            after: timeout,
        }
    } else if e.is_builder() {
        MintError::InvalidUrl { url, reason: cause }
    } else if e.is_dns()
        || chain.contains("dns error")
        || chain.contains("failed to lookup address")
    {
        MintError::Dns { url, cause }
    } else if looks_like_tls(e, &chain, &url) {
        MintError::Tls { url, cause }
    } else if e.is_connect() {
        MintError::Connect {
            url,
            cause: connect_cause(e).unwrap_or(cause),
        }
    } else {
        MintError::Network { url, cause }
    }
}

/// rustls reports through io errors of kind InvalidData during connect, and
/// its messages do not always say "TLS" ("received corrupt message…" when the
/// server speaks plain http).
fn looks_like_tls(e: &reqwest::Error, chain: &str, url: &str) -> bool {
    let worded = [
        "certificate",
        "tls",
        "handshake",
        "alert",
        "corrupt message",
    ]
    .iter()
    .any(|w| chain.contains(w));
    let https = url.starts_with("https://");
    worded || (https && e.is_connect() && io_kind(e) == Some(std::io::ErrorKind::InvalidData))
}

fn io_kind(e: &reqwest::Error) -> Option<std::io::ErrorKind> {
    let mut source = e.source();
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        source = s.source();
    }
    None
}

fn chain_text(e: &reqwest::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

fn root_cause(e: &reqwest::Error) -> String {
    let mut last: &dyn std::error::Error = e;
    while let Some(s) = last.source() {
        last = s;
    }
    last.to_string()
}

fn connect_cause(e: &reqwest::Error) -> Option<String> {
    match io_kind(e)? {
        std::io::ErrorKind::ConnectionRefused => Some("connection refused".to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_short_and_flat() {
        assert_eq!(snippet(b""), "(empty body)");
        assert_eq!(snippet(b"<html>\nhi"), "\"<html> hi\"");
        let long = "x".repeat(500);
        assert!(snippet(long.as_bytes()).chars().count() <= SNIPPET_CHARS + 3);
    }

    #[test]
    fn bad_header_value_is_not_echoed() {
        let e = header_map(&[("Authorization".into(), "Bearer sk\n1".into())]).unwrap_err();
        assert!(
            e.to_string().contains("Authorization") && !e.to_string().contains("sk"),
            "{e}"
        );
    }

    #[test]
    fn only_plain_http_skips_the_tls_roots() {
        assert!(is_plain_http(
            "http://127.0.0.1:8000/api/v1/playground/tokens"
        ));
        assert!(is_plain_http("HTTP://example.com"));
        assert!(!is_plain_http("https://example.com"));
        assert!(!is_plain_http("http:/"));
        // Both kinds build; the lean one is a working client for http.
        assert!(build_client_for("http://127.0.0.1:1").is_ok());
        assert!(build_client_for("https://example.com").is_ok());
    }
}
