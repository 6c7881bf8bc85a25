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
