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

/// Fetches `{base_url}/openapi.json`; caches it only when it describes the token
/// endpoint, so a wrong server never replaces a working schema.
pub fn sync(ctx: &Context) -> Result<()> {
    let env = ctx.environment()?;
    let url = format!("{}/openapi.json", env.base_url.trim_end_matches('/'));
    let bytes = super::mint_cmd::runtime()?.block_on(async {
        let client = crate::api::build_client()?;
        let lookup = |v: &str| std::env::var(v).ok();
        crate::api::fetch_text(&client, &url, &env, lookup, MAX_SCHEMA_BYTES).await
    })?;
    let text = String::from_utf8(bytes).context("the server's openapi.json is not UTF-8 text")?;
    let path = ctx.paths.data.join(CACHE_FILE);
    let synced = Schema::from_text(&text, Source::Cached(path.clone()))
        .with_context(|| format!("{url} cannot be used; the schema in force is unchanged"))?;
    crate::atomic::create_private_dir(&ctx.paths.data)?;
    crate::atomic::write(&path, text.as_bytes(), false)?;
    let changes = diff::diff(&Schema::bundled().root, &synced.root);
    eprintln!(
        "synced the schema from {url} ({} fields); cached at {}",
        synced.root.leaves().len(),
        path.display()
    );
    for c in &changes {
        println!("  {c}");
    }
    if changes.is_empty() {
        eprintln!("  same fields and values as the bundled schema");
    }
    Ok(())
}

const MAX_SCHEMA_BYTES: u64 = 16 * 1024 * 1024;
