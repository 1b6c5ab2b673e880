//! How the `voxtune` binary is linked on Linux with glibc, for start-up time (measured
//! in BENCHMARKS.md, "First frame"). Each step applies only where it is known to work
//! and is left out otherwise, so a build never depends on it.

use std::env::var;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn configure(out: &Path) {
    let target = |key: &str| var(format!("CARGO_CFG_TARGET_{key}")).unwrap_or_default();
    if target("OS") != "linux" || target("ENV") != "gnu" {
        return;
    }
    // Not position-independent: a PIE binary makes the loader apply ~27,000 relative
    // relocations at every start (0.2M instructions, 55 copy-on-write page faults).
    // The cost is that the executable's own code does not move with ASLR; its libraries,
    // heap and stacks still do.
    println!("cargo::rustc-link-arg-bins=-no-pie");
    if let Some(dir) = static_unwinder(out) {
        println!("cargo::rustc-link-arg-bins=-L{}", dir.display());
    }
}

/// A directory where the linker finds gcc's static unwinder (`libgcc_eh.a`, what
/// `-static-libgcc` links) under the name rustc asks for, `-lgcc_s`: the binary then
/// does not load `libgcc_s.so.1`, whose constructor probes the CPU with CPUID (a trap
/// to the hypervisor in a VM, ~4 µs each). Only for a native build whose C compiler has
/// the archive.
fn static_unwinder(out: &Path) -> Option<PathBuf> {
    if var("HOST").ok()? != var("TARGET").ok()? {
        return None;
    }
    println!("cargo::rerun-if-env-changed=CC");
    let cc = var("CC").unwrap_or_else(|_| "cc".into());
    let printed = Command::new(cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()?;
    let archive = PathBuf::from(String::from_utf8(printed.stdout).ok()?.trim());
    // A compiler without the file prints its bare name back.
    if !archive.is_absolute() || !archive.is_file() {
        return None;
    }
    let dir = out.join("unwind");
    std::fs::create_dir_all(&dir).ok()?;
    std::fs::copy(&archive, dir.join("libgcc_s.a")).ok()?;
    Some(dir)
}
