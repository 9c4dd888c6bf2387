//! Document categories and item attributes (`model::scheme`) in the interchange formats: the
//! names they go by, and the definitions an import needs added to the project.
//!
//! # Names
//! A category is written `scheme:value` wherever a format has one flat label per class —
//! spaCy's `doc.cats`, doccano's and Prodigy's text-classification labels, brat's side note —
//! so `topic:politics` is the value `politics` of the scheme `topic`. The scheme is everything
//! before the first colon, so a value may hold colons and a scheme may not. Formats that nest
//! (JSONL, Label Studio) keep scheme and value apart.
//!
//! # Imports
//! [`Codes`] starts from the project's schemes and attributes and grows them as an import meets
//! categories and attribute values they lack: a scheme or attribute of a new name is made
//! (values in the order met, colours from the label palette), a new value is appended, and a
//! single-choice scheme given two values in one document becomes multiple choice. What it made
//! or changed is [`Codes::finish`]ed into the import, which adds or updates the definitions
//! before its documents, in the same undo step.

use std::collections::BTreeSet;

use crate::model::{
    AttrTarget, AttributeDef, Attributes, CategoryScheme, CategoryValue, Color, Document, PALETTE,
    Project,
};

/// Between scheme and value in a flat category label.
pub const SEP: char = ':';

/// The scheme of a bare category label (doccano's `"label": ["POSITIVE"]`) that no scheme of
/// the project has.
pub const PLAIN_SCHEME: &str = "category";

/// The key of scheme `scheme` in a metadata side file (brat's `NAME.meta.json`):
/// `category:topic`, its values joined by `|`.
pub fn side_key(scheme: &str) -> String {
    format!("category{SEP}{scheme}")
}

/// Pull `category:SCHEME` keys out of side-file metadata into `doc`'s categories.
pub fn categories_from_side(codes: &mut Codes, doc: &mut Document) -> Result<(), String> {
    let keys: Vec<String> = doc
        .meta
        .keys()
        .filter(|k| k.starts_with(&side_key("")))
        .cloned()
        .collect();
    for k in keys {
        let Some(values) = doc.meta.remove(&k) else {
            continue;
        };
        let scheme = &k[side_key("").len()..];
        for v in values.split('|').filter(|v| !v.trim().is_empty()) {
            codes.category(doc, scheme, v)?;
        }
    }
    Ok(())
}

/// `topic:politics`.
pub fn cat_label(scheme: &str, value: &str) -> String {
    format!("{scheme}{SEP}{value}")
}

/// `topic:politics` → (`topic`, `politics`); `None` without a colon or with an empty side.
pub fn split_cat_label(label: &str) -> Option<(&str, &str)> {
    let (s, v) = label.split_once(SEP)?;
    (!s.trim().is_empty() && !v.trim().is_empty()).then_some((s, v))
}

/// A document's categories as flat labels, in scheme then value order.
pub fn cat_labels(doc: &Document) -> Vec<String> {
    doc.categories
        .iter()
        .flat_map(|(s, vs)| vs.iter().map(move |v| cat_label(s, v)))
        .collect()
}

/// spaCy's one-hot `doc.cats`: for each scheme the document is categorised in, every value the
/// project defines for it (1.0 chosen, 0.0 not), plus chosen values the project lacks. Schemes
/// the document has no choice in are left out: unknown, not "none of them".
pub fn one_hot(project: &Project, doc: &Document) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for (scheme, chosen) in &doc.categories {
        let defined: Vec<&str> = project
            .scheme(scheme)
            .map(|s| s.values.iter().map(|v| v.name.as_str()).collect())
            .unwrap_or_default();
        for v in &defined {
            let on = chosen.iter().any(|c| c == v);
            out.push((cat_label(scheme, v), if on { 1.0 } else { 0.0 }));
        }
        for c in chosen.iter().filter(|c| !defined.contains(&c.as_str())) {
            out.push((cat_label(scheme, c), 1.0));
        }
    }
    out
}

/// The definitions an import grows; see the module documentation.
#[derive(Clone, Debug, Default)]
pub struct Codes {
    schemes: Vec<CategoryScheme>,
    attributes: Vec<AttributeDef>,
    /// Names of schemes made or changed.
    changed_schemes: BTreeSet<String>,
    changed_attributes: BTreeSet<(AttrTarget, String)>,
}

impl Codes {
    pub fn new(project: &Project) -> Self {
        Self {
            schemes: project.schemes.clone(),
            attributes: project.attributes.clone(),
            ..Self::default()
        }
    }

    /// Does the project (or this import so far) define `value` of `scheme`?
    pub fn knows(&self, scheme: &str, value: &str) -> bool {
        self.schemes
            .iter()
            .any(|s| s.name == scheme && s.value(value).is_some())
    }

    fn next_color(&self) -> Color {
        let used = self.schemes.iter().flat_map(|s| &s.values).count();
        Color(PALETTE[used % PALETTE.len()])
    }

    /// Give `doc` the category `value` of `scheme`, defining either if needed.
    pub fn category(
        &mut self,
        doc: &mut Document,
        scheme: &str,
        value: &str,
    ) -> Result<(), String> {
        if scheme.trim().is_empty() || value.trim().is_empty() {
            return Err(format!(
                "category {scheme:?}: {value:?} needs a scheme and a value"
            ));
        }
        let color = self.next_color();
        let i = match self.schemes.iter().position(|s| s.name == scheme) {
            Some(i) => i,
            None => {
                self.schemes.push(CategoryScheme {
                    name: scheme.to_string(),
                    multiple: false,
                    values: Vec::new(),
                    description: String::new(),
                });
                self.schemes.len() - 1
            }
        };
        let def = &mut self.schemes[i];
        if def.value(value).is_none() {
            def.values.push(CategoryValue {
                name: value.to_string(),
                key: None,
                color,
            });
            self.changed_schemes.insert(scheme.to_string());
        }
        let chosen = doc.categories.entry(scheme.to_string()).or_default();
        if !chosen.iter().any(|v| v == value) {
            chosen.push(value.to_string());
        }
        chosen.sort_by_key(|v| def.values.iter().position(|d| &d.name == v));
        if chosen.len() > 1 && !def.multiple {
            def.multiple = true;
            self.changed_schemes.insert(scheme.to_string());
        }
        Ok(())
    }

    /// A flat category label onto `doc`: `scheme:value`; or a bare value, put in the project's
    /// scheme that has it (the first), else in a scheme called [`PLAIN_SCHEME`].
    pub fn flat_category(&mut self, doc: &mut Document, label: &str) -> Result<(), String> {
        if let Some((s, v)) = split_cat_label(label) {
            return self.category(doc, s, v);
        }
        let scheme = self
            .schemes
            .iter()
            .find(|s| s.value(label).is_some())
            .map_or(PLAIN_SCHEME.to_string(), |s| s.name.clone());
        self.category(doc, &scheme, label)
    }

    /// Set `name` = `value` on `attrs` (of an item of `target`), defining either if needed.
    pub fn attribute(
        &mut self,
        attrs: &mut Attributes,
        target: AttrTarget,
        name: &str,
        value: &str,
    ) -> Result<(), String> {
        if name.trim().is_empty() || value.trim().is_empty() {
            return Err(format!(
                "{} attribute {name:?}: {value:?} needs a name and a value",
                target.name()
            ));
        }
        match self
            .attributes
            .iter_mut()
            .find(|a| a.target == target && a.name == name)
        {
            Some(def) if def.allows(value) => {}
            Some(def) => {
                def.values.push(value.to_string());
                self.changed_attributes.insert((target, name.to_string()));
            }
            None => {
                self.attributes.push(AttributeDef {
                    name: name.to_string(),
                    target,
                    values: vec![value.to_string()],
                    description: String::new(),
                });
                self.changed_attributes.insert((target, name.to_string()));
            }
        }
        attrs.set(name, Some(value.to_string()));
        Ok(())
    }

    /// Every attribute of a JSON object (`{"gender": "female"}`) onto `attrs`; values that are
    /// not text are written as JSON.
    pub fn attributes_from_json(
        &mut self,
        attrs: &mut Attributes,
        target: AttrTarget,
        value: &serde_json::Value,
    ) -> Result<(), String> {
        match value {
            serde_json::Value::Null => Ok(()),
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match v {
                        serde_json::Value::Null => {}
                        serde_json::Value::String(s) => self.attribute(attrs, target, k, s)?,
                        other => self.attribute(attrs, target, k, &other.to_string())?,
                    }
                }
                Ok(())
            }
            other => Err(format!(
                "attributes of {} must be an object, not {other}",
                target.name()
            )),
        }
    }

    /// The schemes and attributes made or changed, to add to (or update in) the project.
    pub fn finish(self) -> (Vec<CategoryScheme>, Vec<AttributeDef>) {
        let schemes = self
            .schemes
            .into_iter()
            .filter(|s| self.changed_schemes.contains(&s.name))
            .collect();
        let attributes = self
            .attributes
            .into_iter()
            .filter(|a| {
                self.changed_attributes
                    .contains(&(a.target, a.name.clone()))
            })
            .collect();
        (schemes, attributes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    #[test]
    fn flat_labels_split_at_the_first_colon() {
        assert_eq!(cat_label("topic", "politics"), "topic:politics");
        assert_eq!(split_cat_label("frame:a:b"), Some(("frame", "a:b")));
        assert_eq!(split_cat_label("POSITIVE"), None);
        assert_eq!(split_cat_label(":x"), None);
    }

    #[test]
    fn codes_grow_schemes_and_attributes_and_report_only_what_changed() {
        let mut p = Project::new("t");
        p.schemes.push(CategoryScheme {
            name: "tone".into(),
            multiple: false,
            values: vec![CategoryValue {
                name: "neutral".into(),
                key: Some('n'),
                color: Color([1, 1, 1]),
            }],
            description: String::new(),
        });
        let mut codes = Codes::new(&p);
        let mut d = Document::new(DocId(1), "a", "x");
        codes.category(&mut d, "tone", "neutral").unwrap();
        codes.category(&mut d, "topic", "sport").unwrap();
        codes.category(&mut d, "topic", "economy").unwrap();
        assert_eq!(d.categories["topic"], ["sport", "economy"]);
        let mut a = Attributes::default();
        codes
            .attribute(&mut a, AttrTarget::Entity, "gender", "female")
            .unwrap();
        assert_eq!(a.value("gender"), Some("female"));
        let (schemes, attributes) = codes.finish();
        assert_eq!(schemes.len(), 1, "tone is unchanged");
        assert!(schemes[0].multiple && schemes[0].values.len() == 2);
        assert_eq!(attributes[0].values, ["female"]);
    }

    #[test]
    fn one_hot_lists_every_value_of_the_chosen_schemes() {
        let mut p = Project::new("t");
        let mut codes = Codes::new(&p);
        let mut d = Document::new(DocId(1), "a", "x");
        codes.category(&mut d, "topic", "sport").unwrap();
        let mut other = Document::new(DocId(2), "b", "x");
        codes.category(&mut other, "topic", "politics").unwrap();
        (p.schemes, _) = codes.finish();
        assert_eq!(
            one_hot(&p, &d),
            [
                ("topic:sport".to_string(), 1.0),
                ("topic:politics".to_string(), 0.0)
            ]
        );
    }
}
