//! Reader for CoNLL-style `token tag` files in BIO (LER, Europeana, English
//! CoNLL/WNUT): blank lines end a sentence, `#` and `-DOCSTART-` lines a
//! document. The corpora's fine types map onto PER, ORG and LOC as documented
//! in `data/README.md`; other types (laws, literature, dates, MISC) are ignored.

use std::path::Path;

use super::{GoldDoc, GoldLabel, TokenDocs};
use crate::error::{Error, ErrorKind, Result};
use crate::recognize::EntityType;

/// Sentences without blank lines between them (Europeana) are cut into
/// documents after a full stop once they have this many tokens.
const MAX_DOC_TOKENS: usize = 200;

/// Map a corpus type (without the B-/I- prefix) to a label.
///
/// - PER: `PER`, LER `RR` (judge) and `AN` (lawyer), WNUT `person`
/// - LOC: `LOC`, LER `LD` (country), `ST` (city), `STR` (street), `LDS`
///   (landscape), WNUT `location`
/// - ORG: `ORG`, LER `UN` (company), `INN` (institution), `GRT` (court),
///   WNUT `corporation` and `group`
/// - everything else is ignored: LER laws, regulations, case law and
///   literature (`GS VO EUN VS VT RS LIT`), brands (`MRK`), `MISC`, `OTH`.
pub fn map_type(kind: &str) -> GoldLabel {
    match kind.to_ascii_uppercase().as_str() {
        "PER" | "RR" | "AN" | "PERSON" => GoldLabel::Entity(EntityType::Per),
        "LOC" | "LD" | "ST" | "STR" | "LDS" | "LOCATION" => GoldLabel::Entity(EntityType::Loc),
        "ORG" | "UN" | "INN" | "GRT" | "CORPORATION" | "GROUP" => {
            GoldLabel::Entity(EntityType::Org)
        }
        _ => GoldLabel::Ignored,
    }
}

/// Map a BIO tag (`B-PER`, `I-LD`, `O`; `_` accepted for `-`) to
/// (begins, label); `None` for O. A tag that is neither is an error.
pub fn map_tag(tag: &str) -> std::result::Result<Option<(bool, GoldLabel)>, String> {
    if tag == "O" {
        return Ok(None);
    }
    let (prefix, kind) = tag
        .split_once('-')
        .or_else(|| tag.split_once('_'))
        .ok_or_else(|| format!("tag {:?} is not O, B-TYPE or I-TYPE", tag))?;
    let begin = match prefix {
        "B" | "S" | "U" => true,
        "I" | "E" | "L" => false,
        _ => return Err(format!("tag {:?} is not O, B-TYPE or I-TYPE", tag)),
    };
    Ok(Some((begin, map_type(kind))))
}

/// Parse a CoNLL file: one [`GoldDoc`] per sentence (blank-line block), long
/// blocks cut at full stops. A line with one field is a token tagged O
/// (Europeana has a few); with more than two, the last is the tag. Stray
/// invalid tags (Europeana has a handful, e.g. `v`) count as O, but a file
/// where more than 1% of the tags are invalid is rejected as not CoNLL.
pub fn parse(text: &str, path: &Path) -> Result<Vec<GoldDoc>> {
    let mut docs = TokenDocs::new(path);
    let mut invalid = 0usize;
    let mut first_invalid: Option<(usize, String)> = None;
    let mut total = 0usize;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with("# ") || line.starts_with("-DOCSTART-") {
            docs.flush();
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (token, tag) = match fields.as_slice() {
            [t] => (*t, None),
            [t, .., tag] => match map_tag(tag) {
                Ok(tag) => (*t, tag),
                Err(m) => {
                    invalid += 1;
                    first_invalid.get_or_insert((i + 1, m));
                    (*t, None)
                }
            },
            [] => continue,
        };
        docs.push(i + 1, token, tag);
        total += 1;
        if docs.open_len() >= MAX_DOC_TOKENS && matches!(token, "." | "!" | "?") {
            docs.flush();
        }
    }
    if invalid * 100 > total {
        let (line, msg) = first_invalid.unwrap_or_default();
        return Err(Error::new(ErrorKind::Corpus(format!(
            "{} of {} tags are invalid, first: {}",
            invalid, total, msg
        )))
        .at_path(path)
        .at_line(line));
    }
    Ok(docs.finish())
}
