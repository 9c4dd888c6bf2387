//! Exports: the chosen documents and labels in another tool's format, to one stream, one file
//! or a folder of one file per document, with what the format could not carry.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::ExportFormat;
use crate::app::jobs::Progress;
use crate::io::file_names::{self, Renamed};
use crate::io::interchange::{self, ExportReport};
use crate::io::{
    IoError, brat, citron, conll, doccano, jsonl, label_studio, prodigy, quotes_csv, spacy,
    write_atomic,
};
use crate::model::{Document, Project, Status};
use crate::text::plural;

/// How many columns a CoNLL export writes.
pub use crate::io::conll::Columns as ConllColumns;
/// Which of doccano's two shapes an export writes.
pub use crate::io::doccano::Shape as DoccanoShape;

/// Which documents and labels an export takes, whether to split it per document, and the
/// options of the formats that have them (ignored by the others).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    pub only_done: bool,
    pub labels: Option<Vec<String>>,
    /// One file per document in the output folder (brat always is).
    pub per_document: bool,
    /// Write quotes (doccano, Label Studio, Prodigy, spaCy, brat). `None`: the format's
    /// default ([`ExportFormat::quotes_by_default`]), except that a `labels` list naming no
    /// quote label (`QUOTE`, `QUOTE-INDIRECT`, `QUOTE-MIXED`) leaves quotes out, and one
    /// naming them but not `CUE` leaves cues out.
    pub quotes: Option<bool>,
    /// Only name mentions, not pronouns or descriptions (doccano, Label Studio, Prodigy).
    pub names_only: bool,
    /// doccano: relations (the default) or labels.
    pub doccano_shape: DoccanoShape,
    /// Label Studio: the `name` of the `<Labels>` tag (default `label`).
    pub ls_from_name: Option<String>,
    /// Label Studio: the `name` of the `<Text>` tag (default `text`).
    pub ls_to_name: Option<String>,
    /// Label Studio: also write the labelling config (XML) for these labels here.
    pub ls_config: Option<PathBuf>,
    /// CoNLL: `TOKEN<TAB>TAG` (the default) or `TOKEN -X- _ TAG`.
    pub conll_columns: ConllColumns,
    /// CoNLL: no `-DOCSTART-` line before each document.
    pub no_docstart: bool,
    /// Label Studio, Prodigy: add the pending suggestions (`app::predictions`).
    pub with_suggestions: bool,
}

impl ExportOptions {
    /// Whether `format` writes quotes with these options.
    pub fn writes_quotes(&self, format: ExportFormat) -> bool {
        self.quotes.unwrap_or_else(|| match &self.labels {
            Some(l) => l
                .iter()
                .any(|n| interchange::quote_kind_of(n.trim()).is_some()),
            None => format.quotes_by_default(),
        })
    }

    /// Whether quotes keep their cues: not when a `labels` list leaves `CUE` out and quotes
    /// were not asked for in so many words.
    pub fn keeps_cues(&self) -> bool {
        self.quotes.is_some()
            || self.labels.as_ref().is_none_or(|l| {
                l.iter()
                    .any(|n| n.trim().eq_ignore_ascii_case(interchange::CUE))
            })
    }

    /// Label Studio's writer options.
    pub fn label_studio(&self) -> label_studio::Options {
        let d = label_studio::Options::default();
        label_studio::Options {
            labels: self.labels.clone(),
            names_only: self.names_only,
            quotes: self.writes_quotes(ExportFormat::LabelStudio),
            from_name: self.ls_from_name.clone().unwrap_or(d.from_name),
            to_name: self.ls_to_name.clone().unwrap_or(d.to_name),
        }
    }
}

/// Where the export dialog writes the labelling config: beside the export, named after it
/// (`news.json` → `news.config.xml`, folder `news-label-studio` → `news-label-studio.config.xml`).
pub fn config_path_beside(out: &Path, folder: bool) -> PathBuf {
    let stem = if folder {
        out.file_name()
    } else {
        out.file_stem()
    };
    let name = format!(
        "{}.config.xml",
        stem.map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "label-studio".into())
    );
    out.with_file_name(name)
}

/// The Label Studio labelling config for `project` exported with `options`.
pub fn label_studio_config(project: &Project, options: &ExportOptions) -> String {
    crate::io::label_studio::config::config(project, &options.label_studio())
}

/// Write the Label Studio labelling config to `options.ls_config`, if asked.
pub fn write_label_studio_config(
    project: &Project,
    options: &ExportOptions,
) -> Result<Option<PathBuf>, IoError> {
    let Some(path) = &options.ls_config else {
        return Ok(None);
    };
    write_atomic(path, label_studio_config(project, options).as_bytes())?;
    Ok(Some(path.clone()))
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
    /// Where the Label Studio labelling config was written, if it was.
    pub config: Option<PathBuf>,
    /// Things worth knowing that lost nothing (a file name the tool will refuse).
    pub notes: Vec<String>,
}

impl Exported {
    pub fn summary(&self, format: ExportFormat, out: &Path) -> String {
        let mut s = format!(
            "exported {} document{} as {} to {}",
            self.documents,
            plural(self.documents),
            format.name(),
            out.display()
        );
        if !self.renamed.is_empty() {
            s.push_str(&format!(
                "; {} file{} renamed: {}",
                self.renamed.len(),
                plural(self.renamed.len()),
                self.renamed[0]
            ));
        }
        for note in &self.notes {
            s.push_str(&format!("; note: {note}"));
        }
        if let Some(config) = &self.config {
            s.push_str(&format!("; labelling config in {}", config.display()));
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
    let chosen_docs = chosen(project, options);
    let without_cues: Vec<Document>;
    let docs: Vec<&Document> = if options.keeps_cues() {
        chosen_docs
    } else {
        without_cues = chosen_docs
            .iter()
            .map(|d| {
                let mut d = (*d).clone();
                for q in &mut d.quotes {
                    q.cue = None;
                }
                d
            })
            .collect();
        without_cues.iter().collect()
    };
    let labels = options.labels.clone();
    let quotes = options.writes_quotes(format);
    let names_only = options.names_only;
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
                shape: options.doccano_shape,
                labels,
                names_only,
                quotes,
            },
            out,
        ),
        ExportFormat::LabelStudio => {
            label_studio::write(project, docs, &options.label_studio(), out)
        }
        ExportFormat::Prodigy => prodigy::write(
            project,
            docs,
            &prodigy::Options {
                labels,
                names_only,
                quotes,
            },
            out,
        ),
        ExportFormat::Spacy => spacy::write(project, docs, &spacy::Options { labels, quotes }, out),
        ExportFormat::Conll => conll::write(
            project,
            docs,
            &conll::Options {
                labels,
                docstart: !options.no_docstart,
                columns: options.conll_columns,
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
/// The Label Studio labelling config too when `options.ls_config` asks for it.
pub fn export(
    format: ExportFormat,
    project: &Project,
    options: &ExportOptions,
    out: &Path,
    progress: Option<&Progress>,
) -> Result<Exported, IoError> {
    if options.with_suggestions {
        // The window's export: the matcher's pending suggestions, stored ones among them.
        let pending = crate::app::predictions::computed(project, None);
        return crate::app::predictions::export_with(format, project, options, out, &pending);
    }
    let mut exported = export_documents(format, project, options, out, progress)?;
    exported.config = write_label_studio_config(project, options)?;
    if format == ExportFormat::LabelStudio
        && !exported.files.is_empty()
        && !(options.per_document || format.always_per_document())
        && out.extension().and_then(|e| e.to_str()) != Some(format.extension())
    {
        exported.notes.push(format!(
            "Label Studio imports only files named .json; rename {} to end in .json",
            out.display()
        ));
    }
    Ok(exported)
}

fn export_documents(
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
        let export = brat::export::export(
            project,
            &docs,
            &brat::export::Options {
                labels: options.labels.clone(),
                quotes: options.writes_quotes(format),
            },
        );
        brat::export::write_export(&export, out)?;
        if let Some(p) = progress {
            p.set_done(docs.len());
        }
        return Ok(Exported {
            documents: export.report.documents,
            files: vec![out.to_path_buf()],
            left_out: export.report.left_out,
            renamed: export.renamed,
            config: None,
            notes: Vec::new(),
        });
    }
    // Citron reads a folder of one-document files, so `-o DIR/` (or an existing folder) is one.
    let to_folder = format == ExportFormat::Citron
        && (out.is_dir() || out.as_os_str().to_string_lossy().ends_with(['/', '\\']));
    if (options.per_document || to_folder) && format.can_split() {
        let one_each = ExportOptions {
            per_document: false,
            ..options.clone()
        };
        let mut single = project_without_documents(project);
        let written = file_names::write_each_while(
            docs.iter().copied(),
            out,
            format.extension(),
            || !progress.is_some_and(Progress::is_cancelled),
            |doc, bytes| {
                single.documents = vec![doc.clone()];
                let report = export_to(format, &single, &one_each, bytes)?;
                if let Some(p) = progress {
                    p.tick();
                }
                Ok(report)
            },
        )?;
        return Ok(Exported {
            documents: written.files.len(),
            files: written.files,
            left_out: written.report.left_out,
            renamed: written.renamed,
            ..Exported::default()
        });
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
        config: None,
        notes: Vec::new(),
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
        schemes: p.schemes.clone(),
        attributes: p.attributes.clone(),
    }
}
