//! Shared helpers for the HTTP tests: a real local server and real requests.
#![allow(dead_code)]

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use voxtune::api::{MintError, MintOutcome, MintRequest, build_client, mint};
use voxtune::settings::Environment;

pub const TOKEN_PATH: &str = "/api/v1/playground/tokens";

/// A real local server answering every POST to the token endpoint with `response`.
pub async fn token_server(response: wiremock::ResponseTemplate) -> wiremock::MockServer {
    use wiremock::matchers::{method, path};
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(response)
        .mount(&server)
        .await;
    server
}

pub fn env_at(base_url: &str) -> Environment {
    Environment::new("dev", base_url)
}

pub fn no_vars(_: &str) -> Option<String> {
    None
}

/// Prepares and sends like the app does, with no environment variables.
pub async fn mint_at(env: &Environment, body: &Value) -> Result<MintOutcome, MintError> {
    let req = MintRequest::prepare(env, body, &[], no_vars)?;
    mint(&build_client().unwrap(), &req).await
}

pub fn sample_body() -> Value {
    json!({"agent_id": "a1", "platform": "web", "session_id": "s-1", "ttl": 3600})
}

/// An HS256-shaped JWT: real header and payload encoding, dummy signature.
pub fn make_jwt(payload: &Value) -> String {
    let part = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
    let header = json!({"alg": "HS256", "typ": "JWT"});
    format!(
        "{}.{}.{}",
        part(&header),
        part(payload),
        URL_SAFE_NO_PAD.encode([7u8; 32])
    )
}

/// A one-shot HTTP/1.1 server for answers wiremock cannot give (chunked
/// bodies, a declared length that never arrives). Returns its base URL.
pub async fn raw_server(
    head: &'static str,
    body: impl FnOnce() -> Vec<Vec<u8>> + Send + 'static,
) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        read_request(&mut sock).await;
        if sock.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        for piece in body() {
            if sock.write_all(&piece).await.is_err() {
                return;
            }
        }
        // Hold the connection open, as a slow server would.
        tokio::time::sleep(Duration::from_secs(30)).await;
    });
    format!("http://{addr}")
}

async fn read_request(sock: &mut tokio::net::TcpStream) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = sock.read(&mut chunk).await.unwrap_or(0);
        if n == 0 {
            return;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let len = text[..end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                })
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                return;
            }
        }
    }
}

/// `n` bytes as HTTP/1.1 chunks of 64 KiB.
pub fn chunked(n: usize) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut left = n;
    while left > 0 {
        let size = left.min(64 * 1024);
        let mut piece = format!("{size:x}\r\n").into_bytes();
        piece.extend(std::iter::repeat_n(b' ', size));
        piece.extend_from_slice(b"\r\n");
        out.push(piece);
        left -= size;
    }
    out.push(b"0\r\n\r\n".to_vec());
    out
}
