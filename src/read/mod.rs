//! Stage 1, read: turn input paths (files, directories, `-` for stdin) into a
//! stream of [`Document`]s. Plain text and JSONL; encodings detected; a
//! leading `date YYYY-MM[-DD]` header becomes the document date.
//!
//! Reading is lazy: [`Inputs`] yields one document at a time, so a corpus of
//! any size streams through the pipeline.

mod decode;
mod jsonl;
mod plain;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub use decode::decode_bytes;
pub use plain::split_date_header;

/// One article: its id, optional date and title, and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The JSONL `id`, or the file path as given.
    pub id: String,
    /// `YYYY-MM` or `YYYY-MM-DD`, from the header or the JSONL `date` field.
    pub date: Option<String>,
    /// JSONL `title`, if any.
    pub title: Option<String>,
    /// The text, without BOM and date header, line ends normalized to `\n`.
    pub text: String,
    /// Things the reader noticed but handled (e.g. "decoded as windows-1252").
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
            Input::Stdin => {
                let mut bytes = Vec::new();
                let r = std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes);
                match r {
                    Err(e) => self
                        .queued
                        .push_back(Err(Error::from(e).at_path("<stdin>"))),
                    Ok(_) => {
                        let trimmed = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
                        if trimmed.first() == Some(&b'{') {
                            self.current = Some(jsonl::JsonlReader::from_bytes(
                                PathBuf::from("<stdin>"),
                                bytes,
                            ));
                        } else {
                            self.queued
                                .push_back(plain::document_from_bytes("<stdin>", &bytes));
                        }
                    }
                }
            }
            Input::Path(path) => {
                if path.is_dir() {
                    match list_dir(&path) {
                        Ok(files) => {
                            for f in files.into_iter().rev() {
                                self.pending.push_front(Input::Path(f));
                            }
                        }
                        Err(e) => self.queued.push_back(Err(e)),
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
                return Some(item);
            }
            if let Some(reader) = &mut self.current {
                match reader.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let input = self.pending.pop_front()?;
            self.open(input);
        }
    }
}

fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The `*.txt` and `*.jsonl` files under `dir`, recursively, sorted by path.
fn list_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::from(e).at_path(&d))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::from(e).at_path(&d))?;
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if has_ext(&p, "txt") || has_ext(&p, "jsonl") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}
