//! Imports: files in any format Gloss reads become one command (one undo step), with what
//! was skipped and what is worth knowing; a text file already in the project is not added again.

use std::collections::HashSet;
use std::path::PathBuf;

use super::ImportFormat;
use crate::app::command::Command;
use crate::app::jobs::Progress;
use crate::io::{
    IoError, brat, conll, csv_import, doccano, interchange, jsonl, label_studio, prodigy, spacy,
    text_import,
};
use crate::model::{AttributeDef, CategoryScheme, Document, Entity, LabelDef, Project};
use crate::text::plural;

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
    /// Text files whose name and text the project already holds: the same article imported
    /// again, so not added again (text and HTML imports only).
    pub already: Vec<Already>,
    /// A brat import's counts of names, mentions, quotes and entities.
    pub brat: Option<BratCounts>,
}

/// A text file not added because the project already has a document of the same name and
/// text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Already {
    pub path: PathBuf,
    /// The document that holds it.
    pub name: String,
}

/// What a brat import holds, counted for its summary.
pub use crate::io::brat::Counts as BratCounts;

impl Imported {
    /// One line: "added 3 documents (12 spans, 4 quotes); 1 skipped: …", or for text files
    /// "added 2 documents; 1 already in the project, not added again: tram.txt (as \"tram\")".
    pub fn summary(&self) -> String {
        let mut s = format!(
            "added {} document{}",
            self.documents,
            plural(self.documents),
        );
        // Plain text brings no annotations: "(0 spans, 0 quotes)" would only be noise.
        if self.spans > 0 || self.quotes > 0 || self.brat.is_some() {
            s.push_str(&format!(" ({} spans, {} quotes)", self.spans, self.quotes));
        }
        if let Some(first) = self.already.first() {
            let file = first.path.file_name().unwrap_or(first.path.as_os_str());
            s.push_str(&format!(
                "; {} already in the project, not added again: {} (as {:?}){}",
                self.already.len(),
                file.to_string_lossy(),
                first.name,
                if self.already.len() > 1 { " …" } else { "" }
            ));
        }
        if !self.skipped.is_empty() {
            s.push_str(&format!(
                "; {} skipped: {}",
                self.skipped.len(),
                self.skipped[0]
            ));
        }
        s
    }

    /// Nothing was found to import: no document read (nor one already there), nothing
    /// skipped and nothing to report.
    pub fn found_nothing(&self) -> bool {
        self.documents == 0
            && self.already.is_empty()
            && self.skipped.is_empty()
            && self.notices.is_empty()
    }
}

/// Labels, category schemes and attributes, then entities, then documents, as one command.
/// `codes` are definitions to add, or to update where the project has one of the same name.
pub fn import_command<'a>(
    project: &Project,
    name: String,
    labels: &[LabelDef],
    codes: (&[CategoryScheme], &[AttributeDef]),
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
    let (schemes, attributes) = codes;
    commands.extend(schemes.iter().map(|s| match project.scheme(&s.name) {
        Some(_) => Command::UpdateScheme { scheme: s.clone() },
        None => Command::AddScheme {
            index: usize::MAX,
            scheme: s.clone(),
        },
    }));
    commands.extend(
        attributes
            .iter()
            .map(|a| match project.attribute(a.target, &a.name) {
                Some(_) => Command::UpdateAttribute {
                    attribute: a.clone(),
                },
                None => Command::AddAttribute {
                    index: usize::MAX,
                    attribute: a.clone(),
                },
            }),
    );
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

/// Options of an import that only some formats have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Label Studio: whose annotation of each task is read (the first, or one annotator's).
    pub annotator: crate::io::annotator::Annotator,
    /// CSV / TSV: the text and name columns and the separator.
    pub csv: crate::io::csv_import::Options,
}

/// Read `paths` in `format` against `project`. `Err` lists every error; nothing is imported.
pub fn import(
    format: ImportFormat,
    paths: &[PathBuf],
    project: &Project,
) -> Result<Imported, Vec<IoError>> {
    import_with(format, paths, project, &ImportOptions::default())
}

/// [`import`] with the options of particular formats.
pub fn import_with(
    format: ImportFormat,
    paths: &[PathBuf],
    project: &Project,
    options: &ImportOptions,
) -> Result<Imported, Vec<IoError>> {
    import_with_progress(format, paths, project, options, None)
}

/// Tell `progress` how far a CSV import has read (bytes of the files' size, and rows); false
/// once the user has cancelled.
fn report_reading(progress: Option<&Progress>, r: csv_import::Reading) -> bool {
    let Some(p) = progress else { return true };
    p.count_bytes();
    p.set_total(usize::try_from(r.total).unwrap_or(usize::MAX));
    p.set_done(usize::try_from(r.bytes).unwrap_or(usize::MAX));
    p.set_stage(format!("{} rows read", r.rows));
    !p.is_cancelled()
}

/// [`import_with`], reporting to `progress` as it reads (CSV: bytes and rows) and stopping
/// when it is cancelled, with nothing imported (an `Err` saying so).
pub fn import_with_progress(
    format: ImportFormat,
    paths: &[PathBuf],
    project: &Project,
    options: &ImportOptions,
    progress: Option<&Progress>,
) -> Result<Imported, Vec<IoError>> {
    let name = |n: usize| format!("import {n} {} document{}", format.name(), plural(n));
    match format {
        ImportFormat::Txt | ImportFormat::Html => import_text(format, paths, project, progress),
        ImportFormat::Brat => {
            let i = brat::read_paths(paths, project).map_err(|r| r.errors)?;
            let counts = i.counts();
            Ok(Imported {
                command: brat_command(project, &i),
                documents: counts.documents,
                spans: i.documents.iter().map(|d| d.document.spans.len()).sum(),
                quotes: counts.quotes,
                skipped: i.skipped.iter().map(ToString::to_string).collect(),
                notices: i.notices,
                already: Vec::new(),
                brat: Some(counts),
            })
        }
        _ => {
            let i = match format {
                ImportFormat::Jsonl => jsonl::read_paths(paths, project),
                ImportFormat::Doccano => doccano::read_paths(paths, project),
                ImportFormat::LabelStudio => {
                    label_studio::read_paths_by(paths, project, &options.annotator)
                }
                ImportFormat::Prodigy => prodigy::read_paths(paths, project),
                ImportFormat::Spacy => spacy::read_paths(paths, project),
                ImportFormat::Csv => {
                    csv_import::read_paths_with(paths, project, &options.csv, |r| {
                        report_reading(progress, r)
                    })
                }
                _ => conll::read_paths(paths, project, conll::Scheme::Auto),
            }
            .map_err(|r: interchange::Rejected| r.errors)?;
            let (d, s, q) = counts(&i.documents);
            Ok(Imported {
                command: import_command(
                    project,
                    name(d),
                    &i.labels,
                    (&i.schemes, &i.attributes),
                    &i.new_entities,
                    &i.updated_entities,
                    &i.documents,
                ),
                documents: d,
                spans: s,
                quotes: q,
                skipped: i.skipped.iter().map(ToString::to_string).collect(),
                notices: i.notices,
                ..Imported::default()
            })
        }
    }
}

/// The text files `paths` name, as an import in `format` reads them (folders walked for
/// `.txt` and web pages); for the other formats, the paths as given. Cheap: nothing is read,
/// so the window can choose between reading at once and a job with a progress bar.
pub fn count_inputs(format: ImportFormat, paths: &[PathBuf]) -> usize {
    match format {
        ImportFormat::Txt | ImportFormat::Html => {
            text_import::collect_as(paths, text_kind(format)).0.len()
        }
        _ => paths.len(),
    }
}

fn text_kind(format: ImportFormat) -> text_import::Kind {
    if format == ImportFormat::Html {
        text_import::Kind::Html
    } else {
        text_import::Kind::Auto
    }
}

/// Text files and web pages as new documents, reporting files read to `progress`. A file
/// whose name and text the project (or an earlier file of the batch) already holds is the
/// same article imported again: it is listed in `already`, not added twice.
fn import_text(
    format: ImportFormat,
    paths: &[PathBuf],
    project: &Project,
    progress: Option<&Progress>,
) -> Result<Imported, Vec<IoError>> {
    let read = text_import::read_paths_with_as(paths, text_kind(format), |done, total| {
        let Some(p) = progress else { return true };
        p.set_total(total);
        p.set_done(done);
        !p.is_cancelled()
    });
    let Some(batch) = read else {
        return Err(vec![IoError::Other {
            path: paths.first().cloned().unwrap_or_default(),
            message: "import cancelled; nothing was imported".into(),
        }]);
    };
    let mut seen: HashSet<(&str, &str)> = project
        .documents
        .iter()
        .map(|d| (d.name.as_str(), &*d.text))
        .collect();
    let mut fresh = Vec::new();
    let mut already = Vec::new();
    for f in &batch.files {
        if seen.insert((&f.name, &f.text)) {
            fresh.push(f.clone());
        } else {
            already.push(Already {
                path: f.path.clone(),
                name: f.name.clone(),
            });
        }
    }
    Ok(Imported {
        command: crate::app::gestures::add_documents(project, &fresh),
        documents: fresh.len(),
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
        already,
        ..Imported::default()
    })
}

/// The command that adds a brat import to `project` as one step: new labels, new entities,
/// existing entities with their new aliases, then the documents. `None` if it adds nothing.
pub fn brat_command(project: &Project, import: &brat::BratImport) -> Option<Command> {
    let n = import.documents.len();
    import_command(
        project,
        format!("import {n} brat document{}", plural(n)),
        &import.labels,
        (&import.schemes, &import.attributes),
        &import.new_entities,
        &import.updated_entities,
        import.documents.iter().map(|d| &d.document),
    )
}
