//! `voxtune schema show|reset` (and `sync`, which talks to the server).

use super::context::Context;
use crate::schema::{CACHE_FILE, Schema, Source, diff};
use anyhow::{Context as _, Result};

pub fn show(ctx: &Context) -> Result<()> {
    match &ctx.schema.source {
        Source::Bundled => println!(
            "schema in force: bundled with voxtune {}",
            env!("CARGO_PKG_VERSION")
        ),
        Source::Cached(path) => println!(
            "schema in force: synced from the server, cached at {}",
            path.display()
        ),
    }
    let fields = ctx.schema.root.leaves().len();
    println!("{fields} fields");
    if ctx.schema.source != Source::Bundled {
        let changes = diff::diff(&Schema::bundled().root, &ctx.schema.root);
        if changes.is_empty() {
            println!("same fields and values as the bundled schema");
        } else {
            println!("compared with the bundled schema:");
            for c in changes {
                println!("  {c}");
            }
        }
    }
    Ok(())
}

pub fn reset(ctx: &Context) -> Result<()> {
    let path = ctx.paths.data.join(CACHE_FILE);
    if !path.exists() {
        eprintln!("no synced schema: the bundled one is in force");
        return Ok(());
    }
    std::fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
    eprintln!("removed {}: the bundled schema is in force", path.display());
    Ok(())
}
