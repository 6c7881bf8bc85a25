//! `nergraph entities`: every recognized mention, as a table or JSONL.

use std::io::Write;
use std::process::ExitCode;

use nergraph::pipeline::{Analysis, Depth, PipelineOptions};
use serde::Serialize;

use super::{load_pipeline, open_inputs, Problems};
use crate::cli::{EntitiesArgs, EntitiesFormat};

#[derive(Serialize)]
struct Row<'a> {
    doc: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    etype: &'a str,
    entity: &'a str,
    label: &'a str,
}

fn rows(a: &Analysis) -> impl Iterator<Item = Row<'_>> {
    a.recognized.mentions.iter().enumerate().map(move |(i, m)| {
        let e = &a.resolved.entities[a.resolved.mention_entity[i]];
        Row {
            doc: &a.doc.id,
            sentence: m.sentence,
            start: a.chars.char_at(m.start),
            end: a.chars.char_at(m.end),
            text: m.text(&a.doc.text),
            etype: m.etype.as_str(),
            entity: &e.id,
            label: &e.label,
        }
    })
}

/// Run `entities`.
pub fn run(options: &PipelineOptions, args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let pipeline = load_pipeline(options)?;
    let mut problems = Problems::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut result: std::io::Result<()> = Ok(());
    let mut failed = Vec::new();
    pipeline.for_each_analysis(
        open_inputs(&args.inputs),
        Depth::Entities,
        |a| {
            problems.warnings(&a.doc);
            if result.is_err() {
                return;
            }
            for row in rows(&a) {
                let r = match args.format {
                    EntitiesFormat::Jsonl => serde_json::to_writer(&mut out, &row)
                        .map_err(std::io::Error::other)
                        .and_then(|_| writeln!(out)),
                    EntitiesFormat::Table => writeln!(
                        out,
                        "{}\t{}\t{}-{}\t{}\t{}\t{}",
                        row.doc, row.sentence, row.start, row.end, row.etype, row.text, row.entity
                    ),
                };
                if let Err(e) = r {
                    result = Err(e);
                    return;
                }
            }
        },
        |e| failed.push(e),
    );
    result?;
    out.flush()?;
    for e in failed {
        problems.error(e);
    }
    Ok(problems.exit_code())
}
