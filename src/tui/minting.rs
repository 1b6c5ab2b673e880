//! Minting from the editor: one request in flight at a time (a new one replaces it),
//! Esc cancels, the result opens the token view and lands in this run's history.

use super::app::{App, Tone};
use super::keymap::{Action, Key};
use super::msg::{Effect, MintFailure, TokenInfo};
use super::popup::Popup;

#[derive(Debug, Clone, PartialEq)]
pub struct InFlight {
    pub id: u64,
    pub profile: String,
}

/// A token minted this run (kept in memory only).
#[derive(Debug, Clone, PartialEq)]
pub struct Minted {
    pub info: TokenInfo,
    pub profile: String,
    pub minted_at: i64,
    /// How it was copied, once the clipboard has answered.
    pub copied: Option<String>,
}

pub fn start(app: &mut App) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some(old) = app.mint.take() {
        effects.push(Effect::CancelMint(old.id));
    }
    let id = app.next_mint_id;
    app.next_mint_id += 1;
    app.mint = Some(InFlight {
        id,
        profile: app.profile.name.clone(),
    });
    let problems = app.issues.len();
    let note = if problems > 0 {
        format!(" ({problems} local problem(s): the server decides)")
    } else {
        String::new()
    };
    app.say(
        Tone::Info,
        format!("minting against {}…{note}  Esc cancels", app.env.base_url),
    );
    effects.push(Effect::Mint {
        id,
        body: app.schema.order(app.doc.value()),
    });
    effects
}

pub fn cancel(app: &mut App) -> Vec<Effect> {
    match app.mint.take() {
        Some(f) => {
            app.say(Tone::Info, "mint cancelled");
            vec![Effect::CancelMint(f.id)]
        }
        None => Vec::new(),
    }
}

pub fn on_done(app: &mut App, id: u64, result: Result<TokenInfo, MintFailure>) -> Vec<Effect> {
    // A result for a request already cancelled or replaced is stale.
    let Some(flight) = app.mint.take_if(|f| f.id == id) else {
        return Vec::new();
    };
    match result {
        Ok(info) => {
            let token = info.token.clone();
            app.history.push(Minted {
                info,
                profile: flight.profile,
                minted_at: app.now,
                copied: None,
            });
            app.popups.retain(|p| {
                !matches!(
                    p,
                    Popup::Token(_) | Popup::History { .. } | Popup::MintError(_)
                )
            });
            app.popups.push(Popup::Token(app.history.len() - 1));
            app.say(Tone::Good, "token minted; copying…");
            vec![Effect::Copy(token)]
        }
        Err(failure) if !failure.fields.is_empty() => {
            let first = failure.fields[0].clone();
            app.server_errors = failure.fields;
            app.editor = None;
            app.popups
                .retain(|p| !matches!(p, Popup::Token(_) | Popup::History { .. }));
            app.focus_pointer(&first.0);
            let n = app.server_errors.len();
            app.say(
                Tone::Bad,
                format!(
                    "server rejected {n} field(s) (422): {} — {}",
                    first.0, first.1
                ),
            );
            Vec::new()
        }
        Err(failure) => {
            if let Some(pointer) = &failure.focus {
                app.editor = None;
                app.focus_pointer(pointer);
            }
            app.say(Tone::Bad, format!("mint failed: {}", failure.message));
            app.popups.push(Popup::MintError(failure));
            Vec::new()
        }
    }
}

pub fn on_copied(app: &mut App, token: &str, report: String) -> Vec<Effect> {
    if let Some(m) = app.history.iter_mut().rev().find(|m| m.info.token == token) {
        m.copied = Some(report.clone());
    }
    app.say(Tone::Good, report);
    Vec::new()
}

pub fn copy_latest(app: &mut App) -> Vec<Effect> {
    match app.history.last() {
        Some(m) => vec![Effect::Copy(m.info.token.clone())],
        None => {
            app.say(Tone::Info, "no token minted yet: Ctrl-T mints one");
            Vec::new()
        }
    }
}

pub fn open_history(app: &mut App) {
    if app.history.is_empty() {
        app.say(Tone::Info, "no tokens minted in this run yet");
        return;
    }
    app.popups.push(Popup::History {
        selected: app.history.len() - 1,
    });
}

pub fn token_key(app: &mut App, index: usize, key: &Key) -> (Option<Popup>, Vec<Effect>) {
    if app.key_matches(Action::CopyToken, key) {
        let token = app.history.get(index).map(|m| m.info.token.clone());
        return (
            Some(Popup::Token(index)),
            token.map(Effect::Copy).into_iter().collect(),
        );
    }
    if app.key_matches(Action::History, key) {
        return (Some(Popup::History { selected: index }), Vec::new());
    }
    if app.key_matches(Action::Back, key)
        || app.key_matches(Action::Quit, key)
        || app.key_matches(Action::Edit, key)
    {
        return (None, Vec::new());
    }
    (Some(Popup::Token(index)), Vec::new())
}

pub fn history_key(app: &mut App, selected: usize, key: &Key) -> (Option<Popup>, Vec<Effect>) {
    let last = app.history.len().saturating_sub(1);
    let actions = [
        Action::Back,
        Action::Quit,
        Action::History,
        Action::Up,
        Action::Down,
        Action::Edit,
        Action::CopyToken,
    ];
    match app.keymap.find(key, &actions) {
        Some(Action::Back | Action::Quit | Action::History) => (None, Vec::new()),
        Some(Action::Up) => (
            Some(Popup::History {
                selected: selected.saturating_sub(1),
            }),
            Vec::new(),
        ),
        Some(Action::Down) => (
            Some(Popup::History {
                selected: (selected + 1).min(last),
            }),
            Vec::new(),
        ),
        Some(Action::Edit) => (Some(Popup::Token(selected.min(last))), Vec::new()),
        Some(Action::CopyToken) => {
            let token = app.history.get(selected).map(|m| m.info.token.clone());
            (
                Some(Popup::History { selected }),
                token.map(Effect::Copy).into_iter().collect(),
            )
        }
        _ => (Some(Popup::History { selected }), Vec::new()),
    }
}

/// `eyJhbGciOi…Xq3w`: the token cut in the middle to fit `width` columns.
pub fn elide_middle(token: &str, width: usize) -> String {
    let n = token.chars().count();
    if n <= width {
        return token.to_string();
    }
    if width < 5 {
        return token.chars().take(width).collect();
    }
    let keep = width - 1;
    let head = keep.div_ceil(2);
    let tail = keep - head;
    let start: String = token.chars().take(head).collect();
    let end: String = token.chars().skip(n - tail).collect();
    format!("{start}…{end}")
}

/// "59m 58s", "2h 5m", "12s": the two largest units.
pub fn human_duration(secs: i64) -> String {
    let units = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)];
    let mut rest = secs.max(0);
    let mut parts = Vec::new();
    for (name, size) in units {
        if rest >= size || (parts.is_empty() && size == 1) {
            parts.push(format!("{}{name}", rest / size));
            rest %= size;
        }
        if parts.len() == 2 {
            break;
        }
    }
    parts.join(" ")
}

/// "expires in 59m 58s" / "expired 3s ago" / "no expiry in the token".
pub fn expiry_text(expires_at: Option<i64>, now: i64) -> String {
    match expires_at {
        // `exp` comes from the server: any i64, so the differences saturate.
        Some(exp) if exp > now => format!("expires in {}", human_duration(exp.saturating_sub(now))),
        Some(exp) => format!("expired {} ago", human_duration(now.saturating_sub(exp))),
        None => "no expiry in the token".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elision_keeps_both_ends() {
        assert_eq!(elide_middle("abcdefghij", 20), "abcdefghij");
        assert_eq!(elide_middle("abcdefghij", 7), "abc…hij");
        assert_eq!(elide_middle("abcdefghij", 6), "abc…ij");
    }

    #[test]
    fn durations() {
        assert_eq!(human_duration(3599), "59m 59s");
        assert_eq!(human_duration(7300), "2h 1m");
        assert_eq!(human_duration(0), "0s");
        assert_eq!(expiry_text(Some(100), 40), "expires in 1m");
        assert_eq!(expiry_text(Some(100), 103), "expired 3s ago");
    }
}
