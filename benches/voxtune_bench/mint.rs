//! `voxtune mint` against a local server, beside curl sending the same body.

use crate::stats::{Summary, summarize};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

pub struct MintFigures {
    pub voxtune: Summary,
    pub curl: Option<Summary>,
}

pub fn run(bin: &str, config: &std::path::Path, runs: usize) -> MintFigures {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(serde_json::json!({"token": "tok", "url": "wss://x"})),
            )
            .mount(&server)
            .await;
        server
    });
    let base = server.uri();
    let body = Command::new(bin)
        .args(["payload", "--reveal-secrets"])
        .env("VOXTUNE_CONFIG_DIR", config)
        .output()
        .unwrap()
        .stdout;
    let body_file = config.join("body.json");
    std::fs::write(&body_file, body).unwrap();
    let voxtune = time_runs(runs, || {
        let mut c = Command::new(bin);
        c.args(["mint", "--base-url", &base])
            .env("VOXTUNE_CONFIG_DIR", config);
        c
    });
    let url = format!("{base}/api/v1/playground/tokens");
    let data = format!("@{}", body_file.display());
    let curl = which("curl").then(|| {
        time_runs(runs, || {
            let mut c = Command::new("curl");
            c.args([
                "-sS",
                "--fail",
                "-X",
                "POST",
                "-H",
                "Content-Type: application/json",
                "--data-binary",
                &data,
                &url,
            ]);
            c
        })
    });
    drop(server);
    MintFigures { voxtune, curl }
}

fn time_runs(runs: usize, make: impl Fn() -> Command) -> Summary {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let status = make()
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success(), "a benchmarked command failed");
            started.elapsed()
        })
        .collect();
    summarize(&mut samples)
}

pub fn which(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}
