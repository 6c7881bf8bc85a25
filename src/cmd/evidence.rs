//! `nergraph evidence ENTITY [ENTITY] [INPUT...]`: the sentences behind a
//! node (every relation it takes part in) or an edge (the relations between
//! two entities), found by re-running the pipeline over the inputs.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use nergraph::pipeline::{Analysis, Depth, PipelineOptions};
use nergraph::relate::{Relation, RelationKind};
use nergraph::resolve::Entity;
use nergraph::text::fold;
use serde::Serialize;

use super::{load_pipeline, open_inputs, Problems};
use crate::cli::{EntitiesFormat, EvidenceArgs};

/// Whether `e` is what the user asked for: its id, label, an alias, or the
/// last word of its label ("Stoltenberg"), case-insensitively.
fn matches(e: &Entity, query: &str) -> bool {
    let q = fold(query.trim());
    &*e.id == query.trim()
        || fold(&e.label) == q
        || e.aliases.iter().any(|a| fold(a) == q)
        || fold(&e.label)
            .rsplit(' ')
            .next()
            .is_some_and(|last| last == q && e.label.contains(' '))
}

#[derive(Serialize)]
struct Row<'a> {
    doc: &'a str,
    date: Option<&'a str>,
    sentence: usize,
    sentence_start: usize,
    sentence_end: usize,
    relation: &'static str,
    source: Option<&'a str>,
    target: &'a str,
    source_label: Option<&'a str>,
    target_label: &'a str,
    cameo: Option<&'a str>,
    trigger: Option<&'a str>,
    trigger_span: Option<(usize, usize)>,
    role: Option<&'a str>,
    former: bool,
    reported: bool,
    text: &'a str,
}

fn label<'a>(a: &'a Analysis, id: &str) -> &'a str {
    a.resolved
        .entities
        .iter()
        .find(|e| &*e.id == id)
        .map_or("", |e| e.label.as_str())
}

/// The relations of one analysis that involve the queried entities.
fn selected<'a>(a: &'a Analysis, queries: &[String]) -> Vec<&'a Relation> {
    let ids: Vec<Vec<&str>> = queries
        .iter()
        .map(|q| {
            a.resolved
                .entities
                .iter()
                .filter(|e| matches(e, q))
                .map(|e| &*e.id)
                .collect()
        })
        .collect();
    if ids.iter().any(Vec::is_empty) {
        return Vec::new();
    }
    let has = |which: &Vec<&str>, id: Option<&str>| id.is_some_and(|i| which.contains(&i));
    a.relations
        .iter()
        .filter(|r| {
            let (s, t) = (r.source.as_deref(), Some(&*r.target));
            match ids.as_slice() {
                [one] => has(one, s) || has(one, t),
                [x, y] => (has(x, s) && has(y, t)) || (has(y, s) && has(x, t)),
                _ => false,
            }
        })
        .collect()
}

fn describe(a: &Analysis, r: &Relation) -> String {
    let source = r
        .source
        .as_deref()
        .map_or("(agent not named)".to_string(), |s| label(a, s).to_string());
    let arrow = if r.kind.directed() { "->" } else { "--" };
    let mut s = format!("{} {} {} {}", r.kind, source, arrow, label(a, &r.target));
    if let Some(c) = &r.cameo {
        s.push_str(&format!(" [CAMEO {}]", c));
    }
    if let Some(t) = &r.trigger {
        s.push_str(&format!(" trigger={}", t));
    }
    if let Some(role) = &r.role {
        s.push_str(&format!(" role={}", role));
    }
    if r.former {
        s.push_str(" former");
    }
    if r.reported {
        s.push_str(" reported");
    }
    s
}

/// Run `evidence`.
pub fn run(options: &PipelineOptions, args: EvidenceArgs) -> anyhow::Result<ExitCode> {
    // The second argument is an entity unless it names an input.
    let mut rest = args.args.into_iter();
    let first = rest.next().unwrap_or_default();
    let mut queries = vec![first];
    let mut inputs: Vec<String> = Vec::new();
    if let Some(second) = rest.next() {
        if second == "-" || Path::new(&second).exists() {
            inputs.push(second);
        } else {
            queries.push(second);
        }
    }
    inputs.extend(rest);
    let pipeline = load_pipeline(options)?;
    let mut problems = Problems::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut result: std::io::Result<()> = Ok(());
    let mut failed = Vec::new();
    let mut found = 0usize;
    pipeline.for_each_analysis(
        open_inputs(&inputs),
        Depth::Relations,
        |a| {
            problems.warnings(&a.doc);
            if result.is_err() {
                return;
            }
            let mut rels = selected(&a, &queries);
            if !args.cooccurrence && rels.iter().any(|r| r.kind != RelationKind::CoOccurs) {
                rels.retain(|r| r.kind != RelationKind::CoOccurs);
            }
            rels.sort_by_key(|r| (r.evidence.sentence, r.kind, r.evidence.trigger_span));
            found += rels.len();
            result = write(&mut out, &a, &rels, args.format);
        },
        |e| failed.push(e),
    );
    result?;
    out.flush()?;
    for e in failed {
        problems.error(e);
    }
    if found == 0 {
        eprintln!(
            "nergraph: no evidence for {} in the inputs",
            queries.join(" and ")
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(problems.exit_code())
}

fn write(
    out: &mut dyn Write,
    a: &Analysis,
    rels: &[&Relation],
    format: EntitiesFormat,
) -> std::io::Result<()> {
    let mut last_sentence = None;
    for r in rels {
        let ev = &r.evidence;
        match format {
            EntitiesFormat::Jsonl => {
                let row = Row {
                    doc: &ev.doc,
                    date: ev.date.as_deref(),
                    sentence: ev.sentence,
                    sentence_start: ev.sentence_start,
                    sentence_end: ev.sentence_end,
                    relation: r.kind.as_str(),
                    source: r.source.as_deref(),
                    target: &r.target,
                    source_label: r.source.as_deref().map(|s| label(a, s)),
                    target_label: label(a, &r.target),
                    cameo: r.cameo.as_deref(),
                    trigger: r.trigger.as_deref(),
                    trigger_span: ev.trigger_span,
                    role: r.role.as_deref(),
                    former: r.former,
                    reported: r.reported,
                    text: &ev.text,
                };
                serde_json::to_writer(&mut *out, &row).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
            EntitiesFormat::Table => {
                if last_sentence != Some(ev.sentence) {
                    writeln!(
                        out,
                        "{} sentence {} [{}-{}]{}\n  {}",
                        ev.doc,
                        ev.sentence,
                        ev.sentence_start,
                        ev.sentence_end,
                        ev.date
                            .as_deref()
                            .map(|d| format!(" {}", d))
                            .unwrap_or_default(),
                        ev.text.replace('\n', " ")
                    )?;
                    last_sentence = Some(ev.sentence);
                }
                let trigger = ev
                    .trigger_span
                    .map(|(s, e)| {
                        let t: String = a.doc.text.chars().skip(s).take(e - s).collect();
                        format!(" at \"{}\" [{}-{}]", t, s, e)
                    })
                    .unwrap_or_default();
                writeln!(out, "    {}{}", describe(a, r), trigger)?;
            }
        }
    }
    Ok(())
}
