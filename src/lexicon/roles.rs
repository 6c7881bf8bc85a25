//! The role-title lexicon (`data/lexicon/roles.tsv`): titles and roles that
//! precede person names ("Präsident", "Generalsekretär", "Herr") and, for
//! leadership roles, imply a `leads` relation.
//!
//! Format: `surface<TAB>lemma<TAB>category`, one inflected or gendered form
//! per line (`Kanzlerin<TAB>Kanzler<TAB>head_of_government`). Categories:
//! `head_of_state`, `head_of_government`, `minister`, `party_leader`,
//! `org_leader` (these imply leadership), `member` (implies membership or
//! affiliation: "Abgeordneter", "Politiker"), `title` (only a cue for a
//! following name: "Herr", "Dr.", "Sprecher").

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::suffix::SuffixTrie;
use super::{data_error, records, DataSource};
use crate::error::Result;

/// What kind of role a title denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoleCategory {
    /// President, king, emir.
    HeadOfState,
    /// Chancellor, prime minister.
    HeadOfGovernment,
    /// Minister, secretary of state.
    Minister,
    /// Party chair, faction leader.
    PartyLeader,
    /// Head of an organization: Chef, Generalsekretär, Vorsitzender, CEO.
    OrgLeader,
    /// Member or affiliate: Abgeordneter, Politiker, Mitglied.
    Member,
    /// A title or function that only signals a following name.
    Title,
}

impl RoleCategory {
    fn parse(s: &str) -> Option<RoleCategory> {
        Some(match s {
            "head_of_state" => RoleCategory::HeadOfState,
            "head_of_government" => RoleCategory::HeadOfGovernment,
            "minister" => RoleCategory::Minister,
            "party_leader" => RoleCategory::PartyLeader,
            "org_leader" => RoleCategory::OrgLeader,
            "member" => RoleCategory::Member,
            "title" => RoleCategory::Title,
            _ => return None,
        })
    }

    /// Whether holding this role means leading something.
    pub fn leads(self) -> bool {
        matches!(
            self,
            RoleCategory::HeadOfState
                | RoleCategory::HeadOfGovernment
                | RoleCategory::Minister
                | RoleCategory::PartyLeader
                | RoleCategory::OrgLeader
        )
    }
}

/// One role form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The base form (masculine singular nominative): "Präsident".
    pub lemma: String,
    /// What kind of role.
    pub category: RoleCategory,
}

/// All role forms, looked up by surface form.
#[derive(Debug, Clone, Default)]
pub struct RoleLexicon {
    by_surface: HashMap<String, Role, FixedState>,
    /// Capitalized forms of at least 4 letters by their lowercase form
    /// (under 64 bytes), for closed compounds ("Außenministerin" ends in
    /// "ministerin").
    by_lower_tail: SuffixTrie<Role>,
    /// Forms of several words ("Managing Director") by their last word,
    /// with the words before it.
    by_last_word: HashMap<String, Vec<(Vec<String>, Role)>, FixedState>,
}

/// The data file's name under `data/`.
pub const FILE: &str = "lexicon/roles.tsv";

impl RoleLexicon {
    /// Load `lexicon/roles.tsv`.
    pub fn load(data: &DataSource) -> Result<RoleLexicon> {
        let text = data.read(FILE)?;
        let mut by_surface: HashMap<String, Role, FixedState> = HashMap::default();
        for rec in records(&text) {
            let [surface, lemma, category] = rec.fields[..] else {
                return Err(data_error(
                    FILE,
                    rec.line,
                    "expected 3 tab-separated fields",
                ));
            };
            let category = RoleCategory::parse(category.trim()).ok_or_else(|| {
                data_error(FILE, rec.line, format!("unknown category {:?}", category))
            })?;
            by_surface.insert(
                surface.trim().to_string(),
                Role {
                    lemma: lemma.trim().to_string(),
                    category,
                },
            );
        }
        let mut by_lower_tail: HashMap<String, Role, FixedState> = HashMap::default();
        for (surface, role) in &by_surface {
            // Short titles make poor compound ends ("Metropole", "Paragraf").
            let letters = surface.chars().count();
            let min = if role.category == RoleCategory::Title {
                5
            } else {
                4
            };
            if crate::text::is_capitalized(surface) && letters >= min {
                let lower = crate::text::fold(surface);
                if lower.len() < 64 {
                    // keep the first form in a fixed order so lookups are stable
                    by_lower_tail
                        .entry(lower)
                        .and_modify(|r: &mut Role| {
                            if (role.lemma.as_str(), role.category) < (r.lemma.as_str(), r.category)
                            {
                                *r = role.clone();
                            }
                        })
                        .or_insert_with(|| role.clone());
                }
            }
        }
        let mut by_last_word: HashMap<String, Vec<(Vec<String>, Role)>, FixedState> =
            HashMap::default();
        for (surface, role) in &by_surface {
            let words: Vec<String> = surface.split_whitespace().map(str::to_string).collect();
            if let [before @ .., last] = words.as_slice() {
                if !before.is_empty() {
                    by_last_word
                        .entry(last.clone())
                        .or_default()
                        .push((before.to_vec(), role.clone()));
                }
            }
        }
        for forms in by_last_word.values_mut() {
            // longest first, then in a fixed order
            forms.sort_by(|a, b| {
                b.0.len()
                    .cmp(&a.0.len())
                    .then_with(|| a.0.cmp(&b.0))
                    .then_with(|| a.1.lemma.cmp(&b.1.lemma))
            });
        }
        Ok(RoleLexicon {
            by_surface,
            by_lower_tail: SuffixTrie::build(by_lower_tail),
            by_last_word,
        })
    }

    /// The role with exactly this surface form ("Präsidentin").
    pub fn get(&self, surface: &str) -> Option<&Role> {
        self.by_surface.get(surface)
    }

    /// A word that is or ends in a role: "Präsident", "Ex-Premier",
    /// "NATO-Generalsekretär", "Außenminister". Returns the part before the
    /// role ("NATO", "Ex", "Außen", or "" for a bare role) and the role.
    ///
    /// A hyphenated prefix is returned without the hyphen. For closed
    /// compounds ("Außenminister") the role must be at least 4 letters, and
    /// at least 5 for a mere title (so "Metropole" does not end in "Pole").
    pub fn find_in_word<'w>(&self, word: &'w str) -> Option<(&'w str, &Role)> {
        if let Some(r) = self.get(word) {
            return Some(("", r));
        }
        self.find_compound(word)
    }

    /// [`RoleLexicon::find_in_word`] for a word that is no role form itself:
    /// a hyphenated or closed compound ending in a role.
    pub fn find_compound<'w>(&self, word: &'w str) -> Option<(&'w str, &Role)> {
        // Hyphenated compound: the last part is the role.
        // (a byte search: '-' is never part of a longer UTF-8 sequence)
        let hyphen = word.bytes().rposition(|b| b == b'-');
        if let Some((head, tail)) = hyphen.map(|h| (&word[..h], &word[h + 1..])) {
            if let Some(r) = self.get(tail) {
                return Some((head, r));
            }
        }
        // Closed compound: the longest suffix of at least 4 letters, in
        // lowercase, that starts after the first letter.
        let mut best = None;
        let mut visit = |i: usize, r| {
            // keys come shortest first: the last one that fits is the longest
            if i > 0 && word.is_char_boundary(i) && word[i..].chars().nth(3).is_some() {
                best = Some((&word[..i], r));
            }
        };
        if word.is_ascii() {
            // past the first letter, lowercasing all or none of the word
            // gives the same tails
            let bytes = word.bytes().rev().map(|b| b.to_ascii_lowercase());
            self.by_lower_tail
                .for_each_suffix_of(bytes, word.len(), &mut visit);
            return best;
        }
        // The tails are usually lowercase already, so fold only when needed.
        let rest_lower = word.char_indices().skip(1).all(|(_, c)| !c.is_uppercase());
        let folded;
        let lower: &str = if rest_lower {
            word
        } else {
            folded = crate::text::fold(word);
            &folded
        };
        if lower.len() != word.len() {
            // case mapping changed the byte length: compare char by char
            return self.find_closed_slow(word);
        }
        self.by_lower_tail
            .for_each_suffix_of(lower.bytes().rev(), lower.len(), &mut visit);
        best
    }

    fn find_closed_slow<'w>(&self, word: &'w str) -> Option<(&'w str, &Role)> {
        let total = word.chars().count();
        for (k, (i, _)) in word.char_indices().enumerate().skip(1) {
            if total - k < 4 {
                break;
            }
            let tail = crate::text::fold(&word[i..]);
            if let Some(r) = self.by_lower_tail.get(tail.as_bytes()) {
                return Some((&word[..i], r));
            }
        }
        None
    }

    /// A role of several words ending at `words[i]` ("Managing Director"):
    /// the index of its first word and the role.
    pub fn find_phrase_ending<S: AsRef<str>>(
        &self,
        words: &[S],
        i: usize,
    ) -> Option<(usize, &Role)> {
        let forms = self.by_last_word.get(words.get(i)?.as_ref())?;
        forms.iter().find_map(|(before, role)| {
            let first = i.checked_sub(before.len())?;
            words[first..i]
                .iter()
                .zip(before)
                .all(|(w, b)| w.as_ref() == b)
                .then_some((first, role))
        })
    }

    /// All surface forms, in no particular order.
    pub fn surfaces(&self) -> impl Iterator<Item = &str> {
        self.by_surface.keys().map(String::as_str)
    }

    /// Number of forms.
    pub fn len(&self) -> usize {
        self.by_surface.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.by_surface.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_of_several_words_end_at_their_last_word() {
        let roles = RoleLexicon::load(&DataSource::builtin()).unwrap();
        let words = ["sagte", "Chief", "Executive", "Officer", "X"];
        let (first, role) = roles.find_phrase_ending(&words, 3).unwrap();
        assert_eq!((first, role.lemma.as_str()), (1, "CEO"));
        assert_eq!(role.category, RoleCategory::OrgLeader);
        let words = ["Managing", "Director"];
        assert_eq!(roles.find_phrase_ending(&words, 1).map(|(f, _)| f), Some(0));
        // the last word alone, or other words before it, are no role
        assert!(roles.find_phrase_ending(&["Director"], 0).is_none());
        assert!(roles.find_phrase_ending(&["Art", "Director"], 1).is_none());
        assert!(roles.find_phrase_ending(&["Officer"], 5).is_none());
    }
}
