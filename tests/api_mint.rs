//! Successful mints against a real local server: every response shape the
//! API reference allows, and the claims read from the token.

mod common;

use common::*;
use serde_json::json;
use voxtune::api::MintError;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn serving(body: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .expect(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn bare_json_string_is_the_token() {
    let server = serving(json!("tok-bare")).await;
    let out = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap();
    assert_eq!(out.token, "tok-bare");
    assert_eq!(out.server_url, None);
    assert_eq!(out.status, 200);
    assert!(out.claims.is_none(), "an opaque token has no claims");
}

#[tokio::test]
async fn token_key() {
    let server = serving(json!({"token": "tok-1"})).await;
    let out = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap();
    assert_eq!(out.token, "tok-1");
    assert_eq!(out.response, json!({"token": "tok-1"}));
}

#[tokio::test]
async fn access_token_beside_url() {
    let server = serving(json!({"access_token": "tok-2", "url": "wss://lk.example"})).await;
    let out = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap();
    assert_eq!(out.token, "tok-2");
    assert_eq!(out.server_url.as_deref(), Some("wss://lk.example"));
}

#[tokio::test]
async fn nested_under_data() {
    let server =
        serving(json!({"data": {"access_token": "tok-3", "livekit_url": "wss://x"}})).await;
    let out = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap();
    assert_eq!(out.token, "tok-3");
    assert_eq!(out.server_url.as_deref(), Some("wss://x"));
}

#[tokio::test]
async fn token_pointer_from_settings_wins() {
    let server =
        serving(json!({"token": "decoy", "result": {"credentials": {"t": "tok-4"}}})).await;
    let mut env = env_at(&server.uri());
    env.token_pointer = Some("/result/credentials/t".into());
    let out = mint_at(&env, &sample_body()).await.unwrap();
    assert_eq!(out.token, "tok-4");
}

#[tokio::test]
async fn no_token_reports_the_whole_response() {
    let response = json!({"status": "ok", "room": {"name": "r1"}});
    let server = serving(response.clone()).await;
    let err = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap_err();
    let MintError::NoToken { response: got } = &err else {
        panic!("expected NoToken, got {err:?}");
    };
    assert_eq!(got, &response);
    let text = err.to_string();
    assert!(
        text.contains("\"room\": {") && text.contains("\"name\": \"r1\""),
        "{text}"
    );
}

#[tokio::test]
async fn jwt_claims_are_decoded() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let jwt = make_jwt(&json!({
        "iss": "APIdevkey", "sub": "user-42", "name": "Ada", "nbf": now - 2, "exp": now + 3600,
        "metadata": "{\"plan\":\"pro\"}",
        "video": {"room": "room-7", "roomJoin": true}
    }));
    let server = serving(json!({"token": jwt, "url": "wss://lk"})).await;
    let out = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap();
    let claims = out.claims.expect("a JWT has claims");
    assert_eq!(claims.sub.as_deref(), Some("user-42"));
    assert_eq!(claims.name.as_deref(), Some("Ada"));
    assert_eq!(claims.room.as_deref(), Some("room-7"));
    assert_eq!(claims.iss.as_deref(), Some("APIdevkey"));
    assert_eq!(claims.metadata.as_deref(), Some("{\"plan\":\"pro\"}"));
    assert_eq!(claims.exp, Some(now + 3600));
    assert_eq!(claims.raw["video"]["roomJoin"], json!(true));
    assert_eq!(
        claims.expires_in(now + 2).as_deref(),
        Some("expires in 59m 58s")
    );
    assert_eq!(
        claims.expires_in(now + 3600 + 180).as_deref(),
        Some("expired 3m ago")
    );
}
