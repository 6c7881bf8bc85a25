//! Plain-text documents: decode, strip BOM, normalize line ends, take the
//! optional leading `date YYYY-MM[-DD]` header.

use std::path::Path;

use regex::Regex;
use std::sync::OnceLock;

use super::{decode_bytes, Document};
use crate::error::{Error, Result};

/// Read one plain-text file into a document whose id is the path as given.
pub fn read_file(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).at_path(path))?;
    document_from_bytes(&path.display().to_string(), &bytes)
}

/// Decode `bytes` and build a document with id `id`.
pub fn document_from_bytes(id: &str, bytes: &[u8]) -> Result<Document> {
    let (text, warning) = decode_bytes(bytes).map_err(|e| e.at_path(id))?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let (date, body) = split_date_header(&text);
    let mut doc = Document::new(id, body);
    doc.date = date;
    doc.warnings.extend(warning);
    Ok(doc)
}

fn date_header() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*\n?[ \t]*").expect("valid regex")
    })
}

/// Split a leading `date YYYY-MM[-DD]` header (inline or on its own line)
/// off `text`: returns the date and the remaining text.
pub fn split_date_header(text: &str) -> (Option<String>, String) {
    match date_header().captures(text) {
        Some(c) => {
            let date = c[1].to_string();
            let rest = &text[c.get(0).map_or(0, |m| m.end())..];
            (Some(date), rest.to_string())
        }
        None => (None, text.to_string()),
    }
}
