//! Integration tests: one binary, one module per area.

mod eval;
mod exports;
mod gazetteer;
mod graph_fixture;
mod html;
mod read;
mod segment;
