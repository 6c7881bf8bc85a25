//! Persons whose surname follows name particles: "Ursula von der Leyen",
//! "Karl-Theodor zu Guttenberg", "Hans van der Berg". The tagger learned
//! little of such names (the training data has few), and without a title
//! before them the patterns know only the first names of the training
//! corpora: "Ursula von der Leyen traf …" had become the person "Ursula",
//! and "zu Guttenberg" a place.
//!
//! A listed first name, one or two particles and a name word after them
//! make one person, whatever mentions covered the parts. Not when the word
//! after the particles is a listed common noun ("Peter von der Feuerwehr")
//! or, after a plain "von" or "zu", a place of the gazetteer ("Peter von
//! Berlin" may be a Peter from Berlin).

use super::{EntityType, Mention, RuleWords, Source};
use crate::segment::{Sentence, Token, TokenKind};

/// Particles that follow a first name ("von", "zu", "van").
const PARTICLES: &[&str] = &[
    "von", "zu", "van", "de", "di", "da", "del", "della", "dos", "du", "ten", "ter", "bin", "ibn",
];

/// Articles that may follow the first particle ("von der", "van den", "de la").
const ARTICLES: &[&str] = &["der", "den", "dem", "la", "de"];

/// Whether `word` is a name particle or an article after one ("von",
/// "der", "zu"), also with its first letter in uppercase at the start of a
/// sentence ("Von der Leyen sagte").
pub fn is_particle(word: &str) -> bool {
    // all particles and articles are short
    word.len() <= 5
        && (PARTICLES.contains(&word)
            || ARTICLES.contains(&word)
            || PARTICLES.iter().any(|p| capitalized_particle(word, p)))
}

/// Whether the bytes of a token are a particle that may follow a first name.
#[inline(always)]
fn is_first_particle(word: &[u8]) -> bool {
    // most words are ruled out by their length or first letter
    word.len() <= 5
        && word.first().is_some_and(u8::is_ascii_lowercase)
        && PARTICLES.iter().any(|p| p.as_bytes() == word)
}

/// Whether `word` is `particle` (lowercase ASCII, as all particles are)
/// with its first letter in uppercase.
fn capitalized_particle(word: &str, particle: &str) -> bool {
    let (w, p) = (word.as_bytes(), particle.as_bytes());
    w.len() == p.len()
        && w.first()
            .zip(p.first())
            .is_some_and(|(a, b)| *a == b.to_ascii_uppercase() && a != b)
        && w[1..] == p[1..]
}

/// `mentions` (sorted, non-overlapping) with the persons of the form "first
/// name, particles, name" joined into one mention each, and the other
/// mentions of such a surname with its particles in the document ("sagte
/// von der Leyen") as persons too.
#[inline(never)]
pub fn join(
    text: &str,
    sentences: &[Sentence],
    mentions: Vec<Mention>,
    words: &impl RuleWords,
) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    // the surnames with their particles, as token texts ("von", "der", "Leyen")
    let mut surnames: Vec<Vec<&str>> = Vec::new();
    for s in sentences {
        let toks = &s.tokens;
        for i in 0..toks.len() {
            // a particle after the word: rules out almost every word at once
            let particle = toks
                .get(i + 1)
                .and_then(|t| text.as_bytes().get(t.start..t.end))
                .is_some_and(is_first_particle);
            if !particle {
                continue;
            }
            let after_other_name = i > 0
                && text.get(toks[i - 1].end..toks[i].start) == Some(" ")
                && covering(&mentions, &toks[i - 1])
                    .is_some_and(|m| m.etype != EntityType::Per && m.end == toks[i - 1].end);
            let found_here = person_at(
                text,
                s.index,
                &toks[i..],
                after_other_name,
                &mentions,
                words,
            );
            if let Some((person, k)) = found_here {
                found.push(person);
                let surname: Vec<&str> = toks[i + 1..=i + k].iter().map(|t| t.text(text)).collect();
                if !surnames.contains(&surname) {
                    surnames.push(surname);
                }
            }
        }
    }
    if found.is_empty() {
        return mentions;
    }
    for s in sentences {
        let toks = &s.tokens;
        for i in 0..toks.len() {
            if let Some(m) = surname_at(text, s.index, &toks[i..], &surnames, &mentions) {
                if !found.iter().any(|p| m.start < p.end && p.start < m.end) {
                    found.push(m);
                }
            }
        }
    }
    // the joined persons replace every mention they overlap
    let mut out: Vec<Mention> = mentions
        .into_iter()
        .filter(|m| !found.iter().any(|p| m.start < p.end && p.start < m.end))
        .collect();
    out.extend(found);
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// The mention of `mentions` that covers part of token `t`, if any.
fn covering<'m>(mentions: &'m [Mention], t: &Token) -> Option<&'m Mention> {
    let i = mentions.partition_point(|m| m.end <= t.start);
    mentions.get(i).filter(|m| m.start < t.end)
}

/// Whether the tokens `toks[..n]` are separated by single spaces.
fn spaced(text: &str, toks: &[Token], n: usize) -> bool {
    toks.get(..n).is_some_and(|ts| {
        ts.windows(2)
            .all(|w| text.get(w[0].end..w[1].start) == Some(" "))
    })
}

/// A person: one of `surnames` at `toks[0]` (its first particle may be
/// capitalized at the start of a sentence: "Von der Leyen sagte"), with no
/// other mention covering its particles or more than its name.
fn surname_at(
    text: &str,
    sentence: usize,
    toks: &[Token],
    surnames: &[Vec<&str>],
    mentions: &[Mention],
) -> Option<Mention> {
    let first = toks.first()?.text(text);
    let surname = surnames.iter().find(|sn| {
        sn.len() <= toks.len()
            && (first == sn[0] || capitalized_particle(first, sn[0]))
            && sn[1..]
                .iter()
                .zip(&toks[1..])
                .all(|(w, t)| t.text(text) == *w)
    })?;
    let n = surname.len();
    let name = &toks[n - 1];
    let name_ok = covering(mentions, name).is_none_or(|m| {
        m.start >= name.start && m.end <= name.end && m.source != Source::Gazetteer
    });
    if !spaced(text, toks, n)
        || !name_ok
        || toks[..n - 1]
            .iter()
            .any(|t| covering(mentions, t).is_some())
    {
        return None;
    }
    Some(Mention::of_rule(
        sentence,
        toks[0].start,
        name.end,
        EntityType::Per,
    ))
}

/// The person starting with the first name `toks[0]`, if particles and a
/// name follow it, with the index of its name token. `after_other_name`:
/// a mention other than a person's ends right before `toks[0]`.
fn person_at(
    text: &str,
    sentence: usize,
    toks: &[Token],
    after_other_name: bool,
    mentions: &[Mention],
    words: &impl RuleWords,
) -> Option<(Mention, usize)> {
    let word = |k: usize| toks.get(k).map(|t| t.text(text));
    let particle = word(1)?;
    if !is_first_particle(particle.as_bytes()) {
        return None;
    }
    let first = word(0)?;
    if toks[0].kind != TokenKind::Word
        || !first.starts_with(char::is_uppercase)
        || !first.split('-').all(|part| words.is_first_name(part))
    {
        return None;
    }
    let mut k = 2;
    if matches!(particle, "von" | "van" | "de") && word(2).is_some_and(|w| ARTICLES.contains(&w)) {
        k = 3;
    }
    let name = word(k)?;
    if !spaced(text, toks, k + 1)
        || toks[k].kind != TokenKind::Word
        || !name.starts_with(char::is_uppercase)
        || !name.chars().skip(1).any(char::is_lowercase)
        || words.is_common_noun(name)
    {
        return None;
    }
    let (start, end) = (toks[0].start, toks[k].end);
    let covering = |t: &Token| covering(mentions, t);
    // the first name: in no mention (nor right after an organization's or
    // a place's: "JR West von Kyōto"), in one of the tagger's of its own
    // (which had taken "Karl-Theodor" for a place), or at the end of a
    // person's
    let start = match covering(&toks[0]) {
        None if after_other_name => return None,
        None => start,
        Some(m) if m.etype == EntityType::Per && m.end == toks[0].end => m.start,
        Some(m) if m.source == Source::Model && (m.start, m.end) == (start, toks[0].end) => start,
        Some(_) => return None,
    };
    // the name: in no mention, or in one of its own that the gazetteer did
    // not find after a plain "von" or "zu" ("Peter von Berlin")
    let own = |m: &Mention| {
        m.start >= toks[k].start
            && m.end <= toks[k].end
            && !(k == 2 && matches!(particle, "von" | "zu") && m.source == Source::Gazetteer)
    };
    if covering(&toks[k]).is_some_and(|m| !own(m)) {
        return None;
    }
    // the particles are in no mention
    if toks[1..k].iter().any(|t| covering(t).is_some()) {
        return None;
    }
    Some((Mention::of_rule(sentence, start, end, EntityType::Per), k))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Lists;

    impl RuleWords for Lists {
        fn is_first_name(&self, word: &str) -> bool {
            matches!(word, "Ursula" | "Karl" | "Theodor" | "Peter" | "Hans")
        }
        fn is_common_noun(&self, word: &str) -> bool {
            matches!(word, "Feuerwehr" | "Polizei")
        }
        // the rule asks the gazetteer's mentions about places, not this
        fn is_place(&self, _: &str) -> bool {
            false
        }
    }

    fn mention(text: &str, word: &str, etype: EntityType, source: Source) -> Mention {
        let start = text.find(word).unwrap();
        Mention {
            sentence: 0,
            start,
            end: start + word.len(),
            etype,
            kb_id: None,
            canonical: None,
            source,
            derived: false,
        }
    }

    fn joined(text: &str, mentions: Vec<Mention>) -> Vec<(&str, EntityType)> {
        let sentences = crate::segment::segment(text);
        join(text, &sentences, mentions, &Lists)
            .iter()
            .map(|m| (&text[m.start..m.end], m.etype))
            .collect()
    }

    #[test]
    fn first_name_particles_and_name_make_one_person() {
        let text = "Ursula von der Leyen traf Karl-Theodor zu Guttenberg.";
        let mentions = vec![
            mention(text, "Ursula", EntityType::Per, Source::Model),
            mention(text, "Karl-Theodor", EntityType::Loc, Source::Model),
            mention(text, "Guttenberg", EntityType::Loc, Source::Model),
        ];
        assert_eq!(
            joined(text, mentions),
            [
                ("Ursula von der Leyen", EntityType::Per),
                ("Karl-Theodor zu Guttenberg", EntityType::Per)
            ]
        );
    }

    #[test]
    fn the_surname_with_its_particles_is_the_person_elsewhere_in_the_text() {
        let text = "Ursula von der Leyen reiste ab. Dort sagte von der Leyen nichts. \
                    Von der Leyen schwieg. Der Garten von der Leyen-Villa.";
        let first = mention(text, "Ursula", EntityType::Per, Source::Model);
        assert_eq!(
            joined(text, vec![first]),
            [
                ("Ursula von der Leyen", EntityType::Per),
                ("von der Leyen", EntityType::Per),
                ("Von der Leyen", EntityType::Per)
            ]
        );
    }

    #[test]
    fn particles_in_either_case() {
        assert!(is_particle("von") && is_particle("der") && is_particle("Von"));
        assert!(!is_particle("Der") && !is_particle("vom") && !is_particle("Leyen"));
    }

    #[test]
    fn nouns_places_and_unlisted_first_words_stay_apart() {
        let text = "Peter von der Feuerwehr traf Hans von Berlin und Kurt von Lehm.";
        let berlin = mention(text, "Berlin", EntityType::Loc, Source::Gazetteer);
        assert_eq!(joined(text, vec![berlin]), [("Berlin", EntityType::Loc)]);
        // a first name right after an organization's name is part of it
        let text = "Die Linie JR Peter von Lehm fuhr.";
        let org = mention(text, "JR", EntityType::Org, Source::Gazetteer);
        assert_eq!(joined(text, vec![org]), [("JR", EntityType::Org)]);
        // a first name inside an organization's mention is no person
        let text = "Die Stiftung Peter von Lehm half.";
        let org = mention(text, "Stiftung Peter", EntityType::Org, Source::Model);
        assert_eq!(
            joined(text, vec![org]),
            [("Stiftung Peter", EntityType::Org)]
        );
    }
}
