//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else a
//! detected legacy encoding such as Windows-1252; binary data is rejected.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::{Error, ErrorKind, Result};

/// How many leading bytes the binary check looks at.
const SNIFF: usize = 64 * 1024;

/// Decode `bytes` to text. Returns the text and, when it was not clean
/// UTF-8, a warning that says which encoding was used.
///
/// Rejected as binary: files with a known binary signature (PDF, ZIP/Office,
/// gzip, images), with NUL bytes, or where more than 5% of the first 64 KiB
/// are control characters other than tab, line feed, carriage return and
/// form feed.
pub fn decode_bytes(bytes: &[u8]) -> Result<(String, Option<String>)> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if enc == UTF_16LE || enc == UTF_16BE {
            let (text, bad) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            if bad {
                return Err(Error::new(ErrorKind::Decode(format!(
                    "invalid {} despite its byte order mark",
                    enc.name()
                ))));
            }
            return Ok((
                text.into_owned(),
                Some(format!("decoded as {}", enc.name())),
            ));
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(what) = binary_signature(bytes) {
        return Err(Error::new(ErrorKind::Decode(format!(
            "this is a {} file, not text",
            what
        ))));
    }
    if looks_binary(bytes) {
        return Err(Error::new(ErrorKind::Binary));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), None));
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(Some(b"de"), true);
    if enc == UTF_8 {
        // Mostly UTF-8 with some broken sequences.
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Ok((
            text,
            Some("invalid UTF-8 sequences replaced with U+FFFD".to_string()),
        ));
    }
    let (text, bad) = enc.decode_without_bom_handling(bytes);
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

/// The kind of a file with a well-known binary signature.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"PK\x03\x04", "ZIP (or Office document)"),
        (b"\x1F\x8B", "gzip"),
        (b"\x89PNG", "PNG"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF8", "GIF"),
        (b"\xD0\xCF\x11\xE0", "legacy Office document"),
        (b"7z\xBC\xAF", "7-Zip"),
        (b"\x28\xB5\x2F\xFD", "zstd"),
        (b"\x7FELF", "executable"),
    ];
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|&(_, what)| what)
}

/// NUL bytes, or mostly control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    controls * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode_bytes("Köln".as_bytes()).unwrap(),
            ("Köln".into(), None)
        );
        let (text, warn) = decode_bytes(b"\xEF\xBB\xBFK\xC3\xB6ln").unwrap();
        assert_eq!((text.as_str(), warn), ("Köln", None));
    }

    #[test]
    fn windows_1252_is_detected() {
        let bytes =
            b"Die Stra\xDFe in K\xF6ln war \x84voll\x93, sagte der B\xFCrgermeister \x96 \x80 5.";
        let (text, warn) = decode_bytes(bytes).unwrap();
        assert_eq!(
            text,
            "Die Straße in Köln war „voll“, sagte der Bürgermeister – € 5."
        );
        assert!(warn.unwrap().contains("windows-1252"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Grüße".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode_bytes(&bytes).unwrap().0, "Grüße");
    }

    #[test]
    fn binary_is_rejected() {
        assert!(matches!(
            decode_bytes(b"abc\0def").unwrap_err().kind(),
            ErrorKind::Binary
        ));
        let controls: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert!(decode_bytes(&controls).is_err());
        let err = decode_bytes(b"%PDF-1.7\n...").unwrap_err();
        assert!(err.to_string().contains("PDF"), "{}", err);
    }
}
