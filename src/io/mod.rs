//! Files: RON project files, the edit journal, and every import and export format.
//!
//! Everything here is pure logic over paths and bytes; nothing knows about egui. Every error
//! names the file (and the line, where there is one) and says what to do.
//!
//! Each format is one module (a folder when it has parts: `brat`, `conll`, `spacy`, `jsonl`,
//! `doccano`, `label_studio`); for the interchange formats `read_paths` imports and `write`
//! exports. What they share: `interchange` (the import builder, JSON records, file
//! collection), `files` (the one directory walk), `file_names` (safe file names and the one
//! per-document writer, `write_each`), `tokens` (export tokens and ranges), `meta` and
//! `coding` (metadata, categories and attributes), and, for tests, `test_fixtures`.

pub mod annotator;
pub mod atomic;
pub mod brat;
pub mod citron;
pub mod coding;
pub mod conll;
pub mod csv_import;
pub mod doccano;
pub mod engine_process;
mod error;
pub mod file_names;
pub mod files;
pub mod html_import;
pub mod interchange;
pub mod journal;
pub mod jsonl;
pub mod label_studio;
pub mod lock;
pub mod meta;
pub mod plot;
pub mod predictions;
pub mod prodigy;
pub mod project_file;
pub mod project_stream;
pub mod quotes_csv;
pub mod spacy;
#[cfg(test)]
pub(crate) mod test_fixtures;
pub mod text_import;
pub(crate) mod tokens;

pub use atomic::write_atomic;
pub use error::IoError;
