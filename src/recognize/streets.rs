//! Street names: "Schulstraße", "Karl-Liebknecht-Allee", "Gubener Straße",
//! "Friedberger Landstraße". No list holds the streets of every town, but
//! German streets are named by a few head words, so a rule finds them: a
//! compound ending in a street word, or a place adjective ("Gubener": of
//! Guben) before one. Both GermEval and SmartData mark streets as places.
//!
//! The street words are data (`data/lexicon/streets.tsv`). The rule needs
//! the word classes of the tagger's model to tell generic compounds
//! ("Einbahnstraße", "Seitenstraße", "Rettungsgasse") from names, so it runs
//! only with the model.

use super::{EntityType, Mention, RuleWords};
use crate::lexicon::streets::StreetLexicon;
use crate::segment::{Sentence, TokenKind};

/// The street names of `sentences`, as place mentions of the patterns.
#[inline(never)]
pub fn find(
    text: &str,
    sentences: &[Sentence],
    lex: &StreetLexicon,
    words: &impl RuleWords,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for s in sentences {
        let toks = &s.tokens;
        for (i, t) in toks.iter().enumerate() {
            // most words start lowercase or end in no street word
            let bytes = &text.as_bytes()[t.start..t.end];
            if t.kind != TokenKind::Word
                || bytes.first().is_none_or(u8::is_ascii_lowercase)
                || !lex.may_match(bytes)
            {
                continue;
            }
            let word = t.text(text);
            if !crate::text::is_capitalized(word) {
                continue;
            }
            let start = if is_compound_street(word, lex, words) {
                t.start
            } else if lex.is_head(word) && i > 0 {
                let p = toks[i - 1];
                let adjective = p.text(text);
                if p.kind != TokenKind::Word
                    || text.get(p.end..t.start) != Some(" ")
                    || !is_place_adjective(adjective, words)
                {
                    continue;
                }
                p.start
            } else {
                continue;
            };
            out.push(Mention::of_rule(s.index, start, t.end, EntityType::Loc));
        }
    }
    out
}

/// A capitalized compound ending in a street word that is no listed common
/// noun and names no kind of road ("Kreisstraße"); of a hyphenated one
/// ("Karl-Liebknecht-Straße", "Aldi-Parkplatz") the last part is the street
/// word or no common noun.
fn is_compound_street(word: &str, lex: &StreetLexicon, words: &impl RuleWords) -> bool {
    let Some(ending) = lex.ending_len(word) else {
        return false;
    };
    if lex.is_generic(word) {
        return false;
    }
    let stem = &word[..word.len() - ending];
    let last = word.rsplit('-').next().unwrap_or(word);
    // the caller saw that the word is capitalized
    stem.chars().count() >= 3
        && stem.chars().skip(1).any(char::is_lowercase)
        && !stem.contains(|c: char| c.is_ascii_digit())
        && !words.is_common_noun(word)
        && (last.len() == ending || !words.is_common_noun(last))
}

/// "Gubener" (Guben), "Bremer" (Bremen), "Schwabacher" (Schwabach): an
/// adjective in -er of a place the lists know.
fn is_place_adjective(word: &str, words: &impl RuleWords) -> bool {
    super::inhabitant_stems(word)
        .iter()
        .flatten()
        .any(|stem| words.is_place(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Lists;

    impl RuleWords for Lists {
        fn is_first_name(&self, _: &str) -> bool {
            false
        }
        fn is_common_noun(&self, word: &str) -> bool {
            matches!(
                word,
                "Einbahnstraße" | "Straße" | "Parkplatz" | "Landstraße"
            )
        }
        fn is_place(&self, word: &str) -> bool {
            matches!(word, "Guben" | "Bremen" | "Friedberg")
        }
    }

    fn streets(text: &str) -> Vec<&str> {
        let sentences = crate::segment::segment(text);
        let lex = StreetLexicon::load(&crate::lexicon::DataSource::builtin()).unwrap();
        find(text, &sentences, &lex, &Lists)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn compounds_and_place_adjectives_name_streets() {
        assert_eq!(
            streets("Der Unfall geschah in der Schulstraße nahe der Karl-Liebknecht-Straße."),
            ["Schulstraße", "Karl-Liebknecht-Straße"]
        );
        assert_eq!(
            streets("Sie wohnt in der Gubener Straße, er an der Friedberger Landstraße 5."),
            ["Gubener Straße", "Friedberger Landstraße"]
        );
        assert_eq!(
            streets("Am Kurfürstendamm und in der Spitalgasse"),
            ["Kurfürstendamm", "Spitalgasse"]
        );
    }

    #[test]
    fn generic_compounds_and_other_adjectives_are_no_streets() {
        // listed common nouns, a hyphenated common noun, a bare head, an
        // adjective of no known place, an ordinal, all-caps and numbers
        assert!(streets(
            "Die Einbahnstraße und der Aldi-Parkplatz an der Straße, die Kreisstraße 5. Dieser Weg, \
             der Erster Platz, die Neuer Straße. HAUPTSTRASSE, B2straße."
        )
        .is_empty());
    }
}
