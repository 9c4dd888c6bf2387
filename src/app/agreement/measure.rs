//! Measuring agreement over some compared documents: each document is prepared once (token
//! labels, ranges by label), then measured alone and pooled with the others.

use std::collections::HashMap;

use super::kappa::Fleiss;
use super::quotes::{self, QuoteCounts, Side};
use super::{
    Agreement, AlphaU, Annotator, Kappa, LabelAgreement, Options, QuoteAgreement, QuotePair, Score,
    Share, SpanPair, Stretch, alpha_u, cohen_kappa, counts, merge_overlaps, spans, token_labels,
};
use crate::model::{CharRange, Document};

/// One compared document, ready to measure.
pub(super) struct Prepared<'a> {
    pub name: &'a str,
    len: usize,
    sides: Vec<Side<'a>>,
    /// [annotator][label]: the ranges of that label, sorted.
    ranges: Vec<Vec<Vec<CharRange>>>,
    /// [annotator][token]: the token's label index, `labels.len()` for O.
    tokens: Vec<Vec<usize>>,
}

impl<'a> Prepared<'a> {
    pub fn new(
        annotators: &[Annotator<'a>],
        docs: &[&'a Document],
        index: &HashMap<&str, usize>,
        options: &Options,
    ) -> Self {
        let n_labels = index.len();
        let tokens = crate::text::tokenize(&docs[0].text);
        let mut ranges = Vec::new();
        let mut labels = Vec::new();
        for d in docs {
            let spans: Vec<(CharRange, usize)> = d
                .spans
                .iter()
                .filter(|s| counts(options, s))
                .filter_map(|s| Some((s.range(), *index.get(s.label.as_str())?)))
                .collect();
            let mut by_label = vec![Vec::new(); n_labels];
            for &(r, l) in &spans {
                by_label[l].push(r);
            }
            by_label.iter_mut().for_each(|v| v.sort());
            ranges.push(by_label);
            labels.push(token_labels(&tokens, &spans, n_labels));
        }
        Self {
            name: &docs[0].name,
            len: docs[0].char_len(),
            sides: annotators
                .iter()
                .zip(docs)
                .map(|(a, d)| Side {
                    project: a.project,
                    doc: d,
                })
                .collect(),
            ranges,
            tokens: labels,
        }
    }
}

fn pairs(m: usize) -> Vec<(usize, usize)> {
    (0..m)
        .flat_map(|a| (a + 1..m).map(move |b| (a, b)))
        .collect()
}

fn mean(xs: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let defined: Vec<f64> = xs.flatten().collect();
    (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
}

/// The agreement over `docs`. `labels` is the whole label list; only labels used in `docs`
/// get a row.
pub(super) fn measure(docs: &[Prepared], labels: &[String], m: usize) -> Agreement {
    let outside = labels.len();
    let tokens: usize = docs.iter().map(|d| d.tokens[0].len()).sum();
    let kappa_of = |categories: usize, category: &dyn Fn(usize) -> usize| -> (Kappa, Vec<Kappa>) {
        let pair_kappas: Vec<Kappa> = pairs(m)
            .into_iter()
            .map(|(a, b)| {
                let mut table = vec![vec![0; categories]; categories];
                for d in docs {
                    for (x, y) in d.tokens[a].iter().zip(&d.tokens[b]) {
                        table[category(*x)][category(*y)] += 1;
                    }
                }
                cohen_kappa(&table)
            })
            .collect();
        let kappa = if m == 2 {
            pair_kappas[0]
        } else {
            let mut fleiss = Fleiss::default();
            let mut row = vec![0; categories];
            for d in docs {
                for t in 0..d.tokens[0].len() {
                    row.iter_mut().for_each(|n| *n = 0);
                    for labels in &d.tokens {
                        row[category(labels[t])] += 1;
                    }
                    fleiss.add(&row);
                }
            }
            fleiss.kappa()
        };
        (kappa, pair_kappas)
    };

    let mut rows = Vec::new();
    let mut totals = vec![[0usize; 2]; pairs(m).len()];
    let mut exact_overlap = vec![[0usize; 2]; pairs(m).len()];
    let mut spans_total = vec![0; m];
    let mut alphas = Vec::new();
    for (l, label) in labels.iter().enumerate() {
        let spans: Vec<usize> = (0..m)
            .map(|a| docs.iter().map(|d| d.ranges[a][l].len()).sum())
            .collect();
        if spans.iter().all(|&n| n == 0) {
            continue;
        }
        let (kappa, cohens) = kappa_of(2, &|x| usize::from(x != l));
        let mut span_pairs = Vec::new();
        for (k, (a, b)) in pairs(m).into_iter().enumerate() {
            let (mut exact, mut overlap) = (0, 0);
            for d in docs {
                let (e, o) = spans::match_spans(&d.ranges[a][l], &d.ranges[b][l]);
                exact += e;
                overlap += o;
            }
            totals[k][0] += spans[a];
            totals[k][1] += spans[b];
            exact_overlap[k][0] += exact;
            exact_overlap[k][1] += overlap;
            span_pairs.push(SpanPair {
                a,
                b,
                exact: Score::new(exact, spans[a], spans[b]),
                overlap: Score::new(overlap, spans[a], spans[b]),
                cohen: cohens[k],
            });
        }
        let stretches: Vec<Stretch> = docs
            .iter()
            .map(|d| Stretch {
                len: d.len,
                units: (0..m)
                    .map(|a| merge_overlaps(d.ranges[a][l].clone()))
                    .collect(),
            })
            .collect();
        let alpha = alpha_u(&stretches);
        alphas.push(alpha);
        for (t, n) in spans_total.iter_mut().zip(&spans) {
            *t += n;
        }
        rows.push(label_row(label.clone(), spans, span_pairs, kappa, alpha));
    }

    let (kappa, cohens) = kappa_of(outside + 1, &|x| x);
    let overall_pairs = pairs(m)
        .into_iter()
        .enumerate()
        .map(|(k, (a, b))| SpanPair {
            a,
            b,
            exact: Score::new(exact_overlap[k][0], totals[k][0], totals[k][1]),
            overlap: Score::new(exact_overlap[k][1], totals[k][0], totals[k][1]),
            cohen: cohens[k],
        })
        .collect();
    let overall = label_row(
        "overall".into(),
        spans_total,
        overall_pairs,
        kappa,
        AlphaU::combine(&alphas),
    );

    let mut quote_pairs = Vec::new();
    for (a, b) in pairs(m) {
        let mut c = QuoteCounts::default();
        for d in docs {
            c.add(&quotes::compare(d.sides[a], d.sides[b]));
        }
        quote_pairs.push(QuotePair {
            a,
            b,
            matched: Score::new(c.matched, c.a, c.b),
            same_content: Share::new(c.same_content),
            same_speaker: Share::new(c.speaker),
            same_cue: Share::new(c.cue),
            same_kind: Share::new(c.kind),
        });
    }
    Agreement {
        tokens,
        labels: rows,
        overall,
        quotes: QuoteAgreement {
            quotes: (0..m)
                .map(|a| docs.iter().map(|d| d.sides[a].doc.quotes.len()).sum())
                .collect(),
            pairs: quote_pairs,
        },
    }
}

fn label_row(
    label: String,
    spans: Vec<usize>,
    pairs: Vec<SpanPair>,
    kappa: Kappa,
    alpha_u: AlphaU,
) -> LabelAgreement {
    LabelAgreement {
        label,
        spans,
        mean_f1_exact: mean(pairs.iter().map(|p| p.exact.f1)),
        mean_f1_overlap: mean(pairs.iter().map(|p| p.overlap.f1)),
        pairs,
        kappa,
        alpha_u,
    }
}
