//! SIGTERM, SIGHUP and SIGINT end the editor from a thread of their own: whatever the
//! event loop is doing (crossterm busy-reads a terminal that has gone away, for one),
//! the terminal is restored and the process exits with 128 + the signal's number.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::Mutex;

/// Held while a frame or an OSC 52 sequence is written, so the restore sequences never
/// land in the middle of one.
pub static TERMINAL: Mutex<()> = Mutex::new(());

/// SIGTERM, SIGHUP and SIGINT, caught (queued, not acted on) from `catch` on:
/// registered before the terminal is taken, so none can end the process with the
/// terminal left raw, while the thread that acts on them starts after the first
/// frame (`watch`), and then acts on any that arrived in between.
pub struct Caught(Signals);

pub fn catch() -> std::io::Result<Caught> {
    Signals::new([SIGTERM, SIGHUP, SIGINT]).map(Caught)
}

impl Caught {
    /// Starts the watcher; `cleanup` runs before exit (the terminal is restored after it).
    pub fn watch(self, cleanup: impl Fn() + Send + 'static) -> std::io::Result<()> {
        let Caught(mut signals) = self;
        std::thread::Builder::new()
            .name("voxtune-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    tracing::info!(signal, "ending on a signal");
                    cleanup();
                    let _guard = TERMINAL.lock().unwrap_or_else(|e| e.into_inner());
                    super::terminal::leave();
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(())
    }
}
