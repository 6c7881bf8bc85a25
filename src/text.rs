//! Small text helpers shared by all stages: char offsets, case folding, slugs.

/// Maps byte offsets of a text to Unicode character offsets.
///
/// Built once per document in O(n); each lookup is O(log n).
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offsets of every non-ASCII char start, with the char index it has.
    /// For ASCII-only text this stays empty and lookups are the identity.
    marks: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Index the char boundaries of `text`.
    pub fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        let mut marks = Vec::new();
        // bytes after the first of the multi-byte chars before `i`: the char
        // index of byte `i` is `i - extra`
        let mut extra = 0;
        let mut i = 0;
        while i < bytes.len() {
            // eight ASCII bytes at a time
            if let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            if b < 0x80 {
                i += 1;
                continue;
            }
            // a lead byte (the text is UTF-8): the length of its char
            let len = match b {
                0xf0.. => 4,
                0xe0.. => 3,
                _ => 2,
            };
            // the byte just after this char has char index (i - extra) + 1
            marks.push((i + len, i - extra + 1));
            extra += len - 1;
            i += len;
        }
        CharIndex { marks }
    }

    /// The char offset of byte offset `byte` (which must lie on a char boundary).
    pub fn char_at(&self, byte: usize) -> usize {
        match self.marks.binary_search_by(|&(b, _)| b.cmp(&byte)) {
            Ok(i) => self.marks[i].1,
            Err(0) => byte,
            Err(i) => {
                let (b, c) = self.marks[i - 1];
                c + (byte - b)
            }
        }
    }
}

/// Lowercase with full Unicode case mapping (umlauts, ẞ → ß).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// [`fold`] into `out`, replacing its contents but reusing its allocation.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    push_folded(s, out);
}

/// Append [`fold`]`(s)` to `out`.
pub fn push_folded(s: &str, out: &mut String) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
    } else {
        let start = out.len();
        for c in s.chars() {
            match c {
                'A'..='Z' => out.push(c.to_ascii_lowercase()),
                // Latin-1 capitals (À–Þ but ×) are their small letters less 0x20
                'À'..='Þ' if c != '×' => out.push(char::from(c as u8 + 0x20)),
                // the rest of ASCII and Latin-1 is lowercase or caseless
                '\0'..='ÿ' => out.push(c),
                'Σ' => {
                    // the final-sigma rule depends on context: leave the
                    // word to the library
                    out.truncate(start);
                    out.push_str(&s.to_lowercase());
                    return;
                }
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// A stable id slug for a name: lowercase, umlauts transliterated
/// (ä → ae, ß → ss), runs of other characters turned into one `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_slug(s, &mut out);
    out
}

/// Append [`slug`]`(s)` to `out`.
pub fn push_slug(s: &str, out: &mut String) {
    let start = out.len();
    let mut dash = false;
    let mut push = |ch: char, out: &mut String| {
        let rep: Option<&str> = match ch {
            'ä' => Some("ae"),
            'ö' => Some("oe"),
            'ü' => Some("ue"),
            'ß' => Some("ss"),
            _ => None,
        };
        if let Some(r) = rep {
            out.push_str(r);
            dash = false;
        } else if ch.is_alphanumeric() {
            out.push(ch);
            dash = false;
        } else if !dash && out.len() > start {
            out.push('-');
            dash = true;
        }
    };
    for ch in s.chars() {
        if ch.is_ascii() {
            push(ch.to_ascii_lowercase(), out);
        } else {
            for l in ch.to_lowercase() {
                push(l, out);
            }
        }
    }
    while out.len() > start && out.ends_with('-') {
        out.pop();
    }
}

/// Whether the lowercase word `w` is a definite or indefinite article
/// ("der", "einem").
pub fn is_article(w: &str) -> bool {
    matches!(
        w,
        "der"
            | "die"
            | "das"
            | "des"
            | "dem"
            | "den"
            | "ein"
            | "eine"
            | "einer"
            | "eines"
            | "einem"
            | "einen"
    )
}

/// Does `s` start with an uppercase letter?
pub fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// `char::is_alphanumeric`, answered without a table search for ASCII and
/// for the Latin letters of European names (umlauts, ß, accents: U+00C0 to
/// U+024F, all letters but the multiplication and division signs).
#[inline(always)]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c, '\u{C0}'..='\u{24F}') {
        !matches!(c, '×' | '÷')
    } else {
        c.is_alphanumeric()
    }
}

/// The byte offset of the sign of a hashtag or handle ("#", "@") right
/// before byte `start` of `text`, if the sign starts a word there: not in
/// "C#" or "info@".
pub fn tag_sign_before(text: &str, start: usize) -> Option<usize> {
    let sign = start.checked_sub(1)?;
    if !matches!(text.as_bytes().get(sign), Some(b'#' | b'@')) {
        return None;
    }
    let inside_word = text[..sign]
        .chars()
        .next_back()
        .is_some_and(|c| is_alphanumeric(c) || c == '#' || c == '@');
    (!inside_word).then_some(sign)
}

/// Which bytes are ASCII letters or digits (a table is faster than ranges).
pub(crate) static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_umlauts_once() {
        let t = "Größe von Bärbel";
        let ci = CharIndex::new(t);
        let b = t.find("Bärbel").unwrap();
        assert_eq!(ci.char_at(b), 10);
        assert_eq!(ci.char_at(t.len()), t.chars().count());
        assert_eq!(ci.char_at(0), 0);
    }

    #[test]
    fn char_index_agrees_with_char_indices_at_every_boundary() {
        let texts = [
            "",
            "plain ASCII text, longer than eight bytes",
            "ä",
            "Größe von Bärbel – „Zitat“ 😀 und 東京, dann noch einmal ASCII bis zum Ende",
            "😀😀ab€cdefghijklmnöp",
            "abcdefgh\u{10FFFF}ijklmnop\u{80}q",
        ];
        for t in texts {
            let ci = CharIndex::new(t);
            for (c, (b, _)) in t.char_indices().enumerate() {
                assert_eq!(ci.char_at(b), c, "{:?} at byte {}", t, b);
            }
            assert_eq!(ci.char_at(t.len()), t.chars().count(), "{:?}", t);
        }
    }

    #[test]
    fn fold_handles_umlauts_and_sharp_s() {
        assert_eq!(fold("ÖSTERREICH"), "österreich");
        assert_eq!(fold("STRAẞE"), "straße");
    }

    #[test]
    fn push_folded_agrees_with_unicode_lowercase_on_every_char() {
        // the Latin-1 shortcut and the general path, char by char
        let mut out = String::new();
        for c in (0..=0x2fff).filter_map(char::from_u32) {
            let word = format!("Ä{}", c);
            out.clear();
            push_folded(&word, &mut out);
            assert_eq!(out, word.to_lowercase(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn is_alphanumeric_agrees_with_unicode_on_every_char() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn fold_into_equals_fold() {
        let mut buf = String::from("leftover");
        for s in [
            "Größe",
            "NATO",
            "İstanbul",
            "ΟΔΥΣΣΕΥΣ",
            "STRAẞE",
            "",
            "ǅemal",
        ] {
            fold_into(s, &mut buf);
            assert_eq!(buf, fold(s), "{}", s);
            // appending after other text folds only the new part
            let mut out = String::from("AB ");
            push_folded(s, &mut out);
            assert_eq!(out, format!("AB {}", fold(s)), "{}", s);
        }
    }

    #[test]
    fn push_slug_appends_the_slug() {
        for name in [
            "Deutsche Presse-Agentur",
            "-Jürgen  Großmann-",
            "",
            "--",
            "ΟΔΥΣΣΕΥΣ",
            "İz",
        ] {
            let mut out = String::from("per:");
            push_slug(name, &mut out);
            assert_eq!(out, format!("per:{}", slug(name)), "{}", name);
        }
        assert_eq!(slug("-Jürgen  Großmann-"), "juergen-grossmann");
        assert_eq!(slug("ÄÖÜ"), "aeoeue");
    }

    #[test]
    fn slug_is_ascii_and_stable() {
        assert_eq!(slug("Deutsche Presse-Agentur"), "deutsche-presse-agentur");
        assert_eq!(slug("Jürgen Großmann"), "juergen-grossmann");
    }
}
