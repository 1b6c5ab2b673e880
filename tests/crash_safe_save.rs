//! A save killed (SIGKILL) at any moment leaves the old profile or the new one, never a
//! torn or empty file.

mod cli_support;
use cli_support::*;
use std::time::Duration;

const KILLS: usize = 200;

/// Kill points spread over one whole save and a little past it, from a small
/// deterministic generator.
fn delays(save: Duration) -> impl Iterator<Item = Duration> {
    let span = (save.as_micros() as u64 * 13 / 10).max(1);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    std::iter::repeat_with(move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        Duration::from_micros(x % span)
    })
}

#[test]
fn killed_saves_leave_the_old_or_the_new_profile() {
    let sb = Sandbox::new();
    let mut bodies = Vec::new();
    for (name, fill) in [("a", 'a'), ("b", 'b')] {
        let prompt: String = std::iter::repeat_n(fill, 2 * 1024 * 1024).collect();
        let body = format!(r#"{{"agent_config": {{"llm": {{"system_prompt": "{prompt}"}}}}}}"#);
        let run = sb.run_with_stdin(&["profiles", "import", "-", "--name", name], &body);
        assert_eq!(run.code, 0, "{}", run.stderr);
        bodies.push(std::fs::read(sb.profile_path(name)).unwrap());
    }
    let target = sb.profile_path("target");
    let started = std::time::Instant::now();
    assert_eq!(sb.run(&["profiles", "copy", "a", "target"]).code, 0);
    let save = started.elapsed();
    let mut completed = 0;
    for (i, delay) in delays(save).take(KILLS).enumerate() {
        let from = if i % 2 == 0 { "a" } else { "b" };
        let mut child = sb
            .command(&["profiles", "copy", from, "target", "--force"])
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        if child.wait().unwrap().success() {
            completed += 1;
        }
        if let Ok(bytes) = std::fs::read(&target) {
            assert!(
                bodies.contains(&bytes),
                "kill {i} after {delay:?} left a file that is neither the old nor the new profile ({} bytes)",
                bytes.len()
            );
        }
    }
    let list = sb.run(&["profiles", "list"]);
    assert_eq!(list.code, 0);
    assert!(!list.stdout.contains("UNREADABLE"), "{}", list.stdout);
    eprintln!(
        "{KILLS} kills over {save:?} saves, {completed} completed before their kill, every file whole"
    );
    assert!(completed < KILLS, "some kills must land mid-save");
}
