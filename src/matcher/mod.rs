//! The suggestion engines. Pure logic: text and project in, suggestions out; no egui.
//!
//! - `gazetteer`: bundled and user lists (countries, demonyms, cities, organisations, …),
//!   matched longest-first on whole words with optional Unicode case folding.
//! - `learned`: every string the user has annotated, scored by how often it got each label.
//! - `rules`: capitalised sequences, titles, organisation head words, acronyms and their long
//!   forms, with Mikheev's treatment of sentence-initial words.
//! - `external`: the protocol of engines outside Gloss (child processes over pipes).
//!
//! Every suggestion carries its engine, rule, score and a one-line reason.

pub mod engines;
pub mod external;
pub mod gazetteer;
pub mod learned;
pub mod lookup;
pub mod merge;
pub mod model;
pub mod quotes;
pub mod rules;
mod split;
mod word_index;
