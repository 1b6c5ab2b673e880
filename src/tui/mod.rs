//! The terminal editor: start-up, the terminal, and the one event loop. The loop waits
//! on terminal events and results of background work (signals have a thread of their
//! own, see `signals`); it redraws only after something happened, and ticks only while
//! a spinner or countdown is on screen.

pub mod app;
pub mod commands;
pub mod debug_panic;
pub mod draft_offer;
pub mod draft_sync;
pub mod editing;
pub mod keymap;
pub mod keys;
pub mod mint_task;
pub mod minting;
pub mod mouse;
pub mod msg;
pub mod nav;
pub mod popup;
pub mod profiles_popup;
pub mod prompt;
pub mod signals;
pub mod startup;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;

use crate::cli::args::Global;
use anyhow::Result;
use app::{App, update};
use crossterm::event::{Event, EventStream, KeyEventKind, MouseEventKind};
use futures::StreamExt;
use msg::{Effect, Msg};
use std::collections::HashMap;
use std::io::Write;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

/// Runs the editor until the user quits or a signal arrives.
pub fn run(global: &Global) -> Result<()> {
    let started = startup::prepare(global)?;
    terminal::install_panic_hook(started.log_path.clone());
    // Unsaved work outlives a signal, a panic or a lost terminal (see draft_sync).
    let mut drafts = draft_sync::DraftSync::new(&started.setup.paths.data);
    draft_sync::install_panic_flush(drafts.shared());
    // Caught from here on, acted on once the first frame is drawn (`Later`).
    let caught = signals::catch()?;
    let mut term = terminal::enter()?;
    let mut app = App::new(started.setup);
    let worker = Worker {
        env: started.env,
        secret_pointers: started.secret_pointers,
        client: None,
        flights: HashMap::new(),
    };
    let later = Later {
        caught,
        log_path: &started.log_path,
    };
    // The runtime (an epoll set, timers, a blocking pool) serves the loop, so it is
    // made once the first frame is on screen; it is dropped last, after the terminal
    // is restored, because dropping it waits for blocking work (a clipboard copy).
    let mut runtime = None;
    let result = first_frame(&mut app, &mut term).and_then(|()| {
        let runtime = runtime.insert(
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?,
        );
        runtime.block_on(drive(&mut app, &mut term, worker, &mut drafts, later))
    });
    drafts.finish(&app);
    terminal::leave();
    drop(runtime);
    result
}

/// What effects need: where to mint, and the requests in flight.
struct Worker {
    env: crate::settings::Environment,
    secret_pointers: Vec<String>,
    /// Built on the first mint: nothing network-related on the start path.
    client: Option<reqwest::Client>,
    flights: HashMap<u64, CancellationToken>,
}

/// What the first frame does not need, started once it is on screen.
struct Later<'a> {
    caught: signals::Caught,
    log_path: &'a std::path::Path,
}

impl Later<'_> {
    /// The signal watcher's thread, the terminal's event stream (a thread and a
    /// SIGWINCH handler), the log file (a directory, a file, a filter) and recording
    /// the last-used profile (an atomic write: two fsyncs).
    fn start(self, app: &App, drafts: &draft_sync::DraftSync) -> Result<EventStream> {
        let shared = drafts.shared();
        self.caught.watch(move || shared.flush())?;
        let events = EventStream::new();
        init_log(self.log_path);
        app.remember_profile();
        Ok(events)
    }
}

fn first_frame(app: &mut App, term: &mut terminal::Term) -> Result<()> {
    let size = term.size()?;
    app.size = (size.width, size.height);
    draw(app, term)
}

async fn drive(
    app: &mut App,
    term: &mut terminal::Term,
    mut worker: Worker,
    drafts: &mut draft_sync::DraftSync,
    later: Later<'_>,
) -> Result<()> {
    // The state the first frame shows, before any message changes it.
    drafts.observe(app);
    let mut events = later.start(app, drafts)?;
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    // The event stream sees resizes from its start: one during the first frame
    // would otherwise wait for the next key to be drawn.
    let size = term.size()?;
    let mut dirty = (size.width, size.height) != app.size;
    if dirty {
        handle(
            app,
            Msg::Resize(size.width, size.height),
            &mut worker,
            term,
            &tx,
        )?;
    }
    loop {
        if dirty {
            draw(app, term)?;
            dirty = false;
        }
        let tick = app.tick_interval();
        let draft_due = drafts.deadline();
        let msg = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => match translate(ev) {
                    Some(m) => m,
                    None => continue,
                },
                Some(Err(e)) => return Err(e.into()),
                None => break,
            },
            Some(m) = rx.recv() => m,
            _ = tokio::time::sleep(tick.unwrap_or_default()), if tick.is_some() => {
                Msg::Tick(startup::now_unix())
            }
            _ = tokio::time::sleep_until(draft_due.unwrap_or_else(std::time::Instant::now).into()),
                if draft_due.is_some() => {
                drafts.fire();
                continue;
            }
        };
        dirty = true;
        handle(app, msg, &mut worker, term, &tx)?;
        // Input already queued (a held key, a paste) is handled before drawing once.
        // Polled inside select! so the stream keeps this task's waker: crossterm's
        // EventStream wakes only the last waker it saw (now_or_never would lose keys).
        loop {
            tokio::select! {
                biased;
                ev = events.next() => match ev {
                    Some(Ok(ev)) => {
                        if let Some(m) = translate(ev) {
                            handle(app, m, &mut worker, term, &tx)?;
                        }
                    }
                    _ => break,
                },
                () = std::future::ready(()) => break,
            }
        }
        drafts.observe(app);
        if app.should_quit {
            break;
        }
    }
    for (_, flight) in worker.flights.drain() {
        flight.cancel();
    }
    Ok(())
}

fn draw(app: &App, term: &mut terminal::Term) -> Result<()> {
    let _guard = signals::TERMINAL.lock().unwrap_or_else(|e| e.into_inner());
    term.draw(|f| view::draw(app, f))?;
    Ok(())
}

/// Terminal events that matter; mouse moves and key releases do not redraw.
fn translate(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Msg::Key(k)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) | MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                Some(Msg::Mouse(m))
            }
            _ => None,
        },
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

fn handle(
    app: &mut App,
    msg: Msg,
    worker: &mut Worker,
    term: &mut terminal::Term,
    tx: &mpsc::UnboundedSender<Msg>,
) -> Result<()> {
    app.now = startup::now_unix();
    debug_panic::check(&msg);
    for effect in update(app, msg) {
        run_effect(effect, worker, term, tx)?;
    }
    Ok(())
}

fn run_effect(
    effect: Effect,
    worker: &mut Worker,
    term: &mut terminal::Term,
    tx: &mpsc::UnboundedSender<Msg>,
) -> Result<()> {
    match effect {
        Effect::Mint { id, body } => {
            let client = match &worker.client {
                Some(c) => c.clone(),
                None => {
                    let c = crate::api::build_client_for(&crate::api::endpoint_url(
                        &worker.env.base_url,
                    ))?;
                    worker.client = Some(c.clone());
                    c
                }
            };
            let cancel = CancellationToken::new();
            worker.flights.insert(id, cancel.clone());
            let (env, pointers, tx) = (
                worker.env.clone(),
                worker.secret_pointers.clone(),
                tx.clone(),
            );
            tokio::spawn(async move {
                tokio::select! {
                    _ = cancel.cancelled() => {}
                    result = mint_task::mint(&client, &env, body, &pointers) => {
                        let _ = tx.send(Msg::MintDone { id, result });
                    }
                }
            });
        }
        Effect::CancelMint(id) => {
            if let Some(flight) = worker.flights.remove(&id) {
                flight.cancel();
            }
        }
        Effect::Copy(token) => {
            // OSC 52 goes through our own output, between frames, so it cannot tear one.
            let osc = crate::clipboard::osc52_for_terminal(&token);
            let _guard = signals::TERMINAL.lock().unwrap_or_else(|e| e.into_inner());
            let backend = term.backend_mut();
            let osc52 = backend
                .write_all(osc.as_bytes())
                .and_then(|()| backend.flush())
                .map_err(|e| format!("cannot write to the terminal ({e})"));
            let tx = tx.clone();
            tokio::task::spawn_blocking(move || {
                let report = crate::clipboard::CopyReport {
                    system: crate::clipboard::copy_system(&token),
                    osc52,
                };
                let _ = tx.send(Msg::Copied {
                    token,
                    report: report.describe(),
                });
            });
        }
        Effect::Quit => {}
    }
    Ok(())
}

/// Logs go to a file in the data dir, never to the terminal the editor draws on.
fn init_log(path: &std::path::Path) {
    let Some(dir) = path.parent() else { return };
    if crate::atomic::create_private_dir(dir).is_err() {
        return;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    else {
        return;
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("VOXTUNE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .try_init();
}

#[cfg(test)]
mod tests;
