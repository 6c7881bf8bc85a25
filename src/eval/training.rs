//! Training data for the tagger from the open corpora, and k-fold
//! cross-validation: which files are used with which weight, how the legal
//! corpus is subsampled, and how gold documents become
//! [`TrainDoc`]s carrying the same segmentation and gazetteer/pattern hits the
//! pipeline produces at tagging time.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{read_corpus, Format, GoldDoc, GoldLabel, Report};
use crate::error::{Error, Result};
use crate::pipeline::{Pipeline, PipelineOptions};
use crate::recognize::tagger::features::hash_bytes;
use crate::recognize::tagger::features::WordClasses;
use crate::recognize::tagger::train::{train, TrainDoc, TrainOptions};
use crate::recognize::tagger::Model;
use crate::recognize::EntityType;
use crate::segment::segment;

/// One training corpus: a file under the corpora directory, its weight, the
/// share of its entity-free documents kept and which types it may teach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusFile {
    /// Path relative to the corpora directory.
    pub path: String,
    /// Weight of each mistake (news-like text weighs more).
    pub weight: u32,
    /// Keep one in this many documents without PER/ORG/LOC (1 = all).
    pub keep_empty_one_in: u64,
    /// Types whose gold spans are not learned from: the tokens inside them
    /// are skipped (LER replaces the names of parties by initials).
    pub skip: Vec<EntityType>,
}

/// The built-in training set, `data/models/training.tsv`.
pub const TRAINING_SET: &str = include_str!("../../data/models/training.tsv");

/// Parse a training-set file: `path<TAB>weight<TAB>keep_empty_one_in<TAB>skip`
/// records (skip: comma-separated types or `-`), `#` comments. `name` names
/// the file in errors.
pub fn parse_training_set(text: &str, name: &str) -> Result<Vec<CorpusFile>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |what: &str| Error::data(format!("{}:{}: {}", name, i + 1, what));
        let fields: Vec<&str> = line.split('\t').collect();
        let [path, weight, keep, skip] = fields.as_slice() else {
            return Err(bad(
                "expected 4 tab-separated fields: path, weight, keep_empty_one_in, skip",
            ));
        };
        let weight: u32 = weight
            .parse()
            .ok()
            .filter(|w| *w > 0)
            .ok_or_else(|| bad("weight must be a positive integer"))?;
        let keep_empty_one_in: u64 = keep
            .parse()
            .ok()
            .filter(|k| *k > 0)
            .ok_or_else(|| bad("keep_empty_one_in must be a positive integer"))?;
        let mut types = Vec::new();
        if *skip != "-" {
            for t in skip.split(',') {
                types.push(match t.trim() {
                    "PER" => EntityType::Per,
                    "ORG" => EntityType::Org,
                    "LOC" => EntityType::Loc,
                    other => return Err(bad(&format!("unknown type {:?} in skip", other))),
                });
            }
        }
        out.push(CorpusFile {
            path: path.to_string(),
            weight,
            keep_empty_one_in,
            skip: types,
        });
    }
    Ok(out)
}

/// GermEval 2014 dev, relative to the corpora directory.
pub const GERMEVAL_DEV: &str = "germeval2014/NER-de-dev.tsv";
/// Weight of GermEval documents when trained on.
pub const GERMEVAL_WEIGHT: u32 = 3;

/// A gold document, its weight and the types not learned from it.
#[derive(Debug, Clone)]
pub struct WeightedDoc {
    /// The document.
    pub doc: GoldDoc,
    /// Weight of its mistakes.
    pub weight: u32,
    /// Types whose spans are skipped.
    pub skip: Vec<EntityType>,
}

/// Read the corpora of `set` under `dir`, subsampled deterministically.
pub fn load_training(dir: &Path, set: &[CorpusFile]) -> Result<Vec<WeightedDoc>> {
    let mut out = Vec::new();
    for file in set {
        let docs = read_corpus(&dir.join(&file.path), None)?;
        for (i, doc) in docs.into_iter().enumerate() {
            let has_entity = doc
                .spans
                .iter()
                .any(|s| matches!(s.label, GoldLabel::Entity(_)));
            let key = format!("{}#{}", file.path, i);
            if has_entity || hash_bytes(key.as_bytes()).is_multiple_of(file.keep_empty_one_in) {
                out.push(WeightedDoc {
                    doc,
                    weight: file.weight,
                    skip: file.skip.clone(),
                });
            }
        }
    }
    Ok(out)
}

/// Read GermEval dev under `dir`.
pub fn load_germeval(dir: &Path) -> Result<Vec<GoldDoc>> {
    read_corpus(&dir.join(GERMEVAL_DEV), Some(Format::Germeval))
}

/// Prepare gold documents for training: segment them and run the gazetteer
/// and patterns of `pipeline` on them, in parallel, keeping input order.
pub fn to_train_docs(pipeline: &Pipeline, docs: &[WeightedDoc]) -> Vec<TrainDoc> {
    docs.par_iter()
        .map(|WeightedDoc { doc, weight, skip }| {
            let sentences = segment(&doc.text);
            let (gazetteer, patterns) = pipeline.recognizer().find_lists(&doc.text, &sentences);
            TrainDoc {
                gold: doc
                    .spans
                    .iter()
                    .filter_map(|s| match s.label {
                        GoldLabel::Entity(t) if !skip.contains(&t) => {
                            Some((with_sign(&doc.text, s.start), s.end, t))
                        }
                        _ => None,
                    })
                    .collect(),
                skipped: doc
                    .spans
                    .iter()
                    .filter(|s| matches!(s.label, GoldLabel::Entity(t) if skip.contains(&t)))
                    .map(|s| (s.start, s.end))
                    .collect(),
                text: doc.text.clone(),
                sentences,
                gazetteer,
                patterns: patterns.mentions,
                weight: *weight,
            }
        })
        .collect()
}

/// The start of a gold span, moved onto the sign of the hashtag or handle
/// it starts right after: SmartData v1 leaves the sign out ("#Hamburg" is
/// annotated as "Hamburg"), v3 and GermEval take it in, and a token is
/// learned from only if the span covers all of it.
fn with_sign(text: &str, start: usize) -> usize {
    crate::text::tag_sign_before(text, start).unwrap_or(start)
}

/// The data of a cross-validation run.
pub struct CvData<'a> {
    /// Training documents used in every fold.
    pub base: &'a [TrainDoc],
    /// The corpus split into folds, as gold documents (for scoring)...
    pub heldin: &'a [GoldDoc],
    /// ...and the same documents prepared for training.
    pub heldin_train: &'a [TrainDoc],
}

/// k-fold cross-validation on `data.heldin`: for each of `k` contiguous
/// folds, train on `data.base` plus the other folds and score the full
/// recognizer (`options` with that fold's model) on the fold. Returns the
/// summed report.
pub fn cross_validate(
    options: &PipelineOptions,
    data: CvData,
    k: usize,
    (train_options, classes): (TrainOptions, &WordClasses),
    scratch_dir: &Path,
    mut log: impl FnMut(String),
) -> Result<Report> {
    let CvData {
        base,
        heldin,
        heldin_train,
    } = data;
    let n = heldin.len();
    let mut total = Report::default();
    for fold in 0..k {
        let (lo, hi) = (fold * n / k, (fold + 1) * n / k);
        let mut docs: Vec<TrainDoc> = base.to_vec();
        docs.extend(
            heldin_train
                .iter()
                .enumerate()
                .filter(|(i, _)| *i < lo || *i >= hi)
                .map(|(_, d)| d.clone()),
        );
        let model = train(&docs, classes, train_options, |_, _| {});
        let path = scratch_dir.join(format!("fold-{}.bin", fold));
        write_model(&model, &path)?;
        let mut fold_options = options.clone();
        fold_options.recognizer.no_model = false;
        fold_options.recognizer.listed_first_names = false;
        fold_options.recognizer.model_path = Some(path);
        let pipeline = Pipeline::new(&fold_options)?;
        let report = super::evaluate(&pipeline, &heldin[lo..hi]);
        log(format!(
            "fold {}/{}: micro F1 {:.4}",
            fold + 1,
            k,
            report.micro().scores().f1
        ));
        total.merge(report);
    }
    Ok(total)
}

/// Write a model file atomically.
pub fn write_model(model: &Model, path: &Path) -> Result<()> {
    let bytes = model.to_bytes();
    crate::export::write_atomic(path, |w| w.write_all(&bytes))
}

/// The default corpora directory, relative to the repository.
pub fn default_corpora_dir() -> PathBuf {
    PathBuf::from("../shared/corpora")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_spans_after_a_hashtag_or_handle_sign_take_the_sign() {
        let text = "„#Hamburg“ und @SZ, C#Sharp, a@b, #";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(with_sign(text, at("Hamburg")), at("#Hamburg"));
        assert_eq!(with_sign(text, at("SZ")), at("@SZ"));
        // a sign inside a word, no sign, the text's start
        assert_eq!(with_sign(text, at("Sharp")), at("Sharp"));
        assert_eq!(with_sign(text, at("b,")), at("b,"));
        assert_eq!(with_sign(text, at("und")), at("und"));
        assert_eq!(with_sign(text, 0), 0);
        // after a multi-byte char: no panic, no move
        assert_eq!(with_sign(text, at("#Hamburg")), at("#Hamburg"));
    }
}
