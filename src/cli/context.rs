//! What every command needs: where files are, the schema in force, the profile store.

use super::args::Global;
use crate::paths::Paths;
use crate::profiles::{Loaded, Store};
use crate::schema::Schema;
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
        let store = Store::new(paths.profiles(), &cwd);
        store
            .ensure_default(&schema)
            .context("could not create the default profile")?;
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

    pub fn load_profile(&self) -> Result<Loaded> {
        Ok(self.store.load(&self.profile_name())?)
    }
}
