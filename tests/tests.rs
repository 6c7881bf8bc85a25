//! Integration tests: one binary, one module per area.

mod build_formats;
mod eval;
mod exports;
mod filters;
mod gazetteer;
mod graph_fixture;
mod harness;
mod html;
mod patterns;
mod read;
mod relations;
mod resolve;
mod robust;
mod sample;
mod segment;
mod tagger;
