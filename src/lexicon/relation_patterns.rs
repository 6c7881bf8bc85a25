//! Structural relation cues (`data/lexicon/relation_patterns.tsv`): the
//! words that signal membership, leadership, former roles, passive voice,
//! negation and reported speech.
//!
//! Format: `cue<TAB>kind<TAB>forms`, see `data/README.md`.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::triggers::{noun_forms, verb_forms, FormKind};
use super::{data_error, records, DataSource};
use crate::error::Result;
use crate::text::fold;

/// The data file's name under `data/`.
pub const FILE: &str = "lexicon/relation_patterns.tsv";

/// What a cue signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueKind {
    /// A membership noun: "Mitglied", "Mitgliedstaat" (also in compounds).
    MemberNoun,
    /// A membership verb: "an|gehören", "bei|treten".
    MemberVerb,
    /// A participle of leading, used as adjective: "(von Russland) geführte".
    LedBy,
    /// A verb of leading with a person subject and an organization object:
    /// "X leitet die Y", "Die Y wird von X geführt".
    LeadVerb,
    /// A marker of a former role: "Ex", "ehemalig", "zuletzt" (word prefix).
    Former,
    /// A copula linking a person to a role: "ist", "war".
    Copula,
    /// A noun that refers back to the country the article is about: "die
    /// Sowjetrepublik", "das Land".
    CountryAnaphor,
    /// Negation: "nicht", "kein".
    Negation,
    /// Reported speech: "laut", "zufolge", "erklärte", Konjunktiv "habe".
    Reported,
    /// A form of "werden" that makes a participle passive.
    PassiveAux,
    /// A preposition that introduces the agent of a passive: "von", "durch".
    AgentPrep,
    /// A modal verb: the clause states an intention, not a fact.
    Modal,
    /// A word that links a person to a party after the name: "von der".
    AffiliationPrep,
    /// A deputy marker: "Vize-", "stellvertretende" (word prefix). A deputy
    /// is `affiliated_with`, not `leads`.
    Deputy,
    /// A role lemma that does not lead what it names: "Gründer".
    NotLeading,
    /// A noun for a state's organs after a country adjective ("die russische
    /// Regierung"): only then is the adjective an event actor.
    StateNoun,
}

impl CueKind {
    fn parse(s: &str) -> Option<CueKind> {
        Some(match s {
            "member_noun" => CueKind::MemberNoun,
            "member_verb" => CueKind::MemberVerb,
            "led_by" => CueKind::LedBy,
            "lead_verb" => CueKind::LeadVerb,
            "former" => CueKind::Former,
            "copula" => CueKind::Copula,
            "country_anaphor" => CueKind::CountryAnaphor,
            "negation" => CueKind::Negation,
            "reported" => CueKind::Reported,
            "passive_aux" => CueKind::PassiveAux,
            "agent_prep" => CueKind::AgentPrep,
            "modal" => CueKind::Modal,
            "affiliation_prep" => CueKind::AffiliationPrep,
            "deputy" => CueKind::Deputy,
            "not_leading" => CueKind::NotLeading,
            "state_noun" => CueKind::StateNoun,
            _ => return None,
        })
    }

    fn is_noun(self) -> bool {
        matches!(
            self,
            CueKind::MemberNoun | CueKind::CountryAnaphor | CueKind::StateNoun
        )
    }

    fn is_verb(self) -> bool {
        matches!(
            self,
            CueKind::MemberVerb | CueKind::LedBy | CueKind::LeadVerb
        )
    }
}

/// A verb cue form: the separable particle it needs later in the clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbCue {
    /// The particle that must follow ("an" for "gehören … an").
    pub particle: Option<String>,
    /// Whether the form is the past participle ("geleitet").
    pub participle: bool,
    /// Whether the form is a simple past ("leitete", "führten"): a form
    /// ending in "te"/"ten" other than the infinitive.
    pub past: bool,
}

/// A set of [`CueKind`]s, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueSet(u32);

impl CueSet {
    /// Set on forms of verb cues ([`RelationPatterns::verb`] has entries).
    const VERB: u32 = 1 << 31;
    /// Set on the first word of a multi-word cue.
    const PHRASE_START: u32 = 1 << 30;

    fn bit(kind: CueKind) -> u32 {
        1 << (kind as u32)
    }

    /// Whether the set holds `kind`.
    pub fn has(self, kind: CueKind) -> bool {
        self.0 & CueSet::bit(kind) != 0
    }

    /// Whether the word is a form of a verb cue, so that
    /// [`RelationPatterns::verb`] is worth asking.
    pub fn has_verb_cue(self) -> bool {
        self.0 & CueSet::VERB != 0
    }

    /// Whether a multi-word cue starts with the word, so that
    /// [`RelationPatterns::phrase_at`] is worth asking.
    pub fn starts_phrase(self) -> bool {
        self.0 & CueSet::PHRASE_START != 0
    }

    fn insert(&mut self, kind: CueKind) {
        self.0 |= CueSet::bit(kind);
    }
}

/// The last three bytes of a set of keys, hashed into a bit table: a word
/// whose ending is not in the table neither is nor ends in any key.
#[derive(Debug, Clone, Default)]
pub(crate) struct Endings {
    bits: Vec<u64>,
    /// Some key is shorter than three bytes: every word may match.
    short: bool,
}

impl Endings {
    fn slot(b: &[u8]) -> usize {
        let n = b.len();
        let x = (b[n - 3] as u32) << 16 | (b[n - 2] as u32) << 8 | b[n - 1] as u32;
        (x.wrapping_mul(0x9E37_79B1) >> 20) as usize & 4095
    }

    pub(crate) fn add(&mut self, key: &str) {
        if key.len() < 3 {
            self.short = true;
            return;
        }
        if self.bits.is_empty() {
            self.bits = vec![0; 64];
        }
        let s = Endings::slot(key.as_bytes());
        self.bits[s / 64] |= 1 << (s % 64);
    }

    /// Whether `word`, once folded to lowercase, may equal or end in one of
    /// the keys: decided on its last three bytes when they are ASCII (they
    /// fold alone), else true.
    pub(crate) fn may_end_folded(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.len() < 3 || !b[b.len() - 3..].is_ascii() {
            return true;
        }
        let end = [
            b[b.len() - 3].to_ascii_lowercase(),
            b[b.len() - 2].to_ascii_lowercase(),
            b[b.len() - 1].to_ascii_lowercase(),
        ];
        self.may_end(std::str::from_utf8(&end).unwrap_or(""))
    }

    /// Whether `word` may equal or end in one of the keys.
    pub(crate) fn may_end(&self, word: &str) -> bool {
        if self.short {
            return true;
        }
        if word.len() < 3 || self.bits.is_empty() {
            return false;
        }
        let s = Endings::slot(word.as_bytes());
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }
}

/// Byte lengths of a map's keys (bit `n` for length `n < 64`), so that
/// suffix lookups skip lengths no key has.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct KeyLengths(u64);

impl KeyLengths {
    pub(crate) fn add(&mut self, len: usize) {
        self.0 |= if len < 64 { 1 << len } else { 1 << 63 };
    }

    pub(crate) fn may_hold(self, len: usize) -> bool {
        self.0 & (1 << len.min(63)) != 0
    }
}

/// The longest proper suffix of `lower` (not the whole word, at least
/// `min_chars` chars) that `lookup` finds, trying only byte lengths
/// `lengths` may hold; a suffix starting with '-' stands for the one after
/// the hyphens. For compound heads: "rüstungsexportstopp" → "stopp".
pub(crate) fn longest_listed_suffix<T>(
    lower: &str,
    min_chars: usize,
    lengths: KeyLengths,
    lookup: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let mut chars_left = lower.chars().count();
    for (i, c) in lower.char_indices() {
        chars_left -= 1;
        if i == 0 || c == '-' {
            continue;
        }
        let tail = &lower[i..];
        if chars_left + 1 < min_chars {
            break;
        }
        if lengths.may_hold(tail.len()) {
            if let Some(found) = lookup(tail) {
                return Some(found);
            }
        }
    }
    None
}

/// The loaded cues.
#[derive(Debug, Clone, Default)]
pub struct RelationPatterns {
    words: HashMap<String, CueSet, FixedState>,
    phrases: Vec<(Vec<String>, CueKind)>,
    prefixes: Vec<(String, CueKind)>,
    nouns: HashMap<String, CueKind, FixedState>,
    noun_lengths: KeyLengths,
    noun_endings: Endings,
    verbs: HashMap<String, Vec<(CueKind, VerbCue)>, FixedState>,
    participles: Vec<String>,
}

impl RelationPatterns {
    /// Load `lexicon/relation_patterns.tsv`.
    pub fn load(data: &DataSource) -> Result<RelationPatterns> {
        let text = data.read(FILE)?;
        RelationPatterns::parse(&text, FILE)
    }

    /// Parse the file's text; `name` is used in error messages.
    pub fn parse(text: &str, name: &str) -> Result<RelationPatterns> {
        let mut p = RelationPatterns::default();
        for rec in records(text) {
            let [cue, kind, forms] = rec.fields[..] else {
                return Err(data_error(
                    name,
                    rec.line,
                    "expected 3 tab-separated fields: cue, kind, forms",
                ));
            };
            let kind = CueKind::parse(kind.trim()).ok_or_else(|| {
                data_error(
                    name,
                    rec.line,
                    format!("unknown cue kind {:?}", kind.trim()),
                )
            })?;
            let cue = cue.trim();
            if cue.is_empty() {
                return Err(data_error(name, rec.line, "empty cue"));
            }
            let forms = forms.trim();
            if kind.is_noun() {
                for f in noun_forms(cue, if forms == "-" { "" } else { forms }) {
                    p.nouns.insert(f, kind);
                }
            } else if kind.is_verb() {
                let (particle, fs) = verb_forms(cue, forms);
                let infinitive = fold(&cue.replace('|', ""));
                for (f, k) in fs {
                    let participle = k == FormKind::Participle;
                    let past = !participle
                        && (f.ends_with("te") || f.ends_with("ten"))
                        && format!("{}{}", particle.as_deref().unwrap_or(""), f) != infinitive;
                    if kind == CueKind::LedBy {
                        if k == FormKind::Participle {
                            let joined = format!("{}{}", particle.as_deref().unwrap_or(""), f);
                            p.participles.push(joined);
                        }
                        continue;
                    }
                    let cue = |particle: Option<String>| VerbCue {
                        particle,
                        participle,
                        past,
                    };
                    if let Some(part) = &particle {
                        p.add_verb(format!("{}{}", part, f), kind, cue(None));
                        if !participle {
                            p.add_verb(f, kind, cue(Some(part.clone())));
                        }
                    } else {
                        p.add_verb(f, kind, cue(None));
                    }
                }
            } else if kind == CueKind::Former || kind == CueKind::Deputy {
                p.prefixes.push((fold(cue), kind));
            } else if cue.contains(' ') {
                let words: Vec<String> = cue.split_whitespace().map(fold).collect();
                p.phrases.push((words, kind));
            } else {
                p.words.entry(fold(cue)).or_default().insert(kind);
            }
        }
        for k in p.nouns.keys() {
            p.noun_lengths.add(k.len());
            p.noun_endings.add(k);
        }
        for (ws, _) in &p.phrases {
            if let Some(first) = ws.first() {
                p.words.entry(first.clone()).or_default().0 |= CueSet::PHRASE_START;
            }
        }
        for form in p.verbs.keys() {
            p.words.entry(form.clone()).or_default().0 |= CueSet::VERB;
        }
        p.participles.sort();
        p.participles.dedup();
        Ok(p)
    }

    fn add_verb(&mut self, form: String, kind: CueKind, cue: VerbCue) {
        let list = self.verbs.entry(form).or_default();
        if !list.iter().any(|(k, c)| *k == kind && *c == cue) {
            list.push((kind, cue));
        }
    }

    /// Whether the lowercase word is a cue of `kind` (single-word cues).
    pub fn is(&self, lower: &str, kind: CueKind) -> bool {
        self.cues(lower).has(kind)
    }

    /// All single-word cue kinds of the lowercase word.
    pub fn cues(&self, lower: &str) -> CueSet {
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// Whether the lowercase words starting at `words[i]` are a multi-word
    /// cue of `kind`; returns its length in words.
    pub fn phrase_at(&self, words: &[&str], i: usize, kind: CueKind) -> Option<usize> {
        self.phrases
            .iter()
            .filter(|(_, k)| *k == kind)
            .find(|(ws, _)| {
                words
                    .get(i..i + ws.len())
                    .is_some_and(|w| w.iter().zip(ws).all(|(a, b)| *a == b))
            })
            .map(|(ws, _)| ws.len())
    }

    /// Whether the lowercase word is a former-role marker ("ehemaligen",
    /// "zuletzt", the "ex" of "Ex-Premier").
    pub fn is_former(&self, lower: &str) -> bool {
        self.has_prefix(lower, CueKind::Former)
    }

    /// Whether the lowercase word is a deputy marker ("vize",
    /// "stellvertretende").
    pub fn is_deputy(&self, lower: &str) -> bool {
        self.has_prefix(lower, CueKind::Deputy)
    }

    fn has_prefix(&self, lower: &str, kind: CueKind) -> bool {
        self.prefixes.iter().any(|(p, k)| {
            *k == kind && lower.starts_with(p.as_str()) && (lower.len() - p.len() <= 3)
        })
    }

    /// Whether [`RelationPatterns::noun`] may find a cue in the word once it
    /// is folded to lowercase (false only when its ending rules that out).
    pub fn may_be_noun(&self, word: &str) -> bool {
        self.noun_endings.may_end_folded(word)
    }

    /// The noun cue a lowercase word is or ends in (compounds: "eu-mitgliedstaaten").
    pub fn noun(&self, lower: &str) -> Option<CueKind> {
        if !self.noun_endings.may_end(lower) {
            return None;
        }
        if let Some(k) = self.nouns.get(lower) {
            return Some(*k);
        }
        // proper suffixes of at least 4 chars
        longest_listed_suffix(lower, 4, self.noun_lengths, |tail| {
            self.nouns.get(tail).copied()
        })
    }

    /// The verb cues of a lowercase word form.
    pub fn verb(&self, lower: &str) -> &[(CueKind, VerbCue)] {
        self.verbs.get(lower).map_or(&[], Vec::as_slice)
    }

    /// Whether the lowercase word is an adjectival "led by" participle
    /// ("geführten", "angeführte").
    pub fn is_led_by(&self, lower: &str) -> bool {
        self.participles
            .iter()
            .any(|p| lower.starts_with(p.as_str()) && lower.len() - p.len() <= 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Mitglied\tmember_noun\t*\n\
        an|gehören\tmember_verb\t*\n\
        führen\tled_by\t*\n\
        ehemalig\tformer\t-\n\
        nicht\tnegation\t-\n\
        nach Angaben\treported\t-\n";

    #[test]
    fn cues_of_each_kind_match() {
        let p = RelationPatterns::parse(SAMPLE, "p").unwrap();
        assert_eq!(p.noun("mitglieder"), Some(CueKind::MemberNoun));
        assert_eq!(p.noun("nato-mitglied"), Some(CueKind::MemberNoun));
        assert_eq!(p.verb("gehören")[0].1.particle.as_deref(), Some("an"));
        assert_eq!(p.verb("angehört")[0].1.particle, None);
        assert!(p.is_led_by("geführten"));
        assert!(p.verb("geführt").is_empty(), "led_by gives no verb forms");
        assert!(!p.is_led_by("geführtenlos"));
        assert!(p.is_former("ehemaligen"));
        assert!(p.is("nicht", CueKind::Negation));
        let words = ["laut", "nach", "angaben"];
        assert_eq!(p.phrase_at(&words, 1, CueKind::Reported), Some(2));
        assert_eq!(p.phrase_at(&words, 0, CueKind::Reported), None);
    }

    #[test]
    fn noun_cues_are_found_as_the_longest_suffix() {
        let p = RelationPatterns::parse(SAMPLE, "p").unwrap();
        let naive = |lower: &str| {
            if let Some(k) = p.nouns.get(lower) {
                return Some(*k);
            }
            for (i, _) in lower.char_indices().skip(1) {
                let tail = lower[i..].trim_start_matches('-');
                if tail.chars().count() < 4 {
                    break;
                }
                if let Some(k) = p.nouns.get(tail) {
                    return Some(*k);
                }
            }
            None
        };
        for w in [
            "mitglied",
            "eu-mitglieder",
            "nato--mitglied",
            "ämitglied",
            "mitglied-",
            "glied",
            "",
            "-",
            "--mitglied",
        ] {
            assert_eq!(p.noun(w), naive(w), "{}", w);
        }
    }

    #[test]
    fn lead_verb_forms_know_participle_and_past() {
        let p = RelationPatterns::parse("leiten\tlead_verb\t*\n", "p").unwrap();
        let cue = |w: &str| p.verb(w).first().map(|(_, c)| (c.participle, c.past));
        assert_eq!(cue("leitet"), Some((false, false)));
        assert_eq!(cue("leiten"), Some((false, false)));
        assert_eq!(cue("leitete"), Some((false, true)));
        assert_eq!(cue("leiteten"), Some((false, true)));
        assert_eq!(cue("geleitet"), Some((true, false)));
    }

    #[test]
    fn unknown_kind_is_an_error_with_line() {
        let err = RelationPatterns::parse("x\tmember_of\t-\n", "p").unwrap_err();
        assert_eq!(err.line(), Some(1));
    }
}
