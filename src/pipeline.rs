//! Wires the stages together: [`Pipeline::analyze`] runs read output through
//! segment → recognize → resolve → relate for one document, and
//! [`Pipeline::build_graph`] streams many documents into a graph, using all
//! cores while keeping the output independent of thread timing.

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::graph::{GraphBuilder, KnowledgeGraph};
use crate::lexicon::DataSource;
use crate::read::Document;
use crate::recognize::{Mention, Recognized, Recognizer, RecognizerOptions};
use crate::relate::{DocumentView, Relater, Relation};
use crate::resolve::{resolve, Resolved};
use crate::segment::{Segmenter, Sentence};
use crate::text::CharIndex;

/// Settings for a [`Pipeline`].
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// Where data files come from.
    pub data: DataSource,
    /// Recognizer settings.
    pub recognizer: RecognizerOptions,
}

/// The loaded recognizer and relation lexicons.
pub struct Pipeline {
    segmenter: Segmenter,
    recognizer: Recognizer,
    relater: Relater,
}

/// Everything the pipeline learned about one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The document.
    pub doc: Document,
    /// Its sentences and tokens.
    pub sentences: Vec<Sentence>,
    /// Mentions (sorted by start) and alias definitions, as the recognizer
    /// returned them.
    pub recognized: Recognized,
    /// The document's entities.
    pub resolved: Resolved,
    /// Relations with evidence.
    pub relations: Vec<Relation>,
    /// Byte → char offsets of the text.
    pub chars: CharIndex,
}

/// How far [`Pipeline::analyze_to`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Segment, recognize and resolve: entities and their mentions, no
    /// relations (what `entities` and `eval` need).
    Entities,
    /// Entities and their co-occurrence relations, no typed relations.
    CoOccurrence,
    /// Everything, relations included.
    Relations,
}

/// How many documents are analyzed in parallel before being added to the
/// graph: at most this many...
const BATCH: usize = 256;
/// ...and no more text than this (bytes), so that a batch of long documents
/// (see [`crate::read::PART_BYTES`]) holds bounded memory.
const BATCH_BYTES: usize = 2 << 20;

impl Pipeline {
    /// A pipeline with the built-in data and model.
    pub fn builtin() -> Result<Pipeline> {
        Pipeline::new(&PipelineOptions::default())
    }

    /// A pipeline with the given options.
    pub fn new(options: &PipelineOptions) -> Result<Pipeline> {
        Ok(Pipeline {
            segmenter: Segmenter::new(&options.data)?,
            recognizer: Recognizer::new(&options.data, &options.recognizer)?,
            relater: Relater::load(&options.data)?,
        })
    }

    /// The recognizer.
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// The relation finder.
    pub fn relater(&self) -> &Relater {
        &self.relater
    }

    /// Run one document through segment → recognize → resolve → relate.
    pub fn analyze(&self, doc: Document) -> Analysis {
        self.analyze_to(doc, Depth::Relations)
    }

    /// Run one document through the stages up to `depth`; with
    /// [`Depth::Entities`] the analysis has no relations.
    pub fn analyze_to(&self, doc: Document, depth: Depth) -> Analysis {
        let sentences = self.segmenter.segment(&doc.text);
        let recognized = self.recognizer.recognize(&doc.text, &sentences);
        self.finish(doc, sentences, recognized, depth)
    }

    /// Resolve and (with [`Depth::Relations`]) relate recognized mentions.
    fn finish(
        &self,
        doc: Document,
        sentences: Vec<Sentence>,
        recognized: Recognized,
        depth: Depth,
    ) -> Analysis {
        let resolved = resolve(&doc.text, &recognized);
        let chars = CharIndex::new(&doc.text);
        let view = DocumentView {
            doc: &doc,
            sentences: &sentences,
            recognized: &recognized,
            resolved: &resolved,
            chars: &chars,
        };
        let relations = match depth {
            Depth::Entities => Vec::new(),
            Depth::CoOccurrence => crate::relate::cooccur::co_occurrences(&view),
            Depth::Relations => self
                .relater
                .relate_with_countries(&view, Some(self.recognizer.gazetteer())),
        };
        Analysis {
            doc,
            sentences,
            recognized,
            resolved,
            relations,
            chars,
        }
    }

    /// Run one document through segment → resolve → relate with the
    /// given mentions instead of the recognizer's (sorted by start,
    /// non-overlapping; their sentence indices are set here). For scoring
    /// relations on gold entities.
    pub fn analyze_with_mentions(&self, doc: Document, mut mentions: Vec<Mention>) -> Analysis {
        let sentences = self.segmenter.segment(&doc.text);
        for m in &mut mentions {
            m.sentence = sentences
                .partition_point(|s| s.end <= m.start)
                .min(sentences.len().saturating_sub(1));
        }
        let recognized = Recognized {
            mentions,
            aliases: Vec::new(),
        };
        self.finish(doc, sentences, recognized, Depth::Relations)
    }

    /// Analyze a stream of documents up to `depth` in parallel batches,
    /// calling `each` on the analyses (in input order) and `on_error` for
    /// inputs that failed.
    pub fn for_each_analysis(
        &self,
        docs: impl Iterator<Item = Result<Document>>,
        depth: Depth,
        mut each: impl FnMut(Analysis),
        mut on_error: impl FnMut(Error),
    ) {
        let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
        let mut bytes = 0;
        let flush = |batch: &mut Vec<Document>, each: &mut dyn FnMut(Analysis)| {
            let analyses: Vec<Analysis> = std::mem::take(batch)
                .into_par_iter()
                .map(|d| self.analyze_to(d, depth))
                .collect();
            for a in analyses {
                each(a);
            }
        };
        for item in docs {
            match item {
                Ok(doc) => {
                    bytes += doc.text.len();
                    batch.push(doc);
                    if batch.len() == BATCH || bytes >= BATCH_BYTES {
                        flush(&mut batch, &mut each);
                        bytes = 0;
                    }
                }
                Err(e) => on_error(e),
            }
        }
        flush(&mut batch, &mut each);
    }

    /// Build the knowledge graph of a stream of documents. Errors are passed
    /// to `on_error` and the remaining documents still processed.
    pub fn build_graph(
        &self,
        docs: impl Iterator<Item = Result<Document>>,
        on_error: impl FnMut(Error),
    ) -> KnowledgeGraph {
        let mut builder = GraphBuilder::new();
        self.for_each_analysis(
            docs,
            Depth::Relations,
            |a| builder.add_document_owned(&a.doc.id, &a.resolved, a.relations),
            on_error,
        );
        builder.finish_with(|name| self.recognizer.company_name(name))
    }
}
