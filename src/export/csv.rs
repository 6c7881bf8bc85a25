//! CSV node and edge tables: header row, RFC 4180 quoting, UTF-8.

use std::io::{self, Write};

use crate::graph::KnowledgeGraph;

fn to_io(e: csv::Error) -> io::Error {
    io::Error::other(e)
}

/// Write `nodes.csv`.
pub fn write_nodes(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record([
        "id",
        "label",
        "type",
        "kb_id",
        "aliases",
        "mentions",
        "documents",
    ])
    .map_err(to_io)?;
    for n in graph.nodes() {
        let aliases: Vec<&str> = n.aliases.iter().map(String::as_str).collect();
        out.write_record([
            n.id.as_str(),
            n.label.as_str(),
            n.etype.as_str(),
            n.kb_id.as_deref().unwrap_or(""),
            &aliases.join(" | "),
            &n.mentions.to_string(),
            &n.documents.to_string(),
        ])
        .map_err(to_io)?;
    }
    out.flush()
}

/// Write `edges.csv`.
pub fn write_edges(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record([
        "source",
        "target",
        "source_label",
        "target_label",
        "relation",
        "weight",
        "documents",
        "evidence",
        "evidence_doc",
        "cameo",
        "trigger",
        "role",
        "former",
        "reported",
        "directed",
        "first_date",
        "last_date",
    ])
    .map_err(to_io)?;
    for e in graph.edges() {
        let label = |id: &str| {
            graph
                .node_index(id)
                .map(|i| graph.graph[i].label.clone())
                .unwrap_or_default()
        };
        let first = e.evidence.first();
        out.write_record([
            e.source.as_str(),
            e.target.as_str(),
            &label(&e.source),
            &label(&e.target),
            e.kind.as_str(),
            &e.weight.to_string(),
            &e.documents.to_string(),
            first.map_or("", |ev| ev.text.as_str()),
            first.map_or("", |ev| ev.doc.as_str()),
            e.cameo.as_deref().unwrap_or(""),
            e.trigger.as_deref().unwrap_or(""),
            e.role.as_deref().unwrap_or(""),
            if e.former { "true" } else { "false" },
            if e.reported { "true" } else { "false" },
            if e.directed() { "true" } else { "false" },
            e.first_date.as_deref().unwrap_or(""),
            e.last_date.as_deref().unwrap_or(""),
        ])
        .map_err(to_io)?;
    }
    out.flush()
}
