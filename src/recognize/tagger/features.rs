//! Feature extraction for the tagger: per-token hashes of the word, its
//! lowercase form, shape and affixes, neighbouring words, sentence position
//! and gazetteer/pattern hits, hashed into a fixed number of buckets.
//!
//! Features are computed only for tokens worth scoring ([`TokenInfo::scored`]):
//! German capitalizes names (and all nouns), so a token without any uppercase
//! letter, outside a gazetteer or pattern hit and not continuing a name, is
//! labelled O without looking at the model.

use crate::error::{Error, Result};
use crate::recognize::{EntityType, Mention};
use crate::segment::Sentence;

/// Number of labels: O, then B and I for PER, ORG, LOC.
pub const LABELS: usize = 7;
/// The O label.
pub const O: u8 = 0;

/// Label of `begin`/inside for `etype`: B-PER 1, I-PER 2, B-ORG 3, ...
pub fn label(etype: EntityType, begin: bool) -> u8 {
    let base = match etype {
        EntityType::Per => 1,
        EntityType::Org => 3,
        EntityType::Loc => 5,
    };
    if begin {
        base
    } else {
        base + 1
    }
}

/// The type of a non-O label.
pub fn label_type(label: u8) -> Option<EntityType> {
    match label {
        1 | 2 => Some(EntityType::Per),
        3 | 4 => Some(EntityType::Org),
        5 | 6 => Some(EntityType::Loc),
        _ => None,
    }
}

/// Whether `label` begins a span.
pub fn is_begin(label: u8) -> bool {
    matches!(label, 1 | 3 | 5)
}

/// Whether `label` may follow `prev` (I-X only after B-X or I-X).
pub fn allowed(prev: u8, label: u8) -> bool {
    if label == O || is_begin(label) {
        return true;
    }
    prev != O && label_type(prev) == label_type(label)
}

/// A fast, platform-independent 64-bit hash of bytes (8 bytes at a time,
/// little-endian), stable across runs: feature buckets depend on it.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9fb2_1c65_1e98_df25;
    let mut h: u64 = 0x243f_6a88_85a3_08d3 ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(K).rotate_left(29);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(K);
    h ^ (h >> 29)
}

/// Mix a feature template id and a value into a bucket index below `1 << bits`.
#[inline]
pub fn bucket(template: u64, value: u64, bits: u32) -> u32 {
    let mut x = value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    (x >> (64 - bits)) as u32
}

#[inline]
fn pair(a: u64, b: u64) -> u64 {
    a.rotate_left(23) ^ b.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// Word classes from a lexicon (common noun, toponym, first name, surname,
/// other proper name) as bit sets, keyed by the hash of the exact form.
///
/// A compact open-addressing table (4 bytes a slot: a 27-bit fingerprint of
/// the hash and 5 class bits) so lookups stay in cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordClasses {
    slots: Vec<u32>,
    len: usize,
}

impl Default for WordClasses {
    fn default() -> WordClasses {
        WordClasses::with_capacity(0)
    }
}

/// The class names of a word-class file, in bit order.
pub const CLASS_NAMES: [&str; 5] = ["noun", "toponym", "firstname", "surname", "proper"];

impl WordClasses {
    fn with_capacity(n: usize) -> WordClasses {
        let size = (n + n / 2).max(64).next_power_of_two();
        WordClasses {
            slots: vec![0; size],
            len: 0,
        }
    }

    #[inline]
    fn fingerprint(hash: u64) -> u32 {
        (hash >> 37) as u32
    }

    /// Add classes `bits` (1..32) to the form with `hash`.
    fn insert(&mut self, hash: u64, bits: u8) {
        let mask = self.slots.len() - 1;
        let fp = Self::fingerprint(hash);
        let mut i = hash as usize & mask;
        loop {
            let e = self.slots[i];
            if e == 0 {
                self.slots[i] = fp << 5 | (bits & 31) as u32;
                self.len += 1;
                return;
            }
            if e >> 5 == fp {
                self.slots[i] |= (bits & 31) as u32;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Parse a word-class file: `form<TAB>class,class` per line, `#` comments.
    pub fn parse(text: &str, name: &str) -> Result<WordClasses> {
        let lines = text.lines().count();
        let mut out = WordClasses::with_capacity(lines);
        for rec in crate::lexicon::records(text) {
            let bad = |msg: String| Error::data(msg).at_path(name).at_line(rec.line);
            let [form, classes] = rec.fields[..] else {
                return Err(bad("expected `form<TAB>classes`".into()));
            };
            let mut bits = 0u8;
            for c in classes.split(',') {
                let i = CLASS_NAMES
                    .iter()
                    .position(|n| *n == c.trim())
                    .ok_or_else(|| bad(format!("unknown word class {:?}", c)))?;
                bits |= 1 << i;
            }
            out.insert(hash_bytes(form.as_bytes()), bits);
        }
        Ok(out)
    }

    /// The classes of a form hashed with [`hash_bytes`] (0: unknown).
    #[inline]
    pub fn get(&self, hash: u64) -> u8 {
        let mask = self.slots.len() - 1;
        let fp = Self::fingerprint(hash);
        let mut i = hash as usize & mask;
        loop {
            let e = self.slots[i];
            if e == 0 {
                return 0;
            }
            if e >> 5 == fp {
                return (e & 31) as u8;
            }
            i = (i + 1) & mask;
        }
    }

    /// The raw table, for serialization.
    pub fn slots(&self) -> &[u32] {
        &self.slots
    }

    /// Rebuild from a raw table; `None` unless its size is a power of two
    /// with at least one empty slot.
    pub fn from_slots(slots: Vec<u32>) -> Option<WordClasses> {
        let len = slots.iter().filter(|&&e| e != 0).count();
        if !slots.len().is_power_of_two() || len == slots.len() {
            return None;
        }
        Some(WordClasses { slots, len })
    }

    /// Number of forms.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// What the tagger knows about one token before scoring.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    /// Hash of the token text.
    pub word: u64,
    /// Hash of its lowercase form.
    pub lower: u64,
    /// Word shape code (X, x, d, punctuation classes, runs collapsed).
    pub shape: u64,
    /// Gazetteer hit covering it: 0 or 1 + label (B-/I-type).
    pub gaz: u8,
    /// Its word classes ([`WordClasses`]).
    pub class: u8,
    /// Pattern hit covering it: 0 or 1 + label.
    pub pat: u8,
    /// Has an uppercase letter.
    pub upper: bool,
    /// Starts with a letter.
    pub alpha: bool,
}

impl TokenInfo {
    /// Whether the model must look at this token given the previous label;
    /// other tokens are O.
    #[inline]
    pub fn scored(&self, prev: u8) -> bool {
        self.upper || self.gaz != 0 || self.pat != 0 || (prev != O && self.alpha)
    }
}

/// Shape class of a character: 1 uppercase, 2 other letter, 3 digit,
/// 4 hyphen, 5 full stop, 6 quote, 7 anything else.
#[inline]
fn char_class(ch: char) -> u64 {
    if ch.is_ascii() {
        match ch {
            'A'..='Z' => 1,
            'a'..='z' => 2,
            '0'..='9' => 3,
            '-' => 4,
            '.' => 5,
            '"' | '\'' => 6,
            _ => 7,
        }
    } else if ch.is_uppercase() {
        1
    } else if ch.is_alphabetic() {
        2
    } else if ch.is_numeric() {
        3
    } else if matches!(ch, '„' | '“' | '”' | '‚' | '‘' | '’' | '»' | '«') {
        6
    } else {
        7
    }
}

/// Shape code of a word: character classes with runs collapsed, at most 6.
fn shape(word: &str) -> u64 {
    let mut code: u64 = 0;
    let mut last = 0u64;
    let mut n = 0;
    for ch in word.chars() {
        let c = char_class(ch);
        if c != last {
            code = code * 8 + c;
            last = c;
            n += 1;
            if n == 6 {
                break;
            }
        }
    }
    code
}

/// Lowercase `word` into `buf` (cleared first).
pub fn lowercase_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        for ch in word.chars() {
            buf.extend(ch.to_lowercase());
        }
    }
}

/// Per-token hit codes (0 = none, else 1 + label) of `mentions` for every
/// token of every sentence. Mentions need not be sorted; a token is covered
/// when it overlaps a mention, and the first covered token gets the B label.
pub fn hit_codes(sentences: &[Sentence], mentions: &[Mention]) -> Vec<Vec<u8>> {
    let mut spans: Vec<(usize, usize, EntityType)> =
        mentions.iter().map(|m| (m.start, m.end, m.etype)).collect();
    spans.sort_unstable_by_key(|s| (s.0, s.1));
    let mut out = Vec::with_capacity(sentences.len());
    let mut next = 0; // first span that may still cover a token
    for s in sentences {
        let mut codes = vec![0u8; s.tokens.len()];
        while next < spans.len() && spans[next].1 <= s.start {
            next += 1;
        }
        let mut j = next;
        while j < spans.len() && spans[j].0 < s.end {
            let (ms, me, t) = spans[j];
            let mut first = true;
            let from = s.tokens.partition_point(|tk| tk.end <= ms);
            for (k, tk) in s.tokens.iter().enumerate().skip(from) {
                if tk.start >= me {
                    break;
                }
                if codes[k] == 0 {
                    codes[k] = 1 + label(t, first);
                }
                first = false;
            }
            j += 1;
        }
        out.push(codes);
    }
    out
}

/// The token infos of one sentence, written into `out` (cleared first).
pub fn token_infos_into(
    text: &str,
    sentence: &Sentence,
    gaz: &[u8],
    pat: &[u8],
    classes: &WordClasses,
    buf: &mut String,
    out: &mut Vec<TokenInfo>,
) {
    out.clear();
    for (i, tk) in sentence.tokens.iter().enumerate() {
        let w = tk.text(text);
        let bytes = w.as_bytes();
        if bytes.iter().all(|b| b.is_ascii_lowercase()) && !bytes.is_empty() {
            // the common case: a lowercase ASCII word
            let word = hash_bytes(bytes);
            out.push(TokenInfo {
                word,
                lower: word,
                shape: 2,
                class: 0,
                gaz: gaz.get(i).copied().unwrap_or(0),
                pat: pat.get(i).copied().unwrap_or(0),
                upper: false,
                alpha: true,
            });
            continue;
        }
        let (upper, alpha) = if w.is_ascii() {
            (
                bytes.iter().any(|b| b.is_ascii_uppercase()),
                bytes.first().is_some_and(|b| b.is_ascii_alphabetic()),
            )
        } else {
            (
                w.chars().any(|c| c.is_uppercase()),
                w.chars().next().is_some_and(|c| c.is_alphabetic()),
            )
        };
        let word = hash_bytes(bytes);
        let lower = if upper {
            lowercase_into(w, buf);
            hash_bytes(buf.as_bytes())
        } else {
            word
        };
        out.push(TokenInfo {
            word,
            lower,
            shape: shape(w),
            class: if upper { classes.get(word) } else { 0 },
            gaz: gaz.get(i).copied().unwrap_or(0),
            pat: pat.get(i).copied().unwrap_or(0),
            upper,
            alpha,
        });
    }
}

/// The token infos of one sentence.
pub fn token_infos(
    text: &str,
    sentence: &Sentence,
    gaz: &[u8],
    pat: &[u8],
    classes: &WordClasses,
) -> Vec<TokenInfo> {
    let mut out = Vec::with_capacity(sentence.tokens.len());
    token_infos_into(
        text,
        sentence,
        gaz,
        pat,
        classes,
        &mut String::new(),
        &mut out,
    );
    out
}

const BOS: u64 = 0x0b05;
const EOS: u64 = 0x0e05;

/// Append the bucket indices of the static (label-independent) features of
/// token `i` to `out`.
pub fn static_features(
    text: &str,
    sentence: &Sentence,
    infos: &[TokenInfo],
    i: usize,
    bits: u32,
    buf: &mut String,
    out: &mut Vec<u32>,
) {
    let t = &infos[i];
    let at = |k: isize| -> Option<&TokenInfo> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            infos.get(j as usize)
        }
    };
    let lower = |k: isize| at(k).map_or(if k < 0 { BOS } else { EOS }, |x| x.lower);
    let shp = |k: isize| at(k).map_or(if k < 0 { BOS } else { EOS }, |x| x.shape);
    let gz = |k: isize| at(k).map_or(255, |x| x.gaz) as u64;
    let pt = |k: isize| at(k).map_or(255, |x| x.pat) as u64;
    let first = (i == 0) as u64;
    let mut f = |template: u64, value: u64| out.push(bucket(template, value, bits));

    f(1, 0);
    f(2, t.word);
    f(3, t.lower);
    f(4, t.shape);
    f(5, pair(t.shape, first));
    f(6, pair(t.lower, first));
    // affixes of the lowercase form
    lowercase_into(sentence.tokens[i].text(text), buf);
    // byte offsets where the last 2, 3, 4 chars start, and after the first 3
    let mut suffix_at = [usize::MAX; 5];
    for (k, (b, _)) in buf.char_indices().rev().take(5).enumerate() {
        suffix_at[k] = b;
    }
    // a suffix of k chars is used when the word is longer than k chars
    for (template, k) in [(7u64, 2usize), (8, 3), (9, 4)] {
        if suffix_at[k] != usize::MAX {
            f(template, hash_bytes(&buf.as_bytes()[suffix_at[k - 1]..]));
        }
    }
    if let Some((b, _)) = buf.char_indices().nth(3) {
        if b < buf.len() {
            f(10, hash_bytes(&buf.as_bytes()[..b]));
        }
    }
    // context words and shapes
    f(11, lower(-1));
    f(12, lower(1));
    f(13, lower(-2));
    f(14, lower(2));
    f(15, shp(-1));
    f(16, shp(1));
    f(17, pair(lower(-1), t.lower));
    f(18, pair(t.lower, lower(1)));
    f(19, pair(shp(-1), t.shape));
    f(20, pair(t.shape, shp(1)));
    // gazetteer and pattern hits around the token
    f(21, gz(0));
    f(22, gz(-1));
    f(23, gz(1));
    f(24, pt(0));
    f(25, pt(-1));
    f(26, pt(1));
    f(27, pair(gz(0), t.shape));
    f(28, pair(pt(0), t.shape));
    f(29, pair(gz(0), pt(0)));
    // word classes from the lexicon
    let cl = |k: isize| at(k).map_or(255, |x| x.class) as u64;
    f(30, cl(0));
    f(31, cl(-1));
    f(32, cl(1));
    f(33, pair(cl(0), first));
    f(34, pair(cl(0), cl(1)));
    f(35, pair(cl(-1), cl(0)));
    f(36, pair(cl(0), gz(0)));
    f(37, pair(lower(-1), t.shape));
    f(38, pair(t.shape, lower(1)));
    f(39, pair(cl(0), lower(-1)));
}

/// Append the bucket indices of the features that depend on the two previous
/// labels.
#[inline]
pub fn history_features(t: &TokenInfo, p1: u8, p2: u8, bits: u32, out: &mut Vec<u32>) {
    out.push(bucket(40, p1 as u64, bits));
    out.push(bucket(41, (p1 as u64) << 8 | p2 as u64, bits));
    out.push(bucket(42, pair(t.lower, p1 as u64), bits));
    out.push(bucket(43, pair(t.shape, p1 as u64), bits));
}
