//! One document changed on both sides, merged annotation by annotation.
//!
//! Spans and quotes that were in the base are followed by id (while their range still overlaps
//! the base's) and merged field by field: a relabel, a resize, a new entity link or speaker on
//! one side is taken; different changes to the same field on both sides are a conflict, kept as
//! ours. New spans are a set keyed by (start, end, label, mention) and new quotes by their
//! content ranges, so the same annotation made by both is made once. Theirs' new spans and
//! quotes keep their ids unless ours (or the base) uses them; quotes' speakers follow.
//!
//! Metadata is merged key by key: a key one side added, changed or removed is taken; a key
//! changed differently on both sides is a conflict, kept as ours.
//!
//! A quote's speaker mention that one side removed while the other's quote still names it is
//! kept, so the quote keeps its speaker; that is reported.

use std::collections::{HashMap, HashSet};

use super::schemes::{merge_attributes, merge_map};
use super::{Log, pick};
use crate::model::{
    Attributes, CharRange, Document, Mention, Origin, Quote, QuoteId, Span, SpanId,
};

/// Merge a document both sides changed. `theirs` has its entity links (and id) in the merge's
/// numbering already.
pub(super) fn merge(
    base: &Document,
    ours: &Document,
    theirs: &Document,
    log: &mut Log,
) -> Document {
    if theirs == base || ours == theirs {
        return ours.clone();
    }
    if ours == base {
        return theirs.clone();
    }
    let name = ours.name.clone();
    if ours.text != base.text || theirs.text != base.text {
        let side = if ours.text != base.text {
            "ours"
        } else {
            "theirs"
        };
        log.conflict(
            Some(&name),
            format!("the text was changed in {side}, and both changed the document; kept ours"),
        );
        return ours.clone();
    }

    let mut doc = ours.clone();
    match pick(&base.name, &ours.name, &theirs.name) {
        Ok(n) => doc.name = n.clone(),
        Err(_) => log.conflict(
            Some(&name),
            format!(
                "renamed {:?} in ours and {:?} in theirs; kept ours",
                ours.name, theirs.name
            ),
        ),
    }
    // Where the text came from is a note for the user, not an annotation: ours wins quietly.
    doc.source = pick(&base.source, &ours.source, &theirs.source)
        .unwrap_or_else(|o| o)
        .clone();
    // Metadata key by key: a missing key is a removed value.
    doc.meta = merge_map(
        [&base.meta, &ours.meta, &theirs.meta],
        Some(&name),
        &|key| format!("metadata {key:?}"),
        "removed",
        log,
    );
    doc.categories = merge_map(
        [&base.categories, &ours.categories, &theirs.categories],
        Some(&name),
        &|scheme| format!("categories {scheme:?}"),
        "unset",
        log,
    );
    // Status set differently on both sides is not worth a conflict (one side's first span
    // moves a document to "in progress" by itself): the less finished status wins, so the
    // document is looked at again, and the merge says so.
    match pick(&base.status, &ours.status, &theirs.status) {
        Ok(s) => doc.status = *s,
        Err(_) => {
            doc.status = ours.status.min(theirs.status);
            log.note(format!(
                "document {name:?}: status {} in ours, {} in theirs (was {}); set to {}",
                ours.status.name(),
                theirs.status.name(),
                base.status.name(),
                doc.status.name()
            ));
        }
    }

    let mut m = DocMerge {
        base,
        ours,
        theirs,
        name: &name,
        log,
        spans: Vec::new(),
        theirs_span: HashMap::new(),
        parked: HashMap::new(),
    };
    m.merge_spans();
    let mut quotes = m.merge_quotes();
    m.keep_speakers(&mut quotes);
    doc.spans = m.spans;
    doc.quotes = quotes;
    doc.resort_spans();
    doc.resort_quotes();
    doc
}

/// The same annotation in another version: same id, and still overlapping (a later annotation
/// may have been given a deleted one's id).
fn same_span<'a>(b: &Span, side: &'a HashMap<SpanId, &'a Span>) -> Option<&'a Span> {
    side.get(&b.id)
        .copied()
        .filter(|s| s.range().overlaps(&b.range()))
}

fn same_quote<'a>(b: &Quote, side: &'a HashMap<QuoteId, &'a Quote>) -> Option<&'a Quote> {
    side.get(&b.id)
        .copied()
        .filter(|q| q.extent().overlaps(&b.extent()))
}

type SpanKey = (usize, usize, String, Mention);

fn key(s: &Span) -> SpanKey {
    (s.start, s.end, s.label.to_string(), s.mention)
}

struct DocMerge<'a> {
    base: &'a Document,
    ours: &'a Document,
    theirs: &'a Document,
    name: &'a str,
    log: &'a mut Log,
    /// The merged spans, in no order until the end.
    spans: Vec<Span>,
    /// Theirs' span id → the id the merge knows that span by (in the merge, or parked).
    theirs_span: HashMap<SpanId, SpanId>,
    /// Theirs' versions of spans ours removed, by the id theirs' quotes now name them by:
    /// brought back if a merged quote keeps one as its speaker.
    parked: HashMap<SpanId, Span>,
}

impl DocMerge<'_> {
    fn conflict(&mut self, what: String) {
        self.log.conflict(Some(self.name), what);
    }

    /// A span's or quote's attributes (base, ours, theirs) merged name by name, and where it
    /// came from: provenance, not annotation, so ours wins quietly.
    fn attributes_and_origin(
        &mut self,
        name: &str,
        [b, o, t]: [&Attributes; 3],
        [bo, oo, to]: [&Origin; 3],
    ) -> (Attributes, Origin) {
        let attributes = merge_attributes(b, o, t, Some(self.name), name, self.log);
        (attributes, pick(bo, oo, to).unwrap_or_else(|o| o).clone())
    }

    /// One field merged three ways: the side that changed it, else ours, with a conflict that
    /// `what` describes.
    fn settle<T: PartialEq + Clone>(
        &mut self,
        b: &T,
        o: &T,
        t: &T,
        what: impl FnOnce() -> String,
    ) -> T {
        match pick(b, o, t) {
            Ok(v) => v.clone(),
            Err(ours) => {
                self.conflict(what());
                ours.clone()
            }
        }
    }

    /// A span as messages name it: its text in quotes and its range.
    fn span_name(&self, s: &Span) -> String {
        format!(
            "span {:?} ({}..{})",
            short(self.base.slice(s.start, s.end)),
            s.start,
            s.end
        )
    }

    fn quote_name(&self, q: &Quote) -> String {
        let first = q.content.first().copied().unwrap_or(CharRange::new(0, 0));
        format!("quote {:?}", short(self.base.slice(first.start, first.end)))
    }

    fn merge_spans(&mut self) {
        let (base, ours, theirs) = (self.base, self.ours, self.theirs);
        fn by_id(d: &Document) -> HashMap<SpanId, &Span> {
            d.spans.iter().map(|s| (s.id, s)).collect()
        }
        let (base_by, ours_by, theirs_by) = (by_id(base), by_id(ours), by_id(theirs));

        let mut used: HashSet<SpanId> = base_by.keys().copied().collect();
        used.extend(ours_by.keys().copied());
        let mut next = SpanId::next_after(used.iter().copied().chain(theirs_by.keys().copied()));
        for b in &base.spans {
            let o = same_span(b, &ours_by);
            let t = same_span(b, &theirs_by);
            if t.is_some() {
                self.theirs_span.insert(b.id, b.id);
            }
            match (o, t) {
                (Some(o), Some(t)) => {
                    let s = self.merge_span(b, o, t);
                    self.spans.push(s);
                }
                (Some(o), None) if o == b => {}
                (Some(o), None) => {
                    self.conflict(format!(
                        "{}: removed in theirs, changed in ours; kept ours",
                        self.span_name(o)
                    ));
                    self.spans.push(o.clone());
                }
                (None, Some(t)) => {
                    // Parked, in case a quote of theirs still names it as speaker; under a
                    // fresh id if ours gave its id to a new span.
                    let id = if ours_by.contains_key(&b.id) {
                        let id = next;
                        next = SpanId(next.0 + 1);
                        used.insert(id);
                        id
                    } else {
                        b.id
                    };
                    self.theirs_span.insert(b.id, id);
                    self.parked.insert(id, Span { id, ..t.clone() });
                    if t != b {
                        self.conflict(format!(
                            "{}: removed in ours, changed in theirs; left out, as in ours",
                            self.span_name(b)
                        ));
                    }
                }
                (None, None) => {}
            }
        }
        let is_new = |s: &&Span| {
            base_by
                .get(&s.id)
                .is_none_or(|b| !b.range().overlaps(&s.range()))
        };
        self.spans.extend(ours.spans.iter().filter(is_new).cloned());

        let mut by_key: HashMap<SpanKey, usize> = self
            .spans
            .iter()
            .enumerate()
            .map(|(i, s)| (key(s), i))
            .collect();
        used.extend(self.spans.iter().map(|s| s.id));
        for t in theirs.spans.iter().filter(is_new) {
            if let Some(&i) = by_key.get(&key(t)) {
                // The same mention tagged by both: one span, linked if either linked it.
                let id = self.spans[i].id;
                self.theirs_span.insert(t.id, id);
                let none = Default::default();
                let span_name = self.span_name(t);
                self.spans[i].attributes = merge_attributes(
                    &none,
                    &self.spans[i].attributes,
                    &t.attributes,
                    Some(self.name),
                    &span_name,
                    self.log,
                );
                match (self.spans[i].entity, t.entity) {
                    (None, Some(e)) => self.spans[i].entity = Some(e),
                    (Some(a), Some(b)) if a != b => {
                        let what = format!(
                            "{}: linked to {} in ours and {} in theirs; kept ours",
                            self.span_name(t),
                            self.log.entity(Some(a)),
                            self.log.entity(Some(b))
                        );
                        self.conflict(what);
                    }
                    _ => {}
                }
                continue;
            }
            let id = if used.contains(&t.id) {
                let id = next;
                next = SpanId(next.0 + 1);
                id
            } else {
                t.id
            };
            used.insert(id);
            self.theirs_span.insert(t.id, id);
            by_key.insert(key(t), self.spans.len());
            self.spans.push(Span { id, ..t.clone() });
        }
    }

    fn merge_span(&mut self, b: &Span, o: &Span, t: &Span) -> Span {
        let mut s = o.clone();
        let name = self.span_name(b);
        let r = self.settle(&b.range(), &o.range(), &t.range(), || {
            format!(
                "{name}: moved to {} in ours and {} in theirs; kept ours",
                o.range(),
                t.range()
            )
        });
        (s.start, s.end) = (r.start, r.end);
        s.label = self.settle(&b.label, &o.label, &t.label, || {
            format!(
                "{name}: labelled {} in ours and {} in theirs (was {}); kept ours",
                o.label, t.label, b.label
            )
        });
        match pick(&b.entity, &o.entity, &t.entity) {
            Ok(e) => s.entity = *e,
            Err(_) => {
                let what = format!(
                    "{name}: linked to {} in ours and {} in theirs; kept ours",
                    self.log.entity(o.entity),
                    self.log.entity(t.entity)
                );
                self.conflict(what);
            }
        }
        s.mention = self.settle(&b.mention, &o.mention, &t.mention, || {
            format!(
                "{name}: a {} in ours and a {} in theirs; kept ours",
                o.mention.name(),
                t.mention.name()
            )
        });
        (s.attributes, s.origin) = self.attributes_and_origin(
            &name,
            [&b.attributes, &o.attributes, &t.attributes],
            [&b.origin, &o.origin, &t.origin],
        );
        s
    }

    /// Theirs' quote with its speaker in the merge's span numbering.
    fn theirs_quote(&self, q: &Quote) -> Quote {
        Quote {
            speaker: q.speaker.and_then(|s| self.theirs_span.get(&s).copied()),
            ..q.clone()
        }
    }

    fn merge_quotes(&mut self) -> Vec<Quote> {
        let ours_by: HashMap<QuoteId, &Quote> =
            self.ours.quotes.iter().map(|q| (q.id, q)).collect();
        let theirs_q: Vec<Quote> = self
            .theirs
            .quotes
            .iter()
            .map(|q| self.theirs_quote(q))
            .collect();
        let theirs_by: HashMap<QuoteId, &Quote> = theirs_q.iter().map(|q| (q.id, q)).collect();
        let base_by: HashMap<QuoteId, &Quote> =
            self.base.quotes.iter().map(|q| (q.id, q)).collect();

        let mut out = Vec::new();
        for b in &self.base.quotes {
            match (same_quote(b, &ours_by), same_quote(b, &theirs_by)) {
                (Some(o), Some(t)) => {
                    let q = self.merge_quote(b, o, t);
                    out.push(q);
                }
                (Some(o), None) if o == b => {}
                (Some(o), None) => {
                    self.conflict(format!(
                        "{}: removed in theirs, changed in ours; kept ours",
                        self.quote_name(o)
                    ));
                    out.push(o.clone());
                }
                (None, Some(t)) if t == b => {}
                (None, Some(_)) => self.conflict(format!(
                    "{}: removed in ours, changed in theirs; left out, as in ours",
                    self.quote_name(b)
                )),
                (None, None) => {}
            }
        }
        let is_new = |q: &&Quote| {
            base_by
                .get(&q.id)
                .is_none_or(|b| !b.extent().overlaps(&q.extent()))
        };
        out.extend(self.ours.quotes.iter().filter(is_new).cloned());

        let mut used: HashSet<QuoteId> = base_by.keys().copied().collect();
        used.extend(ours_by.keys().copied());
        used.extend(out.iter().map(|q| q.id));
        let mut next = QuoteId::next_after(used.iter().copied().chain(theirs_by.keys().copied()));
        for t in theirs_q.iter().filter(is_new) {
            if let Some(i) = out.iter().position(|q| q.content == t.content) {
                // The same quotation marked by both: one quote, with what either added.
                let o = out[i].clone();
                // As if neither had a speaker or cue, and as if theirs' kind and origin were
                // the base's, so that those stay ours.
                let none = Quote {
                    speaker: None,
                    cue: None,
                    kind: t.kind,
                    origin: t.origin.clone(),
                    attributes: Default::default(),
                    ..o.clone()
                };
                out[i] = self.merge_quote(&none, &o, t);
                if o.kind != t.kind {
                    self.conflict(format!(
                        "{}: {} in ours, {} in theirs; kept ours",
                        self.quote_name(&o),
                        o.kind.name(),
                        t.kind.name()
                    ));
                }
                continue;
            }
            let id = if used.contains(&t.id) {
                let id = next;
                next = QuoteId(next.0 + 1);
                id
            } else {
                t.id
            };
            used.insert(id);
            out.push(Quote { id, ..t.clone() });
        }
        out
    }

    fn merge_quote(&mut self, b: &Quote, o: &Quote, t: &Quote) -> Quote {
        let mut q = o.clone();
        let name = self.quote_name(o);
        q.content = self.settle(&b.content, &o.content, &t.content, || {
            format!("{name}: its text was changed differently in ours and theirs; kept ours")
        });
        q.speaker = self.settle(&b.speaker, &o.speaker, &t.speaker, || {
            format!("{name}: a different speaker in ours and theirs; kept ours")
        });
        q.cue = self.settle(&b.cue, &o.cue, &t.cue, || {
            format!("{name}: a different cue in ours and theirs; kept ours")
        });
        q.kind = self.settle(&b.kind, &o.kind, &t.kind, || {
            format!(
                "{name}: {} in ours, {} in theirs; kept ours",
                o.kind.name(),
                t.kind.name()
            )
        });
        (q.attributes, q.origin) = self.attributes_and_origin(
            &name,
            [&b.attributes, &o.attributes, &t.attributes],
            [&b.origin, &o.origin, &t.origin],
        );
        q
    }

    /// Bring back the speaker mentions merged quotes name that the spans' merge left out: the
    /// other side removed them while this side's quote still names them.
    fn keep_speakers(&mut self, quotes: &mut [Quote]) {
        let mut present: HashSet<SpanId> = self.spans.iter().map(|s| s.id).collect();
        for q in quotes {
            let Some(id) = q.speaker else { continue };
            if present.contains(&id) {
                continue;
            }
            let span = self
                .parked
                .remove(&id)
                .or_else(|| self.ours.span(id).or_else(|| self.base.span(id)).cloned());
            // A quote's speaker resolves in its own version, so a span is found; were it
            // not, the quote loses its speaker rather than the project its soundness.
            let what = match span {
                Some(span) => {
                    let what = format!(
                        "{}: removed on one side, but the other side's {} names it as speaker; kept",
                        self.span_name(&span),
                        self.quote_name(q)
                    );
                    present.insert(id);
                    self.spans.push(span);
                    what
                }
                None => {
                    q.speaker = None;
                    format!(
                        "{}: its speaker mention is in no version; left without a speaker",
                        self.quote_name(q)
                    )
                }
            };
            self.conflict(what);
        }
    }
}

/// At most 40 characters of an annotation's text, for messages.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}
