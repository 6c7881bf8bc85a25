//! Relation patterns on short hand-marked sentences (tests/data/relations.toml):
//! every relation type, every CAMEO root covered, negation, passive voice,
//! coordination. Mentions are given, so these test the relate stage alone.

use nergraph::lexicon::DataSource;
use nergraph::read::Document;
use nergraph::relate::{marked, DocumentView, Relater, Relation, RelationKind};
use nergraph::resolve::resolve;
use nergraph::segment::segment;
use nergraph::text::CharIndex;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    relations: Vec<String>,
}

/// The typed relations of marked-up text, described and sorted.
pub fn typed_relations(relater: &Relater, marked_text: &str) -> Vec<String> {
    let (text, recognized) = marked::parse(marked_text, segment).expect("valid markup");
    let doc = Document::new("case", text);
    let sentences = segment(&doc.text);
    let resolved = resolve(&doc.text, &recognized);
    let chars = CharIndex::new(&doc.text);
    let view = DocumentView {
        doc: &doc,
        sentences: &sentences,
        recognized: &recognized,
        resolved: &resolved,
        chars: &chars,
    };
    let mut out: Vec<String> = relater
        .relate(&view)
        .iter()
        .filter(|r| r.kind != RelationKind::CoOccurs)
        .map(Relation::describe)
        .collect();
    out.sort();
    out
}

#[test]
fn relation_cases() {
    let cases: Cases =
        toml::from_str(include_str!("data/relations.toml")).expect("relations.toml parses");
    let relater = Relater::load(&DataSource::builtin()).unwrap();
    let mut failures = Vec::new();
    for c in &cases.case {
        let got = typed_relations(&relater, &c.text);
        let mut want = c.relations.clone();
        want.sort();
        if got != want {
            failures.push(format!(
                "{}\n  text: {}\n  want: {:?}\n  got:  {:?}",
                c.name, c.text, want, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}

#[test]
fn every_cameo_root_in_the_cases_is_in_the_lexicon() {
    let cases: Cases = toml::from_str(include_str!("data/relations.toml")).unwrap();
    let relater = Relater::load(&DataSource::builtin()).unwrap();
    let mut covered: Vec<String> = cases
        .case
        .iter()
        .flat_map(|c| c.relations.iter())
        .filter_map(|r| r.split_whitespace().find_map(|w| w.strip_prefix("cameo=")))
        .map(str::to_string)
        .collect();
    covered.sort();
    covered.dedup();
    let roots: Vec<String> = (1..=20).map(|c| format!("{:02}", c)).collect();
    assert_eq!(covered, roots, "a test case per CAMEO root");
    assert!(relater.triggers().len() >= 200);
}
