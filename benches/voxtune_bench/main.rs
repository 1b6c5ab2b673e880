//! voxtune's benchmark harness: `cargo bench --bench voxtune_bench` (add `-- --quick`
//! for one short pass, `-- --profiles` for the many-profiles rows alone). Prints a
//! markdown table for BENCHMARKS.md: medians and p95s, each time beside its floor
//! measured by the same harness in the same run, and each budget met or not.

mod fixtures;
mod mint;
mod scale;
mod screen;
mod startup;
mod stats;

use stats::{Summary, ms, ratio};
use std::time::Duration;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let runs = |full: usize| if quick { 3 } else { full };
    let bin = env!("CARGO_BIN_EXE_voxtune");
    let mut table = Table::default();
    // `-- --profiles`: the many-profiles rows alone.
    if std::env::args().any(|a| a == "--profiles") {
        profile_rows(&mut table, bin, quick);
        table.print();
        return;
    }

    let plain = fixtures::first_run(bin);
    if option(&args, "--only").as_deref() == Some("first-frame") {
        let runs = option(&args, "--runs").map_or(runs(30), |n| n.parse().expect("--runs N"));
        let builds: Vec<String> = std::iter::once(bin.to_string())
            .chain(options(&args, "--bin"))
            .collect();
        startup::run(plain.path(), &builds, runs);
        return;
    }
    let floor = screen::floor(plain.path(), runs(30));
    table.row(
        "floor: `printf` into the alternate screen",
        floor,
        None,
        "–",
        true,
    );
    let first = screen::first_frame(plain.path(), runs(30));
    let ok = first.median <= Duration::from_millis(10) && first.median <= floor.median * 2;
    table.row(
        "first frame",
        first,
        Some(floor),
        "≤ 10 ms and ≤ 2× floor",
        ok,
    );

    let (mut tui, _) = screen::start(plain.path());
    let tab = screen::keys_to_frame(&mut tui, &["tab"], runs(200));
    table.row(
        "key to frame: Tab to the next tab",
        tab,
        None,
        "p95 ≤ 1.5 ms",
        tab.p95 <= Duration::from_micros(1500),
    );
    tui.key("5");
    let slider = screen::keys_to_frame(&mut tui, &["right", "left"], runs(200));
    table.row(
        "key to frame: → on a slider",
        slider,
        None,
        "p95 ≤ 1.5 ms",
        slider.p95 <= Duration::from_micros(1500),
    );
    screen::open_prompt_editor(&mut tui);
    let typed = screen::keys_to_frame(&mut tui, &["a", "b"], runs(200));
    table.row(
        "key to frame: a character in the system prompt",
        typed,
        None,
        "p95 ≤ 1.5 ms",
        typed.p95 <= Duration::from_micros(1500),
    );
    tui.key("esc");
    let idle = screen::idle(&tui, if quick { 1 } else { 10 });
    let rss = screen::peak_rss_kib(&tui).unwrap_or(0);
    drop(tui);

    let (big, big_name) = fixtures::one_mib_prompt(bin);
    let (mut tui, _) = screen::start_with(big.path(), &["--profile", &big_name]);
    screen::open_prompt_editor(&mut tui);
    let typed_big = screen::keys_to_frame(&mut tui, &["a", "b"], runs(200));
    table.row(
        "key to frame: a character in a 1 MiB prompt",
        typed_big,
        None,
        "p95 ≤ 5 ms",
        typed_big.p95 <= Duration::from_millis(5),
    );
    drop(tui);

    profile_rows(&mut table, bin, quick);

    let synced = fixtures::doubled_schema(bin);
    let first_big = screen::first_frame(synced.path(), runs(30));
    table.row(
        "first frame, synced schema twice the bundled size",
        first_big,
        Some(floor),
        "–",
        true,
    );
    let validation = scale::validation(runs(10_000));
    table.row(
        "validate a whole document (in process)",
        validation,
        None,
        "–",
        true,
    );

    let mint = mint::run(bin, plain.path(), runs(200));
    let mint_ok = mint.curl.is_none_or(|c| mint.voxtune.median <= c.median);
    table.row(
        "`voxtune mint`, local server",
        mint.voxtune,
        mint.curl,
        "no slower than curl",
        mint_ok,
    );
    table.print();

    println!();
    println!("| figure | value | budget | met |");
    println!("|---|---|---|---|");
    println!(
        "| idle CPU over {} s | {:.2} % | 0.0 % | {} |",
        idle.secs,
        idle.cpu_percent,
        yes(idle.cpu_percent == 0.0)
    );
    println!(
        "| bytes written while idle | {} | 0 | {} |",
        idle.bytes,
        yes(idle.bytes == 0)
    );
    println!(
        "| peak RSS | {:.1} MiB | ≤ 10 MiB | {} |",
        rss as f64 / 1024.0,
        yes(rss <= 10 * 1024)
    );
}

/// `profiles list` (with its index, then without) and the Ctrl-P popup over many profiles.
fn profile_rows(table: &mut Table, bin: &str, quick: bool) {
    let runs = |full: usize| if quick { 3 } else { full };
    let many = if quick { 200 } else { 10_000 };
    let crowd = fixtures::many_profiles(bin, many);
    // The index trusts no file changed within 2 s of a listing (a timestamp tick may
    // hide a later write): let the new files settle, and list once to build the index,
    // so that the timed runs are the everyday listing.
    std::thread::sleep(Duration::from_millis(2100));
    scale::profiles_list(bin, crowd.path(), many, 1);
    let list = scale::profiles_list(bin, crowd.path(), many, runs(30));
    table.row(
        &format!("`profiles list`, {many} profiles"),
        list,
        None,
        "≤ 50 ms",
        list.median <= Duration::from_millis(50),
    );
    let unindexed = scale::profiles_list_unindexed(bin, crowd.path(), many, runs(30));
    table.row(
        &format!("`profiles list`, {many} profiles, no index (first listing)"),
        unindexed,
        None,
        "–",
        true,
    );
    let popup = screen::profiles_popup(crowd.path(), "p00001", runs(10));
    table.row(
        &format!("profiles popup (Ctrl-P), {many} profiles"),
        popup,
        None,
        "–",
        true,
    );
}

/// The value after the first `name` on the command line.
fn option(args: &[String], name: &str) -> Option<String> {
    options(args, name).next()
}

/// The values after every `name` on the command line.
fn options<'a>(args: &'a [String], name: &'a str) -> impl Iterator<Item = String> + 'a {
    args.windows(2)
        .filter(move |w| w[0] == name)
        .map(|w| w[1].clone())
}

fn yes(ok: bool) -> &'static str {
    if ok { "yes" } else { "**no**" }
}

#[derive(Default)]
struct Table {
    rows: Vec<String>,
}

impl Table {
    fn row(&mut self, name: &str, s: Summary, floor: Option<Summary>, budget: &str, ok: bool) {
        let (floor_text, ratio_text) = match floor {
            Some(f) => (ms(f.median), ratio(s.median, f.median)),
            None => ("–".into(), "–".into()),
        };
        let met = if budget == "–" { "–" } else { yes(ok) };
        self.rows.push(format!(
            "| {name} | {} | {} | {floor_text} | {ratio_text} | {budget} | {met} | {} |",
            ms(s.median),
            ms(s.p95),
            s.runs
        ));
    }

    fn print(&self) {
        println!("| figure | median | p95 | floor / curl | ratio | budget | met | runs |");
        println!("|---|---|---|---|---|---|---|---|");
        for r in &self.rows {
            println!("{r}");
        }
    }
}
