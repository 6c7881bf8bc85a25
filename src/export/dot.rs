//! Graphviz DOT: nodes shaped and coloured by type and sized by mentions,
//! co-occurrence as dashed grey lines and typed relations as labelled arrows,
//! both with penwidth by weight; a legend, and optionally one cluster per type.

use std::io::{self, Write};

use super::ExportOptions;
use crate::graph::{Edge, KnowledgeGraph, Node};
use crate::recognize::EntityType;
use crate::relate::RelationKind;

/// Escape a string for a double-quoted DOT id or label: quotes and
/// backslashes are escaped, line breaks become `\n`, carriage returns and
/// other control characters are dropped; umlauts stay UTF-8 (the graph
/// declares `charset="UTF-8"`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Shape, fill colour and legend name of an entity type.
fn style(t: EntityType) -> (&'static str, &'static str, &'static str) {
    match t {
        EntityType::Per => ("ellipse", "#f4c7c3", "Person (PER)"),
        EntityType::Org => ("box", "#c6dafc", "Organization (ORG)"),
        EntityType::Loc => ("hexagon", "#b7e1cd", "Place (LOC)"),
    }
}

/// Line width of an edge of `weight`: 1 for one sentence, growing with the
/// logarithm, at most 8.
fn penwidth(weight: usize) -> f64 {
    (1.0 + 1.5 * (weight.max(1) as f64).ln()).min(8.0)
}

/// Font size of a node with `mentions`: 10 for one mention, growing with the
/// logarithm, at most 32.
fn fontsize(mentions: usize) -> f64 {
    (10.0 + 3.0 * (mentions.max(1) as f64).ln()).min(32.0)
}

/// At most `max` characters of `s`, with an ellipsis when cut.
fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// "1 mention", "2 mentions".
fn count(n: usize, noun: &str) -> String {
    format!("{} {}{}", n, noun, if n == 1 { "" } else { "s" })
}

fn write_node(w: &mut dyn Write, n: &Node, indent: &str) -> io::Result<()> {
    let (shape, color, _) = style(n.etype);
    let m = &n.metrics;
    let tooltip = format!(
        "{} ({})\n{} in {}\ndegree {}, weighted degree {}\nPageRank {:.4}, community {}",
        n.label,
        n.etype,
        count(n.mentions, "mention"),
        count(n.documents, "document"),
        m.degree,
        m.weighted_degree,
        m.pagerank,
        m.community
    );
    writeln!(
        w,
        "{}\"{}\" [label=\"{}\", shape={}, fillcolor=\"{}\", fontsize={:.1}, tooltip=\"{}\"];",
        indent,
        escape(&n.id),
        escape(&n.label),
        shape,
        color,
        fontsize(n.mentions),
        escape(&tooltip)
    )
}

/// An edge's label: "05 danken", "leads (Chef, former)", "member_of";
/// events read only from reported speech say so.
fn edge_label(e: &Edge) -> String {
    let mut label = if let Some(c) = &e.cameo {
        format!("{} {}", c, e.trigger.as_deref().unwrap_or(""))
            .trim()
            .to_string()
    } else {
        let mut notes: Vec<&str> = e.role.iter().map(String::as_str).collect();
        if e.former {
            notes.push("former");
        }
        if notes.is_empty() {
            e.kind.as_str().to_string()
        } else {
            format!("{} ({})", e.kind, notes.join(", "))
        }
    };
    if e.reported && e.cameo.is_some() {
        label.push_str(" (reported)");
    }
    label
}

fn write_edge(w: &mut dyn Write, e: &Edge) -> io::Result<()> {
    let evidence = e
        .evidence
        .first()
        .map(|ev| truncate(&ev.text, 200))
        .unwrap_or_default();
    let sentences = if e.weight == 1 {
        "sentence"
    } else {
        "sentences"
    };
    if e.kind == RelationKind::CoOccurs {
        let tooltip = format!("co-occurs in {} {}\n{}", e.weight, sentences, evidence);
        writeln!(
            w,
            "  \"{}\" -> \"{}\" [dir=none, style=dashed, color=\"#999999\", penwidth={:.2}, weight={}, tooltip=\"{}\"];",
            escape(&e.source),
            escape(&e.target),
            penwidth(e.weight),
            e.weight,
            escape(&tooltip)
        )
    } else {
        let label = edge_label(e);
        let tooltip = format!("{} ({})\n{}", label, sentences, evidence);
        writeln!(
            w,
            "  \"{}\" -> \"{}\" [label=\"{}\", color=\"#333333\", fontcolor=\"#333333\", penwidth={:.2}, tooltip=\"{}\"];",
            escape(&e.source),
            escape(&e.target),
            escape(&label),
            penwidth(e.weight),
            escape(&tooltip)
        )
    }
}

/// The legend: a cluster holding one table (an HTML-like label, laid out
/// the same by every Graphviz engine, with the title inside) with a sample of each entity type, the
/// two edge styles and the size rule. Its node id `legend:` is no entity id.
fn write_legend(w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "  subgraph cluster_legend {{")?;
    writeln!(
        w,
        "    label=\"\"; style=\"rounded,dashed\"; color=\"#bbbbbb\";"
    )?;
    let mut rows = String::from("<tr><td><b>Legend</b></td></tr>");
    for t in EntityType::ALL {
        let (_, color, name) = style(t);
        rows.push_str(&format!(
            "<tr><td bgcolor=\"{}\" border=\"1\">{}</td></tr>",
            color, name
        ));
    }
    rows.push_str("<tr><td><font color=\"#777777\">- - - -</font> same sentence</td></tr>");
    rows.push_str("<tr><td>&#8212;&#8212;&#9654; relation</td></tr>");
    rows.push_str("<tr><td>larger text: more mentions</td></tr>");
    writeln!(
        w,
        "    \"legend:\" [shape=plaintext, style=\"\", fontsize=10, tooltip=\"Legend\", label=<<table border=\"0\" cellspacing=\"3\" cellpadding=\"3\">{}</table>>];",
        rows
    )?;
    writeln!(w, "  }}")
}

/// The Graphviz layout engine, chosen among those that give the same
/// picture on every run: `dot` when the entities are clustered by type (the
/// engine that draws clusters properly), otherwise `neato` (force-directed)
/// up to [`NEATO_MAX_NODES`] entities and `sfdp` (scalable) above.
pub fn layout(nodes: usize, cluster_by_type: bool) -> &'static str {
    if cluster_by_type {
        "dot"
    } else if nodes <= NEATO_MAX_NODES {
        "neato"
    } else {
        "sfdp"
    }
}

/// The largest graph laid out with `neato`.
pub const NEATO_MAX_NODES: usize = 300;

/// Write `graph` as a DOT digraph. Node and edge order follow the graph, so
/// the same graph always gives the same file.
pub fn write(graph: &KnowledgeGraph, options: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "digraph nergraph {{")?;
    let engine = layout(graph.graph.node_count(), options.cluster_by_type);
    // Curved edges around nodes cost too much time on large graphs.
    let splines = if engine == "sfdp" { "false" } else { "true" };
    writeln!(
        w,
        "  graph [layout={}, charset=\"UTF-8\", overlap=false, splines={}, fontname=\"Helvetica\", tooltip=\"nergraph: {} entities, {} edges\"];",
        engine,
        splines,
        graph.graph.node_count(),
        graph.graph.edge_count()
    )?;
    writeln!(w, "  node [style=filled, fontname=\"Helvetica\"];")?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    write_legend(w)?;
    if options.cluster_by_type {
        for t in EntityType::ALL {
            let nodes: Vec<&Node> = graph.nodes().filter(|n| n.etype == t).collect();
            if nodes.is_empty() {
                continue;
            }
            let (_, _, name) = style(t);
            writeln!(w, "  subgraph \"cluster_{}\" {{", t)?;
            writeln!(
                w,
                "    label=\"{}\"; style=rounded; color=\"#cccccc\";",
                name
            )?;
            for n in nodes {
                write_node(w, n, "    ")?;
            }
            writeln!(w, "  }}")?;
        }
    } else {
        for n in graph.nodes() {
            write_node(w, n, "  ")?;
        }
    }
    for e in graph.edges() {
        if options.no_cooccurrence && e.kind == RelationKind::CoOccurs {
            continue;
        }
        write_edge(w, e)?;
    }
    writeln!(w, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_quotes_backslashes_newlines_keeps_umlauts() {
        assert_eq!(escape("Der \"Chef\""), "Der \\\"Chef\\\"");
        assert_eq!(escape("a\\b"), "a\\\\b");
        assert_eq!(escape("Zeile 1\r\nZeile 2"), "Zeile 1\\nZeile 2");
        assert_eq!(
            escape("Müller-Lüdenscheidt Straße"),
            "Müller-Lüdenscheidt Straße"
        );
    }

    #[test]
    fn sizes_grow_and_stay_bounded() {
        assert_eq!(penwidth(1), 1.0);
        assert!(penwidth(10) > penwidth(2));
        assert_eq!(penwidth(usize::MAX), 8.0);
        assert_eq!(fontsize(0), 10.0);
        assert!(fontsize(50) > fontsize(5));
        assert_eq!(fontsize(usize::MAX), 32.0);
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("äöü", 2), "äö…");
        assert_eq!(truncate("äöü", 3), "äöü");
    }
}
