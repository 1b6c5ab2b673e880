//! The benchmark harness itself runs: one very short pass of each measurement
//! (`cargo bench --bench voxtune_bench` runs them for real). No timing is asserted
//! here; timings stay out of `cargo test`.
#![allow(dead_code)]

#[path = "../benches/voxtune_bench/fixtures.rs"]
mod fixtures;
#[path = "../benches/voxtune_bench/mint.rs"]
mod mint;
#[path = "../benches/voxtune_bench/scale.rs"]
mod scale;
#[path = "../benches/voxtune_bench/screen.rs"]
mod screen;
#[path = "../benches/voxtune_bench/stats.rs"]
mod stats;

const BIN: &str = env!("CARGO_BIN_EXE_voxtune");

#[test]
fn screen_figures_run_once() {
    let plain = fixtures::first_run(BIN);
    assert_eq!(screen::floor(plain.path(), 1).runs, 1);
    assert_eq!(screen::first_frame(plain.path(), 1).runs, 1);
    let (mut tui, _) = screen::start(plain.path());
    assert_eq!(screen::keys_to_frame(&mut tui, &["tab"], 2).runs, 2);
    tui.key("5");
    assert_eq!(
        screen::keys_to_frame(&mut tui, &["right", "left"], 2).runs,
        2
    );
    screen::open_prompt_editor(&mut tui);
    assert_eq!(screen::keys_to_frame(&mut tui, &["a", "b"], 2).runs, 2);
    tui.key("esc");
    let idle = screen::idle(&tui, 1);
    assert!(idle.cpu_percent >= 0.0);
    if cfg!(target_os = "linux") {
        assert!(screen::peak_rss_kib(&tui).is_some_and(|kib| kib > 0));
    }
}

#[test]
fn scale_and_mint_figures_run_once() {
    let crowd = fixtures::many_profiles(BIN, 3);
    assert_eq!(scale::profiles_list(BIN, crowd.path(), 3, 1).runs, 1);
    assert_eq!(
        scale::profiles_list_unindexed(BIN, crowd.path(), 3, 1).runs,
        1
    );
    assert_eq!(screen::profiles_popup(crowd.path(), "p00001", 1).runs, 1);
    let synced = fixtures::doubled_schema(BIN);
    assert_eq!(screen::first_frame(synced.path(), 1).runs, 1);
    assert_eq!(scale::validation(3).runs, 3);
    let plain = fixtures::first_run(BIN);
    assert_eq!(mint::run(BIN, plain.path(), 1).voxtune.runs, 1);
}
