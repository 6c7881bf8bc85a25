//! `co_occurs`: one undirected relation per pair of distinct entities
//! mentioned in the same sentence.

use super::{DocumentView, Evidence, Relation, RelationKind};

/// The co-occurrence relations of a document, one per entity pair and sentence.
pub fn co_occurrences(view: &DocumentView<'_>) -> Vec<Relation> {
    let mut out = Vec::new();
    let mentions = &view.recognized.mentions;
    let mut ids: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let s = mentions[i].sentence;
        let first = i;
        while i < mentions.len() && mentions[i].sentence == s {
            i += 1;
        }
        // one mention, or all of one entity: no pair
        let entity = view.resolved.mention_entity[first];
        if view.resolved.mention_entity[first..i]
            .iter()
            .all(|&e| e == entity)
        {
            continue;
        }
        let Some(sentence) = view.sentences.get(s) else {
            continue;
        };
        ids.clear();
        ids.extend(
            view.resolved.mention_entity[first..i]
                .iter()
                .map(|&e| view.resolved.entities[e].id.as_str()),
        );
        ids.sort_unstable();
        ids.dedup();
        let evidence = Evidence::for_sentence(view.doc, view.chars, sentence);
        for a in 0..ids.len() {
            for b in a + 1..ids.len() {
                out.push(Relation::plain(
                    RelationKind::CoOccurs,
                    ids[a].to_string(),
                    ids[b].to_string(),
                    evidence.clone(),
                ));
            }
        }
    }
    out
}
