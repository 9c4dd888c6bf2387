//! The JSON exchange formats over random projects: doccano, Label Studio, Prodigy and the
//! native JSONL, each exported and imported back into an empty project.
//!
//! - Every lossless path gives back the same spans (start, end, label) and quotes (content,
//!   cue, speaker range, kind); the native JSONL also the entity names and mention kinds.
//! - Offsets are right in their own units: doccano's and Prodigy's are code points (the slice
//!   of the text by code points is the annotated text), Label Studio's are UTF-16 units (every
//!   `value.text` is the UTF-16 slice, and the offsets are the model's converted).
//! - The imports apply as one `Command::Batch` to a project that stays valid.
//! - Label Studio's output has exactly the shape of its export schema, written down here as
//!   serde structs that refuse unknown fields, and survives a round trip through them; doccano's
//!   and Prodigy's likewise.
//!
//! Texts mix ZWJ emoji, flags, skin tones, combining marks, CJK and CRLF line ends (the pieces
//! of `tests/properties.rs`).

use std::path::Path;

use gloss::app::Command;
use gloss::app::formats::{self, ExportFormat, ExportOptions};
use gloss::io::interchange::{ExportReport, Import};
use gloss::io::{doccano, jsonl, label_studio, prodigy};
use gloss::model::{
    CharRange, DocId, Document, Entity, EntityId, LabelDef, LabelSet, Mention, Project, Quote,
    QuoteId, QuoteKind, Span, SpanId, Status, validate,
};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Random projects
// ---------------------------------------------------------------------------------------------

const PIECES: &[&str] = &[
    "Putin",
    "said",
    "the",
    "Merkel",
    "Bank",
    "of",
    "Ana",
    "Ruiz",
    "Merkel's",
    "she",
    "Léon",
    "Zoë",
    "São",
    "Jörg",
    "İstanbul",
    "👋",
    "👩‍👩‍👧",
    "🇫🇷",
    "👍🏽",
    "😀",
    "東京",
    "習近平",
    "e\u{301}",
    "n\u{303}o",
    "a\u{308}\u{304}",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    "\n",
    "\r\n",
    "\r\n\r\n",
    "\t",
    "“",
    "”",
    "\"",
    "\\",
    "'",
];

fn text_strategy(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max_pieces).prop_map(|v| v.concat())
}

fn name_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..4).prop_map(|v| v.concat())
}

const EXTRA_LABELS: &[&str] = &["TITLE", "人名", "Ünïcode label", "WORK_OF_ART"];

#[derive(Clone, Debug)]
struct RawSpan {
    a: usize,
    b: usize,
    label: usize,
    entity: Option<usize>,
    mention: usize,
}

#[derive(Clone, Debug)]
struct RawQuote {
    content: Vec<(usize, usize)>,
    speaker: Option<usize>,
    cue: Option<(usize, usize)>,
    kind: usize,
}

#[derive(Clone, Debug)]
struct RawDoc {
    name: String,
    status: usize,
    text: String,
    spans: Vec<RawSpan>,
    quotes: Vec<RawQuote>,
}

#[derive(Clone, Debug)]
struct RawProject {
    extra_labels: Vec<usize>,
    entities: Vec<(String, usize)>,
    docs: Vec<RawDoc>,
}

prop_compose! {
    fn raw_span()(
        a in 0..400usize,
        b in 0..400usize,
        label in 0..16usize,
        entity in prop::option::weighted(0.5, 0..8usize),
        mention in 0..3usize,
    ) -> RawSpan {
        RawSpan { a, b, label, entity, mention }
    }
}

prop_compose! {
    fn raw_quote()(
        content in prop::collection::vec((0..400usize, 0..400usize), 1..4),
        speaker in prop::option::weighted(0.7, 0..16usize),
        cue in prop::option::of((0..400usize, 0..400usize)),
        kind in 0..3usize,
    ) -> RawQuote {
        RawQuote { content, speaker, cue, kind }
    }
}

prop_compose! {
    fn raw_doc()(
        name in name_strategy(),
        status in 0..3usize,
        text in text_strategy(40),
        spans in prop::collection::vec(raw_span(), 0..10),
        quotes in prop::collection::vec(raw_quote(), 0..4),
    ) -> RawDoc {
        RawDoc { name, status, text, spans, quotes }
    }
}

prop_compose! {
    fn raw_project()(
        extra_labels in prop::collection::vec(0..EXTRA_LABELS.len(), 0..3),
        entities in prop::collection::vec((name_strategy(), 0..16usize), 0..5),
        docs in prop::collection::vec(raw_doc(), 1..=3),
    ) -> RawProject {
        RawProject { extra_labels, entities, docs }
    }
}

/// `start..end` inside a text of `len` code points, at most 16 long; `None` for empty text.
fn mk_range(len: usize, a: usize, b: usize) -> Option<CharRange> {
    if len == 0 {
        return None;
    }
    let start = a % len;
    let max = (len - start).min(16);
    Some(CharRange::new(start, start + 1 + b % max))
}

fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

/// A valid project from raw numbers. Document names get their number appended, so that no two
/// documents share name and text (an import leaves such a repeat out, by design).
fn build(raw: RawProject) -> Project {
    let mut labels = LabelSet::news();
    for &i in &raw.extra_labels {
        let name = EXTRA_LABELS[i];
        if !labels.contains(name) {
            let def = LabelDef {
                name: name.to_string(),
                color: labels.next_color(),
                key: labels.free_key(),
                description: String::new(),
            };
            labels.labels.push(def);
        }
    }
    let mut p = Project::with_labels("random", labels);
    let label_names: Vec<String> = p.labels.names().map(String::from).collect();
    let label = |i: usize| pick(&label_names, i).cloned().unwrap_or_default();
    for (i, (name, l)) in raw.entities.into_iter().enumerate() {
        p.insert_entity(Entity {
            id: EntityId(i as u64 + 1),
            name,
            label: label(l),
            aliases: vec![],
            attributes: Default::default(),
        });
    }
    let entity_ids: Vec<EntityId> = p.entities.iter().map(|e| e.id).collect();
    for (n, d) in raw.docs.into_iter().enumerate() {
        let mut doc = Document::new(DocId(n as u64 + 1), format!("{} #{n}", d.name), d.text);
        doc.status = Status::ALL[d.status % 3];
        let len = doc.char_len();
        for s in d.spans {
            let Some(r) = mk_range(len, s.a, s.b) else {
                continue;
            };
            let mut span = Span::new(doc.next_span_id(), r, label(s.label));
            span.entity = s.entity.and_then(|i| pick(&entity_ids, i)).copied();
            span.mention = Mention::ALL[s.mention % 3];
            doc.spans.push(span);
        }
        let span_ids: Vec<SpanId> = doc.spans.iter().map(|s| s.id).collect();
        for q in d.quotes {
            let content: Vec<CharRange> = q
                .content
                .iter()
                .filter_map(|&(a, b)| mk_range(len, a, b))
                .collect();
            if content.is_empty() {
                continue;
            }
            let id = QuoteId(doc.quotes.len() as u64 + 1);
            doc.quotes.push(Quote {
                id,
                content,
                speaker: q.speaker.and_then(|i| pick(&span_ids, i)).copied(),
                cue: q.cue.and_then(|(a, b)| mk_range(len, a, b)),
                kind: [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed][q.kind % 3],
                origin: Default::default(),
                attributes: Default::default(),
            });
        }
        p.documents.push(doc);
    }
    p.normalise();
    p
}

fn project_strategy() -> impl Strategy<Value = Project> {
    raw_project().prop_map(build)
}

// ---------------------------------------------------------------------------------------------
// Comparing
// ---------------------------------------------------------------------------------------------

type SpanKey = (usize, usize, String);
type QuoteKey = (
    Vec<CharRange>,
    Option<CharRange>,
    Option<CharRange>,
    &'static str,
);

fn span_keys(d: &Document) -> Vec<SpanKey> {
    let mut v: Vec<SpanKey> = d
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.label.to_string()))
        .collect();
    v.sort();
    v
}

fn quote_keys(d: &Document) -> Vec<QuoteKey> {
    let mut v: Vec<QuoteKey> = d
        .quotes
        .iter()
        .map(|q| {
            let mut content = q.content.clone();
            content.sort();
            let speaker = q.speaker.and_then(|s| d.span(s)).map(Span::range);
            (content, q.cue, speaker, q.kind.name())
        })
        .collect();
    v.sort();
    v
}

/// The import as one batch, the shape `app::formats::brat_command` gives brat imports.
fn apply(project: &mut Project, import: &Import) -> Result<(), String> {
    let at = project.labels.labels.len();
    let mut commands: Vec<Command> = import
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| Command::AddLabel {
            index: at + i,
            label: label.clone(),
        })
        .collect();
    commands.extend(
        import
            .new_entities
            .iter()
            .map(|e| Command::AddEntity { entity: e.clone() }),
    );
    commands.extend(
        import
            .updated_entities
            .iter()
            .map(|e| Command::UpdateEntity { entity: e.clone() }),
    );
    commands.extend(import.documents.iter().map(|d| Command::AddDocument {
        document: Box::new(d.clone()),
    }));
    let batch = Command::Batch {
        name: "import".into(),
        commands,
    };
    batch.apply(project).map_err(|e| e.to_string())?;
    let problems = validate(project);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{problems:?}"))
    }
}

/// Import `import` into an empty project and check documents, texts, names and statuses.
fn imported(original: &Project, import: Import) -> Result<Project, TestCaseError> {
    prop_assert!(import.notices.is_empty(), "{:?}", import.notices);
    let mut p = Project::new("back");
    apply(&mut p, &import).map_err(TestCaseError::fail)?;
    prop_assert_eq!(p.documents.len(), original.documents.len());
    for (d, o) in p.documents.iter().zip(&original.documents) {
        prop_assert_eq!(&d.text, &o.text);
        prop_assert_eq!(&d.name, &o.name);
        prop_assert_eq!(d.status, o.status);
    }
    Ok(p)
}

fn cp_slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

fn utf16_slice(text: &str, s: usize, e: usize) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(units.get(s..e)?).ok()
}

fn utf16_of(text: &str, c: usize) -> usize {
    text.chars().take(c).map(char::len_utf16).sum()
}

// ---------------------------------------------------------------------------------------------
// The formats' shapes, as their documentation gives them
// ---------------------------------------------------------------------------------------------

/// Label Studio's task, for the `<Labels name="label" toName="text">` + `<Text name="text">`
/// config (docs/source/guide/export.md).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LsTask {
    id: u64,
    data: LsData,
    annotations: Vec<LsAnnotation>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LsData {
    text: String,
    doc: String,
    status: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LsAnnotation {
    result: Vec<LsResult>,
    was_cancelled: bool,
    ground_truth: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", deny_unknown_fields)]
enum LsResult {
    #[serde(rename = "labels")]
    Labels {
        id: String,
        from_name: String,
        to_name: String,
        origin: String,
        value: LsValue,
    },
    #[serde(rename = "relation")]
    Relation {
        from_id: String,
        to_id: String,
        direction: String,
        labels: Vec<String>,
    },
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LsValue {
    start: usize,
    end: usize,
    text: String,
    labels: Vec<String>,
}

/// doccano's relation-mode line (research notes §2.1) with Gloss's `doc` and `status` meta.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DoccanoLine {
    id: u64,
    text: String,
    entities: Vec<DoccanoEntity>,
    relations: Vec<DoccanoRelation>,
    doc: String,
    status: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DoccanoEntity {
    id: u64,
    label: String,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DoccanoRelation {
    id: u64,
    from_id: u64,
    to_id: u64,
    #[serde(rename = "type")]
    kind: String,
}

/// Prodigy's `ner_manual` task with `relations` (research notes §2.3).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProdigyTask {
    text: String,
    tokens: Vec<ProdigyToken>,
    spans: Vec<ProdigySpan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    relations: Vec<ProdigyRelation>,
    meta: ProdigyMeta,
    answer: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProdigyToken {
    text: String,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProdigySpan {
    start: usize,
    end: usize,
    label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token_end: Option<usize>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProdigyRelation {
    head: usize,
    child: usize,
    head_span: ProdigySpan,
    child_span: ProdigySpan,
    label: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProdigyMeta {
    doc: String,
    status: String,
}

/// `source` parses as `T` with no field unknown to it, and writing it back gives the same JSON.
fn conforms<T: Serialize + for<'de> Deserialize<'de>>(source: &str) -> Result<T, TestCaseError> {
    let typed: T = serde_json::from_str(source)
        .map_err(|e| TestCaseError::fail(format!("does not fit the schema: {e}\n{source}")))?;
    let back = serde_json::to_value(&typed).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let orig: Value =
        serde_json::from_str(source).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(back, orig);
    Ok(typed)
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

fn export<E>(
    f: impl FnOnce(&mut Vec<u8>) -> Result<ExportReport, E>,
) -> Result<(String, ExportReport), TestCaseError>
where
    E: std::fmt::Display,
{
    let mut buf = Vec::new();
    let report = f(&mut buf).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let s = String::from_utf8(buf).map_err(|e| TestCaseError::fail(e.to_string()))?;
    Ok((s, report))
}

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> Result<T, TestCaseError> {
    r.map_err(|e| TestCaseError::fail(e.to_string()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn doccano_relation_shape_round_trips(p in project_strategy()) {
        let options = doccano::Options::default();
        let (out, report) = export(|b| doccano::write(&p, &p.documents, &options, b))?;
        prop_assert!(report.left_out.is_empty(), "{:?}", report.left_out);
        let lines: Vec<&str> = out.lines().collect();
        prop_assert_eq!(lines.len(), p.documents.len());
        for (line, d) in lines.iter().zip(&p.documents) {
            let typed: DoccanoLine = conforms(line)?;
            // Code points: each entity's slice is the text of what it marks.
            let mut got: Vec<(String, String)> = typed
                .entities
                .iter()
                .filter(|e| !e.label.starts_with("QUOTE") && e.label != "CUE")
                .map(|e| (cp_slice(&typed.text, e.start_offset, e.end_offset), e.label.clone()))
                .collect();
            let mut want: Vec<(String, String)> = d
                .spans
                .iter()
                .map(|s| (d.slice(s.start, s.end).to_string(), s.label.to_string()))
                .collect();
            got.sort();
            want.sort();
            prop_assert_eq!(got, want);
        }
        let import = ok(doccano::read_str(Path::new("p.jsonl"), &out, &Project::new("x")))?;
        prop_assert!(import.skipped.is_empty(), "{:?}", import.skipped);
        let back = imported(&p, import)?;
        for (d, o) in back.documents.iter().zip(&p.documents) {
            prop_assert_eq!(span_keys(d), span_keys(o));
            prop_assert_eq!(quote_keys(d), quote_keys(o));
        }
    }

    #[test]
    fn doccano_label_shape_keeps_outermost_spans_and_quote_parts(p in project_strategy()) {
        let options = doccano::Options { shape: doccano::Shape::Spans, ..Default::default() };
        let (out, _) = export(|b| doccano::write(&p, &p.documents, &options, b))?;
        let import = ok(doccano::read_str(Path::new("p.jsonl"), &out, &Project::new("x")))?;
        let back = imported(&p, import)?;
        for (d, o) in back.documents.iter().zip(&p.documents) {
            // Everything written was in the document, and nothing overlaps (the label shape is
            // for doccano projects without "allow overlapping").
            let mut written: Vec<(usize, usize)> = d.spans.iter().map(|s| (s.start, s.end))
                .chain(d.quotes.iter().flat_map(|q| q.content.iter().map(|r| (r.start, r.end))))
                .collect();
            written.sort();
            for w in written.windows(2) {
                prop_assert!(w[0].1 <= w[1].0, "overlap: {:?}", w);
            }
            let original = span_keys(o);
            for s in span_keys(d) {
                prop_assert!(original.contains(&s), "{:?} not in {:?}", s, original);
            }
            let parts: Vec<(CharRange, &str)> = o
                .quotes
                .iter()
                .flat_map(|q| q.content.iter().map(move |r| (*r, q.kind.name())))
                .collect();
            for q in &d.quotes {
                prop_assert!(parts.contains(&(q.content[0], q.kind.name())));
            }
        }
    }

    #[test]
    fn label_studio_round_trips_with_utf16_offsets(p in project_strategy()) {
        let options = label_studio::Options::default();
        let (out, report) = export(|b| label_studio::write(&p, &p.documents, &options, b))?;
        prop_assert!(report.left_out.is_empty(), "{:?}", report.left_out);
        let tasks: Vec<LsTask> = conforms(&out)?;
        prop_assert_eq!(tasks.len(), p.documents.len());
        for (task, d) in tasks.iter().zip(&p.documents) {
            let text = &task.data.text;
            let mut got = Vec::new();
            for r in &task.annotations[0].result {
                if let LsResult::Labels { value, from_name, to_name, .. } = r {
                    prop_assert_eq!((from_name.as_str(), to_name.as_str()), ("label", "text"));
                    let slice = utf16_slice(text, value.start, value.end);
                    prop_assert_eq!(slice.as_deref(), Some(value.text.as_str()));
                    if !value.labels[0].starts_with("QUOTE") && value.labels[0] != "CUE" {
                        got.push((value.start, value.end, value.labels[0].clone()));
                    }
                }
            }
            let mut want: Vec<(usize, usize, String)> = d
                .spans
                .iter()
                .map(|s| (utf16_of(text, s.start), utf16_of(text, s.end), s.label.to_string()))
                .collect();
            got.sort();
            want.sort();
            prop_assert_eq!(got, want);
        }
        let import = ok(label_studio::read_str(Path::new("t.json"), &out, &Project::new("x")))?;
        prop_assert!(import.skipped.is_empty(), "{:?}", import.skipped);
        let back = imported(&p, import)?;
        for (d, o) in back.documents.iter().zip(&p.documents) {
            prop_assert_eq!(span_keys(d), span_keys(o));
            prop_assert_eq!(quote_keys(d), quote_keys(o));
        }
    }

    #[test]
    fn prodigy_round_trips_spans_and_quotes(p in project_strategy()) {
        let options = prodigy::Options { quotes: true, ..Default::default() };
        let (out, report) = export(|b| prodigy::write(&p, &p.documents, &options, b))?;
        let lines: Vec<&str> = out.lines().collect();
        prop_assert_eq!(lines.len(), p.documents.len());
        for (line, d) in lines.iter().zip(&p.documents) {
            let task: ProdigyTask = conforms(line)?;
            for t in &task.tokens {
                prop_assert_eq!(cp_slice(&task.text, t.start, t.end), t.text.clone());
                let next = task.text.chars().nth(t.end);
                prop_assert_eq!(t.ws, next.is_some_and(char::is_whitespace));
            }
            for s in &task.spans {
                if let (Some(a), Some(b)) = (s.token_start, s.token_end) {
                    prop_assert!(a <= b && b < task.tokens.len());
                } else {
                    prop_assert!(task.tokens.is_empty());
                }
            }
            let mut got: Vec<(String, String)> = task
                .spans
                .iter()
                .filter(|s| !s.label.starts_with("QUOTE") && s.label != "CUE")
                .map(|s| (cp_slice(&task.text, s.start, s.end), s.label.to_string()))
                .collect();
            let mut want: Vec<(String, String)> = d
                .spans
                .iter()
                .map(|s| (d.slice(s.start, s.end).to_string(), s.label.to_string()))
                .collect();
            got.sort();
            want.sort();
            prop_assert_eq!(got, want);
        }
        let import = ok(prodigy::read_str(Path::new("p.jsonl"), &out, &Project::new("x")))?;
        let back = imported(&p, import)?;
        for (d, o) in back.documents.iter().zip(&p.documents) {
            prop_assert_eq!(span_keys(d), span_keys(o));
            // Relations name spans by offsets and label, and need tokens: where either fails
            // the report says so for that document, and only then may quotes differ.
            let said = report
                .left_out
                .iter()
                .any(|l| l.starts_with(&format!("document {:?}: the quote", o.name)));
            if !said {
                prop_assert_eq!(quote_keys(d), quote_keys(o));
            }
        }
    }

    #[test]
    fn native_jsonl_round_trips_everything_it_writes(p in project_strategy()) {
        let (out, _) = export(|b| jsonl::write(&p, &p.documents, b).map(|()| ExportReport::default()))?;
        let import = ok(jsonl::read_str(Path::new("n.jsonl"), &out, &Project::new("x")))?;
        prop_assert!(import.skipped.is_empty(), "{:?}", import.skipped);
        let back = imported(&p, import)?;
        let name = |p: &Project, id: Option<EntityId>| {
            id.and_then(|id| p.entity(id)).map(|e| e.name.clone())
        };
        for (d, o) in back.documents.iter().zip(&p.documents) {
            let spans = |proj: &Project, doc: &Document| -> Vec<_> {
                doc.spans
                    .iter()
                    .map(|s| (s.start, s.end, s.label.to_string(), s.mention, name(proj, s.entity)))
                    .collect()
            };
            prop_assert_eq!(spans(&back, d), spans(&p, o));
            let quotes = |proj: &Project, doc: &Document| -> Vec<_> {
                doc.quotes
                    .iter()
                    .map(|q| {
                        let speaker = q.speaker.and_then(|s| doc.span(s));
                        (
                            q.content.clone(),
                            q.cue,
                            speaker.map(Span::range),
                            q.kind,
                            speaker.and_then(|s| name(proj, s.entity)),
                        )
                    })
                    .collect()
            };
            prop_assert_eq!(quotes(&back, d), quotes(&p, o));
        }
        // And the export of what came back is the export that went in.
        let (again, _) =
            export(|b| jsonl::write(&back, &back.documents, b).map(|()| ExportReport::default()))?;
        prop_assert_eq!(again, out);
    }
}

// ---------------------------------------------------------------------------------------------
// Files and folders
// ---------------------------------------------------------------------------------------------

#[test]
fn folders_are_walked_and_one_bad_file_imports_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut p = Project::new("t");
    let mut d = Document::new(DocId(1), "a", "“Oui,” dit Zoë 🇫🇷.\r\n");
    d.insert_span(Span::new(SpanId(1), CharRange::new(11, 14), "PERSON"));
    p.insert_document(d);
    let sub = dir.path().join("sub");
    let options = ExportOptions {
        per_document: true,
        ..ExportOptions::default()
    };
    let paths = formats::export(ExportFormat::LabelStudio, &p, &options, &sub, None)
        .expect("written")
        .files;
    assert_eq!(paths.len(), 1);
    std::fs::write(dir.path().join("notes.txt"), "not read").expect("written");
    let fresh = Project::new("x");
    let import = label_studio::read_paths(&[dir.path().to_path_buf()], &fresh).expect("imports");
    assert_eq!(import.documents.len(), 1);
    assert_eq!(import.documents[0].spans[0].range(), CharRange::new(11, 14));
    // A broken file beside it: the whole import fails, naming the file and task.
    std::fs::write(
        dir.path().join("z.json"),
        r#"[{"data": {"text": "😀"}, "annotations": [{"result": [{"id": "x", "type": "labels", "value": {"start": 1, "end": 2, "labels": ["ORG"]}}]}]}]"#,
    )
    .expect("written");
    let err = label_studio::read_paths(&[dir.path().to_path_buf()], &fresh)
        .expect_err("the broken file fails the import");
    assert_eq!(err.errors.len(), 1);
    let msg = err.to_string();
    assert!(
        msg.contains("z.json: task index 0: region x: start 1 falls inside the surrogate pair"),
        "{msg}"
    );
    let missing = doccano::read_paths(&[dir.path().join("nope.jsonl")], &fresh)
        .expect_err("a missing file is an error");
    assert!(
        missing.to_string().contains("nope.jsonl: no such file"),
        "{missing}"
    );
}
