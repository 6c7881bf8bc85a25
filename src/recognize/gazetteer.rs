//! Gazetteer recognizer: countries and territories (with genitive and
//! adjectival forms), cities and organizations from the lists in
//! `data/gazetteer/`, each with a knowledge-base id, plus lookups by id and name.
//!
//! Matching visits each word start once and looks the word up in a hash
//! table of the first words of all surface forms; the candidates (longest
//! first) are compared byte-wise, so a scan is linear in the text and needs
//! no automaton. Matching is case-sensitive over generated variants (as
//! written, ALL-CAPS via Unicode case mapping so umlauts and ß fold right,
//! first letter toggled for adjectives).

use crate::text::ASCII_ALNUM;
use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::Result;
use crate::lexicon::{data_error, records, DataSource};
use crate::recognize::{EntityType, Mention, Source};
use crate::segment::Sentence;

const COUNTRIES: &str = "gazetteer/countries.tsv";
const CITIES: &str = "gazetteer/cities.tsv";
const ORGANIZATIONS: &str = "gazetteer/organizations.tsv";
const STOPLIST: &str = "gazetteer/stoplist.txt";

/// Words after which a stoplisted place name ("Essen", "Hof") is read as a
/// place: locative prepositions. After anything else (an article, sentence
/// start, a verb) the word is taken as the common noun or verb.
const LOCATIVE: &[&str] = &[
    "in", "In", "nach", "Nach", "aus", "Aus", "bei", "Bei", "von", "Von", "bis", "Bis", "ab", "Ab",
    "via", "Via", "gen", "zwischen", "Zwischen", "nahe", "Nahe", "nahe", "unweit", "Unweit",
    "Richtung", "um", "Um",
];

/// Cities below this population are matched only as whole tokens, not as
/// parts of hyphenated compounds ("Baden-Württemberg" is not Baden).
const COMPOUND_MIN_POPULATION: u64 = 100_000;

/// What kind of thing a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// A sovereign state (Destatis lists it).
    Country,
    /// A dependent territory or special area (CLDR only).
    Territory,
    /// A former state (Sowjetunion, Jugoslawien).
    Historical,
    /// A continent or world region (Europa, Zentralasien).
    Region,
    /// A city.
    City,
    /// An organization.
    Organization,
}

impl EntryKind {
    fn parse(s: &str) -> Option<EntryKind> {
        Some(match s {
            "country" => EntryKind::Country,
            "territory" => EntryKind::Territory,
            "historical" => EntryKind::Historical,
            "region" => EntryKind::Region,
            _ => return None,
        })
    }

    /// Whether the entry is a country-like place (country, territory, former state).
    pub fn is_country(self) -> bool {
        matches!(
            self,
            EntryKind::Country | EntryKind::Territory | EntryKind::Historical
        )
    }
}

/// How a surface form relates to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// A name or alternative name ("Kasachstan", "Republik Kasachstan").
    Name,
    /// A genitive ("Kasachstans").
    Genitive,
    /// An adjective derived from a place ("kasachischen" → Kasachstan,
    /// "Moskauer" → Moskau).
    Adjective,
    /// An abbreviation ("OSZE", "OSCE").
    Abbreviation,
}

/// One gazetteer entry: a country, region, city or organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Knowledge-base id: `geonames:<id>` for places, a Wikidata QID for
    /// organizations; `None` where the sources have none.
    pub kb_id: Option<String>,
    /// The canonical (German) name.
    pub canonical: String,
    /// LOC or ORG.
    pub etype: EntityType,
    /// Country, city, organization, ...
    pub kind: EntryKind,
    /// For organizations: the category from the data file (international,
    /// party, government, agency, media, company, ...); empty otherwise.
    pub category: String,
    /// ISO 3166-1 alpha-2 code of the country (of the city), if any.
    pub iso2: Option<String>,
    /// Population (cities only).
    pub population: Option<u64>,
    /// Names and alternative names as listed in the data.
    pub names: Vec<String>,
    /// Genitive forms as listed in the data.
    pub genitives: Vec<String>,
    /// Adjective forms as listed in the data: for countries every inflection,
    /// lowercase ("kasachischen"); for cities the -er form ("Berliner").
    pub adjectives: Vec<String>,
    /// Abbreviations, matched exactly as written.
    pub abbreviations: Vec<String>,
}

/// A gazetteer hit in a text, with byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
    /// Which kind of surface form matched.
    pub form: Form,
}

#[derive(Debug, Clone, Copy)]
struct Pattern {
    entry: u32,
    form: Form,
    /// A stoplisted word: only a place after a locative preposition.
    stopped: bool,
    /// May this pattern touch a hyphen (be part of a compound)?
    in_compounds: bool,
}

/// A small, fast multiplicative hash for the short keys of the word table
/// (the default SipHash would dominate the scan time).
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

/// Bits of the first-word filter: a word whose bit is clear starts no
/// surface form, so most words skip the table lookup and its cache misses.
const FILTER_BITS: usize = 1 << 18;

/// The filter bit of a word.
#[inline]
fn filter_bit(word: &str) -> usize {
    let mut h = WordHasher::default();
    h.write(word.as_bytes());
    (h.finish() >> 40) as usize % FILTER_BITS
}

/// The compiled gazetteers.
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_kb: HashMap<String, usize, FixedState>,
    country_by_iso: HashMap<String, usize, FixedState>,
    /// Surface form → pattern index.
    by_surface: WordMap<u32>,
    /// Pattern surfaces and what they stand for, by pattern index.
    surfaces: Vec<Box<str>>,
    patterns: Vec<Pattern>,
    /// First word of a surface form → pattern indices, longest surface first.
    by_first_word: WordMap<Box<[u32]>>,
    /// [`filter_bit`] set for every key of `by_first_word`.
    first_word_filter: Box<[u64]>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .field("patterns", &self.surfaces.len())
            .finish()
    }
}

fn list(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn opt(field: Option<&&str>) -> Option<String> {
    field
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .map(str::to_string)
}

/// Uppercase the first character (Unicode-aware).
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn is_word_char(c: char) -> bool {
    crate::text::is_alphanumeric(c)
}

/// Whether the char at byte `i` of `text` is a word character, and its length.
#[inline]
fn char_class(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        match text[i..].chars().next() {
            Some(c) => (crate::text::is_alphanumeric(c), c.len_utf8()),
            None => (false, 1),
        }
    }
}

impl Gazetteer {
    /// Load and compile the gazetteer data files.
    pub fn load(data: &DataSource) -> Result<Gazetteer> {
        let mut entries = Vec::new();
        let text = data.read(COUNTRIES)?;
        load_countries(&text, &mut entries)?;
        let text = data.read(ORGANIZATIONS)?;
        load_organizations(&text, &mut entries)?;
        let text = data.read(CITIES)?;
        load_cities(&text, &mut entries)?;
        let text = data.read(STOPLIST)?;
        let lines = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        let mut stoplist = HashSet::default();
        let mut never = HashSet::default();
        for l in lines {
            match l.strip_prefix('!') {
                Some(w) => never.insert(w.trim()),
                None => stoplist.insert(l),
            };
        }
        Gazetteer::build(entries, &stoplist, &never)
    }

    fn build(
        entries: Vec<Entry>,
        stoplist: &HashSet<&str, FixedState>,
        never: &HashSet<&str, FixedState>,
    ) -> Result<Gazetteer> {
        let mut by_kb = HashMap::default();
        let mut country_by_iso = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            if let Some(kb) = &e.kb_id {
                by_kb.entry(kb.clone()).or_insert(i);
            }
            if e.kind == EntryKind::Country || e.kind == EntryKind::Territory {
                if let Some(iso) = &e.iso2 {
                    country_by_iso.entry(iso.clone()).or_insert(i);
                }
            }
        }

        // Surface forms in priority order: entries come countries first, then
        // organizations, then cities by falling population; the first entry
        // to claim a surface keeps it.
        let mut by_surface: WordMap<u32> = WordMap::default();
        let mut surfaces: Vec<Box<str>> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |surface: String, entry: usize, form: Form, e: &Entry| {
            if surface.is_empty()
                || !surface.starts_with(|c: char| c.is_alphanumeric())
                || by_surface.contains_key(surface.as_str())
                || (e.etype == EntityType::Loc && is_stopped(&surface, form, never))
            {
                return;
            }
            // The stoplist and never-list are about place names.
            let place = e.etype == EntityType::Loc;
            let stopped = place && is_stopped(&surface, form, stoplist);
            let in_compounds = !stopped
                && (e.kind != EntryKind::City
                    || e.population.unwrap_or(0) >= COMPOUND_MIN_POPULATION);
            by_surface.insert(surface.clone().into_boxed_str(), patterns.len() as u32);
            surfaces.push(surface.into_boxed_str());
            patterns.push(Pattern {
                entry: entry as u32,
                form,
                stopped,
                in_compounds,
            });
        };
        for (i, e) in entries.iter().enumerate() {
            for a in &e.abbreviations {
                add(a.clone(), i, Form::Abbreviation, e);
            }
            for (form, names) in [(Form::Name, &e.names), (Form::Genitive, &e.genitives)] {
                for n in names {
                    add(n.clone(), i, form, e);
                    let letters = n.chars().filter(|c| c.is_alphabetic()).count();
                    let min = if e.kind == EntryKind::City { 5 } else { 4 };
                    if letters >= min {
                        add(n.to_uppercase(), i, form, e);
                    }
                }
            }
            for a in &e.adjectives {
                add(a.clone(), i, Form::Adjective, e);
                add(capitalize(a), i, Form::Adjective, e);
                add(a.to_uppercase(), i, Form::Adjective, e);
            }
        }
        let mut first: WordMap<Vec<u32>> = WordMap::default();
        for (p, s) in surfaces.iter().enumerate() {
            let end = s.find(|c: char| !is_word_char(c)).unwrap_or(s.len());
            first.entry(s[..end].into()).or_default().push(p as u32);
        }
        let mut first_word_filter = vec![0u64; FILTER_BITS / 64].into_boxed_slice();
        for k in first.keys() {
            let bit = filter_bit(k);
            first_word_filter[bit / 64] |= 1 << (bit % 64);
        }
        let by_first_word = first
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_by_key(|&p| (std::cmp::Reverse(surfaces[p as usize].len()), p));
                (k, v.into_boxed_slice())
            })
            .collect();
        Ok(Gazetteer {
            entries,
            by_kb,
            country_by_iso,
            by_surface,
            surfaces,
            patterns,
            by_first_word,
            first_word_filter,
        })
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with knowledge-base id `kb_id`.
    pub fn entry(&self, kb_id: &str) -> Option<&Entry> {
        self.by_kb.get(kb_id).map(|&i| &self.entries[i])
    }

    /// The entry a surface form names, and how: exact match on the generated
    /// variants ("Kasachstans", "KASACHSTAN", "Kasachische", "OSZE").
    pub fn lookup(&self, surface: &str) -> Option<(&Entry, Form)> {
        self.by_surface.get(surface.trim()).map(|&p| {
            let pat = &self.patterns[p as usize];
            (&self.entries[pat.entry as usize], pat.form)
        })
    }

    /// The country an adjective refers to: "kasachischen" → Kasachstan.
    /// `None` for city adjectives ("Moskauer") and other words.
    pub fn adjective_country(&self, word: &str) -> Option<&Entry> {
        match self.lookup(word) {
            Some((e, Form::Adjective)) if e.kind != EntryKind::City => Some(e),
            _ => None,
        }
    }

    /// The country entry with ISO 3166-1 alpha-2 code `iso2`.
    pub fn country_by_iso(&self, iso2: &str) -> Option<&Entry> {
        self.country_by_iso.get(iso2).map(|&i| &self.entries[i])
    }

    /// The kb id of the country a place lies in (a city's or a region's
    /// country), for the `located_in` relation. `None` for countries,
    /// organizations, places in several countries and unknown ids.
    pub fn country_of(&self, kb_id: &str) -> Option<&str> {
        self.country_of_entry(self.entry(kb_id)?)
            .and_then(|c| c.kb_id.as_deref())
    }

    /// The country entry a city or region lies in, if known.
    pub fn country_of_entry(&self, e: &Entry) -> Option<&Entry> {
        if !matches!(e.kind, EntryKind::City | EntryKind::Region) {
            return None;
        }
        self.country_by_iso(e.iso2.as_deref()?)
    }

    /// All gazetteer hits in `text`: whole words only, longest match first,
    /// non-overlapping, sorted by start. Linear in the text length.
    pub fn find_matches(&self, text: &str) -> Vec<GazMatch> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII spaces and punctuation are skipped without decoding
            if bytes[i] < 0x80 && !ASCII_ALNUM[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let (is_word, len) = char_class(text, i);
            if !is_word {
                i += len;
                continue;
            }
            // A word starts at i: find its end, ASCII letters and digits
            // a run at a time.
            let start = i;
            let mut end = i + len;
            loop {
                while end < bytes.len() && ASCII_ALNUM[usize::from(bytes[end])] {
                    end += 1;
                }
                if end >= bytes.len() || bytes[end] < 0x80 {
                    break;
                }
                let (w, l) = char_class(text, end);
                if !w {
                    break;
                }
                end += l;
            }
            let mut next = end;
            let word = &text[start..end];
            let bit = filter_bit(word);
            if self.first_word_filter[bit / 64] & (1 << (bit % 64)) == 0 {
                i = next;
                continue;
            }
            if let Some(cands) = self.by_first_word.get(word) {
                for &p in cands.iter() {
                    let surface = self.surfaces[p as usize].as_bytes();
                    let stop = start + surface.len();
                    if !bytes[start..].starts_with(surface) {
                        continue;
                    }
                    let pat = self.patterns[p as usize];
                    if self.accept(text, start, stop, &pat) {
                        out.push(GazMatch {
                            start,
                            end: stop,
                            entry: pat.entry as usize,
                            form: pat.form,
                        });
                        next = next.max(stop);
                        break;
                    }
                }
            }
            i = next;
        }
        out
    }

    /// Whether a raw match at `start..end` stands on word boundaries and, for
    /// stoplisted words, in a place context.
    fn accept(&self, text: &str, start: usize, end: usize, pat: &Pattern) -> bool {
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let ok_side = |c: Option<char>| match c {
            None => true,
            Some('-') => pat.in_compounds,
            Some(c) => !is_word_char(c),
        };
        if !ok_side(before) || !ok_side(after) {
            return false;
        }
        // a name with its article is no compound's first part: "Die
        // Grünen-Politikerin" is a Green politician, "Grünen" the party
        if after == Some('-')
            && ["Die ", "Der ", "Das "]
                .iter()
                .any(|a| text[start..end].starts_with(a))
        {
            return false;
        }
        if pat.stopped {
            return previous_word(text, start).is_some_and(|w| LOCATIVE.contains(&w));
        }
        true
    }

    /// All gazetteer mentions in `text`, non-overlapping, sorted by start,
    /// with the index of the sentence each starts in.
    pub fn find(&self, text: &str, sentences: &[Sentence]) -> Vec<Mention> {
        // matches come by start: a cursor replaces a search per match
        let mut si = 0;
        self.find_matches(text)
            .into_iter()
            .map(|m| {
                let e = &self.entries[m.entry];
                while si < sentences.len() && sentences[si].start <= m.start {
                    si += 1;
                }
                Mention {
                    sentence: si.saturating_sub(1),
                    start: m.start,
                    end: m.end,
                    etype: e.etype,
                    kb_id: e.kb_id.clone(),
                    canonical: Some(e.canonical.clone()),
                    source: Source::Gazetteer,
                    derived: m.form == Form::Adjective,
                }
            })
            .collect()
    }
}

/// Is `surface` a stoplisted common word (or its genitive / ALL-CAPS form)?
fn is_stopped(surface: &str, form: Form, stoplist: &HashSet<&str, FixedState>) -> bool {
    if form == Form::Adjective || form == Form::Abbreviation {
        return false;
    }
    if stoplist.is_empty() {
        return false;
    }
    let check = |s: &str| {
        if stoplist.contains(s) {
            return true;
        }
        // ALL-CAPS variant of a stoplisted word: "ESSEN" (ß became "SS", so
        // "STRASSE" does not map back; such names are rare in the list).
        let mut c = s.chars();
        let Some(first) = c.next() else {
            return false;
        };
        let rest = c.as_str();
        if rest.is_empty() || rest.chars().any(char::is_lowercase) {
            return false;
        }
        let mut word = String::with_capacity(s.len());
        word.push(first);
        word.push_str(&rest.to_lowercase());
        stoplist.contains(word.as_str())
    };
    if check(surface) {
        return true;
    }
    form == Form::Genitive
        && (surface
            .strip_suffix('s')
            .or_else(|| surface.strip_suffix('S'))
            .is_some_and(check))
}

/// The word just before byte offset `start`, if the nearest non-space
/// character before it is part of a word.
fn previous_word(text: &str, start: usize) -> Option<&str> {
    let head = text[..start].trim_end();
    let end = head.len();
    let begin = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    Some(&head[begin..end])
}

fn load_countries(text: &str, entries: &mut Vec<Entry>) -> Result<()> {
    for r in records(text) {
        let f = &r.fields;
        if f.len() < 5 {
            return Err(data_error(
                COUNTRIES,
                r.line,
                "expected at least 5 tab-separated fields",
            ));
        }
        let kind = EntryKind::parse(f[2].trim())
            .ok_or_else(|| data_error(COUNTRIES, r.line, format!("unknown kind {:?}", f[2])))?;
        let canonical = f[3].trim().to_string();
        if canonical.is_empty() {
            return Err(data_error(COUNTRIES, r.line, "empty canonical name"));
        }
        entries.push(Entry {
            kb_id: opt(f.first()),
            canonical,
            etype: EntityType::Loc,
            kind,
            category: String::new(),
            iso2: opt(f.get(1)),
            population: None,
            names: list(f.get(4)),
            genitives: list(f.get(5)),
            adjectives: list(f.get(6)),
            abbreviations: Vec::new(),
        });
    }
    Ok(())
}

fn load_cities(text: &str, entries: &mut Vec<Entry>) -> Result<()> {
    for r in records(text) {
        let f = &r.fields;
        if f.len() < 5 {
            return Err(data_error(
                CITIES,
                r.line,
                "expected at least 5 tab-separated fields",
            ));
        }
        let population = f[2].trim().parse::<u64>().map_err(|_| {
            data_error(
                CITIES,
                r.line,
                format!("population {:?} is not a number", f[2]),
            )
        })?;
        let canonical = f[3].trim().to_string();
        if canonical.is_empty() {
            return Err(data_error(CITIES, r.line, "empty canonical name"));
        }
        entries.push(Entry {
            kb_id: opt(f.first()),
            canonical,
            etype: EntityType::Loc,
            kind: EntryKind::City,
            category: String::new(),
            iso2: opt(f.get(1)),
            population: Some(population),
            names: list(f.get(4)),
            genitives: list(f.get(5)),
            adjectives: list(f.get(6)),
            abbreviations: Vec::new(),
        });
    }
    Ok(())
}

fn load_organizations(text: &str, entries: &mut Vec<Entry>) -> Result<()> {
    for r in records(text) {
        let f = &r.fields;
        if f.len() < 4 {
            return Err(data_error(
                ORGANIZATIONS,
                r.line,
                "expected at least 4 tab-separated fields",
            ));
        }
        let canonical = f[2].trim().to_string();
        if canonical.is_empty() {
            return Err(data_error(ORGANIZATIONS, r.line, "empty canonical name"));
        }
        entries.push(Entry {
            kb_id: opt(f.first()),
            canonical,
            etype: EntityType::Org,
            kind: EntryKind::Organization,
            category: f[1].trim().to_string(),
            iso2: None,
            population: None,
            names: list(f.get(3)),
            genitives: list(f.get(4)),
            adjectives: Vec::new(),
            abbreviations: list(f.get(5)),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::load(&DataSource::builtin()).expect("built-in gazetteer loads")
    }

    fn surfaces(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
        g.find_matches(text)
            .iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    g.entries()[m.entry].canonical.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn previous_word_stops_at_punctuation() {
        assert_eq!(previous_word("Wir sind in  Essen", 13), Some("in"));
        assert_eq!(previous_word("Gut. Essen", 5), None);
        assert_eq!(previous_word("Essen", 0), None);
    }

    #[test]
    fn country_of_a_city_is_its_country() {
        let g = gaz();
        let (moskau, _) = g.lookup("Moskau").expect("Moskau is listed");
        let kb = moskau.kb_id.as_deref().unwrap();
        let russia = g.lookup("Russland").unwrap().0.kb_id.clone();
        assert_eq!(g.country_of(kb), russia.as_deref());
        assert_eq!(g.country_of(russia.as_deref().unwrap()), None);
        let (bayern, _) = g.lookup("Bayerns").expect("Bayern is listed");
        assert_eq!(
            g.country_of_entry(bayern).map(|c| c.canonical.as_str()),
            Some("Deutschland")
        );
    }

    #[test]
    fn malformed_data_file_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("gazetteer")).unwrap();
        std::fs::write(
            dir.path().join("gazetteer/cities.tsv"),
            "# comment\ngeonames:1\tDE\tmany\tEssen\tEssen\t\n",
        )
        .unwrap();
        let err = Gazetteer::load(&DataSource::from_dir(dir.path())).unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(err
            .path()
            .is_some_and(|p| p.ends_with("gazetteer/cities.tsv")));
    }

    #[test]
    fn data_dir_overrides_the_built_in_list() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("gazetteer")).unwrap();
        std::fs::write(
            dir.path().join("gazetteer/cities.tsv"),
            "geonames:99\tDE\t20000\tNeustadt am Beispiel\tNeustadt am Beispiel\t\n",
        )
        .unwrap();
        let g = Gazetteer::load(&DataSource::from_dir(dir.path())).unwrap();
        let got = surfaces(&g, "Sie zog nach Neustadt am Beispiel, nicht nach Berlin.");
        assert_eq!(
            got,
            vec![("Neustadt am Beispiel".into(), "Neustadt am Beispiel".into())]
        );
    }

    #[test]
    fn odd_input_gives_sorted_disjoint_matches() {
        let g = gaz();
        let texts = [
            "",
            "-",
            "Essen",
            "\u{0}Berlin\u{0}",
            "Ber\u{301}lin 🇩🇪Deutschland🇩🇪 -NATO- «Paris» USA’s",
            "ÖSTERREICHS\r\nKASACHISCHEN\tkasachischem",
        ];
        for t in texts {
            let ms = g.find_matches(t);
            for w in ms.windows(2) {
                assert!(w[0].end <= w[1].start, "{:?}", t);
            }
            for m in &ms {
                assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
            }
        }
        let got = surfaces(&g, "🇩🇪Deutschland -NATO- «Paris»");
        let words: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(words, ["Deutschland", "NATO", "Paris"]);
    }

    #[test]
    fn rejected_match_does_not_hide_a_later_one() {
        let g = gaz();
        let got = surfaces(&g, "Iranistik aus Deutschland");
        assert_eq!(got, vec![("Deutschland".into(), "Deutschland".into())]);
    }
}
