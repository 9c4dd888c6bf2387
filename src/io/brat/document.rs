//! One document on its way in: spans and quotes made of its parsed lines, with cues, speakers,
//! kinds, attributes and notes; what cannot be represented is skipped and reported.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::*;
use crate::model::{CharRange, Document, Origin, QuoteKind, Span, SpanId};

#[derive(Debug)]
pub(super) struct QuoteDraft {
    /// The `T` or `E` id that made it, and its line.
    pub(super) anchor: String,
    pub(super) line: usize,
    pub(super) content: Vec<CharRange>,
    /// The cue's range and the line that set it.
    pub(super) cue: Option<(CharRange, usize)>,
    /// The speaker mention's `T` id and the line that set it.
    pub(super) speaker: Option<(String, usize)>,
    pub(super) kind: Option<(QuoteKind, usize)>,
    /// The canonical name from a `speaker=` note, and its line.
    pub(super) note: Option<(String, usize)>,
    /// Attributes from `A` lines other than `Kind`.
    pub(super) attributes: crate::model::Attributes,
}

/// A document on its way in.
#[derive(Debug)]
pub(super) struct Draft {
    pub(super) ann: PathBuf,
    pub(super) document: Document,
    pub(super) parsed: Parsed,
    pub(super) spans: Vec<Span>,
    /// `T` id → the span made of it.
    pub(super) span_of: HashMap<String, SpanId>,
    /// `T` id → the line of a `T` that was skipped, so lines referring to it can say why.
    pub(super) lost: HashMap<String, usize>,
    pub(super) quotes: Vec<QuoteDraft>,
    /// `T` or `E` id → index in `quotes`.
    pub(super) quote_of: HashMap<String, usize>,
    /// Filled by `attach_speakers`: quote index → canonical name without a mention.
    pub(super) speaker_notes: Vec<(usize, String)>,
}

impl Draft {
    pub(super) fn next_span_id(&self) -> SpanId {
        SpanId(self.spans.len() as u64 + 1)
    }

    pub(super) fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|s| s.id == id)
    }

    pub(super) fn span_mut(&mut self, id: SpanId) -> Option<&mut Span> {
        self.spans.iter_mut().find(|s| s.id == id)
    }
}

/// Ranges sorted, and merged where they overlap, touch or have only white space between them in
/// `doc`: how the import reads fragments, and what the export checks its fragments against.
pub(super) fn close_gaps(doc: &Document, ranges: &[CharRange]) -> Vec<CharRange> {
    let mut sorted = ranges.to_vec();
    sorted.sort();
    let mut out: Vec<CharRange> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last)
                if r.start <= last.end
                    || doc
                        .slice(last.end, r.start)
                        .chars()
                        .all(char::is_whitespace) =>
            {
                last.end = last.end.max(r.end);
            }
            _ => out.push(r),
        }
    }
    out
}

pub(super) fn describe_ranges(ranges: &[CharRange]) -> String {
    ranges
        .iter()
        .map(|r| format!("{} {}", r.start, r.end))
        .collect::<Vec<_>>()
        .join(";")
}

pub(super) fn kind_named(value: &str) -> Option<QuoteKind> {
    [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed]
        .into_iter()
        .find(|k| k.name().eq_ignore_ascii_case(value.trim()))
}

/// A role name without brat's numbering of repeated roles (`Content2` → `Content`).
pub(super) fn base_role(role: &str) -> &str {
    role.trim_end_matches(|c: char| c.is_ascii_digit())
}

impl Reader {
    /// Spans and quotes of one file, with cues, kinds and notes; speakers and entity links
    /// come later, once every file is read.
    pub(super) fn draft(&mut self, ann: PathBuf, document: Document, parsed: Parsed) -> Draft {
        let mut d = Draft {
            ann,
            document,
            parsed,
            spans: Vec::new(),
            span_of: HashMap::new(),
            lost: HashMap::new(),
            quotes: Vec::new(),
            quote_of: HashMap::new(),
            speaker_notes: Vec::new(),
        };
        self.entity_spans(&mut d);
        self.quotes(&mut d);
        self.relations(&mut d);
        self.attributes(&mut d);
        self.notes(&mut d);
        self.unused_cues(&mut d);
        d
    }

    /// One stretch of text for a mention or cue `T`, or a skip naming why not.
    pub(super) fn one_range(&mut self, d: &mut Draft, id: &str, what: &str) -> Option<CharRange> {
        let tb = d.parsed.tbs.get(id)?;
        let merged = close_gaps(&d.document, &tb.frags);
        if let [r] = merged.as_slice() {
            return Some(*r);
        }
        let (line, label) = (tb.line, tb.label.clone());
        let frags = describe_ranges(&tb.frags);
        d.lost.insert(id.to_string(), line);
        self.skip(
            &d.ann,
            line,
            format!(
                "{id} ({label}) has fragments {frags} with text between them; {what} is one stretch of text"
            ),
        );
        None
    }

    pub(super) fn entity_spans(&mut self, d: &mut Draft) {
        let ids: Vec<String> = d.parsed.tb_order.clone();
        for id in ids {
            let Some(tb) = d.parsed.tbs.get(&id) else {
                continue;
            };
            if tb.role != Role::Entity {
                continue;
            }
            let (label, line) = (tb.label.clone(), tb.line);
            let Some(range) = self.one_range(d, &id, "a span") else {
                continue;
            };
            if let Some(same) = d
                .spans
                .iter()
                .find(|s| s.range() == range && s.label == label)
            {
                self.out.notices.push(format!(
                    "{}:{line}: {id} repeats another {label} span at {range}; kept once",
                    d.ann.display()
                ));
                d.span_of.insert(id, same.id);
                continue;
            }
            self.ensure_label(&label);
            let mut span = Span::new(d.next_span_id(), range, label);
            span.origin = Origin::Imported {
                format: FORMAT.into(),
            };
            d.span_of.insert(id, span.id);
            d.spans.push(span);
        }
    }

    /// A quote for every quotation event and every `Quote` span no event claims.
    pub(super) fn quotes(&mut self, d: &mut Draft) {
        let events = std::mem::take(&mut d.parsed.events);
        for e in &events {
            let is_quote = ["Quote", "Quotation", "Speech"]
                .iter()
                .any(|k| e.kind.eq_ignore_ascii_case(k));
            if !is_quote {
                self.skip(
                    &d.ann,
                    e.line,
                    format!(
                        "{}: event type {} is not a quotation (Quote or Quotation)",
                        e.id, e.kind
                    ),
                );
                continue;
            }
            let Some(role) = d.parsed.tbs.get(&e.trigger).map(|t| t.role) else {
                continue;
            };
            let qi = d.quotes.len();
            d.quotes.push(QuoteDraft {
                anchor: e.id.clone(),
                line: e.line,
                content: Vec::new(),
                cue: None,
                speaker: None,
                kind: None,
                note: None,
                attributes: Default::default(),
            });
            d.quote_of.insert(e.id.clone(), qi);
            match role {
                Role::Quote => self.claim_content(d, qi, &e.trigger, e.line),
                Role::Cue => self.set_cue(d, qi, &e.trigger, e.line),
                Role::Entity | Role::Speaker => self.skip(
                    &d.ann,
                    e.line,
                    format!(
                        "{}: the trigger {} is neither the quote nor its speech verb",
                        e.id, e.trigger
                    ),
                ),
            }
            for (role, arg) in &e.args {
                match base_role(role).to_ascii_lowercase().as_str() {
                    "content" | "quote" => self.claim_content(d, qi, arg, e.line),
                    "speaker" | "source" => self.set_speaker(d, qi, arg, e.line),
                    "cue" => self.set_cue(d, qi, arg, e.line),
                    _ => self.skip(
                        &d.ann,
                        e.line,
                        format!(
                            "{}: role {role}:{arg} is not read (roles: Content, Speaker, Cue)",
                            e.id
                        ),
                    ),
                }
            }
        }
        d.parsed.events = events;
        for id in d.parsed.tb_order.clone() {
            let Some(tb) = d.parsed.tbs.get(&id) else {
                continue;
            };
            if tb.role != Role::Quote || d.quote_of.contains_key(&id) {
                continue;
            }
            let line = tb.line;
            let qi = d.quotes.len();
            d.quotes.push(QuoteDraft {
                anchor: id.clone(),
                line,
                content: Vec::new(),
                cue: None,
                speaker: None,
                kind: None,
                note: None,
                attributes: Default::default(),
            });
            self.claim_content(d, qi, &id, line);
        }
    }

    pub(super) fn claim_content(&mut self, d: &mut Draft, qi: usize, id: &str, line: usize) {
        let Some(tb) = d.parsed.tbs.get(id) else {
            return;
        };
        if tb.role != Role::Quote {
            let label = tb.label.clone();
            self.skip(
                &d.ann,
                line,
                format!("{id} ({label}) cannot be a quote's content; only Quote spans can"),
            );
            return;
        }
        if let Some(&other) = d.quote_of.get(id)
            && other != qi
        {
            let by = d.quotes[other].anchor.clone();
            self.skip(&d.ann, line, format!("{id} is already the content of {by}"));
            return;
        }
        let ranges = close_gaps(&d.document, &tb.frags);
        d.quote_of.insert(id.to_string(), qi);
        let q = &mut d.quotes[qi];
        q.content.extend(ranges);
        q.content = close_gaps(&d.document, &q.content);
    }

    /// The quote a line's target means, or a skip saying why there is none.
    pub(super) fn quote_target(
        &mut self,
        d: &Draft,
        target: &str,
        line: usize,
        what: &str,
    ) -> Option<usize> {
        if let Some(&qi) = d.quote_of.get(target) {
            return Some(qi);
        }
        let is = match d.parsed.tbs.get(target) {
            Some(tb) => format!("{target} is a {}", tb.label),
            None => format!("{target} is not a quote"),
        };
        self.skip(&d.ann, line, format!("{what}: {is}, not a quote"));
        None
    }

    /// Whether the `T` `id` can fill a quote's role (a `T` whose role `fits`, not skipped);
    /// otherwise the line is skipped, saying why (`refusal`) or which `what` was skipped.
    fn can_fill(
        &mut self,
        d: &Draft,
        id: &str,
        line: usize,
        fits: impl Fn(Role) -> bool,
        refusal: &str,
        what: &str,
    ) -> bool {
        let Some(tb) = d.parsed.tbs.get(id) else {
            return false;
        };
        if !fits(tb.role) {
            let message = format!("{id} ({}) {refusal}", tb.label);
            self.skip(&d.ann, line, message);
            return false;
        }
        if let Some(&lost) = d.lost.get(id) {
            self.skip(
                &d.ann,
                line,
                format!("the {what} {id} was skipped (line {lost})"),
            );
            return false;
        }
        true
    }

    pub(super) fn set_cue(&mut self, d: &mut Draft, qi: usize, id: &str, line: usize) {
        let fits = |r: Role| r == Role::Cue;
        if !self.can_fill(
            d,
            id,
            line,
            fits,
            "cannot be a cue; only Cue spans can",
            "cue",
        ) {
            return;
        }
        let Some(range) = self.one_range(d, id, "a cue") else {
            return;
        };
        let q = &mut d.quotes[qi];
        match q.cue {
            Some((r, _)) if r == range => {}
            Some((r, by)) => {
                let anchor = q.anchor.clone();
                self.skip(
                    &d.ann,
                    line,
                    format!("{anchor} already has the cue {r} (line {by})"),
                );
            }
            None => q.cue = Some((range, line)),
        }
    }

    pub(super) fn set_speaker(&mut self, d: &mut Draft, qi: usize, id: &str, line: usize) {
        let fits = |r: Role| matches!(r, Role::Entity | Role::Speaker);
        let refusal = "cannot be a speaker; a speaker is a mention";
        if !self.can_fill(d, id, line, fits, refusal, "speaker mention") {
            return;
        }
        let q = &mut d.quotes[qi];
        match &q.speaker {
            Some((s, _)) if s == id => {}
            Some((s, by)) => {
                let msg = format!("{} already has the speaker {s} (line {by})", q.anchor);
                self.skip(&d.ann, line, msg);
            }
            None => q.speaker = Some((id.to_string(), line)),
        }
    }

    pub(super) fn relations(&mut self, d: &mut Draft) {
        let relations = std::mem::take(&mut d.parsed.relations);
        for r in &relations {
            let kind = r.kind.to_ascii_lowercase();
            if kind != "cue" && kind != "speaker" {
                self.skip(
                    &d.ann,
                    r.line,
                    format!(
                        "{}: relation type {} is not read (Gloss reads Speaker and Cue)",
                        r.id, r.kind
                    ),
                );
                continue;
            }
            let what = format!("{} {}", r.id, r.kind);
            let Some(qi) = self.quote_target(d, &r.arg1, r.line, &what) else {
                continue;
            };
            if kind == "cue" {
                self.set_cue(d, qi, &r.arg2, r.line);
            } else {
                self.set_speaker(d, qi, &r.arg2, r.line);
            }
        }
        d.parsed.relations = relations;
    }

    pub(super) fn attributes(&mut self, d: &mut Draft) {
        let attributes = std::mem::take(&mut d.parsed.attributes);
        for a in &attributes {
            let kind = match &a.value {
                Some(v)
                    if a.name.eq_ignore_ascii_case("Kind")
                        || a.name.eq_ignore_ascii_case("QuoteType") =>
                {
                    match kind_named(v) {
                        Some(k) => Some(k),
                        None => {
                            self.errors.push(parse_error(
                                &d.ann,
                                a.line,
                                1,
                                format!(
                                    "{}: {v:?} is not a quote kind (Direct, Indirect or Mixed)",
                                    a.id
                                ),
                            ));
                            continue;
                        }
                    }
                }
                None => kind_named(&a.name),
                Some(_) => None,
            };
            if kind.is_none()
                && let Some(v) = &a.value
                && self.other_attribute(d, &a.target, &a.name, v)
            {
                continue;
            }
            let Some(kind) = kind else {
                let value = a
                    .value
                    .as_deref()
                    .map(|v| format!(" {v}"))
                    .unwrap_or_default();
                self.ignore(
                    &d.ann,
                    a.line,
                    format!(
                        "{}: attribute {}{value} is not read (Gloss reads a quote's Kind)",
                        a.id, a.name
                    ),
                );
                continue;
            };
            let what = format!("{} {}", a.id, a.name);
            let Some(qi) = self.quote_target(d, &a.target, a.line, &what) else {
                continue;
            };
            let q = &mut d.quotes[qi];
            match q.kind {
                Some((k, _)) if k == kind => {}
                Some((k, by)) => {
                    let msg = format!("{}: {} is already {} (line {by})", a.id, q.anchor, k.name());
                    self.skip(&d.ann, a.line, msg);
                }
                None => q.kind = Some((kind, a.line)),
            }
        }
        d.parsed.attributes = attributes;
    }

    /// An `A` line on a span's or quote's `T`: that item's attribute. False when it names
    /// neither.
    pub(super) fn other_attribute(
        &mut self,
        d: &mut Draft,
        target: &str,
        name: &str,
        value: &str,
    ) -> bool {
        let (attrs, kind) = if let Some(s) = d.span_of.get(target).copied() {
            match d.span_mut(s) {
                Some(s) => (&mut s.attributes, crate::model::AttrTarget::Span),
                None => return false,
            }
        } else if let Some(&qi) = d.quote_of.get(target) {
            (
                &mut d.quotes[qi].attributes,
                crate::model::AttrTarget::Quote,
            )
        } else {
            return false;
        };
        self.codes.attribute(attrs, kind, name, value).is_ok()
    }

    pub(super) fn notes(&mut self, d: &mut Draft) {
        let notes = std::mem::take(&mut d.parsed.notes);
        for n in &notes {
            let prefix = "speaker=";
            let named = n
                .text
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix));
            let Some(name) = named.then(|| n.text[prefix.len()..].trim()) else {
                self.ignore(
                    &d.ann,
                    n.line,
                    format!(
                        "note {:?} on {} is not read (Gloss reads speaker=NAME on quotes)",
                        n.text, n.target
                    ),
                );
                continue;
            };
            if name.is_empty() {
                self.skip(&d.ann, n.line, "speaker= names nobody");
                continue;
            }
            let Some(qi) = self.quote_target(d, &n.target, n.line, "speaker= note") else {
                continue;
            };
            let q = &mut d.quotes[qi];
            match &q.note {
                Some((other, _)) if other == name => {}
                Some((other, by)) => {
                    let msg = format!(
                        "{} is already said by {other:?} (line {by}), not {name:?}",
                        q.anchor
                    );
                    self.skip(&d.ann, n.line, msg);
                }
                None => q.note = Some((name.to_string(), n.line)),
            }
        }
        d.parsed.notes = notes;
    }

    /// Cues no `R… Cue` line names. One alone on a line of text with exactly one cueless quote
    /// is that quote's cue (brat users often draw only the speaker relation: "Merkel said
    /// “hi”"); any other is skipped and reported.
    pub(super) fn unused_cues(&mut self, d: &mut Draft) {
        let used: HashSet<(usize, usize)> = d
            .quotes
            .iter()
            .filter_map(|q| q.cue.map(|(r, _)| (r.start, r.end)))
            .collect();
        let mut orphans: Vec<(String, usize, Vec<CharRange>)> = Vec::new();
        for id in &d.parsed.tb_order {
            let Some(tb) = d.parsed.tbs.get(id) else {
                continue;
            };
            if tb.role != Role::Cue || d.lost.contains_key(id) {
                continue;
            }
            let merged = close_gaps(&d.document, &tb.frags);
            let is_used = merged.len() == 1 && used.contains(&(merged[0].start, merged[0].end));
            if !is_used {
                orphans.push((id.clone(), tb.line, merged));
            }
        }
        let one_line = |doc: &Document, a: CharRange, b: CharRange| {
            let (lo, hi) = (a.start.min(b.start), a.end.max(b.end));
            !doc.slice(lo, hi).contains('\n')
        };
        let single: Vec<Option<CharRange>> = orphans
            .iter()
            .map(|(_, _, m)| match m.as_slice() {
                [r] => Some(*r),
                _ => None,
            })
            .collect();
        for (i, (id, line, _)) in orphans.iter().enumerate() {
            if let Some(r) = single[i] {
                let alone = single
                    .iter()
                    .enumerate()
                    .all(|(j, o)| j == i || !o.is_some_and(|o| one_line(&d.document, r, o)));
                let quotes: Vec<usize> = (0..d.quotes.len())
                    .filter(|&q| {
                        d.quotes[q].cue.is_none()
                            && d.quotes[q]
                                .content
                                .iter()
                                .all(|c| one_line(&d.document, r, *c))
                    })
                    .collect();
                if let (true, [q]) = (alone, quotes.as_slice()) {
                    d.quotes[*q].cue = Some((r, *line));
                    continue;
                }
            }
            self.skip(
                &d.ann,
                *line,
                format!("the cue {id} belongs to no quote (no R Cue line names it)"),
            );
        }
    }
}
