//! Stage 4, resolve: group a document's mentions into entities (acronym ↔
//! long name, surname ↔ full name, genitive/adjective ↔ base form) and give
//! each a stable id: the knowledge-base id where known, else a slug of the
//! canonical name.
//!
//! Linear in the number of mentions: mentions are joined with a union-find
//! over hash-map keys, never by comparing all pairs.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use foldhash::fast::FixedState;
use serde::Serialize;

use crate::recognize::{EntityType, Mention, Recognized, Source};
use crate::text::push_slug;

/// One real-world thing mentioned in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Stable id: `Q…`, `geonames:…`, or `per:slug` / `org:slug` / `loc:slug`.
    pub id: Arc<str>,
    /// Canonical name.
    pub label: String,
    /// PER, ORG or LOC.
    pub etype: EntityType,
    /// Knowledge-base id, if linked.
    pub kb_id: Option<String>,
    /// Every surface form seen.
    pub aliases: BTreeSet<String>,
}

/// A document's entities and which entity each mention refers to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// The document's entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// For each mention (same index as [`Recognized::mentions`]), its entity
    /// (index into `entities`).
    pub mention_entity: Vec<usize>,
}

/// The id for an entity without a knowledge-base id.
pub fn local_id(etype: EntityType, label: &str) -> String {
    let mut id = String::with_capacity(label.len() + 8);
    id.push_str(etype.as_str());
    id.make_ascii_lowercase();
    id.push(':');
    push_slug(label, &mut id);
    id
}

/// Union-find over mention indices.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Join the groups of `a` and `b`; the smaller index stays the root so
    /// the result does not depend on the order of joins.
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// The base of a genitive form: "Tokajews" → "Tokajew", "Verbandes" →
/// "Verband", "Macron's" → "Macron". Candidates, most likely first.
pub fn genitive_bases(s: &str) -> impl Iterator<Item = &str> {
    [
        s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")),
        s.strip_suffix('s'),
        s.strip_suffix("es"),
        s.strip_suffix('\'').or_else(|| s.strip_suffix('’')),
    ]
    .into_iter()
    .flatten()
    .filter(|b| b.chars().count() >= 2)
}

/// Words of address and academic titles that may open a person's mention
/// ("Frau Merkel", "Herr Dr. Roselieb") without being part of the name.
const HONORIFICS: [&str; 12] = [
    "Herr",
    "Herrn",
    "Frau",
    "Fräulein",
    "Dr.",
    "Prof.",
    "Dipl.-Ing.",
    "Mag.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Sir",
];

/// A person's name without the words of address and titles before it:
/// "Frau Merkel" → "Merkel", "Herr Dr. Hans Roselieb" → "Hans Roselieb".
/// The name itself when nothing else would be left ("Herr").
pub fn without_honorifics(name: &str) -> &str {
    let mut rest = name;
    while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
        let tail = tail.trim_start();
        if tail.is_empty() || !HONORIFICS.contains(&first) {
            break;
        }
        rest = tail;
    }
    rest
}

/// A mention's name as it counts for joining and labels: a person's without
/// words of address ([`without_honorifics`]), any other as it is.
fn addressless(etype: EntityType, name: &str) -> &str {
    if etype == EntityType::Per {
        without_honorifics(name)
    } else {
        name
    }
}

/// The name a mention contributes as a label candidate.
fn name_of<'a>(m: &'a Mention, text: &'a str) -> &'a str {
    m.canonical.as_deref().unwrap_or_else(|| m.text(text))
}

/// Resolve the mentions of one document.
pub fn resolve(text: &str, recognized: &Recognized) -> Resolved {
    let ms = &recognized.mentions;
    let n = ms.len();
    let surfaces: Vec<&str> = ms.iter().map(|m| m.text(text)).collect();
    let mut groups = Groups::new(n);

    // 1. Same knowledge-base id, same type and name, text-declared aliases.
    // The maps are sized for the mentions up front rather than grown.
    let sized = || HashMap::with_capacity_and_hasher(n, FixedState::default());
    let mut by_kb: HashMap<&str, usize, FixedState> = sized();
    let mut by_name: HashMap<(EntityType, &str), usize, FixedState> =
        HashMap::with_capacity_and_hasher(2 * n, FixedState::default());
    let mut by_surface: HashMap<&str, usize, FixedState> = sized();
    for (i, m) in ms.iter().enumerate() {
        if let Some(kb) = m.kb_id.as_deref() {
            let first = *by_kb.entry(kb).or_insert(i);
            groups.join(first, i);
        }
        let first = *by_name.entry((m.etype, name_of(m, text))).or_insert(i);
        groups.join(first, i);
        let first = *by_name.entry((m.etype, surfaces[i])).or_insert(i);
        groups.join(first, i);
        by_surface.entry(surfaces[i]).or_insert(i);
    }
    for a in &recognized.aliases {
        if a.long < n && a.short < n {
            groups.join(a.long, a.short);
        }
    }

    // 2. Genitive forms join their base when the base is also mentioned.
    for (i, m) in ms.iter().enumerate() {
        if m.source == Source::Gazetteer && m.canonical.is_some() {
            continue;
        }
        for base in genitive_bases(surfaces[i]) {
            if let Some(&j) = by_surface.get(base) {
                if ms[j].etype == m.etype || ms[j].etype == EntityType::Per {
                    groups.join(i, j);
                    break;
                }
            }
        }
    }

    // 3. Surnames join the one full name they belong to.
    // Full names keyed by (first word, surname) so that "Angela Merkel" and
    // "Angela Dorothea Merkel" count as one person.
    // A person's words of address do not count: "Frau Merkel" is a surname.
    let bare: Vec<&str> = ms
        .iter()
        .zip(&surfaces)
        .map(|(m, s)| addressless(m.etype, s))
        .collect();
    let mut persons: HashMap<&str, HashMap<(&str, &str), usize, FixedState>, FixedState> =
        HashMap::default();
    for (i, m) in ms.iter().enumerate() {
        if m.etype != EntityType::Per || particle_surname(bare[i]).is_some() {
            continue;
        }
        let mut words = bare[i].split_whitespace();
        let (Some(first_word), Some(last)) = (words.next(), words.next_back()) else {
            continue;
        };
        let surname = genitive_bases(last)
            .find(|b| by_surface.contains_key(b) || persons.contains_key(b))
            .unwrap_or(last);
        let first = *persons
            .entry(surname)
            .or_default()
            .entry((first_word, surname))
            .or_insert(i);
        groups.join(first, i);
    }
    for (i, m) in ms.iter().enumerate() {
        let s = match m.etype {
            EntityType::Per => particle_surname(bare[i]).unwrap_or(bare[i]),
            _ => bare[i],
        };
        if s.contains(char::is_whitespace) || m.source == Source::Gazetteer {
            continue;
        }
        let full = std::iter::once(s)
            .chain(genitive_bases(s))
            .find_map(|k| persons.get(k));
        if let Some(full) = full {
            if full.len() == 1 {
                if let Some(&j) = full.values().next() {
                    groups.join(i, j);
                }
            }
        }
    }

    // 4. Collect the groups in order of first mention.
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: Vec<Option<usize>> = vec![None; n];
    let mut mention_group = Vec::with_capacity(n);
    for i in 0..n {
        let r = groups.root(i);
        let g = *group_of_root[r].get_or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[g].push(i);
        mention_group.push(g);
    }
    let longs: HashSet<usize, FixedState> = recognized.aliases.iter().map(|a| a.long).collect();

    // 5. One entity per group; groups that end up with the same id merge.
    let mut out = Resolved::default();
    let mut entity_of_id: HashMap<Arc<str>, usize, FixedState> = HashMap::default();
    let mut entity_of_group = Vec::with_capacity(members.len());
    for group in &members {
        let (etype, kb_id, label) = describe(text, ms, &surfaces, group, &longs);
        let id: Arc<str> = match &kb_id {
            Some(kb) => Arc::from(kb.as_str()),
            None => Arc::from(local_id(etype, &label)),
        };
        let e = match entity_of_id.get(&id) {
            Some(&e) => e,
            None => {
                entity_of_id.insert(Arc::clone(&id), out.entities.len());
                out.entities.push(Entity {
                    id,
                    label,
                    etype,
                    kb_id,
                    aliases: BTreeSet::new(),
                });
                out.entities.len() - 1
            }
        };
        let aliases = &mut out.entities[e].aliases;
        for &i in group {
            if !aliases.contains(surfaces[i]) {
                aliases.insert(surfaces[i].to_string());
            }
        }
        entity_of_group.push(e);
    }
    out.mention_entity = mention_group.iter().map(|&g| entity_of_group[g]).collect();
    out
}

/// Type, knowledge-base id and label of a group of mentions.
fn describe(
    text: &str,
    ms: &[Mention],
    surfaces: &[&str],
    group: &[usize],
    longs: &HashSet<usize, FixedState>,
) -> (EntityType, Option<String>, String) {
    // A gazetteer entry decides everything it knows.
    let linked = group.iter().map(|&i| &ms[i]).find(|m| m.kb_id.is_some());
    let gaz_label = group
        .iter()
        .map(|&i| &ms[i])
        .find(|m| m.source == Source::Gazetteer && m.canonical.is_some())
        .or_else(|| linked.filter(|m| m.canonical.is_some()))
        .and_then(|m| m.canonical.clone());
    let etype = match linked {
        Some(m) => m.etype,
        None => {
            let multiword_person = group.iter().any(|&i| {
                ms[i].etype == EntityType::Per && surfaces[i].contains(char::is_whitespace)
            });
            if multiword_person {
                EntityType::Per
            } else {
                majority_type(ms, group)
            }
        }
    };
    let kb_id = linked.and_then(|m| m.kb_id.clone());
    if let Some(label) = gaz_label {
        return (etype, kb_id, label);
    }
    // Forms that are genitives of other forms in the group are no labels.
    let forms: HashSet<&str, FixedState> = group.iter().map(|&i| name_of(&ms[i], text)).collect();
    let is_variant = |s: &str| genitive_bases(s).any(|b| forms.contains(b));
    let candidates: Vec<usize> = {
        let base: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| !is_variant(name_of(&ms[i], text)))
            .collect();
        if base.is_empty() {
            group.to_vec()
        } else {
            base
        }
    };
    // a person's label leaves out words of address: "Frau Merkel" → "Merkel"
    let label_name = |i: usize| addressless(etype, name_of(&ms[i], text));
    let words = |i: usize| label_name(i).split_whitespace().count();
    let len = |i: usize| label_name(i).chars().count();
    let best = match etype {
        EntityType::Per => candidates
            .iter()
            .copied()
            .filter(|&i| ms[i].etype == EntityType::Per)
            .max_by(|&a, &b| {
                words(a)
                    .cmp(&words(b))
                    .then(len(b).cmp(&len(a)))
                    .then(b.cmp(&a))
            }),
        _ => candidates
            .iter()
            .copied()
            .filter(|i| longs.contains(i))
            .min()
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .max_by(|&a, &b| len(a).cmp(&len(b)).then(b.cmp(&a)))
            }),
    };
    let best = best.unwrap_or(group[0]);
    let name = label_name(best);
    let label = match etype {
        EntityType::Per => title_case(name),
        EntityType::Loc => nominative(name).or_else(|| title_case(name)),
        EntityType::Org => nominative(name),
    };
    let label = label.unwrap_or_else(|| name.to_string());
    (etype, kb_id, without_hashtags(label))
}

/// A label without the hash signs of hashtags inside it ("Mohamed #Abrini"
/// → "Mohamed Abrini"): tweets tag names, and the tagger learned to take the
/// sign into the name.
fn without_hashtags(label: String) -> String {
    let tagged = |(i, c): (usize, char)| {
        c == '#'
            && label[..i]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace)
            && label[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    };
    if !label.char_indices().any(tagged) {
        return label;
    }
    label
        .char_indices()
        .filter(|&ic| !tagged(ic))
        .map(|(_, c)| c)
        .collect()
}

/// A person's or place's name written in capitals (a dateline "EISENBERG",
/// a headline) in the usual case: "Eisenberg". `None` unless every letter is
/// a capital and some word has at least four letters; organizations keep
/// theirs, since they may be acronyms ("UNESCO").
fn title_case(name: &str) -> Option<String> {
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    if letters().any(char::is_lowercase)
        || !name
            .split([' ', '-'])
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
    {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    Some(out)
}

/// Short adjectives that start names in their weak or plural form
/// ("der Neuen Zürcher Zeitung", "die Vereinten Nationen"); longer ones are
/// told by their endings ([`is_leading_adjective`]).
const LEADING_ADJECTIVES: &[&str] = &[
    "Deutschen",
    "Neuen",
    "Freien",
    "Alten",
    "Großen",
    "Hohen",
    "Ersten",
    "Heiligen",
    "Roten",
    "Weißen",
    "Schwarzen",
    "Blauen",
    "Goldenen",
    "Vereinigten",
    "Vereinten",
    "Oberen",
    "Unteren",
    "Inneren",
];

/// Whether `w` is an adjective in -en that can start a name: "Rheinischen",
/// "Christlichen", "Nationalen", "Kulturellen", "Humanitären", "Deutschen".
fn is_leading_adjective(w: &str) -> bool {
    crate::text::is_capitalized(w)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && (LEADING_ADJECTIVES.contains(&w)
            || (w.chars().count() >= 6
                && ["ischen", "lichen", "igen", "alen", "ellen", "ären"]
                    .iter()
                    .any(|e| w.ends_with(e))))
}

/// The label of a name found only in an oblique case: its leading -en
/// adjectives in the -e form, which is the nominative after the definite
/// article in the singular ("der Rheinischen Post" → "Rheinische Post") and
/// without an article in the plural ("den Kanarischen Inseln" →
/// "Kanarische Inseln"). `None` when the name starts otherwise or is one
/// word.
fn nominative(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let lead = words.iter().take_while(|w| is_leading_adjective(w)).count();
    let head = words.get(lead)?;
    if lead == 0 || !crate::text::is_capitalized(head) {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(if k < lead { &w[..w.len() - 1] } else { w });
    }
    Some(out)
}

/// The most frequent type in a group; ties go to the first mention's type.
fn majority_type(ms: &[Mention], group: &[usize]) -> EntityType {
    let mut counts = [0usize; 3];
    for &i in group {
        counts[ms[i].etype as usize] += 1;
    }
    let first = ms[group[0]].etype;
    EntityType::ALL
        .into_iter()
        .max_by_key(|&t| (counts[t as usize], t == first))
        .unwrap_or(first)
}

/// The surname of a name that is only particles and a surname ("von der
/// Leyen", "Von der Leyen"): it stands for the full name ("Ursula von der
/// Leyen") as a bare surname does.
fn particle_surname(name: &str) -> Option<&str> {
    // most names start with no particle
    let first = name.split(' ').next()?;
    if !crate::recognize::particles::is_particle(first) {
        return None;
    }
    let (particles, surname) = name.rsplit_once(' ')?;
    particles
        .split(' ')
        .all(crate::recognize::particles::is_particle)
        .then_some(surname)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::AliasLink;

    fn mention(text: &str, s: &str, nth: usize, etype: EntityType) -> Mention {
        let start = text.match_indices(s).nth(nth).unwrap().0;
        Mention {
            sentence: 0,
            start,
            end: start + s.len(),
            etype,
            kb_id: None,
            canonical: None,
            source: Source::Pattern,
            derived: false,
        }
    }

    /// Resolve the persons named by (surface, nth occurrence) in `text`.
    fn persons(text: &str, names: &[(&str, usize)]) -> Resolved {
        let r = Recognized {
            mentions: names
                .iter()
                .map(|&(s, nth)| mention(text, s, nth, EntityType::Per))
                .collect(),
            aliases: vec![],
        };
        resolve(text, &r)
    }

    #[test]
    fn a_surname_with_particles_joins_the_full_name() {
        let text = "Vera von der Beispiel kam. Von der Beispiel sprach, von der Beispiel ging.";
        let names = [
            ("Vera von der Beispiel", 0),
            ("Von der Beispiel", 0),
            ("von der Beispiel", 1),
        ];
        let res = persons(text, &names);
        assert_eq!(res.entities.len(), 1, "{:?}", res.entities);
        assert_eq!(&*res.entities[0].id, "per:vera-von-der-beispiel");
    }

    #[test]
    fn surname_and_genitive_join_the_full_name() {
        let text = "Vera Beispiel kam. Beispiel sprach. Beispiels Rede.";
        let names = [("Vera Beispiel", 0), ("Beispiel", 1), ("Beispiels", 0)];
        let res = persons(text, &names);
        assert_eq!(res.entities.len(), 1, "{:?}", res.entities);
        assert_eq!(res.entities[0].label, "Vera Beispiel");
        assert_eq!(&*res.entities[0].id, "per:vera-beispiel");
        assert_eq!(res.entities[0].aliases.len(), 3);
    }

    #[test]
    fn words_of_address_are_no_part_of_a_name() {
        assert_eq!(without_honorifics("Frau Merkel"), "Merkel");
        assert_eq!(
            without_honorifics("Herr Dr. Hans Roselieb"),
            "Hans Roselieb"
        );
        assert_eq!(without_honorifics("Prof.  Vera Beispiel"), "Vera Beispiel");
        assert_eq!(without_honorifics("Herr"), "Herr");
        assert_eq!(without_honorifics("Frau Dr."), "Dr.");
        assert_eq!(without_honorifics("Herrmann Beispiel"), "Herrmann Beispiel");
    }

    #[test]
    fn a_surname_after_a_word_of_address_joins_the_full_name() {
        let text = "Vera Beispiel kam. Frau Beispiel sprach. Herr Dr. Otto Muster nickte. Herr Muster ging.";
        let r = Recognized {
            mentions: vec![
                mention(text, "Vera Beispiel", 0, EntityType::Per),
                mention(text, "Frau Beispiel", 0, EntityType::Per),
                mention(text, "Herr Dr. Otto Muster", 0, EntityType::Per),
                mention(text, "Herr Muster", 0, EntityType::Per),
            ],
            aliases: vec![],
        };
        let res = resolve(text, &r);
        let labels: Vec<&str> = res.entities.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Vera Beispiel", "Otto Muster"]);
        assert_eq!(res.mention_entity, [0, 0, 1, 1]);
        assert_eq!(&*res.entities[1].id, "per:otto-muster");
        assert!(res.entities[0].aliases.contains("Frau Beispiel"));
    }

    #[test]
    fn a_person_named_only_with_a_word_of_address_is_labelled_by_the_surname() {
        let text = "Herr Beispiel sprach.";
        let r = Recognized {
            mentions: vec![mention(text, "Herr Beispiel", 0, EntityType::Per)],
            aliases: vec![],
        };
        let res = resolve(text, &r);
        assert_eq!(res.entities[0].label, "Beispiel");
        assert_eq!(&*res.entities[0].id, "per:beispiel");
    }

    #[test]
    fn labels_leave_out_the_hash_signs_of_hashtags() {
        assert_eq!(without_hashtags("Mohamed #Abrini".into()), "Mohamed Abrini");
        assert_eq!(without_hashtags("#Eißendorf".into()), "Eißendorf");
        assert_eq!(without_hashtags("C# Foundation".into()), "C# Foundation");
        assert_eq!(without_hashtags("Nr. #1".into()), "Nr. #1");
        assert_eq!(without_hashtags("#".into()), "#");
    }

    #[test]
    fn ambiguous_surname_stays_alone() {
        let text = "Vera Beispiel und Otto Beispiel. Beispiel sprach.";
        let r = Recognized {
            mentions: vec![
                mention(text, "Vera Beispiel", 0, EntityType::Per),
                mention(text, "Otto Beispiel", 0, EntityType::Per),
                mention(text, "Beispiel", 2, EntityType::Per),
            ],
            aliases: vec![],
        };
        let res = resolve(text, &r);
        assert_eq!(res.entities.len(), 3);
    }

    #[test]
    fn capitals_become_title_case() {
        assert_eq!(title_case("EISENBERG").as_deref(), Some("Eisenberg"));
        assert_eq!(title_case("SÜDHESSEN").as_deref(), Some("Südhessen"));
        assert_eq!(title_case("BADEN-BADEN").as_deref(), Some("Baden-Baden"));
        assert_eq!(title_case("ANNA MÜLLER").as_deref(), Some("Anna Müller"));
        assert_eq!(title_case("Eisenberg"), None);
        assert_eq!(title_case("USA"), None);
        assert_eq!(title_case("A 7"), None);
    }

    #[test]
    fn oblique_names_get_nominative_labels() {
        for (name, label) in [
            ("Rheinischen Post", Some("Rheinische Post")),
            (
                "Deutschen Gesellschaft für Krisenmanagement e.V.",
                Some("Deutsche Gesellschaft für Krisenmanagement e.V."),
            ),
            ("Neuen Zürcher Zeitung", Some("Neue Zürcher Zeitung")),
            ("Kanarischen Inseln", Some("Kanarische Inseln")),
            (
                "Christlich-Demokratischen Union",
                Some("Christlich-Demokratische Union"),
            ),
            // nothing to change: nominative, one word, no adjective, lowercase head
            ("Rheinische Post", None),
            ("Grünen", None),
            ("Sachsen Bank", None),
            ("Essen Motor Show", None),
            ("Deutschen", None),
            ("Europäischen und", None),
        ] {
            assert_eq!(nominative(name).as_deref(), label, "{name}");
        }
        // the label and id of an entity found only in the dative
        let text = "Er sagte der Rheinischen Post am Montag etwas.";
        let rec = Recognized {
            mentions: vec![mention(text, "Rheinischen Post", 0, EntityType::Org)],
            ..Default::default()
        };
        let res = resolve(text, &rec);
        assert_eq!(res.entities[0].label, "Rheinische Post");
        assert_eq!(&*res.entities[0].id, "org:rheinische-post");
        assert!(res.entities[0].aliases.contains("Rheinischen Post"));
    }

    #[test]
    fn alias_links_and_kb_ids_join() {
        let text = "Die Liga freier Muster (LFM) und die LFM.";
        let r = Recognized {
            mentions: vec![
                mention(text, "Liga freier Muster", 0, EntityType::Org),
                mention(text, "LFM", 0, EntityType::Org),
                mention(text, "LFM", 1, EntityType::Org),
            ],
            aliases: vec![AliasLink { long: 0, short: 1 }],
        };
        let res = resolve(text, &r);
        assert_eq!(res.entities.len(), 1);
        assert_eq!(res.entities[0].label, "Liga freier Muster");
        assert_eq!(res.mention_entity, vec![0, 0, 0]);

        let mut ms = r.mentions.clone();
        ms[0].kb_id = Some("Q1".into());
        ms[2].kb_id = Some("Q1".into());
        ms[2].source = Source::Gazetteer;
        ms[2].canonical = Some("Liga".into());
        let res = resolve(
            text,
            &Recognized {
                mentions: ms,
                aliases: vec![],
            },
        );
        assert_eq!(res.entities.len(), 1, "{:?}", res.entities);
        assert_eq!(&*res.entities[0].id, "Q1");
        assert_eq!(res.entities[0].label, "Liga");
    }
}
