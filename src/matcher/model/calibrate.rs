//! Turning a span's margin into a probability (Platt scaling: p = σ(a·m + b), a ≥ 0 so the score
//! never falls as the margin grows), fitted on held-out predictions, and the reliability table
//! that checks it.

/// Margins beyond this are all "very sure".
const MAX_MARGIN: f32 = 100.0;

/// Platt parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Platt {
    pub a: f32,
    pub b: f32,
}

impl Default for Platt {
    /// A cautious prior for a model with no held-out predictions yet.
    fn default() -> Self {
        Platt { a: 0.15, b: -0.5 }
    }
}

impl Platt {
    pub fn prob(&self, margin: f32) -> f32 {
        let m = if margin.is_finite() {
            margin.min(MAX_MARGIN)
        } else {
            MAX_MARGIN
        };
        let z = (self.a * m + self.b).clamp(-40.0, 40.0);
        1.0 / (1.0 + (-z).exp())
    }

    /// Fit on (margin, right) pairs by Newton's method on the log loss, with Platt's smoothed
    /// targets (so pairs all right or all wrong still give a finite fit). Fewer than ten pairs
    /// give the default.
    pub fn fit(points: &[(f32, bool)]) -> Platt {
        let pos = points.iter().filter(|p| p.1).count() as f64;
        let neg = points.len() as f64 - pos;
        if points.len() < 10 {
            return Platt::default();
        }
        let hi = (pos + 1.0) / (pos + 2.0);
        let lo = 1.0 / (neg + 2.0);
        let xs: Vec<(f64, f64)> = points
            .iter()
            .map(|&(m, y)| {
                let m = if m.is_finite() {
                    m as f64
                } else {
                    MAX_MARGIN as f64
                };
                (m.min(MAX_MARGIN as f64), if y { hi } else { lo })
            })
            .collect();
        let (mut a, mut b) = (0.1f64, 0.0f64);
        for _ in 0..100 {
            // Gradient and Hessian of the mean log loss, with a tiny ridge.
            let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6);
            for &(x, t) in &xs {
                let p = 1.0 / (1.0 + (-(a * x + b)).exp());
                let d = p - t;
                let w = (p * (1.0 - p)).max(1e-9);
                ga += d * x;
                gb += d;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            let det = haa * hbb - hab * hab;
            if det.abs() < 1e-12 {
                break;
            }
            let da = (hbb * ga - hab * gb) / det;
            let db = (haa * gb - hab * ga) / det;
            // Halve the step until the loss does not grow.
            let before = loss(&xs, a, b);
            let mut step = 1.0;
            while step > 1e-4 && loss(&xs, a - step * da, b - step * db) > before + 1e-12 {
                step /= 2.0;
            }
            a -= step * da;
            b -= step * db;
            if (step * da).abs() < 1e-7 && (step * db).abs() < 1e-7 {
                break;
            }
        }
        if !a.is_finite() || !b.is_finite() {
            return Platt::default();
        }
        Platt {
            a: a.max(1e-4) as f32,
            b: b as f32,
        }
    }
}

fn loss(xs: &[(f64, f64)], a: f64, b: f64) -> f64 {
    xs.iter()
        .map(|&(x, t)| {
            let z = a * x + b;
            // log(1 + e^z) − t·z, computed stably.
            let softplus = if z > 0.0 {
                z + (-z).exp().ln_1p()
            } else {
                z.exp().ln_1p()
            };
            softplus - t * z
        })
        .sum()
}

/// A reliability table: for each score bucket [lo, lo + 0.1) from 0.0 to 1.0, how many
/// predictions fell in it and how many were right.
pub fn reliability(points: &[(f32, bool)]) -> Vec<(f32, usize, usize)> {
    let mut out: Vec<(f32, usize, usize)> = (0..10).map(|k| (k as f32 / 10.0, 0, 0)).collect();
    for &(p, right) in points {
        let k = ((p * 10.0) as usize).min(9);
        out[k].1 += 1;
        out[k].2 += right as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fits_a_logistic_relation() {
        // Right with probability σ(0.5 m − 1), deterministic pseudo-random draws.
        let mut pts = Vec::new();
        let mut x = 12345u64;
        for i in 0..4000 {
            let m = (i % 40) as f32 * 0.5;
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let r = (x >> 40) as f32 / (1u64 << 24) as f32;
            let p = 1.0 / (1.0 + (-(0.5 * m - 1.0)).exp());
            pts.push((m, r < p));
        }
        let f = Platt::fit(&pts);
        assert!((f.a - 0.5).abs() < 0.1, "{f:?}");
        assert!((f.b + 1.0).abs() < 0.3, "{f:?}");
    }

    proptest! {
        #[test]
        fn calibration_is_monotone(
            pts in proptest::collection::vec((-10.0f32..50.0, any::<bool>()), 0..200),
            m1 in -10.0f32..100.0,
            m2 in -10.0f32..100.0,
        ) {
            let f = Platt::fit(&pts);
            let (lo, hi) = if m1 <= m2 { (m1, m2) } else { (m2, m1) };
            prop_assert!(f.prob(lo) <= f.prob(hi));
            prop_assert!((0.0..=1.0).contains(&f.prob(lo)));
        }
    }
}
