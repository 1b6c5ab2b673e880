//! Tiny and changing terminals through the real binary in a PTY: started at 1×1, taken
//! through sizes up to 300×100 on several screens, then a storm of hundreds of resizes
//! sent without waiting. It must not panic or exit, and must answer keys afterwards.

mod tui_harness;

use std::time::Duration;
use tui_harness::{Spawn, Tui, assert_restored};

/// Widths and heights tried one by one (each pair waited on until drawn).
const WIDTHS: [u16; 12] = [1, 2, 3, 10, 40, 59, 60, 61, 100, 200, 299, 300];
const HEIGHTS: [u16; 10] = [1, 2, 3, 8, 15, 16, 17, 30, 99, 100];

/// Waits until the program has written nothing for a moment: every resize sent so far
/// has been drawn, so the next key is read on its own (an Esc glued to the next key
/// would read as Alt-that-key, in any terminal).
fn settle(tui: &Tui) {
    let start = std::time::Instant::now();
    while tui.last_output_at().elapsed() < Duration::from_millis(250) {
        assert!(
            start.elapsed() < tui_harness::DEADLINE,
            "output never settled"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn still_running(tui: &mut Tui, what: &str) {
    assert!(
        tui.pid().is_some_and(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| !s.contains(") Z "))
        }),
        "voxtune exited during {what}; the screen:\n{}",
        tui.screen()
    );
}

/// A small deterministic generator: the same storm on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u16) -> u16 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % u64::from(below)) as u16
    }
}

#[test]
fn sizes_from_1x1_to_300x100_and_a_resize_storm_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut spec = Spawn::new(dir.path());
    spec.size = (1, 1);
    let mut tui = Tui::spawn(spec);
    tui.resize(100, 30);
    tui.wait_for("1 Agent");

    // Each screen (the form, help, the prompt editor, the profiles list) at every size.
    let screens: [(&[&str], &str, &[&str]); 4] = [
        (&[], "1 Agent", &[]),
        (&["?"], "Keys", &["esc"]),
        (
            &["4", "down", "down", "down", "down", "down", "down", "enter"],
            "╭ System prompt",
            &["esc"],
        ),
        (&["ctrl-p"], "Profiles", &["esc"]),
    ];
    let mut tried = 0;
    for (open, shown, close) in screens {
        tui.resize(100, 30);
        settle(&tui);
        for k in open {
            tui.key(k);
        }
        tui.wait_for(shown);
        for &w in &WIDTHS {
            for &h in &HEIGHTS {
                tui.resize(w, h);
                tried += 1;
                if w >= 60 && h >= 16 {
                    tui.wait_for(shown.trim_start_matches("╭ "));
                } else if w >= 30 && h >= 2 {
                    // Only a frame drawn at this very size names it.
                    tui.wait_for(&format!("{w}×{h}: voxtune needs 60×16"));
                }
            }
        }
        still_running(&mut tui, "the size sweep");
        tui.resize(100, 30);
        tui.wait_for(shown.trim_start_matches("╭ "));
        settle(&tui);
        for k in close {
            tui.key(k);
        }
        if !close.is_empty() {
            tui.wait_until("the screen closed", |s| !s.contains(shown));
        }
    }
    assert_eq!(tried, 4 * WIDTHS.len() * HEIGHTS.len());

    // The storm: 600 resizes, no waiting, sizes anywhere in 1..=300 × 1..=100.
    let mut rng = Lcg(0x5eed);
    for _ in 0..600 {
        tui.resize(1 + rng.next(300), 1 + rng.next(100));
    }
    // And a burst flipping between the smallest and largest.
    for i in 0..200 {
        if i % 2 == 0 {
            tui.resize(1, 1);
        } else {
            tui.resize(300, 100);
        }
    }
    std::thread::sleep(Duration::from_millis(200));
    still_running(&mut tui, "the resize storm");

    // Still answering keys, drawn at the final size.
    tui.resize(100, 30);
    tui.wait_for("1 Agent");
    settle(&tui);
    tui.key("2");
    tui.wait_for("‹ medium ›");
    tui.key("3");
    tui.wait_for("Detect language");
    tui.key("q");
    let status = tui.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&tui.raw());
}
