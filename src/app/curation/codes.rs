//! Curating document categories: the curated project gets every annotator's category schemes
//! and attributes (merged by name, values in first-seen order) and the categories all of them
//! chose alike; each (document, scheme) where they differ is a [`CategoryDisagreement`],
//! decided by taking one annotator's choice (`Curation::decide_category`, a `SetCategories`
//! command, so it is one undo step and journaled).
//!
//! Decided or not is read off the curated project, as for spans: a category disagreement is
//! decided when the curated document's values in the scheme are one annotator's choice
//! (`Curation::category_outcome`). An annotator who left the document uncategorised offers
//! "none", so while the curated document has no value it counts as decided that way.

use super::{Curation, CurationError};
use crate::app::Command;
use crate::model::{AttributeDef, CategoryScheme, Document, Project};

/// One document and scheme where the annotators chose differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryDisagreement {
    pub document: String,
    pub scheme: String,
    /// Each annotator's values (empty: not categorised), in annotator order.
    pub choices: Vec<Vec<String>>,
}

/// The schemes and attributes of all `projects`, merged by name.
pub(super) fn merged_definitions(projects: &[Project]) -> (Vec<CategoryScheme>, Vec<AttributeDef>) {
    let mut schemes: Vec<CategoryScheme> = Vec::new();
    let mut attributes: Vec<AttributeDef> = Vec::new();
    for p in projects {
        for s in &p.schemes {
            match schemes.iter_mut().find(|x| x.name == s.name) {
                None => schemes.push(s.clone()),
                Some(x) => {
                    x.multiple |= s.multiple;
                    for v in &s.values {
                        if x.value(&v.name).is_none() {
                            let mut v = v.clone();
                            if v.key.is_some_and(|k| x.by_key(k).is_some()) {
                                v.key = None;
                            }
                            x.values.push(v);
                        }
                    }
                }
            }
        }
        for a in &p.attributes {
            match attributes
                .iter_mut()
                .find(|x| x.target == a.target && x.name == a.name)
            {
                None => attributes.push(a.clone()),
                // Free text anywhere is free text in the curated project.
                Some(x) if x.is_free_text() => {}
                Some(x) if a.is_free_text() => x.values.clear(),
                Some(x) => {
                    for v in &a.values {
                        if !x.values.contains(v) {
                            x.values.push(v.clone());
                        }
                    }
                }
            }
        }
    }
    (schemes, attributes)
}

/// For one compared document (every annotator's copy): the categories all agree on, and the
/// disagreements.
pub(super) fn compare_categories(
    copies: &[&Document],
) -> (crate::model::Categories, Vec<CategoryDisagreement>) {
    let mut schemes: Vec<&String> = copies.iter().flat_map(|d| d.categories.keys()).collect();
    schemes.sort();
    schemes.dedup();
    let mut agreed = crate::model::Categories::new();
    let mut disagreements = Vec::new();
    for scheme in schemes {
        let choices: Vec<Vec<String>> = copies
            .iter()
            .map(|d| d.categories.get(scheme).cloned().unwrap_or_default())
            .collect();
        if choices.iter().all(|c| *c == choices[0]) {
            agreed.insert(scheme.clone(), choices[0].clone());
        } else {
            disagreements.push(CategoryDisagreement {
                document: copies[0].name.clone(),
                scheme: scheme.clone(),
                choices,
            });
        }
    }
    (agreed, disagreements)
}

impl Curation {
    /// Every (document, scheme) where the annotators' categories differ, in document order.
    pub fn category_disagreements(&self) -> &[CategoryDisagreement] {
        &self.categories
    }

    /// The annotators whose choice the curated project holds for category disagreement
    /// `index`; empty while it holds none of them (open).
    pub fn category_outcome(&self, curated: &Project, index: usize) -> Vec<usize> {
        let Some(d) = self.categories.get(index) else {
            return Vec::new();
        };
        let Some(doc) = curated.documents.iter().find(|x| x.name == d.document) else {
            return Vec::new();
        };
        let now = doc.categories.get(&d.scheme).cloned().unwrap_or_default();
        (0..d.choices.len())
            .filter(|&a| d.choices[a] == now)
            .collect()
    }

    /// The command that puts annotator `annotator`'s choice for category disagreement `index`
    /// into `curated`.
    pub fn decide_category(
        &self,
        curated: &Project,
        index: usize,
        annotator: usize,
    ) -> Result<Command, CurationError> {
        let d = self
            .categories
            .get(index)
            .ok_or(CurationError::NoSuchDisagreement(index))?;
        let values = d
            .choices
            .get(annotator)
            .ok_or(CurationError::NoSuchAnnotator(annotator))?;
        let doc = curated
            .documents
            .iter()
            .find(|x| x.name == d.document)
            .ok_or_else(|| CurationError::NoSuchDocument(d.document.clone()))?;
        if doc.categories.get(&d.scheme).cloned().unwrap_or_default() == *values {
            return Err(CurationError::NothingToDo);
        }
        Ok(Command::SetCategories {
            doc: doc.id,
            scheme: d.scheme.clone(),
            values: values.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CategoryValue, Color, DocId};

    fn annotator(topic: Option<&str>, tone: &str) -> Project {
        let mut p = Project::new("a");
        let value = |n: &str| CategoryValue {
            name: n.into(),
            key: None,
            color: Color([1, 1, 1]),
        };
        for (scheme, values) in [
            ("topic", ["politics", "sport"]),
            ("tone", ["calm", "angry"]),
        ] {
            p.schemes.push(CategoryScheme {
                name: scheme.into(),
                multiple: false,
                values: values.map(value).to_vec(),
                description: String::new(),
            });
        }
        let mut d = Document::new(DocId(1), "d", "Some text.");
        if let Some(t) = topic {
            d.categories.insert("topic".into(), vec![t.into()]);
        }
        d.categories.insert("tone".into(), vec![tone.into()]);
        p.insert_document(d);
        p
    }

    #[test]
    fn agreed_categories_go_in_and_a_disagreement_is_decided_by_taking_a_choice() {
        let c = Curation::new(vec![
            ("ann".into(), annotator(Some("politics"), "calm")),
            ("bob".into(), annotator(Some("sport"), "calm")),
        ])
        .unwrap();
        let mut curated = c.curated_project("curated");
        assert_eq!(curated.schemes.len(), 2);
        assert_eq!(curated.documents[0].categories["tone"], ["calm"]);
        assert!(!curated.documents[0].categories.contains_key("topic"));
        let ds = c.category_disagreements();
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].choices, [vec!["politics"], vec!["sport"]]);
        assert!(c.category_outcome(&curated, 0).is_empty(), "open");
        let take = c.decide_category(&curated, 0, 1).unwrap();
        let undo = take.apply(&mut curated).unwrap();
        assert_eq!(c.category_outcome(&curated, 0), [1]);
        assert_eq!(
            c.decide_category(&curated, 0, 1),
            Err(CurationError::NothingToDo)
        );
        undo.apply(&mut curated).unwrap();
        assert!(
            c.category_outcome(&curated, 0).is_empty(),
            "undo reopens it"
        );
    }

    #[test]
    fn an_uncategorised_document_offers_none() {
        let c = Curation::new(vec![
            ("ann".into(), annotator(None, "calm")),
            ("bob".into(), annotator(Some("sport"), "calm")),
        ])
        .unwrap();
        let curated = c.curated_project("curated");
        assert_eq!(c.category_outcome(&curated, 0), [0]);
    }
}
