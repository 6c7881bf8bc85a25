//! Stage 3, recognize: find mentions of persons (PER), organizations (ORG)
//! and places (LOC) in segmented text.
//!
//! Three recognizers work together: [`gazetteer`] (lists of countries,
//! cities, organizations with knowledge-base ids), [`patterns`] (titles and
//! roles before names, organization heads and suffixes, acronyms, names
//! defined in parentheses) and the learned [`tagger`], which uses the hits of
//! the other two as features. [`Recognizer::recognize`] merges their spans.

pub mod gazetteer;
pub mod memo;
pub mod particles;
pub mod patterns;
pub mod streets;
pub mod tagger;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::lexicon::DataSource;
use crate::segment::Sentence;

/// The entity types nergraph recognizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organization: company, party, agency, international body, club, newspaper.
    #[serde(rename = "ORG")]
    Org,
    /// A place: country, region, city, landscape.
    #[serde(rename = "LOC")]
    Loc,
}

impl EntityType {
    /// All types, in output order.
    pub const ALL: [EntityType; 3] = [EntityType::Per, EntityType::Org, EntityType::Loc];

    /// `PER`, `ORG` or `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<EntityType, String> {
        match s.trim().to_ascii_uppercase().as_str() {
            "PER" => Ok(EntityType::Per),
            "ORG" => Ok(EntityType::Org),
            "LOC" => Ok(EntityType::Loc),
            other => Err(format!(
                "unknown entity type {:?} (use PER, ORG or LOC)",
                other
            )),
        }
    }
}

/// Which recognizer found a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Source {
    /// A gazetteer entry.
    Gazetteer,
    /// A pattern (title, role, suffix, acronym, definition).
    Pattern,
    /// The learned tagger.
    Model,
}

/// One mention of an entity in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Index of the sentence the mention is in.
    pub sentence: usize,
    /// Byte offset into the document text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// PER, ORG or LOC.
    pub etype: EntityType,
    /// Knowledge-base id from a gazetteer: `Q…` (Wikidata) or `geonames:…`.
    pub kb_id: Option<String>,
    /// Canonical name when the recognizer knows it (gazetteer base form, e.g.
    /// "kasachischen" → "Kasachstan"); `None` means the surface form.
    pub canonical: Option<String>,
    /// Which recognizer found it.
    pub source: Source,
    /// A word derived from a place's name rather than the name: an
    /// adjective ("kasachischen", "Berliner") or an inhabitant noun
    /// ("Russen", "der Villacher"). Such a mention names the place but is no
    /// actor of its own.
    pub derived: bool,
}

impl Mention {
    /// The surface text of the mention.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// A mention one of the recognizer's rules found: no knowledge-base id
    /// or canonical name, counted as the patterns'.
    pub(crate) fn of_rule(sentence: usize, start: usize, end: usize, etype: EntityType) -> Mention {
        Mention {
            sentence,
            start,
            end,
            etype,
            kb_id: None,
            canonical: None,
            source: Source::Pattern,
            derived: false,
        }
    }
}

/// A pair of mentions the text itself declares to be the same entity, e.g.
/// "Organisation des Vertrages für kollektive Sicherheit (OVKS)" or
/// "KNB („Nationales Sicherheitskommitee“)". Indices into
/// [`Recognized::mentions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AliasLink {
    /// The long form (or the name the definition explains).
    pub long: usize,
    /// The short form (acronym) or translation.
    pub short: usize,
}

/// What the recognizer found in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Recognized {
    /// Non-overlapping mentions sorted by start offset.
    pub mentions: Vec<Mention>,
    /// Alias definitions found in the text.
    pub aliases: Vec<AliasLink>,
}

/// Options for building a [`Recognizer`].
#[derive(Debug, Clone, Default)]
pub struct RecognizerOptions {
    /// Run lists and patterns only, without the learned tagger.
    pub no_model: bool,
    /// Load the tagger model from this file instead of the built-in one.
    pub model_path: Option<std::path::PathBuf>,
    /// Let the patterns take the first names of a name list
    /// (`lexicon/first_names_listed.tsv`) too, not only those seen in the
    /// training corpora. Meant for runs without the tagger (the command
    /// line turns it on with `--no-model`): the tagger has these names in
    /// its word classes, and its weights were learned beside patterns
    /// without them.
    pub listed_first_names: bool,
}

/// The combined recognizer used by `build`, `entities` and `eval`.
pub struct Recognizer {
    gazetteer: gazetteer::Gazetteer,
    patterns: patterns::Patterns,
    tagger: Option<tagger::Tagger>,
    streets: crate::lexicon::streets::StreetLexicon,
}

impl Recognizer {
    /// Build the recognizer from data files.
    pub fn new(data: &DataSource, options: &RecognizerOptions) -> Result<Recognizer> {
        let gazetteer = gazetteer::Gazetteer::load(data)?;
        let patterns = patterns::Patterns::load_with(data, options.listed_first_names)?;
        let tagger = if options.no_model {
            None
        } else {
            match &options.model_path {
                Some(p) => Some(tagger::Tagger::load(p)?),
                None => tagger::Tagger::builtin()?,
            }
        };
        Ok(Recognizer {
            gazetteer,
            patterns,
            tagger,
            streets: crate::lexicon::streets::StreetLexicon::load(data)?,
        })
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &gazetteer::Gazetteer {
        &self.gazetteer
    }

    /// The patterns in use.
    pub fn patterns(&self) -> &patterns::Patterns {
        &self.patterns
    }

    /// The gazetteer's mentions and the patterns' findings in `text`: what
    /// the tagger gets as features (also used to prepare training data).
    pub fn find_lists(&self, text: &str, sentences: &[Sentence]) -> (Vec<Mention>, Recognized) {
        let gaz = self.gazetteer.find(text, sentences);
        let pat = self.patterns.find(text, sentences, &gaz);
        (gaz, pat)
    }

    /// An organization's name without the legal forms at its end ("Deutsche
    /// Bahn AG" → "Deutsche Bahn"), else without a group word or the
    /// domain of its website ("ORF.at" → "ORF"); `None` when it has none.
    pub fn company_name<'a>(&self, name: &'a str) -> Option<&'a str> {
        company_core(name, self.patterns.orgs())
    }

    /// Find the mentions in `text`, segmented into `sentences`.
    pub fn recognize(&self, text: &str, sentences: &[Sentence]) -> Recognized {
        let (mut gaz, mut pat) = self.find_lists(text, sentences);
        let model = match &self.tagger {
            Some(t) => t.tag(text, sentences, &gaz, &pat.mentions),
            None => Vec::new(),
        };
        for m in gaz.iter_mut().chain(pat.mentions.iter_mut()) {
            with_sign(text, sentences, m);
        }
        let span = |i: usize| (pat.mentions[i].start, pat.mentions[i].end);
        let alias_spans: Vec<_> = pat
            .aliases
            .iter()
            .map(|a| (span(a.long), span(a.short)))
            .collect();
        // Containing spans win; otherwise gazetteer, then patterns, then model.
        gaz.extend(
            pat.mentions
                .into_iter()
                .filter_map(|m| self.person_without_nouns(text, m)),
        );
        if let Some(lists) = self.rule_lists() {
            gaz.extend(streets::find(text, sentences, &self.streets, &lists));
        }
        gaz.extend(
            model
                .into_iter()
                // the words the patterns never take for organizations
                .filter(|m| !self.patterns.is_not_acronym(&text[m.start..m.end]))
                .filter_map(|m| self.person_without_nouns(text, m))
                .map(|m| self.link(text, self.inhabitant(text, self.without_direction(text, m)))),
        );
        let mentions = join_place_and_organization(text, merge_overlaps(gaz));
        let mentions = match self.rule_lists() {
            Some(lists) => {
                let mentions = first_name_and_person(text, mentions, |w| lists.is_first_name(w));
                particles::join(text, sentences, mentions, &lists)
            }
            None => mentions,
        };
        // merged mentions are sorted by (start, end)
        let find = |s: &(usize, usize)| mentions.binary_search_by_key(s, |k| (k.start, k.end)).ok();
        let mut aliases: Vec<AliasLink> = alias_spans
            .iter()
            .filter_map(|(long, short)| {
                Some(AliasLink {
                    long: find(long)?,
                    short: find(short)?,
                })
            })
            .collect();
        name_variant_aliases(text, &mentions, self.patterns.orgs(), &mut aliases);
        Recognized { mentions, aliases }
    }
}

/// What the rules after the tagger (streets, names with particles) ask of
/// the word lists.
pub trait RuleWords {
    /// Whether the word is listed as a first name.
    fn is_first_name(&self, word: &str) -> bool;
    /// Whether the word is listed as a common noun and not as a name.
    fn is_common_noun(&self, word: &str) -> bool;
    /// Whether the word names a place (a listed toponym or a place of the
    /// gazetteer).
    fn is_place(&self, word: &str) -> bool;
}

/// The tagger's word classes and the gazetteer, as the rules ask them.
struct RuleLists<'a> {
    classes: &'a tagger::features::WordClasses,
    gazetteer: &'a gazetteer::Gazetteer,
}

impl RuleWords for RuleLists<'_> {
    fn is_first_name(&self, word: &str) -> bool {
        self.classes.is_first_name(word)
    }

    fn is_common_noun(&self, word: &str) -> bool {
        self.classes.is_common_noun(word)
    }

    fn is_place(&self, word: &str) -> bool {
        self.classes.is_toponym(word)
            || matches!(
                self.gazetteer.lookup(word),
                Some((e, gazetteer::Form::Name)) if e.etype == EntityType::Loc
            )
    }
}

impl Recognizer {
    /// The lists the rules after the tagger ask: only with the tagger,
    /// whose model holds the word classes.
    fn rule_lists(&self) -> Option<RuleLists<'_>> {
        self.tagger.as_ref().map(|t| RuleLists {
            classes: t.model().classes(),
            gazetteer: &self.gazetteer,
        })
    }
}

impl Recognizer {
    /// A one-word mention that names the inhabitants of a place the
    /// gazetteer knows, after an article ("der Villacher", "einer
    /// 45-jährigen Kärntnerin", "den Tirolern"), refers to that place, as the
    /// gazetteer's own city adjectives do ("Berliner"): it becomes a mention
    /// of the place rather than a person or a place of its own.
    fn inhabitant(&self, text: &str, mut m: Mention) -> Mention {
        let word = &text[m.start..m.end];
        if m.etype == EntityType::Org || m.kb_id.is_some() || !follows_article(&text[..m.start]) {
            return m;
        }
        if let Some(place) =
            inhabitant_stems(word)
                .into_iter()
                .flatten()
                .find_map(|stem| match self.gazetteer.lookup(&stem) {
                    Some((e, gazetteer::Form::Name)) if e.etype == EntityType::Loc => Some(e),
                    _ => None,
                })
        {
            m.etype = EntityType::Loc;
            m.kb_id = place.kb_id.clone();
            m.canonical = Some(place.canonical.clone());
            m.derived = true;
        }
        m
    }

    /// A person without the common nouns at its edges: words the word
    /// classes list only as common nouns ("Hause Seidenberg", "Ajatollah Ali
    /// Chamenei", "Axel Muster Rechtsanwalt") are cut off at the start of a
    /// person the tagger found, and at the end of any person while two words
    /// remain (a surname may be a noun the lists lack: "Mark Töpfer"); a
    /// person the tagger found that is one such word ("Journalisten",
    /// "Gedanken") is no person. Without word classes (no model) the mention
    /// stays as it is.
    fn person_without_nouns(&self, text: &str, mut m: Mention) -> Option<Mention> {
        let Some(t) = &self.tagger else {
            return Some(m);
        };
        if m.etype != EntityType::Per {
            return Some(m);
        }
        let classes = t.model().classes();
        // not a word of one or two letters: the nouns the lists have of
        // them ("Xi", "Yi": Greek letters) are Chinese names' parts in news
        let noun = |w: &str| {
            w.chars().count() > 2 && w.chars().all(char::is_alphabetic) && classes.is_only_noun(w)
        };
        // words with their byte offsets in the mention, cut where tokens
        // are, so that the cut mention starts and ends with a token
        let surface = &text[m.start..m.end];
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut at = None;
        for (i, c) in surface.char_indices().chain([(surface.len(), ' ')]) {
            match (crate::segment::is_separator(c), at) {
                (true, Some(a)) => {
                    words.push((a, &surface[a..i]));
                    at = None;
                }
                (false, None) => at = Some(i),
                _ => {}
            }
        }
        if words.is_empty() {
            return Some(m);
        }
        let first = if m.source == Source::Model {
            words.iter().position(|(_, w)| !noun(w))?
        } else {
            0
        };
        let lower = |k: usize| words[k].1.starts_with(char::is_lowercase);
        let after_one_particle = |k: usize| lower(k - 1) && !lower(k - 2);
        let mut last = words.len() - 1;
        // a noun right after one particle is a surname, and so is one after
        // a first name in a name the patterns found: "Joseph Victor von
        // Scheffel", "Fritz Rudolf Körper"; after an article it is not: "X Y
        // von der Bergwacht"
        while last > first + 1
            && noun(words[last].1)
            && !after_one_particle(last)
            && !(m.source == Source::Pattern && classes.is_first_name(words[last - 1].1))
        {
            last -= 1;
            // no particle left at the end
            while last > first + 1 && lower(last) {
                last -= 1;
            }
        }
        // a name in the genitive before its noun: "Brians Sohn" (not a first
        // name ending in s: "Klaus Koch")
        let (head, tail) = (words[first].1, words[last].1);
        let genitive = head
            .strip_suffix('s')
            .is_some_and(|base| classes.is_person_name(base) || !classes.is_first_name(head));
        if last == first + 1 && noun(tail) && genitive && m.source == Source::Model {
            last = first;
        }
        let base = m.start;
        m.start = base + words[first].0;
        m.end = base + words[last].0 + words[last].1.len();
        Some(m)
    }

    /// A model mention that is exactly a name the gazetteer lists, of the
    /// same type, is that entry: the gazetteer had left it to the context
    /// ("Singen Richtung Stuttgart", where "Singen" may be a verb) or to a
    /// word boundary ("Speyer- Beim Ausparken"). A hashtag of a listed name
    /// ("#München") is that entry whatever type the model gave it.
    fn link(&self, text: &str, mut m: Mention) -> Mention {
        if m.kb_id.is_some() || m.canonical.is_some() {
            return m;
        }
        let surface = &text[m.start..m.end];
        let (name, hashtag) = match surface.strip_prefix('#') {
            Some(rest) => (rest, true),
            None => (surface, false),
        };
        if let Some((e, gazetteer::Form::Name | gazetteer::Form::Genitive)) =
            self.gazetteer.lookup(name)
        {
            if hashtag || e.etype == m.etype {
                m.etype = e.etype;
                m.kb_id = e.kb_id.clone();
                m.canonical = Some(e.canonical.clone());
            }
        }
        m
    }

    /// A mention that starts with a compass direction before a name in the
    /// genitive ("Südwesten Japans", "Norden Sri Lankas") names only the
    /// place: the direction is cut off.
    fn without_direction(&self, text: &str, mut m: Mention) -> Mention {
        let Some((first, rest)) = text[m.start..m.end].split_once(' ') else {
            return m;
        };
        if self.patterns.is_direction(first)
            && rest.ends_with('s')
            && crate::text::is_capitalized(rest)
        {
            m.start += first.len() + 1;
        }
        m
    }
}

/// A name the lists found right after the sign of a hashtag or a handle
/// takes the sign into its span, as the model's names of such tokens do and
/// as annotated news have it ("#Hamburg", "@SZ"); a listed name at the start
/// of a handle takes the whole handle, which the segmenter keeps as one
/// token: "@DB_Bahn" and "@Lufthansa_DE" are the accounts of those
/// companies. Only names with a canonical form take a handle's at sign,
/// since labels leave out hash signs but not at signs.
fn with_sign(text: &str, sentences: &[Sentence], m: &mut Mention) {
    let Some(sign) = crate::text::tag_sign_before(text, m.start) else {
        return;
    };
    let listed = m.canonical.is_some();
    if text.as_bytes()[sign] == b'@' && !listed {
        return;
    }
    m.start = sign;
    if !listed || text.as_bytes().get(m.end) != Some(&b'_') {
        return;
    }
    let tokens = sentences.get(m.sentence).map_or(&[][..], |s| &s.tokens[..]);
    let k = tokens.partition_point(|t| t.start < sign);
    if let Some(token) = tokens.get(k).filter(|t| t.start == sign) {
        m.end = m.end.max(token.end);
    }
}

/// Whether the text before a mention ends in an article, maybe followed by
/// one lowercase or "45-jährige" word: "der", "einer jungen", "ein
/// 45-jähriger".
fn follows_article(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let is_article = |w: &str| crate::text::is_article(&w.to_lowercase());
    match words.next() {
        Some(w) if is_article(w) => true,
        Some(w) if w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) => {
            words.next().is_some_and(is_article)
        }
        _ => false,
    }
}

/// The place names an inhabitant noun may come from: "Villacher" →
/// "Villach", "Kärntnerin" → "Kärntn", "Kärnten", "Bremer" → "Brem",
/// "Bremen"; empty for a word that is no such noun.
pub(crate) fn inhabitant_stems(word: &str) -> [Option<String>; 3] {
    let base = word
        .strip_suffix("innen")
        .or_else(|| word.strip_suffix("in"))
        .unwrap_or(word);
    let stem = base.strip_suffix("er").or_else(|| {
        base.strip_suffix("ern")
            .filter(|_| base.len() == word.len())
    });
    match stem {
        Some(stem) if stem.chars().count() >= 3 && crate::text::is_capitalized(stem) => [
            Some(stem.to_string()),
            Some(format!("{stem}en")),
            stem.strip_suffix('n').map(|s| format!("{s}en")),
        ],
        _ => [None, None, None],
    }
}

/// Keep a non-overlapping subset of `mentions`, sorted by start offset.
///
/// A span inside a longer one gives way to it, whatever found them ("Deutsche
/// Bank" over the adjective "Deutsche", "Universität Hamburg" over "Hamburg").
/// Of identical spans, and of partly overlapping ones, the gazetteer's win over
/// the patterns', which win over the model's; then the longer; then the earlier
/// in the input.
pub fn merge_overlaps(mentions: Vec<Mention>) -> Vec<Mention> {
    // Sort indices, not the (large) mentions.
    let rank = |i: usize| mentions[i].source as u8;
    let span = |i: usize| (mentions[i].start, mentions[i].end);
    let mut by_start: Vec<usize> = (0..mentions.len()).collect();
    by_start.sort_by(|&ia, &ib| {
        let ((sa, ea), (sb, eb)) = (span(ia), span(ib));
        sa.cmp(&sb)
            .then(eb.cmp(&ea))
            .then(rank(ia).cmp(&rank(ib)))
            .then(ia.cmp(&ib))
    });
    // Every earlier span starts no later; if one also ends no earlier, it
    // contains this one (or equals it and ranks higher).
    let mut max_end = 0;
    let mut ranked: Vec<usize> = Vec::with_capacity(by_start.len());
    for i in by_start {
        let end = mentions[i].end;
        if end <= max_end {
            continue;
        }
        max_end = end;
        ranked.push(i);
    }
    ranked.sort_by(|&ia, &ib| {
        let ((sa, ea), (sb, eb)) = (span(ia), span(ib));
        rank(ia)
            .cmp(&rank(ib))
            .then((eb - sb).cmp(&(ea - sa)))
            .then(ia.cmp(&ib))
    });
    // Kept spans by start offset; spans in it never overlap, so a new span
    // overlaps one iff it overlaps its predecessor or successor by start.
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut kept: Vec<usize> = Vec::new();
    for i in ranked {
        let (start, end) = span(i);
        let before = taken.range(..end).next_back();
        if before.is_some_and(|(_, &e)| e > start) {
            continue;
        }
        taken.insert(start, end);
        kept.push(i);
    }
    kept.sort_by_key(|&i| span(i));
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    kept.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// A place and an organization next to each other, separated by one space,
/// are one organization's name: "Detroit Red Wings", "Kuwait National
/// Airways", "Passauer Neue Presse", "Telecom Italia", "Universität
/// Gießen". Not with a place in the genitive ("Russlands Gazprom", "die
/// Regierung Frankreichs"): one ending in "s" that its canonical name does
/// not.
fn join_place_and_organization(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let genitive = |x: &Mention| {
        x.text(text).ends_with('s') && !x.canonical.as_deref().is_some_and(|c| c.ends_with('s'))
    };
    join_adjacent(text, mentions, |prev, m| {
        let joins = match (prev.etype, m.etype) {
            (EntityType::Loc, EntityType::Org) => !genitive(prev),
            (EntityType::Org, EntityType::Loc) => !genitive(m),
            _ => false,
        } && prev.text(text).starts_with(char::is_uppercase)
            && m.text(text).starts_with(char::is_uppercase);
        joins.then_some(EntityType::Org)
    })
}

/// Merge each mention with the one before it when they are in one sentence,
/// separated by one space, and `joins(before, mention)` gives the type of
/// the joined name; the joined mention is the recognizer's own (no kb id, no
/// canonical name) and takes the source of the second.
fn join_adjacent(
    text: &str,
    mentions: Vec<Mention>,
    joins: impl Fn(&Mention, &Mention) -> Option<EntityType>,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let adjacent = prev.sentence == m.sentence && text.get(prev.end..m.start) == Some(" ");
            if let Some(etype) = adjacent.then(|| joins(prev, &m)).flatten() {
                prev.end = m.end;
                prev.etype = etype;
                prev.kb_id = None;
                prev.canonical = None;
                prev.derived = false;
                prev.source = m.source;
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// The name inside an organization's longer name: without its legal form
/// ("Maple Bank GmbH" → "Maple Bank"), without a group word after it
/// ("Steilmann-Gruppe", "Brenner Konzern" → the company) or without the
/// top-level domain of its website ("Rhein-Zeitung.de"). Legal forms and
/// group words are those of `data/lexicon/org_suffixes.tsv`.
fn core_name<'a>(name: &'a str, orgs: &crate::lexicon::orgs::OrgLexicon) -> Option<&'a str> {
    if let Some((core, form)) = name.rsplit_once(' ') {
        if orgs.legal(form).is_some() || orgs.group(form) {
            return Some(core);
        }
    }
    if let Some((core, word)) = name.rsplit_once('-') {
        if orgs.group(word) {
            return Some(core);
        }
    }
    let (core, tld) = name.rsplit_once('.')?;
    let domain = (2..=4).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_lowercase())
        && !core.contains([' ', '.']);
    domain.then_some(core)
}

/// A company's name without the legal forms at its end: "Maple Bank GmbH"
/// → "Maple Bank", "Muster Holding GmbH & Co. KG" → "Muster Holding".
/// `None` when it ends in none or nothing else would be left.
fn bare_company_name<'a>(
    name: &'a str,
    orgs: &crate::lexicon::orgs::OrgLexicon,
) -> Option<&'a str> {
    let mut rest = name;
    while let Some((core, form)) = rest.rsplit_once(' ') {
        if form != "&" && orgs.legal(form).is_none() {
            break;
        }
        rest = core.trim_end();
    }
    (rest.len() < name.len() && !rest.is_empty() && rest != "&").then_some(rest)
}

/// An organization's name without the legal forms at its end, else without
/// a group word or web domain ([`bare_company_name`], [`core_name`]).
fn company_core<'a>(name: &'a str, orgs: &crate::lexicon::orgs::OrgLexicon) -> Option<&'a str> {
    bare_company_name(name, orgs).or_else(|| core_name(name, orgs))
}

/// A one-word organization or place from the gazetteer that is also a first
/// name, right before a person, starts that person's name: "Chelsea Clinton",
/// "Mercedes Sosa", "Paris Hilton" are persons, not the club, the carmaker
/// or the city next to one. Not after a preposition of place ("in Paris
/// Macron …" stays a place). `is_first_name` tells first names.
fn first_name_and_person(
    text: &str,
    mentions: Vec<Mention>,
    is_first_name: impl Fn(&str) -> bool,
) -> Vec<Mention> {
    let after_place_preposition = |m: &Mention| {
        text[..m.start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|p| {
                matches!(
                    p,
                    "in" | "im" | "nach" | "aus" | "bei" | "ab" | "bis" | "über" | "von" | "vom"
                )
            })
    };
    join_adjacent(text, mentions, |prev, m| {
        let word = prev.text(text);
        let joins = m.etype == EntityType::Per
            && prev.source == Source::Gazetteer
            && prev.etype != EntityType::Per
            && !word.contains([' ', '-'])
            && is_first_name(word)
            && !after_place_preposition(prev);
        joins.then_some(EntityType::Per)
    })
}

/// Link each organization mention with a longer form of a name to a mention
/// of the name itself in the document ([`core_name`]: "Maple Bank GmbH" and
/// "Maple Bank", "Steilmann-Gruppe" and "Steilmann"), so that both become
/// one entity, labelled by the shorter name.
fn name_variant_aliases(
    text: &str,
    mentions: &[Mention],
    orgs: &crate::lexicon::orgs::OrgLexicon,
    aliases: &mut Vec<AliasLink>,
) {
    let orgs_here: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].etype == EntityType::Org)
        .collect();
    if orgs_here.len() < 2 {
        return;
    }
    let by_name: std::collections::HashMap<&str, usize, foldhash::fast::FixedState> = orgs_here
        .iter()
        .rev()
        .map(|&i| (mentions[i].text(text), i))
        .collect();
    for &i in &orgs_here {
        let Some(core) = company_core(mentions[i].text(text), orgs) else {
            continue;
        };
        if let Some(&j) = by_name.get(core) {
            // the name without the legal form labels the entity
            aliases.push(AliasLink { long: j, short: i });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, source: Source) -> Mention {
        Mention {
            sentence: 0,
            start,
            end,
            etype: EntityType::Org,
            kb_id: None,
            canonical: None,
            source,
            derived: false,
        }
    }

    /// A mention of type `etype` of the last occurrence of `s` in `text`.
    fn at(text: &str, s: &str, etype: EntityType, source: Source) -> Mention {
        let start = text.rfind(s).unwrap();
        let mut m = m(start, start + s.len(), source);
        m.etype = etype;
        m
    }

    /// The mentions' texts and types.
    fn names<'t>(text: &'t str, ms: &[Mention]) -> Vec<(&'t str, EntityType)> {
        ms.iter().map(|m| (m.text(text), m.etype)).collect()
    }

    #[test]
    fn core_names_drop_legal_forms_descriptors_and_domains() {
        let orgs = crate::lexicon::orgs::OrgLexicon::load(&DataSource::builtin()).unwrap();
        let core = |n: &'static str| core_name(n, &orgs);
        assert_eq!(core("Maple Bank GmbH"), Some("Maple Bank"));
        assert_eq!(core("Steilmann-Gruppe"), Some("Steilmann"));
        assert_eq!(core("Brenner Konzern"), Some("Brenner"));
        assert_eq!(core("Rhein-Zeitung.de"), Some("Rhein-Zeitung"));
        assert_eq!(core("Deutsche Bank"), None);
        assert_eq!(core("Presse-Agentur"), None);
        assert_eq!(core("Dr. Oetker"), None);
        assert_eq!(core("A.B.C"), None);
        let bare = |n: &'static str| bare_company_name(n, &orgs);
        assert_eq!(bare("Maple Bank GmbH"), Some("Maple Bank"));
        assert_eq!(bare("Muster Holding GmbH & Co. KG"), Some("Muster Holding"));
        assert_eq!(bare("Meier & Co."), Some("Meier"));
        assert_eq!(bare("Deutsche Bank"), None);
        assert_eq!(bare("GmbH"), None);
        assert_eq!(bare("& Co. KG"), None);
    }

    #[test]
    fn a_legal_form_links_to_the_bare_name() {
        let text = "Kessler Maschinenbau GmbH meldet. Kessler Maschinenbau wuchs. Kessler Logistik AG kaufte. Kessler kam.";
        let span = |s: &str| {
            let start = text.find(s).unwrap();
            m(start, start + s.len(), Source::Model)
        };
        let mut mentions = vec![
            span("Kessler Maschinenbau GmbH"),
            span("Kessler Maschinenbau wuchs"),
            span("Kessler Logistik AG"),
            span("Kessler kam"),
        ];
        // the bare names are the spans without the following word
        mentions[1].end -= " wuchs".len();
        mentions[3].end -= " kam".len();
        let orgs = crate::lexicon::orgs::OrgLexicon::load(&DataSource::builtin()).unwrap();
        let mut aliases = Vec::new();
        name_variant_aliases(text, &mentions, &orgs, &mut aliases);
        // the GmbH joins its bare name, which labels the entity; the AG has
        // no bare mention, and "Kessler" alone is another name
        assert_eq!(aliases, vec![AliasLink { long: 1, short: 0 }]);
    }

    #[test]
    fn merge_prefers_source_rank_then_length() {
        let kept = merge_overlaps(vec![
            m(10, 20, Source::Model),
            m(0, 5, Source::Pattern),
            m(3, 12, Source::Gazetteer),
            m(12, 30, Source::Pattern),
            m(40, 45, Source::Model),
        ]);
        let spans: Vec<(usize, usize)> = kept.iter().map(|k| (k.start, k.end)).collect();
        assert_eq!(spans, vec![(3, 12), (12, 30), (40, 45)]);
    }

    #[test]
    fn merge_prefers_containing_span_of_any_source() {
        let kept = merge_overlaps(vec![
            m(0, 8, Source::Gazetteer),
            m(0, 13, Source::Model),
            m(20, 25, Source::Pattern),
            m(20, 25, Source::Gazetteer),
        ]);
        let got: Vec<(usize, usize, Source)> =
            kept.iter().map(|k| (k.start, k.end, k.source)).collect();
        assert_eq!(
            got,
            vec![(0, 13, Source::Model), (20, 25, Source::Gazetteer)]
        );
    }

    #[test]
    fn a_place_next_to_an_organization_is_part_of_its_name() {
        let text = "Die Detroit Red Wings und Telecom Italia, Russlands Gazprom und Berlin";
        let at = |s: &str, etype: EntityType| at(text, s, etype, Source::Gazetteer);
        let mut russland = at("Russlands", EntityType::Loc);
        russland.canonical = Some("Russland".into());
        let mentions = vec![
            at("Detroit", EntityType::Loc),
            at("Red Wings", EntityType::Org),
            at("Telecom", EntityType::Org),
            at("Italia", EntityType::Loc),
            russland,
            at("Gazprom", EntityType::Org),
            // not next to each other
            at("Berlin", EntityType::Loc),
        ];
        let joined = join_place_and_organization(text, mentions);
        assert_eq!(
            names(text, &joined),
            [
                ("Detroit Red Wings", EntityType::Org),
                ("Telecom Italia", EntityType::Org),
                ("Russlands", EntityType::Loc),
                ("Gazprom", EntityType::Org),
                ("Berlin", EntityType::Loc),
            ]
        );
    }

    #[test]
    fn a_first_name_in_a_list_before_a_person_starts_the_name() {
        let text = "Chelsea Clinton traf Mercedes Sosa in Georgia Miller und Paris.";
        let at = |s: &str, etype: EntityType, source: Source| at(text, s, etype, source);
        let mentions = vec![
            at("Chelsea", EntityType::Org, Source::Gazetteer),
            at("Clinton", EntityType::Per, Source::Model),
            at("Mercedes", EntityType::Org, Source::Gazetteer),
            at("Sosa", EntityType::Per, Source::Model),
            // after a preposition of place: a place
            at("Georgia", EntityType::Loc, Source::Gazetteer),
            at("Miller", EntityType::Per, Source::Model),
            at("Paris", EntityType::Loc, Source::Gazetteer),
        ];
        let first_names = ["Chelsea", "Mercedes", "Georgia", "Paris"];
        let out = first_name_and_person(text, mentions, |w| first_names.contains(&w));
        assert_eq!(
            names(text, &out),
            [
                ("Chelsea Clinton", EntityType::Per),
                ("Mercedes Sosa", EntityType::Per),
                ("Georgia", EntityType::Loc),
                ("Miller", EntityType::Per),
                ("Paris", EntityType::Loc),
            ]
        );
    }

    /// The recognizer with the built-in lists and patterns.
    fn lists_only() -> Recognizer {
        Recognizer::new(
            &crate::lexicon::DataSource::builtin(),
            &RecognizerOptions {
                no_model: true,
                model_path: None,
                listed_first_names: false,
            },
        )
        .unwrap()
    }

    #[test]
    fn listed_names_in_hashtags_and_handles_take_the_sign() {
        let rec = lists_only();
        let text = "Stau bei #Hamburg. RT @SZ: Neue Lage in #Berlin-Mitte. \
                    Danke @DB_Bahn und @Lufthansa_DE. Mail an info@Berlin.de und C#Berlin.";
        let found = rec.recognize(text, &crate::segment::segment(text));
        let texts: Vec<&str> = found.mentions.iter().map(|m| m.text(text)).collect();
        for t in ["#Hamburg", "@SZ", "#Berlin", "@DB_Bahn", "@Lufthansa_DE"] {
            assert!(texts.contains(&t), "{} not in {:?}", t, texts);
        }
        // a sign inside a word is no hashtag or handle
        assert!(!texts
            .iter()
            .any(|t| t.ends_with("@Berlin") || *t == "#Berlin.de"));
        assert!(!texts.contains(&"C#Berlin"), "{:?}", texts);
        // a name without a canonical form takes a hash sign, not an at
        // sign, and not the rest of a handle
        let signed = |t: &str, start: usize, end: usize, listed: bool| {
            let mut m = m(start, end, Source::Pattern);
            m.canonical = listed.then(|| t[start..end].to_string());
            with_sign(t, &crate::segment::segment(t), &mut m);
            m.text(t).to_string()
        };
        assert_eq!(signed("x @Quorvex #Quorvex", 12, 19, false), "#Quorvex");
        assert_eq!(signed("x @Quorvex #Quorvex", 3, 10, false), "Quorvex");
        assert_eq!(signed("x #Quorvex_DE", 3, 10, false), "#Quorvex");
        // a listed one at the start of the text takes the whole token
        assert_eq!(signed("#Essen_Nord sperrt", 1, 6, true), "#Essen_Nord");
        assert_eq!(signed("#Essen-Nord sperrt", 1, 6, true), "#Essen");
    }

    #[test]
    fn a_direction_before_a_genitive_place_is_cut_off() {
        let rec = lists_only();
        let text = "Im Südwesten Japans bebte die Erde, im Westen Berlin nicht.";
        let cut = |s: &str| {
            let m = rec.without_direction(text, at(text, s, EntityType::Loc, Source::Model));
            m.text(text).to_string()
        };
        assert_eq!(cut("Südwesten Japans"), "Japans");
        // not before a genitive
        assert_eq!(cut("Westen Berlin"), "Westen Berlin");
        // the stoplist the model's output is filtered with
        assert!(rec.patterns.is_not_acronym("ISIN"));
        assert!(!rec.patterns.is_not_acronym("NATO"));
    }

    #[test]
    fn common_nouns_at_the_edges_of_a_person_are_cut_off() {
        let rec = Recognizer::new(
            &crate::lexicon::DataSource::builtin(),
            &RecognizerOptions::default(),
        )
        .unwrap();
        assert!(rec.tagger.is_some());
        let text = "im Hause Seidenberg, Axel Muster Rechtsanwalt, Mark Töpfer, Journalisten, Brians Sohn.";
        let person = |s: &str| {
            rec.person_without_nouns(text, at(text, s, EntityType::Per, Source::Model))
                .map(|m| m.text(text).to_string())
        };
        assert_eq!(person("Hause Seidenberg").as_deref(), Some("Seidenberg"));
        assert_eq!(
            person("Axel Muster Rechtsanwalt").as_deref(),
            Some("Axel Muster")
        );
        // a surname the lists know only as a noun stays after a first name
        assert_eq!(person("Mark Töpfer").as_deref(), Some("Mark Töpfer"));
        // a name in the genitive before its noun
        assert_eq!(person("Brians Sohn").as_deref(), Some("Brians"));
        assert_eq!(person("Journalisten"), None);
        // other types are left alone
        let org = at(text, "Journalisten", EntityType::Org, Source::Model);
        assert!(rec.person_without_nouns(text, org).is_some());
        // the patterns' persons lose only trailing nouns
        let text = "Joseph Victor von Scheffel, Fritz Rudolf Körper, Axel Muster von der Bergwacht, Gedanken.";
        let found = |s: &str| {
            rec.person_without_nouns(text, at(text, s, EntityType::Per, Source::Pattern))
                .map(|m| m.text(text).to_string())
        };
        for kept in [
            "Joseph Victor von Scheffel",
            "Fritz Rudolf Körper",
            "Gedanken",
        ] {
            assert_eq!(found(kept).as_deref(), Some(kept));
        }
        assert_eq!(
            found("Axel Muster von der Bergwacht").as_deref(),
            Some("Axel Muster")
        );
        // a cut ends where a token ends, not at a no-break space after it
        let text = "Heute sagte Axel Muster\u{a0} Rechtsanwalt, nein.";
        let m = at(
            text,
            "Axel Muster\u{a0} Rechtsanwalt",
            EntityType::Per,
            Source::Pattern,
        );
        let cut = rec.person_without_nouns(text, m).unwrap();
        assert_eq!(cut.text(text), "Axel Muster");
    }

    #[test]
    fn model_mentions_of_listed_names_are_linked_to_the_list() {
        let rec = lists_only();
        let text = "Auf der A81 Singen Richtung Stuttgart. Stau bei #München. Gegen Island.";
        let linked = |word: &str, etype: EntityType| {
            let m = rec.link(text, at(text, word, etype, Source::Model));
            (m.etype, m.kb_id.is_some(), m.canonical)
        };
        // a common word the gazetteer takes only after "in", "bei", ...
        assert_eq!(
            linked("Singen", EntityType::Loc),
            (EntityType::Loc, true, Some("Singen".into()))
        );
        // a hashtag: the list decides the type
        assert_eq!(
            linked("#München", EntityType::Org),
            (EntityType::Loc, true, Some("München".into()))
        );
        // another type than the list's: the model's reading stands (a team)
        assert_eq!(
            linked("Island", EntityType::Org),
            (EntityType::Org, false, None)
        );
    }

    #[test]
    fn inhabitants_after_an_article_are_mentions_of_their_place() {
        let rec = lists_only();
        let text = "Der Villacher und einer 45-jährigen Kärntnerin half Wiener. Die Bremer.";
        let place = |word: &str| {
            let start = text.find(word).unwrap();
            let mut m = m(start, start + word.len(), Source::Model);
            m.etype = EntityType::Per;
            let m = rec.inhabitant(text, m);
            (m.etype, m.canonical)
        };
        assert_eq!(
            place("Villacher"),
            (EntityType::Loc, Some("Villach".into()))
        );
        assert_eq!(
            place("Kärntnerin"),
            (EntityType::Loc, Some("Kärnten".into()))
        );
        assert_eq!(place("Bremer"), (EntityType::Loc, Some("Bremen".into())));
        // no article: a surname stays a person
        assert_eq!(place("Wiener"), (EntityType::Per, None));
        assert_eq!(inhabitant_stems("Tirolern")[0].as_deref(), Some("Tirol"));
        assert_eq!(inhabitant_stems("Müller")[0].as_deref(), Some("Müll"));
        assert_eq!(inhabitant_stems("Graz"), [None, None, None]);
    }

    #[test]
    fn merge_keeps_touching_spans() {
        let kept = merge_overlaps(vec![m(0, 5, Source::Model), m(5, 9, Source::Model)]);
        assert_eq!(kept.len(), 2);
    }
}
