use super::ProfileError;
use super::listing;
use super::name;
use crate::atomic;
use crate::schema::Schema;
use crate::secrets;
use serde_json::Value;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

pub(super) const MAX_PROFILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    User,
    Project,
}

impl Origin {
    pub fn label(self) -> &'static str {
        match self {
            Origin::User => "user",
            Origin::Project => "project",
        }
    }
}

/// One profile as listed: its problem, if its file does not parse.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub origin: Origin,
    pub path: PathBuf,
    pub problem: Option<String>,
}

/// A profile read from disk, with the fingerprint of the bytes it was read from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub name: String,
    pub origin: Origin,
    pub path: PathBuf,
    pub value: Value,
    pub fingerprint: u64,
}

#[derive(Debug, Clone)]
pub struct Store {
    pub user_dir: PathBuf,
    pub project_dir: Option<PathBuf>,
    /// Where `list` keeps each dir's index of checks; without one every file is read.
    pub index_dir: Option<PathBuf>,
}

impl Store {
    pub fn new(user_dir: PathBuf, cwd: &Path) -> Store {
        let project_dir = cwd
            .ancestors()
            .map(|d| d.join(".voxtune").join("profiles"))
            .find(|d| d.is_dir())
            .filter(|d| *d != user_dir);
        Store {
            user_dir,
            project_dir,
            index_dir: None,
        }
    }

    /// Lists through an index of checks kept in `dir` (see `index`).
    pub fn with_index(self, dir: PathBuf) -> Store {
        Store {
            index_dir: Some(dir),
            ..self
        }
    }

    fn dirs(&self) -> Vec<(&Path, Origin)> {
        let mut dirs = vec![(self.user_dir.as_path(), Origin::User)];
        if let Some(p) = &self.project_dir {
            dirs.push((p.as_path(), Origin::Project));
        }
        dirs
    }

    /// All profiles, the user's first, each group by name. Unreadable ones are listed
    /// with their error; none is rewritten. Only files changed since the index last saw
    /// them are read.
    pub fn list(&self) -> Vec<Entry> {
        let index_dir = self.index_dir.as_deref();
        self.dirs()
            .into_iter()
            .flat_map(|(dir, origin)| {
                listing::list(dir, index_dir)
                    .into_iter()
                    .map(move |l| Entry {
                        name: l.name,
                        origin,
                        path: l.path,
                        problem: l.problem,
                    })
            })
            .collect()
    }

    /// Names only, without reading any file.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .dirs()
            .into_iter()
            .flat_map(|(d, _)| profile_files(d).map(|(n, _)| n))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    pub fn locate(&self, name: &str) -> Option<(PathBuf, Origin)> {
        self.dirs()
            .into_iter()
            .map(|(d, o)| (d.join(format!("{name}.json")), o))
            .find(|(p, _)| p.is_file())
    }

    /// Like `locate`, but a missing profile is an error naming the ones there are.
    fn find(&self, name: &str) -> Result<(PathBuf, Origin), ProfileError> {
        self.locate(name).ok_or_else(|| ProfileError::NotFound {
            name: name.to_string(),
            known: self.names(),
        })
    }

    pub fn exists(&self, name: &str) -> bool {
        self.locate(name).is_some()
    }

    pub fn load(&self, name: &str) -> Result<Loaded, ProfileError> {
        name::check(name)?;
        let (path, origin) = self.find(name)?;
        let bytes = read_capped(name, &path)?;
        let value = parse(&path, &bytes)?;
        Ok(Loaded {
            name: name.to_string(),
            origin,
            path,
            value,
            fingerprint: fingerprint(&bytes),
        })
    }

    /// Where a profile of this name is (or would be) written.
    pub fn path_for(&self, name: &str) -> PathBuf {
        self.locate(name)
            .map(|(p, _)| p)
            .unwrap_or_else(|| self.user_dir.join(format!("{name}.json")))
    }

    /// Saves `value` under `name`. With `expected`, the file must still hold the bytes
    /// it was loaded from; otherwise someone else changed it and it is not overwritten.
    pub fn save(
        &self,
        name: &str,
        value: &Value,
        schema: &Schema,
        expected: Option<u64>,
    ) -> Result<u64, ProfileError> {
        name::check(name)?;
        let path = self.path_for(name);
        if let Some(expected) = expected {
            let current = std::fs::read(&path).ok().map(|b| fingerprint(&b));
            if current.is_some_and(|c| c != expected) {
                return Err(ProfileError::Conflict {
                    name: name.to_string(),
                    path,
                });
            }
        }
        let text = render(schema, value);
        let dir = path.parent().unwrap_or(&self.user_dir);
        atomic::create_private_dir(dir).map_err(|e| ProfileError::io(dir, e))?;
        let private = secrets::has_literal_secret(&schema.form, value);
        atomic::write(&path, text.as_bytes(), private).map_err(|e| ProfileError::io(&path, e))?;
        Ok(fingerprint(text.as_bytes()))
    }

    /// Writes a new profile; an existing one is replaced only with `force`.
    pub fn create(
        &self,
        name: &str,
        value: &Value,
        schema: &Schema,
        force: bool,
    ) -> Result<PathBuf, ProfileError> {
        name::check(name)?;
        if !force && self.exists(name) {
            return Err(ProfileError::Exists(name.to_string()));
        }
        self.save(name, value, schema, None)?;
        Ok(self.path_for(name))
    }

    pub fn copy(
        &self,
        from: &str,
        to: &str,
        schema: &Schema,
        force: bool,
    ) -> Result<PathBuf, ProfileError> {
        let loaded = self.load(from)?;
        name::check(to)?;
        if !force && self.exists(to) {
            return Err(ProfileError::Exists(to.to_string()));
        }
        let path = self.user_dir.join(format!("{to}.json"));
        let private = secrets::has_literal_secret(&schema.form, &loaded.value);
        atomic::create_private_dir(&self.user_dir)
            .map_err(|e| ProfileError::io(&self.user_dir, e))?;
        atomic::write(&path, render(schema, &loaded.value).as_bytes(), private)
            .map_err(|e| ProfileError::io(&path, e))?;
        Ok(path)
    }

    /// Renames within the profile's own directory (a project's stays in the project).
    pub fn rename(&self, from: &str, to: &str, force: bool) -> Result<PathBuf, ProfileError> {
        name::check(from)?;
        name::check(to)?;
        let (path, _) = self.find(from)?;
        if !force && self.exists(to) {
            return Err(ProfileError::Exists(to.to_string()));
        }
        let target = path.with_file_name(format!("{to}.json"));
        std::fs::rename(&path, &target).map_err(|e| ProfileError::io(&path, e))?;
        Ok(target)
    }

    pub fn delete(&self, name: &str) -> Result<PathBuf, ProfileError> {
        name::check(name)?;
        let (path, _) = self.find(name)?;
        std::fs::remove_file(&path).map_err(|e| ProfileError::io(&path, e))?;
        Ok(path)
    }

    /// On first run (no profiles directory yet) writes `default` from the schema's defaults.
    pub fn ensure_default(&self, schema: &Schema) -> Result<bool, ProfileError> {
        if self.user_dir.exists() {
            return Ok(false);
        }
        self.create("default", &schema.defaults(), schema, false)?;
        Ok(true)
    }
}

/// A profile as written: the request body, keys in schema order, pretty-printed.
pub fn render(schema: &Schema, value: &Value) -> String {
    let mut text =
        serde_json::to_string_pretty(&schema.order(value)).expect("a Value always serializes");
    text.push('\n');
    text
}

pub fn parse(path: &Path, bytes: &[u8]) -> Result<Value, ProfileError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| ProfileError::Parse {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    if !value.is_object() {
        return Err(ProfileError::NotObject(path.to_path_buf()));
    }
    Ok(value)
}

/// serde_json appends " at line L column C"; we print the position ourselves.
pub fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

fn read_capped(name: &str, path: &Path) -> Result<Vec<u8>, ProfileError> {
    let len = std::fs::metadata(path)
        .map_err(|e| ProfileError::io(path, e))?
        .len();
    if len > MAX_PROFILE_BYTES {
        return Err(ProfileError::TooLarge(name.to_string(), len));
    }
    std::fs::read(path).map_err(|e| ProfileError::io(path, e))
}

fn profile_files(dir: &Path) -> impl Iterator<Item = (String, PathBuf)> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(".json")?
                .to_string();
            (name::check(&name).is_ok()).then_some((name, path))
        })
}
