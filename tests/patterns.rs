//! Table-driven pattern recognizer cases from `tests/data/patterns.toml`, run
//! through the full pipeline without the learned tagger.

use nergraph::lexicon::DataSource;
use nergraph::pipeline::{Pipeline, PipelineOptions};
use nergraph::read::Document;
use nergraph::recognize::RecognizerOptions;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    mentions: Vec<(String, String)>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    aliases: Vec<(String, String)>,
}

/// A pipeline with lists and patterns only.
pub fn pattern_pipeline() -> Pipeline {
    Pipeline::new(&PipelineOptions {
        data: DataSource::builtin(),
        recognizer: RecognizerOptions {
            no_model: true,
            model_path: None,
        },
    })
    .unwrap()
}

#[test]
fn pattern_cases() {
    let cases: Vec<Case> = crate::harness::cases("patterns");
    let pipeline = pattern_pipeline();
    let mut failures = Vec::new();
    for case in &cases {
        let a = pipeline.analyze(Document::new(&case.name, case.text.as_str()));
        let text = &a.doc.text;
        let found: Vec<(String, String)> = a
            .recognized
            .mentions
            .iter()
            .map(|m| (m.text(text).to_string(), m.etype.to_string()))
            .collect();
        for want in &case.mentions {
            if !found.contains(want) {
                failures.push(format!("{}: missing {:?} in {:?}", case.name, want, found));
            }
        }
        for bad in &case.absent {
            if found.iter().any(|(t, _)| t == bad) {
                failures.push(format!(
                    "{}: unexpected {:?} in {:?}",
                    case.name, bad, found
                ));
            }
        }
        for (long, short) in &case.aliases {
            let ok = a.recognized.aliases.iter().any(|l| {
                a.recognized.mentions[l.long].text(text) == long
                    && a.recognized.mentions[l.short].text(text) == short
            });
            if !ok {
                failures.push(format!("{}: missing alias {} = {}", case.name, long, short));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
