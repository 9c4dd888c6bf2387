//! Outside models' predictions as suggestions, both ways.
//!
//! In: `import --as-suggestions` reads a file of another tool's format (Label Studio's
//! `predictions`, or the spans and quotes of a JSONL, doccano, Prodigy, spaCy, CoNLL or brat
//! file) and stores what it says as predictions on the project's documents — the document of
//! the same text (and name, when several share it), or a new one — in one undoable command. The
//! engine is the Label Studio `model_version`, else the file's (or folder's) name; importing a
//! model's output again replaces that model's earlier predictions. The matcher shows them
//! beside its own suggestions (see `matcher::engines`), reviewed and remembered the same way.
//!
//! Out: an export "with suggestions" adds the pending ones (the matcher's, stored ones among
//! them, less what is annotated or rejected) to Label Studio tasks as `predictions` and to
//! Prodigy tasks as spans (`io::predictions`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::command::Command;
use super::formats::{self, ExportFormat, ExportOptions, Exported, ImportFormat, ImportOptions};
use super::learning::Learnt;
use super::review;
use crate::io::interchange::{Import, Rejected};
use crate::io::predictions::{self as pio, DEFAULT_SCORE};
use crate::io::{IoError, brat, conll, doccano, files, jsonl, prodigy, spacy};
use crate::matcher::engines;
use crate::model::{
    DocId, Document, LabelDef, Origin, Predicted, Prediction, Project, Suggestion, Symbol,
};
use crate::text::plural;

/// What an import of predictions brings, ready to apply.
#[derive(Debug, Default)]
pub struct ImportedSuggestions {
    /// One step: new labels, new documents, the documents' predictions.
    pub command: Option<Command>,
    pub suggestions: usize,
    /// Documents of the project that received predictions, and documents added for texts the
    /// project did not have.
    pub matched: usize,
    pub added: usize,
    /// The engines (models or files) the predictions are from.
    pub engines: Vec<String>,
    pub skipped: Vec<String>,
    pub notices: Vec<String>,
}

impl ImportedSuggestions {
    /// One line: "imported 3 suggestions from my-ner-v1 (2 documents, 1 new)".
    pub fn summary(&self) -> String {
        format!(
            "imported {} suggestion{} from {} ({} document{} of the project, {} new)",
            self.suggestions,
            plural(self.suggestions),
            if self.engines.is_empty() {
                "nothing".to_string()
            } else {
                self.engines.join(", ")
            },
            self.matched,
            plural(self.matched),
            self.added
        )
    }
}

/// Whether `format` can be read as suggestions.
pub fn reads_suggestions(format: ImportFormat) -> bool {
    matches!(
        format,
        ImportFormat::Jsonl
            | ImportFormat::Doccano
            | ImportFormat::LabelStudio
            | ImportFormat::Prodigy
            | ImportFormat::Spacy
            | ImportFormat::Brat
            | ImportFormat::Conll
    )
}

/// A text read from a file, with its predictions.
struct Read {
    name: Option<String>,
    text: String,
    predictions: Vec<Prediction>,
}

/// The engine name for a file: the given path (file or folder) that holds `source`, by its
/// stem, else the source's own stem.
fn engine_for(source: &Path, paths: &[PathBuf]) -> String {
    let holder = paths
        .iter()
        .find(|p| source.starts_with(p))
        .map_or(source, PathBuf::as_path);
    holder
        .file_stem()
        .or_else(|| holder.file_name())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "imported".to_string())
}

/// A read document's annotations as predictions of `engine`.
fn as_predictions(doc: &Document, engine: Symbol) -> Vec<Prediction> {
    let score = |o: &Origin| match o {
        Origin::Suggested { score, .. } => *score,
        _ => DEFAULT_SCORE,
    };
    let mut out: Vec<Prediction> = doc
        .spans
        .iter()
        .map(|s| Prediction {
            what: Predicted::Span {
                start: s.start,
                end: s.end,
                label: s.label.as_str().to_string(),
            },
            score: score(&s.origin),
            engine,
        })
        .collect();
    out.extend(doc.quotes.iter().map(|q| {
        Prediction {
            what: Predicted::Quote {
                content: q.content.iter().map(|r| (r.start, r.end)).collect(),
                cue: q.cue.map(|r| (r.start, r.end)),
                speaker: q
                    .speaker
                    .and_then(|id| doc.span(id))
                    .map(|s| (s.start, s.end)),
                kind: q.kind,
            },
            score: score(&q.origin),
            engine,
        }
    }));
    out
}

fn rejected(r: Rejected) -> Vec<IoError> {
    r.errors
}

/// Read `paths` in `format` as predictions for `project`. `Err` lists every error; nothing is
/// imported.
pub fn import_as_suggestions(
    format: ImportFormat,
    paths: &[PathBuf],
    project: &Project,
    options: &ImportOptions,
) -> Result<ImportedSuggestions, Vec<IoError>> {
    let _ = options;
    let mut skipped = Vec::new();
    let mut notices = Vec::new();
    let mut read: Vec<Read> = Vec::new();
    // Read against the labels alone, so texts the project already has are not set aside.
    let blank = Project::with_labels(project.name.clone(), project.labels.clone());
    let from_docs = |docs: &[Document], read: &mut Vec<Read>| {
        for d in docs {
            let source = d.source.as_deref().map(PathBuf::from).unwrap_or_default();
            let engine = Symbol::new(&engine_for(&source, paths));
            read.push(Read {
                name: Some(d.name.clone()),
                text: d.text.to_string(),
                predictions: as_predictions(d, engine),
            });
        }
    };
    let mut take = |i: Import, read: &mut Vec<Read>| {
        skipped.extend(i.skipped.iter().map(ToString::to_string));
        notices.extend(i.notices);
        from_docs(&i.documents, read);
    };
    match format {
        ImportFormat::LabelStudio => {
            let found = files::collect(paths, &files::has_extension(&["json", "jsonl"]));
            let mut errors = found.problems;
            for path in found.files {
                let engine = engine_for(&path, paths);
                match pio::read_label_studio(&path, &engine, &mut skipped) {
                    Ok(tasks) => read.extend(tasks.into_iter().map(|t| Read {
                        name: t.name,
                        text: t.text,
                        predictions: t.predictions,
                    })),
                    Err(e) => errors.push(e),
                }
            }
            if !errors.is_empty() {
                return Err(errors);
            }
        }
        ImportFormat::Brat => {
            let i = brat::read_paths(paths, &blank).map_err(|r| r.errors)?;
            skipped.extend(i.skipped.iter().map(ToString::to_string));
            notices.extend(i.notices);
            let docs: Vec<Document> = i.documents.into_iter().map(|d| d.document).collect();
            from_docs(&docs, &mut read);
        }
        ImportFormat::Jsonl => take(
            jsonl::read_paths(paths, &blank).map_err(rejected)?,
            &mut read,
        ),
        ImportFormat::Doccano => take(
            doccano::read_paths(paths, &blank).map_err(rejected)?,
            &mut read,
        ),
        ImportFormat::Prodigy => take(
            prodigy::read_paths(paths, &blank).map_err(rejected)?,
            &mut read,
        ),
        ImportFormat::Spacy => take(
            spacy::read_paths(paths, &blank).map_err(rejected)?,
            &mut read,
        ),
        ImportFormat::Conll => take(
            conll::read_paths(paths, &blank, conll::Scheme::Auto).map_err(rejected)?,
            &mut read,
        ),
        _ => {
            return Err(vec![IoError::Other {
                path: paths.first().cloned().unwrap_or_default(),
                message: format!(
                    "{} files hold no predictions; --as-suggestions reads jsonl, doccano, label-studio, prodigy, spacy, conll and brat",
                    format.name()
                ),
            }]);
        }
    }
    Ok(build(project, format, read, skipped, notices))
}

/// Where each text's predictions go, and the one command that puts them there.
fn build(
    project: &Project,
    format: ImportFormat,
    read: Vec<Read>,
    skipped: Vec<String>,
    mut notices: Vec<String>,
) -> ImportedSuggestions {
    let mut labels = project.labels.clone();
    let mut new_labels: Vec<LabelDef> = Vec::new();
    let mut per_doc: BTreeMap<DocId, Vec<Prediction>> = BTreeMap::new();
    let mut added: Vec<Document> = Vec::new();
    let mut next = project.next_doc_id().0;
    let mut engines: BTreeSet<String> = BTreeSet::new();
    let mut suggestions = 0;
    for r in read {
        if r.predictions.is_empty() {
            continue;
        }
        for p in &r.predictions {
            engines.insert(p.engine.as_str().to_string());
            if let Predicted::Span { label, .. } = &p.what
                && !labels.contains(label)
            {
                let def = LabelDef {
                    name: label.clone(),
                    color: labels.next_color(),
                    key: labels.free_key(),
                    description: String::new(),
                };
                labels.labels.push(def.clone());
                new_labels.push(def);
            }
        }
        suggestions += r.predictions.len();
        let same = |d: &&Document| *d.text == *r.text;
        let named = |d: &&Document| same(d) && r.name.as_deref().is_none_or(|n| d.name == n);
        let found = project
            .documents
            .iter()
            .find(named)
            .or_else(|| project.documents.iter().find(same));
        if let Some(d) = found {
            per_doc.entry(d.id).or_default().extend(r.predictions);
        } else if let Some(d) = added.iter_mut().find(|d| *d.text == *r.text) {
            d.predictions.extend(r.predictions);
        } else {
            let name = r
                .name
                .unwrap_or_else(|| format!("{}-{}", r.predictions[0].engine, added.len() + 1));
            let mut d = Document::new(DocId(next), name, r.text);
            next += 1;
            d.predictions = r.predictions;
            added.push(d);
        }
    }
    let mut commands: Vec<Command> = new_labels
        .iter()
        .enumerate()
        .map(|(i, label)| Command::AddLabel {
            index: project.labels.labels.len() + i,
            label: label.clone(),
        })
        .collect();
    if !added.is_empty() {
        notices.push(format!(
            "{} text{} not in the project added as new documents, with their suggestions",
            added.len(),
            plural(added.len())
        ));
    }
    commands.extend(added.iter().map(|d| Command::AddDocument {
        document: Box::new(d.clone()),
    }));
    let matched = per_doc.len();
    for (id, new) in per_doc {
        let Some(doc) = project.document(id) else {
            continue;
        };
        let fresh: BTreeSet<Symbol> = new.iter().map(|p| p.engine).collect();
        let replaced = doc
            .predictions
            .iter()
            .filter(|p| fresh.contains(&p.engine))
            .count();
        if replaced > 0 {
            notices.push(format!(
                "{:?}: {replaced} earlier suggestion(s) of the same engine replaced",
                doc.name
            ));
        }
        let mut all: Vec<Prediction> = doc
            .predictions
            .iter()
            .filter(|p| !fresh.contains(&p.engine))
            .cloned()
            .collect();
        all.extend(new);
        commands.push(Command::SetPredictions {
            doc: id,
            predictions: all,
        });
    }
    let engines: Vec<String> = engines.into_iter().collect();
    let name = format!(
        "import {suggestions} suggestion{} ({})",
        plural(suggestions),
        format.name()
    );
    ImportedSuggestions {
        command: (!commands.is_empty()).then_some(Command::Batch { name, commands }),
        suggestions,
        matched,
        added: added.len(),
        engines,
        skipped,
        notices,
    }
}

/// Stored predictions still pending (not annotated, not rejected), per engine.
pub fn pending_stored(project: &Project) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for d in &project.documents {
        if d.predictions.is_empty() {
            continue;
        }
        let found: Vec<Suggestion> = d.predictions.iter().map(|p| p.to_suggestion()).collect();
        for i in engines::visible(d, &project.verdicts, &found) {
            *out.entry(found[i].engine.as_str().to_string()).or_insert(0) += 1;
        }
    }
    out
}

/// The `gloss stats` line for stored predictions: "2 (imported: my-ner-v1)", if any.
pub fn stats_line(project: &Project) -> Option<String> {
    let pending = pending_stored(project);
    if pending.is_empty() {
        return None;
    }
    let total: usize = pending.values().sum();
    let names: Vec<&str> = pending.keys().map(String::as_str).collect();
    Some(format!("{total} (imported: {})", names.join(", ")))
}

/// Every pending suggestion of the project, as the window computes them: the built-in
/// engines the project has on, the project's word lists in `folder`, the learnt model, and
/// the stored predictions (outside engines are run by `gloss export`, not here).
pub fn computed(project: &Project, path: Option<&Path>) -> HashMap<DocId, Vec<Suggestion>> {
    let folder = path.and_then(Path::parent);
    let read = review::read_user_lists(&project.matcher, folder, |_| false);
    let model: Learnt = super::learning::model_for(project, path);
    let (found, _) = review::suggest_project(project, &read.lists, model, |_, _| {});
    found.into_iter().collect()
}

/// Whether `format` can carry suggestions.
pub fn carries_suggestions(format: ExportFormat) -> bool {
    matches!(format, ExportFormat::LabelStudio | ExportFormat::Prodigy)
}

/// Add `pending` to the tasks of an export in `format` (a JSON array for Label Studio, JSON
/// Lines for Prodigy), matched to the project's documents by name and text.
fn add_to(
    format: ExportFormat,
    bytes: &[u8],
    project: &Project,
    options: &ExportOptions,
    pending: &HashMap<DocId, Vec<Suggestion>>,
) -> Result<Vec<u8>, String> {
    let of = |task: &Value, text_at: &[&str]| -> Option<&Vec<Suggestion>> {
        let mut v = task;
        for k in text_at {
            v = v.get(*k)?;
        }
        let text = v.as_str()?;
        let name = task
            .get("data")
            .or_else(|| task.get("meta"))
            .and_then(|m| m.get("doc"))
            .and_then(Value::as_str);
        let doc = project
            .documents
            .iter()
            .find(|d| *d.text == *text && name.is_none_or(|n| d.name == n))?;
        pending.get(&doc.id)
    };
    match format {
        ExportFormat::LabelStudio => {
            let mut tasks: Value =
                serde_json::from_slice(bytes).map_err(|e| format!("reading back: {e}"))?;
            let ls = options.label_studio();
            let list = match &mut tasks {
                Value::Array(a) => a,
                _ => return Err("a Label Studio export is not an array".into()),
            };
            for t in list.iter_mut() {
                if let Some(found) = of(t, &["data", "text"]).cloned() {
                    let text = t
                        .pointer("/data/text")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string();
                    pio::add_label_studio(t, &text, &found, &ls.from_name, &ls.to_name);
                }
            }
            serde_json::to_vec_pretty(&tasks).map_err(|e| e.to_string())
        }
        _ => {
            let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
            let mut out = Vec::with_capacity(bytes.len());
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let mut t: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
                if let Some(found) = of(&t, &["text"]).cloned() {
                    pio::add_prodigy(&mut t, &found);
                }
                serde_json::to_writer(&mut out, &t).map_err(|e| e.to_string())?;
                out.push(b'\n');
            }
            Ok(out)
        }
    }
}

/// Quote suggestions a span-only export leaves out, as a "left out" line.
fn quotes_left_out(pending: &HashMap<DocId, Vec<Suggestion>>) -> Option<String> {
    let n = pending
        .values()
        .flatten()
        .filter(|s| matches!(s.proposal, crate::model::Proposal::Quote { .. }))
        .count();
    (n > 0).then(|| format!("{n} quote suggestion(s): only span suggestions are written"))
}

/// [`formats::export`] with `pending` added to every task (Label Studio and Prodigy; other
/// formats are written without them, and say so).
pub fn export_with(
    format: ExportFormat,
    project: &Project,
    options: &ExportOptions,
    out: &Path,
    pending: &HashMap<DocId, Vec<Suggestion>>,
) -> Result<Exported, IoError> {
    let plain = ExportOptions {
        with_suggestions: false,
        ..options.clone()
    };
    let mut exported = formats::export(format, project, &plain, out, None)?;
    if !carries_suggestions(format) {
        exported.left_out.push(format!(
            "suggestions: {} cannot carry them (label-studio and prodigy can)",
            format.name()
        ));
        return Ok(exported);
    }
    for file in exported.files.clone() {
        let bytes = std::fs::read(&file).map_err(|source| IoError::Read {
            path: file.clone(),
            source,
        })?;
        let with = add_to(format, &bytes, project, options, pending).map_err(|message| {
            IoError::Other {
                path: file.clone(),
                message,
            }
        })?;
        crate::io::atomic::write_atomic(&file, &with)?;
    }
    exported.left_out.extend(quotes_left_out(pending));
    Ok(exported)
}

/// [`formats::export_to`] with `pending` added, to one stream.
pub fn export_to_with(
    format: ExportFormat,
    project: &Project,
    options: &ExportOptions,
    pending: &HashMap<DocId, Vec<Suggestion>>,
    out: &mut dyn Write,
) -> std::io::Result<crate::io::interchange::ExportReport> {
    let plain = ExportOptions {
        with_suggestions: false,
        ..options.clone()
    };
    let mut bytes = Vec::new();
    let mut report = formats::export_to(format, project, &plain, &mut bytes)?;
    if carries_suggestions(format) {
        bytes = add_to(format, &bytes, project, options, pending).map_err(std::io::Error::other)?;
        report.left_out.extend(quotes_left_out(pending));
    }
    out.write_all(&bytes)?;
    Ok(report)
}
