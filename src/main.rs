use std::process::ExitCode;
use voxtune::cli::{self, args::Cli};

fn main() -> ExitCode {
    let cli = Cli::from_env();
    let result = match cli::run(&cli) {
        Ok(true) => Ok(()),
        // No subcommand: the editor.
        Ok(false) => voxtune::tui::run(&cli.global),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}
