//! Text utilities with no knowledge of annotations' meaning: offset conversion between code
//! points, bytes and UTF-16; the paragraph index the document view virtualises over; word
//! boundaries for snapping selections; and plain-text search.

mod find;
mod offsets;
mod paragraphs;
mod tokens;
mod words;

pub use find::{FindOptions, find_all};
pub use offsets::{byte_to_char, char_to_byte, char_to_utf16, slice_chars, utf16_to_char};
pub use paragraphs::{Paragraph, Paragraphs};
pub use tokens::{Token, TokenKind, sentences, tokenize};
pub use words::{WordEdge, move_edge_by_word, snap_to_words, word_at};
