//! Bytes to text: UTF-8 (with or without BOM), else a detected legacy
//! encoding such as Windows-1252, else an error for binary data.

use crate::error::{Error, ErrorKind, Result};

/// Decode `bytes` to text. Returns the text and, when it was not UTF-8, a
/// warning that names the encoding used.
pub fn decode_bytes(bytes: &[u8]) -> Result<(String, Option<String>)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(Error::new(ErrorKind::Binary));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(_) => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            let enc = det.guess(Some(b"de"), true);
            let (text, _, bad) = enc.decode(bytes);
            if bad {
                return Err(Error::new(ErrorKind::Decode(format!(
                    "not valid UTF-8 or {}",
                    enc.name()
                ))));
            }
            Ok((
                text.into_owned(),
                Some(format!("not UTF-8; decoded as {}", enc.name())),
            ))
        }
    }
}
