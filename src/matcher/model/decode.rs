//! Viterbi decoding under the BILOU constraints, with max-marginal margins: how much worse the
//! best tagging that changes a token is than the best tagging, which is what a span's score is
//! calibrated from.

use super::tags;

/// Transition scores with the forbidden ones removed, ready for decoding.
pub struct Transitions {
    pub n: usize,
    /// start[y]
    pub start: Vec<f32>,
    /// end[y]
    pub end: Vec<f32>,
    /// For each tag y, its allowed predecessors and the score of each transition.
    pub preds: Vec<Vec<(usize, f32)>>,
    /// For each tag y, its allowed successors and the score of each transition.
    pub succs: Vec<Vec<(usize, f32)>>,
}

impl Transitions {
    /// From learned scores: `trans[p * n + y]`, `start[y]`, `end[y]`.
    #[allow(clippy::needless_range_loop)] // p and y are tags, indexing three tables
    pub fn new(n: usize, trans: &[f32], start: &[f32], end: &[f32]) -> Self {
        let mut preds = vec![Vec::new(); n];
        let mut succs = vec![Vec::new(); n];
        for p in 0..n {
            for y in 0..n {
                if tags::allowed(Some(p), Some(y)) {
                    let w = trans.get(p * n + y).copied().unwrap_or(0.0);
                    preds[y].push((p, w));
                    succs[p].push((y, w));
                }
            }
        }
        let masked = |v: &[f32], end: bool| -> Vec<f32> {
            (0..n)
                .map(|y| {
                    let ok = if end {
                        tags::allowed(Some(y), None)
                    } else {
                        tags::allowed(None, Some(y))
                    };
                    if ok {
                        v.get(y).copied().unwrap_or(0.0)
                    } else {
                        f32::NEG_INFINITY
                    }
                })
                .collect()
        };
        Transitions {
            n,
            start: masked(start, false),
            end: masked(end, true),
            preds,
            succs,
        }
    }
}

/// The best tag sequence for emissions `em[t * n + y]` of `len` tokens, and for each token the
/// margin: best score minus the best score of a sequence with another tag at that token
/// (`f32::INFINITY` when there is no other valid sequence). Margins are computed only when
/// asked for and the best sequence holds a name; otherwise they are empty.
pub fn viterbi(em: &[f32], len: usize, tr: &Transitions, margins: bool) -> (Vec<usize>, Vec<f32>) {
    let n = tr.n;
    if len == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut delta = vec![f32::NEG_INFINITY; len * n];
    let mut back = vec![0u16; len * n];
    for y in 0..n {
        delta[y] = tr.start[y] + em[y];
    }
    for t in 1..len {
        let (prev, cur) = delta.split_at_mut(t * n);
        let prev = &prev[(t - 1) * n..];
        for y in 0..n {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for &(p, w) in &tr.preds[y] {
                let v = prev[p] + w;
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            cur[y] = best + em[t * n + y];
            back[t * n + y] = arg as u16;
        }
    }
    let last = (len - 1) * n;
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0;
    for y in 0..n {
        let v = delta[last + y] + tr.end[y];
        if v > best {
            best = v;
            arg = y;
        }
    }
    let mut path = vec![0usize; len];
    path[len - 1] = arg;
    for t in (1..len).rev() {
        path[t - 1] = back[t * n + path[t]] as usize;
    }
    // Margins only matter for the names found.
    if !margins || path.iter().all(|&t| t == tags::O) {
        return (path, Vec::new());
    }
    // Backward: beta[t][y] = best score of tokens after t given tag y at t.
    let mut beta = vec![f32::NEG_INFINITY; len * n];
    beta[last..last + n].copy_from_slice(&tr.end);
    for t in (0..len - 1).rev() {
        for y in 0..n {
            let mut b = f32::NEG_INFINITY;
            for &(s, w) in &tr.succs[y] {
                let v = w + em[(t + 1) * n + s] + beta[(t + 1) * n + s];
                if v > b {
                    b = v;
                }
            }
            beta[t * n + y] = b;
        }
    }
    let margins = (0..len)
        .map(|t| {
            let mut other = f32::NEG_INFINITY;
            for y in (0..n).filter(|&y| y != path[t]) {
                other = other.max(delta[t * n + y] + beta[t * n + y]);
            }
            best - other
        })
        .collect();
    (path, margins)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn brute(em: &[f32], len: usize, tr: &Transitions) -> f32 {
        let n = tr.n;
        let mut best = f32::NEG_INFINITY;
        let total = n.pow(len as u32);
        for code in 0..total {
            let mut c = code;
            let seq: Vec<usize> = (0..len)
                .map(|_| {
                    let y = c % n;
                    c /= n;
                    y
                })
                .collect();
            if !tags::valid(&seq) {
                continue;
            }
            let mut s = tr.start[seq[0]] + em[seq[0]];
            for t in 1..len {
                let w = tr.preds[seq[t]]
                    .iter()
                    .find(|(p, _)| *p == seq[t - 1])
                    .map_or(f32::NEG_INFINITY, |x| x.1);
                s += w + em[t * n + seq[t]];
            }
            s += tr.end[seq[len - 1]];
            best = best.max(s);
        }
        best
    }

    proptest! {
        #[test]
        fn viterbi_is_valid_and_optimal(
            len in 1usize..5,
            raw in proptest::collection::vec(-5.0f32..5.0, 4 * 9 + 81 + 18),
        ) {
            let n = tags::n_tags(2);
            let trans = &raw[36..36 + 81];
            let start = &raw[117..126];
            let end = &raw[126..135];
            let tr = Transitions::new(n, trans, start, end);
            let em = &raw[..len * n];
            let (path, margins) = viterbi(em, len, &tr, true);
            prop_assert!(tags::valid(&path));
            let mut score = tr.start[path[0]] + em[path[0]];
            for t in 1..len {
                let w = tr.preds[path[t]].iter().find(|(p, _)| *p == path[t - 1]).map_or(0.0, |x| x.1);
                score += w + em[t * n + path[t]];
            }
            score += tr.end[path[len - 1]];
            prop_assert!((score - brute(em, len, &tr)).abs() < 1e-3);
            for m in margins {
                prop_assert!(m >= -1e-3);
            }
        }
    }
}
