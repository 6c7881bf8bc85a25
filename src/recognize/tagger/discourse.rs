//! One sense per discourse: a capitalized word the model tags as a one-word
//! name somewhere in a document ("Tokajew sprach") is the same name wherever
//! else it occurs there, also in the genitive ("Tokajews Idee"), and keeps
//! one type, the one most of its tags agree on.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::features::TokenInfo;
use crate::recognize::{EntityType, Mention, Source};
use crate::segment::Sentence;

/// Make the model's one-word names in `spans` (sorted by sentence) agree
/// across the document: relabel them to their majority type and add the
/// occurrences the model left untagged. `infos` are the sentences' token
/// infos; only words with a document key ([`TokenInfo::key`]: capitalized,
/// not listed as common nouns) take part.
pub fn harmonize(sentences: &[Sentence], infos: &[Vec<TokenInfo>], spans: &mut Vec<Mention>) {
    // the key of the token at byte `start` of sentence `k`, if it has one
    let key_at = |k: usize, start: usize| -> Option<(usize, u64)> {
        let s = sentences.get(k)?;
        let t = s.tokens.partition_point(|t| t.start < start);
        let key = infos.get(k)?.get(t)?.key;
        (key != 0).then_some((s.tokens[t].end, key))
    };
    // votes per word: PER, ORG, LOC
    let mut votes: HashMap<u64, [u32; 3], FixedState> = HashMap::default();
    let mut single = vec![None; spans.len()];
    for (k, m) in spans.iter().enumerate() {
        if let Some((end, key)) = key_at(m.sentence, m.start) {
            if end == m.end {
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
    for (s, infos) in sentences.iter().zip(infos) {
        while next < spans.len() && spans[next].sentence < s.index {
            next += 1;
        }
        let mut end = next;
        while end < spans.len() && spans[end].sentence == s.index {
            end += 1;
        }
        let here = &spans[next..end];
        for (t, info) in s.tokens.iter().zip(infos) {
            if info.key == 0 || here.iter().any(|m| m.start < t.end && t.start < m.end) {
                continue;
            }
            if let Some(v) = votes.get(&info.key) {
                added.push(Mention {
                    sentence: s.index,
                    start: t.start,
                    end: t.end,
                    etype: majority(v),
                    kb_id: None,
                    canonical: None,
                    source: Source::Model,
                    derived: false,
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
    use crate::recognize::tagger::features::{token_infos, WordClasses};
    use crate::segment::segment;

    fn infos(text: &str, sentences: &[Sentence], lexicon: &str) -> Vec<Vec<TokenInfo>> {
        let classes = WordClasses::parse(lexicon, "t").unwrap();
        sentences
            .iter()
            .map(|s| {
                let none = vec![0; s.tokens.len()];
                token_infos(text, s, &none, &none, &classes)
            })
            .collect()
    }

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
            derived: false,
        }
    }

    #[test]
    fn one_word_names_agree_across_the_document() {
        let text =
            "Kowalczyk sprach. Kowalczyk kam. Die Rede Kowalczyks war kurz. Haus und Kowalczyk.";
        let sentences = segment(text);
        let infos = infos(text, &sentences, "Haus\tnoun\nRede\tnoun\n");
        let mut spans = vec![
            mention(text, &sentences, "Kowalczyk", 0, EntityType::Per),
            mention(text, &sentences, "Kowalczyk", 1, EntityType::Per),
            mention(text, &sentences, "Kowalczyk", 3, EntityType::Org),
        ];
        harmonize(&sentences, &infos, &mut spans);
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
        let infos = infos(text, &sentences, "Haus\tnoun\n");
        let mut spans = vec![mention(text, &sentences, "Haus", 0, EntityType::Loc)];
        harmonize(&sentences, &infos, &mut spans);
        assert_eq!(spans.len(), 1);
    }
}
