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

/// A pipeline with lists and patterns only, as `--no-model` runs it.
pub fn pattern_pipeline() -> Pipeline {
    lists_pipeline(true)
}

fn lists_pipeline(listed_first_names: bool) -> Pipeline {
    Pipeline::new(&PipelineOptions {
        data: DataSource::builtin(),
        recognizer: RecognizerOptions {
            no_model: true,
            model_path: None,
            listed_first_names,
        },
    })
    .unwrap()
}

#[test]
fn listed_first_names_start_person_names_without_the_tagger_only() {
    // "Winfried" and "Hartwig" are in the name list, not among the first
    // names of the training corpora
    let text = "Das Hoffen war vergebens: Winfried Voscherau lehnt es ab. \
                Den Altar gestaltete 1968 Hartwig Weinert.";
    let persons = |pipeline: &Pipeline| -> Vec<String> {
        let a = pipeline.analyze(Document::new("t", text));
        a.recognized
            .mentions
            .iter()
            .filter(|m| m.etype.to_string() == "PER")
            .map(|m| m.text(&a.doc.text).to_string())
            .collect()
    };
    assert_eq!(
        persons(&lists_pipeline(true)),
        ["Winfried Voscherau", "Hartwig Weinert"]
    );
    assert!(persons(&lists_pipeline(false)).is_empty());
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
