//! Taking the terminal and giving it back exactly as it was: raw mode, alternate
//! screen, mouse capture and bracketed paste on entry; all of it undone on exit, on a
//! panic (before the message is printed) and on SIGTERM/SIGHUP/SIGINT (see `signals`).

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout, stdout};
use std::path::PathBuf;

/// Frames go through a buffer of their own: `Stdout` alone wrote a frame in 1 KiB
/// pieces, a system call each, and took its lock for every escape sequence.
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Holds a full redraw of a large screen, so a frame is one write.
const FRAME_BUFFER: usize = 64 * 1024;

pub fn enter() -> io::Result<Term> {
    enable_raw_mode()?;
    if let Err(e) = execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    ) {
        leave();
        return Err(e);
    }
    let out = BufWriter::with_capacity(FRAME_BUFFER, stdout());
    Terminal::new(CrosstermBackend::new(out)).inspect_err(|_| leave())
}

/// Undoes `enter`; every step is tried even when one fails.
pub fn leave() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// A panic restores the terminal first, so its message is readable, then says where
/// the log is.
pub fn install_panic_hook(log: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
        eprintln!("voxtune crashed; the log is at {}", log.display());
    }));
}
