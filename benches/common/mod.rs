//! Shared by the benchmarks that generate their own text (`quotes`, `scale`, `matcher`,
//! `view`): a small deterministic random number generator and invented first names. Not a
//! benchmark of its own.
#![allow(dead_code)]

/// A linear congruential generator: the same numbers on every run and platform.
pub struct Rng(pub u64);

impl Rng {
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    /// One of `xs`.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// First names of the generated people.
pub const FIRST: &[&str] = &[
    "Maria", "James", "Anna", "Robert", "Elena", "David", "Sofia", "Michael", "Laura", "Peter",
];
