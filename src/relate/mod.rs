//! Stage 5, relate: relations between a document's entities, each with the
//! evidence sentence it came from. [`cooccur`] gives undirected `co_occurs`
//! links, [`structural`] `member_of`, `leads` and `affiliated_with`,
//! [`located_in`] place → country, and [`events`] CAMEO-coded events.
//!
//! An event whose agent the text does not name ("Massimow wurde
//! festgenommen") is kept with `source: None`: it is part of the document's
//! analysis and of `nergraph evidence`, but never becomes a graph edge, so no
//! actor is invented.

pub mod cooccur;
pub mod events;
pub mod located_in;
pub mod marked;
pub mod sentence;
pub mod structural;

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use foldhash::fast::FixedState;
use serde::Serialize;

use crate::error::Result;
use crate::lexicon::relation_patterns::{CueKind, Endings, RelationPatterns};
use crate::lexicon::roles::{Role, RoleLexicon};
use crate::lexicon::triggers::TriggerLexicon;
use crate::lexicon::DataSource;
use crate::read::Document;
use crate::recognize::EntityType;
use crate::recognize::Recognized;
use crate::resolve::Resolved;
use crate::segment::Sentence;
use crate::text::CharIndex;

/// The kinds of relation an edge can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Mentioned in the same sentence (undirected).
    CoOccurs,
    /// Country, organization or person → organization it belongs to.
    MemberOf,
    /// Person (or country) → organization or country it leads.
    Leads,
    /// Person → party or organization.
    AffiliatedWith,
    /// Place → country.
    LocatedIn,
    /// A CAMEO-coded event between actors.
    Event,
}

impl RelationKind {
    /// The name used in exports: `co_occurs`, `member_of`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::CoOccurs => "co_occurs",
            RelationKind::MemberOf => "member_of",
            RelationKind::Leads => "leads",
            RelationKind::AffiliatedWith => "affiliated_with",
            RelationKind::LocatedIn => "located_in",
            RelationKind::Event => "event",
        }
    }

    /// Whether edges of this kind have a direction.
    pub fn directed(self) -> bool {
        !matches!(self, RelationKind::CoOccurs)
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a relation was read: the document, sentence and trigger.
///
/// Offsets are in Unicode characters into the document text. The strings
/// are shared: the many relations read from one sentence (every pair of
/// its entities co-occurs) point to one copy of its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Evidence {
    /// Document id.
    pub doc: Arc<str>,
    /// Document date, if known.
    pub date: Option<Arc<str>>,
    /// Sentence index in the document.
    pub sentence: usize,
    /// Char offset of the sentence start.
    pub sentence_start: usize,
    /// Char offset of the sentence end.
    pub sentence_end: usize,
    /// Char offsets of the trigger word, if the relation has one.
    pub trigger_span: Option<(usize, usize)>,
    /// Char offsets of the source mention, if the source is named here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_span: Option<(usize, usize)>,
    /// Char offsets of the target mention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_span: Option<(usize, usize)>,
    /// The sentence text.
    pub text: Arc<str>,
}

impl Evidence {
    /// Evidence for sentence `s` of `doc`, with no trigger.
    pub fn for_sentence(doc: &Document, chars: &CharIndex, s: &Sentence) -> Evidence {
        Evidence {
            doc: doc.id.as_str().into(),
            date: doc.date.as_deref().map(Arc::from),
            sentence: s.index,
            sentence_start: chars.char_at(s.start),
            sentence_end: chars.char_at(s.end),
            trigger_span: None,
            source_span: None,
            target_span: None,
            text: excerpt(s.text(&doc.text)),
        }
    }
}

/// The longest evidence text, in chars. A news sentence is far shorter;
/// longer "sentences" are lists, tables or text without punctuation, whose
/// full text would repeat in every edge's evidence (and overflow a
/// spreadsheet cell). The evidence keeps the sentence's offsets either way.
pub const MAX_EVIDENCE_CHARS: usize = 1000;

/// `sentence`, or for one longer than [`MAX_EVIDENCE_CHARS`] its beginning,
/// cut at a space where one is near, and " …".
fn excerpt(sentence: &str) -> Arc<str> {
    // no more bytes than the limit: no more chars either
    if sentence.len() <= MAX_EVIDENCE_CHARS {
        return sentence.into();
    }
    match sentence.char_indices().nth(MAX_EVIDENCE_CHARS) {
        None => sentence.into(),
        Some((cut, _)) => {
            let head = &sentence[..cut];
            let head = match head.rfind(' ') {
                Some(space) if space + 200 >= cut => &head[..space],
                _ => head,
            };
            format!("{} …", head.trim_end()).into()
        }
    }
}

/// One relation read from one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// Source entity id (for `co_occurs`, the smaller id); `None` for an
    /// event whose agent the text does not name (passive without "von").
    pub source: Option<Arc<str>>,
    /// Target entity id.
    pub target: Arc<str>,
    /// What kind of relation.
    pub kind: RelationKind,
    /// CAMEO root code (`"05"`) for events.
    pub cameo: Option<String>,
    /// The German trigger lemma (`danken`, `Chef`).
    pub trigger: Option<String>,
    /// The role for `leads`/`affiliated_with` (`Generalsekretär`).
    pub role: Option<String>,
    /// A former role ("Ex-", "ehemalige", "zuletzt").
    pub former: bool,
    /// Reported speech (Konjunktiv, "erklärte", "laut").
    pub reported: bool,
    /// Where it was read.
    pub evidence: Evidence,
}

impl Relation {
    /// A relation of `kind` from `source` to `target` with its evidence,
    /// without event code, trigger or role.
    pub fn plain(
        kind: RelationKind,
        source: Arc<str>,
        target: Arc<str>,
        evidence: Evidence,
    ) -> Relation {
        Relation {
            source: Some(source),
            target,
            kind,
            cameo: None,
            trigger: None,
            role: None,
            former: false,
            reported: false,
            evidence,
        }
    }

    /// A one-line description: `leads per:a -> org:b role=Chef former`,
    /// `event ? -> per:c cameo=17 trigger=festnehmen reported` (`?`: the
    /// agent is not named).
    pub fn describe(&self) -> String {
        let mut s = format!(
            "{} {} -> {}",
            self.kind,
            self.source.as_deref().unwrap_or("?"),
            self.target
        );
        if let Some(c) = &self.cameo {
            s.push_str(&format!(" cameo={}", c));
        }
        if self.kind == RelationKind::Event {
            if let Some(t) = &self.trigger {
                s.push_str(&format!(" trigger={}", t));
            }
        }
        if let Some(r) = &self.role {
            s.push_str(&format!(" role={}", r));
        }
        if self.former {
            s.push_str(" former");
        }
        if self.reported {
            s.push_str(" reported");
        }
        s
    }
}

/// Everything the relate stage needs to know about one document.
pub struct DocumentView<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// Its mentions.
    pub recognized: &'a Recognized,
    /// Its entities.
    pub resolved: &'a Resolved,
    /// Byte → char offsets of `doc.text`.
    pub chars: &'a CharIndex,
}

/// Knows which country a place lies in, by knowledge-base id. The gazetteer
/// implements it; [`Relater::relate_with_countries`] uses it.
pub trait CountryLookup: Send + Sync {
    /// The knowledge-base id of the country `kb_id` lies in; for a country,
    /// its own id. `None` if unknown.
    fn country_of(&self, kb_id: &str) -> Option<String>;

    /// Whether `kb_id` is a country: [`CountryLookup::country_of`] gives
    /// its own id.
    fn is_country(&self, kb_id: &str) -> bool {
        self.country_of(kb_id).as_deref() == Some(kb_id)
    }
}

/// Finds relations with the lexicons in `data/lexicon/`.
pub struct Relater {
    triggers: TriggerLexicon,
    patterns: RelationPatterns,
    roles: RoleLexicon,
    /// The endings of all role forms, to skip words that cannot hold one.
    role_endings: Endings,
}

/// Whether an entity is a country, when a country lookup is available
/// (`None` without one).
pub(crate) fn is_country(
    countries: Option<&dyn CountryLookup>,
    kb_id: Option<&str>,
) -> Option<bool> {
    let lookup = countries?;
    let kb = kb_id?;
    Some(lookup.is_country(kb))
}

/// What makes two relations of one sentence the same: source and target
/// entity, kind, CAMEO code and role.
type SeenKey<'f> = (
    Option<usize>,
    usize,
    RelationKind,
    Option<&'f str>,
    Option<&'f str>,
);

fn seen_key(f: &Found) -> SeenKey<'_> {
    (
        f.source.map(|a| a.entity),
        f.target.entity,
        f.kind,
        f.cameo.as_deref(),
        f.role.as_deref(),
    )
}

/// A relation argument found in a sentence: entity index and byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Arg {
    pub entity: usize,
    pub start: usize,
    pub end: usize,
}

impl From<&sentence::Actor> for Arg {
    fn from(a: &sentence::Actor) -> Arg {
        Arg {
            entity: a.entity,
            start: a.start,
            end: a.end,
        }
    }
}

/// What a finder reports; [`Relater`] turns it into a [`Relation`].
pub(crate) struct Found {
    pub kind: RelationKind,
    pub source: Option<Arg>,
    pub target: Arg,
    pub trigger_token: Option<usize>,
    pub trigger: Option<String>,
    pub cameo: Option<String>,
    pub role: Option<String>,
    pub former: bool,
    pub reported: bool,
}

impl Found {
    /// A relation of `kind` said by the word at token `token`.
    pub(crate) fn new(kind: RelationKind, source: Option<Arg>, target: Arg, token: usize) -> Found {
        Found {
            kind,
            source,
            target,
            trigger_token: Some(token),
            trigger: None,
            cameo: None,
            role: None,
            former: false,
            reported: false,
        }
    }
}

impl Relater {
    /// Load the trigger lexicon, relation patterns and role titles.
    pub fn load(data: &DataSource) -> Result<Relater> {
        let roles = RoleLexicon::load(data)?;
        let mut role_endings = Endings::default();
        for s in roles.surfaces() {
            // shorter forms only match a whole word or hyphen part, which
            // `may_hold_role` leaves to the lexicon
            if s.len() >= 3 {
                role_endings.add(&crate::text::fold(s));
            }
        }
        Ok(Relater {
            triggers: TriggerLexicon::load(data)?,
            patterns: RelationPatterns::load(data)?,
            roles,
            role_endings,
        })
    }

    /// Whether [`RoleLexicon::find_in_word`] may find a role in `word`: false
    /// only when its ending (ASCII, lowercased) ends no role form.
    fn may_hold_role(&self, word: &str) -> bool {
        let last_part = word.rsplit('-').next().unwrap_or(word);
        last_part.len() < 3 || self.role_endings.may_end_folded(word)
    }

    /// [`RoleLexicon::find_in_word`], skipping words that cannot hold a role.
    pub(crate) fn role_in_word<'w>(&self, word: &'w str) -> Option<(&'w str, &Role)> {
        if !self.may_hold_role(word) {
            return None;
        }
        self.roles.find_in_word(word)
    }

    /// The trigger lexicon.
    pub fn triggers(&self) -> &TriggerLexicon {
        &self.triggers
    }

    /// All relations in one document, in sentence order: co-occurrences
    /// first, then typed relations. Without a country lookup: no gazetteer
    /// `located_in`, and any place can be the article's main country.
    pub fn relate(&self, view: &DocumentView<'_>) -> Vec<Relation> {
        self.relate_with_countries(view, None)
    }

    /// [`Relater::relate`] with a country lookup for `located_in` and for
    /// telling countries from other places.
    pub fn relate_with_countries(
        &self,
        view: &DocumentView<'_>,
        countries: Option<&dyn CountryLookup>,
    ) -> Vec<Relation> {
        let mut out = cooccur::co_occurrences(view);
        let mentions = &view.recognized.mentions;
        let entities = &view.resolved.entities;
        let mut loc_counts = vec![0usize; entities.len()];
        // whether each entity is a country (`None`: unknown), asked once
        let country: Vec<Option<bool>> = entities
            .iter()
            .map(|e| is_country(countries, e.kb_id.as_deref()))
            .collect();
        let mut topic: Option<usize> = None;
        let names = structural::EntityNames::new(view);
        let mut keep: Vec<bool> = Vec::new();
        let mut m = 0;
        let mut found = Vec::new();
        let mut spans = Vec::new();
        let mut lower_buf = String::new();
        let mut fold_buf = String::new();
        for s in view.sentences {
            spans.clear();
            while m < mentions.len() && mentions[m].sentence < s.index {
                m += 1;
            }
            while m < mentions.len() && mentions[m].sentence == s.index {
                let e = view.resolved.mention_entity[m];
                let men = &mentions[m];
                // with a country lookup, only countries can be the article's country
                if men.etype == EntityType::Loc && country[e] != Some(false) {
                    loc_counts[e] += 1;
                    // counts only grow: the leader changes only when overtaken
                    if topic.is_none_or(|t| loc_counts[e] > loc_counts[t]) {
                        topic = Some(e);
                    }
                }
                spans.push((e, men.etype, men.start, men.end, false, men.derived));
                m += 1;
            }
            if let Some(t) = topic {
                self.add_anaphors(view, s, t, &mut spans, &mut fold_buf);
            }
            // every relation links an actor of the sentence
            if spans.is_empty() {
                continue;
            }
            let mut sv = sentence::SentenceView::new(&view.doc.text, s, &spans, &mut lower_buf);
            if sv.actors.is_empty() {
                continue;
            }
            sv.cues = sv.lower.iter().map(|w| self.patterns.cues(w)).collect();
            for k in 0..sv.len() {
                let (cues, c) = (sv.cues[k], sv.clause[k]);
                if cues.has(CueKind::Negation) || cues.has(CueKind::Modal) {
                    sv.blocked[c] = true;
                }
                if cues.has(CueKind::PassiveAux) {
                    sv.passive[c] = true;
                }
            }
            found.clear();
            structural::find(self, &sv, &names, &mut found);
            located_in::find_in_text(&country, &sv, &mut found);
            events::find(self, &sv, &mut found);
            // one relation per (source, target, kind, cameo, role) and sentence;
            // entity ids are unique per entity index
            keep.clear();
            if found.len() <= 16 {
                for (i, f) in found.iter().enumerate() {
                    let key = seen_key(f);
                    let dup = (0..i).any(|j| keep[j] && seen_key(&found[j]) == key);
                    keep.push(key.0 != Some(key.1) && !dup);
                }
            } else {
                let mut seen: HashSet<SeenKey<'_>, FixedState> = HashSet::default();
                for f in &found {
                    let key = seen_key(f);
                    keep.push(key.0 != Some(key.1) && seen.insert(key));
                }
            }
            for (f, k) in found.drain(..).zip(&keep) {
                if *k {
                    out.push(self.relation(view, &sv, f));
                }
            }
        }
        located_in::find_in_gazetteer(countries, view, &mut out);
        out
    }

    /// Add definite descriptions of the topic country ("die frühere
    /// Sowjetrepublik") to a sentence's mention spans.
    fn add_anaphors(
        &self,
        view: &DocumentView<'_>,
        s: &Sentence,
        topic: usize,
        spans: &mut Vec<sentence::MentionSpan>,
        fold_buf: &mut String,
    ) {
        let text = &view.doc.text;
        let toks = &s.tokens;
        let before = spans.len();
        let mut m = 0;
        for (i, t) in toks.iter().enumerate() {
            let w = t.text(text);
            // spans are sorted and non-overlapping: sweep past those ending here
            while m < before && spans[m].3 <= t.start {
                m += 1;
            }
            let covered = m < before && spans[m].2 < t.end;
            if covered || !crate::text::is_capitalized(w) {
                continue;
            }
            if !self.patterns.may_be_noun(w) {
                continue;
            }
            crate::text::fold_into(w, fold_buf);
            if self.patterns.noun(fold_buf) != Some(CueKind::CountryAnaphor) {
                continue;
            }
            // a definite article, then at most two lowercase adjectives
            let mut definite = false;
            let mut j = i;
            for _ in 0..3 {
                if j == 0 {
                    break;
                }
                j -= 1;
                let p = toks[j].text(text);
                if matches!(
                    p,
                    "die" | "der" | "das" | "dem" | "den" | "des" | "Die" | "Der" | "Das"
                ) {
                    definite = true;
                    break;
                }
                if !p.chars().next().is_some_and(char::is_lowercase) {
                    break;
                }
            }
            // "das Land Brandenburg", "die Republik Moldau": a name follows
            let named = toks
                .get(i + 1)
                .is_some_and(|n| crate::text::is_capitalized(n.text(text)));
            if definite && !named {
                spans.push((topic, EntityType::Loc, t.start, t.end, true, false));
            }
        }
        spans.sort_by_key(|&(_, _, a, _, _, _)| a);
    }

    fn relation(
        &self,
        view: &DocumentView<'_>,
        sv: &sentence::SentenceView<'_>,
        f: Found,
    ) -> Relation {
        let chars = view.chars;
        let span = |a: &Arg| (chars.char_at(a.start), chars.char_at(a.end));
        let mut evidence = Evidence::for_sentence(view.doc, chars, sv.sentence);
        evidence.trigger_span = f.trigger_token.map(|t| {
            let tok = sv.sentence.tokens[t];
            (chars.char_at(tok.start), chars.char_at(tok.end))
        });
        evidence.source_span = f.source.as_ref().map(span);
        evidence.target_span = Some(span(&f.target));
        let id = |a: &Arg| view.resolved.entities[a.entity].id.clone();
        Relation {
            source: f.source.as_ref().map(id),
            target: id(&f.target),
            kind: f.kind,
            cameo: f.cameo,
            trigger: f.trigger,
            role: f.role,
            former: f.former,
            reported: f.reported,
            evidence,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relations(text: &str) -> Vec<String> {
        let relater = Relater::load(&DataSource::builtin()).unwrap();
        marked::typed_relations(&relater, "t", text).unwrap()
    }

    #[test]
    fn dative_membership_with_coordination() {
        let got = relations(
            "Der [Organisation des Vertrages für kollektive Sicherheit|ORG|OVKS] ([OVKS|ORG]) gehören neben [Russland|LOC] und [Kasachstan|LOC] auch [Belarus|LOC], [Armenien|LOC] und [Tadschikistan|LOC] an.",
        );
        for c in [
            "russland",
            "kasachstan",
            "belarus",
            "armenien",
            "tadschikistan",
        ] {
            assert!(
                got.contains(&format!("member_of loc:{} -> org:ovks", c)),
                "{:?}",
                got
            );
        }
        assert_eq!(got.len(), 5, "{:?}", got);
    }

    #[test]
    fn derived_place_words_are_no_actors() {
        let text =
            "Der [Villacher|LOC|Villach{d}] hatte der jungen [Kärntnerin|LOC|Kärnten{d}] gedroht.";
        // as names they would be actors...
        let names = relations(&text.replace("{d}", ""));
        assert!(names.iter().any(|r| r.starts_with("event ")), "{:?}", names);
        // ...as inhabitants they are not
        let inhabitants = relations(&text.replace("{d}", "|derived"));
        assert!(inhabitants.is_empty(), "{:?}", inhabitants);
        // a derived word acts through a state noun after it
        let police = relations(
            "Die [Berliner|LOC|Berlin|derived] Polizei hat [Hans Beispiel|PER] festgenommen.",
        );
        assert!(
            police
                .iter()
                .any(|r| r.starts_with("event loc:berlin -> per:hans-beispiel")),
            "{:?}",
            police
        );
    }

    #[test]
    fn passive_without_agent_keeps_source_unknown() {
        let got = relations(
            "Am Samstag wurde laut Behördenangaben Ex-Premier [Karim Massimow|PER] festgenommen.",
        );
        assert_eq!(
            got,
            vec!["event ? -> per:karim-massimow cameo=17 trigger=festnehmen reported"]
        );
    }

    #[test]
    fn evidence_has_char_offsets_of_trigger_and_actors() {
        let relater = Relater::load(&DataSource::builtin()).unwrap();
        let (doc, rels) = marked::relate(
            &relater,
            "t",
            "Über Nacht: [Tokajew|PER] dankte [Putin|PER].",
        )
        .unwrap();
        let e = rels.iter().find(|r| r.kind == RelationKind::Event).unwrap();
        let chars_of =
            |(a, b): (usize, usize)| doc.text.chars().skip(a).take(b - a).collect::<String>();
        assert_eq!(chars_of(e.evidence.trigger_span.unwrap()), "dankte");
        assert_eq!(chars_of(e.evidence.source_span.unwrap()), "Tokajew");
        assert_eq!(chars_of(e.evidence.target_span.unwrap()), "Putin");
    }
}
