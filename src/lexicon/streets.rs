//! Street words (`data/lexicon/streets.tsv`): the endings of one-word
//! street names ("-straße", "-gasse"), the street words after a place
//! adjective ("Straße", "Weg") and the compounds that name a kind of road
//! ("Kreisstraße").
//!
//! Format: `form<TAB>kind` with kind `ending` (lowercase), `head` or
//! `generic` (see `data/README.md`).

use std::collections::BTreeMap;

use super::suffix::SuffixTrie;
use super::{data_error, records, DataSource};
use crate::error::Result;

/// The data file's name under `data/`.
pub const FILE: &str = "lexicon/streets.tsv";

/// Flag of a key that is an ending (lowercase, or with its first letter in
/// uppercase).
const ENDING: u8 = 1;
/// Flag of a key that is a head word.
const HEAD: u8 = 2;
/// Flag of a word that names a kind of road, never one road.
const GENERIC: u8 = 4;

/// The street endings and head words, in one trie over reversed keys: most
/// words are passed over after one look at their last byte.
#[derive(Debug, Clone, Default)]
pub struct StreetLexicon {
    trie: SuffixTrie<u8>,
}

impl StreetLexicon {
    /// Load `lexicon/streets.tsv`.
    pub fn load(data: &DataSource) -> Result<StreetLexicon> {
        StreetLexicon::parse(&data.read(FILE)?)
    }

    /// Parse the text of a street-word file.
    pub fn parse(text: &str) -> Result<StreetLexicon> {
        let mut keys: BTreeMap<String, u8> = BTreeMap::new();
        for rec in records(text) {
            let [form, kind] = rec.fields[..] else {
                return Err(data_error(
                    FILE,
                    rec.line,
                    "expected 2 tab-separated fields: form, kind",
                ));
            };
            if form.is_empty() {
                return Err(data_error(FILE, rec.line, "empty form"));
            }
            match kind {
                "ending" if !form.chars().any(char::is_uppercase) => {
                    let mut chars = form.chars();
                    let capitalized: String = chars
                        .next()
                        .into_iter()
                        .flat_map(char::to_uppercase)
                        .chain(chars)
                        .collect();
                    *keys.entry(form.to_string()).or_default() |= ENDING;
                    *keys.entry(capitalized).or_default() |= ENDING;
                }
                "ending" => return Err(data_error(FILE, rec.line, "an ending is lowercase")),
                "head" => {
                    *keys.entry(form.to_string()).or_default() |= HEAD;
                }
                "generic" => {
                    *keys.entry(form.to_string()).or_default() |= GENERIC;
                }
                _ => {
                    return Err(data_error(
                        FILE,
                        rec.line,
                        format!("unknown kind {kind:?} (ending, head or generic)"),
                    ))
                }
            }
        }
        Ok(StreetLexicon {
            trie: SuffixTrie::build(keys),
        })
    }

    /// Whether `word` may end with an ending or be a head word: false for
    /// most words, after one look at their last byte.
    #[inline]
    pub fn may_match(&self, word: &[u8]) -> bool {
        word.last()
            .is_some_and(|&b| self.trie.has_key_ending_with(b))
    }

    /// The length in bytes of the longest ending `word` ends with, as
    /// written there (its first letter may also be in uppercase:
    /// "Karl-Liebknecht-Straße"), if any.
    pub fn ending_len(&self, word: &str) -> Option<usize> {
        let mut longest = None;
        self.trie.for_each_suffix(word.as_bytes(), |start, &flags| {
            if flags & ENDING != 0 {
                longest = Some(word.len() - start);
            }
        });
        longest
    }

    /// Whether `word` names a kind of road, not one road ("Kreisstraße").
    pub fn is_generic(&self, word: &str) -> bool {
        self.trie
            .get(word.as_bytes())
            .is_some_and(|&flags| flags & GENERIC != 0)
    }

    /// Whether `word` is a street word after a place adjective.
    pub fn is_head(&self, word: &str) -> bool {
        self.trie
            .get(word.as_bytes())
            .is_some_and(|&flags| flags & HEAD != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_match_with_either_first_letter_and_heads_exactly() {
        let lex = StreetLexicon::parse("# c\nstraße\tending\ngasse\tending\nWeg\thead\n").unwrap();
        assert_eq!(lex.ending_len("Schulstraße"), Some("straße".len()));
        assert_eq!(
            lex.ending_len("Karl-Liebknecht-Straße"),
            Some("Straße".len())
        );
        assert_eq!(lex.ending_len("HAUPTSTRASSE"), None);
        assert!(lex.may_match(b"Spitalgasse") && lex.may_match(b"Weg") && !lex.may_match(b"Haus"));
        assert_eq!(lex.ending_len("aße"), None);
        // a first letter outside ASCII, in either case
        let umlaut = StreetLexicon::parse("ämter\tending\n").unwrap();
        assert_eq!(umlaut.ending_len("Bauämter"), Some("ämter".len()));
        assert_eq!(umlaut.ending_len("Bau-Ämter"), Some("Ämter".len()));
        assert!(lex.is_head("Weg") && !lex.is_head("weg"));
        let generic = StreetLexicon::parse("straße\tending\nKreisstraße\tgeneric\n").unwrap();
        assert!(generic.is_generic("Kreisstraße") && !generic.is_generic("Schulstraße"));
    }

    #[test]
    fn bad_lines_are_errors_naming_the_line() {
        for bad in [
            "straße\n",
            "Straße\tending\n",
            "straße\tstreet\n",
            "\thead\n",
        ] {
            let err = StreetLexicon::parse(&format!("# c\n{bad}"))
                .unwrap_err()
                .to_string();
            assert!(err.contains("streets.tsv") && err.contains('2'), "{err}");
        }
    }

    #[test]
    fn builtin_file_parses() {
        let lex = StreetLexicon::load(&DataSource::builtin()).unwrap();
        assert!(lex.ending_len("Spitalgasse").is_some() && lex.is_head("Straße"));
    }
}
