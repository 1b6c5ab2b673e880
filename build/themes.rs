//! The built-in themes' colour tables, read from `themes/*.toml` here so start-up does
//! not parse TOML to colour the default theme (`src/tui/theme.rs` turns the pairs into
//! styles with the same code as a user's file).

use serde::Deserialize;
use std::collections::BTreeMap;

pub const DIR: &str = "themes";
/// In the order `voxtune --help` and the error for an unknown theme list them.
const NAMES: [&str; 3] = ["dark", "light", "high-contrast"];

#[derive(Deserialize)]
struct ThemeFile {
    #[serde(default)]
    colors: BTreeMap<String, String>,
}

/// `BUILT_IN: &[(name, &[(key, colour)])]`.
pub fn generate() -> String {
    let themes: Vec<String> = NAMES
        .iter()
        .map(|name| {
            let path = format!("{DIR}/{name}.toml");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let file: ThemeFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let pairs: Vec<String> = file
                .colors
                .iter()
                .map(|(k, v)| format!("({k:?}, {v:?})"))
                .collect();
            format!("({name:?}, &[{}])", pairs.join(", "))
        })
        .collect();
    format!(
        "const BUILT_IN: &[(&str, &[(&str, &str)])] = &[{}];\n",
        themes.join(", ")
    )
}
