//! voxtune: edit voice-agent configurations and mint playground tokens.

pub mod api;
pub mod atomic;
pub mod cli;
pub mod clipboard;
pub mod document;
pub mod drafts;
pub mod paths;
pub mod profiles;
pub mod schema;
pub mod secrets;
pub mod settings;
pub mod state;
pub mod tui;
