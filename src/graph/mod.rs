//! Stage 6, graph: aggregate the entities and relations of all documents into
//! one petgraph graph. One node per entity; one edge per (source, target,
//! relation, CAMEO code, trigger, role), weighted by its number of distinct
//! evidences.
//!
//! Memory is bounded by the graph, not by the corpus: each edge keeps at most
//! [`MAX_EVIDENCE`] evidence sentences (its weight still counts all of them).
//!
//! The node metrics ([`metrics`]) are computed once when the graph is
//! finished, one algorithm per file; [`filter`] cuts views for drawings.

pub mod adjacency;
pub mod components;
pub mod degree;
pub mod filter;
pub mod louvain;
pub mod merge;
pub mod metrics;
pub mod pagerank;

use std::collections::{BTreeSet, HashMap};

use foldhash::fast::FixedState;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use crate::recognize::EntityType;
use crate::relate::{Evidence, Relation, RelationKind};
use crate::resolve::Resolved;

pub use filter::Filter;
pub use metrics::NodeMetrics;

/// What makes two evidences of one document the same: sentence and trigger span.
type EvidenceKey = (usize, Option<(usize, usize)>);

/// How many evidence sentences an edge keeps.
pub const MAX_EVIDENCE: usize = 20;

/// A node: one entity across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// Stable entity id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// PER, ORG or LOC.
    pub etype: EntityType,
    /// Knowledge-base id, if linked.
    pub kb_id: Option<String>,
    /// Every surface form seen.
    pub aliases: BTreeSet<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// Number of documents mentioning it.
    pub documents: usize,
    /// Degree, weighted degree, PageRank, component and community, computed
    /// on the whole graph by [`GraphBuilder::finish`].
    #[serde(flatten)]
    pub metrics: NodeMetrics,
    #[serde(skip)]
    last_doc: Option<String>,
}

/// The identity of an edge: two edges with the same key are merged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EdgeKey {
    /// Source entity id.
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// Relation kind.
    pub kind: RelationKind,
    /// CAMEO root code, for events.
    pub cameo: Option<String>,
    /// Trigger lemma.
    pub trigger: Option<String>,
    /// Role.
    pub role: Option<String>,
}

impl EdgeKey {
    /// The key of `edge`.
    pub fn of(edge: &Edge) -> EdgeKey {
        EdgeKey {
            source: edge.source.clone(),
            target: edge.target.clone(),
            kind: edge.kind,
            cameo: edge.cameo.clone(),
            trigger: edge.trigger.clone(),
            role: edge.role.clone(),
        }
    }
}

/// An edge: one relation between two entities with all its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// Source entity id.
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// Relation kind.
    pub kind: RelationKind,
    /// CAMEO root code, for events.
    pub cameo: Option<String>,
    /// Trigger lemma.
    pub trigger: Option<String>,
    /// Role, for `leads` and `affiliated_with`.
    pub role: Option<String>,
    /// Whether every evidence marks the role as former.
    pub former: bool,
    /// Whether every evidence is reported speech.
    pub reported: bool,
    /// Number of distinct evidences.
    pub weight: usize,
    /// Number of distinct documents.
    pub documents: usize,
    /// Earliest document date.
    pub first_date: Option<String>,
    /// Latest document date.
    pub last_date: Option<String>,
    /// The first [`MAX_EVIDENCE`] evidences.
    pub evidence: Vec<Evidence>,
    /// Evidences already counted for the current document (documents arrive
    /// one after another, so older documents need not be remembered).
    #[serde(skip)]
    seen: std::collections::HashSet<EvidenceKey, FixedState>,
    #[serde(skip)]
    last_doc: Option<String>,
}

impl Edge {
    /// Whether the edge has a direction.
    pub fn directed(&self) -> bool {
        self.kind.directed()
    }
}

/// Strings numbered in order of first appearance, so that hot lookups hash
/// and compare small integers and allocate only for new strings.
#[derive(Default)]
struct Interner {
    number: HashMap<String, u32, FixedState>,
}

impl Interner {
    fn get(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.number.get(s) {
            return n;
        }
        let n = self.number.len() as u32;
        self.number.insert(s.to_string(), n);
        n
    }

    /// 0 for `None`, else the number plus one.
    fn get_opt(&mut self, s: Option<&str>) -> u32 {
        s.map_or(0, |s| self.get(s) + 1)
    }
}

/// An [`EdgeKey`] with interned strings.
type InternedKey = (u32, u32, RelationKind, u32, u32, u32);

/// Accumulates documents into a graph; feed documents in a fixed order for
/// byte-identical output.
#[derive(Default)]
pub struct GraphBuilder {
    /// Entity ids.
    ids: Interner,
    /// CAMEO codes, triggers and roles.
    words: Interner,
    /// Nodes by interned id.
    nodes: Vec<Option<Node>>,
    edges: Vec<Edge>,
    edge_of: HashMap<InternedKey, usize, FixedState>,
    documents: usize,
}

/// Set `slot` to `value`, reusing its allocation.
fn set_doc(slot: &mut Option<String>, value: &str) {
    match slot {
        Some(s) => {
            s.clear();
            s.push_str(value);
        }
        None => *slot = Some(value.to_string()),
    }
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> GraphBuilder {
        GraphBuilder::default()
    }

    /// Add one document's entities (with mention counts) and relations.
    pub fn add_document(&mut self, doc_id: &str, resolved: &Resolved, relations: &[Relation]) {
        self.add_entities(doc_id, resolved);
        for r in relations {
            if let Some(e) = self.add_relation(r) {
                self.edges[e].evidence.push(r.evidence.clone());
            }
        }
    }

    /// [`GraphBuilder::add_document`], taking the relations: their evidence
    /// is moved into the graph instead of copied.
    pub fn add_document_owned(
        &mut self,
        doc_id: &str,
        resolved: &Resolved,
        relations: Vec<Relation>,
    ) {
        self.add_entities(doc_id, resolved);
        for r in relations {
            if let Some(e) = self.add_relation(&r) {
                self.edges[e].evidence.push(r.evidence);
            }
        }
    }

    fn add_entities(&mut self, doc_id: &str, resolved: &Resolved) {
        self.documents += 1;
        let mut counts = vec![0usize; resolved.entities.len()];
        for &e in &resolved.mention_entity {
            counts[e] += 1;
        }
        for (entity, count) in resolved.entities.iter().zip(counts) {
            let n = self.ids.get(&entity.id) as usize;
            if self.nodes.len() <= n {
                self.nodes.resize_with(n + 1, || None);
            }
            let node = self.nodes[n].get_or_insert_with(|| Node {
                id: entity.id.to_string(),
                label: entity.label.clone(),
                etype: entity.etype,
                kb_id: entity.kb_id.clone(),
                aliases: BTreeSet::new(),
                mentions: 0,
                documents: 0,
                metrics: NodeMetrics::default(),
                last_doc: None,
            });
            for a in &entity.aliases {
                if !node.aliases.contains(a.as_str()) {
                    node.aliases.insert(a.clone());
                }
            }
            node.mentions += count;
            if node.last_doc.as_deref() != Some(doc_id) {
                node.documents += 1;
                set_doc(&mut node.last_doc, doc_id);
            }
        }
    }
    /// Add one relation as an edge (or one more evidence of an edge).
    /// Events with an unnamed agent (`source: None`) are not edges. Returns
    /// the edge whose evidence list should take the relation's evidence.
    fn add_relation(&mut self, r: &Relation) -> Option<usize> {
        let source = r.source.as_deref()?;
        let key = (
            self.ids.get(source),
            self.ids.get(&r.target),
            r.kind,
            self.words.get_opt(r.cameo.as_deref()),
            self.words.get_opt(r.trigger.as_deref()),
            self.words.get_opt(r.role.as_deref()),
        );
        let e = match self.edge_of.get(&key) {
            Some(&e) => e,
            None => {
                self.edges.push(Edge {
                    source: source.to_string(),
                    target: r.target.to_string(),
                    kind: r.kind,
                    cameo: r.cameo.clone(),
                    trigger: r.trigger.clone(),
                    role: r.role.clone(),
                    former: true,
                    reported: true,
                    weight: 0,
                    documents: 0,
                    first_date: None,
                    last_date: None,
                    evidence: Vec::new(),
                    seen: Default::default(),
                    last_doc: None,
                });
                self.edge_of.insert(key, self.edges.len() - 1);
                self.edges.len() - 1
            }
        };
        let edge = &mut self.edges[e];
        let ev = &r.evidence;
        if edge.last_doc.as_deref() != Some(&*ev.doc) {
            edge.documents += 1;
            set_doc(&mut edge.last_doc, &ev.doc);
            edge.seen.clear();
        }
        if !edge.seen.insert((ev.sentence, ev.trigger_span)) {
            return None;
        }
        edge.weight += 1;
        edge.former &= r.former;
        edge.reported &= r.reported;
        if let Some(d) = &ev.date {
            let d: &str = d;
            if edge.first_date.as_deref().is_none_or(|f| d < f) {
                edge.first_date = Some(d.to_string());
            }
            if edge.last_date.as_deref().is_none_or(|l| d > l) {
                edge.last_date = Some(d.to_string());
            }
        }
        (edge.evidence.len() < MAX_EVIDENCE).then_some(e)
    }

    /// Number of documents added.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The finished graph, nodes sorted by id and edges by key, with the
    /// node metrics computed. Surname-only persons are first merged into the
    /// one full-name person with that surname ([`merge::merge_variants`]).
    pub fn finish(self) -> KnowledgeGraph {
        self.finish_with(|_| None)
    }

    /// [`GraphBuilder::finish`], also merging organizations named with a
    /// legal form, group word or web domain into the one named without it;
    /// `company_name` strips them off a name
    /// ([`crate::recognize::Recognizer::company_name`]).
    pub fn finish_with(self, company_name: impl Fn(&str) -> Option<&str>) -> KnowledgeGraph {
        let mut nodes: Vec<Node> = self.nodes.into_iter().flatten().collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        let mut edges: Vec<(EdgeKey, Edge)> = self
            .edges
            .into_iter()
            .map(|e| (EdgeKey::of(&e), e))
            .collect();
        edges.sort_by(|a, b| a.0.cmp(&b.0));
        merge::merge_variants(&mut nodes, &mut edges, company_name);
        let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut index = HashMap::with_capacity(nodes.len());
        for n in nodes {
            let id = n.id.clone();
            index.insert(id, graph.add_node(n));
        }
        for (_, mut e) in edges {
            e.seen = Default::default();
            if let (Some(&a), Some(&b)) = (index.get(&e.source), index.get(&e.target)) {
                graph.add_edge(a, b, e);
            }
        }
        let node_metrics = metrics::compute(&graph);
        for (node, m) in graph.node_weights_mut().zip(node_metrics) {
            node.metrics = m;
        }
        KnowledgeGraph {
            graph,
            index,
            documents: self.documents,
        }
    }
}

/// The knowledge graph: a petgraph [`DiGraph`] whose undirected edges
/// (`co_occurs`) are stored once, from the smaller to the larger id.
#[derive(Debug, Clone)]
pub struct KnowledgeGraph {
    /// The graph; node and edge indices follow sorted id/key order.
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    documents: usize,
}

impl KnowledgeGraph {
    /// The node index of entity `id`.
    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The nodes in id order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// The edges in key order.
    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        self.graph.edge_weights()
    }

    /// Number of documents the graph was built from.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// A graph holding the nodes for which `keep_node` and the edges for
    /// which `keep_edge` returns true (edges need both ends kept), in the
    /// same order, with the metrics of the whole graph.
    pub fn subgraph(
        &self,
        keep_node: impl Fn(NodeIndex, &Node) -> bool,
        keep_edge: impl Fn(&Edge) -> bool,
    ) -> KnowledgeGraph {
        let mut graph = DiGraph::new();
        let mut index = HashMap::new();
        for i in self.graph.node_indices() {
            let n = &self.graph[i];
            if keep_node(i, n) {
                index.insert(n.id.clone(), graph.add_node(n.clone()));
            }
        }
        for e in self.graph.edge_indices() {
            let edge = &self.graph[e];
            if let (Some(&a), Some(&b)) = (index.get(&edge.source), index.get(&edge.target)) {
                if keep_edge(edge) {
                    graph.add_edge(a, b, edge.clone());
                }
            }
        }
        KnowledgeGraph {
            graph,
            index,
            documents: self.documents,
        }
    }
}
