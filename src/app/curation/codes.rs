//! Curating document categories: the curated project gets every annotator's category schemes
//! and attributes (merged by name, values in first-seen order) and the categories all of them
//! chose alike; each (document, scheme) where they differ is a [`CategoryDisagreement`],
//! decided by taking one annotator's choice (`Curation::decide_category`, a `SetCategories`
//! command, so it is one undo step and journaled).
//!
//! Attributes are curated on the annotations everyone agrees on (same range and label for a
//! span, same parts for a quote — matched in each annotator's copy): the curated annotation
//! keeps the attributes all annotators gave alike, and each attribute they set differently is an
//! [`AttributeDisagreement`], decided by taking one annotator's value (a `SetAttribute`).
//! Entity attributes are the first annotator's.
//!
//! Decided or not is read off the curated project, as for spans: a category disagreement is
//! decided when the curated document's values in the scheme are one annotator's choice
//! (`Curation::category_outcome`). An annotator who left the document uncategorised offers
//! "none", so while the curated document has no value it counts as decided that way.

use std::collections::{BTreeSet, HashMap};

use super::{Curation, CurationError};
use crate::app::Command;
use crate::model::{
    AttrItem, AttributeDef, Attributes, CategoryScheme, CharRange, Document, Project, QuoteId,
    SpanId,
};

/// Where an attribute disagreement is: an agreed span or quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttrPlace {
    Span { range: CharRange, label: String },
    Quote { content: Vec<CharRange> },
}

/// One attribute of one agreed annotation that the annotators set differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeDisagreement {
    pub document: String,
    pub place: AttrPlace,
    pub name: String,
    /// Each annotator's value (`None`: not set), in annotator order.
    pub choices: Vec<Option<String>>,
}

/// The attributes all annotators gave the agreed annotations of one document (by the first
/// annotator's ids), and the attributes they set differently.
#[derive(Clone, Debug, Default)]
pub(super) struct AgreedAttributes {
    pub spans: HashMap<SpanId, Attributes>,
    pub quotes: HashMap<QuoteId, Attributes>,
}

/// Compare the attributes of the first annotator's agreed spans and quotes with the matching
/// ones of the others.
pub(super) fn compare_attributes(
    copies: &[&Document],
    spans: &[SpanId],
    quotes: &[QuoteId],
) -> (AgreedAttributes, Vec<AttributeDisagreement>) {
    let mut agreed = AgreedAttributes {
        spans: HashMap::new(),
        quotes: HashMap::new(),
    };
    let mut out = Vec::new();
    let first = copies[0];
    let mut settle = |per: Vec<Attributes>, place: AttrPlace| -> Attributes {
        let names: BTreeSet<&String> = per.iter().flat_map(|a| a.map().keys()).collect();
        let mut same = Attributes::default();
        for name in names {
            let choices: Vec<Option<String>> = per.iter().map(|a| a.get(name).cloned()).collect();
            if choices.iter().all(|c| *c == choices[0]) {
                same.set(name, choices[0].clone());
            } else {
                out.push(AttributeDisagreement {
                    document: first.name.clone(),
                    place: place.clone(),
                    name: name.clone(),
                    choices,
                });
            }
        }
        same
    };
    for id in spans {
        let Some(s) = first.span(*id) else { continue };
        let per: Vec<Attributes> = copies
            .iter()
            .map(|d| {
                d.spans
                    .iter()
                    .find(|x| x.range() == s.range() && x.label == s.label)
                    .map(|x| x.attributes)
                    .unwrap_or_default()
            })
            .collect();
        let place = AttrPlace::Span {
            range: s.range(),
            label: s.label.to_string(),
        };
        agreed.spans.insert(*id, settle(per, place));
    }
    for id in quotes {
        let Some(q) = first.quote(*id) else { continue };
        let per: Vec<Attributes> = copies
            .iter()
            .map(|d| {
                d.quotes
                    .iter()
                    .find(|x| x.content == q.content)
                    .map(|x| x.attributes)
                    .unwrap_or_default()
            })
            .collect();
        let place = AttrPlace::Quote {
            content: q.content.clone(),
        };
        agreed.quotes.insert(*id, settle(per, place));
    }
    (agreed, out)
}

/// The curated item an attribute disagreement is about.
fn item_of(doc: &Document, place: &AttrPlace) -> Option<(AttrItem, Attributes)> {
    match place {
        AttrPlace::Span { range, label } => doc
            .spans
            .iter()
            .find(|s| s.range() == *range && *s.label == **label)
            .map(|s| (AttrItem::Span(doc.id, s.id), s.attributes)),
        AttrPlace::Quote { content } => doc
            .quotes
            .iter()
            .find(|q| q.content == *content)
            .map(|q| (AttrItem::Quote(doc.id, q.id), q.attributes)),
    }
}

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
        let Ok(doc) = super::curated_document(curated, &d.document) else {
            return Vec::new();
        };
        let now = doc.categories.get(&d.scheme).cloned().unwrap_or_default();
        holding(&d.choices, &now)
    }

    /// The command that puts annotator `annotator`'s choice for category disagreement `index`
    /// into `curated`.
    pub fn decide_category(
        &self,
        curated: &Project,
        index: usize,
        annotator: usize,
    ) -> Result<Command, CurationError> {
        let (d, values) = choice(&self.categories, index, annotator, |d| &d.choices)?;
        let doc = super::curated_document(curated, &d.document)?;
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

/// The annotators whose choice is `now`.
fn holding<T: PartialEq>(choices: &[T], now: &T) -> Vec<usize> {
    (0..choices.len()).filter(|&a| choices[a] == *now).collect()
}

/// Disagreement `index` of `list`, and annotator `annotator`'s choice in it.
fn choice<'a, D, T>(
    list: &'a [D],
    index: usize,
    annotator: usize,
    choices: impl Fn(&'a D) -> &'a [T],
) -> Result<(&'a D, &'a T), CurationError> {
    let d = list
        .get(index)
        .ok_or(CurationError::NoSuchDisagreement(index))?;
    let c = choices(d)
        .get(annotator)
        .ok_or(CurationError::NoSuchAnnotator(annotator))?;
    Ok((d, c))
}

impl Curation {
    /// Every attribute of an agreed annotation that the annotators set differently.
    pub fn attribute_disagreements(&self) -> &[AttributeDisagreement] {
        &self.attributes
    }

    /// The annotators whose value the curated project holds for attribute disagreement
    /// `index`; empty while it holds none of them.
    pub fn attribute_outcome(&self, curated: &Project, index: usize) -> Vec<usize> {
        let Some(d) = self.attributes.get(index) else {
            return Vec::new();
        };
        let Ok(doc) = super::curated_document(curated, &d.document) else {
            return Vec::new();
        };
        let Some((_, attrs)) = item_of(doc, &d.place) else {
            return Vec::new();
        };
        let now = attrs.get(&d.name).cloned();
        holding(&d.choices, &now)
    }

    /// The command that gives the curated annotation annotator `annotator`'s value for
    /// attribute disagreement `index`.
    pub fn decide_attribute(
        &self,
        curated: &Project,
        index: usize,
        annotator: usize,
    ) -> Result<Command, CurationError> {
        let (d, value) = choice(&self.attributes, index, annotator, |d| &d.choices)?;
        let doc = super::curated_document(curated, &d.document)?;
        let (item, attrs) = item_of(doc, &d.place).ok_or(CurationError::NothingToDo)?;
        if attrs.get(&d.name) == value.as_ref() {
            return Err(CurationError::NothingToDo);
        }
        Ok(Command::SetAttribute {
            item,
            name: d.name.clone(),
            value: value.clone(),
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

    #[test]
    fn agreed_spans_keep_agreed_attributes_and_a_differing_one_is_decided() {
        use crate::model::{AttrTarget, Span};
        let coded = |role: &str| {
            let mut p = annotator(Some("politics"), "calm");
            p.attributes.push(AttributeDef {
                name: "role".into(),
                target: AttrTarget::Span,
                values: vec![],
                description: String::new(),
            });
            let mut s = Span::new(SpanId(1), CharRange::new(0, 4), "PERSON");
            s.attributes.set("role", Some(role.into()));
            s.attributes.set("rank", Some("high".into()));
            p.documents[0].insert_span(s);
            p
        };
        let c = Curation::new(vec![
            ("ann".into(), coded("mayor")),
            ("bob".into(), coded("minister")),
        ])
        .unwrap();
        let mut curated = c.curated_project("curated");
        let span = &curated.documents[0].spans[0];
        assert_eq!(span.attributes.value("rank"), Some("high"), "agreed");
        assert_eq!(span.attributes.value("role"), None, "not agreed");
        let ds = c.attribute_disagreements();
        assert_eq!(ds.len(), 1);
        assert_eq!(
            ds[0].choices,
            [Some("mayor".into()), Some("minister".into())]
        );
        assert!(c.attribute_outcome(&curated, 0).is_empty());
        c.decide_attribute(&curated, 0, 0)
            .unwrap()
            .apply(&mut curated)
            .unwrap();
        assert_eq!(c.attribute_outcome(&curated, 0), [0]);
    }
}
