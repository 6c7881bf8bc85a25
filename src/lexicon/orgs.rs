//! The organization lexicon (`data/lexicon/org_suffixes.tsv`): nouns that end
//! or start organization names, compound endings that make a word a name,
//! legal forms and descriptor nouns ("der Geheimdienst ...").
//!
//! Format: `form<TAB>kind<TAB>type` with kind `head`, `lead`, `word`, `legal`,
//! `descriptor` or `prefix` and type `ORG`, `LOC` or `PER` (see `data/README.md`).

use std::collections::{BTreeMap, HashMap, HashSet};

use foldhash::fast::FixedState;

use super::suffix::SuffixTrie;
use super::{data_error, records, DataSource};
use crate::error::Result;
use crate::recognize::EntityType;
use crate::text::{fold, fold_into};

/// The data file's name under `data/`.
pub const FILE: &str = "lexicon/org_suffixes.tsv";

/// How a form marks a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OrgKind {
    /// Ends a multiword name: "Deutsche Bank".
    Head,
    /// Starts a name followed by "für ...": "Bundesamt für ...".
    Lead,
    /// A compound ending that is a name by itself: "Innenministerium".
    Word,
    /// A legal form after a company name: "AG", "GmbH".
    Legal,
    /// A noun before a name: "Geheimdienst", "Stadt".
    Descriptor,
    /// A word that starts a club name followed by its other words: "FC", "VfB".
    Prefix,
    /// A word after a company's name that names it with its subsidiaries:
    /// "Steilmann-Gruppe", "Siemens-Konzern" are the company.
    Group,
}

impl OrgKind {
    fn parse(s: &str) -> Option<OrgKind> {
        Some(match s {
            "head" => OrgKind::Head,
            "lead" => OrgKind::Lead,
            "word" => OrgKind::Word,
            "legal" => OrgKind::Legal,
            "descriptor" => OrgKind::Descriptor,
            "prefix" => OrgKind::Prefix,
            "group" => OrgKind::Group,
            _ => return None,
        })
    }
}

/// The kinds matched against word endings, as indices into [`Endings`] values.
const HEAD: usize = 0;
const LEAD: usize = 1;
const WORD: usize = 2;
const DESCRIPTOR: usize = 3;

/// Word endings of the four ending kinds (head, lead, word, descriptor),
/// matched case-insensitively against the end of a (folded) word; forms of
/// 64 bytes or more are ignored.
type Endings = SuffixTrie<[Option<EntityType>; 4]>;

/// Folded endings and their type per kind, while parsing.
type EndingMap = BTreeMap<String, [Option<EntityType>; 4]>;

fn insert_ending(endings: &mut EndingMap, kind: usize, form: &str, etype: EntityType) {
    let folded = fold(form);
    if folded.len() < 64 {
        endings.entry(folded).or_insert([None; 4])[kind] = Some(etype);
    }
}

/// What the organization lexicon knows about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrgHits {
    /// The word is or ends in a head noun.
    pub head: Option<EntityType>,
    /// The word is or ends in a lead noun.
    pub lead: Option<EntityType>,
    /// The word is a name by itself.
    pub word: Option<EntityType>,
    /// The word is or ends in a descriptor noun.
    pub descriptor: Option<EntityType>,
}

impl OrgHits {
    /// Whether the word is any kind of organization noun.
    pub fn any(&self) -> bool {
        self.head.is_some()
            || self.lead.is_some()
            || self.word.is_some()
            || self.descriptor.is_some()
    }
}

/// All organization heads, leads, words, legal forms and descriptors.
#[derive(Debug, Clone, Default)]
pub struct OrgLexicon {
    endings: Endings,
    legal: HashMap<String, EntityType, FixedState>,
    /// Every prefix of every legal form ("e", "e.", "e.V"), to try joining
    /// tokens only where a legal form can start.
    legal_prefixes: HashSet<String, FixedState>,
    prefixes: HashMap<String, EntityType, FixedState>,
    groups: HashSet<String, FixedState>,
}

/// Strip a genitive ending ("Komitees" → "Komitee", "Verbandes" → "Verband")
/// from a folded word; returns the candidates to try, the word itself first.
fn with_genitive(folded: &str) -> [Option<&str>; 3] {
    [
        Some(folded),
        folded.strip_suffix('s'),
        folded.strip_suffix("es"),
    ]
}

impl OrgLexicon {
    /// Load `lexicon/org_suffixes.tsv`.
    pub fn load(data: &DataSource) -> Result<OrgLexicon> {
        let text = data.read(FILE)?;
        OrgLexicon::parse(&text)
    }

    /// Parse the text of an org-suffix file.
    pub fn parse(text: &str) -> Result<OrgLexicon> {
        let mut lex = OrgLexicon::default();
        let mut endings = EndingMap::new();
        for rec in records(text) {
            let [form, kind, etype] = rec.fields[..] else {
                return Err(data_error(
                    FILE,
                    rec.line,
                    "expected 3 tab-separated fields: form, kind, type",
                ));
            };
            let form = form.trim();
            if form.is_empty() {
                return Err(data_error(FILE, rec.line, "empty form"));
            }
            let kind = OrgKind::parse(kind.trim())
                .ok_or_else(|| data_error(FILE, rec.line, format!("unknown kind {:?}", kind)))?;
            let etype: EntityType = etype
                .parse()
                .map_err(|e: String| data_error(FILE, rec.line, e))?;
            match kind {
                OrgKind::Head => insert_ending(&mut endings, HEAD, form, etype),
                OrgKind::Lead => insert_ending(&mut endings, LEAD, form, etype),
                OrgKind::Word => insert_ending(&mut endings, WORD, form, etype),
                OrgKind::Descriptor => insert_ending(&mut endings, DESCRIPTOR, form, etype),
                OrgKind::Legal => {
                    for (i, _) in form.char_indices().skip(1) {
                        lex.legal_prefixes.insert(form[..i].to_string());
                    }
                    lex.legal_prefixes.insert(form.to_string());
                    lex.legal.insert(form.to_string(), etype);
                }
                OrgKind::Prefix => {
                    lex.prefixes.insert(form.to_string(), etype);
                }
                OrgKind::Group => {
                    lex.groups.insert(form.to_string());
                }
            }
        }
        lex.endings = SuffixTrie::build(endings);
        Ok(lex)
    }

    /// Everything the lexicon knows about `word`.
    pub fn classify(&self, word: &str) -> OrgHits {
        self.classify_with(word, &mut String::new())
    }

    /// [`OrgLexicon::classify`], folding `word` into `buf` (reused across
    /// calls to save allocations) unless it is ASCII.
    pub fn classify_with(&self, word: &str, buf: &mut String) -> OrgHits {
        if word.is_ascii() {
            // lowercase on the fly: ASCII folding keeps every byte in place
            let b = word.as_bytes();
            let lower = |i: usize| b[i].to_ascii_lowercase();
            let n = b.len();
            let s = n >= 1 && lower(n - 1) == b's';
            let es = s && n >= 2 && lower(n - 2) == b'e';
            return self.classify_variants([Some(n), s.then(|| n - 1), es.then(|| n - 2)], |len| {
                b[..len].iter().rev().map(|c| c.to_ascii_lowercase())
            });
        }
        if !word.contains('Σ') {
            // lowercase char by char from the end; genitive endings are ASCII
            let lower_end = |k: usize| word.chars().rev().nth(k).map(|c| c.to_ascii_lowercase());
            // an upper bound of the folded length: offsets are not used
            let n = 4 * word.len() + 2;
            let s = lower_end(0) == Some('s');
            let es = s && lower_end(1) == Some('e');
            let rev = |skip: usize| {
                word.chars()
                    .rev()
                    .flat_map(|c| {
                        let mut b = [0u8; 12];
                        let mut len = 0;
                        for l in c.to_lowercase() {
                            len += l.encode_utf8(&mut b[len..]).len();
                        }
                        b[..len].reverse();
                        b.into_iter().take(len)
                    })
                    .skip(skip)
            };
            return self.classify_variants([Some(n), s.then(|| n - 1), es.then(|| n - 2)], |len| {
                rev(n - len)
            });
        }
        self.classify_by_folding(word, buf)
    }

    /// [`OrgLexicon::classify`] on the whole folded word.
    fn classify_by_folding(&self, word: &str, buf: &mut String) -> OrgHits {
        fold_into(word, buf);
        let folded = buf.as_bytes();
        let lens = with_genitive(buf).map(|w| w.map(str::len));
        self.classify_variants(lens, |len| folded[..len].iter().rev().copied())
    }

    /// For each kind, the longest form the word ends with, trying the word
    /// itself first, then without a genitive "-s", then without "-es": the
    /// `variants` are the lengths of these prefixes of the folded word, whose
    /// bytes `rev(len)` gives back to front.
    fn classify_variants<I: Iterator<Item = u8>>(
        &self,
        variants: [Option<usize>; 3],
        rev: impl Fn(usize) -> I,
    ) -> OrgHits {
        let mut found: [Option<EntityType>; 4] = [None; 4];
        for len in variants.into_iter().flatten() {
            // keys come shortest first, so the last hit of a kind is the longest
            let mut hit: [Option<EntityType>; 4] = [None; 4];
            self.endings.for_each_suffix_of(rev(len), len, &mut |_, v| {
                for (h, t) in hit.iter_mut().zip(v) {
                    if t.is_some() {
                        *h = *t;
                    }
                }
            });
            for (f, h) in found.iter_mut().zip(hit) {
                if f.is_none() {
                    *f = h;
                }
            }
            if found.iter().all(Option::is_some) {
                break;
            }
        }
        OrgHits {
            head: found[HEAD],
            lead: found[LEAD],
            word: found[WORD],
            descriptor: found[DESCRIPTOR],
        }
    }

    /// The type if `word` is or ends in a head noun ("Presse-Agentur").
    pub fn head(&self, word: &str) -> Option<EntityType> {
        self.classify(word).head
    }

    /// The type if `word` is or ends in a lead noun ("Bundesamt").
    pub fn lead(&self, word: &str) -> Option<EntityType> {
        self.classify(word).lead
    }

    /// The type if `word` is a name by itself ("Bundestag").
    pub fn word(&self, word: &str) -> Option<EntityType> {
        self.classify(word).word
    }

    /// The type if `word` is or ends in a descriptor noun ("Geheimdienstes").
    pub fn descriptor(&self, word: &str) -> Option<EntityType> {
        self.classify(word).descriptor
    }

    /// All legal forms.
    pub fn legal_forms(&self) -> impl Iterator<Item = &str> {
        self.legal.keys().map(String::as_str)
    }

    /// Every prefix of every legal form.
    pub fn legal_prefixes(&self) -> impl Iterator<Item = &str> {
        self.legal_prefixes.iter().map(String::as_str)
    }

    /// All words that start club names.
    pub fn prefixes(&self) -> impl Iterator<Item = &str> {
        self.prefixes.keys().map(String::as_str)
    }

    /// Whether some legal form starts with `s`.
    pub fn may_start_legal(&self, s: &str) -> bool {
        self.legal_prefixes.contains(s)
    }

    /// The type if `word` starts a club name, exactly as written ("FC").
    pub fn prefix(&self, word: &str) -> Option<EntityType> {
        self.prefixes.get(word).copied()
    }

    /// Whether `word` is a group word, exactly as written ("Gruppe").
    pub fn group(&self, word: &str) -> bool {
        self.groups.contains(word)
    }

    /// The type if `form` is a legal form, exactly as written ("GmbH", "e.V.").
    pub fn legal(&self, form: &str) -> Option<EntityType> {
        self.legal.get(form).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> OrgLexicon {
        OrgLexicon::load(&DataSource::builtin()).unwrap()
    }

    #[test]
    fn heads_match_compounds_and_genitives() {
        let l = lex();
        assert_eq!(l.head("Presse-Agentur"), Some(EntityType::Org));
        assert_eq!(l.head("Sicherheitskomitees"), Some(EntityType::Org));
        assert_eq!(l.head("Zentralbank"), Some(EntityType::Org));
        assert_eq!(l.head("Haus"), None);
        assert_eq!(l.head("Agenturen"), None);
    }

    #[test]
    fn descriptors_and_legal_forms() {
        let l = lex();
        assert_eq!(l.descriptor("Geheimdienstes"), Some(EntityType::Org));
        assert_eq!(l.descriptor("Hauptstadt"), Some(EntityType::Loc));
        assert_eq!(l.legal("GmbH"), Some(EntityType::Org));
        assert_eq!(l.legal("gmbh"), None);
    }

    #[test]
    fn folding_on_the_fly_matches_folding_first() {
        let l = lex();
        let mut buf = String::new();
        for w in [
            "Presse-Agentur",
            "SICHERHEITSKOMITEES",
            "Zentralbank",
            "Geheimdienstes",
            "Außenministerium",
            "AUSSENMINISTERIUMS",
            "Bundesämter",
            "Landesamtes",
            "İnstitut",
            "Stadtverbandes",
            "ÄrztekammeR",
            "Öl",
            "",
            "s",
            "ES",
            "Ǆes",
        ] {
            assert_eq!(
                l.classify_with(w, &mut buf),
                l.classify_by_folding(w, &mut String::new()),
                "{}",
                w
            );
        }
    }

    #[test]
    fn malformed_lines_are_reported_with_line_numbers() {
        let err = OrgLexicon::parse("# c\nbank\thead\n").unwrap_err();
        assert!(err.to_string().contains("org_suffixes.tsv:2:"), "{}", err);
        let err = OrgLexicon::parse("bank\tnoun\tORG\n").unwrap_err();
        assert!(err.to_string().contains("unknown kind"), "{}", err);
        let err = OrgLexicon::parse("bank\thead\tXYZ\n").unwrap_err();
        assert!(err.to_string().contains("unknown entity type"), "{}", err);
    }
}
