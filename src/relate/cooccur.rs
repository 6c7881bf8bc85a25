//! `co_occurs`: one undirected relation per pair of distinct entities
//! mentioned in the same sentence.

use std::collections::BTreeSet;

use super::{DocumentView, Evidence, Relation, RelationKind};

/// The co-occurrence relations of a document, one per entity pair and sentence.
pub fn co_occurrences(view: &DocumentView<'_>) -> Vec<Relation> {
    let mut out = Vec::new();
    let mentions = &view.recognized.mentions;
    let mut i = 0;
    while i < mentions.len() {
        let s = mentions[i].sentence;
        let mut ids = BTreeSet::new();
        while i < mentions.len() && mentions[i].sentence == s {
            ids.insert(
                view.resolved.entities[view.resolved.mention_entity[i]]
                    .id
                    .as_str(),
            );
            i += 1;
        }
        let Some(sentence) = view.sentences.get(s) else {
            continue;
        };
        let ids: Vec<&str> = ids.into_iter().collect();
        if ids.len() < 2 {
            continue;
        }
        let evidence = Evidence::for_sentence(view.doc, view.chars, sentence);
        for a in 0..ids.len() {
            for b in a + 1..ids.len() {
                out.push(Relation {
                    source: Some(ids[a].to_string()),
                    target: ids[b].to_string(),
                    kind: RelationKind::CoOccurs,
                    cameo: None,
                    trigger: None,
                    role: None,
                    former: false,
                    reported: false,
                    evidence: evidence.clone(),
                });
            }
        }
    }
    out
}
