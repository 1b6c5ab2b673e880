//! Listing one profiles dir with each file's check: remembered by the index while the
//! file's metadata is unchanged, read and checked otherwise.

use super::check::{Check, check_all};
use super::index::{Index, Remembered, ToRemember};
use super::name;
use super::parallel;
use super::stamp::{self, Stamp, Time};
use std::fs::DirEntry;
use std::path::{Path, PathBuf};

/// One profile file and its problem, if it is not a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    pub path: PathBuf,
    pub problem: Option<String>,
}

/// A profile file, with what the index remembers of it.
struct Found<'a> {
    name: String,
    path: PathBuf,
    known: Option<&'a Remembered>,
    /// Its metadata now, looked up only when the index knows the file: a file it does
    /// not know is read anyway, and stamped through the open file then.
    stamp: Option<Stamp>,
}

/// What a listing knows of one file's check.
enum Answer {
    /// From the index: the file has not changed since it was checked.
    Recalled,
    /// From reading the file now.
    Checked(Check),
}

/// The profiles in `dir`, by name; with `index_dir`, through the index kept there.
pub fn list(dir: &Path, index_dir: Option<&Path>) -> Vec<Listed> {
    // Taken before any file is looked at: see `stamp::SETTLE_SECS`.
    list_at(dir, index_dir, stamp::now())
}

/// `list` as of `now`, the time the listing began (tests pass other times).
fn list_at(dir: &Path, index_dir: Option<&Path>, now: Time) -> Vec<Listed> {
    let old = index_dir.map_or_else(Index::default, |d| Index::load(d, dir));
    let files = found_files(dir, &old);
    let answers = answers(&old, &files);
    if let Some(index_dir) = index_dir {
        update_index(index_dir, dir, &old, &files, &answers, now);
    }
    files
        .into_iter()
        .zip(answers)
        .map(|(f, a)| Listed {
            problem: match a {
                Answer::Recalled => f.known.and_then(|e| e.problem.clone()),
                Answer::Checked(c) => c.problem,
            },
            name: f.name,
            path: f.path,
        })
        .collect()
}

/// Profile files sorted by name. Those the index knows are stamped, over a few threads:
/// one `statx` each is most of a listing that reads no file.
fn found_files<'a>(dir: &Path, old: &'a Index) -> Vec<Found<'a>> {
    let mut entries: Vec<(String, DirEntry)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| Some((profile_name(&entry)?, entry)))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let known = old.find_each(entries.iter().map(|(name, _)| name.as_str()));
    let to_stamp: Vec<Option<&DirEntry>> = entries
        .iter()
        .zip(&known)
        .map(|((_, entry), k)| k.map(|_| entry))
        .collect();
    let stamps = parallel::map_parts(&to_stamp, |part| {
        part.iter().map(|e| e.and_then(stamp_of)).collect()
    });
    entries
        .into_iter()
        .zip(known)
        .zip(stamps)
        .map(|(((name, entry), known), stamp)| Found {
            name,
            path: entry.path(),
            known,
            stamp,
        })
        .collect()
}

fn profile_name(entry: &DirEntry) -> Option<String> {
    let file_name = entry.file_name();
    let name = file_name.to_str()?.strip_suffix(".json")?;
    name::check(name).ok()?;
    Some(name.to_string())
}

/// A symlink's stamp is its target's: the file that is read.
fn stamp_of(entry: &DirEntry) -> Option<Stamp> {
    let meta = match entry.file_type() {
        Ok(t) if !t.is_symlink() => entry.metadata(),
        _ => std::fs::metadata(entry.path()),
    };
    Stamp::of(&meta.ok()?)
}

/// Each file's answer: recalled when the index still answers for it, else checked (all
/// such files together, in parallel).
fn answers(old: &Index, files: &[Found]) -> Vec<Answer> {
    let trusted: Vec<bool> = files
        .iter()
        .map(|f| matches!((f.known, &f.stamp), (Some(e), Some(s)) if old.trusts(e, s)))
        .collect();
    let unknown: Vec<&PathBuf> = files
        .iter()
        .zip(&trusted)
        .filter(|(_, t)| !**t)
        .map(|(f, _)| &f.path)
        .collect();
    let mut checks = check_all(&unknown).into_iter();
    trusted
        .into_iter()
        .map(|t| match t {
            true => Answer::Recalled,
            false => Answer::Checked(checks.next().expect("one check per unknown file")),
        })
        .collect()
}

/// Rewrites the index when this listing learned something (see `learned`). A failed
/// write only costs the next listing its shortcut, so it is not reported.
fn update_index(
    index_dir: &Path,
    dir: &Path,
    old: &Index,
    files: &[Found],
    answers: &[Answer],
    now: Time,
) {
    if !learned(old, files, answers, now) {
        return;
    }
    let entries: Vec<ToRemember> = files
        .iter()
        .zip(answers)
        .filter_map(|(f, a)| match a {
            Answer::Recalled => f.known.map(Remembered::borrowed),
            Answer::Checked(c) => Some(ToRemember {
                name: &f.name,
                stamp: c.stamp?,
                problem: c.problem.as_deref(),
            }),
        })
        .collect();
    let _ = Index::save(index_dir, dir, now, &entries);
}

/// Whether the index would change: a file new, changed or gone, or one checked again
/// because it had not settled that has settled now. A file that keeps changing (or is
/// stamped in the future) is checked each time but does not rewrite the index each time.
fn learned(old: &Index, files: &[Found], answers: &[Answer], now: Time) -> bool {
    let mut kept = 0;
    for (f, a) in files.iter().zip(answers) {
        if let Answer::Checked(c) = a {
            let Some(stamp) = c.stamp else { continue };
            let same = f
                .known
                .is_some_and(|e| e.stamp == stamp && e.problem == c.problem);
            if !same || stamp.settled(now) {
                return true;
            }
        }
        kept += 1;
    }
    kept != old.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::stamp;

    struct Dirs {
        _tmp: tempfile::TempDir,
        profiles: PathBuf,
        index: PathBuf,
    }

    fn dirs() -> Dirs {
        let tmp = tempfile::tempdir().unwrap();
        let profiles = tmp.path().join("profiles");
        std::fs::create_dir(&profiles).unwrap();
        let index = tmp.path().join("data/profile-index");
        Dirs {
            _tmp: tmp,
            profiles,
            index,
        }
    }

    fn later(secs: i64) -> Time {
        let (s, ns) = stamp::now();
        (s + secs, ns)
    }

    fn problems(d: &Dirs, now: Time) -> Vec<(String, Option<String>)> {
        list_at(&d.profiles, Some(&d.index), now)
            .into_iter()
            .map(|l| (l.name, l.problem))
            .collect()
    }

    /// The one index file the test's listing wrote.
    fn index_file(d: &Dirs) -> std::path::PathBuf {
        let first = std::fs::read_dir(&d.index).unwrap().next().unwrap();
        first.unwrap().path()
    }

    /// Rewrites the one index file so that it claims `problem` for every file.
    fn forge_index(d: &Dirs, problem: &str) {
        let path = index_file(d);
        let mut v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        for row in v["files"].as_array_mut().unwrap() {
            row[8] = problem.into();
        }
        std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    }

    /// Waits until the file system's clock has moved past `path`'s change time, so that
    /// a write now gives a different one (the test tells the listing it is later than it
    /// is, which the real clock never does).
    #[cfg(unix)]
    fn wait_for_a_tick(path: &Path) {
        use std::os::unix::fs::MetadataExt;
        let ctime = |p: &Path| {
            let m = std::fs::metadata(p).unwrap();
            (m.ctime(), m.ctime_nsec())
        };
        let probe = path.with_extension("probe");
        loop {
            std::fs::write(&probe, "").unwrap();
            if ctime(&probe) > ctime(path) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        std::fs::remove_file(probe).unwrap();
    }

    #[test]
    fn a_settled_unchanged_file_is_recalled_not_read() {
        let d = dirs();
        std::fs::write(d.profiles.join("a.json"), "{}").unwrap();
        // As if listed long after the file was written.
        let now = later(10);
        assert_eq!(problems(&d, now), [("a".into(), None)]);
        forge_index(&d, "remembered");
        assert_eq!(
            problems(&d, now),
            [("a".into(), Some("remembered".into()))],
            "the index answered, not the file"
        );
    }

    #[test]
    fn a_file_changed_too_close_to_its_check_is_read_again() {
        let d = dirs();
        std::fs::write(d.profiles.join("a.json"), "{}").unwrap();
        // Listed right after the write: the check is not trusted later.
        problems(&d, stamp::now());
        forge_index(&d, "remembered");
        assert_eq!(problems(&d, later(10)), [("a".into(), None)]);
        // That listing re-checked it when settled: the index is rewritten with the truth.
        forge_index(&d, "remembered");
        let recalled = problems(&d, later(10));
        assert_eq!(recalled, [("a".into(), Some("remembered".into()))]);
    }

    #[cfg(unix)]
    #[test]
    fn a_same_size_rewrite_with_the_old_mtime_is_read_again() {
        let d = dirs();
        let path = d.profiles.join("a.json");
        std::fs::write(&path, "{\"k\": 1}").unwrap();
        let now = later(10);
        assert_eq!(problems(&d, now), [("a".into(), None)]);
        let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
        wait_for_a_tick(&path);
        std::fs::write(&path, "{\"k\": ,}").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(mtime).unwrap();
        let listed = problems(&d, now);
        assert!(
            listed[0].1.as_deref().unwrap().contains("line 1"),
            "{listed:?}"
        );
    }

    #[test]
    fn an_index_is_written_only_when_it_would_change() {
        let d = dirs();
        std::fs::write(d.profiles.join("a.json"), "{}").unwrap();
        let now = later(10);
        problems(&d, now);
        let path = index_file(&d);
        // A key the index does not know: it survives only if the file is not rewritten.
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen('{', "{\"mark\":1,", 1)).unwrap();
        problems(&d, now);
        assert!(std::fs::read_to_string(&path).unwrap().contains("\"mark\""));
        std::fs::remove_file(d.profiles.join("a.json")).unwrap();
        assert!(problems(&d, now).is_empty());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"files\":[]"), "{text}");
    }

    #[test]
    fn without_an_index_dir_every_file_is_read() {
        let d = dirs();
        std::fs::write(d.profiles.join("a.json"), "[]").unwrap();
        let listed = list_at(&d.profiles, None, later(10));
        assert_eq!(listed[0].problem.as_deref(), Some("not a JSON object"));
        assert!(!d.index.exists());
    }
}
