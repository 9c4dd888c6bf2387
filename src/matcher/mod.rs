//! The suggestion engines. Pure logic: text and project in, suggestions out; no egui.
//!
//! - `engines`: runs every engine over a document, in Mikheev's order (lists, then rules, then
//!   quotes), fits labels to the project and settles the findings into one list (with `merge`,
//!   and `split` for one long document); `lookup` holds what they look up in a project.
//! - `gazetteer`: bundled and user lists (countries, demonyms, cities, organisations, …),
//!   matched longest-first on whole words with optional Unicode case folding (`word_index`
//!   for big lists of names).
//! - `learned`: every string the user has annotated, scored by how often it got each label.
//! - `rules`: capitalised sequences, titles, organisation head words, acronyms and their long
//!   forms, wire-news datelines, clubs and companies, with Mikheev's treatment of
//!   sentence-initial words.
//! - `model`: a statistical tagger (averaged perceptron) trained on the project.
//! - `quotes`: who said what — quotations, their cues and speakers, by rules.
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
