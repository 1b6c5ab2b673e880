//! What every command needs: where files are, the schema in force, the profile store.

use super::args::Global;
use crate::paths::Paths;
use crate::profiles::{Loaded, Store};
use crate::schema::Schema;
use crate::settings::{Environment, Settings};
use crate::state::State;
use anyhow::{Context as _, Result};

pub struct Context {
    pub global: Global,
    pub paths: Paths,
    pub schema: Schema,
    pub store: Store,
}

impl Context {
    pub fn new(global: Global) -> Result<Context> {
        let paths = Paths::from_env()?;
        let schema = Schema::load(&paths.data);
        if let Some(w) = &schema.warning {
            eprintln!("warning: {w}");
        }
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        let store = Store::new(paths.profiles(), &cwd).with_index(paths.profile_index());
        store
            .ensure_default(&schema)
            .context("could not create the default profile")?;
        if let Err(e) = Settings::write_default_if_missing(&paths.config) {
            eprintln!("warning: {e}");
        }
        Ok(Context {
            global,
            paths,
            schema,
            store,
        })
    }

    /// The profile named by --profile, else the last one opened, else `default`.
    pub fn profile_name(&self) -> String {
        self.global
            .profile
            .clone()
            .or_else(|| {
                State::load(&self.paths.state())
                    .last_profile
                    .filter(|n| self.store.exists(n))
            })
            .unwrap_or_else(|| "default".to_string())
    }

    /// The environment in force: --env, else the settings' default; its base URL
    /// overridden by --base-url, else VOXTUNE_BASE_URL.
    pub fn environment(&self) -> Result<Environment> {
        let settings = Settings::load(&self.paths.config)?;
        let from_env_var = std::env::var("VOXTUNE_BASE_URL").ok();
        Ok(settings.resolve_env(
            self.global.env.as_deref(),
            self.global.base_url.as_deref(),
            from_env_var.as_deref(),
        )?)
    }

    /// Pointers of the body fields the layout marks as secret.
    pub fn secret_pointers(&self) -> Vec<&str> {
        self.schema
            .form
            .fields()
            .filter(|f| f.secret)
            .map(|f| f.pointer.as_str())
            .collect()
    }

    pub fn load_profile(&self) -> Result<Loaded> {
        Ok(self.store.load(&self.profile_name())?)
    }
}
