//! `nergraph build`: the main job. Reads the inputs, builds the graph and
//! writes graph.dot, nodes.csv and edges.csv (and with `--html`, graph.html)
//! into the output directory.

use std::process::ExitCode;

use anyhow::Context;
use nergraph::export::{self, ExportOptions};
use nergraph::graph::GraphBuilder;
use nergraph::pipeline::PipelineOptions;

use super::{load_pipeline, open_inputs, Problems};
use crate::cli::BuildArgs;

/// Run `build`.
pub fn run(options: &PipelineOptions, args: BuildArgs) -> anyhow::Result<ExitCode> {
    let pipeline = load_pipeline(options)?;
    let mut problems = Problems::default();
    let mut builder = GraphBuilder::new();
    let mut failed = Vec::new();
    pipeline.for_each_analysis(
        open_inputs(&args.inputs),
        |a| {
            problems.warnings(&a.doc);
            builder.add_document(&a.doc.id, &a.resolved, &a.relations);
        },
        |e| failed.push(e),
    );
    for e in failed {
        problems.error(e);
    }
    let documents = builder.documents();
    let graph = builder.finish();
    let export_options = ExportOptions {
        no_cooccurrence: args.no_cooccurrence,
    };
    export::write_default(&graph, &args.output, &export_options)
        .with_context(|| format!("writing to {}", args.output.display()))?;
    if args.html {
        let path = args.output.join("graph.html");
        export::write_atomic(&path, |w| export::html::write(&graph, &export_options, w))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    eprintln!(
        "nergraph: {} documents, {} entities, {} edges -> {}",
        documents,
        graph.graph.node_count(),
        graph.graph.edge_count(),
        args.output.display()
    );
    Ok(problems.exit_code())
}
