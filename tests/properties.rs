//! Property tests over random projects and random edit sequences.
//!
//! - RON project files round-trip every generated project exactly.
//! - Gestures applied through a `Session` keep `model::validate` (and the model's sort orders)
//!   intact after every step; undo walks back to the starting project exactly, redo forward to
//!   the end state, and every single undo/redo lands on the state recorded for it.
//! - A failing command inside a `Command::Batch` leaves the project as it was.
//! - The journal: edits made in a session that is dropped without saving come back, exactly,
//!   when the file is reopened; a save makes them part of the file.
//! - The document view's edge keys move a span's edge the way their names say.
//!
//! Tests marked `#[ignore = "bug: …"]` demonstrate bugs found in `src/`; they fail until the bug
//! is fixed (`cargo test --test properties -- --ignored`).
//!
//! Generated projects are small (1–4 documents of up to ~40 pieces of text) and case counts
//! modest so the suite stays quick in debug builds.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use gloss::app::editing::{Edge, EditingState};
use gloss::app::gestures::{self, Scope};
use gloss::app::text_index::TextIndex;
use gloss::app::{Command, Session};
use gloss::io::project_file::{self, from_ron, to_ron};
use gloss::io::text_import::TextFile;
use gloss::model::{
    CharRange, DocId, Document, Entity, EntityId, LabelDef, LabelSet, Mention, Origin, Project,
    Quote, QuoteId, QuoteKind, Rejection, Span, SpanId, Status, validate,
};
use gloss::text::{self, FindOptions};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

// ---------------------------------------------------------------------------------------------
// Random text
// ---------------------------------------------------------------------------------------------

/// What texts are made of: ASCII words, accented letters (precomposed and combining), emoji
/// (including ZWJ sequences, flags and skin tones), CJK, punctuation, `\n` and `\r\n`.
const PIECES: &[&str] = &[
    "Putin",
    "said",
    "the",
    "Merkel",
    "Bank",
    "of",
    "England",
    "Ana",
    "Ruiz",
    "Merkel's",
    "Léon",
    "café",
    "Zoë",
    "São",
    "Paulo",
    "Jörg",
    "İstanbul",
    "straße",
    "👋",
    "👩‍👩‍👧",
    "🇫🇷",
    "👍🏽",
    "東京",
    "習近平",
    "北京",
    "日本語",
    "e\u{301}",
    "n\u{303}o",
    "a\u{308}\u{304}",
    " ",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    "\n",
    "\r\n",
    "\n\n",
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

/// Document names are never blank: `RenameDocument` refuses blank names, so its inverse fails
/// on a document that had one (see `renaming_a_document_with_a_blank_name_cannot_be_undone`).
fn doc_name_strategy() -> impl Strategy<Value = String> {
    name_strategy().prop_filter("blank document name", |n| !n.trim().is_empty())
}

/// Label names new labels and renames pick from: some fresh, some taken, one blank.
const LABEL_POOL: &[&str] = &[
    "QUOTE", "TITLE", "DATE", "人名", "Ünï", "PERSON", "ORG", "MISC", " ", "LAW",
];

/// Names for renamed documents, including blank ones (refused).
const DOC_NAME_POOL: &[&str] = &["renamed", "Léon 👩‍👩‍👧", "東京 report", "", "  ", "a\"b\\c"];

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
    if items.is_empty() {
        None
    } else {
        Some(&items[i % items.len()])
    }
}

fn origin(kind: usize, score: u8) -> Origin {
    match kind % 3 {
        0 => Origin::Manual,
        1 => Origin::Suggested {
            engine: "gazetteer".into(),
            rule: "alias ‘Ruiz’".into(),
            score: f32::from(score % 101) / 100.0,
        },
        _ => Origin::Imported {
            format: "brat".into(),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Random projects
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct RawSpan {
    id_gap: u64,
    a: usize,
    b: usize,
    label: usize,
    entity: Option<usize>,
    mention: usize,
    origin: (usize, u8),
}

#[derive(Clone, Debug)]
struct RawQuote {
    content: Vec<(usize, usize)>,
    speaker: Option<usize>,
    cue: Option<(usize, usize)>,
    kind: usize,
    origin: (usize, u8),
}

#[derive(Clone, Debug)]
struct RawDoc {
    id_gap: u64,
    name: String,
    source: Option<String>,
    status: usize,
    text: String,
    spans: Vec<RawSpan>,
    quotes: Vec<RawQuote>,
}

#[derive(Clone, Debug)]
struct RawEntity {
    id_gap: u64,
    name: String,
    label: usize,
    aliases: Vec<String>,
}

#[derive(Clone, Debug)]
struct RawProject {
    name: String,
    extra_labels: Vec<usize>,
    entities: Vec<RawEntity>,
    docs: Vec<RawDoc>,
    rejected: Vec<(usize, usize, usize, usize)>,
    never: Vec<(String, usize)>,
}

const EXTRA_LABELS: &[&str] = &["TITLE", "DATE", "人名", "Ünïcode label", "WORK_OF_ART"];

prop_compose! {
    fn raw_span()(
        id_gap in 0..3u64,
        a in 0..400usize,
        b in 0..400usize,
        label in 0..16usize,
        entity in prop::option::weighted(0.4, 0..8usize),
        mention in 0..3usize,
        origin in (0..3usize, any::<u8>()),
    ) -> RawSpan {
        RawSpan { id_gap, a, b, label, entity, mention, origin }
    }
}

prop_compose! {
    fn raw_quote()(
        content in prop::collection::vec((0..400usize, 0..400usize), 1..4),
        speaker in prop::option::of(0..16usize),
        cue in prop::option::of((0..400usize, 0..400usize)),
        kind in 0..3usize,
        origin in (0..3usize, any::<u8>()),
    ) -> RawQuote {
        RawQuote { content, speaker, cue, kind, origin }
    }
}

prop_compose! {
    fn raw_doc()(
        id_gap in 0..3u64,
        name in doc_name_strategy(),
        source in prop::option::of(name_strategy().prop_map(|n| format!("/news/{n}.txt"))),
        status in 0..3usize,
        text in text_strategy(40),
        spans in prop::collection::vec(raw_span(), 0..10),
        quotes in prop::collection::vec(raw_quote(), 0..4),
    ) -> RawDoc {
        RawDoc { id_gap, name, source, status, text, spans, quotes }
    }
}

prop_compose! {
    fn raw_entity()(
        id_gap in 0..3u64,
        name in name_strategy(),
        label in 0..16usize,
        aliases in prop::collection::vec(name_strategy(), 0..3),
    ) -> RawEntity {
        RawEntity { id_gap, name, label, aliases }
    }
}

prop_compose! {
    fn raw_project()(
        name in name_strategy(),
        extra_labels in prop::collection::vec(0..EXTRA_LABELS.len(), 0..3),
        entities in prop::collection::vec(raw_entity(), 0..5),
        docs in prop::collection::vec(raw_doc(), 1..=4),
        rejected in prop::collection::vec((0..8usize, 0..400usize, 0..400usize, 0..16usize), 0..3),
        never in prop::collection::vec((name_strategy(), 0..16usize), 0..3),
    ) -> RawProject {
        RawProject { name, extra_labels, entities, docs, rejected, never }
    }
}

/// Turn raw numbers into a valid, normalised project.
fn build(raw: RawProject) -> Project {
    let mut labels = LabelSet::news();
    for &i in &raw.extra_labels {
        let name = EXTRA_LABELS[i];
        if labels.contains(name) {
            continue;
        }
        let def = LabelDef {
            name: name.to_string(),
            color: labels.next_color(),
            key: labels.free_key(),
            description: format!("guidance for “{name}”"),
        };
        labels.labels.push(def);
    }
    let mut p = Project::with_labels(raw.name, labels);
    let label_names: Vec<String> = p.labels.names().map(String::from).collect();
    let label = |i: usize| pick(&label_names, i).cloned().unwrap_or_default();

    let mut eid = 0;
    for e in raw.entities {
        eid += 1 + e.id_gap;
        p.insert_entity(Entity {
            id: EntityId(eid),
            name: e.name,
            label: label(e.label),
            aliases: e.aliases,
            attributes: Default::default(),
        });
    }
    let entity_ids: Vec<EntityId> = p.entities.iter().map(|e| e.id).collect();

    let mut did = 0;
    for d in raw.docs {
        did += 1 + d.id_gap;
        let mut doc = Document::new(DocId(did), d.name, d.text);
        doc.source = d.source;
        doc.status = Status::ALL[d.status % 3];
        let len = doc.char_len();
        let mut sid = 0;
        for s in d.spans {
            let Some(r) = mk_range(len, s.a, s.b) else {
                continue;
            };
            sid += 1 + s.id_gap;
            let mut span = Span::new(SpanId(sid), r, label(s.label));
            span.entity = s.entity.and_then(|i| pick(&entity_ids, i)).copied();
            span.mention = Mention::ALL[s.mention % 3];
            span.origin = origin(s.origin.0, s.origin.1);
            doc.spans.push(span);
        }
        let span_ids: Vec<SpanId> = doc.spans.iter().map(|s| s.id).collect();
        let mut qid = 0;
        for q in d.quotes {
            let content: Vec<CharRange> = q
                .content
                .iter()
                .filter_map(|&(a, b)| mk_range(len, a, b))
                .collect();
            if content.is_empty() {
                continue;
            }
            qid += 1;
            doc.quotes.push(Quote {
                id: QuoteId(qid),
                content,
                speaker: q.speaker.and_then(|i| pick(&span_ids, i)).copied(),
                cue: q.cue.and_then(|(a, b)| mk_range(len, a, b)),
                kind: [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed][q.kind % 3],
                origin: origin(q.origin.0, q.origin.1),
                attributes: Default::default(),
            });
        }
        p.documents.push(doc);
    }
    let doc_ids: Vec<DocId> = p.documents.iter().map(|d| d.id).collect();
    for (d, a, b, l) in raw.rejected {
        p.verdicts.rejected.push(Rejection {
            doc: *pick(&doc_ids, d).unwrap(),
            start: a.min(b),
            end: a.max(b) + 1,
            label: label(l),
            engine: None,
        });
    }
    for (t, l) in raw.never {
        p.verdicts.never.push((t, label(l)));
    }
    p.normalise();
    p
}

fn project_strategy() -> impl Strategy<Value = Project> {
    raw_project().prop_map(build)
}

// ---------------------------------------------------------------------------------------------
// Comparing projects
// ---------------------------------------------------------------------------------------------

/// The project normalised: sorted, cached lengths recomputed (what a save and a load make).
/// `Document`'s `PartialEq` compares saved content only (not the revision counter or the cached
/// length), so `==` between projects means "same data".
fn canon(p: &Project) -> Project {
    let mut q = p.clone();
    q.normalise();
    q
}

/// Every invariant: `validate` finds nothing, the sort orders are what `normalise` would make
/// them, and each document's cached length is its text's length.
fn check_invariants(p: &Project, context: &dyn std::fmt::Debug) -> Result<(), TestCaseError> {
    let problems = validate(p);
    prop_assert!(
        problems.is_empty(),
        "invariants broken after {:?}: {:?}",
        context,
        problems
    );
    prop_assert!(*p == canon(p), "sort order off after {:?}", context);
    for d in &p.documents {
        prop_assert_eq!(
            d.char_len(),
            d.text.chars().count(),
            "stale cached length of {:?} after {:?}",
            &d.name,
            context
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Random edits
// ---------------------------------------------------------------------------------------------

/// One user action, as raw numbers resolved against the project when it is taken.
#[derive(Clone, Debug)]
enum Op {
    Tag {
        doc: usize,
        a: usize,
        b: usize,
        label: usize,
    },
    Relabel {
        doc: usize,
        span: usize,
        label: usize,
    },
    Resize {
        doc: usize,
        span: usize,
        a: usize,
        b: usize,
    },
    DeleteSpans {
        doc: usize,
        spans: Vec<usize>,
    },
    TagAll {
        doc: usize,
        needle: usize,
        case_sensitive: bool,
        whole_words: bool,
        label: usize,
    },
    CreateEntity {
        doc: usize,
        span: usize,
    },
    Link {
        doc: usize,
        span: usize,
        entity: Option<usize>,
    },
    LinkIdentical {
        doc: Option<usize>,
        span: usize,
        entity: usize,
    },
    Merge {
        keep: usize,
        absorb: usize,
    },
    DeleteEntity {
        entity: usize,
    },
    AddDocuments {
        files: Vec<(String, String)>,
    },
    Paste {
        name: String,
        text: String,
    },
    SetStatus {
        doc: usize,
        status: usize,
    },
    NewLabel {
        name: usize,
    },
    DeleteLabel {
        label: usize,
    },
    RenameLabel {
        label: usize,
        to: usize,
    },
    RemoveDocument {
        doc: usize,
    },
    RenameDocument {
        doc: usize,
        name: usize,
    },
    AddQuote {
        doc: usize,
        quote: RawQuote,
    },
    RemoveQuote {
        doc: usize,
        quote: usize,
    },
    /// A label key in the document view, on a selection (snapped or not).
    KeyLabel {
        doc: usize,
        a: usize,
        b: usize,
        key: u32,
        snap: bool,
    },
    /// Moving a span edge one word in the document view.
    MoveEdge {
        doc: usize,
        span: usize,
        edge: usize,
    },
}

const EDGES: [Edge; 4] = [
    Edge::GrowEnd,
    Edge::ShrinkEnd,
    Edge::GrowStart,
    Edge::ShrinkStart,
];

fn op_strategy() -> impl Strategy<Value = Op> {
    let i = || 0..64usize;
    prop_oneof![
        6 => (i(), i(), i(), i()).prop_map(|(doc, a, b, label)| Op::Tag { doc, a, b, label }),
        2 => (i(), i(), i()).prop_map(|(doc, span, label)| Op::Relabel { doc, span, label }),
        2 => (i(), i(), i(), i()).prop_map(|(doc, span, a, b)| Op::Resize { doc, span, a, b }),
        3 => (i(), prop::collection::vec(i(), 1..4))
            .prop_map(|(doc, spans)| Op::DeleteSpans { doc, spans }),
        2 => (i(), i(), any::<bool>(), any::<bool>(), i()).prop_map(
            |(doc, needle, case_sensitive, whole_words, label)| Op::TagAll {
                doc,
                needle,
                case_sensitive,
                whole_words,
                label,
            }
        ),
        3 => (i(), i()).prop_map(|(doc, span)| Op::CreateEntity { doc, span }),
        2 => (i(), i(), prop::option::weighted(0.8, i()))
            .prop_map(|(doc, span, entity)| Op::Link { doc, span, entity }),
        2 => (prop::option::of(i()), i(), i())
            .prop_map(|(doc, span, entity)| Op::LinkIdentical { doc, span, entity }),
        2 => (i(), i()).prop_map(|(keep, absorb)| Op::Merge { keep, absorb }),
        1 => i().prop_map(|entity| Op::DeleteEntity { entity }),
        1 => prop::collection::vec((doc_name_strategy(), text_strategy(20)), 0..3)
            .prop_map(|files| Op::AddDocuments { files }),
        1 => (doc_name_strategy(), text_strategy(20)).prop_map(|(name, text)| Op::Paste { name, text }),
        2 => (i(), i()).prop_map(|(doc, status)| Op::SetStatus { doc, status }),
        1 => i().prop_map(|name| Op::NewLabel { name }),
        1 => i().prop_map(|label| Op::DeleteLabel { label }),
        1 => (i(), i()).prop_map(|(label, to)| Op::RenameLabel { label, to }),
        1 => i().prop_map(|doc| Op::RemoveDocument { doc }),
        1 => (i(), i()).prop_map(|(doc, name)| Op::RenameDocument { doc, name }),
        2 => (i(), raw_quote()).prop_map(|(doc, quote)| Op::AddQuote { doc, quote }),
        1 => (i(), i()).prop_map(|(doc, quote)| Op::RemoveQuote { doc, quote }),
        3 => (i(), i(), i(), 0..10u32, any::<bool>())
            .prop_map(|(doc, a, b, key, snap)| Op::KeyLabel { doc, a, b, key, snap }),
        3 => (i(), i(), 0..4usize).prop_map(|(doc, span, edge)| Op::MoveEdge { doc, span, edge }),
    ]
}

fn doc_at(p: &Project, i: usize) -> Option<&Document> {
    pick(&p.documents, i)
}

fn span_at(d: &Document, i: usize) -> Option<&Span> {
    pick(&d.spans, i)
}

fn label_at(p: &Project, i: usize) -> Option<String> {
    pick(&p.labels.labels, i).map(|l| l.name.clone())
}

fn entity_at(p: &Project, i: usize) -> Option<EntityId> {
    pick(&p.entities, i).map(|e| e.id)
}

/// The command an action makes on `p`, and whether it must apply (gestures built from a sound
/// project must; typed names may be refused). `None` when the gesture has nothing to do.
fn build_command(p: &Project, op: &Op) -> Option<(Command, bool)> {
    let cmd = match op {
        Op::Tag { doc, a, b, label } => {
            let d = doc_at(p, *doc)?;
            let r = mk_range(d.char_len(), *a, *b)?;
            gestures::tag(p, d.id, r, &label_at(p, *label)?)?
        }
        Op::Relabel { doc, span, label } => {
            let d = doc_at(p, *doc)?;
            let s = span_at(d, *span)?;
            gestures::relabel(p, d.id, s.id, &label_at(p, *label)?)?
        }
        Op::Resize { doc, span, a, b } => {
            let d = doc_at(p, *doc)?;
            let s = span_at(d, *span)?;
            gestures::resize(p, d.id, s.id, mk_range(d.char_len(), *a, *b)?)?
        }
        Op::DeleteSpans { doc, spans } => {
            let d = doc_at(p, *doc)?;
            let ids: Vec<SpanId> = spans
                .iter()
                .filter_map(|i| span_at(d, *i).map(|s| s.id))
                .collect();
            gestures::delete_spans(p, d.id, &ids)?
        }
        Op::TagAll {
            doc,
            needle,
            case_sensitive,
            whole_words,
            label,
        } => {
            let d = doc_at(p, *doc)?;
            let needle = match span_at(d, needle / 2) {
                Some(s) if needle % 2 == 0 => gestures::span_text(d, s),
                _ => PIECES[needle % PIECES.len()].to_string(),
            };
            let options = FindOptions {
                case_sensitive: *case_sensitive,
                whole_words: *whole_words,
            };
            gestures::tag_all(p, d.id, &needle, options, &label_at(p, *label)?)?.0
        }
        Op::CreateEntity { doc, span } => {
            let d = doc_at(p, *doc)?;
            gestures::create_entity_from_span(p, d.id, span_at(d, *span)?.id)?
        }
        Op::Link { doc, span, entity } => {
            let d = doc_at(p, *doc)?;
            let e = match entity {
                Some(i) => Some(entity_at(p, *i)?),
                None => None,
            };
            gestures::link(p, d.id, span_at(d, *span)?.id, e)?
        }
        Op::LinkIdentical { doc, span, entity } => {
            let d = doc_at(p, doc.unwrap_or(*span))?;
            let surface = gestures::span_text(d, span_at(d, *span)?);
            let scope = match doc {
                Some(_) => Scope::Document(d.id),
                None => Scope::Project,
            };
            gestures::link_identical(p, scope, &surface, entity_at(p, *entity)?)?.0
        }
        Op::Merge { keep, absorb } => {
            gestures::merge_entities(p, entity_at(p, *keep)?, entity_at(p, *absorb)?)?
        }
        Op::DeleteEntity { entity } => gestures::delete_entity(p, entity_at(p, *entity)?)?,
        Op::AddDocuments { files } => {
            let files: Vec<TextFile> = files
                .iter()
                .map(|(name, text)| TextFile {
                    name: name.clone(),
                    path: PathBuf::from(format!("/imports/{name}.txt")),
                    text: text.clone(),
                    note: None,
                    meta: Default::default(),
                })
                .collect();
            gestures::add_documents(p, &files)?
        }
        Op::Paste { name, text } => gestures::paste_document(p, name, text),
        Op::SetStatus { doc, status } => {
            gestures::set_status(p, doc_at(p, *doc)?.id, Status::ALL[status % 3])?
        }
        Op::NewLabel { name } => {
            return Some((
                gestures::new_label(p, LABEL_POOL[name % LABEL_POOL.len()]),
                false,
            ));
        }
        Op::DeleteLabel { label } => gestures::delete_label(p, &label_at(p, *label)?)?.0,
        Op::RenameLabel { label, to } => {
            return Some((
                Command::RenameLabel {
                    from: label_at(p, *label)?,
                    to: LABEL_POOL[to % LABEL_POOL.len()].to_string(),
                },
                false,
            ));
        }
        Op::RemoveDocument { doc } => Command::RemoveDocument {
            doc: doc_at(p, *doc)?.id,
        },
        Op::RenameDocument { doc, name } => {
            return Some((
                Command::RenameDocument {
                    doc: doc_at(p, *doc)?.id,
                    name: DOC_NAME_POOL[name % DOC_NAME_POOL.len()].to_string(),
                },
                false,
            ));
        }
        Op::AddQuote { doc, quote } => {
            let d = doc_at(p, *doc)?;
            let len = d.char_len();
            let content: Vec<CharRange> = quote
                .content
                .iter()
                .filter_map(|&(a, b)| mk_range(len, a, b))
                .collect();
            if content.is_empty() {
                return None;
            }
            let span_ids: Vec<SpanId> = d.spans.iter().map(|s| s.id).collect();
            Command::AddQuote {
                doc: d.id,
                quote: Quote {
                    id: d.next_quote_id(),
                    content,
                    speaker: quote.speaker.and_then(|i| pick(&span_ids, i)).copied(),
                    cue: quote.cue.and_then(|(a, b)| mk_range(len, a, b)),
                    kind: [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed]
                        [quote.kind % 3],
                    origin: origin(quote.origin.0, quote.origin.1),
                    attributes: Default::default(),
                },
            }
        }
        Op::RemoveQuote { doc, quote } => {
            let d = doc_at(p, *doc)?;
            Command::RemoveQuote {
                doc: d.id,
                quote: pick(&d.quotes, *quote)?.id,
            }
        }
        Op::KeyLabel {
            doc,
            a,
            b,
            key,
            snap,
        } => {
            let d = doc_at(p, *doc)?;
            let index = TextIndex::new(&d.text);
            let mut view = EditingState::default();
            view.open_doc(Some(d.id));
            view.word_snap = *snap;
            view.selection = Some(mk_range(d.char_len(), *a, *b)?);
            let key = char::from_digit(*key, 10)?;
            view.apply_label(p, &index, key).command?
        }
        Op::MoveEdge { doc, span, edge } => {
            let d = doc_at(p, *doc)?;
            let index = TextIndex::new(&d.text);
            let mut view = EditingState::default();
            view.open_doc(Some(d.id));
            view.selected_span = Some(span_at(d, *span)?.id);
            view.move_edge(p, &index, EDGES[edge % 4]).command?
        }
    };
    Some((cmd, true))
}

/// Take one action in the session. `Ok(true)` when it became an undo step.
fn run_op(s: &mut Session, op: &Op) -> Result<bool, TestCaseError> {
    let Some((cmd, must_apply)) = build_command(&s.project, op) else {
        return Ok(false);
    };
    let before = s.project.clone();
    let position = s.history().position();
    match s.execute(cmd.clone()) {
        Ok(()) => {
            check_invariants(&s.project, &(op, &cmd))?;
            Ok(true)
        }
        Err(e) => {
            prop_assert!(
                !must_apply,
                "a gesture's command was refused: {}\n{:?}\n{:?}",
                e,
                op,
                cmd
            );
            prop_assert!(
                s.project == before,
                "a refused command changed the project: {:?}",
                cmd
            );
            prop_assert_eq!(s.history().position(), position);
            Ok(false)
        }
    }
}

#[derive(Clone, Debug)]
enum Step {
    Op(Op),
    Undo,
    Redo,
    Save,
}

fn step_strategy(with_saves: bool) -> BoxedStrategy<Step> {
    if with_saves {
        prop_oneof![
            8 => op_strategy().prop_map(Step::Op),
            2 => Just(Step::Undo),
            1 => Just(Step::Redo),
            1 => Just(Step::Save),
        ]
        .boxed()
    } else {
        prop_oneof![
            8 => op_strategy().prop_map(Step::Op),
            2 => Just(Step::Undo),
            1 => Just(Step::Redo),
        ]
        .boxed()
    }
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Shrinking large projects is slow in debug builds; a few hundred steps find most of it.
        max_shrink_iters: 512,
        // Failures print their minimal input; no regression files appear in the source tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// RON round trip
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn generated_projects_are_valid_and_round_trip_through_ron(p in project_strategy()) {
        prop_assert!(validate(&p).is_empty(), "generator made an invalid project: {:?}", validate(&p));
        let text = to_ron(&p);
        let back = from_ron(&text, Path::new("prop.ron"))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &p);
        // Writing again gives the same bytes: files only change where the project did.
        prop_assert_eq!(to_ron(&back), text.clone());
        prop_assert!(text.starts_with("(\n  schema: 1,"), "{}", text);
        prop_assert!(!text.contains('\r'), "a raw carriage return in the file:\n{}", text);
        // One span per line: every span's id is on a line of its own.
        let span_lines = text.lines().filter(|l| l.trim_start().starts_with("(id: ") && l.contains(" start: ")).count();
        let spans: usize = p.documents.iter().map(|d| d.spans.len()).sum();
        prop_assert_eq!(span_lines, spans, "{}", text);
    }
}

// ---------------------------------------------------------------------------------------------
// Commands, undo and redo
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn gestures_keep_invariants_and_undo_redo_walk_back_and_forth(
        start in project_strategy(),
        ops in prop::collection::vec(op_strategy(), 1..40),
    ) {
        let mut s = Session::with_project(start.clone(), None);
        let mut steps = 0;
        for op in &ops {
            if run_op(&mut s, op)? {
                steps += 1;
            }
        }
        let end = s.project.clone();

        let mut undone = 0;
        while s.undo().map_err(|e| TestCaseError::fail(format!("undo failed: {e}")))?.is_some() {
            undone += 1;
            check_invariants(&s.project, &format!("undo {undone}"))?;
        }
        prop_assert_eq!(undone, steps);
        prop_assert!(!s.history().can_undo());
        prop_assert_eq!(&s.project, &start);

        let mut redone = 0;
        while s.redo().map_err(|e| TestCaseError::fail(format!("redo failed: {e}")))?.is_some() {
            redone += 1;
            check_invariants(&s.project, &format!("redo {redone}"))?;
        }
        prop_assert_eq!(redone, steps);
        prop_assert_eq!(&s.project, &end);
    }

    #[test]
    fn interleaved_undo_redo_and_new_edits_land_on_the_recorded_states(
        start in project_strategy(),
        steps in prop::collection::vec(step_strategy(false), 1..60),
    ) {
        let mut s = Session::with_project(start, None);
        // The states the project was in before each undoable / redoable step.
        let mut undo_states: Vec<Project> = Vec::new();
        let mut redo_states: Vec<Project> = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            let before = s.project.clone();
            match step {
                Step::Op(op) => {
                    if run_op(&mut s, op)? {
                        undo_states.push(before);
                        redo_states.clear();
                    }
                }
                Step::Undo => {
                    let done = s.undo().map_err(|e| TestCaseError::fail(format!("step {i}: undo failed: {e}")))?;
                    prop_assert_eq!(done.is_some(), !undo_states.is_empty());
                    if let Some(expected) = undo_states.pop() {
                        prop_assert_eq!(&s.project, &expected, "step {}: undo", i);
                        redo_states.push(before);
                    }
                }
                Step::Redo => {
                    let done = s.redo().map_err(|e| TestCaseError::fail(format!("step {i}: redo failed: {e}")))?;
                    prop_assert_eq!(done.is_some(), !redo_states.is_empty());
                    if let Some(expected) = redo_states.pop() {
                        prop_assert_eq!(&s.project, &expected, "step {}: redo", i);
                        undo_states.push(before);
                    }
                }
                Step::Save => unreachable!("no saves without a file"),
            }
            check_invariants(&s.project, &(i, step))?;
            prop_assert_eq!(s.history().can_undo(), !undo_states.is_empty());
            prop_assert_eq!(s.history().can_redo(), !redo_states.is_empty());
        }
    }

    #[test]
    fn a_failing_command_inside_a_batch_leaves_the_project_unchanged(
        start in project_strategy(),
        ops in prop::collection::vec(op_strategy(), 0..12),
        failing in 0..6usize,
        position in any::<prop::sample::Index>(),
        nest in any::<bool>(),
    ) {
        // Commands that apply one after the other, each built on the state the previous left.
        let mut scratch = start.clone();
        let mut commands = Vec::new();
        for op in &ops {
            if let Some((cmd, _)) = build_command(&scratch, op)
                && cmd.clone().apply(&mut scratch).is_ok()
            {
                commands.push(cmd);
            }
        }
        let doc = start.documents[0].id;
        let bad = match failing {
            0 => Command::RemoveDocument { doc: DocId(u64::MAX) },
            1 => Command::AddSpans {
                doc,
                spans: vec![Span::new(SpanId(u64::MAX), CharRange::new(0, 1), "NO SUCH LABEL")],
            },
            2 => Command::RemoveSpans { doc: DocId(u64::MAX), spans: vec![SpanId(1)] },
            3 => Command::RenameDocument { doc: DocId(u64::MAX), name: "gone".into() },
            4 => Command::AddLabel {
                index: 0,
                label: LabelDef {
                    name: "BAD KEY".into(),
                    color: start.labels.next_color(),
                    key: Some('x'),
                    description: String::new(),
                },
            },
            _ => Command::RemoveEntity { entity: EntityId(u64::MAX) },
        };
        let at = position.index(commands.len() + 1);
        commands.insert(at, bad);
        let mut batch = Command::Batch { name: "doomed".into(), commands };
        if nest {
            batch = Command::Batch {
                name: "outer".into(),
                commands: vec![Command::SetStatus { doc, status: Status::Done }, batch],
            };
        }

        // Straight through `Command::apply`.
        let mut p = start.clone();
        prop_assert!(batch.clone().apply(&mut p).is_err());
        prop_assert_eq!(&p, &start);

        // And through a session: no step recorded either.
        let mut s = Session::with_project(start.clone(), None);
        prop_assert!(s.execute(batch).is_err());
        prop_assert_eq!(&s.project, &start);
        prop_assert!(!s.history().can_undo());
    }
}

// ---------------------------------------------------------------------------------------------
// The journal
// ---------------------------------------------------------------------------------------------

fn io_fail(e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

/// What a run of steps in a session on a file did to its journal.
struct Run {
    /// Entries in the journal since the last save (or the open).
    journaled: usize,
    /// The project and dirtiness just before the session was dropped.
    project: Project,
    dirty: bool,
}

/// Open `path`, take `steps`, and drop the session without saving. With `guard_saves`, undo and
/// redo never reach across a save (see `undo_across_a_save_survives_a_crash`).
fn run_and_drop(path: &Path, steps: &[Step], guard_saves: bool) -> Result<Run, TestCaseError> {
    let mut s = Session::open(path).map_err(io_fail)?;
    let notices = s.take_notices();
    prop_assert!(
        notices.iter().all(|n| !n.contains("did not apply")),
        "{:?}",
        notices
    );
    let mut journaled = 0;
    // Steps since the last save that can be undone / redone without crossing it.
    let (mut undoable, mut redoable) = (usize::MAX / 2, usize::MAX / 2);
    for step in steps {
        match step {
            Step::Op(op) => {
                if run_op(&mut s, op)? {
                    journaled += 1;
                    undoable += 1;
                    redoable = 0;
                }
            }
            Step::Undo => {
                if guard_saves && undoable == 0 {
                    continue;
                }
                if s.undo().map_err(io_fail)?.is_some() {
                    journaled += 1;
                    undoable = undoable.saturating_sub(1);
                    redoable += 1;
                }
            }
            Step::Redo => {
                if guard_saves && redoable == 0 {
                    continue;
                }
                if s.redo().map_err(io_fail)?.is_some() {
                    journaled += 1;
                    undoable += 1;
                    redoable = redoable.saturating_sub(1);
                }
            }
            Step::Save => {
                s.save().map_err(io_fail)?;
                prop_assert!(!s.is_dirty());
                journaled = 0;
                undoable = 0;
                redoable = 0;
            }
        }
    }
    let run = Run {
        journaled,
        project: s.project.clone(),
        dirty: s.is_dirty(),
    };
    drop(s); // a crash: no save, no discard
    Ok(run)
}

/// Reopen after `run_and_drop` and check the recovery. Returns the reopened session.
fn check_recovery(path: &Path, run: &Run) -> Result<Session, TestCaseError> {
    let mut r = Session::open(path).map_err(io_fail)?;
    prop_assert_eq!(&r.project, &run.project, "recovered project differs");
    let on_disk = project_file::load(path).map_err(io_fail)?;
    let differs = canon(&on_disk) != run.project;
    prop_assert_eq!(r.is_dirty(), run.dirty, "dirtiness not recovered");
    prop_assert!(!differs || r.is_dirty(), "differs from disk but not dirty");
    let notices = r.take_notices();
    if run.journaled > 0 {
        // Exactly one notice, saying how many edits came back.
        let s = if run.journaled == 1 { "" } else { "s" };
        let expected = format!("Recovered {} unsaved edit{s} from ", run.journaled);
        prop_assert!(
            notices.len() == 1 && notices[0].starts_with(&expected),
            "expected one notice starting {:?}, got {:?}",
            expected,
            notices
        );
    } else {
        // Nothing journaled since the last save: nothing to announce.
        prop_assert!(notices.is_empty(), "{:?}", notices);
    }
    Ok(r)
}

/// After a save, reopening gives the saved project, clean, with no edits recovered.
fn check_save_and_reopen(mut r: Session, path: &Path) -> Result<(), TestCaseError> {
    let project = r.project.clone();
    r.save().map_err(io_fail)?;
    prop_assert!(!r.is_dirty());
    drop(r);
    let mut again = Session::open(path).map_err(io_fail)?;
    prop_assert_eq!(&again.project, &project);
    prop_assert!(!again.is_dirty());
    let notices = again.take_notices();
    prop_assert!(notices.is_empty(), "{:?}", notices);
    Ok(())
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn journal_replay_recovers_exactly_what_was_there_before_the_crash(
        start in project_strategy(),
        steps in prop::collection::vec(step_strategy(false), 0..30),
    ) {
        let dir = tempfile::tempdir().map_err(io_fail)?;
        let path = dir.path().join("project.ron");
        project_file::save(&path, &start).map_err(io_fail)?;
        let run = run_and_drop(&path, &steps, false)?;
        let r = check_recovery(&path, &run)?;
        check_save_and_reopen(r, &path)?;
    }

    #[test]
    fn journal_replay_with_saves_in_between(
        start in project_strategy(),
        steps in prop::collection::vec(step_strategy(true), 0..30),
    ) {
        let dir = tempfile::tempdir().map_err(io_fail)?;
        let path = dir.path().join("project.ron");
        project_file::save(&path, &start).map_err(io_fail)?;
        let run = run_and_drop(&path, &steps, false)?;
        let r = check_recovery(&path, &run)?;
        check_save_and_reopen(r, &path)?;
    }

    #[test]
    fn two_crashes_in_a_row_recover_both_sessions(
        start in project_strategy(),
        first in prop::collection::vec(step_strategy(false), 0..15),
        second in prop::collection::vec(step_strategy(false), 0..15),
    ) {
        let dir = tempfile::tempdir().map_err(io_fail)?;
        let path = dir.path().join("project.ron");
        project_file::save(&path, &start).map_err(io_fail)?;
        let one = run_and_drop(&path, &first, false)?;
        drop(check_recovery(&path, &one)?);
        // The second session starts from the recovered one: its history is the replayed one.
        let two = run_and_drop(&path, &second, false)?;
        let mut r = Session::open(&path).map_err(io_fail)?;
        prop_assert_eq!(&r.project, &two.project);
        prop_assert_eq!(r.is_dirty(), two.dirty);
        let notices = r.take_notices();
        prop_assert!(notices.iter().all(|n| !n.contains("did not apply")), "{:?}", notices);
    }
}

// ---------------------------------------------------------------------------------------------
// Regression tests for bugs found by the properties above (all fixed)
// ---------------------------------------------------------------------------------------------

fn small_project() -> Project {
    let mut p = Project::new("small");
    p.insert_document(Document::new(DocId(1), "a", "Ana Ruiz met Bo Li in Lima."));
    p
}

#[test]
fn reopening_after_a_save_announces_no_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    project_file::save(&path, &small_project()).unwrap();
    let mut s = Session::open(&path).unwrap();
    assert!(s.take_notices().is_empty());
    s.execute(gestures::tag(&s.project, DocId(1), CharRange::new(0, 3), "PERSON").unwrap())
        .unwrap();
    s.save().unwrap();
    drop(s);
    let mut again = Session::open(&path).unwrap();
    assert_eq!(again.project.documents[0].spans.len(), 1);
    assert!(!again.is_dirty());
    let notices = again.take_notices();
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn undo_across_a_save_survives_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    project_file::save(&path, &small_project()).unwrap();
    let mut s = Session::open(&path).unwrap();
    let tag = |s: &Session, start, end| {
        gestures::tag(&s.project, DocId(1), CharRange::new(start, end), "PERSON").unwrap()
    };
    s.execute(tag(&s, 0, 3)).unwrap();
    s.execute(tag(&s, 4, 8)).unwrap();
    s.save().unwrap();
    s.undo().unwrap().expect("undo the second span");
    s.execute(tag(&s, 13, 15)).unwrap(); // "Bo"
    let before = s.project.clone();
    let ranges = |p: &Project| -> HashSet<(usize, usize)> {
        p.documents[0]
            .spans
            .iter()
            .map(|s| (s.start, s.end))
            .collect()
    };
    assert_eq!(ranges(&before), HashSet::from([(0, 3), (13, 15)]));
    drop(s); // crash

    let mut r = Session::open(&path).unwrap();
    let notices = r.take_notices();
    assert_eq!(
        ranges(&r.project),
        ranges(&before),
        "both acknowledged edits after the save are lost; notices: {notices:?}"
    );
}

#[test]
fn renaming_a_document_with_a_blank_name_can_be_undone() {
    let mut s = Session::with_project(small_project(), None);
    s.execute(gestures::paste_document(&s.project, " ", "Pasted text."))
        .expect("a blank name is accepted when pasting");
    let doc = s.project.documents[1].id;
    s.execute(Command::RenameDocument {
        doc,
        name: "named at last".into(),
    })
    .unwrap();
    assert_eq!(
        s.undo().map_err(|e| e.to_string()),
        Ok(Some("rename document to named at last".to_string())),
        "the rename cannot be undone, and neither can anything before it"
    );
    assert_eq!(s.project.documents[1].name, " ");
}

#[test]
fn a_failing_batch_rolls_back_a_rename_from_a_blank_name() {
    let mut p = small_project();
    p.documents[0].name = String::new();
    let before = p.clone();
    let batch = Command::Batch {
        name: "rename, then fail".into(),
        commands: vec![
            Command::RenameDocument {
                doc: DocId(1),
                name: "named".into(),
            },
            Command::RemoveDocument { doc: DocId(99) },
        ],
    };
    assert!(batch.apply(&mut p).is_err());
    assert_eq!(
        p.documents[0].name, before.documents[0].name,
        "the batch failed but its rename stayed"
    );
}

/// True when the edge of `span` that `edge` moves sits on a line break: a span ending with
/// `\n` or the `\r` of `\r\n`, or starting on a `\n` (see `edges_on_line_breaks_move_the_wrong_way`).
fn edge_on_line_break(doc: &Document, span: &Span, edge: Edge) -> bool {
    let at = |i: usize| doc.text.chars().nth(i);
    match edge {
        Edge::GrowEnd | Edge::ShrinkEnd => matches!(at(span.end - 1), Some('\n' | '\r')),
        Edge::GrowStart | Edge::ShrinkStart => at(span.start) == Some('\n'),
    }
}

/// Check that each edge key moves the span's edge the way its name says, or does nothing.
fn check_edges(
    p: &Project,
    d: usize,
    s: usize,
    skip_line_breaks: bool,
) -> Result<(), TestCaseError> {
    let Some(doc) = doc_at(p, d) else {
        return Ok(());
    };
    let Some(span) = span_at(doc, s) else {
        return Ok(());
    };
    let index = TextIndex::new(&doc.text);
    for edge in EDGES {
        if skip_line_breaks && edge_on_line_break(doc, span, edge) {
            continue;
        }
        let mut view = EditingState::default();
        view.open_doc(Some(doc.id));
        view.selected_span = Some(span.id);
        let Some(command) = view.move_edge(p, &index, edge).command else {
            continue;
        };
        let Command::UpdateSpan { span: moved, .. } = &command else {
            return Err(TestCaseError::fail(format!("{edge:?} made {command:?}")));
        };
        let ok = match edge {
            Edge::GrowEnd => moved.end > span.end && moved.start == span.start,
            Edge::ShrinkEnd => moved.end < span.end && moved.start == span.start,
            Edge::GrowStart => moved.start < span.start && moved.end == span.end,
            Edge::ShrinkStart => moved.start > span.start && moved.end == span.end,
        };
        prop_assert!(
            ok,
            "{:?} moved {}..{} to {}..{} in {:?} (span text {:?})",
            edge,
            span.start,
            span.end,
            moved.start,
            moved.end,
            doc.text,
            text::slice_chars(&doc.text, span.start, span.end)
        );
        prop_assert!(moved.start < moved.end && moved.end <= doc.char_len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    /// `Edge::GrowEnd` never shrinks a span, `ShrinkStart` never grows it, and so on, for
    /// edges that do not sit on a line break.
    #[test]
    fn view_edges_move_the_way_their_names_say(
        p in project_strategy(),
        d in 0..64usize,
        s in 0..64usize,
    ) {
        check_edges(&p, d, s, true)?;
    }

    /// The same for every span, edges on line breaks included.
    #[test]
    fn view_edges_on_line_breaks_move_the_way_their_names_say(
        p in project_strategy(),
        d in 0..64usize,
        s in 0..64usize,
    ) {
        check_edges(&p, d, s, false)?;
    }
}

#[test]
fn edges_on_line_breaks_do_not_move_the_wrong_way() {
    let mut p = Project::new("t");
    let mut d = Document::new(DocId(1), "a", "Ana Ruiz\nmet Bo Li.");
    d.insert_span(Span::new(SpanId(1), CharRange::new(0, 9), "PERSON")); // "Ana Ruiz\n"
    d.insert_span(Span::new(SpanId(2), CharRange::new(8, 12), "PERSON")); // "\nmet"
    p.insert_document(d);
    let index = TextIndex::new(&p.documents[0].text);
    let moved = |span: u64, edge: Edge| {
        let mut view = EditingState::default();
        view.open_doc(Some(DocId(1)));
        view.selected_span = Some(SpanId(span));
        match view.move_edge(&p, &index, edge).command {
            Some(Command::UpdateSpan { span, .. }) => Some(span.range()),
            _ => None,
        }
    };
    let grown = moved(1, Edge::GrowEnd);
    let shrunk = moved(2, Edge::ShrinkStart);
    assert!(
        grown.is_none_or(|r| r.end > 9) && shrunk.is_none_or(|r| r.start > 8),
        "GrowEnd turned 0..9 into {grown:?}; ShrinkStart turned 8..12 into {shrunk:?}"
    );
}

/// Found by `journal_replay_with_saves_in_between`: an edit, a save, then undo past the save and
/// redo back to it, then a crash. The state is the saved one, so the reopened project must be
/// clean (it used to replay the undo and the redo as two new steps and call itself unsaved).
#[test]
fn undo_past_a_save_and_redo_then_a_crash_reopens_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ron");
    let mut p = Project::new("p");
    p.insert_document(Document::new(DocId(1), "d", "Ana Ruiz spoke."));
    project_file::save(&path, &p).expect("save");
    let mut s = Session::open(&path).expect("open");
    s.execute(Command::SetStatus {
        doc: DocId(1),
        status: Status::Done,
    })
    .expect("execute");
    s.save().expect("save");
    s.undo().expect("undo");
    s.redo().expect("redo");
    assert!(!s.is_dirty());
    let project = s.project.clone();
    drop(s); // a crash: no save, no discard
    let r = Session::open(&path).expect("reopen");
    assert_eq!(r.project, project);
    assert!(
        !r.is_dirty(),
        "the saved state came back but is called unsaved"
    );
}
