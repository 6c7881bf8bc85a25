//! Stage 2, segment: split a document's text into sentences and tokens with
//! byte offsets, German-aware (abbreviations, ordinals, numbers, domains,
//! quotes, line structure, and glued sentences like "solle.In").
//!
//! Segmentation is two linear passes: the scanner cuts the text into raw tokens
//! (words with inner hyphens and apostrophes, numbers with `.` `,` `:`
//! inside, domains and URLs, punctuation), and the splitter decides which full
//! stops end a sentence and which belong to an abbreviation ("Dr.", "z. B."),
//! an initial ("J. R. R. Tolkien") or an ordinal ("am 3. Oktober"). The
//! abbreviation and ordinal lists are data files (`data/lexicon/abbreviations.tsv`,
//! `data/lexicon/segmentation.tsv`), loaded once.
//!
//! Sentence breaks:
//! - after `.` `!` `?` `…` (and runs like `?!`, `...`) when the next token is
//!   not lowercase or continuing punctuation; closing quotes and brackets right
//!   after the mark stay in the sentence (`„Wir kommen.“`);
//! - a full stop glued to a capitalized word is a break ("solle.In"), one
//!   glued to a lowercase word is not ("Vlast.kz", a domain);
//! - an abbreviation ends a sentence when a typical sentence starter follows
//!   ("in Hanau Hbf. Aufgrund der …"), and `usw.`, `etc.` when any
//!   capitalized word does;
//! - a blank line always breaks; a single line break breaks unless the line
//!   ends open (comma, hyphen, article, conjunction or preposition) or the
//!   next line starts lowercase after a long (hard-wrapped) line, so
//!   headings, datelines, captions and RSS lines are sentences of their own;
//!   in text that is hard-wrapped as a whole (lines of similar length, often
//!   followed by lowercase lines) only clearly short lines end a sentence;
//! - after [`MAX_SENTENCE_TOKENS`] tokens.
//!
//! ```
//! let text = "Dr. Müller kam am 3. Oktober nach Berlin.Dort sprach er.";
//! let sentences = nergraph::segment::segment(text);
//! let texts: Vec<&str> = sentences.iter().map(|s| s.text(text)).collect();
//! assert_eq!(texts, ["Dr. Müller kam am 3. Oktober nach Berlin.", "Dort sprach er."]);
//! assert_eq!(sentences[0].tokens[0].text(text), "Dr.");
//! ```

mod lexicon;
mod scan;
mod split;

use std::sync::OnceLock;

use serde::Serialize;

use crate::error::Result;
use crate::lexicon::DataSource;

pub use lexicon::{AbbrevKind, SegmentLexicon};
/// Whether a char separates tokens (whitespace, control and invisible
/// format characters): no token contains one.
pub(crate) use scan::is_space as is_separator;
pub use split::MAX_SENTENCE_TOKENS;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens, apostrophes and dots:
    /// "NATO-Generalsekretär", "Kaiser's", "Dr.", "z.B.", "Vlast.kz", URLs.
    Word,
    /// Starts with a digit: "20.000", "2,2", "15:47", "3." (an ordinal).
    Number,
    /// Punctuation or a symbol: ".", "„", "(", "?!", "…".
    Punct,
}

/// A token: a word, number or punctuation mark, as byte offsets into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A sentence: byte span into the document text, and its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// 0-based index of the sentence in its document.
    pub index: usize,
    /// Byte offset of the first byte (no leading whitespace).
    pub start: usize,
    /// Byte offset just past the last byte (no trailing whitespace).
    pub end: usize,
    /// The tokens, in order (at least one).
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The sentence's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A segmenter with its word lists loaded.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    lexicon: SegmentLexicon,
}

impl Segmenter {
    /// Load the abbreviation and ordinal lists from `data`.
    pub fn new(data: &DataSource) -> Result<Segmenter> {
        Ok(Segmenter {
            lexicon: SegmentLexicon::load(data)?,
        })
    }

    /// The segmenter with the built-in lists, loaded once per process.
    pub fn builtin() -> &'static Segmenter {
        static BUILTIN: OnceLock<Segmenter> = OnceLock::new();
        // The built-in lists are checked by tests; should they ever fail to
        // parse, segmentation still works, just without abbreviations.
        BUILTIN.get_or_init(|| Segmenter::new(&DataSource::builtin()).unwrap_or_default())
    }

    /// Split `text` into sentences with tokens.
    ///
    /// # Complexity
    /// Linear in the length of `text`; memory beyond the result is bounded
    /// by one sentence.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        split::split(text, &self.lexicon)
    }

    /// The tokens of `text`, as [`Segmenter::segment`] finds them.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        self.segment(text)
            .into_iter()
            .flat_map(|s| s.tokens)
            .collect()
    }
}

/// Split `text` into sentences with tokens, with the built-in word lists.
pub fn segment(text: &str) -> Vec<Sentence> {
    Segmenter::builtin().segment(text)
}

/// Split `text` into tokens, with the built-in word lists. Abbreviation and
/// ordinal dots belong to their token ("Dr.", "3."); sentence-final ones are
/// tokens of their own.
pub fn tokenize(text: &str) -> Vec<Token> {
    Segmenter::builtin().tokenize(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text).iter().map(|s| s.text(text)).collect()
    }

    fn tokens(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn glued_full_stop_before_capital_breaks() {
        assert_eq!(
            sentences("Sie sollten helfen.In der Nacht gab es Schüsse."),
            ["Sie sollten helfen.", "In der Nacht gab es Schüsse."]
        );
    }

    #[test]
    fn domains_and_abbreviations_stay() {
        assert_eq!(
            tokens("Dem Portal Vlast.kz zufolge, so Dr. Meier."),
            ["Dem", "Portal", "Vlast.kz", "zufolge", ",", "so", "Dr.", "Meier", "."]
        );
    }

    #[test]
    fn offsets_are_char_boundaries_and_ordered() {
        let text = "Ärger über „Größe“… Straße! Übel?";
        let mut last = 0;
        for s in segment(text) {
            assert!(s.start >= last && s.start < s.end);
            for t in &s.tokens {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                assert!(t.start >= s.start && t.end <= s.end && t.start < t.end);
            }
            last = s.end;
        }
    }

    #[test]
    fn token_kinds() {
        let text = "Am 3. Oktober kamen 20.000 Menschen.";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Word, Number, Word, Word, Number, Word, Punct]);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(segment("").is_empty());
        assert!(segment(" \n\t\u{feff}\u{200b}").is_empty());
    }
}
