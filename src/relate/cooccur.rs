//! `co_occurs`: one undirected relation per pair of distinct entities
//! mentioned in the same sentence; in a "sentence" naming more than
//! [`WINDOW`] + 1 entities (a list or a table), per pair of entities at most
//! [`WINDOW`] apart, so that the pairs grow linearly, not quadratically.

use std::sync::Arc;

use super::{DocumentView, Evidence, Relation, RelationKind};

/// An entity is paired with the next this many distinct entities of its
/// sentence, in order of their first mention there: every pair in a sentence
/// of up to 21 entities, and 20 pairs per entity in a list of 3,000 names
/// rather than 4.5 million pairs.
pub const WINDOW: usize = 20;

/// The co-occurrence relations of a document, one per entity pair and sentence.
pub fn co_occurrences(view: &DocumentView<'_>) -> Vec<Relation> {
    let mut out = Vec::new();
    let mentions = &view.recognized.mentions;
    let mut ids: Vec<&Arc<str>> = Vec::new();
    // the sentence each entity was last seen in
    let mut last_sentence: Vec<Option<usize>> = vec![None; view.resolved.entities.len()];
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
        // distinct entities in order of first mention
        ids.clear();
        for &e in &view.resolved.mention_entity[first..i] {
            if last_sentence[e] != Some(s) {
                last_sentence[e] = Some(s);
                ids.push(&view.resolved.entities[e].id);
            }
        }
        let evidence = Evidence::for_sentence(view.doc, view.chars, sentence);
        for a in 0..ids.len() {
            for b in a + 1..ids.len().min(a + 1 + WINDOW) {
                let (x, y) = if ids[a] < ids[b] {
                    (ids[a], ids[b])
                } else {
                    (ids[b], ids[a])
                };
                out.push(Relation::plain(
                    RelationKind::CoOccurs,
                    Arc::clone(x),
                    Arc::clone(y),
                    evidence.clone(),
                ));
            }
        }
    }
    out
}
