//! Categories and attributes in a spaCy DocBin (`io::spacy` writes them, `io::spacy::import`
//! reads them back).
//!
//! - `doc.cats` is one-hot per value, named `scheme:value` (`topic:politics` = 1.0,
//!   `topic:sport` = 0.0): for each scheme the document is categorised in, every value the
//!   project defines (see [`coding::one_hot`]). A `textcat` (one scheme, single choice) or
//!   `textcat_multilabel` component trains on these directly.
//! - `doc.user_data["gloss_categories"]` = `{scheme: [values]}`, the categories exactly.
//! - `doc.user_data["gloss_attributes"]` = `{"spans": [[start, end, label, {name: value}]],
//!   "quotes": [[start, end, {name: value}]], "entities": {entity name: {name: value}}}`: span
//!   attributes by range and label, quote attributes by the quote's extent (first part's start
//!   to last part's end), and the attributes of each canonical entity the document's spans link
//!   to. Absent when there are none.
//!
//! On import, `gloss_categories` wins; without it, each `doc.cats` label `scheme:value` whose
//! scheme and value the project defines, scored 0.5 or more, is that category. Every other cat
//! stays metadata `cat:LABEL` = score, as before.

use std::collections::BTreeMap;

use rmpv::ValueRef;

use super::msgpack::MsgPackWriter;
use crate::io::coding::{self, Codes};
use crate::model::{AttrTarget, Attributes, Document, Project};

/// The user_data key of the categories.
pub const CATEGORIES: &str = "gloss_categories";
/// The user_data key of the attributes.
pub const ATTRIBUTES: &str = "gloss_attributes";

/// `doc.cats` of one document, as (label, score).
pub fn cats(project: &Project, doc: &Document) -> Vec<(String, f64)> {
    coding::one_hot(project, doc)
}

/// MsgPackWriter `cats` as the map `doc.cats` is.
pub fn pack_cats(p: &mut MsgPackWriter, cats: &[(String, f64)]) {
    p.map(cats.len());
    for (k, v) in cats {
        p.str(k);
        p.float(*v);
    }
}

fn pack_attrs(p: &mut MsgPackWriter, a: &Attributes) {
    p.map(a.len());
    for (k, v) in a.iter() {
        p.str(k);
        p.str(v);
    }
}

/// The user_data entries (key, packed value) for one document's categories and attributes.
pub fn user_data(project: &Project, doc: &Document) -> Vec<(&'static str, Vec<u8>)> {
    let mut out = Vec::new();
    if !doc.categories.is_empty() {
        let mut p = MsgPackWriter::default();
        p.map(doc.categories.len());
        for (scheme, values) in &doc.categories {
            p.str(scheme);
            p.array(values.len());
            for v in values {
                p.str(v);
            }
        }
        out.push((CATEGORIES, p.0));
    }
    let spans: Vec<_> = doc
        .spans
        .iter()
        .filter(|s| !s.attributes.is_empty())
        .collect();
    let quotes: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| !q.attributes.is_empty())
        .collect();
    let mut entities = BTreeMap::new();
    for e in doc.spans.iter().filter_map(|s| project.entity(s.entity?)) {
        if !e.attributes.is_empty() {
            entities.insert(e.name.as_str(), e.attributes);
        }
    }
    if spans.is_empty() && quotes.is_empty() && entities.is_empty() {
        return out;
    }
    let mut p = MsgPackWriter::default();
    p.map(3);
    p.str("spans");
    p.array(spans.len());
    for s in spans {
        p.array(4);
        p.uint(s.start as u64);
        p.uint(s.end as u64);
        p.str(&s.label);
        pack_attrs(&mut p, &s.attributes);
    }
    p.str("quotes");
    p.array(quotes.len());
    for q in quotes {
        let r = q.extent();
        p.array(3);
        p.uint(r.start as u64);
        p.uint(r.end as u64);
        pack_attrs(&mut p, &q.attributes);
    }
    p.str("entities");
    p.map(entities.len());
    for (name, a) in entities {
        p.str(name);
        pack_attrs(&mut p, &a);
    }
    out.push((ATTRIBUTES, p.0));
    out
}

// ------------------------------------------------------------------------------ reading

fn text<'t>(v: &'t ValueRef<'t>) -> Option<&'t str> {
    match v {
        ValueRef::String(s) => s.as_str(),
        _ => None,
    }
}

fn at(v: &ValueRef) -> Option<usize> {
    match v {
        ValueRef::Integer(i) => i.as_u64().and_then(|x| usize::try_from(x).ok()),
        _ => None,
    }
}

fn pairs<'t>(v: &'t ValueRef<'t>, what: &str) -> Result<Vec<(&'t str, &'t str)>, String> {
    let ValueRef::Map(items) = v else {
        return Err(format!("{what} is {v}, not a map"));
    };
    items
        .iter()
        .map(|(k, v)| match (text(k), text(v)) {
            (Some(k), Some(v)) => Ok((k, v)),
            _ => Err(format!("{what}: {k} = {v} is not text = text")),
        })
        .collect()
}

/// What a document's user_data says of categories and attributes, to apply once its spans and
/// quotes are built.
#[derive(Default)]
pub struct Found {
    categories: Option<Pairs>,
    spans: Vec<(usize, usize, String, Pairs)>,
    quotes: Vec<(usize, usize, Pairs)>,
    entities: Vec<(String, Pairs)>,
}

/// (name, value) pairs: categories as (scheme, value), attributes as (name, value).
type Pairs = Vec<(String, String)>;

impl Found {
    /// Read a `gloss_categories` or `gloss_attributes` entry; false for any other key.
    pub fn read(&mut self, key: &str, v: &ValueRef) -> Result<bool, String> {
        let own = |v: Vec<(&str, &str)>| -> Vec<(String, String)> {
            v.into_iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        match key {
            CATEGORIES => {
                let ValueRef::Map(items) = v else {
                    return Err(format!("{CATEGORIES} is {v}, not a map"));
                };
                let mut out = Vec::new();
                for (k, vs) in items {
                    let (Some(scheme), ValueRef::Array(vs)) = (text(k), vs) else {
                        return Err(format!("{CATEGORIES}: {k} = {vs} is not scheme = [values]"));
                    };
                    for v in vs {
                        let v = text(v).ok_or_else(|| format!("{CATEGORIES}: {v} is not text"))?;
                        out.push((scheme.to_string(), v.to_string()));
                    }
                }
                self.categories = Some(out);
            }
            ATTRIBUTES => {
                let bad =
                    |what: &ValueRef| format!("{ATTRIBUTES}: {what} is not as Gloss writes it");
                if let Some(ValueRef::Array(list)) = get(v, "spans") {
                    for s in list {
                        let ValueRef::Array(f) = s else {
                            return Err(bad(s));
                        };
                        let [a, b, label, attrs] = f.as_slice() else {
                            return Err(bad(s));
                        };
                        let (Some(a), Some(b), Some(label)) = (at(a), at(b), text(label)) else {
                            return Err(bad(s));
                        };
                        let attrs = own(pairs(attrs, ATTRIBUTES)?);
                        self.spans.push((a, b, label.to_string(), attrs));
                    }
                }
                if let Some(ValueRef::Array(list)) = get(v, "quotes") {
                    for q in list {
                        let ValueRef::Array(f) = q else {
                            return Err(bad(q));
                        };
                        let [a, b, attrs] = f.as_slice() else {
                            return Err(bad(q));
                        };
                        let (Some(a), Some(b)) = (at(a), at(b)) else {
                            return Err(bad(q));
                        };
                        self.quotes.push((a, b, own(pairs(attrs, ATTRIBUTES)?)));
                    }
                }
                if let Some(ValueRef::Map(items)) = get(v, "entities") {
                    for (k, attrs) in items {
                        let name = text(k).ok_or_else(|| bad(k))?;
                        self.entities
                            .push((name.to_string(), own(pairs(attrs, ATTRIBUTES)?)));
                    }
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Whether `gloss_categories` was there (then `doc.cats` need not say the categories).
    pub fn has_categories(&self) -> bool {
        self.categories.is_some()
    }

    /// Put what was found on the finished `doc`; `missing` collects what has no item.
    pub fn apply(
        self,
        b: &mut crate::io::interchange::ImportBuilder,
        doc: &mut Document,
        missing: &mut Vec<String>,
    ) -> Result<(), String> {
        for (scheme, value) in self.categories.unwrap_or_default() {
            b.codes.category(doc, &scheme, &value)?;
        }
        for (a, c, label, attrs) in self.spans {
            let Some(s) = doc
                .spans
                .iter_mut()
                .find(|s| (s.start, s.end) == (a, c) && *s.label == *label)
            else {
                missing.push(format!("attributes of span {a}..{c} {label}: no such span"));
                continue;
            };
            for (k, v) in attrs {
                b.codes
                    .attribute(&mut s.attributes, AttrTarget::Span, &k, &v)?;
            }
        }
        for (a, c, attrs) in self.quotes {
            let Some(q) = doc.quotes.iter_mut().find(|q| {
                let r = q.extent();
                (r.start, r.end) == (a, c)
            }) else {
                missing.push(format!(
                    "attributes of the quote at {a}..{c}: no such quote"
                ));
                continue;
            };
            for (k, v) in attrs {
                b.codes
                    .attribute(&mut q.attributes, AttrTarget::Quote, &k, &v)?;
            }
        }
        for (name, attrs) in self.entities {
            let id = doc
                .spans
                .iter()
                .filter_map(|s| s.entity)
                .find(|&e| b.entity_name(e) == Some(name.as_str()));
            let Some(id) = id else {
                missing.push(format!(
                    "attributes of entity {name:?}: no span links to it"
                ));
                continue;
            };
            for (k, v) in attrs {
                b.entity_attribute(id, &k, &v)?;
            }
        }
        Ok(())
    }
}

fn get<'t>(map: &'t ValueRef<'t>, key: &str) -> Option<&'t ValueRef<'t>> {
    match map {
        ValueRef::Map(m) => m.iter().find(|(k, _)| text(k) == Some(key)).map(|(_, v)| v),
        _ => None,
    }
}

/// A `doc.cats` label and score as a category of `codes`' schemes, if it is one.
pub fn category_of<'l>(codes: &Codes, label: &'l str, score: f64) -> Option<(&'l str, &'l str)> {
    let (scheme, value) = coding::split_cat_label(label)?;
    (score >= 0.5 && codes.knows(scheme, value)).then_some((scheme, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CategoryScheme, CategoryValue, Color};

    #[test]
    fn a_cat_is_a_category_only_for_a_known_scheme_and_value_scored_half_or_more() {
        let mut p = Project::new("t");
        p.schemes.push(CategoryScheme {
            name: "topic".into(),
            multiple: false,
            values: vec![CategoryValue {
                name: "politics".into(),
                key: None,
                color: Color([0, 0, 0]),
            }],
            description: String::new(),
        });
        let codes = Codes::new(&p);
        assert_eq!(
            category_of(&codes, "topic:politics", 0.9),
            Some(("topic", "politics"))
        );
        assert_eq!(category_of(&codes, "topic:politics", 0.2), None);
        assert_eq!(category_of(&codes, "topic:sport", 1.0), None);
        assert_eq!(category_of(&codes, "POSITIVE", 1.0), None);
    }
}
