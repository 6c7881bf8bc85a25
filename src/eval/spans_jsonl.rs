//! Reader for JSONL documents with char-offset entity spans (SmartData):
//! `{"id", "text", "entities": [{"start", "end", "type"}]}` per line, offsets
//! counted in Unicode characters. Types map onto PER, ORG and LOC as
//! documented in `data/README.md`; all others are ignored.

use std::path::Path;

use serde::Deserialize;

use super::{GoldDoc, GoldLabel, GoldSpan};
use crate::error::{Error, ErrorKind, Result};
use crate::recognize::EntityType;

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    entities: Vec<Entity>,
}

#[derive(Deserialize)]
struct Entity {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

/// Map a span type to a label; `surface` is the span's text.
///
/// - PER: `PERSON`, `PER`
/// - ORG: `ORGANIZATION`, `ORGANIZATION_COMPANY`, `ORG`
/// - LOC: `LOCATION`, `LOCATION_CITY`, `LOC`
/// - ignored: traffic infrastructure (`LOCATION_STOP` stations,
///   `LOCATION_ROUTE` train lines, `LOCATION_STREET` mostly motorway numbers),
///   `ORG_POSITION` (roles), dates, numbers, triggers; and spans of the three
///   types starting lowercase (SmartData marks adjectives like "deutschen" and
///   phrases like "beiden Richtungen" as locations, GermEval calls the former
///   LOCderiv).
pub fn map_type(kind: &str, surface: &str) -> GoldLabel {
    let t = match kind.to_ascii_uppercase().as_str() {
        "PERSON" | "PER" => EntityType::Per,
        "ORGANIZATION" | "ORGANIZATION_COMPANY" | "ORG" => EntityType::Org,
        "LOCATION" | "LOCATION_CITY" | "LOC" => EntityType::Loc,
        _ => return GoldLabel::Ignored,
    };
    if surface.chars().next().is_some_and(|c| c.is_lowercase()) {
        GoldLabel::Ignored
    } else {
        GoldLabel::Entity(t)
    }
}

/// Parse a span JSONL file: one [`GoldDoc`] per line.
pub fn parse(text: &str, path: &Path) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.trim_start_matches('\u{feff}').trim();
        if raw.is_empty() {
            continue;
        }
        let err = |msg: String| {
            Error::new(ErrorKind::Corpus(msg))
                .at_path(path)
                .at_line(i + 1)
        };
        let line: Line = serde_json::from_str(raw).map_err(|e| err(e.to_string()))?;
        // char offset -> byte offset, with one entry past the end
        let mut bytes: Vec<usize> = line.text.char_indices().map(|(b, _)| b).collect();
        bytes.push(line.text.len());
        let mut spans = Vec::with_capacity(line.entities.len());
        for e in &line.entities {
            if e.start >= e.end || e.end >= bytes.len() {
                return Err(err(format!(
                    "entity offsets {}..{} outside the text ({} chars)",
                    e.start,
                    e.end,
                    bytes.len() - 1
                )));
            }
            let (start, end) = (bytes[e.start], bytes[e.end]);
            spans.push(GoldSpan {
                start,
                end,
                label: map_type(&e.kind, &line.text[start..end]),
            });
        }
        spans.sort();
        spans.dedup();
        let id = match &line.id {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => format!("{}:{}", path.display(), i + 1),
        };
        docs.push(GoldDoc {
            id,
            text: line.text,
            spans,
            tokens: Vec::new(),
        });
    }
    Ok(docs)
}
