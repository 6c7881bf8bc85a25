//! The `nergraph` command: parses arguments and dispatches to one subcommand.

mod alloc;
mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// A faster allocator: the pipeline allocates many small, short-lived values
/// (tokens, mentions, evidence), and the system allocator spent about a fifth
/// of a build's time on them.
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("nergraph: error: {:#}", err);
            ExitCode::from(2)
        }
    }
}
