//! The common ground of the JSON exchange formats (doccano, Label Studio, Prodigy and the
//! native JSONL): what an import brings in, how errors and losses are reported, how quotes
//! travel as labelled regions joined by relations, and how files are found and written.
//!
//! # Imports are all or nothing
//! Every file is read and checked before anything is returned. If one is malformed (not JSON,
//! a missing `text`, an offset outside the text or inside a surrogate pair, a relation to an id
//! the record does not define) the caller gets [`Rejected`] with every error, each naming the
//! file and the line (JSONL) or the task index (a JSON array), and nothing else. Otherwise it
//! gets an [`Import`]: labels to add, entities to add or update, and documents whose ids follow
//! the project's, ready to become one undoable `Command::Batch` in the order labels, new
//! entities, updated entities, documents (the shape of `app::formats::brat_command`).
//!
//! What a file holds validly but Gloss cannot represent (a second annotator's annotation, a
//! relation type Gloss does not read, a cue that belongs to no quote) is left out and listed in
//! [`Import::skipped`] with its place; nothing is dropped silently. A document whose name and
//! text are already in the project (or earlier in the batch) is left out with a notice, as brat
//! import does, so importing the same file twice adds nothing.
//!
//! # Quotes as labelled regions
//! Formats without a notion of quotation carry a quote as regions and relations:
//! each content range is a region labelled `QUOTE` (direct), `QUOTE-INDIRECT` or `QUOTE-MIXED`,
//! so the kind is visible and editable in the other tool; the cue is a region labelled `CUE`;
//! relations go from the quote's first part to its speaker mention (`speaker`), to its cue
//! (`cue`) and to each further part (`part`: "…," he said, "…" is one quote). On import a
//! relation's meaning is read from what it joins, so an unlabelled relation from a quote part
//! to a mention is a speaker, and the direction of a relation does not matter. These labels are
//! reserved: a span carrying one cannot be told from a quote, so it is left out of such exports
//! and reported.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::IoError;
use super::files::{self, Links};
use crate::model::{
    AttributeDef, CategoryScheme, CharRange, DocId, Document, Entity, EntityId, LabelDef, LabelSet,
    Mention, Origin, Project, Quote, QuoteId, QuoteKind, Span, SpanId, Status,
};

/// The label of a direct quote's content regions.
pub const QUOTE: &str = "QUOTE";
/// The label of an indirect quote's content regions.
pub const QUOTE_INDIRECT: &str = "QUOTE-INDIRECT";
/// The label of a mixed quote's content regions.
pub const QUOTE_MIXED: &str = "QUOTE-MIXED";
/// The label of a quote's cue region.
pub const CUE: &str = "CUE";
/// Relation from a quote to its speaker mention.
pub const SPEAKER_RELATION: &str = "speaker";
/// Relation from a quote to its cue.
pub const CUE_RELATION: &str = "cue";
/// Relation from a quote's first part to each further part.
pub const PART_RELATION: &str = "part";

/// The region label of a quote of `kind`.
pub fn quote_label(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => QUOTE,
        QuoteKind::Indirect => QUOTE_INDIRECT,
        QuoteKind::Mixed => QUOTE_MIXED,
    }
}

/// The quote kind a region label stands for, if it is a quote label (any case).
pub fn quote_kind_of(label: &str) -> Option<QuoteKind> {
    [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed]
        .into_iter()
        .find(|k| quote_label(*k).eq_ignore_ascii_case(label))
}

/// True for the labels quotes travel under (`QUOTE…` and `CUE`, any case).
pub fn is_reserved(label: &str) -> bool {
    quote_kind_of(label).is_some() || label.eq_ignore_ascii_case(CUE)
}

// ------------------------------------------------------------------------------ the import

/// Everything one import brings in. Labels are to be added at the end of the set in this
/// order; `new_entities` and `documents` carry ids after the project's.
#[derive(Debug, Default)]
pub struct Import {
    /// The format's name, as in `Origin::Imported`.
    pub format: &'static str,
    pub labels: Vec<LabelDef>,
    pub new_entities: Vec<Entity>,
    /// Entities of the project whose aliases grew (names their mentions go by in the files).
    pub updated_entities: Vec<Entity>,
    pub documents: Vec<Document>,
    /// Annotations the model cannot hold, each with its file and place; not imported.
    pub skipped: Vec<Skipped>,
    /// Things the user should know that lost nothing (a document already in the project).
    pub notices: Vec<String>,
    /// Category schemes and attributes to add, or to update by name (see `io::coding`).
    pub schemes: Vec<CategoryScheme>,
    pub attributes: Vec<AttributeDef>,
}

impl Import {
    /// (documents, spans, quotes) brought in.
    pub fn counts(&self) -> (usize, usize, usize) {
        let spans = self.documents.iter().map(|d| d.spans.len()).sum();
        let quotes = self.documents.iter().map(|d| d.quotes.len()).sum();
        (self.documents.len(), spans, quotes)
    }
}

/// Where in a file something is: a JSONL line, or an item of a JSON array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// 1-based line of a JSONL file.
    Line(usize),
    /// 0-based index in a JSON array; `noun` names the items ("task", "record").
    Item { noun: &'static str, index: usize },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Line(n) => write!(f, "line {n}"),
            Place::Item { noun, index } => write!(f, "{noun} index {index}"),
        }
    }
}

/// Something a file holds that was read but could not be represented, so it was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub place: Place,
    pub message: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::Line(n) => write!(f, "{}:{n}: ", self.path.display())?,
            place => write!(f, "{}: {place}: ", self.path.display())?,
        }
        write!(f, "{}; not imported", self.message)
    }
}

/// Why nothing was imported: every error found, in file order (never empty).
#[derive(Debug)]
pub struct Rejected {
    pub errors: Vec<IoError>,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.split_first() {
            None => f.write_str("import failed"),
            Some((first, [])) => write!(f, "{first}"),
            Some((first, rest)) => write!(f, "{first} (and {} more errors)", rest.len()),
        }
    }
}

impl std::error::Error for Rejected {}

/// The error for `message` at `place` of `path`: `file:line:column:` for JSONL lines,
/// `file: task index N:` for array items.
pub(crate) fn error_at(path: &Path, place: Place, message: impl Into<String>) -> IoError {
    match place {
        Place::Line(line) => IoError::Parse {
            path: path.to_path_buf(),
            line,
            column: 1,
            message: message.into(),
        },
        place => IoError::Other {
            path: path.to_path_buf(),
            message: format!("{place}: {}", message.into()),
        },
    }
}

// ------------------------------------------------------------------------------ the export

/// What an export wrote, and what it could not carry (one line each, naming the document).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    pub documents: usize,
    pub spans: usize,
    pub quotes: usize,
    /// Annotations left out or carried only in part, each a line for the user.
    pub left_out: Vec<String>,
}

impl ExportReport {
    pub(crate) fn merge(&mut self, other: ExportReport) {
        self.documents += other.documents;
        self.spans += other.spans;
        self.quotes += other.quotes;
        self.left_out.extend(other.left_out);
    }
}

/// Which spans an export takes: those whose label is selected (all when `labels` is `None`),
/// and only names when `names_only` (pronoun and descriptive mentions are for quotes, not NER).
pub(crate) fn takes(labels: &Option<Vec<String>>, names_only: bool, span: &Span) -> bool {
    selected(labels, &span.label) && (!names_only || span.mention.is_name())
}

/// Whether an export's label choice takes `label` (every label when `labels` is `None`).
pub(crate) fn selected(labels: &Option<Vec<String>>, label: &str) -> bool {
    labels.as_ref().is_none_or(|l| l.iter().any(|k| k == label))
}

/// Whether a JSON export writes `span` as a span: [`takes`] it, and its label is not one the
/// format keeps for quotes — such a span is left out with a line in `report` saying so.
pub(crate) fn writes_span(
    format: &str,
    doc: &Document,
    span: &Span,
    (labels, names_only): (&Option<Vec<String>>, bool),
    report: &mut ExportReport,
) -> bool {
    if !takes(labels, names_only, span) {
        return false;
    }
    if is_reserved(&span.label) {
        report.left_out.push(reserved_note(format, doc, span));
        return false;
    }
    true
}

/// Serialise `value` as one JSON line.
pub(crate) fn write_line<W: Write>(
    out: &mut W,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

// ------------------------------------------------------------------------------ reading

/// One JSON value from a file and where it was.
pub(crate) struct Record {
    pub place: Place,
    pub value: serde_json::Value,
}

/// Reads one record (of a file holding `several`, for naming it in messages) into the builder,
/// or says why it cannot.
pub(crate) type ReadRecord =
    fn(&mut ImportBuilder, &Path, Place, bool, serde_json::Value) -> Result<(), String>;

/// A JSON format read one record at a time (doccano, Prodigy, the native JSONL): its name in
/// `Origin::Imported`, what a record is called in messages, and how one is read.
pub(crate) struct RecordFormat {
    pub format: &'static str,
    pub noun: &'static str,
    pub read: ReadRecord,
}

impl RecordFormat {
    /// Read the files `paths` name (folders walked for `.jsonl` and `.json`) for adding to
    /// `project`. Either everything comes back, or `Rejected` lists every error.
    pub fn read_paths(&self, paths: &[PathBuf], project: &Project) -> Result<Import, Rejected> {
        let mut b = ImportBuilder::new(project, self.format);
        b.read_files(paths, &["jsonl", "json"], self.noun, |b, path, records| {
            read_each(b, path, records, self.read)
        });
        b.finish()
    }

    /// [`read_paths`](Self::read_paths) for one file's text already in memory; `path` names it
    /// in messages.
    pub fn read_str(
        &self,
        path: &Path,
        source: &str,
        project: &Project,
    ) -> Result<Import, Rejected> {
        let mut b = ImportBuilder::new(project, self.format);
        b.read_source(path, source, self.noun, |b, path, records| {
            read_each(b, path, records, self.read)
        });
        b.finish()
    }
}

/// Read each of one file's records with `read` (given whether the file holds several, for
/// naming records in messages); a record it refuses becomes an error at its place.
pub(crate) fn read_each(
    b: &mut ImportBuilder,
    path: &Path,
    records: Vec<Record>,
    read: impl Fn(&mut ImportBuilder, &Path, Place, bool, serde_json::Value) -> Result<(), String>,
) {
    let several = records.len() > 1;
    for rec in records {
        if let Err(message) = read(b, path, rec.place, several, rec.value) {
            b.error(path, rec.place, message);
        }
    }
}

/// The files `paths` name: files as given, folders walked in name order for files ending in
/// one of `extensions` (each file once, through links but never round a loop; see
/// [`files::Walker`]). A path that does not exist, is not a regular file, or is a folder that
/// cannot be read is an error.
pub(crate) fn collect_files(
    paths: &[PathBuf],
    extensions: &[&str],
    errors: &mut Vec<IoError>,
) -> Vec<PathBuf> {
    let wanted = files::has_extension(extensions);
    let mut walker = files::Walker::new();
    for path in paths {
        if path.is_dir() {
            walker.folder(path, &wanted);
        } else if path.exists() {
            walker.file(path);
        } else {
            errors.push(IoError::Other {
                path: path.clone(),
                message: "no such file or folder".into(),
            });
        }
    }
    let found = walker.finish();
    errors.extend(found.problems);
    found.files
}

/// The records of one file: a JSON array (items named `noun`), one object over several lines,
/// or JSON Lines (blank lines ignored). A UTF-8 byte-order mark is dropped. Errors name the
/// file with the line and column serde_json reports.
pub(crate) fn read_records(
    path: &Path,
    noun: &'static str,
    errors: &mut Vec<IoError>,
) -> Vec<Record> {
    let bytes = match files::read_regular(path, Links::Follow, files::TEXT_CAP) {
        Ok(b) => b,
        Err(e) => {
            errors.push(e);
            return Vec::new();
        }
    };
    let source = match std::str::from_utf8(&bytes) {
        Ok(s) => s,
        Err(e) => {
            errors.push(IoError::not_utf8(path, &bytes, e));
            return Vec::new();
        }
    };
    parse_records(path, source, noun, errors)
}

/// `read_records` on text already in memory.
pub(crate) fn parse_records(
    path: &Path,
    source: &str,
    noun: &'static str,
    errors: &mut Vec<IoError>,
) -> Vec<Record> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let json_error = |e: serde_json::Error, line_offset: usize| IoError::Parse {
        path: path.to_path_buf(),
        line: e.line() + line_offset,
        column: e.column(),
        message: format!("not valid JSON: {e}"),
    };
    let trimmed = source.trim_start();
    if trimmed.starts_with('[') {
        return match serde_json::from_str::<Vec<serde_json::Value>>(source) {
            Ok(items) => items
                .into_iter()
                .enumerate()
                .map(|(index, value)| Record {
                    place: Place::Item { noun, index },
                    value,
                })
                .collect(),
            Err(e) => {
                errors.push(json_error(e, 0));
                Vec::new()
            }
        };
    }
    let mut records = Vec::new();
    let mut line_errors = Vec::new();
    for (i, line) in source.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(value) => records.push(Record {
                place: Place::Line(i + 1),
                value,
            }),
            Err(e) => line_errors.push(json_error(e, i)),
        }
    }
    if !line_errors.is_empty() {
        // One object written over several lines (pretty-printed) is one record.
        if let Ok(value @ serde_json::Value::Object(_)) = serde_json::from_str(source) {
            let line = 1 + source[..source.len() - trimmed.len()].matches('\n').count();
            return vec![Record {
                place: Place::Line(line),
                value,
            }];
        }
        errors.extend(line_errors);
    }
    records
}

/// The document name a record gets: its own name when it has one, else the file's stem, with
/// the line or index appended when the file holds several records.
pub(crate) fn record_name(path: &Path, place: Place, several: bool, given: Option<&str>) -> String {
    if let Some(name) = given.filter(|n| !n.trim().is_empty()) {
        return name.to_string();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "untitled".into());
    if !several {
        return stem;
    }
    match place {
        Place::Line(n) => format!("{stem}-{n}"),
        Place::Item { index, .. } => format!("{stem}-{index}"),
    }
}

/// The status a record's `status` key names ("todo", "in_progress", "done"; "in progress" too).
pub(crate) fn status_named(name: &str) -> Option<Status> {
    Status::ALL
        .into_iter()
        .find(|s| s.key() == name || s.name() == name)
}

/// A range `start..end` checked against a text of `len` code points.
pub(crate) fn checked_range(start: usize, end: usize, len: usize) -> Result<CharRange, String> {
    if start >= end {
        Err(format!("range {start}..{end} is empty or reversed"))
    } else if end > len {
        Err(format!(
            "range {start}..{end} runs past the end of the text ({len} characters)"
        ))
    } else {
        Ok(CharRange::new(start, end))
    }
}

// ------------------------------------------------------------------------------ building

/// Builds an [`Import`] against a project: allocates document and entity ids after the
/// project's, adds missing labels with a free colour and key, finds entities by name.
pub(crate) struct ImportBuilder {
    format: &'static str,
    labels: LabelSet,
    entities: Vec<Entity>,
    /// How many of `entities` were in the project (they come first).
    existing: usize,
    by_name: HashMap<String, Vec<usize>>,
    next_entity: u64,
    next_doc: u64,
    seen: HashSet<(String, String)>,
    pub errors: Vec<IoError>,
    /// The project's schemes and attributes, as the import grows them.
    pub codes: super::coding::Codes,
    /// Project entities (by index) whose attributes the import set.
    changed: BTreeSet<usize>,
    out: Import,
}

impl ImportBuilder {
    pub fn new(project: &Project, format: &'static str) -> Self {
        let mut b = Self {
            format,
            labels: project.labels.clone(),
            entities: Vec::new(),
            existing: project.entities.len(),
            by_name: HashMap::new(),
            next_entity: project.next_entity_id().0,
            next_doc: project.next_doc_id().0,
            seen: project
                .documents
                .iter()
                .map(|d| (d.name.clone(), d.text.to_string()))
                .collect(),
            errors: Vec::new(),
            codes: super::coding::Codes::new(project),
            changed: BTreeSet::new(),
            out: Import {
                format,
                ..Import::default()
            },
        };
        for e in &project.entities {
            b.index(e.clone());
        }
        b
    }

    fn index(&mut self, e: Entity) {
        let i = self.entities.len();
        self.by_name.entry(e.name.clone()).or_default().push(i);
        self.entities.push(e);
    }

    pub fn origin(&self) -> Origin {
        Origin::Imported {
            format: self.format.into(),
        }
    }

    pub fn error(&mut self, path: &Path, place: Place, message: impl Into<String>) {
        self.errors.push(error_at(path, place, message));
    }

    /// Something the user should know that lost nothing, naming the file and place.
    pub fn notice(&mut self, path: &Path, place: Place, message: impl std::fmt::Display) {
        self.out
            .notices
            .push(format!("{}: {place}: {message}", path.display()));
    }

    pub fn skip(&mut self, path: &Path, place: Place, message: impl Into<String>) {
        self.out.skipped.push(Skipped {
            path: path.to_path_buf(),
            place,
            message: message.into(),
        });
    }

    /// Make sure `name` is in the label set; a blank name is refused.
    pub fn ensure_label(&mut self, name: &str) -> Result<(), String> {
        if name.trim().is_empty() {
            return Err("a label is blank; every span needs a label name".into());
        }
        if !self.labels.contains(name) {
            let label = LabelDef {
                name: name.to_string(),
                color: self.labels.next_color(),
                key: self.labels.free_key(),
                description: String::new(),
            };
            self.labels.labels.push(label.clone());
            self.out.labels.push(label);
        }
        Ok(())
    }

    /// The entity called `name`: one with `label` if there is one, else the first of that
    /// name, else a new one with `label`. Names are what exports carry, so a name is one entity.
    pub fn entity(&mut self, name: &str, label: &str) -> Result<EntityId, String> {
        if let Some(list) = self.by_name.get(name) {
            let i = list
                .iter()
                .copied()
                .find(|&i| self.entities[i].label == label)
                .unwrap_or(list[0]);
            return Ok(self.entities[i].id);
        }
        self.ensure_label(label)?;
        let id = EntityId(self.next_entity);
        self.next_entity += 1;
        self.index(Entity {
            id,
            name: name.to_string(),
            label: label.to_string(),
            aliases: Vec::new(),
            attributes: Default::default(),
        });
        Ok(id)
    }

    /// Set attribute `attr` = `value` on the entity `id` (defining the attribute if needed);
    /// a project entity that changes is among the import's updated entities.
    pub fn entity_attribute(
        &mut self,
        id: EntityId,
        attr: &str,
        value: &str,
    ) -> Result<(), String> {
        let Some(i) = self.entities.iter().position(|e| e.id == id) else {
            return Err(format!("entity {id} is not known"));
        };
        let mut attrs = self.entities[i].attributes;
        self.codes
            .attribute(&mut attrs, crate::model::AttrTarget::Entity, attr, value)?;
        if attrs != self.entities[i].attributes {
            self.entities[i].attributes = attrs;
            if i < self.existing {
                self.changed.insert(i);
            }
        }
        Ok(())
    }

    /// The label of the entity called `name` (the first of that name).
    pub fn entity_label_by_name(&self, name: &str) -> Option<&str> {
        let i = *self.by_name.get(name)?.first()?;
        Some(self.entities[i].label.as_str())
    }

    pub fn entity_name(&self, id: EntityId) -> Option<&str> {
        self.entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.as_str())
    }

    /// A new document read from `path`; its id is given when it is pushed.
    pub fn document(&self, name: String, text: String, path: &Path) -> Document {
        let mut doc = Document::new(DocId(0), name, text);
        doc.source = Some(path.display().to_string());
        doc
    }

    /// A span of `doc` with the next free id; a whole-word pronoun as written comes in as a
    /// pronoun mention (the formats carry no mention kind, and "she" is never a name), every
    /// other labelled span as a name — "US" or "WHO" in capitals stays a name (case-aware test:
    /// [`crate::text::is_pronoun_in`]).
    pub fn span(&self, doc: &Document, range: CharRange, label: &str) -> Span {
        let mut span = Span::new(doc.next_span_id(), range, label);
        if crate::text::is_pronoun_at(doc, range.start, range.end) {
            span.mention = Mention::Pronoun;
        }
        span.origin = self.origin();
        span
    }

    /// A labelled region of `doc`, read by what its label says: a quote's content part (of the
    /// kind the label names), a speech cue, or else an entity span, added to `doc` (and the label
    /// to the project when new). `name` is how the file names it, for messages.
    pub fn region(
        &mut self,
        doc: &mut Document,
        range: CharRange,
        label: &str,
        name: String,
    ) -> Result<Region, String> {
        let mut region = Region {
            range,
            part: None,
            cue: false,
            span: None,
            name,
        };
        if let Some(kind) = quote_kind_of(label) {
            region.part = Some(kind);
        } else if label.eq_ignore_ascii_case(CUE) {
            region.cue = true;
        } else {
            self.ensure_label(label)
                .map_err(|e| format!("{}: {e}", region.name))?;
            let span = self.span(doc, range, label);
            region.span = Some(span.id);
            doc.insert_span(span);
        }
        Ok(region)
    }

    /// Add a finished document with the next free id, unless one with its name and text is
    /// already in the project or earlier in the import (then a notice says so).
    pub fn push(&mut self, mut doc: Document, path: &Path, place: Place) {
        if !self.seen.insert((doc.name.clone(), doc.text.to_string())) {
            self.out.notices.push(format!(
                "{}: {place}: {:?} is already in the project or earlier in this import (same name and text); not added again",
                path.display(),
                doc.name
            ));
            return;
        }
        doc.id = DocId(self.next_doc);
        self.next_doc += 1;
        self.out.documents.push(doc);
    }

    /// Read every file `paths` name (folders walked for `extensions`) with `read`, which
    /// turns one file's records into documents.
    pub fn read_files(
        &mut self,
        paths: &[PathBuf],
        extensions: &[&str],
        noun: &'static str,
        mut read: impl FnMut(&mut ImportBuilder, &Path, Vec<Record>),
    ) {
        let mut errors = Vec::new();
        let files = collect_files(paths, extensions, &mut errors);
        self.errors.extend(errors);
        for path in files {
            let mark = self.errors.len();
            let records = read_records(&path, noun, &mut self.errors);
            read(self, &path, records);
            self.sort_errors_from(mark);
        }
    }

    /// `read_files` for one file's text already in memory.
    pub fn read_source(
        &mut self,
        path: &Path,
        source: &str,
        noun: &'static str,
        read: impl FnOnce(&mut ImportBuilder, &Path, Vec<Record>),
    ) {
        let mark = self.errors.len();
        let records = parse_records(path, source, noun, &mut self.errors);
        read(self, path, records);
        self.sort_errors_from(mark);
    }

    /// One file's errors in line order (JSON errors are found before the records' own).
    fn sort_errors_from(&mut self, mark: usize) {
        self.errors[mark..].sort_by_key(|e| match e {
            IoError::Parse { line, column, .. } => (*line, *column),
            _ => (0, 0),
        });
    }

    /// The import, or every error found.
    pub fn finish(mut self) -> Result<Import, Rejected> {
        if !self.errors.is_empty() {
            return Err(Rejected {
                errors: self.errors,
            });
        }
        // Aliases: the texts of linked names that differ from the entity's name.
        let index: HashMap<EntityId, usize> = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
        let mut grown = std::mem::take(&mut self.changed);
        for d in &self.out.documents {
            for s in d.spans.iter().filter(|s| s.mention.is_name()) {
                let Some(&i) = s.entity.and_then(|e| index.get(&e)) else {
                    continue;
                };
                let text = d.slice(s.start, s.end);
                let entity = &mut self.entities[i];
                if !entity.is_called(text) {
                    entity.aliases.push(text.to_string());
                    if i < self.existing {
                        grown.insert(i);
                    }
                }
            }
        }
        self.out.updated_entities = grown.iter().map(|&i| self.entities[i].clone()).collect();
        self.out.new_entities = self.entities.split_off(self.existing);
        (self.out.schemes, self.out.attributes) = self.codes.finish();
        Ok(self.out)
    }
}

// ------------------------------------------------------------------------------ quotes

/// A region of a relation-carrying format, as far as quotes are concerned.
#[derive(Clone, Debug)]
pub(crate) struct Region {
    pub range: CharRange,
    /// Set when the region is a quote's content part, with the kind its label says.
    pub part: Option<QuoteKind>,
    pub cue: bool,
    /// The span made of the region, when it carries an entity label.
    pub span: Option<SpanId>,
    /// How the file names the region, for messages ("entity 12", "region r1").
    pub name: String,
}

/// What a relation says, when its label says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Link {
    Speaker,
    Cue,
    Part,
}

impl Link {
    /// The meaning of a relation label; `Ok(None)` for no label, `Err` for one Gloss does not read.
    pub fn named(label: Option<&str>) -> Result<Option<Link>, String> {
        let Some(label) = label.map(str::trim).filter(|l| !l.is_empty()) else {
            return Ok(None);
        };
        let is = |n: &str| label.eq_ignore_ascii_case(n);
        if is(SPEAKER_RELATION) || is("speaker_of") || is("said_by") {
            Ok(Some(Link::Speaker))
        } else if is(CUE_RELATION) {
            Ok(Some(Link::Cue))
        } else if is(PART_RELATION) {
            Ok(Some(Link::Part))
        } else {
            Err(label.to_string())
        }
    }
}

/// One relation between regions (indices into the region list).
pub(crate) struct Relation {
    pub a: usize,
    pub b: usize,
    pub link: Option<Link>,
    /// For messages.
    pub name: String,
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Quotes from regions and relations: parts joined by `part` relations are one quote; a
/// `speaker` relation from any part names the speaker span, a `cue` relation the cue. Returns
/// the quotes (ids from 1, in text order) and a message for each thing left out.
pub(crate) fn assemble_quotes(
    regions: &[Region],
    relations: &[Relation],
    origin: &Origin,
) -> (Vec<Quote>, Vec<String>) {
    let mut lost = Vec::new();
    let mut parent: Vec<usize> = (0..regions.len()).collect();
    let is_part = |i: usize| regions[i].part.is_some();
    let is_cue = |i: usize| regions[i].cue;
    let is_span = |i: usize| regions[i].span.is_some();
    // What each relation means, with its quote end first.
    let mut speakers: Vec<(usize, usize, &str)> = Vec::new();
    let mut cues: Vec<(usize, usize, &str)> = Vec::new();
    for r in relations {
        let (a, b) = (r.a, r.b);
        let oriented = |test: &dyn Fn(usize) -> bool| {
            if is_part(a) && test(b) {
                Some((a, b))
            } else if is_part(b) && test(a) {
                Some((b, a))
            } else {
                None
            }
        };
        let meaning = match r.link {
            Some(Link::Part) => (is_part(a) && is_part(b)).then_some((Link::Part, a, b)),
            Some(Link::Speaker) => oriented(&is_span).map(|(q, s)| (Link::Speaker, q, s)),
            Some(Link::Cue) => oriented(&is_cue).map(|(q, c)| (Link::Cue, q, c)),
            None => {
                if is_part(a) && is_part(b) {
                    Some((Link::Part, a, b))
                } else if let Some((q, c)) = oriented(&is_cue) {
                    Some((Link::Cue, q, c))
                } else {
                    oriented(&is_span).map(|(q, s)| (Link::Speaker, q, s))
                }
            }
        };
        match meaning {
            Some((Link::Part, a, b)) => {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
            Some((Link::Speaker, q, s)) => speakers.push((q, s, &r.name)),
            Some((Link::Cue, q, c)) => cues.push((q, c, &r.name)),
            None => lost.push(format!(
                "{} joins {} and {}, which is not a quote and its speaker, cue or part",
                r.name, regions[a].name, regions[b].name
            )),
        }
    }
    // Groups of parts, by root, parts in text order.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in (0..regions.len()).filter(|&i| is_part(i)) {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut speaker_of: HashMap<usize, (usize, &str)> = HashMap::new();
    for (q, s, name) in speakers {
        let root = find(&mut parent, q);
        match speaker_of.get(&root) {
            None => {
                speaker_of.insert(root, (s, name));
            }
            Some((other, _)) if regions[*other].span == regions[s].span => {}
            Some((other, by)) => lost.push(format!(
                "{name}: the quote at {} already has the speaker {} (by {by})",
                regions[q].name, regions[*other].name
            )),
        }
    }
    let mut cue_of: HashMap<usize, (usize, &str)> = HashMap::new();
    let mut used_cues = HashSet::new();
    for (q, c, name) in cues {
        let root = find(&mut parent, q);
        used_cues.insert(c);
        match cue_of.get(&root) {
            None => {
                cue_of.insert(root, (c, name));
            }
            Some((other, _)) if regions[*other].range == regions[c].range => {}
            Some((other, by)) => lost.push(format!(
                "{name}: the quote at {} already has the cue {} (by {by})",
                regions[q].name, regions[*other].name
            )),
        }
    }
    for (i, r) in regions.iter().enumerate() {
        if r.cue && !used_cues.contains(&i) && r.span.is_none() && r.part.is_none() {
            lost.push(format!(
                "{} is a {CUE} no quote points to (a cue belongs to a quote through a {CUE_RELATION:?} relation)",
                r.name
            ));
        }
    }
    let mut quotes: Vec<Quote> = Vec::new();
    for (root, mut parts) in groups {
        parts.sort_by_key(|&i| (regions[i].range, i));
        let kinds: BTreeSet<_> = parts
            .iter()
            .filter_map(|&i| regions[i].part)
            .map(|k| k.name())
            .collect();
        let kind = regions[parts[0]].part.unwrap_or_default();
        if kinds.len() > 1 {
            lost.push(format!(
                "the parts of the quote at {} have different kinds ({}); it is kept as {}",
                regions[parts[0]].name,
                kinds.into_iter().collect::<Vec<_>>().join(", "),
                kind.name()
            ));
        }
        quotes.push(Quote {
            id: QuoteId(0),
            content: parts.iter().map(|&i| regions[i].range).collect(),
            speaker: speaker_of.get(&root).and_then(|(s, _)| regions[*s].span),
            cue: cue_of.get(&root).map(|(c, _)| regions[*c].range),
            kind,
            origin: origin.clone(),
            attributes: Default::default(),
        });
    }
    quotes.sort_by_key(|q| q.content.first().copied());
    for (n, q) in quotes.iter_mut().enumerate() {
        q.id = QuoteId(n as u64 + 1);
    }
    (quotes, lost)
}

/// Regions for a document's quotes, in the order exports write them: for each quote its
/// content parts, then its cue unless an earlier quote has the same cue range.
pub(crate) struct QuoteRegions {
    /// (quote index, part index or `None` for the cue, range, label).
    pub items: Vec<(usize, Option<usize>, CharRange, &'static str)>,
}

impl QuoteRegions {
    pub fn of(doc: &Document) -> Self {
        let mut items = Vec::new();
        let mut cues = HashSet::new();
        for (qi, q) in doc.quotes.iter().enumerate() {
            for (pi, r) in q.content.iter().enumerate() {
                items.push((qi, Some(pi), *r, quote_label(q.kind)));
            }
            if let Some(c) = q.cue
                && cues.insert(c)
            {
                items.push((qi, None, c, CUE));
            }
        }
        Self { items }
    }
}

/// The line that says a span with a reserved label was left out.
fn reserved_note(format: &str, doc: &Document, span: &Span) -> String {
    format!(
        "document {:?}: span {}..{} has the label {}, which {format} exports keep for quotes; left out (rename the label to export it)",
        doc.name, span.start, span.end, span.label
    )
}

/// The line that says a quote's speaker is not in the export.
pub(crate) fn speaker_note(doc: &Document, quote: &Quote) -> String {
    let at = quote.extent();
    format!(
        "document {:?}: the quote at {at} keeps no speaker: its speaker mention is not among the exported spans",
        doc.name
    )
}

#[cfg(test)]
#[path = "interchange_tests.rs"]
mod tests;
