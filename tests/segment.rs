//! Segmentation cases from tests/data/segment.toml, plus invariants that
//! must hold for any input (no panic, offsets on char boundaries).

use nergraph::segment::{segment, tokenize};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    #[serde(default)]
    sentences: Vec<Case>,
    #[serde(default)]
    tokens: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    expect: Vec<String>,
}

fn cases() -> Cases {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/segment.toml");
    let text = std::fs::read_to_string(path).expect("tests/data/segment.toml");
    toml::from_str(&text).expect("valid segment.toml")
}

/// Runs every case and reports all failures at once.
fn check(kind: &str, cases: &[Case], run: impl Fn(&str) -> Vec<String>) {
    assert!(!cases.is_empty(), "no {} cases", kind);
    let mut failures = Vec::new();
    for case in cases {
        let got = run(&case.text);
        if got != case.expect {
            failures.push(format!(
                "{} case {:?}\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                kind, case.name, case.text, case.expect, got
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn sentence_cases() {
    check("sentences", &cases().sentences, |text| {
        segment(text)
            .iter()
            .map(|s| s.text(text).to_string())
            .collect()
    });
}

#[test]
fn token_cases() {
    check("tokens", &cases().tokens, |text| {
        tokenize(text)
            .iter()
            .map(|t| t.text(text).to_string())
            .collect()
    });
}

#[test]
fn sample_article_sentences() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/articles/kasachstan-2022-01.txt"
    );
    let doc = nergraph::read::Inputs::new([nergraph::read::Input::from_arg(path)])
        .next()
        .unwrap()
        .unwrap();
    let sentences = segment(&doc.text);
    let texts: Vec<&str> = sentences.iter().map(|s| s.text(&doc.text)).collect();
    assert!(texts[0].starts_with("Tokajew habe Putin"), "{:?}", texts[0]);
    assert!(texts.contains(&"Sie sollten die kasachischen Sicherheitskräfte unterstützen."));
    assert!(texts
        .iter()
        .any(|s| s.starts_with("In der Nacht gab es dem Portal Vlast.kz")));
    assert!(texts
        .iter()
        .any(|s| s.starts_with("Tokajew sprach am Abend")));
    for s in &texts {
        assert!(s.ends_with('.'), "{:?}", s);
    }
}

/// A small deterministic pseudo-random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that exercise the segmenter's special cases, plus odd Unicode.
const PIECES: &[&str] = &[
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    ".",
    ".",
    ",",
    ":",
    "?",
    "!",
    "…",
    "...",
    "-",
    "\u{2011}",
    "–",
    "'",
    "’",
    "„",
    "“",
    "»",
    "«",
    "\"",
    "‚",
    "‘",
    "(",
    ")",
    "z",
    "B",
    "Dr",
    "usw",
    "3",
    "20",
    "2015",
    "Oktober",
    "Haus",
    "in",
    "und",
    "www.",
    "http://",
    "https://a.b/(",
    "@",
    "#",
    "&",
    "ä",
    "ß",
    "Ü",
    "\u{308}",
    "\u{AD}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{0}",
    "\u{7F}",
    "🇩🇪",
    "👩\u{200D}👩\u{200D}👧",
    "Ǆ",
    "İ",
    "ﬁ",
    "Ⅻ",
    "١٢",
    "\u{FE0F}",
    "e.V.",
    "Mio",
    "kz",
    "A",
    "x",
];

fn random_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(60) {
        if rng.below(8) == 0 {
            // Any char at all.
            if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                s.push(c);
            }
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    s
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

#[test]
fn any_text_segments_without_panic_and_with_sound_offsets() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let text = random_text(&mut rng);
        let sentences = segment(&text);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for (i, s) in sentences.iter().enumerate() {
            assert_eq!(s.index, i);
            assert!(!s.tokens.is_empty(), "{:?}", text);
            assert!(s.start >= last_end && s.start < s.end, "{:?}", text);
            assert_eq!(
                (s.start, s.end),
                (s.tokens[0].start, s.tokens.last().unwrap().end)
            );
            for t in &s.tokens {
                assert!(t.start >= last_end && t.start < t.end, "{:?}", text);
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                covered[t.start..t.end].iter_mut().for_each(|c| *c = true);
                last_end = t.end;
            }
        }
        for (i, c) in text.char_indices() {
            assert!(
                covered[i] || is_separator(c),
                "{:?} not in any token of {:?}",
                c,
                text
            );
        }
        assert_eq!(
            tokenize(&text).len(),
            sentences.iter().map(|s| s.tokens.len()).sum::<usize>()
        );
    }
}

#[test]
fn text_without_punctuation_is_cut_into_bounded_sentences() {
    let text = "wort ".repeat(5000);
    let sentences = segment(&text);
    assert!(sentences.len() >= 5);
    assert!(sentences
        .iter()
        .all(|s| s.tokens.len() <= nergraph::segment::MAX_SENTENCE_TOKENS));
}
