//! A project: the label set, canonical entities, documents and verdict memory saved in one file.

use serde::{Deserialize, Serialize};

use super::{
    AttrTarget, AttributeDef, CategoryScheme, DocId, Document, Entity, EntityId, LabelSet,
    MatcherSettings, VerdictMemory,
};

/// The schema this build writes. Older files are migrated on load (see `io::project_file`);
/// newer ones are refused rather than half-read.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub schema: u32,
    pub name: String,
    pub labels: LabelSet,
    /// Ways of classifying whole documents (topic, tone, frame…); see `model::scheme`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemes: Vec<CategoryScheme>,
    /// Attributes of entities, spans and quotes (gender, stance…); see `model::scheme`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<AttributeDef>,
    #[serde(default, skip_serializing_if = "MatcherSettings::is_default")]
    pub matcher: MatcherSettings,
    /// Kept sorted by id.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Kept sorted by id, which is the order documents were added in.
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default, skip_serializing_if = "VerdictMemory::is_empty")]
    pub verdicts: VerdictMemory,
}

impl Project {
    /// An empty project with the default news label set.
    pub fn new(name: impl Into<String>) -> Self {
        Self::with_labels(name, LabelSet::news())
    }

    pub fn with_labels(name: impl Into<String>, labels: LabelSet) -> Self {
        Self {
            schema: SCHEMA_VERSION,
            name: name.into(),
            labels,
            schemes: Vec::new(),
            attributes: Vec::new(),
            matcher: MatcherSettings::default(),
            entities: Vec::new(),
            documents: Vec::new(),
            verdicts: VerdictMemory::default(),
        }
    }

    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.document_index(id).map(|i| &self.documents[i])
    }

    pub fn document_mut(&mut self, id: DocId) -> Option<&mut Document> {
        self.document_index(id).map(|i| &mut self.documents[i])
    }

    /// Where document `id` is. Documents are kept sorted by id (`insert_document`, and
    /// `normalise` for anything read from a file), so this is a binary search: adding 100,000
    /// documents one by one costs n log n, not n².
    pub fn document_index(&self, id: DocId) -> Option<usize> {
        self.documents.binary_search_by_key(&id, |d| d.id).ok()
    }

    pub fn scheme(&self, name: &str) -> Option<&CategoryScheme> {
        self.schemes.iter().find(|s| s.name == name)
    }

    pub fn attribute(&self, target: AttrTarget, name: &str) -> Option<&AttributeDef> {
        self.attributes
            .iter()
            .find(|a| a.target == target && a.name == name)
    }

    /// The attributes defined for `target`, in the project's order.
    pub fn attributes_of(&self, target: AttrTarget) -> impl Iterator<Item = &AttributeDef> {
        self.attributes.iter().filter(move |a| a.target == target)
    }

    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn entity_mut(&mut self, id: EntityId) -> Option<&mut Entity> {
        self.entities.iter_mut().find(|e| e.id == id)
    }

    /// The next free document id. Ids named in the verdict memory count as used, so a new
    /// document never inherits the rejections of a removed one.
    pub fn next_doc_id(&self) -> DocId {
        let used = self.documents.iter().map(|d| d.id);
        DocId::next_after(used.chain(self.verdicts.rejected.iter().map(|r| r.doc)))
    }

    pub fn next_entity_id(&self) -> EntityId {
        EntityId::next_after(self.entities.iter().map(|e| e.id))
    }

    /// Insert keeping documents sorted by id.
    pub fn insert_document(&mut self, doc: Document) {
        let at = self.documents.partition_point(|d| d.id < doc.id);
        self.documents.insert(at, doc);
    }

    pub fn insert_entity(&mut self, entity: Entity) {
        let at = self.entities.partition_point(|e| e.id < entity.id);
        self.entities.insert(at, entity);
    }

    /// Recompute what deserialisation skips (cached lengths) and restore every sort order, so a
    /// file edited by hand or by another tool behaves like one Gloss wrote.
    pub fn normalise(&mut self) {
        // Files Gloss wrote are already in order: checking first spares the sort's scratch
        // memory when a big project loads.
        if !self.documents.is_sorted_by_key(|d| d.id) {
            self.documents.sort_by_key(|d| d.id);
        }
        if !self.entities.is_sorted_by_key(|e| e.id) {
            self.entities.sort_by_key(|e| e.id);
        }
        for doc in &mut self.documents {
            doc.refresh_len();
            doc.resort_spans();
            doc.resort_quotes();
        }
    }

    /// Counts over the whole project: (documents, spans, quotes, entities).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let spans = self.documents.iter().map(|d| d.spans.len()).sum();
        let quotes = self.documents.iter().map(|d| d.quotes.len()).sum();
        (self.documents.len(), spans, quotes, self.entities.len())
    }
}
