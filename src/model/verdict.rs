//! Verdict memory: the suggestions a user turned down, kept so they stay turned down.
//!
//! Suggestions themselves are derived and never saved; rejections are saved with the project so
//! re-running the matcher after reopening does not ask the same question twice.

use serde::{Deserialize, Serialize};

use super::DocId;

/// One rejected suggestion: this range of this document is not this label.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    pub doc: DocId,
    pub start: usize,
    pub end: usize,
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictMemory {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
    /// (text, label): never suggest this string as this label anywhere in the project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub never: Vec<(String, String)>,
}

impl VerdictMemory {
    pub fn is_empty(&self) -> bool {
        self.rejected.is_empty() && self.never.is_empty()
    }

    pub fn is_rejected(&self, doc: DocId, start: usize, end: usize, label: &str) -> bool {
        self.rejected
            .iter()
            .any(|r| r.doc == doc && r.start == start && r.end == end && r.label == label)
    }

    pub fn is_never(&self, text: &str, label: &str) -> bool {
        self.never.iter().any(|(t, l)| t == text && l == label)
    }
}
