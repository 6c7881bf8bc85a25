//! Scoring `leads` relations against SmartData's `OrganizationLeadership`
//! (person → organization) annotations.
//!
//! Matching rule: a predicted `leads` relation from a person to an
//! organization matches a gold relation when its source mention overlaps the
//! gold `person` argument and its target mention overlaps the gold
//! `organization` argument (char offsets); each gold relation is matched at
//! most once. Precision = matched predictions / predictions, recall =
//! matched gold relations / gold relations. Predictions are counted once per
//! (source span, target span). Former roles ("der ehemalige Chef") are not
//! predictions: the gold relation is current leadership.
//!
//! A second, document-level score counts each predicted (person entity,
//! organization entity) pair of a document once and matches it when the two
//! entities have mentions (or names) at the arguments of a gold relation of
//! that document: a relation stated twice, of which the gold marks one
//! occurrence, or an organization the recognizer spans differently in another
//! sentence, is then not an error.

use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::metrics::{Counts, Scores};
use crate::error::{Error, ErrorKind, Result};
use crate::pipeline::{Analysis, Pipeline};
use crate::read::Document;
use crate::recognize::{EntityType, Mention, Source};
use crate::relate::RelationKind;

/// The SmartData relation scored.
pub const GOLD_RELATION: &str = "OrganizationLeadership";

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    entities: Vec<GoldArg>,
    #[serde(default)]
    relations: Vec<GoldRelationLine>,
}

#[derive(Deserialize)]
struct GoldRelationLine {
    name: String,
    args: Vec<GoldArg>,
}

#[derive(Deserialize, Clone)]
struct GoldArg {
    #[serde(default)]
    role: Option<String>,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

/// A char-offset span `[start, end)`.
pub type CharSpan = (usize, usize);

/// One gold leadership relation: person and organization spans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldLeadership {
    /// The person argument.
    pub person: CharSpan,
    /// The organization argument.
    pub organization: CharSpan,
}

/// A document with its gold entities and leadership relations.
#[derive(Debug, Clone)]
pub struct RelationDoc {
    /// `file:line` or the corpus id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Gold PER/ORG/LOC entity spans (for `--gold-entities`).
    pub entities: Vec<(CharSpan, EntityType)>,
    /// Gold leadership relations.
    pub gold: Vec<GoldLeadership>,
}

fn entity_type(kind: &str) -> Option<EntityType> {
    match kind {
        "PERSON" => Some(EntityType::Per),
        "ORGANIZATION" | "ORGANIZATION_COMPANY" => Some(EntityType::Org),
        "LOCATION" | "LOCATION_CITY" => Some(EntityType::Loc),
        _ => None,
    }
}

/// Parse SmartData JSONL: every document, with its `OrganizationLeadership`
/// relations (one per person argument).
pub fn parse(text: &str, path: &Path) -> Result<Vec<RelationDoc>> {
    let mut docs = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.trim_start_matches('\u{feff}').trim();
        if raw.is_empty() {
            continue;
        }
        let line: Line = serde_json::from_str(raw).map_err(|e| {
            Error::new(ErrorKind::Corpus(format!("invalid JSON: {}", e)))
                .at_path(path)
                .at_line(i + 1)
        })?;
        let n = line.text.chars().count();
        let ok = |a: &GoldArg| a.start < a.end && a.end <= n;
        let mut gold = Vec::new();
        for r in line.relations.iter().filter(|r| r.name == GOLD_RELATION) {
            let org = r
                .args
                .iter()
                .find(|a| a.role.as_deref() == Some("organization") && ok(a));
            for p in r
                .args
                .iter()
                .filter(|a| a.role.as_deref() == Some("person") && ok(a))
            {
                if let Some(o) = org {
                    gold.push(GoldLeadership {
                        person: (p.start, p.end),
                        organization: (o.start, o.end),
                    });
                }
            }
        }
        let entities = line
            .entities
            .iter()
            .filter(|a| ok(a))
            .filter_map(|a| entity_type(&a.kind).map(|t| ((a.start, a.end), t)))
            .collect();
        let id = match line.id {
            Some(serde_json::Value::String(s)) => s,
            _ => format!("{}:{}", path.display(), i + 1),
        };
        docs.push(RelationDoc {
            id,
            text: line.text,
            entities,
            gold,
        });
    }
    Ok(docs)
}

/// Read a SmartData JSONL file.
pub fn read(path: &Path) -> Result<Vec<RelationDoc>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::from(e).at_path(path))?;
    parse(&text, path)
}

/// One predicted `leads` relation, by char spans.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Predicted {
    /// The person's mention.
    pub person: CharSpan,
    /// The organization's mention.
    pub organization: CharSpan,
}

/// A scored example for the error lists.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    /// Document id.
    pub doc: String,
    /// Person text.
    pub person: String,
    /// Organization text.
    pub organization: String,
    /// The text around both (at most 200 characters).
    pub context: String,
}

impl Example {
    /// The person at `person` and the organization at `organization` in `d`.
    fn of(d: &RelationDoc, person: CharSpan, organization: CharSpan) -> Example {
        Example {
            doc: d.id.clone(),
            person: slice(&d.text, person),
            organization: slice(&d.text, organization),
            context: context(&d.text, person, organization),
        }
    }
}

/// The result of a relation evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RelationReport {
    /// Documents read.
    pub documents: usize,
    /// Gold relations.
    pub gold: usize,
    /// Predicted `leads` person → organization relations.
    pub predicted: usize,
    /// True positives, false positives, false negatives.
    pub counts: Counts,
    /// Precision, recall, F1.
    pub scores: Scores,
    /// Whether gold entity spans were given to the relation finder.
    pub gold_entities: bool,
    /// Predictions matching no gold relation.
    pub false_positives: Vec<Example>,
    /// Gold relations nothing matched.
    pub misses: Vec<Example>,
    /// The document-level score (entity pairs).
    pub document_level: DocumentLevel,
}

fn overlaps(a: CharSpan, b: CharSpan) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn slice(text: &str, (s, e): CharSpan) -> String {
    text.chars().skip(s).take(e - s).collect()
}

/// The text from 40 characters before the first span to 40 after the last,
/// at most 200 characters, on one line.
fn context(text: &str, a: CharSpan, b: CharSpan) -> String {
    let start = a.0.min(b.0).saturating_sub(40);
    let end = a.1.max(b.1) + 40;
    let s: String = text
        .chars()
        .skip(start)
        .take((end - start).min(200))
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `leads` person → organization predictions of an analysis.
pub fn predictions(a: &Analysis) -> Vec<Predicted> {
    let etype = |id: &str| {
        a.resolved
            .entities
            .iter()
            .find(|e| &*e.id == id)
            .map(|e| e.etype)
    };
    let mut out: Vec<Predicted> = a
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Leads && !r.former)
        .filter(|r| {
            r.source.as_deref().and_then(etype) == Some(EntityType::Per)
                && etype(&r.target) == Some(EntityType::Org)
        })
        .filter_map(|r| {
            Some(Predicted {
                person: r.evidence.source_span?,
                organization: r.evidence.target_span?,
            })
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Where an entity of a document is named: its mentions' char spans and its
/// names, normalized by [`norm_name`].
#[derive(Debug, Clone, Default)]
struct Named {
    spans: Vec<CharSpan>,
    names: Vec<String>,
}

impl Named {
    /// Whether the entity is named at `span` (text `surface`).
    fn covers(&self, span: CharSpan, surface: &str) -> bool {
        self.spans.iter().any(|&s| overlaps(s, span)) || {
            let n = norm_name(surface);
            self.names.contains(&n)
        }
    }
}

/// A name compared across spellings: folded, hyphens and line breaks as
/// spaces, a final genitive or inflection "s"/"n" dropped from the last word
/// only when the word is longer than 4 letters ("Deutschen Börse" and
/// "Deutsche-Börse" both give "deutsche börse").
fn norm_name(s: &str) -> String {
    let folded = crate::text::fold(s).replace(['-', '\n'], " ");
    let words: Vec<String> = folded
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            match w.strip_suffix('n').or_else(|| w.strip_suffix('s')) {
                Some(stem) if stem.chars().count() >= 4 => stem.to_string(),
                _ => w.to_string(),
            }
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// One predicted (person, organization) entity pair of a document, with the
/// first evidence for the error lists.
#[derive(Debug, Clone)]
struct PredictedPair {
    person: Named,
    organization: Named,
    example: Predicted,
}

/// The `leads` person → organization entity pairs of an analysis, once each.
fn pair_predictions(a: &Analysis) -> Vec<PredictedPair> {
    let index: std::collections::HashMap<&str, usize> = a
        .resolved
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (&*e.id, i))
        .collect();
    let mut named = vec![Named::default(); a.resolved.entities.len()];
    for (m, &e) in a.recognized.mentions.iter().zip(&a.resolved.mention_entity) {
        if let Some(n) = named.get_mut(e) {
            n.spans
                .push((a.chars.char_at(m.start), a.chars.char_at(m.end)));
        }
    }
    for (n, e) in named.iter_mut().zip(&a.resolved.entities) {
        n.names = std::iter::once(&e.label)
            .chain(&e.aliases)
            .map(|s| norm_name(s))
            .collect();
    }
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for r in &a.relations {
        if r.kind != RelationKind::Leads || r.former {
            continue;
        }
        let (Some(p), Some(o)) = (
            r.source.as_deref().and_then(|s| index.get(s).copied()),
            index.get(&*r.target).copied(),
        ) else {
            continue;
        };
        if a.resolved.entities[p].etype != EntityType::Per
            || a.resolved.entities[o].etype != EntityType::Org
            || seen.contains(&(p, o))
        {
            continue;
        }
        let (Some(ps), Some(os)) = (r.evidence.source_span, r.evidence.target_span) else {
            continue;
        };
        seen.push((p, o));
        out.push(PredictedPair {
            person: named[p].clone(),
            organization: named[o].clone(),
            example: Predicted {
                person: ps,
                organization: os,
            },
        });
    }
    out
}

/// Analyze one document, with the recognizer or with its gold entities.
fn analyze(pipeline: &Pipeline, d: &RelationDoc, gold_entities: bool) -> Analysis {
    let doc = Document::new(d.id.clone(), d.text.clone());
    if !gold_entities {
        return pipeline.analyze(doc);
    }
    // char offsets → byte offsets
    let bytes: Vec<usize> = d
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(d.text.len()))
        .collect();
    let mut mentions: Vec<Mention> = d
        .entities
        .iter()
        .map(|&((s, e), etype)| Mention {
            sentence: 0,
            start: bytes[s],
            end: bytes[e],
            etype,
            kb_id: None,
            canonical: None,
            source: Source::Pattern,
            derived: false,
        })
        .collect();
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // keep them non-overlapping: the first (longest) at each position wins
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    pipeline.analyze_with_mentions(doc, kept)
}

/// Score `leads` on `docs` (in parallel; the report does not depend on
/// thread timing).
pub fn evaluate(pipeline: &Pipeline, docs: &[RelationDoc], gold_entities: bool) -> RelationReport {
    let predicted: Vec<(Vec<Predicted>, Vec<PredictedPair>)> = docs
        .par_iter()
        .map(|d| {
            let a = analyze(pipeline, d, gold_entities);
            (predictions(&a), pair_predictions(&a))
        })
        .collect();
    let mut report = RelationReport {
        documents: docs.len(),
        gold_entities,
        ..RelationReport::default()
    };
    for (d, (preds, pairs)) in docs.iter().zip(&predicted) {
        score_pairs(d, pairs, &mut report.document_level);
        let mut used = vec![false; d.gold.len()];
        report.gold += d.gold.len();
        report.predicted += preds.len();
        for p in preds {
            let hit = d.gold.iter().enumerate().position(|(i, g)| {
                !used[i] && overlaps(p.person, g.person) && overlaps(p.organization, g.organization)
            });
            match hit {
                Some(i) => {
                    used[i] = true;
                    report.counts.tp += 1;
                }
                None => {
                    report.counts.fp += 1;
                    report
                        .false_positives
                        .push(Example::of(d, p.person, p.organization));
                }
            }
        }
        for (g, u) in d.gold.iter().zip(&used) {
            if !u {
                report.counts.fn_ += 1;
                report.misses.push(Example::of(d, g.person, g.organization));
            }
        }
    }
    report.scores = report.counts.scores();
    report.document_level.finish();
    report
}

/// Document-level scoring of one document's entity pairs.
fn score_pairs(d: &RelationDoc, pairs: &[PredictedPair], out: &mut DocumentLevel) {
    let surface = |s: CharSpan| slice(&d.text, s);
    let matches = |p: &PredictedPair, g: &GoldLeadership| {
        p.person.covers(g.person, &surface(g.person))
            && p.organization
                .covers(g.organization, &surface(g.organization))
    };
    out.gold += d.gold.len();
    out.predicted += pairs.len();
    for p in pairs {
        if d.gold.iter().any(|g| matches(p, g)) {
            out.correct += 1;
        } else {
            out.false_positives
                .push(Example::of(d, p.example.person, p.example.organization));
        }
    }
    out.found += d
        .gold
        .iter()
        .filter(|g| pairs.iter().any(|p| matches(p, g)))
        .count();
}

/// The document-level score: predicted (person, organization) entity pairs
/// per document against the gold relations of that document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentLevel {
    /// Gold relations.
    pub gold: usize,
    /// Gold relations some predicted pair names.
    pub found: usize,
    /// Predicted entity pairs (once per document).
    pub predicted: usize,
    /// Predicted pairs naming the arguments of a gold relation.
    pub correct: usize,
    /// `correct / predicted`.
    pub precision: f64,
    /// `found / gold`.
    pub recall: f64,
    /// Predicted pairs matching no gold relation.
    pub false_positives: Vec<Example>,
}

impl DocumentLevel {
    fn finish(&mut self) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.correct, self.predicted);
        self.recall = ratio(self.found, self.gold);
    }
}

impl RelationReport {
    /// The report as text.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "leads (person -> organization) vs. SmartData {} [{}]\n\
             documents {}  gold {}  predicted {}  matched {}\n\
             precision {:.3}  recall {:.3}  F1 {:.3}\n",
            GOLD_RELATION,
            if self.gold_entities {
                "gold entities"
            } else {
                "recognized entities"
            },
            self.documents,
            self.gold,
            self.predicted,
            self.counts.tp,
            self.scores.p,
            self.scores.r,
            self.scores.f1
        );
        let dl = &self.document_level;
        s.push_str(&format!(
            "document level (entity pairs): predicted {}  correct {}  gold found {}/{}\n\
             precision {:.3}  recall {:.3}\n",
            dl.predicted, dl.correct, dl.found, dl.gold, dl.precision, dl.recall
        ));
        for (title, list) in [
            ("false positives", &self.false_positives),
            ("misses", &self.misses),
            (
                "document-level false positives",
                &self.document_level.false_positives,
            ),
        ] {
            if list.is_empty() {
                continue;
            }
            s.push_str(&format!("{}:\n", title));
            for e in list.iter().take(20) {
                s.push_str(&format!(
                    "  {} -> {}\n      {}\n",
                    e.person.replace('\n', " "),
                    e.organization.replace('\n', " "),
                    e.context
                ));
            }
        }
        s
    }

    /// The report as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"{"id": "d1", "text": "Der Chef der Firma Acme, Max Muster, sagte.", "entities": [{"start": 19, "end": 23, "type": "ORGANIZATION_COMPANY"}, {"start": 25, "end": 35, "type": "PERSON"}], "relations": [{"name": "OrganizationLeadership", "args": [{"role": "person", "start": 25, "end": 35, "type": "PERSON"}, {"role": "organization", "start": 19, "end": 23, "type": "ORGANIZATION_COMPANY"}, {"role": "position", "start": 4, "end": 8, "type": "ORG_POSITION"}]}, {"name": "Strike", "args": []}]}"#;

    #[test]
    fn parses_leadership_and_entities() {
        let docs = parse(LINE, Path::new("x.jsonl")).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].gold,
            vec![GoldLeadership {
                person: (25, 35),
                organization: (19, 23)
            }]
        );
        assert_eq!(docs[0].entities.len(), 2);
        let err = parse("{", Path::new("x.jsonl")).unwrap_err();
        assert_eq!(err.line(), Some(1));
    }

    #[test]
    fn names_compare_across_inflection_and_hyphens() {
        assert_eq!(norm_name("Deutschen Börse"), norm_name("Deutsche-Börse"));
        assert_eq!(
            norm_name("Christian\nLorenz"),
            norm_name("Christian Lorenz")
        );
        assert_ne!(norm_name("SPD"), norm_name("CDU"));
    }

    /// The same leader named twice; the gold marks the first sentence only.
    const TWICE: &str = r#"{"id": "d2", "text": "Der Chef der Firma Acme, Max Muster, sagte das. Max Muster, Chef der Firma Acme, sagte auch das.", "entities": [{"start": 19, "end": 23, "type": "ORGANIZATION_COMPANY"}, {"start": 25, "end": 35, "type": "PERSON"}, {"start": 48, "end": 58, "type": "PERSON"}, {"start": 75, "end": 79, "type": "ORGANIZATION_COMPANY"}], "relations": [{"name": "OrganizationLeadership", "args": [{"role": "person", "start": 25, "end": 35, "type": "PERSON"}, {"role": "organization", "start": 19, "end": 23, "type": "ORGANIZATION_COMPANY"}]}]}"#;

    #[test]
    fn document_level_counts_an_entity_pair_once() {
        let docs = parse(TWICE, Path::new("x.jsonl")).unwrap();
        let pipeline = Pipeline::builtin().unwrap();
        let report = evaluate(&pipeline, &docs, true);
        // mention level: the second, unmarked statement is a false positive
        assert_eq!(
            (report.counts.tp, report.counts.fp),
            (1, 1),
            "{}",
            report.to_text()
        );
        let dl = &report.document_level;
        assert_eq!((dl.predicted, dl.correct, dl.found, dl.gold), (1, 1, 1, 1));
        assert_eq!(dl.precision, 1.0);
    }

    #[test]
    fn gold_entities_give_a_match() {
        let docs = parse(LINE, Path::new("x.jsonl")).unwrap();
        let pipeline = Pipeline::builtin().unwrap();
        let report = evaluate(&pipeline, &docs, true);
        assert_eq!(report.counts.tp, 1, "{}", report.to_text());
        assert_eq!(report.counts.fp, 0);
        assert_eq!(report.counts.fn_, 0);
    }
}
