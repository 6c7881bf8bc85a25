//! Scoring the recognizer against gold annotations (GermEval TSV, CoNLL BIO,
//! span JSONL): readers turn each format into [`GoldDoc`]s, [`evaluate`] runs
//! the pipeline's recognizer on them and [`metrics`] counts P/R/F1.

pub mod conll;
pub mod germeval;
pub mod metrics;
pub mod relations;
pub mod spans_jsonl;
pub mod training;

use std::path::Path;
use std::str::FromStr;
use std::time::Instant;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::pipeline::{Depth, Pipeline};
use crate::read::Document;
use crate::recognize::{EntityType, Mention};

pub use metrics::{Counts, Report, Scores};

/// What a gold span is labelled as, after mapping the corpus' own types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GoldLabel {
    /// One of the three scored types.
    Entity(EntityType),
    /// A name of another kind (GermEval OTH, *deriv, *part, laws, dates...):
    /// a prediction matching it exactly counts neither way.
    Ignored,
}

/// One gold span: byte offsets into [`GoldDoc::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct GoldSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the span.
    pub end: usize,
    /// The mapped label.
    pub label: GoldLabel,
}

/// A labelled document: its text, gold spans and, for token formats, the
/// token boundaries predictions are snapped to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldDoc {
    /// Where it came from (`file:line`).
    pub id: String,
    /// The text (for token formats: the tokens joined by single spaces).
    pub text: String,
    /// Gold spans, sorted by start.
    pub spans: Vec<GoldSpan>,
    /// Token byte spans for token formats; empty for span formats.
    pub tokens: Vec<(usize, usize)>,
}

/// Collects the tokens and tags of a token-per-line corpus into one
/// [`GoldDoc`] per block; a doc's id is `FILE:LINE` of its first token.
pub(crate) struct TokenDocs<'a> {
    name: String,
    docs: Vec<GoldDoc>,
    tokens: Vec<&'a str>,
    tags: Vec<Option<(bool, GoldLabel)>>,
    first_line: usize,
}

impl<'a> TokenDocs<'a> {
    /// An empty collector for the file at `path`.
    pub(crate) fn new(path: &Path) -> TokenDocs<'a> {
        TokenDocs {
            name: path.display().to_string(),
            docs: Vec::new(),
            tokens: Vec::new(),
            tags: Vec::new(),
            first_line: 0,
        }
    }

    /// Add a token with its tag, read on 1-based `line`.
    pub(crate) fn push(&mut self, line: usize, token: &'a str, tag: Option<(bool, GoldLabel)>) {
        if self.tokens.is_empty() {
            self.first_line = line;
        }
        self.tokens.push(token);
        self.tags.push(tag);
    }

    /// Number of tokens in the open block.
    pub(crate) fn open_len(&self) -> usize {
        self.tokens.len()
    }

    /// Close the open block as a document (nothing if it is empty).
    pub(crate) fn flush(&mut self) {
        if !self.tokens.is_empty() {
            self.docs.push(GoldDoc::from_tokens(
                format!("{}:{}", self.name, self.first_line),
                &self.tokens,
                &self.tags,
            ));
        }
        self.tokens.clear();
        self.tags.clear();
    }

    /// All documents, the open block included.
    pub(crate) fn finish(mut self) -> Vec<GoldDoc> {
        self.flush();
        self.docs
    }
}

impl GoldDoc {
    /// Build a document from tokens and their mapped BIO labels: `tags[i]` is
    /// `None` for O, `Some((begin, label))` for a token inside a span, where
    /// `begin` says it starts a new span.
    pub fn from_tokens(id: String, tokens: &[&str], tags: &[Option<(bool, GoldLabel)>]) -> GoldDoc {
        let mut text = String::new();
        let mut spans: Vec<GoldSpan> = Vec::new();
        let mut toks = Vec::with_capacity(tokens.len());
        let mut open: Option<GoldSpan> = None;
        for (tok, tag) in tokens.iter().zip(tags) {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(tok);
            let end = text.len();
            toks.push((start, end));
            match (*tag, open.as_mut()) {
                (Some((false, label)), Some(span)) if span.label == label => span.end = end,
                (Some((_, label)), _) => {
                    spans.extend(open.take());
                    open = Some(GoldSpan { start, end, label });
                }
                (None, _) => spans.extend(open.take()),
            }
        }
        spans.extend(open);
        GoldDoc {
            id,
            text,
            spans,
            tokens: toks,
        }
    }

    /// Number of tokens: the corpus' own for token formats, else whitespace words.
    pub fn token_count(&self) -> usize {
        if self.tokens.is_empty() {
            self.text.split_whitespace().count()
        } else {
            self.tokens.len()
        }
    }

    /// Snap a predicted byte span to whole corpus tokens (for token formats):
    /// it grows to cover every token it touches. Spans touching no token vanish.
    pub fn snap(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if self.tokens.is_empty() {
            return Some((start, end));
        }
        let first = self.tokens.partition_point(|&(_, e)| e <= start);
        let last = self.tokens.partition_point(|&(s, _)| s < end);
        if first >= last {
            return None;
        }
        Some((self.tokens[first].0, self.tokens[last - 1].1))
    }
}

/// The gold-annotation formats `eval` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GermEval 2014 TSV: `#` lines, then `index token outer inner`.
    Germeval,
    /// `token tag` lines in BIO (LER, Europeana, CoNLL, WNUT).
    Conll,
    /// JSONL documents with char-offset entity spans (SmartData).
    SpansJsonl,
}

impl Format {
    /// Guess the format from a file name: `.tsv` GermEval, `.jsonl` spans,
    /// anything else CoNLL.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("tsv") => Format::Germeval,
            Some("jsonl") | Some("json") => Format::SpansJsonl,
            _ => Format::Conll,
        }
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Format, String> {
        match s {
            "germeval" => Ok(Format::Germeval),
            "conll" => Ok(Format::Conll),
            "spans-jsonl" => Ok(Format::SpansJsonl),
            _ => Err(format!(
                "unknown format {:?} (use germeval, conll or spans-jsonl)",
                s
            )),
        }
    }
}

/// Parse the text of a gold file in `format`; `path` names it in errors and ids.
pub fn parse(text: &str, path: &Path, format: Format) -> Result<Vec<GoldDoc>> {
    match format {
        Format::Germeval => germeval::parse(text, path),
        Format::Conll => conll::parse(text, path),
        Format::SpansJsonl => spans_jsonl::parse(text, path),
    }
}

/// Read a gold file; `format` `None` guesses it from the file name.
pub fn read_corpus(path: &Path, format: Option<Format>) -> Result<Vec<GoldDoc>> {
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).at_path(path))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::new(crate::error::ErrorKind::Corpus(format!("not UTF-8: {}", e))).at_path(path)
    })?;
    parse(
        &text,
        path,
        format.unwrap_or_else(|| Format::from_path(path)),
    )
}

/// The predictions for one document as scored spans: snapped to tokens,
/// duplicates removed, sorted.
pub fn predictions(doc: &GoldDoc, mentions: &[Mention]) -> Vec<(usize, usize, EntityType)> {
    let mut out: Vec<(usize, usize, EntityType)> = mentions
        .iter()
        .filter_map(|m| doc.snap(m.start, m.end).map(|(s, e)| (s, e, m.etype)))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Run the pipeline's recognizer on every document (in parallel, results in
/// input order) and score it.
pub fn evaluate(pipeline: &Pipeline, docs: &[GoldDoc]) -> Report {
    let started = Instant::now();
    let predicted: Vec<Vec<(usize, usize, EntityType)>> = docs
        .par_iter()
        .map(|d| {
            let doc = Document::new(d.id.clone(), d.text.clone());
            let analysis = pipeline.analyze_to(doc, Depth::Entities);
            predictions(d, &analysis.recognized.mentions)
        })
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    let mut report = Report::default();
    for (doc, pred) in docs.iter().zip(&predicted) {
        report.add(doc, pred);
    }
    report.seconds = seconds;
    report
}
