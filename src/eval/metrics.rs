//! Precision, recall and F1 on exact span + type, per type and micro-averaged
//! over PER, ORG and LOC, with the most frequent errors. Gold spans labelled
//! [`GoldLabel::Ignored`] absorb a prediction with exactly their offsets.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::{GoldDoc, GoldLabel};
use crate::recognize::EntityType;

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted spans matching a gold span exactly (offsets and type).
    pub tp: usize,
    /// Predicted spans matching none.
    pub fp: usize,
    /// Gold spans no prediction matched.
    pub fn_: usize,
}

impl Counts {
    /// Add another count.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// Precision, recall and F1 (0 where undefined).
    pub fn scores(&self) -> Scores {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Scores { p, r, f1 }
    }
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1, the harmonic mean of the two.
    pub f1: f64,
}

/// One span's text and type, for the error lists.
pub type ErrorKey = (String, EntityType);

/// The scores of a whole evaluation run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Counts per type.
    pub per_type: BTreeMap<EntityType, Counts>,
    /// Tokens scored.
    pub tokens: usize,
    /// Documents scored.
    pub documents: usize,
    /// Wall-clock seconds spent recognizing.
    pub seconds: f64,
    /// How often each false positive occurred.
    pub false_positives: HashMap<ErrorKey, usize>,
    /// How often each false negative occurred.
    pub false_negatives: HashMap<ErrorKey, usize>,
}

/// A predicted or gold span: byte offsets and type.
pub type Span = (usize, usize, EntityType);

/// Counts per type, false positives and false negatives of one document.
pub type DocScore = (BTreeMap<EntityType, Counts>, Vec<Span>, Vec<Span>);

/// Score one document's predictions against its gold spans.
///
/// `pred` are (start, end, type) byte spans. Returns the counts per type and
/// the unmatched predictions and gold spans.
pub fn score(gold: &[super::GoldSpan], pred: &[Span]) -> DocScore {
    let mut counts: BTreeMap<EntityType, Counts> = BTreeMap::new();
    let gold_at: HashMap<(usize, usize), GoldLabel> =
        gold.iter().map(|g| ((g.start, g.end), g.label)).collect();
    let mut matched: std::collections::HashSet<(usize, usize)> = Default::default();
    let mut false_pos = Vec::new();
    for &(s, e, t) in pred {
        match gold_at.get(&(s, e)) {
            Some(GoldLabel::Ignored) => {}
            Some(GoldLabel::Entity(gt)) if *gt == t => {
                if matched.insert((s, e)) {
                    counts.entry(t).or_default().tp += 1;
                }
            }
            _ => {
                counts.entry(t).or_default().fp += 1;
                false_pos.push((s, e, t));
            }
        }
    }
    let mut false_neg = Vec::new();
    for g in gold {
        if let GoldLabel::Entity(t) = g.label {
            if !matched.contains(&(g.start, g.end)) {
                counts.entry(t).or_default().fn_ += 1;
                false_neg.push((g.start, g.end, t));
            }
        }
    }
    (counts, false_pos, false_neg)
}

impl Report {
    /// Score one document and add it to the totals.
    pub fn add(&mut self, doc: &GoldDoc, pred: &[(usize, usize, EntityType)]) {
        let (counts, fps, fns) = score(&doc.spans, pred);
        for (t, c) in counts {
            self.per_type.entry(t).or_default().add(c);
        }
        for (s, e, t) in fps {
            *self
                .false_positives
                .entry((doc.text[s..e].to_string(), t))
                .or_default() += 1;
        }
        for (s, e, t) in fns {
            *self
                .false_negatives
                .entry((doc.text[s..e].to_string(), t))
                .or_default() += 1;
        }
        self.tokens += doc.token_count();
        self.documents += 1;
    }

    /// Add another report's counts (e.g. another cross-validation fold).
    pub fn merge(&mut self, other: Report) {
        for (t, c) in other.per_type {
            self.per_type.entry(t).or_default().add(c);
        }
        for (k, n) in other.false_positives {
            *self.false_positives.entry(k).or_default() += n;
        }
        for (k, n) in other.false_negatives {
            *self.false_negatives.entry(k).or_default() += n;
        }
        self.tokens += other.tokens;
        self.documents += other.documents;
        self.seconds += other.seconds;
    }

    /// Counts summed over PER, ORG and LOC.
    pub fn micro(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.per_type.values() {
            total.add(*c);
        }
        total
    }

    /// Counts of one type (zero if it never occurred).
    pub fn counts(&self, t: EntityType) -> Counts {
        self.per_type.get(&t).copied().unwrap_or_default()
    }

    /// The `n` most frequent errors of a list, most frequent first, ties by text.
    pub fn top(errors: &HashMap<ErrorKey, usize>, n: usize) -> Vec<(&ErrorKey, usize)> {
        let mut v: Vec<(&ErrorKey, usize)> = errors.iter().map(|(k, c)| (k, *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }

    /// The report as the JSON object `eval --json` prints.
    pub fn to_json(&self) -> serde_json::Value {
        let round = |x: f64| (x * 10000.0).round() / 10000.0;
        let scores = |c: Counts| {
            let s = c.scores();
            serde_json::json!({
                "p": round(s.p), "r": round(s.r), "f1": round(s.f1),
                "tp": c.tp, "fp": c.fp, "fn": c.fn_,
            })
        };
        let mut per_type = serde_json::Map::new();
        for t in EntityType::ALL {
            per_type.insert(t.as_str().to_string(), scores(self.counts(t)));
        }
        serde_json::json!({
            "micro": scores(self.micro()),
            "per_type": per_type,
            "tokens": self.tokens,
            "documents": self.documents,
            "seconds": round(self.seconds),
        })
    }

    /// The human-readable report: scores table and the 20 most frequent
    /// false positives and false negatives.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let line = |out: &mut String, name: &str, c: Counts| {
            let s = c.scores();
            let _ = writeln!(
                out,
                "{:<6} {:>7.4} {:>7.4} {:>7.4} {:>7} {:>7} {:>7}",
                name, s.p, s.r, s.f1, c.tp, c.fp, c.fn_
            );
        };
        let _ = writeln!(
            out,
            "{:<6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            "type", "P", "R", "F1", "TP", "FP", "FN"
        );
        for t in EntityType::ALL {
            line(&mut out, t.as_str(), self.counts(t));
        }
        line(&mut out, "micro", self.micro());
        let _ = writeln!(
            out,
            "\n{} documents, {} tokens, {:.2} s",
            self.documents, self.tokens, self.seconds
        );
        for (title, list) in [
            ("false positives", &self.false_positives),
            ("false negatives", &self.false_negatives),
        ] {
            let _ = writeln!(out, "\nmost frequent {}:", title);
            for ((text, t), n) in Report::top(list, 20) {
                let _ = writeln!(out, "{:>5}  {}  {}", n, t, text);
            }
        }
        out
    }
}
