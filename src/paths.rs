//! Where voxtune keeps its files: settings and profiles in the config dir, the cached
//! schema, drafts and the log in the data dir.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

pub const CONFIG_ENV: &str = "VOXTUNE_CONFIG_DIR";
pub const DATA_ENV: &str = "VOXTUNE_DATA_DIR";

#[derive(Debug, Clone)]
pub struct Paths {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl Paths {
    /// From the environment: `VOXTUNE_CONFIG_DIR` (data then lives in its `data/`),
    /// `VOXTUNE_DATA_DIR`, else the platform's directories.
    pub fn from_env() -> Result<Paths> {
        let config_override = std::env::var_os(CONFIG_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let data_override = std::env::var_os(DATA_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let (config, data) = match config_override {
            Some(c) => {
                let data = data_override.unwrap_or_else(|| c.join("data"));
                (c, data)
            }
            None => {
                let (c, d) = platform_dirs()?;
                (c, data_override.unwrap_or(d))
            }
        };
        Ok(Paths { config, data })
    }

    pub fn at(config: &Path) -> Paths {
        Paths {
            config: config.to_path_buf(),
            data: config.join("data"),
        }
    }

    pub fn profiles(&self) -> PathBuf {
        self.config.join("profiles")
    }

    pub fn settings(&self) -> PathBuf {
        self.config.join("settings.toml")
    }

    pub fn themes(&self) -> PathBuf {
        self.config.join("themes")
    }

    /// The profile index: each profiles dir's file checks, so listing skips unchanged files.
    pub fn profile_index(&self) -> PathBuf {
        self.data.join("profile-index")
    }

    pub fn state(&self) -> PathBuf {
        self.data.join("state.json")
    }
}

fn platform_dirs() -> Result<(PathBuf, PathBuf)> {
    let dirs = directories::ProjectDirs::from("", "", "voxtune")
        .context("could not find a home directory; set VOXTUNE_CONFIG_DIR")?;
    // Terminal users on macOS expect ~/.config, not ~/Library/Application Support.
    if cfg!(target_os = "macos")
        && let Some(home) = directories::BaseDirs::new()
    {
        let home = home.home_dir();
        return Ok((
            home.join(".config/voxtune"),
            home.join(".local/share/voxtune"),
        ));
    }
    Ok((
        dirs.config_dir().to_path_buf(),
        dirs.data_dir().to_path_buf(),
    ))
}
