//! Connected components of an undirected graph, numbered from the largest
//! component down so that component 0 is always the giant component.

use super::adjacency::Adjacency;

/// The connected component of every node.
///
/// Components are numbered by size, largest first; components of equal size
/// are ordered by their smallest node index. An isolated node is a component
/// of its own.
///
/// # Arguments
/// * `adj` - an undirected adjacency (each edge stored in both rows).
///
/// # Returns
/// One component number per node, in node index order.
///
/// # Complexity
/// O(|V| + |E|) for the search plus O(c log c) to order c components.
///
/// # Example
/// ```
/// use nergraph::graph::adjacency::Adjacency;
/// use nergraph::graph::components::connected_components;
///
/// let adj = Adjacency::from_edges(5, [(0, 1, 1.0), (2, 3, 1.0), (3, 4, 1.0)], false);
/// assert_eq!(connected_components(&adj), vec![1, 1, 0, 0, 0]);
/// ```
pub fn connected_components(adj: &Adjacency) -> Vec<usize> {
    let n = adj.node_count();
    let mut raw = vec![usize::MAX; n];
    let mut sizes: Vec<(usize, usize)> = Vec::new(); // (size, first node)
    let mut stack = Vec::new();
    for start in 0..n {
        if raw[start] != usize::MAX {
            continue;
        }
        let c = sizes.len();
        raw[start] = c;
        stack.push(start);
        let mut size = 0;
        while let Some(u) = stack.pop() {
            size += 1;
            for (v, _) in adj.neighbors(u) {
                if raw[v] == usize::MAX {
                    raw[v] = c;
                    stack.push(v);
                }
            }
        }
        sizes.push((size, start));
    }
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by(|&a, &b| {
        sizes[b]
            .0
            .cmp(&sizes[a].0)
            .then(sizes[a].1.cmp(&sizes[b].1))
    });
    let mut rank = vec![0; sizes.len()];
    for (r, &c) in order.iter().enumerate() {
        rank[c] = r;
    }
    raw.into_iter().map(|c| rank[c]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_first_ties_by_first_node() {
        let adj = Adjacency::from_edges(
            7,
            [(5, 6, 1.0), (0, 1, 1.0), (2, 3, 1.0), (3, 4, 1.0)],
            false,
        );
        assert_eq!(connected_components(&adj), vec![1, 1, 0, 0, 0, 2, 2]);
    }

    #[test]
    fn isolated_and_empty() {
        assert_eq!(
            connected_components(&Adjacency::from_edges(3, [], false)),
            vec![0, 1, 2]
        );
        assert!(connected_components(&Adjacency::from_edges(0, [], false)).is_empty());
    }
}
