//! `voxtune mint` against a server that quotes the credentials it was sent in its error
//! (some do: "invalid key sk-…"): stderr says what went wrong, without the secrets.

mod cli_support;
use cli_support::*;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "sk-ECHO-SENTINEL-KEY-51d2";
const TOKEN: &str = "tok-ECHO-SENTINEL-TOKEN-0be7";

/// One environment at `server`, sending `Authorization: Bearer ${VT_ECHO_TOKEN}`.
fn bearer_from_env(sb: &Sandbox, server: &MockServer) {
    std::fs::write(
        sb.config().join("settings.toml"),
        format!(
            "default_env = \"local\"\n[environments.local]\nbase_url = \"{}\"\n\
             headers = {{ Authorization = \"Bearer ${{VT_ECHO_TOKEN}}\" }}\n",
            server.uri()
        ),
    )
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_echoing_credentials_does_not_put_them_on_stderr() {
    let sb = Sandbox::new();
    for (status, detail) in [
        (401, format!("invalid credentials: {KEY} / Bearer {TOKEN}")),
        (500, format!("upstream rejected api_key={KEY}")),
        (400, format!("bad header Authorization: Bearer {TOKEN}")),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/api/v1/playground/tokens"))
            .respond_with(ResponseTemplate::new(status).set_body_json(json!({"detail": detail})))
            .mount(&server)
            .await;
        bearer_from_env(&sb, &server);
        let set = sb.run(&[
            "profiles",
            "set",
            "default",
            &format!("agent_config.llm.model.api_key={KEY}"),
        ]);
        assert_eq!(set.code, 0, "{}", set.stderr);
        let out = sb
            .command(&["mint", "--force"])
            .env("VT_ECHO_TOKEN", TOKEN)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{status}: {text}");
        assert!(text.contains(&status.to_string()), "{status}: {text}");
        assert!(text.contains("***"), "{status}: {text}");
        for s in [KEY, TOKEN] {
            assert!(!text.contains(s), "{status}: {s} leaked:\n{text}");
        }
    }
}

/// `schema sync` sends the environment's headers too, and reports what the server said.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schema_sync_does_not_put_echoed_credentials_on_stderr() {
    let sb = Sandbox::new();
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/openapi.json"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(json!({"detail": format!("token {TOKEN} revoked")})),
        )
        .mount(&server)
        .await;
    bearer_from_env(&sb, &server);
    let out = sb
        .command(&["schema", "sync"])
        .env("VT_ECHO_TOKEN", TOKEN)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("401") && stderr.contains("revoked"),
        "{stderr}"
    );
    assert!(!stderr.contains(TOKEN), "the token leaked:\n{stderr}");
}
