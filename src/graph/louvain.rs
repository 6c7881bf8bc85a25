//! Community detection with the Louvain method (Blondel et al. 2008): move
//! nodes greedily to the neighbouring community with the best modularity
//! gain, merge each community into one node, and repeat. Deterministic: nodes
//! are visited in index order and ties keep the current community.

use super::adjacency::Adjacency;

/// Settings of [`louvain`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LouvainOptions {
    /// Modularity resolution γ: above 1 favours smaller communities.
    pub resolution: f64,
    /// Upper bound on the number of aggregation levels.
    pub max_levels: usize,
    /// Upper bound on the number of node-moving passes per level.
    pub max_passes: usize,
}

impl Default for LouvainOptions {
    fn default() -> LouvainOptions {
        LouvainOptions {
            resolution: 1.0,
            max_levels: 32,
            max_passes: 100,
        }
    }
}

/// A move must improve the gain by more than this to count.
const EPSILON: f64 = 1e-12;

/// The community of every node, found by the Louvain method.
///
/// Each level starts with every (aggregated) node in a community of its own
/// and moves nodes, in index order, to the neighbouring community with the
/// largest modularity gain `k_i,in − γ·Σ_tot·k_i / 2m`, until a full pass
/// moves nothing; then every community becomes one node of the next level's
/// graph, with the weights inside it as a self-loop. It stops when a level
/// moves no node. Communities are numbered by size, largest first (equal
/// sizes by smallest node index). Isolated nodes stay alone.
///
/// # Arguments
/// * `adj` - an undirected adjacency with non-negative weights and no
///   self-loops (each edge in both rows).
/// * `options` - resolution and iteration bounds.
///
/// # Returns
/// One community number per node, in node index order.
///
/// # Complexity
/// O(p · (|V| + |E|)) per level for p passes; the number of levels is
/// logarithmic in practice, and each level's graph is smaller than the last.
///
/// # Example
/// ```
/// use nergraph::graph::adjacency::Adjacency;
/// use nergraph::graph::louvain::{louvain, LouvainOptions};
///
/// // Two triangles joined by the edge 2 - 3.
/// let edges = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)];
/// let adj = Adjacency::from_edges(6, edges.map(|(a, b)| (a, b, 1.0)), false);
/// assert_eq!(louvain(&adj, LouvainOptions::default()), vec![0, 0, 0, 1, 1, 1]);
/// ```
pub fn louvain(adj: &Adjacency, options: LouvainOptions) -> Vec<usize> {
    let n = adj.node_count();
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level = adj.clone();
    for _ in 0..options.max_levels {
        let (community, moved) = one_level(&level, options);
        if !moved {
            break;
        }
        let (renumbered, count) = renumber_by_first_appearance(&community);
        for m in membership.iter_mut() {
            *m = renumbered[*m];
        }
        if count == level.node_count() {
            break;
        }
        level = aggregate(&level, &renumbered);
    }
    number_by_size(&membership)
}

/// Modularity `Q = Σ_c [in_c / 2m − γ (tot_c / 2m)²]` of a partition, where
/// `in_c` sums the adjacency entries inside community `c` and `tot_c` the
/// weighted degrees of its nodes.
///
/// # Complexity
/// O(|V| + |E|).
pub fn modularity(adj: &Adjacency, community: &[usize], resolution: f64) -> f64 {
    let n = adj.node_count();
    let communities = community.iter().copied().max().map_or(0, |c| c + 1);
    let mut inside = vec![0.0; communities];
    let mut total = vec![0.0; communities];
    let mut m2 = 0.0;
    for i in 0..n {
        for (j, w) in adj.neighbors(i) {
            m2 += w;
            total[community[i]] += w;
            if community[i] == community[j] {
                inside[community[i]] += w;
            }
        }
    }
    if m2 <= 0.0 {
        return 0.0;
    }
    inside
        .iter()
        .zip(&total)
        .map(|(i, t)| i / m2 - resolution * (t / m2) * (t / m2))
        .sum()
}

/// One level of local moves; returns the community of every node and
/// whether any node moved.
fn one_level(adj: &Adjacency, options: LouvainOptions) -> (Vec<usize>, bool) {
    let n = adj.node_count();
    let k: Vec<f64> = (0..n).map(|i| adj.row_weight(i)).collect();
    let m2: f64 = k.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    if m2 <= 0.0 {
        return (community, false);
    }
    let mut total = k.clone();
    let mut link = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut moved_any = false;
    for _ in 0..options.max_passes {
        let mut moved = false;
        for i in 0..n {
            let current = community[i];
            for (j, w) in adj.neighbors(i) {
                if j == i {
                    continue;
                }
                let c = community[j];
                if link[c] == 0.0 {
                    touched.push(c);
                }
                link[c] += w;
            }
            total[current] -= k[i];
            let gain = |c: usize, link: &[f64]| link[c] - options.resolution * total[c] * k[i] / m2;
            let mut best = current;
            let mut best_gain = gain(current, &link);
            for &c in &touched {
                let g = gain(c, &link);
                if g > best_gain + EPSILON {
                    best = c;
                    best_gain = g;
                }
            }
            total[best] += k[i];
            community[i] = best;
            if best != current {
                moved = true;
                moved_any = true;
            }
            for c in touched.drain(..) {
                link[c] = 0.0;
            }
        }
        if !moved {
            break;
        }
    }
    (community, moved_any)
}

/// Renumber labels to 0..k in order of first appearance; returns the new
/// labels and k.
fn renumber_by_first_appearance(labels: &[usize]) -> (Vec<usize>, usize) {
    let mut map = vec![usize::MAX; labels.len()];
    let mut next = 0;
    let out = labels
        .iter()
        .map(|&c| {
            if map[c] == usize::MAX {
                map[c] = next;
                next += 1;
            }
            map[c]
        })
        .collect();
    (out, next)
}

/// The graph of communities: one node per community, edge weights summed,
/// weights inside a community kept as its self-loop.
fn aggregate(adj: &Adjacency, community: &[usize]) -> Adjacency {
    let count = community.iter().copied().max().map_or(0, |c| c + 1);
    let edges = (0..adj.node_count()).flat_map(|i| {
        adj.neighbors(i)
            .map(move |(j, w)| (community[i], community[j], w))
    });
    Adjacency::from_edges(count, edges.collect::<Vec<_>>(), true)
}

/// Number communities by size, largest first, equal sizes by smallest node.
fn number_by_size(labels: &[usize]) -> Vec<usize> {
    let count = labels.iter().copied().max().map_or(0, |c| c + 1);
    let mut size = vec![0usize; count];
    let mut first = vec![usize::MAX; count];
    for (i, &c) in labels.iter().enumerate() {
        size[c] += 1;
        first[c] = first[c].min(i);
    }
    let mut order: Vec<usize> = (0..count).filter(|&c| size[c] > 0).collect();
    order.sort_by(|&a, &b| size[b].cmp(&size[a]).then(first[a].cmp(&first[b])));
    let mut rank = vec![0; count];
    for (r, &c) in order.iter().enumerate() {
        rank[c] = r;
    }
    labels.iter().map(|&c| rank[c]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clique(nodes: std::ops::Range<usize>) -> Vec<(usize, usize, f64)> {
        let v: Vec<usize> = nodes.collect();
        let mut out = Vec::new();
        for a in 0..v.len() {
            for b in a + 1..v.len() {
                out.push((v[a], v[b], 1.0));
            }
        }
        out
    }

    #[test]
    fn two_cliques_joined_by_one_edge() {
        let mut edges = clique(0..5);
        edges.extend(clique(5..10));
        edges.push((4, 5, 1.0));
        let adj = Adjacency::from_edges(10, edges, false);
        let c = louvain(&adj, LouvainOptions::default());
        assert_eq!(c, vec![0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
        // Each side: 10 inner edges of m = 21, total degree 21.
        let expected = 2.0 * (10.0 / 21.0 - 0.25);
        assert!((modularity(&adj, &c, 1.0) - expected).abs() < 1e-12);
    }

    #[test]
    fn ring_of_cliques_finds_every_clique() {
        let (cliques, size) = (8, 5);
        let mut edges = Vec::new();
        for c in 0..cliques {
            edges.extend(clique(c * size..(c + 1) * size));
            let next = (c + 1) % cliques;
            edges.push((c * size + size - 1, next * size, 1.0));
        }
        let adj = Adjacency::from_edges(cliques * size, edges, false);
        let c = louvain(&adj, LouvainOptions::default());
        for k in 0..cliques {
            let block = &c[k * size..(k + 1) * size];
            assert!(
                block.iter().all(|&x| x == block[0]),
                "clique {} split: {:?}",
                k,
                c
            );
            for other in k + 1..cliques {
                assert_ne!(
                    block[0],
                    c[other * size],
                    "cliques {} and {} merged",
                    k,
                    other
                );
            }
        }
        assert_eq!(c.iter().max(), Some(&(cliques - 1)));
        // The clique partition is better than merging neighbouring pairs.
        let pairs: Vec<usize> = (0..cliques * size).map(|i| i / (2 * size)).collect();
        assert!(modularity(&adj, &c, 1.0) > modularity(&adj, &pairs, 1.0));
    }

    #[test]
    fn weights_decide_between_groups() {
        // A 4-cycle 0-1-2-3-0 whose edges 0-1 and 2-3 are heavy.
        let adj = Adjacency::from_edges(
            4,
            [(0, 1, 10.0), (1, 2, 1.0), (2, 3, 10.0), (3, 0, 1.0)],
            false,
        );
        assert_eq!(louvain(&adj, LouvainOptions::default()), vec![0, 0, 1, 1]);
    }

    #[test]
    fn isolated_nodes_and_empty_graph() {
        let adj = Adjacency::from_edges(4, [(1, 2, 1.0)], false);
        assert_eq!(louvain(&adj, LouvainOptions::default()), vec![1, 0, 0, 2]);
        assert!(louvain(
            &Adjacency::from_edges(0, [], false),
            LouvainOptions::default()
        )
        .is_empty());
        assert_eq!(
            modularity(&Adjacency::from_edges(2, [], false), &[0, 1], 1.0),
            0.0
        );
    }

    #[test]
    fn deterministic_on_a_larger_graph() {
        let edges: Vec<(usize, usize, f64)> = (0..300)
            .map(|i| (i % 100, (i * 37 + 11) % 100, 1.0 + (i % 4) as f64))
            .filter(|(a, b, _)| a != b)
            .collect();
        let adj = Adjacency::from_edges(100, edges, false);
        let a = louvain(&adj, LouvainOptions::default());
        assert_eq!(a, louvain(&adj, LouvainOptions::default()));
        let singletons: Vec<usize> = (0..100).collect();
        assert!(modularity(&adj, &a, 1.0) > modularity(&adj, &singletons, 1.0));
    }
}
