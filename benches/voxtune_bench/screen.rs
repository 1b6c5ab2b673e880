//! Figures read off the real binary in a pseudo-terminal (120×40): first frame, key to
//! frame, idle CPU and output, peak RSS. Each is taken from when the program's output
//! arrived, not from when a poll looked.

#[path = "../../tests/tui_harness/mod.rs"]
mod tui_harness;

use crate::stats::{Summary, summarize};
use std::path::Path;
use std::time::{Duration, Instant};
use tui_harness::{Spawn, Tui};

pub const SIZE: (u16, u16) = (120, 40);
const SETTLE: Duration = Duration::from_millis(25);

/// The first tab's first group and the key hints: drawn in the same frame as the form.
pub fn form_ready(screen: &str) -> bool {
    screen.contains("Identity") && screen.contains("? help")
}

fn spec(config: &Path) -> Spawn<'_> {
    let mut spec = Spawn::new(config);
    spec.size = SIZE;
    spec
}

/// Waits until output has stopped for a moment: a frame may arrive in several chunks.
fn settled(tui: &Tui) -> Instant {
    loop {
        let last = tui.last_output_at();
        std::thread::sleep(SETTLE);
        if tui.last_output_at() == last {
            return last;
        }
    }
}

pub fn start(config: &Path) -> (Tui, Duration) {
    start_with(config, &[])
}

pub fn start_with(config: &Path, args: &[&str]) -> (Tui, Duration) {
    start_program(tui_harness::BIN, config, args)
}

/// `program` (a build of voxtune) started until its form is on screen and settled.
pub fn start_program(program: &str, config: &Path, args: &[&str]) -> (Tui, Duration) {
    let mut spec = spec(config);
    spec.args = args.to_vec();
    let t0 = Instant::now();
    let tui = Tui::spawn_program(program, spec);
    tui.wait_until("the form", form_ready);
    let at = settled(&tui);
    (tui, at.saturating_duration_since(t0))
}

pub fn first_frame(config: &Path, runs: usize) -> Summary {
    let mut samples: Vec<Duration> = (0..runs).map(|_| start(config).1).collect();
    summarize(&mut samples)
}

/// The same measurement of a program that only prints the same text into the
/// alternate screen: what the harness itself costs.
pub fn floor(config: &Path, runs: usize) -> Summary {
    let mut samples: Vec<Duration> = (0..runs).map(|_| floor_once(config)).collect();
    summarize(&mut samples)
}

pub fn floor_once(config: &Path) -> Duration {
    let script = r"printf '\033[?1049h\033[H\033[2J Identity ? help'; sleep 30";
    let mut spec = spec(config);
    spec.args = vec!["-c", script];
    let t0 = Instant::now();
    let tui = Tui::spawn_program("sh", spec);
    tui.wait_until("the floor's text", form_ready);
    settled(&tui).saturating_duration_since(t0)
}

/// Time from sending `key` to the screen having changed and the output settled.
pub fn key_to_frame(tui: &mut Tui, key: &str) -> Duration {
    let before = tui.screen();
    let t0 = Instant::now();
    tui.key(key);
    tui.wait_until("the key's effect", |s| s != before.as_str());
    settled(tui).saturating_duration_since(t0)
}

/// Presses `keys` in turn, `runs` times over, timing each.
pub fn keys_to_frame(tui: &mut Tui, keys: &[&str], runs: usize) -> Summary {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|i| key_to_frame(tui, keys[i % keys.len()]))
        .collect();
    summarize(&mut samples)
}

/// Moves to the LLM tab's system prompt and opens its editor.
pub fn open_prompt_editor(tui: &mut Tui) {
    tui.open_prompt_editor();
    settled(tui);
}

pub struct Idle {
    pub cpu_percent: f64,
    pub bytes: usize,
    pub secs: u64,
}

pub fn idle(tui: &Tui, secs: u64) -> Idle {
    settled(tui);
    // The edits just made are written as a draft half a second after the last one
    // (`draft_sync::DEBOUNCE`): that write is the edit's work, not idling, so the
    // window opens once it is done.
    std::thread::sleep(Duration::from_secs(1));
    let (bytes, ticks) = (tui.raw_len(), tui.cpu_ticks().unwrap_or(0));
    std::thread::sleep(Duration::from_secs(secs));
    let used = tui.cpu_ticks().unwrap_or(0) - ticks;
    // Clock ticks are 1/100 s on Linux.
    Idle {
        cpu_percent: used as f64 / secs as f64,
        bytes: tui.raw_len() - bytes,
        secs,
    }
}

/// Peak resident memory (VmHWM) in KiB, Linux.
pub fn peak_rss_kib(tui: &Tui) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", tui.pid()?)).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Opening the profiles popup with many profiles on disk. `listed` is a name only the
/// popup shows: the open profile's name is on screen before it, and waiting for that
/// would time the frame before the popup.
pub fn profiles_popup(config: &Path, listed: &str, runs: usize) -> Summary {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let (mut tui, _) = start(config);
            assert!(
                !tui.screen().contains(listed),
                "`{listed}` is shown before Ctrl-P"
            );
            let t0 = Instant::now();
            tui.key("ctrl-p");
            tui.wait_for(listed);
            settled(&tui).saturating_duration_since(t0)
        })
        .collect();
    summarize(&mut samples)
}
