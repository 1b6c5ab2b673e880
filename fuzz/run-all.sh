#!/usr/bin/env bash
# Runs every fuzz target for RUNS executions (default one million) and prints, per
# target, libFuzzer's closing line. cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets
# the stable toolchain accept them. Install once: cargo install cargo-fuzz --locked
set -euo pipefail
cd "$(dirname "$0")"
runs=${RUNS:-1000000}
for target in curl_import profile_parse schema_load response_parse; do
  mkdir -p "corpus/$target"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- -runs="$runs" -max_len=65536 2>&1 \
    | tee "/tmp/fuzz-$target.log" | grep -E '^Done|ERROR|panicked' || true
done
