//! First pass of segmentation: one linear scan of the text into raw tokens
//! (words, numbers, punctuation, runs of sentence-final marks), each with the
//! whitespace and line breaks before it. Sentence decisions happen later.

use super::lexicon::SegmentLexicon;
use crate::text::ASCII_ALNUM;

/// What a raw token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawKind {
    /// Letters (and digits) with inner hyphens, apostrophes and dots:
    /// "NATO-Generalsekretär", "Kaiser's", "Vlast.kz", "z.B.", URLs.
    Word,
    /// Starts with a digit: "20.000", "2,2", "15:47", "4x4".
    Number,
    /// A run of sentence-final marks: ".", "?!", "...", "…".
    Stop,
    /// Any other single non-space character.
    Punct,
}

/// A token before sentence decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Raw {
    pub start: usize,
    pub end: usize,
    pub kind: RawKind,
    /// Line breaks in the gap before the token: 0, 1, or 2 for a blank line.
    pub newlines: u8,
    /// Whether there is any whitespace before the token.
    pub spaced: bool,
}

/// The char at byte `i` of `text` (which must be a char boundary), if any.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(i..)?.chars().next()
    }
}

/// Combining marks (decomposed umlauts), variation selectors.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// Letters, digits, combining marks and the soft hyphen.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        crate::text::is_alphanumeric(c) || is_mark(c) || c == '\u{AD}'
    }
}

/// Whitespace, control and invisible format characters: they separate tokens.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace() || c.is_ascii_control()
    } else {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
    }
}

fn is_stop_char(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Cuts `text` into raw tokens, one at a time.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    lex: &'a SegmentLexicon,
    i: usize,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `text`.
    pub(crate) fn new(text: &'a str, lex: &'a SegmentLexicon) -> Scanner<'a> {
        Scanner { text, lex, i: 0 }
    }
}

impl Iterator for Scanner<'_> {
    type Item = Raw;

    fn next(&mut self) -> Option<Raw> {
        let (text, lex) = (self.text, self.lex);
        let bytes = text.as_bytes();
        let mut i = self.i;
        let mut newlines = 0u8;
        let mut spaced = false;
        while let Some(c) = char_at(text, i) {
            let len = c.len_utf8();
            if c == ' ' {
                spaced = true;
                i += 1;
                continue;
            }
            if is_space(c) {
                let nl = match c {
                    '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => 1,
                    '\r' if bytes.get(i + 1) != Some(&b'\n') => 1,
                    '\u{2029}' => 2,
                    _ => 0,
                };
                newlines = newlines.saturating_add(nl).min(2);
                spaced = true;
                i += len;
                continue;
            }
            let url = if matches!(c, 'h' | 'w' | 'H' | 'W') {
                url_end(text, i)
            } else {
                None
            };
            let (end, kind) = if let Some(end) = url {
                (end, RawKind::Word)
            } else if is_word_char(c) {
                let kind = if c.is_numeric() {
                    RawKind::Number
                } else {
                    RawKind::Word
                };
                (word_end(text, i, lex), kind)
            } else if (c == '@' || c == '#')
                && char_at(text, i + 1).is_some_and(char::is_alphabetic)
            {
                // a handle or hashtag keeps its underscores: "@Lufthansa_DE"
                let mut end = word_end(text, i + 1, lex);
                while bytes.get(end) == Some(&b'_')
                    && char_at(text, end + 1).is_some_and(is_word_char)
                {
                    end = word_end(text, end + 1, lex);
                }
                (end, RawKind::Word)
            } else if is_stop_char(c) {
                let mut j = i + len;
                while let Some(d) = char_at(text, j).filter(|&d| is_stop_char(d)) {
                    j += d.len_utf8();
                }
                (j, RawKind::Stop)
            } else {
                (i + len, RawKind::Punct)
            };
            self.i = end;
            return Some(Raw {
                start: i,
                end,
                kind,
                newlines,
                spaced,
            });
        }
        self.i = i;
        None
    }
}

/// The end of a URL starting at `i` ("https://…", "www.…"), if one does.
fn url_end(text: &str, i: usize) -> Option<usize> {
    let b = &text.as_bytes()[i..];
    let prefix = [&b"https://"[..], b"http://", b"www."]
        .into_iter()
        .find(|p| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p))?;
    let mut j = i;
    while let Some(c) = char_at(text, j) {
        if is_space(c) || matches!(c, '<' | '>' | '"' | '“' | '”' | '„' | '»' | '«') {
            break;
        }
        j += c.len_utf8();
    }
    let url = &text[i..j];
    let balanced = url.contains('(');
    let trimmed = url.trim_end_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | ']' | '}'
        ) || (c == ')' && !balanced)
    });
    let end = i + trimmed.len();
    (end > i + prefix.len()).then_some(end)
}

/// The end of the word or number starting at `i`: letters and digits joined
/// by inner hyphens, apostrophes, number separators, domain dots and the dots
/// of letter chains ("z.B.", "U.S.A.").
fn word_end(text: &str, i: usize, lex: &SegmentLexicon) -> usize {
    let mut j = i;
    let mut part_start = i;
    let mut prev = '\0';
    let mut chain = false;
    let bytes = text.as_bytes();
    while let Some(c) = char_at(text, j) {
        if is_word_char(c) {
            j += c.len_utf8();
            // Fast path: the ASCII letters and digits that follow.
            let run = j;
            while bytes.get(j).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
                j += 1;
            }
            prev = if j > run { char::from(bytes[j - 1]) } else { c };
            continue;
        }
        if !matches!(
            c,
            '-' | '\u{2010}'
                | '\u{2011}'
                | '\''
                | '’'
                | 'ʼ'
                | '‘'
                | '.'
                | ','
                | ':'
                | '&'
                | '+'
                | '@'
        ) {
            break;
        }
        let after = j + c.len_utf8();
        let Some(n) = char_at(text, after) else { break };
        let single_letter = prev.is_alphabetic() && j - part_start == prev.len_utf8();
        let join = match c {
            _ if is_hyphen(c) => is_word_char(n),
            '\'' | '’' | 'ʼ' if prev.is_alphabetic() && n.is_alphabetic() => true,
            '\'' | '’' | '‘' => prev.is_ascii_digit() && n.is_ascii_digit(),
            '.' | ',' | ':' if prev.is_ascii_digit() && n.is_ascii_digit() => true,
            '.' if single_letter && n.is_alphabetic() && run_len(text, after) <= 2 => {
                chain = true;
                true
            }
            '.' => {
                n.is_lowercase() && prev != '\0' && lex.abbreviation(&text[part_start..j]).is_none()
            }
            // "H&M", "Procter&Gamble", "R+V", "Nieding+Barth"
            '&' | '+' => prev.is_alphabetic() && n.is_uppercase(),
            '@' => is_word_char(n),
            _ => false,
        };
        if !join {
            break;
        }
        prev = c;
        j = after;
        part_start = after;
    }
    match char_at(text, j) {
        // "z.B." and "U.S.A." keep their final dot.
        Some('.') if chain && prev.is_alphabetic() && j - part_start == prev.len_utf8() => j + 1,
        // "Vor- und Nachteile", "Ein-, Aus- und Umbau": a truncated compound.
        Some(h)
            if is_hyphen(h) && is_word_char(prev) && truncated_compound(text, j + h.len_utf8()) =>
        {
            j + h.len_utf8()
        }
        _ => j,
    }
}

/// Whether the text after a word-final hyphen continues a coordination:
/// ",", or " und", " oder", " bzw.", " sowie", " bis".
fn truncated_compound(text: &str, after: usize) -> bool {
    let rest = &text.as_bytes()[after..];
    if rest.first() == Some(&b',') {
        return true;
    }
    let Some(rest) = rest.strip_prefix(b" ") else {
        return false;
    };
    ["und ", "oder ", "bzw. ", "sowie ", "bis "]
        .iter()
        .any(|w| rest.starts_with(w.as_bytes()))
}

/// The number of word chars starting at `i`, counting at most 3.
fn run_len(text: &str, i: usize) -> usize {
    let mut n = 0;
    let mut j = i;
    while let Some(c) = char_at(text, j).filter(|&c| is_word_char(c)) {
        n += 1;
        if n > 2 {
            break;
        }
        j += c.len_utf8();
    }
    n
}
