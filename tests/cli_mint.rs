//! `voxtune mint`, `curl` and `schema sync` through the real binary, against a real
//! local server (wiremock).

mod cli_support;
mod common;
use cli_support::*;
use common::token_server;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SENTINEL: &str = "sk-SENTINEL-7f3a9c";

fn received_bodies(requests: &[wiremock::Request]) -> Vec<Value> {
    requests
        .iter()
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect()
}

/// A JWT as LiveKit would sign it (the signature is not checked).
fn jwt(claims: Value) -> String {
    use base64::Engine;
    let enc = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.c2lnbmF0dXJl",
        enc(&json!({"alg": "HS256", "typ": "JWT"})),
        enc(&claims)
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mint_prints_the_token_alone_and_sends_the_profile_with_a_fresh_session_id() {
    let token = jwt(
        json!({"sub": "user-1", "name": "Ada", "video": {"room": "room-9"}, "exp": 4_102_444_800_i64}),
    );
    let server = token_server(
        ResponseTemplate::new(200)
            .set_body_json(json!({"token": token, "url": "wss://lk.example"})),
    )
    .await;
    let sb = Sandbox::new();
    let run = sb.run(&["mint", "--base-url", &server.uri()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("{token}\n"));
    let sent = received_bodies(&server.received_requests().await.unwrap());
    assert_eq!(sent.len(), 1);
    let session = sent[0]["session_id"].as_str().unwrap();
    assert!(uuid::Uuid::parse_str(session).is_ok(), "{session}");
    assert!(
        run.stderr.contains(session),
        "the session id used is reported: {}",
        run.stderr
    );
    let mut expected: Value = serde_json::from_str(&sb.run(&["payload"]).stdout).unwrap();
    expected["session_id"] = session.into();
    assert_eq!(sent[0], expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mint_json_carries_response_claims_and_session() {
    let token = jwt(json!({"sub": "user-1", "video": {"room": "room-9"}}));
    let server = token_server(
        ResponseTemplate::new(200).set_body_json(json!({"data": {"access_token": token}})),
    )
    .await;
    let sb = Sandbox::new();
    sb.run(&["profiles", "set", "default", "session_id=fixed-session"]);
    let run = sb.run(&["mint", "--json", "--base-url", &server.uri()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(out["token"], token.as_str());
    assert_eq!(out["claims"]["video"]["room"], "room-9");
    assert_eq!(out["session_id"], "fixed-session");
    assert_eq!(out["response"]["data"]["access_token"], token.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_profile_is_not_sent_unless_forced() {
    let server = token_server(ResponseTemplate::new(200).set_body_json(json!("tok"))).await;
    let sb = Sandbox::new();
    sb.import_seed("seed");
    let run = sb.run(&["mint", "--profile", "seed", "--base-url", &server.uri()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("/agent_config/vad/activation_threshold")
            && run.stderr.contains("nothing was sent"),
        "{}",
        run.stderr
    );
    assert!(server.received_requests().await.unwrap().is_empty());
    let forced = sb.run(&[
        "mint",
        "--profile",
        "seed",
        "--force",
        "--base-url",
        &server.uri(),
    ]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(forced.stdout, "tok\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_422_names_each_field_by_pointer() {
    let detail = json!({"detail": [
        {"type": "enum", "loc": ["body", "agent_config", "tts", "speed"], "msg": "Input should be 'x-slow', 'slow'", "input": "turbo", "ctx": {"expected": "'x-slow' or 'slow'"}},
        {"type": "missing", "loc": ["body", "agent_id"], "msg": "Field required"}
    ]});
    let server = token_server(ResponseTemplate::new(422).set_body_json(detail)).await;
    let sb = Sandbox::new();
    let run = sb.run(&["mint", "--base-url", &server.uri()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("/agent_config/tts/speed") && run.stderr.contains("'x-slow' or 'slow'"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("/agent_id: Field required"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_resolve_from_the_environment_and_never_reach_any_output() {
    let server =
        token_server(ResponseTemplate::new(401).set_body_json(json!({"detail": "bad key"}))).await;
    let sb = Sandbox::new();
    std::fs::write(
        sb.config().join("settings.toml"),
        format!("default_env = \"local\"\n[environments.local]\nbase_url = \"{}\"\nheaders = {{ Authorization = \"Bearer ${{VT_TEST_TOKEN}}\" }}\n", server.uri()),
    )
    .unwrap();
    sb.run(&[
        "profiles",
        "set",
        "default",
        "agent_config.llm.model.api_key=${VT_TEST_KEY}",
        &format!("agent_config.tts.model.api_key={SENTINEL}"),
    ]);
    let with_env = |args: &[&str]| {
        let out = sb
            .command(args)
            .env("VT_TEST_TOKEN", SENTINEL)
            .env("VT_TEST_KEY", SENTINEL)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let (code, mint_out) = with_env(&["mint"]);
    assert_eq!(code, 1);
    assert!(
        mint_out.contains("not authorized") && mint_out.contains("local"),
        "{mint_out}"
    );
    let req = &server.received_requests().await.unwrap()[0];
    assert_eq!(
        req.headers.get("authorization").unwrap().to_str().unwrap(),
        format!("Bearer {SENTINEL}")
    );
    let body: Value = serde_json::from_slice(&req.body).unwrap();
    assert_eq!(
        body["agent_config"]["llm"]["model"]["api_key"], SENTINEL,
        "references resolve in the body"
    );
    let mut outputs = vec![mint_out];
    for args in [
        &["payload"][..],
        &["curl"],
        &["profiles", "show", "default"],
        &["profiles", "export", "default"],
        &["validate"],
        &["profiles", "list"],
        &["mint", "--json"],
        &["mint", "--copy"],
    ] {
        outputs.push(with_env(args).1);
    }
    for out in &outputs {
        assert!(!out.contains(SENTINEL), "a secret leaked:\n{out}");
    }
    let revealed = with_env(&["payload", "--reveal-secrets"]).1;
    assert!(
        revealed.contains(SENTINEL),
        "--reveal-secrets shows the literal one"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_variable_is_named_and_nothing_is_sent() {
    let server = token_server(ResponseTemplate::new(200).set_body_json(json!("tok"))).await;
    let sb = Sandbox::new();
    sb.run(&[
        "profiles",
        "set",
        "default",
        "agent_config.tts.model.api_key=${VT_SURELY_UNSET_VAR}",
    ]);
    let run = sb.run(&["mint", "--base-url", &server.uri()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("VT_SURELY_UNSET_VAR"), "{}", run.stderr);
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn base_url_flag_beats_the_variable_which_beats_the_environment() {
    let flag = token_server(ResponseTemplate::new(200).set_body_json(json!("from-flag"))).await;
    let var = token_server(ResponseTemplate::new(200).set_body_json(json!("from-var"))).await;
    let sb = Sandbox::new();
    let run = |args: &[&str]| {
        let out = sb
            .command(args)
            .env("VOXTUNE_BASE_URL", var.uri())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(run(&["mint", "--base-url", &flag.uri()]), "from-flag\n");
    assert_eq!(run(&["mint"]), "from-var\n");
    let unknown = sb.run(&["mint", "--env", "nope"]);
    assert_eq!(unknown.code, 1);
    assert!(
        unknown.stderr.contains("dev"),
        "lists the known environments: {}",
        unknown.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn curl_prints_the_same_request_with_secrets_redacted() {
    let sb = Sandbox::new();
    std::fs::write(
        sb.config().join("settings.toml"),
        "[environments.dev]\nbase_url = \"https://voice.example\"\nheaders = { Authorization = \"Bearer ${VT_TOKEN}\", X-Api-Key = \"literal-key\" }\n",
    )
    .unwrap();
    sb.run(&[
        "profiles",
        "set",
        "default",
        &format!("agent_config.tts.model.api_key={SENTINEL}"),
    ]);
    let run = sb.run(&["curl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("curl --request POST"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("'https://voice.example/api/v1/playground/tokens'")
    );
    assert!(
        run.stdout
            .contains("'Authorization: Bearer '\"${VT_TOKEN}\"''"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("'X-Api-Key: ***'") && !run.stdout.contains("literal-key"));
    assert!(!run.stdout.contains(SENTINEL) && run.stdout.contains("\"api_key\": \"***\""));
    // The printed command re-imports to the same body.
    let reimported =
        sb.run_with_stdin(&["profiles", "import", "-", "--name", "again"], &run.stdout);
    assert_eq!(reimported.code, 0, "{}", reimported.stderr);
}

fn openapi_with_extra_speed() -> Value {
    let mut doc: Value = serde_json::from_str(voxtune::schema::BUNDLED_SCHEMA).unwrap();
    doc["components"]["schemas"]["TTSSpeed"]["enum"]
        .as_array_mut()
        .unwrap()
        .push("ludicrous".into());
    doc
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schema_sync_caches_the_servers_schema_and_validation_follows_it() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/openapi.json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(openapi_with_extra_speed()))
        .mount(&server)
        .await;
    let sb = Sandbox::new();
    sb.run(&[
        "profiles",
        "set",
        "default",
        "agent_config.tts.speed=ludicrous",
    ]);
    assert_eq!(
        sb.run(&["validate"]).code,
        1,
        "not valid under the bundled schema"
    );
    let sync = sb.run(&["schema", "sync", "--base-url", &server.uri()]);
    assert_eq!(sync.code, 0, "{}", sync.stderr);
    assert!(
        sync.stdout
            .contains("+ /agent_config/tts/speed accepts ludicrous"),
        "{}",
        sync.stdout
    );
    assert_eq!(
        sb.run(&["validate"]).code,
        0,
        "valid under the synced schema"
    );
    assert!(sb.run(&["schema", "show"]).stdout.contains("synced"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schema_sync_from_a_server_without_the_document_leaves_the_cache_alone() {
    let good = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/openapi.json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(openapi_with_extra_speed()))
        .mount(&good)
        .await;
    let wrong = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/openapi.json"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"openapi": "3.1.0", "paths": {"/health": {}}})),
        )
        .mount(&wrong)
        .await;
    let missing = MockServer::start().await;
    let sb = Sandbox::new();
    assert_eq!(
        sb.run(&["schema", "sync", "--base-url", &good.uri()]).code,
        0
    );
    let cache = sb.config().join("data/openapi.json");
    let before = std::fs::read(&cache).unwrap();
    let run = sb.run(&["schema", "sync", "--base-url", &missing.uri()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("404") || run.stderr.contains("not found"),
        "{}",
        run.stderr
    );
    let run = sb.run(&["schema", "sync", "--base-url", &wrong.uri()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("/api/v1/playground/tokens") && run.stderr.contains("unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&cache).unwrap(), before);
}
