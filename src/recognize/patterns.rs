//! Pattern recognizer: persons after titles and roles, organizations from
//! acronyms, heads and suffixes, and names defined in parentheses or quotes.

use crate::error::Result;
use crate::lexicon::DataSource;
use crate::recognize::{Mention, Recognized};
use crate::segment::Sentence;

/// The compiled patterns.
pub struct Patterns {}

impl Patterns {
    /// Load the role, title and suffix lexicons.
    pub fn load(_data: &DataSource) -> Result<Patterns> {
        Ok(Patterns {})
    }

    /// Pattern mentions and alias definitions in `text`. `gazetteer` holds the
    /// gazetteer's mentions, which patterns may build on.
    pub fn find(&self, _text: &str, _sentences: &[Sentence], _gazetteer: &[Mention]) -> Recognized {
        Recognized::default()
    }
}
