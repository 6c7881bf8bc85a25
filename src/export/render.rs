//! Pictures: pipe the DOT drawing through Graphviz's `dot` and write
//! `graph.svg` or `graph.png` atomically; when Graphviz is missing, say how
//! to install it.

use std::fmt;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::str::FromStr;

use super::{dot, write_atomic, ExportOptions};
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

/// What `--render` produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderFormat {
    /// Scalable vector graphics: `graph.svg`.
    Svg,
    /// Raster image: `graph.png`.
    Png,
}

impl RenderFormat {
    /// `svg` or `png`: the Graphviz output format.
    pub fn name(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
        }
    }

    /// The file written into the output directory.
    pub fn file_name(self) -> &'static str {
        match self {
            RenderFormat::Svg => "graph.svg",
            RenderFormat::Png => "graph.png",
        }
    }
}

impl fmt::Display for RenderFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RenderFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<RenderFormat, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "svg" => Ok(RenderFormat::Svg),
            "png" => Ok(RenderFormat::Png),
            other => Err(format!(
                "unknown picture format {:?} (use svg or png)",
                other
            )),
        }
    }
}

/// The message shown when Graphviz's `dot` cannot be started.
pub const INSTALL_HINT: &str = "Graphviz is not installed (no `dot` program on the PATH). \
Install it with `sudo apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` \
(macOS), `winget install graphviz` (Windows) or from https://graphviz.org/download/, \
or leave out --render: graph.dot can be rendered later with `dot -Tsvg graph.dot -o graph.svg`.";

/// Run `dot -T<format>` on DOT source and return its output.
///
/// # Errors
/// When `dot` is missing ([`INSTALL_HINT`]) or rejects the input (with its
/// error message).
pub fn run_dot(source: &[u8], format: RenderFormat) -> Result<Vec<u8>> {
    let mut child = Command::new("dot")
        .arg(format!("-T{}", format.name()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::other(INSTALL_HINT),
            _ => Error::other(format!("cannot run Graphviz `dot`: {}", e)),
        })?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Error::other("cannot write to Graphviz `dot`"))?;
    let input = source.to_vec();
    // Feed stdin from a thread so a large picture on stdout cannot block it.
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().map_err(Error::from)?;
    let fed = feeder
        .join()
        .map_err(|_| Error::other("writing to Graphviz `dot` failed"))?;
    if !output.status.success() {
        return Err(Error::other(format!(
            "Graphviz `dot -T{}` failed ({}): {}",
            format.name(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    fed.map_err(Error::from)?;
    Ok(output.stdout)
}

/// Draw `graph` as DOT, render it with Graphviz and write the picture to
/// `path` atomically.
pub fn render(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    format: RenderFormat,
    path: &Path,
) -> Result<()> {
    let mut source = Vec::new();
    dot::write(graph, options, &mut source).map_err(Error::from)?;
    let picture = run_dot(&source, format).map_err(|e| e.at_path(path))?;
    write_atomic(path, |w| w.write_all(&picture))
}
