//! Street words (`data/lexicon/streets.tsv`): the endings of one-word
//! street names ("-straße", "-gasse") and the street words after a place
//! adjective ("Straße", "Weg").
//!
//! Format: `form<TAB>kind` with kind `ending` (lowercase) or `head` (see
//! `data/README.md`).

use std::collections::HashSet;

use foldhash::fast::FixedState;

use super::{data_error, records, DataSource};
use crate::error::Result;

/// The data file's name under `data/`.
pub const FILE: &str = "lexicon/streets.tsv";

/// The street endings and head words.
#[derive(Debug, Clone, Default)]
pub struct StreetLexicon {
    endings: Vec<String>,
    heads: HashSet<String, FixedState>,
}

impl StreetLexicon {
    /// Load `lexicon/streets.tsv`.
    pub fn load(data: &DataSource) -> Result<StreetLexicon> {
        StreetLexicon::parse(&data.read(FILE)?)
    }

    /// Parse the text of a street-word file.
    pub fn parse(text: &str) -> Result<StreetLexicon> {
        let mut lex = StreetLexicon::default();
        for rec in records(text) {
            let [form, kind] = rec.fields[..] else {
                return Err(data_error(
                    FILE,
                    rec.line,
                    "expected 2 tab-separated fields: form, kind",
                ));
            };
            match kind {
                "ending" if !form.is_empty() && !form.chars().any(char::is_uppercase) => {
                    lex.endings.push(form.to_string())
                }
                "ending" => {
                    return Err(data_error(
                        FILE,
                        rec.line,
                        "an ending is lowercase and not empty",
                    ))
                }
                "head" => {
                    lex.heads.insert(form.to_string());
                }
                _ => {
                    return Err(data_error(
                        FILE,
                        rec.line,
                        format!("unknown kind {kind:?} (ending or head)"),
                    ))
                }
            }
        }
        // the longest first, so that a word takes its longest ending
        lex.endings
            .sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        Ok(lex)
    }

    /// The ending `word` ends with (its first letter also in uppercase:
    /// "Karl-Liebknecht-Straße"), if any.
    pub fn ending<'a>(&'a self, word: &str) -> Option<&'a str> {
        self.endings
            .iter()
            .find(|e| ends_with_ignoring_first_case(word, e))
            .map(String::as_str)
    }

    /// Whether `word` is a street word after a place adjective.
    pub fn is_head(&self, word: &str) -> bool {
        self.heads.contains(word)
    }
}

/// Whether `word` ends with `ending`, whose first letter may also be in
/// uppercase there.
fn ends_with_ignoring_first_case(word: &str, ending: &str) -> bool {
    let Some(start) = word.len().checked_sub(ending.len()) else {
        return false;
    };
    let Some(tail) = word.get(start..) else {
        return false;
    };
    let mut t = tail.chars();
    let mut e = ending.chars();
    match (t.next(), e.next()) {
        (Some(a), Some(b)) => {
            (a == b || a.to_lowercase().eq(std::iter::once(b))) && t.as_str() == e.as_str()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_match_with_either_first_letter_and_heads_exactly() {
        let lex = StreetLexicon::parse("# c\nstraße\tending\ngasse\tending\nWeg\thead\n").unwrap();
        assert_eq!(lex.ending("Schulstraße"), Some("straße"));
        assert_eq!(lex.ending("Karl-Liebknecht-Straße"), Some("straße"));
        assert_eq!(lex.ending("HAUPTSTRASSE"), None);
        assert_eq!(lex.ending("aße"), None);
        assert!(lex.is_head("Weg") && !lex.is_head("weg"));
    }

    #[test]
    fn bad_lines_are_errors_naming_the_line() {
        for bad in ["straße\n", "Straße\tending\n", "straße\tstreet\n"] {
            let err = StreetLexicon::parse(&format!("# c\n{bad}"))
                .unwrap_err()
                .to_string();
            assert!(err.contains("streets.tsv") && err.contains('2'), "{err}");
        }
    }

    #[test]
    fn builtin_file_parses() {
        let lex = StreetLexicon::load(&DataSource::builtin()).unwrap();
        assert!(lex.ending("Spitalgasse").is_some() && lex.is_head("Straße"));
    }
}
