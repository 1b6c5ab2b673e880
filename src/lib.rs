//! voxtune: edit voice-agent configurations and mint playground tokens.

pub mod api;
pub mod clipboard;
pub mod settings;
