//! Colour themes from `themes/*.toml`: built-ins embedded in the binary, the user's own
//! from the config dir's `themes/`. `NO_COLOR` turns every colour off and leaves focus
//! and errors marked by reverse video and bold instead.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

pub const DEFAULT_THEME: &str = "dark";

// `BUILT_IN`: each built-in theme's `[colors]` table, read from `themes/*.toml` by the
// build script (`build/themes.rs`), so the default theme costs no TOML parse at start.
include!(concat!(env!("OUT_DIR"), "/built_in_themes.rs"));

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub text: Style,
    pub dim: Style,
    pub accent: Style,
    pub label: Style,
    pub value: Style,
    pub focus: Style,
    pub error: Style,
    pub warning: Style,
    pub ok: Style,
    pub border: Style,
    pub header: Style,
    pub status: Style,
    pub tab_active: Style,
    pub tab_inactive: Style,
    pub secret: Style,
}

#[derive(Debug, Deserialize)]
struct ThemeFile {
    #[serde(default)]
    colors: HashMap<String, String>,
}

impl Theme {
    /// The theme called `name`: the user's file first (so a user can restyle a
    /// built-in), else a built-in. NO_COLOR wins over both.
    pub fn load(name: &str, user_dir: &Path, no_color: bool) -> Result<Theme, String> {
        if no_color {
            return Ok(Theme::monochrome());
        }
        let user_file = user_dir.join(format!("{name}.toml"));
        if let Ok(text) = std::fs::read_to_string(&user_file) {
            return Theme::parse(name, &text).map_err(|e| format!("{}: {e}", user_file.display()));
        }
        match Theme::built_in(name) {
            Some(theme) => theme,
            None => Err(format!(
                "no theme named `{name}` (built-in: {}; yours go in {})",
                Theme::built_in_names().join(", "),
                user_dir.display()
            )),
        }
    }

    pub fn built_in_names() -> Vec<&'static str> {
        BUILT_IN.iter().map(|(n, _)| *n).collect()
    }

    pub fn dark() -> Theme {
        Theme::built_in(DEFAULT_THEME)
            .and_then(Result::ok)
            .expect("built-in themes are valid (checked by tests)")
    }

    fn built_in(name: &str) -> Option<Result<Theme, String>> {
        let (_, colors) = BUILT_IN.iter().find(|(n, _)| *n == name)?;
        let colour = |key: &str| colors.iter().find(|(k, _)| *k == key).map(|(_, c)| *c);
        Some(Theme::from_colors(name, colour))
    }

    /// Parses a theme file; a colour it leaves out comes from the dark theme.
    pub fn parse(name: &str, text: &str) -> Result<Theme, String> {
        let file: ThemeFile = toml::from_str(text).map_err(|e| e.message().to_string())?;
        Theme::from_colors(name, |key| file.colors.get(key).map(String::as_str))
    }

    /// A theme from its colour table (`colors.KEY` → colour); a colour it leaves out
    /// comes from the dark theme.
    fn from_colors<'a>(
        name: &str,
        colors: impl Fn(&str) -> Option<&'a str>,
    ) -> Result<Theme, String> {
        let base = if name == "dark" {
            None
        } else {
            Some(Theme::dark())
        };
        let color = |key: &str| -> Result<Option<Color>, String> {
            colors(key)
                .map(|c| {
                    Color::from_str(c)
                        .map_err(|_| format!("colors.{key} = \"{c}\" is not a colour"))
                })
                .transpose()
        };
        let fg = |key: &str, fallback: fn(&Theme) -> Style| -> Result<Style, String> {
            Ok(match (color(key)?, &base) {
                (Some(c), _) => Style::new().fg(c),
                (None, Some(b)) => fallback(b),
                (None, None) => Style::new(),
            })
        };
        let pair = |fg_key: &str, bg_key: &str, fallback: fn(&Theme) -> Style| {
            Ok::<Style, String>(match (color(fg_key)?, color(bg_key)?, &base) {
                (Some(f), Some(b), _) => Style::new().fg(f).bg(b),
                (_, _, Some(t)) => fallback(t),
                _ => Style::new().add_modifier(Modifier::REVERSED),
            })
        };
        Ok(Theme {
            name: name.to_string(),
            text: fg("text", |t| t.text)?,
            dim: fg("dim", |t| t.dim)?,
            accent: fg("accent", |t| t.accent)?.add_modifier(Modifier::BOLD),
            label: fg("label", |t| t.label)?,
            value: fg("value", |t| t.value)?,
            focus: pair("focus_fg", "focus_bg", |t| t.focus)?,
            error: fg("error", |t| t.error)?,
            warning: fg("warning", |t| t.warning)?,
            ok: fg("ok", |t| t.ok)?,
            border: fg("border", |t| t.border)?,
            header: pair("header_fg", "header_bg", |t| t.header)?,
            status: pair("status_fg", "status_bg", |t| t.status)?,
            tab_active: fg("tab_active", |t| t.tab_active)?
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            tab_inactive: fg("tab_inactive", |t| t.tab_inactive)?,
            secret: fg("secret", |t| t.secret)?,
        })
    }

    /// No colour at all (NO_COLOR): emphasis by modifiers only.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            name: "no-color".into(),
            text: plain,
            dim: plain.add_modifier(Modifier::DIM),
            accent: plain.add_modifier(Modifier::BOLD),
            label: plain,
            value: plain,
            focus: plain.add_modifier(Modifier::REVERSED),
            error: plain.add_modifier(Modifier::BOLD),
            warning: plain.add_modifier(Modifier::BOLD),
            ok: plain,
            border: plain,
            header: plain.add_modifier(Modifier::REVERSED),
            status: plain.add_modifier(Modifier::REVERSED),
            tab_active: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            tab_inactive: plain,
            secret: plain,
        }
    }
}

/// Whether NO_COLOR asks for no colour: set and not empty (no-color.org).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_are_their_files_parsed() {
        for name in Theme::built_in_names() {
            let t = Theme::load(name, Path::new("/nonexistent"), false).unwrap();
            assert_eq!(t.name, name);
            let path = format!("{}/themes/{name}.toml", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).unwrap();
            assert_eq!(t, Theme::parse(name, &text).unwrap());
        }
    }

    #[test]
    fn user_theme_overrides_and_fills_from_dark() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("mine.toml"),
            "[colors]\naccent = \"#ff0000\"\n",
        )
        .unwrap();
        let t = Theme::load("mine", dir.path(), false).unwrap();
        assert_eq!(t.accent.fg, Some(Color::Rgb(255, 0, 0)));
        assert_eq!(t.error, Theme::dark().error);
    }

    #[test]
    fn bad_colour_and_unknown_theme_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.toml"), "[colors]\naccent = \"nope\"\n").unwrap();
        assert!(
            Theme::load("bad", dir.path(), false)
                .unwrap_err()
                .contains("colors.accent")
        );
        assert!(
            Theme::load("zzz", dir.path(), false)
                .unwrap_err()
                .contains("no theme named")
        );
    }

    #[test]
    fn no_color_has_no_colours() {
        let t = Theme::load("dark", Path::new("/x"), true).unwrap();
        assert_eq!(t.focus.fg, None);
        assert_eq!(t.focus.bg, None);
    }
}
