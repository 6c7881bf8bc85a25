//! Graphviz DOT: nodes shaped and coloured by type, co-occurrence as plain
//! lines with penwidth by weight, typed relations as labelled arrows.

use std::io::{self, Write};

use super::ExportOptions;
use crate::graph::KnowledgeGraph;
use crate::recognize::EntityType;
use crate::relate::RelationKind;

/// Escape a string for a double-quoted DOT id or label.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn style(t: EntityType) -> (&'static str, &'static str) {
    match t {
        EntityType::Per => ("ellipse", "#f4c7c3"),
        EntityType::Org => ("box", "#c6dafc"),
        EntityType::Loc => ("hexagon", "#b7e1cd"),
    }
}

/// Write `graph` as a DOT digraph.
pub fn write(graph: &KnowledgeGraph, options: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "digraph nergraph {{")?;
    writeln!(
        w,
        "  graph [overlap=false, splines=true, fontname=\"Helvetica\"];"
    )?;
    writeln!(w, "  node [style=filled, fontname=\"Helvetica\"];")?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    for n in graph.nodes() {
        let (shape, color) = style(n.etype);
        writeln!(
            w,
            "  \"{}\" [label=\"{}\", shape={}, fillcolor=\"{}\", tooltip=\"{} ({} mentions)\"];",
            escape(&n.id),
            escape(&n.label),
            shape,
            color,
            n.etype,
            n.mentions
        )?;
    }
    for e in graph.edges() {
        let pen = 1.0 + (e.weight as f64).ln().max(0.0);
        if e.kind == RelationKind::CoOccurs {
            if options.no_cooccurrence {
                continue;
            }
            writeln!(
                w,
                "  \"{}\" -> \"{}\" [dir=none, color=\"#999999\", penwidth={:.2}, weight={}];",
                escape(&e.source),
                escape(&e.target),
                pen,
                e.weight
            )?;
        } else {
            let mut label = e.kind.as_str().to_string();
            if let Some(c) = &e.cameo {
                label = format!("{} {}", c, e.trigger.as_deref().unwrap_or(""));
            } else if let Some(r) = &e.role {
                label = format!("{} ({})", label, r);
            }
            writeln!(
                w,
                "  \"{}\" -> \"{}\" [label=\"{}\", color=\"#333333\", penwidth={:.2}];",
                escape(&e.source),
                escape(&e.target),
                escape(label.trim()),
                pen
            )?;
        }
    }
    writeln!(w, "}}")
}
