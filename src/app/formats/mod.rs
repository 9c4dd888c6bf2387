//! Every import and export format behind one face, for the CLI and the window alike.
//!
//! An import reads files into documents, labels and entities (all or nothing: a malformed file
//! fails the whole batch with every error named by file and line) and becomes one command, so
//! it is one undo step in the window. An export writes the chosen documents — all, or only those
//! marked done; all labels, or a chosen few — to one file, or one file per document, and lists
//! what the format could not carry.

//!
//! `import.rs` reads (one command per import, the duplicate rule for text files), `export.rs`
//! writes; this file names the formats.

mod export;
mod import;

pub use export::{
    ConllColumns, DoccanoShape, ExportOptions, Exported, chosen, config_path_beside, export,
    export_to, label_studio_config, write_label_studio_config,
};
pub use import::{
    Already, BratCounts, ImportOptions, Imported, brat_command, count_inputs, import,
    import_command, import_with, import_with_progress,
};

/// Who annotated a Label Studio export (`completed_by`), for `--annotator` and
/// `--split-annotators`.
pub use crate::io::annotator::{Annotator, annotators_in};

/// The CSV and TSV reader's side the import dialog and the CLI's flags need before an import:
/// the files a selection holds, a preview of their first rows, the options and the metadata keys
/// the other columns become.
pub mod csv {
    pub use crate::io::csv_import::{Options, Preview, files, meta_key, preview};
}

/// Formats Gloss reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    Txt,
    /// Saved web pages: the article text and its metadata (see `io::html_import`).
    Html,
    /// One document per row of a CSV or TSV file (see `io::csv_import`).
    Csv,
    Jsonl,
    Brat,
    Doccano,
    Conll,
    LabelStudio,
    Prodigy,
    /// spaCy DocBin: `doc.ents`, `doc.spans` groups, `doc.cats` (see `io::spacy::import`).
    Spacy,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 10] = [
        ImportFormat::Txt,
        ImportFormat::Html,
        ImportFormat::Csv,
        ImportFormat::Jsonl,
        ImportFormat::Brat,
        ImportFormat::Doccano,
        ImportFormat::Conll,
        ImportFormat::LabelStudio,
        ImportFormat::Prodigy,
        ImportFormat::Spacy,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Txt => "txt",
            ImportFormat::Html => "html",
            ImportFormat::Csv => "csv",
            ImportFormat::Jsonl => "jsonl",
            ImportFormat::Brat => "brat",
            ImportFormat::Doccano => "doccano",
            ImportFormat::Conll => "conll",
            ImportFormat::LabelStudio => "label-studio",
            ImportFormat::Prodigy => "prodigy",
            ImportFormat::Spacy => "spacy",
        }
    }

    /// What the menu says.
    pub fn title(self) -> &'static str {
        match self {
            ImportFormat::Txt => "Plain text files",
            ImportFormat::Html => "Saved web pages (HTML)",
            ImportFormat::Csv => "CSV / TSV (one article per row)",
            ImportFormat::Jsonl => "Gloss JSONL",
            ImportFormat::Brat => "brat standoff (.txt + .ann)",
            ImportFormat::Doccano => "doccano JSONL",
            ImportFormat::Conll => "CoNLL (IOB1, IOB2, BIOES)",
            ImportFormat::LabelStudio => "Label Studio JSON",
            ImportFormat::Prodigy => "Prodigy JSONL",
            ImportFormat::Spacy => "spaCy DocBin (.spacy)",
        }
    }

    /// File extensions the file dialog offers.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ImportFormat::Txt => &["txt", "html", "htm"],
            ImportFormat::Html => &["html", "htm"],
            ImportFormat::Csv => &["csv", "tsv"],
            ImportFormat::Jsonl | ImportFormat::Doccano | ImportFormat::Prodigy => {
                &["jsonl", "json"]
            }
            ImportFormat::Brat => &["ann", "txt"],
            ImportFormat::Conll => &["conll", "iob", "bio", "txt", "tsv"],
            ImportFormat::LabelStudio => &["json"],
            ImportFormat::Spacy => &["spacy"],
        }
    }
}

/// Formats Gloss writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Jsonl,
    Doccano,
    Spacy,
    Conll,
    Brat,
    LabelStudio,
    Prodigy,
    QuotesCsv,
    Citron,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 9] = [
        ExportFormat::Jsonl,
        ExportFormat::Doccano,
        ExportFormat::Spacy,
        ExportFormat::Conll,
        ExportFormat::Brat,
        ExportFormat::LabelStudio,
        ExportFormat::Prodigy,
        ExportFormat::QuotesCsv,
        ExportFormat::Citron,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Doccano => "doccano",
            ExportFormat::Spacy => "spacy",
            ExportFormat::Conll => "conll",
            ExportFormat::Brat => "brat",
            ExportFormat::LabelStudio => "label-studio",
            ExportFormat::Prodigy => "prodigy",
            ExportFormat::QuotesCsv => "quotes-csv",
            ExportFormat::Citron => "citron",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "Gloss JSONL",
            ExportFormat::Doccano => "doccano JSONL (spans and relations)",
            ExportFormat::Spacy => "spaCy DocBin (.spacy)",
            ExportFormat::Conll => "CoNLL IOB2",
            ExportFormat::Brat => "brat standoff (a folder)",
            ExportFormat::LabelStudio => "Label Studio JSON",
            ExportFormat::Prodigy => "Prodigy JSONL",
            ExportFormat::QuotesCsv => "Quotes CSV",
            ExportFormat::Citron => "Citron JSON (quotes)",
        }
    }

    /// The extension of one output file.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Jsonl | ExportFormat::Doccano | ExportFormat::Prodigy => "jsonl",
            ExportFormat::Spacy => "spacy",
            ExportFormat::Conll => "conll",
            ExportFormat::Brat => "",
            ExportFormat::LabelStudio | ExportFormat::Citron => "json",
            ExportFormat::QuotesCsv => "csv",
        }
    }

    /// Whether quotes are written unless asked otherwise: Prodigy's `ner_manual` has no
    /// place for them, every other format that can carry them does.
    pub fn quotes_by_default(self) -> bool {
        self != ExportFormat::Prodigy
    }

    /// brat is always a folder of files, one pair per document.
    pub fn always_per_document(self) -> bool {
        self == ExportFormat::Brat
    }

    /// Formats that can write one file per document into a folder: all of them.
    pub fn can_split(self) -> bool {
        true
    }

    /// The extensions one document's files get in a folder export.
    pub fn folder_extensions(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Brat => &["txt", "ann"],
            ExportFormat::Jsonl | ExportFormat::Doccano | ExportFormat::Prodigy => &["jsonl"],
            ExportFormat::Spacy => &["spacy"],
            ExportFormat::Conll => &["conll"],
            ExportFormat::LabelStudio | ExportFormat::Citron => &["json"],
            ExportFormat::QuotesCsv => &["csv"],
        }
    }

    /// Text formats that can go to standard output.
    pub fn to_stdout_ok(self) -> bool {
        !matches!(self, ExportFormat::Spacy | ExportFormat::Brat)
    }
}

#[cfg(test)]
mod tests;
