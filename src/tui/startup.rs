//! Everything the editor needs before the first frame: paths, schema, settings,
//! environment, keys, theme, which profile to open. Problems that should not stop the
//! editor (a bad key binding, an unknown theme) become notices shown at start.

use super::app::{EnvInfo, Setup};
use super::keymap::KeyMap;
use super::theme::{self, Theme};
use crate::cli::args::Global;
use crate::paths::Paths;
use crate::profiles::Store;
use crate::schema::Schema;
use crate::settings::{Environment, Settings};
use crate::state::State;
use anyhow::{Context as _, Result};

pub struct Started {
    pub setup: Setup,
    /// The environment minted against, headers and all.
    pub env: Environment,
    /// Body fields the layout marks as secrets (the client must not send them in clear).
    pub secret_pointers: Vec<String>,
    pub log_path: std::path::PathBuf,
}

pub fn prepare(global: &Global) -> Result<Started> {
    let paths = Paths::from_env()?;
    let mut notices = Vec::new();
    let schema = Schema::load(&paths.data);
    notices.extend(schema.warning.clone());
    let cwd = std::env::current_dir().context("cannot read the working directory")?;
    let store = Store::new(paths.profiles(), &cwd).with_index(paths.profile_index());
    if let Err(e) = store.ensure_default(&schema) {
        notices.push(format!("could not create the default profile: {e}"));
    }
    // Same first-run behaviour as the commands: a settings file to edit.
    if let Err(e) = Settings::write_default_if_missing(&paths.config) {
        notices.push(e.to_string());
    }
    let settings = Settings::load(&paths.config).unwrap_or_else(|e| {
        notices.push(format!("{e}\n(using the built-in settings for this run)"));
        Settings::default()
    });
    let from_env_var = std::env::var("VOXTUNE_BASE_URL").ok();
    // A wrong --env or --base-url is a usage error: say so before taking the screen.
    let env = settings.resolve_env(
        global.env.as_deref(),
        global.base_url.as_deref(),
        from_env_var.as_deref(),
    )?;
    let (keymap, key_problems) = KeyMap::from_table(&settings.keys);
    notices.extend(key_problems);
    let theme_name = global
        .theme
        .clone()
        .or(settings.theme.clone())
        .unwrap_or_else(|| theme::DEFAULT_THEME.to_string());
    let theme = Theme::load(&theme_name, &paths.themes(), theme::no_color_requested())
        .unwrap_or_else(|e| {
            notices.push(format!("theme: {e}; using dark"));
            Theme::dark()
        });
    let profile = global
        .profile
        .clone()
        .or_else(|| {
            State::load(&paths.state())
                .last_profile
                .filter(|n| store.exists(n))
        })
        .unwrap_or_else(|| "default".to_string());
    notices.extend(super::draft_offer::other_drafts_notice(
        &paths.data,
        &profile,
    ));
    let secret_pointers = schema
        .form
        .fields()
        .filter(|f| f.secret)
        .map(|f| f.pointer.clone())
        .collect();
    let log_path = paths.data.join("voxtune.log");
    Ok(Started {
        setup: Setup {
            schema,
            store,
            keymap,
            theme,
            env: EnvInfo {
                name: env.name.clone(),
                base_url: env.base_url.clone(),
            },
            profile,
            notices,
            now: now_unix(),
            paths,
        },
        env,
        secret_pointers,
        log_path,
    })
}

pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
