//! Cost of the node metrics on a synthetic co-occurrence graph the size of a
//! large corpus (divan).
//!
//! Run with `cargo bench --bench metrics`. The graph has 20 000 entities and
//! the co-occurrence edges of 100 000 sentences with 2 to 6 entities each,
//! drawn from a skewed (Zipf-like) distribution by a fixed-seed generator.

use divan::Bencher;
use nergraph::graph::adjacency::Adjacency;
use nergraph::graph::components::connected_components;
use nergraph::graph::louvain::{louvain, LouvainOptions};
use nergraph::graph::metrics::{compute, undirected_adjacency};
use nergraph::graph::pagerank::{page_rank, PageRankOptions};
use nergraph::graph::{GraphBuilder, KnowledgeGraph};
use nergraph::relate::{Evidence, Relation, RelationKind};
use nergraph::resolve::{Entity, Resolved};
use nergraph::EntityType;

fn main() {
    let g = synthetic_graph();
    eprintln!(
        "synthetic graph: {} entities, {} edges",
        g.graph.node_count(),
        g.graph.edge_count()
    );
    divan::main();
}

const ENTITIES: usize = 20_000;
const SENTENCES: usize = 100_000;

/// A fixed-seed linear congruential generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// An index in 0..n, skewed towards small ones.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

fn synthetic_graph() -> KnowledgeGraph {
    let entities: Vec<Entity> = (0..ENTITIES)
        .map(|i| Entity {
            id: format!("e{:05}", i).into(),
            label: format!("Entity {}", i),
            etype: EntityType::ALL[i % 3],
            kb_id: None,
            aliases: Default::default(),
        })
        .collect();
    let mut rng = Lcg(42);
    let mut builder = GraphBuilder::new();
    for s in 0..SENTENCES {
        let size = 2 + (rng.next() % 5) as usize;
        let mut ids: Vec<usize> = (0..size).map(|_| rng.skewed(ENTITIES)).collect();
        ids.sort();
        ids.dedup();
        let evidence = Evidence {
            doc: format!("d{}", s / 20).into(),
            date: None,
            sentence: s % 20,
            sentence_start: 0,
            sentence_end: 0,
            trigger_span: None,
            source_span: None,
            target_span: None,
            text: "".into(),
        };
        let mut relations = Vec::new();
        for a in 0..ids.len() {
            for b in a + 1..ids.len() {
                relations.push(Relation::plain(
                    RelationKind::CoOccurs,
                    entities[ids[a]].id.clone(),
                    entities[ids[b]].id.clone(),
                    evidence.clone(),
                ));
            }
        }
        let resolved = Resolved {
            entities: ids.iter().map(|&i| entities[i].clone()).collect(),
            mention_entity: (0..ids.len()).collect(),
        };
        builder.add_document(&evidence.doc, &resolved, &relations);
    }
    builder.finish()
}

fn adjacency() -> Adjacency {
    undirected_adjacency(&synthetic_graph().graph)
}

#[divan::bench(sample_count = 10)]
fn build_adjacency(b: Bencher) {
    let g = synthetic_graph();
    b.bench(|| undirected_adjacency(&g.graph));
}

#[divan::bench(sample_count = 10)]
fn pagerank(b: Bencher) {
    let adj = adjacency();
    b.bench(|| page_rank(&adj, PageRankOptions::default()));
}

#[divan::bench(sample_count = 10)]
fn louvain_communities(b: Bencher) {
    let adj = adjacency();
    b.bench(|| louvain(&adj, LouvainOptions::default()));
}

#[divan::bench(sample_count = 10)]
fn components(b: Bencher) {
    let adj = adjacency();
    b.bench(|| connected_components(&adj));
}

#[divan::bench(sample_count = 10)]
fn all_metrics(b: Bencher) {
    let g = synthetic_graph();
    b.bench(|| compute(&g.graph));
}
