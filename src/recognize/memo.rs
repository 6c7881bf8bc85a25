//! What a recognizer computed of a word, kept per thread across documents:
//! news repeat their words, so a repeated word costs one hash lookup instead
//! of a shape scan and several list lookups. Each recognizer that keeps a
//! memo has an owner number ([`new_owner`]); a memo serves one owner at a
//! time, so that two recognizers with different lists on one thread never
//! see each other's values.

use std::collections::HashMap;

use foldhash::fast::FixedState;

/// Words and their values, for one owner.
pub struct WordMemo<V> {
    /// The owner the values came from (0: none yet).
    owner: u64,
    map: HashMap<Box<str>, V, FixedState>,
}

impl<V> Default for WordMemo<V> {
    fn default() -> Self {
        WordMemo {
            owner: 0,
            map: HashMap::default(),
        }
    }
}

impl<V: Copy> WordMemo<V> {
    /// At most this many words are kept; the memo starts over when full.
    pub const CAPACITY: usize = 1 << 16;

    /// Make the memo serve `owner`, emptying it if it served another.
    pub fn serve(&mut self, owner: u64) {
        if self.owner != owner {
            self.map.clear();
            self.owner = owner;
        }
    }

    /// The value of `word`, computed by `compute` the first time.
    #[inline]
    pub fn get(&mut self, word: &str, compute: impl FnOnce(&str) -> V) -> V {
        if let Some(v) = self.map.get(word) {
            return *v;
        }
        let v = compute(word);
        if self.map.len() >= Self::CAPACITY {
            self.map.clear();
        }
        self.map.insert(word.into(), v);
        v
    }
}

/// An owner number no recognizer has had before.
pub fn new_owner() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_a_word_once_per_owner_and_stays_right_when_full() {
        let mut memo: WordMemo<usize> = WordMemo::default();
        memo.serve(1);
        let mut calls = 0;
        let mut len = |w: &str| {
            calls += 1;
            w.len()
        };
        assert_eq!(memo.get("Bärbel", &mut len), 7);
        assert_eq!(memo.get("Bärbel", &mut len), 7);
        assert_eq!(memo.get("Bär", &mut len), 4);
        assert_eq!(calls, 2);
        // more words than it keeps: every answer stays right
        for _ in 0..2 {
            for n in 0..WordMemo::<usize>::CAPACITY + 100 {
                let w = format!("w{}", n);
                assert_eq!(memo.get(&w, str::len), w.len());
            }
        }
        // another owner's values are not served
        memo.serve(2);
        assert_eq!(memo.get("Bärbel", |_| 99), 99);
        assert_eq!(memo.get("Bärbel", |_| 0), 99);
    }
}
