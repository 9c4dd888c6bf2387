//! Viterbi decoding under the BILOU constraints, with max-marginal margins: how much worse the
//! best tagging that changes a token is than the best tagging, which is what a span's score is
//! calibrated from.

use super::tags::{self, Part};

/// Transition scores with the forbidden ones removed, ready for decoding.
///
/// Decoding works in its own order of the tags — every label's B, then O, every U, every L,
/// every I — so that the transitions that cost most, from a closed tag (O, U, L) to one that
/// may start a name (B, O, U), form one dense block of `m × m` (`m` = 2 × labels + 1) over
/// neighbouring slots, which the compiler turns into vector instructions; the few into I and
/// L come from B or I of the same label alone.
pub struct Transitions {
    pub n: usize,
    /// start[y]
    #[cfg(test)]
    pub start: Vec<f32>,
    /// end[y]
    pub end: Vec<f32>,
    /// For each tag y, its allowed predecessors and the score of each transition.
    pub preds: Vec<Vec<(usize, f32)>>,
    labels: usize,
    /// `order[k]`: the tag in slot `k` of the decoding order; `slot[y]` the reverse.
    order: Vec<usize>,
    slot: Vec<usize>,
    /// `start` and `end` by slot.
    start_s: Vec<f32>,
    end_s: Vec<f32>,
    /// `closed[r * m + c]`: from the tag in slot `labels + r` (O, U, L) to the one in slot `c`
    /// (B, O, U).
    closed: Vec<f32>,
    /// Its transpose, `closed_t[c * m + r]`, for the backward pass.
    closed_t: Vec<f32>,
    /// Per label: B→I, I→I, B→L, I→L.
    b_i: Vec<f32>,
    i_i: Vec<f32>,
    b_l: Vec<f32>,
    i_l: Vec<f32>,
}

impl Transitions {
    /// From learned scores: `trans[p * n + y]`, `start[y]`, `end[y]`; `n` is
    /// [`tags::n_tags`] of some number of labels.
    #[allow(clippy::needless_range_loop)] // p and y are tags, indexing three tables
    pub fn new(n: usize, trans: &[f32], start: &[f32], end: &[f32]) -> Self {
        let mut preds = vec![Vec::new(); n];
        let score = |p: usize, y: usize| -> f32 {
            if tags::allowed(Some(p), Some(y)) {
                trans.get(p * n + y).copied().unwrap_or(0.0)
            } else {
                f32::NEG_INFINITY
            }
        };
        for p in 0..n {
            for y in 0..n {
                if tags::allowed(Some(p), Some(y)) {
                    preds[y].push((p, score(p, y)));
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
        let labels = n.saturating_sub(1) / 4;
        debug_assert_eq!(n, tags::n_tags(labels));
        let part = |part| (0..labels).map(move |l| tags::tag(l, part));
        let order: Vec<usize> = part(Part::B)
            .chain([tags::O])
            .chain(part(Part::U))
            .chain(part(Part::L))
            .chain(part(Part::I))
            .collect();
        let mut slot = vec![0; n];
        for (k, &y) in order.iter().enumerate() {
            slot[y] = k;
        }
        let m = 2 * labels + 1;
        let mut closed = vec![f32::NEG_INFINITY; m * m];
        let mut closed_t = vec![f32::NEG_INFINITY; m * m];
        for r in 0..m {
            for c in 0..m {
                let w = score(order[labels + r], order[c]);
                closed[r * m + c] = w;
                closed_t[c * m + r] = w;
            }
        }
        let per_label = |from: Part, to: Part| -> Vec<f32> {
            (0..labels)
                .map(|l| score(tags::tag(l, from), tags::tag(l, to)))
                .collect()
        };
        let start = masked(start, false);
        let end = masked(end, true);
        Transitions {
            n,
            start_s: order.iter().map(|&y| start[y]).collect(),
            end_s: order.iter().map(|&y| end[y]).collect(),
            #[cfg(test)]
            start,
            end,
            preds,
            labels,
            order,
            slot,
            closed,
            closed_t,
            b_i: per_label(Part::B, Part::I),
            i_i: per_label(Part::I, Part::I),
            b_l: per_label(Part::B, Part::L),
            i_l: per_label(Part::I, Part::L),
        }
    }
}

/// The larger of two scores (minus infinity loses to anything).
#[inline]
fn most(a: f32, b: f32) -> f32 {
    if b > a { b } else { a }
}

/// `out[y] = max(out[y], row[y] + a)` for every slot: one pass the compiler turns into vector
/// instructions (forbidden transitions are minus infinity and never win).
#[inline]
fn raise(out: &mut [f32], row: &[f32], a: f32) {
    for (o, &r) in out.iter_mut().zip(row) {
        *o = most(*o, r + a);
    }
}

/// `out[y] = max(out[y], (row[y] + e) + b)`, the backward pass's step, adding in the order
/// the margins have always been computed in.
#[inline]
fn raise2(out: &mut [f32], row: &[f32], e: f32, b: f32) {
    for (o, &r) in out.iter_mut().zip(row) {
        *o = most(*o, r + e + b);
    }
}

/// The best tag sequence for emissions `em[t * n + y]` of `len` tokens, and for each token the
/// margin: best score minus the best score of a sequence with another tag at that token
/// (`f32::INFINITY` when there is no other valid sequence). Margins are computed only when
/// asked for and the best sequence holds a name; otherwise they are empty.
pub fn viterbi(em: &[f32], len: usize, tr: &Transitions, margins: bool) -> (Vec<usize>, Vec<f32>) {
    let n = tr.n;
    let labels = tr.labels;
    let m = 2 * labels + 1;
    if len == 0 {
        return (Vec::new(), Vec::new());
    }
    // The emissions in decoding order.
    let mut es = vec![0.0f32; len * n];
    for (row, src) in es.chunks_exact_mut(n).zip(em.chunks_exact(n)) {
        for (e, &y) in row.iter_mut().zip(&tr.order) {
            *e = src[y];
        }
    }
    // Forward, by slot: each tag's best score so far; the best predecessor is found again while
    // tracing back (one tag a token), which keeps this loop free of bookkeeping.
    let mut delta = vec![f32::NEG_INFINITY; len * n];
    for k in 0..n {
        delta[k] = tr.start_s[k] + es[k];
    }
    for t in 1..len {
        let (prev, cur) = delta.split_at_mut(t * n);
        let prev = &prev[(t - 1) * n..];
        let cur = &mut cur[..n];
        for (r, &a) in prev[labels..labels + m].iter().enumerate() {
            if a > f32::NEG_INFINITY {
                raise(&mut cur[..m], &tr.closed[r * m..(r + 1) * m], a);
            }
        }
        for l in 0..labels {
            let (b, i) = (prev[l], prev[3 * labels + 1 + l]);
            cur[2 * labels + 1 + l] = most(b + tr.b_l[l], i + tr.i_l[l]);
            cur[3 * labels + 1 + l] = most(b + tr.b_i[l], i + tr.i_i[l]);
        }
        for (c, &e) in cur.iter_mut().zip(&es[t * n..(t + 1) * n]) {
            *c += e;
        }
    }
    let last = (len - 1) * n;
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0;
    for y in 0..n {
        let v = delta[last + tr.slot[y]] + tr.end[y];
        if v > best {
            best = v;
            arg = y;
        }
    }
    let mut path = vec![0usize; len];
    path[len - 1] = arg;
    for t in (1..len).rev() {
        let prev = &delta[(t - 1) * n..t * n];
        let mut top = f32::NEG_INFINITY;
        let mut back = 0;
        for &(p, w) in &tr.preds[path[t]] {
            let v = prev[tr.slot[p]] + w;
            if v > top {
                top = v;
                back = p;
            }
        }
        path[t - 1] = back;
    }
    // Margins only matter for the names found.
    if !margins || path.iter().all(|&t| t == tags::O) {
        return (path, Vec::new());
    }
    // Backward, by slot: beta[t][k] = best score of tokens after t given the tag in slot k.
    let mut beta = vec![f32::NEG_INFINITY; len * n];
    beta[last..last + n].copy_from_slice(&tr.end_s);
    for t in (0..len - 1).rev() {
        let (now, next) = beta.split_at_mut((t + 1) * n);
        let now = &mut now[t * n..];
        let next = &next[..n];
        let e = &es[(t + 1) * n..(t + 2) * n];
        for c in 0..m {
            if next[c] > f32::NEG_INFINITY {
                raise2(
                    &mut now[labels..labels + m],
                    &tr.closed_t[c * m..(c + 1) * m],
                    e[c],
                    next[c],
                );
            }
        }
        for l in 0..labels {
            let (kl, ki) = (2 * labels + 1 + l, 3 * labels + 1 + l);
            now[l] = most(tr.b_l[l] + e[kl] + next[kl], tr.b_i[l] + e[ki] + next[ki]);
            now[ki] = most(tr.i_l[l] + e[kl] + next[kl], tr.i_i[l] + e[ki] + next[ki]);
        }
    }
    let margins = (0..len)
        .map(|t| {
            let on = tr.slot[path[t]];
            let mut other = f32::NEG_INFINITY;
            for k in (0..n).filter(|&k| k != on) {
                other = other.max(delta[t * n + k] + beta[t * n + k]);
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

    /// Every valid tag sequence of `len` tokens with its score.
    fn every(em: &[f32], len: usize, tr: &Transitions) -> Vec<(Vec<usize>, f32)> {
        let n = tr.n;
        let mut all = Vec::new();
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
            all.push((seq, s));
        }
        all
    }

    fn brute(em: &[f32], len: usize, tr: &Transitions) -> f32 {
        every(em, len, tr)
            .into_iter()
            .fold(f32::NEG_INFINITY, |m, (_, s)| m.max(s))
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

        /// The margins equal, token by token, the best score minus the best score of any
        /// sequence with another tag there — for one to three labels.
        #[test]
        fn margins_match_every_sequence(
            labels in 1usize..4,
            len in 1usize..5,
            raw in proptest::collection::vec(-5.0f32..5.0, 4 * 13 + 169 + 26),
        ) {
            let n = tags::n_tags(labels);
            let em = &raw[..len * n];
            let trans = &raw[52..52 + n * n];
            let start = &raw[221..221 + n];
            let end = &raw[234..234 + n];
            let tr = Transitions::new(n, trans, start, end);
            let (path, margins) = viterbi(em, len, &tr, true);
            let all = every(em, len, &tr);
            let best = all.iter().fold(f32::NEG_INFINITY, |m, x| m.max(x.1));
            let mine = all.iter().find(|(seq, _)| *seq == path).map(|x| x.1);
            prop_assert!(mine.is_some_and(|s| (s - best).abs() < 1e-3));
            if path.iter().all(|&t| t == tags::O) {
                prop_assert!(margins.is_empty());
            } else {
                for (t, m) in margins.iter().enumerate() {
                    let other = all
                        .iter()
                        .filter(|(seq, _)| seq[t] != path[t])
                        .fold(f32::NEG_INFINITY, |m, x| m.max(x.1));
                    prop_assert!((m - (best - other)).abs() < 1e-3 || (m.is_infinite() && other.is_infinite()));
                }
            }
        }
    }
}
