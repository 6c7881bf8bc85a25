//! Stage 7, export: write a [`KnowledgeGraph`] in the formats analysts use,
//! one file per format. Every file is written to a temporary file next to
//! its destination and renamed into place, so no output is ever half-written.
//!
//! Tables and graph-data formats (CSV, JSON, GraphML, GEXF, Neo4j) always hold
//! the whole graph; drawings (DOT, SVG/PNG, HTML) show the view cut by
//! [`ExportOptions::filter`].

pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod neo4j;
pub mod render;
mod xml;

use std::fmt;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::graph::{Filter, KnowledgeGraph};

pub use render::RenderFormat;

/// An export format of `nergraph build --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Graphviz DOT: `graph.dot`.
    Dot,
    /// Node and edge tables: `nodes.csv`, `edges.csv`.
    Csv,
    /// NetworkX node-link JSON: `graph.json`.
    Json,
    /// GraphML with typed keys: `graph.graphml`.
    Graphml,
    /// GEXF 1.2 with typed attributes: `graph.gexf`.
    Gexf,
    /// `neo4j-admin database import` CSVs: `neo4j/nodes.csv`,
    /// `neo4j/relationships.csv`.
    Neo4j,
    /// Interactive, self-contained page: `graph.html`.
    Html,
}

impl Format {
    /// Every format, in the order they are written.
    pub const ALL: [Format; 7] = [
        Format::Dot,
        Format::Csv,
        Format::Json,
        Format::Graphml,
        Format::Gexf,
        Format::Neo4j,
        Format::Html,
    ];

    /// The formats written when none are asked for.
    pub const DEFAULT: [Format; 2] = [Format::Dot, Format::Csv];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Neo4j => "neo4j",
            Format::Html => "html",
        }
    }

    /// The files the format writes, relative to the output directory.
    pub fn files(self) -> &'static [&'static str] {
        match self {
            Format::Dot => &["graph.dot"],
            Format::Csv => &["nodes.csv", "edges.csv"],
            Format::Json => &["graph.json"],
            Format::Graphml => &["graph.graphml"],
            Format::Gexf => &["graph.gexf"],
            Format::Neo4j => &["neo4j/nodes.csv", "neo4j/relationships.csv"],
            Format::Html => &["graph.html"],
        }
    }

    /// Whether the format is a drawing, which shows the filtered view.
    pub fn is_drawing(self) -> bool {
        matches!(self, Format::Dot | Format::Html)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Format, String> {
        let s = s.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format {:?} (use {})", s, names.join(", "))
            })
    }
}

/// Options shared by the exporters.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Leave `co_occurs` edges out of drawings.
    pub no_cooccurrence: bool,
    /// CSV for German Excel: UTF-8 with BOM, `;` as delimiter, CRLF.
    pub excel: bool,
    /// Group the nodes of drawings into one cluster per entity type.
    pub cluster_by_type: bool,
    /// What drawings show (tables always hold the whole graph).
    pub filter: Filter,
    /// Also render the drawing with Graphviz into `graph.svg` / `graph.png`.
    pub render: Option<RenderFormat>,
}

/// Write a file atomically: `write` fills a temporary file in the same
/// directory, which then replaces `path`.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| Error::from(e).at_path(dir))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".nergraph-");
    #[cfg(unix)]
    {
        // Like a plain `File::create`: readable by all, subject to the umask
        // (temporary files are otherwise private to the owner).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| Error::from(e).at_path(dir))?;
    {
        let mut w = BufWriter::new(tmp.as_file_mut());
        write(&mut w).map_err(|e| Error::from(e).at_path(path))?;
        w.flush().map_err(|e| Error::from(e).at_path(path))?;
    }
    tmp.persist(path)
        .map_err(|e| Error::from(e.error).at_path(path))?;
    Ok(())
}

/// Write `graph` in every format of `formats` into `dir`, then render the
/// drawing if [`ExportOptions::render`] asks for it. Returns the paths
/// written, in order.
///
/// # Errors
/// The first file that cannot be written, an `--ego` entity that does not
/// exist, or a failed Graphviz run (after all other files are written).
pub fn write(
    graph: &KnowledgeGraph,
    formats: &[Format],
    dir: &Path,
    options: &ExportOptions,
) -> Result<Vec<PathBuf>> {
    let mut formats = formats.to_vec();
    formats.sort();
    formats.dedup();
    let mut filter = options.filter.clone();
    filter.no_cooccurrence |= options.no_cooccurrence;
    let needs_view = options.render.is_some() || formats.iter().any(|f| f.is_drawing());
    let view = if needs_view && !filter.is_identity() {
        Some(graph.filtered(&filter)?)
    } else {
        None
    };
    let drawing = view.as_ref().unwrap_or(graph);
    let mut written = Vec::new();
    for format in formats {
        let files = format.files();
        let path = |i: usize| dir.join(files[i]);
        match format {
            Format::Dot => write_atomic(&path(0), |w| dot::write(drawing, options, w))?,
            Format::Csv => {
                write_atomic(&path(0), |w| csv::write_nodes(graph, options, w))?;
                write_atomic(&path(1), |w| csv::write_edges(graph, options, w))?;
            }
            Format::Json => write_atomic(&path(0), |w| json::write(graph, w))?,
            Format::Graphml => write_atomic(&path(0), |w| graphml::write(graph, w))?,
            Format::Gexf => write_atomic(&path(0), |w| gexf::write(graph, w))?,
            Format::Neo4j => {
                write_atomic(&path(0), |w| neo4j::write_nodes(graph, w))?;
                write_atomic(&path(1), |w| neo4j::write_relationships(graph, w))?;
            }
            Format::Html => write_atomic(&path(0), |w| html::write(drawing, options, w))?,
        }
        written.extend((0..files.len()).map(path));
    }
    if let Some(render) = options.render {
        let path = dir.join(render.file_name());
        render::render(drawing, options, render, &path)?;
        written.push(path);
    }
    Ok(written)
}

/// Write `graph.dot`, `nodes.csv` and `edges.csv` into `dir`.
pub fn write_default(graph: &KnowledgeGraph, dir: &Path, options: &ExportOptions) -> Result<()> {
    write(graph, &Format::DEFAULT, dir, options).map(|_| ())
}
