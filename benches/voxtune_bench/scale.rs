//! Figures that grow with the data: many profiles, whole-document validation.

use crate::stats::{Summary, summarize};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use voxtune::schema::Schema;

/// `voxtune profiles list` with `count` profiles on disk. After the first run the
/// profile index remembers every file's check: this is the everyday listing.
pub fn profiles_list(bin: &str, dir: &Path, count: usize, runs: usize) -> Summary {
    time_list(bin, dir, count, runs, false)
}

/// The same with the profile index removed before each run: every file is read, as on
/// the first listing (or after every profile changed).
pub fn profiles_list_unindexed(bin: &str, dir: &Path, count: usize, runs: usize) -> Summary {
    time_list(bin, dir, count, runs, true)
}

fn time_list(bin: &str, dir: &Path, count: usize, runs: usize, unindexed: bool) -> Summary {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            if unindexed {
                let _ = std::fs::remove_dir_all(dir.join("data/profile-index"));
            }
            let started = Instant::now();
            let out = Command::new(bin)
                .args(["profiles", "list"])
                .env("VOXTUNE_CONFIG_DIR", dir)
                .stderr(Stdio::null())
                .output()
                .unwrap();
            let elapsed = started.elapsed();
            assert_eq!(out.stdout.iter().filter(|b| **b == b'\n').count(), count);
            elapsed
        })
        .collect();
    summarize(&mut samples)
}

/// Validation of a whole document, in process.
pub fn validation(runs: usize) -> Summary {
    let schema = Schema::bundled();
    let doc = schema.defaults();
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let issues = schema.validate(std::hint::black_box(&doc));
            let elapsed = started.elapsed();
            assert!(issues.is_empty());
            elapsed
        })
        .collect();
    summarize(&mut samples)
}
