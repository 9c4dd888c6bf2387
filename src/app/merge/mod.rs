//! Three-way merge of projects: what `git merge` does to a Gloss project file when two
//! annotators worked on it at once (run by `gloss merge-file`, git's merge driver).
//!
//! A line merge of the RON text cannot do this: both annotators take "the next id" for a new
//! entity, span or quote, so their new lines clash (a git conflict) or merge into a file with an
//! id used twice (which Gloss refuses to open). The merge here works on the model instead.
//!
//! - **Identity.** Ids are stable (`model::ids`), so whatever existed in the base has the same
//!   id in all three versions; a span or quote counts as the same only while its range still
//!   overlaps the base's, because the next id after a deleted last span is that span's id again.
//!   New things were numbered by each side alone, so they are matched by what they are:
//!   documents by name and text, entities by name and label, spans by (start, end, label,
//!   mention), quotes by their content ranges. Added on both sides alike, they become one.
//! - **Ours is the frame.** Ours' ids never change; theirs' new documents, entities, spans and
//!   quotes keep their ids unless those are taken, and every reference follows a renumbering:
//!   span → entity, quote → speaker span, rejection → document.
//! - **One side's change wins; the same change on both is made once; different changes to the
//!   same thing on both sides are a [`Conflict`], settled as ours had it.** A conflicted result
//!   is therefore "ours, with everything that merged", and it opens in Gloss: no markers.
//! - **The result always validates.** What one side removed but the other's work still uses — a
//!   label on new spans, an entity new spans link to, a quote's speaker mention — is kept and
//!   reported; links to an entity the other side merged into another follow the merge (the
//!   Entities tab's Merge keeps the absorbed name as an alias, which is how it is recognised).
//!
//! Documents changed on one side only are taken whole from that side; changed on both, they are
//! merged annotation by annotation (`document`), categories scheme by scheme and attributes name
//! by name (`schemes`). Labels merge by name, field by field; category schemes and attribute
//! definitions by name, whole; matcher
//! settings and the project's name as one value each; the verdict memory is the union of both.

mod document;
mod entities;
mod labels;
mod schemes;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use crate::model::{
    DocId, Document, EntityId, LabelSet, Project, Rejection, SCHEMA_VERSION, VerdictMemory,
    validate,
};

/// The merged project and what could not be merged.
#[derive(Clone, Debug)]
pub struct MergeResult {
    /// The merge; where there are conflicts, ours' version of each conflicting thing.
    pub project: Project,
    /// Changes that could not both be kept: the project's name and settings, entities,
    /// documents, then labels.
    pub conflicts: Vec<Conflict>,
    /// What was done without asking: ids renumbered, links that followed an entity merge.
    pub notes: Vec<String>,
}

impl MergeResult {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// One thing changed differently on both sides, named for the user: the document (when it is
/// in one) and what happened on each side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The document's name, or `None` for the label set, entities and settings.
    pub document: Option<String>,
    pub what: String,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.document {
            Some(d) => write!(f, "document {d:?}: {}", self.what),
            None => f.write_str(&self.what),
        }
    }
}

/// Merge `theirs` into `ours`, both descended from `base`.
pub fn merge(base: &Project, ours: &Project, theirs: &Project) -> MergeResult {
    let mut log = Log::default();
    let name = match pick(&base.name, &ours.name, &theirs.name) {
        Ok(n) => n.clone(),
        Err(n) => {
            log.conflict(
                None,
                format!(
                    "project name: {:?} in ours, {:?} in theirs; kept ours",
                    ours.name, theirs.name
                ),
            );
            n.clone()
        }
    };
    let matcher = match pick(&base.matcher, &ours.matcher, &theirs.matcher) {
        Ok(s) => s.clone(),
        Err(s) => {
            log.conflict(
                None,
                "matcher settings: changed differently in ours and theirs; kept ours".into(),
            );
            s.clone()
        }
    };
    let (entities, entity_map) = entities::merge(base, ours, theirs, &mut log);
    log.entity_names = entities.iter().map(|e| (e.id, e.name.clone())).collect();
    let (documents, doc_map) = merge_documents(base, ours, theirs, &entity_map, &mut log);
    let labels = labels::merge(base, ours, theirs, &mut log);
    let category_schemes = schemes::merge_schemes(base, ours, theirs, &mut log);
    let attributes = schemes::merge_attribute_defs(base, ours, theirs, &mut log);
    let verdicts = merge_verdicts(base, ours, theirs, &doc_map);

    let mut project = Project {
        schema: SCHEMA_VERSION,
        name,
        labels,
        schemes: category_schemes,
        attributes,
        matcher,
        entities,
        documents,
        verdicts,
    };
    entities::keep_linked(&mut project, base, ours, theirs, &entity_map, &mut log);
    labels::keep_used(&mut project, base, ours, theirs, &mut log);
    schemes::keep_used(&mut project, base, ours, theirs, &mut log);
    labels::free_clashing_keys(&mut project.labels, &mut log);
    project.normalise();

    // Every rule above keeps the project sound; should one ever miss, ours is returned whole
    // rather than a project Gloss would refuse to open.
    let problems = validate(&project);
    if !problems.is_empty() {
        for p in problems {
            log.conflict(None, format!("the merge would break the project ({p})"));
        }
        project = ours.clone();
    }
    MergeResult {
        project,
        conflicts: log.conflicts,
        notes: log.notes,
    }
}

/// The three-way choice for one value: a change on one side wins, the same change on both is
/// taken once, and different changes on both sides are `Err` with ours.
fn pick<'a, T: PartialEq>(base: &'a T, ours: &'a T, theirs: &'a T) -> Result<&'a T, &'a T> {
    if ours == theirs || theirs == base {
        Ok(ours)
    } else if ours == base {
        Ok(theirs)
    } else {
        Err(ours)
    }
}

/// Three-way merge of a list used as a set: ours' order, without what theirs removed, then
/// what theirs added.
fn merge_set<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out: Vec<T> = ours
        .iter()
        .filter(|x| !base.contains(x) || theirs.contains(x))
        .cloned()
        .collect();
    for x in theirs {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// What the merge found to report, and the merged entities' names for its messages.
#[derive(Default)]
struct Log {
    conflicts: Vec<Conflict>,
    notes: Vec<String>,
    entity_names: HashMap<EntityId, String>,
}

impl Log {
    fn conflict(&mut self, document: Option<&str>, what: String) {
        self.conflicts.push(Conflict {
            document: document.map(str::to_string),
            what,
        });
    }

    fn note(&mut self, note: String) {
        self.notes.push(note);
    }

    /// An entity as messages name it.
    fn entity(&self, id: Option<EntityId>) -> String {
        match id {
            None => "no entity".into(),
            Some(id) => match self.entity_names.get(&id) {
                Some(name) => format!("{name:?}"),
                None => format!("entity {id}"),
            },
        }
    }
}

/// Documents: base documents by id (one side's change taken whole, both sides' merged by
/// `document::merge`), ours' new ones as they are, theirs' new ones added — one with the name
/// and text of one of ours' new ones is the same article imported twice, and is merged with it.
/// Returns the documents and where each of theirs went.
fn merge_documents(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    entity_map: &HashMap<EntityId, EntityId>,
    log: &mut Log,
) -> (Vec<Document>, HashMap<DocId, DocId>) {
    let base_ids: HashSet<DocId> = base.documents.iter().map(|d| d.id).collect();
    let mut ids: Vec<DocId> = base_ids
        .iter()
        .copied()
        .chain(ours.documents.iter().map(|d| d.id))
        .collect();
    ids.sort();
    ids.dedup();

    let (base_by, ours_by, theirs_by) = (
        by_id(&base.documents, |d| d.id),
        by_id(&ours.documents, |d| d.id),
        by_id(&theirs.documents, |d| d.id),
    );
    let mut out = Vec::new();
    let mut map = HashMap::new();
    for id in ids {
        let o = ours_by.get(&id).copied();
        let Some(b) = base_by.get(&id).copied() else {
            out.extend(o.cloned());
            continue;
        };
        map.insert(id, id);
        let t = theirs_by.get(&id).map(|t| with_entities(t, id, entity_map));
        match (o, t) {
            (Some(o), Some(t)) => out.push(document::merge(b, o, &t, log)),
            (Some(o), None) if o == b => {}
            (Some(o), None) => {
                log.conflict(
                    Some(&o.name),
                    "removed in theirs, changed in ours; kept ours".into(),
                );
                out.push(o.clone());
            }
            (None, Some(t)) if t == *b => {}
            (None, Some(_)) => log.conflict(
                Some(&b.name),
                "removed in ours, changed in theirs; left out, as in ours".into(),
            ),
            (None, None) => {}
        }
    }

    // A document id named in a rejection counts as used (see `Project::next_doc_id`), so a
    // renumbered document never inherits another's rejections.
    let rejected = |p: &Project| {
        p.verdicts
            .rejected
            .iter()
            .map(|r| r.doc)
            .collect::<Vec<_>>()
    };
    let mut used: HashSet<DocId> = base_ids.clone();
    used.extend(ours.documents.iter().map(|d| d.id));
    used.extend(rejected(base));
    used.extend(rejected(ours));
    let mut next = DocId::next_after(
        used.iter()
            .copied()
            .chain(theirs.documents.iter().map(|d| d.id))
            .chain(rejected(theirs)),
    );
    // Ours' new documents by name and text, to find an article both sides imported.
    let ours_new: HashMap<(&str, &str), DocId> = ours
        .documents
        .iter()
        .filter(|d| !base_ids.contains(&d.id))
        .map(|d| ((d.name.as_str(), &*d.text), d.id))
        .collect();
    let out_at: HashMap<DocId, usize> = out.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    for t in theirs
        .documents
        .iter()
        .filter(|d| !base_ids.contains(&d.id))
    {
        let twin = ours_new
            .get(&(t.name.as_str(), &*t.text))
            .and_then(|id| out_at.get(id).copied());
        if let Some(i) = twin {
            let o = out[i].clone();
            let t = with_entities(t, o.id, entity_map);
            let b = Document::new(o.id, o.name.clone(), o.text.clone());
            map.insert(t.id, o.id);
            out[i] = document::merge(&b, &o, &t, log);
            continue;
        }
        let id = free_id(
            t.id,
            &mut used,
            &mut next,
            |d| DocId(d.0 + 1),
            log,
            || format!("document {:?}", t.name),
        );
        map.insert(t.id, id);
        out.push(with_entities(t, id, entity_map));
    }
    (out, map)
}

/// Theirs' `id` for a new item, or — when ours already uses it — `next` (then moved on by
/// `step`), noted in the log as "WHAT: theirs' id … is taken in ours; now …". Either way the id
/// is `used` from then on.
fn free_id<I: Copy + Eq + std::hash::Hash + std::fmt::Display>(
    id: I,
    used: &mut HashSet<I>,
    next: &mut I,
    step: impl Fn(I) -> I,
    log: &mut Log,
    what: impl FnOnce() -> String,
) -> I {
    let free = if used.contains(&id) {
        let now = *next;
        *next = step(now);
        log.note(format!(
            "{}: theirs' id {id} is taken in ours; now {now}",
            what()
        ));
        now
    } else {
        id
    };
    used.insert(free);
    free
}

/// Items by their id, for lookups in projects of thousands of documents and entities.
fn by_id<K: Eq + std::hash::Hash, T>(items: &[T], id: impl Fn(&T) -> K) -> HashMap<K, &T> {
    items.iter().map(|x| (id(x), x)).collect()
}

/// Theirs' document with id `id` and its entity links in the merge's numbering.
fn with_entities(doc: &Document, id: DocId, entity_map: &HashMap<EntityId, EntityId>) -> Document {
    let mut d = doc.clone();
    d.id = id;
    for s in &mut d.spans {
        if let Some(e) = s.entity {
            s.entity = Some(entity_map.get(&e).copied().unwrap_or(e));
        }
    }
    d
}

/// The union of both sides' verdicts, theirs' rejections following their documents' new ids.
/// A rejection of theirs for a document neither the base nor theirs still has only reserved an
/// id on their side, and is left out so it cannot land on another document.
fn merge_verdicts(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    doc_map: &HashMap<DocId, DocId>,
) -> VerdictMemory {
    let mut out = ours.verdicts.clone();
    let base_rejected: HashSet<&Rejection> = base.verdicts.rejected.iter().collect();
    let mut seen: HashSet<Rejection> = out.rejected.iter().cloned().collect();
    for r in &theirs.verdicts.rejected {
        let r = if base_rejected.contains(r) {
            r.clone()
        } else if let Some(doc) = doc_map.get(&r.doc) {
            Rejection {
                doc: *doc,
                ..r.clone()
            }
        } else {
            continue;
        };
        if seen.insert(r.clone()) {
            out.rejected.push(r);
        }
    }
    let never: HashSet<(String, String)> = out.never.iter().cloned().collect();
    for n in &theirs.verdicts.never {
        if !never.contains(n) {
            out.never.push(n.clone());
        }
    }
    out
}

/// An empty project to merge against when a file has no common ancestor (both sides added it):
/// git then hands the driver an empty base file.
pub fn empty_base(ours: &Project, theirs: &Project) -> Project {
    let name = if ours.name == theirs.name {
        ours.name.clone()
    } else {
        String::new()
    };
    Project::with_labels(name, LabelSet { labels: Vec::new() })
}
