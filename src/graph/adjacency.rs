//! A compact weighted adjacency (compressed sparse rows) that the graph
//! algorithms run on: node `i`'s neighbours are one contiguous slice, sorted
//! by neighbour index, with parallel edges merged and their weights summed.

/// Weighted adjacency lists in compressed sparse row form.
///
/// Rows are sorted by neighbour index and hold each neighbour once, so every
/// algorithm that walks them visits nodes in a fixed order and gives the same
/// result on every run.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjacency {
    offsets: Vec<usize>,
    targets: Vec<usize>,
    weights: Vec<f64>,
}

impl Adjacency {
    /// Build the adjacency of `n` nodes from `(source, target, weight)`
    /// triples. When `directed` is false every edge is stored in both rows.
    /// Parallel edges are merged (weights added); edges with an endpoint
    /// `>= n` are ignored. Self-loops are kept, once, in their row.
    ///
    /// # Complexity
    /// O(|V| + |E| log |E|).
    pub fn from_edges(
        n: usize,
        edges: impl IntoIterator<Item = (usize, usize, f64)>,
        directed: bool,
    ) -> Adjacency {
        let mut list: Vec<(usize, usize, f64)> = Vec::new();
        for (a, b, w) in edges {
            if a >= n || b >= n {
                continue;
            }
            list.push((a, b, w));
            if !directed && a != b {
                list.push((b, a, w));
            }
        }
        list.sort_by_key(|x| (x.0, x.1));
        let mut offsets = vec![0usize; n + 1];
        let mut targets = Vec::with_capacity(list.len());
        let mut weights: Vec<f64> = Vec::with_capacity(list.len());
        let mut last: Option<(usize, usize)> = None;
        for (a, b, w) in list {
            if last == Some((a, b)) {
                if let Some(x) = weights.last_mut() {
                    *x += w;
                }
                continue;
            }
            last = Some((a, b));
            offsets[a + 1] += 1;
            targets.push(b);
            weights.push(w);
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        Adjacency {
            offsets,
            targets,
            weights,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The neighbours of `i` with the merged edge weights, by neighbour index.
    pub fn neighbors(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.offsets[i]..self.offsets[i + 1];
        self.targets[range.clone()]
            .iter()
            .copied()
            .zip(self.weights[range].iter().copied())
    }

    /// Sum of the weights in row `i` (a self-loop counts once).
    pub fn row_weight(&self, i: usize) -> f64 {
        self.weights[self.offsets[i]..self.offsets[i + 1]]
            .iter()
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_parallel_edges_and_mirrors_undirected_ones() {
        let adj = Adjacency::from_edges(3, [(0, 1, 1.0), (1, 0, 2.0), (1, 2, 1.0)], false);
        assert_eq!(adj.neighbors(0).collect::<Vec<_>>(), vec![(1, 3.0)]);
        assert_eq!(
            adj.neighbors(1).collect::<Vec<_>>(),
            vec![(0, 3.0), (2, 1.0)]
        );
        assert_eq!(adj.row_weight(1), 4.0);
        let directed = Adjacency::from_edges(3, [(0, 1, 1.0), (7, 1, 1.0)], true);
        assert_eq!(directed.neighbors(1).count(), 0);
        assert_eq!(directed.node_count(), 3);
    }
}
