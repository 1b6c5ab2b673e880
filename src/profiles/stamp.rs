//! What a file's metadata says about its bytes, and when that can be trusted.

use std::fs::Metadata;

/// How long before a check a file must have last changed for its remembered check to be
/// trusted. A file timestamp is a coarse clock (a kernel tick here, 1 s on ext3 and
/// HFS+, 2 s on FAT) that may lag the clock read at the start of a listing: a file
/// written just after it was read can keep the stamp it had when read. Git's fix
/// ("racy" entries) compares with the index file's own time, but the index lives on
/// another file system than the profiles. So an entry counts only if its file's newest
/// stamp is over two seconds older than the time its listing began, before any file was
/// read: any later write then stamps the file at least that late, which differs from
/// the remembered stamp. Files changed within the window are simply checked again.
/// (A network file system whose clock runs over 2 s behind this machine's is back to
/// git's guarantee: only a write in the very tick of the one before the check is missed.)
const SETTLE_SECS: i64 = 2;

/// A time as (seconds, nanoseconds) since the Unix epoch; the tuples order as times do.
pub type Time = (i64, u32);

pub fn now() -> Time {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    (since.as_secs() as i64, since.subsec_nanos())
}

/// What a file's metadata says about its bytes. On Unix the change time (`ctime`) is
/// the one a program cannot set: rewriting a file with bytes of the same length and
/// putting its mtime back still moves it. Elsewhere only length and mtime are kept, so
/// such a rewrite would go unseen there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub mtime: Time,
    pub ctime: Time,
    pub dev: u64,
    pub ino: u64,
}

impl Stamp {
    #[cfg(unix)]
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            len: meta.len(),
            mtime: (meta.mtime(), u32::try_from(meta.mtime_nsec()).ok()?),
            ctime: (meta.ctime(), u32::try_from(meta.ctime_nsec()).ok()?),
            dev: meta.dev(),
            ino: meta.ino(),
        })
    }

    #[cfg(not(unix))]
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        let since = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let mtime = (i64::try_from(since.as_secs()).ok()?, since.subsec_nanos());
        Some(Stamp {
            len: meta.len(),
            mtime,
            ctime: mtime,
            dev: 0,
            ino: 0,
        })
    }

    /// Whether the file last changed long enough before `checked_at` (see `SETTLE_SECS`).
    pub fn settled(&self, checked_at: Time) -> bool {
        let newest = self.mtime.max(self.ctime);
        newest < (checked_at.0.saturating_sub(SETTLE_SECS), checked_at.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_stamps_settled_before_the_check_count() {
        let stamp = Stamp {
            len: 2,
            mtime: (1, 0),
            ctime: (1, 0),
            dev: 3,
            ino: 4,
        };
        assert!(stamp.settled((1 + SETTLE_SECS, 1)));
        assert!(!stamp.settled((1 + SETTLE_SECS, 0)));
        let future = Stamp {
            mtime: (50, 0),
            ..stamp
        };
        assert!(
            !future.settled((10, 0)),
            "an mtime set ahead is never trusted"
        );
    }
}
