//! CSV files in the header layout of `neo4j-admin database import`:
//! `neo4j/nodes.csv` (`id:ID`, `:LABEL`, typed properties) and
//! `neo4j/relationships.csv` (`:START_ID`, `:END_ID`, `:TYPE`, properties).
//!
//! Values are written raw, without the spreadsheet formula defusing of the
//! other CSV files: the importer stores cells verbatim, and an added
//! apostrophe would end up in the database.

use std::io::{self, Write};

use crate::graph::{Edge, KnowledgeGraph};
use crate::relate::RelationKind;

/// Header of `neo4j/nodes.csv`.
pub const NODE_HEADER: [&str; 12] = [
    "id:ID",
    ":LABEL",
    "name",
    "kb_id",
    "aliases:string[]",
    "mentions:int",
    "documents:int",
    "degree:int",
    "weighted_degree:int",
    "pagerank:double",
    "component:int",
    "community:int",
];

/// Header of `neo4j/relationships.csv`.
pub const RELATIONSHIP_HEADER: [&str; 15] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "weight:int",
    "documents:int",
    "evidence",
    "evidence_doc",
    "cameo",
    "trigger",
    "role",
    "former:boolean",
    "reported:boolean",
    "directed:boolean",
    "first_date",
    "last_date",
];

/// The importer's default array delimiter (for `:LABEL` and `string[]`).
const ARRAY_DELIMITER: char = ';';

/// The relationship type of a relation: `co_occurs` → `CO_OCCURS`.
pub fn relationship_type(kind: RelationKind) -> String {
    kind.as_str().to_ascii_uppercase()
}

/// The node labels: `Entity` and the entity type (`PER`, `ORG`, `LOC`).
fn labels(n: &crate::graph::Node) -> String {
    format!("Entity{}{}", ARRAY_DELIMITER, n.etype.as_str())
}

fn writer(w: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new().from_writer(w)
}

/// Write `neo4j/nodes.csv`: labels `Entity;PER` etc., the canonical name as
/// `name`, aliases as a string array (a `;` inside an alias becomes `,`).
pub fn write_nodes(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut out = writer(w);
    out.write_record(NODE_HEADER).map_err(io::Error::other)?;
    for n in graph.nodes() {
        let aliases: Vec<String> = n
            .aliases
            .iter()
            .map(|a| a.replace(ARRAY_DELIMITER, ","))
            .collect();
        let m = &n.metrics;
        out.write_record([
            n.id.as_str(),
            &labels(n),
            &n.label,
            n.kb_id.as_deref().unwrap_or(""),
            &aliases.join(&ARRAY_DELIMITER.to_string()),
            &n.mentions.to_string(),
            &n.documents.to_string(),
            &m.degree.to_string(),
            &m.weighted_degree.to_string(),
            &m.pagerank.to_string(),
            &m.component.to_string(),
            &m.community.to_string(),
        ])
        .map_err(io::Error::other)?;
    }
    out.flush()
}

fn relationship_row(e: &Edge) -> [String; 15] {
    let first = e.evidence.first();
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    [
        e.source.clone(),
        e.target.clone(),
        relationship_type(e.kind),
        e.weight.to_string(),
        e.documents.to_string(),
        first.map(|ev| ev.text.to_string()).unwrap_or_default(),
        first.map(|ev| ev.doc.to_string()).unwrap_or_default(),
        opt(&e.cameo),
        opt(&e.trigger),
        opt(&e.role),
        e.former.to_string(),
        e.reported.to_string(),
        e.directed().to_string(),
        opt(&e.first_date),
        opt(&e.last_date),
    ]
}

/// Write `neo4j/relationships.csv`: one relationship per edge, of type
/// `CO_OCCURS`, `MEMBER_OF`, `LEADS`, `AFFILIATED_WITH`, `LOCATED_IN` or
/// `EVENT` (Neo4j relationships always have a direction; `co_occurs` runs
/// from the smaller id and has `directed` false).
pub fn write_relationships(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    let mut out = writer(w);
    out.write_record(RELATIONSHIP_HEADER)
        .map_err(io::Error::other)?;
    for e in graph.edges() {
        out.write_record(relationship_row(e))
            .map_err(io::Error::other)?;
    }
    out.flush()
}
