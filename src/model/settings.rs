//! Matcher settings: which engines run for a project and which lists they use. Saved with the
//! project, so everyone opening it gets the same suggestions.

use serde::{Deserialize, Serialize};

/// A list of names the user brought: TSV (`text<TAB>label[<TAB>canonical]`) or Prodigy-style
/// patterns JSONL, by path relative to the project file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserList {
    pub path: String,
    #[serde(default)]
    pub fold_case: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct MatcherSettings {
    pub gazetteer: bool,
    pub learned: bool,
    pub rules: bool,
    /// Quotations with their speakers and cues (`matcher::quotes`).
    pub quotes: bool,
    /// The statistical model that learns from the project's annotations (`matcher::model`).
    pub model: bool,
    /// Learned strings shorter than this (in characters) are not suggested, acronyms in
    /// capitals excepted.
    pub min_learned_len: usize,
    /// Bundled lists switched off, by name ("cities", …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disabled_lists: Vec<String>,
    /// Bundled lists matched regardless of case (for text in capitals).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fold_case_lists: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub user_lists: Vec<UserList>,
}

impl Default for MatcherSettings {
    fn default() -> Self {
        Self {
            gazetteer: true,
            learned: true,
            rules: true,
            quotes: true,
            model: true,
            min_learned_len: 3,
            disabled_lists: Vec::new(),
            fold_case_lists: Vec::new(),
            user_lists: Vec::new(),
        }
    }
}

impl MatcherSettings {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}
