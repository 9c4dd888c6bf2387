//! The agreement report as plain-text tables, for `gloss agree`.

use super::{Agreement, KappaMethod, Report, Share};

fn num(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.3}")).unwrap_or_else(|| "-".into())
}

fn share(s: &Share) -> String {
    if s.total == 0 {
        "-".into()
    } else {
        format!("{}/{}", s.agreed, s.total)
    }
}

/// Cells padded to their column's width, two spaces apart; the first column left-aligned, the
/// others right-aligned.
fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            let pad = " ".repeat(widths[i].saturating_sub(cell.chars().count()));
            if i == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

impl Report {
    fn kappa_name(&self) -> &'static str {
        match self.overall.overall.kappa.method {
            KappaMethod::Cohen => "Cohen κ",
            KappaMethod::Fleiss => "Fleiss κ",
        }
    }

    fn pair_name(&self, a: usize, b: usize) -> String {
        format!("{} / {}", self.annotators[a], self.annotators[b])
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
        for p in &q.pairs {
            rows.push(vec![
                self.pair_name(p.a, p.b),
                p.matched.tp.to_string(),
                num(p.matched.precision),
                num(p.matched.recall),
                num(p.matched.f1),
                share(&p.same_content),
                share(&p.same_speaker),
                share(&p.same_cue),
                share(&p.same_kind),
            ]);
        }
        out.push_str(&table(&rows));
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
        let mut header = vec!["label".to_string()];
        header.extend(self.annotators.iter().cloned());
        header.extend([
            format!("exact {f1}"),
            format!("overlap {f1}"),
            self.kappa_name().into(),
            "α_U".into(),
        ]);
        let mut rows = vec![header];
        for l in a.labels.iter().chain([&a.overall]) {
            let mut row = vec![l.label.clone()];
            row.extend(l.spans.iter().map(usize::to_string));
            row.extend([
                num(l.mean_f1_exact),
                num(l.mean_f1_overlap),
                num(l.kappa.value),
                num(l.alpha_u.value),
            ]);
            rows.push(row);
        }
        out.push_str(&table(&rows));

        out.push_str("\nPairs, all labels (P and R take the first of the pair as the reference)\n");
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
        for p in &a.overall.pairs {
            rows.push(vec![
                self.pair_name(p.a, p.b),
                num(p.exact.precision),
                num(p.exact.recall),
                num(p.exact.f1),
                num(p.overlap.precision),
                num(p.overlap.recall),
                num(p.overlap.f1),
                num(p.cohen.value),
            ]);
        }
        out.push_str(&table(&rows));

        let q = &a.quotes;
        if q.quotes.iter().all(|&n| n == 0) {
            out.push_str("\nQuotes: none in the compared documents\n");
        } else {
            out.push_str(&self.quote_table());
        }

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
