//! Krippendorff's alpha for unitizing (α_U): how well annotators agree on where units of one
//! category begin and end along a continuum, chance-corrected.
//!
//! This is the α_U of Krippendorff (1995, "On the reliability of unitizing continuous data",
//! Sociological Methodology 25) in the form and with the normalisations of Krippendorff (2004,
//! Content Analysis, 2nd ed., §12.4, worked example p. 254) — the same arithmetic as DKPro
//! Statistics' `KrippendorffAlphaUnitizingAgreement`, not the later uα / cuα family of
//! Krippendorff et al. (2016). For one category c, m coders and a continuum of length L, each
//! coder's continuum is cut into sections: their units of c (v = 1) and the gaps between them
//! (v = 0). With b the beginning and l the length of a section:
//!
//! ```text
//! δ²(g, h) = (b_g − b_h)² + (b_g + l_g − b_h − l_h)²  both units, and they overlap
//!          = l_g²                                    g a unit lying inside the gap h
//!          = l_h²                                    h a unit lying inside the gap g
//!          = 0                                       otherwise
//!
//! D_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m (m − 1) L²)
//!
//! D_e = (2/L) Σ_{units u} [ (N_c − 1)/3 · (2l_u³ − 3l_u² + l_u) + l_u² Σ_{gaps h, l_h ≥ l_u} (l_h − l_u + 1) ]
//!       / ( mL (mL − 1) − Σ_{units u} l_u (l_u − 1) )
//!
//! α_U(c) = 1 − D_o / D_e            α_U over all categories = 1 − Σ_c D_o(c) / Σ_c D_e(c)
//! ```
//!
//! where the sums over units run over every coder's units of c, N_c counts them, and the gaps
//! are every coder's gaps for c. In Gloss the continuum is the code points of the documents
//! compared, one after the other; a gap ends where its document ends (no unit can span two
//! documents, so no gap does either). A coder's overlapping units of one category are merged
//! first, since α_U requires a coder's units of a category not to overlap. α_U is undefined
//! (`None`) when D_e is 0, which happens when nobody marked a unit of the category.

use serde::Serialize;

use crate::model::CharRange;

/// α_U with the two disagreements it is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct AlphaU {
    /// Observed disagreement D_o.
    pub observed: f64,
    /// Disagreement expected by chance D_e.
    pub expected: f64,
    /// 1 − D_o / D_e; `None` when D_e is 0 (no units at all).
    pub value: Option<f64>,
}

impl AlphaU {
    fn new(observed: f64, expected: f64) -> Self {
        let value = if expected > 0.0 {
            Some(if observed == 0.0 {
                1.0
            } else {
                1.0 - observed / expected
            })
        } else {
            None
        };
        Self {
            observed,
            expected,
            value,
        }
    }

    /// α_U over several categories: 1 − Σ D_o / Σ D_e.
    pub fn combine(parts: &[AlphaU]) -> AlphaU {
        let observed = parts.iter().map(|a| a.observed).sum();
        let expected = parts.iter().map(|a| a.expected).sum();
        AlphaU::new(observed, expected)
    }
}

/// One stretch of a continuum (a document) of `len` positions, with every coder's units of one
/// category in it, as ranges from the stretch's start. Every stretch has the same coders.
#[derive(Clone, Debug, PartialEq)]
pub struct Stretch {
    pub len: usize,
    pub units: Vec<Vec<CharRange>>,
}

/// A section of one coder's continuum: a unit or a gap.
#[derive(Clone, Copy, Debug)]
struct Section {
    begin: usize,
    len: usize,
    unit: bool,
}

impl Section {
    fn end(&self) -> usize {
        self.begin + self.len
    }
}

/// Cut `0..len` into units and the gaps between them; `units` sorted and not overlapping.
fn sections(len: usize, units: &[CharRange]) -> Vec<Section> {
    let mut out = Vec::with_capacity(units.len() * 2 + 1);
    let mut pos = 0;
    for u in units {
        let (start, end) = (u.start.min(len), u.end.min(len));
        if start >= end || start < pos {
            continue;
        }
        if start > pos {
            out.push(Section {
                begin: pos,
                len: start - pos,
                unit: false,
            });
        }
        out.push(Section {
            begin: start,
            len: end - start,
            unit: true,
        });
        pos = end;
    }
    if pos < len {
        out.push(Section {
            begin: pos,
            len: len - pos,
            unit: false,
        });
    }
    out
}

/// δ² between a section of one coder and a section of another.
fn distance(g: Section, h: Section) -> f64 {
    let sq = |x: f64| x * x;
    let (bg, bh) = (g.begin as f64, h.begin as f64);
    let (eg, eh) = (g.end() as f64, h.end() as f64);
    let overlap = g.begin < h.end() && h.begin < g.end();
    match (g.unit, h.unit) {
        (true, true) if overlap => sq(bg - bh) + sq(eg - eh),
        (true, false) if h.begin <= g.begin && g.end() <= h.end() => sq(g.len as f64),
        (false, true) if g.begin <= h.begin && h.end() <= g.end() => sq(h.len as f64),
        _ => 0.0,
    }
}

/// Σ_g Σ_h δ²(g, h) over two coders' sections of one stretch. Only overlapping sections can be
/// at a distance, and walking both lists together meets each overlapping pair exactly once.
fn pair_distance(a: &[Section], b: &[Section]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        sum += distance(a[i], b[j]);
        let (ea, eb) = (a[i].end(), b[j].end());
        if ea <= eb {
            i += 1;
        }
        if eb <= ea {
            j += 1;
        }
    }
    sum
}

/// Sort `ranges` and merge those that overlap (touching ones stay apart): a coder's units of
/// one category as α_U needs them.
pub fn merge_overlaps(mut ranges: Vec<CharRange>) -> Vec<CharRange> {
    ranges.sort();
    let mut out: Vec<CharRange> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// α_U of one category over a continuum made of `stretches` (see the module docs). Each coder's
/// units in a stretch must be sorted and not overlap (see `merge_overlaps`).
pub fn alpha_u(stretches: &[Stretch]) -> AlphaU {
    let m = stretches.first().map_or(0, |s| s.units.len());
    let length: usize = stretches.iter().map(|s| s.len).sum();
    if m < 2 || length == 0 {
        return AlphaU::new(0.0, 0.0);
    }
    let (big_l, m_f) = (length as f64, m as f64);

    let mut observed = 0.0;
    let mut unit_lengths: Vec<f64> = Vec::new();
    let mut gaps: Vec<usize> = Vec::new();
    for s in stretches {
        let cut: Vec<Vec<Section>> = s.units.iter().map(|u| sections(s.len, u)).collect();
        for (i, a) in cut.iter().enumerate() {
            for b in &cut[i + 1..] {
                observed += pair_distance(a, b);
            }
            for sec in a {
                if sec.unit {
                    unit_lengths.push(sec.len as f64);
                } else {
                    gaps.push(sec.len);
                }
            }
        }
    }
    // δ² is symmetric: the ordered pairs (i, j) and (j, i) count twice.
    let observed = 2.0 * observed / (m_f * (m_f - 1.0) * big_l * big_l);

    // Σ over gaps at least as long as a unit of (l_h − l + 1), from suffix sums of sorted gaps.
    gaps.sort_unstable();
    let mut suffix = vec![0.0; gaps.len() + 1];
    for k in (0..gaps.len()).rev() {
        suffix[k] = suffix[k + 1] + gaps[k] as f64;
    }
    let n_c = unit_lengths.len() as f64;
    let mut numerator = 0.0;
    let mut own_pairs = 0.0;
    for &l in &unit_lengths {
        let first = gaps.partition_point(|&g| (g as f64) < l);
        let count = (gaps.len() - first) as f64;
        let fits = suffix[first] - (l - 1.0) * count;
        numerator += (n_c - 1.0) / 3.0 * (2.0 * l * l * l - 3.0 * l * l + l) + l * l * fits;
        own_pairs += l * (l - 1.0);
    }
    let numerator = numerator * 2.0 / big_l;
    let denominator = m_f * big_l * (m_f * big_l - 1.0) - own_pairs;
    let expected = if denominator > 0.0 {
        numerator / denominator
    } else {
        0.0
    };
    AlphaU::new(observed, expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: usize, end: usize) -> CharRange {
        CharRange::new(start, end)
    }

    #[test]
    fn distances_follow_the_definition() {
        let unit = |begin, len| Section {
            begin,
            len,
            unit: true,
        };
        let gap = |begin, len| Section {
            begin,
            len,
            unit: false,
        };
        // Krippendorff (2004, p. 254): 50, 850 and 400.
        assert_eq!(distance(unit(225, 70), unit(220, 80)), 50.0);
        assert_eq!(distance(unit(370, 30), unit(355, 20)), 850.0);
        assert_eq!(distance(gap(400, 50), unit(400, 20)), 400.0);
        // A unit sticking out of a gap, and two gaps, are at no distance.
        assert_eq!(distance(unit(370, 30), gap(375, 25)), 0.0);
        assert_eq!(distance(gap(0, 10), gap(5, 10)), 0.0);
    }

    #[test]
    fn merging_keeps_touching_units_apart() {
        assert_eq!(
            merge_overlaps(vec![r(5, 9), r(0, 3), r(3, 4), r(2, 3), r(6, 12)]),
            vec![r(0, 3), r(3, 4), r(5, 12)]
        );
    }

    #[test]
    fn nobody_marking_anything_is_undefined_not_nan() {
        let a = alpha_u(&[Stretch {
            len: 10,
            units: vec![vec![], vec![]],
        }]);
        assert_eq!(a.value, None);
        assert_eq!(AlphaU::combine(&[a, a]).value, None);
    }
}
