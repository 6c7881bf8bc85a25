//! `eval`: metric arithmetic, the ignore rule, the three gold-format readers
//! and the command's JSON output.

use std::path::Path;

use nergraph::eval::{self, metrics, Format, GoldDoc, GoldLabel, Report};
use nergraph::EntityType::{self, Loc, Org, Per};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/eval")
        .join(name)
}

/// (text, label) of every gold span.
fn spans(doc: &GoldDoc) -> Vec<(&str, GoldLabel)> {
    doc.spans
        .iter()
        .map(|s| (&doc.text[s.start..s.end], s.label))
        .collect()
}

/// The byte span of the `n`-th occurrence (0-based) of `needle`.
fn find(doc: &GoldDoc, needle: &str, t: EntityType) -> (usize, usize, EntityType) {
    let s = doc.text.find(needle).expect("needle in text");
    (s, s + needle.len(), t)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn metrics_on_hand_made_pair() {
    let tokens = "Anna Berg traf Max in Rom und Paris ."
        .split(' ')
        .collect::<Vec<_>>();
    let e = |t| Some((true, GoldLabel::Entity(t)));
    let i = |t| Some((false, GoldLabel::Entity(t)));
    let tags = [
        e(Per),
        i(Per),
        None,
        e(Per),
        None,
        e(Loc),
        None,
        e(Loc),
        None,
    ];
    let doc = GoldDoc::from_tokens("x".into(), &tokens, &tags);
    assert_eq!(doc.text, "Anna Berg traf Max in Rom und Paris .");
    let pred = vec![
        find(&doc, "Anna Berg", Per), // TP
        find(&doc, "Max", Org),       // FP (wrong type) + FN PER
        find(&doc, "Rom", Loc),       // TP
        find(&doc, "traf", Loc),      // FP
    ];
    let mut report = Report::default();
    report.add(&doc, &pred);
    let micro = report.micro();
    assert_eq!((micro.tp, micro.fp, micro.fn_), (2, 2, 2));
    let s = micro.scores();
    assert!(close(s.p, 0.5) && close(s.r, 0.5) && close(s.f1, 0.5));
    let per = report.counts(Per).scores();
    assert!(close(per.p, 1.0) && close(per.r, 0.5) && close(per.f1, 2.0 / 3.0));
    let org = report.counts(Org);
    assert_eq!((org.tp, org.fp, org.fn_), (0, 1, 0));
    let loc = report.counts(Loc).scores();
    assert!(close(loc.p, 0.5) && close(loc.r, 0.5) && close(loc.f1, 0.5));
    let json = report.to_json();
    assert_eq!(json["micro"]["f1"], 0.5);
    assert_eq!(json["per_type"]["PER"]["r"], 0.5);
    assert_eq!(json["tokens"], 9);
    let text = report.to_text();
    assert!(text.contains("ORG  Max"), "{}", text);
    assert!(text.contains("LOC  Paris"), "{}", text);
}

#[test]
fn prediction_on_ignored_gold_span_counts_neither_way() {
    let docs = eval::read_corpus(&fixture("sample.tsv"), None).unwrap();
    let (a, b) = (&docs[0], &docs[1]);
    // exactly an ignored span (LOCderiv, ORGpart): neither TP nor FP
    let (c, fp, _) = metrics::score(&a.spans, &[find(a, "deutsche", Loc)]);
    assert!(fp.is_empty());
    assert_eq!(c.get(&Loc).map(|c| c.fp).unwrap_or(0), 0);
    let (_, fp, _) = metrics::score(&b.spans, &[find(b, "EU-Staaten", Org)]);
    assert!(fp.is_empty());
    // overlapping but not equal: a false positive
    let (_, fp, _) = metrics::score(&a.spans, &[find(a, "deutsche Botschaft", Loc)]);
    assert_eq!(fp.len(), 1);
    // ignored spans are never false negatives
    let (c, _, fns) = metrics::score(&b.spans, &[find(b, "Siemens AG", Org)]);
    assert!(fns.is_empty());
    assert_eq!(c[&Org].tp, 1);
}

#[test]
fn germeval_reader() {
    let docs = eval::read_corpus(&fixture("sample.tsv"), None).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].text,
        "Angela Merkel besuchte die deutsche Botschaft in Paris ."
    );
    assert_eq!(
        spans(&docs[0]),
        vec![
            ("Angela Merkel", GoldLabel::Entity(Per)),
            ("deutsche", GoldLabel::Ignored),
            ("Paris", GoldLabel::Entity(Loc)),
        ]
    );
    assert_eq!(
        spans(&docs[1]),
        vec![
            ("EU-Staaten", GoldLabel::Ignored),
            ("Siemens AG", GoldLabel::Entity(Org)),
        ]
    );
    assert_eq!(docs[0].token_count() + docs[1].token_count(), 17);
    // predictions inside a token grow to the whole token
    assert_eq!(docs[0].snap(2, 5), Some((0, 6)));
    assert_eq!(docs[0].snap(3, 9), Some((0, 13)));
}

#[test]
fn conll_reader_maps_ler_types() {
    let docs = eval::read_corpus(&fixture("sample.conll"), Some(Format::Conll)).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        spans(&docs[0]),
        vec![
            ("Richter", GoldLabel::Entity(Per)),
            ("Bundesgerichtshof", GoldLabel::Entity(Org)),
            ("Karlsruhe", GoldLabel::Entity(Loc)),
            ("§ 17 EStG", GoldLabel::Ignored),
        ]
    );
    assert_eq!(
        spans(&docs[1]),
        vec![
            ("Max Mustermann", GoldLabel::Entity(Per)),
            ("Dänemark", GoldLabel::Entity(Loc)),
        ]
    );
}

#[test]
fn conll_reader_rejects_other_formats() {
    let err = eval::parse(
        "a\tb\tc\n1\tx\tB-PER\tfoo\n",
        Path::new("x.conll"),
        Format::Conll,
    )
    .unwrap_err();
    assert!(err.to_string().contains("x.conll:1"), "{}", err);
}

#[test]
fn spans_jsonl_reader_converts_char_offsets() {
    let docs = eval::read_corpus(&fixture("sample.jsonl"), None).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        spans(&docs[0]),
        vec![
            ("Lufthansa", GoldLabel::Entity(Org)),
            ("München", GoldLabel::Entity(Loc)),
            ("Zürich", GoldLabel::Ignored),
            ("Köln", GoldLabel::Entity(Loc)),
        ]
    );
    assert_eq!(
        spans(&docs[1]),
        vec![
            ("Sigmar Gabriel", GoldLabel::Entity(Per)),
            ("deutschen", GoldLabel::Ignored),
            ("Exporte", GoldLabel::Ignored),
        ]
    );
    let bad =
        r#"{"id": 1, "text": "kurz", "entities": [{"start": 2, "end": 9, "type": "PERSON"}]}"#;
    let err = eval::parse(bad, Path::new("bad.jsonl"), Format::SpansJsonl).unwrap_err();
    assert!(err.to_string().contains("bad.jsonl:1"), "{}", err);
}

#[test]
fn eval_command_prints_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nergraph"))
        .args(["--no-model", "eval", "--json"])
        .arg(fixture("sample.tsv"))
        .arg(fixture("sample.conll"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["tokens"], 17 + 18);
    let gold = |t: &str| {
        v["per_type"][t]["tp"].as_u64().unwrap() + v["per_type"][t]["fn"].as_u64().unwrap()
    };
    assert_eq!((gold("PER"), gold("ORG"), gold("LOC")), (3, 2, 3));
    for k in ["p", "r", "f1"] {
        assert!(v["micro"][k].is_number());
    }
    assert!(v["seconds"].is_number());
}
