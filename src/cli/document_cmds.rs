//! `payload` and `validate`: the document as it would be sent, and what is wrong with it.

use super::args::{PayloadArgs, ValidateArgs};
use super::context::Context;
use crate::document;
use crate::profiles::import;
use crate::schema::Schema;
use crate::secrets;
use anyhow::{Context as _, Result, bail};
use serde_json::Value;
use std::io::Read;
use std::path::Path;

/// Applies `--set PATH=VALUE` arguments in order.
pub fn apply_sets(doc: &mut Value, sets: &[String], schema: &Schema) -> Result<()> {
    for arg in sets {
        let (pointer, value) = document::parse_assignment(arg)?;
        if schema.field(&pointer).is_none() {
            eprintln!(
                "warning: --set {pointer}: the schema has no such field (kept, flagged by validate)"
            );
        }
        document::set(doc, &pointer, value)?;
    }
    Ok(())
}

/// The profile's body with --set applied, as the request would carry it.
pub fn body_for_request(ctx: &Context, sets: &[String]) -> Result<(String, Value)> {
    let loaded = ctx.load_profile()?;
    let mut doc = loaded.value;
    apply_sets(&mut doc, sets, &ctx.schema)?;
    Ok((loaded.name, ctx.schema.order(&doc)))
}

pub fn payload(ctx: &Context, args: &PayloadArgs) -> Result<()> {
    let (name, doc) = body_for_request(ctx, &args.set)?;
    let shown = if args.reveal_secrets {
        doc.clone()
    } else {
        secrets::redact(&ctx.schema.form, &doc)
    };
    println!("{}", serde_json::to_string_pretty(&shown)?);
    warn_problems(ctx, &name, &doc);
    Ok(())
}

/// One stderr line naming the first problems, so a script's log shows what to fix.
pub fn warn_problems(ctx: &Context, name: &str, doc: &Value) {
    let issues = ctx.schema.validate(doc);
    if issues.is_empty() {
        return;
    }
    let mut named: Vec<&str> = issues.iter().take(3).map(|i| i.pointer.as_str()).collect();
    if issues.len() > 3 {
        named.push("…");
    }
    eprintln!(
        "warning: profile `{name}` has {} validation problem(s) ({}): see `voxtune validate --profile {name}`",
        issues.len(),
        named.join(", ")
    );
}

pub fn validate(ctx: &Context, args: &ValidateArgs) -> Result<()> {
    let (what, doc) = match &args.file {
        Some(path) => (describe(path), read_document(path)?),
        None => {
            let loaded = ctx.load_profile()?;
            (format!("profile `{}`", loaded.name), loaded.value)
        }
    };
    let issues = ctx.schema.validate(&doc);
    for issue in &issues {
        println!("{issue}");
    }
    match issues.len() {
        0 => {
            println!("{what} is valid");
            Ok(())
        }
        n => bail!("{what} has {n} problem(s)"),
    }
}

fn describe(path: &Path) -> String {
    if path == Path::new("-") {
        "stdin".into()
    } else {
        path.display().to_string()
    }
}

/// Reads a JSON body or a curl command from a file or `-` (stdin).
pub fn read_input(path: &Path) -> Result<String> {
    let mut text = String::new();
    if path == Path::new("-") {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read stdin")?;
    } else {
        text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(text)
}

fn read_document(path: &Path) -> Result<Value> {
    let text = read_input(path)?;
    let imported = import::import(&text).with_context(|| describe(path))?;
    Ok(imported.body)
}
