//! `nergraph build` end to end on a short article of our own: every format
//! from one run, Graphviz pictures, the message when Graphviz is missing,
//! filter errors, and byte-identical output across runs.

use std::path::Path;
use std::process::{Command, Output};

use crate::graph_fixture::{have, tempdir};

const ARTICLE: &str = "date 2024-05-02
Bundeskanzler Olaf Scholz reiste nach Frankreich. In Paris traf er Vertreter der NATO \
und der Europäischen Union aus Polen und Frankreich.
Die NATO berät in Brüssel über Polen.
";

fn build(dir: &Path, args: &[&str], path_env: Option<&Path>) -> Output {
    let article = dir.join("artikel.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nergraph"));
    cmd.current_dir(dir)
        .arg("build")
        .arg("artikel.txt")
        .args(["-o", "out"])
        .args(args);
    if let Some(p) = path_env {
        cmd.env("PATH", p);
    }
    cmd.output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ALL: &str = "dot,csv,json,graphml,gexf,neo4j,html";

const FILES: [&str; 9] = [
    "graph.dot",
    "nodes.csv",
    "edges.csv",
    "graph.json",
    "graph.graphml",
    "graph.gexf",
    "neo4j/nodes.csv",
    "neo4j/relationships.csv",
    "graph.html",
];

#[test]
fn all_formats_from_one_run_are_byte_identical_across_runs() {
    let (a, b) = (tempdir(), tempdir());
    for dir in [&a, &b] {
        let out = build(dir.path(), &["--format", ALL], None);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    for f in FILES {
        let x =
            std::fs::read(a.path().join("out").join(f)).unwrap_or_else(|_| panic!("{} missing", f));
        let y = std::fs::read(b.path().join("out").join(f)).unwrap();
        assert!(x == y, "{} differs between runs", f);
    }
    let nodes = std::fs::read_to_string(a.path().join("out/nodes.csv")).unwrap();
    assert!(nodes.lines().count() > 2, "no entities found:\n{}", nodes);
    if have("python3", &["-c", "import networkx"]) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/networkx_check.py");
        let out = Command::new("python3")
            .arg(script)
            .arg(a.path().join("out"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            stderr(&out)
        );
    }
}

#[test]
fn default_formats_are_dot_and_csv() {
    let dir = tempdir();
    let out = build(dir.path(), &[], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["edges.csv", "graph.dot", "nodes.csv"]);
}

#[test]
fn render_svg_and_png_with_graphviz() {
    if !have("dot", &["-V"]) {
        return;
    }
    let dir = tempdir();
    let out = build(
        dir.path(),
        &["--render", "svg", "--cluster-by-type", "--top", "4"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("out/graph.svg")).unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("Legend"),
        "{}",
        &svg[..svg.len().min(300)]
    );
    let out = build(dir.path(), &["--render", "png", "--types", "LOC"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let png = std::fs::read(dir.path().join("out/graph.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn missing_graphviz_says_how_to_install_it() {
    let dir = tempdir();
    let empty = tempdir();
    let out = build(dir.path(), &["--render", "svg"], Some(empty.path()));
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("apt-get install graphviz"), "{}", err);
    assert!(err.contains("brew install graphviz"), "{}", err);
    // The other files are still written.
    assert!(dir.path().join("out/graph.dot").exists());
    assert!(!dir.path().join("out/graph.svg").exists());
}

#[test]
fn bad_filter_and_format_arguments_fail_clearly() {
    let dir = tempdir();
    let out = build(dir.path(), &["--ego", "Atlantis"], None);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no entity with id, label or alias \"Atlantis\""),
        "{}",
        stderr(&out)
    );
    let out = build(dir.path(), &["--format", "dot,xlsx"], None);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown format \"xlsx\""),
        "{}",
        stderr(&out)
    );
    let out = build(dir.path(), &["--types", "PER,THING"], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("THING"), "{}", stderr(&out));
}

#[test]
fn cooccurrence_only_gives_the_same_cooccurrence_edges_and_no_others() {
    let dir = tempdir();
    let article = crate::harness::sample_article();
    let article = article.to_str().unwrap();
    let full = dir.path().join("full");
    let only = dir.path().join("only");
    crate::harness::nergraph_ok(&["build", article, "-o", full.to_str().unwrap()]);
    crate::harness::nergraph_ok(&[
        "build",
        article,
        "--cooccurrence-only",
        "-o",
        only.to_str().unwrap(),
    ]);
    let edges = |dir: &Path| crate::harness::read_csv(&dir.join("edges.csv"));
    let (full_edges, only_edges) = (edges(&full), edges(&only));
    // the sample article has typed relations (Tokajew asks Putin for help)
    assert!(full_edges.iter().any(|r| r["relation"] != "co_occurs"));
    assert!(only_edges.iter().all(|r| r["relation"] == "co_occurs"));
    let cooccurs: Vec<_> = full_edges
        .into_iter()
        .filter(|r| r["relation"] == "co_occurs")
        .collect();
    assert_eq!(cooccurs, only_edges);
    // the same entities, whatever their degrees
    let ids = |dir: &Path| -> Vec<String> {
        crate::harness::read_csv(&dir.join("nodes.csv"))
            .into_iter()
            .map(|r| r["id"].clone())
            .collect()
    };
    assert_eq!(ids(&full), ids(&only));
}
