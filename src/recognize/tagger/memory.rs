//! The name memory: what the training data says about a capitalized word —
//! the type it was labelled with and how often it was a name at all. Names
//! recur across news ("Putin", "Bundesliga", "Siemens"), and a perceptron
//! updates a rare word's own weight only when it errs on it; the memory turns
//! that recurrence into one dense feature. During training each document
//! sees the memory of the other fold only (jackknifing), so the model learns
//! how far to trust it on words it has not seen in that document. Two folds
//! scored best: with more, the training documents find nearly all their
//! names remembered, more than unseen text does, and the model comes to
//! distrust words the memory lacks (measured in the README, "Learned tagger").

use std::collections::HashMap;

use crate::recognize::EntityType;

/// Memory codes: 0 unknown; else `1 + 4 * type + share`, where type is 0
/// PER, 1 ORG, 2 LOC (the type the word was most often labelled with) and
/// share 0..3 bins the fraction of its capitalized uses inside a name
/// (below 1/3, below 2/3, below 19/20, at least 19/20).
pub type Code = u8;

/// Number of folds the training documents are split into.
pub const FOLDS: usize = 2;

/// A table from lowercase word hashes ([`super::features::hash_bytes`]) to
/// memory codes: 28-bit fingerprint and 4-bit code per slot, linear probing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameMemory {
    slots: Vec<u32>,
}

/// Counts of one word's capitalized uses in training.
#[derive(Debug, Clone, Copy, Default)]
pub struct Uses {
    /// Inside a PER, ORG, LOC name.
    pub named: [u32; 3],
    /// Outside any name.
    pub other: u32,
}

impl Uses {
    /// Count one use: inside a name of `etype`, or outside any (`None`).
    pub fn add(&mut self, etype: Option<EntityType>) {
        match etype {
            Some(t) => self.named[type_index(t)] += 1,
            None => self.other += 1,
        }
    }

    /// These counts without those of `part` (a subset of them).
    pub fn minus(&self, part: &Uses) -> Uses {
        Uses {
            named: [0, 1, 2].map(|t| self.named[t].saturating_sub(part.named[t])),
            other: self.other.saturating_sub(part.other),
        }
    }

    /// These counts and those of `more`.
    pub fn plus(&self, more: &Uses) -> Uses {
        Uses {
            named: [0, 1, 2].map(|t| self.named[t] + more.named[t]),
            other: self.other + more.other,
        }
    }

    /// The memory code, 0 if the word was never part of a name.
    pub fn code(&self) -> Code {
        let named: u32 = self.named.iter().sum();
        if named == 0 {
            return 0;
        }
        // ties go to the earlier type
        let mut best = 0;
        for t in 1..3 {
            if self.named[t] > self.named[best] {
                best = t;
            }
        }
        let total = (named + self.other) as f64;
        let share = named as f64 / total;
        let bin = if share < 1.0 / 3.0 {
            0
        } else if share < 2.0 / 3.0 {
            1
        } else if share < 0.95 {
            2
        } else {
            3
        };
        1 + 4 * best as u8 + bin
    }
}

fn type_index(t: EntityType) -> usize {
    match t {
        EntityType::Per => 0,
        EntityType::Org => 1,
        EntityType::Loc => 2,
    }
}

impl NameMemory {
    /// Build from per-word counts (keyed by lowercase hash); words never
    /// part of a name are left out.
    pub fn from_uses(uses: &HashMap<u64, Uses>) -> NameMemory {
        let mut entries: Vec<(u64, Code)> = uses
            .iter()
            .map(|(&h, u)| (h, u.code()))
            .filter(|&(_, c)| c != 0)
            .collect();
        // insertion order decides probe positions: keep it stable
        entries.sort_unstable();
        let size = (entries.len() * 2).max(16).next_power_of_two();
        let mut memory = NameMemory {
            slots: vec![0; size],
        };
        for (h, c) in entries {
            let i = memory.probe(h);
            memory.slots[i] = (fingerprint(h) << 4) | c as u32;
        }
        memory
    }

    /// The code of the word with lowercase hash `hash` (0: unknown).
    #[inline]
    pub fn get(&self, hash: u64) -> Code {
        if self.slots.is_empty() {
            return 0;
        }
        (self.slots[self.probe(hash)] & 15) as Code
    }

    #[inline]
    fn probe(&self, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let fp = fingerprint(hash);
        let mut i = (hash >> 7) as usize & mask;
        loop {
            let e = self.slots[i];
            if e == 0 || e >> 4 == fp {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The raw table, for serialization.
    pub fn slots(&self) -> &[u32] {
        &self.slots
    }

    /// Rebuild from a raw table; `None` unless it is empty or a power of two
    /// in size with at least one empty slot.
    pub fn from_slots(slots: Vec<u32>) -> Option<NameMemory> {
        if slots.is_empty() {
            return Some(NameMemory::default());
        }
        if !slots.len().is_power_of_two() || slots.iter().all(|&e| e != 0) {
            return None;
        }
        Some(NameMemory { slots })
    }

    /// Number of words remembered.
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|&&e| e != 0).count()
    }

    /// Whether it remembers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A fingerprint that is never 0 (0 marks an empty slot).
#[inline]
fn fingerprint(hash: u64) -> u32 {
    ((hash >> 36) as u32 & 0x0fff_ffff) | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_give_type_and_share() {
        let mut u = Uses::default();
        assert_eq!(u.code(), 0);
        u.add(None);
        assert_eq!(u.code(), 0, "never a name");
        u.add(Some(EntityType::Org));
        u.add(Some(EntityType::Org));
        // ORG, 2 of 3 uses named: share bin 2
        assert_eq!(u.code(), 1 + 4 + 2);
        for _ in 0..20 {
            u.add(Some(EntityType::Per));
        }
        // PER now dominates; 22 of 23 uses named: bin 3 (at least 0.95)
        assert_eq!(u.code(), 1 + 3);
        u.add(None);
        // 22 of 24: bin 2
        assert_eq!(u.code(), 1 + 2);
    }

    #[test]
    fn table_round_trips_and_misses_are_zero() {
        let mut uses = HashMap::new();
        for h in 0..1000u64 {
            let key = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let mut u = Uses::default();
            u.add(Some(if h % 3 == 0 {
                EntityType::Loc
            } else {
                EntityType::Per
            }));
            uses.insert(key, u);
        }
        let m = NameMemory::from_uses(&uses);
        assert_eq!(m.len(), 1000);
        for (&k, u) in &uses {
            assert_eq!(m.get(k), u.code());
        }
        let back = NameMemory::from_slots(m.slots().to_vec()).unwrap();
        assert_eq!(back, m);
        assert_eq!(m.get(0x1234_5678_9abc_def0), 0);
        assert!(NameMemory::from_slots(vec![1, 2, 3]).is_none());
    }
}
