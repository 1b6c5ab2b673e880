//! Whether a profile file parses as a JSON object, checked without building it, so
//! that listing stays fast.

use super::stamp::Stamp;
use super::store::{MAX_PROFILE_BYTES, strip_position};
use std::path::{Path, PathBuf};

/// What checking one file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Why the file is not a profile, or `None` when it is one.
    pub problem: Option<String>,
    /// The metadata of the file read, taken through the open file before reading it, so
    /// that it describes these bytes or older ones (never newer); `None` after a read
    /// error, which may pass (too many open files, a lock) and must not be remembered.
    pub stamp: Option<Stamp>,
}

/// `check` for each file, in order, over a few threads (10,000 profiles are 16 MB of
/// JSON and 40,000 system calls).
pub fn check_all(paths: &[&PathBuf]) -> Vec<Check> {
    super::parallel::map_parts(paths, |part| {
        let mut buf = Vec::new();
        part.iter().map(|path| check(path, &mut buf)).collect()
    })
}

/// One file; `buf` is reused from file to file.
fn check(path: &Path, buf: &mut Vec<u8>) -> Check {
    use std::io::Read as _;
    buf.clear();
    let read = std::fs::File::open(path).and_then(|file| {
        // Cheap on an open file (no path to walk), and it is the file actually read.
        let stamp = file.metadata()?;
        // `File::read_to_end` would ask for the size once more (`statx`, `lseek`);
        // through `Take` it reads straight into the reused buffer: two `read`s. A file
        // too large to load is not read at all.
        if stamp.len() <= MAX_PROFILE_BYTES {
            file.take(u64::MAX).read_to_end(buf)?;
        }
        Ok(stamp)
    });
    match read {
        Ok(meta) if meta.len() > MAX_PROFILE_BYTES => Check {
            problem: Some(too_large(meta.len())),
            stamp: Stamp::of(&meta),
        },
        Ok(meta) => Check {
            problem: syntax_problem(buf),
            stamp: Stamp::of(&meta),
        },
        Err(e) => Check {
            problem: Some(e.to_string()),
            stamp: None,
        },
    }
}

/// Listed as a problem, so that a profile that `Store::load` would refuse is never
/// listed as fine.
fn too_large(len: u64) -> String {
    format!("{len} bytes; profiles over 16 MiB are refused")
}

/// The message never quotes the file: parsing into `IgnoredAny` can only fail with
/// serde_json's fixed syntax messages (no `invalid type: string "…"`, which typed
/// targets produce), plus the line and column. The profile index stores it as is.
fn syntax_problem(bytes: &[u8]) -> Option<String> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
        Err(e) => Some(format!(
            "line {}, column {}: {}",
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        )),
        Ok(_) if first != Some(&b'{') => Some("not a JSON object".into()),
        Ok(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_problems_name_the_position_and_never_the_text() {
        let secret = "sk-live-1234";
        for text in [
            format!("{{\"api_key\": \"{secret}\" \"x\": 1}}"),
            format!("{{\"api_key\": {secret}}}"),
            format!("[\"{secret}\"]"),
            format!("{{\"{secret}\": \"\u{1}\"}}"),
        ] {
            let problem = syntax_problem(text.as_bytes()).expect("a problem");
            assert!(!problem.contains(secret), "{problem}");
        }
        assert_eq!(syntax_problem(b"{\"a\": 1}"), None);
    }
}
