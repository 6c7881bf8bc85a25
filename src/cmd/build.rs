//! `nergraph build`: the main job. Reads the inputs, builds the graph and
//! writes the requested formats (default graph.dot, nodes.csv and
//! edges.csv; `--html` adds graph.html) into the output directory.

use std::process::ExitCode;

use anyhow::Context;
use nergraph::export::{self, ExportOptions, Format};
use nergraph::graph::{Filter, GraphBuilder};
use nergraph::pipeline::{Depth, PipelineOptions};

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
        if args.cooccurrence_only {
            Depth::CoOccurrence
        } else {
            Depth::Relations
        },
        |a| {
            problems.warnings(&a.doc);
            builder.add_document_owned(&a.doc.id, &a.resolved, a.relations);
        },
        |e| failed.push(e),
    );
    for e in failed {
        problems.error(e);
    }
    let documents = builder.documents();
    let graph = builder.finish_with(|name| pipeline.recognizer().company_name(name));
    let export_options = ExportOptions {
        no_cooccurrence: args.no_cooccurrence,
        excel: args.excel,
        cluster_by_type: args.cluster_by_type,
        filter: Filter {
            min_weight: args.min_weight,
            top: args.top,
            types: args.types.clone(),
            ego: args.ego.clone(),
            depth: args.depth,
            no_cooccurrence: args.no_cooccurrence,
        },
        render: args.render,
    };
    let mut formats = args.format.clone();
    if args.html {
        formats.push(Format::Html);
    }
    let written = export::write(&graph, &formats, &args.output, &export_options)
        .with_context(|| format!("writing to {}", args.output.display()))?;
    let names: Vec<String> = written
        .iter()
        .map(|p| {
            p.strip_prefix(&args.output)
                .unwrap_or(p)
                .display()
                .to_string()
        })
        .collect();
    eprintln!(
        "nergraph: {} documents, {} entities, {} edges -> {} ({})",
        documents,
        graph.graph.node_count(),
        graph.graph.edge_count(),
        args.output.display(),
        names.join(", ")
    );
    Ok(problems.exit_code())
}
