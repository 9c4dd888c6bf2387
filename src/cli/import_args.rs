//! The options of `gloss import` that belong to CSV and TSV files: which column holds the text,
//! which names the document, and the separator. They fill the `csv_import::Options` the import
//! reads; the other columns become each document's metadata.

use clap::Args;

use crate::io::csv_import;

/// `--text-column`, `--name-column`, `--delimiter`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Args)]
pub struct CsvArgs {
    /// CSV/TSV: the column holding each article's text (default: a column called text, body,
    /// content or article). Every column but the text and name columns becomes metadata.
    #[arg(long, value_name = "COLUMN")]
    pub text_column: Option<String>,
    /// CSV/TSV: the column naming each document (default: FILE-ROW).
    #[arg(long, value_name = "COLUMN")]
    pub name_column: Option<String>,
    /// CSV/TSV: the field separator, one character such as `,` `;` `|` or `tab` (default: a tab
    /// for --format tsv and .tsv files, else guessed from the header among `,` `;` and tab).
    #[arg(long, value_name = "CHAR", value_parser = delimiter)]
    pub delimiter: Option<u8>,
}

impl CsvArgs {
    /// Whether any CSV option was given.
    pub fn any(&self) -> bool {
        *self != CsvArgs::default()
    }

    /// The import's options; `tsv` when the format was given as `tsv`.
    pub fn options(&self, tsv: bool) -> csv_import::Options {
        csv_import::Options {
            text_column: self.text_column.clone(),
            name_column: self.name_column.clone(),
            delimiter: self.delimiter.or(tsv.then_some(b'\t')),
        }
    }
}

fn delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => match s.as_bytes() {
            [b] if b.is_ascii() && !b.is_ascii_alphanumeric() && *b != b'"' && *b != b'\n' => {
                Ok(*b)
            }
            _ => Err(format!(
                "{s:?} is not a separator: give one ASCII punctuation character, or `tab`"
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_parse() {
        assert_eq!(delimiter(";"), Ok(b';'));
        assert_eq!(delimiter("tab"), Ok(b'\t'));
        assert_eq!(delimiter("\\t"), Ok(b'\t'));
        assert!(delimiter("ab").is_err());
        assert!(delimiter("\"").is_err());
        assert!(delimiter("é").is_err());
        let a = CsvArgs::default();
        assert!(!a.any());
        assert_eq!(a.options(true).delimiter, Some(b'\t'));
    }
}
