//! Verdict memory: the suggestions a user turned down, kept so they stay turned down.
//!
//! Suggestions themselves are derived and never saved; rejections are saved with the project so
//! re-running the matcher after reopening does not ask the same question twice.

use serde::{Deserialize, Serialize};

use super::{DocId, Symbol};

/// One rejected suggestion: this range of this document is not this label.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    pub doc: DocId,
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// The engine that proposed it (several joined by `+`, as in `Suggestion::engine`), for the
    /// user's precision per engine; `None` in files written before it was kept, and for
    /// rejections that came from no engine (a curator turning down an annotator's span).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<Symbol>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejections_written_before_engines_were_kept_still_load() {
        // What an older Gloss wrote: no `engine`.
        let old =
            r#"(rejected: [(doc: 1, start: 0, end: 5, label: "ORG")], never: [("Mr", "PERSON")])"#;
        let v: VerdictMemory = ron::from_str(old).unwrap();
        assert_eq!(v.rejected.len(), 1);
        assert_eq!(v.rejected[0].engine, None);
        assert!(v.is_rejected(DocId(1), 0, 5, "ORG"));
        // A rejection without an engine is written as before.
        let again = ron::to_string(&v).unwrap();
        assert!(!again.contains("engine"), "{again}");
        // One with its engine keeps it through a save and a load.
        let mut v = v;
        v.rejected[0].engine = Some("gazetteer+spacy".into());
        let text = ron::to_string(&v).unwrap();
        let back: VerdictMemory = ron::from_str(&text).unwrap();
        assert_eq!(back, v);
        assert_eq!(
            back.rejected[0].engine.map(|e| e.as_str()),
            Some("gazetteer+spacy")
        );
    }
}
