//! Table-driven alias-merging cases from `tests/data/resolve.toml`, run
//! through the full pipeline without the learned tagger.

use serde::Deserialize;

use crate::patterns::pattern_pipeline;
use nergraph::read::Document;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    same: Vec<(String, String)>,
    #[serde(default)]
    different: Vec<(String, String)>,
    #[serde(default)]
    labels: Vec<(String, String)>,
}

#[test]
fn resolve_cases() {
    let cases: Vec<Case> = crate::harness::cases("resolve");
    let pipeline = pattern_pipeline();
    let mut failures = Vec::new();
    for case in &cases {
        let a = pipeline.analyze(Document::new(&case.name, case.text.as_str()));
        let text = &a.doc.text;
        let entity_of = |surface: &str| {
            a.recognized
                .mentions
                .iter()
                .position(|m| m.text(text) == surface)
                .map(|i| a.resolved.mention_entity[i])
        };
        let forms: Vec<&str> = a.recognized.mentions.iter().map(|m| m.text(text)).collect();
        for (x, y) in &case.same {
            match (entity_of(x), entity_of(y)) {
                (Some(ex), Some(ey)) if ex == ey => {}
                other => failures.push(format!(
                    "{}: {:?} and {:?} should be one entity ({:?}; mentions {:?})",
                    case.name, x, y, other, forms
                )),
            }
        }
        for (x, y) in &case.different {
            match (entity_of(x), entity_of(y)) {
                (Some(ex), Some(ey)) if ex != ey => {}
                other => failures.push(format!(
                    "{}: {:?} and {:?} should be two entities ({:?}; mentions {:?})",
                    case.name, x, y, other, forms
                )),
            }
        }
        for (surface, label) in &case.labels {
            let got = entity_of(surface).map(|e| a.resolved.entities[e].label.as_str());
            if got != Some(label.as_str()) {
                failures.push(format!(
                    "{}: label of {:?} is {:?}, want {:?}",
                    case.name, surface, got, label
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
