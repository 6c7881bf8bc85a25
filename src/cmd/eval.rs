//! `nergraph eval`: scores the recognizer `build` uses against gold files and
//! prints P/R/F1 per type with the most frequent errors, or one JSON object.

use std::process::ExitCode;

use anyhow::Context;
use nergraph::eval::{self, Format};
use nergraph::pipeline::PipelineOptions;

use super::load_pipeline;
use crate::cli::{EvalArgs, EvalFormat};

/// Run `eval`.
pub fn run(options: &PipelineOptions, args: EvalArgs) -> anyhow::Result<ExitCode> {
    if args.relations {
        run_relations(options, &args)
    } else {
        run_mentions(options, &args)
    }
}

/// Score `leads` relations against SmartData `OrganizationLeadership`.
fn run_relations(options: &PipelineOptions, args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let pipeline = load_pipeline(options)?;
    let mut docs = Vec::new();
    for file in &args.files {
        docs.extend(
            eval::relations::read(file).with_context(|| format!("reading {}", file.display()))?,
        );
    }
    let report = eval::relations::evaluate(&pipeline, &docs, args.gold_entities);
    if args.json {
        println!("{}", report.to_json());
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}

/// Score recognized mentions (exact span and type).
fn run_mentions(options: &PipelineOptions, args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let pipeline = load_pipeline(options)?;
    let format = args.format.map(|f| match f {
        EvalFormat::Germeval => Format::Germeval,
        EvalFormat::Conll => Format::Conll,
        EvalFormat::SpansJsonl => Format::SpansJsonl,
    });
    let mut docs = Vec::new();
    for file in &args.files {
        docs.extend(
            eval::read_corpus(file, format)
                .with_context(|| format!("reading {}", file.display()))?,
        );
    }
    let report = eval::evaluate(&pipeline, &docs);
    if args.json {
        println!("{}", report.to_json());
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}
