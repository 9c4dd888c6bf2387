//! A canonical entity: the one real-world person, organisation or place that mentions point to.

use serde::{Deserialize, Serialize};

use super::{Attributes, EntityId};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: EntityId,
    /// The name shown and exported ("Vladimir Putin").
    pub name: String,
    pub label: String,
    /// Other names it goes by ("Putin", "the Russian president"); used for linking and matching.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Attribute name → value (`gender: female`); see `model::scheme`.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl Entity {
    /// True when `text` is the entity's name or one of its aliases.
    pub fn is_called(&self, text: &str) -> bool {
        self.name == text || self.aliases.iter().any(|a| a == text)
    }
}
