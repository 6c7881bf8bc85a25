//! Reader for GermEval 2014 TSV: a `#` line per sentence, then
//! `index<TAB>token<TAB>outer<TAB>inner` lines, blank lines between sentences.
//! Only the outer level is scored: PER, ORG and LOC; OTH and the -deriv and
//! -part variants (e.g. "deutsche" LOCderiv, "EU-Staaten" ORGpart) are ignored.

use std::path::Path;

use super::{GoldDoc, GoldLabel, TokenDocs};
use crate::error::{Error, ErrorKind, Result};
use crate::recognize::EntityType;

/// Map a GermEval outer tag (`B-PER`, `I-LOCderiv`, `O`) to (begins, label).
pub fn map_tag(tag: &str) -> Option<Option<(bool, GoldLabel)>> {
    if tag == "O" {
        return Some(None);
    }
    let (prefix, kind) = tag.split_once('-')?;
    let begin = match prefix {
        "B" => true,
        "I" => false,
        _ => return None,
    };
    let label = match kind {
        "PER" => GoldLabel::Entity(EntityType::Per),
        "ORG" => GoldLabel::Entity(EntityType::Org),
        "LOC" => GoldLabel::Entity(EntityType::Loc),
        _ => GoldLabel::Ignored,
    };
    Some(Some((begin, label)))
}

/// Parse a GermEval file: one [`GoldDoc`] per sentence.
pub fn parse(text: &str, path: &Path) -> Result<Vec<GoldDoc>> {
    let mut docs = TokenDocs::new(path);
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            docs.flush();
            continue;
        }
        let err = |msg: String| {
            Error::new(ErrorKind::Corpus(msg))
                .at_path(path)
                .at_line(i + 1)
        };
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 3 {
            return Err(err(format!(
                "expected `index token outer inner`, found {} field(s)",
                fields.len()
            )));
        }
        if fields[0].trim().parse::<usize>().is_err() {
            return Err(err(format!("token index {:?} is not a number", fields[0])));
        }
        let tag =
            map_tag(fields[2].trim()).ok_or_else(|| err(format!("unknown tag {:?}", fields[2])))?;
        docs.push(i + 1, fields[1], tag);
    }
    Ok(docs.finish())
}
