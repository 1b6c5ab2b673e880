//! Named profiles on disk: each `profiles/NAME.json` is exactly a request body. The
//! user's own live in the config dir; a project's in the nearest `.voxtune/profiles/`.

mod check;
pub mod import;
mod index;
mod listing;
pub mod name;
mod parallel;
pub mod presets;
mod stamp;
mod store;

pub use store::{Entry, Loaded, Origin, Store, fingerprint, parse, render};

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(transparent)]
    Name(#[from] name::NameError),
    #[error("no profile named `{name}`{}", known_list(.known))]
    NotFound { name: String, known: Vec<String> },
    #[error("profile `{0}` already exists: pass --force to replace it")]
    Exists(String),
    #[error("{} is not valid JSON (line {line}, column {column}): {message}", .path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{} does not hold a JSON object (a request body is one)", .0.display())]
    NotObject(PathBuf),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "profile `{name}` changed on disk since it was loaded ({}): not overwritten; reload it, save under another name, or pass --force",
        .path.display()
    )]
    Conflict { name: String, path: PathBuf },
    #[error("profile `{0}` is {1} bytes; profiles over 16 MiB are refused")]
    TooLarge(String, u64),
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        String::new()
    } else {
        format!(" (profiles: {})", known.join(", "))
    }
}

impl ProfileError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> ProfileError {
        ProfileError::Io {
            path: path.into(),
            source,
        }
    }
}
