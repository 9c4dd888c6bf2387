//! The agreement report's tables as rows of cells — the same rows for the window's grids and
//! for `gloss agree`'s plain-text tables, which this module also lays out.

use super::{Agreement, CodeAgreement, KappaMethod, LabelAgreement, Report, Share};
use crate::app::eval::{num, table};

/// How a renderer writes a measure and a share of agreements; the command line and the window
/// differ only there (an ASCII "-", or a typographic "–" that also covers non-finite values).
pub struct Cells {
    pub num: fn(Option<f64>) -> String,
    pub share: fn(&Share) -> String,
}

/// The command line's cells.
const PLAIN: Cells = Cells { num, share };

fn share(s: &Share) -> String {
    if s.total == 0 {
        "-".into()
    } else {
        format!("{}/{}", s.agreed, s.total)
    }
}

impl Report {
    pub fn kappa_name(&self) -> &'static str {
        match self.overall.overall.kappa.method {
            KappaMethod::Cohen => "Cohen κ",
            KappaMethod::Fleiss => "Fleiss κ",
        }
    }

    pub fn pair_name(&self, a: usize, b: usize) -> String {
        format!("{} / {}", self.annotators[a], self.annotators[b])
    }

    /// Per label and overall: spans per annotator, F1 exact and overlap (of pair `pair`, or the
    /// mean over pairs), κ and α_U; a header row first.
    pub fn label_rows(&self, pair: Option<usize>, c: &Cells) -> Vec<Vec<String>> {
        let a = &self.overall;
        let f1 = match pair {
            Some(k) => {
                let p = &a.overall.pairs[k];
                format!("F1 {}", self.pair_name(p.a, p.b))
            }
            None if self.annotators.len() == 2 => "F1".into(),
            None => "mean F1".into(),
        };
        let mut header = vec!["label".to_string()];
        header.extend(self.annotators.iter().cloned());
        header.extend([
            format!("exact {f1}"),
            format!("overlap {f1}"),
            self.kappa_name().into(),
            "α_U".into(),
        ]);
        let row = |l: &LabelAgreement| {
            let (exact, overlap) = match pair {
                Some(k) => (l.pairs[k].exact.f1, l.pairs[k].overlap.f1),
                None => (l.mean_f1_exact, l.mean_f1_overlap),
            };
            let mut r = vec![l.label.clone()];
            r.extend(l.spans.iter().map(usize::to_string));
            r.extend([
                (c.num)(exact),
                (c.num)(overlap),
                (c.num)(l.kappa.value),
                (c.num)(l.alpha_u.value),
            ]);
            r
        };
        let mut rows = vec![header];
        rows.extend(a.labels.iter().map(row));
        rows.push(row(&a.overall));
        rows
    }

    /// Every pair of annotators over all labels: P, R, F1 exact and overlap, Cohen's κ.
    pub fn pair_rows(&self, c: &Cells) -> Vec<Vec<String>> {
        let mut rows = vec![
            [
                "pair",
                "exact P",
                "exact R",
                "exact F1",
                "overlap P",
                "overlap R",
                "overlap F1",
                "Cohen κ",
            ]
            .map(String::from)
            .to_vec(),
        ];
        for p in &self.overall.overall.pairs {
            rows.push(vec![
                self.pair_name(p.a, p.b),
                (c.num)(p.exact.precision),
                (c.num)(p.exact.recall),
                (c.num)(p.exact.f1),
                (c.num)(p.overlap.precision),
                (c.num)(p.overlap.recall),
                (c.num)(p.overlap.f1),
                (c.num)(p.cohen.value),
            ]);
        }
        rows
    }

    /// Quote agreement per pair: matched, P, R, F1, and how many matches share content,
    /// speaker, cue and kind.
    pub fn quote_rows(&self, c: &Cells) -> Vec<Vec<String>> {
        let mut rows = vec![
            [
                "pair",
                "matched",
                "P",
                "R",
                "F1",
                "same content",
                "same speaker",
                "same cue",
                "same kind",
            ]
            .map(String::from)
            .to_vec(),
        ];
        for p in &self.overall.quotes.pairs {
            rows.push(vec![
                self.pair_name(p.a, p.b),
                p.matched.tp.to_string(),
                (c.num)(p.matched.precision),
                (c.num)(p.matched.recall),
                (c.num)(p.matched.f1),
                (c.share)(&p.same_content),
                (c.share)(&p.same_speaker),
                (c.share)(&p.same_cue),
                (c.share)(&p.same_kind),
            ]);
        }
        rows
    }

    fn quote_table(&self) -> String {
        let q = &self.overall.quotes;
        let mut out = String::new();
        out.push_str(&format!(
            "\nQuotes ({}; a match shares at least 30% of each quote)\n",
            self.annotators
                .iter()
                .zip(&q.quotes)
                .map(|(n, c)| format!("{n} {c}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        out.push_str(&table(&self.quote_rows(&PLAIN)));
        out
    }

    /// The report as aligned plain-text tables; with `by_document`, a row per document too.
    pub fn table(&self, by_document: bool) -> String {
        let m = self.annotators.len();
        let d = &self.documents;
        let mut out = format!(
            "Agreement of {m} annotators: {}\nDocuments compared: {}\n",
            self.annotators.join(", "),
            d.compared.len()
        );
        if !d.missing.is_empty() {
            let list: Vec<String> = d
                .missing
                .iter()
                .map(|x| format!("{} (not in {})", x.document, x.missing_from.join(", ")))
                .collect();
            out.push_str(&format!(
                "missing from some, not compared ({}): {}\n",
                list.len(),
                list.join("; ")
            ));
        }
        for (what, names) in [
            ("texts differ, not compared", &d.different_text),
            ("names used twice, first compared", &d.repeated_names),
        ] {
            if !names.is_empty() {
                out.push_str(&format!("{what} ({}): {}\n", names.len(), names.join(", ")));
            }
        }

        let a = &self.overall;
        let f1 = if m == 2 { "F1" } else { "mean F1" };
        out.push_str(&format!(
            "\nSpans ({}) per label; {} on {} tokens (O outside spans; the longest span covering a token labels it); α_U on code points\n",
            self.mentions,
            self.kappa_name(),
            a.tokens
        ));
        out.push_str(&table(&self.label_rows(None, &PLAIN)));

        out.push_str("\nPairs, all labels (P and R take the first of the pair as the reference)\n");
        out.push_str(&table(&self.pair_rows(&PLAIN)));

        let q = &a.quotes;
        if q.quotes.iter().all(|&n| n == 0) {
            out.push_str("\nQuotes: none in the compared documents\n");
        } else {
            out.push_str(&self.quote_table());
        }

        out.push_str(&self.code_tables());

        if by_document {
            out.push_str(&format!("\nBy document (all labels; {f1} over pairs)\n"));
            let mut rows = vec![
                [
                    "document",
                    "tokens",
                    "spans",
                    &format!("exact {f1}"),
                    &format!("overlap {f1}"),
                    self.kappa_name(),
                    "α_U",
                    "quotes",
                    &format!("quote {f1}"),
                ]
                .map(String::from)
                .to_vec(),
            ];
            for doc in &self.by_document {
                rows.push(document_row(&doc.document, &doc.agreement));
            }
            out.push_str(&table(&rows));
        }
        out.push_str("\n-: undefined (nothing to compare, e.g. no spans at all)\n");
        out
    }
}

impl Report {
    /// Category (or attribute) agreement rows: name, units, agreed, kappa, alpha.
    pub fn code_rows(&self, list: &[CodeAgreement], what: &str, c: &Cells) -> Vec<Vec<String>> {
        let mut rows = vec![
            [
                what,
                "units",
                "all agree",
                self.kappa_name(),
                "Krippendorff α",
            ]
            .map(String::from)
            .to_vec(),
        ];
        for a in list {
            rows.push(vec![
                a.name.clone(),
                a.units.to_string(),
                (c.share)(&a.agreed),
                (c.num)(a.kappa.value),
                (c.num)(a.alpha),
            ]);
        }
        rows
    }

    fn code_tables(&self) -> String {
        let mut out = String::new();
        if self.categories.is_empty() {
            out.push_str("\nDocument categories: none in the compared documents\n");
        } else {
            out.push_str(
                "\nDocument categories per scheme (a multiple-choice scheme compares the set chosen; kappa over documents all categorised, α nominal over those two or more did)\n",
            );
            out.push_str(&table(&self.code_rows(&self.categories, "scheme", &PLAIN)));
        }
        if !self.attributes.is_empty() {
            out.push_str(
                "\nAttributes on matched items (spans: same range and label; quotes: same parts; entities: same name)\n",
            );
            out.push_str(&table(&self.code_rows(
                &self.attributes,
                "attribute",
                &PLAIN,
            )));
        }
        out
    }
}

fn document_row(name: &str, a: &Agreement) -> Vec<String> {
    let o = &a.overall;
    let joined = |xs: &[usize]| {
        xs.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("/")
    };
    let quote_f1 = {
        let defined: Vec<f64> = a.quotes.pairs.iter().filter_map(|p| p.matched.f1).collect();
        (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
    };
    vec![
        name.to_string(),
        a.tokens.to_string(),
        joined(&o.spans),
        num(o.mean_f1_exact),
        num(o.mean_f1_overlap),
        num(o.kappa.value),
        num(o.alpha_u.value),
        joined(&a.quotes.quotes),
        num(quote_f1),
    ]
}
