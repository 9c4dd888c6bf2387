//! Decisions on disagreements, as commands on the curated project, and how to tell from the
//! curated project what was decided.

use super::items::{Item, QuoteItem, QuoteKey, SpanItem, SpanKey, quote_key, span_key};
use super::{Curation, CurationError};
use crate::app::Command;
use crate::model::{
    CharRange, Document, Entity, EntityId, LabelDef, LabelSet, Project, Quote, QuoteId, Rejection,
    Span, SpanId,
};

/// What the curator chose for one disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// Keep this annotator's alternative (by index into `Curation::annotators`); reject the
    /// others'.
    Take(usize),
    /// Keep every annotator's alternative.
    TakeAll,
    /// Keep nothing; reject every alternative.
    Neither,
}

/// The label a rejected quote is remembered under, as the review loop does.
const QUOTE: &str = "QUOTE";

/// Two items are the same annotation (ids aside).
pub(super) fn same(a: &Item, b: &Item) -> bool {
    match (a, b) {
        (Item::Span(x), Item::Span(y)) => x.key() == y.key(),
        (Item::Quote(x), Item::Quote(y)) => x.key() == y.key(),
        _ => false,
    }
}

/// Two lists hold the same annotations, counted with repetition, in any order.
pub(super) fn same_items(a: &[Item], b: &[Item]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut used = vec![false; b.len()];
    a.iter().all(|x| {
        let found = (0..b.len()).find(|&j| !used[j] && same(x, &b[j]));
        found.map(|j| used[j] = true).is_some()
    })
}

fn rejection_of(doc: &Document, it: &Item) -> Rejection {
    let (range, label) = match it {
        Item::Span(s) => (s.range, s.label.as_str()),
        Item::Quote(_) => (it.range(), QUOTE),
    };
    Rejection {
        doc: doc.id,
        start: range.start,
        end: range.end,
        label: label.to_string(),
        engine: None,
    }
}

/// The curated document as keys, for checking items against it.
pub(super) struct State<'a> {
    project: &'a Project,
    doc: &'a Document,
    spans: Vec<SpanKey>,
    quotes: Vec<QuoteKey>,
}

impl<'a> State<'a> {
    pub fn new(project: &'a Project, doc: &'a Document) -> Self {
        Self {
            project,
            doc,
            spans: doc.spans.iter().map(|s| span_key(project, s)).collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| quote_key(project, doc, q))
                .collect(),
        }
    }

    /// The curated document holds exactly this annotation.
    pub fn present(&self, it: &Item) -> bool {
        match it {
            Item::Span(s) => self.spans.contains(&s.key()),
            Item::Quote(q) => self.quotes.contains(&q.key()),
        }
    }

    /// The curated document holds this annotation or a variant of it: a span of the same range
    /// and label, a quote of the same content.
    fn superseded(&self, it: &Item) -> bool {
        match it {
            Item::Span(s) => self
                .doc
                .spans
                .iter()
                .any(|x| x.range() == s.range && x.label == s.label),
            Item::Quote(q) => self.doc.quotes.iter().any(|x| x.content == q.content),
        }
    }

    fn rejected(&self, it: &Item) -> bool {
        let r = rejection_of(self.doc, it);
        self.project.verdicts.rejected.contains(&r)
    }

    /// Kept, superseded or rejected: nothing left to decide about this annotation.
    pub fn covered(&self, it: &Item) -> bool {
        self.superseded(it) || self.rejected(it)
    }
}

/// The commands one decision needs, built up item by item.
struct Plan<'a> {
    curated: &'a Project,
    doc: &'a Document,
    labels: Vec<LabelDef>,
    entities: Vec<Entity>,
    spans: Vec<Span>,
    quotes: Vec<Quote>,
}

impl<'a> Plan<'a> {
    fn new(curated: &'a Project, doc: &'a Document) -> Self {
        Self {
            curated,
            doc,
            labels: Vec::new(),
            entities: Vec::new(),
            spans: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// Make sure the curated label set has `name`, copying its definition from `source`.
    fn label(&mut self, name: &str, source: &Project) {
        if self.curated.labels.contains(name) || self.labels.iter().any(|l| l.name == name) {
            return;
        }
        let mut def = source.labels.get(name).cloned().unwrap_or_else(|| {
            let mut fresh = LabelSet::from_names([name.to_string()]).labels;
            fresh.remove(0)
        });
        if def.key.is_some_and(|k| {
            self.curated.labels.by_key(k).is_some() || self.labels.iter().any(|l| l.key == Some(k))
        }) {
            def.key = None;
        }
        self.labels.push(def);
    }

    /// The curated entity called `name`, created (from `source`'s entity of that name) if
    /// there is none.
    fn entity(&mut self, name: &str, fallback_label: &str, source: &Project) -> EntityId {
        if let Some(e) = self.curated.entities.iter().find(|e| e.name == name) {
            return e.id;
        }
        if let Some(e) = self.entities.iter().find(|e| e.name == name) {
            return e.id;
        }
        let theirs = source.entities.iter().find(|e| e.name == name);
        let label = theirs
            .map_or(fallback_label, |e| e.label.as_str())
            .to_string();
        self.label(&label, source);
        let id = EntityId(self.curated.next_entity_id().0 + self.entities.len() as u64);
        self.entities.push(Entity {
            id,
            name: name.to_string(),
            label,
            aliases: theirs.map(|e| e.aliases.clone()).unwrap_or_default(),
            attributes: Default::default(),
        });
        id
    }

    fn span(&mut self, item: &SpanItem, source: &Project, source_doc: &Document) -> SpanId {
        if let Some(s) = self.spans.iter().find(|s| self.key_of(s) == item.key()) {
            return s.id;
        }
        self.label(&item.label, source);
        let entity = item
            .entity
            .as_ref()
            .map(|n| self.entity(n, &item.label, source));
        let origin = source_doc
            .span(item.id)
            .map(|s| s.origin.clone())
            .unwrap_or_default();
        let id = SpanId(self.doc.next_span_id().0 + self.spans.len() as u64);
        self.spans.push(Span {
            id,
            start: item.range.start,
            end: item.range.end,
            label: (&item.label).into(),
            entity,
            mention: item.mention,
            origin,
            attributes: Default::default(),
        });
        id
    }

    /// A planned span's key (entity by the name it will have).
    fn key_of(&self, s: &Span) -> SpanKey {
        let name = s.entity.and_then(|id| {
            self.curated
                .entity(id)
                .or_else(|| self.entities.iter().find(|e| e.id == id))
                .map(|e| e.name.clone())
        });
        SpanKey {
            start: s.start,
            end: s.end,
            label: s.label.to_string(),
            mention: s.mention,
            entity: name,
        }
    }

    fn quote(&mut self, item: &QuoteItem, source: &Project, source_doc: &Document) {
        let speaker = item.speaker.as_ref().map(|sp| {
            // A mention of the same range and label already in the curated document will do.
            let same_range = |s: &&Span| s.range() == sp.range && s.label == sp.label;
            let exact = self
                .doc
                .spans
                .iter()
                .find(|s| span_key(self.curated, s) == sp.key());
            match exact.or_else(|| self.doc.spans.iter().find(same_range)) {
                Some(s) => s.id,
                None => self.span(sp, source, source_doc),
            }
        });
        let origin = source_doc
            .quote(item.id)
            .map(|q| q.origin.clone())
            .unwrap_or_default();
        let id = QuoteId(self.doc.next_quote_id().0 + self.quotes.len() as u64);
        self.quotes.push(Quote {
            id,
            content: item.content.clone(),
            speaker,
            cue: item.cue,
            kind: item.kind,
            origin,
            attributes: Default::default(),
        });
    }
}

impl Curation {
    /// The command that carries out `decision` on disagreement `index` in `curated`: apply it
    /// with `Session::execute` (one undo step). Fails with `NothingToDo` when the curated
    /// project already holds exactly that decision.
    pub fn decide(
        &self,
        curated: &Project,
        index: usize,
        decision: Decision,
    ) -> Result<Command, CurationError> {
        let d = self
            .disagreements
            .get(index)
            .ok_or(CurationError::NoSuchDisagreement(index))?;
        let doc = super::curated_document(curated, &d.document)?;
        let all: Vec<(usize, &Item)> = d
            .alternatives
            .iter()
            .flat_map(|a| a.items.iter().map(move |it| (a.annotator, it)))
            .collect();
        let mut chosen: Vec<(usize, &Item)> = Vec::new();
        match decision {
            Decision::Take(i) => {
                let alt = d
                    .alternatives
                    .get(i)
                    .ok_or(CurationError::NoSuchAnnotator(i))?;
                chosen.extend(alt.items.iter().map(|it| (i, it)));
            }
            Decision::TakeAll => {
                for (a, it) in &all {
                    if !chosen.iter().any(|(_, c)| same(c, it)) {
                        chosen.push((*a, it));
                    }
                }
            }
            Decision::Neither => {}
        }
        let is_chosen = |it: &Item| chosen.iter().any(|(_, c)| same(c, it));
        let state = State::new(curated, doc);

        // What was kept before and is not chosen now goes: quotes first, so that their
        // speaker mentions can go too.
        let mut remove_quotes: Vec<QuoteId> = Vec::new();
        let mut remove_spans: Vec<SpanId> = Vec::new();
        for (_, it) in all.iter().filter(|(_, it)| !is_chosen(it)) {
            match it {
                Item::Quote(q) => {
                    for (x, key) in doc.quotes.iter().zip(&state.quotes) {
                        if *key == q.key() && !remove_quotes.contains(&x.id) {
                            remove_quotes.push(x.id);
                        }
                    }
                }
                Item::Span(s) => {
                    for (x, key) in doc.spans.iter().zip(&state.spans) {
                        if *key == s.key() && !remove_spans.contains(&x.id) {
                            remove_spans.push(x.id);
                        }
                    }
                }
            }
        }
        // A mention that stays the speaker of a kept quote stays.
        remove_spans.retain(|id| {
            !doc.quotes
                .iter()
                .any(|q| q.speaker == Some(*id) && !remove_quotes.contains(&q.id))
        });

        let mut plan = Plan::new(curated, doc);
        let mut unreject: Vec<Rejection> = Vec::new();
        for (a, it) in &chosen {
            let source = &self.projects[*a];
            let Some(source_doc) = source.documents.iter().find(|x| x.name == d.document) else {
                continue;
            };
            let r = rejection_of(doc, it);
            if curated.verdicts.rejected.contains(&r) && !unreject.contains(&r) {
                unreject.push(r);
            }
            if state.present(it) {
                continue;
            }
            match it {
                Item::Span(s) => {
                    plan.span(s, source, source_doc);
                }
                Item::Quote(q) => plan.quote(q, source, source_doc),
            }
        }

        // Reject what is not kept, unless a variant of it stays (same range and label, same
        // content): a PERSON span kept with another entity is not "not a PERSON".
        let kept_span = |r: CharRange, label: &str| {
            doc.spans
                .iter()
                .filter(|s| !remove_spans.contains(&s.id))
                .chain(&plan.spans)
                .any(|s| s.range() == r && s.label == label)
        };
        let kept_quote = |content: &[CharRange]| {
            doc.quotes
                .iter()
                .filter(|q| !remove_quotes.contains(&q.id))
                .chain(&plan.quotes)
                .any(|q| q.content == content)
        };
        let mut reject: Vec<Rejection> = Vec::new();
        for (_, it) in all.iter().filter(|(_, it)| !is_chosen(it)) {
            let variant_stays = match it {
                Item::Span(s) => kept_span(s.range, &s.label),
                Item::Quote(q) => kept_quote(&q.content),
            };
            let r = rejection_of(doc, it);
            if !variant_stays && !curated.verdicts.rejected.contains(&r) && !reject.contains(&r) {
                reject.push(r);
            }
        }

        let mut commands = Vec::new();
        commands.extend(plan.labels.into_iter().map(|label| Command::AddLabel {
            index: usize::MAX,
            label,
        }));
        commands.extend(
            plan.entities
                .into_iter()
                .map(|entity| Command::AddEntity { entity }),
        );
        commands.extend(
            remove_quotes
                .into_iter()
                .map(|quote| Command::RemoveQuote { doc: doc.id, quote }),
        );
        if !remove_spans.is_empty() {
            commands.push(Command::RemoveSpans {
                doc: doc.id,
                spans: remove_spans,
            });
        }
        if !unreject.is_empty() {
            commands.push(Command::RemoveRejections {
                rejections: unreject,
            });
        }
        if !plan.spans.is_empty() {
            commands.push(Command::AddSpans {
                doc: doc.id,
                spans: plan.spans,
            });
        }
        commands.extend(
            plan.quotes
                .into_iter()
                .map(|quote| Command::AddQuote { doc: doc.id, quote }),
        );
        if !reject.is_empty() {
            commands.push(Command::AddRejections { rejections: reject });
        }
        if commands.is_empty() {
            return Err(CurationError::NothingToDo);
        }
        let what = match decision {
            Decision::Take(i) => format!("take {}", self.names[i]),
            Decision::TakeAll => "take all".to_string(),
            Decision::Neither => "take neither".to_string(),
        };
        Ok(Command::Batch {
            name: format!("curate {}: {what}", d.document),
            commands,
        })
    }
}
