//! Weighted PageRank by sparse power iteration: each step walks every edge
//! once, so a step costs O(|V| + |E|) (petgraph's `page_rank` ignores
//! weights and costs O(|V|²|E|) per run).

use super::adjacency::Adjacency;

/// Settings of [`page_rank`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageRankOptions {
    /// Probability of following an edge instead of jumping anywhere.
    pub damping: f64,
    /// Upper bound on the number of iterations.
    pub max_iterations: usize,
    /// Stop when the L1 distance between two iterations falls below this
    /// times the number of nodes (rounding noise grows with the node count).
    pub tolerance: f64,
}

impl Default for PageRankOptions {
    fn default() -> PageRankOptions {
        PageRankOptions {
            damping: 0.85,
            max_iterations: 1000,
            tolerance: 1e-12,
        }
    }
}

/// PageRank of every node, following edges with probability proportional
/// to their weight.
///
/// A random surfer at node `u` follows the edge `u → v` with probability
/// `damping · w(u, v) / Σ_x w(u, x)` and otherwise jumps to a node chosen
/// uniformly. Nodes without outgoing weight (dangling nodes) hand their whole
/// rank to all nodes uniformly. Iteration starts from the uniform vector and
/// stops after `max_iterations` or when the L1 change drops below
/// `tolerance · |V|`; nodes are always visited in index order, so the result is the
/// same on every run.
///
/// # Arguments
/// * `adj` - the out-edges of every node with positive weights; pass an
///   undirected adjacency (edges in both rows) for undirected graphs.
/// * `options` - damping, iteration bound and tolerance.
///
/// # Returns
/// One score per node, in node index order, summing to 1 (empty for an empty
/// graph).
///
/// # Complexity
/// O(k · (|V| + |E|)) time for k iterations, O(|V|) extra memory.
///
/// # Example
/// ```
/// use nergraph::graph::adjacency::Adjacency;
/// use nergraph::graph::pagerank::{page_rank, PageRankOptions};
///
/// // A path a - b - c: the middle node ranks highest.
/// let adj = Adjacency::from_edges(3, [(0, 1, 1.0), (1, 2, 1.0)], false);
/// let pr = page_rank(&adj, PageRankOptions::default());
/// assert!((pr[1] - 18.0 / 37.0).abs() < 1e-9);
/// ```
pub fn page_rank(adj: &Adjacency, options: PageRankOptions) -> Vec<f64> {
    let n = adj.node_count();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let d = options.damping;
    let out: Vec<f64> = (0..n).map(|i| adj.row_weight(i)).collect();
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..options.max_iterations {
        let dangling: f64 = (0..n).filter(|&i| out[i] <= 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - d) / nf + d * dangling / nf;
        next.iter_mut().for_each(|x| *x = base);
        for u in 0..n {
            if out[u] <= 0.0 {
                continue;
            }
            let share = d * rank[u] / out[u];
            for (v, w) in adj.neighbors(u) {
                next[v] += share * w;
            }
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < options.tolerance * nf {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-9, "{:?} != {:?}", a, b);
        }
    }

    #[test]
    fn path_of_three_matches_hand_solution() {
        // a = 0.05 + 0.425 b, b = 0.05 + 0.85 (a + c), a = c
        // gives a = c = 19/74 and b = 18/37.
        let adj = Adjacency::from_edges(3, [(0, 1, 1.0), (1, 2, 1.0)], false);
        close(
            &page_rank(&adj, PageRankOptions::default()),
            &[19.0 / 74.0, 18.0 / 37.0, 19.0 / 74.0],
        );
    }

    #[test]
    fn weights_shift_rank() {
        // Star centre 0 with leaves 1 (weight 3) and 2 (weight 1).
        // x0 = 0.05 + 0.85 (x1 + x2), x1 = 0.05 + 0.85 · 3/4 · x0,
        // x2 = 0.05 + 0.85 · 1/4 · x0, so x0 = 0.135 / 0.2775 = 9/18.5.
        let adj = Adjacency::from_edges(3, [(0, 1, 3.0), (0, 2, 1.0)], false);
        let pr = page_rank(&adj, PageRankOptions::default());
        let x0 = 0.135 / 0.2775;
        close(&pr, &[x0, 0.05 + 0.85 * 0.75 * x0, 0.05 + 0.85 * 0.25 * x0]);
        assert!(pr[1] > pr[2]);
    }

    #[test]
    fn dangling_node_mass_is_redistributed() {
        // Directed 0 → 1, node 1 dangling. With d = 0.85 and n = 2:
        // x0 = 0.075 + 0.425 x1 and x0 + x1 = 1, so x0 = 0.5 / 1.425.
        let adj = Adjacency::from_edges(2, [(0, 1, 1.0)], true);
        let pr = page_rank(&adj, PageRankOptions::default());
        let x0 = 0.5 / 1.425;
        close(&pr, &[x0, 1.0 - x0]);
    }

    #[test]
    fn isolated_nodes_share_uniformly_and_sum_is_one() {
        let adj = Adjacency::from_edges(4, [], false);
        close(&page_rank(&adj, PageRankOptions::default()), &[0.25; 4]);
        let adj = Adjacency::from_edges(5, [(0, 1, 2.0), (1, 2, 1.0), (3, 1, 4.0)], false);
        let pr = page_rank(&adj, PageRankOptions::default());
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(page_rank(
            &Adjacency::from_edges(0, [], false),
            PageRankOptions::default()
        )
        .is_empty());
    }

    #[test]
    fn same_result_every_run() {
        let edges: Vec<(usize, usize, f64)> = (0..50)
            .map(|i| (i, (i * 7 + 3) % 50, 1.0 + (i % 3) as f64))
            .collect();
        let adj = Adjacency::from_edges(50, edges, false);
        let a = page_rank(&adj, PageRankOptions::default());
        let b = page_rank(&adj, PageRankOptions::default());
        assert_eq!(a, b);
    }
}
