//! Drafts: edits not yet saved, kept in the data dir (`drafts/NAME.json`) so a crash,
//! a kill or a closed terminal loses nothing. One draft per profile name; saving or
//! discarding removes it. Drafts are written atomically and always private (0600, in
//! a 0700 directory): they may hold literal secrets the user has not saved yet.
//!
//! Nothing here logs or prints a value: errors name files, never their contents.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io;
use std::path::{Path, PathBuf};

/// Format version of a draft file; a newer one is left alone, not misread.
pub const VERSION: u32 = 1;

/// A draft is at most this big (the profile store refuses bigger profiles anyway).
const MAX_DRAFT_BYTES: u64 = 32 * 1024 * 1024;

/// One draft on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub version: u32,
    pub profile: String,
    /// When it was written (unix seconds).
    pub written_at: i64,
    /// Fingerprint of the profile file the edits started from; None for a profile that
    /// had no file. On restore, a file changed since makes Ctrl-S ask before replacing.
    pub base_fingerprint: Option<u64>,
    /// The document as it was on screen, open editor's text included.
    pub value: Value,
}

impl Draft {
    pub fn new(profile: &str, base_fingerprint: Option<u64>, value: Value, now: i64) -> Draft {
        Draft {
            version: VERSION,
            profile: profile.to_string(),
            written_at: now,
            base_fingerprint,
            value,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("cannot keep a draft for `{0}`: {1}")]
    Name(String, crate::profiles::name::NameError),
    #[error("draft {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("draft {} is not readable ({reason}); it is left where it is", path.display())]
    Unreadable { path: PathBuf, reason: String },
}

/// Where drafts live: `<data>/drafts/`.
#[derive(Debug, Clone)]
pub struct DraftStore {
    dir: PathBuf,
}

impl DraftStore {
    pub fn new(data_dir: &Path) -> DraftStore {
        DraftStore {
            dir: data_dir.join("drafts"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_for(&self, profile: &str) -> Result<PathBuf, DraftError> {
        crate::profiles::name::check(profile)
            .map_err(|e| DraftError::Name(profile.to_string(), e))?;
        Ok(self.dir.join(format!("{profile}.json")))
    }

    /// Writes (replaces) the draft of `draft.profile`, atomically, 0600.
    pub fn write(&self, draft: &Draft) -> Result<PathBuf, DraftError> {
        let path = self.path_for(&draft.profile)?;
        let io_err = |path: &Path, source| DraftError::Io {
            path: path.to_path_buf(),
            source,
        };
        create_private_dirs(&self.dir).map_err(|e| io_err(&self.dir, e))?;
        let bytes = serde_json::to_vec(draft).map_err(|e| io_err(&path, io::Error::other(e)))?;
        crate::atomic::write(&path, &bytes, true).map_err(|e| io_err(&path, e))?;
        Ok(path)
    }

    /// The draft of `profile`, if there is one. An unreadable draft is an error (and is
    /// never removed by reading it).
    pub fn load(&self, profile: &str) -> Result<Option<Draft>, DraftError> {
        let path = self.path_for(profile)?;
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(DraftError::Io { path, source: e }),
        };
        if meta.len() > MAX_DRAFT_BYTES {
            return Err(DraftError::Unreadable {
                path,
                reason: format!("{} bytes is too large", meta.len()),
            });
        }
        let bytes = std::fs::read(&path).map_err(|e| DraftError::Io {
            path: path.clone(),
            source: e,
        })?;
        let draft: Draft = serde_json::from_slice(&bytes).map_err(|e| DraftError::Unreadable {
            path: path.clone(),
            // serde's message names the position, never the text around it.
            reason: e.to_string(),
        })?;
        if draft.version > VERSION {
            return Err(DraftError::Unreadable {
                path,
                reason: format!("written by a newer voxtune (format {})", draft.version),
            });
        }
        if draft.profile != profile {
            return Err(DraftError::Unreadable {
                path,
                reason: "it names another profile".into(),
            });
        }
        Ok(Some(draft))
    }

    /// Removes the draft of `profile`; no draft is not an error.
    pub fn remove(&self, profile: &str) -> Result<bool, DraftError> {
        let path = self.path_for(profile)?;
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(DraftError::Io { path, source: e }),
        }
    }

    /// Names of the profiles that have a draft, sorted.
    pub fn list(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_str()?.strip_suffix(".json")?.to_string();
                crate::profiles::name::check(&name).ok()?;
                Some(name)
            })
            .collect();
        names.sort();
        names
    }
}

/// The data dir and `drafts/` below it, both 0700 when created here.
fn create_private_dirs(dir: &Path) -> io::Result<()> {
    crate::atomic::create_private_dir(dir)?;
    #[cfg(unix)]
    {
        // A drafts dir made by an older run with a laxer umask is tightened.
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// Top-level pointers (one level under the root objects) whose values differ, for
/// telling the user what a draft changes: `/agent_config/llm/temperature`, …
pub fn changed_pointers(base: &Value, draft: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff(base, draft, String::new(), &mut out);
    out
}

fn diff(a: &Value, b: &Value, pointer: String, out: &mut Vec<String>) {
    if a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, vy) in y {
                let p = format!("{pointer}/{}", crate::document::escape_token(k));
                match x.get(k) {
                    Some(vx) => diff(vx, vy, p, out),
                    None => out.push(p),
                }
            }
            for k in x.keys().filter(|k| !y.contains_key(*k)) {
                out.push(format!("{pointer}/{}", crate::document::escape_token(k)));
            }
        }
        _ => out.push(if pointer.is_empty() {
            "/".into()
        } else {
            pointer
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn store() -> (tempfile::TempDir, DraftStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = DraftStore::new(&dir.path().join("data"));
        (dir, store)
    }

    #[test]
    fn a_draft_round_trips_and_removing_it_leaves_none() {
        let (_dir, store) = store();
        assert_eq!(store.load("default").unwrap(), None);
        let draft = Draft::new("default", Some(42), json!({"a": {"b": 1}}), 1_800_000_000);
        let path = store.write(&draft).unwrap();
        assert!(path.ends_with("drafts/default.json"));
        assert_eq!(store.load("default").unwrap(), Some(draft.clone()));
        assert_eq!(store.list(), vec!["default".to_string()]);
        // A newer draft replaces the older one.
        let newer = Draft::new("default", Some(42), json!({"a": {"b": 2}}), 1_800_000_001);
        store.write(&newer).unwrap();
        assert_eq!(store.load("default").unwrap(), Some(newer));
        assert!(store.remove("default").unwrap());
        assert!(
            !store.remove("default").unwrap(),
            "second remove: nothing there"
        );
        assert_eq!(store.load("default").unwrap(), None);
        assert!(store.list().is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn drafts_are_private_files_in_a_private_dir() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, store) = store();
        let secret = json!({"agent_config": {"llm": {"model": {"api_key": "sk-SENTINEL"}}}});
        let path = store
            .write(&Draft::new("default", None, secret, 0))
            .unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(store.dir()), 0o700);
        assert_eq!(mode(store.dir().parent().unwrap()), 0o700);
    }

    #[test]
    fn names_that_are_not_one_file_are_refused() {
        let (dir, store) = store();
        for bad in ["../escape", "a/b", ".hidden", ""] {
            let err = store
                .write(&Draft::new(bad, None, json!({}), 0))
                .unwrap_err();
            assert!(matches!(err, DraftError::Name(..)), "{bad}: {err}");
        }
        assert!(!dir.path().join("escape.json").exists());
    }

    #[test]
    fn an_unreadable_draft_is_reported_without_its_contents_and_kept() {
        let (_dir, store) = store();
        store
            .write(&Draft::new("default", None, json!({}), 0))
            .unwrap();
        let path = store.path_for("default").unwrap();
        std::fs::write(
            &path,
            "{\"version\": 1, \"profile\": \"default\", \"sk-SENTINEL",
        )
        .unwrap();
        let err = store.load("default").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("not readable"), "{text}");
        assert!(!text.contains("SENTINEL"), "{text}");
        assert!(path.exists(), "kept for the user to look at");

        let mut future = Draft::new("default", None, json!({}), 0);
        future.version = VERSION + 1;
        std::fs::write(&path, serde_json::to_vec(&future).unwrap()).unwrap();
        assert!(
            store
                .load("default")
                .unwrap_err()
                .to_string()
                .contains("newer")
        );

        let other = Draft::new("other", None, json!({}), 0);
        std::fs::write(&path, serde_json::to_vec(&other).unwrap()).unwrap();
        assert!(
            store.load("default").is_err(),
            "a draft naming another profile"
        );
    }

    #[test]
    fn changed_pointers_name_each_leaf_that_differs() {
        let base = json!({"a": {"b": 1, "c": 2}, "d": "x", "gone": 1});
        let draft = json!({"a": {"b": 1, "c": 3}, "d": "y", "new": true});
        assert_eq!(
            changed_pointers(&base, &draft),
            vec!["/a/c", "/d", "/new", "/gone"]
        );
        assert!(changed_pointers(&base, &base).is_empty());
    }
}
