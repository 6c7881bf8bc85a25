//! NetworkX node-link JSON (`networkx.node_link_graph(data, edges="links")`):
//! a directed multigraph whose nodes carry every attribute and metric and
//! whose links carry the relation, weights, dates and evidence sentences.

use std::io::{self, Write};

use serde::Serialize;

use crate::graph::{KnowledgeGraph, NodeMetrics};
use crate::recognize::EntityType;
use crate::relate::Evidence;

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttributes,
    nodes: Vec<JsonNode<'a>>,
    links: Vec<JsonLink<'a>>,
}

#[derive(Serialize)]
struct GraphAttributes {
    name: &'static str,
    documents: usize,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    etype: EntityType,
    kb_id: Option<&'a str>,
    aliases: Vec<&'a str>,
    mentions: usize,
    documents: usize,
    #[serde(flatten)]
    metrics: NodeMetrics,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    source: &'a str,
    target: &'a str,
    key: usize,
    relation: &'a str,
    weight: usize,
    documents: usize,
    cameo: Option<&'a str>,
    trigger: Option<&'a str>,
    role: Option<&'a str>,
    former: bool,
    reported: bool,
    directed: bool,
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
    evidence: &'a [Evidence],
}

/// Write `graph.json`. Links are keyed by their position in edge order; a
/// `co_occurs` link has `"directed": false` and runs from the smaller id.
pub fn write(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    let doc = NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphAttributes {
            name: "nergraph",
            documents: graph.documents(),
        },
        nodes: graph
            .nodes()
            .map(|n| JsonNode {
                id: &n.id,
                label: &n.label,
                etype: n.etype,
                kb_id: n.kb_id.as_deref(),
                aliases: n.aliases.iter().map(String::as_str).collect(),
                mentions: n.mentions,
                documents: n.documents,
                metrics: n.metrics,
            })
            .collect(),
        links: graph
            .edges()
            .enumerate()
            .map(|(key, e)| JsonLink {
                source: &e.source,
                target: &e.target,
                key,
                relation: e.kind.as_str(),
                weight: e.weight,
                documents: e.documents,
                cameo: e.cameo.as_deref(),
                trigger: e.trigger.as_deref(),
                role: e.role.as_deref(),
                former: e.former,
                reported: e.reported,
                directed: e.directed(),
                first_date: e.first_date.as_deref(),
                last_date: e.last_date.as_deref(),
                evidence: &e.evidence,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::other)?;
    writeln!(w)
}
