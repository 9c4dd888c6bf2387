//! Two places joined by a hyphen: a route ("the Shanghai-Rotterdam rate"), a trade lane
//! ("Asia-Europe services"), a pairing ("the Paris-Berlin axis"). The model reads the
//! hyphenated word as one token and may take it as one place; it is two, each a name of its
//! own — unless the whole is itself a listed name ("Asia-Pacific", "Guinea-Bissau"). Only a
//! place finding is split, and only at its one hyphen, so the first part is one word
//! ("Shanghai-Los Angeles" is split; "Los Angeles-Shanghai" is left whole).

use super::Gazetteer;
use crate::model::{Document, Proposal, Suggestion};

/// Replace each finding that is two listed places joined by one hyphen with a finding for each,
/// labelled as its list says.
pub(super) fn place_pairs(doc: &Document, gazetteer: &Gazetteer, found: &mut Vec<Suggestion>) {
    let mut halves = Vec::new();
    found.retain(|s| {
        let Proposal::Span { start, end, .. } = s.proposal else {
            return true;
        };
        // A person or a company named with a hyphen ("Florence-Charlotte") stays one.
        if !matches!(s.label(), "GPE" | "LOC") {
            return true;
        }
        let name = doc.slice(start, end);
        let Some((a, b)) = name.split_once(['-', '–']) else {
            return true;
        };
        if b.contains(['-', '–']) || a.contains(' ') || b.starts_with(' ') {
            return true;
        }
        let (Some(la), Some(lb)) = (place_label(gazetteer, a), place_label(gazetteer, b)) else {
            return true;
        };
        if place_label(gazetteer, name).is_some() {
            return true;
        }
        let split = start + a.chars().count();
        for (from, to, label, part) in [(start, split, la, a), (split + 1, end, lb, b)] {
            let mut half = s.clone();
            half.proposal = Proposal::Span {
                start: from,
                end: to,
                label: label.to_string(),
                entity: None,
                new_entity: Some(part.to_string()),
            };
            half.reason.push_str(&format!(
                "; “{part}” of “{name}”: two places joined by a hyphen"
            ));
            halves.push(half);
        }
        false
    });
    if !halves.is_empty() {
        found.extend(halves);
        found.sort_by_key(Suggestion::range);
    }
}

/// The label of the place list entry that is all of `name`, if any.
fn place_label<'g>(gazetteer: &'g Gazetteer, name: &str) -> Option<&'g str> {
    let len = name.chars().count();
    gazetteer
        .find(name)
        .into_iter()
        .filter(|m| m.start == 0 && m.end == len)
        .map(|m| gazetteer.entry(m.entry).label.as_str())
        .find(|l| matches!(*l, "GPE" | "LOC"))
}
