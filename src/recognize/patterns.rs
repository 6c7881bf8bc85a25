//! Pattern recognizer: persons after titles and roles or with a known first
//! name, organizations from acronyms, heads, suffixes, legal forms and
//! descriptor nouns, and names defined in parentheses or quotes
//! ("Long Name (ACR)", "ACR („Long Name“)"), with document-level name memory.

use std::collections::{BTreeMap, HashMap, HashSet};

use foldhash::fast::FixedState;

use crate::error::Result;
use crate::lexicon::names::NameLists;
use crate::lexicon::orgs::{OrgHits, OrgLexicon};
use crate::lexicon::roles::RoleLexicon;
use crate::lexicon::DataSource;
use crate::recognize::memo::WordMemo;
use crate::recognize::{AliasLink, EntityType, Mention, Recognized, Source};
use crate::segment::Sentence;

/// Lowercase name particles that may stand inside a person name
/// ("Ursula von der Leyen", "Mohammed bin Salman").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "di", "da", "du", "del", "della", "dos", "la", "le", "ten",
    "ter", "bin", "ibn", "al", "el", "ben", "y", "af",
];

/// Particles that may also start a name right after a title ("Präsident de
/// Gaulle"); not "von", which after a title usually names a place ("Herzog
/// von Burgund").
const LEADING_PARTICLES: &[&str] = &[
    "van", "de", "di", "da", "al", "el", "bin", "ibn", "ten", "ter",
];

/// Prefixes glued to a name with a hyphen ("al-Assad").
const HYPHEN_PARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "ar", "at", "an", "bin", "ibn", "abu",
];

/// Words that join the parts of a long organization name.
const NAME_JOINERS: &[&str] = &[
    "für", "des", "der", "den", "dem", "und", "zur", "zum", "von", "vom", "in", "im", "of", "the",
    "for", "and", "de", "du", "la", "le",
];

/// Articles before a title that make "Frau"/"Herr" a common noun ("eine Frau").
const INDEFINITE: &[&str] = &[
    "ein", "eine", "einer", "einem", "einen", "jede", "jeder", "keine", "junge", "alte", "ältere",
];

/// Articles and determiners: an inflected word that does not make the next
/// capitalized word a noun.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "diese", "dieser", "dieses", "diesen", "diesem", "jene", "jener", "jenes", "seine", "seiner",
    "seinen", "seinem", "ihre", "ihrer", "ihren", "ihrem", "unsere", "unserer", "unseren", "deren",
    "dessen", "beim", "zum", "zur", "vom", "im", "am",
];

/// Quotes that open a quoted name.
const OPEN_QUOTES: &[&str] = &["„", "\"", "»", "«", "“", "‚", "'"];
/// Quotes that close a quoted name.
const CLOSE_QUOTES: &[&str] = &["“", "\"", "«", "»", "”", "‘", "'"];

/// Common noun endings: a word of 8+ letters ending so is no name.
const NOUN_ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "keit", "schaft", "tion", "ionen", "tät", "ismus", "nahme", "ität",
];

/// How sure a pattern is; lower wins when spans overlap.
mod prio {
    pub const DEFINITION: u8 = 0;
    pub const ORG_NAME: u8 = 1;
    pub const ROLE_PERSON: u8 = 2;
    pub const FIRST_NAME: u8 = 3;
    pub const SPEAKER: u8 = 3;
    pub const DESCRIBED: u8 = 3;
    pub const ORG_WORD: u8 = 4;
    pub const ACRONYM: u8 = 5;
    pub const MEMORY_FULL: u8 = 6;
    pub const MEMORY_SURNAME: u8 = 7;
}

/// Bits of [`WordTable`]: what the word lists say of a word as written.
mod flag {
    /// A known first name.
    pub const FIRST_NAME: u8 = 1;
    /// Never part of a name.
    pub const NOT_NAME: u8 = 2;
    /// An all-caps word that is no organization.
    pub const NOT_ACRONYM: u8 = 4;
    /// A title of at most 5 bytes written without its full stop ("Dr").
    pub const ABBREVIATED_TITLE: u8 = 8;
    /// A legal form.
    pub const LEGAL: u8 = 16;
    /// The start of a legal form.
    pub const LEGAL_START: u8 = 32;
    /// A word that starts club names.
    pub const CLUB_PREFIX: u8 = 64;
    /// A role form.
    pub const ROLE: u8 = 128;
}

/// One table for every exact-word question to the name, organization and
/// role lists, so that a token costs one lookup.
struct WordTable {
    flags: HashMap<Box<str>, u8, FixedState>,
    /// The length of the longest key by its first byte (255 for 255 or
    /// more): longer words are in no list.
    max_len: [u8; 256],
    /// The flags of the empty word.
    empty: u8,
}

impl WordTable {
    fn new(roles: &RoleLexicon, orgs: &OrgLexicon, names: &NameLists) -> WordTable {
        let mut t = WordTable {
            flags: HashMap::default(),
            max_len: [0; 256],
            empty: 0,
        };
        let abbreviated = roles
            .surfaces()
            .filter_map(|s| s.strip_suffix('.'))
            .filter(|s| s.len() <= 5);
        let lists: [(u8, Box<dyn Iterator<Item = &str> + '_>); 8] = [
            (flag::ROLE, Box::new(roles.surfaces())),
            (flag::FIRST_NAME, Box::new(names.first_names())),
            (flag::NOT_NAME, Box::new(names.not_names())),
            (flag::NOT_ACRONYM, Box::new(names.not_acronyms())),
            (flag::ABBREVIATED_TITLE, Box::new(abbreviated)),
            (flag::LEGAL, Box::new(orgs.legal_forms())),
            (flag::LEGAL_START, Box::new(orgs.legal_prefixes())),
            (flag::CLUB_PREFIX, Box::new(orgs.prefixes())),
        ];
        for (bit, words) in lists {
            for w in words {
                match w.as_bytes().first() {
                    None => t.empty |= bit,
                    Some(&b) => {
                        let max = &mut t.max_len[b as usize];
                        *max = (*max).max(w.len().min(255) as u8);
                        *t.flags.entry(w.into()).or_default() |= bit;
                    }
                }
            }
        }
        t
    }

    /// The flags of `word`.
    #[inline]
    fn get(&self, word: &str) -> u8 {
        match word.as_bytes().first() {
            None => self.empty,
            Some(&b)
                if word.len() > self.max_len[b as usize] as usize
                    && self.max_len[b as usize] < 255 =>
            {
                0
            }
            Some(_) => self.flags.get(word).copied().unwrap_or(0),
        }
    }
}

/// The compiled patterns.
pub struct Patterns {
    roles: RoleLexicon,
    orgs: OrgLexicon,
    words: WordTable,
    /// Verbs of saying ("sagte", "so"), see [`Patterns::speakers`].
    speech: HashSet<Box<str>, FixedState>,
    /// Compass directions ("Südwesten"): see [`Patterns::is_direction`].
    directions: HashSet<Box<str>, FixedState>,
    /// Owner number of this pattern set's word memos.
    id: u64,
}

/// What [`Patterns::lexical`] says of a word: everything about a token that
/// does not depend on its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Lexical {
    shape: Shape,
    flags: u8,
    /// [`is_name_text`] (before the gazetteer is asked).
    name: bool,
    acronym: bool,
    /// Whether the capitalized word is or ends in a role.
    role: bool,
    hits: OrgHits,
}

/// A token of a sentence with what the gazetteer knows of it.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// Index of the gazetteer mention covering this token.
    gaz: Option<usize>,
    /// Whether that gazetteer mention is exactly this token.
    gaz_whole: bool,
    /// The type of that gazetteer mention.
    gaz_type: Option<EntityType>,
    /// Whether that mention is in its base form (not a genitive, adjective
    /// or other name of its canonical form).
    gaz_base: bool,
    /// Letter statistics.
    shape: Shape,
    /// Whether the word starts with an uppercase letter.
    cap: bool,
    /// Whether the word has no letter or digit.
    punct: bool,
    /// What the word lists say of the word ([`flag`] bits).
    flags: u8,
    /// [`Patterns::is_name_word`].
    name: bool,
    /// [`Patterns::is_org_acronym`].
    acronym: bool,
    /// For capitalized words: whether the word is or ends in a role.
    role: bool,
    /// What the organization lexicon knows of a capitalized word of 3+ bytes.
    hits: OrgHits,
}

impl Word<'_> {
    fn is_cap(&self) -> bool {
        self.cap
    }

    fn is(&self, s: &str) -> bool {
        self.text == s
    }

    fn is_punct(&self) -> bool {
        self.punct
    }
}

/// A candidate mention with its priority.
struct Candidate {
    prio: u8,
    mention: Mention,
}

/// Candidates and alias definitions (as spans) collected over a document.
#[derive(Default)]
struct Found {
    candidates: Vec<Candidate>,
    links: Vec<((usize, usize), (usize, usize))>,
    /// Acronyms the text defines as terms, not names ("FCKW").
    not_names: HashSet<String, FixedState>,
}

impl Found {
    fn add(
        &mut self,
        prio: u8,
        sentence: usize,
        span: (usize, usize),
        etype: EntityType,
        canonical: Option<String>,
    ) {
        if span.0 >= span.1 {
            return;
        }
        self.candidates.push(Candidate {
            prio,
            mention: Mention {
                sentence,
                start: span.0,
                end: span.1,
                etype,
                kb_id: None,
                canonical,
                source: Source::Pattern,
                derived: false,
            },
        });
    }

    /// Keep a non-overlapping subset (best priority, then longer, then
    /// earlier) and turn the alias spans into indices.
    fn finish(mut self, text: &str) -> Recognized {
        if !self.not_names.is_empty() {
            let not_names = &self.not_names;
            self.candidates
                .retain(|c| c.prio != prio::ACRONYM || !not_names.contains(c.mention.text(text)));
        }
        // sort indices (stably), not the large candidates
        let cands = &self.candidates;
        let key = |i: usize| {
            let m = &cands[i].mention;
            (cands[i].prio, std::cmp::Reverse(m.end - m.start), m.start)
        };
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&i| key(i));
        // kept spans: start → (end, candidate)
        let mut kept: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for i in order {
            let m = &cands[i].mention;
            let overlaps = kept
                .range(..m.end)
                .next_back()
                .is_some_and(|(_, &(end, _))| end > m.start);
            if !overlaps {
                kept.insert(m.start, (m.end, i));
            }
        }
        let mut slots: Vec<Option<Mention>> = self
            .candidates
            .into_iter()
            .map(|c| Some(c.mention))
            .collect();
        let mentions: Vec<Mention> = kept
            .into_values()
            .filter_map(|(_, i)| slots[i].take())
            .collect();
        // kept mentions are sorted by start, and no two start together
        let index = |span: &(usize, usize)| {
            mentions
                .binary_search_by_key(span, |m| (m.start, m.end))
                .ok()
        };
        let mut aliases = Vec::new();
        let mut seen: HashSet<(usize, usize), FixedState> = HashSet::default();
        for (long, short) in self.links {
            if let (Some(l), Some(s)) = (index(&long), index(&short)) {
                if l != s && seen.insert((l, s)) {
                    aliases.push(AliasLink { long: l, short: s });
                }
            }
        }
        Recognized { mentions, aliases }
    }
}

/// Letter statistics of a word, from one pass over its characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Shape {
    /// Number of characters.
    chars: u32,
    /// Number of uppercase characters.
    upper: u32,
    /// Whether some character is lowercase.
    any_lower: bool,
    /// Whether every character is alphabetic.
    alpha: bool,
    /// Whether some character is a letter or digit.
    any_alnum: bool,
    /// Whether every character is a letter, hyphen or apostrophe.
    name_chars: bool,
    /// Whether the first character is uppercase.
    first_upper: bool,
    /// Whether some character is a hyphen.
    any_hyphen: bool,
}

/// Character classes of [`Shape::of`], as bits.
mod class {
    pub const UPPER: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const DIGIT: u8 = 4;
    pub const HYPHEN: u8 = 8;
    pub const APOSTROPHE: u8 = 16;
    pub const ALPHA: u8 = 32;
    /// Letters, hyphens and apostrophes.
    pub const NAME: u8 = 64;

    /// The classes of each ASCII byte.
    pub const ASCII: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            t[b] = if c.is_ascii_uppercase() {
                UPPER | ALPHA | NAME
            } else if c.is_ascii_lowercase() {
                LOWER | ALPHA | NAME
            } else if c.is_ascii_digit() {
                DIGIT
            } else if c == b'-' {
                HYPHEN | NAME
            } else if c == b'\'' {
                APOSTROPHE | NAME
            } else {
                0
            };
            b += 1;
        }
        t
    };

    /// The classes of a character.
    #[inline]
    pub fn of(c: char) -> u8 {
        if c.is_ascii() {
            return ASCII[c as usize];
        }
        if ('\u{C0}'..='\u{FF}').contains(&c) {
            // Latin-1 letters: all but × and ÷; upper up to Þ, lower from ß
            return match c {
                '×' | '÷' => 0,
                '\u{C0}'..='\u{DE}' => UPPER | ALPHA | NAME,
                _ => LOWER | ALPHA | NAME,
            };
        }
        let mut k = 0;
        if c.is_alphabetic() {
            k |= ALPHA | NAME;
        }
        if c.is_uppercase() {
            k |= UPPER;
        }
        if c.is_lowercase() {
            k |= LOWER;
        }
        if c.is_numeric() {
            k |= DIGIT;
        }
        if c == '’' {
            k |= APOSTROPHE | NAME;
        }
        k
    }
}

impl Shape {
    fn of(t: &str) -> Shape {
        let (mut any, mut all, mut chars, mut upper) = (0u8, u8::MAX, 0u32, 0u32);
        let mut first = None;
        if t.is_ascii() {
            for &b in t.as_bytes() {
                let k = class::ASCII[b as usize];
                any |= k;
                all &= k;
                upper += u32::from(k & class::UPPER);
            }
            chars = t.len() as u32;
            first = t.as_bytes().first().map(|&b| class::ASCII[b as usize]);
        } else {
            for c in t.chars() {
                let k = class::of(c);
                first.get_or_insert(k);
                any |= k;
                all &= k;
                upper += u32::from(k & class::UPPER);
                chars += 1;
            }
        }
        if chars == 0 {
            all = 0;
        }
        Shape {
            chars,
            upper,
            any_lower: any & class::LOWER != 0,
            alpha: chars == 0 || all & class::ALPHA == class::ALPHA,
            any_alnum: any & (class::ALPHA | class::DIGIT) != 0,
            name_chars: chars == 0 || all & class::NAME != 0,
            first_upper: first.is_some_and(|k| k & class::UPPER != 0),
            any_hyphen: any & class::HYPHEN != 0,
        }
    }
}

/// Whether `t` looks like an acronym: 2–6 letters, at least two capitals and
/// no more lowercase than capitals ("NATO", "AfD"), not a plural ("NGOs") and
/// not a Roman numeral.
pub fn is_acronym_shape(t: &str) -> bool {
    // at most 6 chars of at most 4 bytes
    t.len() <= 24 && acronym_shape(t, &Shape::of(t))
}

fn acronym_shape(t: &str, s: &Shape) -> bool {
    let n = s.chars;
    if !(2..=6).contains(&n) || !s.alpha || !s.first_upper {
        return false;
    }
    let lower = n - s.upper;
    if s.upper < 2 || lower > s.upper || t.ends_with('s') && lower > 0 {
        return false;
    }
    !t.chars().all(|c| "IVXLCDM".contains(c))
}

/// Whether `t` is letters joined by `&` or `+` before capitals ("H&M",
/// "R+V", "Procter&Gamble", "Nieding+Barth"): company names, never persons.
fn is_joined_name(t: &str) -> bool {
    t.len() <= 60
        && t.contains(['&', '+'])
        && t.split(['&', '+']).all(|part| {
            part.starts_with(char::is_uppercase) && part.chars().all(char::is_alphabetic)
        })
}

/// Whether `t` is shaped like a name word: capitalized with lowercase letters
/// ("Müller", "O'Brien", "Meyer-Landrut"), or a hyphen particle form ("al-Assad").
fn is_name_shape(t: &str) -> bool {
    name_shape(t, &Shape::of(t))
}

fn name_shape(t: &str, s: &Shape) -> bool {
    if !s.name_chars || s.chars == 0 {
        return false;
    }
    if s.first_upper {
        return s.chars >= 2 && s.any_lower && !t.ends_with('-');
    }
    if !s.any_hyphen {
        return false;
    }
    if let Some((pre, rest)) = t.split_once('-') {
        return HYPHEN_PARTICLES.contains(&pre) && crate::text::is_capitalized(rest);
    }
    false
}

fn has_noun_ending(t: &str, s: &Shape) -> bool {
    s.chars >= 8 && NOUN_ENDINGS.iter().any(|e| t.ends_with(e))
}

/// Whether `text` (of shape `shape` and with word-list `flags`), not matched
/// by the gazetteer, can continue a person name.
fn is_name_text(text: &str, shape: &Shape, flags: u8) -> bool {
    name_shape(text, shape)
        && !has_noun_ending(text, shape)
        && flags & (flag::NOT_NAME | flag::ABBREVIATED_TITLE) == 0
}

/// Whether `text` (of shape `shape` and with word-list `flags`) is an acronym
/// that may name an organization.
fn is_org_acronym_text(text: &str, shape: &Shape, flags: u8) -> bool {
    acronym_shape(text, shape) && flags & (flag::NOT_ACRONYM | flag::LEGAL) == 0
}

/// Whether a capitalized word looks like an inflected adjective ("Deutsche",
/// "Nationales", "Europäischen", "Frankfurter").
fn is_cap_adjective(t: &str) -> bool {
    crate::text::is_capitalized(t)
        && t.chars().count() >= 4
        && t.chars().all(char::is_alphabetic)
        && ["e", "en", "er", "es", "em"].iter().any(|e| t.ends_with(e))
}

/// The acronym's letters, uppercased.
fn acronym_letters(acr: &str) -> Vec<char> {
    acr.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `words` spell `acr`: each content word supplies one or more
/// letters, its initial first and the rest in order from inside the word
/// ("Industriegewerkschaft Metall" → IGM, "Organisation des Vertrages für
/// kollektive Sicherheit" → OVKS); function words may be skipped.
fn initials_match(words: &[Word], acr: &str) -> bool {
    let letters = acronym_letters(acr);
    let parts: Vec<(Vec<char>, bool)> = words
        .iter()
        .filter(|w| !w.is_punct())
        .map(|w| {
            let upper: Vec<char> = w
                .text
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_uppercase)
                .collect();
            (upper, NAME_JOINERS.contains(&w.text))
        })
        .collect();
    let (np, nl) = (parts.len(), letters.len());
    if np == 0 || nl == 0 || parts[0].1 {
        return false;
    }
    // ok[i][j]: parts i.. can spell letters j..
    let mut ok = vec![vec![false; nl + 1]; np + 1];
    ok[np][nl] = true;
    for i in (0..np).rev() {
        let (chars, optional) = &parts[i];
        for j in (0..=nl).rev() {
            let mut v = *optional && ok[i + 1][j];
            if !v && j < nl && chars.first() == Some(&letters[j]) {
                // consume letters j..k from this word
                let mut pos = 1;
                let mut k = j + 1;
                loop {
                    if ok[i + 1][k] {
                        v = true;
                        break;
                    }
                    if k == nl {
                        break;
                    }
                    match chars[pos..].iter().position(|c| *c == letters[k]) {
                        Some(off) => {
                            pos += off + 1;
                            k += 1;
                        }
                        None => break,
                    }
                }
            }
            ok[i][j] = v;
        }
    }
    ok[0][0]
}

impl Patterns {
    /// Load the role, organization, first-name and stopword lexicons.
    pub fn load(data: &DataSource) -> Result<Patterns> {
        Patterns::load_with(data, false)
    }

    /// [`Patterns::load`]; with `listed_first_names`, the first names of
    /// `lexicon/first_names_listed.tsv` start person names too. That list
    /// serves runs without the tagger: the tagger knows those names from
    /// its word classes and was trained beside patterns without them.
    pub fn load_with(data: &DataSource, listed_first_names: bool) -> Result<Patterns> {
        let roles = RoleLexicon::load(data)?;
        let orgs = OrgLexicon::load(data)?;
        let names = NameLists::load(data, listed_first_names)?;
        let words = WordTable::new(&roles, &orgs, &names);
        let speech = names.speech().map(Box::from).collect();
        let directions = names.directions().map(Box::from).collect();
        Ok(Patterns {
            roles,
            orgs,
            words,
            speech,
            directions,
            id: super::memo::new_owner(),
        })
    }

    /// Whether the all-caps `word` is listed as no organization ("TV",
    /// "ISIN", "EBIT").
    pub fn is_not_acronym(&self, word: &str) -> bool {
        self.words.get(word) & flag::NOT_ACRONYM != 0
    }

    /// Whether `word` is a compass direction ("Südwesten"): before a place
    /// in the genitive it is no part of the name ("im Südwesten Japans").
    pub fn is_direction(&self, word: &str) -> bool {
        self.directions.contains(word)
    }

    /// The organization lexicon in use.
    pub fn orgs(&self) -> &OrgLexicon {
        &self.orgs
    }

    /// The role lexicon in use.
    pub fn roles(&self) -> &RoleLexicon {
        &self.roles
    }

    /// Pattern mentions and alias definitions in `text`. `gazetteer` holds the
    /// gazetteer's mentions (sorted by start), which patterns build on: a
    /// gazetteer hit is never taken for a person name.
    pub fn find(&self, text: &str, sentences: &[Sentence], gazetteer: &[Mention]) -> Recognized {
        let mut found = Found::default();
        let mut gi = 0;
        // the words of all sentences in one vector; sentence k has ranges[k]
        let tokens = sentences.iter().map(|s| s.tokens.len()).sum();
        let mut all: Vec<Word> = Vec::with_capacity(tokens);
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(sentences.len());
        let mut buf = String::new();
        thread_local! {
            // what the word lists say of capitalized words seen before
            static MEMO: std::cell::RefCell<WordMemo<Lexical>> = Default::default();
        }
        MEMO.with_borrow_mut(|memo| {
            memo.serve(self.id);
            for s in sentences {
                let from = all.len();
                self.words_of(text, s, gazetteer, &mut gi, (memo, &mut buf), &mut all);
                ranges.push(from..all.len());
            }
        });
        for (s, range) in sentences.iter().zip(&ranges) {
            let words = &all[range.clone()];
            let sid = s.index;
            self.definitions(words, sid, gazetteer, &mut found);
            self.persons_after_roles(words, sid, &mut found);
            self.persons_with_first_names(words, sid, &mut found);
            self.speakers(words, sid, &mut found);
            self.org_names(words, sid, &mut found);
            self.described(words, sid, &mut found);
            if !is_shouting(words) {
                self.acronyms(words, sid, &mut found);
            }
        }
        let all_words: Vec<&[Word]> = ranges.into_iter().map(|r| &all[r]).collect();
        self.name_memory(&all_words, sentences, &mut found);
        found.finish(text)
    }

    /// Append the tokens of sentence `s` to `out`, with their gazetteer
    /// coverage and what the lexicons know of them; `gi` is a cursor into
    /// `gazetteer` that only moves forward across sentences, `memo` holds
    /// what the lexicons said of capitalized words before, `buf` is a
    /// scratch buffer for folding.
    fn words_of<'t>(
        &self,
        text: &'t str,
        s: &Sentence,
        gazetteer: &[Mention],
        gi: &mut usize,
        (memo, buf): (&mut WordMemo<Lexical>, &mut String),
        out: &mut Vec<Word<'t>>,
    ) {
        for t in &s.tokens {
            while *gi < gazetteer.len() && gazetteer[*gi].end <= t.start {
                *gi += 1;
            }
            let gaz = (*gi < gazetteer.len() && gazetteer[*gi].start < t.end).then_some(*gi);
            let gaz_whole =
                gaz.is_some_and(|g| gazetteer[g].start == t.start && gazetteer[g].end == t.end);
            let word = &text[t.start..t.end];
            // a lowercase word is quicker to look at than to look up: its
            // lists are small and the memo's entries are spread in memory
            let lex = if word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
                self.lexical(word, buf)
            } else {
                memo.get(word, |w| self.lexical(w, buf))
            };
            out.push(Word {
                text: word,
                start: t.start,
                end: t.end,
                gaz,
                gaz_whole,
                gaz_type: gaz.map(|g| gazetteer[g].etype),
                gaz_base: gaz
                    .is_some_and(|g| gazetteer[g].canonical.as_deref().is_none_or(|c| c == word)),
                shape: lex.shape,
                cap: lex.shape.first_upper,
                punct: !lex.shape.any_alnum,
                flags: lex.flags,
                name: gaz.is_none() && lex.name,
                acronym: lex.acronym,
                role: lex.role,
                hits: lex.hits,
            });
        }
    }

    /// What the word lists and the word's letters say of `word`, whatever
    /// its context.
    fn lexical(&self, word: &str, buf: &mut String) -> Lexical {
        if !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()) {
            self.lowercase_lexical(word)
        } else {
            self.any_lexical(word, buf)
        }
    }

    /// [`Patterns::lexical`] of any word.
    fn any_lexical(&self, word: &str, buf: &mut String) -> Lexical {
        let shape = Shape::of(word);
        let cap = shape.first_upper;
        let flags = self.words.get(word);
        Lexical {
            shape,
            flags,
            name: is_name_text(word, &shape, flags),
            acronym: is_org_acronym_text(word, &shape, flags),
            role: cap && (flags & flag::ROLE != 0 || self.roles.find_compound(word).is_some()),
            hits: if cap && word.len() >= 3 {
                self.orgs.classify_with(word, buf)
            } else {
                OrgHits::default()
            },
        }
    }

    /// [`Patterns::lexical`] of a word of lowercase ASCII letters, the most
    /// common kind: no name, acronym, role or organization noun, so only the
    /// word lists are asked.
    fn lowercase_lexical(&self, word: &str) -> Lexical {
        Lexical {
            shape: Shape {
                chars: word.len() as u32,
                upper: 0,
                any_lower: true,
                alpha: true,
                any_alnum: true,
                name_chars: true,
                first_upper: false,
                any_hyphen: false,
            },
            flags: self.words.get(word),
            name: false,
            acronym: false,
            role: false,
            hits: OrgHits::default(),
        }
    }

    /// Whether `w` can continue a person name ("Hans Richter": a role word
    /// may be a surname). Computed once per word in [`Patterns::words_of`].
    fn is_name_word(&self, w: &Word) -> bool {
        w.name
    }

    /// Whether `w` is or ends in a role ("Präsident", "Außenminister").
    fn is_role(&self, w: &Word) -> bool {
        if w.cap {
            w.role
        } else {
            self.roles.find_in_word(w.text).is_some()
        }
    }

    /// Whether `w` can start a person name: a name word that is no role
    /// ("Bankdirektor", "Kaiser").
    fn is_first_name_word(&self, w: &Word) -> bool {
        self.is_name_word(w) && !self.is_role(w)
    }

    /// A place name that ends a person name as its surname ("Rick Dudley"):
    /// a gazetteer place in its base form, not followed by another name word.
    fn is_place_surname(&self, words: &[Word], j: usize) -> bool {
        let w = &words[j];
        w.gaz_whole
            && w.gaz_base
            && w.gaz_type == Some(EntityType::Loc)
            && is_name_shape(w.text)
            && w.flags & flag::NOT_NAME == 0
            && !words
                .get(j + 1)
                .is_some_and(|n| n.is_cap() && !n.is_punct())
    }

    /// An acronym that may name an organization. Computed once per word in
    /// [`Patterns::words_of`].
    fn is_org_acronym(&self, w: &Word) -> bool {
        w.acronym
    }

    /// The role at `words[i]` ("Präsident", "NATO-Generalsekretär", "Dr."):
    /// the index just past it.
    fn role_at(&self, words: &[Word], i: usize) -> Option<usize> {
        let w = words.get(i)?;
        if !w.is_cap() {
            return None;
        }
        // Abbreviations split from their full stop: "Dr" "."
        // "Dr", "Prof": a title written without its full stop or split from it
        if words.get(i + 1).is_some_and(|dot| dot.is(".")) && w.flags & flag::ABBREVIATED_TITLE != 0
        {
            return Some(i + 2);
        }
        w.role.then_some(i + 1)
    }

    /// A person name starting at `words[i]`: 1–4 name words with particles
    /// ("von der", "bin") and middle initials ("George W. Bush") between
    /// them. Returns the index range of the name.
    fn name_at(&self, words: &[Word], i: usize, after_title: bool) -> Option<(usize, usize)> {
        let mut j = i;
        let mut caps = 0;
        let mut last = None;
        let mut after_particle = false;
        while j < words.len() && caps < 4 {
            let w = &words[j];
            if j > i && words[j - 1].end == w.start && !words[j - 1].is_punct() {
                // glued tokens (e.g. "solle.In") never continue a name
                break;
            }
            let next_is_cap = words
                .get(j + 1)
                .is_some_and(|n| n.is_cap() && !n.is_punct() && n.start > w.end);
            if caps > 0 {
                // a new title starts a new name: "X Y Premier Z"
                if next_is_cap && self.is_role(w) {
                    break;
                }
                // the same word again: a repeated byline "X Y X Y"
                if w.text == words[i].text {
                    break;
                }
            }
            let ok = if caps == 0 {
                self.is_first_name_word(w)
            } else if after_particle {
                // one word after "von", "van der", ... ends the name
                self.is_name_word(w) && !next_is_cap
            } else {
                self.is_name_word(w) || caps <= 2 && self.is_place_surname(words, j)
            };
            if !ok {
                if after_particle {
                    // "X Y von Firma Z": not a name particle after all
                    break;
                }
            } else {
                caps += 1;
                last = Some(j);
                j += 1;
                // "Justin Biebers Lied": a genitive ends the name
                if after_particle || caps >= 2 && w.text.ends_with('s') && next_is_cap {
                    break;
                }
                continue;
            }
            // a middle initial: "W." or "W" "."
            if caps > 0 {
                let initial = w.text.chars().count() <= 2
                    && w.text.chars().next().is_some_and(char::is_uppercase)
                    && (w.text.ends_with('.') && w.text.chars().count() == 2
                        || w.text.chars().count() == 1
                            && words
                                .get(j + 1)
                                .is_some_and(|d| d.is(".") && d.start == w.end));
                if initial {
                    let k = if w.text.ends_with('.') { j + 1 } else { j + 2 };
                    if words.get(k).is_some_and(|n| self.is_name_word(n)) {
                        j = k;
                        continue;
                    }
                }
            }
            if PARTICLES.contains(&w.text) && !after_particle {
                let may_start = caps > 0 || (after_title && LEADING_PARTICLES.contains(&w.text));
                let mut k = j + 1;
                // "der"/"den" only after another particle: "von der Leyen"
                while k < words.len()
                    && k < j + 3
                    && matches!(words[k].text, "der" | "den" | "la" | "de")
                {
                    k += 1;
                }
                if may_start
                    && !matches!(w.text, "der" | "den")
                    && k < words.len()
                    && self.is_name_word(&words[k])
                {
                    j = k;
                    after_particle = true;
                    continue;
                }
            }
            break;
        }
        last.map(|l| (i, l + 1))
    }

    /// "Präsident Emmanuel Macron", "NATO-Generalsekretär X Y", "Frau Dr. Z",
    /// "Präsident Russlands, Wladimir Putin".
    fn persons_after_roles(&self, words: &[Word], sid: usize, found: &mut Found) {
        let mut i = 0;
        while i < words.len() {
            let Some(mut j) = self.role_at(words, i) else {
                i += 1;
                continue;
            };
            // "eine Frau", "junge Herren": common nouns, not titles
            if i > 0 && INDEFINITE.contains(&crate::text::fold(words[i - 1].text).as_str()) {
                i = j;
                continue;
            }
            // more titles: "Frau Ministerin Dr."
            let mut chain = 0;
            while chain < 4 {
                match self.role_at(words, j) {
                    Some(k) => {
                        j = k;
                        chain += 1;
                    }
                    None => break,
                }
            }
            let mut name = self.name_at(words, j, true);
            if name.is_none() {
                // "Präsident (der|des)? <place or org>,? Vorname Nachname"
                let mut k = j;
                if words
                    .get(k)
                    .is_some_and(|x| matches!(x.text, "der" | "des"))
                {
                    k += 1;
                }
                let start = k;
                while words
                    .get(k)
                    .is_some_and(|x| x.is_cap() && (x.gaz.is_some() || self.is_org_acronym(x)))
                {
                    k += 1;
                }
                if k > start && k - start <= 4 {
                    // an apposition after a comma, or a known first name
                    let comma = words.get(k).is_some_and(|x| x.is(","));
                    if comma {
                        k += 1;
                    }
                    name = self.name_at(words, k, false).filter(|(a, b)| {
                        b - a >= 2 && (comma || words[*a].flags & flag::FIRST_NAME != 0)
                    });
                }
            }
            if name.is_none() {
                // a first name the gazetteer took for a place: "Jaroslav X"
                name = self.name_after_gazetteer_word(words, j);
            }
            if let Some((a, b)) = name {
                found.add(
                    prio::ROLE_PERSON,
                    sid,
                    (words[a].start, words[b - 1].end),
                    EntityType::Per,
                    None,
                );
                i = b;
            } else {
                i = j.max(i + 1);
            }
        }
    }

    /// A name whose first word the gazetteer matched alone (a place that is
    /// also a first name), followed by a name word the gazetteer does not know.
    fn name_after_gazetteer_word(&self, words: &[Word], j: usize) -> Option<(usize, usize)> {
        let w = words.get(j)?;
        if !w.gaz_whole || !is_name_shape(w.text) || w.flags & flag::NOT_NAME != 0 {
            return None;
        }
        let (_, b) = self.name_at(words, j + 1, false)?;
        Some((j, b))
    }

    /// "Vorname Nachname" with a known first name.
    fn persons_with_first_names(&self, words: &[Word], sid: usize, found: &mut Found) {
        let mut i = 0;
        while i + 1 < words.len() {
            let w = &words[i];
            if w.flags & flag::FIRST_NAME != 0 {
                let name = if w.gaz.is_none() {
                    self.name_at(words, i, false)
                } else {
                    self.name_after_gazetteer_word(words, i)
                };
                if let Some((a, b)) = name {
                    if b - a >= 2 {
                        found.add(
                            prio::FIRST_NAME,
                            sid,
                            (words[a].start, words[b - 1].end),
                            EntityType::Per,
                            None,
                        );
                        i = b;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    /// "…, sagte Keller.", "so Anna Keller,": one to three name words right
    /// after a verb of saying and closed by punctuation name the speaker.
    /// (A common noun there would need an article: "sagte der Sprecher".)
    fn speakers(&self, words: &[Word], sid: usize, found: &mut Found) {
        for i in 0..words.len().saturating_sub(2) {
            let speaker = |w: &Word| w.cap && w.gaz.is_none() && self.is_first_name_word(w);
            if !self.speech.contains(words[i].text) {
                continue;
            }
            // a surname with particles: "erklärt van der Vaart,"
            let mut start = i + 1;
            if LEADING_PARTICLES.contains(&words[start].text) {
                let mut k = start + 1;
                while k < words.len() && k - start < 3 && PARTICLES.contains(&words[k].text) {
                    k += 1;
                }
                if words.get(k).is_some_and(speaker) {
                    start = k;
                }
            }
            if !speaker(&words[start]) {
                continue;
            }
            let mut j = start;
            while j < words.len() && j - start < 3 && speaker(&words[j]) {
                j += 1;
            }
            if words
                .get(j)
                .is_some_and(|w| matches!(w.text, "." | "," | ";" | ":" | "!" | "?"))
            {
                let span = (words[i + 1].start, words[j - 1].end);
                found.add(prio::SPEAKER, sid, span, EntityType::Per, None);
            }
        }
    }

    /// Organization names from heads, leads, single-word names, club
    /// prefixes and legal forms.
    fn org_names(&self, words: &[Word], sid: usize, found: &mut Found) {
        for i in 0..words.len() {
            let w = &words[i];
            // legal forms: "Muster GmbH", "Beispiel e.V."
            if let Some((etype, end)) = self.legal_at(words, i) {
                let end = self.composite_legal_end(words, i, end);
                let mut a = i;
                while a > 0 && i - a < 4 {
                    let p = &words[a - 1];
                    let ok = (p.is_cap()
                        && !p.is_punct()
                        && p.flags & flag::NOT_NAME == 0
                        && p.hits.descriptor.is_none()
                        && !self.is_role(p))
                        || p.is("&");
                    if !ok {
                        break;
                    }
                    a -= 1;
                }
                while a < i && words[a].is("&") {
                    a += 1;
                }
                if a < i {
                    found.add(
                        prio::ORG_NAME,
                        sid,
                        (words[a].start, words[end - 1].end),
                        etype,
                        None,
                    );
                }
                continue;
            }
            if !w.is_cap() {
                continue;
            }
            // club prefixes: "FC Beispielstadt", "1. FC Beispielstadt"
            if let Some(etype) = (w.flags & flag::CLUB_PREFIX != 0)
                .then(|| self.orgs.prefix(w.text))
                .flatten()
            {
                let mut b = i + 1;
                while b < words.len()
                    && b < i + 4
                    && (words[b].gaz_whole || self.is_name_word(&words[b]))
                    && words[b].is_cap()
                {
                    b += 1;
                }
                if b > i + 1 {
                    let mut a = i;
                    if i >= 2
                        && words[i - 1].is(".")
                        && words[i - 2].text.chars().all(|c| c.is_ascii_digit())
                    {
                        a = i - 2;
                    } else if i >= 1
                        && words[i - 1].text.ends_with('.')
                        && words[i - 1].text[..words[i - 1].text.len() - 1]
                            .chars()
                            .all(|c| c.is_ascii_digit())
                        && words[i - 1].text.len() > 1
                    {
                        a = i - 1;
                    }
                    found.add(
                        prio::ORG_NAME,
                        sid,
                        (words[a].start, words[b - 1].end),
                        etype,
                        None,
                    );
                }
                continue;
            }
            let head = w.hits.head;
            let lead = w.hits.lead;
            if head.is_none() && lead.is_none() {
                if let Some(t) = w.hits.word {
                    found.add(prio::ORG_WORD, sid, (w.start, w.end), t, None);
                }
                continue;
            }
            if self.roles.get(w.text).is_some() {
                continue;
            }
            // capitalized adjectives before: "Deutsche", "Nationales"
            let mut a = i;
            while a > 0 && i - a < 4 {
                let p = &words[a - 1];
                if is_cap_adjective(p.text) && p.flags & flag::NOT_NAME == 0 {
                    a -= 1;
                } else {
                    break;
                }
            }
            if a < i {
                let before = a.checked_sub(1).map(|k| words[k].text);
                // "das bisherige Gebilde Bundesliga": the capitalized word
                // after an inflected adjective is a noun, not part of a name
                let after_adjective =
                    before.is_some_and(|t| is_lower_adjective(t) && !DETERMINERS.contains(&t));
                // a sentence-initial capital says nothing: need two modifiers
                let initial = before.is_none_or(|t| OPEN_QUOTES.contains(&t) || t == "-");
                if after_adjective || initial && i - a < 2 {
                    a = i;
                }
            }
            // "für ..." after a lead noun
            let mut b = i + 1;
            if lead.is_some() {
                if let Some(end) = self.fuer_phrase(words, i + 1) {
                    b = end;
                }
            }
            if a == i && b == i + 1 {
                if let Some(t) = w.hits.word {
                    found.add(prio::ORG_WORD, sid, (w.start, w.end), t, None);
                }
                continue;
            }
            // a city right after the name: "Technische Universität Beispielstadt"
            if b == i + 1
                && words.get(b).is_some_and(|n| {
                    n.gaz_whole && n.gaz_base && n.gaz_type == Some(EntityType::Loc)
                })
            {
                b += 1;
            }
            let etype = head.or(lead).unwrap_or(EntityType::Org);
            let canonical = deinflect(words, a, i, b);
            found.add(
                prio::ORG_NAME,
                sid,
                (words[a].start, words[b - 1].end),
                etype,
                canonical,
            );
        }
    }

    /// The end of a composite legal form whose first form is `words[i..end]`:
    /// "GmbH & Co. KG", "& Co. OHG"; `end` when there is none.
    #[inline(never)]
    fn composite_legal_end(&self, words: &[Word], i: usize, mut end: usize) -> usize {
        let mut last = i;
        while end < words.len() {
            let next = if words[end].is("&") {
                end + 1
            } else if words[last].is("Co.") || words[last].is("Co") {
                end
            } else {
                break;
            };
            match (next < words.len())
                .then(|| self.legal_at(words, next))
                .flatten()
            {
                Some((_, after)) => (last, end) = (next, after),
                None => break,
            }
        }
        end
    }

    /// A legal form starting at `words[i]` ("GmbH", or "e" "." "V" "."):
    /// its type and the index just past it.
    fn legal_at(&self, words: &[Word], i: usize) -> Option<(EntityType, usize)> {
        if words[i].flags & flag::LEGAL_START == 0 {
            return None;
        }
        let mut best = None;
        let mut form = String::new();
        let mut end = words[i].start;
        for (k, w) in words.iter().enumerate().skip(i).take(4) {
            if k > i && w.start != end {
                break;
            }
            form.push_str(w.text);
            end = w.end;
            if let Some(t) = self.orgs.legal(&form) {
                best = Some((t, k + 1));
            }
            if !self.orgs.may_start_legal(&form) {
                break;
            }
        }
        best
    }

    /// The end of "für/zur/zum <Name words>" starting at `words[j]`.
    fn fuer_phrase(&self, words: &[Word], j: usize) -> Option<usize> {
        if !words
            .get(j)
            .is_some_and(|w| matches!(w.text, "für" | "zur" | "zum"))
        {
            return None;
        }
        let mut k = j + 1;
        let mut end = None;
        while k < words.len() && k < j + 10 {
            let w = &words[k];
            if w.is_cap() && !w.is_punct() && w.flags & flag::NOT_NAME == 0 {
                k += 1;
                end = Some(k);
            } else if (matches!(w.text, "und" | "in" | "im" | "für" | "des" | "der")
                || is_lower_adjective(w.text))
                && words.get(k + 1).is_some_and(|n| n.is_cap())
            {
                k += 1;
            } else {
                break;
            }
        }
        end
    }

    /// "der Geheimdienst KNB", "die Nachrichtenagentur „Name“", "die Stadt X".
    fn described(&self, words: &[Word], sid: usize, found: &mut Found) {
        for i in 0..words.len().saturating_sub(1) {
            let w = &words[i];
            if !w.is_cap() || w.is_punct() {
                continue;
            }
            let Some(etype) = w.hits.descriptor else {
                continue;
            };
            // a place named like a descriptor ("Darmstadt") describes nothing;
            // a descriptor follows an article, adjective or preposition
            if w.gaz.is_some() || i > 0 && !words[i - 1].text.starts_with(char::is_lowercase) {
                continue;
            }
            let n = &words[i + 1];
            if n.gaz.is_some() {
                continue;
            }
            if self.is_org_acronym(n) {
                found.add(prio::DESCRIBED, sid, (n.start, n.end), etype, None);
            } else if OPEN_QUOTES.contains(&n.text) {
                if let Some((a, b)) = quoted(words, i + 1, 8) {
                    if words[a].is_cap() {
                        found.add(
                            prio::DESCRIBED,
                            sid,
                            (words[a].start, words[b - 1].end),
                            etype,
                            None,
                        );
                    }
                }
            } else if self.is_name_word(n) && n.hits.descriptor.is_none() {
                // one name word, or a domain ("Beispiel.kz")
                let mut b = i + 2;
                if let [dot, tld, ..] = &words[b.min(words.len())..] {
                    if dot.is(".")
                        && dot.start == n.end
                        && tld.start == dot.end
                        && tld.text.chars().all(|c| c.is_ascii_lowercase())
                        && (2..=4).contains(&tld.text.len())
                    {
                        b += 2;
                    }
                }
                // a club and its city: "Traditionsverein Beispiel Stadt"
                if b == i + 2
                    && words.get(b).is_some_and(|x| {
                        x.gaz_whole
                            && x.gaz_base
                            && x.gaz_type == Some(EntityType::Loc)
                            && x.start > n.end
                    })
                {
                    b += 1;
                }
                found.add(
                    prio::DESCRIBED,
                    sid,
                    (n.start, words[b - 1].end),
                    etype,
                    None,
                );
            }
        }
    }

    /// Acronyms, standalone or before a role in a compound ("SPD-Chef",
    /// "NATO-Generalsekretär"; not "DFB-Pokal"). An acronym followed by a
    /// number is a code, not a name ("ISBN 3-...", "EC 135").
    fn acronyms(&self, words: &[Word], sid: usize, found: &mut Found) {
        for (i, w) in words.iter().enumerate() {
            // an acronym, alone or before a hyphen, starts with a capital
            if w.gaz.is_some() || !w.cap {
                continue;
            }
            let (part, end) = match w.shape.any_hyphen.then(|| w.text.split_once('-')).flatten() {
                Some((head, rest)) => {
                    if self.roles.find_in_word(rest).is_none() {
                        continue;
                    }
                    (head, w.start + head.len())
                }
                None => (w.text, w.end),
            };
            if words
                .get(i + 1)
                .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()))
            {
                continue;
            }
            // "RT @handle: …" marks a retweet, not the broadcaster RT
            if w.text == "RT" && words.get(i + 1).is_some_and(|n| n.text.starts_with('@')) {
                continue;
            }
            let acronym = if part.len() == w.text.len() {
                w.acronym || is_joined_name(w.text)
            } else {
                is_org_acronym_text(part, &Shape::of(part), self.words.get(part))
            };
            if acronym {
                found.add(prio::ACRONYM, sid, (w.start, end), EntityType::Org, None);
            }
        }
    }

    /// "Long Name (ACR)", "ACR („Long Name“)", "ACR (Long Name)".
    fn definitions(&self, words: &[Word], sid: usize, gazetteer: &[Mention], found: &mut Found) {
        for p in 0..words.len() {
            if !words[p].is("(") {
                continue;
            }
            // Long Name (ACR)
            if let (Some(acr), Some(close)) = (words.get(p + 1), words.get(p + 2)) {
                if close.is(")") && self.is_org_acronym(acr) && p > 0 {
                    // a legal form before the parenthesis is not abbreviated:
                    // "Gesellschaft für Krisenmanagement e.V. (GfKM)"
                    let stop = (p.saturating_sub(4)..p)
                        .find(|&i| self.legal_at(words, i).is_some_and(|(_, end)| end == p))
                        .unwrap_or(p);
                    if let Some((a, etype)) =
                        self.long_form_before(words, stop, acr.text, gazetteer)
                    {
                        let span = &words[a..p];
                        if exact_gazetteer(span, gazetteer).is_none()
                            && !self.has_org_evidence(span)
                        {
                            // a defined term, not a name: "Fluorchlorkohlenwasserstoffe (FCKW)"
                            found.not_names.insert(acr.text.to_string());
                            continue;
                        }
                        let long = (words[a].start, words[p - 1].end);
                        let short = (acr.start, acr.end);
                        found.add(prio::DEFINITION, sid, long, etype, None);
                        found.add(prio::DEFINITION, sid, short, etype, None);
                        found.links.push((long, short));
                    }
                    continue;
                }
            }
            // ACR (Long Name) / ACR („Long Name“)
            if p == 0 || !self.is_org_acronym(&words[p - 1]) {
                continue;
            }
            let acr = &words[p - 1];
            let (a, b, is_quoted) = if words
                .get(p + 1)
                .is_some_and(|w| OPEN_QUOTES.contains(&w.text))
            {
                match quoted(words, p + 1, 10) {
                    Some((a, b)) if words.get(b + 1).is_some_and(|w| w.is(")")) => (a, b, true),
                    _ => continue,
                }
            } else {
                let mut b = p + 1;
                while b < words.len() && b < p + 12 && !words[b].is(")") && !words[b].is("(") {
                    b += 1;
                }
                if !words.get(b).is_some_and(|w| w.is(")")) {
                    continue;
                }
                (p + 1, b, false)
            };
            if a >= b || !words[a].is_cap() || words[a..b].iter().any(|w| w.is(",")) {
                continue;
            }
            let inner = &words[a..b];
            let gaz_type = exact_gazetteer(inner, gazetteer);
            let matches = initials_match(inner, acr.text);
            let named = self.has_org_evidence(inner);
            if !(is_quoted || named || matches && gaz_type.is_some()) {
                continue;
            }
            if gaz_type.is_some_and(|t| t != EntityType::Org) && !matches {
                continue;
            }
            let etype = gaz_type
                .or_else(|| {
                    p.checked_sub(2)
                        .and_then(|d| self.orgs.descriptor(words[d].text))
                })
                .unwrap_or(EntityType::Org);
            let long = (words[a].start, words[b - 1].end);
            let short = (acr.start, acr.end);
            found.add(prio::DEFINITION, sid, long, etype, None);
            found.add(prio::DEFINITION, sid, short, etype, None);
            found.links.push((long, short));
        }
    }

    /// Whether some word of `span` is an organization head, lead, name word,
    /// descriptor or legal form.
    fn has_org_evidence(&self, span: &[Word]) -> bool {
        span.iter()
            .any(|w| w.is_cap() && (self.orgs.classify(w.text).any() || w.flags & flag::LEGAL != 0))
    }

    /// The start of the long form that `acr` abbreviates, ending just before
    /// `words[p]` (the opening parenthesis), and its type.
    fn long_form_before(
        &self,
        words: &[Word],
        p: usize,
        acr: &str,
        gazetteer: &[Mention],
    ) -> Option<(usize, EntityType)> {
        let limit = p.saturating_sub(12);
        let mut a = p;
        while a > limit {
            let w = &words[a - 1];
            if w.is_punct() && !w.is("-") {
                break;
            }
            a -= 1;
            if !w.is_cap() {
                continue;
            }
            let span = &words[a..p];
            if initials_match(span, acr) {
                let etype = exact_gazetteer(span, gazetteer).unwrap_or(EntityType::Org);
                if etype == EntityType::Per {
                    return None;
                }
                return Some((a, etype));
            }
        }
        None
    }

    /// Document-level name memory: full names and surnames of persons found
    /// by titles or first names are marked wherever else they occur.
    fn name_memory(&self, all_words: &[&[Word]], sentences: &[Sentence], found: &mut Found) {
        let mut full: HashMap<&str, Vec<Vec<&str>>, FixedState> = HashMap::default();
        let mut surnames: HashSet<&str, FixedState> = HashSet::default();
        for c in &found.candidates {
            if c.mention.etype != EntityType::Per {
                continue;
            }
            // sentences come in the order of their indices
            let Ok(k) = sentences.binary_search_by_key(&c.mention.sentence, |s| s.index) else {
                continue;
            };
            let words: Vec<&str> = all_words[k]
                .iter()
                .filter(|w| w.start >= c.mention.start && w.end <= c.mention.end)
                .map(|w| w.text)
                .collect();
            let Some(last) = words.last() else { continue };
            let surname = last.strip_suffix('s').filter(|b| b.chars().count() >= 3);
            surnames.insert(last);
            if let Some(base) = surname {
                if words.len() == 1 {
                    surnames.insert(base);
                }
            }
            if words.len() >= 2 {
                full.entry(words[0]).or_default().push(words);
            }
        }
        if surnames.is_empty() {
            return;
        }
        for (k, words) in all_words.iter().enumerate() {
            let sid = sentences[k].index;
            for (i, w) in words.iter().enumerate() {
                if !self.is_name_word(w) {
                    continue;
                }
                if let Some(names) = full.get(w.text) {
                    for name in names {
                        let n = name.len();
                        if i + n <= words.len()
                            && words[i..i + n].iter().zip(name).all(|(x, y)| x.text == *y)
                        {
                            found.add(
                                prio::MEMORY_FULL,
                                sid,
                                (w.start, words[i + n - 1].end),
                                EntityType::Per,
                                None,
                            );
                        }
                    }
                }
                let base = w.text.strip_suffix('s');
                if surnames.contains(w.text) || base.is_some_and(|b| surnames.contains(b)) {
                    found.add(
                        prio::MEMORY_SURNAME,
                        sid,
                        (w.start, w.end),
                        EntityType::Per,
                        None,
                    );
                }
            }
        }
    }
}

/// A lowercase adjective inside a name ("kollektive", "internationale").
fn is_lower_adjective(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
        && t.chars().count() >= 4
        && ["e", "en", "er", "es", "em"].iter().any(|e| t.ends_with(e))
        && !NAME_JOINERS.contains(&t)
}

/// The words between an opening quote at `words[q]` and its closing quote,
/// at most `max` words: the index range of the quoted words.
fn quoted(words: &[Word], q: usize, max: usize) -> Option<(usize, usize)> {
    let mut b = q + 1;
    while b < words.len() && b <= q + max {
        if CLOSE_QUOTES.contains(&words[b].text) {
            return (b > q + 1).then_some((q + 1, b));
        }
        if words[b].is("(") || words[b].is(")") {
            return None;
        }
        b += 1;
    }
    None
}

/// The type of a gazetteer mention spanning exactly `span`.
fn exact_gazetteer(span: &[Word], gazetteer: &[Mention]) -> Option<EntityType> {
    let (first, last) = (span.first()?, span.last()?);
    let g = &gazetteer[first.gaz?];
    (g.start == first.start && g.end == last.end).then_some(g.etype)
}

/// The nominative form of an organization name found in an oblique case:
/// "der Deutschen Presse-Agentur" → "Deutsche Presse-Agentur",
/// "des Nationalen Komitees" → "Nationale Komitee". `None` when unchanged.
fn deinflect(words: &[Word], a: usize, head: usize, b: usize) -> Option<String> {
    let article = a.checked_sub(1).map(|k| words[k].text);
    let oblique = matches!(
        article,
        Some("der" | "den" | "dem" | "des" | "vom" | "zum" | "zur" | "beim" | "im")
    );
    if !oblique {
        return None;
    }
    let mut out = String::new();
    let mut changed = false;
    let mut prev_end = None;
    for (k, w) in words.iter().enumerate().take(b).skip(a) {
        if let Some(e) = prev_end {
            if e < w.start {
                out.push(' ');
            }
        }
        prev_end = Some(w.end);
        let mut t = w.text;
        if k < head && t.ends_with("en") {
            t = &t[..t.len() - 1];
            changed = true;
        } else if k == head && article == Some("des") {
            if let Some(s) = t.strip_suffix("es").filter(|s| s.chars().count() >= 4) {
                t = s;
                changed = true;
            } else if let Some(s) = t.strip_suffix('s') {
                t = s;
                changed = true;
            }
        }
        out.push_str(t);
    }
    changed.then_some(out)
}

/// Whether most words of the sentence are in capitals (a headline in caps),
/// where acronyms cannot be told from shouting.
fn is_shouting(words: &[Word]) -> bool {
    let mut caps = 0;
    let mut total = 0;
    for w in words {
        if w.shape.chars >= 2 && w.shape.alpha {
            total += 1;
            if w.shape.upper == w.shape.chars {
                caps += 1;
            }
        }
    }
    caps >= 3 && caps * 5 >= total * 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn find(text: &str) -> Vec<(String, EntityType)> {
        let p = Patterns::load(&DataSource::builtin()).unwrap();
        let s = segment(text);
        let r = p.find(text, &s, &[]);
        r.mentions
            .iter()
            .map(|m| (m.text(text).to_string(), m.etype))
            .collect()
    }

    #[test]
    fn the_word_memo_of_one_pattern_set_does_not_leak_into_another() {
        // the same thread asks two pattern sets about the same words: the
        // second knows one more first name
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("lexicon")).unwrap();
        let builtin = DataSource::builtin();
        let names = builtin.read(crate::lexicon::names::FIRST_NAMES).unwrap();
        std::fs::write(
            dir.path().join(crate::lexicon::names::FIRST_NAMES),
            format!("{}Zorbak\t1\n", names),
        )
        .unwrap();
        let plain = Patterns::load(&builtin).unwrap();
        let more = Patterns::load(&DataSource::from_dir(dir.path())).unwrap();
        let text = "Gestern kam Zorbak Quennel nach Hause.";
        let s = segment(text);
        let persons = |p: &Patterns| -> Vec<String> {
            p.find(text, &s, &[])
                .mentions
                .iter()
                .filter(|m| m.etype == EntityType::Per)
                .map(|m| m.text(text).to_string())
                .collect()
        };
        for _ in 0..2 {
            assert!(persons(&plain).is_empty());
            assert_eq!(persons(&more), ["Zorbak Quennel"]);
        }
    }

    #[test]
    fn shape_counts_like_the_char_predicates() {
        let words = [
            "",
            "NATO",
            "AfD",
            "Müller",
            "ÄRZTE",
            "O'Brien",
            "O’Neill",
            "al-Assad",
            "3-D",
            "½",
            "Straße",
            "×÷",
            "ǅemal",
            "Ⅻ",
            "İstanbul",
            "ΣΟΦΙΑ",
            "e.V.",
            "-",
            "Ünal-",
            "x2",
        ];
        for w in words {
            let s = Shape::of(w);
            assert_eq!(s.chars as usize, w.chars().count(), "{}", w);
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            assert_eq!(s.upper as usize, upper, "{}", w);
            assert_eq!(s.any_lower, w.chars().any(char::is_lowercase), "{}", w);
            assert_eq!(s.alpha, w.chars().all(char::is_alphabetic), "{}", w);
            assert_eq!(s.any_alnum, w.chars().any(char::is_alphanumeric), "{}", w);
            let name = |c: char| c.is_alphabetic() || c == '-' || c == '\'' || c == '’';
            assert_eq!(s.name_chars, w.chars().all(name), "{}", w);
            assert_eq!(s.first_upper, crate::text::is_capitalized(w), "{}", w);
            assert_eq!(s.any_hyphen, w.contains('-'), "{}", w);
        }
        for c in '\u{80}'..='\u{17F}' {
            let w = c.to_string();
            let s = Shape::of(&w);
            assert_eq!(s.alpha, c.is_alphabetic(), "{:?}", c);
            assert_eq!(s.upper == 1, c.is_uppercase(), "{:?}", c);
            assert_eq!(s.any_lower, c.is_lowercase(), "{:?}", c);
            assert_eq!(s.any_alnum, c.is_alphanumeric(), "{:?}", c);
        }
    }

    #[test]
    fn lowercase_words_get_what_the_general_path_gives() {
        let p = Patterns::load(&DataSource::builtin()).unwrap();
        let text = "der die und von van de al sagte erklärte laut so in im zum ein keine \
                    gmbh ag co kg e v ca bzw nr sowie nicht auch wurde worden ist x";
        let mut buf = String::new();
        for w in text.split_whitespace() {
            if w.bytes().all(|b| b.is_ascii_lowercase()) {
                assert_eq!(p.lowercase_lexical(w), p.any_lexical(w, &mut buf), "{}", w);
            }
        }
    }

    #[test]
    fn acronym_shapes() {
        assert!(is_acronym_shape("NATO"));
        assert!(is_acronym_shape("AfD"));
        assert!(!is_acronym_shape("NGOs"));
        assert!(!is_acronym_shape("XIV"));
        assert!(!is_acronym_shape("A"));
        assert!(!is_acronym_shape("Haus"));
    }

    #[test]
    fn role_then_name() {
        let m = find("Gestern sagte Innenministerin Petra Beispiel, sie sei zufrieden.");
        assert!(
            m.contains(&("Petra Beispiel".into(), EntityType::Per)),
            "{:?}",
            m
        );
    }

    #[test]
    fn definition_with_initials() {
        let m = find("Die Vereinigung freier Musterbauer (VFM) tagte.");
        assert!(m.contains(&("VFM".into(), EntityType::Org)), "{:?}", m);
        assert!(
            m.contains(&("Vereinigung freier Musterbauer".into(), EntityType::Org)),
            "{:?}",
            m
        );
    }
}
