//! `--only first-frame`: the floor and the first frame alone, to iterate on start-up
//! without the rest of the run. The samples are interleaved (the floor and each build,
//! round after round, each round starting one further along), so a burst of load on a
//! shared machine lands on all of them alike and none always runs right after another;
//! `--bin PATH` (repeatable) adds another build of voxtune to compare.

use crate::screen;
use crate::stats::{Summary, ms, ratio, summarize};
use std::path::Path;
use std::time::Duration;

pub fn run(config: &Path, builds: &[String], runs: usize) {
    let mut floor = Vec::with_capacity(runs);
    let mut frames: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); builds.len()];
    let programs = builds.len() + 1;
    for round in 0..runs {
        for turn in 0..programs {
            match (round + turn) % programs {
                0 => floor.push(screen::floor_once(config)),
                b => frames[b - 1].push(screen::start_program(&builds[b - 1], config, &[]).1),
            }
        }
    }
    let floor = summarize(&mut floor);
    println!("| figure | median | p95 | floor | ratio | runs |");
    println!("|---|---|---|---|---|---|");
    row("floor: `printf` into the alternate screen", floor, None);
    for (build, samples) in builds.iter().zip(&mut frames) {
        row(
            &format!("first frame: `{build}`"),
            summarize(samples),
            Some(floor),
        );
    }
}

fn row(name: &str, s: Summary, floor: Option<Summary>) {
    let (floor_text, ratio_text) = match floor {
        Some(f) => (ms(f.median), ratio(s.median, f.median)),
        None => ("–".into(), "–".into()),
    };
    println!(
        "| {name} | {} | {} | {floor_text} | {ratio_text} | {} |",
        ms(s.median),
        ms(s.p95),
        s.runs
    );
}
