//! Training data for the tagger from the open corpora, and k-fold
//! cross-validation: which files are used with which weight, how the legal
//! corpus is subsampled, and how gold documents become
//! [`TrainDoc`]s carrying the same segmentation and gazetteer/pattern hits the
//! pipeline produces at tagging time.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{read_corpus, Format, GoldDoc, GoldLabel, Report};
use crate::error::Result;
use crate::pipeline::{Pipeline, PipelineOptions};
use crate::recognize::tagger::features::hash_bytes;
use crate::recognize::tagger::features::WordClasses;
use crate::recognize::tagger::train::{train, TrainDoc, TrainOptions};
use crate::recognize::tagger::Model;
use crate::segment::segment;

/// One training corpus: a file under the corpora directory, its weight and
/// the share of its entity-free documents kept.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    /// Path relative to the corpora directory.
    pub path: &'static str,
    /// Weight of each mistake (news-like text weighs more).
    pub weight: u32,
    /// Keep one in this many documents without PER/ORG/LOC (1 = all).
    pub keep_empty_one_in: u64,
}

/// The corpora `nergraph train` uses, relative to `../shared/corpora`:
/// SmartData v1 train (news, weight 3), Europeana (historic newspapers),
/// English Wikigold (names are names in any language) and LER (court
/// decisions: every sentence with a PER/ORG/LOC name, one in 25 of the rest). SmartData v3 dev and GermEval dev are evaluation sets; the
/// latter joins training only with `--germeval-dev`.
pub const TRAINING_FILES: &[CorpusFile] = &[
    CorpusFile {
        path: "smartdata/smartdata-v1_train.jsonl",
        weight: 3,
        keep_empty_one_in: 1,
    },
    CorpusFile {
        path: "europeana/enp_DE.lft.bio",
        weight: 1,
        keep_empty_one_in: 1,
    },
    CorpusFile {
        path: "europeana/enp_DE.onb.bio",
        weight: 1,
        keep_empty_one_in: 1,
    },
    CorpusFile {
        path: "europeana/enp_DE.sbb.bio",
        weight: 1,
        keep_empty_one_in: 1,
    },
    CorpusFile {
        path: "english/wikigold/wikigold.conll.txt",
        weight: 1,
        keep_empty_one_in: 1,
    },
    CorpusFile {
        path: "ler/bag.conll",
        weight: 1,
        keep_empty_one_in: 25,
    },
    CorpusFile {
        path: "ler/bfh.conll",
        weight: 1,
        keep_empty_one_in: 25,
    },
    CorpusFile {
        path: "ler/bgh.conll",
        weight: 1,
        keep_empty_one_in: 25,
    },
    CorpusFile {
        path: "ler/bpatg.conll",
        weight: 1,
        keep_empty_one_in: 25,
    },
    CorpusFile {
        path: "ler/bsg.conll",
        weight: 1,
        keep_empty_one_in: 25,
    },
    CorpusFile {
        path: "ler/bverfg.conll",
        weight: 1,
        keep_empty_one_in: 25,
    },
    CorpusFile {
        path: "ler/bverwg.conll",
        weight: 1,
        keep_empty_one_in: 25,
    },
];

/// GermEval 2014 dev, relative to the corpora directory.
pub const GERMEVAL_DEV: &str = "germeval2014/NER-de-dev.tsv";
/// Weight of GermEval documents when trained on.
pub const GERMEVAL_WEIGHT: u32 = 3;

/// Gold documents with their weights.
pub type Weighted = Vec<(GoldDoc, u32)>;

/// Read the training corpora under `dir`, subsampled deterministically.
pub fn load_training(dir: &Path) -> Result<Weighted> {
    let mut out = Vec::new();
    for file in TRAINING_FILES {
        let docs = read_corpus(&dir.join(file.path), None)?;
        for (i, doc) in docs.into_iter().enumerate() {
            let has_entity = doc
                .spans
                .iter()
                .any(|s| matches!(s.label, GoldLabel::Entity(_)));
            let key = format!("{}#{}", file.path, i);
            if has_entity || hash_bytes(key.as_bytes()).is_multiple_of(file.keep_empty_one_in) {
                out.push((doc, file.weight));
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
pub fn to_train_docs(pipeline: &Pipeline, docs: &[(GoldDoc, u32)]) -> Vec<TrainDoc> {
    docs.par_iter()
        .map(|(doc, weight)| {
            let sentences = segment(&doc.text);
            let (gazetteer, patterns) = pipeline.recognizer().find_lists(&doc.text, &sentences);
            TrainDoc {
                gold: doc
                    .spans
                    .iter()
                    .filter_map(|s| match s.label {
                        GoldLabel::Entity(t) => Some((s.start, s.end, t)),
                        GoldLabel::Ignored => None,
                    })
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
