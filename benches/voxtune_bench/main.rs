//! voxtune's benchmark harness: `cargo bench --bench voxtune_bench` (add `-- --quick`
//! for one short pass). Prints a markdown table for BENCHMARKS.md; each time beside
//! its floor, measured by the same harness in the same run.

mod mint;
mod scale;
mod stats;

use stats::{Summary, ms, ratio};

struct Options {
    quick: bool,
}

fn main() {
    let opts = Options {
        quick: std::env::args().any(|a| a == "--quick"),
    };
    let bin = env!("CARGO_BIN_EXE_voxtune");
    let runs = |full: usize| if opts.quick { 3 } else { full };
    println!("| figure | median | p95 | floor / reference | ratio | runs |");
    println!("|---|---|---|---|---|---|");

    let config = tempfile::tempdir().unwrap();
    let mint = mint::run(bin, config.path(), runs(200));
    match mint.curl {
        Some(curl) => row(
            "mint round trip (voxtune mint)",
            mint.voxtune,
            Some(("curl, same body", curl)),
        ),
        None => row("mint round trip (voxtune mint)", mint.voxtune, None),
    }
    let count = if opts.quick { 200 } else { 10_000 };
    row(
        &format!("profiles list, {count} profiles"),
        scale::profiles_list(bin, count, runs(30)),
        None,
    );
    row(
        "validate a whole document (in process)",
        scale::validation(runs(10_000)),
        None,
    );
}

fn row(name: &str, s: Summary, floor: Option<(&str, Summary)>) {
    let (floor_text, ratio_text) = match floor {
        Some((label, f)) => (
            format!("{label}: {}", ms(f.median)),
            ratio(s.median, f.median),
        ),
        None => ("–".into(), "–".into()),
    };
    println!(
        "| {name} | {} | {} | {floor_text} | {ratio_text} | {} |",
        ms(s.median),
        ms(s.p95),
        s.runs
    );
}
