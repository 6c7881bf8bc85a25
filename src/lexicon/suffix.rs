//! A trie over reversed keys for word-ending lookups ("which listed forms does
//! this word end in?"): one walk from the last byte visits every key that is a
//! suffix, shortest first, without hashing or allocating per candidate.

/// Keys stored back to front, in flat arrays: the children of a node are
/// consecutive nodes, so a walk touches little memory.
#[derive(Debug, Clone)]
pub struct SuffixTrie<V> {
    /// Children of the root by byte (`NONE` if absent).
    root: Box<[u32; 256]>,
    /// Per node: the byte leading into it.
    labels: Vec<u8>,
    /// Per node: its first child and number of children.
    children: Vec<(u32, u32)>,
    /// Per node: index into `values` (`NONE` if the node ends no key).
    value: Vec<u32>,
    values: Vec<V>,
}

const NONE: u32 = u32::MAX;

impl<V> Default for SuffixTrie<V> {
    fn default() -> Self {
        SuffixTrie::build(std::iter::empty::<(&[u8], V)>())
    }
}

/// A node while building: children by byte, in order.
struct Building {
    children: std::collections::BTreeMap<u8, Building>,
    value: Option<usize>,
}

impl<V> SuffixTrie<V> {
    /// The trie of `pairs`; a later value for the same key replaces an
    /// earlier one.
    pub fn build<K: AsRef<[u8]>>(pairs: impl IntoIterator<Item = (K, V)>) -> SuffixTrie<V> {
        let mut values: Vec<Option<V>> = Vec::new();
        let mut top = Building {
            children: Default::default(),
            value: None,
        };
        for (key, v) in pairs {
            let mut node = &mut top;
            for &b in key.as_ref().iter().rev() {
                node = node.children.entry(b).or_insert_with(|| Building {
                    children: Default::default(),
                    value: None,
                });
            }
            match node.value {
                Some(i) => values[i] = Some(v),
                None => {
                    node.value = Some(values.len());
                    values.push(Some(v));
                }
            }
        }
        let mut trie = SuffixTrie {
            root: Box::new([NONE; 256]),
            labels: vec![0],
            children: vec![(0, 0)],
            value: vec![NONE],
            values: Vec::new(),
        };
        let mut slots: Vec<Option<V>> = values;
        // breadth first, so that the children of each node are consecutive
        let mut queue: std::collections::VecDeque<(u32, Building)> = Default::default();
        queue.push_back((0, top));
        while let Some((id, node)) = queue.pop_front() {
            if let Some(i) = node.value {
                if let Some(v) = slots[i].take() {
                    trie.value[id as usize] = trie.values.len() as u32;
                    trie.values.push(v);
                }
            }
            let first = trie.labels.len() as u32;
            trie.children[id as usize] = (first, node.children.len() as u32);
            for (b, child) in node.children {
                let cid = trie.labels.len() as u32;
                if id == 0 {
                    trie.root[b as usize] = cid;
                }
                trie.labels.push(b);
                trie.children.push((0, 0));
                trie.value.push(NONE);
                queue.push_back((cid, child));
            }
        }
        trie
    }

    /// The node reached from `node` by byte `b`.
    #[inline]
    fn child(&self, node: u32, b: u8) -> Option<u32> {
        if node == 0 {
            let c = self.root[b as usize];
            return (c != NONE).then_some(c);
        }
        let (first, n) = self.children[node as usize];
        let labels = &self.labels[first as usize..(first + n) as usize];
        labels
            .iter()
            .position(|&l| l == b)
            .map(|k| first + k as u32)
    }

    #[inline]
    fn value_of(&self, node: u32) -> Option<&V> {
        let v = self.value[node as usize];
        (v != NONE).then(|| &self.values[v as usize])
    }

    /// The value of `key`.
    pub fn get(&self, key: &[u8]) -> Option<&V> {
        let mut node = 0;
        for &b in key.iter().rev() {
            node = self.child(node, b)?;
        }
        self.value_of(node)
    }

    /// Whether some key ends with byte `b`: false means that no key is a
    /// suffix of a word ending with `b`.
    #[inline]
    pub fn has_key_ending_with(&self, b: u8) -> bool {
        self.root[b as usize] != NONE
    }

    /// Whether the trie has no keys.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
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
        let mut node = 0;
        for (depth, b) in rev.enumerate() {
            let Some(next) = self.child(node, b) else {
                return;
            };
            node = next;
            if let Some(v) = self.value_of(node) {
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
        let t = SuffixTrie::build([
            ("bank", 1),
            ("zentralbank", 2),
            ("amt", 3),
            ("amt", 4),
            ("", 5),
        ]);
        let mut seen = Vec::new();
        t.for_each_suffix(b"zentralbank", |i, v| seen.push((i, *v)));
        assert_eq!(seen, vec![(7, 1), (0, 2)]);
        seen.clear();
        t.for_each_suffix(b"bankamt", |i, v| seen.push((i, *v)));
        assert_eq!(seen, vec![(4, 4)]);
        seen.clear();
        t.for_each_suffix(b"ank", |i, v| seen.push((i, *v)));
        assert!(seen.is_empty());
        assert_eq!(t.get(b"zentralbank"), Some(&2));
        assert_eq!(t.get(b"entralbank"), None);
        assert!(!t.is_empty());
        assert!(SuffixTrie::<u8>::default().is_empty());
    }
}
