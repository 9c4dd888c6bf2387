//! What a disagreement shows: each annotator's spans and quotes as plain data, and the keys
//! that say when two annotators' annotations are the same (ids aside: entities by name).

use crate::model::{
    CharRange, Document, Mention, Project, Quote, QuoteId, QuoteKind, Span, SpanId,
};

/// A span as an annotator made it, for showing side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanItem {
    /// Its id in the annotator's own project.
    pub id: SpanId,
    pub range: CharRange,
    pub label: String,
    /// The canonical name of the entity it links to.
    pub entity: Option<String>,
    pub mention: Mention,
    /// The text it covers.
    pub text: String,
}

/// A quote as an annotator made it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteItem {
    /// Its id in the annotator's own project.
    pub id: QuoteId,
    pub content: Vec<CharRange>,
    /// What was said, its parts joined by " … ".
    pub text: String,
    pub speaker: Option<SpanItem>,
    pub cue: Option<CharRange>,
    pub cue_text: Option<String>,
    pub kind: QuoteKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Span(SpanItem),
    Quote(QuoteItem),
}

impl Item {
    /// The stretch of text it covers (a quote's outermost extent).
    pub fn range(&self) -> CharRange {
        match self {
            Item::Span(s) => s.range,
            Item::Quote(q) => extent(&q.content),
        }
    }
}

/// A span's identity across projects: range, label, mention kind, entity name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct SpanKey {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub mention: Mention,
    pub entity: Option<String>,
}

/// A quote's identity across projects.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct QuoteKey {
    content: Vec<CharRange>,
    cue: Option<CharRange>,
    kind: QuoteKind,
    speaker: Option<SpanKey>,
}

fn extent(content: &[CharRange]) -> CharRange {
    let start = content.iter().map(|r| r.start).min().unwrap_or(0);
    let end = content.iter().map(|r| r.end).max().unwrap_or(0);
    CharRange::new(start, end)
}

fn entity_name(p: &Project, s: &Span) -> Option<String> {
    s.entity.and_then(|e| p.entity(e)).map(|e| e.name.clone())
}

pub(crate) fn span_key(p: &Project, s: &Span) -> SpanKey {
    SpanKey {
        start: s.start,
        end: s.end,
        label: s.label.to_string(),
        mention: s.mention,
        entity: entity_name(p, s),
    }
}

pub(crate) fn quote_key(p: &Project, d: &Document, q: &Quote) -> QuoteKey {
    QuoteKey {
        content: q.content.clone(),
        cue: q.cue,
        kind: q.kind,
        speaker: q.speaker.and_then(|id| d.span(id)).map(|s| span_key(p, s)),
    }
}

impl SpanItem {
    pub(super) fn new(p: &Project, d: &Document, s: &Span) -> Self {
        Self {
            id: s.id,
            range: s.range(),
            label: s.label.to_string(),
            entity: entity_name(p, s),
            mention: s.mention,
            text: d.slice(s.start, s.end).to_string(),
        }
    }

    pub(crate) fn key(&self) -> SpanKey {
        SpanKey {
            start: self.range.start,
            end: self.range.end,
            label: self.label.clone(),
            mention: self.mention,
            entity: self.entity.clone(),
        }
    }
}

impl QuoteItem {
    pub(super) fn new(p: &Project, d: &Document, q: &Quote) -> Self {
        Self {
            id: q.id,
            content: q.content.clone(),
            text: q
                .content
                .iter()
                .map(|r| d.slice(r.start, r.end))
                .collect::<Vec<_>>()
                .join(" … "),
            speaker: q
                .speaker
                .and_then(|id| d.span(id))
                .map(|s| SpanItem::new(p, d, s)),
            cue: q.cue,
            cue_text: q.cue.map(|c| d.slice(c.start, c.end).to_string()),
            kind: q.kind,
        }
    }

    pub(crate) fn key(&self) -> QuoteKey {
        QuoteKey {
            content: self.content.clone(),
            cue: self.cue,
            kind: self.kind,
            speaker: self.speaker.as_ref().map(SpanItem::key),
        }
    }
}
