//! GEXF 1.2 for Gephi (and NetworkX): typed node and edge attributes
//! (`integer`, `double`, `boolean`, `string`), the edge weight as GEXF's own
//! `weight`, and colour and size by entity type and mentions for the viewer.

use std::io::{self, Write};

use super::xml::{edge_values, escape, node_values, Kind, EDGE_ATTRIBUTES, NODE_ATTRIBUTES};
use crate::graph::KnowledgeGraph;
use crate::recognize::EntityType;

fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Int => "integer",
        Kind::Double => "double",
        Kind::Bool => "boolean",
        Kind::Str => "string",
    }
}

/// The viewer colour of an entity type, as RGB.
pub fn color(t: EntityType) -> (u8, u8, u8) {
    match t {
        EntityType::Per => (0xd9, 0x53, 0x4f),
        EntityType::Org => (0x42, 0x85, 0xf4),
        EntityType::Loc => (0x0f, 0x9d, 0x58),
    }
}

/// Whether an attribute is written as GEXF's own `label` or `weight`.
/// The `<attvalues>` of one node or edge: every attribute with a value
/// that GEXF has no native field for.
fn write_attvalues(
    w: &mut dyn Write,
    attributes: &[(&str, Kind)],
    values: Vec<Option<String>>,
) -> io::Result<()> {
    writeln!(w, "        <attvalues>")?;
    for ((name, _), value) in attributes.iter().zip(values) {
        if native(name) {
            continue;
        }
        if let Some(v) = value {
            writeln!(
                w,
                r#"          <attvalue for="{}" value="{}"/>"#,
                name,
                escape(&v)
            )?;
        }
    }
    writeln!(w, "        </attvalues>")
}

fn native(name: &str) -> bool {
    name == "label" || name == "weight"
}

/// Write `graph.gexf`. Attribute ids are the attribute names; the node label
/// is GEXF's `label`, the edge weight GEXF's `weight` (NetworkX reads it as a
/// float) and the edge label the relation.
pub fn write(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">"#
    )?;
    writeln!(w, "  <meta>")?;
    writeln!(w, "    <creator>nergraph</creator>")?;
    writeln!(
        w,
        "    <description>Entities of {} documents and their relations</description>",
        graph.documents()
    )?;
    writeln!(w, "  </meta>")?;
    writeln!(w, r#"  <graph mode="static" defaultedgetype="directed">"#)?;
    for (class, attrs) in [
        ("node", &NODE_ATTRIBUTES[..]),
        ("edge", &EDGE_ATTRIBUTES[..]),
    ] {
        writeln!(w, r#"    <attributes class="{}">"#, class)?;
        for (name, kind) in attrs.iter().filter(|(n, _)| !native(n)) {
            writeln!(
                w,
                r#"      <attribute id="{}" title="{}" type="{}"/>"#,
                name,
                name,
                type_name(*kind)
            )?;
        }
        writeln!(w, "    </attributes>")?;
    }
    writeln!(w, "    <nodes>")?;
    for n in graph.nodes() {
        writeln!(
            w,
            r#"      <node id="{}" label="{}">"#,
            escape(&n.id),
            escape(&n.label)
        )?;
        write_attvalues(w, &NODE_ATTRIBUTES, node_values(n))?;
        let (r, g, b) = color(n.etype);
        let size = 5.0 + 5.0 * (n.mentions.max(1) as f64).ln();
        writeln!(w, r#"        <viz:color r="{}" g="{}" b="{}"/>"#, r, g, b)?;
        writeln!(w, r#"        <viz:size value="{:.2}"/>"#, size)?;
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges>")?;
    for (i, e) in graph.edges().enumerate() {
        writeln!(
            w,
            r#"      <edge id="{}" source="{}" target="{}" label="{}" weight="{}">"#,
            i,
            escape(&e.source),
            escape(&e.target),
            e.kind.as_str(),
            e.weight
        )?;
        write_attvalues(w, &EDGE_ATTRIBUTES, edge_values(e))?;
        writeln!(w, "      </edge>")?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")
}
