//! # nergraph
//!
//! Turns German news articles into a knowledge graph of the people (PER),
//! organizations (ORG) and places (LOC) in them, and exports it for relationship
//! diagrams and spreadsheets.
//!
//! Data flows one way, one module per stage:
//!
//! | stage | module | input → output |
//! |---|---|---|
//! | read | [`read`] | files, directories, stdin → [`read::Document`] |
//! | segment | [`segment`] | document text → [`segment::Sentence`]s with [`segment::Token`]s |
//! | recognize | [`recognize`] | sentences → [`recognize::Mention`]s (gazetteers, patterns, tagger) |
//! | resolve | [`resolve`] | mentions → [`resolve::Entity`] ids (alias merging, linking) |
//! | relate | [`relate`] | resolved mentions → [`relate::Relation`]s with [`relate::Evidence`] |
//! | graph | [`graph`] | relations → [`graph::KnowledgeGraph`] (petgraph) |
//! | export | [`export`] | graph → DOT, CSV, JSON, GraphML, GEXF, Neo4j, HTML |
//!
//! [`pipeline`] wires the stages together; [`eval`] scores the recognizer on
//! labelled corpora.
//!
//! ```
//! use nergraph::pipeline::Pipeline;
//! use nergraph::read::Document;
//!
//! let pipeline = Pipeline::builtin().unwrap();
//! let doc = Document::new("example", "Olaf Scholz reiste nach Paris. Dort traf er Macron.");
//! let analysis = pipeline.analyze(doc);
//! assert_eq!(analysis.sentences.len(), 2);
//! for m in &analysis.recognized.mentions {
//!     println!("{} {}", m.etype, m.text(&analysis.doc.text));
//! }
//! ```

pub mod error;
pub mod eval;
pub mod export;
pub mod graph;
pub mod lexicon;
pub mod pipeline;
pub mod read;
pub mod recognize;
pub mod relate;
pub mod resolve;
pub mod segment;
pub mod text;

pub use error::{Error, ErrorKind};
pub use recognize::EntityType;
