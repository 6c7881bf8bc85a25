//! CAMEO-coded events: a trigger verb or noun from `data/lexicon/triggers.tsv`
//! with a source and a target actor in the same clause.
//!
//! Actors: the subject is the un-prepositioned actor before the verb (or the
//! first one after it: "stoppte Deutschland …"); the target is the next
//! actor, bare or after "gegen", "an", "mit", "nach", … . Passive ("wurde …
//! festgenommen"): the subject is the target and the agent comes from
//! "von"/"durch"; without one the event keeps `source: None`. Negated or
//! modal clauses give no event; reported speech is marked.

use std::collections::HashSet;

use foldhash::fast::FixedState;

use super::sentence::{is_preposition, SentenceView};
use super::{Arg, Found, Relater, RelationKind};
use crate::lexicon::relation_patterns::CueKind;
use crate::lexicon::triggers::{FormKind, Pos};
use crate::recognize::EntityType;
use crate::text::is_capitalized;

/// How far (in tokens) a separable particle may follow its verb.
pub const MAX_PARTICLE_DISTANCE: usize = 30;

/// Prepositions that may introduce an event target.
const TARGET_PREPS: &[&str] = &[
    "gegen",
    "an",
    "auf",
    "mit",
    "nach",
    "in",
    "ins",
    "für",
    "zu",
    "zum",
    "zur",
    "über",
    "gegenüber",
    "um",
];

/// Prepositions after a trigger noun that introduce its target.
const NOUN_TARGET_PREPS: &[&str] = &[
    "gegen",
    "an",
    "auf",
    "mit",
    "für",
    "zu",
    "zum",
    "zur",
    "gegenüber",
];

/// Add the events of one sentence to `out`.
pub(crate) fn find(r: &Relater, sv: &SentenceView<'_>, out: &mut Vec<Found>) {
    let reported_at: Vec<usize> = (0..sv.len())
        .filter(|&k| {
            sv.cues[k].has(CueKind::Reported)
                || (sv.cues[k].starts_phrase()
                    && r.patterns
                        .phrase_at(&sv.lower, k, CueKind::Reported)
                        .is_some())
        })
        .collect();
    let mut done: HashSet<(Option<usize>, usize, &str), FixedState> = HashSet::default();
    for i in 0..sv.len() {
        if sv.actor_at[i].is_some() {
            continue;
        }
        let Some((entry, kind)) = trigger_at(r, sv, i) else {
            continue;
        };
        let trig = &r.triggers.entries()[entry];
        let (cs, ce) = sv.clause_range(sv.clause[i]);
        if sv.blocked[sv.clause[i]] {
            continue;
        }
        let stative = || {
            !SEIN_VERBS.contains(&trig.lemma.as_str())
                && (cs.max(i.saturating_sub(MAX_PARTICLE_DISTANCE))..i)
                    .any(|k| STATIVE_AUXILIARIES.contains(&sv.lower[k]))
        };
        let passive = trig.pos == Pos::Verb
            && kind == FormKind::Participle
            && (sv.passive[sv.clause[i]] || stative());
        let mut pairs = match trig.pos {
            Pos::Verb if passive => passive_actors(r, sv, i, cs, ce),
            Pos::Verb => active_actors(r, sv, i, kind, cs, ce),
            Pos::Noun => noun_actors(r, sv, i, cs, ce),
        };
        // a statement is directed at a bare (dative/accusative) object, not at
        // a name in a prepositional phrase ("erklärte nach Telefonaten mit X")
        if trig.cameo == "01" {
            pairs.retain(|&(_, t)| prep(sv, t, i).is_none());
        }
        let subjunctive =
            kind == FormKind::Subjunctive && i > 0 && !matches!(sv.lower[i - 1], "ich" | "wir");
        for (source, target) in pairs {
            let s_entity = source.map(|s| sv.actors[s].entity);
            let t_entity = sv.actors[target].entity;
            if s_entity == Some(t_entity) || !done.insert((s_entity, t_entity, trig.cameo.as_str()))
            {
                continue;
            }
            let mut f = Found::new(
                RelationKind::Event,
                source.map(|s| Arg::from(&sv.actors[s])),
                Arg::from(&sv.actors[target]),
                i,
            );
            f.trigger = Some(trig.lemma.clone());
            f.cameo = Some(trig.cameo.clone());
            // a reporting verb that is itself the trigger does not count
            f.reported = reported_at.iter().any(|&k| k != i) || subjunctive;
            out.push(f);
        }
    }
}

/// The trigger entry at token `i` and the kind of form, if any. Verbs match
/// lowercase words (separated forms only with their particle later in the
/// clause); nouns match capitalized words, also as compound heads.
fn trigger_at(r: &Relater, sv: &SentenceView<'_>, i: usize) -> Option<(usize, FormKind)> {
    let lower = sv.lower[i];
    let word = sv.words[i];
    let capital = is_capitalized(word);
    let (_, ce) = sv.clause_range(sv.clause[i]);
    let mut best: Option<(usize, FormKind, bool)> = None;
    for m in r.triggers.lookup(lower) {
        let pos = r.triggers.entries()[m.entry].pos;
        let fits = match pos {
            Pos::Verb => !capital || i == 0,
            Pos::Noun => capital,
        };
        if !fits {
            continue;
        }
        let with_particle = match &m.particle {
            Some(p) => {
                if !(i + 1..ce.min(i + 1 + MAX_PARTICLE_DISTANCE))
                    .any(|k| sv.lower[k] == p.as_str())
                {
                    continue;
                }
                true
            }
            None => false,
        };
        // a satisfied separable particle beats the plain verb ("forderte … auf")
        if best.is_none_or(|(_, _, bp)| with_particle && !bp) {
            best = Some((m.entry, m.kind, with_particle));
        }
    }
    if best.is_none() && capital && i > 0 {
        if let Some(e) = r.triggers.compound_noun(lower) {
            best = Some((e, FormKind::Plain, false));
        }
    }
    best.map(|(e, k, _)| (e, k))
}

/// Whether an actor can be a subject: standalone, no preposition, not
/// followed by "zufolge".
/// `trigger`: the trigger's token; an actor after it is read from there on.
fn bare(r: &Relater, sv: &SentenceView<'_>, a: usize, trigger: usize) -> bool {
    let act = &sv.actors[a];
    !act.embedded
        && prep(sv, a, trigger).is_none()
        && !genitive_attribute(sv, a)
        && !bare_genitive(r, sv, a)
        && !modifier(r, sv, a)
        && state_adjective(r, sv, a)
        && sv.lower.get(act.last + 1).is_none_or(|&w| w != "zufolge")
}

/// The preposition governing actor `a`, not looking back across the trigger.
fn prep<'s>(sv: &'s SentenceView<'_>, a: usize, trigger: usize) -> Option<&'s str> {
    let stop = if sv.actors[a].first > trigger {
        trigger + 1
    } else {
        0
    };
    sv.preposition_after(a, stop)
}

/// "Bayerns Staatssekretär X", "RYU CEO X", "Griechenlands Industrielle": a
/// name that modifies the noun after it is not the subject.
fn modifier(r: &Relater, sv: &SentenceView<'_>, a: usize) -> bool {
    let act = &sv.actors[a];
    let Some(next) = sv.words.get(act.last + 1) else {
        return false;
    };
    if !is_capitalized(next) || sv.actor_at[act.last + 1].is_some() || act.adjectival {
        return false;
    }
    let token_end = sv.sentence.tokens[act.last].end;
    if act.etype == EntityType::Per {
        // "Tokajews Idee", but not "Stournaras Premier X"
        return &sv.text[act.end..token_end] == "s";
    }
    sv.text[act.start..token_end].ends_with('s') || r.role_in_word(next).is_some()
}

/// An adjectival mention is an actor only before a state noun: "die
/// russische Regierung", not "das sächsische Unternehmen".
fn state_adjective(r: &Relater, sv: &SentenceView<'_>, a: usize) -> bool {
    let act = &sv.actors[a];
    if !act.adjectival {
        return true;
    }
    (act.last + 1..(act.last + 3).min(sv.len()))
        .any(|k| sv.capitalized[k] && r.patterns.noun(sv.lower[k]) == Some(CueKind::StateNoun))
}

/// "der Erdbebendienst (USGS)": a name in brackets right after another
/// names the same thing again, it is not a second actor.
fn apposition(sv: &SentenceView<'_>, a: usize) -> bool {
    let f = sv.actors[a].first;
    f >= 2 && sv.words[f - 1] == "(" && sv.actor_at[f - 2].is_some()
}

/// The preposition that opens the clause when actor `a` stands inside it,
/// before the finite verb: German puts one phrase before the finite verb,
/// so in "Vor einer Ausweitung bei Y hat X gewarnt" Y is inside the
/// "vor" phrase and cannot be the subject.
fn prefield_preposition<'s>(sv: &'s SentenceView<'_>, a: usize, trigger: usize) -> Option<&'s str> {
    let (cs, _) = sv.clause_range(sv.clause[trigger]);
    let opener = sv.lower[cs];
    if !is_preposition(opener) || sv.actors[a].first <= cs {
        return None;
    }
    let finite = (cs + 1..trigger)
        .find(|&k| AUXILIARIES.contains(&sv.lower[k]))
        .unwrap_or(trigger);
    (sv.actors[a].last < finite).then_some(opener)
}

/// Whether token `k` is a capitalized word that is no name: a noun.
fn plain_noun(sv: &SentenceView<'_>, k: usize) -> bool {
    is_capitalized(sv.words[k])
        && sv.actor_at[k].is_none()
        && sv.words[k].chars().all(|c| c.is_alphabetic() || c == '-')
}

/// "der Streit in der Regierung Frankreichs", "Abstieg Frankfurts": a
/// genitive without article after a noun belongs to that noun and is not
/// the subject. (As a target it stays: "eroberte große Teile Syriens".)
fn bare_genitive(r: &Relater, sv: &SentenceView<'_>, a: usize) -> bool {
    let act = &sv.actors[a];
    let f = act.first;
    act.etype != EntityType::Per
        && f == act.last
        && f >= 1
        && plain_noun(sv, f - 1)
        && r.role_in_word(sv.words[f - 1]).is_none()
        && sv.words[f].ends_with('s')
        && sv.lower[f].len() > 3
}

/// "die Mitgliedstaaten der EU", "das Eingreifen der Allianz": an actor
/// after a noun and "der"/"des" is a genitive attribute, not a subject.
fn genitive_attribute(sv: &SentenceView<'_>, a: usize) -> bool {
    let noun = |k: usize| plain_noun(sv, k);
    let f = sv.actors[a].first;
    // "die Mitgliedstaaten der EU"
    (f >= 2 && matches!(sv.lower[f - 1], "der" | "des") && noun(f - 2))
        // "ein Mitarbeiter der Firma GFB"
        || (f >= 3
            && noun(f - 1)
            && matches!(sv.lower[f - 2], "der" | "des")
            && noun(f - 3))
}

/// Finite auxiliaries: a participle or infinitive after one of these ends a
/// verb bracket, so its objects stand before it ("X habe Y gedankt").
const AUXILIARIES: &[&str] = &[
    "hat", "habe", "hatte", "hätte", "haben", "hatten", "hätten", "ist", "sei", "war", "wäre",
    "sind", "seien", "waren", "wird", "werde", "wurde", "würde", "werden", "wurden", "würden",
    "will", "wollte", "soll", "sollte", "kann", "konnte", "könne", "muss", "musste", "müsse",
];

/// Forms of "sein" that with a participle of a transitive trigger make a
/// stative passive ("die Spur ist blockiert").
const STATIVE_AUXILIARIES: &[&str] = &[
    "ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären",
];

/// Trigger verbs whose perfect tense uses "sein": "ist gereist" is active.
const SEIN_VERBS: &[&str] = &[
    "reisen",
    "einmarschieren",
    "aufmarschieren",
    "zusammenkommen",
    "beitreten",
];

/// Words that open a verb-final subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "dass", "weil", "ob", "als", "wenn", "nachdem", "obwohl", "damit", "da", "während", "bevor",
    "sodass", "falls", "seit", "seitdem", "indem", "der", "die", "das", "dem", "den", "denen",
    "deren", "dessen", "welche", "welcher",
];

/// Whether an actor can be a target: bare or after a target preposition
/// ("in" only with an accusative article: "in die Ukraine").
fn targetable(r: &Relater, sv: &SentenceView<'_>, a: usize, trigger: usize) -> bool {
    let act = &sv.actors[a];
    if act.embedded
        || sv.lower.get(act.last + 1).is_some_and(|&w| w == "zufolge")
        || genitive_attribute(sv, a)
        || !state_adjective(r, sv, a)
        || apposition(sv, a)
    {
        return false;
    }
    if let Some(p) = prefield_preposition(sv, a, trigger) {
        return TARGET_PREPS.contains(&p);
    }
    // "warnt vor dem Abstieg Frankfurts": a genitive inside a phrase of
    // another preposition
    let f = act.first;
    if bare_genitive(r, sv, a)
        && (f.saturating_sub(3)..f - 1)
            .any(|k| is_preposition(sv.lower[k]) && !TARGET_PREPS.contains(&sv.lower[k]))
    {
        return false;
    }
    match prep(sv, a, trigger) {
        None => true,
        Some("in") => {
            act.first >= 2 && matches!(sv.lower[act.first - 1], "die" | "den" | "das")
                || act.first >= 3 && matches!(sv.lower[act.first - 2], "die" | "den" | "das")
        }
        Some(p) => TARGET_PREPS.contains(&p),
    }
}

fn clause_actors(sv: &SentenceView<'_>, cs: usize, ce: usize) -> Vec<usize> {
    sv.actors_in(cs, ce)
}

fn pairs(sv: &SentenceView<'_>, sources: &[usize], target: usize) -> Vec<(Option<usize>, usize)> {
    let targets = sv.coordinated(target);
    let mut out = Vec::new();
    for &s in sources {
        for &t in &targets {
            out.push((Some(s), t));
        }
    }
    out
}

/// Active voice: subject before the verb (or first bare actor after it),
/// target the next targetable actor.
fn active_actors(
    r: &Relater,
    sv: &SentenceView<'_>,
    i: usize,
    kind: FormKind,
    cs: usize,
    ce: usize,
) -> Vec<(Option<usize>, usize)> {
    let actors = clause_actors(sv, cs, ce);
    let before: Vec<usize> = actors
        .iter()
        .copied()
        .filter(|&a| sv.actors[a].last < i)
        .collect();
    let subject_before = before
        .iter()
        .copied()
        .find(|&a| prefield_preposition(sv, a, i).is_none());
    let after: Vec<usize> = actors
        .iter()
        .copied()
        .filter(|&a| sv.actors[a].first > i)
        .collect();
    let subject = match subject_before {
        Some(a) if bare(r, sv, a, i) => a,
        Some(_) => return Vec::new(),
        None => match after.iter().copied().find(|&a| bare(r, sv, a, i)) {
            Some(a) => a,
            None => return Vec::new(),
        },
    };
    let subjects = sv.coordinated(subject);
    let last_subject = *subjects.last().unwrap_or(&subject);
    let excluded = |a: usize| subjects.contains(&a);
    let target = after
        .iter()
        .copied()
        .find(|&a| {
            !excluded(a)
                && sv.actors[a].first > sv.actors[last_subject].last
                && targetable(r, sv, a, i)
        })
        .or_else(|| {
            // verb-final: "…, dass Deutschland Kasachstan kritisiert", "X habe Y gedankt"
            let subordinate = SUBORDINATORS.contains(&sv.lower[cs]) && cs > 0;
            let bracket = (kind == FormKind::Participle || sv.lower[i].ends_with('n'))
                && (cs.max(i.saturating_sub(MAX_PARTICLE_DISTANCE))..i)
                    .any(|k| AUXILIARIES.contains(&sv.lower[k]));
            if !(subordinate || bracket) {
                return None;
            }
            // ...or in the phrase before the finite verb ("Gegen Y hat X protestiert")
            before.iter().copied().find(|&a| {
                !excluded(a)
                    && (sv.actors[a].first > sv.actors[last_subject].last
                        || prefield_preposition(sv, a, i).is_some())
                    && targetable(r, sv, a, i)
            })
        });
    match target {
        Some(t) => pairs(sv, &subjects, t),
        None => Vec::new(),
    }
}

/// Passive voice: the bare actor is the target; the agent follows
/// "von"/"durch", else the source stays unknown.
fn passive_actors(
    r: &Relater,
    sv: &SentenceView<'_>,
    i: usize,
    cs: usize,
    ce: usize,
) -> Vec<(Option<usize>, usize)> {
    let actors = clause_actors(sv, cs, ce);
    let Some(target) = actors
        .iter()
        .copied()
        .find(|&a| bare(r, sv, a, i) && !sv.actors[a].adjectival)
    else {
        return Vec::new();
    };
    let agent = actors.iter().copied().find(|&a| {
        a != target
            && sv
                .preposition_before(a)
                .is_some_and(|p| r.patterns.is(p, CueKind::AgentPrep))
    });
    let targets = sv.coordinated(target);
    match agent {
        Some(ag) => {
            let agents = sv.coordinated(ag);
            let mut out = Vec::new();
            for &s in &agents {
                for &t in &targets {
                    out.push((Some(s), t));
                }
            }
            out
        }
        None => targets.into_iter().map(|t| (None, t)).collect(),
    }
}

/// A trigger noun: source before it ("Putins Kritik", "russische Angriffe",
/// "X übte Kritik") or its genitive ("Sanktionen der EU"); target after a
/// preposition ("Kritik an Y", "Sanktionen gegen Y").
fn noun_actors(
    r: &Relater,
    sv: &SentenceView<'_>,
    i: usize,
    cs: usize,
    ce: usize,
) -> Vec<(Option<usize>, usize)> {
    let actors = clause_actors(sv, cs, ce);
    let mut source = actors
        .iter()
        .copied()
        .rev()
        .find(|&a| sv.actors[a].last < i && bare(r, sv, a, i));
    let mut j = i + 1;
    if source.is_none() && matches!(sv.lower.get(j).copied(), Some("der" | "des")) {
        if let Some(a) = sv.actor_after_determiners(j, 2) {
            source = Some(a);
            j = sv.actors[a].last + 1;
        }
    }
    let Some(source) = source else {
        return Vec::new();
    };
    // the target: "an/gegen/auf … Y" right after the noun (or its genitive)
    let Some(prep) = sv.lower.get(j) else {
        return Vec::new();
    };
    if !NOUN_TARGET_PREPS.contains(prep) {
        return Vec::new();
    }
    match sv
        .actor_after_determiners(j + 1, 2)
        .filter(|&a| sv.actors[a].last < ce)
    {
        Some(t) => pairs(sv, &[source], t),
        None => Vec::new(),
    }
}
