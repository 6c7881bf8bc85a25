//! Integration tests: one binary, one module per area.
mod eval;
mod gazetteer;
mod html;
