//! Access to the data files under `data/`: built into the binary by default,
//! or read from a directory given with `--data DIR` so users can add names,
//! roles and verbs without recompiling.
//!
//! All tabular data files share one format: UTF-8, one record per line, fields
//! separated by tabs, `#` starts a comment line, blank lines are ignored.

pub mod names;
pub mod orgs;
pub mod relation_patterns;
pub mod roles;
pub mod streets;
pub mod suffix;
pub mod triggers;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};

/// The data files compiled into the binary, by their path under `data/`.
const BUILTIN: &[(&str, &str)] = &[
    (
        "gazetteer/countries.tsv",
        include_str!("../../data/gazetteer/countries.tsv"),
    ),
    (
        "gazetteer/cities.tsv",
        include_str!("../../data/gazetteer/cities.tsv"),
    ),
    (
        "gazetteer/organizations.tsv",
        include_str!("../../data/gazetteer/organizations.tsv"),
    ),
    (
        "gazetteer/stoplist.txt",
        include_str!("../../data/gazetteer/stoplist.txt"),
    ),
    (
        "lexicon/roles.tsv",
        include_str!("../../data/lexicon/roles.tsv"),
    ),
    (
        "lexicon/org_suffixes.tsv",
        include_str!("../../data/lexicon/org_suffixes.tsv"),
    ),
    (
        "lexicon/first_names.tsv",
        include_str!("../../data/lexicon/first_names.tsv"),
    ),
    (
        "lexicon/first_names_listed.tsv",
        include_str!("../../data/lexicon/first_names_listed.tsv"),
    ),
    (
        "lexicon/stopwords.tsv",
        include_str!("../../data/lexicon/stopwords.tsv"),
    ),
    (
        "lexicon/triggers.tsv",
        include_str!("../../data/lexicon/triggers.tsv"),
    ),
    (
        "lexicon/abbreviations.tsv",
        include_str!("../../data/lexicon/abbreviations.tsv"),
    ),
    (
        "lexicon/segmentation.tsv",
        include_str!("../../data/lexicon/segmentation.tsv"),
    ),
    (
        "lexicon/relation_patterns.tsv",
        include_str!("../../data/lexicon/relation_patterns.tsv"),
    ),
    (
        "lexicon/streets.tsv",
        include_str!("../../data/lexicon/streets.tsv"),
    ),
];

/// Where data files come from.
#[derive(Debug, Clone, Default)]
pub struct DataSource {
    dir: Option<PathBuf>,
}

impl DataSource {
    /// The data files built into the binary.
    pub fn builtin() -> DataSource {
        DataSource { dir: None }
    }

    /// Read data files from `dir` (laid out like `data/`); files missing there
    /// fall back to the built-in copy.
    pub fn from_dir(dir: impl Into<PathBuf>) -> DataSource {
        DataSource {
            dir: Some(dir.into()),
        }
    }

    /// The text of data file `name` (a path relative to `data/`).
    pub fn read(&self, name: &str) -> Result<Cow<'static, str>> {
        if let Some(dir) = &self.dir {
            let path = dir.join(name);
            if path.exists() {
                return std::fs::read_to_string(&path)
                    .map(Cow::Owned)
                    .map_err(|e| Error::from(e).at_path(path));
            }
        }
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| Cow::Borrowed(*t))
            .ok_or_else(|| Error::data(format!("no data file named {}", name)))
    }

    /// The directory data files are read from, if not built in.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }
}

/// One record of a tab-separated data file, with its 1-based line number.
pub struct Record<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    /// The tab-separated fields, untrimmed.
    pub fields: Vec<&'a str>,
}

/// The records of a tab-separated data file: comments (`#`) and blank lines skipped.
pub fn records(text: &str) -> impl Iterator<Item = Record<'_>> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some(Record {
                line: i + 1,
                fields: line.split('\t').collect(),
            })
        }
    })
}

/// An error about data file `name` at `line`.
pub fn data_error(name: &str, line: usize, msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::Data(msg.into()))
        .at_path(Path::new("data").join(name))
        .at_line(line)
}
