//! Gloss's native JSONL: one document per line with its spans, quotes, categories and
//! attributes, offsets in code points. [`export`] writes it; [`import`] reads it back exactly.

pub mod export;
pub mod import;

pub use export::write;
pub use import::{FORMAT, read_paths, read_str};
