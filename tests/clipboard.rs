//! The clipboard must answer, not hang or panic, wherever tests run (often
//! with no display and no terminal).

use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use voxtune::clipboard::{copy, osc52_sequence};

#[test]
fn osc52_carries_the_text_base64() {
    let text = "eyJhbGciOiJIUzI1NiJ9.e30.sig ünïcode";
    let seq = osc52_sequence(text);
    let payload = seq
        .strip_prefix("\x1b]52;c;")
        .unwrap()
        .strip_suffix('\x07')
        .unwrap();
    assert_eq!(STANDARD.decode(payload).unwrap(), text.as_bytes());
}

#[test]
fn copy_reports_each_way_promptly() {
    let started = Instant::now();
    let report = copy("voxtune-test-token");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    let line = report.describe();
    match (&report.system, &report.osc52) {
        (Ok(()), Ok(())) => assert_eq!(line, "copied to system clipboard and terminal (OSC 52)"),
        (Err(why), Ok(())) => assert!(line.contains("OSC 52 only") && line.contains(why.as_str())),
        (Ok(()), Err(why)) => assert!(line.contains(why.as_str())),
        (Err(a), Err(b)) => assert!(
            line.starts_with("not copied")
                && line.contains(a.as_str())
                && line.contains(b.as_str())
        ),
    }
    voxtune::clipboard::release();
}
