//! `nergraph train`: trains the tagger from the open corpora and writes the
//! model file; optionally reports cross-validated GermEval dev scores first.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use nergraph::eval::training::{
    cross_validate, load_germeval, load_training, parse_training_set, to_train_docs, write_model,
    CvData, WeightedDoc, GERMEVAL_WEIGHT, TRAINING_SET,
};
use nergraph::pipeline::PipelineOptions;
use nergraph::recognize::tagger::features::WordClasses;
use nergraph::recognize::tagger::train::{train, TrainOptions};

use super::load_pipeline;
use crate::cli::TrainArgs;

/// Run `train`.
pub fn run(options: &PipelineOptions, args: TrainArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let log = |msg: String| {
        eprintln!(
            "nergraph: [{:6.1}s] {}",
            started.elapsed().as_secs_f64(),
            msg
        )
    };
    if args.cv.is_some_and(|k| k < 2) {
        bail!("--cv needs at least 2 folds");
    }
    // the features come from lists and patterns alone
    let mut list_options = options.clone();
    list_options.recognizer.no_model = true;
    list_options.recognizer.model_path = None;
    list_options.recognizer.listed_first_names = false;
    let pipeline = load_pipeline(&list_options)?;
    let classes_text = std::fs::read_to_string(&args.word_classes)
        .with_context(|| format!("reading {}", args.word_classes.display()))?;
    let classes = WordClasses::parse(&classes_text, &args.word_classes.display().to_string())?;
    let set = match &args.training_set {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            parse_training_set(&text, &path.display().to_string())?
        }
        None => parse_training_set(TRAINING_SET, "data/models/training.tsv")?,
    };
    let gold = load_training(&args.corpora, &set).context("reading the training corpora")?;
    let mut docs = to_train_docs(&pipeline, &gold);
    drop(gold);
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.len())
        .sum();
    log(format!(
        "{} training documents, {} tokens",
        docs.len(),
        tokens
    ));
    let train_options = TrainOptions {
        bits: args.bits,
        epochs: args.epochs,
        seed: args.seed,
        runs: args.runs as usize,
    };
    if args.germeval_dev || args.cv.is_some() {
        let germeval = load_germeval(&args.corpora).context("reading GermEval dev")?;
        let weighted: Vec<_> = germeval
            .iter()
            .map(|d| WeightedDoc {
                doc: d.clone(),
                weight: GERMEVAL_WEIGHT,
                skip: Vec::new(),
            })
            .collect();
        let germeval_train = to_train_docs(&pipeline, &weighted);
        if let Some(k) = args.cv {
            let scratch = tempfile::tempdir().context("creating a scratch directory")?;
            let report = cross_validate(
                options,
                CvData {
                    base: &docs,
                    heldin: &germeval,
                    heldin_train: &germeval_train,
                },
                k,
                (train_options, &classes),
                scratch.path(),
                log,
            )?;
            println!("{}-fold cross-validation on GermEval dev:", k);
            print!("{}", report.to_text());
        }
        if args.germeval_dev {
            docs.extend(germeval_train);
        }
    }
    let model = train(&docs, &classes, train_options, |epoch, err| {
        log(format!(
            "epoch {}: {:.2}% of scored tokens wrong",
            epoch,
            100.0 * err
        ))
    });
    write_model(&model, &args.output)
        .with_context(|| format!("writing {}", args.output.display()))?;
    log(format!("model written to {}", args.output.display()));
    Ok(ExitCode::SUCCESS)
}
