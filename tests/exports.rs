//! Every export format read back by a real consumer: the csv crate for the
//! tables (comma and Excel dialects, formula defusing), serde_json for the
//! node-link JSON, a header parser for the Neo4j import files, NetworkX for
//! GraphML, GEXF and JSON, and Graphviz for the DOT drawing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use nergraph::export::{self, ExportOptions, Format};

use crate::graph_fixture::{self, file, have, tempdir};

/// Every format but the HTML page (tested in `html.rs`).
fn data_formats() -> Vec<Format> {
    Format::ALL
        .into_iter()
        .filter(|f| *f != Format::Html)
        .collect()
}

fn write_all(dir: &Path, options: &ExportOptions) {
    let graph = graph_fixture::graph();
    export::write(&graph, &data_formats(), dir, options).expect("export");
}

fn read_csv(path: &Path, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    let body = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&bytes);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {}", name))
}

#[test]
fn csv_tables_read_back_with_metrics_and_defused_formulas() {
    let dir = tempdir();
    write_all(dir.path(), &ExportOptions::default());
    let raw = std::fs::read(file(dir.path(), "nodes.csv")).unwrap();
    assert!(raw.starts_with(b"id,label,type,kb_id,aliases,mentions,documents,degree,weighted_degree,pagerank,component,community\n"));

    let (h, rows) = read_csv(&file(dir.path(), "nodes.csv"), b',');
    assert_eq!(rows.len(), 8);
    let by_id: BTreeMap<&str, &Vec<String>> = rows.iter().map(|r| (r[0].as_str(), r)).collect();
    let label = column(&h, "label");
    assert_eq!(
        by_id["org:hyperlink"][label],
        "'=HYPERLINK(\"http://example.com\",\"klick\")"
    );
    assert_eq!(by_id["org:gruppe"][label], "'-Gruppe");
    assert_eq!(by_id["org:soehne"][label], "Müller & Söhne <GmbH>");
    assert_eq!(
        by_id["per:juergen-mueller"][label],
        "Jürgen \"Jo\" Müller\\Bonn"
    );
    assert_eq!(
        by_id["Q49762"][column(&h, "aliases")],
        "CDU | Christlich Demokratische Union"
    );
    // No cell of any table starts with a formula character.
    for r in &rows {
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{:?}",
                cell
            );
        }
    }
    let anna = by_id["per:anna-schmidt"];
    assert_eq!(anna[column(&h, "mentions")], "4");
    assert_eq!(anna[column(&h, "documents")], "2");
    assert_eq!(anna[column(&h, "degree")], "3");
    // Anna: co_occurs CDU 3, Berlin 3, Müller 1; member_of CDU 1; event Müller 1.
    assert_eq!(anna[column(&h, "weighted_degree")], "9");
    let pr: f64 = rows
        .iter()
        .map(|r| r[column(&h, "pagerank")].parse::<f64>().unwrap())
        .sum();
    assert!((pr - 1.0).abs() < 1e-6, "pagerank sums to {}", pr);
    assert_eq!(by_id["loc:oedland"][column(&h, "degree")], "0");
    assert_ne!(
        by_id["loc:oedland"][column(&h, "component")],
        anna[column(&h, "component")]
    );
    assert_eq!(anna[column(&h, "component")], "0");

    let (h, edges) = read_csv(&file(dir.path(), "edges.csv"), b',');
    assert_eq!(edges.len(), 11);
    for name in [
        "source",
        "target",
        "relation",
        "weight",
        "evidence",
        "cameo",
        "trigger",
        "role",
        "directed",
        "first_date",
        "last_date",
    ] {
        column(&h, name);
    }
    let evidence = column(&h, "evidence");
    assert!(
        edges
            .iter()
            .any(|e| e[evidence]
                == "'=SUMME(A1) schrieb die \"-Gruppe\" über\nMüller & Söhne <GmbH>.")
    );
    let cdu_berlin = edges
        .iter()
        .find(|e| e[0] == "Q49762" && e[1] == "geonames:2950159")
        .unwrap();
    assert_eq!(cdu_berlin[column(&h, "weight")], "3");
    assert_eq!(cdu_berlin[column(&h, "documents")], "2");
    assert_eq!(cdu_berlin[column(&h, "first_date")], "2024-03-01");
    assert_eq!(cdu_berlin[column(&h, "last_date")], "2024-04-02");
    assert_eq!(cdu_berlin[column(&h, "directed")], "false");
}

#[test]
fn excel_csv_has_bom_semicolons_and_the_same_cells() {
    let (plain, excel) = (tempdir(), tempdir());
    write_all(plain.path(), &ExportOptions::default());
    write_all(
        excel.path(),
        &ExportOptions {
            excel: true,
            ..Default::default()
        },
    );
    for name in ["nodes.csv", "edges.csv"] {
        let raw = std::fs::read(file(excel.path(), name)).unwrap();
        assert!(raw.starts_with(&[0xEF, 0xBB, 0xBF]), "{} has no BOM", name);
        let first_line = String::from_utf8_lossy(&raw[3..])
            .lines()
            .next()
            .unwrap()
            .to_string();
        assert!(first_line.starts_with("id;label;") || first_line.starts_with("source;target;"));
        assert!(!std::fs::read(file(plain.path(), name))
            .unwrap()
            .starts_with(&[0xEF]));
        assert_eq!(
            read_csv(&file(plain.path(), name), b','),
            read_csv(&file(excel.path(), name), b';')
        );
    }
}

#[test]
fn json_is_networkx_node_link() {
    let dir = tempdir();
    write_all(dir.path(), &ExportOptions::default());
    let text = std::fs::read_to_string(file(dir.path(), "graph.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    assert_eq!(v["graph"]["documents"], 2);
    let nodes = v["nodes"].as_array().unwrap();
    let links = v["links"].as_array().unwrap();
    assert_eq!((nodes.len(), links.len()), (8, 11));
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    let mut keys = BTreeSet::new();
    for l in links {
        assert!(ids.contains(l["source"].as_str().unwrap()));
        assert!(ids.contains(l["target"].as_str().unwrap()));
        assert!(keys.insert((
            l["source"].clone().to_string(),
            l["target"].to_string(),
            l["key"].to_string()
        )));
        assert!(l["weight"].is_u64());
        assert!(l["directed"].is_boolean());
        assert!(!l["evidence"].as_array().unwrap().is_empty());
    }
    let gruppe = nodes.iter().find(|n| n["id"] == "org:gruppe").unwrap();
    assert_eq!(gruppe["label"], "-Gruppe");
    assert_eq!(gruppe["type"], "ORG");
    assert!(gruppe["mentions"].is_u64() && gruppe["community"].is_u64());
    assert!(gruppe["pagerank"].is_f64());
    assert_eq!(gruppe["kb_id"], serde_json::Value::Null);
    let event = links.iter().find(|l| l["relation"] == "event").unwrap();
    assert_eq!(event["cameo"], "04");
    assert_eq!(event["trigger"], "treffen");
}

/// The property types `neo4j-admin database import` accepts in a header.
const NEO4J_TYPES: [&str; 13] = [
    "int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
    "date", "datetime", "duration",
];

/// Parse a header of the import tool: `name:type`, `name`, or `:FIELD`.
fn neo4j_header(header: &[String], special: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for h in header {
        let (name, kind) = h.split_once(':').unwrap_or((h.as_str(), "string"));
        let base = kind.strip_suffix("[]").unwrap_or(kind);
        if special.contains(&base) {
            assert!(!kind.ends_with("[]"), "{}", h);
        } else {
            assert!(
                NEO4J_TYPES.contains(&base),
                "unknown type in header field {:?}",
                h
            );
            assert!(!name.is_empty(), "property without name: {:?}", h);
            assert!(
                name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{:?}",
                h
            );
        }
        out.push((name.to_string(), kind.to_string()));
    }
    for s in special {
        let count = out.iter().filter(|(_, k)| k == s).count();
        assert_eq!(count, 1, "header needs exactly one :{}", s);
    }
    out
}

fn check_typed_cell(kind: &str, cell: &str) {
    if cell.is_empty() {
        return;
    }
    match kind {
        "int" | "long" => {
            cell.parse::<i64>()
                .unwrap_or_else(|_| panic!("{:?} is not an int", cell));
        }
        "double" => {
            cell.parse::<f64>()
                .unwrap_or_else(|_| panic!("{:?} is not a double", cell));
        }
        "boolean" => assert!(cell == "true" || cell == "false", "{:?}", cell),
        _ => {}
    }
}

#[test]
fn neo4j_import_headers_and_rows_are_valid() {
    let dir = tempdir();
    write_all(dir.path(), &ExportOptions::default());
    let (h, nodes) = read_csv(&file(dir.path(), "neo4j/nodes.csv"), b',');
    let fields = neo4j_header(&h, &["ID", "LABEL"]);
    assert_eq!(h[0], "id:ID");
    let mut ids = BTreeSet::new();
    for row in &nodes {
        assert_eq!(row.len(), fields.len());
        for ((_, kind), cell) in fields.iter().zip(row) {
            check_typed_cell(kind, cell);
        }
        assert!(ids.insert(row[0].clone()), "duplicate :ID {}", row[0]);
        let labels: Vec<&str> = row[column(&h, ":LABEL")].split(';').collect();
        assert_eq!(labels[0], "Entity");
        assert!(["PER", "ORG", "LOC"].contains(&labels[1]));
    }
    assert_eq!(nodes.len(), 8);
    // Values are raw: the importer stores what it reads.
    let hyperlink = nodes.iter().find(|r| r[0] == "org:hyperlink").unwrap();
    assert_eq!(
        hyperlink[column(&h, "name")],
        "=HYPERLINK(\"http://example.com\",\"klick\")"
    );
    let gruppe = nodes.iter().find(|r| r[0] == "org:gruppe").unwrap();
    assert_eq!(
        gruppe[column(&h, "aliases:string[]")],
        "+Gruppe, Nord;-Gruppe"
    );

    let (h, rels) = read_csv(&file(dir.path(), "neo4j/relationships.csv"), b',');
    let fields = neo4j_header(&h, &["START_ID", "END_ID", "TYPE"]);
    assert_eq!(rels.len(), 11);
    let types: BTreeSet<&str> = rels
        .iter()
        .map(|r| r[column(&h, ":TYPE")].as_str())
        .collect();
    assert_eq!(
        types,
        BTreeSet::from(["CO_OCCURS", "EVENT", "LOCATED_IN", "MEMBER_OF"])
    );
    for row in &rels {
        for ((_, kind), cell) in fields.iter().zip(row) {
            check_typed_cell(kind, cell);
        }
        assert!(ids.contains(&row[column(&h, ":START_ID")]));
        assert!(ids.contains(&row[column(&h, ":END_ID")]));
    }
}

#[test]
fn networkx_loads_graphml_gexf_and_json_with_typed_attributes() {
    if !have("python3", &["-c", "import networkx"]) {
        return;
    }
    let dir = tempdir();
    write_all(dir.path(), &ExportOptions::default());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/networkx_check.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "networkx check failed:\n{}\n{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("graphml: 8 nodes, 11 edges"), "{}", stdout);
    assert!(stdout.contains("gexf: 8 nodes, 11 edges"), "{}", stdout);
    assert!(stdout.contains("json: 8 nodes, 11 edges"), "{}", stdout);
}

#[test]
fn graphviz_renders_the_dot_file() {
    if !have("dot", &["-V"]) {
        return;
    }
    for cluster_by_type in [false, true] {
        let dir = tempdir();
        write_all(
            dir.path(),
            &ExportOptions {
                cluster_by_type,
                ..Default::default()
            },
        );
        let dot = std::fs::read_to_string(file(dir.path(), "graph.dot")).unwrap();
        assert!(dot.contains("charset=\"UTF-8\""));
        assert!(dot.contains("subgraph cluster_legend"));
        assert_eq!(dot.contains("subgraph \"cluster_PER\""), cluster_by_type);
        assert!(dot.contains("label=\"Jürgen \\\"Jo\\\" Müller\\\\Bonn\""));
        let out = Command::new("dot")
            .args(["-Tsvg", "-o"])
            .arg(file(dir.path(), "graph.svg"))
            .arg(file(dir.path(), "graph.dot"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "dot rejected graph.dot: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let svg = std::fs::read_to_string(file(dir.path(), "graph.svg")).unwrap();
        // Every entity is drawn, with its label unescaped and XML-escaped.
        assert!(svg.contains("Ödland"));
        assert!(svg.contains("Müller &amp; Söhne &lt;GmbH&gt;"));
        assert!(svg.contains("Jürgen &quot;Jo&quot; Müller\\Bonn"));
    }
}

#[test]
fn the_same_graph_gives_byte_identical_files() {
    let (a, b) = (tempdir(), tempdir());
    write_all(a.path(), &ExportOptions::default());
    write_all(b.path(), &ExportOptions::default());
    for f in data_formats() {
        for name in f.files() {
            let x = std::fs::read(file(a.path(), name)).unwrap();
            let y = std::fs::read(file(b.path(), name)).unwrap();
            assert!(x == y, "{} differs between two runs", name);
        }
    }
}
