//! Stage 1, read: turn input paths (files, directories, `-` for stdin) into a
//! stream of [`Document`]s. Plain text and JSONL; encodings detected; a
//! leading `date YYYY-MM[-DD]` header becomes the document date.
//!
//! Reading is lazy: [`Inputs`] yields one document at a time, so a corpus of
//! any size streams through the pipeline.
//!
//! Offsets: every later stage counts offsets into [`Document::text`], i.e.
//! after the BOM and the date header were removed and line ends normalized.
//! For JSONL, `text` is the `text` field as given (only `\r\n` → `\n`), so
//! offsets match annotations made on that field; the `title` is kept as
//! metadata and is not analyzed (news JSONL usually repeats the headline in
//! the text).

mod decode;
mod jsonl;
mod plain;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub use decode::decode_bytes;
pub use jsonl::normalize_date;
pub use plain::split_date_header;

/// The largest single document (plain-text file or JSONL line) read, in bytes.
pub const MAX_DOCUMENT_BYTES: u64 = 256 << 20;

/// Documents longer than this (in bytes: an archive saved as one file) are
/// analyzed in parts of at most this size, cut at paragraph breaks where
/// possible, so that memory stays bounded whatever the file size. Part ids
/// are `ID#L<line>`: the document's id and the line (1-based, in the
/// document's text) where the part starts; offsets count from the part's
/// start.
pub const PART_BYTES: usize = 1 << 20;

/// One article: its id, optional date and title, and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The JSONL `id`, or the file path as given.
    pub id: String,
    /// `YYYY-MM` or `YYYY-MM-DD`, from the header or the JSONL `date` field.
    pub date: Option<String>,
    /// JSONL `title`, if any (metadata: not part of `text`).
    pub title: Option<String>,
    /// The text, without BOM and date header, line ends normalized to `\n`.
    pub text: String,
    /// Things the reader noticed but handled (e.g. "not UTF-8; decoded as
    /// windows-1252"); the caller reports them with the document id.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with no date or title.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            date: None,
            title: None,
            text: text.into(),
            warnings: Vec::new(),
        }
    }
}

/// An input the user named: a file or directory path, or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `-`: read standard input (plain text, or JSONL if it starts with `{`).
    Stdin,
    /// A file or directory.
    Path(PathBuf),
}

impl Input {
    /// Parse a command-line argument.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Lazily yields the documents of a list of inputs, in a deterministic order
/// (directories are walked recursively, entries sorted by name).
///
/// Each item is a document or an error naming the file (and line). Errors do
/// not stop the stream: the other inputs are still read.
pub struct Inputs {
    pending: VecDeque<Input>,
    current: Option<jsonl::JsonlReader>,
    queued: VecDeque<Result<Document>>,
}

impl Inputs {
    /// Stream the documents of `inputs`.
    pub fn new(inputs: impl IntoIterator<Item = Input>) -> Inputs {
        Inputs {
            pending: inputs.into_iter().collect(),
            current: None,
            queued: VecDeque::new(),
        }
    }

    fn open(&mut self, input: Input) {
        match input {
            Input::Stdin => match plain::read_limited(std::io::stdin().lock()) {
                Err(e) => self.queued.push_back(Err(e.at_path("<stdin>"))),
                Ok(bytes) => {
                    let first = bytes
                        .strip_prefix(b"\xEF\xBB\xBF")
                        .unwrap_or(&bytes)
                        .iter()
                        .find(|b| !b.is_ascii_whitespace());
                    if first == Some(&b'{') {
                        self.current = Some(jsonl::JsonlReader::from_bytes(
                            PathBuf::from("<stdin>"),
                            bytes,
                        ));
                    } else {
                        self.queued
                            .push_back(plain::document_from_bytes("<stdin>", &bytes));
                    }
                }
            },
            Input::Path(path) => {
                if path.is_dir() {
                    let (files, errors) = list_dir(&path);
                    self.queued.extend(errors.into_iter().map(Err));
                    for f in files.into_iter().rev() {
                        self.pending.push_front(Input::Path(f));
                    }
                } else if has_ext(&path, "jsonl") {
                    match jsonl::JsonlReader::open(&path) {
                        Ok(r) => self.current = Some(r),
                        Err(e) => self.queued.push_back(Err(e)),
                    }
                } else {
                    self.queued.push_back(plain::read_file(&path));
                }
            }
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(item) = self.queued.pop_front() {
                return Some(self.split(item));
            }
            if let Some(reader) = &mut self.current {
                match reader.next() {
                    Some(item) => return Some(self.split(item)),
                    None => self.current = None,
                }
            }
            let input = self.pending.pop_front()?;
            self.open(input);
        }
    }
}

impl Inputs {
    /// `item`, or for a document longer than [`PART_BYTES`] its first part,
    /// with the other parts queued to come next.
    fn split(&mut self, item: Result<Document>) -> Result<Document> {
        match item {
            Ok(doc) if doc.text.len() > PART_BYTES => {
                let mut parts = split_into_parts(doc, PART_BYTES).into_iter();
                let first = parts.next().expect("a long document has parts");
                for part in parts.rev() {
                    self.queued.push_front(Ok(part));
                }
                Ok(first)
            }
            other => other,
        }
    }
}

/// Split `doc` into parts of at most `max` bytes ([`PART_BYTES`] when
/// reading; ids as described there), each at least half that size except
/// the last: at the last blank line of the allowed range, else the last line
/// break, sentence end or space, else anywhere (at a char boundary). The
/// parts' texts, joined, are the document's text.
pub fn split_into_parts(doc: Document, max: usize) -> Vec<Document> {
    let text = &doc.text;
    let boundary = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut parts = Vec::new();
    let (mut pos, mut line) = (0, 1);
    while pos < text.len() {
        let end = if text.len() - pos <= max {
            text.len()
        } else {
            let lo = boundary(pos + max / 2);
            let hi = match boundary(pos + max) {
                h if h > pos => h,
                // `max` is smaller than this one char
                _ => pos + text[pos..].chars().next().map_or(1, char::len_utf8),
            };
            let window = &text[lo..hi];
            [("\n\n", 2), ("\n", 1), (". ", 2), (" ", 1)]
                .iter()
                .find_map(|(sep, len)| window.rfind(sep).map(|k| lo + k + len))
                .unwrap_or(hi)
        };
        parts.push(Document {
            id: format!("{}#L{}", doc.id, line),
            date: doc.date.clone(),
            title: doc.title.clone(),
            text: text[pos..end].to_string(),
            warnings: if pos == 0 {
                doc.warnings.clone()
            } else {
                Vec::new()
            },
        });
        line += text.as_bytes()[pos..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        pos = end;
    }
    parts
}

fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The `*.txt` and `*.jsonl` files under `dir`, recursively, sorted by path,
/// and the errors met on the way (an unreadable subdirectory does not stop
/// the walk). Hidden entries (names starting with `.`) are skipped; symbolic
/// links are followed, each directory visited once.
fn list_dir(dir: &Path) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if let Ok(canonical) = d.canonicalize() {
            if !seen.insert(canonical) {
                continue;
            }
        }
        let entries = match std::fs::read_dir(&d) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(Error::from(e).at_path(&d));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push(Error::from(e).at_path(&d));
                    continue;
                }
            };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if has_ext(&p, "txt") || has_ext(&p, "jsonl") {
                files.push(p);
            }
        }
    }
    files.sort();
    errors.sort_by_key(|e| e.path().map(Path::to_path_buf));
    (files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let mut d = Document::new("archiv.txt", text);
        d.date = Some("2022-01".into());
        d.warnings.push("decoded as windows-1252".into());
        d
    }

    #[test]
    fn long_documents_split_at_paragraphs_with_line_ids() {
        let para = "Ein Satz über Köln und Graz.\nNoch einer.\n\n";
        let text = para.repeat(10);
        let parts = split_into_parts(doc(&text), 100);
        assert!(parts.len() > 1);
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        for p in &parts {
            assert!(p.text.len() <= 100);
            assert_eq!(p.date.as_deref(), Some("2022-01"));
        }
        // every part but the last ends with a blank line, so the next part
        // starts a paragraph: its id names that line
        for p in &parts[..parts.len() - 1] {
            assert!(p.text.ends_with("\n\n"), "{:?}", p.text);
        }
        assert_eq!(parts[0].id, "archiv.txt#L1");
        let lines_before = parts[0].text.matches('\n').count();
        assert_eq!(parts[1].id, format!("archiv.txt#L{}", lines_before + 1));
        assert_eq!(parts[0].warnings.len(), 1);
        assert!(parts[1].warnings.is_empty());
    }

    #[test]
    fn text_without_breaks_splits_at_char_boundaries() {
        let text = "ÄÖÜß".repeat(50);
        for max in [1, 2, 3, 7, 64] {
            let parts = split_into_parts(doc(&text), max);
            let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(joined, text, "max {max}");
            assert!(parts.iter().all(|p| !p.text.is_empty()));
        }
    }

    #[test]
    fn short_documents_stay_whole() {
        let mut inputs = Inputs::new([]);
        let d = inputs.split(Ok(doc("Kurz."))).unwrap();
        assert_eq!(d.id, "archiv.txt");
        assert!(inputs.queued.is_empty());
    }
}
