//! Training the tagger: a greedy averaged perceptron. Each sentence is decoded
//! left to right with the current weights (so the label-history features see
//! the model's own earlier decisions, as at tagging time); a wrong label moves
//! the weights toward the gold label. The averaged weights are quantized into
//! a [`Model`]. Deterministic: a fixed seed shuffles the sentences.

use super::best;
use super::features::{
    self, allowed, history_features, is_begin, label, static_features, token_infos, TokenInfo,
    WordClasses, ALL, LABELS, O,
};
use super::memory::{self, NameMemory, Uses};
use super::model::{Model, STRIDE};
use crate::recognize::{EntityType, Mention};
use crate::segment::Sentence;
use std::collections::HashMap;

/// One training document: text, segmentation, the other recognizers' hits
/// and the gold spans.
#[derive(Debug, Clone)]
pub struct TrainDoc {
    /// The text.
    pub text: String,
    /// Its sentences, as the pipeline segments it.
    pub sentences: Vec<Sentence>,
    /// Gazetteer mentions.
    pub gazetteer: Vec<Mention>,
    /// Pattern mentions.
    pub patterns: Vec<Mention>,
    /// Gold spans of the three types (byte offsets); everything else is O.
    pub gold: Vec<(usize, usize, EntityType)>,
    /// Spans not learned from (byte offsets): the model's own label stands.
    pub skipped: Vec<(usize, usize)>,
    /// How many times each mistake on this document counts (news-like data
    /// weighs more than legal or historic text).
    pub weight: u32,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// Independent runs (seeds `seed`, `seed + 1`, ...) whose averaged
    /// weights are averaged again: steadier than any single run.
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            bits: 20,
            epochs: 16,
            seed: 20140101,
            runs: 1,
        }
    }
}

/// A sentence prepared for training.
struct Prepared<'a> {
    doc: &'a TrainDoc,
    /// The document's fold for the name memory.
    fold: usize,
    sentence: &'a Sentence,
    infos: Vec<TokenInfo>,
    gold: Vec<u8>,
    /// Tokens inside a skipped span.
    skip: Vec<bool>,
}

/// Gold BIO labels of a sentence's tokens: tokens lying inside a gold span;
/// the first gets B.
pub fn gold_labels(sentence: &Sentence, gold: &[(usize, usize, EntityType)]) -> Vec<u8> {
    let mut labels = vec![O; sentence.tokens.len()];
    for &(s, e, t) in gold {
        if e <= sentence.start || s >= sentence.end {
            continue;
        }
        let mut first = true;
        for (k, tk) in sentence.tokens.iter().enumerate() {
            if tk.start >= s && tk.end <= e {
                labels[k] = label(t, first);
                first = false;
            }
        }
    }
    labels
}

/// A small deterministic generator (SplitMix64) for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Train a model on `docs`. `progress` is called after each epoch with the
/// epoch number and the share of scored tokens labelled wrongly.
pub fn train(
    docs: &[TrainDoc],
    classes: &WordClasses,
    options: TrainOptions,
    mut progress: impl FnMut(usize, f64),
) -> Model {
    let bits = options.bits;
    let mut prepared: Vec<Prepared> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let gaz = features::hit_codes(&doc.sentences, &doc.gazetteer);
        let pat = features::hit_codes(&doc.sentences, &doc.patterns);
        let mut infos: Vec<Vec<TokenInfo>> = doc
            .sentences
            .iter()
            .enumerate()
            .map(|(k, s)| token_infos(&doc.text, s, &gaz[k], &pat[k], classes))
            .collect();
        features::DocEvidence::gather(&infos).apply(&mut infos);
        for (s, infos) in doc.sentences.iter().zip(infos) {
            if s.tokens.is_empty() {
                continue;
            }
            prepared.push(Prepared {
                doc,
                fold: d % memory::FOLDS,
                sentence: s,
                infos,
                gold: gold_labels(s, &doc.gold),
                skip: s
                    .tokens
                    .iter()
                    .map(|tk| doc.skipped.iter().any(|&(a, b)| tk.start < b && tk.end > a))
                    .collect(),
            });
        }
    }
    let classes = mark_never_names(&mut prepared, classes);
    let classes = remember_names(&mut prepared, classes);
    let size = (1usize << bits) * STRIDE;
    let runs = options.runs.max(1);
    let mut sum = vec![0f32; size];
    for run in 0..runs {
        let seed = options.seed.wrapping_add(run as u64);
        let weights = run_once(&prepared, bits, options.epochs, seed, |epoch, err| {
            progress(run * options.epochs + epoch, err)
        });
        for (s, w) in sum.iter_mut().zip(weights) {
            *s += w;
        }
    }
    let averaged: Vec<f32> = sum.iter().map(|w| w / runs as f32).collect();
    debug_assert_eq!(averaged.len() % STRIDE, 0);
    let _ = LABELS;
    Model::quantize(bits, &averaged, classes)
}

/// A capitalized form seen at least this often in training, never inside a
/// gold name, is labelled O without scoring ([`NEVER_NAME`](features::NEVER_NAME)).
const NEVER_NAME_MIN_COUNT: u32 = 3;

/// Find the capitalized forms that are frequent in `prepared` and never part
/// of a gold name (nor in a skipped span), mark them in `prepared` and
/// return `classes` with their [`NEVER_NAME`](features::NEVER_NAME) bit set.
fn mark_never_names(prepared: &mut [Prepared], classes: &WordClasses) -> WordClasses {
    let mut seen: HashMap<u64, (u32, bool)> = HashMap::new();
    for p in prepared.iter() {
        for (i, t) in p.infos.iter().enumerate() {
            if t.upper {
                let e = seen.entry(t.word).or_default();
                e.0 += 1;
                e.1 |= p.gold[i] != O || p.skip[i];
            }
        }
    }
    let mut never: Vec<u64> = seen
        .into_iter()
        .filter(|&(_, (n, named))| n >= NEVER_NAME_MIN_COUNT && !named)
        .map(|(w, _)| w)
        .collect();
    never.sort_unstable();
    let mut classes = classes.clone();
    never.retain(|&w| classes.mark_never_name(w));
    for p in prepared.iter_mut() {
        for t in p.infos.iter_mut() {
            if t.upper && never.binary_search(&t.word).is_ok() {
                t.never = true;
            }
        }
    }
    classes
}

/// Count how often each capitalized word of `prepared` is part of a name of
/// each type, set every token's memory code from the counts of the other
/// folds' documents, and return `classes` with the memory of all documents.
fn remember_names(prepared: &mut [Prepared], classes: WordClasses) -> WordClasses {
    let mut folds: Vec<HashMap<u64, Uses>> = vec![HashMap::new(); memory::FOLDS];
    for p in prepared.iter() {
        for (i, t) in p.infos.iter().enumerate() {
            if t.upper && !p.skip[i] {
                let uses = folds[p.fold].entry(t.lower).or_default();
                uses.add(features::label_type(p.gold[i]));
            }
        }
    }
    let mut all: HashMap<u64, Uses> = HashMap::new();
    for fold in &folds {
        for (&w, u) in fold {
            let e = all.entry(w).or_default();
            *e = e.plus(u);
        }
    }
    let held_out: Vec<NameMemory> = folds
        .iter()
        .map(|fold| {
            let rest: HashMap<u64, Uses> = all
                .iter()
                .map(|(&w, u)| (w, fold.get(&w).map_or(*u, |f| u.minus(f))))
                .collect();
            NameMemory::from_uses(&rest)
        })
        .collect();
    for p in prepared.iter_mut() {
        for t in p.infos.iter_mut() {
            if t.upper {
                t.mem = held_out[p.fold].get(t.lower);
            }
        }
    }
    classes.with_memory(NameMemory::from_uses(&all))
}

/// One run of the averaged perceptron over `prepared` with sentence-shuffle
/// `seed`; returns the averaged weights.
fn run_once(
    prepared: &[Prepared],
    bits: u32,
    epochs: usize,
    seed: u64,
    mut progress: impl FnMut(usize, f64),
) -> Vec<f32> {
    let size = (1usize << bits) * STRIDE;
    let mut w = vec![0f32; size];
    let mut u = vec![0f64; size];
    let mut c: f64 = 1.0;
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut feats: Vec<u32> = Vec::new();
    let mut buf = String::new();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut wrong, mut seen) = (0usize, 0usize);
        for &k in &order {
            let p = &prepared[k];
            let weight = p.doc.weight.max(1) as f32;
            let (mut p1, mut p2) = (O, O);
            for (i, t) in p.infos.iter().enumerate() {
                let pred = if t.scored(p1) {
                    feats.clear();
                    static_features::<ALL>(
                        &p.doc.text,
                        p.sentence,
                        &p.infos,
                        i,
                        bits,
                        &mut buf,
                        &mut feats,
                    );
                    history_features(t, p1, p2, bits, &mut feats);
                    let mut scores = [0f32; STRIDE];
                    for &f in &feats {
                        let row = &w[f as usize * STRIDE..f as usize * STRIDE + STRIDE];
                        for (s, x) in scores.iter_mut().zip(row) {
                            *s += x;
                        }
                    }
                    let pred = best(&scores, p1);
                    if p.skip[i] {
                        c += 1.0;
                        p2 = p1;
                        p1 = pred;
                        continue;
                    }
                    let mut target = p.gold[i];
                    if !allowed(p1, target) {
                        // the gold span's start was missed: the best this
                        // step can still do is to start the span here
                        target -= 1;
                        debug_assert!(is_begin(target));
                    }
                    seen += 1;
                    if pred != target {
                        wrong += 1;
                        for &f in &feats {
                            let base = f as usize * STRIDE;
                            for (l, d) in [(target, weight), (pred, -weight)] {
                                w[base + l as usize] += d;
                                u[base + l as usize] += c * d as f64;
                            }
                        }
                    }
                    c += 1.0;
                    pred
                } else {
                    O
                };
                p2 = p1;
                p1 = pred;
            }
        }
        progress(epoch + 1, wrong as f64 / seen.max(1) as f64);
    }
    let averaged: Vec<f32> = w
        .iter()
        .zip(&u)
        .map(|(&w, &u)| (w as f64 - u / c) as f32)
        .collect();
    averaged
}
