//! Commands: every change to a project, as a value.
//!
//! Applying a command checks it against the project, changes the project, and returns the
//! command that undoes it. Undo, redo, the journal, the CLI and the tests all go through
//! `Command::apply`, so there is one implementation of each change and one set of checks.
//!
//! The variants are primitives with strict preconditions (a span is only removed if no quote
//! names it as speaker; a label only if nothing uses it). Gestures that touch several things
//! ("delete this span and clear it as a speaker") are `Batch`es built in `gestures`; a batch
//! applies all or nothing and undoes as one step.

use serde::{Deserialize, Serialize};

use crate::model::{
    AttrItem, AttrTarget, AttributeDef, CategoryScheme, DocId, Document, Entity, EntityId,
    LabelDef, MatcherSettings, Prediction, Project, Quote, QuoteId, Rejection, Span, SpanId,
    Status,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Add spans to a document (ids must be new in the document).
    AddSpans {
        doc: DocId,
        spans: Vec<Span>,
    },
    /// Remove spans by id (none may be a quote's speaker).
    RemoveSpans {
        doc: DocId,
        spans: Vec<SpanId>,
    },
    /// Replace a span by one with the same id: new label, range, entity link or origin.
    UpdateSpan {
        doc: DocId,
        span: Span,
    },
    AddQuote {
        doc: DocId,
        quote: Quote,
    },
    RemoveQuote {
        doc: DocId,
        quote: QuoteId,
    },
    UpdateQuote {
        doc: DocId,
        quote: Quote,
    },
    AddEntity {
        entity: Entity,
    },
    /// Remove an entity no span links to.
    RemoveEntity {
        entity: EntityId,
    },
    UpdateEntity {
        entity: Entity,
    },
    AddDocument {
        document: Box<Document>,
    },
    RemoveDocument {
        doc: DocId,
    },
    RenameDocument {
        doc: DocId,
        name: String,
    },
    SetStatus {
        doc: DocId,
        status: Status,
    },
    /// Set one metadata entry of a document (`Some`), or remove it (`None`). The inverse sets
    /// the value it replaced (or removes the key it added).
    SetMeta {
        doc: DocId,
        key: String,
        value: Option<String>,
    },
    /// Replace a document's stored predictions (imported suggestions); the inverse puts the
    /// old ones back.
    SetPredictions {
        doc: DocId,
        predictions: Vec<Prediction>,
    },
    /// Insert a label at `index` in the label set.
    AddLabel {
        index: usize,
        label: LabelDef,
    },
    /// Remove a label nothing uses.
    RemoveLabel {
        name: String,
    },
    /// Change a label's colour, key or description (not its name: see `RenameLabel`).
    UpdateLabel {
        label: LabelDef,
    },
    /// Rename a label everywhere: the label set, every span, every entity.
    RenameLabel {
        from: String,
        to: String,
    },
    /// Remember rejected suggestions (this range of this document is not this label).
    AddRejections {
        rejections: Vec<Rejection>,
    },
    /// Forget rejections (the inverse of `AddRejections`).
    RemoveRejections {
        rejections: Vec<Rejection>,
    },
    /// Never suggest this string as this label anywhere in the project.
    AddNever {
        text: String,
        label: String,
    },
    RemoveNever {
        text: String,
        label: String,
    },
    /// Set the values a document has in one category scheme (empty: none), put in the
    /// scheme's order; the inverse sets the values it had. See `app::schemes`.
    SetCategories {
        doc: DocId,
        scheme: String,
        values: Vec<String>,
    },
    /// Set an attribute of an entity, span or quote (`Some`), or clear it (`None`).
    SetAttribute {
        item: AttrItem,
        name: String,
        value: Option<String>,
    },
    /// Insert a category scheme at `index`.
    AddScheme {
        index: usize,
        scheme: CategoryScheme,
    },
    /// Remove a category scheme no document uses.
    RemoveScheme {
        name: String,
    },
    /// Replace the scheme of the same name (its values, keys, colours, choice, description).
    UpdateScheme {
        scheme: CategoryScheme,
    },
    /// Insert an attribute definition at `index`.
    AddAttribute {
        index: usize,
        attribute: AttributeDef,
    },
    /// Remove an attribute definition no item uses.
    RemoveAttribute {
        target: AttrTarget,
        name: String,
    },
    /// Replace the attribute of the same target and name (its values or description).
    UpdateAttribute {
        attribute: AttributeDef,
    },
    /// Replace the matcher settings.
    SetMatcherSettings {
        settings: MatcherSettings,
    },
    /// Several commands as one step: all apply or none do.
    Batch {
        name: String,
        commands: Vec<Command>,
    },
}

/// Why a command could not apply. The project is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CommandError(pub String);

fn fail<T>(msg: impl Into<String>) -> Result<T, CommandError> {
    Err(CommandError(msg.into()))
}

fn doc_mut(p: &mut Project, id: DocId) -> Result<&mut Document, CommandError> {
    p.document_mut(id)
        .ok_or_else(|| CommandError(format!("document {id} does not exist")))
}

fn check_span(p: &Project, doc: &Document, s: &Span) -> Result<(), CommandError> {
    if s.start >= s.end || s.end > doc.char_len() {
        return fail(format!(
            "span {}..{} is empty or outside the text of {:?}",
            s.start, s.end, doc.name
        ));
    }
    if !p.labels.contains(&s.label) {
        return fail(format!("label {:?} is not in the label set", s.label));
    }
    if let Some(e) = s.entity
        && p.entity(e).is_none()
    {
        return fail(format!("entity {e} does not exist"));
    }
    Ok(())
}

fn check_quote(doc: &Document, q: &Quote) -> Result<(), CommandError> {
    if q.content.is_empty() {
        return fail("a quote needs some content");
    }
    let len = doc.char_len();
    for r in q.content.iter().chain(q.cue.iter()) {
        if r.start >= r.end || r.end > len {
            return fail(format!("quote range {r} is empty or outside the text"));
        }
    }
    if let Some(sp) = q.speaker
        && doc.span(sp).is_none()
    {
        return fail(format!("speaker span {sp} does not exist"));
    }
    Ok(())
}

fn check_label(p: &Project, l: &LabelDef, except: Option<&str>) -> Result<(), CommandError> {
    if l.name.trim().is_empty() {
        return fail("a label needs a name");
    }
    if let Some(k) = l.key {
        if !k.is_ascii_digit() {
            return fail(format!("key {k:?} is not a digit"));
        }
        if let Some(other) = p.labels.by_key(k)
            && Some(other.name.as_str()) != except
        {
            return fail(format!("key {k} already applies {}", other.name));
        }
    }
    Ok(())
}

impl Command {
    /// Apply to `project`; on success return the command that undoes this one.
    pub fn apply(self, p: &mut Project) -> Result<Command, CommandError> {
        use Command::*;
        Ok(match self {
            AddSpans { doc, spans } => {
                let d = p
                    .document(doc)
                    .ok_or_else(|| CommandError(format!("document {doc} does not exist")))?;
                let mut new_ids = std::collections::HashSet::new();
                for s in &spans {
                    check_span(p, d, s)?;
                    if d.span(s.id).is_some() || !new_ids.insert(s.id) {
                        return fail(format!("span id {} is already used", s.id));
                    }
                }
                let ids = spans.iter().map(|s| s.id).collect();
                let d = doc_mut(p, doc)?;
                if spans.len() == 1 {
                    spans.into_iter().for_each(|s| {
                        d.insert_span(s);
                    });
                } else {
                    d.spans.extend(spans);
                    d.resort_spans();
                }
                d.revision += 1;
                RemoveSpans { doc, spans: ids }
            }
            RemoveSpans { doc, spans } => {
                let d = doc_mut(p, doc)?;
                for id in &spans {
                    if d.span(*id).is_none() {
                        return fail(format!("span {id} does not exist"));
                    }
                    if let Some(q) = d.quotes.iter().find(|q| q.speaker == Some(*id)) {
                        return fail(format!("span {id} is the speaker of quote {}", q.id));
                    }
                }
                let set: std::collections::HashSet<_> = spans.iter().copied().collect();
                let (removed, kept): (Vec<Span>, Vec<Span>) = std::mem::take(&mut d.spans)
                    .into_iter()
                    .partition(|s| set.contains(&s.id));
                d.spans = kept;
                d.revision += 1;
                AddSpans {
                    doc,
                    spans: removed,
                }
            }
            UpdateSpan { doc, span } => {
                let d = p
                    .document(doc)
                    .ok_or_else(|| CommandError(format!("document {doc} does not exist")))?;
                check_span(p, d, &span)?;
                let d = doc_mut(p, doc)?;
                let Some(old) = d.span_mut(span.id) else {
                    return fail(format!("span {} does not exist", span.id));
                };
                let resort = old.range() != span.range();
                let old = std::mem::replace(old, span);
                if resort {
                    d.resort_spans();
                }
                d.revision += 1;
                UpdateSpan { doc, span: old }
            }
            AddQuote { doc, quote } => {
                let d = doc_mut(p, doc)?;
                check_quote(d, &quote)?;
                if d.quote(quote.id).is_some() {
                    return fail(format!("quote id {} is already used", quote.id));
                }
                let id = quote.id;
                d.insert_quote(quote);
                d.revision += 1;
                RemoveQuote { doc, quote: id }
            }
            RemoveQuote { doc, quote } => {
                let d = doc_mut(p, doc)?;
                let Some(i) = d.quotes.iter().position(|q| q.id == quote) else {
                    return fail(format!("quote {quote} does not exist"));
                };
                let old = d.quotes.remove(i);
                d.revision += 1;
                AddQuote { doc, quote: old }
            }
            UpdateQuote { doc, quote } => {
                let d = doc_mut(p, doc)?;
                check_quote(d, &quote)?;
                let Some(i) = d.quotes.iter().position(|q| q.id == quote.id) else {
                    return fail(format!("quote {} does not exist", quote.id));
                };
                let old = std::mem::replace(&mut d.quotes[i], quote);
                d.resort_quotes();
                d.revision += 1;
                UpdateQuote { doc, quote: old }
            }
            AddEntity { entity } => {
                if p.entity(entity.id).is_some() {
                    return fail(format!("entity id {} is already used", entity.id));
                }
                if !p.labels.contains(&entity.label) {
                    return fail(format!("label {:?} is not in the label set", entity.label));
                }
                let id = entity.id;
                p.insert_entity(entity);
                RemoveEntity { entity: id }
            }
            RemoveEntity { entity } => {
                let linked = p
                    .documents
                    .iter()
                    .flat_map(|d| &d.spans)
                    .filter(|s| s.entity == Some(entity))
                    .count();
                if linked > 0 {
                    return fail(format!(
                        "entity {entity} still has {linked} linked mentions"
                    ));
                }
                let Some(i) = p.entities.iter().position(|e| e.id == entity) else {
                    return fail(format!("entity {entity} does not exist"));
                };
                AddEntity {
                    entity: p.entities.remove(i),
                }
            }
            UpdateEntity { entity } => {
                if !p.labels.contains(&entity.label) {
                    return fail(format!("label {:?} is not in the label set", entity.label));
                }
                let Some(old) = p.entity_mut(entity.id) else {
                    return fail(format!("entity {} does not exist", entity.id));
                };
                UpdateEntity {
                    entity: std::mem::replace(old, entity),
                }
            }
            AddDocument { mut document } => {
                if p.document(document.id).is_some() {
                    return fail(format!("document id {} is already used", document.id));
                }
                document.refresh_len();
                for s in &document.spans {
                    check_span(p, &document, s)?;
                }
                for q in &document.quotes {
                    check_quote(&document, q)?;
                }
                let id = document.id;
                p.insert_document(*document);
                RemoveDocument { doc: id }
            }
            RemoveDocument { doc } => {
                let Some(i) = p.document_index(doc) else {
                    return fail(format!("document {doc} does not exist"));
                };
                AddDocument {
                    document: Box::new(p.documents.remove(i)),
                }
            }
            RenameDocument { doc, name } => {
                // Blank names are the window's business to prevent; refusing them here would
                // make the rename of a blank-named document impossible to undo.
                let d = doc_mut(p, doc)?;
                RenameDocument {
                    doc,
                    name: std::mem::replace(&mut d.name, name),
                }
            }
            SetStatus { doc, status } => {
                let d = doc_mut(p, doc)?;
                SetStatus {
                    doc,
                    status: std::mem::replace(&mut d.status, status),
                }
            }
            SetMeta { doc, key, value } => {
                if key.trim().is_empty() && value.is_some() {
                    return fail("a metadata entry needs a key");
                }
                let d = doc_mut(p, doc)?;
                let old = match value {
                    Some(v) => d.meta.insert(key.clone(), v),
                    None => d.meta.remove(&key),
                };
                SetMeta {
                    doc,
                    key,
                    value: old,
                }
            }
            SetPredictions { doc, predictions } => {
                let d = doc_mut(p, doc)?;
                let len = d.char_len();
                if let Some(bad) = predictions.iter().find(|x| !x.fits(len)) {
                    let (s, e) = bad.range();
                    return fail(format!(
                        "prediction {s}..{e} does not fit in {:?} ({len} code points)",
                        d.name
                    ));
                }
                let old = std::mem::replace(&mut d.predictions, predictions);
                d.revision += 1;
                SetPredictions {
                    doc,
                    predictions: old,
                }
            }
            AddLabel { index, label } => {
                check_label(p, &label, None)?;
                if p.labels.contains(&label.name) {
                    return fail(format!("label {} already exists", label.name));
                }
                let name = label.name.clone();
                let at = index.min(p.labels.labels.len());
                p.labels.labels.insert(at, label);
                RemoveLabel { name }
            }
            RemoveLabel { name } => {
                let spans = p
                    .documents
                    .iter()
                    .flat_map(|d| &d.spans)
                    .filter(|s| s.label == name)
                    .count();
                let entities = p.entities.iter().filter(|e| e.label == name).count();
                if spans + entities > 0 {
                    return fail(format!(
                        "label {name} is used by {spans} spans and {entities} entities"
                    ));
                }
                let Some(index) = p.labels.index_of(&name) else {
                    return fail(format!("label {name} does not exist"));
                };
                AddLabel {
                    index,
                    label: p.labels.labels.remove(index),
                }
            }
            UpdateLabel { label } => {
                check_label(p, &label, Some(&label.name))?;
                let Some(i) = p.labels.index_of(&label.name) else {
                    return fail(format!("label {} does not exist", label.name));
                };
                UpdateLabel {
                    label: std::mem::replace(&mut p.labels.labels[i], label),
                }
            }
            RenameLabel { from, to } => {
                if to.trim().is_empty() {
                    return fail("a label needs a name");
                }
                if p.labels.contains(&to) {
                    return fail(format!("label {to} already exists"));
                }
                let Some(i) = p.labels.index_of(&from) else {
                    return fail(format!("label {from} does not exist"));
                };
                p.labels.labels[i].name = to.clone();
                for d in &mut p.documents {
                    let mut touched = false;
                    for s in d.spans.iter_mut().filter(|s| s.label == from) {
                        s.label = to.as_str().into();
                        touched = true;
                    }
                    if touched {
                        d.revision += 1;
                    }
                }
                for e in p.entities.iter_mut().filter(|e| e.label == from) {
                    e.label = to.clone();
                }

                RenameLabel { from: to, to: from }
            }
            AddRejections { rejections } => {
                if rejections.is_empty() {
                    return fail("nothing to reject");
                }
                for r in &rejections {
                    if p.document(r.doc).is_none() {
                        return fail(format!("document {} does not exist", r.doc));
                    }
                    if r.start >= r.end {
                        return fail("a rejection needs a non-empty range");
                    }
                }
                p.verdicts.rejected.extend(rejections.iter().cloned());
                p.verdicts.rejected.sort();
                for d in &mut p.documents {
                    if rejections.iter().any(|r| r.doc == d.id) {
                        d.revision += 1;
                    }
                }
                RemoveRejections { rejections }
            }
            RemoveRejections { rejections } => {
                for r in &rejections {
                    let Some(i) = p.verdicts.rejected.iter().position(|x| x == r) else {
                        return fail("that rejection is not remembered");
                    };
                    p.verdicts.rejected.remove(i);
                }
                for d in &mut p.documents {
                    if rejections.iter().any(|r| r.doc == d.id) {
                        d.revision += 1;
                    }
                }
                AddRejections { rejections }
            }
            AddNever { text, label } => {
                if p.verdicts.is_never(&text, &label) {
                    return fail(format!("“{text}” as {label} is already never suggested"));
                }
                p.verdicts.never.push((text.clone(), label.clone()));
                p.verdicts.never.sort();
                RemoveNever { text, label }
            }
            RemoveNever { text, label } => {
                let Some(i) = p
                    .verdicts
                    .never
                    .iter()
                    .position(|(t, l)| *t == text && *l == label)
                else {
                    return fail(format!("“{text}” as {label} is not in the never list"));
                };
                p.verdicts.never.remove(i);
                AddNever { text, label }
            }
            SetCategories {
                doc,
                scheme,
                values,
            } => super::schemes::set_categories(p, doc, scheme, values)?,
            SetAttribute { item, name, value } => {
                super::schemes::set_attribute(p, item, name, value)?
            }
            AddScheme { index, scheme } => super::schemes::add_scheme(p, index, scheme)?,
            RemoveScheme { name } => super::schemes::remove_scheme(p, name)?,
            UpdateScheme { scheme } => super::schemes::update_scheme(p, scheme)?,
            AddAttribute { index, attribute } => {
                super::schemes::add_attribute(p, index, attribute)?
            }
            RemoveAttribute { target, name } => super::schemes::remove_attribute(p, target, name)?,
            UpdateAttribute { attribute } => super::schemes::update_attribute(p, attribute)?,
            SetMatcherSettings { settings } => SetMatcherSettings {
                settings: std::mem::replace(&mut p.matcher, settings),
            },
            Batch { name, commands } => {
                let mut inverses = Vec::with_capacity(commands.len());
                for c in commands {
                    match c.apply(p) {
                        Ok(inv) => inverses.push(inv),
                        Err(e) => {
                            // Roll back what already applied; each inverse is valid by
                            // construction, so this cannot fail.
                            for inv in inverses.into_iter().rev() {
                                let _ = inv.apply(p);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Batch {
                    name,
                    commands: inverses,
                }
            }
        })
    }

    /// The documents this command adds annotations (spans or quotes) to, batches included, each
    /// once, in the order first met. Linear in the size of the command: `Session::execute` asks
    /// it of every edit, an accept-all over a whole project included.
    pub fn annotated_docs(&self) -> Vec<DocId> {
        fn walk(c: &Command, seen: &mut std::collections::HashSet<DocId>, out: &mut Vec<DocId>) {
            match c {
                Command::AddSpans { doc, .. } | Command::AddQuote { doc, .. }
                    if seen.insert(*doc) =>
                {
                    out.push(*doc);
                }
                Command::Batch { commands, .. } => {
                    for c in commands {
                        walk(c, seen, out);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(self, &mut std::collections::HashSet::new(), &mut out);
        out
    }

    /// A short description for the Edit menu and status bar ("add PERSON span").
    pub fn describe(&self) -> String {
        use Command::*;
        match self {
            AddSpans { spans, .. } if spans.len() == 1 => format!("add {} span", spans[0].label),
            AddSpans { spans, .. } => format!("add {} spans", spans.len()),
            RemoveSpans { spans, .. } if spans.len() == 1 => "delete span".into(),
            RemoveSpans { spans, .. } => format!("delete {} spans", spans.len()),
            UpdateSpan { .. } => "edit span".into(),
            AddQuote { .. } => "add quote".into(),
            RemoveQuote { .. } => "delete quote".into(),
            UpdateQuote { .. } => "edit quote".into(),
            AddEntity { entity } => format!("create entity {}", entity.name),
            RemoveEntity { .. } => "delete entity".into(),
            UpdateEntity { entity } => format!("edit entity {}", entity.name),
            AddDocument { document } => format!("add document {}", document.name),
            RemoveDocument { .. } => "remove document".into(),
            RenameDocument { name, .. } => format!("rename document to {name}"),
            SetStatus { status, .. } => format!("mark document {}", status.name()),
            SetMeta {
                key, value: None, ..
            } => format!("remove metadata {key}"),
            SetMeta { key, .. } => format!("set metadata {key}"),
            SetPredictions { predictions, .. } => {
                format!("set {} imported suggestions", predictions.len())
            }
            AddLabel { label, .. } => format!("add label {}", label.name),
            RemoveLabel { name } => format!("delete label {name}"),
            UpdateLabel { label } => format!("edit label {}", label.name),
            RenameLabel { from, to } => format!("rename label {from} to {to}"),
            AddRejections { rejections } if rejections.len() == 1 => "reject suggestion".into(),
            AddRejections { rejections } => format!("reject {} suggestions", rejections.len()),
            RemoveRejections { .. } => "forget rejection".into(),
            AddNever { text, label } => format!("never suggest “{text}” as {label}"),
            RemoveNever { text, label } => format!("suggest “{text}” as {label} again"),
            SetCategories { scheme, values, .. } if values.is_empty() => {
                format!("clear {scheme}")
            }
            SetCategories { scheme, values, .. } => format!("set {scheme} {}", values.join(", ")),
            SetAttribute {
                name, value: None, ..
            } => format!("clear {name}"),
            SetAttribute {
                name,
                value: Some(v),
                ..
            } => format!("set {name} {v}"),
            AddScheme { scheme, .. } => format!("add category scheme {}", scheme.name),
            RemoveScheme { name } => format!("delete category scheme {name}"),
            UpdateScheme { scheme } => format!("edit category scheme {}", scheme.name),
            AddAttribute { attribute, .. } => format!("add attribute {}", attribute.name),
            RemoveAttribute { name, .. } => format!("delete attribute {name}"),
            UpdateAttribute { attribute } => format!("edit attribute {}", attribute.name),
            SetMatcherSettings { .. } => "change matcher settings".into(),
            Batch { name, .. } => name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotated_docs_are_each_named_once_in_the_order_first_met() {
        let spans = |d: u64| Command::AddSpans {
            doc: DocId(d),
            spans: Vec::new(),
        };
        let batch = |commands: Vec<Command>| Command::Batch {
            name: "b".into(),
            commands,
        };
        let c = batch(vec![
            spans(7),
            Command::SetStatus {
                doc: DocId(1),
                status: Status::Done,
            },
            batch(vec![spans(3), spans(7)]),
            spans(3),
            spans(5),
        ]);
        assert_eq!(c.annotated_docs(), [DocId(7), DocId(3), DocId(5)]);
        assert!(batch(Vec::new()).annotated_docs().is_empty());
    }

    #[test]
    fn set_meta_adds_changes_and_removes_with_exact_inverses() {
        let mut p = Project::new("t");
        p.insert_document(Document::new(DocId(1), "a", "Text."));
        let set = |key: &str, value: Option<&str>| Command::SetMeta {
            doc: DocId(1),
            key: key.into(),
            value: value.map(String::from),
        };
        let undo_add = set("outlet", Some("Daily Planet")).apply(&mut p).unwrap();
        assert_eq!(undo_add, set("outlet", None));
        let undo_change = set("outlet", Some("The Sun")).apply(&mut p).unwrap();
        assert_eq!(undo_change, set("outlet", Some("Daily Planet")));
        let undo_remove = set("outlet", None).apply(&mut p).unwrap();
        assert_eq!(undo_remove, set("outlet", Some("The Sun")));
        assert!(p.documents[0].meta.is_empty());
        undo_remove.apply(&mut p).unwrap();
        undo_change.apply(&mut p).unwrap();
        assert_eq!(p.documents[0].meta["outlet"], "Daily Planet");
        undo_add.apply(&mut p).unwrap();
        assert!(p.documents[0].meta.is_empty());
        assert!(set(" ", Some("x")).apply(&mut p).is_err());
        assert!(
            Command::SetMeta {
                doc: DocId(9),
                key: "k".into(),
                value: None
            }
            .apply(&mut p)
            .is_err()
        );
    }
}
