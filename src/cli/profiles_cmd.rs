//! `voxtune profiles …`

use super::args::ProfilesCommand;
use super::context::Context;
use super::document_cmds::{apply_sets, read_input, warn_problems};
use crate::profiles::{Origin, import, presets};
use crate::secrets;
use anyhow::{Context as _, Result, bail};
use std::io::Write as _;
use std::path::Path;

pub fn run(ctx: &Context, command: &ProfilesCommand) -> Result<()> {
    match command {
        ProfilesCommand::List => list(ctx),
        ProfilesCommand::Show {
            name,
            reveal_secrets,
        }
        | ProfilesCommand::Export {
            name,
            reveal_secrets,
        } => show(ctx, name, *reveal_secrets),
        ProfilesCommand::New {
            name,
            from,
            preset,
            force,
        } => new(ctx, name, from.as_deref(), preset.as_deref(), *force),
        ProfilesCommand::Copy { from, to, force } => {
            let path = ctx.store.copy(from, to, &ctx.schema, *force)?;
            eprintln!("copied `{from}` to `{to}` ({})", path.display());
            Ok(())
        }
        ProfilesCommand::Rename { from, to, force } => {
            let path = ctx.store.rename(from, to, *force)?;
            eprintln!("renamed `{from}` to `{to}` ({})", path.display());
            Ok(())
        }
        ProfilesCommand::Set {
            name,
            assignments,
            force,
        } => set(ctx, name, assignments, *force),
        ProfilesCommand::Delete { name } => {
            let path = ctx.store.delete(name)?;
            eprintln!("deleted `{name}` ({})", path.display());
            Ok(())
        }
        ProfilesCommand::Import { file, name, force } => {
            import_file(ctx, file, name.as_deref(), *force)
        }
        ProfilesCommand::Presets => {
            for p in presets::PRESETS {
                println!("{:<10} {}", p.name, p.description);
            }
            Ok(())
        }
    }
}

fn set(ctx: &Context, name: &str, assignments: &[String], force: bool) -> Result<()> {
    let loaded = ctx.store.load(name)?;
    let mut doc = loaded.value;
    apply_sets(&mut doc, assignments, &ctx.schema)?;
    let expected = (!force).then_some(loaded.fingerprint);
    ctx.store.save(name, &doc, &ctx.schema, expected)?;
    eprintln!("saved `{name}` ({})", loaded.path.display());
    warn_problems(ctx, name, &doc);
    Ok(())
}

fn list(ctx: &Context) -> Result<()> {
    let current = ctx.profile_name();
    let entries = ctx.store.list();
    let width = entries
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0);
    // Every project profile is in the one project dir: its label is made once.
    let project = ctx
        .store
        .project_dir
        .as_ref()
        .map(|d| format!("project ({})", d.display()))
        .unwrap_or_default();
    // A few writes for the whole list, not one per line (10,000 profiles are ~150 KB;
    // 64 KiB is a pipe's buffer).
    let mut out = std::io::BufWriter::with_capacity(64 << 10, std::io::stdout().lock());
    match write_list(&mut out, &entries, &current, width, &project).and_then(|()| out.flush()) {
        // `voxtune profiles list | head`: the reader has all it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// `project`: how project profiles are marked.
fn write_list(
    out: &mut impl std::io::Write,
    entries: &[crate::profiles::Entry],
    current: &str,
    width: usize,
    project: &str,
) -> std::io::Result<()> {
    for e in entries {
        let marker = if e.name == current { '*' } else { ' ' };
        let origin = match e.origin {
            Origin::User => "user",
            Origin::Project => project,
        };
        match &e.problem {
            None => writeln!(out, "{marker} {:<width$}  {origin}", e.name)?,
            Some(problem) => writeln!(
                out,
                "{marker} {:<width$}  {origin}  UNREADABLE: {problem}",
                e.name
            )?,
        }
    }
    Ok(())
}

fn show(ctx: &Context, name: &str, reveal: bool) -> Result<()> {
    let loaded = ctx.store.load(name)?;
    let shown = if reveal {
        loaded.value
    } else {
        secrets::redact(&ctx.schema.form, &loaded.value)
    };
    print!("{}", crate::profiles::render(&ctx.schema, &shown));
    Ok(())
}

fn new(
    ctx: &Context,
    name: &str,
    from: Option<&str>,
    preset: Option<&str>,
    force: bool,
) -> Result<()> {
    let (body, origin) = match (from, preset) {
        (Some(from), _) => (ctx.store.load(from)?.value, format!("from `{from}`")),
        (None, Some(p)) => match presets::find(p) {
            Some(preset) => (preset.body(), format!("from preset `{p}`")),
            None => bail!(
                "no preset named `{p}` (presets: {})",
                presets::names().join(", ")
            ),
        },
        (None, None) => (
            ctx.schema.defaults(),
            "from the schema's defaults".to_string(),
        ),
    };
    let path = ctx.store.create(name, &body, &ctx.schema, force)?;
    eprintln!("created `{name}` {origin} ({})", path.display());
    note_literal_secrets(ctx, &body);
    Ok(())
}

fn import_file(ctx: &Context, file: &Path, name: Option<&str>, force: bool) -> Result<()> {
    let text = read_input(file)?;
    let imported =
        import::import(&text).with_context(|| format!("cannot import {}", file.display()))?;
    let name = match name {
        Some(n) => n.to_string(),
        None => default_import_name(file),
    };
    let path = ctx
        .store
        .create(&name, &imported.body, &ctx.schema, force)?;
    eprintln!("imported `{name}` ({})", path.display());
    if let Some(url) = &imported.url {
        eprintln!("  the curl command sent it to {url}");
    }
    let problems = ctx.schema.validate(&imported.body).len();
    if problems > 0 {
        eprintln!("  {problems} field(s) need attention: `voxtune validate --profile {name}`");
    }
    note_literal_secrets(ctx, &imported.body);
    Ok(())
}

fn default_import_name(file: &Path) -> String {
    file.file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-" && crate::profiles::name::check(s).is_ok())
        .unwrap_or("imported")
        .to_string()
}

fn note_literal_secrets(ctx: &Context, body: &serde_json::Value) {
    if secrets::has_literal_secret(&ctx.schema.form, body) {
        eprintln!(
            "  it holds a literal secret, so the file is readable by you alone (0600); prefer ${{VAR}} references"
        );
    }
}
