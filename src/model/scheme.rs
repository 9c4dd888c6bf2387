//! Category schemes and attributes: what a project codes beyond span labels.
//!
//! A *category scheme* classifies whole documents (`topic: politics, economy, sport`; `tone:
//! positive, neutral, negative`), with one value per document or several. An *attribute*
//! describes one entity, span or quote (entity `gender: female, male, unknown`; quote `stance`),
//! from a list of values or, when the list is empty, as free text.
//!
//! A document holds its categories as `scheme → chosen values`; an entity, span or quote its
//! attributes as `name → value` in an [`Attributes`](super::Attributes) map. Both are keyed by name, so a project
//! file stays readable and two annotators' files merge scheme by scheme and attribute by
//! attribute. All of it is absent from files that use none of it, so older files load unchanged.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Color, DocId, EntityId, QuoteId, SpanId};

/// One value of a category scheme: its name as exported, the key that sets it in categorise
/// mode, and its colour in the documents list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryValue {
    pub name: String,
    /// A letter or digit that sets (or toggles) this value, unique within its scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<char>,
    pub color: Color,
}

/// A way of classifying documents: a name, its values, and whether a document may take several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryScheme {
    pub name: String,
    /// Several values per document (`true`), or at most one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub multiple: bool,
    pub values: Vec<CategoryValue>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl CategoryScheme {
    pub fn value(&self, name: &str) -> Option<&CategoryValue> {
        self.values.iter().find(|v| v.name == name)
    }

    pub fn by_key(&self, key: char) -> Option<&CategoryValue> {
        self.values.iter().find(|v| v.key == Some(key))
    }
}

/// What an attribute describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AttrTarget {
    Entity,
    Span,
    Quote,
}

impl AttrTarget {
    pub const ALL: [AttrTarget; 3] = [AttrTarget::Entity, AttrTarget::Span, AttrTarget::Quote];

    pub fn name(self) -> &'static str {
        match self {
            AttrTarget::Entity => "entity",
            AttrTarget::Span => "span",
            AttrTarget::Quote => "quote",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            AttrTarget::Entity => "entities",
            AttrTarget::Span => "spans",
            AttrTarget::Quote => "quotes",
        }
    }
}

/// An attribute of entities, spans or quotes: its values, or free text when `values` is empty.
/// Its values are set by the digits 1–9 in list order when an item of its target is selected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    pub name: String,
    pub target: AttrTarget,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl AttributeDef {
    /// Free text: any value is allowed.
    pub fn is_free_text(&self) -> bool {
        self.values.is_empty()
    }

    pub fn allows(&self, value: &str) -> bool {
        self.is_free_text() || self.values.iter().any(|v| v == value)
    }
}

/// The one entity, span or quote an attribute is set on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AttrItem {
    Entity(EntityId),
    Span(DocId, SpanId),
    Quote(DocId, QuoteId),
}

impl AttrItem {
    pub fn target(self) -> AttrTarget {
        match self {
            AttrItem::Entity(_) => AttrTarget::Entity,
            AttrItem::Span(..) => AttrTarget::Span,
            AttrItem::Quote(..) => AttrTarget::Quote,
        }
    }
}

/// A document's categories: scheme name → the values chosen (in the scheme's order).
pub type Categories = BTreeMap<String, Vec<String>>;
