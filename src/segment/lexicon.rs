//! The word lists that guide segmentation: abbreviations
//! (`data/lexicon/abbreviations.tsv`), and ordinal heads and line-continuation
//! words (`data/lexicon/segmentation.tsv`).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::Result;
use crate::lexicon::{data_error, records, DataSource};

/// The abbreviation list's name under `data/`.
pub const ABBREVIATIONS: &str = "lexicon/abbreviations.tsv";
/// The ordinal-head and continuation list's name under `data/`.
pub const WORDS: &str = "lexicon/segmentation.tsv";

/// FNV-1a: the word lists are looked up at every full stop and line break,
/// with short keys, where SipHash is needlessly slow. Keys come from our own
/// data files, so hash flooding is no concern.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// Whether an abbreviation's dot can also end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Never ends a sentence ("Dr.", "z. B.", "Mio.").
    Inner,
    /// Ends a sentence when a capitalized word follows ("usw.", "etc.").
    Final,
}

/// The segmentation word lists, loaded once.
#[derive(Debug, Clone, Default)]
pub struct SegmentLexicon {
    inner: WordSet,
    last: WordSet,
    ordinal: WordSet,
    continues: WordSet,
    starters: WordSet,
    before_ordinal: WordSet,
}

impl SegmentLexicon {
    /// Load both lists from `data`.
    pub fn load(data: &DataSource) -> Result<SegmentLexicon> {
        let mut lex = SegmentLexicon::default();
        let text = data.read(ABBREVIATIONS)?;
        for rec in records(&text) {
            let [form, kind] = rec.fields[..] else {
                return Err(data_error(
                    ABBREVIATIONS,
                    rec.line,
                    "expected 2 tab-separated fields: form, kind",
                ));
            };
            let set = match kind.trim() {
                "inner" => &mut lex.inner,
                "final" => &mut lex.last,
                other => {
                    return Err(data_error(
                        ABBREVIATIONS,
                        rec.line,
                        format!("unknown kind {:?} (expected inner or final)", other),
                    ))
                }
            };
            let form = form.trim();
            if !form.ends_with('.') {
                return Err(data_error(
                    ABBREVIATIONS,
                    rec.line,
                    format!("abbreviation {:?} must end with a dot", form),
                ));
            }
            for part in form.split([' ', '.']).filter(|p| !p.is_empty()) {
                set.insert(part.to_string());
            }
        }
        let text = data.read(WORDS)?;
        for rec in records(&text) {
            let [word, role] = rec.fields[..] else {
                return Err(data_error(
                    WORDS,
                    rec.line,
                    "expected 2 tab-separated fields: word, role",
                ));
            };
            let set = match role.trim() {
                "ordinal" => &mut lex.ordinal,
                "continues" => &mut lex.continues,
                "starter" => &mut lex.starters,
                "before_ordinal" => &mut lex.before_ordinal,
                other => {
                    return Err(data_error(
                        WORDS,
                        rec.line,
                        format!(
                            "unknown role {:?} (expected ordinal, before_ordinal, continues or starter)",
                            other
                        ),
                    ))
                }
            };
            set.insert(word.trim().to_string());
        }
        Ok(lex)
    }

    /// The kind of abbreviation `word` (without its dot) is, if any. A
    /// capitalized word is also looked up with a lowercase first letter
    /// ("Vgl" → "vgl"), since abbreviations can start a sentence.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevKind> {
        if let Some(k) = self.lookup(word) {
            return Some(k);
        }
        let b = word.as_bytes();
        if b.len() <= 16 && b.first().is_some_and(u8::is_ascii_uppercase) {
            let mut buf = [0u8; 16];
            buf[..b.len()].copy_from_slice(b);
            buf[0] = buf[0].to_ascii_lowercase();
            if let Ok(lower) = std::str::from_utf8(&buf[..b.len()]) {
                return self.lookup(lower);
            }
        }
        None
    }

    fn lookup(&self, word: &str) -> Option<AbbrevKind> {
        if self.inner.contains(word) {
            Some(AbbrevKind::Inner)
        } else if self.last.contains(word) {
            Some(AbbrevKind::Final)
        } else {
            None
        }
    }

    /// Whether "N. `word`" makes N an ordinal ("3. Oktober").
    pub fn is_ordinal_head(&self, word: &str) -> bool {
        self.ordinal.contains(word)
    }

    /// Whether a line ending in `word` continues on the next line.
    pub fn continues_line(&self, word: &str) -> bool {
        self.continues.contains(word)
    }

    /// Whether "`word` N." makes N an ordinal ("dem 60.", "im 1.").
    pub fn precedes_ordinal(&self, word: &str) -> bool {
        self.before_ordinal.contains(word)
    }

    /// Whether `word` (capitalized) typically starts a sentence ("Der", "Aufgrund").
    pub fn starts_sentence(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load() {
        let lex = SegmentLexicon::load(&DataSource::builtin()).unwrap();
        assert_eq!(lex.abbreviation("Dr"), Some(AbbrevKind::Inner));
        assert_eq!(lex.abbreviation("Vgl"), Some(AbbrevKind::Inner));
        assert_eq!(lex.abbreviation("usw"), Some(AbbrevKind::Final));
        assert_eq!(lex.abbreviation("Haus"), None);
        assert!(lex.abbreviation("z").is_some());
        assert!(lex.is_ordinal_head("Oktober"));
        assert!(lex.continues_line("und"));
        assert!(!lex.continues_line("aus"));
        assert!(lex.starts_sentence("Die"));
        assert!(lex.precedes_ordinal("dem"));
    }

    #[test]
    fn malformed_list_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lexicon")).unwrap();
        std::fs::write(
            dir.path().join(ABBREVIATIONS),
            "# comment\nDr.\tinner\nusw\tsometimes\n",
        )
        .unwrap();
        let err = SegmentLexicon::load(&DataSource::from_dir(dir.path())).unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert!(err.to_string().contains("abbreviations.tsv"), "{}", err);
    }
}
