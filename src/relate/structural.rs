//! Structural relations read from one sentence: `leads` and
//! `affiliated_with` from role titles ("NATO-Generalsekretär Jens
//! Stoltenberg", "X war zuletzt Chef des Geheimdienstes Y", "CDU-Politiker
//! X", "X (SPD)"), "led by" participles ("der von Russland geführten Allianz
//! Y"), and `member_of` from membership verbs and nouns ("Der Y gehören A
//! und B an", "A ist Mitglied der Y", "NATO-Mitglied A").

use std::cell::OnceCell;
use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::events::MAX_PARTICLE_DISTANCE;
use super::sentence::{is_determiner, is_preposition, SentenceView, MAX_COORDINATED};
use super::{Arg, DocumentView, Found, Relater, RelationKind};
use crate::lexicon::relation_patterns::CueKind;
use crate::lexicon::roles::{Role, RoleCategory};
use crate::recognize::EntityType;
use crate::resolve::Entity;
use crate::text::{fold, is_capitalized};

/// Words that link a role to the organization it is held in.
const ROLE_LINKS: &[&str] = &["des", "der", "von", "vom", "bei", "beim", "im", "für"];

/// Conjunctions: never skipped between a name and its role.
const CONJUNCTIONS: &[&str] = &["und", "oder", "sowie", "aber", "doch", "sondern"];

/// Prepositions that keep an actor out of a membership list.
const NOT_MEMBER_PREPS: &[&str] = &[
    "von", "vom", "in", "im", "aus", "laut", "mit", "seit", "nach", "bei", "beim", "für", "gegen",
    "zu", "zum", "zur", "über", "wegen", "unter", "durch",
];

/// The organizations and places of a document by folded name and alias,
/// for role words whose prefix names one ("Hermes-Geschäftsführer").
/// The name table is built on first use: most documents never ask.
pub(crate) struct EntityNames<'v> {
    entities: &'v [Entity],
    by_name: OnceCell<HashMap<String, usize, FixedState>>,
    etypes: Vec<EntityType>,
}

impl<'v> EntityNames<'v> {
    pub(crate) fn new(view: &DocumentView<'v>) -> EntityNames<'v> {
        EntityNames {
            entities: &view.resolved.entities,
            by_name: OnceCell::new(),
            etypes: view.resolved.entities.iter().map(|e| e.etype).collect(),
        }
    }

    /// The ORG/LOC entity with this name or alias.
    fn get(&self, name: &str) -> Option<usize> {
        let folded = fold(name);
        if folded.chars().count() < 2 {
            return None;
        }
        let by_name = self.by_name.get_or_init(|| {
            let mut by_name = HashMap::default();
            for (i, e) in self.entities.iter().enumerate() {
                if e.etype == EntityType::Per {
                    continue;
                }
                by_name.entry(fold(&e.label)).or_insert(i);
                for a in &e.aliases {
                    by_name.entry(fold(a)).or_insert(i);
                }
            }
            by_name
        });
        by_name.get(&folded).copied()
    }
}

/// Add the structural relations of one sentence to `out`.
pub(crate) fn find(r: &Relater, sv: &SentenceView<'_>, names: &EntityNames, out: &mut Vec<Found>) {
    roles(r, sv, names, out);
    led_by(r, sv, out);
    lead_verbs(r, sv, out);
    party_after_name(r, sv, out);
    membership(r, sv, out);
}

fn is_per(sv: &SentenceView<'_>, a: usize) -> bool {
    sv.actors[a].etype == EntityType::Per && !sv.actors[a].embedded
}

fn is_org_or_loc(sv: &SentenceView<'_>, a: usize) -> bool {
    matches!(sv.actors[a].etype, EntityType::Org | EntityType::Loc)
}

/// Role titles: `leads` (heads, leaders) and `affiliated_with` (ministers,
/// members, politicians) between a person and an organization or country.
fn roles(r: &Relater, sv: &SentenceView<'_>, names: &EntityNames, out: &mut Vec<Found>) {
    // the person of the last role and the token after that role: "X ist
    // Direktor des A und Vorstandsmitglied der B"
    let mut last_person: Option<(usize, usize)> = None;
    for i in 0..sv.len() {
        let w = sv.words[i];
        if sv.actor_at[i].is_some() || !is_capitalized(w) {
            continue;
        }
        // the role's first token: "Managing Director" starts a word earlier
        let (first, head, role) = match r.roles.find_phrase_ending(&sv.words, i) {
            Some((first, role)) if sv.actor_at[first..i].iter().all(Option::is_none) => {
                (first, "", role)
            }
            _ => match find_role(r, names, w) {
                Some((head, role)) => (i, head, role),
                None => continue,
            },
        };
        let mut kind = match role.category {
            RoleCategory::HeadOfState
            | RoleCategory::HeadOfGovernment
            | RoleCategory::PartyLeader
            | RoleCategory::OrgLeader => RelationKind::Leads,
            RoleCategory::Minister | RoleCategory::Member => RelationKind::AffiliatedWith,
            RoleCategory::Title => continue,
        };
        let mut role_name = role_name(w, head, &role.lemma);
        let parts: Vec<&str> = head.split('-').filter(|p| !p.is_empty()).collect();
        // deputies and founders hold a role without leading
        let deputy = parts.iter().any(|p| r.patterns.is_deputy(&fold(p)))
            || (1..=2).any(|k| {
                first >= k
                    && !sv.capitalized[first - k]
                    && r.patterns.is_deputy(sv.lower[first - k])
            });
        if deputy || r.patterns.is(&fold(&role.lemma), CueKind::NotLeading) {
            kind = RelationKind::AffiliatedWith;
        }
        let mut former = parts.iter().any(|p| r.patterns.is_former(&fold(p)))
            || (1..=2).any(|k| {
                first >= k
                    && !sv.capitalized[first - k]
                    && r.patterns.is_former(sv.lower[first - k])
            });

        // The organization or country.
        let mut targets: Vec<Arg> = Vec::new();
        let mut after_target = i + 1;
        // an entity right before the role inside the word: "NATO-Generalsekretär",
        // not "EU-Parlamentschef" (the head of the parliament)
        let head_end = sv.sentence.tokens[i].start + head.len();
        let embedded = sv.embedded_at[i].filter(|&a| {
            is_org_or_loc(sv, a)
                && (sv.actors[a].end == head_end
                    || sv.actors[a].end + 1 == head_end && head.ends_with('s'))
        });
        // a place glued to a role it does not hold: "Cornerstone-Deutschlandchef"
        // manages the company's business in Germany; the company, if named,
        // is the target
        let regional = !head.is_empty()
            && !w[head.len()..].starts_with('-')
            && (embedded.is_some_and(|a| {
                sv.actors[a].etype == EntityType::Loc && sv.actors[a].end == head_end
            }) || parts
                .last()
                .and_then(|p| names.get(p))
                .is_some_and(|e| names.etypes[e] == EntityType::Loc));
        if regional {
            let org = parts.len().checked_sub(2).map(|k| parts[k]).and_then(|p| {
                names
                    .get(p)
                    .filter(|&e| names.etypes[e] == EntityType::Org)
                    .map(|e| (p, e))
            });
            let Some((prefix, e)) = org else {
                continue;
            };
            targets.push(prefix_arg(sv, i, w, prefix, e));
        } else if let Some(a) = embedded {
            targets.push(Arg::from(&sv.actors[a]));
        } else if let Some((prefix, e)) = prefix_entity(r, names, w, head, &parts) {
            if !w[head.len()..].starts_with('-') {
                // "Bahnchef" is a "Chef" of the Bahn
                role_name = role.lemma.clone();
            }
            targets.push(prefix_arg(sv, i, w, prefix, e));
        }
        if targets.is_empty() {
            if let Some((ts, next)) = genitive_target(sv, i + 1) {
                targets = ts;
                after_target = next;
            }
        }
        let mut before_org = false;
        if targets.is_empty() && first > 0 {
            // "der kasachische Präsident X", "Bayerns Staatssekretär X",
            // "beauty alliance Geschäftsführer X"
            if let Some(a) = sv.actor_at[first - 1].filter(|&a| is_org_or_loc(sv, a)) {
                let act = &sv.actors[a];
                let token_end = sv.sentence.tokens[act.last].end;
                let genitive = act.etype == EntityType::Loc
                    && act.last + 1 == first
                    && sv.text[act.start..token_end].ends_with('s');
                if act.adjectival || genitive || act.etype == EntityType::Org {
                    targets.push(Arg::from(act));
                    before_org = act.etype == EntityType::Org;
                }
            }
        }
        // "Managing Director X von Y", "Präsident X von Y"
        let mut person_after = None;
        if targets.is_empty() {
            if let Some(p) = sv.actor_starting(i + 1).filter(|&a| is_per(sv, a)) {
                let j = sv.actors[p].last + 1;
                if matches!(
                    sv.lower.get(j).copied(),
                    Some("von" | "vom" | "bei" | "beim")
                ) {
                    if let Some(o) = sv
                        .actor_after_determiners(j + 1, 1)
                        .filter(|&o| is_org_or_loc(sv, o))
                    {
                        targets.push(Arg::from(&sv.actors[o]));
                        person_after = Some(p);
                    }
                }
            }
        }
        if targets.is_empty() {
            continue;
        }
        if kind == RelationKind::AffiliatedWith
            && role.category == RoleCategory::Member
            && targets
                .iter()
                .all(|t| names.etypes[t.entity] != EntityType::Org)
        {
            continue;
        }

        // The person: after the role ("Generalsekretär X", "Chef der Y, X"),
        // before it ("X, Chef der Y"), or linked by a copula ("X war Chef der Y").
        let mut person = person_after;
        let mut j = after_target;
        if sv.words.get(j) == Some(&"(") {
            if let Some(k) = (j..sv.len()).find(|&k| sv.words[k] == ")") {
                j = k + 1;
            }
        }
        if j > i + 1 && sv.words.get(j) == Some(&",") {
            j += 1;
        } else if j == i + 1 && sv.words.get(j) == Some(&",") {
            // "Der NATO-Generalsekretär, X, sagte": the name set off by commas
            let closed = sv.actor_starting(j + 1).is_some_and(|a| {
                is_per(sv, a)
                    && matches!(
                        sv.words.get(sv.actors[a].last + 1).copied(),
                        Some("," | "." | ";" | ":") | None
                    )
            });
            if closed {
                j += 1;
            }
        }
        if person.is_none() {
            person = sv.actor_starting(j).filter(|&a| is_per(sv, a));
        }
        if person.is_none() && !before_org {
            person = person_before(r, sv, first, &mut former);
        }
        if person.is_none() && !before_org {
            person =
                last_person.and_then(|(p, after)| coordinated_role(sv, after, first).then_some(p));
        }
        let Some(p) = person else {
            continue;
        };
        last_person = Some((p, after_target));
        for pa in sv.coordinated(p) {
            if !is_per(sv, pa) {
                continue;
            }
            for t in &targets {
                let mut f = Found::new(kind, Some(Arg::from(&sv.actors[pa])), *t, i);
                f.trigger = Some(role.lemma.clone());
                f.role = Some(role_name.clone());
                f.former = former;
                out.push(f);
            }
        }
    }
}

/// The argument named by `prefix`, a slice of token `i`'s text `w`, for
/// entity `e`: its byte span in the document.
fn prefix_arg(sv: &SentenceView<'_>, i: usize, w: &str, prefix: &str, e: usize) -> Arg {
    let start = sv.sentence.tokens[i].start + (prefix.as_ptr() as usize - w.as_ptr() as usize);
    Arg {
        entity: e,
        start,
        end: start + prefix.len(),
    }
}

/// The organization or place a role word's prefix names, when the document
/// names it too: "Deutsche-Bank-Chef" (all parts: "Deutsche Bank"),
/// "Hermes-Geschäftsführer" (the last part), "Bahnchef" (a closed compound:
/// organizations only, so "Außenminister" or "Parlamentschef" name nothing).
/// Returns the prefix as a slice of `w` and the entity.
fn prefix_entity<'w>(
    r: &Relater,
    names: &EntityNames,
    w: &'w str,
    head: &'w str,
    parts: &[&'w str],
) -> Option<(&'w str, usize)> {
    let kept: Vec<&str> = parts
        .iter()
        .copied()
        .skip_while(|p| r.patterns.is_former(&fold(p)))
        .collect();
    let last = *kept.last()?;
    if !w[head.len()..].starts_with('-') {
        // closed compound: "Bahnchef", "EU-Parlamentschef" (the last part only)
        let e = names.get(last)?;
        return (names.etypes[e] == EntityType::Org).then_some((last, e));
    }
    if kept.len() > 1 {
        let first = kept[0];
        let start = first.as_ptr() as usize - head.as_ptr() as usize;
        let end = last.as_ptr() as usize - head.as_ptr() as usize + last.len();
        let whole = &head[start..end];
        if let Some(e) = names
            .get(&whole.replace('-', " "))
            .or_else(|| names.get(whole))
        {
            return Some((whole, e));
        }
    }
    names.get(last).map(|e| (last, e))
}

/// The role in a word, as [`RoleLexicon::find_in_word`] finds it, except
/// that the last two parts of a hyphenated word form the role when the
/// lexicon has them as one word: "SPD-Fraktions-Chef" is a "Fraktionschef"
/// of the SPD, while "Amazon-Video-Chef" stays a "Chef" of "Video" and
/// "Nordstern-Bank-Chef" a "Chef" of the Nordstern Bank when the text names
/// it.
///
/// [`RoleLexicon::find_in_word`]: crate::lexicon::roles::RoleLexicon::find_in_word
fn find_role<'w, 'r>(
    r: &'r Relater,
    names: &EntityNames,
    w: &'w str,
) -> Option<(&'w str, &'r Role)> {
    let (head, role) = r.role_in_word(w)?;
    // "Nordstern-Bank-Chef" heads the Nordstern Bank, when the text names it
    let named = || names.get(&head.replace('-', " ")).is_some() || names.get(head).is_some();
    if let Some(tail) = w[head.len()..].strip_prefix('-').filter(|_| !named()) {
        if let Some((rest, last)) = head.rsplit_once('-') {
            if !last.is_empty() && !rest.is_empty() {
                let joined = format!("{}{}", last, fold(tail));
                if let Some(whole) = r.roles.get(&joined) {
                    return Some((rest, whole));
                }
            }
        }
    }
    Some((head, role))
}

/// Whether a role starting at `first` continues the role before it, whose
/// organization ends before `after`: "und Vorstandsmitglied", ", sowie
/// kaufmännischer Geschäftsführer", with no person in between.
fn coordinated_role(sv: &SentenceView<'_>, after: usize, first: usize) -> bool {
    if after >= first {
        return false;
    }
    let mut k = first;
    // adjectives: "und kaufmännischer Geschäftsführer"
    while k > after
        && first - k < 2
        && !is_capitalized(sv.words[k - 1])
        && sv.words[k - 1].chars().all(char::is_alphabetic)
        && !CONJUNCTIONS.contains(&sv.lower[k - 1])
    {
        k -= 1;
    }
    k > after
        && matches!(sv.lower[k - 1], "und" | "sowie")
        && (after..k).all(|j| sv.actor_at[j].is_none_or(|a| sv.actors[a].etype != EntityType::Per))
}

/// The role as written, without an entity prefix: "Generalsekretär" for
/// "NATO-Generalsekretär", "Außenminister" for "Außenministerin".
fn role_name(word: &str, head: &str, lemma: &str) -> String {
    let tail_start = word.rfind('-').map_or(0, |p| p + 1);
    let role_start = head.len() + usize::from(word[head.len()..].starts_with('-'));
    if role_start > tail_start {
        // a closed compound after the last hyphen: "Außen" + "minister"
        format!("{}{}", &word[tail_start..role_start], fold(lemma))
    } else {
        lemma.to_string()
    }
}

/// After a role at `i - 1`: "des Geheimdienstes KNB", "der Volksbank X",
/// "von Euronews und Africanews", "Kasachstans". Returns the targets and the
/// token after them.
fn genitive_target(sv: &SentenceView<'_>, j: usize) -> Option<(Vec<Arg>, usize)> {
    let (actors, next) = genitive_actors(sv, j)?;
    let targets = actors
        .into_iter()
        .filter(|&x| is_org_or_loc(sv, x))
        .map(|x| Arg::from(&sv.actors[x]))
        .collect();
    Some((targets, next))
}

/// [`genitive_target`] as actor indices: the coordinated actors and the
/// token after them.
fn genitive_actors(sv: &SentenceView<'_>, mut j: usize) -> Option<(Vec<usize>, usize)> {
    let linked = sv.lower.get(j).is_some_and(|w| ROLE_LINKS.contains(w));
    if linked {
        j += 1;
        if sv.lower.get(j).is_some_and(|&w| is_determiner(w)) {
            j += 1;
        }
        // up to three plain words: "des Geheimdienstes KNB", "der führenden
        // deutschen Parfümeriekooperation X"
        for _ in 0..3 {
            if let Some(a) = sv.actor_starting(j) {
                if !is_place_adjective(sv, a) {
                    break;
                }
                j = sv.actors[a].last + 1;
                continue;
            }
            let w = sv.words.get(j)?;
            // plain words and "von" only ("der Geschäftsführung von X"):
            // "des Bundes der Beamten Hessen" does not make Hessen the organization
            let lw = sv.lower[j];
            if !w.chars().all(|c| c.is_alphabetic() || c == '-')
                || sv.actor_at[j].is_some()
                || is_determiner(lw)
                || (is_preposition(lw) && lw != "von")
            {
                return None;
            }
            j += 1;
        }
    }
    let a = sv.actor_starting(j).filter(|&a| is_org_or_loc(sv, a))?;
    if !linked {
        // bare genitive: "Präsident Kasachstans"
        let surface = &sv.text[sv.actors[a].start..sv.actors[a].end];
        let token_end = sv.sentence.tokens[sv.actors[a].last].end;
        if !(surface.ends_with('s') || token_end > sv.actors[a].end) || sv.actors[a].adjectival {
            return None;
        }
    }
    let all = sv.coordinated(a);
    let next = sv.actors[*all.last()?].last + 1;
    Some((all, next))
}

/// A place used as an adjective before a noun: "des deutschen Autobauers
/// X", "des Kölner Versicherers X" (city adjectives end in "-er").
fn is_place_adjective(sv: &SentenceView<'_>, a: usize) -> bool {
    let act = &sv.actors[a];
    let next = act.last + 1;
    act.etype == EntityType::Loc
        && (act.adjectival || sv.text[act.start..act.end].ends_with("er"))
        && sv
            .words
            .get(next)
            .is_some_and(|w| is_capitalized(w) && w.chars().all(|c| c.is_alphabetic() || c == '-'))
        && sv.actor_at[next].is_none()
}

/// "X, Chef der Y" / "X: Direktor des Y" / "X war zuletzt Chef der Y".
fn person_before(r: &Relater, sv: &SentenceView<'_>, i: usize, former: &mut bool) -> Option<usize> {
    let mut k = i;
    let mut between_former = false;
    // skip determiners, lowercase adverbs ("der", "zuletzt") and a time
    // ("seit 2019", "seit Mai")
    for _ in 0..3 {
        if k == 0 {
            return None;
        }
        let w = sv.lower[k - 1];
        let word = sv.words[k - 1];
        if k >= 2 && is_time_phrase(sv, k - 2) {
            k -= 2;
        } else if is_determiner(w)
            || (!is_capitalized(word)
                && word.chars().all(char::is_alphabetic)
                && !CONJUNCTIONS.contains(&w)
                && !r.patterns.is(w, CueKind::Copula))
        {
            between_former |= r.patterns.is_former(w);
            k -= 1;
        } else {
            break;
        }
    }
    if k == 0 {
        return None;
    }
    let w = sv.lower[k - 1];
    let mut person_end =
        if k >= 3 && r.patterns.phrase_at(&sv.lower, k - 2, CueKind::Copula) == Some(2) {
            k - 3
        } else if w == "," || w == ":" || w == "(" || r.patterns.is(w, CueKind::Copula) {
            k.checked_sub(2)?
        } else {
            return None;
        };
    // "Hubert Finke (l.) als Leiter"
    if sv.words[person_end] == ")" {
        let open = (person_end.saturating_sub(5)..person_end)
            .rev()
            .find(|&o| sv.words[o] == "(")?;
        person_end = open.checked_sub(1)?;
    }
    let a = sv.actor_at[person_end]?;
    if !is_per(sv, a) || sv.actors[a].last != person_end {
        return None;
    }
    // the first person of a coordination: "A und B sind Geschäftsführer"
    let mut first = a;
    while first > 0 && a - first < MAX_COORDINATED {
        let prev = first - 1;
        if sv.actors[prev].embedded || !sv.coordinated(prev).contains(&first) {
            break;
        }
        first = prev;
    }
    *former |= between_former;
    Some(first)
}

/// Words that, after "seit", "ab", "bis", "im" or "am", make a time
/// phrase: "seit Mai", "seit Jahren", "am Montag" (numbers count too:
/// "seit 2019").
const TIME_WORDS: &[&str] = &[
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jahren",
    "monaten",
    "wochen",
    "langem",
    "kurzem",
    "anfang",
    "ende",
    "frühjahr",
    "sommer",
    "herbst",
    "winter",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

/// "seit 2019", "seit Mai", "ab Januar", "im Mai", "am Montag": two tokens
/// from `k`.
fn is_time_phrase(sv: &SentenceView<'_>, k: usize) -> bool {
    matches!(sv.lower[k], "seit" | "ab" | "bis" | "im" | "am")
        && sv
            .lower
            .get(k + 1)
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) || TIME_WORDS.contains(w))
}

/// "der von Russland geführten Militärallianz OVKS": country or person
/// `leads` organization.
fn led_by(r: &Relater, sv: &SentenceView<'_>, out: &mut Vec<Found>) {
    for i in 1..sv.len() {
        if !r.patterns.is_led_by(sv.lower[i]) {
            continue;
        }
        let Some(leader) = sv.actor_at[i - 1] else {
            continue;
        };
        if sv.actors[leader].last != i - 1
            || !matches!(sv.preposition_before(leader), Some("von" | "vom"))
        {
            continue;
        }
        // up to two words ("Militärallianz"), then the organization
        let mut j = i + 1;
        let mut org = None;
        for _ in 0..3 {
            if let Some(a) = sv.actor_starting(j) {
                org = Some(a);
                break;
            }
            match sv.words.get(j) {
                Some(w) if w.chars().all(char::is_alphabetic) => j += 1,
                _ => break,
            }
        }
        let Some(o) = org.filter(|&o| sv.actors[o].etype == EntityType::Org) else {
            continue;
        };
        out.push(led_by_trigger(sv, leader, o, i, "führen"));
    }
}

/// Subordinating words after which a person is the subject of a clause
/// with the verb at its end: "dass X die Y leitet".
const SUBJUNCTIONS: &[&str] = &[
    "dass", "weil", "da", "ob", "wenn", "nachdem", "seit", "seitdem",
];

/// Verbs and phrases of leading: `leads` person → organization.
///
/// - "X leitet (seit 2019) die Y", "Seit 2019 leitet X die Y"
/// - "X, der die Y leitet", "dass X die Y leitet"
/// - "Die Y wird von X geleitet", "die Y, die von X geführt wird"
/// - "X steht an der Spitze der Y", "An der Spitze der Y steht X",
///   "X, der an der Spitze der Y steht"
///
/// A negated or modal clause gives nothing; a simple past ("leitete",
/// "stand") marks the role as former.
fn lead_verbs(r: &Relater, sv: &SentenceView<'_>, out: &mut Vec<Found>) {
    for i in 0..sv.len() {
        if sv.actor_at[i].is_some() || sv.blocked[sv.clause[i]] {
            continue;
        }
        let (found, trigger, former) = if is_an_der_spitze(sv, i) {
            let (found, past) = spitze(r, sv, i);
            (found, "Spitze", past)
        } else if LEADERSHIP_NOUNS.contains(&sv.lower[i]) && sv.capitalized[i] {
            let found = takes_over(r, sv, i).or_else(|| under_leadership(sv, i));
            (found, "Leitung", false)
        } else {
            if !sv.cues[i].has_verb_cue() {
                continue;
            }
            let (_, ce) = sv.clause_range(sv.clause[i]);
            let cue = r.patterns.verb(sv.lower[i]).iter().find_map(|(k, c)| {
                let particle_ok = c.particle.as_ref().is_none_or(|p| {
                    (i + 1..ce.min(i + 1 + MAX_PARTICLE_DISTANCE)).any(|k| sv.lower[k] == *p)
                });
                (*k == CueKind::LeadVerb && particle_ok).then_some(c)
            });
            let Some(cue) = cue else {
                continue;
            };
            let found = if cue.participle {
                passive_leader(r, sv, i)
            } else {
                active_leader(r, sv, i)
            };
            let trigger = if sv.lower[i].contains("leit") {
                "leiten"
            } else {
                "führen"
            };
            (found, trigger, cue.past)
        };
        let Some((person, org)) = found else {
            continue;
        };
        let mut f = led_by_trigger(sv, person, org, i, trigger);
        f.former = former;
        out.push(f);
    }
}

fn is_org(sv: &SentenceView<'_>, a: usize) -> bool {
    let act = &sv.actors[a];
    act.etype == EntityType::Org && !act.embedded && !act.adjectival
}

/// A person that can be a subject: standalone, not after a preposition.
fn is_subject_person(sv: &SentenceView<'_>, p: usize) -> bool {
    is_per(sv, p) && sv.preposition_before(p).is_none()
}

/// Whether a word (`w`, lowercase `lw`) can be an adverb between a verb and
/// its arguments: a lowercase word of letters that is no conjunction,
/// determiner, preposition, subjunction, copula or negation.
fn is_adverb_like(r: &Relater, w: &str, lw: &str) -> bool {
    !(is_capitalized(w)
        || !w.chars().all(char::is_alphabetic)
        || CONJUNCTIONS.contains(&lw)
        || is_determiner(lw)
        || is_preposition(lw)
        || SUBJUNCTIONS.contains(&lw)
        || r.patterns.is(lw, CueKind::Copula)
        || r.patterns.is(lw, CueKind::Negation))
}

/// The first token after adverbs and time phrases from `j` ("seit 2019
/// bereits"): at most three words, lowercase, no conjunction, determiner,
/// preposition or copula.
fn skip_adverbs(r: &Relater, sv: &SentenceView<'_>, mut j: usize) -> usize {
    for _ in 0..3 {
        if j + 1 < sv.len() && is_time_phrase(sv, j) {
            j += 2;
            continue;
        }
        let Some(w) = sv.words.get(j) else {
            break;
        };
        if !is_adverb_like(r, w, sv.lower[j]) {
            break;
        }
        j += 1;
    }
    j
}

/// The start of the adverbs and time phrases ending before `j`, walking
/// left (at most three words).
fn skip_adverbs_back(r: &Relater, sv: &SentenceView<'_>, mut j: usize) -> usize {
    for _ in 0..3 {
        if j >= 2 && is_time_phrase(sv, j - 2) {
            j -= 2;
            continue;
        }
        if j == 0 {
            break;
        }
        let lw = sv.lower[j - 1];
        if !is_adverb_like(r, sv.words[j - 1], lw)
            || r.patterns.is(lw, CueKind::PassiveAux)
            || stehen_form(lw).is_some()
            || TAKE_OVER.contains(&lw)
        {
            break;
        }
        j -= 1;
    }
    j
}

/// The organization object from `j`: "die Y", "die Partei Y" (determiner
/// and at most one more word).
fn org_object(sv: &SentenceView<'_>, j: usize) -> Option<usize> {
    sv.actor_after_determiners(j, 2).filter(|&o| is_org(sv, o))
}

/// A person subject ending at `end` (inclusive) whose clause starts there:
/// the sentence start, after a comma, colon or dash.
fn person_ending_at(sv: &SentenceView<'_>, end: usize) -> Option<usize> {
    let p = sv.actor_at[end]?;
    (is_subject_person(sv, p) && sv.actors[p].last == end).then_some(p)
}

/// A finite verb of leading at `v`: its person subject and organization
/// object.
fn active_leader(r: &Relater, sv: &SentenceView<'_>, v: usize) -> Option<(usize, usize)> {
    // verb second, subject first: "X leitet (seit 2019) die Y"
    if let Some(p) = v.checked_sub(1).and_then(|e| person_ending_at(sv, e)) {
        let f = sv.actors[p].first;
        let starts_clause = f == 0
            || matches!(
                sv.words[f - 1],
                "," | ":" | ";" | "-" | "–" | "„" | "\"" | "("
            )
            || sv.clause[f] != sv.clause[f - 1];
        if starts_clause {
            let o = org_object(sv, skip_adverbs(r, sv, v + 1))?;
            return Some((p, o));
        }
    }
    // verb second after a time phrase: "Seit 2019 leitet X die Y"
    if let Some(p) = sv.actor_starting(v + 1).filter(|&p| is_per(sv, p)) {
        if v > 0 && skip_adverbs_back(r, sv, v) == 0 {
            let o = org_object(sv, skip_adverbs(r, sv, sv.actors[p].last + 1))?;
            return Some((p, o));
        }
        return None;
    }
    // verb last: "X, der (seit 2019) die Y leitet", "dass X die Y leitet"
    let o = sv.actor_at[v.checked_sub(1)?].filter(|&o| is_org(sv, o))?;
    if sv.actors[o].last + 1 != v {
        return None;
    }
    let mut k = sv.actors[o].first;
    // a noun, then the determiner: "die Partei Y"
    if k > 1
        && is_capitalized(sv.words[k - 1])
        && sv.words[k - 1].chars().all(char::is_alphabetic)
        && sv.actor_at[k - 1].is_none()
        && is_determiner(sv.lower[k - 2])
    {
        k -= 1;
    }
    if k > 0 && is_determiner(sv.lower[k - 1]) {
        k -= 1;
    }
    let k = skip_adverbs_back(r, sv, k);
    if k >= 3 && matches!(sv.lower[k - 1], "der" | "die") && sv.words[k - 2] == "," {
        return person_ending_at(sv, k - 3).map(|p| (p, o));
    }
    let p = person_ending_at(sv, k.checked_sub(1)?)?;
    let f = sv.actors[p].first;
    (f > 0 && SUBJUNCTIONS.contains(&sv.lower[f - 1])).then_some((p, o))
}

/// A participle of leading at `v` with "von X" before it and the
/// organization as the passive subject: "Die Y wird (seit 2019) von X
/// geleitet", "die Y, die von X geführt wird".
fn passive_leader(r: &Relater, sv: &SentenceView<'_>, v: usize) -> Option<(usize, usize)> {
    let p = person_ending_at_any(sv, v.checked_sub(1)?)?;
    let f = sv.actors[p].first;
    if f == 0 || !matches!(sv.lower[f - 1], "von" | "vom") {
        return None;
    }
    let mut k = skip_adverbs_back(r, sv, f - 1);
    // "die Y wird … von X geleitet"
    if k > 0 && r.patterns.is(sv.lower[k - 1], CueKind::PassiveAux) {
        k = skip_adverbs_back(r, sv, k - 1);
    } else if k >= 2
        && matches!(sv.lower[k - 1], "die" | "der" | "das")
        && sv.words[k - 2] == ","
        && sv
            .lower
            .get(v + 1)
            .is_some_and(|w| r.patterns.is(w, CueKind::PassiveAux))
    {
        // "die Y, die von X geleitet wird"
        k -= 2;
    } else {
        return None;
    }
    let o = sv.actor_at[k.checked_sub(1)?].filter(|&o| is_org(sv, o))?;
    (sv.actors[o].last + 1 == k).then_some((p, o))
}

/// A standalone person ending at `end`, after a preposition or not.
fn person_ending_at_any(sv: &SentenceView<'_>, end: usize) -> Option<usize> {
    let p = sv.actor_at[end]?;
    (is_per(sv, p) && sv.actors[p].last == end).then_some(p)
}

/// Nouns for leading an organization: "die Leitung der Y übernehmen",
/// "unter der Führung von X".
const LEADERSHIP_NOUNS: &[&str] = &["leitung", "führung", "vorsitz", "geschäftsführung"];

/// Verbs with which a person takes over or holds a leadership noun.
const TAKE_OVER: &[&str] = &[
    "übernimmt",
    "übernahm",
    "übernehmen",
    "übernahmen",
    "innehat",
    "hat",
    "hatte",
];

/// "X übernimmt (im Mai) die Leitung der Y", "Im Mai übernahm X den Vorsitz
/// der Y": a leadership noun at `n` with the organization in the genitive.
fn takes_over(r: &Relater, sv: &SentenceView<'_>, n: usize) -> Option<(usize, usize)> {
    let (actors, next) = genitive_actors(sv, n + 1)?;
    let o = actors.first().copied().filter(|&o| is_org(sv, o))?;
    if n == 0 || !matches!(sv.lower[n - 1], "die" | "den") {
        return None;
    }
    // "hat die Leitung der Y inne/übernommen", not "hat die Führung der Y
    // kritisiert"
    let verb_ok = |v: &str| {
        !matches!(v, "hat" | "hatte")
            || match sv.lower.get(next).copied() {
                None => true,
                Some(w) => {
                    matches!(w, "inne" | "übernommen")
                        || !w.chars().next().is_some_and(char::is_alphanumeric)
                }
            }
    };
    // "X übernimmt … die Leitung" or "übernimmt X die Leitung"
    let k = skip_adverbs_back(r, sv, n - 1);
    if k >= 2 && TAKE_OVER.contains(&sv.lower[k - 1]) {
        if let Some(p) = person_ending_at(sv, k - 2) {
            return verb_ok(sv.lower[k - 1]).then_some((p, o));
        }
    }
    let p = person_ending_at(sv, k.checked_sub(1)?)?;
    let f = sv.actors[p].first;
    (f > 0 && TAKE_OVER.contains(&sv.lower[f - 1]) && verb_ok(sv.lower[f - 1])).then_some((p, o))
}

/// "Die Y unter (der) Leitung von X": the organization right before
/// "unter" and the person after "von".
fn under_leadership(sv: &SentenceView<'_>, n: usize) -> Option<(usize, usize)> {
    let mut u = n.checked_sub(1)?;
    if sv.lower[u] == "der" {
        u = u.checked_sub(1)?;
    }
    if sv.lower[u] != "unter" || !matches!(sv.lower.get(n + 1).copied(), Some("von" | "vom")) {
        return None;
    }
    let o = sv.actor_at[u.checked_sub(1)?].filter(|&o| is_org(sv, o))?;
    if sv.actors[o].last + 1 != u {
        return None;
    }
    let p = sv
        .actor_after_determiners(n + 2, 0)
        .filter(|&p| is_per(sv, p))?;
    Some((p, o))
}

/// "an der Spitze" at `i`.
fn is_an_der_spitze(sv: &SentenceView<'_>, i: usize) -> bool {
    sv.lower[i] == "an"
        && sv.lower.get(i + 1).is_some_and(|&w| w == "der")
        && sv.lower.get(i + 2).is_some_and(|&w| w == "spitze")
}

/// Forms of "stehen" with "an der Spitze": present and past.
fn stehen_form(w: &str) -> Option<bool> {
    match w {
        "steht" | "stehen" => Some(false),
        "stand" | "standen" => Some(true),
        _ => None,
    }
}

/// "X steht (seit 2019) an der Spitze der Y", "An der Spitze der Y steht
/// X", "X, der an der Spitze der Y steht": the person and organization, and
/// whether the verb is past.
fn spitze(r: &Relater, sv: &SentenceView<'_>, i: usize) -> (Option<(usize, usize)>, bool) {
    let Some((actors, next)) = genitive_actors(sv, i + 3) else {
        return (None, false);
    };
    let Some(o) = actors.first().copied().filter(|&o| is_org(sv, o)) else {
        return (None, false);
    };
    // "X steht … an der Spitze"
    let k = skip_adverbs_back(r, sv, i);
    if k >= 2 {
        if let Some(past) = stehen_form(sv.lower[k - 1]) {
            if let Some(p) = person_ending_at(sv, k - 2) {
                return (Some((p, o)), past);
            }
        }
    }
    // "X, der … an der Spitze der Y steht"
    if let Some(past) = sv.lower.get(next).and_then(|&w| stehen_form(w)) {
        if k >= 3 && matches!(sv.lower[k - 1], "der" | "die") && sv.words[k - 2] == "," {
            if let Some(p) = person_ending_at(sv, k - 3) {
                return (Some((p, o)), past);
            }
        }
    }
    // "An der Spitze der Y steht X"
    if let Some(past) = sv.lower.get(next).and_then(|&w| stehen_form(w)) {
        let j = skip_adverbs(r, sv, next + 1);
        if let Some(p) = sv.actor_after_determiners(j, 0).filter(|&p| is_per(sv, p)) {
            return (Some((p, o)), past);
        }
    }
    (None, false)
}

/// "Olaf Scholz (SPD)" and "Olaf Scholz von der SPD": person
/// `affiliated_with` party.
fn party_after_name(r: &Relater, sv: &SentenceView<'_>, out: &mut Vec<Found>) {
    for (p, a) in sv.actors.iter().enumerate() {
        if !is_per(sv, p) {
            continue;
        }
        let j = a.last + 1;
        let (org, cue) = if sv.words.get(j) == Some(&"(") {
            match sv.actor_starting(j + 1) {
                Some(o) if sv.words.get(sv.actors[o].last + 1) == Some(&")") => (o, j),
                _ => continue,
            }
        } else if let Some(n) = r.patterns.phrase_at(&sv.lower, j, CueKind::AffiliationPrep) {
            match sv.actor_starting(j + n) {
                Some(o) => (o, j),
                None => continue,
            }
        } else if sv
            .lower
            .get(j)
            .is_some_and(|w| r.patterns.is(w, CueKind::AffiliationPrep))
        {
            match sv.actor_starting(j + 1) {
                Some(o) => (o, j),
                None => continue,
            }
        } else {
            continue;
        };
        if sv.actors[org].etype != EntityType::Org || sv.actors[org].embedded {
            continue;
        }
        out.push(Found::new(
            RelationKind::AffiliatedWith,
            Some(Arg::from(a)),
            Arg::from(&sv.actors[org]),
            cue,
        ));
    }
}

/// Membership verbs and nouns: `member_of`.
fn membership(r: &Relater, sv: &SentenceView<'_>, out: &mut Vec<Found>) {
    for i in 0..sv.len() {
        if sv.actor_at[i].is_some() {
            continue;
        }
        let lower = sv.lower[i];
        let (cs, ce) = sv.clause_range(sv.clause[i]);
        let blocked = sv.blocked[sv.clause[i]];
        let verb = sv.cues[i].has_verb_cue()
            && r.patterns.verb(lower).iter().any(|(kind, cue)| {
                *kind == CueKind::MemberVerb
                    && match &cue.particle {
                        None => true,
                        Some(p) => (i + 1..ce.min(i + 1 + MAX_PARTICLE_DISTANCE))
                            .any(|k| sv.lower[k] == p.as_str()),
                    }
            });
        if verb && !blocked {
            member_verb(sv, i, cs, ce, out);
        } else if !blocked
            && sv.capitalized[i]
            && r.patterns.noun(lower) == Some(CueKind::MemberNoun)
        {
            member_noun(r, sv, i, cs, out);
        }
    }
}

/// "Der OVKS gehören Russland und Kasachstan an": the organization is the
/// dative ORG (after "der"/"dem"), the members are the clause's other actors.
fn member_verb(sv: &SentenceView<'_>, i: usize, cs: usize, ce: usize, out: &mut Vec<Found>) {
    let in_clause: Vec<usize> = sv.actors_in(cs, ce);
    let orgs: Vec<usize> = in_clause
        .iter()
        .copied()
        .filter(|&a| sv.actors[a].etype == EntityType::Org)
        .collect();
    let dative = |a: usize| {
        let f = sv.actors[a].first;
        f > 0 && matches!(sv.lower[f - 1], "der" | "dem")
    };
    // one organization (a name and its acronym in parentheses count once),
    // else the dative one
    let mut entities: Vec<usize> = orgs.iter().map(|&a| sv.actors[a].entity).collect();
    entities.dedup();
    let unparenthesized: Vec<usize> = orgs
        .iter()
        .copied()
        .filter(|&a| !in_parens(sv, a))
        .collect();
    let target = if entities.len() == 1 {
        orgs[0]
    } else if let [one] = unparenthesized.as_slice() {
        *one
    } else {
        match orgs.iter().copied().find(|&a| dative(a)) {
            Some(a) => a,
            None => return,
        }
    };
    let target_entity = sv.actors[target].entity;
    for &a in &in_clause {
        let act = &sv.actors[a];
        if act.entity == target_entity || in_parens(sv, a) || act.adjectival {
            continue;
        }
        if sv
            .preposition_before(a)
            .is_some_and(|p| NOT_MEMBER_PREPS.contains(&p))
        {
            continue;
        }
        let mut f = Found::new(
            RelationKind::MemberOf,
            Some(Arg::from(act)),
            Arg::from(&sv.actors[target]),
            i,
        );
        f.trigger = Some("angehören".to_string()).filter(|_| sv.lower[i].contains("gehör"));
        if f.trigger.is_none() {
            f.trigger = Some(sv.lower[i].to_string());
        }
        out.push(f);
    }
}

fn in_parens(sv: &SentenceView<'_>, a: usize) -> bool {
    let act = &sv.actors[a];
    act.first > 0 && sv.words[act.first - 1] == "(" && sv.words.get(act.last + 1) == Some(&")")
}

/// "A ist Mitglied der Y", "A, Mitglied der Y", "NATO-Mitglied A",
/// "Mitgliedstaaten der Y wie A und B".
fn member_noun(r: &Relater, sv: &SentenceView<'_>, i: usize, cs: usize, out: &mut Vec<Found>) {
    // the organization: inside the word or after it
    let (org, mut next) =
        if let Some(a) = sv.embedded_at[i].filter(|&a| sv.actors[a].etype == EntityType::Org) {
            (a, i + 1)
        } else {
            let mut j = i + 1;
            if matches!(sv.lower.get(j).copied(), Some("der" | "des" | "im" | "in")) {
                j += 1;
            }
            if sv.lower.get(j).is_some_and(|&w| w == "der") {
                j += 1;
            }
            match sv
                .actor_starting(j)
                .filter(|&a| sv.actors[a].etype == EntityType::Org)
            {
                Some(a) => (a, sv.actors[a].last + 1),
                None => return,
            }
        };
    if sv.words.get(next) == Some(&"(") {
        if let Some(k) = (next..sv.len()).find(|&k| sv.words[k] == ")") {
            next = k + 1;
        }
    }
    let mut members: Vec<usize> = Vec::new();
    // after: "NATO-Mitglied Türkei", "Mitgliedstaaten wie A und B"
    let mut j = next;
    if matches!(sv.lower.get(j).copied(), Some("wie" | "darunter" | ",")) {
        j += 1;
        if sv
            .lower
            .get(j)
            .is_some_and(|&w| w == "darunter" || w == "wie")
        {
            j += 1;
        }
    }
    if let Some(a) = sv.actor_after_determiners(j, 1) {
        if sv.actors[a].etype != EntityType::Per || j == next {
            members.extend(sv.coordinated(a));
        }
    }
    // before: "A und B sind Mitglieder der Y", "A, Mitglied der Y"
    if members.is_empty() {
        let mut former = false;
        if let Some(p) = subject_before(r, sv, i, cs, &mut former) {
            members.extend(sv.coordinated(p));
        }
    }
    for m in members {
        let act = &sv.actors[m];
        if act.embedded || act.entity == sv.actors[org].entity {
            continue;
        }
        let mut f = Found::new(
            RelationKind::MemberOf,
            Some(Arg::from(act)),
            Arg::from(&sv.actors[org]),
            i,
        );
        f.trigger = Some("Mitglied".to_string());
        out.push(f);
    }
}

/// The actor a membership noun is predicated of: "A ist Mitglied", "A,
/// Mitglied der".
fn subject_before(
    r: &Relater,
    sv: &SentenceView<'_>,
    i: usize,
    cs: usize,
    former: &mut bool,
) -> Option<usize> {
    let mut k = i;
    // determiners/adverbs between: "A ist seit 2004 ein Mitglied" (numbers stop it)
    while k > cs && k + 3 > i {
        let w = sv.lower[k - 1];
        if is_determiner(w)
            || (!is_capitalized(sv.words[k - 1])
                && sv.words[k - 1].chars().all(char::is_alphabetic)
                && !CONJUNCTIONS.contains(&w)
                && !r.patterns.is(w, CueKind::Copula))
        {
            *former |= r.patterns.is_former(w);
            k -= 1;
        } else {
            break;
        }
    }
    let w = *sv.lower.get(k.checked_sub(1)?)?;
    if !(r.patterns.is(w, CueKind::Copula) || w == ",") {
        return None;
    }
    let end = k.checked_sub(2)?;
    let a = sv.actor_at[end]?;
    if sv.actors[a].last != end {
        return None;
    }
    let mut first = a;
    while first > 0
        && a - first < MAX_COORDINATED
        && !sv.actors[first - 1].embedded
        && sv.coordinated(first - 1).contains(&first)
    {
        first -= 1;
    }
    Some(first)
}

/// `leads` from actor `person` to actor `org`, said by the trigger word at
/// token `token` (lemma `trigger`).
fn led_by_trigger(
    sv: &SentenceView,
    person: usize,
    org: usize,
    token: usize,
    trigger: &str,
) -> Found {
    let mut f = Found::new(
        RelationKind::Leads,
        Some(Arg::from(&sv.actors[person])),
        Arg::from(&sv.actors[org]),
        token,
    );
    f.trigger = Some(trigger.to_string());
    f
}
