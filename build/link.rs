//! How the `voxtune` binary is linked on Linux with glibc, for start-up time (measured
//! in BENCHMARKS.md, "First frame"). Each step applies only where it is known to work
//! and is left out otherwise, so a build never depends on it.

use std::env::var;
use std::path::Path;

pub fn configure(_out: &Path) {
    let target = |key: &str| var(format!("CARGO_CFG_TARGET_{key}")).unwrap_or_default();
    if target("OS") != "linux" || target("ENV") != "gnu" {
        return;
    }
    // Not position-independent: a PIE binary makes the loader apply ~27,000 relative
    // relocations at every start (0.2M instructions, 55 copy-on-write page faults).
    // The cost is that the executable's own code does not move with ASLR; its libraries,
    // heap and stacks still do.
    println!("cargo::rustc-link-arg-bins=-no-pie");
}
