//! Integration tests: one binary, one module per area.

mod build_formats;
mod eval;
mod exports;
mod filters;
mod gazetteer;
mod graph_fixture;
mod html;
<<<<<<< HEAD
mod patterns;
mod read;
mod relations;
mod resolve;
mod segment;
=======
mod tagger;
>>>>>>> 45610ae (Tagger: word-class features, compact tables, model wins over list spans it overlaps, tests on a synthetic fixture)
