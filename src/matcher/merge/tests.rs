//! The fast merge steps against the plain quadratic ones they replace, on random input.

use proptest::prelude::*;

use super::*;
use crate::model::{
    CharRange, DocId, Mention, Origin, Quote, QuoteId, QuoteKind, Rejection, Span, SpanId,
};

/// The greedy choice as it was: each finding against every one kept.
fn resolve_reference(found: Vec<Suggestion>) -> Vec<Suggestion> {
    let (quotes, spans): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|s| matches!(s.proposal, Proposal::Quote { .. }));
    let mut out = resolve_by_scan(spans);
    out.extend(resolve_by_scan(quotes));
    out.sort_by_key(|s| s.range());
    out
}

/// `visible` as it was: each quote suggestion against every quote, each never entry by scan.
fn visible_reference(doc: &Document, verdicts: &VerdictMemory, sugg: &[Suggestion]) -> Vec<usize> {
    let len = doc.char_len();
    let mut out = Vec::new();
    for (i, s) in sugg.iter().enumerate() {
        let (a, b) = s.range();
        if b > len || a >= b {
            continue;
        }
        if let Proposal::Quote { content, .. } = &s.proposal {
            let taken = doc.quotes.iter().any(|q| {
                q.content
                    .iter()
                    .any(|r| content.iter().any(|(x, y)| r.start < *y && *x < r.end))
            });
            if !taken && !verdicts.is_rejected(doc.id, a, b, "QUOTE") {
                out.push(i);
            }
            continue;
        }
        if doc.spans.iter().any(|sp| sp.start < b && a < sp.end) {
            continue;
        }
        if let Proposal::Span { label, .. } = &s.proposal
            && (verdicts.is_rejected(doc.id, a, b, label)
                || verdicts.is_never(doc.slice(a, b), label))
        {
            continue;
        }
        out.push(i);
    }
    out
}

fn span(start: usize, len: usize, label: &str, score: f32) -> Suggestion {
    Suggestion {
        proposal: Proposal::Span {
            start,
            end: start + len,
            label: label.into(),
            entity: None,
            new_entity: None,
        },
        score,
        engine: "test".into(),
        rule: format!("r{start}"),
        reason: format!("at {start}"),
    }
}

fn quote(parts: &[(usize, usize)], score: f32) -> Suggestion {
    Suggestion {
        proposal: Proposal::Quote {
            content: parts.iter().map(|&(a, l)| (a, a + l)).collect(),
            cue: None,
            speaker: None,
            speaker_label: None,
            speaker_mention: Mention::Name,
            speaker_entity: None,
            speaker_new_entity: None,
            kind: QuoteKind::Direct,
        },
        score,
        engine: "quotes".into(),
        rule: "q".into(),
        reason: String::new(),
    }
}

/// Scores from a small set, so ties in score (and length) are common.
fn suggestion() -> impl Strategy<Value = Suggestion> {
    let score = prop::sample::select(vec![0.5f32, 0.7, 0.7, 0.9, 0.95]);
    prop_oneof![
        4 => (0usize..80, 0usize..9, prop::sample::select(vec!["A", "B"]), score.clone())
            .prop_map(|(s, l, lab, sc)| span(s, l, lab, sc)),
        1 => (prop::collection::vec((0usize..80, 0usize..12), 1..3), score)
            .prop_map(|(parts, sc)| quote(&parts, sc)),
    ]
}

const TEXT: &str = "Ana met Bo in Rome and Ana said it was fine, said Bo. Then Rome won again!";

fn document(spans: &[(usize, usize)], quotes: &[Vec<(usize, usize)>]) -> (Document, VerdictMemory) {
    let mut d = Document::new(DocId(1), "d", TEXT);
    for (k, &(s, l)) in spans.iter().enumerate() {
        d.insert_span(Span::new(
            SpanId(k as u64 + 1),
            CharRange::new(s, s + l),
            "A",
        ));
    }
    for (k, parts) in quotes.iter().enumerate() {
        d.insert_quote(Quote {
            id: QuoteId(k as u64 + 1),
            content: parts
                .iter()
                .map(|&(a, l)| CharRange::new(a, a + l))
                .collect(),
            speaker: None,
            cue: None,
            kind: QuoteKind::Direct,
            origin: Origin::Manual,
            attributes: Default::default(),
        });
    }
    (d, VerdictMemory::default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn resolve_keeps_what_the_scan_kept(found in prop::collection::vec(suggestion(), 0..60)) {
        prop_assert_eq!(resolve(found.clone()), resolve_reference(found.clone()));
        let merged = merge(found);
        prop_assert_eq!(resolve(merged.clone()), resolve_reference(merged));
    }

    #[test]
    fn visible_shows_what_the_scan_showed(
        found in prop::collection::vec(suggestion(), 0..40),
        spans in prop::collection::vec((0usize..80, 0usize..6), 0..8),
        quotes in prop::collection::vec(prop::collection::vec((0usize..80, 0usize..10), 1..3), 0..4),
        rejected in prop::collection::vec(0usize..40, 0..6),
        never in prop::collection::vec(0usize..40, 0..3),
    ) {
        let (d, mut v) = document(&spans, &quotes);
        for k in rejected {
            if let Some(s) = found.get(k) {
                let (start, end) = s.range();
                v.rejected.push(Rejection { doc: DocId(1), start, end, label: s.label().into(), engine: None });
                v.rejected.push(Rejection { doc: DocId(2), start, end: end + 1, label: "A".into(), engine: None });
            }
        }
        for k in never {
            if let Some(s) = found.get(k) {
                let (a, b) = s.range();
                if b <= d.char_len() {
                    v.never.push((d.slice(a, b).to_string(), s.label().to_string()));
                }
            }
        }
        prop_assert_eq!(visible(&d, &v, &found), visible_reference(&d, &v, &found));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A long document's findings are settled in parts cut where none crosses
    /// (`engines::finish`): the parts' results, one after the other, are the whole's.
    #[test]
    fn settling_in_parts_is_settling_the_whole(
        spans in prop::collection::vec(
            (0usize..300, 0usize..9, prop::sample::select(vec!["A", "B"]),
             prop::sample::select(vec![0.5f32, 0.7, 0.9])),
            0..120),
        parts in 2usize..5,
    ) {
        let found: Vec<Suggestion> =
            spans.into_iter().map(|(s, l, lab, sc)| span(s, l, lab, sc)).collect();
        let whole = resolve(merge(found.clone()));
        let cuts = crate::matcher::split::cuts(found.iter().map(Suggestion::range), 310, parts);
        let mut split: Vec<Vec<Suggestion>> = vec![Vec::new(); cuts.len() + 1];
        for s in found {
            split[crate::matcher::split::part_of(&cuts, s.range().0)].push(s);
        }
        let joined: Vec<Suggestion> =
            split.into_iter().flat_map(|p| resolve(merge(p))).collect();
        prop_assert_eq!(joined, whole);
    }
}

#[test]
fn inverted_ranges_are_decided_as_before() {
    let mut odd = span(10, 0, "A", 0.9);
    if let Proposal::Span { end, .. } = &mut odd.proposal {
        *end = 4;
    }
    let found = vec![odd, span(2, 5, "A", 0.8), span(6, 3, "B", 0.7)];
    assert_eq!(resolve(found.clone()), resolve_reference(found));
}

#[test]
fn a_long_document_resolves_in_a_blink() {
    // 200,000 findings, each overlapping its neighbours: quadratic would take minutes.
    let found: Vec<Suggestion> = (0..200_000)
        .map(|i| span(i * 3, 5, "A", if i % 3 == 0 { 0.9 } else { 0.7 }))
        .collect();
    let t = std::time::Instant::now();
    let kept = resolve(found);
    assert!(t.elapsed().as_secs_f32() < 5.0);
    assert!(kept.windows(2).all(|w| w[0].range().1 <= w[1].range().0));
}
