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
    by_surface: HashMap<String, Role>,
}

/// The data file's name under `data/`.
pub const FILE: &str = "lexicon/roles.tsv";

impl RoleLexicon {
    /// Load `lexicon/roles.tsv`.
    pub fn load(data: &DataSource) -> Result<RoleLexicon> {
        let text = data.read(FILE)?;
        let mut by_surface = HashMap::new();
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
        Ok(RoleLexicon { by_surface })
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
    /// compounds ("Außenminister") the role must be at least 4 letters.
    pub fn find_in_word<'w>(&self, word: &'w str) -> Option<(&'w str, &Role)> {
        if let Some(r) = self.get(word) {
            return Some(("", r));
        }
        // Hyphenated compound: the last part is the role.
        if let Some((head, tail)) = word.rsplit_once('-') {
            if let Some(r) = self.get(tail) {
                return Some((head, r));
            }
        }
        // Closed compound: try suffixes, longest first, capitalizing them.
        let mut starts = word.char_indices().skip(1);
        for (i, _) in starts.by_ref() {
            let tail = &word[i..];
            if tail.chars().count() < 4 {
                break;
            }
            let mut chars = tail.chars();
            let first = chars.next()?;
            let cap: String = first.to_uppercase().chain(chars).collect();
            if let Some(r) = self.get(&cap) {
                return Some((&word[..i], r));
            }
        }
        None
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
