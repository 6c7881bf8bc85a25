//! Stage 7, export: write a [`KnowledgeGraph`] in the formats analysts use.
//! One file per format; every file is written to a temporary file next to
//! its destination and renamed into place, so no output is ever half-written.

pub mod csv;
pub mod dot;
pub mod html;

use std::io::{BufWriter, Write};
use std::path::Path;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

/// Options shared by the exporters.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Leave `co_occurs` edges out of drawings.
    pub no_cooccurrence: bool,
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
    let mut tmp = tempfile::Builder::new()
        .prefix(".nergraph-")
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

/// Write `graph.dot`, `nodes.csv` and `edges.csv` into `dir`.
pub fn write_default(graph: &KnowledgeGraph, dir: &Path, options: &ExportOptions) -> Result<()> {
    write_atomic(&dir.join("graph.dot"), |w| dot::write(graph, options, w))?;
    write_atomic(&dir.join("nodes.csv"), |w| csv::write_nodes(graph, w))?;
    write_atomic(&dir.join("edges.csv"), |w| csv::write_edges(graph, w))?;
    Ok(())
}
