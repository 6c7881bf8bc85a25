//! One sentence as the relation finders see it: lowercase words, the entity
//! mentions ("actors") mapped onto tokens, and clause numbers, so patterns
//! can ask "which actor follows this preposition in this clause?".

use crate::lexicon::relation_patterns::CueSet;
use crate::recognize::EntityType;
use crate::segment::Sentence;
use crate::text::is_capitalized;

/// Articles and determiners skipped between a preposition and its noun.
pub const DETERMINERS: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "seine", "seiner", "seinen", "seinem", "ihre", "ihrer", "ihren", "ihrem", "dieser", "diese",
    "diesem", "diesen",
];

/// Prepositions (and contractions) the finders look at.
pub const PREPOSITIONS: &[&str] = &[
    "an",
    "am",
    "auf",
    "aus",
    "bei",
    "beim",
    "durch",
    "für",
    "gegen",
    "in",
    "im",
    "ins",
    "mit",
    "nach",
    "neben",
    "ohne",
    "seit",
    "über",
    "um",
    "unter",
    "von",
    "vom",
    "vor",
    "wegen",
    "zu",
    "zum",
    "zur",
    "zwischen",
    "laut",
    "trotz",
    "während",
    "gegenüber",
    "hinter",
    "bis",
    "samt",
];

/// Prepositions of place, after which a noun may stand before a name ("von
/// Hauptbahnhof Bremen", "im Bundesland Hessen").
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "von", "vom", "in", "im", "ins", "aus", "nach", "bei", "beim", "zum", "zur",
];

/// Whether a lowercase word is one of [`DETERMINERS`].
pub fn is_determiner(w: &str) -> bool {
    crate::text::is_article(w)
        || matches!(
            w,
            "seine"
                | "seiner"
                | "seinen"
                | "seinem"
                | "ihre"
                | "ihrer"
                | "ihren"
                | "ihrem"
                | "dieser"
                | "diese"
                | "diesem"
                | "diesen"
        )
}

/// Whether a lowercase word is one of [`PREPOSITIONS`].
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "an" | "am"
            | "auf"
            | "aus"
            | "bei"
            | "beim"
            | "durch"
            | "für"
            | "gegen"
            | "in"
            | "im"
            | "ins"
            | "mit"
            | "nach"
            | "neben"
            | "ohne"
            | "seit"
            | "über"
            | "um"
            | "unter"
            | "von"
            | "vom"
            | "vor"
            | "wegen"
            | "zu"
            | "zum"
            | "zur"
            | "zwischen"
            | "laut"
            | "trotz"
            | "während"
            | "gegenüber"
            | "hinter"
            | "bis"
            | "samt"
    )
}

/// Whether a lowercase word is one of [`PLACE_PREPOSITIONS`].
pub fn is_place_preposition(w: &str) -> bool {
    matches!(
        w,
        "von" | "vom" | "in" | "im" | "ins" | "aus" | "nach" | "bei" | "beim" | "zum" | "zur"
    )
}

/// A mention placed on the sentence's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Index of the entity in the document's [`crate::resolve::Resolved`].
    pub entity: usize,
    /// Entity type.
    pub etype: EntityType,
    /// First token (index into the sentence's tokens).
    pub first: usize,
    /// Last token, inclusive.
    pub last: usize,
    /// Byte span of the mention (for anaphors, of the noun).
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The mention is only part of one token ("NATO" in "NATO-Generalsekretär").
    pub embedded: bool,
    /// The surface form is lowercase: an adjective ("kasachischen").
    pub adjectival: bool,
    /// Not a mention but a definite description resolved to the article's
    /// main country ("die frühere Sowjetrepublik").
    pub anaphor: bool,
}

/// The sentence with words, actors and clauses.
pub struct SentenceView<'a> {
    /// The document text.
    pub text: &'a str,
    /// The sentence.
    pub sentence: &'a Sentence,
    /// Token texts.
    pub words: Vec<&'a str>,
    /// Lowercase token texts.
    pub lower: Vec<&'a str>,
    /// Whether each token starts with an uppercase letter.
    pub capitalized: Vec<bool>,
    /// The single-word cues of each token (filled by the relater).
    pub cues: Vec<CueSet>,
    /// Actors sorted by position (standalone and embedded).
    pub actors: Vec<Actor>,
    /// For each token, the standalone actor covering it.
    pub actor_at: Vec<Option<usize>>,
    /// For each token, an embedded actor inside it.
    pub embedded_at: Vec<Option<usize>>,
    /// Clause number of each token.
    pub clause: Vec<usize>,
    /// For each clause number `c` (and one past the last), the first token
    /// of clause `c` or later.
    clause_starts: Vec<usize>,
    /// Per clause number: whether it holds a negation or a modal verb
    /// (filled by the relater).
    pub blocked: Vec<bool>,
    /// Per clause number: whether it holds a passive auxiliary (filled by
    /// the relater).
    pub passive: Vec<bool>,
}

/// The most actors one coordination ("A, B und C") is followed through.
pub const MAX_COORDINATED: usize = 20;

/// Input for one mention: (entity index, type, byte start, byte end,
/// anaphor, derived). `derived`: a capitalized word derived from a place's
/// name ("Berliner", "der Villacher"), which is adjectival like
/// "kasachischen".
pub type MentionSpan = (usize, EntityType, usize, usize, bool, bool);

impl<'a> SentenceView<'a> {
    /// Build the view of `sentence` with its mentions (sorted, non-overlapping).
    /// `lower_buf` holds the lowercase forms of words that are not lowercase
    /// already; it is cleared and can be reused for the next sentence.
    pub fn new(
        text: &'a str,
        sentence: &'a Sentence,
        mentions: &[MentionSpan],
        lower_buf: &'a mut String,
    ) -> SentenceView<'a> {
        let toks = &sentence.tokens;
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        let capitalized: Vec<bool> = words.iter().map(|w| is_capitalized(w)).collect();
        // Words that folding leaves unchanged are borrowed from the text; the
        // others are folded into one buffer (no allocation per word).
        lower_buf.clear();
        let mut folded: Vec<Option<(usize, usize)>> = Vec::with_capacity(words.len());
        for w in &words {
            let unchanged = if w.is_ascii() {
                !w.bytes().any(|b| b.is_ascii_uppercase())
            } else {
                w.chars().all(|c| {
                    let mut l = c.to_lowercase();
                    l.next() == Some(c) && l.next().is_none()
                })
            };
            if unchanged {
                folded.push(None);
            } else {
                let start = lower_buf.len();
                crate::text::push_folded(w, lower_buf);
                folded.push(Some((start, lower_buf.len())));
            }
        }
        let buf: &'a str = lower_buf;
        let lower: Vec<&'a str> = words
            .iter()
            .zip(folded)
            .map(|(w, f)| f.map_or(*w, |(a, b)| &buf[a..b]))
            .collect();
        let n = toks.len();
        let mut actors = Vec::new();
        let mut actor_at = vec![None; n];
        let mut embedded_at = vec![None; n];
        for &(entity, etype, start, end, anaphor, derived) in mentions {
            let first = toks.partition_point(|t| t.end <= start);
            let last_excl = toks.partition_point(|t| t.start < end);
            if first >= n || last_excl == 0 || last_excl <= first {
                continue;
            }
            let last = last_excl - 1;
            let rest = &text[end.min(toks[last].end)..toks[last].end];
            let covers_start = start <= toks[first].start;
            let covers_end = end >= toks[last].end || matches!(rest, "s" | "'s" | "’s" | "'" | "’");
            let embedded = !(covers_start && covers_end);
            let surface = &text[start..end];
            // "kasachischen", also after a prefix: "US-amerikanische"
            let adjectival = derived
                || surface
                    .rsplit('-')
                    .next()
                    .is_some_and(|part| part.chars().next().is_some_and(char::is_lowercase));
            let idx = actors.len();
            actors.push(Actor {
                entity,
                etype,
                first,
                last,
                start,
                end,
                embedded,
                adjectival,
                anaphor,
            });
            for t in first..=last {
                if embedded {
                    embedded_at[t].get_or_insert(idx);
                } else {
                    actor_at[t] = Some(idx);
                }
            }
        }
        let mut view = SentenceView {
            text,
            sentence,
            words,
            lower,
            capitalized,
            cues: Vec::new(),
            actors,
            actor_at,
            embedded_at,
            clause: Vec::new(),
            clause_starts: Vec::new(),
            blocked: Vec::new(),
            passive: Vec::new(),
        };
        view.clause = view.clauses();
        let clauses = view.clause.last().map_or(0, |&c| c + 1);
        view.clause_starts = (0..=clauses)
            .map(|c| view.clause.partition_point(|&x| x < c))
            .collect();
        view.blocked = vec![false; clauses];
        view.passive = vec![false; clauses];
        view
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The standalone actor starting exactly at token `i`.
    pub fn actor_starting(&self, i: usize) -> Option<usize> {
        let a = (*self.actor_at.get(i)?)?;
        (self.actors[a].first == i).then_some(a)
    }

    /// The standalone actor starting at `i`, after skipping determiners and
    /// lowercase adjectives (at most `skip` words).
    pub fn actor_after_determiners(&self, mut i: usize, skip: usize) -> Option<usize> {
        for _ in 0..=skip {
            if let Some(a) = self.actor_starting(i) {
                return Some(a);
            }
            let w = *self.lower.get(i)?;
            let word = self.words[i];
            let is_det = is_determiner(w);
            let is_adj = word.chars().next().is_some_and(char::is_lowercase)
                && word.chars().all(char::is_alphabetic)
                && !is_preposition(w)
                && (w.ends_with('e')
                    || w.ends_with("en")
                    || w.ends_with("er")
                    || w.ends_with("em")
                    || w.ends_with("es"));
            if !(is_det || is_adj) || self.actor_at[i].is_some() {
                return None;
            }
            i += 1;
        }
        None
    }

    /// The preposition governing an actor: the word before it, skipping
    /// determiners and lowercase adjectives (at most 3 words).
    pub fn preposition_before(&self, actor: usize) -> Option<&str> {
        self.preposition_after(actor, 0)
    }

    /// [`SentenceView::preposition_before`], looking no further back than
    /// token `stop` (a verb between is never skipped as an adjective).
    pub fn preposition_after(&self, actor: usize, stop: usize) -> Option<&str> {
        let a = &self.actors[actor];
        let mut i = a.first;
        let mut noun_skipped = false;
        for _ in 0..5 {
            if i <= stop {
                return None;
            }
            i -= 1;
            let w = self.lower[i];
            if is_preposition(w) {
                // "am Morgen Goma": a time phrase, not the name's preposition
                if noun_skipped && !is_place_preposition(w) {
                    return None;
                }
                return Some(w);
            }
            let word = self.words[i];
            let skippable = is_determiner(w)
                || (word.chars().next().is_some_and(char::is_lowercase)
                    && word.chars().all(char::is_alphabetic)
                    && w.len() > 3
                    && (w.ends_with('e')
                        || w.ends_with("en")
                        || w.ends_with("er")
                        || w.ends_with("em")
                        || w.ends_with("es")));
            // an adjectival mention is an adjective: "im türkischen Antalya"
            let adjective_actor = self.actor_at[i].is_some_and(|x| self.actors[x].adjectival);
            // one noun right before a name: "von Hauptbahnhof Bremen", "im
            // Bundesland X" (only after a place preposition, checked below)
            let noun = !noun_skipped
                && i + 1 == a.first
                && self.actor_at[i].is_none()
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(|c| c.is_alphabetic() || c == '-')
                && i > 0
                && (is_preposition(self.lower[i - 1])
                    || is_determiner(self.lower[i - 1])
                    || self.words[i - 1]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase));
            if noun {
                noun_skipped = true;
                continue;
            }
            if !(skippable && self.actor_at[i].is_none() || adjective_actor) {
                return None;
            }
        }
        None
    }

    /// The actors joined to `actor` by coordination ("A, B und C", "A sowie
    /// B"), including `actor` itself, in order; at most [`MAX_COORDINATED`].
    pub fn coordinated(&self, actor: usize) -> Vec<usize> {
        let mut out = vec![actor];
        let mut cur = actor;
        while out.len() < MAX_COORDINATED {
            let mut i = self.actors[cur].last + 1;
            // skip a parenthesized alias: "Organisation ... (OVKS)"
            if self.words.get(i) == Some(&"(") {
                match (i..self.len()).find(|&j| self.words[j] == ")") {
                    Some(j) => i = j + 1,
                    None => break,
                }
            }
            let Some(&w) = self.lower.get(i) else { break };
            if !matches!(w, "," | "und" | "sowie" | "oder") {
                break;
            }
            let mut j = i + 1;
            if matches!(self.lower.get(j).copied(), Some("auch" | "zudem")) {
                j += 1;
            }
            match self.actor_after_determiners(j, 2) {
                Some(next) if self.actors[next].etype == self.actors[actor].etype || w != "," => {
                    out.push(next);
                    cur = next;
                }
                _ => break,
            }
        }
        out
    }

    /// Clause numbers: commas, semicolons, colons and dashes separate clauses,
    /// except commas inside a list of actors ("Belarus, Armenien und …").
    fn clauses(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.len());
        let mut c = 0;
        for i in 0..self.len() {
            let w = self.words[i];
            let boundary = match w {
                // "Luft-/Bodenschießplatz", "und/oder": a slash or hyphen
                // between words without spaces joins them
                "/" | "-" => !self.glued(i),
                ";" | ":" | "–" | "—" | "|" => true,
                "," => !self.list_comma(i),
                _ => false,
            };
            if boundary {
                c += 1;
            }
            out.push(c);
            if boundary {
                c += 1;
            }
        }
        out
    }

    /// Whether token `i` touches word parts on both sides (no space; a
    /// neighbour is a word, a hyphen or a slash): "Luft-/Boden", not "ab./wd".
    fn glued(&self, i: usize) -> bool {
        let t = &self.sentence.tokens;
        let part = |k: usize| {
            let w = self.words[k];
            w == "-" || w == "/" || w.chars().next().is_some_and(char::is_alphanumeric)
        };
        i > 0
            && i + 1 < t.len()
            && t[i - 1].end == t[i].start
            && t[i].end == t[i + 1].start
            && part(i - 1)
            && part(i + 1)
    }

    fn list_comma(&self, i: usize) -> bool {
        let before = i
            .checked_sub(1)
            .and_then(|p| self.actor_at[p])
            .is_some_and(|a| self.actors[a].last == i - 1)
            || (i >= 2 && self.words[i - 1] == ")" && self.actor_at[i - 2].is_some());
        // a list joins names of one type: "Belarus, Armenien", not
        // "Friedhelm Loh, Deutschland"
        let left = i
            .checked_sub(1)
            .and_then(|p| self.actor_at[p])
            .or_else(|| i.checked_sub(2).and_then(|p| self.actor_at[p]));
        match (left, self.actor_after_determiners(i + 1, 1)) {
            (Some(l), Some(r)) => before && self.actors[l].etype == self.actors[r].etype,
            _ => false,
        }
    }

    /// The standalone actors lying within tokens `[cs, ce)`, in order.
    pub fn actors_in(&self, cs: usize, ce: usize) -> Vec<usize> {
        let from = self.actors.partition_point(|a| a.first < cs);
        let to = self.actors.partition_point(|a| a.first < ce);
        (from..to)
            .filter(|&a| !self.actors[a].embedded && self.actors[a].last < ce)
            .collect()
    }

    /// The token range `[start, end)` of clause number `c`.
    pub fn clause_range(&self, c: usize) -> (usize, usize) {
        match (self.clause_starts.get(c), self.clause_starts.get(c + 1)) {
            (Some(&start), Some(&end)) => (start, end),
            // past the last clause
            _ => (self.len(), self.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_class_tests_match_the_lists() {
        for w in DETERMINERS {
            assert!(is_determiner(w), "{}", w);
        }
        for w in PREPOSITIONS {
            assert!(is_preposition(w), "{}", w);
        }
        for w in PLACE_PREPOSITIONS {
            assert!(is_place_preposition(w), "{}", w);
        }
        let all: Vec<&str> = DETERMINERS.iter().chain(PREPOSITIONS).copied().collect();
        for w in all.iter().chain(&["dass", "Der", "vomm", ""]) {
            assert_eq!(is_determiner(w), DETERMINERS.contains(w), "{}", w);
            assert_eq!(is_preposition(w), PREPOSITIONS.contains(w), "{}", w);
            assert_eq!(
                is_place_preposition(w),
                PLACE_PREPOSITIONS.contains(w),
                "{}",
                w
            );
        }
    }
}
