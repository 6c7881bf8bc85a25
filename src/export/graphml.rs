//! GraphML with typed keys (`int`, `double`, `boolean`, `string`) for Gephi,
//! yEd, Cytoscape and NetworkX. The graph is a directed multigraph; the
//! boolean edge key `directed` marks the undirected `co_occurs` edges. yEd's
//! own graphics keys give nodes their label, shape and colour and
//! co-occurrence edges a dashed line without arrow there.

use std::io::{self, Write};

use super::xml::{edge_values, escape, node_values, Kind, EDGE_ATTRIBUTES, NODE_ATTRIBUTES};
use crate::graph::{Edge, KnowledgeGraph, Node};
use crate::recognize::EntityType;
use crate::relate::RelationKind;

fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Int => "int",
        Kind::Double => "double",
        Kind::Bool => "boolean",
        Kind::Str => "string",
    }
}

/// yEd shape and fill colour of an entity type.
fn yed_style(t: EntityType) -> (&'static str, &'static str) {
    match t {
        EntityType::Per => ("ellipse", "#F4C7C3"),
        EntityType::Org => ("rectangle", "#C6DAFC"),
        EntityType::Loc => ("hexagon", "#B7E1CD"),
    }
}

fn write_yed_node(w: &mut dyn Write, n: &Node) -> io::Result<()> {
    let (shape, fill) = yed_style(n.etype);
    writeln!(
        w,
        r#"      <data key="n_graphics"><y:ShapeNode><y:Fill color="{}"/><y:NodeLabel>{}</y:NodeLabel><y:Shape type="{}"/></y:ShapeNode></data>"#,
        fill,
        escape(&n.label),
        shape
    )
}

fn write_yed_edge(w: &mut dyn Write, e: &Edge) -> io::Result<()> {
    let (line, color, arrow) = if e.kind == RelationKind::CoOccurs {
        ("dashed", "#999999", "none")
    } else {
        ("line", "#333333", "standard")
    };
    writeln!(
        w,
        r#"      <data key="e_graphics"><y:PolyLineEdge><y:LineStyle color="{}" type="{}" width="1.0"/><y:Arrows source="none" target="{}"/></y:PolyLineEdge></data>"#,
        color, line, arrow
    )
}

/// Write `graph.graphml`. Key ids are `n_<name>` for nodes and `e_<name>`
/// for edges; missing values are left out.
pub fn write(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
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
    writeln!(
        w,
        r#"  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>"#
    )?;
    writeln!(
        w,
        r#"  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>"#
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
        write_yed_node(w, n)?;
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
        write_yed_edge(w, e)?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}
