//! Every failure class, as the user would read it.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::json;
use voxtune::api::{MAX_BODY_BYTES, MintError, MintRequest, build_client, mint};
use wiremock::ResponseTemplate;

#[tokio::test]
async fn validation_422_gives_pointers_messages_and_expected() {
    let detail = json!({"detail": [
        {"type": "enum", "loc": ["body", "agent_config", "tts", "speed"],
         "msg": "Input should be 'x-slow', 'slow', 'medium', 'fast' or 'x-fast'", "input": "turbo",
         "ctx": {"expected": "'x-slow', 'slow', 'medium', 'fast' or 'x-fast'"}},
        {"type": "greater_than_equal", "loc": ["body", "agent_config", "vad", "items", 2, "x"],
         "msg": "Input should be greater than or equal to 1", "input": 0, "ctx": {"ge": 1}},
        {"type": "missing", "loc": ["body", "agent_id"], "msg": "Field required", "input": {}}
    ]});
    let server = token_server(ResponseTemplate::new(422).set_body_json(detail)).await;
    let err = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap_err();
    let fields = err.field_errors();
    let pointers: Vec<&str> = fields.iter().map(|f| f.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/agent_config/tts/speed",
            "/agent_config/vad/items/2/x",
            "/agent_id"
        ]
    );
    assert_eq!(
        fields[0].expected.as_deref(),
        Some("'x-slow', 'slow', 'medium', 'fast' or 'x-fast'")
    );
    assert_eq!(fields[0].input, Some(json!("turbo")));
    assert_eq!(fields[1].msg, "Input should be greater than or equal to 1");
    let text = err.to_string();
    assert_eq!(
        text.lines().count(),
        4,
        "a heading and one line per item:\n{text}"
    );
    assert!(
        text.contains("/agent_config/tts/speed: Input should be 'x-slow'"),
        "{text}"
    );
    assert!(text.contains("(got \"turbo\")"), "{text}");
}

#[tokio::test]
async fn unauthorized_names_the_environment_and_detail() {
    for status in [401, 403] {
        let server = token_server(
            ResponseTemplate::new(status).set_body_json(json!({"detail": "Not authenticated"})),
        )
        .await;
        let mut env = env_at(&server.uri());
        env.name = "staging".into();
        env.headers = vec![("Authorization".into(), "Bearer ${TOKEN}".into())];
        let req = MintRequest::prepare(&env, &sample_body(), &[], |_| Some("sekrit-value".into()))
            .unwrap();
        let err = mint(&build_client().unwrap(), &req).await.unwrap_err();
        assert!(
            matches!(err, MintError::Unauthorized { status: s, .. } if s == status),
            "{err:?}"
        );
        let text = err.to_string();
        assert!(
            text.contains("\"staging\"") && text.contains("Not authenticated"),
            "{text}"
        );
        assert!(text.contains(&status.to_string()), "{text}");
        assert!(!text.contains("sekrit-value") && !format!("{err:?}").contains("sekrit-value"));
    }
}

#[tokio::test]
async fn not_found_names_the_url() {
    let server =
        token_server(ResponseTemplate::new(404).set_body_json(json!({"detail": "Not Found"})))
            .await;
    let err = mint_at(&env_at(&format!("{}/wrong/", server.uri())), &sample_body())
        .await
        .unwrap_err();
    let expected_url = format!("{}/wrong/api/v1/playground/tokens", server.uri());
    assert!(
        matches!(&err, MintError::NotFound { url, .. } if *url == expected_url),
        "{err:?}"
    );
    assert!(err.to_string().contains(&expected_url), "{err}");
}

#[tokio::test]
async fn other_4xx_shows_status_and_detail() {
    let server =
        token_server(ResponseTemplate::new(429).set_body_json(json!({"detail": "slow down"})))
            .await;
    let err = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "request failed (429) — server said: slow down"
    );
}

#[tokio::test]
async fn bad_gateway_html_page_becomes_its_first_line() {
    let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n";
    let server = token_server(ResponseTemplate::new(502).set_body_raw(page, "text/html")).await;
    let err = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap_err();
    assert!(
        matches!(err, MintError::Server { status: 502, .. }),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "server error 502: 502 Bad Gateway");
}

#[tokio::test]
async fn invalid_json_on_200_shows_a_short_snippet() {
    let body = format!("<!doctype html><p>maintenance</p>{}", "z".repeat(300));
    let server = token_server(ResponseTemplate::new(200).set_body_raw(body, "text/html")).await;
    let err = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap_err();
    let MintError::InvalidJson {
        status: 200,
        snippet,
    } = &err
    else {
        panic!("expected InvalidJson, got {err:?}");
    };
    assert!(
        snippet.contains("<!doctype html><p>maintenance"),
        "{snippet}"
    );
    assert!(
        snippet.chars().count() <= 80 + 3,
        "{} chars",
        snippet.chars().count()
    );
    assert!(err.to_string().contains("not JSON"), "{err}");
}

#[tokio::test]
async fn too_large_with_content_length() {
    let big = vec![b' '; MAX_BODY_BYTES as usize + 1];
    let server =
        token_server(ResponseTemplate::new(200).set_body_raw(big, "application/json")).await;
    let err = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap_err();
    assert!(
        matches!(err, MintError::TooLarge { content_length: Some(n), .. } if n == MAX_BODY_BYTES + 1),
        "{err:?}"
    );
}

#[tokio::test]
async fn exactly_the_cap_is_accepted() {
    let mut body = b"\"tok\"".to_vec();
    body.resize(MAX_BODY_BYTES as usize, b' ');
    let server =
        token_server(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let out = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap();
    assert_eq!(out.token, "tok");
}

#[tokio::test]
async fn too_large_chunked_without_content_length() {
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    let base = raw_server(head, || chunked(5 * 1024 * 1024)).await;
    let err = mint_at(&env_at(&base), &sample_body()).await.unwrap_err();
    assert!(
        matches!(
            err,
            MintError::TooLarge {
                content_length: None,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn declared_oversize_is_refused_without_waiting_for_the_body() {
    // The server promises 100 MiB and sends none of it: only the header check
    // can answer before the timeout.
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n";
    let base = raw_server(head, Vec::new).await;
    let mut env = env_at(&base);
    env.timeout_s = 10.0;
    let started = Instant::now();
    let err = mint_at(&env, &sample_body()).await.unwrap_err();
    assert!(
        matches!(
            err,
            MintError::TooLarge {
                content_length: Some(104_857_600),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn slow_server_times_out_promptly() {
    let server = token_server(
        ResponseTemplate::new(200)
            .set_body_json(json!("late"))
            .set_delay(Duration::from_secs(5)),
    )
    .await;
    let mut env = env_at(&server.uri());
    env.timeout_s = 0.3;
    let started = Instant::now();
    let err = mint_at(&env, &sample_body()).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, MintError::Timeout { .. }), "{err:?}");
    assert!(elapsed < Duration::from_millis(1500), "took {elapsed:?}");
    assert!(err.to_string().contains(&server.uri()), "{err}");
}

#[tokio::test]
async fn body_that_stalls_midway_times_out() {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    let base = raw_server(head, || vec![b"{\"tok".to_vec()]).await;
    let mut env = env_at(&base);
    env.timeout_s = 0.3;
    let started = Instant::now();
    let err = mint_at(&env, &sample_body()).await.unwrap_err();
    assert!(matches!(err, MintError::Timeout { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_millis(1500));
}

#[tokio::test]
async fn connection_refused_names_cause_and_url() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let base = format!("http://127.0.0.1:{port}");
    let err = mint_at(&env_at(&base), &sample_body()).await.unwrap_err();
    assert!(matches!(err, MintError::Connect { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("connection refused"), "{text}");
    assert!(
        text.contains(&format!("{base}/api/v1/playground/tokens")),
        "{text}"
    );
}

#[tokio::test]
async fn unknown_host_is_a_dns_error() {
    let mut env = env_at("https://voxtune-test.invalid");
    env.timeout_s = 5.0;
    let err = mint_at(&env, &sample_body()).await.unwrap_err();
    assert!(matches!(err, MintError::Dns { .. }), "{err:?}");
    assert!(err.to_string().contains("voxtune-test.invalid"), "{err}");
}

#[tokio::test]
async fn tls_to_a_plain_http_server_is_a_tls_error() {
    let server = token_server(ResponseTemplate::new(200).set_body_json(json!("t"))).await;
    let https = server.uri().replace("http://", "https://");
    let err = mint_at(&env_at(&https), &sample_body()).await.unwrap_err();
    assert!(matches!(err, MintError::Tls { .. }), "{err:?}");
    assert!(err.to_string().contains(&https), "{err}");
}

#[tokio::test]
async fn redirect_is_reported_not_followed() {
    let server = token_server(
        ResponseTemplate::new(307)
            .insert_header("Location", "https://new.example/api/v1/playground/tokens"),
    )
    .await;
    let err = mint_at(&env_at(&server.uri()), &sample_body())
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("https://new.example/api/v1/playground/tokens"),
        "{err}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}
