//! What flows through the loop: messages in (terminal events, results of work done
//! outside `update`), effects out (work `update` asks the loop to do).

use crossterm::event::{KeyEvent, MouseEvent};
use serde_json::Value;

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// The spinner or the token countdown moved on; carries the clock (unix seconds).
    Tick(i64),
    MintDone {
        id: u64,
        result: Result<TokenInfo, MintFailure>,
    },
    Copied {
        token: String,
        report: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Send the document; the result comes back as `Msg::MintDone` with this id.
    Mint {
        id: u64,
        body: Value,
    },
    CancelMint(u64),
    /// Put the token in the clipboard: OSC 52 through the terminal, and the system one.
    Copy(String),
    Quit,
}

/// A token the server handed out, with what the UI shows about it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TokenInfo {
    pub token: String,
    pub identity: Option<String>,
    pub name: Option<String>,
    pub room: Option<String>,
    pub server_url: Option<String>,
    pub expires_at: Option<i64>,
    pub session_id: Option<String>,
    pub status: u16,
}

/// Why a mint failed, in words, with the URL it went to; 422s name fields.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MintFailure {
    pub message: String,
    pub url: String,
    /// (JSON pointer, server's message) for each field a 422 named.
    pub fields: Vec<(String, String)>,
    /// A field to show the user (a `${VAR}` there is not set), when there is one.
    pub focus: Option<String>,
}
