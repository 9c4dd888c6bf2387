//! Comparing one document across annotators: what all agree on, and the regions where they
//! do not.

use std::collections::HashMap;

use super::decide;
use super::items::{Item, QuoteItem, QuoteKey, SpanItem, SpanKey, quote_key, span_key};
use super::{Alternative, Disagreement, RegionKind};
use crate::model::{CharRange, Document, Project, QuoteId, SpanId};

/// Split each annotator's annotations into those everyone shares (a multiset intersection by
/// `key`) and the rest. Returns the agreed indices of annotator 0 and each annotator's rest.
fn split_agreed<K: Eq + std::hash::Hash>(
    per_annotator: &[Vec<K>],
) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut quota: HashMap<&K, usize> = HashMap::new();
    for (a, keys) in per_annotator.iter().enumerate() {
        let mut mine: HashMap<&K, usize> = HashMap::new();
        for k in keys {
            *mine.entry(k).or_default() += 1;
        }
        if a == 0 {
            quota = mine;
        } else {
            for (k, n) in quota.iter_mut() {
                *n = (*n).min(mine.get(k).copied().unwrap_or(0));
            }
        }
    }
    let mut agreed = Vec::new();
    let mut rest = Vec::new();
    for (a, keys) in per_annotator.iter().enumerate() {
        let mut left = quota.clone();
        let mut mine = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            match left.get_mut(k) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    if a == 0 {
                        agreed.push(i);
                    }
                }
                _ => mine.push(i),
            }
        }
        rest.push(mine);
    }
    (agreed, rest)
}

/// Group items (annotator, item) into regions of chained overlaps, in text order.
fn regions(mut items: Vec<(usize, Item)>) -> Vec<Vec<(usize, Item)>> {
    items.sort_by_key(|(a, it)| (it.range().start, it.range().end, *a));
    let mut out: Vec<Vec<(usize, Item)>> = Vec::new();
    let mut end = 0;
    for (a, it) in items {
        let r = it.range();
        match out.last_mut() {
            Some(region) if r.start < end => {
                end = end.max(r.end);
                region.push((a, it));
            }
            _ => {
                end = r.end;
                out.push(vec![(a, it)]);
            }
        }
    }
    out
}

/// One document across annotators: the agreed annotations (annotator 0's ids) and the
/// disagreements.
pub(super) fn compare_document(
    projects: &[Project],
    docs: &[&Document],
) -> ((String, Vec<SpanId>, Vec<QuoteId>), Vec<Disagreement>) {
    let span_keys: Vec<Vec<SpanKey>> = projects
        .iter()
        .zip(docs)
        .map(|(p, d)| d.spans.iter().map(|s| span_key(p, s)).collect())
        .collect();
    let quote_keys: Vec<Vec<QuoteKey>> = projects
        .iter()
        .zip(docs)
        .map(|(p, d)| d.quotes.iter().map(|q| quote_key(p, d, q)).collect())
        .collect();
    let (agreed_spans, rest_spans) = split_agreed(&span_keys);
    let (agreed_quotes, rest_quotes) = split_agreed(&quote_keys);

    let mut span_items = Vec::new();
    let mut quote_items = Vec::new();
    for (a, (p, d)) in projects.iter().zip(docs).enumerate() {
        for &i in &rest_spans[a] {
            span_items.push((a, Item::Span(SpanItem::new(p, d, &d.spans[i]))));
        }
        for &i in &rest_quotes[a] {
            quote_items.push((a, Item::Quote(QuoteItem::new(p, d, &d.quotes[i]))));
        }
    }
    let mut out: Vec<Disagreement> = Vec::new();
    for (kind, items) in [
        (RegionKind::Spans, span_items),
        (RegionKind::Quotes, quote_items),
    ] {
        for region in regions(items) {
            let range = CharRange::new(
                region
                    .iter()
                    .map(|(_, it)| it.range().start)
                    .min()
                    .unwrap_or(0),
                region
                    .iter()
                    .map(|(_, it)| it.range().end)
                    .max()
                    .unwrap_or(0),
            );
            let mut alternatives: Vec<Alternative> = Vec::new();
            for a in 0..projects.len() {
                let items: Vec<Item> = region
                    .iter()
                    .filter(|(x, _)| *x == a)
                    .map(|(_, it)| it.clone())
                    .collect();
                let same_as = alternatives
                    .iter()
                    .find(|alt| decide::same_items(&alt.items, &items))
                    .map(|alt| alt.annotator);
                alternatives.push(Alternative {
                    annotator: a,
                    same_as,
                    items,
                });
            }
            out.push(Disagreement {
                document: docs[0].name.clone(),
                doc: docs[0].id,
                range,
                kind,
                alternatives,
            });
        }
    }
    out.sort_by_key(|d| (d.range.start, d.kind == RegionKind::Quotes, d.range.end));
    let agreed = (
        docs[0].name.clone(),
        agreed_spans.iter().map(|&i| docs[0].spans[i].id).collect(),
        agreed_quotes
            .iter()
            .map(|&i| docs[0].quotes[i].id)
            .collect(),
    );
    (agreed, out)
}
