//! The weights (a hashed table of one score per feature slot and tag, plus tag transitions) and
//! their training: a structured averaged perceptron over sentences.

use super::decode::{Transitions, viterbi};
use super::features::{FeatureText, mix};
use super::tags;

/// Scores: `emit[slot * n + tag]`, `trans[prev * n + tag]`, `start[tag]`, `end[tag]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    pub bits: u32,
    pub n: usize,
    pub emit: Vec<f32>,
    pub trans: Vec<f32>,
    pub start: Vec<f32>,
    pub end: Vec<f32>,
}

/// The table size for `n` tags: 2^18 slots, fewer when there are many tags, so the table stays
/// near 20 MB.
pub fn bits_for(n: usize) -> u32 {
    let mut bits = 16;
    while bits > 14 && (1usize << bits) * n * 4 > 20 << 20 {
        bits -= 1;
    }
    bits
}

#[inline]
pub fn slot(bits: u32, template: u16, key: u64) -> u32 {
    (mix(key ^ (template as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> (64 - bits)) as u32
}

impl Weights {
    pub fn zeros(n: usize, bits: u32) -> Self {
        Weights {
            bits,
            n,
            emit: vec![0.0; (1usize << bits) * n],
            trans: vec![0.0; n * n],
            start: vec![0.0; n],
            end: vec![0.0; n],
        }
    }

    pub fn transitions(&self) -> Transitions {
        Transitions::new(self.n, &self.trans, &self.start, &self.end)
    }

    /// These weights with tags renumbered (`map[old] = new`) into `n` tags and `bits` slots
    /// (`bits` ≤ self.bits: slots fold together by their top bits).
    pub fn remap(&self, map: &[usize], n: usize, bits: u32) -> Weights {
        let mut w = Weights::zeros(n, bits);
        let shift = self.bits.saturating_sub(bits);
        for s in 0..1usize << self.bits {
            let row = &self.emit[s * self.n..(s + 1) * self.n];
            let ns = s >> shift;
            for (old, &v) in row.iter().enumerate() {
                if v != 0.0 {
                    w.emit[ns * n + map[old]] += v;
                }
            }
        }
        for p in 0..self.n {
            for y in 0..self.n {
                w.trans[map[p] * n + map[y]] = self.trans[p * self.n + y];
            }
            w.start[map[p]] = self.start[p];
            w.end[map[p]] = self.end[p];
        }
        w
    }

    /// These weights moved back towards `from` (same shape): `from + lambda · (self − from)`.
    pub fn blend_from(&mut self, from: &Weights, lambda: f32) {
        let mix = |a: &mut [f32], b: &[f32]| {
            for (x, y) in a.iter_mut().zip(b) {
                *x = y + lambda * (*x - y);
            }
        };
        mix(&mut self.emit, &from.emit);
        mix(&mut self.trans, &from.trans);
        mix(&mut self.start, &from.start);
        mix(&mut self.end, &from.end);
    }

    /// Emission scores of the tokens whose feature slots are `feats` (one slice per token).
    pub fn emissions<'f>(&self, feats: impl Iterator<Item = &'f [u32]>, out: &mut Vec<f32>) {
        out.clear();
        let n = self.n;
        for fs in feats {
            let base = out.len();
            out.resize(base + n, 0.0);
            let acc = &mut out[base..base + n];
            // Fixed row sizes let the compiler keep the sums in registers.
            match n {
                5 => add_rows::<5>(&self.emit, fs, acc),
                9 => add_rows::<9>(&self.emit, fs, acc),
                13 => add_rows::<13>(&self.emit, fs, acc),
                17 => add_rows::<17>(&self.emit, fs, acc),
                21 => add_rows::<21>(&self.emit, fs, acc),
                25 => add_rows::<25>(&self.emit, fs, acc),
                _ => {
                    for &s in fs {
                        let row = &self.emit[s as usize * n..s as usize * n + n];
                        for (a, r) in acc.iter_mut().zip(row) {
                            *a += r;
                        }
                    }
                }
            }
        }
    }
}

#[inline]
fn add_rows<const N: usize>(emit: &[f32], slots: &[u32], acc: &mut [f32]) {
    let mut sum = [0f32; N];
    for &s in slots {
        if let Some(row) = emit.get(s as usize * N..s as usize * N + N) {
            for k in 0..N {
                sum[k] += row[k];
            }
        }
    }
    acc.copy_from_slice(&sum);
}

/// Feature slots of every token of a sentence: token k's slots are
/// `slots[offsets[k]..offsets[k + 1]]`.
pub struct SentenceFeatures {
    pub slots: Vec<u32>,
    pub offsets: Vec<u32>,
}

impl SentenceFeatures {
    pub fn of(doc: &FeatureText, s: usize, e: usize, bits: u32) -> Self {
        let mut slots = Vec::with_capacity((e - s) * 48);
        let mut offsets = Vec::with_capacity(e - s + 1);
        offsets.push(0);
        for i in s..e {
            doc.features(i, s, e, &mut |t, k, _| slots.push(slot(bits, t, k)));
            offsets.push(slots.len() as u32);
        }
        SentenceFeatures { slots, offsets }
    }

    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn token(&self, k: usize) -> &[u32] {
        &self.slots[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }

    pub fn tokens(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.len()).map(|k| self.token(k))
    }
}

/// One training sentence: features, gold tags and rejected spans (token ranges, tag label).
pub struct Instance {
    pub feats: SentenceFeatures,
    pub gold: Vec<usize>,
    pub rejected: Vec<(usize, usize, usize)>,
}

/// Averaged perceptron state: `w` the current weights, `u` the sum of c·update, so the average
/// is `w − u / c`.
struct Trainer {
    w: Weights,
    u: Weights,
    c: f32,
}

impl Trainer {
    #[inline]
    fn bump(&mut self, which: Which, i: usize, d: f32) {
        let c = self.c;
        let (w, u) = match which {
            Which::Emit => (&mut self.w.emit[i], &mut self.u.emit[i]),
            Which::Trans => (&mut self.w.trans[i], &mut self.u.trans[i]),
            Which::Start => (&mut self.w.start[i], &mut self.u.start[i]),
            Which::End => (&mut self.w.end[i], &mut self.u.end[i]),
        };
        *w += d;
        *u += c * d;
    }

    /// Move the weights towards `gold` and away from `pred` (scaled by `d`).
    fn update(&mut self, inst: &Instance, gold: &[usize], pred: &[usize], d: f32) {
        let n = self.w.n;
        let len = gold.len();
        for t in 0..len {
            if gold[t] != pred[t] {
                for &s in inst.feats.token(t) {
                    self.bump(Which::Emit, s as usize * n + gold[t], d);
                    self.bump(Which::Emit, s as usize * n + pred[t], -d);
                }
            }
            if t == 0 {
                if gold[0] != pred[0] {
                    self.bump(Which::Start, gold[0], d);
                    self.bump(Which::Start, pred[0], -d);
                }
            } else if gold[t - 1] != pred[t - 1] || gold[t] != pred[t] {
                self.bump(Which::Trans, gold[t - 1] * n + gold[t], d);
                self.bump(Which::Trans, pred[t - 1] * n + pred[t], -d);
            }
        }
        if len > 0 && gold[len - 1] != pred[len - 1] {
            self.bump(Which::End, gold[len - 1], d);
            self.bump(Which::End, pred[len - 1], -d);
        }
    }

    fn averaged(self) -> Weights {
        let c = self.c;
        let avg = |w: &[f32], u: &[f32]| -> Vec<f32> {
            w.iter().zip(u).map(|(w, u)| w - u / c).collect()
        };
        Weights {
            bits: self.w.bits,
            n: self.w.n,
            emit: avg(&self.w.emit, &self.u.emit),
            trans: avg(&self.w.trans, &self.u.trans),
            start: avg(&self.w.start, &self.u.start),
            end: avg(&self.w.end, &self.u.end),
        }
    }
}

#[derive(Clone, Copy)]
enum Which {
    Emit,
    Trans,
    Start,
    End,
}

/// A small deterministic generator for shuffling.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(mix(seed ^ 0x2545_f491_4f6c_dd1d) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Train from `start` weights (zeros or a base model's) for `epochs` passes over `data`.
pub fn train(data: &[&Instance], start: Weights, epochs: usize, seed: u64) -> Weights {
    let u = Weights {
        bits: start.bits,
        n: start.n,
        emit: vec![0.0; start.emit.len()],
        trans: vec![0.0; start.trans.len()],
        start: vec![0.0; start.n],
        end: vec![0.0; start.n],
    };
    let mut tr = Trainer {
        w: start,
        u,
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(seed);
    let mut em = Vec::new();
    let mut trans = tr.w.transitions();
    let mut updates = 0usize;
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let inst = data[k];
            let len = inst.feats.len();
            if len == 0 {
                continue;
            }
            tr.w.emissions(inst.feats.tokens(), &mut em);
            let (pred, _) = viterbi(&em, len, &trans, false);
            if pred != inst.gold {
                tr.update(inst, &inst.gold, &pred, 1.0);
                // A rejected span predicted again: a second push towards the gold tags.
                let found = tags::decode(&pred);
                if inst.rejected.iter().any(|r| found.contains(r)) {
                    tr.update(inst, &inst.gold, &pred, 1.0);
                }
                updates += 1;
                // Transition scores change with updates; refresh the decoder's copy now and then.
                if updates.is_multiple_of(8) {
                    trans = tr.w.transitions();
                }
            }
            tr.c += 1.0;
        }
    }
    tr.averaged()
}
