//! The command line, as clap sees it.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Default, Parser)]
#[command(
    name = "voxtune",
    version,
    about = "Tune voice-agent configurations and mint playground tokens",
    long_about = "Tune voice-agent configurations and mint playground tokens.\n\n\
        With no command, opens the editor on the last-used profile. Every command works \
        headless for scripts: exit 0 ok, 1 the work failed, 2 usage.",
    after_help = "Profiles and settings live in the config dir (VOXTUNE_CONFIG_DIR overrides it)."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line as clap parses it; with no arguments at all (the editor, as it
    /// is started most), the same result without clap: building its command tree (every
    /// subcommand and its help) cost 0.13 ms and 43 page faults before the first frame.
    pub fn from_env() -> Cli {
        if std::env::args_os().len() > 1 {
            Cli::parse()
        } else {
            Cli::default()
        }
    }
}

#[derive(Debug, Args, Clone, Default)]
pub struct Global {
    /// Profile to use (default: the last one opened, else `default`)
    #[arg(long, short = 'p', global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Environment from settings.toml (default: its `default_env`)
    #[arg(long, short = 'e', global = true, value_name = "NAME")]
    pub env: Option<String>,
    /// Base URL of the API, overriding the environment's and VOXTUNE_BASE_URL
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Colour theme for the editor (dark, light, high-contrast, or one of yours)
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the request body the profile sends (secrets redacted)
    Payload(PayloadArgs),
    /// Mint a token: print it alone on stdout
    Mint(MintArgs),
    /// Check a profile, a file or stdin against the schema; one line per problem
    Validate(ValidateArgs),
    /// Print the equivalent curl command
    Curl(CurlArgs),
    /// List, show, create, copy, rename, delete, import and export profiles
    #[command(subcommand)]
    Profiles(ProfilesCommand),
    /// The request schema: sync it from the server, show it, reset it
    #[command(subcommand)]
    Schema(SchemaCommand),
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    Completions { shell: clap_complete::Shell },
}

#[derive(Debug, Args)]
pub struct PayloadArgs {
    /// Change a field for this run only: a JSON pointer or dotted path, the value as JSON
    /// when it parses, else as a string (repeatable)
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// Show literal secrets instead of ***
    #[arg(long)]
    pub reveal_secrets: bool,
}

#[derive(Debug, Args)]
pub struct MintArgs {
    /// Change a field for this request only (repeatable), as for `payload`
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// Also put the token in the clipboard (system clipboard and OSC 52)
    #[arg(long)]
    pub copy: bool,
    /// Print the whole response, the decoded claims and the session id as JSON
    #[arg(long)]
    pub json: bool,
    /// Send even when the body fails local validation
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// A JSON file to check, or `-` for stdin (default: the profile)
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CurlArgs {
    /// Show literal secrets instead of ***
    #[arg(long)]
    pub reveal_secrets: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfilesCommand {
    /// List profiles: yours and the project's (.voxtune/profiles)
    List,
    /// Print a profile's file (secrets redacted unless --reveal-secrets)
    Show {
        name: String,
        #[arg(long)]
        reveal_secrets: bool,
    },
    /// Create a profile from the schema's defaults, another profile, or a preset
    New {
        name: String,
        /// Start from this profile
        #[arg(long, value_name = "NAME", conflicts_with = "preset")]
        from: Option<String>,
        /// Start from a built-in preset (phone, web, support)
        #[arg(long, value_name = "PRESET")]
        preset: Option<String>,
        /// Replace an existing profile of that name
        #[arg(long)]
        force: bool,
    },
    /// Copy profile A to a new profile B
    Copy {
        from: String,
        to: String,
        #[arg(long)]
        force: bool,
    },
    /// Rename profile A to B
    Rename {
        from: String,
        to: String,
        #[arg(long)]
        force: bool,
    },
    /// Change fields of a saved profile: PATH=VALUE as for --set (repeatable)
    Set {
        name: String,
        #[arg(value_name = "PATH=VALUE", required = true)]
        assignments: Vec<String>,
        /// Write even if the file changed on disk while it was being edited
        #[arg(long)]
        force: bool,
    },
    /// Delete a profile
    Delete { name: String },
    /// Import a JSON body or a curl command line from a file or `-` (stdin)
    Import {
        file: PathBuf,
        /// Name of the new profile (default: the file's name)
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        force: bool,
    },
    /// Print a profile for sharing (secrets redacted unless --reveal-secrets)
    Export {
        name: String,
        #[arg(long)]
        reveal_secrets: bool,
    },
    /// List the built-in presets
    Presets,
}

#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// Fetch {base_url}/openapi.json and use its request schema from now on
    Sync,
    /// Say which schema is in force and how it differs from the bundled one
    Show,
    /// Drop the synced schema and go back to the bundled one
    Reset,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::Parser;

    #[test]
    fn no_arguments_parse_to_the_default() {
        let parsed = Cli::try_parse_from(["voxtune"]).unwrap();
        assert_eq!(format!("{parsed:?}"), format!("{:?}", Cli::default()));
    }
}
