//! Curation: several annotators' projects over the same documents become one curated project.
//!
//! What every annotator agrees on goes into the curated project at once; the rest is a list of
//! disagreements for a curator to decide, one at a time, in document order.
//!
//! - **Agreement.** A span is agreed when every annotator has a span with the same start, end,
//!   label, mention kind and entity link — "same entity" meaning the same canonical entity
//!   name (entity ids are per project and mean nothing across annotators), or no link for all.
//!   A quote is agreed when every annotator has a quote with the same content ranges, cue range
//!   and kind, and a speaker mention agreed in the same sense (or no speaker for all).
//!   Duplicates count as a multiset: two identical spans from everyone are two agreed spans.
//! - **Disagreements** are the annotations not agreed, grouped by region: spans that overlap
//!   (directly or through a chain of overlaps) form one region, quotes likewise; spans and
//!   quotes are never grouped together. Each `Disagreement` lists every annotator's
//!   alternative in that region — possibly nothing — as plain data a view can draw.
//! - **Decisions** (`Decision`: take annotator i, take all, neither) are `Command`s built by
//!   `Curation::decide` and applied through the session like any edit, so they are journaled
//!   and undoable. Taking an alternative adds its spans and quotes (with a quote's speaker
//!   mention, and the canonical entities they name: an entity of the same name in the curated
//!   project is reused, else created); what was not taken is *rejected* in the curated
//!   project's verdict memory (`Rejection`: this range is not this label; "QUOTE" for quotes,
//!   as the review loop does), which is what records "neither" and keeps the matcher from
//!   proposing it again. Deciding again replaces the earlier choice (present alternatives not
//!   taken are removed).
//! - **Decided or not** is read off the curated project, never stored beside it, so undo
//!   un-decides: a disagreement is decided when each of its alternatives' annotations is in the
//!   curated project, or rejected there, or superseded by one of the same range and label (a
//!   span) or same content (a quote) — see `Curation::outcome`.
//!
//! Document categories are curated per (document, scheme), and attributes per agreed span or
//! quote: see `codes`.
//!
//! Documents are paired by name as in `agreement`: only documents every annotator has, with
//! the same text, are curated; the others are listed in `Curation::documents`.

mod codes;
mod compare;
mod decide;
mod items;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use super::agreement::{self, Annotator, Documents};
use crate::model::{
    CharRange, DocId, Document, Entity, LabelSet, Project, Quote, QuoteId, Span, SpanId, Status,
};
use compare::compare_document;

pub use codes::{AttrPlace, AttributeDisagreement, CategoryDisagreement};
pub use decide::Decision;
pub use items::{Item, QuoteItem, SpanItem};

/// Why curation cannot start or a decision cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CurationError {
    #[error("curation needs the projects of at least two annotators, got {0}")]
    TooFewAnnotators(usize),
    #[error("{0} share no document (same name and same text in every project); nothing to curate")]
    NothingShared(String),
    #[error("there is no disagreement number {0}")]
    NoSuchDisagreement(usize),
    #[error("there is no annotator number {0}")]
    NoSuchAnnotator(usize),
    #[error("the curated project has no document named {0:?}")]
    NoSuchDocument(String),
    #[error("nothing to do: the curated project already holds that decision")]
    NothingToDo,
}

/// The curated project's document named `name` (curation matches documents by name).
fn curated_document<'p>(curated: &'p Project, name: &str) -> Result<&'p Document, CurationError> {
    curated
        .documents
        .iter()
        .find(|x| x.name == name)
        .ok_or_else(|| CurationError::NoSuchDocument(name.to_string()))
}

/// Where the disagreement is: spans or quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegionKind {
    Spans,
    Quotes,
}

/// What one annotator has in a disagreement's region (possibly nothing).
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    pub annotator: usize,
    /// The first earlier annotator whose alternative is the same, so a view can say "= A".
    pub same_as: Option<usize>,
    pub items: Vec<Item>,
}

/// One region where the annotators differ, with every annotator's alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub document: String,
    /// The document's id in the project `Curation::curated_project` makes (the first
    /// annotator's id); look a resumed project's document up by `document` instead.
    pub doc: DocId,
    /// From the first start to the last end of the alternatives.
    pub range: CharRange,
    pub kind: RegionKind,
    /// One per annotator, in annotator order.
    pub alternatives: Vec<Alternative>,
}

/// How a disagreement stands in the curated project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Some alternative's annotation is neither in the curated project (itself or a variant of
    /// the same range and label) nor rejected there.
    Open,
    /// Every alternative's annotation is kept, rejected or superseded. `kept` lists the
    /// annotators whose alternative is exactly what the curated project kept of the region
    /// (none for a mixture); `items_kept` counts the alternatives' annotations it holds (0
    /// after "neither").
    Decided { kept: Vec<usize>, items_kept: usize },
}

/// Decided and total disagreements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub decided: usize,
    pub total: usize,
}

/// A curation in progress: the annotators' projects and their disagreements. The curated
/// project itself lives in an ordinary `Session`.
#[derive(Clone, Debug)]
pub struct Curation {
    names: Vec<String>,
    projects: Vec<Project>,
    documents: Documents,
    /// (document name, its agreed spans and quotes, as annotator 0 has them).
    agreed: Vec<(String, Vec<SpanId>, Vec<QuoteId>)>,
    disagreements: Vec<Disagreement>,
    /// (document name, the categories every annotator chose alike).
    agreed_categories: Vec<(String, crate::model::Categories)>,
    categories: Vec<CategoryDisagreement>,
    /// Per document (as `agreed`): the attributes everyone gave its agreed annotations.
    agreed_attributes: Vec<codes::AgreedAttributes>,
    attributes: Vec<AttributeDisagreement>,
}

impl Curation {
    /// Compare the annotators' projects (name and project each, two or more).
    pub fn new(annotators: Vec<(String, Project)>) -> Result<Self, CurationError> {
        let m = annotators.len();
        if m < 2 {
            return Err(CurationError::TooFewAnnotators(m));
        }
        let (names, projects): (Vec<String>, Vec<Project>) = annotators.into_iter().unzip();
        let mut agreed_categories = Vec::new();
        let mut categories = Vec::new();
        let mut agreed_attributes = Vec::new();
        let mut attributes = Vec::new();
        let (documents, agreed, disagreements) = {
            let sides: Vec<Annotator> = names
                .iter()
                .zip(&projects)
                .map(|(name, project)| Annotator { name, project })
                .collect();
            let (documents, compared) = agreement::pair_documents(&sides);
            if compared.is_empty() {
                return Err(CurationError::NothingShared(names.join(", ")));
            }
            let mut agreed = Vec::new();
            let mut disagreements = Vec::new();
            for docs in &compared {
                let (a, mut d) = compare_document(&projects, docs);
                let (attrs, mut differ) = codes::compare_attributes(docs, &a.1, &a.2);
                agreed_attributes.push(attrs);
                attributes.append(&mut differ);
                agreed.push(a);
                disagreements.append(&mut d);
                let (cats, mut c) = codes::compare_categories(docs);
                agreed_categories.push((docs[0].name.clone(), cats));
                categories.append(&mut c);
            }
            (documents, agreed, disagreements)
        };
        Ok(Self {
            names,
            projects,
            documents,
            agreed,
            disagreements,
            agreed_categories,
            categories,
            agreed_attributes,
            attributes,
        })
    }

    /// The annotators' names, in order; `Decision::Take` and `Alternative::annotator` index it.
    pub fn annotators(&self) -> &[String] {
        &self.names
    }

    /// Which documents are curated, and why the others are not.
    pub fn documents(&self) -> &Documents {
        &self.documents
    }

    /// Every disagreement, in document order, then text order.
    pub fn disagreements(&self) -> &[Disagreement] {
        &self.disagreements
    }

    /// The curated project to start from: every curated document with the annotations all
    /// annotators agree on, the entities those name, and the union of the label sets.
    pub fn curated_project(&self, name: &str) -> Project {
        let first = &self.projects[0];
        let mut labels = first.labels.clone();
        for p in &self.projects[1..] {
            for l in &p.labels.labels {
                if !labels.contains(&l.name) {
                    let mut l = l.clone();
                    if l.key.is_some_and(|k| labels.by_key(k).is_some()) {
                        l.key = None;
                    }
                    labels.labels.push(l);
                }
            }
        }
        let mut project = Project::with_labels(
            name,
            LabelSet {
                labels: labels.labels,
            },
        );
        (project.schemes, project.attributes) = codes::merged_definitions(&self.projects);
        for ((doc_name, spans, quotes), attrs) in self.agreed.iter().zip(&self.agreed_attributes) {
            let Some(source) = first.documents.iter().find(|d| d.name == *doc_name) else {
                continue;
            };
            let mut doc = Document::new(source.id, source.name.clone(), source.text.clone());
            doc.source = source.source.clone();
            if let Some((_, cats)) = self.agreed_categories.iter().find(|(n, _)| n == doc_name) {
                doc.categories = cats.clone();
            }
            doc.status = if spans.is_empty() && quotes.is_empty() {
                Status::Todo
            } else {
                Status::InProgress
            };
            let mut new_ids: HashMap<SpanId, SpanId> = HashMap::new();
            for (k, id) in spans.iter().enumerate() {
                let Some(s) = source.span(*id) else { continue };
                let entity = s.entity.and_then(|e| first.entity(e)).map(|e| {
                    match project.entities.iter().find(|x| x.name == e.name) {
                        Some(x) => x.id,
                        None => {
                            let id = project.next_entity_id();
                            project.insert_entity(Entity { id, ..e.clone() });
                            id
                        }
                    }
                });
                let new = Span {
                    id: SpanId(k as u64 + 1),
                    entity,
                    attributes: attrs.spans.get(id).copied().unwrap_or_default(),
                    ..s.clone()
                };
                new_ids.insert(s.id, new.id);
                doc.insert_span(new);
            }
            for (k, id) in quotes.iter().enumerate() {
                let Some(q) = source.quote(*id) else { continue };
                doc.insert_quote(Quote {
                    id: QuoteId(k as u64 + 1),
                    speaker: q.speaker.and_then(|s| new_ids.get(&s).copied()),
                    attributes: attrs.quotes.get(id).copied().unwrap_or_default(),
                    ..q.clone()
                });
            }
            project.insert_document(doc);
        }
        project
    }

    /// How disagreement `index` stands in `curated`.
    pub fn outcome(&self, curated: &Project, index: usize) -> Outcome {
        let Some(d) = self.disagreements.get(index) else {
            return Outcome::Open;
        };
        let Ok(doc) = curated_document(curated, &d.document) else {
            return Outcome::Open;
        };
        outcome_in(&decide::State::new(curated, doc), d)
    }

    /// How every disagreement stands in `curated`, in order: what `outcome` says for each,
    /// reading each curated document once (a view refreshing after every edit wants this).
    pub fn outcomes(&self, curated: &Project) -> Vec<Outcome> {
        let docs: HashMap<&str, &Document> = curated
            .documents
            .iter()
            .rev()
            .map(|d| (d.name.as_str(), d))
            .collect();
        let mut state: Option<(&str, decide::State)> = None;
        self.disagreements
            .iter()
            .map(|d| {
                let Some(doc) = docs.get(d.document.as_str()) else {
                    return Outcome::Open;
                };
                if state.as_ref().is_none_or(|(name, _)| *name != d.document) {
                    state = Some((d.document.as_str(), decide::State::new(curated, doc)));
                }
                let (_, s) = state.as_ref().expect("just set");
                outcome_in(s, d)
            })
            .collect()
    }

    /// How many disagreements `curated` has decided.
    pub fn progress(&self, curated: &Project) -> Progress {
        Progress {
            decided: self
                .outcomes(curated)
                .iter()
                .filter(|o| **o != Outcome::Open)
                .count(),
            total: self.disagreements.len(),
        }
    }

    /// The first open disagreement at or after `from`, wrapping around; `None` when all are
    /// decided.
    pub fn next_open(&self, curated: &Project, from: usize) -> Option<usize> {
        let n = self.disagreements.len();
        (0..n)
            .map(|k| (from + k) % n)
            .find(|&i| self.outcome(curated, i) == Outcome::Open)
    }
}

/// How `d` stands in the curated document `state` reads.
fn outcome_in(state: &decide::State, d: &Disagreement) -> Outcome {
    let all = d.alternatives.iter().flat_map(|a| &a.items);
    if !all.clone().all(|it| state.covered(it)) {
        return Outcome::Open;
    }
    let mut kept: Vec<&Item> = Vec::new();
    for it in all.filter(|it| state.present(it)) {
        if !kept.iter().any(|k| decide::same(k, it)) {
            kept.push(it);
        }
    }
    // An alternative was taken when the kept annotations are exactly its own.
    let taken = |items: &[Item]| {
        items.iter().all(|it| state.present(it))
            && kept
                .iter()
                .all(|k| items.iter().any(|it| decide::same(it, k)))
    };
    Outcome::Decided {
        kept: d
            .alternatives
            .iter()
            .filter(|a| taken(&a.items))
            .map(|a| a.annotator)
            .collect(),
        items_kept: kept.len(),
    }
}
