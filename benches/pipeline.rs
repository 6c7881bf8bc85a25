//! Throughput of the pipeline stages on the bundled articles (divan).
//!
//! Run with `cargo bench --bench pipeline`. Each benchmark reports bytes per
//! second over the whole bundled corpus (data/articles/), so stage costs can
//! be compared directly. The `smartdata_*` benchmarks run the recognizer on
//! a larger and more varied corpus, SmartData v1 train (about 0.5 MB of
//! text, from `../shared/corpora/smartdata/` or the file named by
//! `NERGRAPH_BENCH_CORPUS`; empty when missing), where the lexicon tables no
//! longer sit in the cache. Whole-command throughput on ~100 MB is measured
//! by `scripts/bench_build.sh`.

use divan::counter::BytesCount;
use divan::Bencher;
use nergraph::graph::GraphBuilder;
use nergraph::lexicon::DataSource;
use nergraph::pipeline::{Depth, Pipeline, PipelineOptions};
use nergraph::read::{Document, Input, Inputs};
use nergraph::recognize::gazetteer::Gazetteer;
use nergraph::recognize::{Recognized, RecognizerOptions};
use nergraph::relate::DocumentView;
use nergraph::resolve::resolve;
use nergraph::segment::{segment, Sentence};
use nergraph::text::CharIndex;

fn main() {
    divan::main();
}

fn corpus() -> Vec<Document> {
    Inputs::new([Input::from_arg("data/articles")])
        .filter_map(Result::ok)
        .collect()
}

fn smartdata() -> Vec<Document> {
    let path = std::env::var("NERGRAPH_BENCH_CORPUS")
        .unwrap_or_else(|_| "../shared/corpora/smartdata/smartdata-v1_train.jsonl".into());
    if !std::path::Path::new(&path).exists() {
        eprintln!("{}: not found, smartdata benchmarks measure nothing", path);
        return Vec::new();
    }
    Inputs::new([Input::from_arg(&path)])
        .filter_map(Result::ok)
        .collect()
}

fn bytes(docs: &[Document]) -> BytesCount {
    BytesCount::new(docs.iter().map(|d| d.text.len()).sum::<usize>())
}

fn pipeline(no_model: bool) -> Pipeline {
    Pipeline::new(&PipelineOptions {
        recognizer: RecognizerOptions {
            no_model,
            // as the command line sets it
            listed_first_names: no_model,
            ..Default::default()
        },
        ..Default::default()
    })
    .expect("built-in data loads")
}

/// Segment each of `docs`.
fn bench_segment(b: Bencher, docs: &[Document]) {
    b.counter(bytes(docs)).bench(|| {
        for d in docs {
            divan::black_box(segment(&d.text));
        }
    });
}

/// Run the gazetteer over each of `docs`.
fn bench_gazetteer(b: Bencher, docs: &[Document]) {
    let gaz = Gazetteer::load(&DataSource::builtin()).expect("built-in gazetteer loads");
    b.counter(bytes(docs)).bench(|| {
        for d in docs {
            divan::black_box(gaz.find_matches(&d.text));
        }
    });
}

/// Run gazetteer, patterns and merging over each of `docs`, segmented
/// beforehand.
fn bench_recognize(b: Bencher, docs: &[Document]) {
    let p = pipeline(true);
    let sentences: Vec<_> = docs.iter().map(|d| segment(&d.text)).collect();
    b.counter(bytes(docs)).bench(|| {
        for (d, s) in docs.iter().zip(&sentences) {
            divan::black_box(p.recognizer().recognize(&d.text, s));
        }
    });
}

/// Each of `docs` segmented and recognized by lists and patterns.
fn recognized(p: &Pipeline, docs: &[Document]) -> Vec<(Vec<Sentence>, Recognized)> {
    docs.iter()
        .map(|d| {
            let sentences = segment(&d.text);
            let recognized = p.recognizer().recognize(&d.text, &sentences);
            (sentences, recognized)
        })
        .collect()
}

#[divan::bench]
fn segment_only(b: Bencher) {
    bench_segment(b, &corpus());
}

#[divan::bench]
fn gazetteer_only(b: Bencher) {
    bench_gazetteer(b, &corpus());
}

#[divan::bench]
fn patterns_only(b: Bencher) {
    let docs = corpus();
    let p = pipeline(true);
    let prepared: Vec<_> = docs
        .iter()
        .map(|d| {
            let sentences = segment(&d.text);
            let gaz = p.recognizer().gazetteer().find(&d.text, &sentences);
            (sentences, gaz)
        })
        .collect();
    b.counter(bytes(&docs)).bench(|| {
        for (d, (s, gaz)) in docs.iter().zip(&prepared) {
            divan::black_box(p.recognizer().patterns().find(&d.text, s, gaz));
        }
    });
}

#[divan::bench]
fn recognize_lists_and_patterns(b: Bencher) {
    bench_recognize(b, &corpus());
}

#[divan::bench]
fn relate_only(b: Bencher) {
    let docs = corpus();
    let p = pipeline(true);
    let prepared: Vec<_> = recognized(&p, &docs)
        .into_iter()
        .zip(&docs)
        .map(|((sentences, recognized), d)| {
            let resolved = resolve(&d.text, &recognized);
            let chars = CharIndex::new(&d.text);
            (sentences, recognized, resolved, chars)
        })
        .collect();
    b.counter(bytes(&docs)).bench(|| {
        for (d, (sentences, recognized, resolved, chars)) in docs.iter().zip(&prepared) {
            let view = DocumentView {
                doc: d,
                sentences,
                recognized,
                resolved,
                chars,
            };
            divan::black_box(
                p.relater()
                    .relate_with_countries(&view, Some(p.recognizer().gazetteer())),
            );
        }
    });
}

/// Everything after recognition, per document: resolve, relate (with the
/// gazetteer's countries) and adding to the graph, on mentions recognized
/// beforehand. Finishing the graph (metrics, sorting) happens once per
/// build, not per document, and is timed by `graph_finish` here and by
/// `cargo bench --bench metrics`.
#[divan::bench]
fn resolve_relate_graph(b: Bencher) {
    let docs = corpus();
    let p = pipeline(true);
    let prepared = recognized(&p, &docs);
    b.counter(bytes(&docs)).bench(|| {
        let mut g = GraphBuilder::new();
        for (d, (sentences, recognized)) in docs.iter().zip(&prepared) {
            let resolved = resolve(&d.text, recognized);
            let chars = CharIndex::new(&d.text);
            let view = DocumentView {
                doc: d,
                sentences,
                recognized,
                resolved: &resolved,
                chars: &chars,
            };
            let relations = p
                .relater()
                .relate_with_countries(&view, Some(p.recognizer().gazetteer()));
            g.add_document_owned(&d.id, &resolved, relations);
        }
        divan::black_box(g)
    });
}

/// Finishing the graph of the bundled articles: merging, sorting, metrics.
#[divan::bench]
fn graph_finish(b: Bencher) {
    let docs = corpus();
    let p = pipeline(true);
    let analyses: Vec<_> = docs.iter().map(|d| p.analyze(d.clone())).collect();
    b.with_inputs(|| {
        let mut g = GraphBuilder::new();
        for a in &analyses {
            g.add_document(&a.doc.id, &a.resolved, &a.relations);
        }
        g
    })
    .bench_values(|g| g.finish());
}

#[divan::bench(args = [true, false])]
fn analyze_and_graph(b: Bencher, no_model: bool) {
    let docs = corpus();
    let p = pipeline(no_model);
    b.counter(bytes(&docs)).bench(|| {
        let mut g = GraphBuilder::new();
        for d in &docs {
            let a = p.analyze(d.clone());
            g.add_document(&a.doc.id, &a.resolved, &a.relations);
        }
        divan::black_box(g.finish())
    });
}

/// The pipeline of the 50 MB/s goal: segment, lists, patterns, resolve,
/// co-occurrence and graph, without the tagger and the typed relations
/// (`nergraph --no-model build --cooccurrence-only`).
#[divan::bench]
fn cooccurrence_graph_lists_and_patterns(b: Bencher) {
    let docs = corpus();
    let p = pipeline(true);
    b.counter(bytes(&docs)).bench(|| {
        let mut g = GraphBuilder::new();
        for d in &docs {
            let a = p.analyze_to(d.clone(), Depth::CoOccurrence);
            g.add_document(&a.doc.id, &a.resolved, &a.relations);
        }
        divan::black_box(g.finish())
    });
}

#[divan::bench(sample_count = 20)]
fn smartdata_segment(b: Bencher) {
    bench_segment(b, &smartdata());
}

#[divan::bench(sample_count = 20)]
fn smartdata_gazetteer(b: Bencher) {
    bench_gazetteer(b, &smartdata());
}

#[divan::bench(sample_count = 20)]
fn smartdata_recognize_lists_and_patterns(b: Bencher) {
    bench_recognize(b, &smartdata());
}
