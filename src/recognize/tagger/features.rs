//! Feature extraction for the tagger: per-token hashes of the word, its
//! lowercase form, shape and affixes, neighbouring words, sentence position
//! and gazetteer/pattern hits, hashed into a fixed number of buckets.
//!
//! Features are computed only for tokens worth scoring ([`TokenInfo::scored`]):
//! German capitalizes names (and all nouns), so a token without any uppercase
//! letter, outside a gazetteer or pattern hit and not continuing a name, is
//! labelled O without looking at the model.

use super::memory::NameMemory;
use super::model::{Model, STRIDE};
use crate::error::{Error, Result};
use crate::recognize::memo::WordMemo;
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
/// A compact open-addressing table (4 bytes a slot: a 26-bit fingerprint of
/// the hash and 5 class bits) so lookups stay in cache.
///
/// It also carries a name prior for words it does not list: how much more
/// often each character n-gram occurs in the listed first names and surnames
/// than in the listed common nouns ([`WordClasses::name_prior`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordClasses {
    slots: Vec<u32>,
    len: usize,
    /// Log-odds (× [`PRIOR_SCALE`]) of names against nouns per n-gram
    /// bucket; `1 << PRIOR_BITS` entries, or empty.
    prior: Vec<i8>,
    /// What the training data says about capitalized words; set by
    /// training, stored with the model.
    memory: NameMemory,
}

/// log2 of the number of n-gram buckets of the name prior.
pub const PRIOR_BITS: u32 = 16;
/// Stored prior weight = real log-odds × this.
const PRIOR_SCALE: f64 = 16.0;
/// Words longer than this (in chars) get no prior.
const PRIOR_MAX_CHARS: usize = 30;

/// Call `f` with the bucket of every character 2-, 3- and 4-gram of the
/// lowercase `word` framed by boundary marks (`^put`, `tin$`); nothing for
/// words longer than [`PRIOR_MAX_CHARS`].
fn for_each_ngram(word: &str, mut f: impl FnMut(usize)) {
    let mut chars = [0u32; PRIOR_MAX_CHARS + 2];
    let mut n = 1;
    chars[0] = '^' as u32;
    for ch in word.chars() {
        if n > PRIOR_MAX_CHARS {
            return;
        }
        for l in ch.to_lowercase() {
            if n > PRIOR_MAX_CHARS {
                return;
            }
            chars[n] = l as u32;
            n += 1;
        }
    }
    chars[n] = '$' as u32;
    n += 1;
    let mask = (1usize << PRIOR_BITS) - 1;
    for len in 2..=4usize {
        for w in chars[..n].windows(len) {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ len as u64;
            for &c in w {
                h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
            }
            f((h ^ (h >> 29)) as usize & mask);
        }
    }
}

impl Default for WordClasses {
    fn default() -> WordClasses {
        WordClasses::with_capacity(0)
    }
}

/// The class bit of capitalized forms that were frequent in the training
/// data and never part of a name there ("Die", "Prozent"): unless a list
/// hit covers them or they continue a name, the tagger labels them O
/// without scoring. Set by training, stored with the model.
pub const NEVER_NAME: u8 = 32;

/// Ask the processor to start loading `item` into the cache: a hint that
/// lets a lookup that follows wait less. Does nothing off x86-64.
#[inline]
pub(crate) fn prefetch<T>(item: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is only a hint; it cannot fault, and the pointer
    // comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            item as *const T as *const i8,
        )
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = item;
}

/// The class names of a word-class file, in bit order.
pub const CLASS_NAMES: [&str; 5] = ["noun", "toponym", "firstname", "surname", "proper"];

impl WordClasses {
    fn with_capacity(n: usize) -> WordClasses {
        let size = (n + n / 2).max(64).next_power_of_two();
        WordClasses {
            slots: vec![0; size],
            len: 0,
            prior: Vec::new(),
            memory: NameMemory::default(),
        }
    }

    #[inline]
    fn fingerprint(hash: u64) -> u32 {
        (hash >> 38) as u32
    }

    /// Add classes `bits` (1..64, [`NEVER_NAME`] included) to the form
    /// with `hash`. A new form is refused (false) when the table is 7/8 full.
    fn insert(&mut self, hash: u64, bits: u8) -> bool {
        let i = self.probe(hash);
        if self.slots[i] == 0 {
            if self.len + 1 > self.slots.len() / 8 * 7 {
                return false;
            }
            self.slots[i] = Self::fingerprint(hash) << 6;
            self.len += 1;
        }
        self.slots[i] |= (bits & 63) as u32;
        true
    }

    /// The slot of the form with `hash`, or the empty slot where it belongs
    /// (linear probing; the table always keeps an empty slot).
    #[inline]
    fn probe(&self, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let fp = Self::fingerprint(hash);
        let mut i = hash as usize & mask;
        loop {
            let e = self.slots[i];
            if e == 0 || e >> 6 == fp {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Mark the form with `hash` as never part of a name in the training
    /// data ([`NEVER_NAME`]); false if the table is too full to add it.
    pub fn mark_never_name(&mut self, hash: u64) -> bool {
        self.insert(hash, NEVER_NAME)
    }

    /// Parse a word-class file: `form<TAB>class,class` per line, `#` comments.
    /// The name prior is learned from the forms listed only as first names
    /// or surnames against those listed only as common nouns.
    pub fn parse(text: &str, name: &str) -> Result<WordClasses> {
        let lines = text.lines().count();
        let mut out = WordClasses::with_capacity(lines);
        let size = 1usize << PRIOR_BITS;
        let (mut names, mut nouns) = (vec![0u32; size], vec![0u32; size]);
        let (noun_bit, name_bits) = (1u8, 4u8 | 8u8);
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
            if !out.insert(hash_bytes(form.as_bytes()), bits) {
                return Err(bad("word-class table overflow".into()));
            }
            let counts = if bits & name_bits != 0 && bits & noun_bit == 0 {
                Some(&mut names)
            } else if bits == noun_bit {
                Some(&mut nouns)
            } else {
                None
            };
            if let Some(counts) = counts {
                for_each_ngram(form, |b| counts[b] = counts[b].saturating_add(1));
            }
        }
        let total = |c: &[u32]| c.iter().map(|&x| x as f64).sum::<f64>().max(1.0);
        let (tn, tc) = (total(&names), total(&nouns));
        if names.iter().any(|&c| c > 0) && nouns.iter().any(|&c| c > 0) {
            out.prior = names
                .iter()
                .zip(&nouns)
                .map(|(&n, &c)| {
                    let odds = ((n as f64 + 0.5) / tn).ln() - ((c as f64 + 0.5) / tc).ln();
                    (odds * PRIOR_SCALE).round().clamp(-127.0, 127.0) as i8
                })
                .collect();
        }
        Ok(out)
    }

    /// The bit of the class called `name` in [`CLASS_NAMES`].
    fn class_bit(name: &str) -> u8 {
        1 << CLASS_NAMES.iter().position(|&c| c == name).unwrap_or(0)
    }

    /// Whether `word` (exactly as written) is listed as a first name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.get(hash_bytes(word.as_bytes())) & Self::class_bit("firstname") != 0
    }

    /// Whether `word` (exactly as written) is listed as a first name or a
    /// surname.
    pub fn is_person_name(&self, word: &str) -> bool {
        let names = Self::class_bit("firstname") | Self::class_bit("surname");
        self.get(hash_bytes(word.as_bytes())) & names != 0
    }

    /// Whether `word` (exactly as written) is listed as a place.
    pub fn is_toponym(&self, word: &str) -> bool {
        self.get(hash_bytes(word.as_bytes())) & Self::class_bit("toponym") != 0
    }

    /// Whether `word` (exactly as written) is listed as a common noun and
    /// not as a proper name ("Einbahnstraße", "Landstraße"; not
    /// "Hauptstraße", which names streets too).
    pub fn is_common_noun(&self, word: &str) -> bool {
        let classes = self.get(hash_bytes(word.as_bytes()));
        classes & Self::class_bit("noun") != 0 && classes & Self::class_bit("proper") == 0
    }

    /// Whether `word` (exactly as written) is listed, and only as a common
    /// noun: no name, place or other proper name.
    pub fn is_only_noun(&self, word: &str) -> bool {
        self.get(hash_bytes(word.as_bytes())) & (NEVER_NAME - 1) == 1
    }

    /// How name-like `word` looks, from its character n-grams: a bin from 1
    /// (surely a common noun) to 13 (surely a name), 0 without a prior.
    pub fn name_prior(&self, word: &str) -> u8 {
        if self.prior.is_empty() {
            return 0;
        }
        let (mut sum, mut n) = (0i32, 0i32);
        for_each_ngram(word, |b| {
            sum += self.prior[b] as i32;
            n += 1;
        });
        if n == 0 {
            return 0;
        }
        // mean log-odds in halves: -3..3 maps to 1..13
        let mean = sum as f64 / n as f64 / PRIOR_SCALE;
        ((mean * 2.0).round().clamp(-6.0, 6.0) + 7.0) as u8
    }

    /// The name prior table, for serialization.
    pub fn prior(&self) -> &[i8] {
        &self.prior
    }

    /// The classes of a form hashed with [`hash_bytes`] (0: unknown).
    #[inline]
    pub fn get(&self, hash: u64) -> u8 {
        (self.slots[self.probe(hash)] & 63) as u8
    }

    /// The raw table, for serialization.
    pub fn slots(&self) -> &[u32] {
        &self.slots
    }

    /// Rebuild from a raw table; `None` unless its size is a power of two
    /// with at least one empty slot.
    /// The prior must have `1 << PRIOR_BITS` entries or none.
    pub fn from_slots(slots: Vec<u32>, prior: Vec<i8>) -> Option<WordClasses> {
        let len = slots.iter().filter(|&&e| e != 0).count();
        if !slots.len().is_power_of_two()
            || len == slots.len()
            || !(prior.is_empty() || prior.len() == 1 << PRIOR_BITS)
        {
            return None;
        }
        Some(WordClasses {
            slots,
            len,
            prior,
            memory: NameMemory::default(),
        })
    }

    /// The name memory of the training data.
    pub fn memory(&self) -> &NameMemory {
        &self.memory
    }

    /// These classes with `memory` as their name memory.
    pub fn with_memory(mut self, memory: NameMemory) -> WordClasses {
        self.memory = memory;
        self
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenInfo {
    /// Hash of the token text.
    pub word: u64,
    /// Hash of its lowercase form.
    pub lower: u64,
    /// Word shape code (X, x, d, punctuation classes, runs collapsed).
    pub shape: u64,
    /// Gazetteer hit covering it: 0 or 1 + label (B-/I-type).
    pub gaz: u8,
    /// Its word classes ([`WordClasses`], without [`NEVER_NAME`]).
    pub class: u8,
    /// Frequent in training and never part of a name there ([`NEVER_NAME`]).
    pub never: bool,
    /// Pattern hit covering it: 0 or 1 + label.
    pub pat: u8,
    /// Name-memory code of a capitalized word ([`super::memory::Code`]); 0 otherwise.
    pub mem: u8,
    /// Name prior bin of a capitalized word the lexicon does not list
    /// ([`WordClasses::name_prior`]); 0 otherwise.
    pub prior: u8,
    /// What the rest of the document says about this word
    /// (0 none, else 1 + its uses after a non-determiner, capped at 3, + 4
    /// if it occurs as a bare genitive); filled in by [`DocEvidence::apply`].
    pub doc: u8,
    /// For a capitalized word not listed as a common noun: its
    /// [`DocEvidence::key`]; 0 otherwise.
    pub key: u64,
    /// Its lowercase form ends in "s" after at least three letters (a
    /// possible genitive).
    pub gen_s: bool,
    /// Is an article, determiner, possessive or a preposition fused with an
    /// article ("der", "einem", "diese", "seine", "zum"): common nouns need
    /// one, bare names do not.
    pub det: bool,
    /// Has an uppercase letter.
    pub upper: bool,
    /// Starts with a letter.
    pub alpha: bool,
    /// The affixes, where [`token_infos_into`] took them from its memo;
    /// `None`: [`static_features`] computes them.
    pub affixes: Option<Affixes>,
    /// The summed weights of the token's [`WORD`] features, where
    /// [`token_infos_into`] took them from its memo (with a model).
    pub word_scores: Option<[i32; STRIDE]>,
}

/// The affix features of a word: hashes of the last 2, 3 and 4 characters
/// and of the first 3 of its lowercase form, each where the word is long
/// enough.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Affixes {
    /// Suffixes of 2, 3 and 4 chars, then the prefix of 3 chars.
    hashes: [u64; 4],
    /// Bit k: `hashes[k]` applies.
    present: u8,
    /// The lowercase form ends in "s".
    ends_s: bool,
}

impl Affixes {
    /// The affixes of `word`; `buf` is scratch space for its lowercase form.
    pub fn of(word: &str, buf: &mut String) -> Affixes {
        crate::text::fold_into(word, buf);
        let mut a = Affixes {
            ends_s: buf.ends_with('s'),
            ..Affixes::default()
        };
        // byte offsets where the last 1, 2, 3, 4 and 5 chars start
        let mut suffix_at = [usize::MAX; 5];
        for (k, (b, _)) in buf.char_indices().rev().take(5).enumerate() {
            suffix_at[k] = b;
        }
        // a suffix of k chars is used when the word is longer than k chars
        for (slot, k) in [(0, 2usize), (1, 3), (2, 4)] {
            if suffix_at[k] != usize::MAX {
                a.hashes[slot] = hash_bytes(&buf.as_bytes()[suffix_at[k - 1]..]);
                a.present |= 1 << slot;
            }
        }
        if let Some((b, _)) = buf.char_indices().nth(3) {
            if b < buf.len() {
                a.hashes[3] = hash_bytes(&buf.as_bytes()[..b]);
                a.present |= 1 << 3;
            }
        }
        a
    }
}

impl TokenInfo {
    /// Whether the model must look at this token given the previous label;
    /// other tokens are O.
    #[inline]
    pub fn scored(&self, prev: u8) -> bool {
        self.always_scored() || (prev != O && self.alpha)
    }

    /// Whether the model looks at this token whatever the previous label.
    #[inline]
    pub fn always_scored(&self) -> bool {
        (self.upper && !self.never) || self.gaz != 0 || self.pat != 0
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

/// Whether the lowercase `word` is an article, determiner, possessive or a
/// preposition fused with an article.
fn is_determiner(word: &str) -> bool {
    // inflected stems, by first letter (most words start with none of them)
    let stems: &[&str] = match word.as_bytes().first() {
        Some(b'e') => &["ein"],
        Some(b'k') => &["kein"],
        Some(b'd') => &["dies", "dein"],
        Some(b'j') => &["jen", "jed"],
        Some(b'a') => &["all"],
        Some(b'm') => &["mein"],
        Some(b's') => &["sein"],
        Some(b'i') => &["ihr"],
        Some(b'u') => &["unser"],
        Some(b'w') => &["welch"],
        _ => &[],
    };
    match word {
        "der" | "die" | "das" | "des" | "dem" | "den" | "zum" | "zur" | "im" | "am" | "vom"
        | "beim" | "ins" | "ans" | "aufs" | "solch" => true,
        _ => stems.iter().any(|stem| {
            word.strip_prefix(stem)
                .is_some_and(|rest| matches!(rest, "" | "e" | "er" | "es" | "em" | "en"))
        }),
    }
}

/// Document-level evidence on capitalized words the lexicon does not list as
/// common nouns: how often each occurs inside a sentence without a
/// determiner before it, and whether it occurs as a bare genitive
/// ("Merkels Politik", "der Wunsch Merkels"), which common nouns do not.
/// Keyed by the hash of the lowercase form without a final genitive "s", so
/// "Merkel" and "Merkels" count together.
#[derive(Debug, Default, Clone)]
pub struct DocEvidence {
    words: HashMap<u64, (u8, bool)>,
}

/// Keys are hashes already: a fast hasher is enough.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

impl DocEvidence {
    /// Gather the evidence of a document from the token infos of all its
    /// sentences.
    pub fn gather(infos: &[Vec<TokenInfo>]) -> DocEvidence {
        let mut words: HashMap<u64, (u8, bool)> = HashMap::default();
        for sentence in infos {
            for (i, t) in sentence.iter().enumerate() {
                if t.key == 0 {
                    continue;
                }
                let prev = i.checked_sub(1).map(|j| &sentence[j]);
                let next = sentence.get(i + 1);
                let prev_det = prev.is_some_and(|p| p.det);
                let is_noun = |x: Option<&TokenInfo>| x.is_some_and(|x| x.class & 1 != 0);
                // inside the sentence, after a word that is not a determiner
                let bare = !prev_det && prev.is_some_and(|p| p.alpha);
                let genitive = t.gen_s && (is_noun(next) && !prev_det || is_noun(prev));
                let e = words.entry(t.key).or_default();
                if bare {
                    e.0 = e.0.saturating_add(1);
                }
                e.1 |= genitive;
            }
        }
        DocEvidence { words }
    }

    /// Fill in the [`TokenInfo::doc`] codes.
    pub fn apply(&self, infos: &mut [Vec<TokenInfo>]) {
        if self.words.is_empty() {
            return;
        }
        for t in infos.iter_mut().flatten() {
            if t.key != 0 {
                t.doc = self.code(t.key);
            }
        }
    }

    /// The evidence code of a key: 0 none, else 1 + bare count (0..3,
    /// capped) + 4 if it occurs as a bare genitive.
    fn code(&self, key: u64) -> u8 {
        match self.words.get(&key) {
            None => 0,
            Some(&(n, g)) => 1 + n.min(3) + 4 * g as u8,
        }
    }

    /// The key of a lowercase form: its hash without a final genitive "s".
    pub fn key(lower: &str) -> u64 {
        let base = match lower.strip_suffix('s') {
            Some(b) if b.chars().count() >= 3 => b,
            _ => lower,
        };
        hash_bytes(base.as_bytes()) | 1
    }
}

/// What [`token_infos_into`] keeps of words from one call to the next: their
/// infos and, with a model, the summed weights of the [`WORD`] features of
/// those it scores whatever their hits.
pub type Memo<'m> = (&'m mut WordMemo<TokenInfo>, Option<&'m Model>);

/// The token infos of one sentence, written into `out` (cleared first).
/// `hits` are the gazetteer's and the patterns' hit codes of its tokens;
/// `memo`, if given, keeps the infos of words from one call to the next.
pub fn token_infos_into(
    text: &str,
    sentence: &Sentence,
    (gaz, pat): (&[u8], &[u8]),
    classes: &WordClasses,
    (buf, mut memo): (&mut String, Option<Memo<'_>>),
    out: &mut Vec<TokenInfo>,
) {
    out.clear();
    for (i, tk) in sentence.tokens.iter().enumerate() {
        let w = tk.text(text);
        let (gaz, pat) = (
            gaz.get(i).copied().unwrap_or(0),
            pat.get(i).copied().unwrap_or(0),
        );
        let bytes = w.as_bytes();
        let info = if bytes.iter().all(|b| b.is_ascii_lowercase()) && !bytes.is_empty() {
            // the common case: a lowercase ASCII word
            let word = hash_bytes(bytes);
            TokenInfo {
                word,
                lower: word,
                shape: 2,
                class: 0,
                never: false,
                prior: 0,
                mem: 0,
                doc: 0,
                key: 0,
                gen_s: false,
                det: bytes.len() <= 7 && is_determiner(w),
                gaz: 0,
                pat: 0,
                upper: false,
                alpha: true,
                affixes: None,
                word_scores: None,
            }
        } else if let Some((memo, model)) = memo.as_mut() {
            memo.get(w, |w| {
                let affixes = Affixes::of(w, buf);
                let mut t = TokenInfo {
                    affixes: Some(affixes),
                    ..word_info(w, classes, buf)
                };
                if let Some(model) = model.filter(|_| t.upper && !t.never) {
                    let mut feats = Vec::with_capacity(MAX_STATIC_FEATURES);
                    features_of::<WORD>(&[t], 0, false, &affixes, model.bits(), &mut feats);
                    let mut scores = [0; STRIDE];
                    model.score(&feats, &mut scores);
                    t.word_scores = Some(scores);
                }
                t
            })
        } else {
            word_info(w, classes, buf)
        };
        out.push(TokenInfo { gaz, pat, ..info });
    }
}

/// The infos of a word that is not all lowercase ASCII, without hits and
/// affixes: for capitalized words their classes, and for those not listed
/// as common nouns the document key and the name prior.
fn word_info(w: &str, classes: &WordClasses, buf: &mut String) -> TokenInfo {
    let bytes = w.as_bytes();
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
    let (lower, det) = if upper {
        crate::text::fold_into(w, buf);
        (
            hash_bytes(buf.as_bytes()),
            buf.len() <= 7 && is_determiner(buf),
        )
    } else {
        (word, false)
    };
    let mut t = TokenInfo {
        word,
        lower,
        shape: shape(w),
        class: 0,
        never: false,
        doc: 0,
        key: 0,
        gen_s: false,
        det,
        prior: 0,
        mem: 0,
        gaz: 0,
        pat: 0,
        upper,
        alpha,
        affixes: None,
        word_scores: None,
    };
    if !upper {
        return t;
    }
    let bits = classes.get(word);
    t.class = bits & (NEVER_NAME - 1);
    t.never = bits & NEVER_NAME != 0;
    t.mem = classes.memory.get(lower);
    if t.class & 1 != 0 {
        return t;
    }
    if w.chars().next().is_some_and(char::is_uppercase) {
        // `buf` still holds the lowercase form folded above
        t.key = DocEvidence::key(buf);
        t.gen_s = buf.ends_with('s') && buf.chars().nth(3).is_some();
    }
    if alpha && t.class == 0 {
        t.prior = classes.name_prior(w);
    }
    t
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
        (gaz, pat),
        classes,
        (&mut String::new(), None),
        &mut out,
    );
    out
}

const BOS: u64 = 0x0b05;
const EOS: u64 = 0x0e05;

/// Which of a token's static features to append: [`ALL`], [`WORD`] or
/// [`CONTEXT`].
pub type Part = u8;
/// All of them.
pub const ALL: Part = 0;
/// Those whose values depend on the word alone, for a token that does not
/// start its sentence: its forms, shape, affixes, classes, name prior and
/// name memory. A word's sum of their weights can be kept with the word.
pub const WORD: Part = 1;
/// The others: context, hits and document evidence.
pub const CONTEXT: Part = 2;

/// The feature templates of [`WORD`] (bit k: template k).
const WORD_TEMPLATES: u128 = 1 << 1
    | 1 << 2
    | 1 << 3
    | 1 << 4
    | 1 << 5
    | 1 << 6
    | 1 << 7
    | 1 << 8
    | 1 << 9
    | 1 << 10
    | 1 << 30
    | 1 << 33
    | 1 << 44
    | 1 << 45
    | 1 << 60
    | 1 << 61
    | 1 << 63
    | 1 << 66;

/// Whether `part` has the features of `template`.
#[inline(always)]
const fn wants(part: Part, template: u64) -> bool {
    let word = WORD_TEMPLATES >> template & 1 == 1;
    match part {
        WORD => word,
        CONTEXT => !word,
        _ => true,
    }
}

/// Append the bucket indices of the static (label-independent) features of
/// token `i` of part `PART` to `out`. [`WORD`] and [`CONTEXT`] apply only to
/// a token that does not start its sentence (`i > 0`); together they are
/// [`ALL`].
pub fn static_features<const PART: Part>(
    text: &str,
    sentence: &Sentence,
    infos: &[TokenInfo],
    i: usize,
    bits: u32,
    buf: &mut String,
    out: &mut Vec<u32>,
) {
    let affixes = infos[i]
        .affixes
        .unwrap_or_else(|| Affixes::of(sentence.tokens[i].text(text), buf));
    features_of::<PART>(infos, i, i == 0, &affixes, bits, out);
}

/// The features of `PART` of token `i` with the given `affixes`; `first`:
/// the token starts its sentence.
#[inline(always)]
fn features_of<const PART: Part>(
    infos: &[TokenInfo],
    i: usize,
    first: bool,
    affixes: &Affixes,
    bits: u32,
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
    let first = first as u64;
    // written into a fixed array and appended at once: cheaper than a
    // capacity check per feature
    let mut feats = [0u32; MAX_STATIC_FEATURES];
    let mut n = 0;
    let mut f = |template: u64, value: u64| {
        if wants(PART, template) {
            feats[n] = bucket(template, value, bits);
            n += 1;
        }
    };

    f(1, 0);
    f(2, t.word);
    f(3, t.lower);
    f(4, t.shape);
    f(5, pair(t.shape, first));
    f(6, pair(t.lower, first));
    // affixes of the lowercase form
    for (k, template) in (7u64..=10).enumerate() {
        if affixes.present & (1 << k) != 0 {
            f(template, affixes.hashes[k]);
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
    // name prior of unlisted capitalized words
    let pr = |k: isize| at(k).map_or(255, |x| x.prior) as u64;
    f(44, pr(0));
    f(45, pair(pr(0), first));
    f(46, pair(pr(0), pr(1)));
    f(47, pair(pr(-1), pr(0)));
    f(48, pair(pr(0), cl(-1)));
    f(49, pair(pr(0), cl(1)));
    // determiners: common nouns need one, bare names do not
    let det = |k: isize| at(k).map_or(2, |x| x.det as u64);
    f(51, pair(det(-1), pr(0)));
    f(52, pair(det(-1), cl(0)));
    f(53, pair(pair(det(-1), first), t.shape));
    f(54, pair(pr(0), lower(1)));
    // a genitive "-s" word before a capitalized common noun ("Merkels Politik")
    let saxon = t.upper && affixes.ends_s && at(1).is_some_and(|n| n.upper && n.class & 1 != 0);
    f(55, pair(saxon as u64, pair(det(-1), pr(0))));
    // what the rest of the document says about the word
    let dc = t.doc as u64;
    f(56, dc);
    f(57, pair(dc, pr(0)));
    f(58, pair(dc, det(-1)));
    f(59, pair(dc, first));
    // what the training data says about the word and its neighbours
    let mem = |k: isize| at(k).map_or(255, |x| x.mem) as u64;
    if t.mem != 0 {
        f(60, mem(0));
        f(61, pair(mem(0), pr(0)));
        f(62, pair(mem(0), det(-1)));
        f(63, pair(mem(0), first));
        f(66, pair(mem(0), cl(0)));
    }
    f(64, pair(mem(-1), mem(0)));
    f(65, pair(mem(0), mem(1)));
    out.extend_from_slice(&feats[..n]);
}

/// The most static features of one token: one per template (1 to 66, less
/// the five label-history templates of [`history_features`]).
const MAX_STATIC_FEATURES: usize = 61;

/// Append the bucket indices of the features that depend on the two previous
/// labels.
#[inline]
pub fn history_features(t: &TokenInfo, p1: u8, p2: u8, bits: u32, out: &mut Vec<u32>) {
    out.push(bucket(40, p1 as u64, bits));
    out.push(bucket(41, (p1 as u64) << 8 | p2 as u64, bits));
    out.push(bucket(42, pair(t.lower, p1 as u64), bits));
    out.push(bucket(43, pair(t.shape, p1 as u64), bits));
    out.push(bucket(50, pair(t.prior as u64, p1 as u64), bits));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn name_prior_ranks_name_like_words_above_noun_like_ones() {
        let lexicon = "Iwanow\tsurname\nPetrow\tsurname\nSmirnow\tsurname\nWolkow\tsurname\n\
                       Sorokin\tsurname\nHandlung\tnoun\nRegierung\tnoun\nZeitung\tnoun\n\
                       Wohnung\tnoun\nSitzung\tnoun\n";
        let classes = WordClasses::parse(lexicon, "t").unwrap();
        let name = classes.name_prior("Orlow");
        let noun = classes.name_prior("Heizung");
        assert!(name > 7 && noun < 7, "name {} noun {}", name, noun);
        // no prior without both kinds of words
        assert_eq!(
            WordClasses::parse("Haus\tnoun\n", "t")
                .unwrap()
                .name_prior("X"),
            0
        );
    }

    #[test]
    fn doc_evidence_counts_bare_uses_and_genitives() {
        let text = "Gestern kam Orlow an. Orlows Idee fand Zustimmung. Der Plan kam.";
        let classes =
            WordClasses::parse("Idee\tnoun\nPlan\tnoun\nZustimmung\tnoun\n", "t").unwrap();
        let sentences = segment(text);
        let mut infos: Vec<Vec<TokenInfo>> = sentences
            .iter()
            .map(|s| {
                let none = vec![0; s.tokens.len()];
                token_infos(text, s, &none, &none, &classes)
            })
            .collect();
        DocEvidence::gather(&infos).apply(&mut infos);
        let code = |word: &str| -> Vec<u8> {
            sentences
                .iter()
                .zip(&infos)
                .flat_map(|(s, i)| s.tokens.iter().zip(i))
                .filter(|(tk, _)| tk.text(text) == word)
                .map(|(_, t)| t.doc)
                .collect()
        };
        // one use after a non-determiner, one genitive before a noun; both
        // forms share the evidence
        assert_eq!(code("Orlow"), vec![1 + 1 + 4]);
        assert_eq!(code("Orlows"), vec![1 + 1 + 4]);
        // sentence-initial only, no genitive
        assert_eq!(code("Gestern"), vec![1]);
        // listed common nouns get none
        assert_eq!(code("Idee"), vec![0]);
        assert!(is_determiner("einem") && is_determiner("zur") && !is_determiner("eine2"));
    }

    /// A text with umlauts, a dotless i, capitals, an acronym, a genitive and
    /// symbols, and word classes for three of its words.
    fn memo_fixture() -> (&'static str, WordClasses) {
        let text = "Die Ärztin Özlem Yıldız traf Orlows Berater im Ärztehaus. \
                    ÄRZTE der UNO, die Ärztin und Orlow: alle kamen, ½ um 3-D.";
        let classes =
            WordClasses::parse("Ärztin\tnoun\nBerater\tnoun\nOrlow\tsurname\n", "t").unwrap();
        (text, classes)
    }

    #[test]
    fn the_word_memo_gives_the_features_computed_without_it() {
        let (text, classes) = memo_fixture();
        let sentences = segment(text);
        let features = |infos: &[TokenInfo], s: &Sentence| -> Vec<Vec<u32>> {
            (0..infos.len())
                .map(|i| {
                    let mut out = Vec::new();
                    static_features::<ALL>(text, s, infos, i, 16, &mut String::new(), &mut out);
                    out
                })
                .collect()
        };
        let mut memo = WordMemo::default();
        memo.serve(1);
        // twice: the memo is filled in the first round and used in the second
        for _ in 0..2 {
            for s in &sentences {
                let hits: Vec<u8> = (0..s.tokens.len() as u8).map(|i| i % 3).collect();
                let plain = token_infos(text, s, &hits, &hits, &classes);
                let mut memoized = Vec::new();
                token_infos_into(
                    text,
                    s,
                    (&hits, &hits),
                    &classes,
                    (&mut String::new(), Some((&mut memo, None))),
                    &mut memoized,
                );
                assert!(memoized.iter().any(|t| t.affixes.is_some()));
                let without_affixes = |t: &TokenInfo| TokenInfo {
                    affixes: None,
                    ..*t
                };
                assert_eq!(
                    plain.iter().map(without_affixes).collect::<Vec<_>>(),
                    memoized.iter().map(without_affixes).collect::<Vec<_>>()
                );
                assert_eq!(features(&plain, s), features(&memoized, s));
            }
        }
    }

    #[test]
    fn word_and_context_features_add_up_to_all() {
        let (text, classes) = memo_fixture();
        // weights that differ from bucket to bucket
        let bits = 12;
        let weights: Vec<f32> = (0..(1usize << bits) * STRIDE)
            .map(|k| (k.wrapping_mul(2_654_435_761) % 2001) as f32 - 1000.0)
            .collect();
        let model = Model::quantize(bits, &weights, classes.clone());
        let mut memo = WordMemo::default();
        memo.serve(1);
        let mut with_sums = 0;
        for s in &segment(text) {
            let hits = vec![0u8; s.tokens.len()];
            let mut infos = Vec::new();
            token_infos_into(
                text,
                s,
                (&hits, &hits),
                &classes,
                (&mut String::new(), Some((&mut memo, Some(&model)))),
                &mut infos,
            );
            for i in 1..infos.len() {
                let buf = &mut String::new();
                let (mut all, mut context, mut word) = (Vec::new(), Vec::new(), Vec::new());
                static_features::<ALL>(text, s, &infos, i, bits, buf, &mut all);
                static_features::<CONTEXT>(text, s, &infos, i, bits, buf, &mut context);
                static_features::<WORD>(text, s, &infos, i, bits, buf, &mut word);
                if let Some(sum) = infos[i].word_scores {
                    with_sums += 1;
                    let (mut full, mut split) = ([0; STRIDE], sum);
                    model.score(&all, &mut full);
                    model.score(&context, &mut split);
                    assert_eq!(full, split, "token {}", i);
                }
                let mut both = [context, word].concat();
                both.sort_unstable();
                all.sort_unstable();
                assert_eq!(all, both, "token {}", i);
            }
        }
        assert!(with_sums >= 5, "{}", with_sums);
    }
}
