//! A trie over reversed keys for word-ending lookups ("which listed forms does
//! this word end in?"): one walk from the last byte visits every key that is a
//! suffix, shortest first, without hashing or allocating per candidate.

/// Keys stored back to front; each node may hold a value.
#[derive(Debug, Clone)]
pub struct SuffixTrie<V> {
    nodes: Vec<Node<V>>,
}

#[derive(Debug, Clone)]
struct Node<V> {
    /// Child nodes by the byte before the current suffix, sorted by byte.
    children: Vec<(u8, u32)>,
    value: Option<V>,
}

impl<V> Default for SuffixTrie<V> {
    fn default() -> Self {
        SuffixTrie {
            nodes: vec![Node {
                children: Vec::new(),
                value: None,
            }],
        }
    }
}

impl<V> SuffixTrie<V> {
    /// The value slot of `key`, created empty if the key is new.
    pub fn slot(&mut self, key: &[u8]) -> &mut Option<V> {
        let mut node = 0usize;
        for &b in key.iter().rev() {
            node = match self.nodes[node].children.binary_search_by_key(&b, |c| c.0) {
                Ok(k) => self.nodes[node].children[k].1 as usize,
                Err(k) => {
                    let id = self.nodes.len();
                    self.nodes.push(Node {
                        children: Vec::new(),
                        value: None,
                    });
                    self.nodes[node].children.insert(k, (b, id as u32));
                    id
                }
            };
        }
        &mut self.nodes[node].value
    }

    /// The value of `key`.
    pub fn get(&self, key: &[u8]) -> Option<&V> {
        let mut node = &self.nodes[0];
        for &b in key.iter().rev() {
            let k = node.children.binary_search_by_key(&b, |c| c.0).ok()?;
            node = &self.nodes[node.children[k].1 as usize];
        }
        node.value.as_ref()
    }

    /// Whether no key has a value.
    pub fn is_empty(&self) -> bool {
        self.nodes.iter().all(|n| n.value.is_none())
    }

    /// Call `f(start, value)` for every key that `bytes` ends with, shortest
    /// first; `start` is the byte offset in `bytes` where the key begins.
    #[inline]
    pub fn for_each_suffix<'s>(&'s self, bytes: &[u8], mut f: impl FnMut(usize, &'s V)) {
        self.for_each_suffix_of(bytes.iter().rev().copied(), bytes.len(), &mut f);
    }

    /// Like [`SuffixTrie::for_each_suffix`] over `len` bytes given back to
    /// front by `rev` (e.g. lowercased on the fly).
    #[inline]
    pub fn for_each_suffix_of<'s>(
        &'s self,
        rev: impl Iterator<Item = u8>,
        len: usize,
        f: &mut impl FnMut(usize, &'s V),
    ) {
        let mut node = &self.nodes[0];
        for (depth, b) in rev.enumerate() {
            let Some(&(_, next)) = node.children.iter().find(|c| c.0 == b) else {
                return;
            };
            node = &self.nodes[next as usize];
            if let Some(v) = &node.value {
                f(len - depth - 1, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visits_every_suffix_key_shortest_first() {
        let mut t = SuffixTrie::default();
        *t.slot(b"bank") = Some(1);
        *t.slot(b"zentralbank") = Some(2);
        *t.slot(b"amt") = Some(3);
        let mut seen = Vec::new();
        t.for_each_suffix(b"zentralbank", |i, v| seen.push((i, *v)));
        assert_eq!(seen, vec![(7, 1), (0, 2)]);
        seen.clear();
        t.for_each_suffix(b"bankamt", |i, v| seen.push((i, *v)));
        assert_eq!(seen, vec![(4, 3)]);
        seen.clear();
        t.for_each_suffix(b"ank", |i, v| seen.push((i, *v)));
        assert!(seen.is_empty());
        assert!(!t.is_empty());
        assert!(SuffixTrie::<u8>::default().is_empty());
    }
}
