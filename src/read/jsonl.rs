//! JSONL documents: one `{"id", "text", "date"?, "title"?}` object per line.
//! Other fields are ignored; blank lines are skipped; a bad line is an error
//! naming the file and line, and reading goes on with the next line.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::plain::{iso_date_len, normalize_newlines};
use super::{Document, MAX_DOCUMENT_BYTES};
use crate::error::{Error, ErrorKind, Result};

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: Option<String>,
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
}

/// Reads a JSONL stream line by line.
pub struct JsonlReader {
    path: PathBuf,
    lines: Box<dyn BufRead + Send>,
    line_no: usize,
    buf: Vec<u8>,
}

impl JsonlReader {
    /// Open a JSONL file.
    pub fn open(path: &Path) -> Result<JsonlReader> {
        let f = std::fs::File::open(path).map_err(|e| Error::from(e).at_path(path))?;
        Ok(JsonlReader::new(
            path.to_path_buf(),
            Box::new(BufReader::new(f)),
        ))
    }

    /// Read JSONL from bytes already in memory (stdin).
    pub fn from_bytes(path: PathBuf, bytes: Vec<u8>) -> JsonlReader {
        JsonlReader::new(path, Box::new(std::io::Cursor::new(bytes)))
    }

    fn new(path: PathBuf, lines: Box<dyn BufRead + Send>) -> JsonlReader {
        JsonlReader {
            path,
            lines,
            line_no: 0,
            buf: Vec::new(),
        }
    }

    /// The current line as `FILE:LINE`, for warnings.
    fn place(&self) -> String {
        format!("{}:{}", self.path.display(), self.line_no)
    }

    /// Parse one line into a document.
    fn parse(&self, raw: &[u8]) -> Result<Document> {
        let raw = if self.line_no == 1 {
            raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
        } else {
            raw
        };
        let s = std::str::from_utf8(raw).map_err(|e| {
            Error::new(ErrorKind::Decode(format!(
                "JSONL must be UTF-8; invalid byte at column {}",
                e.valid_up_to() + 1
            )))
        })?;
        let line: Line = serde_json::from_str(s).map_err(|e| {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg);
            Error::new(ErrorKind::Json(format!("{} (column {})", msg, e.column())))
        })?;
        let text = line
            .text
            .ok_or_else(|| Error::new(ErrorKind::Json("missing field `text`".into())))?;
        let id = match line.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            None | Some(serde_json::Value::Null) => {
                format!("{}:{}", self.path.display(), self.line_no)
            }
            Some(other) => {
                return Err(Error::new(ErrorKind::Json(format!(
                    "\"id\" must be a string or number, not {}",
                    other
                ))))
            }
        };
        let mut doc = Document::new(id, normalize_newlines(text));
        if doc.text.trim().is_empty() {
            doc.warnings.push(format!("{}: no text", self.place()));
        }
        doc.title = line.title.filter(|t| !t.trim().is_empty());
        match line.date {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::String(d)) => match normalize_date(&d) {
                Some(date) => doc.date = Some(date),
                None => doc.warnings.push(format!(
                    "{}: date {:?} is not YYYY-MM[-DD…] or DD.MM.YYYY; ignored",
                    self.place(),
                    d
                )),
            },
            Some(other) => doc.warnings.push(format!(
                "{}: date {} is not a string; ignored",
                self.place(),
                other
            )),
        }
        Ok(doc)
    }
}

/// The `YYYY-MM-DD` (or `YYYY-MM`) date of a date or timestamp:
/// "2016-05-14T23:06:43Z" → "2016-05-14"; "14.05.2016" → "2016-05-14".
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if let Some(n) = iso_date_len(b) {
        // A date, or a timestamp starting with one.
        if b.get(n).is_none_or(|&c| c == b'T' || c == b' ') {
            return Some(s[..n].to_string());
        }
        return None;
    }
    // German order: D.M.YYYY or DD.MM.YYYY, maybe followed by a time.
    let date = s.split([' ', ',']).next()?;
    let mut parts = date.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let num = |p: &str, max: usize| {
        (!p.is_empty() && p.len() <= max && p.bytes().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (day, month) = (num(d, 2)?, num(m, 2)?);
    if parts.next().is_some() || y.len() != 4 || num(y, 4).is_none() {
        return None;
    }
    ((1..=31).contains(&day) && (1..=12).contains(&month))
        .then(|| format!("{}-{:02}-{:02}", y, month, day))
}

impl Iterator for JsonlReader {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            self.buf.clear();
            self.line_no += 1;
            let limit = MAX_DOCUMENT_BYTES + 1;
            match (&mut self.lines)
                .take(limit)
                .read_until(b'\n', &mut self.buf)
            {
                Ok(0) => return None,
                Ok(n) => {
                    let place = |e: Error| e.at_path(&self.path).at_line(self.line_no);
                    if n as u64 >= limit && self.buf.last() != Some(&b'\n') {
                        // Skip the rest of the over-long line.
                        let mut sink = Vec::new();
                        while let Ok(k) =
                            (&mut self.lines).take(1 << 20).read_until(b'\n', &mut sink)
                        {
                            if k == 0 || sink.last() == Some(&b'\n') {
                                break;
                            }
                            sink.clear();
                        }
                        return Some(Err(place(Error::new(ErrorKind::Other(format!(
                            "line longer than {} MiB",
                            MAX_DOCUMENT_BYTES >> 20
                        ))))));
                    }
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let buf = std::mem::take(&mut self.buf);
                    let r = self.parse(&buf);
                    self.buf = buf;
                    return Some(r.map_err(place));
                }
                Err(e) => {
                    // An I/O error ends this file: reading on could loop forever.
                    self.lines = Box::new(std::io::empty());
                    return Some(Err(Error::from(e)
                        .at_path(&self.path)
                        .at_line(self.line_no)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<Result<Document>> {
        JsonlReader::from_bytes(PathBuf::from("in.jsonl"), s.as_bytes().to_vec()).collect()
    }

    #[test]
    fn dates_are_normalized() {
        assert_eq!(
            normalize_date("2016-05-14T23:06:43Z").as_deref(),
            Some("2016-05-14")
        );
        assert_eq!(normalize_date("2016-05").as_deref(), Some("2016-05"));
        assert_eq!(
            normalize_date("14.5.2016, 15:21").as_deref(),
            Some("2016-05-14")
        );
        assert_eq!(normalize_date("gestern"), None);
        assert_eq!(normalize_date("2016-05-14x"), None);
    }

    #[test]
    fn lines_errors_and_blank_lines() {
        let docs = read(concat!(
            "{\"id\": 7, \"text\": \"a\\r\\nb\", \"date\": \"2016-05-14T23:06:43Z\", \"title\": \"T\"}\n",
            "\n",
            "{\"id\": \"x\", \"text\": \n",
            "{\"id\": \"y\"}\n",
            "{\"text\": \"ohne id\", \"date\": 5}",
        ));
        assert_eq!(docs.len(), 4);
        let d = docs[0].as_ref().unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("7", "a\nb"));
        assert_eq!(d.date.as_deref(), Some("2016-05-14"));
        assert_eq!(d.title.as_deref(), Some("T"));
        let e = docs[1].as_ref().unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(e.to_string().starts_with("in.jsonl:3: "), "{}", e);
        assert!(docs[2].as_ref().unwrap_err().to_string().contains("text"));
        let d = docs[3].as_ref().unwrap();
        assert_eq!(d.id, "in.jsonl:5");
        assert!(d.date.is_none() && d.warnings[0].contains(":5: date"));
    }
}
