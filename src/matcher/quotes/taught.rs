//! What the user's links teach across documents: a description speaker ("the mayor") the user
//! linked to an entity (Rob Keller) in one document resolves to that entity in another
//! document that mentions it.
//!
//! Nothing new is stored: the lessons are read from the project's annotations — every
//! description mention (`Mention::Nominal`) linked to an entity — so undo, the journal and
//! merges need nothing of their own. They are built once per project state
//! (`lookup::ProjectIndex::taught`) and looked up by phrase, O(1) per description speaker.

use std::collections::HashMap;

use crate::model::{DocId, EntityId, Mention, Project};

/// One (description → entity) pair the user's links make, with the documents they are in.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    pub entity: EntityId,
    /// The entity's canonical name.
    pub name: String,
    /// The documents holding such a link (id, name), in project order, each once.
    pub docs: Vec<(DocId, String)>,
}

/// The project's linked descriptions: normalised phrase ("mayor", "health minister") → the
/// entities they were linked to.
#[derive(Clone, Debug, Default)]
pub struct Taught {
    by_phrase: HashMap<String, Vec<Lesson>>,
}

/// Lesson lookups for one document: the lessons, less the ones only that document teaches
/// (its own links resolve it already, and a reason naming it would say nothing).
#[derive(Clone, Copy, Debug, Default)]
pub struct Lessons<'a> {
    pub taught: Option<&'a Taught>,
    pub doc: Option<DocId>,
}

/// The phrase a description is known by: its words in lower case, without a leading definite
/// determiner ("The Mayor" → "mayor"). Indefinite or possessed descriptions ("a spokeswoman",
/// "his lawyer") are someone new or someone else's, and teach nothing.
pub fn phrase<'w>(words: impl IntoIterator<Item = &'w str>) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.into_iter().enumerate() {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        if w.is_empty() {
            continue;
        }
        if i == 0 {
            match w.as_str() {
                "the" | "this" | "that" => continue,
                "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "some"
                | "another" | "one" => return None,
                _ => {}
            }
        }
        out.push(w);
    }
    (!out.is_empty()).then(|| out.join(" "))
}

impl Taught {
    /// Every description mention of `project` linked to an entity; `name` gives an entity's
    /// canonical name (entities that no longer exist teach nothing).
    pub fn from_project<'p>(
        project: &'p Project,
        name: impl Fn(EntityId) -> Option<&'p str>,
    ) -> Self {
        let mut t = Taught::default();
        for d in &project.documents {
            for s in &d.spans {
                if s.mention != Mention::Nominal {
                    continue;
                }
                let Some(e) = s.entity else { continue };
                let Some(n) = name(e) else { continue };
                t.add(d.slice(s.start, s.end), e, n, d.id, &d.name);
            }
        }
        t
    }

    /// Learn that `description` (its text as written) was linked to `entity`, called `name`,
    /// in document `doc`.
    pub fn add(
        &mut self,
        description: &str,
        entity: EntityId,
        name: &str,
        doc: DocId,
        doc_name: &str,
    ) {
        let Some(p) = phrase(description.split_whitespace()) else {
            return;
        };
        let lessons = self.by_phrase.entry(p).or_default();
        let i = match lessons.iter().position(|l| l.entity == entity) {
            Some(i) => i,
            None => {
                lessons.push(Lesson {
                    entity,
                    name: name.to_string(),
                    docs: Vec::new(),
                });
                lessons.len() - 1
            }
        };
        let l = &mut lessons[i];
        if !l.docs.iter().any(|(d, _)| *d == doc) {
            l.docs.push((doc, doc_name.to_string()));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_phrase.is_empty()
    }

    /// The entities `phrase` (see [`phrase`]) was linked to.
    pub fn lessons(&self, phrase: &str) -> &[Lesson] {
        self.by_phrase.get(phrase).map_or(&[], Vec::as_slice)
    }
}

impl Lessons<'_> {
    /// What the phrase was linked to in documents other than this one: (lesson, the number of
    /// such documents, the first one's name).
    pub fn other_docs<'s>(
        &'s self,
        phrase: &str,
    ) -> impl Iterator<Item = (&'s Lesson, usize, &'s str)> {
        let doc = self.doc;
        self.taught
            .map_or(&[][..], |t| t.lessons(phrase))
            .iter()
            .filter_map(move |l| {
                let mut others = l.docs.iter().filter(|(d, _)| Some(*d) != doc);
                let first = others.next()?;
                Some((l, 1 + others.count(), first.1.as_str()))
            })
    }
}
