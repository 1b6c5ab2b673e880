//! The profile index: each profile file's check remembered with the file's metadata,
//! so that listing reads only the files that changed since they were checked.
//!
//! It is a pure cache, one file per profiles dir, in `<data>/profile-index/` (never in
//! the profiles dir: a project's is shared through git). A missing, unreadable,
//! corrupt or other-version index is an empty one; any doubt means a re-check.
//! It holds names, metadata and check results only: those are syntax messages with a
//! line and column, never the file's text (see `check::syntax_problem`).

use super::stamp::{Stamp, Time};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const VERSION: u32 = 1;
/// A larger index is not ours to trust (10,000 profiles make ~0.8 MB).
const MAX_INDEX_BYTES: u64 = 64 << 20;

/// One file's check as remembered.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "Row")]
pub struct Remembered {
    pub name: String,
    pub stamp: Stamp,
    pub problem: Option<String>,
}

/// One file's check to remember, borrowed: saving copies no name.
#[derive(Debug, Clone, Copy)]
pub struct ToRemember<'a> {
    pub name: &'a str,
    pub stamp: Stamp,
    pub problem: Option<&'a str>,
}

impl Remembered {
    pub fn borrowed(&self) -> ToRemember<'_> {
        ToRemember {
            name: &self.name,
            stamp: self.stamp,
            problem: self.problem.as_deref(),
        }
    }
}

#[derive(Debug, Default)]
pub struct Index {
    /// When the listing that wrote the index began.
    checked_at: Time,
    /// Sorted by name.
    entries: Vec<Remembered>,
}

/// On disk: `{"version", "dir", "checked_at", "files"}`, each file one array
/// `[name, len, mtime_s, mtime_ns, ctime_s, ctime_ns, dev, ino, problem]` (arrays keep
/// 10,000 entries small and quick to parse).
#[derive(Serialize, Deserialize)]
struct OnDisk<R> {
    version: u32,
    dir: String,
    checked_at: Time,
    files: Vec<R>,
}

type Row = (String, u64, i64, u32, i64, u32, u64, u64, Option<String>);
type RowRef<'a> = (&'a str, u64, i64, u32, i64, u32, u64, u64, Option<&'a str>);

impl Index {
    /// The index of `profiles_dir` kept in `index_dir`; empty when there is none to trust.
    pub fn load(index_dir: &Path, profiles_dir: &Path) -> Index {
        let (path, dir) = location(index_dir, profiles_dir);
        read(&path)
            .and_then(|bytes| serde_json::from_slice::<OnDisk<Remembered>>(&bytes).ok())
            .filter(|d| d.version == VERSION && d.dir == dir)
            .map(Index::from_disk)
            .unwrap_or_default()
    }

    fn from_disk(disk: OnDisk<Remembered>) -> Index {
        let mut entries = disk.files;
        // Written sorted; sorting again costs little and makes lookups safe regardless.
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Index {
            checked_at: disk.checked_at,
            entries,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entry of each name, for names in ascending order: one walk down both sorted
    /// lists. Names out of order are only missed (so read), never mistaken for others.
    pub fn find_each<'a, 'n>(
        &'a self,
        names: impl Iterator<Item = &'n str>,
    ) -> Vec<Option<&'a Remembered>> {
        let mut entries = self.entries.iter().peekable();
        names
            .map(|name| {
                while entries.next_if(|e| e.name.as_str() < name).is_some() {}
                entries.peek().copied().filter(|e| e.name == name)
            })
            .collect()
    }

    /// Whether `entry` still answers for a file that now has `stamp`: the file has not
    /// changed since, and had settled when it was checked.
    pub fn trusts(&self, entry: &Remembered, stamp: &Stamp) -> bool {
        entry.stamp == *stamp && stamp.settled(self.checked_at)
    }

    /// Replaces the index of `profiles_dir` with `entries`, checked from `checked_at`.
    /// Without `fsync` (`atomic::write_cache`): a crash may leave an older index, which
    /// still only vouches for files whose stamps match, or an empty or cut one, which
    /// does not parse. Either way no wrong answer, and no `fsync` on every change.
    pub fn save(
        index_dir: &Path,
        profiles_dir: &Path,
        checked_at: Time,
        entries: &[ToRemember],
    ) -> std::io::Result<()> {
        let (path, dir) = location(index_dir, profiles_dir);
        let disk = OnDisk {
            version: VERSION,
            dir,
            checked_at,
            files: entries.iter().map(to_row).collect::<Vec<RowRef>>(),
        };
        let bytes = serde_json::to_vec(&disk).map_err(std::io::Error::other)?;
        crate::atomic::create_private_dir(index_dir)?;
        crate::atomic::write_cache(&path, &bytes)
    }
}

/// The index file of a profiles dir and the dir's name as recorded inside it. The file
/// is named by a hash of the absolute path; the path inside catches a collision (or a
/// relative path meaning another dir).
fn location(index_dir: &Path, profiles_dir: &Path) -> (PathBuf, String) {
    let absolute = std::path::absolute(profiles_dir).unwrap_or_else(|_| profiles_dir.into());
    let hash = fnv1a(absolute.as_os_str().as_encoded_bytes());
    let path = index_dir.join(format!("{hash:016x}.json"));
    (path, absolute.to_string_lossy().into_owned())
}

/// FNV-1a: stable across Rust releases, unlike `DefaultHasher`, so the name holds.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn read(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    if len > MAX_INDEX_BYTES {
        return None;
    }
    // Room for it all and one byte more: one `read`, and one to see the end.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.take(MAX_INDEX_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= MAX_INDEX_BYTES).then_some(bytes)
}

impl From<Row> for Remembered {
    fn from(r: Row) -> Remembered {
        Remembered {
            name: r.0,
            stamp: Stamp {
                len: r.1,
                mtime: (r.2, r.3),
                ctime: (r.4, r.5),
                dev: r.6,
                ino: r.7,
            },
            problem: r.8,
        }
    }
}

fn to_row<'a>(e: &ToRemember<'a>) -> RowRef<'a> {
    let s = &e.stamp;
    (
        e.name, s.len, s.mtime.0, s.mtime.1, s.ctime.0, s.ctime.1, s.dev, s.ino, e.problem,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Remembered {
        Remembered {
            name: "a".into(),
            stamp: Stamp {
                len: 2,
                mtime: (1, 0),
                ctime: (1, 0),
                dev: 3,
                ino: 4,
            },
            problem: Some("line 1, column 2: expected value".into()),
        }
    }

    #[test]
    fn an_index_is_read_back_for_its_own_dir_only() {
        let tmp = tempfile::tempdir().unwrap();
        let (index_dir, mine, other) = (
            tmp.path().join("index"),
            tmp.path().join("p"),
            tmp.path().join("q"),
        );
        Index::save(&index_dir, &mine, (100, 0), &[entry().borrowed()]).unwrap();
        let back = Index::load(&index_dir, &mine);
        assert_eq!(back.find_each(["a"].into_iter()), [Some(&entry())]);
        assert_eq!(Index::load(&index_dir, &other).len(), 0);
        // Its file moved to where the other dir's would be: the dir inside does not match.
        let (path, _) = location(&index_dir, &mine);
        let (other_path, _) = location(&index_dir, &other);
        std::fs::rename(path, other_path).unwrap();
        assert_eq!(Index::load(&index_dir, &other).len(), 0);
    }

    #[test]
    fn a_damaged_or_other_version_index_is_empty() {
        let tmp = tempfile::tempdir().unwrap();
        let (index_dir, dir) = (tmp.path().join("index"), tmp.path().join("p"));
        Index::save(&index_dir, &dir, (100, 0), &[entry().borrowed()]).unwrap();
        let (path, _) = location(&index_dir, &dir);
        let good = std::fs::read_to_string(&path).unwrap();
        for bad in [
            good[..good.len() / 2].to_string(),
            good.replace("\"version\":1", "\"version\":2"),
            good.replace("\"a\"", "7"),
            "\0\0\0\0".to_string(),
            String::new(),
        ] {
            std::fs::write(&path, &bad).unwrap();
            assert_eq!(Index::load(&index_dir, &dir).len(), 0, "{bad:?}");
        }
    }
}
