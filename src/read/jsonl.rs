//! JSONL documents: one `{"id", "text", "date"?, "title"?}` object per line.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Document;
use crate::error::{Error, ErrorKind, Result};

#[derive(Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// Reads a JSONL stream line by line.
pub struct JsonlReader {
    path: PathBuf,
    lines: Box<dyn BufRead + Send>,
    line_no: usize,
}

impl JsonlReader {
    /// Open a JSONL file.
    pub fn open(path: &Path) -> Result<JsonlReader> {
        let f = std::fs::File::open(path).map_err(|e| Error::from(e).at_path(path))?;
        Ok(JsonlReader {
            path: path.to_path_buf(),
            lines: Box::new(BufReader::new(f)),
            line_no: 0,
        })
    }

    /// Read JSONL from bytes already in memory (stdin).
    pub fn from_bytes(path: PathBuf, bytes: Vec<u8>) -> JsonlReader {
        JsonlReader {
            path,
            lines: Box::new(BufReader::new(std::io::Cursor::new(bytes))),
            line_no: 0,
        }
    }

    fn parse(&self, raw: &[u8]) -> Result<Document> {
        let raw = if self.line_no == 1 {
            raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
        } else {
            raw
        };
        let s =
            std::str::from_utf8(raw).map_err(|e| Error::new(ErrorKind::Decode(e.to_string())))?;
        let line: Line =
            serde_json::from_str(s).map_err(|e| Error::new(ErrorKind::Json(e.to_string())))?;
        let id = match line.id {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            other => {
                return Err(Error::new(ErrorKind::Json(format!(
                    "\"id\" must be a string or number, not {}",
                    other
                ))))
            }
        };
        let mut doc = Document::new(id, line.text.replace("\r\n", "\n"));
        doc.date = line.date;
        doc.title = line.title;
        Ok(doc)
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            let mut buf = Vec::new();
            self.line_no += 1;
            match self.lines.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let r = self.parse(&buf);
                    return Some(r.map_err(|e| e.at_path(&self.path).at_line(self.line_no)));
                }
                Err(e) => {
                    return Some(Err(Error::from(e)
                        .at_path(&self.path)
                        .at_line(self.line_no)))
                }
            }
        }
    }
}
