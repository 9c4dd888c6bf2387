//! Gestures: what a user does by hand, turned into commands.
//!
//! A gesture reads the project and builds the command (often a `Batch`) that carries it out; it
//! never changes the project itself. `Session::execute` applies the result as one undo step.
//! The window, the CLI and the tests call these same functions.

use std::collections::{BTreeMap, HashSet};

use super::command::Command;
use crate::io::text_import::TextFile;
use crate::model::{
    CharRange, DocId, Document, Entity, EntityId, LabelDef, Project, Quote, Span, SpanId, Status,
};
use crate::text::{self, FindOptions};

fn doc(p: &Project, id: DocId) -> Option<&Document> {
    p.document(id)
}

/// The text a span covers.
pub fn span_text(d: &Document, s: &Span) -> String {
    d.slice(s.start, s.end).to_string()
}

/// Tag `range` with `label`. `None` if that exact span already exists.
pub fn tag(p: &Project, doc_id: DocId, range: CharRange, label: &str) -> Option<Command> {
    let d = doc(p, doc_id)?;
    if d.spans
        .iter()
        .any(|s| s.range() == range && s.label == label)
    {
        return None;
    }
    Some(Command::AddSpans {
        doc: doc_id,
        spans: vec![Span::new(d.next_span_id(), range, label)],
    })
}

/// Give a span another label.
pub fn relabel(p: &Project, doc_id: DocId, id: SpanId, label: &str) -> Option<Command> {
    let s = doc(p, doc_id)?.span(id)?;
    (s.label != label).then(|| Command::UpdateSpan {
        doc: doc_id,
        span: Span {
            label: label.into(),
            ..s.clone()
        },
    })
}

/// Move a span's edges.
pub fn resize(p: &Project, doc_id: DocId, id: SpanId, range: CharRange) -> Option<Command> {
    let s = doc(p, doc_id)?.span(id)?;
    (s.range() != range && !range.is_empty()).then(|| Command::UpdateSpan {
        doc: doc_id,
        span: Span {
            start: range.start,
            end: range.end,
            ..s.clone()
        },
    })
}

/// Delete spans, first clearing them as speakers of any quote (undo restores both).
pub fn delete_spans(p: &Project, doc_id: DocId, ids: &[SpanId]) -> Option<Command> {
    let d = doc(p, doc_id)?;
    let ids: Vec<SpanId> = ids
        .iter()
        .copied()
        .filter(|id| d.span(*id).is_some())
        .collect();
    if ids.is_empty() {
        return None;
    }
    let set: HashSet<_> = ids.iter().copied().collect();
    let mut commands: Vec<Command> = d
        .quotes
        .iter()
        .filter(|q| q.speaker.is_some_and(|s| set.contains(&s)))
        .map(|q| Command::UpdateQuote {
            doc: doc_id,
            quote: Quote {
                speaker: None,
                ..q.clone()
            },
        })
        .collect();
    let remove = Command::RemoveSpans {
        doc: doc_id,
        spans: ids,
    };
    if commands.is_empty() {
        return Some(remove);
    }
    let name = remove.describe();
    commands.push(remove);
    Some(Command::Batch { name, commands })
}

/// Tag every occurrence of `needle` in the document with `label`, skipping places already
/// tagged with that label, as one step. Returns the command and how many spans it adds.
pub fn tag_all(
    p: &Project,
    doc_id: DocId,
    needle: &str,
    options: FindOptions,
    label: &str,
) -> Option<(Command, usize)> {
    let d = doc(p, doc_id)?;
    let existing: HashSet<(usize, usize)> = d
        .spans
        .iter()
        .filter(|s| s.label == label)
        .map(|s| (s.start, s.end))
        .collect();
    let mut next = d.next_span_id().0;
    let spans: Vec<Span> = text::find_all(&d.text, needle, options)
        .into_iter()
        .filter(|r| !existing.contains(r))
        .map(|(s, e)| {
            let span = Span::new(SpanId(next), CharRange::new(s, e), label);
            next += 1;
            span
        })
        .collect();
    if spans.is_empty() {
        return None;
    }
    let n = spans.len();
    Some((
        Command::Batch {
            name: format!("tag {n} × {needle:?} as {label}"),
            commands: vec![Command::AddSpans { doc: doc_id, spans }],
        },
        n,
    ))
}

/// Create a canonical entity from a span (named after its text, with its label) and link the
/// span to it.
pub fn create_entity_from_span(p: &Project, doc_id: DocId, id: SpanId) -> Option<Command> {
    let d = doc(p, doc_id)?;
    let s = d.span(id)?;
    let name = span_text(d, s);
    let entity = Entity {
        id: p.next_entity_id(),
        name: name.clone(),
        label: s.label.to_string(),
        aliases: Vec::new(),
        attributes: Default::default(),
    };
    let link = Command::UpdateSpan {
        doc: doc_id,
        span: Span {
            entity: Some(entity.id),
            ..s.clone()
        },
    };
    Some(Command::Batch {
        name: format!("create entity {name}"),
        commands: vec![Command::AddEntity { entity }, link],
    })
}

/// Link a span to an entity (or unlink it with `None`).
pub fn link(p: &Project, doc_id: DocId, id: SpanId, entity: Option<EntityId>) -> Option<Command> {
    let s = doc(p, doc_id)?.span(id)?;
    (s.entity != entity).then(|| Command::UpdateSpan {
        doc: doc_id,
        span: Span {
            entity,
            ..s.clone()
        },
    })
}

/// Where "link every identical string" looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Document(DocId),
    Project,
}

/// What `link_identical` will do, for the confirmation line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkReport {
    pub linked: usize,
    pub tagged: usize,
}

/// Link every mention whose text is `surface` to `entity`: spans with that exact text are
/// linked, and whole-word occurrences not yet tagged are tagged with the entity's label and
/// linked. One step.
pub fn link_identical(
    p: &Project,
    scope: Scope,
    surface: &str,
    entity: EntityId,
) -> Option<(Command, LinkReport)> {
    let e = p.entity(entity)?;
    let docs: Vec<&Document> = match scope {
        Scope::Document(id) => p.document(id).into_iter().collect(),
        Scope::Project => p.documents.iter().collect(),
    };
    let mut commands = Vec::new();
    let mut report = LinkReport::default();
    let whole = FindOptions {
        case_sensitive: true,
        whole_words: true,
    };
    for d in docs {
        let mut covered = Vec::new();
        for s in &d.spans {
            if span_text(d, s) == surface {
                covered.push((s.start, s.end));
                if s.entity != Some(entity) {
                    report.linked += 1;
                    commands.push(Command::UpdateSpan {
                        doc: d.id,
                        span: Span {
                            entity: Some(entity),
                            ..s.clone()
                        },
                    });
                }
            }
        }
        let mut next = d.next_span_id().0;
        let mut new = Vec::new();
        for (s, e_) in text::find_all(&d.text, surface, whole) {
            // Leave text inside or across other spans alone: it is already something else.
            if covered.contains(&(s, e_)) || d.spans_overlapping(s, e_).next().is_some() {
                continue;
            }
            let mut span = Span::new(SpanId(next), CharRange::new(s, e_), e.label.clone());
            span.entity = Some(entity);
            next += 1;
            new.push(span);
        }
        if !new.is_empty() {
            report.tagged += new.len();
            commands.push(Command::AddSpans {
                doc: d.id,
                spans: new,
            });
        }
    }
    if commands.is_empty() {
        return None;
    }
    Some((
        Command::Batch {
            name: format!("link every {surface:?} to {}", e.name),
            commands,
        },
        report,
    ))
}

/// Merge entity `absorb` into `keep`: its mentions are relinked, its name and aliases become
/// aliases of `keep`, and it is removed. One step.
pub fn merge_entities(p: &Project, keep: EntityId, absorb: EntityId) -> Option<Command> {
    if keep == absorb {
        return None;
    }
    let k = p.entity(keep)?;
    let a = p.entity(absorb)?;
    let mut commands = Vec::new();
    for d in &p.documents {
        for s in d.spans.iter().filter(|s| s.entity == Some(absorb)) {
            commands.push(Command::UpdateSpan {
                doc: d.id,
                span: Span {
                    entity: Some(keep),
                    ..s.clone()
                },
            });
        }
    }
    let mut merged = k.clone();
    for alias in std::iter::once(&a.name).chain(&a.aliases) {
        if !merged.is_called(alias) {
            merged.aliases.push(alias.clone());
        }
    }
    commands.push(Command::UpdateEntity { entity: merged });
    commands.push(Command::RemoveEntity { entity: absorb });
    Some(Command::Batch {
        name: format!("merge {} into {}", a.name, k.name),
        commands,
    })
}

/// Delete an entity, unlinking its mentions first. One step.
pub fn delete_entity(p: &Project, id: EntityId) -> Option<Command> {
    let e = p.entity(id)?;
    let mut commands: Vec<Command> = p
        .documents
        .iter()
        .flat_map(|d| {
            d.spans
                .iter()
                .filter(|s| s.entity == Some(id))
                .map(move |s| Command::UpdateSpan {
                    doc: d.id,
                    span: Span {
                        entity: None,
                        ..s.clone()
                    },
                })
        })
        .collect();
    commands.push(Command::RemoveEntity { entity: id });
    Some(Command::Batch {
        name: format!("delete entity {}", e.name),
        commands,
    })
}

/// Add imported text files as documents, in order. One step.
pub fn add_documents(p: &Project, files: &[TextFile]) -> Option<Command> {
    let mut next = p.next_doc_id().0;
    let commands: Vec<Command> = files
        .iter()
        .map(|f| {
            let mut d = Document::new(DocId(next), f.name.clone(), f.text.clone());
            d.source = Some(f.path.display().to_string());
            d.meta = f.meta.clone();
            next += 1;
            Command::AddDocument {
                document: Box::new(d),
            }
        })
        .collect();
    match commands.len() {
        0 => None,
        1 => commands.into_iter().next(),
        n => Some(Command::Batch {
            name: format!("add {n} documents"),
            commands,
        }),
    }
}

/// A new document from pasted text.
pub fn paste_document(p: &Project, name: &str, text: &str) -> Command {
    Command::AddDocument {
        document: Box::new(Document::new(p.next_doc_id(), name, text)),
    }
}

/// Delete a label and everything using it: its spans (cleared as speakers first) and its
/// entities (unlinked first). One step. Returns the command and (spans, entities) counts.
pub fn delete_label(p: &Project, name: &str) -> Option<(Command, usize, usize)> {
    p.labels.get(name)?;
    let mut commands = Vec::new();
    let mut spans = 0;
    let doomed_entities: HashSet<EntityId> = p
        .entities
        .iter()
        .filter(|e| e.label == name)
        .map(|e| e.id)
        .collect();
    for d in &p.documents {
        let ids: Vec<SpanId> = d
            .spans
            .iter()
            .filter(|s| s.label == name)
            .map(|s| s.id)
            .collect();
        spans += ids.len();
        // Unlink surviving spans of other labels from entities about to go.
        for s in d
            .spans
            .iter()
            .filter(|s| s.label != name && s.entity.is_some_and(|e| doomed_entities.contains(&e)))
        {
            commands.push(Command::UpdateSpan {
                doc: d.id,
                span: Span {
                    entity: None,
                    ..s.clone()
                },
            });
        }
        if let Some(c) = delete_spans(p, d.id, &ids) {
            commands.push(c);
        }
    }
    for id in &doomed_entities {
        commands.push(Command::RemoveEntity { entity: *id });
    }
    commands.push(Command::RemoveLabel {
        name: name.to_string(),
    });
    Some((
        Command::Batch {
            name: format!("delete label {name}"),
            commands,
        },
        spans,
        doomed_entities.len(),
    ))
}

/// A new label with the next free colour and key.
pub fn new_label(p: &Project, name: &str) -> Command {
    Command::AddLabel {
        index: p.labels.labels.len(),
        label: LabelDef {
            name: name.to_string(),
            color: p.labels.next_color(),
            key: p.labels.free_key(),
            description: String::new(),
        },
    }
}

/// Set a document's status.
pub fn set_status(p: &Project, doc_id: DocId, status: Status) -> Option<Command> {
    (doc(p, doc_id)?.status != status).then_some(Command::SetStatus {
        doc: doc_id,
        status,
    })
}

/// Per-label span counts over the project, in label-set order then any unknown labels.
pub fn label_counts(p: &Project) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for s in p.documents.iter().flat_map(|d| &d.spans) {
        *counts.entry(s.label.to_string()).or_insert(0) += 1;
    }
    counts
}

/// What accepting every suggestion at once brings: one step, and how many document
/// categories it sets.
#[derive(Debug, Default)]
pub struct AcceptedAll {
    pub command: Option<Command>,
    pub categories: usize,
}

/// Accept every suggestion in `found` (by document) and every suggested document category as
/// one step, as `gloss suggest --accept-all` does: each span remembers the rule that proposed
/// it, and a scheme of one value takes the best suggested.
pub fn accept_all(
    p: &Project,
    found: &[(DocId, Vec<crate::model::Suggestion>)],
    categories: &[(DocId, crate::matcher::external::CategorySuggestion)],
) -> AcceptedAll {
    let total: usize = found.iter().map(|(_, items)| items.len()).sum();
    let (category_commands, category_count) = super::external::accept_categories(p, categories);
    let mut acc = super::review::Acceptor::new(p);
    for (doc, items) in found {
        if let Some(d) = p.document(*doc) {
            for s in items {
                acc.accept(d, s, None);
            }
        }
    }
    let accepted = acc.finish(format!("accept {total} suggestions"));
    let command = if category_commands.is_empty() {
        accepted
    } else {
        let mut all: Vec<Command> = accepted.into_iter().collect();
        all.extend(category_commands);
        Some(Command::Batch {
            name: format!("accept {total} suggestions and {category_count} categories"),
            commands: all,
        })
    };
    AcceptedAll {
        command,
        categories: category_count,
    }
}
