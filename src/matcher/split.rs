//! Cutting one long document's findings where no finding crosses, so that the steps which
//! only ever compare overlapping findings — fitting labels, merging equal ranges, resolving
//! overlaps — run on the parts in parallel and give exactly what they give on the whole.
//!
//! A cut is a position `p` no range strictly contains (`start < p < end`): every finding
//! starting before `p` ends at or before it, so no finding of one part overlaps, or equals,
//! one of another. Parts are in text order, and each part's result sorted by range is a run
//! of the whole result sorted by range.

/// Up to `parts - 1` ascending cut positions splitting `ranges` into runs of roughly equal
/// extent of a text `len` long; fewer when the ranges leave no room (or one is inverted).
pub fn cuts(
    ranges: impl IntoIterator<Item = (usize, usize)>,
    len: usize,
    parts: usize,
) -> Vec<usize> {
    let mut v: Vec<(usize, usize)> = ranges.into_iter().collect();
    if parts < 2 || v.iter().any(|&(a, b)| a > b) {
        return Vec::new();
    }
    v.sort_unstable();
    let mut out: Vec<usize> = Vec::with_capacity(parts - 1);
    let mut target = 1;
    let mut max_end = 0;
    for &(start, end) in &v {
        let goal = len / parts * target;
        if start >= goal && max_end <= start && start > 0 && out.last() != Some(&start) {
            out.push(start);
            target += 1;
            if target == parts {
                break;
            }
        }
        max_end = max_end.max(end);
    }
    out
}

/// The part a range starting at `start` belongs to.
pub fn part_of(cuts: &[usize], start: usize) -> usize {
    cuts.partition_point(|&c| c <= start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_where_nothing_crosses() {
        let ranges = [(0, 5), (3, 12), (12, 14), (20, 30), (25, 26), (40, 41)];
        let c = cuts(ranges, 50, 3);
        assert_eq!(c, [20, 40]);
        for &p in &c {
            assert!(ranges.iter().all(|&(a, b)| !(a < p && p < b)));
        }
        assert_eq!(part_of(&c, 19), 0);
        assert_eq!(part_of(&c, 20), 1);
        assert_eq!(part_of(&c, 45), 2);
        // One range over everything: no cut.
        assert!(cuts([(0, 50), (10, 20)], 50, 2).is_empty());
        assert!(cuts([(5, 1)], 50, 2).is_empty());
    }
}
