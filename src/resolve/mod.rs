//! Stage 4, resolve: group a document's mentions into entities (acronym ↔
//! long name, surname ↔ full name, genitive/adjective ↔ base form) and give
//! each a stable id: the knowledge-base id where known, else a slug of the
//! canonical name.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::recognize::{EntityType, Recognized};
use crate::text::slug;

/// One real-world thing mentioned in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Stable id: `Q…`, `geonames:…`, or `per:slug` / `org:slug` / `loc:slug`.
    pub id: String,
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
    format!("{}:{}", etype.as_str().to_ascii_lowercase(), slug(label))
}

/// Resolve the mentions of one document.
pub fn resolve(text: &str, recognized: &Recognized) -> Resolved {
    let mut out = Resolved::default();
    for m in &recognized.mentions {
        let surface = m.text(text);
        let label = m.canonical.clone().unwrap_or_else(|| surface.to_string());
        let id = m.kb_id.clone().unwrap_or_else(|| local_id(m.etype, &label));
        let idx = match out.entities.iter().position(|e| e.id == id) {
            Some(i) => i,
            None => {
                out.entities.push(Entity {
                    id,
                    label,
                    etype: m.etype,
                    kb_id: m.kb_id.clone(),
                    aliases: BTreeSet::new(),
                });
                out.entities.len() - 1
            }
        };
        out.entities[idx].aliases.insert(surface.to_string());
        out.mention_entity.push(idx);
    }
    out
}
