//! A small hand-made knowledge graph for the export tests: built through
//! `GraphBuilder` from resolved entities and relations, with labels that need
//! escaping (quotes, backslashes, umlauts, XML markup) or would run as
//! spreadsheet formulas, two documents with dates, co-occurrences, typed
//! relations, an isolated entity and control characters that XML forbids.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use nergraph::graph::{GraphBuilder, KnowledgeGraph};
use nergraph::relate::{Evidence, Relation, RelationKind};
use nergraph::resolve::{Entity, Resolved};
use nergraph::EntityType;

/// One entity of the fixture: id, label, type, kb id, aliases.
type Spec = (
    &'static str,
    &'static str,
    EntityType,
    Option<&'static str>,
    &'static [&'static str],
);

const ENTITIES: [Spec; 8] = [
    (
        "per:anna-schmidt",
        "Anna Schmidt",
        EntityType::Per,
        None,
        &["Anna Schmidt", "Schmidt"],
    ),
    (
        "per:juergen-mueller",
        "Jürgen \"Jo\" Müller\\Bonn",
        EntityType::Per,
        None,
        &["Müller"],
    ),
    (
        "Q49762",
        "Christlich Demokratische Union",
        EntityType::Org,
        Some("Q49762"),
        &["CDU", "Christlich Demokratische Union"],
    ),
    (
        "org:hyperlink",
        "=HYPERLINK(\"http://example.com\",\"klick\")",
        EntityType::Org,
        None,
        &["=HYPERLINK(\"http://example.com\",\"klick\")"],
    ),
    (
        "org:gruppe",
        "-Gruppe",
        EntityType::Org,
        None,
        &["-Gruppe", "+Gruppe; Nord"],
    ),
    (
        "org:soehne",
        "Müller & Söhne <GmbH>",
        EntityType::Org,
        None,
        &["Müller & Söhne <GmbH>"],
    ),
    (
        "geonames:2950159",
        "Berlin",
        EntityType::Loc,
        Some("geonames:2950159"),
        &["Berlin", "Berlins"],
    ),
    ("loc:oedland", "Ödland", EntityType::Loc, None, &["Ödland"]),
];

fn entity(i: usize) -> Entity {
    let (id, label, etype, kb, aliases) = ENTITIES[i];
    Entity {
        id: id.into(),
        label: label.to_string(),
        etype,
        kb_id: kb.map(str::to_string),
        aliases: aliases
            .iter()
            .map(|a| a.to_string())
            .collect::<BTreeSet<_>>(),
    }
}

fn evidence(doc: &str, date: &str, sentence: usize, text: &str) -> Evidence {
    Evidence {
        doc: doc.into(),
        date: Some(date.into()),
        sentence,
        sentence_start: sentence * 100,
        sentence_end: sentence * 100 + text.chars().count(),
        trigger_span: None,
        source_span: None,
        target_span: None,
        text: text.into(),
    }
}

fn relation(a: usize, b: usize, kind: RelationKind, ev: &Evidence) -> Relation {
    let (mut s, mut t) = (ENTITIES[a].0.to_string(), ENTITIES[b].0.to_string());
    if kind == RelationKind::CoOccurs && t < s {
        std::mem::swap(&mut s, &mut t);
    }
    Relation::plain(kind, s.into(), t.into(), ev.clone())
}

/// Mentions per entity (index into `ENTITIES`) of a document.
fn resolved(mentions: &[(usize, usize)]) -> Resolved {
    let mut out = Resolved::default();
    for &(e, count) in mentions {
        out.entities.push(entity(e));
        let idx = out.entities.len() - 1;
        out.mention_entity.extend(std::iter::repeat_n(idx, count));
    }
    out
}

/// The fixture graph: 8 entities, 2 documents.
pub fn graph() -> KnowledgeGraph {
    use RelationKind::*;
    let mut b = GraphBuilder::new();

    let d1 = "nachrichten/2024-03-01.txt";
    let s0 = evidence(
        d1,
        "2024-03-01",
        0,
        "Anna Schmidt (CDU) traf in Berlin Jürgen Müller.",
    );
    let s1 = evidence(
        d1,
        "2024-03-01",
        1,
        "=SUMME(A1) schrieb die \"-Gruppe\" über\nMüller & Söhne <GmbH>.",
    );
    let s2 = evidence(d1, "2024-03-01", 2, "Schmidt und die CDU in Berlin.");
    let mut member = relation(0, 2, MemberOf, &s0);
    member.role = Some("Vorsitzende".to_string());
    let mut met = relation(0, 1, Event, &s0);
    met.cameo = Some("04".to_string());
    met.trigger = Some("treffen".to_string());
    b.add_document(
        d1,
        &resolved(&[(0, 3), (2, 2), (6, 2), (1, 1), (4, 1), (5, 1)]),
        &[
            relation(0, 2, CoOccurs, &s0),
            relation(0, 6, CoOccurs, &s0),
            relation(0, 1, CoOccurs, &s0),
            relation(2, 6, CoOccurs, &s0),
            relation(1, 2, CoOccurs, &s0),
            relation(1, 6, CoOccurs, &s0),
            member,
            met,
            relation(4, 5, CoOccurs, &s1),
            relation(0, 2, CoOccurs, &s2),
            relation(0, 6, CoOccurs, &s2),
            relation(2, 6, CoOccurs, &s2),
        ],
    );

    let d2 = "nachrichten/2024-04-02.txt";
    let t0 = evidence(d2, "2024-04-02", 0, "Die CDU und Anna Schmidt in Berlin.");
    let t1 = evidence(
        d2,
        "2024-04-02",
        1,
        "Die -Gruppe und =HYPERLINK-Leute.\u{b}\u{1b}[0m",
    );
    b.add_document(
        d2,
        &resolved(&[(2, 1), (0, 1), (6, 1), (4, 1), (3, 1), (7, 1)]),
        &[
            relation(0, 2, CoOccurs, &t0),
            relation(0, 6, CoOccurs, &t0),
            relation(2, 6, CoOccurs, &t0),
            relation(3, 4, CoOccurs, &t1),
            relation(3, 6, LocatedIn, &t1),
        ],
    );
    b.finish()
}

/// A fresh temporary directory.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

/// Whether an external program runs; when it does not and the environment
/// asks for real tools (`NERGRAPH_REQUIRE_TOOLS`, set by `.ci/run`), panic.
pub fn have(program: &str, args: &[&str]) -> bool {
    let ok = Command::new(program)
        .args(args)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        if std::env::var_os("NERGRAPH_REQUIRE_TOOLS").is_some() {
            panic!(
                "{} is required (NERGRAPH_REQUIRE_TOOLS is set) but does not run",
                program
            );
        }
        eprintln!("skipping: {} is not installed", program);
    }
    ok
}

/// The path of `name` in `dir`.
pub fn file(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}
