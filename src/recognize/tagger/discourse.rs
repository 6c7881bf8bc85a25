//! One sense per discourse: a capitalized word the model tags as a one-word
//! name somewhere in a document ("Tokajew sprach") is the same name wherever
//! else it occurs there, also in the genitive ("Tokajews Idee"), and keeps
//! one type, the one most of its tags agree on.

use std::collections::HashMap;

use super::features::{lowercase_into, DocEvidence, WordClasses};
use crate::recognize::{EntityType, Mention, Source};
use crate::segment::Sentence;

/// Make the model's one-word names in `spans` (sorted by sentence) agree
/// across the document: relabel them to their majority type and add the
/// occurrences the model left untagged. Words listed as common nouns are
/// left alone.
pub fn harmonize(
    text: &str,
    sentences: &[Sentence],
    classes: &WordClasses,
    spans: &mut Vec<Mention>,
) {
    let mut buf = String::new();
    let mut key_of = |start: usize, end: usize| -> Option<u64> {
        let w = &text[start..end];
        if !w.chars().next().is_some_and(char::is_uppercase)
            || classes.get(super::features::hash_bytes(w.as_bytes())) & 1 != 0
        {
            return None;
        }
        lowercase_into(w, &mut buf);
        Some(DocEvidence::key(&buf))
    };
    // votes per word: PER, ORG, LOC
    let mut votes: HashMap<u64, [u32; 3]> = HashMap::new();
    let mut single = vec![None; spans.len()];
    for (k, m) in spans.iter().enumerate() {
        let Some(s) = sentences.get(m.sentence) else {
            continue;
        };
        let first = s.tokens.partition_point(|t| t.start < m.start);
        if s.tokens.get(first).is_some_and(|t| t.end == m.end) {
            if let Some(key) = key_of(m.start, m.end) {
                votes.entry(key).or_default()[type_index(m.etype)] += 1;
                single[k] = Some(key);
            }
        }
    }
    if votes.is_empty() {
        return;
    }
    let majority = |v: &[u32; 3]| -> EntityType {
        let mut best = 0;
        for i in 1..3 {
            if v[i] > v[best] {
                best = i;
            }
        }
        EntityType::ALL[best]
    };
    for (m, key) in spans.iter_mut().zip(&single) {
        if let Some(v) = key.and_then(|k| votes.get(&k)) {
            m.etype = majority(v);
        }
    }
    let mut added = Vec::new();
    let mut next = 0; // first span not before the current sentence
    for s in sentences {
        while next < spans.len() && spans[next].sentence < s.index {
            next += 1;
        }
        let mut end = next;
        while end < spans.len() && spans[end].sentence == s.index {
            end += 1;
        }
        let here = &spans[next..end];
        for t in &s.tokens {
            if here.iter().any(|m| m.start < t.end && t.start < m.end) {
                continue;
            }
            if let Some(v) = key_of(t.start, t.end).and_then(|k| votes.get(&k)) {
                added.push(Mention {
                    sentence: s.index,
                    start: t.start,
                    end: t.end,
                    etype: majority(v),
                    kb_id: None,
                    canonical: None,
                    source: Source::Model,
                });
            }
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|m| (m.sentence, m.start, m.end));
    }
}

fn type_index(t: EntityType) -> usize {
    match t {
        EntityType::Per => 0,
        EntityType::Org => 1,
        EntityType::Loc => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn mention(
        text: &str,
        sentences: &[Sentence],
        word: &str,
        nth: usize,
        t: EntityType,
    ) -> Mention {
        let start = text.match_indices(word).nth(nth).expect("word in text").0;
        let sentence = sentences.iter().position(|s| s.end > start).unwrap();
        Mention {
            sentence,
            start,
            end: start + word.len(),
            etype: t,
            kb_id: None,
            canonical: None,
            source: Source::Model,
        }
    }

    #[test]
    fn one_word_names_agree_across_the_document() {
        let text =
            "Kowalczyk sprach. Kowalczyk kam. Die Rede Kowalczyks war kurz. Haus und Kowalczyk.";
        let sentences = segment(text);
        let classes = WordClasses::parse("Haus\tnoun\nRede\tnoun\n", "t").unwrap();
        let mut spans = vec![
            mention(text, &sentences, "Kowalczyk", 0, EntityType::Per),
            mention(text, &sentences, "Kowalczyk", 1, EntityType::Per),
            mention(text, &sentences, "Kowalczyk", 3, EntityType::Org),
        ];
        harmonize(text, &sentences, &classes, &mut spans);
        let got: Vec<(&str, EntityType)> = spans
            .iter()
            .map(|m| (&text[m.start..m.end], m.etype))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Kowalczyk", EntityType::Per),
                ("Kowalczyk", EntityType::Per),
                ("Kowalczyks", EntityType::Per),
                ("Kowalczyk", EntityType::Per),
            ]
        );
    }

    #[test]
    fn common_nouns_are_left_alone() {
        let text = "Haus brennt. Das Haus ist alt.";
        let sentences = segment(text);
        let classes = WordClasses::parse("Haus\tnoun\n", "t").unwrap();
        let mut spans = vec![mention(text, &sentences, "Haus", 0, EntityType::Loc)];
        harmonize(text, &sentences, &classes, &mut spans);
        assert_eq!(spans.len(), 1);
    }
}
