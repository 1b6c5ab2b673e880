//! What the server actually receives: resolved headers and secrets, session
//! ids, and the requests that must never be sent.

mod common;

use common::*;
use serde_json::{Value, json};
use voxtune::api::{MintError, MintRequest, UsedAt, build_client, mint};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn token_server(expected_calls: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"token": "t"})))
        .expect(expected_calls)
        .mount(&server)
        .await;
    server
}

fn vars(name: &str) -> Option<String> {
    match name {
        "VOXTUNE_TOKEN" => Some("tok-from-env".into()),
        "TTS_KEY" => Some("sk-tts-123".into()),
        _ => None,
    }
}

async fn received_body(server: &MockServer) -> Value {
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    requests[0].body_json().unwrap()
}

#[tokio::test]
async fn headers_and_secrets_arrive_resolved() {
    let server = token_server(1).await;
    let mut env = env_at(&server.uri());
    env.headers = vec![
        ("Authorization".into(), "Bearer ${VOXTUNE_TOKEN}".into()),
        ("X-Literal".into(), "cost $${5}".into()),
    ];
    let body = json!({
        "agent_config": {"tts": {"model": {"provider": "cartesia", "api_key": "${TTS_KEY}"}}},
        "session_id": "fixed"
    });
    let req =
        MintRequest::prepare(&env, &body, &["/agent_config/tts/model/api_key"], vars).unwrap();
    mint(&build_client().unwrap(), &req).await.unwrap();

    let requests = server.received_requests().await.unwrap();
    let got = &requests[0];
    let header = |n: &str| {
        got.headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    assert_eq!(
        header("authorization").as_deref(),
        Some("Bearer tok-from-env")
    );
    assert_eq!(header("x-literal").as_deref(), Some("cost ${5}"));
    assert_eq!(header("content-type").as_deref(), Some("application/json"));
    assert!(header("user-agent").unwrap().starts_with("voxtune/"));
    let sent: Value = got.body_json().unwrap();
    assert_eq!(
        sent["agent_config"]["tts"]["model"]["api_key"],
        json!("sk-tts-123")
    );
    assert_eq!(
        sent["agent_config"]["tts"]["model"]["provider"],
        json!("cartesia")
    );
}

#[tokio::test]
async fn missing_variable_stops_before_sending() {
    let server = token_server(0).await;
    let body = json!({"agent_config": {"llm": {"model": {"api_key": "${OPENAI_KEY}"}}}});
    let err = MintRequest::prepare(&env_at(&server.uri()), &body, &[], vars).unwrap_err();
    let MintError::MissingVar(missing) = &err else {
        panic!("expected MissingVar, got {err:?}");
    };
    assert_eq!(missing.var, "OPENAI_KEY");
    assert_eq!(
        missing.used_at,
        UsedAt::Body("/agent_config/llm/model/api_key".into())
    );
    assert!(
        err.to_string().contains("OPENAI_KEY")
            && err.to_string().contains("/agent_config/llm/model/api_key")
    );

    let mut env = env_at(&server.uri());
    env.headers = vec![("Authorization".into(), "Bearer ${NOT_SET}".into())];
    let err = MintRequest::prepare(&env, &sample_body(), &[], vars).unwrap_err();
    assert!(
        err.to_string().contains("NOT_SET") && err.to_string().contains("Authorization"),
        "{err}"
    );
    // The mock's expect(0) is verified when the server drops.
}

#[tokio::test]
async fn empty_session_id_gets_a_fresh_uuid() {
    let server = token_server(1).await;
    let body = json!({"agent_id": "a", "session_id": ""});
    let req = MintRequest::prepare(&env_at(&server.uri()), &body, &[], vars).unwrap();
    mint(&build_client().unwrap(), &req).await.unwrap();
    let sent = received_body(&server).await;
    let id = sent["session_id"].as_str().unwrap();
    let uuid = uuid::Uuid::parse_str(id).expect("a UUID");
    assert_eq!(uuid.get_version_num(), 4);
    assert_eq!(
        req.session_id.as_deref(),
        Some(id),
        "the id sent is the id reported"
    );
    assert_eq!(
        body["session_id"],
        json!(""),
        "the profile itself is untouched"
    );
}

#[tokio::test]
async fn missing_session_id_is_added_and_a_given_one_kept() {
    let server = token_server(1).await;
    let req =
        MintRequest::prepare(&env_at(&server.uri()), &json!({"agent_id": "a"}), &[], vars).unwrap();
    assert!(uuid::Uuid::parse_str(req.session_id.as_deref().unwrap()).is_ok());

    let req = MintRequest::prepare(
        &env_at(&server.uri()),
        &json!({"session_id": "room-9"}),
        &[],
        vars,
    )
    .unwrap();
    mint(&build_client().unwrap(), &req).await.unwrap();
    assert_eq!(received_body(&server).await["session_id"], json!("room-9"));
    assert_eq!(req.session_id.as_deref(), Some("room-9"));
}

#[tokio::test]
async fn secrets_over_plain_http_to_a_remote_host_are_refused() {
    let mut env = env_at("http://voice.example.com");
    env.headers = vec![("Authorization".into(), "Bearer ${VOXTUNE_TOKEN}".into())];
    let err = MintRequest::prepare(&env, &sample_body(), &[], vars).unwrap_err();
    assert!(
        matches!(err, MintError::InsecureTransport { .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("http://voice.example.com/api/v1/playground/tokens"),
        "{err}"
    );
    assert!(!err.to_string().contains("tok-from-env"));

    let literal_key = json!({"agent_config": {"tts": {"model": {"api_key": "sk-literal"}}}});
    let err = MintRequest::prepare(
        &env_at("http://voice.example.com"),
        &literal_key,
        &["/agent_config/tts/model/api_key"],
        vars,
    )
    .unwrap_err();
    assert!(
        matches!(err, MintError::InsecureTransport { .. }),
        "{err:?}"
    );

    env.allow_insecure = true;
    assert!(MintRequest::prepare(&env, &sample_body(), &[], vars).is_ok());
    assert!(
        MintRequest::prepare(
            &env_at("http://voice.example.com"),
            &sample_body(),
            &[],
            vars
        )
        .is_ok()
    );
}

#[tokio::test]
async fn secrets_to_loopback_over_http_are_allowed() {
    let server = token_server(1).await;
    let mut env = env_at(&server.uri());
    env.headers = vec![("Authorization".into(), "Bearer ${VOXTUNE_TOKEN}".into())];
    let req = MintRequest::prepare(&env, &sample_body(), &[], vars).unwrap();
    assert_eq!(
        mint(&build_client().unwrap(), &req).await.unwrap().token,
        "t"
    );
}
