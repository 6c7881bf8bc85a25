//! The library's error type: what went wrong and where (file, line, byte).

use std::fmt;
use std::path::PathBuf;

/// What kind of failure an [`Error`] reports.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// The bytes are not text in any encoding we accept (binary data).
    Binary,
    /// The bytes could not be decoded as text.
    Decode(String),
    /// A JSONL line is not a valid document object.
    Json(String),
    /// A data file (lexicon, gazetteer, model) is malformed.
    Data(String),
    /// A gold-annotation file for evaluation is malformed.
    Corpus(String),
    /// Anything else, with a message.
    Other(String),
}

/// An error with the place it happened: a file and, where known, a line.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<usize>,
}

impl Error {
    /// A new error of `kind` with no place attached.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            path: None,
            line: None,
        }
    }

    /// Attach the file the error happened in.
    pub fn at_path(mut self, path: impl Into<PathBuf>) -> Error {
        self.path = Some(path.into());
        self
    }

    /// Attach the 1-based line the error happened on.
    pub fn at_line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file, if known.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The 1-based line, if known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// Shorthand for an [`ErrorKind::Data`] error.
    pub fn data(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Data(msg.into()))
    }

    /// Shorthand for an [`ErrorKind::Other`] error.
    pub fn other(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Other(msg.into()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: ", p.display(), l)?,
            (Some(p), None) => write!(f, "{}: ", p.display())?,
            (None, Some(l)) => write!(f, "line {}: ", l)?,
            (None, None) => {}
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{}", e),
            ErrorKind::Binary => write!(f, "looks like binary data, not text"),
            ErrorKind::Decode(m) => write!(f, "cannot decode text: {}", m),
            ErrorKind::Json(m) => write!(f, "invalid JSONL document: {}", m),
            ErrorKind::Data(m) => write!(f, "invalid data file: {}", m),
            ErrorKind::Corpus(m) => write!(f, "invalid corpus file: {}", m),
            ErrorKind::Other(m) => write!(f, "{}", m),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

/// Result alias used throughout the library.
pub type Result<T> = std::result::Result<T, Error>;
