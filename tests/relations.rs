//! Relation patterns on short hand-marked sentences (tests/data/relations.toml):
//! every relation type, every CAMEO root covered, negation, passive voice,
//! coordination. Mentions are given, so these test the relate stage alone.

use nergraph::lexicon::DataSource;
use nergraph::relate::{marked, Relater};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    relations: Vec<String>,
}

/// The typed relations of marked-up text, described and sorted.
pub fn typed_relations(relater: &Relater, marked_text: &str) -> Vec<String> {
    marked::typed_relations(relater, "case", marked_text).expect("valid markup")
}

#[test]
fn relation_cases() {
    let cases: Vec<Case> = crate::harness::cases("relations");
    let relater = Relater::load(&DataSource::builtin()).unwrap();
    let mut failures = Vec::new();
    for c in &cases {
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
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_cameo_root_in_the_cases_is_in_the_lexicon() {
    let cases: Vec<Case> = crate::harness::cases("relations");
    let relater = Relater::load(&DataSource::builtin()).unwrap();
    let mut covered: Vec<String> = cases
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

/// The sample article through the whole pipeline.
mod sample {
    use nergraph::pipeline::{Analysis, Pipeline};
    use nergraph::read::Document;
    use nergraph::relate::{Relation, RelationKind};
    use std::sync::OnceLock;

    fn analysis() -> &'static Analysis {
        static A: OnceLock<Analysis> = OnceLock::new();
        A.get_or_init(|| {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/articles/kasachstan-2022-01.txt"
            );
            let text = std::fs::read_to_string(path).unwrap();
            let (date, body) = nergraph::read::split_date_header(&text);
            let mut doc = Document::new("kasachstan-2022-01", body);
            doc.date = date;
            Pipeline::builtin().unwrap().analyze(doc)
        })
    }

    /// Whether entity `id` is called `name` (label or alias, case-insensitive).
    fn named(a: &Analysis, id: &str, name: &str) -> bool {
        let name = name.to_lowercase();
        a.resolved.entities.iter().any(|e| {
            &*e.id == id
                && (e.label.to_lowercase() == name
                    || e.aliases.iter().any(|x| x.to_lowercase() == name)
                    || e.label.to_lowercase().ends_with(&format!(" {}", name)))
        })
    }

    fn find<'a>(
        kind: RelationKind,
        source: Option<&str>,
        target: &str,
        pred: impl Fn(&Relation) -> bool,
    ) -> Option<&'a Relation> {
        let a = analysis();
        a.relations.iter().find(|r| {
            r.kind == kind
                && match (source, &r.source) {
                    (Some(s), Some(rs)) => named(a, rs, s),
                    (None, _) => true,
                    _ => false,
                }
                && named(a, &r.target, target)
                && pred(r)
        })
    }

    fn typed(a: &Analysis) -> Vec<String> {
        a.relations
            .iter()
            .filter(|r| r.kind != RelationKind::CoOccurs)
            .map(Relation::describe)
            .collect()
    }

    #[test]
    fn six_members_of_the_ovks() {
        for c in [
            "Russland",
            "Kasachstan",
            "Belarus",
            "Armenien",
            "Kirgisistan",
            "Tadschikistan",
        ] {
            assert!(
                find(RelationKind::MemberOf, Some(c), "OVKS", |_| true).is_some(),
                "{} member_of OVKS; got {:?}",
                c,
                typed(analysis())
            );
        }
    }

    #[test]
    fn russia_leads_the_ovks() {
        let r = find(RelationKind::Leads, Some("Russland"), "OVKS", |_| true);
        assert!(r.is_some(), "{:?}", typed(analysis()));
    }

    #[test]
    fn germany_reduces_relations_with_kazakhstan() {
        let r = find(
            RelationKind::Event,
            Some("Deutschland"),
            "Kasachstan",
            |r| r.cameo.as_deref() == Some("16"),
        )
        .unwrap_or_else(|| panic!("{:?}", typed(analysis())));
        assert_eq!(r.trigger.as_deref(), Some("stoppen"));
        let (s, e) = r.evidence.trigger_span.unwrap();
        let text = &analysis().doc.text;
        assert_eq!(
            text.chars().skip(s).take(e - s).collect::<String>(),
            "stoppte"
        );
    }

    #[test]
    fn stoltenberg_leads_nato() {
        let r = find(RelationKind::Leads, Some("Stoltenberg"), "NATO", |r| {
            r.role.as_deref() == Some("Generalsekretär")
        });
        assert!(r.is_some(), "{:?}", typed(analysis()));
    }

    #[test]
    fn massimow_was_head_of_the_knb() {
        let r = find(RelationKind::Leads, Some("Massimow"), "KNB", |r| {
            r.role.as_deref() == Some("Chef") && r.former
        });
        assert!(r.is_some(), "{:?}", typed(analysis()));
    }

    #[test]
    fn tokajew_thanks_putin() {
        let r = find(RelationKind::Event, Some("Tokajew"), "Putin", |r| {
            r.cameo.as_deref() == Some("05") && r.trigger.as_deref() == Some("danken")
        });
        assert!(r.is_some(), "{:?}", typed(analysis()));
    }

    #[test]
    fn massimow_is_arrested_by_an_unnamed_agent() {
        let r = find(RelationKind::Event, None, "Massimow", |r| {
            r.cameo.as_deref() == Some("17") && r.trigger.as_deref() == Some("festnehmen")
        })
        .unwrap_or_else(|| panic!("{:?}", typed(analysis())));
        assert_eq!(r.source, None);
        assert!(r.reported, "laut Behördenangaben");
    }
}

/// `nergraph evidence` on a small article.
mod evidence_command {
    use std::process::Command;

    fn run(args: &[&str]) -> (bool, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nato.txt");
        std::fs::write(
            &path,
            "Der NATO gehören Polen und Frankreich an. Polen kritisierte Frankreich am Montag.",
        )
        .unwrap();
        let mut all: Vec<&str> = args.to_vec();
        let p = path.to_str().unwrap();
        all.push(p);
        let out = Command::new(env!("CARGO_BIN_EXE_nergraph"))
            .arg("evidence")
            .args(&all)
            .output()
            .unwrap();
        (out.status.success(), String::from_utf8(out.stdout).unwrap())
    }

    #[test]
    fn node_evidence_lists_its_relations_with_sentences() {
        let (ok, out) = run(&["nato"]);
        assert!(ok, "{}", out);
        assert!(
            out.contains("Der NATO gehören Polen und Frankreich an."),
            "{}",
            out
        );
        assert!(out.contains("member_of Polen -> NATO"), "{}", out);
        assert!(out.contains("member_of Frankreich -> NATO"), "{}", out);
        assert!(!out.contains("kritisierte"), "{}", out);
    }

    #[test]
    fn edge_evidence_lists_only_that_pair() {
        let (ok, out) = run(&["Polen", "Frankreich", "--format", "jsonl"]);
        assert!(ok, "{}", out);
        let rows: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), 1, "{}", out);
        assert_eq!(rows[0]["relation"], "event");
        assert_eq!(rows[0]["cameo"], "11");
        assert_eq!(rows[0]["trigger_span"], serde_json::json!([48, 59]));
    }

    #[test]
    fn unknown_entity_fails() {
        let (ok, out) = run(&["Atlantis"]);
        assert!(!ok);
        assert!(out.is_empty());
    }
}

/// A "sentence" that lists many names (a table, text without full stops):
/// each name is paired with the next `WINDOW` names only, and the evidence
/// is cut short, so the output grows linearly with the list.
#[test]
fn long_lists_pair_neighbours_and_cut_the_evidence() {
    use nergraph::relate::cooccur::WINDOW;
    use nergraph::relate::{RelationKind, MAX_EVIDENCE_CHARS};
    let countries = [
        "Frankreich",
        "Italien",
        "Spanien",
        "Portugal",
        "Polen",
        "Tschechien",
        "Österreich",
        "Ungarn",
        "Rumänien",
        "Bulgarien",
        "Griechenland",
        "Kroatien",
        "Slowenien",
        "Serbien",
        "Albanien",
        "Dänemark",
        "Schweden",
        "Norwegen",
        "Finnland",
        "Estland",
        "Lettland",
        "Litauen",
        "Irland",
        "Island",
        "Belgien",
        "Luxemburg",
        "Malta",
        "Zypern",
        "Ukraine",
        "Moldau",
        "Georgien",
        "Türkei",
        "Ägypten",
        "Marokko",
        "Tunesien",
        "Algerien",
        "Kenia",
        "Ghana",
        "Nigeria",
        "Senegal",
        "Mali",
        "Niger",
        "Tschad",
        "Sudan",
        "Äthiopien",
        "Somalia",
        "Uganda",
        "Ruanda",
        "Tansania",
        "Sambia",
        "Angola",
        "Namibia",
        "Botswana",
        "Simbabwe",
        "Mosambik",
        "Madagaskar",
        "Brasilien",
        "Argentinien",
        "Chile",
        "Peru",
        "Kolumbien",
        "Venezuela",
        "Ecuador",
        "Bolivien",
        "Paraguay",
        "Uruguay",
        "Mexiko",
        "Kanada",
        "Kuba",
        "Jamaika",
        "Japan",
        "Indien",
        "Vietnam",
        "Thailand",
        "Indonesien",
        "Australien",
        "Neuseeland",
        "Pakistan",
        "Iran",
        "Irak",
    ];
    let text = format!(
        "Teilnehmer kamen aus {} und Chile nach Genf, {}um zu beraten.",
        countries.join(", "),
        "um dort lange und ausführlich miteinander zu sprechen, ".repeat(8)
    );
    assert!(text.chars().count() > MAX_EVIDENCE_CHARS);
    let a = crate::patterns::pattern_pipeline()
        .analyze(nergraph::read::Document::new("list", text.as_str()));
    let co: Vec<_> = a
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::CoOccurs)
        .collect();
    let found = a.resolved.entities.len();
    assert!(found + 5 >= countries.len(), "{} entities", found);
    // n names, each paired with the next WINDOW ones
    let want: usize = (0..found).map(|k| WINDOW.min(found - 1 - k)).sum();
    assert_eq!(co.len(), want);
    assert!(co.len() < found * (found - 1) / 2);
    let id = |label: &str| {
        a.resolved
            .entities
            .iter()
            .find(|e| e.label == label)
            .map(|e| e.id.clone())
            .unwrap_or_else(|| panic!("{label} not found"))
    };
    let paired = |x: &str, y: &str| {
        let (x, y) = (id(x), id(y));
        co.iter().any(|r| {
            (r.source.as_deref() == Some(&x) && r.target == y)
                || (r.source.as_deref() == Some(&y) && r.target == x)
        })
    };
    assert!(paired("Frankreich", "Italien"));
    assert!(paired("Frankreich", countries[WINDOW]));
    assert!(!paired("Frankreich", "Irak"));
    let evidence = &co[0].evidence;
    assert!(evidence.text.chars().count() <= MAX_EVIDENCE_CHARS + 2);
    assert!(evidence.text.ends_with(" …"), "{}", evidence.text);
    assert_eq!(
        evidence.sentence_end - evidence.sentence_start,
        text.chars().count()
    );
}
