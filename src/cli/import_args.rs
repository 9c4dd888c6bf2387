//! The options of `gloss import` beyond the project and the paths: the format the paths'
//! extensions choose when `--format` is not given, and those that belong to CSV and TSV files
//! (which column holds the text, which names the document, and the separator). The CSV options
//! fill the `csv::Options` the import reads; the other columns become each document's
//! metadata.

use std::path::{Path, PathBuf};

use clap::Args;

use super::ImportFormat;
use crate::app::formats::csv;

/// What `gloss import` takes (the task's description is on `Task::Import`).
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The project file; created if it does not exist.
    #[arg(value_name = "PROJECT.ron")]
    pub project: PathBuf,
    /// Files or folders to import.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// The files' format: txt (text files, and web pages by their .html/.htm extension),
    /// html (every file a web page), csv, tsv, jsonl, brat, doccano, conll, label-studio,
    /// prodigy or spacy. Default: by extension (.csv, .tsv, .html/.htm, .spacy), else txt.
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,
    /// Label Studio: read this annotator's annotation of each task (a `completed_by` user id
    /// or e-mail) instead of the first one; tasks they did not annotate come in without
    /// annotations and are reported. Import once per annotator for `gloss agree`.
    #[arg(long, value_name = "ID", conflicts_with = "split_annotators")]
    pub annotator: Option<String>,
    /// Label Studio: write every annotator's annotations into a project of their own in
    /// DIR (DIR/annotator-ID.ron, with PROJECT.ron's labels), for `gloss agree`.
    #[arg(long, value_name = "DIR")]
    pub split_annotators: Option<PathBuf>,
    #[command(flatten)]
    pub csv: CsvArgs,
    /// Read the file's spans and quotes (Label Studio: its `predictions`, with their scores
    /// and `model_version`) as suggestions to review, stored in the project, instead of
    /// annotations. The engine is the model_version, else the file's name.
    #[arg(long, conflicts_with = "split_annotators")]
    pub as_suggestions: bool,
}

/// The format a file's extension names, any case; `None` for anything else (text files, and
/// folders, which are walked for text files and web pages).
fn format_of(path: &Path) -> Option<ImportFormat> {
    if path.is_dir() {
        return None;
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(ImportFormat::Csv),
        "tsv" => Some(ImportFormat::Tsv),
        "html" | "htm" => Some(ImportFormat::Html),
        "spacy" => Some(ImportFormat::Spacy),
        _ => None,
    }
}

/// The format of `paths` when no `--format` is given: csv, tsv, html or spacy when every path
/// is a file with that extension, txt when none is (and for text files and web pages together,
/// which the txt import reads each by its extension). Paths of two of those formats at once are
/// an error asking for `--format`.
pub fn format_by_extension(paths: &[PathBuf]) -> Result<ImportFormat, String> {
    let mut chosen: Option<(ImportFormat, &Path)> = None;
    let mut text = false;
    for path in paths {
        match (format_of(path), chosen) {
            (None, _) => text = true,
            (Some(f), None) => chosen = Some((f, path)),
            (Some(f), Some((g, _))) if f == g => {}
            (Some(f), Some((g, other))) => {
                return Err(format!(
                    "{} is {} but {} is {}: give --format to say how to read them",
                    other.display(),
                    name(g),
                    path.display(),
                    name(f)
                ));
            }
        }
    }
    match chosen {
        None => Ok(ImportFormat::Txt),
        // The txt import reads web pages by their extension too.
        Some((ImportFormat::Html, _)) if text => Ok(ImportFormat::Txt),
        Some((f, first)) if text => Err(format!(
            "{} is {} but other paths are text files or folders: give --format to say how to \
             read them",
            first.display(),
            name(f)
        )),
        Some((f, _)) => Ok(f),
    }
}

fn name(format: ImportFormat) -> String {
    use clap::ValueEnum;
    format
        .to_possible_value()
        .map_or_else(|| format!("{format:?}"), |v| v.get_name().to_string())
}

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
    pub fn options(&self, tsv: bool) -> csv::Options {
        csv::Options {
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
    fn the_extension_chooses_the_format_unless_they_disagree() {
        let f = |names: &[&str]| {
            format_by_extension(&names.iter().map(PathBuf::from).collect::<Vec<_>>())
        };
        assert_eq!(f(&["a.txt", "b"]), Ok(ImportFormat::Txt));
        assert_eq!(f(&["a.csv", "b.CSV"]), Ok(ImportFormat::Csv));
        assert_eq!(f(&["a.tsv"]), Ok(ImportFormat::Tsv));
        assert_eq!(f(&["a.html", "b.htm"]), Ok(ImportFormat::Html));
        assert_eq!(f(&["a.html", "b.txt"]), Ok(ImportFormat::Txt));
        assert_eq!(f(&["news.spacy"]), Ok(ImportFormat::Spacy));
        let mixed = f(&["a.csv", "b.spacy"]).unwrap_err();
        assert!(
            mixed.contains("a.csv is csv but b.spacy is spacy"),
            "{mixed}"
        );
        let mixed = f(&["a.txt", "b.spacy"]).unwrap_err();
        assert!(
            mixed.contains("b.spacy is spacy but other paths"),
            "{mixed}"
        );
    }

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
