//! Text utilities with no knowledge of annotations' meaning: offset conversion between code
//! points, bytes and UTF-16; the paragraph index the document view virtualises over; word
//! boundaries for snapping selections (with a dictionary for Chinese, Japanese, Thai…); the
//! writing direction of paragraphs; plain-text search; the one pronoun list and the one list of
//! names' lower-case particles; stock tickers; and `plural` for
//! messages that count.

mod direction;
mod find;
mod names;
mod offsets;
mod paragraphs;
mod pronouns;
mod segment;
mod tickers;
mod tokens;
mod words;

pub use direction::{is_rtl_char, is_rtl_paragraph, strong_direction};
pub use find::{FindOptions, find_all};
pub use names::{is_month_name, is_name_particle, is_sport_slug, is_weekday, is_wire_slug};
pub use offsets::{byte_to_char, char_to_byte, char_to_utf16, slice_chars, utf16_to_char};
pub use paragraphs::{Paragraph, Paragraphs};
pub use pronouns::{PRONOUNS, is_pronoun, is_pronoun_at, is_pronoun_in};
pub use segment::{is_dictionary_script, needs_dictionary};
pub use tickers::{Ticker, tickers};
pub use tokens::{Token, TokenKind, sentences, tokenize};
pub use words::{WordEdge, caret_by_word, move_edge_by_word, snap_to_words, word_at};

/// The plural ending of an English count: "" for one, "s" otherwise ("1 document", "3
/// documents"), for every message that counts something.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
