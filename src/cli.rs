//! Command-line arguments (clap derive): one struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use nergraph::export::{Format, RenderFormat};
use nergraph::EntityType;

/// Turn German news articles into a knowledge graph of people, organizations
/// and places, and export it for Graphviz, spreadsheets, Gephi and Neo4j.
#[derive(Debug, Parser)]
#[command(name = "nergraph", version, about, long_about = None)]
pub struct Cli {
    /// Read data files (gazetteers, lexicons) from this directory, laid out
    /// like `data/`; files missing there fall back to the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Run gazetteers and patterns only, without the learned tagger.
    #[arg(long, global = true)]
    pub no_model: bool,

    /// Load the tagger model from FILE instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub model: Option<PathBuf>,

    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the entity graph of the inputs and export it.
    #[command(after_help = "Examples:
  nergraph build                         # data/articles/ -> graphs/
  nergraph build news/ -o out/           # a folder of *.txt and *.jsonl
  cat article.txt | nergraph build - -o out/
  nergraph build news/ --format csv,graphml,gexf,json,neo4j --excel
  nergraph build news/ --render svg --top 40 --min-weight 2
  nergraph build news/ --render png --ego Scholz --depth 2 --types PER,ORG
  nergraph --no-model build archive/ --cooccurrence-only   # quickest: who appears with whom

Tables and graph data (csv, json, graphml, gexf, neo4j) always hold the whole
graph; --min-weight, --top, --types, --ego and --no-cooccurrence only thin out
the drawings (dot, html, --render).")]
    Build(BuildArgs),

    /// List every recognized mention.
    #[command(after_help = "Examples:
  nergraph entities data/articles/kasachstan-2022-01.txt
  nergraph entities news.jsonl --format jsonl > mentions.jsonl")]
    Entities(EntitiesArgs),

    /// Score the recognizer against gold annotations (precision, recall, F1).
    #[command(after_help = "Examples:
  nergraph eval ../shared/corpora/germeval2014/NER-de-dev.tsv
  nergraph eval ../shared/corpora/smartdata/smartdata-v3_dev.jsonl --json
  nergraph --no-model eval corpus.conll --format conll
  nergraph eval --relations ../shared/corpora/smartdata/smartdata-v3_dev.jsonl")]
    Eval(EvalArgs),

    /// Print the sentences behind an entity (node) or a pair of entities (edge).
    #[command(after_help = "Examples:
  nergraph evidence Stoltenberg                  # every relation of one entity
  nergraph evidence Tokajew Putin                # the edge between two entities
  nergraph evidence OVKS news/ --format jsonl

ENTITY is an id (geonames:1522867, Q7184, per:jens-stoltenberg), a name or an
alias, or a person's surname, in any case. A second argument that names an
existing file or directory (or -) is an input, not an entity. Typed relations
are shown; co-occurrences only when there are none or with --cooccurrence.")]
    Evidence(EvidenceArgs),
    /// Train the tagger model from labelled corpora.
    #[command(after_help = "Examples:
  nergraph train                                  # ../shared/corpora -> data/models/tagger.bin
  nergraph train --germeval-dev --cv 5            # also learn from GermEval dev, report 5-fold CV
  nergraph train -o /tmp/tagger.bin && nergraph --model /tmp/tagger.bin eval dev.tsv")]
    Train(TrainArgs),
}

/// Arguments of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Input files, directories (recursively: *.txt, *.jsonl) or `-` for
    /// stdin. Default: data/articles/
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Output directory.
    #[arg(short, long, value_name = "DIR", default_value = "graphs")]
    pub output: PathBuf,

    /// Output formats, comma-separated: dot, csv, json, graphml, gexf,
    /// neo4j, html.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "FORMATS",
        default_value = "dot,csv"
    )]
    pub format: Vec<Format>,

    /// CSV for German Excel: UTF-8 with BOM and `;` as delimiter.
    #[arg(long)]
    pub excel: bool,

    /// Also render the drawing with Graphviz to graph.svg or graph.png.
    #[arg(long, value_name = "svg|png")]
    pub render: Option<RenderFormat>,

    /// Leave co-occurrence edges out of the drawing.
    #[arg(long)]
    pub no_cooccurrence: bool,

    /// Find co-occurrence edges only, not the typed relations (leads,
    /// member_of, affiliated_with, located_in, events): a quicker "who
    /// appears with whom" graph of a large archive.
    #[arg(long, conflicts_with = "no_cooccurrence")]
    pub cooccurrence_only: bool,

    /// Draw only edges of at least this weight (and the entities they link).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_weight: usize,

    /// Draw only the N entities with the largest weighted degree.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Draw only these entity types, comma-separated: PER, ORG, LOC.
    #[arg(long, value_delimiter = ',', value_name = "TYPES")]
    pub types: Vec<EntityType>,

    /// Draw only the neighbourhood of this entity (id, label or alias, any case).
    #[arg(long, value_name = "ENTITY")]
    pub ego: Option<String>,

    /// Radius of the --ego neighbourhood, in edges.
    #[arg(long, value_name = "K", default_value_t = 1, requires = "ego")]
    pub depth: usize,

    /// Group the drawing's entities into one box per type.
    #[arg(long)]
    pub cluster_by_type: bool,

    /// Also write graph.html (the same as adding html to --format).
    #[arg(long)]
    pub html: bool,
}

/// Output format of `entities`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntitiesFormat {
    /// An aligned, human-readable table.
    Table,
    /// One JSON object per mention.
    Jsonl,
}

/// Arguments of `entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Input files, directories or `-` for stdin. Default: data/articles/
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EntitiesFormat::Table)]
    pub format: EntitiesFormat,
}

/// Gold-annotation formats of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// GermEval 2014 TSV (`index token outer inner`).
    Germeval,
    /// `token tag` lines in BIO (LER, Europeana, CoNLL, WNUT).
    Conll,
    /// JSONL documents with char-offset entity spans (SmartData).
    SpansJsonl,
}

/// Arguments of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold-annotation files; all are scored together.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Format of the files. Default: from the extension (.tsv GermEval,
    /// .jsonl spans, else CoNLL).
    #[arg(long, value_enum)]
    pub format: Option<EvalFormat>,

    /// Print one JSON object instead of the text report.
    #[arg(long)]
    pub json: bool,

    /// Score `leads` relations against SmartData `OrganizationLeadership`
    /// (JSONL) instead of entity mentions.
    #[arg(long)]
    pub relations: bool,

    /// With --relations: give the gold entity spans to the relation finder
    /// instead of the recognizer's mentions.
    #[arg(long, requires = "relations")]
    pub gold_entities: bool,
}

/// Arguments of `evidence`.
#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// ENTITY [ENTITY] [INPUT...]: one entity for a node, two for an edge,
    /// then input files or directories (default: data/articles/).
    #[arg(value_name = "ENTITY [ENTITY] [INPUT]", required = true, num_args = 1..)]
    pub args: Vec<String>,

    /// Also show co-occurrences next to typed relations.
    #[arg(long)]
    pub cooccurrence: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EntitiesFormat::Table)]
    pub format: EntitiesFormat,
}

/// Arguments of `train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Directory with the corpora (germeval2014/, ler/, smartdata/, europeana/).
    #[arg(long, value_name = "DIR", default_value = "../shared/corpora")]
    pub corpora: PathBuf,

    /// The training-set file: which corpora, with which weights and
    /// subsampling [default: the built-in data/models/training.tsv]
    #[arg(long, value_name = "FILE")]
    pub training_set: Option<PathBuf>,

    /// Where to write the model.
    #[arg(
        short,
        long,
        value_name = "FILE",
        default_value = "data/models/tagger.bin"
    )]
    pub output: PathBuf,

    /// The word-class lexicon (nouns, toponyms, first names, surnames) the
    /// model learns to use; it is stored in the model file.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "data/lexicon/word_classes.tsv"
    )]
    pub word_classes: PathBuf,

    /// Passes over the training data.
    #[arg(long, default_value_t = 16)]
    pub epochs: usize,

    /// Seed of the shuffle (training is deterministic for a given seed).
    #[arg(long, default_value_t = 20140101)]
    pub seed: u64,

    /// Independent training runs (seeds SEED, SEED+1, ...) whose weights
    /// are averaged
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=32))]
    pub runs: u64,

    /// log2 of the number of feature buckets.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(10..=24))]
    pub bits: u32,

    /// Also train on GermEval 2014 dev (then report its scores only by
    /// cross-validation, see --cv).
    #[arg(long)]
    pub germeval_dev: bool,

    /// Before training the final model, report K-fold cross-validated scores
    /// on GermEval dev (each fold trained on the other folds and the rest).
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
}
