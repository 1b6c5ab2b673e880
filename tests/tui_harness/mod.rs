//! Runs the real voxtune binary in a pseudo-terminal: send keys, wait for text on the
//! emulated screen (vt100) with a deadline, and keep every raw byte the program wrote
//! (escape sequences included) for checks a screen cannot show, like OSC 52 or the
//! terminal being restored. Reusable by benchmarks: nothing here is test-specific.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_voxtune");
/// Generous: these deadlines only matter when something is wrong.
pub const DEADLINE: Duration = Duration::from_secs(15);

pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    shared: Arc<Mutex<Output>>,
}

struct Output {
    raw: Vec<u8>,
    parser: vt100::Parser,
    /// When the last byte arrived, for "the screen has settled" waits.
    last: Instant,
}

pub struct Spawn<'a> {
    pub args: Vec<&'a str>,
    pub config_dir: &'a Path,
    pub cwd: Option<&'a Path>,
    pub env: Vec<(&'a str, &'a str)>,
    pub size: (u16, u16),
}

impl<'a> Spawn<'a> {
    pub fn new(config_dir: &'a Path) -> Spawn<'a> {
        Spawn {
            args: Vec::new(),
            config_dir,
            cwd: None,
            env: Vec::new(),
            size: (100, 30),
        }
    }
}

impl Tui {
    pub fn spawn(spec: Spawn<'_>) -> Tui {
        Tui::spawn_program(BIN, spec)
    }

    /// Any program (a benchmark's floor, e.g. `printf`) under the same harness.
    pub fn spawn_program(program: &str, spec: Spawn<'_>) -> Tui {
        let (cols, rows) = spec.size;
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(&spec.args);
        cmd.cwd(spec.cwd.unwrap_or(spec.config_dir));
        cmd.env("TERM", "xterm-256color");
        cmd.env("VOXTUNE_CONFIG_DIR", spec.config_dir);
        // No display (the system clipboard fails fast) and not inside tmux (OSC 52 is
        // written plainly), whatever the machine running the tests has.
        for var in [
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "TMUX",
            "NO_COLOR",
            "VOXTUNE_BASE_URL",
        ] {
            cmd.env_remove(var);
        }
        for (k, v) in &spec.env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn voxtune");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let shared = Arc::new(Mutex::new(Output {
            raw: Vec::new(),
            parser: vt100::Parser::new(emulated(rows), emulated(cols), 0),
            last: Instant::now(),
        }));
        let sink = Arc::clone(&shared);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                // Taken when the bytes arrived: not after waiting for the lock or
                // parsing them, which would bill the harness's work to the program.
                let arrived = Instant::now();
                let mut out = sink.lock().unwrap();
                out.raw.extend_from_slice(&buf[..n]);
                out.parser.process(&buf[..n]);
                out.last = arrived;
            }
        });
        Tui {
            child,
            writer,
            master: pair.master,
            shared,
        }
    }

    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        self.writer.write_all(bytes.as_ref()).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// A key by name: `tab`, `esc`, `enter`, `up`, `down`, `left`, `right`,
    /// `shift-right`, `ctrl-t`, or a single character.
    pub fn key(&mut self, name: &str) {
        let bytes: Vec<u8> = match name {
            "tab" => b"\t".to_vec(),
            "shift-tab" => b"\x1b[Z".to_vec(),
            "enter" => b"\r".to_vec(),
            "esc" => b"\x1b".to_vec(),
            "backspace" => b"\x7f".to_vec(),
            "up" => b"\x1b[A".to_vec(),
            "down" => b"\x1b[B".to_vec(),
            "right" => b"\x1b[C".to_vec(),
            "left" => b"\x1b[D".to_vec(),
            "shift-right" => b"\x1b[1;2C".to_vec(),
            "shift-left" => b"\x1b[1;2D".to_vec(),
            "f1" => b"\x1bOP".to_vec(),
            n if n.starts_with("ctrl-") && n.len() == 6 => {
                vec![n.as_bytes()[5].to_ascii_lowercase() - b'a' + 1]
            }
            n if n.chars().count() == 1 => n.as_bytes().to_vec(),
            other => panic!("unknown key name {other}"),
        };
        self.send(bytes);
        // A lone ESC is only a key once no more bytes follow it at once.
        if name == "esc" {
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// A left click at a 0-based cell, as an xterm in SGR mouse mode reports it.
    pub fn click(&mut self, col: u16, row: u16) {
        self.send(format!(
            "\x1b[<0;{};{}M\x1b[<0;{};{}m",
            col + 1,
            row + 1,
            col + 1,
            row + 1
        ));
    }

    /// One notch of the mouse wheel (down or up) at a 0-based cell.
    pub fn wheel(&mut self, down: bool, col: u16, row: u16) {
        let button = if down { 65 } else { 64 };
        self.send(format!("\x1b[<{button};{};{}M", col + 1, row + 1));
    }

    /// Where `text` first appears on screen: (column, row), 0-based.
    pub fn find_on_screen(&self, text: &str) -> Option<(u16, u16)> {
        self.screen().lines().enumerate().find_map(|(row, line)| {
            let byte = line.find(text)?;
            Some((line[..byte].chars().count() as u16, row as u16))
        })
    }

    /// Bracketed paste, as a terminal sends it.
    pub fn paste(&mut self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.send(bytes);
    }

    pub fn screen(&self) -> String {
        self.shared.lock().unwrap().parser.screen().contents()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().unwrap().raw.clone()
    }

    pub fn raw_len(&self) -> usize {
        self.shared.lock().unwrap().raw.len()
    }

    /// Waits until the screen shows `text`; the screen so far in the error otherwise.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("`{text}` on screen"), |s| s.contains(text))
    }

    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the raw output holds `needle` somewhere after byte `from`.
    pub fn wait_for_raw(&self, needle: &[u8], from: usize) {
        let start = Instant::now();
        while !find(&self.raw()[from.min(self.raw_len())..], needle) {
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out waiting for raw bytes {:?}; the screen:\n{}",
                    String::from_utf8_lossy(needle),
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                // Let the reader drain what the program wrote last.
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("voxtune did not exit; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the emulated screen. The
    /// screen is resized first, holding the output lock: a frame the program draws for
    /// the new size can then never be parsed at the old one (and come out mangled).
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut out = self.shared.lock().unwrap();
        out.parser
            .screen_mut()
            .set_size(emulated(rows), emulated(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
        drop(out);
    }

    /// CPU time (user + system, in clock ticks) the program has used so far (Linux).
    pub fn cpu_ticks(&self) -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid()?)).ok()?;
        let fields: Vec<&str> = stat.rsplit_once(") ")?.1.split(' ').collect();
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// vt100 0.16 panics (subtract with overflow, grid.rs `col_wrap`) when a line wraps in
/// a one-row screen or a wide character lands in a one-column one, which a frame drawn
/// just before a resize to 1×1 can cause; the emulated screen is kept 2×2 at least
/// (the program's own terminal is not).
fn emulated(cells: u16) -> u16 {
    cells.max(2)
}

pub fn find(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// Where `needle` last occurs in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// What a terminal must have been told on exit: alternate screen left, cursor shown,
/// mouse and bracketed paste off, each after the last time they were turned on.
pub fn assert_restored(raw: &[u8]) {
    let pairs: [(&[u8], &[u8], &str); 4] = [
        (b"\x1b[?1049h", b"\x1b[?1049l", "alternate screen left"),
        (b"\x1b[?25l", b"\x1b[?25h", "cursor shown"),
        (b"\x1b[?2004h", b"\x1b[?2004l", "bracketed paste off"),
        (b"\x1b[?1000h", b"\x1b[?1000l", "mouse capture off"),
    ];
    for (on, off, what) in pairs {
        let last_on = rfind(raw, on);
        let last_off = rfind(raw, off);
        assert!(
            last_off.is_some() && last_off > last_on,
            "terminal not restored: {what} (on at {last_on:?}, off at {last_off:?})"
        );
    }
}

/// For benchmarks: the moment the program's output last arrived, so a figure is taken
/// from the output itself rather than from when a poll happened to look.
impl Tui {
    pub fn last_output_at(&self) -> Instant {
        self.shared.lock().unwrap().last
    }
}

/// Shared scenes, so that every test and the benchmarks walk the form the same way.
impl Tui {
    /// Started on `config_dir`, with the form on screen.
    pub fn start(config_dir: &Path) -> Tui {
        let tui = Tui::spawn(Spawn::new(config_dir));
        tui.wait_for("1 Agent");
        tui
    }

    /// On the LLM tab, the system prompt focused.
    pub fn focus_system_prompt(&mut self) {
        self.key("4");
        for _ in 0..6 {
            self.key("down");
        }
        self.wait_for("Instructions that set");
    }

    /// The system prompt's editor open.
    pub fn open_prompt_editor(&mut self) {
        self.focus_system_prompt();
        self.key("enter");
        self.wait_for("╭ System prompt");
    }

    /// On the TTS tab, Speed one step up (medium → fast), unsaved.
    pub fn bump_tts_speed(&mut self) {
        self.key("2");
        self.wait_for("‹ medium ›");
        for _ in 0..5 {
            self.key("down");
        }
        self.wait_for("Speaking rate");
        self.key("right");
        self.wait_for("‹ fast ›");
        self.wait_for("● unsaved");
    }
}
