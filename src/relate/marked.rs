//! Hand-annotated text for writing relation examples without a recognizer:
//! `"[Tokajew|PER] dankte [Putin|PER]."`, with an optional canonical name
//! (`[Kasachstans|LOC|Kasachstan]`), followed by `derived` for a word derived
//! from the name ([`Mention::derived`]: `[kasachischen|LOC|Kasachstan|derived]`).
//! Used by the tests and handy when adding verbs or patterns to the lexicons.

use super::{DocumentView, Relater, Relation, RelationKind};
use crate::error::{Error, Result};
use crate::read::Document;
use crate::recognize::{Mention, Recognized, Source};
use crate::resolve::resolve;
use crate::segment::{segment, Sentence};
use crate::text::CharIndex;

/// Plain text and mentions parsed from marked-up text.
pub fn parse(
    marked: &str,
    sentences: impl Fn(&str) -> Vec<Sentence>,
) -> Result<(String, Recognized)> {
    let mut text = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find(']')
            .ok_or_else(|| Error::other(format!("unclosed [ in {:?}", marked)))?;
        let inner = &after[..close];
        let mut parts = inner.split('|');
        let surface = parts.next().unwrap_or_default();
        let etype = parts
            .next()
            .ok_or_else(|| Error::other(format!("[{}] has no type", inner)))?
            .parse()
            .map_err(Error::other)?;
        let canonical = parts.next().map(str::to_string);
        let derived = match parts.next() {
            None => false,
            Some("derived") => true,
            Some(other) => {
                return Err(Error::other(format!(
                    "[{}]: unknown flag {:?}",
                    inner, other
                )))
            }
        };
        let start = text.len();
        text.push_str(surface);
        spans.push((start, text.len(), etype, canonical, derived));
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    let sents = sentences(&text);
    let mentions = spans
        .into_iter()
        .map(|(start, end, etype, canonical, derived)| Mention {
            sentence: sents
                .iter()
                .position(|s| s.start <= start && start < s.end)
                .unwrap_or(0),
            start,
            end,
            etype,
            kb_id: None,
            canonical,
            source: Source::Pattern,
            derived,
        })
        .collect();
    Ok((
        text,
        Recognized {
            mentions,
            aliases: Vec::new(),
        },
    ))
}

/// The document and relations that `relater` finds in marked-up text.
/// Sentences are split with the built-in segmenter; the document id is `id`.
pub fn relate(relater: &Relater, id: &str, marked: &str) -> Result<(Document, Vec<Relation>)> {
    let (text, recognized) = parse(marked, segment)?;
    let doc = Document::new(id, text);
    let sentences = segment(&doc.text);
    let resolved = resolve(&doc.text, &recognized);
    let chars = CharIndex::new(&doc.text);
    let relations = relater.relate(&DocumentView {
        doc: &doc,
        sentences: &sentences,
        recognized: &recognized,
        resolved: &resolved,
        chars: &chars,
    });
    Ok((doc, relations))
}

/// The typed relations (everything but `co_occurs`) that `relater` finds in
/// marked-up text, as sorted one-line descriptions ([`Relation::describe`]).
///
/// ```
/// use nergraph::lexicon::DataSource;
/// use nergraph::relate::{marked, Relater};
///
/// let relater = Relater::load(&DataSource::builtin()).unwrap();
/// let got = marked::typed_relations(&relater, "doc", "[Anna Muster|PER] lobte [Berta Beispiel|PER].").unwrap();
/// assert_eq!(got, vec!["event per:anna-muster -> per:berta-beispiel cameo=05 trigger=loben"]);
/// ```
pub fn typed_relations(relater: &Relater, id: &str, marked: &str) -> Result<Vec<String>> {
    let (_, relations) = relate(relater, id, marked)?;
    let mut out: Vec<String> = relations
        .iter()
        .filter(|r| r.kind != RelationKind::CoOccurs)
        .map(Relation::describe)
        .collect();
    out.sort();
    Ok(out)
}
