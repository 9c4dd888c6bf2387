//! Label Studio JSON: tasks for the `<Labels>` + `<Text>` named-entity setup, exported from
//! Gloss or from Label Studio (HumanSignal/label-studio), read back.
//!
//! A file is a JSON array of tasks:
//! `[{"id", "data": {"text", "doc", "status"}, "annotations": [{"result": [REGION…, RELATION…]}]}]`
//! with regions `{"id", "from_name": "label", "to_name": "text", "type": "labels",
//! "value": {"start", "end", "text", "labels": ["PERSON"]}}` and relations
//! `{"from_id", "to_id", "type": "relation", "direction": "right", "labels": ["speaker"]}`.
//!
//! # Offsets are UTF-16 code units
//! Label Studio documents `start`/`end` as characters, but the browser computes them on
//! JavaScript strings, so they count UTF-16 units: "😀 Merkel" has Merkel at 3, not 2
//! (research notes §2.6; Label Studio issues #1347, #4988). Export converts code points to
//! UTF-16; import converts back and refuses an offset that falls inside a surrogate pair,
//! naming the file, the task index and the region. `value.text` is checked against the text at
//! those units: when it differs, and especially when it would match the same numbers read as
//! code points (a file written by a Python script), the import fails with a message saying so,
//! rather than bringing in shifted spans.
//!
//! # What travels
//! Spans, and quotes as regions with relations (see `io::interchange`: `QUOTE…` parts, a
//! `CUE`, relations `speaker`, `cue`, `part`; an unlabelled relation means what it joins).
//! Gloss writes the document's name and status into `data` (`doc`, `status`): Label Studio
//! keeps data fields and shows them as columns; so is the metadata, a field per key (but
//! `text`, `doc`, `status`), and on import every other `data` field is metadata. `from_name`
//! and `to_name` name the config's tags; they are options of the export, and import reads any.
//!
//! # What does not
//! - Canonical entities and mention kinds (as for doccano): imported spans are unlinked; a span
//!   whose text is a pronoun comes in as a pronoun mention.
//! - One annotation per task is read: the first that is not cancelled, or with
//!   [`Annotator::Named`] the one by that annotator (`completed_by`: a user id or e-mail), so
//!   each annotator's work can go into a project of its own for `gloss agree` ([`Annotator::Only`]
//!   leaves out tasks they did not do). Further annotations, predictions, and results
//!   of other types (HyperText regions…) are reported as skipped. Choices and text areas are
//!   categories and attributes (see `io::label_studio::codes`).
//! - A region with several labels becomes one span per label (or a quote part and spans).
//! - The text is read from `data.text`; a config whose `<Text value="$…">` names another data
//!   key is refused with a message saying so (tasks carry no config to tell).
//! - A span labelled with a quote label is left out of the export and reported.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::io::interchange::{
    self, CUE_RELATION, ExportReport, Import, ImportBuilder, Link, PART_RELATION, Place,
    QuoteRegions, Record, Region, Rejected, Relation, SPEAKER_RELATION,
};
use crate::io::meta;
use crate::model::{CharRange, Document, Project};

pub(crate) mod codes;
pub mod config;

/// The format's name in `Origin::Imported`.
pub const FORMAT: &str = "label-studio";

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Only spans with these labels (all when `None`).
    pub labels: Option<Vec<String>>,
    /// Only name mentions, not pronouns or descriptions.
    pub names_only: bool,
    /// Write quotes as regions with relations.
    pub quotes: bool,
    /// The `name` of the `<Labels>` tag in the labelling config.
    pub from_name: String,
    /// The `name` of the `<Text>` tag.
    pub to_name: String,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            labels: None,
            names_only: false,
            quotes: true,
            from_name: "label".into(),
            to_name: "text".into(),
        }
    }
}

/// UTF-16 offsets of every code point boundary of `text` (one more than its length).
fn utf16_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut u = 0;
    out.push(0);
    for c in text.chars() {
        u += c.len_utf16();
        out.push(u);
    }
    out
}

// ------------------------------------------------------------------------------ export

#[derive(Serialize)]
struct TaskOut<'a> {
    id: u64,
    data: DataOut<'a>,
    annotations: Vec<AnnotationOut<'a>>,
}

#[derive(Serialize)]
struct DataOut<'a> {
    text: &'a str,
    doc: &'a str,
    status: &'static str,
    #[serde(flatten)]
    meta: BTreeMap<&'a str, &'a str>,
}
const DATA_KEYS: [&str; 3] = ["text", "doc", "status"]; // Gloss's own `data` fields, not metadata

#[derive(Serialize)]
struct AnnotationOut<'a> {
    result: Vec<ResultOut<'a>>,
    was_cancelled: bool,
    ground_truth: bool,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ResultOut<'a> {
    Region(RegionOut<'a>),
    Relation(RelationOut),
    /// Choices and text areas: categories and attributes (`io::label_studio::codes`).
    Choice(Value),
}

#[derive(Serialize)]
struct RegionOut<'a> {
    id: String,
    from_name: &'a str,
    to_name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    origin: &'static str,
    value: ValueOut<'a>,
}

#[derive(Serialize)]
struct ValueOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: Vec<&'a str>,
}

#[derive(Serialize)]
struct RelationOut {
    from_id: String,
    to_id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    direction: &'static str,
    labels: Vec<&'static str>,
}

/// Write the chosen documents as one Label Studio JSON array, a task per line.
pub fn write<'a, W: Write>(
    project: &'a Project,
    docs: impl IntoIterator<Item = &'a Document>,
    options: &Options,
    mut out: W,
) -> std::io::Result<ExportReport> {
    let mut report = ExportReport::default();
    out.write_all(b"[")?;
    for (i, doc) in docs.into_iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let (task, r) = task(project, doc, options);
        serde_json::to_writer(&mut out, &task)?;
        report.merge(r);
    }
    out.write_all(b"\n]\n")?;
    out.flush()?;
    Ok(report)
}

fn task<'a>(
    project: &Project,
    doc: &'a Document,
    options: &'a Options,
) -> (TaskOut<'a>, ExportReport) {
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    report.left_out = meta::clashes(doc, &DATA_KEYS, "data");
    let units = utf16_offsets(&doc.text);
    let u = |c: usize| units.get(c).copied().unwrap_or(units[units.len() - 1]);
    let region = |id: String, range: CharRange, label: &'a str| {
        ResultOut::Region(RegionOut {
            id,
            from_name: &options.from_name,
            to_name: &options.to_name,
            kind: "labels",
            origin: "manual",
            value: ValueOut {
                start: u(range.start),
                end: u(range.end),
                text: doc.slice(range.start, range.end),
                labels: vec![label],
            },
        })
    };
    let relation = |from_id: &str, to_id: &str, label: &'static str| {
        ResultOut::Relation(RelationOut {
            from_id: from_id.to_string(),
            to_id: to_id.to_string(),
            kind: "relation",
            direction: "right",
            labels: vec![label],
        })
    };
    let mut result = Vec::new();
    let mut span_region = HashMap::new();
    let choice = (&options.labels, options.names_only);
    for s in &doc.spans {
        if !interchange::writes_span(FORMAT, doc, s, choice, &mut report) {
            continue;
        }
        let id = format!("s{}", s.id);
        span_region.insert(s.id, id.clone());
        result.push(region(id, s.range(), &s.label));
        report.spans += 1;
    }
    let mut quote_first = HashMap::new();
    if options.quotes {
        report.quotes = doc.quotes.len();
        let mut part_region = HashMap::new();
        let mut cue_region = HashMap::new();
        for (qi, part, range, label) in QuoteRegions::of(doc).items {
            let qid = doc.quotes[qi].id;
            let id = match part {
                Some(pi) => {
                    let id = format!("q{qid}.{}", pi + 1);
                    if pi == 0 {
                        quote_first.insert(qi, (id.clone(), range));
                    }
                    part_region.insert((qi, pi), id.clone());
                    id
                }
                None => {
                    let id = format!("c{qid}");
                    cue_region.insert(range, id.clone());
                    id
                }
            };
            result.push(region(id, range, label));
        }
        for (qi, q) in doc.quotes.iter().enumerate() {
            let Some(first) = part_region.get(&(qi, 0)) else {
                continue;
            };
            for pi in 1..q.content.len() {
                if let Some(p) = part_region.get(&(qi, pi)) {
                    result.push(relation(first, p, PART_RELATION));
                }
            }
            if let Some(sp) = q.speaker {
                match span_region.get(&sp) {
                    Some(s) => result.push(relation(first, s, SPEAKER_RELATION)),
                    None => report.left_out.push(interchange::speaker_note(doc, q)),
                }
            }
            if let Some(c) = q.cue.and_then(|c| cue_region.get(&c)) {
                result.push(relation(first, c, CUE_RELATION));
            }
        }
    }
    let codes = codes::results(
        project,
        doc,
        &options.to_name,
        &span_region,
        &quote_first,
        &u,
    );
    result.extend(codes.into_iter().map(ResultOut::Choice));
    let task = TaskOut {
        id: doc.id.0,
        data: DataOut {
            text: &doc.text,
            doc: &doc.name,
            status: doc.status.key(),
            meta: meta::fields_except(&doc.meta, &DATA_KEYS),
        },
        annotations: vec![AnnotationOut {
            result,
            was_cancelled: false,
            ground_truth: false,
        }],
    };
    (task, report)
}

// ------------------------------------------------------------------------------ import

#[derive(Deserialize)]
struct TaskIn {
    #[serde(default)]
    id: Value,
    data: Map<String, Value>,
    #[serde(default)]
    annotations: Option<Vec<AnnotationIn>>,
    /// The name of `annotations` before Label Studio 1.0.
    #[serde(default)]
    completions: Option<Vec<AnnotationIn>>,
    #[serde(default)]
    predictions: Vec<Value>,
}

#[derive(Deserialize)]
struct AnnotationIn {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    result: Vec<Value>,
    #[serde(default)]
    was_cancelled: bool,
    /// Who made it: a user id, or `{"id", "email", …}` in exports with user details.
    #[serde(default)]
    completed_by: Value,
}

pub use crate::io::annotator::Annotator;
use crate::io::annotator::{annotator_name, made_by};

#[derive(Deserialize)]
struct RegionIn {
    #[serde(default)]
    id: Option<Value>,
    value: RegionValue,
}

#[derive(Deserialize)]
struct RegionValue {
    start: Value,
    end: Value,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    labels: Vec<String>,
}

#[derive(Deserialize)]
struct RelationIn {
    from_id: Value,
    to_id: Value,
    #[serde(default)]
    labels: Vec<String>,
}

/// Read the Label Studio files `paths` name (folders are walked for `.json` and `.jsonl`)
/// for adding to `project`. Either everything comes back, or `Rejected` lists every error,
/// each naming the file and the task index.
pub fn read_paths(paths: &[PathBuf], project: &Project) -> Result<Import, Rejected> {
    read_paths_by(paths, project, &Annotator::First)
}

/// [`read_paths`], reading `annotator`'s annotation of each task.
pub fn read_paths_by(
    paths: &[PathBuf],
    project: &Project,
    annotator: &Annotator,
) -> Result<Import, Rejected> {
    let mut b = ImportBuilder::new(project, FORMAT);
    b.read_files(paths, &["json", "jsonl"], "task", |b, path, records| {
        read_file(b, path, records, annotator)
    });
    b.finish()
}

/// Read Label Studio JSON already in memory; `path` names it in messages.
pub fn read_str(path: &Path, source: &str, project: &Project) -> Result<Import, Rejected> {
    read_str_by(path, source, project, &Annotator::First)
}

/// [`read_str`], reading `annotator`'s annotation of each task.
pub fn read_str_by(
    path: &Path,
    source: &str,
    project: &Project,
    annotator: &Annotator,
) -> Result<Import, Rejected> {
    let mut b = ImportBuilder::new(project, FORMAT);
    b.read_source(path, source, "task", |b, path, records| {
        read_file(b, path, records, annotator)
    });
    b.finish()
}

fn read_file(b: &mut ImportBuilder, path: &Path, records: Vec<Record>, annotator: &Annotator) {
    let several = records.len() > 1;
    for rec in records {
        let place = match rec.place {
            // A lone task object is task 0 of its file.
            Place::Line(_) if !several => Place::Item {
                noun: "task",
                index: 0,
            },
            p => p,
        };
        if let Err(message) = read_task(b, path, place, several, rec.value, annotator) {
            b.error(path, place, message);
        }
    }
}

fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// A region's offsets as code points, or why they cannot be.
fn region_range(
    text: &str,
    units: &[usize],
    to_char: &HashMap<usize, usize>,
    value: &RegionValue,
    name: &str,
) -> Result<CharRange, String> {
    let total = units[units.len() - 1];
    let unit = |v: &Value, which: &str| -> Result<usize, String> {
        let Some(u) = v.as_u64() else {
            return Err(format!(
                "{name}: {which} {v} is not a character offset (HyperText and paragraph regions are not read)"
            ));
        };
        let u = u as usize;
        if u > total {
            return Err(format!(
                "{name}: {which} {u} runs past the end of the text ({total} UTF-16 units)"
            ));
        }
        to_char.get(&u).copied().ok_or_else(|| {
            let c = units.partition_point(|&x| x < u) - 1;
            let ch = text.chars().nth(c).unwrap_or('?');
            format!(
                "{name}: {which} {u} falls inside the surrogate pair of {ch:?} (UTF-16 units {}..{}); Label Studio offsets are UTF-16 code units",
                units[c],
                units[c + 1]
            )
        })
    };
    let (start, end) = (unit(&value.start, "start")?, unit(&value.end, "end")?);
    let range = interchange::checked_range(start, end, units.len() - 1)
        .map_err(|e| format!("{name}: {e} (in code points)"))?;
    if let Some(given) = &value.text {
        let at = crate::text::slice_chars(text, range.start, range.end);
        if given != at {
            let (s, e) = (value.start.as_u64(), value.end.as_u64());
            let as_code_points = match (s, e) {
                (Some(s), Some(e)) if s < e => {
                    crate::text::slice_chars(text, s as usize, e as usize) == given
                }
                _ => false,
            };
            let hint = if as_code_points {
                "; it is the text at those numbers read as code points: the file was written with Python-style offsets, not Label Studio's UTF-16 units"
            } else {
                ""
            };
            return Err(format!(
                "{name}: value.text {given:?} differs from the text at UTF-16 units {}..{} ({at:?}){hint}",
                value.start, value.end
            ));
        }
    }
    Ok(range)
}

fn read_task(
    b: &mut ImportBuilder,
    path: &Path,
    place: Place,
    several: bool,
    value: Value,
    annotator: &Annotator,
) -> Result<(), String> {
    let task: TaskIn = serde_json::from_value(value).map_err(|e| {
        format!(
            "not a Label Studio task (JSON and JSONL exports are read, not JSON_MIN or CSV): {e}"
        )
    })?;
    let label = match id_text(&task.id) {
        Some(id) => format!(" (id {id})"),
        None => String::new(),
    };
    let Some(text) = task.data.get("text").and_then(Value::as_str) else {
        return Err(format!(
            "task{label} has no data.text string; Gloss reads the document's text from data.text"
        ));
    };
    let name = interchange::record_name(
        path,
        place,
        several,
        task.data.get("doc").and_then(Value::as_str),
    );
    let mut doc = b.document(name, text.to_string(), path);
    doc.meta = meta::from_fields_except(&task.data, &DATA_KEYS);
    if let Some(s) = task.data.get("status").and_then(Value::as_str) {
        match interchange::status_named(s) {
            Some(st) => doc.status = st,
            None => b.skip(
                path,
                place,
                format!("status {s:?} is not todo, in_progress or done"),
            ),
        }
    }
    let annotations = task.annotations.or(task.completions).unwrap_or_default();
    if !task.predictions.is_empty() {
        b.skip(
            path,
            place,
            format!(
                "task{label}: {} prediction(s) are not read (only annotations are)",
                task.predictions.len()
            ),
        );
    }
    let mut chosen = None;
    let asked = annotator.who();
    for (i, a) in annotations.into_iter().enumerate() {
        let id = id_text(&a.id)
            .map(|id| format!(" (id {id})"))
            .unwrap_or_default();
        if let Some(who) = asked {
            // Another annotator's work is theirs to import, not a loss.
            if chosen.is_none() && !a.was_cancelled && made_by(&a.completed_by, who) {
                chosen = Some(a);
            }
            continue;
        }
        if a.was_cancelled {
            b.skip(
                path,
                place,
                format!("annotation {i}{id} was cancelled (skipped by its annotator)"),
            );
        } else if chosen.is_none() {
            chosen = Some(a);
        } else {
            let by = annotator_name(&a.completed_by)
                .map(|who| format!(" (this one by annotator {who})"))
                .unwrap_or_default();
            b.skip(
                path,
                place,
                format!(
                    "annotation {i}{id} is a further annotation of the task; only the first is read{by}"
                ),
            );
        }
    }
    if let (Some(who), None) = (asked, &chosen) {
        if matches!(annotator, Annotator::Only(_)) {
            let left_out = format!("task{label} has no annotation by annotator {who}; left out");
            b.notice(path, place, left_out);
            return Ok(());
        }
        b.skip(
            path,
            place,
            format!(
                "task{label} has no annotation by annotator {who}; its text comes in unannotated"
            ),
        );
    }
    if let Some(annotation) = chosen {
        read_result(b, path, place, &mut doc, annotation.result)?;
    }
    b.push(doc, path, place);
    Ok(())
}

fn read_result(
    b: &mut ImportBuilder,
    path: &Path,
    place: Place,
    doc: &mut Document,
    result: Vec<Value>,
) -> Result<(), String> {
    let text = doc.text.clone();
    let units = utf16_offsets(&text);
    let to_char: HashMap<usize, usize> = units.iter().enumerate().map(|(c, &u)| (u, c)).collect();
    let mut regions: Vec<Region> = Vec::new();
    let mut region_of: HashMap<String, Vec<usize>> = HashMap::new();
    let mut other_ids: HashMap<String, String> = HashMap::new();
    let mut relations_in = Vec::new();
    let mut choices = Vec::new();
    for (k, item) in result.into_iter().enumerate() {
        let kind = item
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let id = item.get("id").and_then(id_text);
        match kind.as_str() {
            "labels" => {
                let r: RegionIn = serde_json::from_value(item)
                    .map_err(|e| format!("result {k}: not a labels region: {e}"))?;
                let id = r.id.as_ref().and_then(id_text);
                let name = match &id {
                    Some(id) => format!("region {id}"),
                    None => format!("result {k}"),
                };
                let range = region_range(&text, &units, &to_char, &r.value, &name)?;
                if r.value.labels.is_empty() {
                    b.skip(path, place, format!("{name} has no label"));
                }
                let mut made = Vec::new();
                for label in &r.value.labels {
                    let region = b.region(doc, range, label, format!("{name} ({label})"))?;
                    made.push(regions.len());
                    regions.push(region);
                }
                match id {
                    Some(id) if made.is_empty() => {
                        other_ids.insert(id, "unlabelled labels".into());
                    }
                    Some(id) => region_of.entry(id).or_default().extend(made),
                    None => {}
                }
            }
            "choices" | "textarea" => choices.push(codes::read(k, &item, id)?),
            "relation" => {
                let r: RelationIn = serde_json::from_value(item)
                    .map_err(|e| format!("result {k}: not a relation: {e}"))?;
                relations_in.push((k, r));
            }
            other => {
                let what = if other.is_empty() {
                    "has no type".to_string()
                } else {
                    format!("is of type {other:?}")
                };
                b.skip(
                    path,
                    place,
                    format!(
                        "result {k}{} {what}; Gloss reads labels regions and relations",
                        id.as_ref()
                            .map(|i| format!(" (region {i})"))
                            .unwrap_or_default()
                    ),
                );
                if let Some(id) = id {
                    other_ids.insert(id, other.to_string());
                }
            }
        }
    }
    let mut relations = Vec::new();
    for (k, r) in relations_in {
        let name = format!("relation {k}");
        let mut ends = Vec::new();
        for v in [&r.from_id, &r.to_id] {
            let id = id_text(v).unwrap_or_default();
            if let Some(list) = region_of.get(&id) {
                ends.push(list.clone());
            } else if let Some(kind) = other_ids.get(&id) {
                b.skip(
                    path,
                    place,
                    format!("{name} refers to region {id}, a {kind:?} result that is not read"),
                );
            } else {
                return Err(format!(
                    "{name} refers to region {v}, which this annotation does not define"
                ));
            }
        }
        let [from, to] = ends.as_slice() else {
            continue;
        };
        let label = r.labels.iter().find(|l| Link::named(Some(l)).is_ok());
        let link = match (label, r.labels.first()) {
            (Some(l), _) => Link::named(Some(l)).unwrap_or(None),
            (None, None) => None,
            (None, Some(l)) => {
                b.skip(
                    path,
                    place,
                    format!("{name}: relation label {l:?} is not read (Gloss reads {SPEAKER_RELATION}, {CUE_RELATION} and {PART_RELATION})"),
                );
                continue;
            }
        };
        // A region with several labels is several regions: relate the ones that fit.
        let pick = |list: &[usize], fits: &dyn Fn(&Region) -> bool| {
            list.iter()
                .copied()
                .find(|&i| fits(&regions[i]))
                .unwrap_or(list[0])
        };
        let part = |r: &Region| r.part.is_some();
        let other: &dyn Fn(&Region) -> bool = match link {
            Some(Link::Part) => &part,
            Some(Link::Speaker) => &|r: &Region| r.span.is_some(),
            Some(Link::Cue) => &|r: &Region| r.cue,
            None => &|r: &Region| r.part.is_none(),
        };
        let from_part = from.iter().any(|&i| regions[i].part.is_some());
        let to_part = to.iter().any(|&i| regions[i].part.is_some());
        let (a, bb) = if from_part && to_part && link.is_none() {
            (pick(from, &part), pick(to, &part))
        } else if from_part {
            (pick(from, &part), pick(to, other))
        } else {
            (pick(from, other), pick(to, &part))
        };
        relations.push(Relation {
            a,
            b: bb,
            link,
            name,
        });
    }
    let (quotes, lost) = interchange::assemble_quotes(&regions, &relations, &b.origin());
    for message in lost {
        b.skip(path, place, message);
    }
    for q in quotes {
        doc.insert_quote(q);
    }
    let mut spans: HashMap<String, Vec<crate::model::SpanId>> = HashMap::new();
    let mut parts: HashMap<String, Vec<CharRange>> = HashMap::new();
    for (id, list) in &region_of {
        for &i in list {
            let r = &regions[i];
            match (r.span, r.part) {
                (Some(s), _) => spans.entry(id.clone()).or_default().push(s),
                (None, Some(_)) => parts.entry(id.clone()).or_default().push(r.range),
                _ => {}
            }
        }
    }
    codes::apply(b, path, place, doc, choices, &spans, &parts)
}

#[cfg(test)]
mod tests;
