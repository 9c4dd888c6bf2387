//! Horses and races in a racing report: "Kasztelan, ridden by Szczepan Mazurkiewicz", "1.
//! AMIR AL-SAHRA (R. Abdullaev/A. de la Torre) 3.20", "NAGRODA MOKOTOWA (1,600m, 4yo+)". A horse is no person, company or place, whatever its name looks like, and
//! neither is a race; once the report shows a name to be a horse's, every finding of that name
//! (in any case) is dropped.

use std::collections::HashSet;

use crate::model::{Document, Suggestion};

/// Drop the findings that name a horse or a race, in a racing report.
pub(super) fn drop_horses(
    doc: &Document,
    found: &mut Vec<Suggestion>,
    from_model: &mut Vec<Suggestion>,
) {
    let text = &doc.text;
    let has = |w: &str| {
        text.as_bytes()
            .windows(w.len())
            .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    };
    // In any case, without a lower-case copy of every story.
    let racing = (has("ridden by") || has("jockey")) && (has("trainer") || has("trained by"));
    if !racing {
        return;
    }
    let mut horses: HashSet<String> = HashSet::new();
    for s in found.iter().chain(from_model.iter()) {
        let (a, b) = s.range();
        if a >= b {
            continue;
        }
        let (x, y) = (doc.byte_of(a), doc.byte_of(b));
        if is_horse_or_race(&text[..x], &text[y..]) {
            horses.insert(text[x..y].to_lowercase());
        }
    }
    if horses.is_empty() {
        return;
    }
    let keep = |s: &Suggestion| {
        let (a, b) = s.range();
        a >= b || !horses.contains(&doc.slice(a, b).to_lowercase())
    };
    found.retain(keep);
    from_model.retain(keep);
}

/// Whether the name between `before` and `after` is a horse's or a race's, by what follows
/// (or, for a ride, what comes before).
fn is_horse_or_race(before: &str, after: &str) -> bool {
    let after_comma = after.strip_prefix(',').unwrap_or(after).trim_start();
    // Not "X's trainer": owners and stables are written so too ("Sheikh Hamdan's trainer").
    if ["ridden by", "trained by"]
        .iter()
        .any(|c| after_comma.starts_with(c))
    {
        return true;
    }
    if before.trim_end().ends_with(" rode") || before.trim_end().ends_with(" riding") {
        return true;
    }
    let Some(inside) = after.strip_prefix(" (") else {
        return false;
    };
    let end = inside.find(')').unwrap_or(inside.len());
    if end > 80 {
        return false;
    }
    let inside = &inside[..end];
    // "(R. Abdullaev/A. de la Torre)": its jockey and trainer.
    let pair = inside.split_once('/').is_some_and(|(j, t)| {
        let initial = |p: &str| {
            let mut c = p.trim().chars();
            c.next().is_some_and(char::is_uppercase) && c.next() == Some('.')
        };
        initial(j) && initial(t)
    });
    // "(1,600m, 4yo+)", "(2,600m, 3yo+)", "(7f, handicap)": a race's distance.
    let distance = {
        let first = inside.split(", ").next().unwrap_or("").trim();
        let digits = first.trim_end_matches(['m', 'f']);
        first.len() > digits.len()
            && !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == ',')
    };
    pair || distance
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn horses_and_races_by_what_follows_them() {
        assert!(is_horse_or_race("", ", ridden by Jan Kratochvil,"));
        assert!(!is_horse_or_race("", "'s trainer Andrzej Torres"));
        assert!(is_horse_or_race(
            "1. ",
            " (R. Abdullaev/A. de la Torre) 3.20"
        ));
        assert!(is_horse_or_race("14.00 - ", " (1,600m, 4yo+)"));
        assert!(is_horse_or_race("Kowalczyk rode", " to victory"));
        assert!(!is_horse_or_race("1. ", " (Poland) 2:21:05"));
        assert!(!is_horse_or_race("", " (PKN) said"));
        assert!(!is_horse_or_race("", " said on Monday"));
    }
}
