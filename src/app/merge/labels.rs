//! The label set in a merge: labels matched by name and merged field by field, in ours' order
//! with theirs' new labels after; a label still in use is never dropped; keys stay unique.

use std::collections::{BTreeSet, HashSet};

use super::{Log, pick};
use crate::model::{LabelDef, LabelSet, Project};

pub(super) fn merge(base: &Project, ours: &Project, theirs: &Project, log: &mut Log) -> LabelSet {
    let mut out = Vec::new();
    for o in &ours.labels.labels {
        match (base.labels.get(&o.name), theirs.labels.get(&o.name)) {
            (Some(b), Some(t)) => out.push(merge_label(b, o, t, log)),
            (Some(b), None) if o == b => {}
            (Some(_), None) => {
                log.conflict(
                    None,
                    format!(
                        "label {}: removed in theirs, changed in ours; kept ours",
                        o.name
                    ),
                );
                out.push(o.clone());
            }
            (None, Some(t)) if t != o => {
                log.conflict(
                    None,
                    format!(
                        "label {}: added in both with a different {}; kept ours",
                        o.name,
                        differences(o, t).join(", ")
                    ),
                );
                out.push(o.clone());
            }
            (None, _) => out.push(o.clone()),
        }
    }
    for t in &theirs.labels.labels {
        if ours.labels.contains(&t.name) {
            continue;
        }
        match base.labels.get(&t.name) {
            None => out.push(t.clone()),
            Some(b) if b == t => {}
            Some(_) => log.conflict(
                None,
                format!(
                    "label {}: removed in ours, changed in theirs; left out, as in ours",
                    t.name
                ),
            ),
        }
    }
    LabelSet { labels: out }
}

fn merge_label(b: &LabelDef, o: &LabelDef, t: &LabelDef, log: &mut Log) -> LabelDef {
    let mut clashes = Vec::new();
    let color = pick(&b.color, &o.color, &t.color).unwrap_or_else(|c| {
        clashes.push("colour");
        c
    });
    let key = pick(&b.key, &o.key, &t.key).unwrap_or_else(|k| {
        clashes.push("key");
        k
    });
    let description = pick(&b.description, &o.description, &t.description).unwrap_or_else(|d| {
        clashes.push("description");
        d
    });
    if !clashes.is_empty() {
        log.conflict(
            None,
            format!(
                "label {}: {} changed differently in ours and theirs; kept ours",
                o.name,
                clashes.join(", ")
            ),
        );
    }
    LabelDef {
        name: o.name.clone(),
        color: *color,
        key: *key,
        description: description.clone(),
    }
}

fn differences(o: &LabelDef, t: &LabelDef) -> Vec<&'static str> {
    let mut d = Vec::new();
    if o.color != t.color {
        d.push("colour");
    }
    if o.key != t.key {
        d.push("key");
    }
    if o.description != t.description {
        d.push("description");
    }
    d
}

/// Labels one side removed (or renamed) that the merged spans or entities still use: kept, as
/// the side still using them had them, and reported.
pub(super) fn keep_used(
    project: &mut Project,
    base: &Project,
    ours: &Project,
    theirs: &Project,
    log: &mut Log,
) {
    let mut used: BTreeSet<&str> = project.entities.iter().map(|e| e.label.as_str()).collect();
    for d in &project.documents {
        used.extend(d.spans.iter().map(|s| s.label.as_str()));
    }
    let missing: Vec<String> = used
        .into_iter()
        .filter(|l| !project.labels.contains(l))
        .map(str::to_string)
        .collect();
    for name in missing {
        let def = ours
            .labels
            .get(&name)
            .or_else(|| theirs.labels.get(&name))
            .or_else(|| base.labels.get(&name))
            .cloned()
            .unwrap_or_else(|| LabelDef {
                name: name.clone(),
                color: project.labels.next_color(),
                key: None,
                description: String::new(),
            });
        log.conflict(
            None,
            format!(
                "label {name}: removed on one side, but annotations made on the other still use it; kept"
            ),
        );
        project.labels.labels.push(def);
    }
    // A label kept from ours goes back to its place in ours' order (and keeps its key there).
    let place = |name: &str| ours.labels.index_of(name).unwrap_or(usize::MAX);
    project.labels.labels.sort_by_key(|l| place(&l.name));
}

/// A key given to two labels (each side gave a new label the next free key) stays with the
/// first label in the set; the later one gets the first free key, or none.
pub(super) fn free_clashing_keys(labels: &mut LabelSet, log: &mut Log) {
    let mut taken = HashSet::new();
    let mut clashing = Vec::new();
    for (i, l) in labels.labels.iter().enumerate() {
        if let Some(k) = l.key
            && !taken.insert(k)
        {
            clashing.push(i);
        }
    }
    for i in clashing {
        labels.labels[i].key = None;
        let key = labels.free_key();
        let l = &mut labels.labels[i];
        l.key = key;
        log.note(format!(
            "label {}: its key is another label's in the merge; now {}",
            l.name,
            key.map_or("none".to_string(), |k| k.to_string())
        ));
    }
}
