//! Degree centrality: how many distinct neighbours a node has, and the total
//! weight of the edges that touch it.

use super::adjacency::Adjacency;

/// Number of distinct neighbours of every node; a self-loop does not count.
///
/// # Arguments
/// * `adj` - an undirected adjacency (each edge stored in both rows).
///
/// # Returns
/// One count per node, in node index order.
///
/// # Complexity
/// O(|V| + |E|).
///
/// # Example
/// ```
/// use nergraph::graph::adjacency::Adjacency;
/// use nergraph::graph::degree::degree;
///
/// let adj = Adjacency::from_edges(3, [(0, 1, 2.0), (0, 2, 1.0)], false);
/// assert_eq!(degree(&adj), vec![2, 1, 1]);
/// ```
pub fn degree(adj: &Adjacency) -> Vec<usize> {
    (0..adj.node_count())
        .map(|i| adj.neighbors(i).filter(|&(j, _)| j != i).count())
        .collect()
}

/// Total weight of the edges at every node (the strength of the node).
///
/// # Arguments
/// * `adj` - an undirected adjacency; parallel edges are already merged, so
///   their weights are all counted.
///
/// # Returns
/// One sum per node, in node index order.
///
/// # Complexity
/// O(|V| + |E|).
///
/// # Example
/// ```
/// use nergraph::graph::adjacency::Adjacency;
/// use nergraph::graph::degree::weighted_degree;
///
/// let adj = Adjacency::from_edges(3, [(0, 1, 2.0), (0, 2, 1.0), (1, 0, 1.0)], false);
/// assert_eq!(weighted_degree(&adj), vec![4.0, 3.0, 1.0]);
/// ```
pub fn weighted_degree(adj: &Adjacency) -> Vec<f64> {
    (0..adj.node_count()).map(|i| adj.row_weight(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_with_self_loop() {
        let adj = Adjacency::from_edges(
            4,
            [(0, 1, 1.0), (0, 2, 3.0), (0, 3, 1.0), (3, 3, 5.0)],
            false,
        );
        assert_eq!(degree(&adj), vec![3, 1, 1, 1]);
        assert_eq!(weighted_degree(&adj), vec![5.0, 1.0, 3.0, 6.0]);
    }

    #[test]
    fn isolated_nodes_have_zero_degree() {
        let adj = Adjacency::from_edges(2, [], false);
        assert_eq!(degree(&adj), vec![0, 0]);
        assert_eq!(weighted_degree(&adj), vec![0.0, 0.0]);
    }
}
