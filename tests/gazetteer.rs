//! Gazetteer matching cases from `tests/data/gazetteer.toml`: surface forms,
//! canonical labels, types, kb ids and sentence indices of the mentions.

use nergraph::lexicon::DataSource;
use nergraph::recognize::gazetteer::Gazetteer;
use nergraph::segment::segment;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    mentions: Vec<Expected>,
    #[serde(default)]
    same_kb: Vec<Vec<String>>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    label: String,
    #[serde(rename = "type")]
    etype: String,
    kb: Option<String>,
    sentence: Option<usize>,
}

#[test]
fn gazetteer_cases() {
    let cases: Vec<Case> = crate::harness::cases("gazetteer");
    let gaz = Gazetteer::load(&DataSource::builtin()).expect("gazetteer loads");
    let mut failures = Vec::new();
    for case in &cases {
        let sentences = segment(&case.text);
        let got = gaz.find(&case.text, &sentences);
        let got_view: Vec<String> = got
            .iter()
            .map(|m| {
                format!(
                    "{} -> {} {} {} s{}",
                    m.text(&case.text),
                    m.canonical.as_deref().unwrap_or("?"),
                    m.etype,
                    m.kb_id.as_deref().unwrap_or("-"),
                    m.sentence
                )
            })
            .collect();
        let ok = got.len() == case.mentions.len()
            && got.iter().zip(&case.mentions).all(|(m, e)| {
                m.text(&case.text) == e.text
                    && m.canonical.as_deref() == Some(e.label.as_str())
                    && m.etype.as_str() == e.etype
                    && e.kb.as_ref().is_none_or(|kb| m.kb_id.as_ref() == Some(kb))
                    && e.sentence.is_none_or(|s| m.sentence == s)
            });
        if !ok {
            failures.push(format!("{}: got {:?}", case.name, got_view));
        }
        for group in &case.same_kb {
            let ids: Vec<Option<String>> = group
                .iter()
                .map(|n| gaz.lookup(n).and_then(|(e, _)| e.kb_id.clone()))
                .collect();
            if ids[0].is_none() || ids.iter().any(|i| i != &ids[0]) {
                failures.push(format!("{}: {:?} resolve to {:?}", case.name, group, ids));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "failed cases:\n{}",
        failures.join("\n")
    );
}

#[test]
fn adjective_lookup_names_the_country() {
    let gaz = Gazetteer::load(&DataSource::builtin()).unwrap();
    let kz = gaz
        .adjective_country("kasachischen")
        .expect("adjective known");
    assert_eq!(kz.canonical, "Kasachstan");
    assert_eq!(
        gaz.adjective_country("Kasachische")
            .map(|e| e.iso2.as_deref()),
        Some(Some("KZ"))
    );
    assert!(gaz.adjective_country("Kasachstan").is_none());
}
