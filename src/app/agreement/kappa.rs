//! Chance-corrected agreement on token labels: Cohen's kappa for two annotators, Fleiss' kappa
//! for more.
//!
//! Both take a table of counts and nothing else, so they can be checked against tables from
//! the literature; `token_labels` turns a document's spans into the one label per token that
//! the tables count.

use serde::Serialize;

use crate::model::CharRange;
use crate::text::Token;

/// Which kappa a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KappaMethod {
    /// Cohen (1960): two annotators.
    Cohen,
    /// Fleiss (1971): any number of annotators, every item labelled by all of them.
    Fleiss,
}

/// A kappa with the two agreements it is made of.
///
/// `value` is `None` when kappa is undefined: no items, or chance agreement is already 1
/// (everyone put every item in the same category — for token labels, typically a document
/// without a single span). It is never NaN.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Kappa {
    pub method: KappaMethod,
    /// Items counted (tokens).
    pub items: usize,
    /// Observed agreement: p_o (Cohen) or P̄ (Fleiss).
    pub observed: Option<f64>,
    /// Agreement expected by chance: p_e (Cohen) or P̄_e (Fleiss).
    pub expected: Option<f64>,
    /// (observed − expected) / (1 − expected).
    pub value: Option<f64>,
}

impl Kappa {
    fn undefined(method: KappaMethod, items: usize) -> Self {
        Self {
            method,
            items,
            observed: None,
            expected: None,
            value: None,
        }
    }
}

/// Cohen's kappa from a confusion table: `table[i][j]` counts the items the first annotator put
/// in category `i` and the second in category `j`. The table must be square.
///
/// p_o = Σ_k table[k][k] / n, p_e = Σ_k (row_k / n)(column_k / n), κ = (p_o − p_e) / (1 − p_e),
/// computed as (n·diagonal − Σ row·column) / (n² − Σ row·column) in integers, so that κ is
/// exactly 1 when the annotators agree on every item.
pub fn cohen_kappa(table: &[Vec<usize>]) -> Kappa {
    let k = table.len();
    let n: usize = table.iter().flatten().sum();
    if n == 0 {
        return Kappa::undefined(KappaMethod::Cohen, 0);
    }
    let diagonal: u128 = (0..k).map(|i| table[i][i] as u128).sum();
    let chance: u128 = (0..k)
        .map(|i| {
            let row: usize = table[i].iter().sum();
            let column: usize = table.iter().map(|r| r[i]).sum();
            row as u128 * column as u128
        })
        .sum();
    let n2 = n as u128 * n as u128;
    let observed = diagonal as f64 / n as f64;
    let expected = chance as f64 / n2 as f64;
    let numerator = (n as u128 * diagonal) as f64 - chance as f64;
    let denominator = n2 - chance;
    Kappa {
        method: KappaMethod::Cohen,
        items: n,
        observed: Some(observed),
        expected: Some(expected),
        value: (denominator > 0).then(|| numerator / denominator as f64),
    }
}

/// Fleiss' kappa from a table of counts: `counts[i][j]` is how many annotators put item `i` in
/// category `j`; every row sums to the same number of annotators m ≥ 2.
///
/// P_i = (Σ_j n_ij² − m) / (m(m − 1)), P̄ = mean of P_i, p_j = Σ_i n_ij / (N·m),
/// P̄_e = Σ_j p_j², κ = (P̄ − P̄_e) / (1 − P̄_e).
pub fn fleiss_kappa(counts: &[Vec<usize>]) -> Kappa {
    let mut f = Fleiss::default();
    for row in counts {
        f.add(row);
    }
    f.kappa()
}

/// Fleiss' kappa summed up row by row, so a book's tokens need no table in memory.
#[derive(Clone, Debug, Default)]
pub(super) struct Fleiss {
    items: usize,
    /// Raters per item, from the first row; `None` once a row disagrees.
    raters: Option<usize>,
    /// Σ_ij n_ij².
    squares: u128,
    /// Σ_i n_ij per category j.
    columns: Vec<u128>,
}

impl Fleiss {
    /// Count one item: how many raters put it in each category.
    pub fn add(&mut self, row: &[usize]) {
        let m: usize = row.iter().sum();
        if self.items == 0 {
            self.raters = Some(m);
        } else if self.raters != Some(m) {
            self.raters = None;
        }
        self.items += 1;
        if self.columns.len() < row.len() {
            self.columns.resize(row.len(), 0);
        }
        for (c, &n) in self.columns.iter_mut().zip(row) {
            *c += n as u128;
            self.squares += (n * n) as u128;
        }
    }

    pub fn kappa(&self) -> Kappa {
        let items = self.items;
        let m = match self.raters {
            Some(m) if items > 0 && m >= 2 => m,
            _ => return Kappa::undefined(KappaMethod::Fleiss, items),
        };
        let total = (items * m) as u128;
        let pairs = m as u128 - 1;
        // P̄ = (Σ n_ij² − N·m) / (N·m·(m − 1)); each rater's own label is in Σ n_ij², so it is
        // at least N·m.
        let agreeing = self.squares - total;
        let observed = agreeing as f64 / (total * pairs) as f64;
        let column_squares: u128 = self.columns.iter().map(|c| c * c).sum();
        let expected = column_squares as f64 / (total * total) as f64;
        // κ = (P̄ − P̄_e) / (1 − P̄_e) = (A·T − C·(m − 1)) / ((m − 1)(T² − C)) with
        // A = Σ n_ij² − T, T = N·m, C = Σ_j (column j)²: integers, so perfect agreement gives
        // exactly 1. The denominator is zero exactly when one category holds every label.
        let numerator = (agreeing * total) as i128 - (column_squares * pairs) as i128;
        let denominator = pairs * (total * total - column_squares);
        Kappa {
            method: KappaMethod::Fleiss,
            items,
            observed: Some(observed),
            expected: Some(expected),
            value: (denominator > 0).then(|| numerator as f64 / denominator as f64),
        }
    }
}

/// One label per token, from one annotator's spans: `spans` are (range, label index); a token
/// outside every span gets `outside`.
///
/// A token belongs to a span when they share at least one character. When several spans cover
/// a token (nested or overlapping annotations), the longest wins, then the one starting first,
/// then the lower label index (the label set's order): the outermost annotation, as a flat
/// NER tag set sees it.
pub fn token_labels(tokens: &[Token], spans: &[(CharRange, usize)], outside: usize) -> Vec<usize> {
    use std::cmp::Reverse;
    // Which span wins a token: the greater of (length, start reversed, label reversed).
    type Rank = (usize, Reverse<usize>, Reverse<usize>);
    let mut best: Vec<Option<Rank>> = vec![None; tokens.len()];
    for &(range, label) in spans {
        let key = (range.len(), Reverse(range.start), Reverse(label));
        let first = tokens.partition_point(|t| t.end <= range.start);
        for (i, t) in tokens.iter().enumerate().skip(first) {
            if t.start >= range.end {
                break;
            }
            if best[i].is_none_or(|b| key > b) {
                best[i] = Some(key);
            }
        }
    }
    best.into_iter()
        .map(|b| b.map_or(outside, |(_, _, Reverse(l))| l))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cohen_is_one_on_perfect_agreement_and_undefined_without_variation() {
        let k = cohen_kappa(&[vec![3, 0], vec![0, 7]]);
        assert_eq!(k.value, Some(1.0));
        let k = cohen_kappa(&[vec![0, 0], vec![0, 10]]);
        assert_eq!(k.value, None);
        assert_eq!(k.observed, Some(1.0));
        assert_eq!(cohen_kappa(&[]).value, None);
    }

    #[test]
    fn fleiss_is_undefined_without_variation() {
        let k = fleiss_kappa(&[vec![0, 3], vec![0, 3]]);
        assert_eq!(k.value, None);
        let k = fleiss_kappa(&[vec![3, 0], vec![0, 3]]);
        assert_eq!(k.value, Some(1.0));
    }

    #[test]
    fn the_outermost_span_labels_a_token() {
        let text = "New York City Council met";
        let tokens = crate::text::tokenize(text);
        // "New York City Council" ORG (label 1) holds "New York City" GPE (label 0).
        let spans = [(CharRange::new(0, 13), 0), (CharRange::new(0, 21), 1)];
        assert_eq!(token_labels(&tokens, &spans, 9), vec![1, 1, 1, 1, 9]);
        // Equal length: the one starting first; same range: the label set's first.
        let spans = [(CharRange::new(5, 13), 0), (CharRange::new(0, 8), 1)];
        assert_eq!(token_labels(&tokens, &spans, 9), vec![1, 1, 0, 9, 9]);
        let spans = [(CharRange::new(0, 3), 1), (CharRange::new(0, 3), 0)];
        assert_eq!(token_labels(&tokens, &spans, 9)[0], 0);
    }
}
