//! The interactive HTML page: the embedded JSON survives hostile labels, and
//! headless Chromium renders every node without script errors (skipped with a
//! note when Chromium is missing, unless CI or NERGRAPH_REQUIRE_CHROMIUM is set).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nergraph::export::{html, ExportOptions};
use nergraph::graph::{GraphBuilder, KnowledgeGraph};
use nergraph::relate::{Evidence, Relation, RelationKind};
use nergraph::resolve::{Entity, Resolved};
use nergraph::EntityType;

/// A label that would end the data block if it were not escaped.
const HOSTILE: &str = "Firma \"</script><script>document.title='x'</script>\" & <!-- Co";

/// (type, label, aliases, kb id)
const ENTITIES: &[(EntityType, &str, &[&str], Option<&str>)] = &[
    (EntityType::Per, "Anna Beispiel", &["Beispiel"], None),
    (EntityType::Per, "Jonas Muster", &["Muster"], None),
    (EntityType::Loc, "Freiburg", &[], None),
    (EntityType::Loc, "Deutschland", &[], Some("Q183")),
    (
        EntityType::Org,
        "Vereinte Nationen",
        &["UN", "UNO"],
        Some("Q1065"),
    ),
    (
        EntityType::Org,
        "SPD",
        &["Sozialdemokraten"],
        Some("Q49768"),
    ),
    (EntityType::Org, "Europäische Union", &["EU"], Some("Q458")),
    (EntityType::Org, HOSTILE, &[], None),
];

/// Two short articles of our own; every sentence names some entities.
const DOCS: &[(&str, &str)] = &[
    (
        "freiburg-1",
        "Die Freiburger Oberbürgermeisterin Anna Beispiel (SPD) traf am Montag Jonas Muster. \
         Muster kritisierte die Vereinte Nationen scharf. \
         Deutschland ist Mitglied der EU und der UNO. \
         Beispiel lobte die Europäische Union. \
         Ein Sprecher der Firma \"</script><script>document.title='x'</script>\" & <!-- Co bestätigte das Treffen in Freiburg.",
    ),
    (
        "freiburg-2",
        "Jonas Muster traf Anna Beispiel erneut in Freiburg. \
         Die SPD stützt Beispiel. \
         Freiburg liegt in Deutschland.",
    ),
];

/// (source label, target label, kind, cameo, trigger, role, document, sentence, trigger word)
type RelationRow = (
    &'static str,
    &'static str,
    RelationKind,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    usize,
    usize,
    Option<&'static str>,
);

const RELATIONS: &[RelationRow] = &[
    (
        "Anna Beispiel",
        "Jonas Muster",
        RelationKind::Event,
        Some("04"),
        Some("treffen"),
        None,
        0,
        0,
        Some("traf"),
    ),
    (
        "Jonas Muster",
        "Anna Beispiel",
        RelationKind::Event,
        Some("04"),
        Some("treffen"),
        None,
        1,
        0,
        Some("traf"),
    ),
    (
        "Jonas Muster",
        "Vereinte Nationen",
        RelationKind::Event,
        Some("11"),
        Some("kritisieren"),
        None,
        0,
        1,
        Some("kritisierte"),
    ),
    (
        "Anna Beispiel",
        "SPD",
        RelationKind::AffiliatedWith,
        None,
        None,
        None,
        0,
        0,
        None,
    ),
    (
        "Anna Beispiel",
        "SPD",
        RelationKind::AffiliatedWith,
        None,
        None,
        None,
        1,
        1,
        None,
    ),
    (
        "Anna Beispiel",
        "Freiburg",
        RelationKind::Leads,
        None,
        Some("Oberbürgermeisterin"),
        Some("Oberbürgermeisterin"),
        0,
        0,
        Some("Oberbürgermeisterin"),
    ),
    (
        "Deutschland",
        "Europäische Union",
        RelationKind::MemberOf,
        None,
        Some("Mitglied"),
        None,
        0,
        2,
        Some("Mitglied"),
    ),
    (
        "Deutschland",
        "Vereinte Nationen",
        RelationKind::MemberOf,
        None,
        Some("Mitglied"),
        None,
        0,
        2,
        Some("Mitglied"),
    ),
    (
        "Freiburg",
        "Deutschland",
        RelationKind::LocatedIn,
        None,
        None,
        None,
        1,
        2,
        None,
    ),
];

fn entity(label: &str) -> Entity {
    let &(etype, label, aliases, kb) = ENTITIES.iter().find(|e| e.1 == label).unwrap();
    Entity {
        id: kb
            .map(str::to_string)
            .unwrap_or_else(|| nergraph::resolve::local_id(etype, label))
            .into(),
        label: label.to_string(),
        etype,
        kb_id: kb.map(str::to_string),
        aliases: aliases
            .iter()
            .map(|a| a.to_string())
            .chain([label.to_string()])
            .collect(),
    }
}

/// The sentences of `text` as (char start, char end, text); sentences end at
/// ". " in these fixtures.
fn sentences(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push((start, i + 1));
        start = i + 2;
    }
    out.push((start, text.len()));
    out.into_iter()
        .map(|(s, e)| {
            (
                text[..s].chars().count(),
                text[..e].chars().count(),
                &text[s..e],
            )
        })
        .collect()
}

fn evidence(doc: usize, sentence: usize, trigger: Option<&str>) -> Evidence {
    let (id, text) = DOCS[doc];
    let (start, end, s) = sentences(text)[sentence];
    let trigger_span = trigger.map(|t| {
        let at = s[..s.find(t).expect("trigger in sentence")].chars().count();
        (start + at, start + at + t.chars().count())
    });
    Evidence {
        doc: id.into(),
        date: Some(format!("2024-03-0{}", doc + 1).into()),
        sentence,
        sentence_start: start,
        sentence_end: end,
        trigger_span,
        source_span: None,
        target_span: None,
        text: s.into(),
    }
}

/// The fixture graph: entities per document, co-occurrence within sentences,
/// and the typed relations above.
fn fixture() -> KnowledgeGraph {
    let mut builder = GraphBuilder::new();
    for (d, (id, text)) in DOCS.iter().enumerate() {
        let mut resolved = Resolved::default();
        let mut relations = Vec::new();
        for (s, (_, _, sentence)) in sentences(text).into_iter().enumerate() {
            let mut present = BTreeSet::new();
            for &(_, label, aliases, _) in ENTITIES {
                let found = std::iter::once(&label)
                    .chain(aliases)
                    .filter(|a| sentence.contains(**a))
                    .count();
                if found == 0 {
                    continue;
                }
                let e = entity(label);
                let index = match resolved.entities.iter().position(|x| x.id == e.id) {
                    Some(i) => i,
                    None => {
                        resolved.entities.push(e.clone());
                        resolved.entities.len() - 1
                    }
                };
                resolved
                    .mention_entity
                    .extend(std::iter::repeat_n(index, found));
                present.insert(e.id);
            }
            let present: Vec<std::sync::Arc<str>> = present.into_iter().collect();
            for (i, a) in present.iter().enumerate() {
                for b in &present[i + 1..] {
                    relations.push(Relation::plain(
                        RelationKind::CoOccurs,
                        a.clone(),
                        b.clone(),
                        evidence(d, s, None),
                    ));
                }
            }
        }
        for &(source, target, kind, cameo, trigger, role, doc, sentence, word) in RELATIONS {
            if doc == d {
                relations.push(Relation {
                    source: Some(entity(source).id),
                    target: entity(target).id,
                    kind,
                    cameo: cameo.map(str::to_string),
                    trigger: trigger.map(str::to_string),
                    role: role.map(str::to_string),
                    former: false,
                    reported: false,
                    evidence: evidence(d, sentence, word),
                });
            }
        }
        builder.add_document(id, &resolved, &relations);
    }
    builder.finish()
}

fn page(graph: &KnowledgeGraph, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    html::write(graph, options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The text of the `<script type="application/json">` element.
fn data_block(page: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"graph-data\">";
    let start = page.find(open).expect("data block") + open.len();
    let len = page[start..].find("</script>").expect("end of data block");
    &page[start..start + len]
}

#[test]
fn json_block_survives_script_tags_and_quotes_in_labels() {
    let graph = fixture();
    let page = page(&graph, &ExportOptions::default());
    // Only the page's own three script elements open and close.
    assert_eq!(page.matches("<script").count(), 3);
    assert_eq!(page.matches("</script>").count(), 3);
    assert!(!page.contains("<!-- Co"));
    let block = data_block(&page);
    assert!(!block.contains('<') && !block.contains('>'));
    let data: serde_json::Value = serde_json::from_str(block).unwrap();
    let nodes = data["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), graph.graph.node_count());
    assert_eq!(
        data["edges"].as_array().unwrap().len(),
        graph.graph.edge_count()
    );
    assert!(nodes.iter().any(|n| n["label"] == HOSTILE));
    let evidence = data["edges"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["evidence"].as_array().unwrap())
        .find(|ev| ev["text"].as_str().unwrap().contains("</script>"))
        .expect("hostile sentence survives");
    assert!(evidence["text"].as_str().unwrap().contains(HOSTILE));
}

#[test]
fn page_is_self_contained_and_deterministic() {
    let a = page(&fixture(), &ExportOptions::default());
    let b = page(&fixture(), &ExportOptions::default());
    assert!(a == b, "two runs differ");
    for remote in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!a.contains(remote), "page loads {remote}");
    }
}

#[test]
fn no_cooccurrence_leaves_cooccurrence_edges_out() {
    let graph = fixture();
    let options = ExportOptions {
        no_cooccurrence: true,
        ..Default::default()
    };
    let page = page(&graph, &options);
    let data: serde_json::Value = serde_json::from_str(data_block(&page)).unwrap();
    let edges = data["edges"].as_array().unwrap();
    let typed = graph
        .edges()
        .filter(|e| e.kind != RelationKind::CoOccurs)
        .count();
    assert_eq!(edges.len(), typed);
    assert!(typed > 0 && typed < graph.graph.edge_count());
}

// ---- headless Chromium --------------------------------------------------------

fn flag_set(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// The Chromium binary: $NERGRAPH_CHROMIUM, else the first on PATH. `None`
/// (after a note) when missing and not required; a panic when required.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("NERGRAPH_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| {
            let path = std::env::var_os("PATH")?;
            std::env::split_paths(&path).find_map(|dir| {
                [
                    "chromium",
                    "chromium-browser",
                    "google-chrome",
                    "google-chrome-stable",
                ]
                .iter()
                .map(|name| dir.join(name))
                .find(|p| p.is_file())
            })
        });
    if found.is_none() {
        if flag_set("CI") || flag_set("NERGRAPH_REQUIRE_CHROMIUM") {
            panic!(
                "Chromium not found, but CI or NERGRAPH_REQUIRE_CHROMIUM is set: \
                 install it (`apt-get install chromium`) or set NERGRAPH_CHROMIUM"
            );
        }
        eprintln!(
            "note: skipping the browser test, Chromium is not installed (apt-get install chromium)"
        );
    }
    found
}

/// Run headless Chromium on `url` with `extra` flags; returns stdout.
fn run_chromium(chromium: &Path, url: &str, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out_path = profile.path().join("stdout");
    let out = std::fs::File::create(&out_path).unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("profile").display()
        ))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        match child.try_wait().unwrap() {
            Some(status) => {
                assert!(status.success(), "chromium failed: {status}");
                break;
            }
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish within 90 s");
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    std::fs::read_to_string(out_path).unwrap()
}

/// The value of `data-NAME` on `<body>` in a dumped DOM.
fn body_data<'a>(dom: &'a str, name: &str) -> Option<&'a str> {
    let body = &dom[dom.find("<body")?..];
    let tag = &body[..body.find('>')?];
    let key = format!(" data-{name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

fn dump_dom(chromium: &Path, file: &Path, fragment: &str) -> String {
    let url = format!("file://{}{}", file.display(), fragment);
    let dom = run_chromium(
        chromium,
        &url,
        &[
            "--virtual-time-budget=3000",
            "--window-size=1280,900",
            "--dump-dom",
        ],
    );
    assert_eq!(
        body_data(&dom, "errors"),
        None,
        "script errors in the page ({fragment})"
    );
    assert_eq!(
        body_data(&dom, "ready"),
        Some("true"),
        "viewer did not start ({fragment})"
    );
    dom
}

fn count(dom: &str, name: &str) -> usize {
    body_data(dom, name)
        .unwrap_or_else(|| panic!("no data-{name}"))
        .parse()
        .unwrap()
}

#[test]
fn chromium_renders_every_node_without_errors() {
    let Some(chromium) = chromium() else {
        return;
    };
    let graph = fixture();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("graph.html");
    std::fs::write(&file, page(&graph, &ExportOptions::default())).unwrap();

    let dom = dump_dom(&chromium, &file, "");
    assert_eq!(count(&dom, "rendered-nodes"), graph.graph.node_count());
    assert_eq!(count(&dom, "rendered-edges"), graph.graph.edge_count());
    assert!(dom.contains(">Overview<"), "overview panel");

    // Filters: only persons; only edges with two or more evidences.
    let persons = graph.nodes().filter(|n| n.etype == EntityType::Per).count();
    let dom = dump_dom(&chromium, &file, "#types=PER");
    assert_eq!(count(&dom, "rendered-nodes"), persons);
    let shown = format!("<td>{persons} shown of {}</td>", graph.graph.node_count());
    assert!(dom.contains(&shown), "overview counts");
    let heavy = graph.edges().filter(|e| e.weight >= 2).count();
    assert!(heavy > 0);
    let dom = dump_dom(&chromium, &file, "#min-weight=2");
    assert_eq!(count(&dom, "rendered-edges"), heavy);

    // Search by alias, folded: "uno" finds the United Nations.
    let dom = dump_dom(&chromium, &file, "#q=uno");
    assert_eq!(count(&dom, "search-matches"), 1);

    // A node, selected by label, shows aliases and relations.
    let dom = dump_dom(&chromium, &file, "#select=vereinte%20nationen");
    assert_eq!(body_data(&dom, "selected"), Some("Q1065"));
    assert!(dom.contains("<li>UNO</li>"), "aliases in the panel");
    assert!(dom.contains("Q1065"));

    // An edge's panel shows the evidence with the trigger marked.
    let index = graph
        .edges()
        .position(|e| e.kind == RelationKind::Event && e.cameo.as_deref() == Some("11"))
        .unwrap();
    let dom = dump_dom(&chromium, &file, &format!("#edge={index}"));
    assert!(dom.contains("<mark>kritisierte</mark>"), "trigger marked");
    assert!(dom.contains("disapprove"), "CAMEO name");
    assert!(dom.contains("freiburg-1 · 2024-03-01 · sentence 2"));
}

#[test]
fn chromium_renders_empty_and_pipeline_graphs() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let empty = GraphBuilder::new().finish();
    let file = dir.path().join("empty.html");
    std::fs::write(&file, page(&empty, &ExportOptions::default())).unwrap();
    let dom = dump_dom(&chromium, &file, "");
    assert_eq!(count(&dom, "rendered-nodes"), 0);

    // The real pipeline on a short article of our own.
    let pipeline = nergraph::pipeline::Pipeline::builtin().unwrap();
    let text = "Die Bundesregierung in Berlin und die Europäische Union berieten am Montag \
                über Hilfen für die Ukraine. Frankreich und Polen unterstützten den Plan, \
                teilte die NATO in Brüssel mit.";
    let graph = pipeline.build_graph(
        std::iter::once(Ok(nergraph::read::Document::new("artikel", text))),
        |e| panic!("{e}"),
    );
    assert!(graph.graph.node_count() >= 3, "too few entities recognized");
    let file = dir.path().join("pipeline.html");
    std::fs::write(&file, page(&graph, &ExportOptions::default())).unwrap();
    let dom = dump_dom(&chromium, &file, "");
    assert_eq!(count(&dom, "rendered-nodes"), graph.graph.node_count());
    assert_eq!(count(&dom, "rendered-edges"), graph.graph.edge_count());
}

#[test]
fn chromium_errors_reach_the_page() {
    let Some(chromium) = chromium() else {
        return;
    };
    // The check the other browser tests rely on: a failing script and a
    // console.error show up in data-errors.
    let page = page(&fixture(), &ExportOptions::default()).replace(
        "</body>",
        "<script>console.error('logged', 42); null.boom;</script></body>",
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("graph.html");
    std::fs::write(&file, page).unwrap();
    let dom = run_chromium(
        &chromium,
        &format!("file://{}", file.display()),
        &["--virtual-time-budget=3000", "--dump-dom"],
    );
    let errors = body_data(&dom, "errors").expect("errors recorded");
    assert!(errors.contains("logged 42"), "{errors}");
    assert!(errors.contains("TypeError"), "{errors}");
}

/// Clicks, wheel and typing, dispatched as DOM events after the viewer
/// started; the results go to `data-interaction` as a JSON array.
const INTERACTION: &str = r#"<script>
(function () {
  var v = window.nergraph, canvas = document.getElementById('canvas');
  var rect = canvas.getBoundingClientRect();
  function at(p) {
    return { clientX: rect.left + p.x, clientY: rect.top + p.y, pointerId: 1, isPrimary: true, bubbles: true, cancelable: true };
  }
  function click(p) {
    canvas.dispatchEvent(new PointerEvent('pointerdown', at(p)));
    canvas.dispatchEvent(new PointerEvent('pointerup', at(p)));
  }
  var out = [];
  click(v.screenPosition('Q1065'));
  out.push(document.body.dataset.selected);
  out.push(document.querySelector('#panel h2').textContent);
  // A point on the edge, away from the nodes and other edges.
  var onEdge = null;
  for (var t = 0.5; !onEdge && t > 0.1; t -= 0.05) {
    [t, 1 - t].forEach(function (u) {
      var p = v.edgePoint(EDGE, u);
      if (!onEdge && v.hit(p) === 'edge:EDGE') {
        onEdge = p;
      }
    });
  }
  click(onEdge || { x: -1, y: -1 });
  out.push(document.body.dataset.selected);
  click({ x: 3, y: 3 });
  out.push(v.hit({ x: 3, y: 3 }) === null ? document.body.dataset.selected || '' : 'corner not empty');
  var zoom = v.zoom();
  canvas.dispatchEvent(new WheelEvent('wheel', Object.assign(at({ x: 200, y: 200 }), { deltaY: -300 })));
  out.push(v.zoom() > zoom);
  var from = v.screenPosition('Q183');
  var empty = null;
  for (var y = 10; !empty && y < rect.height; y += 7) {
    for (var x = 10; !empty && x < rect.width; x += 7) {
      if (v.hit({ x: x, y: y }) === null) {
        empty = { x: x, y: y };
      }
    }
  }
  canvas.dispatchEvent(new PointerEvent('pointerdown', at(empty)));
  canvas.dispatchEvent(new PointerEvent('pointermove', at({ x: empty.x + 50, y: empty.y + 30 })));
  canvas.dispatchEvent(new PointerEvent('pointerup', at({ x: empty.x + 50, y: empty.y + 30 })));
  var to = v.screenPosition('Q183');
  out.push(Math.round(to.x - from.x) + ',' + Math.round(to.y - from.y));
  var search = document.getElementById('search');
  search.value = 'BEISPIÉL';
  search.dispatchEvent(new Event('input'));
  out.push(document.body.dataset.searchMatches);
  search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
  out.push(document.body.dataset.selected);
  document.body.dataset.interaction = JSON.stringify(out);
})();
</script>
</body>"#;

#[test]
fn chromium_clicks_select_nodes_and_edges() {
    let Some(chromium) = chromium() else {
        return;
    };
    let graph = fixture();
    let edge = graph
        .edges()
        .position(|e| e.kind == RelationKind::Event && e.cameo.as_deref() == Some("11"))
        .unwrap();
    let page = page(&graph, &ExportOptions::default())
        .replace("</body>", &INTERACTION.replace("EDGE", &edge.to_string()));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("graph.html");
    std::fs::write(&file, page).unwrap();
    let dom = dump_dom(&chromium, &file, "");
    let got: serde_json::Value = serde_json::from_str(
        &body_data(&dom, "interaction")
            .expect("interaction script ran")
            .replace("&quot;", "\""),
    )
    .unwrap();
    let beispiel = nergraph::resolve::local_id(EntityType::Per, "Anna Beispiel");
    let expected = serde_json::json!([
        "Q1065",
        "Vereinte Nationen ORG",
        format!("edge:{edge}"),
        "",
        true,
        "50,30",
        "1",
        beispiel,
    ]);
    assert_eq!(got, expected);
}

/// Pixels close to `rgb` in the canvas area of a 1280-pixel-wide RGBA
/// screenshot (below the toolbar, left of the side panel, which has swatches
/// of the same colours).
fn pixels_near(pixels: &[u8], rgb: [u8; 3]) -> usize {
    pixels
        .chunks(4)
        .enumerate()
        .filter(|(i, _)| i % 1280 < 880 && i / 1280 > 150)
        .filter(|(_, p)| (0..3).all(|i| p[i].abs_diff(rgb[i]) <= 6))
        .count()
}

#[test]
fn chromium_screenshot_shows_all_entity_types() {
    let Some(chromium) = chromium() else {
        return;
    };
    // Page and screenshot stay in target/tmp for a look after the test.
    let graph = fixture();
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("graph-html.html");
    std::fs::write(&file, page(&graph, &ExportOptions::default())).unwrap();
    let shot = file.with_extension("png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &chromium,
        &format!("file://{}", file.display()),
        &[
            "--virtual-time-budget=3000",
            "--window-size=1280,900",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (1280, 900));
    let pixels = match info.color_type {
        png::ColorType::Rgba => pixels,
        png::ColorType::Rgb => pixels
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected colour type {other:?}"),
    };
    // The node fill colours of the viewer: PER, ORG, LOC.
    for (name, rgb) in [
        ("PER", [0xf0, 0x8a, 0x80]),
        ("ORG", [0x7f, 0xa9, 0xf0]),
        ("LOC", [0x82, 0xcc, 0x97]),
    ] {
        assert!(
            pixels_near(&pixels, rgb) > 30,
            "no {name} nodes in {}",
            shot.display()
        );
    }
}
