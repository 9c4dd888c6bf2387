//! A span: one labelled stretch of a document's text, an entity mention such as "Angela Merkel".

use serde::{Deserialize, Serialize};

use super::{Attributes, CharRange, EntityId, Origin, SpanId, Symbol};

/// A labelled range of a document. `start..end` are code points, end-exclusive.
///
/// A span may link to a canonical entity; mentions of the same person ("Angela Merkel", "Merkel",
/// "the chancellor") then roll up to one entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub id: SpanId,
    pub start: usize,
    pub end: usize,
    pub label: Symbol,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityId>,
    /// A name (the default), or a pronoun or description standing for one ("she", "the
    /// minister"): kept so quotes can name their speaker without teaching a NER model that
    /// "she" is a PERSON. Exports for NER take names only.
    #[serde(default, skip_serializing_if = "Mention::is_name")]
    pub mention: Mention,
    #[serde(default, skip_serializing_if = "Origin::is_manual")]
    pub origin: Origin,
    /// Attribute name → value; see `model::scheme`.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

/// What kind of mention a span is, after the ACE convention (NAM, PRO, NOM).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mention {
    /// A proper name: "Angela Merkel", "Berlin".
    #[default]
    Name,
    /// A pronoun: "she", "they".
    Pronoun,
    /// A description: "the chancellor", "a spokesman".
    Nominal,
}

impl Mention {
    pub const ALL: [Mention; 3] = [Mention::Name, Mention::Pronoun, Mention::Nominal];

    pub fn is_name(&self) -> bool {
        matches!(self, Mention::Name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Mention::Name => "name",
            Mention::Pronoun => "pronoun",
            Mention::Nominal => "description",
        }
    }
}

impl Span {
    pub fn new(id: SpanId, range: CharRange, label: impl Into<Symbol>) -> Self {
        Self {
            id,
            start: range.start,
            end: range.end,
            label: label.into(),
            entity: None,
            mention: Mention::Name,
            origin: Origin::Manual,
            attributes: Attributes::default(),
        }
    }

    pub fn range(&self) -> CharRange {
        CharRange::new(self.start, self.end)
    }

    /// The order spans are kept in: by start, longer first, then by id, so an outer span comes
    /// before the spans nested in it and the order never depends on insertion history.
    pub fn sort_key(&self) -> (usize, std::cmp::Reverse<usize>, SpanId) {
        (self.start, std::cmp::Reverse(self.end), self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 6's budget is 64 bytes an annotation; a span is the annotation there are most of.
    /// (Its label and origin are `Symbol`s, so no span owns any memory besides these bytes.)
    #[test]
    fn a_span_fits_in_64_bytes() {
        assert!(
            std::mem::size_of::<Span>() <= 64,
            "{}",
            std::mem::size_of::<Span>()
        );
    }
}
