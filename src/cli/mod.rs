//! The headless commands, dispatched from the parsed command line.

pub mod args;
pub mod context;
pub mod curl_cmd;
pub mod document_cmds;
pub mod mint_cmd;
pub mod profiles_cmd;
pub mod schema_cmd;

use anyhow::Result;
use args::{Cli, Command, SchemaCommand};
use clap::CommandFactory;
use context::Context;

/// Runs a headless command. `Ok(false)` means no command was given: open the editor.
pub fn run(cli: &Cli) -> Result<bool> {
    let Some(command) = &cli.command else {
        return Ok(false);
    };
    if let Command::Completions { shell } = command {
        clap_complete::generate(
            *shell,
            &mut Cli::command(),
            "voxtune",
            &mut std::io::stdout(),
        );
        return Ok(true);
    }
    let ctx = Context::new(cli.global.clone())?;
    match command {
        Command::Payload(a) => document_cmds::payload(&ctx, a)?,
        Command::Validate(a) => document_cmds::validate(&ctx, a)?,
        Command::Profiles(p) => profiles_cmd::run(&ctx, p)?,
        Command::Schema(SchemaCommand::Show) => schema_cmd::show(&ctx)?,
        Command::Schema(SchemaCommand::Reset) => schema_cmd::reset(&ctx)?,
        Command::Schema(SchemaCommand::Sync) => schema_cmd::sync(&ctx)?,
        Command::Mint(a) => mint_cmd::mint(&ctx, a)?,
        Command::Curl(a) => curl_cmd::curl(&ctx, a)?,
        Command::Completions { .. } => unreachable!("handled above"),
    }
    Ok(true)
}
