//! Node metrics stored on every node so that every export carries them:
//! degree, weighted degree, weighted PageRank, connected component and
//! Louvain community, all computed on the undirected view of the graph.

use petgraph::graph::DiGraph;
use serde::Serialize;

use super::adjacency::Adjacency;
use super::components::connected_components;
use super::degree::{degree, weighted_degree};
use super::louvain::{louvain, LouvainOptions};
use super::pagerank::{page_rank, PageRankOptions};
use super::{Edge, Node};

/// The metrics of one node.
///
/// All of them treat the graph as undirected and weighted: every edge
/// (co-occurrence and typed relation alike) links its two entities with its
/// weight, and parallel edges between the same pair add up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct NodeMetrics {
    /// Number of distinct neighbouring entities.
    pub degree: usize,
    /// Sum of the weights of all edges at the node.
    pub weighted_degree: usize,
    /// Weighted PageRank (damping 0.85), rounded to 9 decimals; sums to 1.
    pub pagerank: f64,
    /// Connected component, numbered largest first from 0.
    pub component: usize,
    /// Louvain community, numbered largest first from 0.
    pub community: usize,
}

/// The undirected weighted adjacency of the graph, without self-loops.
pub fn undirected_adjacency(graph: &DiGraph<Node, Edge>) -> Adjacency {
    let edges = graph.edge_indices().filter_map(|e| {
        let (a, b) = graph.edge_endpoints(e)?;
        (a != b).then(|| (a.index(), b.index(), graph[e].weight as f64))
    });
    Adjacency::from_edges(graph.node_count(), edges.collect::<Vec<_>>(), false)
}

/// Compute the metrics of every node, in node index order.
///
/// # Complexity
/// O(|E| log |E|) to build the adjacency, then linear per PageRank
/// iteration and Louvain pass.
pub fn compute(graph: &DiGraph<Node, Edge>) -> Vec<NodeMetrics> {
    let adj = undirected_adjacency(graph);
    let degree = degree(&adj);
    let strength = weighted_degree(&adj);
    let rank = page_rank(&adj, PageRankOptions::default());
    let component = connected_components(&adj);
    let community = louvain(&adj, LouvainOptions::default());
    (0..adj.node_count())
        .map(|i| NodeMetrics {
            degree: degree[i],
            weighted_degree: strength[i].round() as usize,
            pagerank: (rank[i] * 1e9).round() / 1e9,
            component: component[i],
            community: community[i],
        })
        .collect()
}
