//! Span-level matching between two annotators: one to one, exact pairs first, then the
//! remaining pairs by the number of characters they share.

use crate::app::eval::{heaviest_first, shared};
use crate::model::CharRange;

/// (exact matches, overlap matches) between two annotators' ranges of one label, each sorted
/// by start. The overlap count includes the exact ones.
pub(super) fn match_spans(a: &[CharRange], b: &[CharRange]) -> (usize, usize) {
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut exact = 0;
    for (i, r) in a.iter().enumerate() {
        let from = b.partition_point(|x| x < r);
        if let Some(j) = (from..b.len())
            .take_while(|&j| b[j] == *r)
            .find(|&j| !used_b[j])
        {
            used_a[i] = true;
            used_b[j] = true;
            exact += 1;
        }
    }
    // Only ranges starting less than the longest `b` before `r`'s start can reach into it.
    let longest = b.iter().map(CharRange::len).max().unwrap_or(0);
    let mut candidates = Vec::new();
    for (i, r) in a.iter().enumerate().filter(|(i, _)| !used_a[*i]) {
        let lo = b.partition_point(|x| x.start + longest <= r.start);
        let hi = b.partition_point(|x| x.start < r.end);
        for j in (lo..hi).filter(|&j| !used_b[j]) {
            let w = shared(*r, b[j]);
            if w > 0 {
                candidates.push((w, i, j));
            }
        }
    }
    let more = heaviest_first(candidates, &mut used_a, &mut used_b).len();
    (exact, exact + more)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: usize, end: usize) -> CharRange {
        CharRange::new(start, end)
    }

    #[test]
    fn exact_pairs_come_first_then_the_largest_overlaps() {
        // a: 0..5, 10..20, 30..32; b: 0..5, 12..20, 8..11, 40..45.
        let mut b = vec![r(0, 5), r(12, 20), r(8, 11), r(40, 45)];
        b.sort();
        let (exact, overlap) = match_spans(&[r(0, 5), r(10, 20), r(30, 32)], &b);
        assert_eq!(
            (exact, overlap),
            (1, 2),
            "10..20 pairs with 12..20 (8 shared), not 8..11"
        );
    }

    #[test]
    fn one_span_matches_once() {
        assert_eq!(match_spans(&[r(0, 10)], &[r(0, 4), r(5, 10)]), (0, 1));
        assert_eq!(match_spans(&[r(0, 4), r(0, 4)], &[r(0, 4)]), (1, 1));
    }
}
