//! Second pass of segmentation: walk the raw tokens once and decide where
//! sentences end (full stops vs. abbreviations and ordinals, "?!…", closing
//! quotes, blank lines and heading-like lines).

use super::lexicon::{AbbrevKind, SegmentLexicon};
use super::scan::{char_at, Raw, RawKind, Scanner};
use super::{Sentence, Token, TokenKind};

/// A sentence is cut after this many tokens, so text without any punctuation
/// cannot make a single huge sentence for the later stages.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// A line of at least this many bytes that ends without punctuation and is
/// followed by a lowercase word is taken as hard-wrapped text.
const WRAPPED_LINE: usize = 50;

/// Hard-wrapped text has no line longer than this many bytes.
const MAX_WRAP: usize = 110;

/// The wrap width (in bytes) if `text` looks hard-wrapped: at least six
/// lines, none longer than [`MAX_WRAP`]; the width is the 80th percentile of
/// the line lengths; at least 60% of the lines are within three quarters of
/// it, and at least 30% of the lines that end without final punctuation are
/// followed by a lowercase line.
///
/// Stops at the first long line, so ordinary text costs little; memory is a
/// fixed histogram.
fn wrap_width(text: &str) -> Option<usize> {
    let mut histogram = [0usize; MAX_WRAP + 1];
    let mut lines = 0;
    for line in text.lines() {
        let len = line.trim_end().len();
        if len > MAX_WRAP {
            return None;
        }
        if len > 0 {
            lines += 1;
            histogram[len] += 1;
        }
    }
    if lines < 6 {
        return None;
    }
    let mut seen = 0;
    let width = (1..=MAX_WRAP).find(|&len| {
        seen += histogram[len];
        seen * 10 >= lines * 8
    })?;
    if width < 40 {
        return None;
    }
    let long: usize = histogram[(width * 3).div_ceil(4)..].iter().sum();
    let (mut open, mut lower) = (0, 0);
    let mut prev_open = false;
    for line in text.lines().map(str::trim_end).filter(|l| !l.is_empty()) {
        if prev_open {
            open += 1;
            lower += usize::from(line.trim_start().starts_with(char::is_lowercase));
        }
        prev_open = !line.ends_with(|c: char| {
            matches!(
                c,
                '.' | '!' | '?' | ':' | '…' | '"' | '“' | '”' | '«' | '»' | ')'
            )
        });
    }
    (long * 10 >= lines * 6 && open > 0 && lower * 10 >= open * 3).then_some(width)
}

/// Closing quotes and brackets that stay with the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '’' | '‘' | '«' | '»' | '›' | '‹' | ')' | ']' | '}'
    )
}

/// Punctuation that continues a sentence when it follows "?" or a line break.
fn is_continuing_punct(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '%' | '/' | '&' | '.')
}

/// Punctuation that leaves a line open at its end.
fn is_open_line_end(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '(' | '[' | '{' | '-' | '‐' | '/' | '&' | '+' | '„' | '‚' | '»' | '›'
    )
}

struct Splitter<'a> {
    text: &'a str,
    scanner: Scanner<'a>,
    /// The raw token scanned but not handled yet, if any.
    ahead: Option<Raw>,
    /// The raw token being handled.
    current: Option<Raw>,
    /// The raw token before it.
    before: Option<Raw>,
    lex: &'a SegmentLexicon,
    out: Vec<Sentence>,
    cur: Vec<Token>,
    /// Whether the current sentence has a word or number yet.
    content: bool,
    /// Whether the last token ends with a dot that does not end a sentence
    /// (abbreviation, initial, ordinal).
    soft_dot: bool,
    /// Byte offset where the line of the last token starts.
    line_start: usize,
    /// The wrap width, if the text is hard-wrapped.
    wrap: Option<usize>,
}

/// Split `text` into sentences, scanning it once.
pub(crate) fn split(text: &str, lex: &SegmentLexicon) -> Vec<Sentence> {
    let mut s = Splitter {
        text,
        scanner: Scanner::new(text, lex),
        ahead: None,
        current: None,
        before: None,
        lex,
        out: Vec::new(),
        cur: Vec::with_capacity(64),
        content: false,
        soft_dot: false,
        line_start: 0,
        wrap: wrap_width(text),
    };
    while let Some(r) = s.advance() {
        s.step(r);
    }
    s.flush();
    s.out
}

impl Splitter<'_> {
    /// The next raw token, which becomes the one being handled.
    fn advance(&mut self) -> Option<Raw> {
        let r = self.ahead.take().or_else(|| self.scanner.next())?;
        self.before = self.current.replace(r);
        Some(r)
    }

    /// The raw token after the one being handled, without taking it.
    fn peek(&mut self) -> Option<Raw> {
        if self.ahead.is_none() {
            self.ahead = self.scanner.next();
        }
        self.ahead
    }

    fn first_char(&self, r: &Raw) -> char {
        char_at(self.text, r.start).unwrap_or(' ')
    }

    fn raw_text(&self, r: &Raw) -> &str {
        &self.text[r.start..r.end]
    }

    fn flush(&mut self) {
        if let (Some(first), Some(last)) = (self.cur.first(), self.cur.last()) {
            self.out.push(Sentence {
                index: self.out.len(),
                start: first.start,
                end: last.end,
                tokens: self.cur.to_vec(),
            });
        }
        self.cur.clear();
        self.content = false;
        self.soft_dot = false;
    }

    fn push(&mut self, r: &Raw) {
        if r.newlines > 0 {
            self.line_start = r.start;
        }
        let kind = match r.kind {
            RawKind::Word => TokenKind::Word,
            RawKind::Number => TokenKind::Number,
            RawKind::Stop | RawKind::Punct => TokenKind::Punct,
        };
        self.content |= kind != TokenKind::Punct;
        // "z.B." keeps its dot from the scanner.
        self.soft_dot = kind == TokenKind::Word && self.text[..r.end].ends_with('.');
        self.cur.push(Token {
            start: r.start,
            end: r.end,
            kind,
        });
    }

    /// Handle raw token `r`, the one [`Splitter::advance`] just returned.
    fn step(&mut self, r: Raw) {
        if !self.cur.is_empty()
            && (r.newlines >= 2
                || (r.newlines == 1 && !self.line_continues(&r))
                || self.cur.len() >= MAX_SENTENCE_TOKENS)
        {
            self.flush();
        }
        if r.kind != RawKind::Stop {
            self.push(&r);
            return;
        }
        // A single full stop right after a word or number may belong to it.
        if let Some(p) = self
            .before
            .filter(|_| self.raw_text(&r) == "." && !r.spaced && !self.cur.is_empty())
        {
            let next = self.peek().filter(|n| n.newlines < 2);
            let role = self.dot_role(&p, next.as_ref());
            if role != DotRole::Stop {
                if let Some(last) = self.cur.last_mut() {
                    last.end = r.end;
                }
                self.soft_dot = true;
                if role == DotRole::AbbreviationStop {
                    self.flush();
                }
                return;
            }
        }
        // A sentence-final mark, with the closing quotes and brackets glued to it.
        self.push(&r);
        while let Some(q) = self.peek() {
            if q.spaced || q.kind != RawKind::Punct || !is_closer(self.first_char(&q)) {
                break;
            }
            self.advance();
            self.push(&q);
        }
        self.soft_dot = false;
        let brk = match self.peek() {
            None => true,
            Some(_) if !self.content => false,
            Some(n) if n.newlines > 0 => true,
            Some(n) => {
                let c = self.first_char(&n);
                !(c.is_lowercase()
                    || n.kind == RawKind::Stop
                    || (n.kind == RawKind::Punct && is_continuing_punct(c)))
            }
        };
        if brk {
            self.flush();
        }
    }

    /// Whether the line ending with the current sentence's last token goes on
    /// with `next` (the first token of the next line).
    ///
    /// It does when the line ends open (comma, opening bracket or quote,
    /// hyphen, article, conjunction or preposition), or when the next line
    /// starts with a lowercase letter and this line is long or ends with an
    /// abbreviation, or when the whole text is hard-wrapped and this line is
    /// not clearly shorter than the others. Short lines without final
    /// punctuation are headings, captions, datelines: they end a sentence.
    fn line_continues(&self, next: &Raw) -> bool {
        let Some(last) = self.cur.last() else {
            return true;
        };
        let c = self.first_char(next);
        if next.kind == RawKind::Punct && is_continuing_punct(c) {
            return true;
        }
        let t = &self.text[last.start..last.end];
        let open = match last.kind {
            TokenKind::Punct => t.chars().next().is_some_and(is_open_line_end),
            TokenKind::Word => t.ends_with('-') || self.lex.continues_line(t),
            TokenKind::Number => false,
        };
        let line_len = last.end - self.line_start;
        // In hard-wrapped text only a clearly short line ends a paragraph.
        // (A line ending with a colon, or longer than the wrap width, is a
        // heading or a lead-in, not a wrapped line.)
        let wrapped = self
            .wrap
            .is_some_and(|w| line_len * 10 >= w * 6 && line_len <= w + w / 8 && !t.ends_with(':'));
        open || wrapped || (c.is_lowercase() && (self.soft_dot || line_len >= WRAPPED_LINE))
    }

    /// What the full stop after `p` is, given the token after it.
    fn dot_role(&self, p: &Raw, next: Option<&Raw>) -> DotRole {
        let w = self.raw_text(p);
        let next_text = next.map_or("", |n| self.raw_text(n));
        let next_char = next_text.chars().next();
        let next_lower = next_char.is_some_and(char::is_lowercase);
        let same_line = next.is_some_and(|n| n.newlines == 0);
        match p.kind {
            RawKind::Word => {
                if w.chars().nth(1).is_none() && w.chars().all(char::is_alphabetic) {
                    // An initial ("J. R. R. Tolkien") or "z. B.".
                    return DotRole::Abbreviation;
                }
                let starter = same_line
                    && next.is_some_and(|n| n.kind == RawKind::Word)
                    && self.lex.starts_sentence(next_text);
                match self.lex.abbreviation(w) {
                    Some(_) if starter => DotRole::AbbreviationStop,
                    Some(AbbrevKind::Inner) => DotRole::Abbreviation,
                    Some(AbbrevKind::Final) => {
                        // "usw. Dann" ends, "& Co. KG" does not.
                        let capitalized = next.is_some_and(|n| n.kind == RawKind::Word)
                            && next_char.is_some_and(char::is_uppercase)
                            && (next_text.chars().nth(1).is_none()
                                || next_text.chars().any(char::is_lowercase));
                        let quote = next_char.is_some_and(|c| matches!(c, '„' | '»' | '"' | '‚'));
                        if same_line && (capitalized || quote) {
                            DotRole::AbbreviationStop
                        } else {
                            DotRole::Abbreviation
                        }
                    }
                    // An unknown abbreviation: "Abschn. des".
                    None if next_lower && same_line => DotRole::Abbreviation,
                    None => DotRole::Stop,
                }
            }
            RawKind::Number => {
                // "3." or a day and month "27.04." (a 4-digit year never is an ordinal).
                let digits = |s: &str, max: usize| {
                    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
                };
                let small = digits(w, 3)
                    || w.split_once('.')
                        .is_some_and(|(d, m)| digits(d, 2) && digits(m, 2));
                if !small {
                    return DotRole::Stop;
                }
                let line_start = p.newlines > 0 || self.cur.len() == 1;
                let head = next.is_some_and(|n| {
                    n.kind != RawKind::Punct && self.lex.is_ordinal_head(next_text)
                });
                // "ab dem 60. Lebensjahr", "im 1. Satz": an article or
                // preposition before the number.
                let determiner = self.cur.len() >= 2 && {
                    let b = self.cur[self.cur.len() - 2];
                    b.kind == TokenKind::Word && self.lex.precedes_ordinal(b.text(self.text))
                };
                let capitalized = next_char.is_some_and(char::is_uppercase)
                    && !self.lex.starts_sentence(next_text);
                if next_lower
                    || head
                    || (line_start && next.is_some())
                    || (determiner && capitalized && same_line)
                {
                    DotRole::Abbreviation
                } else {
                    DotRole::Stop
                }
            }
            _ => DotRole::Stop,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DotRole {
    /// Ends the sentence (if the next token allows).
    Stop,
    /// Belongs to the word; never ends the sentence.
    Abbreviation,
    /// Belongs to the word and ends the sentence ("usw. Dann").
    AbbreviationStop,
}
