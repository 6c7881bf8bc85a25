//! Gazetteer recognizer: countries and territories (with genitive and
//! adjectival forms), cities and international organizations from the lists
//! in `data/gazetteer/`, each with a knowledge-base id.

use crate::error::Result;
use crate::lexicon::DataSource;
use crate::recognize::Mention;
use crate::segment::Sentence;

/// The compiled gazetteers.
pub struct Gazetteer {}

impl Gazetteer {
    /// Load and compile the gazetteer data files.
    pub fn load(_data: &DataSource) -> Result<Gazetteer> {
        Ok(Gazetteer {})
    }

    /// All gazetteer mentions in `text`, non-overlapping, sorted by start.
    pub fn find(&self, _text: &str, _sentences: &[Sentence]) -> Vec<Mention> {
        Vec::new()
    }
}
