//! Views of the graph for drawings: keep some entity types, drop light edges,
//! keep the top entities by weighted degree or the neighbourhood of one
//! entity. Nodes keep the metrics of the whole graph.

use std::collections::VecDeque;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::KnowledgeGraph;
use crate::error::{Error, Result};
use crate::recognize::EntityType;
use crate::relate::RelationKind;
use crate::text::fold;

/// What a drawing shows. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep edges of at least this weight (and drop the nodes left without
    /// any edge); 0 and 1 keep all edges.
    pub min_weight: usize,
    /// Keep this many entities with the largest weighted degree (ties by id).
    pub top: Option<usize>,
    /// Keep only these entity types (empty: all).
    pub types: Vec<EntityType>,
    /// Keep the entities within [`Filter::depth`] edges of this entity, named
    /// by id or label, else by alias (case-insensitive); the entity itself is
    /// always kept.
    pub ego: Option<String>,
    /// Radius of the ego network (with [`Filter::ego`]).
    pub depth: usize,
    /// Drop `co_occurs` edges (and the nodes left without any edge).
    pub no_cooccurrence: bool,
}

impl Filter {
    /// Whether the filter keeps the whole graph.
    pub fn is_identity(&self) -> bool {
        self.min_weight <= 1
            && self.top.is_none()
            && self.types.is_empty()
            && self.ego.is_none()
            && !self.no_cooccurrence
    }
}

impl KnowledgeGraph {
    /// The part of the graph that `filter` keeps.
    ///
    /// Steps, in order: entity types; edge weight and co-occurrence; the ego
    /// network (breadth-first over the remaining edges, ignoring direction);
    /// the top N by weighted degree; then, if an edge filter is active, nodes
    /// without remaining edges are dropped.
    ///
    /// # Errors
    /// When the ego entity matches no id or label.
    ///
    /// # Complexity
    /// O(|V| log |V| + |E|).
    pub fn filtered(&self, filter: &Filter) -> Result<KnowledgeGraph> {
        let g = &self.graph;
        let n = g.node_count();
        let mut keep: Vec<bool> = g
            .node_weights()
            .map(|node| filter.types.is_empty() || filter.types.contains(&node.etype))
            .collect();
        let edge_ok = |e: &super::Edge| {
            e.weight >= filter.min_weight
                && !(filter.no_cooccurrence && e.kind == RelationKind::CoOccurs)
        };
        if let Some(name) = &filter.ego {
            let seeds = self.find(name);
            if seeds.is_empty() {
                return Err(Error::other(format!(
                    "--ego: no entity with id, label or alias {:?}{}",
                    name,
                    self.suggestions(name)
                )));
            }
            let mut dist = vec![usize::MAX; n];
            let mut queue = VecDeque::new();
            for s in seeds {
                keep[s.index()] = true;
                dist[s.index()] = 0;
                queue.push_back(s);
            }
            while let Some(u) = queue.pop_front() {
                if dist[u.index()] >= filter.depth {
                    continue;
                }
                let edges = g
                    .edges_directed(u, petgraph::Direction::Outgoing)
                    .chain(g.edges_directed(u, petgraph::Direction::Incoming));
                let mut next: Vec<NodeIndex> = edges
                    .filter(|e| edge_ok(e.weight()))
                    .map(|e| {
                        if e.source() == u {
                            e.target()
                        } else {
                            e.source()
                        }
                    })
                    .filter(|v| keep[v.index()] && dist[v.index()] == usize::MAX)
                    .collect();
                next.sort();
                next.dedup();
                for v in next {
                    dist[v.index()] = dist[u.index()] + 1;
                    queue.push_back(v);
                }
            }
            for (k, d) in keep.iter_mut().zip(&dist) {
                *k &= *d != usize::MAX;
            }
        }
        if let Some(top) = filter.top {
            let mut ranked: Vec<NodeIndex> = g.node_indices().filter(|i| keep[i.index()]).collect();
            ranked.sort_by(|&a, &b| {
                g[b].metrics
                    .weighted_degree
                    .cmp(&g[a].metrics.weighted_degree)
                    .then(a.cmp(&b))
            });
            for &i in ranked.iter().skip(top) {
                keep[i.index()] = false;
            }
        }
        if filter.min_weight > 1 || filter.no_cooccurrence {
            let mut linked = vec![false; n];
            for e in g.edge_references() {
                if keep[e.source().index()] && keep[e.target().index()] && edge_ok(e.weight()) {
                    linked[e.source().index()] = true;
                    linked[e.target().index()] = true;
                }
            }
            for (k, l) in keep.iter_mut().zip(linked) {
                *k &= l;
            }
        }
        Ok(self.subgraph(|i, _| keep[i.index()], edge_ok))
    }

    /// The nodes whose id or label equals `name`, ignoring case; when there
    /// are none, the nodes with an alias equal to `name` ("Putin" for
    /// "Wladimir Putin" once the text used the surname alone).
    pub fn find(&self, name: &str) -> Vec<NodeIndex> {
        let key = fold(name.trim());
        let g = &self.graph;
        let exact: Vec<NodeIndex> = g
            .node_indices()
            .filter(|&i| fold(&g[i].id) == key || fold(&g[i].label) == key)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        g.node_indices()
            .filter(|&i| g[i].aliases.iter().any(|a| fold(a) == key))
            .collect()
    }

    /// ", did you mean ..." with up to five labels containing `name`.
    fn suggestions(&self, name: &str) -> String {
        let key = fold(name.trim());
        let close: Vec<String> = self
            .nodes()
            .filter(|n| !key.is_empty() && fold(&n.label).contains(&key))
            .take(5)
            .map(|n| format!("{:?} ({})", n.label, n.id))
            .collect();
        if close.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", close.join(", "))
        }
    }
}
