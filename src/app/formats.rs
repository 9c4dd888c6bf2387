//! Every import and export format behind one face, for the CLI and the window alike.
//!
//! An import reads files into documents, labels and entities (all or nothing: a malformed file
//! fails the whole batch with every error named by file and line) and becomes one command, so
//! it is one undo step in the window. An export writes the chosen documents — all, or only those
//! marked done; all labels, or a chosen few — to one file, or one file per document, and lists
//! what the format could not carry.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::command::Command;
use super::jobs::Progress;
use crate::io::file_names::{self, Renamed};
use crate::io::interchange::{self, ExportReport};
use crate::io::{
    IoError, brat, brat_export, citron, conll, doccano, jsonl, jsonl_import, label_studio, prodigy,
    quotes_csv, spacy, text_import, write_atomic,
};
use crate::model::{Document, Entity, LabelDef, Project, Status};

/// Formats Gloss reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    Txt,
    Jsonl,
    Brat,
    Doccano,
    Conll,
    LabelStudio,
    Prodigy,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 7] = [
        ImportFormat::Txt,
        ImportFormat::Jsonl,
        ImportFormat::Brat,
        ImportFormat::Doccano,
        ImportFormat::Conll,
        ImportFormat::LabelStudio,
        ImportFormat::Prodigy,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Txt => "txt",
            ImportFormat::Jsonl => "jsonl",
            ImportFormat::Brat => "brat",
            ImportFormat::Doccano => "doccano",
            ImportFormat::Conll => "conll",
            ImportFormat::LabelStudio => "label-studio",
            ImportFormat::Prodigy => "prodigy",
        }
    }

    /// What the menu says.
    pub fn title(self) -> &'static str {
        match self {
            ImportFormat::Txt => "Plain text files",
            ImportFormat::Jsonl => "Gloss JSONL",
            ImportFormat::Brat => "brat standoff (.txt + .ann)",
            ImportFormat::Doccano => "doccano JSONL",
            ImportFormat::Conll => "CoNLL (IOB1, IOB2, BIOES)",
            ImportFormat::LabelStudio => "Label Studio JSON",
            ImportFormat::Prodigy => "Prodigy JSONL",
        }
    }

    /// File extensions the file dialog offers.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ImportFormat::Txt => &["txt"],
            ImportFormat::Jsonl | ImportFormat::Doccano | ImportFormat::Prodigy => {
                &["jsonl", "json"]
            }
            ImportFormat::Brat => &["ann", "txt"],
            ImportFormat::Conll => &["conll", "iob", "bio", "txt", "tsv"],
            ImportFormat::LabelStudio => &["json"],
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
            ExportFormat::Jsonl
            | ExportFormat::Doccano
            | ExportFormat::Prodigy
            | ExportFormat::Citron => "jsonl",
            ExportFormat::Spacy => "spacy",
            ExportFormat::Conll => "conll",
            ExportFormat::Brat => "",
            ExportFormat::LabelStudio => "json",
            ExportFormat::QuotesCsv => "csv",
        }
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
            ExportFormat::Jsonl
            | ExportFormat::Doccano
            | ExportFormat::Prodigy
            | ExportFormat::Citron => &["jsonl"],
            ExportFormat::Spacy => &["spacy"],
            ExportFormat::Conll => &["conll"],
            ExportFormat::LabelStudio => &["json"],
            ExportFormat::QuotesCsv => &["csv"],
        }
    }

    /// Text formats that can go to standard output.
    pub fn to_stdout_ok(self) -> bool {
        !matches!(self, ExportFormat::Spacy | ExportFormat::Brat)
    }
}

/// What an import brings, ready to apply.
#[derive(Debug, Default)]
pub struct Imported {
    /// One step that adds labels, entities and documents (`None`: nothing to add).
    pub command: Option<Command>,
    pub documents: usize,
    pub spans: usize,
    pub quotes: usize,
    /// What was read but could not be held, one line each (file and line named).
    pub skipped: Vec<String>,
    /// Things worth knowing that lost nothing.
    pub notices: Vec<String>,
}

impl Imported {
    /// One line: "added 3 documents (12 spans, 4 quotes); 1 skipped".
    pub fn summary(&self) -> String {
        let mut s = format!(
            "added {} document{} ({} spans, {} quotes)",
            self.documents,
            if self.documents == 1 { "" } else { "s" },
            self.spans,
            self.quotes
        );
        if !self.skipped.is_empty() {
            s.push_str(&format!(
                "; {} skipped: {}",
                self.skipped.len(),
                self.skipped[0]
            ));
        }
        s
    }
}

/// Labels, then entities, then documents, as one command.
pub fn import_command<'a>(
    project: &Project,
    name: String,
    labels: &[LabelDef],
    new_entities: &[Entity],
    updated_entities: &[Entity],
    documents: impl IntoIterator<Item = &'a Document>,
) -> Option<Command> {
    let at = project.labels.labels.len();
    let mut commands: Vec<Command> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| Command::AddLabel {
            index: at + i,
            label: label.clone(),
        })
        .collect();
    commands.extend(
        new_entities
            .iter()
            .map(|e| Command::AddEntity { entity: e.clone() }),
    );
    commands.extend(
        updated_entities
            .iter()
            .map(|e| Command::UpdateEntity { entity: e.clone() }),
    );
    commands.extend(documents.into_iter().map(|d| Command::AddDocument {
        document: Box::new(d.clone()),
    }));
    (!commands.is_empty()).then_some(Command::Batch { name, commands })
}

fn counts<'a>(docs: impl IntoIterator<Item = &'a Document>) -> (usize, usize, usize) {
    docs.into_iter().fold((0, 0, 0), |(d, s, q), doc| {
        (d + 1, s + doc.spans.len(), q + doc.quotes.len())
    })
}

/// Read `paths` in `format` against `project`. `Err` lists every error; nothing is imported.
pub fn import(
    format: ImportFormat,
    paths: &[PathBuf],
    project: &Project,
) -> Result<Imported, Vec<IoError>> {
    let name = |n: usize| {
        format!(
            "import {n} {} document{}",
            format.name(),
            if n == 1 { "" } else { "s" }
        )
    };
    match format {
        ImportFormat::Txt => {
            let batch = text_import::read_paths(paths);
            let n = batch.files.len();
            Ok(Imported {
                command: super::gestures::add_documents(project, &batch.files),
                documents: n,
                spans: 0,
                quotes: 0,
                skipped: batch.skipped.iter().map(ToString::to_string).collect(),
                notices: batch
                    .files
                    .iter()
                    .filter_map(|f| {
                        f.note
                            .as_ref()
                            .map(|n| format!("{}: {n}", f.path.display()))
                    })
                    .collect(),
            })
        }
        ImportFormat::Brat => {
            let i = brat::read_paths(paths, project).map_err(|r| r.errors)?;
            let docs: Vec<&Document> = i.documents.iter().map(|d| &d.document).collect();
            let (d, s, q) = counts(docs.iter().copied());
            Ok(Imported {
                command: import_command(
                    project,
                    name(d),
                    &i.labels,
                    &i.new_entities,
                    &i.updated_entities,
                    docs,
                ),
                documents: d,
                spans: s,
                quotes: q,
                skipped: i.skipped.iter().map(ToString::to_string).collect(),
                notices: i.notices,
            })
        }
        _ => {
            let i = match format {
                ImportFormat::Jsonl => jsonl_import::read_paths(paths, project),
                ImportFormat::Doccano => doccano::read_paths(paths, project),
                ImportFormat::LabelStudio => label_studio::read_paths(paths, project),
                ImportFormat::Prodigy => prodigy::read_paths(paths, project),
                _ => conll::read_paths(paths, project, conll::Scheme::Auto),
            }
            .map_err(|r: interchange::Rejected| r.errors)?;
            let (d, s, q) = counts(&i.documents);
            Ok(Imported {
                command: import_command(
                    project,
                    name(d),
                    &i.labels,
                    &i.new_entities,
                    &i.updated_entities,
                    &i.documents,
                ),
                documents: d,
                spans: s,
                quotes: q,
                skipped: i.skipped.iter().map(ToString::to_string).collect(),
                notices: i.notices,
            })
        }
    }
}

/// Which documents and labels an export takes, and whether to split it per document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    pub only_done: bool,
    pub labels: Option<Vec<String>>,
    /// One file per document in the output folder (brat always is).
    pub per_document: bool,
}

/// What an export wrote.
#[derive(Debug, Default)]
pub struct Exported {
    pub documents: usize,
    pub files: Vec<PathBuf>,
    /// What the format could not carry, one line each.
    pub left_out: Vec<String>,
    /// Documents written to a file whose name is not theirs (to be safe, short enough or
    /// unique): nothing of them is left out.
    pub renamed: Vec<Renamed>,
}

impl Exported {
    pub fn summary(&self, format: ExportFormat, out: &Path) -> String {
        let mut s = format!(
            "exported {} document{} as {} to {}",
            self.documents,
            if self.documents == 1 { "" } else { "s" },
            format.name(),
            out.display()
        );
        if !self.renamed.is_empty() {
            s.push_str(&format!(
                "; {} file{} renamed: {}",
                self.renamed.len(),
                if self.renamed.len() == 1 { "" } else { "s" },
                self.renamed[0]
            ));
        }
        if !self.left_out.is_empty() {
            s.push_str(&format!(
                "; {} left out: {}",
                self.left_out.len(),
                self.left_out[0]
            ));
        }
        s
    }
}

/// The documents an export takes.
pub fn chosen<'a>(project: &'a Project, options: &ExportOptions) -> Vec<&'a Document> {
    project
        .documents
        .iter()
        .filter(|d| !options.only_done || d.status == Status::Done)
        .collect()
}

/// Write the chosen documents in `format` to one stream (for standard output).
pub fn export_to(
    format: ExportFormat,
    project: &Project,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<ExportReport> {
    let docs = chosen(project, options);
    let labels = options.labels.clone();
    let n = docs.len();
    let plain = |r: std::io::Result<()>| {
        r.map(|()| ExportReport {
            documents: n,
            ..ExportReport::default()
        })
    };
    match format {
        ExportFormat::Jsonl => plain(jsonl::write(project, filtered(&docs, &labels).iter(), out)),
        ExportFormat::QuotesCsv => plain(quotes_csv::write(project, docs, out)),
        ExportFormat::Doccano => doccano::write(
            project,
            docs,
            &doccano::Options {
                labels,
                ..Default::default()
            },
            out,
        ),
        ExportFormat::LabelStudio => label_studio::write(
            project,
            docs,
            &label_studio::Options {
                labels,
                ..Default::default()
            },
            out,
        ),
        ExportFormat::Prodigy => prodigy::write(
            project,
            docs,
            &prodigy::Options {
                labels,
                ..Default::default()
            },
            out,
        ),
        ExportFormat::Spacy => spacy::write(
            project,
            docs,
            &spacy::Options {
                labels,
                ..Default::default()
            },
            out,
        ),
        ExportFormat::Conll => conll::write(
            project,
            docs,
            &conll::Options {
                labels,
                ..Default::default()
            },
            out,
        ),
        ExportFormat::Citron => citron::write(
            project,
            docs,
            &citron::Options {
                labels,
                ..Default::default()
            },
            out,
        ),
        ExportFormat::Brat => Err(std::io::Error::other(
            "brat is written as a folder of files, not to one stream",
        )),
    }
}

/// Documents with only the chosen labels' spans (for formats without a label option).
fn filtered(docs: &[&Document], labels: &Option<Vec<String>>) -> Vec<Document> {
    docs.iter()
        .map(|d| {
            let mut d = (*d).clone();
            if let Some(keep) = labels {
                let kept: std::collections::HashSet<_> = d
                    .spans
                    .iter()
                    .filter(|s| keep.iter().any(|k| *k == s.label))
                    .map(|s| s.id)
                    .collect();
                d.spans.retain(|s| kept.contains(&s.id));
                for q in &mut d.quotes {
                    if q.speaker.is_some_and(|s| !kept.contains(&s)) {
                        q.speaker = None;
                    }
                }
            }
            d
        })
        .collect()
}

/// Write the chosen documents in `format` to `out`: a file (replaced atomically), or a folder
/// with one file per document when asked (and always for brat). Progress counts documents.
pub fn export(
    format: ExportFormat,
    project: &Project,
    options: &ExportOptions,
    out: &Path,
    progress: Option<&Progress>,
) -> Result<Exported, IoError> {
    let docs = chosen(project, options);
    if let Some(p) = progress {
        p.set_total(docs.len());
    }
    let write_err = |source| IoError::Write {
        path: out.to_path_buf(),
        source,
    };
    if format.always_per_document() {
        std::fs::create_dir_all(out).map_err(write_err)?;
        let export = brat_export::export(
            project,
            &docs,
            &brat_export::Options {
                labels: options.labels.clone(),
                ..Default::default()
            },
        );
        brat_export::write_export(&export, out)?;
        if let Some(p) = progress {
            p.set_done(docs.len());
        }
        return Ok(Exported {
            documents: export.report.documents,
            files: vec![out.to_path_buf()],
            left_out: export.report.left_out,
            renamed: export.renamed,
        });
    }
    if options.per_document && format.can_split() {
        std::fs::create_dir_all(out).map_err(write_err)?;
        let names = file_names::file_stems(
            docs.iter().map(|d| d.name.as_str()),
            format.folder_extensions(),
        );
        let stems = names.stems;
        let mut exported = Exported {
            renamed: names.renamed,
            ..Exported::default()
        };
        let mut single = project_without_documents(project);
        for (doc, stem) in docs.iter().zip(&stems) {
            if progress.is_some_and(Progress::is_cancelled) {
                break;
            }
            single.documents = vec![(*doc).clone()];
            let mut bytes = Vec::new();
            let report = export_to(
                format,
                &single,
                &ExportOptions {
                    per_document: false,
                    ..options.clone()
                },
                &mut bytes,
            )
            .map_err(write_err)?;
            let path = out.join(file_names::file_name(stem, format.extension()));
            write_atomic(&path, &bytes)?;
            exported.documents += 1;
            exported.files.push(path);
            exported.left_out.extend(report.left_out);
            if let Some(p) = progress {
                p.tick();
            }
        }
        return Ok(exported);
    }
    let mut bytes = Vec::new();
    let report = export_to(format, project, options, &mut bytes).map_err(write_err)?;
    write_atomic(out, &bytes)?;
    if let Some(p) = progress {
        p.set_done(docs.len());
    }
    Ok(Exported {
        documents: docs.len(),
        files: vec![out.to_path_buf()],
        left_out: report.left_out,
        renamed: Vec::new(),
    })
}

/// The project's labels, entities and settings without its documents (for per-document files).
fn project_without_documents(p: &Project) -> Project {
    Project {
        schema: p.schema,
        name: p.name.clone(),
        labels: p.labels.clone(),
        matcher: p.matcher.clone(),
        entities: p.entities.clone(),
        documents: Vec::new(),
        verdicts: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, DocId, Quote, QuoteId, QuoteKind, Span, SpanId};

    fn project(names: &[&str]) -> Project {
        let mut p = Project::new("p");
        for (i, name) in names.iter().enumerate() {
            let text = format!("Ana Ruiz said “we go” on day {i}.");
            let mut d = Document::new(DocId(i as u64 + 1), *name, text);
            d.insert_span(Span::new(SpanId(1), CharRange::new(0, 8), "PERSON"));
            d.insert_quote(Quote {
                id: QuoteId(1),
                content: vec![CharRange::new(15, 20)],
                speaker: Some(SpanId(1)),
                cue: Some(CharRange::new(9, 13)),
                kind: QuoteKind::Direct,
                origin: Default::default(),
            });
            p.insert_document(d);
        }
        p
    }

    fn per_document() -> ExportOptions {
        ExportOptions {
            per_document: true,
            ..ExportOptions::default()
        }
    }

    #[test]
    fn every_format_splits_per_document_jsonl_and_quotes_csv_too() {
        let p = project(&["north", "south"]);
        for format in [ExportFormat::Jsonl, ExportFormat::QuotesCsv] {
            assert!(format.can_split());
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path().join("out");
            let e = export(format, &p, &per_document(), &out, None).unwrap();
            assert_eq!(e.documents, 2);
            assert!(out.is_dir(), "{}", format.name());
            let ext = format.extension();
            for name in ["north", "south"] {
                let text = std::fs::read_to_string(out.join(format!("{name}.{ext}"))).unwrap();
                assert!(text.contains(name), "{text}");
                let other = if name == "north" { "south" } else { "north" };
                assert!(!text.contains(other), "one document per file: {text}");
            }
        }
    }

    #[test]
    fn renamed_files_are_renamed_not_left_out() {
        let p = project(&["a/b", "A_b", "東".repeat(100).as_str()]);
        for format in ExportFormat::ALL {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path().join("out");
            let e = export(format, &p, &per_document(), &out, None).unwrap();
            assert_eq!(e.renamed.len(), 3, "{}: {:?}", format.name(), e.renamed);
            assert!(
                e.left_out
                    .iter()
                    .all(|l| !l.contains("written as") && !l.contains("file name")),
                "{}: {:?}",
                format.name(),
                e.left_out
            );
            assert_eq!(e.renamed[0].document, "a/b");
            let summary = e.summary(format, &out);
            assert!(
                summary.contains("3 files renamed: \"a/b\" → a_b"),
                "{summary}"
            );
            for f in std::fs::read_dir(&out).unwrap() {
                assert!(f.unwrap().file_name().len() <= 255);
            }
        }
    }

    #[test]
    fn folder_extensions_are_the_files_extensions() {
        for format in ExportFormat::ALL {
            if !format.always_per_document() {
                assert_eq!(format.folder_extensions(), [format.extension()]);
            }
        }
    }
}
