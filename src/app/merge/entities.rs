//! Canonical entities in a merge: base entities by id, field by field; theirs' new ones matched
//! to ours by name and label, or added under an id no one else uses.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::schemes::merge_attributes;
use super::{Log, by_id, free_id, merge_set, pick};
use crate::model::{Entity, EntityId, Project};

/// The merged entities, and where each of theirs went (theirs' id → the merge's).
pub(super) fn merge(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    log: &mut Log,
) -> (Vec<Entity>, HashMap<EntityId, EntityId>) {
    let base_ids: HashSet<EntityId> = base.entities.iter().map(|e| e.id).collect();
    let ours_by = by_id(&ours.entities, |e| e.id);
    let theirs_by = by_id(&theirs.entities, |e| e.id);
    let mut out = Vec::new();
    let mut map = HashMap::new();
    for b in &base.entities {
        map.insert(b.id, b.id);
        match (ours_by.get(&b.id).copied(), theirs_by.get(&b.id).copied()) {
            (Some(o), Some(t)) => out.push(merge_entity(b, o, t, log)),
            (Some(o), None) if o == b => {}
            (Some(o), None) => {
                log.conflict(
                    None,
                    format!(
                        "entity {:?}: removed in theirs, changed in ours; kept ours",
                        o.name
                    ),
                );
                out.push(o.clone());
            }
            (None, Some(t)) if t == b => {}
            (None, Some(_)) => log.conflict(
                None,
                format!(
                    "entity {:?}: removed in ours, changed in theirs; left out, as in ours",
                    b.name
                ),
            ),
            (None, None) => {}
        }
    }
    out.extend(
        ours.entities
            .iter()
            .filter(|e| !base_ids.contains(&e.id))
            .cloned(),
    );

    let mut used: HashSet<EntityId> = base_ids.clone();
    used.extend(ours.entities.iter().map(|e| e.id));
    let mut next = EntityId::next_after(
        used.iter()
            .copied()
            .chain(theirs.entities.iter().map(|e| e.id)),
    );
    let mut named: HashMap<(String, String), usize> = HashMap::new();
    for (i, e) in out.iter().enumerate() {
        named.entry((e.name.clone(), e.label.clone())).or_insert(i);
    }
    for t in theirs.entities.iter().filter(|e| !base_ids.contains(&e.id)) {
        // Both annotators made an entity for the same person: one entity, both sets of aliases.
        let key = (t.name.clone(), t.label.clone());
        if let Some(&i) = named.get(&key) {
            let same = &mut out[i];
            map.insert(t.id, same.id);
            for alias in &t.aliases {
                if !same.is_called(alias) {
                    same.aliases.push(alias.clone());
                }
            }
            let what = format!("entity {:?}", same.name);
            same.attributes = merge_attributes(
                &Default::default(),
                &same.attributes,
                &t.attributes,
                None,
                &what,
                log,
            );
            continue;
        }
        let id = free_id(
            t.id,
            &mut used,
            &mut next,
            |e| EntityId(e.0 + 1),
            log,
            || format!("entity {:?}", t.name),
        );
        map.insert(t.id, id);
        named.insert(key, out.len());
        out.push(Entity { id, ..t.clone() });
    }
    out.sort_by_key(|e| e.id);
    (out, map)
}

fn merge_entity(b: &Entity, o: &Entity, t: &Entity, log: &mut Log) -> Entity {
    let mut e = o.clone();
    match pick(&b.name, &o.name, &t.name) {
        Ok(name) => e.name = name.clone(),
        Err(_) => log.conflict(
            None,
            format!(
                "entity {:?}: renamed {:?} in ours and {:?} in theirs; kept ours",
                b.name, o.name, t.name
            ),
        ),
    }
    match pick(&b.label, &o.label, &t.label) {
        Ok(label) => e.label = label.clone(),
        Err(_) => log.conflict(
            None,
            format!(
                "entity {:?}: label {} in ours, {} in theirs (was {}); kept ours",
                e.name, o.label, t.label, b.label
            ),
        ),
    }
    e.aliases = merge_set(&b.aliases, &o.aliases, &t.aliases);
    e.attributes = merge_attributes(
        &b.attributes,
        &o.attributes,
        &t.attributes,
        None,
        &format!("entity {:?}", e.name),
        log,
    );
    e
}

/// Entities removed on one side that spans in the merge still link to. Where the removing side
/// merged the entity into another (whose new aliases name it), the links follow; otherwise
/// the entity is kept, as the side still using it has it, and that is a conflict.
pub(super) fn keep_linked(
    project: &mut Project,
    base: &Project,
    ours: &Project,
    theirs: &Project,
    map: &HashMap<EntityId, EntityId>,
    log: &mut Log,
) {
    let present: HashSet<EntityId> = project.entities.iter().map(|e| e.id).collect();
    // Missing entity → the documents linking to it, for the message.
    let mut missing: BTreeMap<EntityId, Vec<String>> = BTreeMap::new();
    for d in &project.documents {
        for id in d.spans.iter().filter_map(|s| s.entity) {
            if !present.contains(&id) {
                let docs = missing.entry(id).or_default();
                if !docs.contains(&d.name) {
                    docs.push(d.name.clone());
                }
            }
        }
    }
    for (id, docs) in missing {
        let theirs_version = map
            .iter()
            .filter(|(_, to)| **to == id)
            .find_map(|(from, _)| theirs.entity(*from));
        let version = ours
            .entity(id)
            .or(theirs_version)
            .or_else(|| base.entity(id))
            .cloned();
        let absorbed_by = |v: &Entity| -> Option<EntityId> {
            let newly_called = |e: &&Entity| {
                e.label == v.label
                    && e.aliases.contains(&v.name)
                    && !base
                        .entity(e.id)
                        .is_some_and(|b| b.aliases.contains(&v.name))
            };
            let mut keepers = project.entities.iter().filter(newly_called);
            match (keepers.next(), keepers.next()) {
                (Some(k), None) => Some(k.id),
                _ => None,
            }
        };
        let into = version.as_ref().and_then(absorbed_by);
        match (version, into) {
            (Some(v), Some(into)) => {
                relink(project, id, Some(into));
                let keeper = project
                    .entity(into)
                    .map_or(String::new(), |k| k.name.clone());
                log.note(format!(
                    "entity {:?} was merged into {keeper:?} on one side; the other side's links followed",
                    v.name
                ));
            }
            (Some(v), None) => {
                log.conflict(
                    None,
                    format!(
                        "entity {:?}: removed on one side, but spans the other side added or changed still link to it (in {}); kept",
                        v.name,
                        quoted_list(&docs)
                    ),
                );
                project.insert_entity(Entity { id, ..v });
            }
            (None, _) => {
                relink(project, id, None);
                log.conflict(
                    None,
                    format!(
                        "entity {id}: linked from {} but found in no version; links removed",
                        quoted_list(&docs)
                    ),
                );
            }
        }
    }
}

fn relink(project: &mut Project, from: EntityId, to: Option<EntityId>) {
    for d in &mut project.documents {
        for s in d.spans.iter_mut().filter(|s| s.entity == Some(from)) {
            s.entity = to;
        }
    }
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}
