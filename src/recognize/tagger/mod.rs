//! The learned sequence tagger: a greedy left-to-right averaged perceptron
//! over hashed features of words, shapes, affixes, context and the
//! gazetteer's and patterns' hits, with BIO labels.
//!
//! [`features`] turns tokens into feature buckets, [`memory`] remembers the
//! names of the training data, [`discourse`] keeps a name's type across a
//! document, [`model`] holds the weights and their file format, [`train`]
//! learns them.

pub mod discourse;
pub mod features;
pub mod memory;
pub mod model;
pub mod train;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use features::{
    allowed, history_features, label_type, static_features, TokenInfo, ALL, CONTEXT, LABELS, O,
};
pub use model::Model;

use crate::error::{Error, Result};
use crate::recognize::{Mention, Source};
use crate::segment::Sentence;

/// The model committed under `data/models/`, built into the binary.
const BUILTIN: &[u8] = include_bytes!("../../../data/models/tagger.bin");

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Arc<Model>,
    /// Owner number of this tagger's word memos.
    memo_owner: u64,
}

/// Taggers are equal when their models are.
impl PartialEq for Tagger {
    fn eq(&self, other: &Tagger) -> bool {
        self.model == other.model
    }
}

impl Tagger {
    /// The model committed under `data/models/tagger.bin`.
    /// Parsed once per process and shared.
    pub fn builtin() -> Result<Option<Tagger>> {
        static MODEL: OnceLock<std::result::Result<Arc<Model>, String>> = OnceLock::new();
        let model = MODEL.get_or_init(|| {
            Model::from_bytes(BUILTIN, "data/models/tagger.bin")
                .map(Arc::new)
                .map_err(|e| e.to_string())
        });
        match model {
            Ok(m) => Ok(Some(Tagger::with(m.clone()))),
            Err(e) => Err(Error::data(e.clone())),
        }
    }

    /// Load a model file written by `nergraph train`.
    pub fn load(path: &Path) -> Result<Tagger> {
        let bytes = std::fs::read(path).map_err(|e| Error::from(e).at_path(path))?;
        Ok(Tagger::with(Arc::new(Model::from_bytes(
            &bytes,
            &path.display().to_string(),
        )?)))
    }

    /// A tagger with the given weights.
    pub fn from_model(model: Model) -> Tagger {
        Tagger::with(Arc::new(model))
    }

    fn with(model: Arc<Model>) -> Tagger {
        Tagger {
            model,
            memo_owner: crate::recognize::memo::new_owner(),
        }
    }

    /// The weights.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tag `sentences`; `gazetteer` and `patterns` are the other recognizers'
    /// hits, used as features. Returns the model's spans.
    pub fn tag(
        &self,
        text: &str,
        sentences: &[Sentence],
        gazetteer: &[Mention],
        patterns: &[Mention],
    ) -> Vec<Mention> {
        let gaz = features::hit_codes(sentences, gazetteer);
        let pat = features::hit_codes(sentences, patterns);
        let mut out = Vec::new();
        thread_local! {
            // buffers kept from one document to the next on each thread
            static SCRATCH: std::cell::RefCell<Scratch> = Default::default();
        }
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let scratch = &mut *guard;
            scratch.memo.serve(self.memo_owner);
            let mut infos = std::mem::take(&mut scratch.infos);
            if infos.len() < sentences.len() {
                infos.resize_with(sentences.len(), Vec::new);
            }
            let infos_here = &mut infos[..sentences.len()];
            for (k, (s, v)) in sentences.iter().zip(infos_here.iter_mut()).enumerate() {
                features::token_infos_into(
                    text,
                    s,
                    (&gaz[k], &pat[k]),
                    self.model.classes(),
                    (
                        &mut scratch.buf,
                        Some((&mut scratch.memo, Some(&self.model))),
                    ),
                    v,
                );
            }
            features::DocEvidence::gather(infos_here).apply(infos_here);
            for (s, infos) in sentences.iter().zip(infos_here.iter()) {
                self.decode(text, s, infos, scratch);
                spans_of(s, &scratch.labels, &mut out);
            }
            discourse::harmonize(sentences, infos_here, &mut out);
            // keep the buffers of a news article's sentences, not those of
            // a long text's thousands, whose largest would add up across texts
            infos.truncate(KEPT_SENTENCE_BUFFERS);
            scratch.infos = infos;
        });
        out
    }

    /// Greedy decoding of one sentence. The label-independent part of the
    /// score of every token that is always scored (capitalized or covered
    /// by a list hit) is summed first, all tokens in one pass, so the
    /// weight-table reads of different tokens overlap; the left-to-right
    /// pass then adds only the label-history features. A word the memo
    /// knows, after a sentence's first token, brings the sum of its word
    /// features along, and only its context features are looked up: the
    /// rows of word features, a word's own, miss the cache most.
    pub(crate) fn decode(
        &self,
        text: &str,
        sentence: &Sentence,
        infos: &[TokenInfo],
        scratch: &mut Scratch,
    ) {
        let bits = self.model.bits();
        let features_of = |i: usize, buf: &mut String, out: &mut Vec<u32>| {
            static_features::<ALL>(text, sentence, infos, i, bits, buf, out)
        };
        let mut labels = std::mem::take(&mut scratch.labels);
        labels.clear();
        scratch.feats.clear();
        scratch.ranges.clear();
        scratch.sums.clear();
        for (i, t) in infos.iter().enumerate() {
            let from = scratch.feats.len();
            let mut scores = [0i32; model::STRIDE];
            if t.always_scored() {
                match t.word_scores {
                    Some(word) if i > 0 => {
                        scores = word;
                        let buf = &mut scratch.buf;
                        static_features::<CONTEXT>(
                            text,
                            sentence,
                            infos,
                            i,
                            bits,
                            buf,
                            &mut scratch.feats,
                        );
                    }
                    _ => features_of(i, &mut scratch.buf, &mut scratch.feats),
                }
            }
            scratch.ranges.push((from, scratch.feats.len()));
            scratch.sums.push(scores);
        }
        self.model.prefetch(&scratch.feats);
        for (&(from, to), scores) in scratch.ranges.iter().zip(scratch.sums.iter_mut()) {
            if to > from {
                self.model.score(&scratch.feats[from..to], scores);
            }
        }
        let (mut p1, mut p2) = (O, O);
        for (i, t) in infos.iter().enumerate() {
            let label = if t.scored(p1) {
                let mut scores = scratch.sums[i];
                scratch.history.clear();
                if !t.always_scored() {
                    // a lowercase word continuing a name
                    features_of(i, &mut scratch.buf, &mut scratch.history);
                }
                history_features(t, p1, p2, bits, &mut scratch.history);
                self.model.score(&scratch.history, &mut scores);
                best(&scores, p1)
            } else {
                O
            };
            labels.push(label);
            p2 = p1;
            p1 = label;
        }
        scratch.labels = labels;
    }
}

/// The most sentences whose token-info buffers [`Scratch`] keeps.
const KEPT_SENTENCE_BUFFERS: usize = 256;

/// Reusable buffers for decoding.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Token infos of a document's sentences.
    infos: Vec<Vec<TokenInfo>>,
    /// Static features of the always-scored tokens of a sentence...
    feats: Vec<u32>,
    /// ...each token's range in them...
    ranges: Vec<(usize, usize)>,
    /// ...and their summed weights.
    sums: Vec<[i32; model::STRIDE]>,
    /// Features added while decoding.
    history: Vec<u32>,
    buf: String,
    labels: Vec<u8>,
    /// Token infos of capitalized and non-ASCII words seen before.
    memo: crate::recognize::memo::WordMemo<TokenInfo>,
}

/// The best label allowed after `prev` (ties: the lower label).
#[inline]
pub(crate) fn best<T: PartialOrd + Copy>(scores: &[T], prev: u8) -> u8 {
    let mut best = O;
    for l in 1..LABELS as u8 {
        if allowed(prev, l) && scores[l as usize] > scores[best as usize] {
            best = l;
        }
    }
    best
}

/// Turn a sentence's BIO labels into mentions, appended to `out`.
pub(crate) fn spans_of(sentence: &Sentence, labels: &[u8], out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < labels.len() {
        let Some(etype) = label_type(labels[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < labels.len() && labels[j] == features::label(etype, false) {
            j += 1;
        }
        out.push(Mention {
            sentence: sentence.index,
            start: sentence.tokens[i].start,
            end: sentence.tokens[j - 1].end,
            etype,
            kb_id: None,
            canonical: None,
            source: Source::Model,
            derived: false,
        });
        i = j;
    }
}
