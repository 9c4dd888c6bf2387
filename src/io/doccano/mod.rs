//! doccano JSONL, the sequence-labelling export and import of doccano (doccano/doccano), in
//! both of its shapes, one document per line:
//!
//! - the span shape: `{"text", "label": [[start, end, "LABEL"], …]}` (what doccano imports and
//!   what it exports without relation labelling); the export writes outermost spans only, so
//!   it imports into a project without "Allow overlapping entity" (`--doccano-shape labels`);
//! - the relation shape: `{"id", "text", "entities": [{"id", "label", "start_offset",
//!   "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}` ("Use relation
//!   labeling").
//!
//! Offsets are code points, end-exclusive: doccano's backend slices Python strings (research
//! notes §2.1). Two doccano settings break that, and the files cannot show it (entities carry no
//! text to check against): a project made with "Count grapheme clusters as one character"
//! counts grapheme clusters, and old frontends (before doccano PR #99) counted UTF-16 units.
//! Offsets from such projects come in shifted after any emoji; import them into a doccano
//! project without that option.
//!
//! # What travels
//! Spans travel with their labels. Quotes travel as regions (see `io::interchange`): each
//! content range an entity labelled `QUOTE`, `QUOTE-INDIRECT` or `QUOTE-MIXED` (the kind), the
//! cue an entity labelled `CUE`, and relations `speaker`, `cue` and `part` from the quote's
//! first part. The relation shape carries all of it and round-trips quotes exactly. The span
//! shape has no relations: quotes come back as one quote per content range, without speaker,
//! and cues are reported as belonging to no quote (the export report says so per document).
//! Gloss writes `doc` (the document's name) and `status` beside the text; doccano keeps unknown
//! keys as metadata and writes them back at the top level, so they survive a trip through it.
//! The document's metadata is written the same way, one top-level key each (a key doccano or
//! Gloss uses itself — `id`, `text`, `label`, `entities`, `relations`, `doc`, `status`,
//! `Comments`, `cats` — is left out and reported), and on import every other top-level key
//! becomes metadata.
//!
//! Document categories are written as doccano's intent-detection shape writes them, `"cats":
//! ["topic:politics"]` (`io::coding`); on import `cats`, and the `label` list of strings of a
//! text-classification export, become categories.
//!
//! # What does not
//! - Canonical entities: doccano has no entity linking, so a span's link to an entity is not
//!   written and imported spans are unlinked. Use the native JSONL for that.
//! - Mention kinds: every span is written alike; on import a span whose whole text is a
//!   pronoun ("she") becomes a pronoun mention, every other span a name.
//! - Origins (by hand, accepted suggestion): imported annotations are "imported from doccano".
//! - A span labelled with one of the quote labels cannot be told from a quote: it is left out
//!   of the export and reported.
//! - Overlapping spans import into doccano only if the doccano project allows them.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::io::interchange::{
    self, CUE, CUE_RELATION, ExportReport, Import, ImportBuilder, Link, PART_RELATION, Place,
    QuoteRegions, RecordFormat, Region, Rejected, Relation, SPEAKER_RELATION,
};
use crate::model::{Document, Project};

/// The format's name in `Origin::Imported`.
pub const FORMAT: &str = "doccano";

/// Which of doccano's two JSONL shapes to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shape {
    /// `{"text", "label": [[start, end, "LABEL"]]}`: outermost spans only (a span inside or
    /// crossing another is left out and reported), no relations. For a doccano "Sequence
    /// labeling" project with "Allow overlapping entity" and "Use relation labeling" off.
    Spans,
    /// `{"text", "entities", "relations"}`: quotes keep their speaker, cue and parts. For a
    /// doccano "Sequence labeling" project with "Allow overlapping entity" and "Use relation
    /// labeling" both on (doccano's importer fails on it otherwise).
    #[default]
    Relations,
}

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub shape: Shape,
    /// Only spans with these labels (all when `None`).
    pub labels: Option<Vec<String>>,
    /// Only name mentions, not pronouns or descriptions (for training a recogniser).
    pub names_only: bool,
    /// Write quotes (content parts, cues and, in the relation shape, their relations).
    pub quotes: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            shape: Shape::Relations,
            labels: None,
            names_only: false,
            quotes: true,
        }
    }
}

// ------------------------------------------------------------------------------ export

#[derive(Serialize)]
struct SpanLine<'a> {
    id: u64,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    /// The document's categories, `scheme:value` (doccano's intent-and-slot shape).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cats: Vec<String>,
    doc: &'a str,
    status: &'static str,
    /// The document's metadata, one top-level key each.
    #[serde(flatten)]
    meta: BTreeMap<&'a str, &'a str>,
}

#[derive(Serialize)]
struct RelationLine<'a> {
    id: u64,
    text: &'a str,
    entities: Vec<EntityOut<'a>>,
    relations: Vec<RelationOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cats: Vec<String>,
    doc: &'a str,
    status: &'static str,
    /// The document's metadata, one top-level key each.
    #[serde(flatten)]
    meta: BTreeMap<&'a str, &'a str>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: u64,
    label: &'a str,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Serialize)]
struct RelationOut {
    id: u64,
    from_id: u64,
    to_id: u64,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// Top-level keys doccano or Gloss use themselves; metadata cannot use them.
const RESERVED_KEYS: [&str; 9] = [
    "id",
    "text",
    "label",
    "entities",
    "relations",
    "doc",
    "status",
    "Comments",
    "cats",
];

/// The metadata a line carries: every key but the reserved ones.
fn meta_out(doc: &Document) -> BTreeMap<&str, &str> {
    crate::io::meta::fields_except(&doc.meta, &RESERVED_KEYS)
}

/// Write the chosen documents as doccano JSONL, one line each.
pub fn write<'a, W: Write>(
    project: &'a Project,
    docs: impl IntoIterator<Item = &'a Document>,
    options: &Options,
    mut out: W,
) -> std::io::Result<ExportReport> {
    let mut report = ExportReport::default();
    for doc in docs {
        report.merge(write_doc(project, doc, options, &mut out)?);
    }
    out.flush()?;
    Ok(report)
}

fn write_doc<W: Write>(
    _project: &Project,
    doc: &Document,
    options: &Options,
    out: &mut W,
) -> std::io::Result<ExportReport> {
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    report.left_out = crate::io::meta::clashes(doc, &RESERVED_KEYS, "the line");
    let mut spans = Vec::new();
    let choice = (&options.labels, options.names_only);
    for s in &doc.spans {
        if !interchange::writes_span(FORMAT, doc, s, choice, &mut report) {
            continue;
        }
        spans.push(s);
    }
    report.spans = spans.len();
    let regions = if options.quotes {
        report.quotes = doc.quotes.len();
        QuoteRegions::of(doc)
    } else {
        QuoteRegions { items: Vec::new() }
    };
    match options.shape {
        Shape::Spans => {
            let mut label: Vec<(usize, usize, &str)> = spans
                .iter()
                .map(|s| (s.start, s.end, s.label.as_str()))
                .chain(
                    regions
                        .items
                        .iter()
                        .map(|(_, _, r, l)| (r.start, r.end, *l)),
                )
                .collect();
            label.sort_by_key(|&(start, end, l)| (start, std::cmp::Reverse(end), l));
            let before = label.len();
            let label = outermost(label);
            if label.len() < before {
                report.left_out.push(format!(
                    "document {:?}: {} span(s) inside or crossing another left out (the label shape writes outermost spans only, for a doccano project without \"allow overlapping\")",
                    doc.name,
                    before - label.len()
                ));
            }
            let linked = doc
                .quotes
                .iter()
                .filter(|q| q.speaker.is_some() || q.cue.is_some() || q.content.len() > 1)
                .count();
            if options.quotes && linked > 0 {
                report.left_out.push(format!(
                    "document {:?}: {linked} quote(s) written as {} and {CUE} spans without their speaker, cue and part links (the span shape has no relations; use the relation shape to keep them)",
                    doc.name,
                    interchange::QUOTE
                ));
            }
            let line = SpanLine {
                id: doc.id.0,
                text: &doc.text,
                label,
                cats: crate::io::coding::cat_labels(doc),
                doc: &doc.name,
                status: doc.status.key(),
                meta: meta_out(doc),
            };
            interchange::write_line(out, &line)?;
        }
        Shape::Relations => {
            let mut entities = Vec::new();
            let mut id_of_span = HashMap::new();
            for s in &spans {
                let id = entities.len() as u64 + 1;
                id_of_span.insert(s.id, id);
                entities.push(EntityOut {
                    id,
                    label: &s.label,
                    start_offset: s.start,
                    end_offset: s.end,
                });
            }
            // Quote parts by (quote, part); cues by range, shared by quotes with the same cue.
            let mut part_id = HashMap::new();
            let mut cue_id = HashMap::new();
            for (qi, part, range, label) in &regions.items {
                let id = entities.len() as u64 + 1;
                match part {
                    Some(pi) => part_id.insert((*qi, *pi), id),
                    None => cue_id.insert(*range, id),
                };
                entities.push(EntityOut {
                    id,
                    label,
                    start_offset: range.start,
                    end_offset: range.end,
                });
            }
            let mut relations = Vec::new();
            let mut relate = |from_id, to_id, kind| {
                let id = relations.len() as u64 + 1;
                relations.push(RelationOut {
                    id,
                    from_id,
                    to_id,
                    kind,
                });
            };
            if options.quotes {
                for (qi, q) in doc.quotes.iter().enumerate() {
                    let Some(&first) = part_id.get(&(qi, 0)) else {
                        continue;
                    };
                    for pi in 1..q.content.len() {
                        if let Some(&p) = part_id.get(&(qi, pi)) {
                            relate(first, p, PART_RELATION);
                        }
                    }
                    if let Some(sp) = q.speaker {
                        match id_of_span.get(&sp) {
                            Some(&s) => relate(first, s, SPEAKER_RELATION),
                            None => report.left_out.push(interchange::speaker_note(doc, q)),
                        }
                    }
                    if let Some(&c) = q.cue.and_then(|c| cue_id.get(&c)) {
                        relate(first, c, CUE_RELATION);
                    }
                }
            }
            let line = RelationLine {
                id: doc.id.0,
                text: &doc.text,
                entities,
                relations,
                cats: crate::io::coding::cat_labels(doc),
                doc: &doc.name,
                status: doc.status.key(),
                meta: meta_out(doc),
            };
            interchange::write_line(out, &line)?;
        }
    }
    Ok(report)
}

/// The spans no other span contains or crosses, from spans sorted by start, longest first:
/// a span is kept when it starts at or after the end of the last one kept.
fn outermost(sorted: Vec<(usize, usize, &str)>) -> Vec<(usize, usize, &str)> {
    let mut kept: Vec<(usize, usize, &str)> = Vec::with_capacity(sorted.len());
    for item in sorted {
        if kept.last().is_none_or(|last| item.0 >= last.1) {
            kept.push(item);
        }
    }
    kept
}

// ------------------------------------------------------------------------------ import

#[derive(Deserialize)]
struct RecordIn {
    text: String,
    #[serde(default)]
    doc: Option<Value>,
    #[serde(default)]
    status: Option<Value>,
    #[serde(default)]
    label: Option<Value>,
    #[serde(default)]
    entities: Option<Vec<EntityIn>>,
    #[serde(default)]
    relations: Vec<RelationIn>,
    /// Categories: doccano's intent-and-slot `cats`, a list of `scheme:value` labels.
    #[serde(default)]
    cats: Vec<String>,
    /// Every other key: the document's metadata (less the reserved keys).
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[derive(Deserialize)]
struct EntityIn {
    /// Needed only by relations; doccano's import accepts entities without.
    #[serde(default)]
    id: Value,
    label: String,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Deserialize)]
struct RelationIn {
    #[serde(default)]
    id: Value,
    from_id: Value,
    to_id: Value,
    #[serde(rename = "type", default)]
    kind: Option<String>,
}

/// An id as written (doccano writes numbers; strings are accepted too).
fn id_key(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// How a doccano file is read.
const RECORDS: RecordFormat = RecordFormat {
    format: FORMAT,
    noun: "record",
    read: read_record,
};

/// Read the doccano files `paths` name (folders are walked for `.jsonl` and `.json`) for
/// adding to `project`. Either everything comes back, or `Rejected` lists every error.
pub fn read_paths(paths: &[PathBuf], project: &Project) -> Result<Import, Rejected> {
    RECORDS.read_paths(paths, project)
}

/// Read doccano JSONL already in memory; `path` names it in messages.
pub fn read_str(path: &Path, source: &str, project: &Project) -> Result<Import, Rejected> {
    RECORDS.read_str(path, source, project)
}

fn read_record(
    b: &mut ImportBuilder,
    path: &Path,
    place: Place,
    several: bool,
    value: Value,
) -> Result<(), String> {
    let rec: RecordIn =
        serde_json::from_value(value).map_err(|e| format!("not a doccano record: {e}"))?;
    let name = interchange::record_name(
        path,
        place,
        several,
        rec.doc.as_ref().and_then(Value::as_str),
    );
    // Check everything before the document is made, so a bad record allocates nothing.
    let len = rec.text.chars().count();
    let mut categories = rec.cats;
    let spans_in: Vec<(usize, usize, String)> = match (&rec.entities, rec.label) {
        (Some(_), _) => Vec::new(),
        (None, None) | (None, Some(Value::Null)) => Vec::new(),
        (None, Some(label)) => {
            if let Value::Array(items) = &label
                && items.iter().any(Value::is_string)
            {
                // A text-classification export: its labels are the document's categories.
                for item in items {
                    let l = item
                        .as_str()
                        .ok_or_else(|| format!("\"label\" mixes categories and spans: {item}"))?;
                    categories.push(l.to_string());
                }
                Vec::new()
            } else {
                serde_json::from_value(label).map_err(|e| {
                    format!("\"label\" is not a list of [start, end, \"LABEL\"]: {e}")
                })?
            }
        }
    };
    let status = match rec.status.as_ref().and_then(Value::as_str) {
        Some(s) => match interchange::status_named(s) {
            Some(st) => Some(st),
            None => {
                b.skip(
                    path,
                    place,
                    format!("status {s:?} is not todo, in_progress or done"),
                );
                None
            }
        },
        None => None,
    };
    let mut doc = b.document(name, rec.text, path);
    doc.meta = crate::io::meta::from_fields_except(&rec.extra, &RESERVED_KEYS);
    if let Some(st) = status {
        doc.status = st;
    }
    for c in &categories {
        b.codes.flat_category(&mut doc, c)?;
    }
    let mut regions: Vec<Region> = Vec::new();
    let mut relations = Vec::new();
    let make_region =
        |b: &mut ImportBuilder, doc: &mut Document, start, end, label: &str, name: String| {
            let range =
                interchange::checked_range(start, end, len).map_err(|e| format!("{name}: {e}"))?;
            b.region(doc, range, label, name)
        };
    match rec.entities {
        Some(entities) => {
            let mut index_of: HashMap<String, usize> = HashMap::new();
            for (i, e) in entities.into_iter().enumerate() {
                let key = match &e.id {
                    Value::Null => None,
                    id => Some(
                        id_key(id)
                            .ok_or_else(|| format!("entity id {id} is not a number or a string"))?,
                    ),
                };
                let name = match &key {
                    Some(key) => format!("entity {key} ({})", e.label),
                    None => format!("entities[{i}] ({})", e.label),
                };
                let region =
                    make_region(b, &mut doc, e.start_offset, e.end_offset, &e.label, name)?;
                if let Some(key) = key
                    && index_of.insert(key.clone(), regions.len()).is_some()
                {
                    return Err(format!("entity id {key} is used twice"));
                }
                regions.push(region);
            }
            for r in rec.relations {
                let name = match id_key(&r.id) {
                    Some(id) => format!("relation {id}"),
                    None => "a relation".into(),
                };
                let end = |v: &Value| {
                    id_key(v)
                        .and_then(|k| index_of.get(&k).copied())
                        .ok_or_else(|| {
                            format!(
                                "{name} refers to entity {v}, which this record does not define"
                            )
                        })
                };
                let (a, bb) = (end(&r.from_id)?, end(&r.to_id)?);
                match Link::named(r.kind.as_deref()) {
                    Ok(link) => relations.push(Relation { a, b: bb, link, name }),
                    Err(kind) => b.skip(
                        path,
                        place,
                        format!("{name}: relation type {kind:?} is not read (Gloss reads {SPEAKER_RELATION}, {CUE_RELATION} and {PART_RELATION})"),
                    ),
                }
            }
        }
        None => {
            for (start, end, label) in spans_in {
                let name = format!("span [{start}, {end}, {label:?}]");
                let region = make_region(b, &mut doc, start, end, &label, name)?;
                regions.push(region);
            }
        }
    }
    let (quotes, lost) = interchange::assemble_quotes(&regions, &relations, &b.origin());
    for message in lost {
        b.skip(path, place, message);
    }
    for q in quotes {
        doc.insert_quote(q);
    }
    b.push(doc, path, place);
    Ok(())
}

#[cfg(test)]
mod tests;
