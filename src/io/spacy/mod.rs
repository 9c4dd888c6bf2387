//! spaCy v3 training data: `.spacy` files (a serialised `DocBin`), written ([`export`]) and read
//! back ([`import`]) natively, without Python.
//!
//! - [`export`]: documents → a DocBin (`doc.ents`, `doc.spans` groups, `doc.cats`, `user_data`).
//! - [`import`]: a DocBin, Gloss's own or any spaCy-made one → documents, spans and quotes.
//! - `tokens`: the DocBin's tokens (the export's word pieces plus spaCy's white space).
//! - `strings`: what both share: attribute ids, IOB codes, spaCy's string ids and symbols.
//! - `codes`: categories and attributes in `doc.cats` and `user_data`.
//! - `msgpack`: the MessagePack writer ([`MsgPackWriter`](msgpack::MsgPackWriter)) the export uses.

pub(crate) mod codes;
pub mod export;
pub mod import;
pub(crate) mod msgpack;
pub mod strings;
mod tokens;

pub use export::{CUE, GROUPS, Options, SPEAKER, to_bytes, write};
pub use import::read_paths;
pub use strings::string_id;
