//! Copies a token two ways at once, because neither works everywhere: the
//! system clipboard needs a display (absent over ssh), OSC 52 needs a terminal
//! that honours it (and tmux's consent).

use std::io::Write;
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// A display server that accepts the connection but never answers must not
/// freeze the UI; after this the copy is reported as failed.
const SYSTEM_TIMEOUT: Duration = Duration::from_secs(3);

/// On X11 and Wayland the copying process serves the clipboard itself, so the
/// handle lives as long as the process; `release` hands it over on exit.
static HELD: Mutex<Option<arboard::Clipboard>> = Mutex::new(None);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    pub system: Result<(), String>,
    /// Ok means the sequence was written; whether the terminal honoured it
    /// cannot be known.
    pub osc52: Result<(), String>,
}

impl CopyReport {
    pub fn any_ok(&self) -> bool {
        self.system.is_ok() || self.osc52.is_ok()
    }

    /// One line for the status bar or stderr.
    pub fn describe(&self) -> String {
        match (&self.system, &self.osc52) {
            (Ok(()), Ok(())) => "copied to system clipboard and terminal (OSC 52)".to_string(),
            (Ok(()), Err(why)) => format!("copied to system clipboard (OSC 52: {why})"),
            (Err(why), Ok(())) => format!("copied via OSC 52 only (system clipboard: {why})"),
            (Err(s), Err(o)) => format!("not copied (system clipboard: {s}; OSC 52: {o})"),
        }
    }
}

/// Tries both ways; never panics, and returns within a few seconds at worst.
pub fn copy(text: &str) -> CopyReport {
    CopyReport {
        system: copy_system(text),
        osc52: copy_osc52_to_tty(text),
    }
}

/// The system clipboard, created on first use so that merely starting voxtune
/// never touches the display.
pub fn copy_system(text: &str) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let owned = text.to_string();
    std::thread::Builder::new()
        .name("voxtune-clipboard".into())
        .spawn(move || {
            let _ = tx.send(set_held(&owned));
        })
        .map_err(|e| format!("cannot start clipboard thread: {e}"))?;
    match rx.recv_timeout(SYSTEM_TIMEOUT) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err("the display server did not answer".to_string())
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err("the clipboard library failed".to_string())
        }
    }
}

fn set_held(text: &str) -> Result<(), String> {
    let mut held = HELD.lock().unwrap_or_else(PoisonError::into_inner);
    if held.is_none() {
        *held = Some(arboard::Clipboard::new().map_err(|e| e.to_string())?);
    }
    let clipboard = held.as_mut().expect("set just above");
    clipboard.set_text(text).map_err(|e| {
        // A broken connection is not reused; the next copy reconnects.
        *held = None;
        e.to_string()
    })
}

/// Drops the held clipboard so a clipboard manager can take the contents over
/// (arboard waits briefly for it). Call before the process exits.
pub fn release() {
    let taken = HELD.lock().unwrap_or_else(PoisonError::into_inner).take();
    drop(taken);
}

/// ESC ] 52 ; c ; base64 BEL — the form terminals and tmux accept most widely.
pub fn osc52_sequence(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

/// Wraps a sequence in tmux's DCS passthrough, doubling its ESCs as tmux
/// requires (tmux then also needs `allow-passthrough on`).
pub fn tmux_passthrough(seq: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
}

/// With `set-clipboard on`, tmux takes plain OSC 52 itself and forwards it to
/// the outer terminal; with `external` or `off` it drops it, so only the
/// passthrough form gets through.
pub fn needs_tmux_passthrough(in_tmux: bool, set_clipboard: Option<&str>) -> bool {
    in_tmux && set_clipboard.map(str::trim) != Some("on")
}

/// The OSC 52 bytes for the terminal voxtune runs in, tmux-aware. The TUI
/// writes these through its own backend.
pub fn osc52_for_terminal(text: &str) -> String {
    let seq = osc52_sequence(text);
    let in_tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
    if in_tmux && needs_tmux_passthrough(true, tmux_set_clipboard().as_deref()) {
        tmux_passthrough(&seq)
    } else {
        seq
    }
}

fn tmux_set_clipboard() -> Option<String> {
    let out = std::process::Command::new("tmux")
        .args(["show-options", "-gv", "set-clipboard"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Writes to the controlling terminal rather than stdout, so it works when
/// stdout is a pipe (`voxtune mint --copy | …`).
pub fn copy_osc52_to_tty(text: &str) -> Result<(), String> {
    let mut tty = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/tty")
        .map_err(|e| format!("no terminal to write to ({e})"))?;
    tty.write_all(osc52_for_terminal(text).as_bytes())
        .and_then(|()| tty.flush())
        .map_err(|e| format!("cannot write to the terminal ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_shape() {
        assert_eq!(osc52_sequence("hi"), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn passthrough_doubles_escapes() {
        assert_eq!(
            tmux_passthrough("\x1b]52;c;aGk=\x07"),
            "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
        assert!(!needs_tmux_passthrough(false, None));
        assert!(!needs_tmux_passthrough(true, Some("on\n")));
        assert!(needs_tmux_passthrough(true, Some("external")));
        assert!(needs_tmux_passthrough(true, None));
    }

    #[test]
    fn describe_each_outcome() {
        let r = |s: Result<(), &str>, o: Result<(), &str>| CopyReport {
            system: s.map_err(str::to_string),
            osc52: o.map_err(str::to_string),
        };
        assert_eq!(
            r(Ok(()), Ok(())).describe(),
            "copied to system clipboard and terminal (OSC 52)"
        );
        assert_eq!(
            r(Err("no display"), Ok(())).describe(),
            "copied via OSC 52 only (system clipboard: no display)"
        );
        assert!(!r(Err("a"), Err("b")).any_ok());
        assert!(r(Err("a"), Err("b")).describe().starts_with("not copied"));
    }
}
