//! Name lists for the patterns: first names (`data/lexicon/first_names.tsv`,
//! generated from the training corpora by `scripts/gen_first_names.py`, and
//! for runs without the tagger also `data/lexicon/first_names_listed.tsv`,
//! generated from a name list by `scripts/listed_first_names.py`) and
//! words that are never names and verbs of saying
//! (`data/lexicon/stopwords.tsv`).

use std::collections::HashSet;

use foldhash::fast::FixedState;

use super::{data_error, records, DataSource};
use crate::error::Result;

/// The first-name file's name under `data/`.
pub const FIRST_NAMES: &str = "lexicon/first_names.tsv";
/// The listed first names' file name under `data/`.
pub const LISTED_FIRST_NAMES: &str = "lexicon/first_names_listed.tsv";
/// The stopword file's name under `data/`.
pub const STOPWORDS: &str = "lexicon/stopwords.tsv";

/// First names and non-name words.
#[derive(Debug, Clone, Default)]
pub struct NameLists {
    first_names: HashSet<String, FixedState>,
    not_names: HashSet<String, FixedState>,
    not_acronyms: HashSet<String, FixedState>,
    speech: HashSet<String, FixedState>,
    directions: HashSet<String, FixedState>,
}

impl NameLists {
    /// Load the first-name and stopword files; with `listed`, the listed
    /// first names too.
    pub fn load(data: &DataSource, listed: bool) -> Result<NameLists> {
        let mut lists = NameLists::default();
        let files: &[&str] = if listed {
            &[FIRST_NAMES, LISTED_FIRST_NAMES]
        } else {
            &[FIRST_NAMES]
        };
        for &file in files {
            let text = data.read(file)?;
            for rec in records(&text) {
                let name = rec.fields[0].trim();
                if name.is_empty() {
                    return Err(data_error(file, rec.line, "empty name"));
                }
                lists.first_names.insert(name.to_string());
            }
        }
        let text = data.read(STOPWORDS)?;
        for rec in records(&text) {
            let [word, kind] = rec.fields[..] else {
                return Err(data_error(
                    STOPWORDS,
                    rec.line,
                    "expected 2 tab-separated fields: word, kind",
                ));
            };
            let word = word.trim().to_string();
            match kind.trim() {
                "name" => lists.not_names.insert(word),
                "acronym" => lists.not_acronyms.insert(word),
                "speech" => lists.speech.insert(word),
                "direction" => lists.directions.insert(word),
                other => {
                    return Err(data_error(
                        STOPWORDS,
                        rec.line,
                        format!(
                            "unknown kind {:?} (use name, acronym, speech or direction)",
                            other
                        ),
                    ))
                }
            };
        }
        Ok(lists)
    }

    /// All first names.
    pub fn first_names(&self) -> impl Iterator<Item = &str> {
        self.first_names.iter().map(String::as_str)
    }

    /// All words that are never part of a name.
    pub fn not_names(&self) -> impl Iterator<Item = &str> {
        self.not_names.iter().map(String::as_str)
    }

    /// All all-caps words that are not organizations.
    pub fn not_acronyms(&self) -> impl Iterator<Item = &str> {
        self.not_acronyms.iter().map(String::as_str)
    }

    /// Whether `word` is a known first name ("Angela").
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// Whether `word` is never part of a name ("Die", "Montag").
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    /// All verbs of saying ("sagte", "so").
    pub fn speech(&self) -> impl Iterator<Item = &str> {
        self.speech.iter().map(String::as_str)
    }

    /// All compass directions ("Südwesten").
    pub fn directions(&self) -> impl Iterator<Item = &str> {
        self.directions.iter().map(String::as_str)
    }

    /// Whether the all-caps `word` is not an organization ("TV").
    pub fn is_not_acronym(&self, word: &str) -> bool {
        self.not_acronyms.contains(word)
    }
}
