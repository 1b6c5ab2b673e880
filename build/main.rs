//! Build script: parses the bundled OpenAPI document, the form layout and the built-in
//! themes with the program's own code (the `#[path]` modules below), and writes Rust
//! that constructs the results; and sets how the binary is linked (`link.rs`). Start-up then parses none of it: the JSON and TOML
//! parse and the tree and form building were over half the work before the first
//! frame (BENCHMARKS.md, "First frame"). A schema synced from a server is still parsed
//! at run time, by the same modules.
#![allow(dead_code)] // the shared modules hold more than this script calls

#[path = "../src/document.rs"]
mod document;
#[path = "../src/schema/field.rs"]
mod field;
#[path = "../src/schema/form.rs"]
mod form;
#[path = "../src/schema/layout.rs"]
mod layout;
#[path = "../src/schema/load.rs"]
mod load;

mod codegen;
mod link;
mod themes;

use codegen::Rust;
use std::path::{Path, PathBuf};

const SCHEMA: &str = "assets/openapi.json";

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for path in [
        SCHEMA,
        "assets/form.toml",
        "build",
        "src/document.rs",
        "src/schema/field.rs",
        "src/schema/form.rs",
        "src/schema/layout.rs",
        "src/schema/load.rs",
        themes::DIR,
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    write(&out.join("bundled_schema.rs"), &bundled_schema());
    write(&out.join("built_in_themes.rs"), &themes::generate());
    link::configure(&out);
}

/// `layout()`, `root()` and `form()`: what `Layout::parse` and `Schema::from_text`
/// make of the bundled files.
fn bundled_schema() -> String {
    let text = std::fs::read_to_string(SCHEMA).expect("read the bundled schema");
    let root = load::parse_document(&text).expect("the bundled schema parses");
    let layout = layout::Layout::parse(layout::BUNDLED_LAYOUT).expect("form.toml parses");
    let form = form::Form::build(&root, &layout);
    format!(
        "pub fn layout() -> Layout {{ {} }}\n\
         pub fn root() -> Field {{ {} }}\n\
         pub fn form() -> Form {{ {} }}\n",
        layout.rust(),
        root.rust(),
        form.rust()
    )
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}
