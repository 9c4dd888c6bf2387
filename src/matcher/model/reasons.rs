//! The model's reasons for one finding: the descriptions of the features that pushed its
//! tokens towards their tags, summed by description, and the heaviest few. The descriptions
//! live in one buffer that every finding of a story reuses, so a feature costs no allocation.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

/// Weights summed by description text.
#[derive(Default)]
pub(super) struct Reasons {
    /// Every description added since the last `clear`, one after the other.
    text: String,
    /// (hash of the description, its byte range in `text`, summed weight).
    entries: Vec<(u64, usize, usize, f32)>,
    /// A description's hash → the first entry with that hash.
    first: foldhash::HashMap<u64, usize>,
    hasher: FixedState,
}

impl Reasons {
    pub(super) fn clear(&mut self) {
        self.text.clear();
        self.entries.clear();
        self.first.clear();
    }

    fn text_of(&self, entry: usize) -> &str {
        let (_, a, b, _) = self.entries[entry];
        &self.text[a..b]
    }

    /// Adds `weight` to the description `d`.
    pub(super) fn add(&mut self, d: &str, weight: f32) {
        let h = self.hasher.hash_one(d);
        if let Some(&i) = self.first.get(&h) {
            // Two descriptions with one hash are told apart by their text.
            let same =
                (i..self.entries.len()).find(|&j| self.entries[j].0 == h && self.text_of(j) == d);
            if let Some(j) = same {
                self.entries[j].3 += weight;
                return;
            }
        } else {
            self.first.insert(h, self.entries.len());
        }
        let a = self.text.len();
        self.text.push_str(d);
        self.entries.push((h, a, self.text.len(), weight));
    }

    /// The `n` heaviest descriptions, heaviest first; equal weights in the descriptions' order.
    pub(super) fn top(&self, n: usize) -> Vec<String> {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        let heavier = |x: &usize, y: &usize| {
            self.entries[*y]
                .3
                .total_cmp(&self.entries[*x].3)
                .then_with(|| self.text_of(*x).cmp(self.text_of(*y)))
        };
        if order.len() > n {
            order.select_nth_unstable_by(n, heavier);
            order.truncate(n);
        }
        order.sort_by(heavier);
        order.iter().map(|&i| self.text_of(i).to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_by_description_and_keeps_the_heaviest() {
        let mut r = Reasons::default();
        r.add("word 'Ada'", 1.0);
        r.add("after title 'President'", 1.5);
        r.add("word 'Ada'", 1.0);
        r.add("in list cities", 0.5);
        r.add("shape Xxx", 1.5);
        assert_eq!(
            r.top(3),
            ["word 'Ada'", "after title 'President'", "shape Xxx"]
        );
        assert_eq!(r.top(10).len(), 4);
        r.clear();
        assert!(r.top(3).is_empty());
        r.add("shape Xxx", 0.1);
        assert_eq!(r.top(3), ["shape Xxx"]);
    }

    /// The same answer as summing in a map keyed by the text and sorting it all.
    #[test]
    fn agrees_with_a_map_of_strings() {
        use proptest::prelude::*;
        proptest!(|(adds in proptest::collection::vec((0u8..12, 0u8..8), 0..60))| {
            let mut r = Reasons::default();
            let mut m: std::collections::HashMap<String, f32> = Default::default();
            for (w, c) in &adds {
                let d = format!("word '{w}'");
                let c = f32::from(*c) * 0.25;
                r.add(&d, c);
                *m.entry(d).or_default() += c;
            }
            let mut v: Vec<(String, f32)> = m.into_iter().collect();
            v.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
            let want: Vec<String> = v.into_iter().take(3).map(|x| x.0).collect();
            prop_assert_eq!(r.top(3), want);
        });
    }
}
