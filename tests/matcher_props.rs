//! Properties of the suggestion engines on random texts: every suggestion lies inside the text
//! on whole code points, never overlaps an existing annotation, another suggestion, or a
//! rejected range, and never proposes a string the user said never to suggest. Quote
//! suggestions are held to the same, against quotes: a quotation may contain names, so quotes
//! and spans are checked apart; a quote's content parts, cue and speaker lie inside the text.

use gloss::app::review;
use gloss::model::{CharRange, DocId, Document, Project, Proposal, Rejection, Span, SpanId};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Germany",
    "Berlin",
    "the",
    "United Nations",
    "said",
    "President",
    "Ana",
    "Ruiz",
    "met",
    "in",
    "Nairobi",
    "👋",
    "Zoë",
    "Ministry of Defence",
    "(UN)",
    "Mr",
    "Lee",
    "on",
    "Monday",
    ".",
    "Kenya-based",
    "Rhine-Westphalia",
    "French",
    "officials",
    "\n",
    "“",
    "”",
    "Café",
    "e\u{301}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn suggestions_stay_in_bounds_and_off_annotations(
        text in text(),
        spans in prop::collection::vec((0usize..300, 1usize..12), 0..5),
        reject_first in any::<bool>(),
        never_first in any::<bool>(),
    ) {
        let mut p = Project::new("p");
        let mut d = Document::new(DocId(1), "d", text.clone());
        let n = d.char_len();
        for (k, (s, len)) in spans.into_iter().enumerate() {
            let (s, e) = (s.min(n), (s + len).min(n));
            if s < e && d.spans_overlapping(s, e).next().is_none() {
                d.insert_span(Span::new(SpanId(k as u64 + 1), CharRange::new(s, e), "MISC"));
            }
        }
        p.insert_document(d);

        // Learn what a first run suggests, then reject one and ban another.
        let (first, _) = review::suggest_project(&p, &[], Default::default(), |_, _| {});
        let items = &first[0].1;
        if reject_first && let Some(s) = items.first() {
            let (a, b) = s.range();
            p.verdicts.rejected.push(Rejection { doc: DocId(1), start: a, end: b, label: s.label().into(), engine: None });
        }
        // "Never this string" is about names (`review::reject` never records it for a quote).
        if never_first && let Some(s) = items.iter().rev().find(|s| matches!(s.proposal, Proposal::Span { .. })) {
            let (a, b) = s.range();
            let t = p.documents[0].slice(a, b).to_string();
            p.verdicts.never.push((t, s.label().into()));
        }

        let (found, problems) = review::suggest_project(&p, &[], Default::default(), |_, _| {});
        prop_assert!(problems.is_empty(), "{:?}", problems);
        let d = &p.documents[0];
        // The last end seen among span suggestions and among quote suggestions.
        let (mut span_end, mut quote_end) = (0, 0);
        for s in &found[0].1 {
            let (a, b) = s.range();
            prop_assert!(a < b && b <= d.char_len(), "{a}..{b} outside {}", d.char_len());
            let slice = d.slice(a, b);
            prop_assert_eq!(slice.chars().count(), b - a);
            prop_assert!(!slice.starts_with(char::is_whitespace) && !slice.ends_with(char::is_whitespace));
            if let Proposal::Quote { content, cue, speaker, .. } = &s.proposal {
                prop_assert!(a >= quote_end, "quote suggestions overlap or are out of order");
                quote_end = b;
                for &(x, y) in content.iter().chain(cue).chain(speaker) {
                    prop_assert!(x < y && y <= d.char_len(), "{x}..{y} outside the text");
                }
                prop_assert!(
                    d.quotes.iter().all(|q| q.content.iter().all(|r| r.end <= a || b <= r.start)),
                    "overlaps a quote"
                );
            } else {
                prop_assert!(a >= span_end, "span suggestions overlap or are out of order");
                span_end = b;
                prop_assert!(d.spans_overlapping(a, b).next().is_none(), "overlaps an annotation");
            }
            prop_assert!(!p.verdicts.is_rejected(d.id, a, b, s.label()), "rejected");
            prop_assert!(!p.verdicts.is_never(slice, s.label()), "never");
            prop_assert!((0.0..=1.0).contains(&s.score));
            prop_assert!(!s.reason.is_empty() && !s.rule.is_empty());
            if let Proposal::Span { entity: Some(e), .. } = &s.proposal {
                prop_assert!(p.entity(*e).is_some());
            }
        }
    }
}
