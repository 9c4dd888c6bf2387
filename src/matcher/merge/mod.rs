//! Turning the engines' findings into one list, and filtering it against what the user did —
//! each step O(n log n) in the number of findings, spans and quotes, so a book costs what the
//! same text costs as many small documents.
//!
//! - [`merge`]: findings of the same range and label become one (sort, then one pass).
//! - [`resolve`]: a non-overlapping set, greedily by score then length. The ranges kept so far
//!   are disjoint, so sorted by start their ends are sorted too: a new range overlaps one of
//!   them exactly when the last kept range starting before its end ends after its start — one
//!   ordered-set lookup instead of a scan of everything kept.
//! - [`visible`]: what is still worth showing; overlaps with spans and with quotes are found by
//!   binary search over ranges sorted by start with a running maximum of their ends.

use std::collections::{BTreeSet, HashSet};

use crate::model::{Document, Proposal, Suggestion, VerdictMemory};

/// Merge findings for the same range and label: scores as independent evidence, reasons and
/// rules joined, the entity of the strongest finding kept; findings of several engines name
/// them all (see `join_engines`).
pub fn merge(mut found: Vec<Suggestion>) -> Vec<Suggestion> {
    // Reasons are one line, even when the text they quote crosses a line break.
    for s in &mut found {
        if s.reason.contains(['\n', '\r']) {
            s.reason = s.reason.replace("\r\n", " ").replace(['\n', '\r'], " ");
        }
    }
    found.sort_by(|a, b| {
        (a.range(), a.label())
            .cmp(&(b.range(), b.label()))
            .then(b.score.total_cmp(&a.score))
    });
    let mut out: Vec<Suggestion> = Vec::with_capacity(found.len());
    for s in found {
        if let Some(last) = out.last_mut()
            && last.range() == s.range()
            && last.label() == s.label()
        {
            last.score = 1.0 - (1.0 - last.score) * (1.0 - s.score);
            last.score = last.score.min(0.99);
            if !last.rule.contains(&s.rule) {
                last.rule = format!("{} + {}", last.rule, s.rule);
            }
            join_engines(last, &s);
            if let (
                Proposal::Span {
                    entity, new_entity, ..
                },
                Proposal::Span {
                    entity: e2,
                    new_entity: n2,
                    ..
                },
            ) = (&mut last.proposal, &s.proposal)
                && entity.is_none()
            {
                if e2.is_some() {
                    *entity = *e2;
                    *new_entity = None;
                } else if new_entity.is_none() {
                    new_entity.clone_from(n2);
                }
            }
            continue;
        }
        out.push(s);
    }
    out
}

/// Join the reason and engine of `s` to those of `last`, the same finding from another
/// engine or rule. Once two engines agree, each reason says whose it is
/// ("gazetteer: Paris in the cities list; spacy: Paris as GPE"), and the engine names them all.
fn join_engines(last: &mut Suggestion, s: &Suggestion) {
    let new: Vec<&str> = s.engines().filter(|e| !last.is_from(e)).collect();
    if new.is_empty() {
        last.reason = format!("{}; {}", last.reason, s.reason);
        return;
    }
    if !last.engine.contains('+') {
        last.reason = format!("{}: {}", last.engine, last.reason);
    }
    last.reason = format!("{}; {}: {}", last.reason, s.engine, s.reason);
    let mut engine = last.engine.to_string();
    for e in new {
        engine.push('+');
        engine.push_str(e);
    }
    last.engine = engine.into();
}

/// Keep a non-overlapping set: higher score first, then the longer range. Spans and quotes are
/// resolved apart: a quote naturally contains the names in it.
pub fn resolve(found: Vec<Suggestion>) -> Vec<Suggestion> {
    let (quotes, spans): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|s| matches!(s.proposal, Proposal::Quote { .. }));
    let mut out = resolve_one_kind(spans);
    out.extend(resolve_one_kind(quotes));
    out.sort_by_key(|s| s.range());
    out
}

/// The order findings are kept in: higher score, then longer, then earlier.
fn by_priority(found: &mut [Suggestion]) {
    found.sort_by(|a, b| {
        let ((a0, a1), (b0, b1)) = (a.range(), b.range());
        b.score
            .total_cmp(&a.score)
            .then((b1.wrapping_sub(b0)).cmp(&(a1.wrapping_sub(a0))))
            .then((a0, a1).cmp(&(b0, b1)))
    });
}

fn resolve_one_kind(mut found: Vec<Suggestion>) -> Vec<Suggestion> {
    // A range whose end lies before its start breaks the sorted-ends argument of the module
    // doc; no engine makes one, but should one come, the plain scan decides as it always did.
    if found.iter().any(|s| s.range().0 > s.range().1) {
        return resolve_by_scan(found);
    }
    by_priority(&mut found);
    let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut kept: Vec<Suggestion> = Vec::with_capacity(found.len());
    for s in found {
        let (a, b) = s.range();
        // Kept ranges are disjoint: the last one starting before `b` has the largest end of
        // all those that do.
        let clash = taken
            .range(..(b, 0))
            .next_back()
            .is_some_and(|&(_, d)| d > a);
        if !clash {
            taken.insert((a, b));
            kept.push(s);
        }
    }
    kept.sort_by_key(|s| s.range());
    kept
}

/// The greedy choice by a scan of every range kept (quadratic; for odd input only).
fn resolve_by_scan(mut found: Vec<Suggestion>) -> Vec<Suggestion> {
    by_priority(&mut found);
    let mut kept: Vec<Suggestion> = Vec::with_capacity(found.len());
    for s in found {
        let (a, b) = s.range();
        if kept.iter().all(|k| {
            let (c, d) = k.range();
            b <= c || d <= a
        }) {
            kept.push(s);
        }
    }
    kept.sort_by_key(|s| s.range());
    kept
}

/// Ranges sorted by start with the running maximum of their ends: does any of them overlap a
/// given range? (`r.start < b && a < r.end`, the test the whole matcher uses.)
pub struct Cover {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Cover {
    /// From ranges in any order.
    pub fn new(ranges: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut v: Vec<(usize, usize)> = ranges.into_iter().collect();
        v.sort_unstable();
        Self::sorted(v)
    }

    /// From ranges already sorted by start.
    pub fn sorted(ranges: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut starts = Vec::new();
        let mut max_end = Vec::new();
        let mut m = 0;
        for (s, e) in ranges {
            m = m.max(e);
            starts.push(s);
            max_end.push(m);
        }
        Self { starts, max_end }
    }

    /// True when some range starting before `b` ends after `a`.
    pub fn overlaps(&self, a: usize, b: usize) -> bool {
        let n = self.starts.partition_point(|&s| s < b);
        n > 0 && self.max_end[n - 1] > a
    }
}

/// Indices of the suggestions still worth showing: not overlapping an existing span (a quote:
/// an existing quote), not rejected here, not on the never list. Sorts and hash sets, so a
/// book with 100,000 spans and thousands of quotes costs milliseconds, not seconds.
pub fn visible(doc: &Document, verdicts: &VerdictMemory, suggestions: &[Suggestion]) -> Vec<usize> {
    // Spans are kept sorted by start.
    let spans = Cover::sorted(doc.spans.iter().map(|sp| (sp.start, sp.end)));
    let has_quote = suggestions
        .iter()
        .any(|s| matches!(s.proposal, Proposal::Quote { .. }));
    let quotes = if has_quote {
        Cover::new(
            doc.quotes
                .iter()
                .flat_map(|q| q.content.iter().map(|r| (r.start, r.end))),
        )
    } else {
        Cover::sorted([])
    };
    let rejected: HashSet<(usize, usize, &str)> = verdicts
        .rejected
        .iter()
        .filter(|r| r.doc == doc.id)
        .map(|r| (r.start, r.end, r.label.as_str()))
        .collect();
    let never: HashSet<(&str, &str)> = verdicts
        .never
        .iter()
        .map(|(t, l)| (t.as_str(), l.as_str()))
        .collect();
    let len = doc.char_len();
    let mut out = Vec::with_capacity(suggestions.len());
    for (i, s) in suggestions.iter().enumerate() {
        let (a, b) = s.range();
        if b > len || a >= b {
            continue;
        }
        match &s.proposal {
            Proposal::Quote { content, .. } => {
                // A quote suggestion gives way to a quote already there, and to its rejection.
                let taken = content.iter().any(|&(x, y)| quotes.overlaps(x, y));
                if !taken && !rejected.contains(&(a, b, "QUOTE")) {
                    out.push(i);
                }
            }
            Proposal::Span { label, .. } => {
                if spans.overlaps(a, b)
                    || rejected.contains(&(a, b, label.as_str()))
                    || (!never.is_empty() && never.contains(&(doc.slice(a, b), label.as_str())))
                {
                    continue;
                }
                out.push(i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
