//! What the engines look up in a project, hashed once per project state: entities by id and by
//! (name, label). Built once for a whole `suggest` run (not once per document), so suggestions
//! cost O(1) per entity lookup, whatever the number of entities — a project with a million
//! entities no longer makes every suggestion scan them.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::quotes::Taught;
use crate::model::{Entity, EntityId, Project};

/// The project and its entity tables.
pub struct ProjectIndex<'p> {
    pub project: &'p Project,
    /// (name, label) → entity; the last of equal keys, as the engines always linked.
    by_name: HashMap<(&'p str, &'p str), EntityId>,
    /// (name, label) → the first entity with them, for relabelled suggestions.
    first_by_name: HashMap<(&'p str, &'p str), EntityId>,
    /// id → the first entity with it (ids are unique in a valid project).
    by_id: HashMap<EntityId, &'p Entity>,
    /// The descriptions the user linked to entities, read on first use (by the quotes engine).
    taught: OnceLock<Taught>,
}

impl<'p> ProjectIndex<'p> {
    pub fn new(project: &'p Project) -> Self {
        let n = project.entities.len();
        let mut by_name = HashMap::with_capacity(n);
        let mut first_by_name = HashMap::with_capacity(n);
        let mut by_id = HashMap::with_capacity(n);
        for e in &project.entities {
            let key = (e.name.as_str(), e.label.as_str());
            by_name.insert(key, e.id);
            first_by_name.entry(key).or_insert(e.id);
            by_id.entry(e.id).or_insert(e);
        }
        Self {
            project,
            by_name,
            first_by_name,
            by_id,
            taught: OnceLock::new(),
        }
    }

    /// What the project's linked descriptions teach the quotes engine ("the mayor" → Rob
    /// Keller), read from its annotations once per index.
    pub fn taught(&self) -> &Taught {
        self.taught.get_or_init(|| {
            Taught::from_project(self.project, |id| self.entity(id).map(|e| e.name.as_str()))
        })
    }

    /// The entity a suggestion of `name` as `label` links to.
    pub fn named(&self, name: &str, label: &str) -> Option<EntityId> {
        self.by_name.get(&(name, label)).copied()
    }

    /// The first entity called `name` with `label` (`Project::entities.iter().find`).
    pub fn first_named(&self, name: &str, label: &str) -> Option<EntityId> {
        self.first_by_name.get(&(name, label)).copied()
    }

    /// `Project::entity`, hashed.
    pub fn entity(&self, id: EntityId) -> Option<&'p Entity> {
        self.by_id.get(&id).copied()
    }
}
