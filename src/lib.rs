//! voxtune: edit voice-agent configurations and mint playground tokens.

pub mod atomic;
pub mod cli;
pub mod document;
pub mod paths;
pub mod profiles;
pub mod schema;
pub mod secrets;
pub mod state;
