//! Counting by categories and attributes: documents per category value, and quotes per value of
//! their speaker's attributes (quotes by gender) and of their own, over the project and per
//! document. The Dashboard, "Who said what" and `gloss stats` show these tables.
//!
//! A quote's speaker is the canonical entity its speaker mention links to; a quote with no
//! speaker, an unlinked one, or a speaker without the attribute counts as "(not set)". Values
//! come in the definition's order, then any other value met, sorted.

use std::collections::BTreeMap;

use crate::model::{AttrTarget, Document, Project, Quote};

/// What "no value" is called in tables.
pub const UNKNOWN: &str = "(not set)";

/// Counts per value of one scheme or attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown {
    /// The scheme's or attribute's name ("topic", "speaker gender", "quote stance").
    pub name: String,
    /// (value, count), in the definition's order, then other values met.
    pub values: Vec<(String, usize)>,
    /// Items with no value.
    pub unknown: usize,
}

impl Breakdown {
    pub fn total(&self) -> usize {
        self.values.iter().map(|v| v.1).sum::<usize>() + self.unknown
    }
}

fn ordered(defined: Vec<String>, counts: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = defined
        .iter()
        .map(|v| (v.clone(), counts.get(v).copied().unwrap_or(0)))
        .collect();
    for (v, n) in counts {
        if !defined.contains(&v) {
            out.push((v, n));
        }
    }
    out
}

/// Documents per value of each scheme (a document in several values of a multiple-choice
/// scheme counts once in each); `unknown` is the documents not categorised in it. Schemes the
/// project defines, then undefined ones found on documents.
pub fn documents_by_category<'a>(
    project: &Project,
    docs: impl IntoIterator<Item = &'a Document> + Clone,
) -> Vec<Breakdown> {
    let mut names: Vec<String> = project.schemes.iter().map(|s| s.name.clone()).collect();
    for d in docs.clone() {
        for s in d.categories.keys() {
            if !names.contains(s) {
                names.push(s.clone());
            }
        }
    }
    names
        .into_iter()
        .map(|scheme| {
            let mut counts = BTreeMap::new();
            let mut unknown = 0;
            for d in docs.clone() {
                match d.categories.get(&scheme) {
                    Some(vs) if !vs.is_empty() => {
                        for v in vs {
                            *counts.entry(v.clone()).or_insert(0) += 1;
                        }
                    }
                    _ => unknown += 1,
                }
            }
            let defined = project
                .scheme(&scheme)
                .map(|s| s.values.iter().map(|v| v.name.clone()).collect())
                .unwrap_or_default();
            Breakdown {
                name: scheme,
                values: ordered(defined, counts),
                unknown,
            }
        })
        .collect()
}

/// The value of speaker attribute `name` for quote `q` of `doc`.
pub fn speaker_value<'p>(
    project: &'p Project,
    doc: &Document,
    q: &Quote,
    name: &str,
) -> Option<&'p str> {
    let span = doc.span(q.speaker?)?;
    project.entity(span.entity?)?.attributes.value(name)
}

/// Attribute names of `target`: the definitions, then names set on any item of the project.
fn attribute_names(project: &Project, target: AttrTarget) -> Vec<String> {
    let mut names: Vec<String> = project
        .attributes_of(target)
        .map(|a| a.name.clone())
        .collect();
    let mut more = std::collections::BTreeSet::new();
    match target {
        AttrTarget::Entity => {
            for e in &project.entities {
                more.extend(e.attributes.keys().cloned());
            }
        }
        AttrTarget::Quote => {
            for q in project.documents.iter().flat_map(|d| &d.quotes) {
                more.extend(q.attributes.keys().cloned());
            }
        }
        AttrTarget::Span => {
            for s in project.documents.iter().flat_map(|d| &d.spans) {
                more.extend(s.attributes.keys().cloned());
            }
        }
    }
    for n in more {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names
}

fn defined_values(project: &Project, target: AttrTarget, name: &str) -> Vec<String> {
    project
        .attribute(target, name)
        .map(|a| a.values.clone())
        .unwrap_or_default()
}

/// Quotes of `docs` per value of each speaker (entity) attribute — "speaker gender" — then per
/// value of each quote attribute — "quote stance".
pub fn quotes_by_attribute<'a>(
    project: &Project,
    docs: impl IntoIterator<Item = &'a Document> + Clone,
) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for name in attribute_names(project, AttrTarget::Entity) {
        let mut counts = BTreeMap::new();
        let mut unknown = 0;
        for d in docs.clone() {
            for q in &d.quotes {
                match speaker_value(project, d, q, &name) {
                    Some(v) => *counts.entry(v.to_string()).or_insert(0) += 1,
                    None => unknown += 1,
                }
            }
        }
        out.push(Breakdown {
            values: ordered(defined_values(project, AttrTarget::Entity, &name), counts),
            name: format!("speaker {name}"),
            unknown,
        });
    }
    for name in attribute_names(project, AttrTarget::Quote) {
        let mut counts = BTreeMap::new();
        let mut unknown = 0;
        for q in docs.clone().into_iter().flat_map(|d| &d.quotes) {
            match q.attributes.value(&name) {
                Some(v) => *counts.entry(v.to_string()).or_insert(0) += 1,
                None => unknown += 1,
            }
        }
        out.push(Breakdown {
            values: ordered(defined_values(project, AttrTarget::Quote, &name), counts),
            name: format!("quote {name}"),
            unknown,
        });
    }
    out
}

/// One row per document: its name and the quotes per value of speaker attribute `name`, in
/// the order of `quotes_by_attribute`'s values for it, then unknown.
pub fn quotes_by_speaker_per_document(
    project: &Project,
    overall: &Breakdown,
    name: &str,
) -> Vec<(String, Vec<usize>, usize)> {
    project
        .documents
        .iter()
        .map(|d| {
            let mut counts = vec![0; overall.values.len()];
            let mut unknown = 0;
            for q in &d.quotes {
                let v = speaker_value(project, d, q, name);
                match v.and_then(|v| overall.values.iter().position(|(x, _)| x == v)) {
                    Some(i) => counts[i] += 1,
                    None => unknown += 1,
                }
            }
            (d.name.clone(), counts, unknown)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    pub(crate) fn sample() -> Project {
        let mut p = Project::new("t");
        p.attributes.push(AttributeDef {
            name: "gender".into(),
            target: AttrTarget::Entity,
            values: vec!["female".into(), "male".into(), "unknown".into()],
            description: String::new(),
        });
        p.schemes.push(CategoryScheme {
            name: "topic".into(),
            multiple: false,
            values: ["politics", "sport"]
                .map(|n| CategoryValue {
                    name: n.into(),
                    key: None,
                    color: Color([1, 2, 3]),
                })
                .to_vec(),
            description: String::new(),
        });
        for (id, name, g) in [
            (1, "Ana", Some("female")),
            (2, "Bo", Some("male")),
            (3, "Cy", None),
        ] {
            let mut e = Entity {
                id: EntityId(id),
                name: name.into(),
                label: "PERSON".into(),
                aliases: vec![],
                attributes: Default::default(),
            };
            e.attributes.set("gender", g.map(String::from));
            p.insert_entity(e);
        }
        // Document a: Ana twice, Bo once, one quote with no speaker; topic politics.
        // Document b: Cy once (no gender); uncategorised.
        for (doc, speakers, topic) in [
            (1, vec![Some(1), Some(1), Some(2), None], Some("politics")),
            (2, vec![Some(3)], None),
        ] {
            let mut d = Document::new(DocId(doc), format!("d{doc}"), "x".repeat(40));
            for (i, e) in speakers.iter().enumerate() {
                let sid = SpanId(i as u64 + 1);
                let mut s = Span::new(sid, CharRange::new(i * 5, i * 5 + 2), "PERSON");
                s.entity = e.map(EntityId);
                d.insert_span(s);
                d.quotes.push(Quote {
                    id: QuoteId(i as u64 + 1),
                    content: vec![CharRange::new(30, 35)],
                    speaker: e.map(|_| sid),
                    cue: None,
                    kind: QuoteKind::Direct,
                    origin: Origin::Manual,
                    attributes: Default::default(),
                });
            }
            if let Some(t) = topic {
                d.categories.insert("topic".into(), vec![t.into()]);
            }
            p.insert_document(d);
        }
        p
    }

    #[test]
    fn quotes_by_speaker_gender_over_the_project_and_per_document() {
        let p = sample();
        let b = quotes_by_attribute(&p, &p.documents);
        assert_eq!(b[0].name, "speaker gender");
        assert_eq!(
            b[0].values,
            [
                ("female".to_string(), 2),
                ("male".to_string(), 1),
                ("unknown".to_string(), 0)
            ]
        );
        assert_eq!(b[0].unknown, 2, "no speaker, and Cy without a gender");
        assert_eq!(b[0].total(), 5);
        let rows = quotes_by_speaker_per_document(&p, &b[0], "gender");
        assert_eq!(rows[0], ("d1".to_string(), vec![2, 1, 0], 1));
        assert_eq!(rows[1], ("d2".to_string(), vec![0, 0, 0], 1));
    }

    #[test]
    fn documents_by_category() {
        let p = sample();
        let b = super::documents_by_category(&p, &p.documents);
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].values,
            [("politics".to_string(), 1), ("sport".to_string(), 0)]
        );
        assert_eq!(b[0].unknown, 1);
    }
}
