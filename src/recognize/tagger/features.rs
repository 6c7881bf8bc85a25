//! Feature extraction for the tagger: per-token hashes of the word, its
//! lowercase form, shape and affixes, neighbouring words, sentence position
//! and gazetteer/pattern hits, hashed into a fixed number of buckets.
//!
//! Features are computed only for tokens worth scoring ([`TokenInfo::scored`]):
//! German capitalizes names (and all nouns), so a token without any uppercase
//! letter, outside a gazetteer or pattern hit and not continuing a name, is
//! labelled O without looking at the model.

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

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes: stable across platforms and runs.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
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

/// Shape code of a word: character classes with runs collapsed, at most 6.
fn shape(word: &str) -> u64 {
    let mut code: u64 = 0;
    let mut last = 0u64;
    let mut n = 0;
    for ch in word.chars() {
        let c = if ch.is_uppercase() {
            1
        } else if ch.is_alphabetic() {
            2
        } else if ch.is_numeric() {
            3
        } else if ch == '-' {
            4
        } else if ch == '.' {
            5
        } else if ch == '"' || ch == '„' || ch == '“' || ch == '”' || ch == '\'' {
            6
        } else {
            7
        };
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

/// The token infos of one sentence.
pub fn token_infos(text: &str, sentence: &Sentence, gaz: &[u8], pat: &[u8]) -> Vec<TokenInfo> {
    let mut buf = String::new();
    sentence
        .tokens
        .iter()
        .enumerate()
        .map(|(i, tk)| {
            let w = tk.text(text);
            let upper = w.chars().any(|c| c.is_uppercase());
            let word = hash_bytes(w.as_bytes());
            let lower = if upper {
                lowercase_into(w, &mut buf);
                hash_bytes(buf.as_bytes())
            } else {
                word
            };
            TokenInfo {
                word,
                lower,
                shape: shape(w),
                gaz: gaz.get(i).copied().unwrap_or(0),
                pat: pat.get(i).copied().unwrap_or(0),
                upper,
                alpha: w.chars().next().is_some_and(|c| c.is_alphabetic()),
            }
        })
        .collect()
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
    let chars: Vec<(usize, char)> = buf.char_indices().collect();
    let n = chars.len();
    for (template, k) in [(7u64, 2usize), (8, 3), (9, 4)] {
        if n > k {
            f(template, hash_bytes(buf[chars[n - k].0..].as_bytes()));
        }
    }
    if n > 3 {
        f(10, hash_bytes(buf[..chars[3].0].as_bytes()));
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
