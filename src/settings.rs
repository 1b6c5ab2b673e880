//! settings.toml: environments to mint against, theme, key bindings.
//! The file is the user's: it is read, never rewritten, and a mistake in it is
//! reported with its line and column rather than papered over with defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, Deserializer};
use toml::Spanned;

pub const FILE_NAME: &str = "settings.toml";
pub const DEFAULT_ENV: &str = "dev";
pub const DEFAULT_BASE_URL: &str = "https://dev-voice-api.actualize.ae";
pub const DEFAULT_TIMEOUT_S: f64 = 15.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub default_env: String,
    /// In file order, so lists in the UI match what the user wrote.
    pub environments: Vec<Environment>,
    pub theme: Option<String>,
    /// Raw: the TUI's keymap gives it meaning.
    pub keys: toml::Table,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Environment {
    pub name: String,
    pub base_url: String,
    /// Values may hold `${VAR}` references, resolved only when sending.
    pub headers: Vec<(String, String)>,
    pub timeout_s: f64,
    pub token_pointer: Option<String>,
    pub allow_insecure: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("unknown environment \"{name}\"; known: {}", known.join(", "))]
    UnknownEnv { name: String, known: Vec<String> },

    #[error("{origin}: {url} is not an http(s) URL: {reason}")]
    BadBaseUrl {
        origin: String,
        url: String,
        reason: String,
    },
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            default_env: DEFAULT_ENV.to_string(),
            environments: vec![Environment::new(DEFAULT_ENV, DEFAULT_BASE_URL)],
            theme: None,
            keys: toml::Table::new(),
        }
    }
}

impl Environment {
    pub fn new(name: &str, base_url: &str) -> Environment {
        Environment {
            name: name.to_string(),
            base_url: base_url.to_string(),
            headers: Vec::new(),
            timeout_s: DEFAULT_TIMEOUT_S,
            token_pointer: None,
            allow_insecure: false,
        }
    }
}

impl Settings {
    pub fn path(config_dir: &Path) -> PathBuf {
        config_dir.join(FILE_NAME)
    }

    /// No file means the built-in defaults (a fresh install).
    pub fn load(config_dir: &Path) -> Result<Settings, SettingsError> {
        let path = Settings::path(config_dir);
        match std::fs::read_to_string(&path) {
            Ok(text) => Settings::parse(&text, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(source) => Err(SettingsError::Io { path, source }),
        }
    }

    /// `path` only labels errors.
    pub fn parse(text: &str, path: &Path) -> Result<Settings, SettingsError> {
        let file: SettingsFile = toml::from_str(text).map_err(|e| parse_error(&e, text, path))?;
        Ok(file.into_settings())
    }

    pub fn env_names(&self) -> Vec<String> {
        self.environments.iter().map(|e| e.name.clone()).collect()
    }

    pub fn environment(&self, name: &str) -> Option<&Environment> {
        self.environments.iter().find(|e| e.name == name)
    }

    /// Picks the environment (`--env`, else `default_env`) and applies base URL
    /// overrides, strongest first: `--base-url`, `VOXTUNE_BASE_URL`, the file.
    pub fn resolve_env(
        &self,
        env: Option<&str>,
        base_url_flag: Option<&str>,
        base_url_env_var: Option<&str>,
    ) -> Result<Environment, SettingsError> {
        let name = env.unwrap_or(&self.default_env);
        let mut chosen =
            self.environment(name)
                .cloned()
                .ok_or_else(|| SettingsError::UnknownEnv {
                    name: name.to_string(),
                    known: self.env_names(),
                })?;
        let given = |v: Option<&str>| {
            v.map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let overriding = given(base_url_flag)
            .map(|u| ("--base-url", u))
            .or_else(|| given(base_url_env_var).map(|u| ("VOXTUNE_BASE_URL", u)));
        if let Some((origin, url)) = overriding {
            check_base_url(&url).map_err(|reason| SettingsError::BadBaseUrl {
                origin: origin.to_string(),
                url: url.clone(),
                reason,
            })?;
            chosen.base_url = url;
        }
        Ok(chosen)
    }

    /// Gives a new user a file to edit. An existing file, even a broken one,
    /// is left exactly as it is. Returns whether a file was written.
    pub fn write_default_if_missing(config_dir: &Path) -> Result<bool, SettingsError> {
        let path = Settings::path(config_dir);
        if path.exists() {
            return Ok(false);
        }
        let io = |source| SettingsError::Io {
            path: path.clone(),
            source,
        };
        crate::atomic::create_private_dir(config_dir).map_err(io)?;
        // Private: headers written here may hold credentials.
        crate::atomic::write(&path, DEFAULT_FILE.as_bytes(), true).map_err(io)?;
        Ok(true)
    }
}

pub const DEFAULT_FILE: &str = r##"# voxtune settings. Remove the leading "# " of a line to use it.

# The environment used when --env is not given.
default_env = "dev"

# Colour theme: a built-in name or a file in the themes/ folder beside this file.
# theme = "dark"

[environments.dev]
base_url = "https://dev-voice-api.actualize.ae"
# Seconds to wait for the whole answer.
timeout_s = 15
# Headers sent with every mint. Write secrets as ${VARIABLE} references:
# they are read from the environment when the request is sent.
# headers = { Authorization = "Bearer ${VOXTUNE_TOKEN}" }
# Where the token is in the response, as a JSON pointer, when it is not under
# one of token, access_token, participant_token or jwt.
# token_pointer = "/data/access_token"
# Allow sending secrets over plain http to another machine.
allow_insecure = false

# [environments.local]
# base_url = "http://localhost:8000"

# Key bindings, e.g. mint = "ctrl-t".
# [keys]
"##;

fn parse_error(e: &toml::de::Error, text: &str, path: &Path) -> SettingsError {
    let offset = e.span().map_or(0, |s| s.start.min(text.len()));
    let (line, column) = line_column(text, offset);
    SettingsError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message: e.message().trim().to_string(),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn check_base_url(url: &str) -> Result<(), String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| e.to_string())?;
    match parsed.scheme() {
        "http" | "https" if parsed.host_str().is_some() => Ok(()),
        "http" | "https" => Err("it has no host".to_string()),
        other => Err(format!("scheme {other}: is not http or https")),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    default_env: Option<String>,
    #[serde(default)]
    environments: Option<BTreeMap<String, Spanned<EnvironmentFile>>>,
    theme: Option<String>,
    #[serde(default)]
    keys: toml::Table,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvironmentFile {
    #[serde(deserialize_with = "base_url")]
    base_url: String,
    #[serde(default)]
    headers: BTreeMap<String, Spanned<String>>,
    #[serde(default = "default_timeout", deserialize_with = "positive_seconds")]
    timeout_s: f64,
    token_pointer: Option<String>,
    #[serde(default)]
    allow_insecure: bool,
}

impl SettingsFile {
    fn into_settings(self) -> Settings {
        let environments: Vec<Environment> = match self.environments {
            Some(map) => in_file_order(map)
                .into_iter()
                .map(|(name, e)| e.into_environment(name))
                .collect(),
            None => Settings::default().environments,
        };
        // Without a default_env, "dev" if it exists, else the first one listed.
        let default_env = self.default_env.unwrap_or_else(|| {
            match environments
                .iter()
                .find(|e| e.name == DEFAULT_ENV)
                .or(environments.first())
            {
                Some(e) => e.name.clone(),
                None => DEFAULT_ENV.to_string(),
            }
        });
        Settings {
            default_env,
            environments,
            theme: self.theme,
            keys: self.keys,
        }
    }
}

impl EnvironmentFile {
    fn into_environment(self, name: String) -> Environment {
        Environment {
            name,
            base_url: self.base_url,
            headers: in_file_order(self.headers),
            timeout_s: self.timeout_s,
            token_pointer: self.token_pointer.filter(|p| !p.is_empty()),
            allow_insecure: self.allow_insecure,
        }
    }
}

fn default_timeout() -> f64 {
    DEFAULT_TIMEOUT_S
}

fn positive_seconds<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let secs = f64::deserialize(d)?;
    if secs.is_finite() && secs > 0.0 && secs < 86_400.0 {
        Ok(secs)
    } else {
        Err(de::Error::custom(
            "timeout_s must be a number of seconds above 0 (and under a day)",
        ))
    }
}

fn base_url<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let url = String::deserialize(d)?;
    check_base_url(&url)
        .map_err(|reason| de::Error::custom(format!("base_url {url:?}: {reason}")))?;
    Ok(url)
}

/// toml hands tables over sorted by key; the spans restore the order the user wrote.
fn in_file_order<T>(map: BTreeMap<String, Spanned<T>>) -> Vec<(String, T)> {
    let mut entries: Vec<(String, Spanned<T>)> = map.into_iter().collect();
    entries.sort_by_key(|(_, v)| v.span().start);
    entries
        .into_iter()
        .map(|(k, v)| (k, v.into_inner()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_from_one() {
        let t = "a\nbé = 1\n";
        assert_eq!(line_column(t, 0), (1, 1));
        assert_eq!(line_column(t, 2), (2, 1));
        assert_eq!(line_column(t, 6), (2, 4));
    }

    #[test]
    fn default_file_matches_builtin_defaults() {
        let parsed = Settings::parse(DEFAULT_FILE, Path::new("x")).unwrap();
        assert_eq!(parsed, Settings::default());
    }

    #[test]
    fn environments_keep_file_order() {
        let t = "[environments.zeta]\nbase_url = \"https://z\"\nheaders = { B = \"1\", A = \"2\" }\n[environments.alpha]\nbase_url = \"https://a\"\n";
        let s = Settings::parse(t, Path::new("x")).unwrap();
        assert_eq!(s.env_names(), ["zeta", "alpha"]);
        assert_eq!(s.default_env, "zeta");
        assert_eq!(s.environments[0].headers[0].0, "B");
    }
}
