//! End-to-end: `nergraph build` on the user's sample article must find the
//! people, organizations and places in it, merge their aliases, relate them,
//! and write a DOT file that Graphviz accepts.

use std::collections::HashMap;

use crate::harness::{nergraph_ok, read_csv, sample_article};

type Row = HashMap<String, String>;

struct Built {
    nodes: Vec<Row>,
    edges: Vec<Row>,
    dir: tempfile::TempDir,
}

fn build_sample() -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = sample_article();
    nergraph_ok(&[
        "build",
        article.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    Built {
        nodes: read_csv(&dir.path().join("nodes.csv")),
        edges: read_csv(&dir.path().join("edges.csv")),
        dir,
    }
}

fn node<'a>(nodes: &'a [Row], label: &str) -> Option<&'a Row> {
    nodes.iter().find(|n| n["label"] == label)
}

fn aliases(row: &Row) -> Vec<&str> {
    row["aliases"].split(" | ").collect()
}

#[test]
fn sample_article_entities_have_the_right_types() {
    let b = build_sample();
    let expect = [
        ("PER", "Karim Massimow"),
        ("PER", "Jens Stoltenberg"),
        ("ORG", "NATO"),
        ("ORG", "Deutsche Presse-Agentur"),
        ("LOC", "Kasachstan"),
        ("LOC", "Russland"),
        ("LOC", "Belarus"),
        ("LOC", "Armenien"),
        ("LOC", "Kirgisistan"),
        ("LOC", "Tadschikistan"),
        ("LOC", "Almaty"),
        ("LOC", "Deutschland"),
        ("LOC", "China"),
    ];
    let mut missing = Vec::new();
    for (t, label) in expect {
        match node(&b.nodes, label) {
            Some(n) => assert_eq!(n["type"], t, "{} has type {}", label, n["type"]),
            None => missing.push(label),
        }
    }
    assert!(
        missing.is_empty(),
        "missing nodes {:?} in {:?}",
        missing,
        labels(&b.nodes)
    );
}

/// Tokajew and Putin appear only as bare surnames, never after a title or
/// with a first name, and neither lists nor the tagger know them yet.
#[test]
fn sample_article_bare_surname_tokajew_is_one_person() {
    // never introduced with a title or first name: found by the model from
    // how the word is used across the article ("Tokajew sprach", "Tokajews
    // Idee"), in the genitive too, merged into one node
    let b = build_sample();
    let tokajew: Vec<&Row> = b
        .nodes
        .iter()
        .filter(|n| n["label"].contains("Tokajew"))
        .collect();
    assert_eq!(tokajew.len(), 1, "{:?}", labels(&b.nodes));
    assert_eq!(tokajew[0]["type"], "PER");
    assert!(
        tokajew[0]["aliases"].contains("Tokajews"),
        "{:?}",
        tokajew[0]
    );
}

#[test]
fn sample_article_bare_surnames_are_persons() {
    let b = build_sample();
    for name in ["Tokajew", "Putin"] {
        let n = b
            .nodes
            .iter()
            .find(|n| n["label"] == name || n["label"].ends_with(&format!(" {}", name)))
            .unwrap_or_else(|| panic!("a node for {}", name));
        assert_eq!(n["type"], "PER");
    }
}

fn labels(nodes: &[Row]) -> Vec<&str> {
    nodes.iter().map(|n| n["label"].as_str()).collect()
}

#[test]
fn sample_article_aliases_are_merged() {
    let b = build_sample();
    let ovks = b
        .nodes
        .iter()
        .find(|n| aliases(n).contains(&"OVKS"))
        .expect("a node with alias OVKS");
    assert_eq!(ovks["type"], "ORG");
    assert!(
        aliases(ovks).contains(&"Organisation des Vertrages für kollektive Sicherheit"),
        "OVKS aliases: {}",
        ovks["aliases"]
    );
    let knb = b
        .nodes
        .iter()
        .find(|n| aliases(n).contains(&"KNB"))
        .expect("a node with alias KNB");
    assert_eq!(knb["type"], "ORG");
    assert!(
        aliases(knb).contains(&"Nationales Sicherheitskommitee"),
        "KNB aliases: {}",
        knb["aliases"]
    );
    let massimow = node(&b.nodes, "Karim Massimow").expect("Karim Massimow");
    assert!(aliases(massimow).contains(&"Massimow"));
    let kasachstan = node(&b.nodes, "Kasachstan").expect("Kasachstan");
    assert!(aliases(kasachstan).contains(&"kasachischen"));
    for separate in ["Tokajews", "Massimow", "Massimows", "kasachischen"] {
        assert!(
            node(&b.nodes, separate).is_none(),
            "{} must not be a node of its own",
            separate
        );
    }
}

#[test]
fn sample_article_tokajew_and_putin_co_occur() {
    let b = build_sample();
    let id = |pred: &dyn Fn(&Row) -> bool| {
        b.nodes
            .iter()
            .find(|n| pred(n))
            .map(|n| n["id"].clone())
            .expect("node exists")
    };
    let tokajew = id(&|n| n["label"].contains("Tokajew"));
    let putin = id(&|n| n["label"].contains("Putin"));
    let edge = b
        .edges
        .iter()
        .find(|e| {
            e["relation"] == "co_occurs"
                && ((e["source"] == tokajew && e["target"] == putin)
                    || (e["source"] == putin && e["target"] == tokajew))
        })
        .expect("co_occurs edge Tokajew–Putin");
    assert!(edge["weight"].parse::<usize>().unwrap() >= 1);
    assert!(edge["evidence"].contains("Tokajew"));
}

#[test]
fn sample_article_dot_renders_with_graphviz() {
    let b = build_sample();
    let dot = b.dir.path().join("graph.dot");
    let out = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot)
        .output()
        .expect("Graphviz `dot` is installed (.ci/run installs it)");
    assert!(
        out.status.success(),
        "dot rejected graph.dot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8_lossy(&out.stdout);
    assert!(svg.contains("<svg"));
    assert!(svg.contains("Kasachstan"));
}

#[test]
fn build_is_byte_identical_across_runs() {
    let a = build_sample();
    let b = build_sample();
    for f in ["graph.dot", "nodes.csv", "edges.csv"] {
        let x = std::fs::read(a.dir.path().join(f)).unwrap();
        let y = std::fs::read(b.dir.path().join(f)).unwrap();
        assert!(x == y, "{} differs between runs", f);
    }
}

/// The bundled articles (the sample and real news): persons are named
/// without words of address, and one named so joins the full name in the
/// same article.
#[test]
fn bundled_articles_name_persons_without_words_of_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = crate::harness::repo_root().join("data/articles");
    nergraph_ok(&[
        "build",
        articles.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    let nodes = read_csv(&dir.path().join("nodes.csv"));
    let persons: Vec<&Row> = nodes.iter().filter(|n| n["type"] == "PER").collect();
    assert!(persons.len() >= 10, "{} persons", persons.len());
    for p in &persons {
        let first = p["label"].split(' ').next().unwrap_or("");
        assert!(
            !["Herr", "Frau", "Dr.", "Prof."].contains(&first),
            "label with a word of address: {:?}",
            p["label"]
        );
    }
    // "Herr Roselieb" in the article is Frank Roselieb, named in full
    // before: however the tagger cuts the span, one node has them all
    let named: Vec<&str> = persons
        .iter()
        .filter(|p| p["aliases"].contains("Roselieb"))
        .map(|p| p["label"].as_str())
        .collect();
    assert_eq!(named, ["Frank Roselieb"]);
}
