//! CSV node and edge tables for pandas, R and spreadsheets: header row,
//! RFC 4180 quoting, UTF-8; `--excel` adds a BOM and uses `;` as German
//! Excel does. Cells that a spreadsheet would run as a formula are defused.

use std::borrow::Cow;
use std::io::{self, Write};

use super::ExportOptions;
use crate::graph::{Edge, KnowledgeGraph, Node};

/// The columns of `nodes.csv`.
pub const NODE_COLUMNS: [&str; 12] = [
    "id",
    "label",
    "type",
    "kb_id",
    "aliases",
    "mentions",
    "documents",
    "degree",
    "weighted_degree",
    "pagerank",
    "component",
    "community",
];

/// The columns of `edges.csv`.
pub const EDGE_COLUMNS: [&str; 17] = [
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
];

/// Separator of the aliases in one cell.
pub const ALIAS_SEPARATOR: &str = " | ";

/// Defuse formula injection (OWASP "CSV injection"): a cell starting with
/// `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe, so
/// spreadsheets show it as text instead of evaluating it.
///
/// ```
/// use nergraph::export::csv::neutralize;
/// assert_eq!(neutralize("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(neutralize("-Gruppe"), "'-Gruppe");
/// assert_eq!(neutralize("Gruppe"), "Gruppe");
/// ```
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{}", cell)),
        _ => Cow::Borrowed(cell),
    }
}

/// A CSV writer in the dialect `options` asks for; writes the BOM for Excel.
fn writer<'w>(
    options: &ExportOptions,
    w: &'w mut dyn Write,
) -> io::Result<csv::Writer<&'w mut dyn Write>> {
    let mut builder = csv::WriterBuilder::new();
    if options.excel {
        w.write_all("\u{FEFF}".as_bytes())?;
        builder.delimiter(b';').terminator(csv::Terminator::CRLF);
    }
    Ok(builder.from_writer(w))
}

fn write_row<W: Write>(out: &mut csv::Writer<W>, row: &[Cow<'_, str>]) -> io::Result<()> {
    out.write_record(row.iter().map(|c| neutralize(c).into_owned()))
        .map_err(io::Error::other)
}

fn flag(b: bool) -> Cow<'static, str> {
    Cow::Borrowed(if b { "true" } else { "false" })
}

/// The cells of one node, in [`NODE_COLUMNS`] order.
pub fn node_row(n: &Node) -> Vec<Cow<'_, str>> {
    let aliases: Vec<&str> = n.aliases.iter().map(String::as_str).collect();
    let m = &n.metrics;
    vec![
        n.id.as_str().into(),
        n.label.as_str().into(),
        n.etype.as_str().into(),
        n.kb_id.as_deref().unwrap_or("").into(),
        aliases.join(ALIAS_SEPARATOR).into(),
        n.mentions.to_string().into(),
        n.documents.to_string().into(),
        m.degree.to_string().into(),
        m.weighted_degree.to_string().into(),
        m.pagerank.to_string().into(),
        m.component.to_string().into(),
        m.community.to_string().into(),
    ]
}

/// The cells of one edge, in [`EDGE_COLUMNS`] order.
pub fn edge_row<'a>(graph: &'a KnowledgeGraph, e: &'a Edge) -> Vec<Cow<'a, str>> {
    let label = |id: &str| -> Cow<'a, str> {
        graph.node_index(id).map_or(Cow::Borrowed(""), |i| {
            Cow::Borrowed(graph.graph[i].label.as_str())
        })
    };
    let first = e.evidence.first();
    vec![
        e.source.as_str().into(),
        e.target.as_str().into(),
        label(&e.source),
        label(&e.target),
        e.kind.as_str().into(),
        e.weight.to_string().into(),
        e.documents.to_string().into(),
        first.map_or("", |ev| &*ev.text).into(),
        first.map_or("", |ev| &*ev.doc).into(),
        e.cameo.as_deref().unwrap_or("").into(),
        e.trigger.as_deref().unwrap_or("").into(),
        e.role.as_deref().unwrap_or("").into(),
        flag(e.former),
        flag(e.reported),
        flag(e.directed()),
        e.first_date.as_deref().unwrap_or("").into(),
        e.last_date.as_deref().unwrap_or("").into(),
    ]
}

/// Write `nodes.csv`: one row per entity, in id order.
pub fn write_nodes(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut out = writer(options, w)?;
    out.write_record(NODE_COLUMNS).map_err(io::Error::other)?;
    for n in graph.nodes() {
        write_row(&mut out, &node_row(n))?;
    }
    out.flush()
}

/// Write `edges.csv`: one row per edge, in key order.
pub fn write_edges(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut out = writer(options, w)?;
    out.write_record(EDGE_COLUMNS).map_err(io::Error::other)?;
    for e in graph.edges() {
        write_row(&mut out, &edge_row(graph, e))?;
    }
    out.flush()
}
