//! Subcommands, one file each; [`run`] dispatches.

mod build;
mod entities;
mod eval;
mod evidence;
mod train;

use std::process::ExitCode;

use nergraph::lexicon::DataSource;
use nergraph::pipeline::{Pipeline, PipelineOptions};
use nergraph::read::{Input, Inputs};
use nergraph::recognize::RecognizerOptions;

use crate::cli::{Cli, Command};

/// Where articles are read from when no INPUT is given.
pub const DEFAULT_INPUT: &str = "data/articles";

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let options = PipelineOptions {
        data: match &cli.data {
            Some(d) => DataSource::from_dir(d),
            None => DataSource::builtin(),
        },
        recognizer: RecognizerOptions {
            no_model: cli.no_model,
            model_path: cli.model.clone(),
            listed_first_names: cli.no_model,
        },
    };
    match cli.command {
        Command::Build(args) => build::run(&options, args),
        Command::Entities(args) => entities::run(&options, args),
        Command::Eval(args) => eval::run(&options, args),
        Command::Evidence(args) => evidence::run(&options, args),
        Command::Train(args) => train::run(&options, args),
    }
}

/// Load the pipeline, with context for errors.
pub fn load_pipeline(options: &PipelineOptions) -> anyhow::Result<Pipeline> {
    use anyhow::Context;
    Pipeline::new(options).context("loading data files")
}

/// The document stream of the command-line inputs (default: data/articles/).
pub fn open_inputs(args: &[String]) -> Inputs {
    if args.is_empty() {
        Inputs::new([Input::from_arg(DEFAULT_INPUT)])
    } else {
        Inputs::new(args.iter().map(|a| Input::from_arg(a)))
    }
}

/// Counts input failures and prints them (and warnings) to stderr.
#[derive(Default)]
pub struct Problems {
    /// Number of inputs that failed.
    pub failed: usize,
}

impl Problems {
    /// Report an input that failed.
    pub fn error(&mut self, err: nergraph::Error) {
        eprintln!("nergraph: error: {}", err);
        self.failed += 1;
    }

    /// Report a document's warnings.
    pub fn warnings(&mut self, doc: &nergraph::read::Document) {
        for w in &doc.warnings {
            eprintln!("nergraph: warning: {}: {}", doc.id, w);
        }
    }

    /// The exit code: failure when any input failed.
    pub fn exit_code(&self) -> ExitCode {
        if self.failed > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}
