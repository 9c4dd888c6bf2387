//! Matcher settings: which engines run for a project and which lists they use. Saved with the
//! project, so everyone opening it gets the same suggestions.
//!
//! Engines outside Gloss (`ExternalEngine`, and the bundled spaCy engine `SpacyEngine`) are
//! programs Gloss starts; their settings say how to start them. Every field added here has a
//! serde default, so project files written before it still load unchanged.

use std::collections::BTreeMap;

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
    /// Engines outside Gloss, run as child processes (see `matcher::external`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external: Vec<ExternalEngine>,
    /// The bundled spaCy engine (`engines/spacy_engine.py`).
    #[serde(skip_serializing_if = "SpacyEngine::is_default")]
    pub spacy: SpacyEngine,
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
            external: Vec::new(),
            spacy: SpacyEngine::default(),
        }
    }
}

impl MatcherSettings {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Seconds an outside engine may go without reading a document or writing a line before it is
/// stopped: long enough for a large pipeline to load, short enough that a hung one is noticed.
pub const ENGINE_TIMEOUT_SECS: u64 = 120;

fn yes() -> bool {
    true
}

fn engine_timeout() -> u64 {
    ENGINE_TIMEOUT_SECS
}

/// An engine outside Gloss: a program started as a child process, which reads documents as
/// JSON Lines on its standard input and writes suggestions on its standard output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalEngine {
    /// Its name in suggestions, the engine filter and `gloss suggest --engines`.
    pub name: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    /// The program: a path, or a name looked up on `PATH`.
    pub command: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    /// The engine's labels and the project's they stand for ("PERSON" → "PER"); a label not
    /// named here is taken as it is.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Seconds the engine may go without reading a document or writing a line.
    #[serde(default = "engine_timeout")]
    pub timeout_secs: u64,
}

impl ExternalEngine {
    /// A new engine running `command`, on, with no arguments or label mapping.
    pub fn new(name: impl Into<String>, command: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            enabled: true,
            command: command.into(),
            args: Vec::new(),
            labels: BTreeMap::new(),
            timeout_secs: ENGINE_TIMEOUT_SECS,
        }
    }
}

/// The bundled spaCy engine: any installed spaCy pipeline, run by a Python that has spaCy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct SpacyEngine {
    pub enabled: bool,
    /// An installed pipeline's name ("en_core_web_sm") or the folder of a saved one.
    pub model: String,
    /// The Python to run it with ("python3", or a virtual environment's `bin/python`).
    pub python: String,
    /// Seconds it may go without reading a document or writing a line (loading a large
    /// pipeline counts).
    pub timeout_secs: u64,
}

impl Default for SpacyEngine {
    fn default() -> Self {
        Self {
            enabled: false,
            model: "en_core_web_sm".into(),
            python: "python3".into(),
            timeout_secs: 300,
        }
    }
}

impl SpacyEngine {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_written_before_outside_engines_still_load() {
        // What an older Gloss wrote: no `external`, no `spacy`.
        let old = r#"(gazetteer: true, learned: false, rules: true, quotes: true, model: true,
            min_learned_len: 4, user_lists: [(path: "names.tsv")])"#;
        let s: MatcherSettings = ron::from_str(old).unwrap();
        assert!(!s.learned);
        assert_eq!(s.min_learned_len, 4);
        assert!(s.external.is_empty());
        assert_eq!(s.spacy, SpacyEngine::default());
        // And what this one writes for them reads back.
        let mut s = s;
        let mut e = ExternalEngine::new("my-ner", "python3");
        e.args = vec!["ner.py".into()];
        e.labels.insert("PERSON".into(), "PER".into());
        s.external.push(e);
        s.spacy.enabled = true;
        let text = ron::to_string(&s).unwrap();
        let back: MatcherSettings = ron::from_str(&text).unwrap();
        assert_eq!(back, s);
        // An engine written with only its name and command gets the defaults.
        let short: ExternalEngine = ron::from_str(r#"(name: "x", command: "x")"#).unwrap();
        assert!(short.enabled);
        assert_eq!(short.timeout_secs, ENGINE_TIMEOUT_SECS);
    }
}
