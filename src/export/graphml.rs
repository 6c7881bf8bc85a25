//! GraphML with typed keys (`int`, `double`, `boolean`, `string`) for Gephi,
//! yEd, Cytoscape and NetworkX. The graph is a directed multigraph; the
//! boolean edge key `directed` marks the undirected `co_occurs` edges.

use std::io::{self, Write};

use super::xml::{edge_values, escape, node_values, Kind, EDGE_ATTRIBUTES, NODE_ATTRIBUTES};
use crate::graph::KnowledgeGraph;

fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Int => "int",
        Kind::Double => "double",
        Kind::Bool => "boolean",
        Kind::Str => "string",
    }
}

/// Write `graph.graphml`. Key ids are `n_<name>` for nodes and `e_<name>`
/// for edges; missing values are left out.
pub fn write(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (domain, prefix, attrs) in [
        ("node", "n", &NODE_ATTRIBUTES[..]),
        ("edge", "e", &EDGE_ATTRIBUTES[..]),
    ] {
        for (name, kind) in attrs {
            writeln!(
                w,
                r#"  <key id="{}_{}" for="{}" attr.name="{}" attr.type="{}"/>"#,
                prefix,
                name,
                domain,
                name,
                type_name(*kind)
            )?;
        }
    }
    writeln!(
        w,
        r#"  <key id="g_documents" for="graph" attr.name="documents" attr.type="int"/>"#
    )?;
    writeln!(w, r#"  <graph id="nergraph" edgedefault="directed">"#)?;
    writeln!(
        w,
        r#"    <data key="g_documents">{}</data>"#,
        graph.documents()
    )?;
    for n in graph.nodes() {
        writeln!(w, r#"    <node id="{}">"#, escape(&n.id))?;
        for ((name, _), value) in NODE_ATTRIBUTES.iter().zip(node_values(n)) {
            if let Some(v) = value {
                writeln!(w, r#"      <data key="n_{}">{}</data>"#, name, escape(&v))?;
            }
        }
        writeln!(w, "    </node>")?;
    }
    for (i, e) in graph.edges().enumerate() {
        writeln!(
            w,
            r#"    <edge id="e{}" source="{}" target="{}">"#,
            i,
            escape(&e.source),
            escape(&e.target)
        )?;
        for ((name, _), value) in EDGE_ATTRIBUTES.iter().zip(edge_values(e)) {
            if let Some(v) = value {
                writeln!(w, r#"      <data key="e_{}">{}</data>"#, name, escape(&v))?;
            }
        }
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}
