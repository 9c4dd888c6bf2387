//! CoNLL: entity names as one token per line with an IOB tag, the format of CoNLL-2003 and of
//! most sequence-labelling trainers. Export writes IOB2; import reads IOB1, IOB2 and BIOES.
//!
//! # Export
//! `TOKEN<TAB>TAG` per line (or, with [`Columns::Four`], `TOKEN -X- _ TAG` as in CoNLL-2003 and
//! Label Studio), a blank line after every sentence, and `-DOCSTART- -X- O O` plus a blank line
//! before every document unless [`Options::docstart`] is off.
//!
//! **Tokens** are those of `text::tokenize` (words with their internal apostrophes and hyphens,
//! numbers, a possessive "'s" on its own, each punctuation mark, an emoji with its modifiers),
//! cut further wherever an exported span starts or ends inside one: "Obama-era" with "Obama"
//! marked is written as `Obama` and `-era`. The export never moves a boundary the annotator
//! set; it only writes the text in finer pieces. White space is never part of a token, so no
//! token is empty or holds a tab; `io::tokens::pieces` is this tokenisation, shared with the
//! spaCy and brat exports. **Sentences** are `text::sentences` (ends at . ! ? with closing quotes, not after
//! abbreviations, and always at a line break), except that a sentence never ends inside an
//! exported span: the sentences it crosses are written as one.
//!
//! **What goes in**: names only (`Mention::Name`; pronouns and descriptions are not names), of
//! the selected labels. CoNLL is flat, so where names overlap the outermost is kept (the
//! earliest start, then the longest) and every other one is reported with its document and
//! offsets. A span's surrounding white space is not a token: it is trimmed, and a span of
//! white space only is reported. A label with white space in it would break the columns: its
//! white space is written as `_` (reported once per label). Quotes, pronoun and description
//! mentions and entity links have no place in CoNLL; one summary line counts them.
//!
//! # Import
//! Each non-blank line is a token: the first column is the token, the last the tag, so both
//! `TOKEN TAG` and CoNLL-2003's `TOKEN POS CHUNK TAG` (any number of columns from two on,
//! separated by tabs or spaces) are read. A blank line ends a sentence; a line starting with
//! `-DOCSTART-` ends a document. A file with several documents gives documents named
//! `NAME-1`, `NAME-2`, …; a file with one is `NAME` (its file name without extension).
//!
//! **Schemes**: [`Scheme::Auto`] reads BIOES (also written BILOU) when any tag starts with
//! `E-`, `S-`, `L-` or `U-`; otherwise IOB, where `B-X` starts an entity and `I-X` continues one
//! of type X or, after anything else, starts one (IOB1, as in CoNLL-2003, where `B-` only
//! separates two adjacent entities of one type; IOB2 files read the same). An explicit
//! [`Scheme::Iob2`] refuses an `I-X` that continues nothing, which catches an IOB1 file named
//! IOB2; an explicit [`Scheme::Bioes`] refuses every broken sequence (`I-` or `E-` without
//! `B-`, a `B-` never closed).
//!
//! **Text** is rebuilt from the tokens: sentences joined by a line break, tokens by one space,
//! except: no space before `. , ; : ! ? % ) ] } ” ’ » …` (a token made only of these), before a
//! clitic (`'s`, `'re`, `n't`, `’ll`, …: an apostrophe and a letter, or `n't`) or before PTB's
//! closing `''`; no space after `( [ { “ ‘ « ¿ ¡ $ £ € ¥` or PTB's opening `` `` ``; and a
//! straight `"` opens and closes in turn within a document (no space after the opening one,
//! none before the closing one). Offsets are code points of that rebuilt text; a span runs
//! from its first token's start to its last token's end.
//!
//! **Errors**: a line with one column, a tag that is not `O` or `PREFIX-LABEL`, or a sequence
//! the chosen scheme forbids is an error naming file, line and column. An import is all or
//! nothing: every error in every file is returned and no document is made.

mod detokenize;
mod export;
mod import;
mod scheme;
#[cfg(test)]
mod tests;

pub use detokenize::detokenize;
pub use export::{Columns, Options, write};
pub use import::{EXTENSIONS, ParsedDoc, ParsedFile, parse, read_paths};
pub use scheme::Scheme;

/// The format's name in `Origin::Imported`.
pub const FORMAT: &str = "conll";

/// The line CoNLL-2003 puts before each document.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";
