//! Plain-text documents: decode, strip BOM, normalize line ends, take the
//! optional leading `date YYYY-MM[-DD]` header.

use std::io::Read;
use std::path::Path;

use super::{decode_bytes, Document, MAX_DOCUMENT_BYTES};
use crate::error::{Error, ErrorKind, Result};

/// Read one plain-text file into a document whose id is the path as given.
pub fn read_file(path: &Path) -> Result<Document> {
    let file = std::fs::File::open(path).map_err(|e| Error::from(e).at_path(path))?;
    let bytes = read_limited(file).map_err(|e| e.at_path(path))?;
    document_from_bytes(&path.display().to_string(), &bytes)
}

/// Read all of `reader`, failing if it holds more than [`MAX_DOCUMENT_BYTES`].
pub(crate) fn read_limited(reader: impl Read) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(Error::new(ErrorKind::Other(format!(
            "larger than {} MiB; split it into several documents",
            MAX_DOCUMENT_BYTES >> 20
        ))));
    }
    Ok(bytes)
}

/// Decode `bytes` and build a document with id `id`: line ends become `\n`,
/// a leading date header becomes [`Document::date`].
pub fn document_from_bytes(id: &str, bytes: &[u8]) -> Result<Document> {
    let (text, warning) = decode_bytes(bytes).map_err(|e| e.at_path(id))?;
    let text = normalize_newlines(text);
    let (date, body) = split_date_header(&text);
    let mut doc = Document::new(id, body);
    doc.date = date;
    doc.warnings.extend(warning);
    if doc.text.trim().is_empty() {
        doc.warnings.push("no text".to_string());
    }
    Ok(doc)
}

/// `\r\n` and lone `\r` to `\n`, without copying text that has none.
pub(crate) fn normalize_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Split a leading `date YYYY-MM[-DD]` header off `text`: returns the date
/// and the remaining text (whitespace after the header removed).
///
/// The header may follow leading whitespace, may be written `date:` or
/// `Date`, and may stand on its own line or run into the first sentence
/// (`date 2022-01 Tokajew habe ...`). The month must be 01-12 and the day
/// 01-31; anything else is left as text.
pub fn split_date_header(text: &str) -> (Option<String>, String) {
    match parse_date_header(text) {
        Some((date, rest)) => (Some(date.to_string()), rest.to_string()),
        None => (None, text.to_string()),
    }
}

fn parse_date_header(text: &str) -> Option<(&str, &str)> {
    let s = text.trim_start();
    let key = s.get(..4)?;
    if !key.eq_ignore_ascii_case("date") {
        return None;
    }
    let s = &s[4..];
    let (colon, s) = match s.strip_prefix(':') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let after_key = s.trim_start_matches([' ', '\t']);
    if !colon && after_key.len() == s.len() {
        // "date" must be followed by a space, tab or colon.
        return None;
    }
    let b = after_key.as_bytes();
    let len = iso_date_len(b)?;
    match b.get(len) {
        None => {}
        Some(c) if c.is_ascii_whitespace() => {}
        _ => return None,
    }
    Some((&after_key[..len], after_key[len..].trim_start()))
}

/// The length of a `YYYY-MM` or `YYYY-MM-DD` date at the start of `b`.
pub(crate) fn iso_date_len(b: &[u8]) -> Option<usize> {
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')))
    };
    digits(0..4)?;
    if b.get(4) != Some(&b'-') || !(1..=12).contains(&digits(5..7)?) {
        return None;
    }
    if b.get(7) == Some(&b'-') {
        if let Some(day) = digits(8..10) {
            if (1..=31).contains(&day) && !b.get(10).is_some_and(u8::is_ascii_digit) {
                return Some(10);
            }
        }
    }
    (!b.get(7).is_some_and(u8::is_ascii_digit)).then_some(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_own_line_headers() {
        assert_eq!(
            split_date_header(" date 2022-01 Tokajew habe"),
            (Some("2022-01".into()), "Tokajew habe".into())
        );
        assert_eq!(
            split_date_header("date 2022-01-07\n\nText"),
            (Some("2022-01-07".into()), "Text".into())
        );
        assert_eq!(
            split_date_header("Date: 2021-12-31\nText"),
            (Some("2021-12-31".into()), "Text".into())
        );
    }

    #[test]
    fn not_headers() {
        for text in [
            "Das date 2022-01 ist kein Kopf",
            "date 2022-13 falscher Monat",
            "dated 2022-01",
            "date 2022-01-05T10:00 Uhr",
            "date 22-01",
            "date",
            "",
        ] {
            assert_eq!(
                split_date_header(text),
                (None, text.to_string()),
                "{}",
                text
            );
        }
    }
}
