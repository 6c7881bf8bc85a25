//! The learned sequence tagger: an averaged perceptron over hashed features of
//! words, shapes, affixes, context and gazetteer/pattern hits.

use std::path::Path;

use crate::error::Result;
use crate::recognize::Mention;
use crate::segment::Sentence;

/// A trained tagger model.
pub struct Tagger {}

impl Tagger {
    /// The model committed under `data/models/`, or `None` if there is none.
    pub fn builtin() -> Result<Option<Tagger>> {
        Ok(None)
    }

    /// Load a model file.
    pub fn load(_path: &Path) -> Result<Tagger> {
        Ok(Tagger {})
    }

    /// Tag `sentences`; `gazetteer` and `patterns` are the other recognizers' hits.
    pub fn tag(
        &self,
        _text: &str,
        _sentences: &[Sentence],
        _gazetteer: &[Mention],
        _patterns: &[Mention],
    ) -> Vec<Mention> {
        Vec::new()
    }
}
