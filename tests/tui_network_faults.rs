//! Network faults seen from the editor: the real binary in a PTY mints against local
//! servers that hang, drip bytes, answer 500 with HTML, 401, invalid JSON or more than
//! 4 MiB. While waiting the editor keeps answering keys, Esc cancels, the error is
//! shown in words, and the profile file does not change. Every server listens on
//! loopback only and gives up on its own after a bounded time.

mod common;
mod tui_harness;

use common::token_server;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};
use tui_harness::Tui;
use wiremock::ResponseTemplate;

/// No test server lives longer than this.
const SERVER_LIFE: Duration = Duration::from_secs(40);

fn write_settings(dir: &Path, base_url: &str, timeout_s: f64) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("settings.toml"),
        format!(
            "default_env = \"faults\"\n\n[environments.faults]\nbase_url = \"{base_url}\"\ntimeout_s = {timeout_s}\n"
        ),
    )
    .unwrap();
}

/// Accepts connections and never answers (nor reads), until `SERVER_LIFE` is over.
fn hanging_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let start = Instant::now();
        let mut held: Vec<TcpStream> = Vec::new();
        while start.elapsed() < SERVER_LIFE {
            match listener.accept() {
                Ok((stream, _)) => held.push(stream),
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    });
    format!("http://{addr}")
}

/// Answers 200 with a promised 100 kB body, then sends one byte every 100 ms.
fn dripping_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let start = Instant::now();
        while start.elapsed() < SERVER_LIFE {
            match listener.accept() {
                Ok((stream, _)) => {
                    std::thread::spawn(move || drip(stream, start));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    });
    format!("http://{addr}")
}

fn drip(mut stream: TcpStream, start: Instant) {
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    // Take in the request (whatever arrives in the first moments).
    let mut buf = [0u8; 65536];
    let _ = stream.read(&mut buf);
    let head =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n";
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    while start.elapsed() < SERVER_LIFE {
        if stream
            .write_all(b" ")
            .and_then(|()| stream.flush())
            .is_err()
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

enum Outcome<'a> {
    /// The user presses Esc while waiting.
    Cancel,
    /// The error popup says all of these.
    Error(&'a [&'a str]),
}

/// Mints against `base_url`, proves the editor answers keys while the request is in
/// flight, then cancels or waits for the error; the profile file must not change.
fn mint_through_fault(name: &str, base_url: &str, timeout_s: f64, outcome: Outcome<'_>) {
    let dir = tempfile::tempdir().unwrap();
    write_settings(dir.path(), base_url, timeout_s);
    let mut tui = Tui::start(dir.path());
    let profile = dir.path().join("profiles/default.json");
    let before = std::fs::read(&profile).unwrap();

    tui.key("ctrl-t");
    tui.wait_for("Esc cancels");
    // Keys keep working while the request is in flight: tabs switch and draw.
    tui.key("3");
    tui.wait_for("Detect language");
    tui.key("2");
    tui.wait_for("‹ medium ›");
    match outcome {
        Outcome::Cancel => {
            tui.key("esc");
            tui.wait_for("mint cancelled");
            // Nothing comes back later from the cancelled request.
            std::thread::sleep(Duration::from_millis(700));
            assert!(!tui.screen().contains("Mint failed"), "{name}");
        }
        Outcome::Error(words) => {
            tui.wait_for("Mint failed");
            for w in words {
                tui.wait_until(&format!("{name}: `{w}`"), |s| s.contains(w));
            }
            let screen = tui.screen();
            assert!(
                !screen.contains("<html") && !screen.contains("<!DOCTYPE"),
                "{name}: markup shown raw:\n{screen}"
            );
            tui.key("esc");
            tui.wait_until("error closed", |s| !s.contains("Mint failed"));
        }
    }
    // Still answering, and nothing in the profile changed.
    tui.key("4");
    tui.wait_for("Temperature");
    assert!(!tui.screen().contains("● unsaved"), "{name}");
    assert_eq!(std::fs::read(&profile).unwrap(), before, "{name}");
    tui.key("q");
    assert!(tui.wait_exit().success(), "{name}");
}

#[test]
fn a_server_that_never_answers_can_be_cancelled_and_times_out_in_words() {
    let url = hanging_server();
    mint_through_fault("hang/cancel", &url, 30.0, Outcome::Cancel);
    mint_through_fault(
        "hang/timeout",
        &url,
        2.0,
        Outcome::Error(&["no answer from", "within 2.0s", "timeout_s"]),
    );
}

#[test]
fn a_server_that_drips_bytes_can_be_cancelled_and_times_out_in_words() {
    let url = dripping_server();
    mint_through_fault("drip/cancel", &url, 30.0, Outcome::Cancel);
    mint_through_fault(
        "drip/timeout",
        &url,
        2.0,
        Outcome::Error(&["no answer from", "within 2.0s"]),
    );
}

/// Each answer comes after a delay, so keys are pressed while it is awaited.
fn slow(response: ResponseTemplate) -> ResponseTemplate {
    response.set_delay(Duration::from_millis(1500))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_500_with_html_is_shown_in_words() {
    let html = "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\
                <body><h1>Internal Server Error</h1><p>The server blew up.</p></body></html>";
    let server = token_server(slow(
        ResponseTemplate::new(500).set_body_raw(html, "text/html"),
    ))
    .await;
    mint_through_fault(
        "500 html",
        &server.uri(),
        10.0,
        Outcome::Error(&["server error 500", "Internal Server Error"]),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_401_says_not_authorized_and_where_to_fix_it() {
    let server = token_server(slow(
        ResponseTemplate::new(401).set_body_json(serde_json::json!({"detail": "bad token"})),
    ))
    .await;
    mint_through_fault(
        "401",
        &server.uri(),
        10.0,
        Outcome::Error(&["not authorized (401)", "settings.toml", "bad token"]),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_json_is_shown_in_words() {
    let server = token_server(slow(
        ResponseTemplate::new(200).set_body_raw("{\"token\": \"abc", "application/json"),
    ))
    .await;
    mint_through_fault(
        "invalid json",
        &server.uri(),
        10.0,
        Outcome::Error(&["the body is not JSON"]),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_4_mib_is_refused_in_words() {
    let big = format!("{{\"token\": \"{}\"}}", "x".repeat(5 << 20));
    let server = token_server(slow(
        ResponseTemplate::new(200).set_body_raw(big, "application/json"),
    ))
    .await;
    mint_through_fault(
        "over 4 MiB",
        &server.uri(),
        10.0,
        Outcome::Error(&["larger than 4194304 bytes", "refused"]),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_success_still_lands_after_keys_pressed_while_waiting() {
    let server = token_server(slow(
        ResponseTemplate::new(200).set_body_json(serde_json::json!({"token": "tok-slow-1"})),
    ))
    .await;
    let dir = tempfile::tempdir().unwrap();
    write_settings(dir.path(), &server.uri(), 10.0);
    let mut tui = Tui::start(dir.path());
    tui.key("ctrl-t");
    tui.wait_for("Esc cancels");
    tui.key("3");
    tui.wait_for("Detect language");
    tui.wait_for("Token minted");
    tui.wait_for("tok-slow-1");
    tui.key("esc");
    tui.key("q");
    assert!(tui.wait_exit().success());
}
