//! voxtune: edit voice-agent configurations and mint playground tokens.
