//! `located_in`: place → country. From the text ("Almaty in Kasachstan",
//! "im kasachischen Almaty") and, with a [`CountryLookup`] (the gazetteer),
//! for every linked place whose country the document also mentions.

use std::collections::HashSet;
use std::sync::Arc;

use foldhash::fast::FixedState;

use super::sentence::SentenceView;
use super::{Arg, CountryLookup, DocumentView, Evidence, Found, Relation, RelationKind};
use crate::recognize::gazetteer::Gazetteer;
use crate::recognize::EntityType;

impl CountryLookup for Gazetteer {
    fn country_of(&self, kb_id: &str) -> Option<String> {
        if let Some(c) = Gazetteer::country_of(self, kb_id) {
            return Some(c.to_string());
        }
        self.entry(kb_id)
            .filter(|e| e.kind.is_country())
            .map(|_| kb_id.to_string())
    }

    fn is_country(&self, kb_id: &str) -> bool {
        match Gazetteer::country_of(self, kb_id) {
            Some(c) => c == kb_id,
            None => self.entry(kb_id).is_some_and(|e| e.kind.is_country()),
        }
    }
}

/// "Almaty in Kasachstan" and "im kasachischen Almaty".
/// `is_country`: for each entity, whether it is a country (`None`: unknown).
pub(crate) fn find_in_text(
    is_country: &[Option<bool>],
    sv: &SentenceView<'_>,
    out: &mut Vec<Found>,
) {
    let loc = |a: usize| sv.actors[a].etype == EntityType::Loc && !sv.actors[a].embedded;
    let not_country = |a: usize| is_country[sv.actors[a].entity] != Some(true);
    let country = |a: usize| is_country[sv.actors[a].entity] != Some(false);
    for (p, place) in sv.actors.iter().enumerate() {
        if !loc(p) || place.adjectival || place.anaphor || !not_country(p) {
            continue;
        }
        // "Almaty in Kasachstan"
        let j = place.last + 1;
        if sv.lower.get(j).is_some_and(|&w| w == "in") {
            if let Some(c) = sv
                .actor_starting(j + 1)
                .filter(|&c| loc(c) && country(c) && !sv.actors[c].adjectival)
            {
                out.push(Found::new(
                    RelationKind::LocatedIn,
                    Some(Arg::from(place)),
                    Arg::from(&sv.actors[c]),
                    j,
                ));
                continue;
            }
        }
        // "im kasachischen Almaty"
        if place.first > 0 {
            if let Some(c) = sv.actor_at[place.first - 1] {
                let adj = &sv.actors[c];
                if loc(c) && adj.adjectival && adj.last + 1 == place.first && country(c) {
                    out.push(Found::new(
                        RelationKind::LocatedIn,
                        Some(Arg::from(place)),
                        Arg::from(adj),
                        adj.first,
                    ));
                }
            }
        }
    }
}

/// With a country lookup: each linked place → its country, if the document
/// mentions that country too. Evidence: the place's first mention.
pub(crate) fn find_in_gazetteer(
    countries: Option<&dyn CountryLookup>,
    view: &DocumentView<'_>,
    out: &mut Vec<Relation>,
) {
    let Some(lookup) = countries else {
        return;
    };
    let entities = &view.resolved.entities;
    let ids: HashSet<&str, FixedState> = entities.iter().map(|e| &*e.id).collect();
    let mut done = vec![false; entities.len()];
    for (m, men) in view.recognized.mentions.iter().enumerate() {
        let e = view.resolved.mention_entity[m];
        let place = &entities[e];
        if place.etype != EntityType::Loc || std::mem::replace(&mut done[e], true) {
            continue;
        }
        let Some(kb) = place.kb_id.as_deref() else {
            continue;
        };
        let Some(country) = lookup.country_of(kb) else {
            continue;
        };
        if country == kb || !ids.contains(country.as_str()) {
            continue;
        }
        let Some(s) = view.sentences.get(men.sentence) else {
            continue;
        };
        let mut evidence = Evidence::for_sentence(view.doc, view.chars, s);
        evidence.source_span = Some((view.chars.char_at(men.start), view.chars.char_at(men.end)));
        out.push(Relation::plain(
            RelationKind::LocatedIn,
            Arc::clone(&place.id),
            Arc::from(country),
            evidence,
        ));
    }
}
