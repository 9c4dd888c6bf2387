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

use super::IoError;
use super::interchange::{
    self, Builder, CUE, CUE_RELATION, ExportReport, Import, Link, PART_RELATION, Place,
    QuoteRegions, Record, Region, Rejected, Relation, SPEAKER_RELATION,
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
    super::meta::fields_except(&doc.meta, &RESERVED_KEYS)
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

/// Write each document to `dir/NAME.jsonl`
/// (names made safe, short enough and unique by `file_names::file_stems`; for the documents
/// written under another name, call `file_names::write_each` with this module's renderer).
pub fn write_files<'a>(
    project: &'a Project,
    docs: impl IntoIterator<Item = &'a Document>,
    options: &Options,
    dir: &Path,
) -> Result<(Vec<PathBuf>, ExportReport), IoError> {
    let written = super::file_names::write_each(docs, dir, "jsonl", |doc, buf| {
        write_doc(project, doc, options, buf)
    })?;
    Ok((written.files, written.report))
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
    report.left_out = super::meta::clashes(doc, &RESERVED_KEYS, "the line");
    let mut spans = Vec::new();
    for s in &doc.spans {
        if !interchange::takes(&options.labels, options.names_only, s) {
            continue;
        }
        if interchange::is_reserved(&s.label) {
            report
                .left_out
                .push(interchange::reserved_note(FORMAT, doc, s));
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

/// Read the doccano files `paths` name (folders are walked for `.jsonl` and `.json`) for
/// adding to `project`. Either everything comes back, or `Rejected` lists every error.
pub fn read_paths(paths: &[PathBuf], project: &Project) -> Result<Import, Rejected> {
    let mut b = Builder::new(project, FORMAT);
    b.read_files(paths, &["jsonl", "json"], "record", read_file);
    b.finish()
}

/// Read doccano JSONL already in memory; `path` names it in messages.
pub fn read_str(path: &Path, source: &str, project: &Project) -> Result<Import, Rejected> {
    let mut b = Builder::new(project, FORMAT);
    b.read_source(path, source, "record", read_file);
    b.finish()
}

fn read_file(b: &mut Builder, path: &Path, records: Vec<Record>) {
    interchange::read_each(b, path, records, read_record);
}

fn read_record(
    b: &mut Builder,
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
    let spans_in: Vec<(usize, usize, String)> = match (&rec.entities, rec.label) {
        (Some(_), _) => Vec::new(),
        (None, None) | (None, Some(Value::Null)) => Vec::new(),
        (None, Some(label)) => {
            if let Value::Array(items) = &label
                && items.iter().any(Value::is_string)
            {
                return Err(
                    "\"label\" holds categories, not spans: this is a text-classification export, not sequence labelling"
                        .into(),
                );
            }
            serde_json::from_value(label)
                .map_err(|e| format!("\"label\" is not a list of [start, end, \"LABEL\"]: {e}"))?
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
    doc.meta = super::meta::from_fields_except(&rec.extra, &RESERVED_KEYS);
    if let Some(st) = status {
        doc.status = st;
    }
    let mut regions: Vec<Region> = Vec::new();
    let mut relations = Vec::new();
    let make_region =
        |b: &mut Builder, doc: &mut Document, start, end, label: &str, name: String| {
            let range =
                interchange::checked_range(start, end, len).map_err(|e| format!("{name}: {e}"))?;
            let mut region = Region {
                range,
                part: None,
                cue: false,
                span: None,
                name,
            };
            if let Some(kind) = interchange::quote_kind_of(label) {
                region.part = Some(kind);
            } else if label.eq_ignore_ascii_case(CUE) {
                region.cue = true;
            } else {
                b.ensure_label(label)
                    .map_err(|e| format!("{}: {e}", region.name))?;
                let span = b.span(doc, range, label);
                region.span = Some(span.id);
                doc.insert_span(span);
            }
            Ok::<_, String>(region)
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
mod tests {
    use super::*;
    use crate::model::*;

    /// Emoji (a ZWJ family, a flag), a combining accent, CJK and CRLF line ends.
    const TEXT: &str = "👩‍👩‍👧 🇫🇷 Zoe\u{301} Ruiz said: “東京 is ready,”\r\nshe added, “really.”\r\n";

    fn at(text: &str, needle: &str) -> CharRange {
        let byte = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
        let start = text[..byte].chars().count();
        CharRange::new(start, start + needle.chars().count())
    }

    fn sample() -> Project {
        let mut p = Project::new("t");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Zoé Ruiz".into(),
            label: "PERSON".into(),
            aliases: vec![],
        });
        let mut d = Document::new(DocId(3), "tokyo 東京", TEXT);
        let mut zoe = Span::new(SpanId(1), at(TEXT, "Zoe\u{301} Ruiz"), "PERSON");
        zoe.entity = Some(EntityId(1));
        d.insert_span(zoe);
        d.insert_span(Span::new(SpanId(2), at(TEXT, "東京"), "GPE"));
        let mut she = Span::new(SpanId(3), at(TEXT, "she"), "PERSON");
        she.mention = Mention::Pronoun;
        d.insert_span(she);
        d.insert_quote(Quote {
            id: QuoteId(1),
            content: vec![at(TEXT, "東京 is ready,"), at(TEXT, "really.")],
            speaker: Some(SpanId(1)),
            cue: Some(at(TEXT, "said")),
            kind: QuoteKind::Mixed,
            origin: Origin::Manual,
        });
        d.status = Status::InProgress;
        d.meta.insert("outlet".into(), "NHK".into());
        p.insert_document(d);
        p
    }

    fn export(p: &Project, options: &Options) -> (String, ExportReport) {
        let mut buf = Vec::new();
        let report = write(p, &p.documents, options, &mut buf).unwrap();
        (String::from_utf8(buf).unwrap(), report)
    }

    fn import(source: &str) -> Import {
        read_str(Path::new("in.jsonl"), source, &Project::new("t"))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn errors(source: &str) -> Vec<String> {
        match read_str(Path::new("in.jsonl"), source, &Project::new("t")) {
            Ok(_) => panic!("the import should fail"),
            Err(r) => r.errors.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn label_shape_writes_outermost_spans_only_and_says_what_it_left_out() {
        let p = sample();
        let options = Options {
            shape: Shape::Spans,
            ..Options::default()
        };
        let (out, report) = export(&p, &options);
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        assert!(v.get("relations").is_none() && v.get("entities").is_none());
        let label: Vec<(usize, usize, String)> =
            serde_json::from_value(v["label"].clone()).unwrap();
        // 東京 (GPE) lies inside the first quote part: the part is written, the name is not.
        let tokyo = at(TEXT, "東京");
        assert!(!label.iter().any(|l| l.2 == "GPE"), "{label:?}");
        assert!(label.contains(&(
            tokyo.start,
            at(TEXT, "東京 is ready,").end,
            "QUOTE-MIXED".into()
        )));
        for w in label.windows(2) {
            assert!(w[0].1 <= w[1].0, "overlap in {label:?}");
        }
        assert!(
            report.left_out.iter().any(|l| l.contains("outermost")),
            "{:?}",
            report.left_out
        );
        // Without quotes the name comes back.
        let (out, _) = export(
            &p,
            &Options {
                quotes: false,
                ..options
            },
        );
        assert!(out.contains("\"GPE\""), "{out}");
        assert!(!out.contains("QUOTE") && !out.contains("CUE"), "{out}");
    }

    #[test]
    fn relation_shape_has_code_point_offsets_and_relations_from_the_first_part() {
        let p = sample();
        let (out, report) = export(&p, &Options::default());
        assert_eq!(out.lines().count(), 1);
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["doc"], "tokyo 東京");
        assert_eq!(v["status"], "in_progress");
        let chars: Vec<char> = TEXT.chars().collect();
        let mut labels = Vec::new();
        for e in v["entities"].as_array().unwrap() {
            let (s, t) = (
                e["start_offset"].as_u64().unwrap() as usize,
                e["end_offset"].as_u64().unwrap() as usize,
            );
            labels.push((
                chars[s..t].iter().collect::<String>(),
                e["label"].as_str().unwrap().to_string(),
            ));
        }
        assert_eq!(
            labels,
            [
                ("Zoe\u{301} Ruiz".to_string(), "PERSON".to_string()),
                ("東京".into(), "GPE".into()),
                ("she".into(), "PERSON".into()),
                ("東京 is ready,".into(), "QUOTE-MIXED".into()),
                ("really.".into(), "QUOTE-MIXED".into()),
                ("said".into(), "CUE".into()),
            ]
        );
        // Code points: the family emoji is 5, the flag 2, two spaces.
        assert_eq!(v["entities"][0]["start_offset"], 9);
        let rel: Vec<(u64, u64, &str)> = v["relations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["from_id"].as_u64().unwrap(),
                    r["to_id"].as_u64().unwrap(),
                    r["type"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(rel, [(4, 5, "part"), (4, 1, "speaker"), (4, 6, "cue")]);
        assert_eq!((report.spans, report.quotes), (3, 1));
        assert!(report.left_out.is_empty(), "{:?}", report.left_out);
    }

    #[test]
    fn metadata_travels_as_top_level_keys_in_both_shapes() {
        let mut p = sample();
        for shape in [Shape::Relations, Shape::Spans] {
            let options = Options {
                shape,
                ..Options::default()
            };
            let (out, _) = export(&p, &options);
            let v: Value = serde_json::from_str(out.trim()).unwrap();
            assert_eq!(v["outlet"], "NHK", "{out}");
            assert_eq!(import(&out).documents[0].meta, p.documents[0].meta);
        }
        p.documents[0].meta.insert("label".into(), "x".into());
        let (out, report) = export(&p, &Options::default());
        assert!(!out.contains("\"label\":\"x\""), "{out}");
        assert!(
            report
                .left_out
                .iter()
                .any(|l| l.contains("metadata \"label\"")),
            "{report:?}"
        );
        // doccano's own keys are not metadata; unknown ones are.
        let i = import(
            r#"{"id": 7, "text": "ab", "label": [], "Comments": [], "source": "AP", "n": 2}"#,
        );
        let m = &i.documents[0].meta;
        assert_eq!(
            m.iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            [("n", "2"), ("source", "AP")]
        );
    }

    #[test]
    fn relation_shape_round_trips_spans_and_quotes() {
        let p = sample();
        let (out, _) = export(&p, &Options::default());
        let import = import(&out);
        assert!(import.skipped.is_empty(), "{:?}", import.skipped);
        assert_eq!(import.labels.len(), 0);
        let [d] = import.documents.as_slice() else {
            panic!()
        };
        let orig = &p.documents[0];
        assert_eq!(
            (d.name.as_str(), d.status, d.id),
            ("tokyo 東京", Status::InProgress, DocId(1))
        );
        assert_eq!(d.meta, orig.meta);
        let key = |doc: &Document| -> Vec<(usize, usize, String, Mention)> {
            doc.spans
                .iter()
                .map(|s| (s.start, s.end, s.label.to_string(), s.mention))
                .collect()
        };
        assert_eq!(key(d), key(orig));
        let q = &d.quotes[0];
        assert_eq!(q.content, orig.quotes[0].content);
        assert_eq!((q.cue, q.kind), (orig.quotes[0].cue, QuoteKind::Mixed));
        assert_eq!(
            d.span(q.speaker.unwrap()).unwrap().range(),
            at(TEXT, "Zoe\u{301} Ruiz")
        );
        // No entity links: doccano cannot carry them.
        assert!(d.spans.iter().all(|s| s.entity.is_none()));
        assert!(d.spans.iter().all(|s| s.origin
            == Origin::Imported {
                format: "doccano".into()
            }));
    }

    #[test]
    fn span_shape_writes_sorted_triples_and_reports_lost_links() {
        let p = sample();
        let options = Options {
            shape: Shape::Spans,
            labels: Some(vec!["PERSON".into()]),
            names_only: true,
            quotes: true,
        };
        let (out, report) = export(&p, &options);
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        let label = v["label"].as_array().unwrap();
        let chars: Vec<char> = TEXT.chars().collect();
        let got: Vec<String> = label
            .iter()
            .map(|t| {
                let (s, e) = (
                    t[0].as_u64().unwrap() as usize,
                    t[1].as_u64().unwrap() as usize,
                );
                format!(
                    "{}={}",
                    t[2].as_str().unwrap(),
                    chars[s..e].iter().collect::<String>()
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "PERSON=Zoe\u{301} Ruiz",
                "CUE=said",
                "QUOTE-MIXED=東京 is ready,",
                "QUOTE-MIXED=really."
            ]
        );
        assert_eq!(report.left_out.len(), 1, "{:?}", report.left_out);
        // Back in: two quotes (one per part), the cue has nothing to belong to.
        let import = import(&out);
        let d = &import.documents[0];
        assert_eq!(d.quotes.len(), 2);
        assert!(
            d.quotes
                .iter()
                .all(|q| q.speaker.is_none() && q.kind == QuoteKind::Mixed)
        );
        assert_eq!(import.skipped.len(), 1);
        assert!(
            import.skipped[0]
                .to_string()
                .starts_with("in.jsonl:1: span ["),
            "{}",
            import.skipped[0]
        );
    }

    #[test]
    fn a_span_with_a_quote_label_is_left_out_and_reported() {
        let mut p = sample();
        p.documents[0].insert_span(Span::new(SpanId(9), CharRange::new(0, 5), "Cue"));
        let (out, report) = export(&p, &Options::default());
        assert!(
            report.left_out[0].contains("label Cue"),
            "{:?}",
            report.left_out
        );
        assert_eq!(import(&out).documents[0].spans.len(), 3);
    }

    #[test]
    fn the_speaker_of_a_filtered_span_is_reported() {
        let p = sample();
        let options = Options {
            labels: Some(vec!["GPE".into()]),
            ..Options::default()
        };
        let (out, report) = export(&p, &options);
        assert_eq!(report.left_out.len(), 1);
        assert!(report.left_out[0].contains("keeps no speaker"));
        assert_eq!(import(&out).documents[0].quotes[0].speaker, None);
    }

    #[test]
    fn the_doccano_research_examples_import() {
        let text = "\"We will win,\" said Angela Merkel in Berlin.";
        let plain = format!(
            "{}\n",
            serde_json::json!({"id": 1, "text": text, "label": [[0, 14, "QUOTE"], [15, 19, "CUE"], [20, 33, "PERSON"], [37, 43, "GPE"]], "Comments": []})
        );
        let relation = format!(
            "{}\n",
            serde_json::json!({"id": 1, "text": text, "entities": [{"id": 11, "label": "QUOTE", "start_offset": 0, "end_offset": 14}, {"id": 13, "label": "PERSON", "start_offset": 20, "end_offset": 33}], "relations": [{"id": 5, "from_id": 11, "to_id": 13, "type": "speaker"}], "Comments": []})
        );
        let a = import(&plain);
        assert_eq!(a.documents[0].name, "in");
        assert_eq!(a.documents[0].spans.len(), 2);
        assert_eq!(a.documents[0].quotes.len(), 1);
        assert_eq!(a.labels.len(), 0, "PERSON and GPE are news labels");
        let b = import(&relation);
        let d = &b.documents[0];
        let q = &d.quotes[0];
        assert_eq!(
            d.slice(q.content[0].start, q.content[0].end),
            "\"We will win,\""
        );
        assert_eq!(
            d.span(q.speaker.unwrap()).map(|s| d.slice(s.start, s.end)),
            Some("Angela Merkel")
        );
    }

    #[test]
    fn malformed_records_fail_the_whole_import_naming_file_and_line() {
        let good = r#"{"text": "fine", "label": [[0, 4, "ORG"]]}"#;
        let errs = errors(&format!(
            "{good}\n{{\"text\": \"ab\", \"label\": [[0, 3, \"ORG\"]]}}\n"
        ));
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].starts_with("in.jsonl:2:1: span [0, 3, \"ORG\"]: range 0..3 runs past"),
            "{errs:?}"
        );
        let errs = errors(&format!(
            "{good}\n\n{{\"text\": \"x\", \"label\": [\"positive\"]}}\n{{not json\n"
        ));
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].starts_with("in.jsonl:3:1:") && errs[0].contains("text-classification"));
        assert!(
            errs[1].starts_with("in.jsonl:4:2: not valid JSON"),
            "{errs:?}"
        );
        let errs = errors(
            r#"{"text": "ab", "entities": [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 2}], "relations": [{"id": 1, "from_id": 1, "to_id": 7, "type": "speaker"}]}"#,
        );
        assert!(
            errs[0].contains("relation 1 refers to entity 7"),
            "{errs:?}"
        );
        let errs = errors(r#"{"label": []}"#);
        assert!(errs[0].contains("missing field `text`"), "{errs:?}");
        let errs = errors(r#"{"text": "ab", "label": [[0, 1, " "]]}"#);
        assert!(errs[0].contains("blank"), "{errs:?}");
    }

    #[test]
    fn unknown_relations_and_labels_are_reported_or_added() {
        let src = r#"{"text": "Ana met Bo", "entities": [{"id": 1, "label": "Person", "start_offset": 0, "end_offset": 3}, {"id": 2, "label": "Person", "start_offset": 8, "end_offset": 10}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "met"}]}"#;
        let i = import(src);
        assert_eq!(
            i.labels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
            ["Person"]
        );
        assert_eq!(i.labels[0].key, Some('8'));
        assert_eq!(i.skipped.len(), 1);
        assert!(i.skipped[0].message.contains("\"met\""));
    }

    #[test]
    fn documents_already_in_the_project_are_left_out() {
        let p = sample();
        let (out, _) = export(&p, &Options::default());
        let again = read_str(Path::new("x.jsonl"), &out, &p).unwrap();
        assert!(again.documents.is_empty());
        assert_eq!(again.notices.len(), 1);
    }

    #[test]
    fn one_file_per_document() {
        let mut p = sample();
        let mut other = Document::new(DocId(4), "tokyo 東京", "second");
        other.insert_span(Span::new(SpanId(1), CharRange::new(0, 6), "MISC"));
        p.insert_document(other);
        let dir = tempfile::tempdir().unwrap();
        let (paths, report) =
            write_files(&p, &p.documents, &Options::default(), dir.path()).unwrap();
        let names: Vec<_> = paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        // The second of two equal names gets "-2" (`file_names::file_stems`).
        assert_eq!(names, ["tokyo 東京.jsonl", "tokyo 東京-2.jsonl"]);
        assert_eq!(report.documents, 2);
        let back = read_paths(&[dir.path().to_path_buf()], &Project::new("t")).unwrap();
        assert_eq!(back.documents.len(), 2);
        assert_eq!(back.documents[1].id, DocId(2));
    }
}
