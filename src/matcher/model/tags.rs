//! BILOU tags over a model's labels: names to tags, tags back to names, and which tag may
//! follow which (the constraints Viterbi decoding obeys).
//!
//! Tag 0 is `O`; label `l` has tags `1 + 4l + {B, I, L, U}`.

/// The outside tag.
pub const O: usize = 0;

/// Where a token stands in a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Begins a name of two or more tokens.
    B = 0,
    /// Inside a name.
    I = 1,
    /// Last token of a name of two or more tokens.
    L = 2,
    /// A name of one token.
    U = 3,
}

/// How many tags a model with `labels` labels has.
pub fn n_tags(labels: usize) -> usize {
    1 + 4 * labels
}

pub fn tag(label: usize, part: Part) -> usize {
    1 + 4 * label + part as usize
}

/// The label and part of a tag; `None` for `O`.
pub fn split(tag: usize) -> Option<(usize, Part)> {
    if tag == O {
        return None;
    }
    let part = match (tag - 1) % 4 {
        0 => Part::B,
        1 => Part::I,
        2 => Part::L,
        _ => Part::U,
    };
    Some(((tag - 1) / 4, part))
}

/// Whether `next` may follow `prev`; `None` is the start (as `prev`) or the end (as `next`).
pub fn allowed(prev: Option<usize>, next: Option<usize>) -> bool {
    let open = prev
        .and_then(split)
        .filter(|(_, p)| matches!(p, Part::B | Part::I));
    match (open, next.map(split)) {
        // Inside a name: only I or L of the same label may follow.
        (Some((l, _)), Some(Some((m, Part::I | Part::L)))) => l == m,
        (Some(_), _) => false,
        // Outside a name: O, B or U (or the end).
        (None, Some(Some((_, Part::I | Part::L)))) => false,
        (None, _) => true,
    }
}

/// Whether a whole sequence obeys the constraints.
#[cfg(test)]
pub fn valid(tags: &[usize]) -> bool {
    let mut prev = None;
    for &t in tags {
        if !allowed(prev, Some(t)) {
            return false;
        }
        prev = Some(t);
    }
    allowed(prev, None)
}

/// Tags for `n` tokens with names as token ranges `start..end` (end-exclusive) and labels.
/// Overlapping or empty ranges are skipped (the first one wins).
pub fn encode(n: usize, names: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut tags = vec![O; n];
    for &(s, e, l) in names {
        if s >= e || e > n || tags[s..e].iter().any(|&t| t != O) {
            continue;
        }
        if e - s == 1 {
            tags[s] = tag(l, Part::U);
        } else {
            tags[s] = tag(l, Part::B);
            for t in &mut tags[s + 1..e - 1] {
                *t = tag(l, Part::I);
            }
            tags[e - 1] = tag(l, Part::L);
        }
    }
    tags
}

/// Names in a tag sequence as token ranges and labels. A valid sequence gives exactly the names
/// it encodes; an invalid one is read leniently (a B or I without its L closes where the label
/// changes).
pub fn decode(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (start, label)
    for (i, &t) in tags.iter().enumerate() {
        let s = split(t);
        if let Some((start, l)) = open {
            match s {
                Some((m, Part::I)) if m == l => continue,
                Some((m, Part::L)) if m == l => {
                    out.push((start, i + 1, l));
                    open = None;
                    continue;
                }
                _ => {
                    out.push((start, i, l));
                    open = None;
                }
            }
        }
        match s {
            Some((l, Part::U)) => out.push((i, i + 1, l)),
            Some((l, _)) => open = Some((i, l)),
            None => {}
        }
    }
    if let Some((start, l)) = open {
        out.push((start, tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parts_round_trip() {
        for l in 0..5 {
            for p in [Part::B, Part::I, Part::L, Part::U] {
                assert_eq!(split(tag(l, p)), Some((l, p)));
            }
        }
        assert_eq!(split(O), None);
    }

    #[test]
    fn constraints() {
        assert!(allowed(None, Some(tag(0, Part::B))));
        assert!(!allowed(None, Some(tag(0, Part::I))));
        assert!(allowed(Some(tag(1, Part::B)), Some(tag(1, Part::L))));
        assert!(!allowed(Some(tag(1, Part::B)), Some(tag(0, Part::L))));
        assert!(!allowed(Some(tag(1, Part::B)), Some(O)));
        assert!(!allowed(Some(tag(1, Part::I)), None));
        assert!(allowed(Some(tag(1, Part::U)), None));
    }

    proptest! {
        #[test]
        fn encode_decode_round_trips(
            n in 0usize..30,
            raw in proptest::collection::vec((0usize..30, 1usize..5, 0usize..3), 0..8),
        ) {
            // Non-overlapping names within n tokens.
            let mut names: Vec<(usize, usize, usize)> = Vec::new();
            for (s, len, l) in raw {
                let e = s + len;
                if e <= n && names.iter().all(|&(a, b, _)| e <= a || s >= b) {
                    names.push((s, e, l));
                }
            }
            names.sort();
            let tags = encode(n, &names);
            prop_assert!(valid(&tags));
            prop_assert_eq!(decode(&tags), names);
        }

        #[test]
        fn decode_never_overlaps(tags in proptest::collection::vec(0usize..9, 0..30)) {
            let names = decode(&tags);
            for w in names.windows(2) {
                prop_assert!(w[0].1 <= w[1].0);
            }
            for &(s, e, _) in &names {
                prop_assert!(s < e && e <= tags.len());
            }
        }
    }
}
