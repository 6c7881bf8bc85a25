//! The event trigger lexicon (`data/lexicon/triggers.tsv`): German verbs and
//! nouns with their CAMEO root code, and the inflected forms that match them
//! (regular forms generated, irregular ones listed, separable prefixes split).
//!
//! Format: `lemma<TAB>cameo<TAB>pos<TAB>forms`, see `data/README.md`.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::relation_patterns::{longest_listed_suffix, Endings, KeyLengths};
use super::{data_error, records, DataSource};
use crate::error::Result;
use crate::text::fold;

/// The data file's name under `data/`.
pub const FILE: &str = "lexicon/triggers.tsv";

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    /// A verb: matched in its finite, infinitive and participle forms.
    Verb,
    /// A noun: matched in its case and number forms, also as the last part of
    /// a compound ("Rüstungsexportstopp" → "Stopp").
    Noun,
}

/// What a matched word form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// Any form that is not one of the others.
    Plain,
    /// The past participle ("festgenommen"), which forms the passive.
    Participle,
    /// The third person singular Konjunktiv I ("unterstütze", "nehme"):
    /// reported speech when it has a third-person subject.
    Subjunctive,
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// Lemma without the separable-prefix bar: "festnehmen", "Sanktion".
    pub lemma: String,
    /// CAMEO root code, "01" … "20".
    pub cameo: String,
    /// Verb or noun.
    pub pos: Pos,
}

/// A form of a trigger: which entry, what kind of form, and for separated
/// verb forms ("nahm … fest") the particle that must follow in the clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormMatch {
    /// Index into [`TriggerLexicon::entries`].
    pub entry: usize,
    /// What kind of form.
    pub kind: FormKind,
    /// The separable particle that must occur later in the same clause.
    pub particle: Option<String>,
}

/// All trigger forms, looked up by lowercase word.
#[derive(Debug, Clone, Default)]
pub struct TriggerLexicon {
    entries: Vec<Trigger>,
    by_form: HashMap<String, Vec<FormMatch>, FixedState>,
    /// Each form's first noun entry, for compound lookup.
    noun_of_form: HashMap<String, usize, FixedState>,
    noun_lengths: KeyLengths,
    noun_endings: Endings,
}

/// The shortest noun form matched as the end of a longer compound.
pub const MIN_COMPOUND_HEAD: usize = 5;

/// Prefixes that make a verb's participle lose its `ge-`.
const INSEPARABLE: &[&str] = &[
    "be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "hinter", "über", "unter", "wider",
];

/// The forms of a verb or noun written in a data file's `forms` field.
///
/// `spec` is `*` for regular forms generated from `lemma`, or a
/// comma-separated list whose last form is the past participle; a form
/// written `-bitte` is removed (also from the generated Konjunktiv I). For
/// verbs, `lemma` may carry a separable prefix (`fest|nehmen`); listed forms are those of the base verb ("nimmt",
/// "nahm", "genommen"). Returns (particle, forms of the base verb with their
/// kind), all lowercase.
pub fn verb_forms(lemma: &str, spec: &str) -> (Option<String>, Vec<(String, FormKind)>) {
    let lemma = fold(lemma.trim());
    let (particle, base) = match lemma.split_once('|') {
        Some((p, b)) => (Some(p.to_string()), b.to_string()),
        None => (None, lemma.clone()),
    };
    let stem = verb_stem(&base);
    let subjunctive = format!("{}e", stem);
    let mut forms: Vec<(String, FormKind)> = Vec::new();
    let mut push = |f: String, k: FormKind| {
        if f.is_empty() {
            return;
        }
        match forms.iter_mut().find(|(g, _)| *g == f) {
            // A participle that equals a present form ("verhaftet") is
            // kept as participle: the passive check also needs "werden".
            Some(slot) if k == FormKind::Participle => slot.1 = k,
            Some(_) => {}
            None => forms.push((f, k)),
        }
    };
    if spec.trim() == "*" {
        let e = if needs_e(&stem) { "e" } else { "" };
        push(subjunctive.clone(), FormKind::Subjunctive);
        push(base.clone(), FormKind::Plain);
        push(format!("{}{}st", stem, e), FormKind::Plain);
        push(format!("{}{}t", stem, e), FormKind::Plain);
        for end in ["te", "test", "ten", "tet"] {
            push(format!("{}{}{}", stem, e, end), FormKind::Plain);
        }
        push(participle(&stem, &base, e), FormKind::Participle);
    } else {
        let listed: Vec<String> = spec
            .split(',')
            .map(|f| fold(f.trim()))
            .filter(|f| !f.is_empty())
            .collect();
        // "-bitte": not a form of this verb (the adverb "bitte")
        let removed: Vec<String> = listed
            .iter()
            .filter_map(|f| f.strip_prefix('-').map(str::to_string))
            .collect();
        let listed: Vec<String> = listed.into_iter().filter(|f| !f.starts_with('-')).collect();
        for (i, f) in listed.iter().enumerate() {
            let kind = if i + 1 == listed.len() {
                FormKind::Participle
            } else if *f == subjunctive {
                FormKind::Subjunctive
            } else {
                FormKind::Plain
            };
            push(f.clone(), kind);
        }
        push(subjunctive.clone(), FormKind::Subjunctive);
        push(base.clone(), FormKind::Plain);
        forms.retain(|(f, _)| !removed.contains(f));
    }
    (particle, forms)
}

fn verb_stem(base: &str) -> String {
    if base.ends_with("eln") || base.ends_with("ern") {
        base[..base.len() - 1].to_string()
    } else if let Some(s) = base.strip_suffix("en") {
        s.to_string()
    } else if let Some(s) = base.strip_suffix('n') {
        s.to_string()
    } else {
        base.to_string()
    }
}

/// Whether a weak verb stem takes an extra `e` before `t`/`st` ("redet",
/// "öffnete").
fn needs_e(stem: &str) -> bool {
    let cs: Vec<char> = stem.chars().collect();
    match cs.as_slice() {
        [.., 't'] | [.., 'd'] => true,
        // "rechnet", "öffnet", but "lernt", "warnt", "nimmt" and "nahmt"
        [.., 'c', 'h', 'm' | 'n'] => true,
        [.., c, 'm' | 'n'] => !matches!(
            c,
            'l' | 'r' | 'm' | 'n' | 'h' | 'a' | 'e' | 'i' | 'o' | 'u' | 'ä' | 'ö' | 'ü'
        ),
        _ => false,
    }
}

fn participle(stem: &str, base: &str, e: &str) -> String {
    if base.ends_with("ieren")
        || INSEPARABLE
            .iter()
            .any(|p| base.starts_with(p) && base.len() > p.len() + 3)
    {
        format!("{}{}t", stem, e)
    } else {
        format!("ge{}{}t", stem, e)
    }
}

/// The forms of a noun: `*` adds the usual case and plural endings to the
/// lemma; otherwise the listed forms (plus the lemma). Lowercase.
pub fn noun_forms(lemma: &str, spec: &str) -> Vec<String> {
    let lemma = fold(lemma.trim());
    let mut forms = vec![lemma.clone()];
    if spec.trim() == "*" {
        for end in ["e", "en", "n", "s", "es", "er", "ern"] {
            forms.push(format!("{}{}", lemma, end));
        }
    } else {
        for f in spec.split(',') {
            let f = fold(f.trim());
            if !f.is_empty() && !forms.contains(&f) {
                forms.push(f);
            }
        }
    }
    forms
}

impl TriggerLexicon {
    /// Load `lexicon/triggers.tsv`.
    pub fn load(data: &DataSource) -> Result<TriggerLexicon> {
        let text = data.read(FILE)?;
        TriggerLexicon::parse(&text, FILE)
    }

    /// Parse a trigger file's text; `name` is used in error messages.
    pub fn parse(text: &str, name: &str) -> Result<TriggerLexicon> {
        let mut lex = TriggerLexicon::default();
        for rec in records(text) {
            let [lemma, cameo, pos, forms] = rec.fields[..] else {
                return Err(data_error(
                    name,
                    rec.line,
                    "expected 4 tab-separated fields: lemma, cameo, pos, forms",
                ));
            };
            let cameo = cameo.trim();
            let code: u8 = cameo
                .parse()
                .ok()
                .filter(|c| (1..=20).contains(c) && cameo.len() == 2)
                .ok_or_else(|| {
                    data_error(
                        name,
                        rec.line,
                        format!("CAMEO root must be 01 … 20, not {:?}", cameo),
                    )
                })?;
            let pos = match pos.trim() {
                "verb" => Pos::Verb,
                "noun" => Pos::Noun,
                other => {
                    return Err(data_error(
                        name,
                        rec.line,
                        format!("part of speech must be verb or noun, not {:?}", other),
                    ))
                }
            };
            if lemma.trim().is_empty() || forms.trim().is_empty() {
                return Err(data_error(name, rec.line, "empty lemma or forms"));
            }
            let entry = lex.entries.len();
            lex.entries.push(Trigger {
                lemma: lemma.trim().replace('|', ""),
                cameo: format!("{:02}", code),
                pos,
            });
            match pos {
                Pos::Verb => {
                    let (particle, forms) = verb_forms(lemma, forms);
                    for (f, kind) in forms {
                        match &particle {
                            None => lex.add(f, entry, kind, None),
                            Some(p) => {
                                // joined: "festnehmen", "festgenommen", "festnahm"
                                lex.add(format!("{}{}", p, f), entry, kind, None);
                                if kind != FormKind::Participle {
                                    // split: "nahm … fest"
                                    lex.add(f, entry, kind, Some(p.clone()));
                                }
                            }
                        }
                    }
                    if let Some(p) = &particle {
                        let base = fold(lemma.trim()).replace('|', "");
                        let inf = &base[p.len()..];
                        lex.add(format!("{}zu{}", p, inf), entry, FormKind::Plain, None);
                    }
                }
                Pos::Noun => {
                    for f in noun_forms(lemma, forms) {
                        lex.add(f, entry, FormKind::Plain, None);
                    }
                }
            }
        }
        for (form, ms) in &lex.by_form {
            if let Some(m) = ms.iter().find(|m| lex.entries[m.entry].pos == Pos::Noun) {
                lex.noun_of_form.insert(form.clone(), m.entry);
                lex.noun_lengths.add(form.len());
                if form.len() >= 3 {
                    lex.noun_endings.add(form);
                }
            }
        }
        Ok(lex)
    }

    fn add(&mut self, form: String, entry: usize, kind: FormKind, particle: Option<String>) {
        let list = self.by_form.entry(form).or_default();
        let m = FormMatch {
            entry,
            kind,
            particle,
        };
        if !list.contains(&m) {
            list.push(m);
        }
    }

    /// The entries.
    pub fn entries(&self) -> &[Trigger] {
        &self.entries
    }

    /// The forms a lowercase word matches exactly.
    pub fn lookup(&self, lower: &str) -> &[FormMatch] {
        self.by_form.get(lower).map_or(&[], Vec::as_slice)
    }

    /// A noun entry the lowercase word ends in, as the head of a compound
    /// ("rüstungsexportstopp" → "stopp"): the longest such head, if any.
    pub fn compound_noun(&self, lower: &str) -> Option<usize> {
        if !self.noun_endings.may_end(lower) {
            return None;
        }
        longest_listed_suffix(lower, MIN_COMPOUND_HEAD, self.noun_lengths, |tail| {
            self.noun_of_form.get(tail).copied()
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(lex: &TriggerLexicon, w: &str) -> Vec<(String, FormKind, Option<String>)> {
        lex.lookup(w)
            .iter()
            .map(|m| {
                (
                    lex.entries()[m.entry].lemma.clone(),
                    m.kind,
                    m.particle.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn weak_verbs_are_conjugated() {
        let lex = TriggerLexicon::parse(
            "danken\t05\tverb\t*\nkritisieren\t11\tverb\t*\nreden\t01\tverb\t*\n",
            "t",
        )
        .unwrap();
        for w in ["dankt", "dankte", "dankten", "gedankt", "danken"] {
            assert_eq!(kinds(&lex, w).len(), 1, "{}", w);
        }
        assert_eq!(kinds(&lex, "danke")[0].1, FormKind::Subjunctive);
        assert_eq!(kinds(&lex, "gedankt")[0].1, FormKind::Participle);
        assert_eq!(kinds(&lex, "kritisiert")[0].1, FormKind::Participle);
        assert!(kinds(&lex, "gekritisiert").is_empty());
        assert!(!kinds(&lex, "redete").is_empty());
    }

    #[test]
    fn separable_verbs_match_joined_and_split() {
        let lex = TriggerLexicon::parse("fest|nehmen\t17\tverb\tnimmt,nahm,nahmen,genommen\n", "t")
            .unwrap();
        assert_eq!(kinds(&lex, "festgenommen")[0].1, FormKind::Participle);
        assert_eq!(kinds(&lex, "festgenommen")[0].2, None);
        assert_eq!(kinds(&lex, "nahm")[0].2.as_deref(), Some("fest"));
        assert!(!kinds(&lex, "festzunehmen").is_empty());
        assert!(kinds(&lex, "genommen").is_empty());
    }

    #[test]
    fn listed_removals_drop_generated_forms() {
        let lex =
            TriggerLexicon::parse("bitten\t02\tverb\tbittet,bat,-bitte,gebeten\n", "t").unwrap();
        assert!(kinds(&lex, "bitte").is_empty());
        assert_eq!(kinds(&lex, "gebeten")[0].1, FormKind::Participle);
        assert!(!kinds(&lex, "bat").is_empty());
    }

    #[test]
    fn nouns_match_inflections_and_compounds() {
        let lex = TriggerLexicon::parse("Sanktion\t16\tnoun\t*\n", "t").unwrap();
        assert!(!kinds(&lex, "sanktionen").is_empty());
        assert!(lex.compound_noun("wirtschaftssanktionen").is_some());
        assert!(lex.compound_noun("haus").is_none());
    }

    #[test]
    fn compound_heads_are_the_longest_noun_suffix() {
        let lex = TriggerLexicon::parse(
            "Sanktion\t16\tnoun\t*\nStopp\t16\tnoun\t*\nExportstopp\t16\tnoun\t*\nstoppen\t16\tverb\t*\n",
            "t",
        )
        .unwrap();
        // the reference: every proper suffix, hyphens trimmed, longest first
        let naive = |lower: &str| {
            for (i, _) in lower.char_indices().skip(1) {
                let tail = lower[i..].trim_start_matches('-');
                if tail.chars().count() < MIN_COMPOUND_HEAD {
                    break;
                }
                if let Some(ms) = lex.by_form.get(tail) {
                    if let Some(m) = ms.iter().find(|m| lex.entries[m.entry].pos == Pos::Noun) {
                        return Some(m.entry);
                    }
                }
            }
            None
        };
        for w in [
            "rüstungsexportstopp",
            "eu-sanktionen",
            "eu--sanktionen",
            "sanktion",
            "xsanktion",
            "x-stopp",
            "xstopp",
            "stopp-",
            "ölstopps",
            "äöüstoppen",
            "",
            "-",
        ] {
            assert_eq!(lex.compound_noun(w), naive(w), "{}", w);
        }
        assert_eq!(
            lex.entries()[lex.compound_noun("rüstungsexportstopp").unwrap()].lemma,
            "Exportstopp"
        );
    }

    #[test]
    fn bad_lines_name_the_line() {
        let err =
            TriggerLexicon::parse("# c\ndanken\t5\tverb\t*\n", "lexicon/triggers.tsv").unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(TriggerLexicon::parse("danken\t05\tadj\t*\n", "t").is_err());
        assert!(TriggerLexicon::parse("danken\t05\tverb\n", "t").is_err());
    }
}
