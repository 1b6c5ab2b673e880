//! Figures that grow with the data: many profiles, whole-document validation.

use crate::stats::{Summary, summarize};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use voxtune::schema::Schema;

/// `voxtune profiles list` with `count` profiles on disk.
pub fn profiles_list(bin: &str, dir: &std::path::Path, count: usize, runs: usize) -> Summary {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
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
