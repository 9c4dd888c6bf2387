//! Files: RON project files, the edit journal, text import and the native JSONL export.
//!
//! Everything here is pure logic over paths and bytes; nothing knows about egui. Every error
//! names the file (and the line, where there is one) and says what to do.

pub mod annotator;
pub mod atomic;
pub mod brat;
pub mod brat_export;
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
pub mod jsonl_import;
pub mod label_studio;
pub(crate) mod label_studio_codes;
pub mod label_studio_config;
pub mod lock;
pub mod meta;
pub mod plot;
pub mod predictions;
pub mod prodigy;
pub mod project_file;
pub mod project_stream;
pub mod quotes_csv;
pub mod spacy;
pub(crate) mod spacy_codes;
pub mod spacy_common;
pub mod spacy_import;
pub(crate) mod spacy_pack;
pub mod text_import;

pub use atomic::write_atomic;
pub use error::IoError;
