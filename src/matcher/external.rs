//! The protocol of engines outside Gloss: what an engine is given and what it may answer, and
//! the checks every answer passes before it becomes a suggestion. Pure: bytes in, suggestions
//! and a report out; starting the program is `io::engine_process`'s business.
//!
//! An engine reads one document per line of JSON on its standard input,
//! `{"doc": 3, "name": "putin-obama", "text": "…", "labels": ["PERSON", "ORG", …]}`, and
//! writes one suggestion per line on its standard output, for any document in any order:
//!
//! ```text
//! {"doc": 3, "start": 0, "end": 5, "label": "PERSON", "score": 0.9, "reason": "…"}
//! {"doc": 3, "quote": {"content": [[12, 39]], "speaker": [0, 5], "cue": [6, 10],
//!                      "kind": "direct"}, "score": 0.8}
//! {"doc": 3, "category": {"topic": "politics"}, "score": 0.8}
//! ```
//!
//! Offsets are code points, end-exclusive (Python's `str` indices). `doc` is the number Gloss
//! sent (or the document's name); `score` (0–1, default [`DEFAULT_SCORE`]), `reason`,
//! `speaker`, `cue` and `kind` (direct, indirect, mixed; default direct) may be left out.
//! A `category` line suggests a value of one of the project's category schemes for the whole
//! document (a scheme or value the project does not have is dropped and counted, as an
//! unknown label is); it is only ever offered, never set without the annotator.
//!
//! An engine is trusted with nothing: a line that is not such a suggestion is skipped and
//! reported by number; a suggestion outside its document, with start ≥ end, for a document
//! it was not given, or with a label the project does not have (after the engine's own label
//! mapping, then the equivalents every engine gets, `engines::project_label`) is dropped, and
//! each kind of drop is counted with its first few examples. Garbage is fatal only when no
//! line at all was a suggestion: then the engine is not speaking the protocol.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::engines::project_label;
use super::lookup::ProjectIndex;
use super::quotes::KnownMention;
use crate::model::{
    CategoryScheme, Document, LabelSet, Mention, Proposal, QuoteKind, Suggestion, Symbol,
};

/// The score of a suggestion whose engine gives none.
pub const DEFAULT_SCORE: f32 = 0.5;

/// How many examples of each kind of problem a report names.
const EXAMPLES: usize = 3;

/// One input line for an engine: the document's number, name, text and the project's labels,
/// ending in a newline.
pub fn input_line(number: u64, name: &str, text: &str, labels: &[String]) -> Vec<u8> {
    #[derive(serde::Serialize)]
    struct Input<'a> {
        doc: u64,
        name: &'a str,
        text: &'a str,
        labels: &'a [String],
    }
    let mut out = Vec::with_capacity(text.len() + 128);
    let input = Input {
        doc: number,
        name,
        text,
        labels,
    };
    // Serialising plain strings and numbers into memory cannot fail.
    let _ = serde_json::to_writer(&mut out, &input);
    out.push(b'\n');
    out
}

/// An output line as written; every field optional so that a missing one is reported by name.
#[derive(Deserialize)]
struct Line {
    doc: Option<serde_json::Value>,
    start: Option<i64>,
    end: Option<i64>,
    label: Option<String>,
    score: Option<f64>,
    reason: Option<String>,
    quote: Option<QuoteLine>,
    category: Option<BTreeMap<String, String>>,
}

/// A document category an outside engine suggests: a value of one of the project's schemes.
#[derive(Clone, Debug, PartialEq)]
pub struct CategorySuggestion {
    pub scheme: String,
    pub value: String,
    /// Confidence in 0..=1.
    pub score: f32,
    /// The engine's name.
    pub engine: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteLine {
    content: Vec<(i64, i64)>,
    #[serde(default)]
    speaker: Option<(i64, i64)>,
    #[serde(default)]
    cue: Option<(i64, i64)>,
    #[serde(default)]
    kind: Option<String>,
}

/// One kind of problem: how many, and the first few.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dropped {
    pub count: usize,
    pub examples: Vec<String>,
}

impl Dropped {
    fn add(&mut self, example: impl FnOnce() -> String) {
        self.count += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(example());
        }
    }

    fn line(&self, what: &str) -> Option<String> {
        if self.count == 0 {
            return None;
        }
        let more = if self.count > self.examples.len() {
            "; …"
        } else {
            ""
        };
        Some(format!("{what} ({}{more})", self.examples.join("; ")))
    }
}

/// What was wrong with an engine's output.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Lines that were suggestions (kept or dropped).
    pub suggestions: usize,
    pub kept: usize,
    /// Lines that are not suggestions.
    pub garbage: Dropped,
    /// Ranges outside their document.
    pub outside: Dropped,
    /// Ranges with start ≥ end.
    pub empty: Dropped,
    /// Suggestions for a document the engine was not given.
    pub unknown_doc: Dropped,
    /// Labels the project does not have, with how many suggestions named each.
    pub unknown_labels: BTreeMap<String, usize>,
    /// Categories the project does not have ("topic = crime", or a scheme's name alone), with
    /// how many suggestions named each.
    pub unknown_categories: BTreeMap<String, usize>,
}

impl Report {
    /// One line per kind of problem, each naming the engine; empty when all was well.
    pub fn messages(&self, engine: &str) -> Vec<String> {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        let mut out = Vec::new();
        let lines = [
            (
                &self.garbage,
                n(self.garbage.count, "line is", "lines are") + " not suggestions, skipped",
            ),
            (
                &self.outside,
                n(self.outside.count, "suggestion", "suggestions")
                    + " outside the document, dropped",
            ),
            (
                &self.empty,
                n(self.empty.count, "suggestion", "suggestions") + " with start ≥ end, dropped",
            ),
            (
                &self.unknown_doc,
                n(self.unknown_doc.count, "suggestion", "suggestions")
                    + " for a document it was not given, dropped",
            ),
        ];
        for (d, what) in lines {
            if let Some(l) = d.line(&what) {
                out.push(format!("{engine}: {l}"));
            }
        }
        if !self.unknown_labels.is_empty() {
            let total: usize = self.unknown_labels.values().sum();
            let named: Vec<String> = self
                .unknown_labels
                .iter()
                .take(EXAMPLES * 2)
                .map(|(l, k)| format!("{l} ({k})"))
                .collect();
            let more = if self.unknown_labels.len() > EXAMPLES * 2 {
                ", …"
            } else {
                ""
            };
            out.push(format!(
                "{engine}: {} with a label the project does not have, dropped: {}{more} (map them in the engine's labels)",
                n(total, "suggestion", "suggestions"),
                named.join(", ")
            ));
        }
        if !self.unknown_categories.is_empty() {
            let total: usize = self.unknown_categories.values().sum();
            let named: Vec<String> = self
                .unknown_categories
                .iter()
                .take(EXAMPLES * 2)
                .map(|(l, k)| format!("{l} ({k})"))
                .collect();
            let more = if self.unknown_categories.len() > EXAMPLES * 2 {
                ", …"
            } else {
                ""
            };
            out.push(format!(
                "{engine}: {} with a category the project does not have, dropped: {}{more}",
                n(total, "category suggestion", "category suggestions"),
                named.join(", ")
            ));
        }
        out
    }
}

/// An engine that spoke no protocol at all: every line it wrote was garbage.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{engine}: wrote {lines} lines and none is a suggestion ({first})")]
pub struct NoSuggestions {
    pub engine: String,
    pub lines: usize,
    pub first: String,
}

/// Reads an engine's output lines for the documents it was given, keeping the suggestions
/// that pass and counting those that do not.
pub struct Collector<'a> {
    engine: Symbol,
    /// The number each document was sent with → the document.
    docs: HashMap<u64, &'a Document>,
    /// Name → number, for an engine that answers with names (`None` when two share one).
    names: HashMap<&'a str, Option<u64>>,
    /// The engine's labels → the project's.
    mapping: &'a BTreeMap<String, String>,
    labels: &'a LabelSet,
    schemes: &'a [CategoryScheme],
    found: HashMap<u64, Vec<Suggestion>>,
    categories: HashMap<u64, Vec<CategorySuggestion>>,
    report: Report,
}

/// What an engine found, by the number each document was sent with.
pub struct Collected {
    pub found: HashMap<u64, Vec<Suggestion>>,
    /// The document categories it suggests, by document number.
    pub categories: HashMap<u64, Vec<CategorySuggestion>>,
    pub report: Report,
}

impl<'a> Collector<'a> {
    /// For `engine`'s answers about `docs` (each with the number it is sent with), in a
    /// project with `labels` and category `schemes`; `mapping` turns the engine's labels into
    /// the project's.
    pub fn new(
        engine: &str,
        docs: impl IntoIterator<Item = (u64, &'a Document)>,
        mapping: &'a BTreeMap<String, String>,
        labels: &'a LabelSet,
        schemes: &'a [CategoryScheme],
    ) -> Self {
        let docs: HashMap<u64, &Document> = docs.into_iter().collect();
        let mut names: HashMap<&str, Option<u64>> = HashMap::new();
        for (n, d) in &docs {
            names
                .entry(d.name.as_str())
                .and_modify(|v| *v = None)
                .or_insert(Some(*n));
        }
        Self {
            engine: Symbol::new(engine),
            docs,
            names,
            mapping,
            labels,
            schemes,
            found: HashMap::new(),
            categories: HashMap::new(),
            report: Report::default(),
        }
    }

    /// Line `number` (from 1) of the engine's output, without its newline.
    pub fn line(&mut self, number: usize, bytes: &[u8]) {
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t.trim(),
            Err(e) => {
                let at = e.valid_up_to();
                self.report
                    .garbage
                    .add(|| format!("line {number}: not UTF-8 (byte {at})"));
                return;
            }
        };
        if text.is_empty() {
            return;
        }
        let parsed: Line = match serde_json::from_str(text) {
            Ok(l) => l,
            Err(e) => {
                let e = e.to_string();
                self.report
                    .garbage
                    .add(|| format!("line {number}: {}: {}", e, preview(text)));
                return;
            }
        };
        if let Err(why) = self.take(number, parsed) {
            self.report
                .garbage
                .add(|| format!("line {number}: {why}: {}", preview(text)));
        }
    }

    /// A parsed line: `Err` when it is not a suggestion (a field missing or mistyped).
    fn take(&mut self, number: usize, line: Line) -> Result<(), String> {
        let doc = match &line.doc {
            None => return Err("no \"doc\"".into()),
            Some(serde_json::Value::Number(n)) => n.as_u64(),
            Some(serde_json::Value::String(s)) => s
                .parse()
                .ok()
                .filter(|n| self.docs.contains_key(n))
                .or_else(|| self.names.get(s.as_str()).copied().flatten()),
            Some(_) => return Err("\"doc\" is neither a number nor a name".into()),
        };
        let score = match line.score {
            None => DEFAULT_SCORE,
            Some(s) if s.is_finite() => s.clamp(0.0, 1.0) as f32,
            Some(_) => return Err("\"score\" is not a number".into()),
        };
        let proposal = match (line.category, line.quote, line.start, line.end, line.label) {
            (Some(c), _, _, _, _) => {
                if c.is_empty() {
                    return Err("a category with no scheme".into());
                }
                Found::Category(c)
            }
            (None, Some(q), _, _, _) => {
                let kind = quote_kind(q.kind.as_deref())?;
                if q.content.is_empty() {
                    return Err("a quote with no content".into());
                }
                Found::Quote(q, kind)
            }
            (None, None, Some(start), Some(end), Some(label)) => Found::Span { start, end, label },
            _ => return Err("neither start, end and label nor a quote nor a category".into()),
        };
        self.report.suggestions += 1;
        let Some((n, d)) = doc.and_then(|n| self.docs.get(&n).map(|d| (n, *d))) else {
            let which = line.doc.map(|v| v.to_string()).unwrap_or_default();
            self.report
                .unknown_doc
                .add(|| format!("line {number}: doc {which}"));
            return Ok(());
        };
        if let Found::Category(c) = proposal {
            for (scheme, value) in c {
                if let Some(s) = self.category(&scheme, &value, score) {
                    self.report.kept += 1;
                    self.categories.entry(n).or_default().push(s);
                }
            }
            return Ok(());
        }
        let made = match proposal {
            Found::Category(_) => None,
            Found::Span { start, end, label } => {
                self.span(number, d, start, end, label, score, line.reason)
            }
            Found::Quote(q, kind) => self.quote(number, d, q, kind, score, line.reason),
        };
        if let Some(s) = made {
            self.report.kept += 1;
            self.found.entry(n).or_default().push(s);
        }
        Ok(())
    }

    /// A category checked against the project's schemes (exact names first, then ignoring
    /// case): `None` (and counted) when the scheme or value is not the project's.
    fn category(&mut self, scheme: &str, value: &str, score: f32) -> Option<CategorySuggestion> {
        let def = self.schemes.iter().find(|s| s.name == scheme).or_else(|| {
            self.schemes
                .iter()
                .find(|s| s.name.eq_ignore_ascii_case(scheme))
        });
        let Some(def) = def else {
            *self
                .report
                .unknown_categories
                .entry(scheme.to_string())
                .or_insert(0) += 1;
            return None;
        };
        let v = def.value(value).or_else(|| {
            def.values
                .iter()
                .find(|v| v.name.eq_ignore_ascii_case(value))
        });
        let Some(v) = v else {
            *self
                .report
                .unknown_categories
                .entry(format!("{} = {value}", def.name))
                .or_insert(0) += 1;
            return None;
        };
        Some(CategorySuggestion {
            scheme: def.name.clone(),
            value: v.name.clone(),
            score,
            engine: self.engine.to_string(),
        })
    }

    /// A range checked against `d`: `None` (and counted) when it is empty or outside.
    fn range(&mut self, number: usize, d: &Document, (a, b): (i64, i64)) -> Option<(usize, usize)> {
        let len = d.char_len();
        if a >= b {
            self.report.empty.add(|| format!("line {number}: {a}..{b}"));
            return None;
        }
        match (usize::try_from(a), usize::try_from(b)) {
            (Ok(a), Ok(b)) if b <= len => Some((a, b)),
            _ => {
                self.report
                    .outside
                    .add(|| format!("line {number}: {a}..{b} in a document of {len} characters"));
                None
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn span(
        &mut self,
        number: usize,
        d: &Document,
        start: i64,
        end: i64,
        label: String,
        score: f32,
        reason: Option<String>,
    ) -> Option<Suggestion> {
        let (a, b) = self.range(number, d, (start, end))?;
        let mapped = self
            .mapping
            .get(&label)
            .or_else(|| {
                self.mapping
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(&label))
                    .map(|(_, v)| v)
            })
            .cloned()
            .unwrap_or_else(|| label.clone());
        if project_label(self.labels, &mapped).is_none() {
            *self.report.unknown_labels.entry(mapped).or_insert(0) += 1;
            return None;
        }
        let text = d.slice(a, b);
        let shown = if mapped == label {
            label.clone()
        } else {
            format!("{mapped} ({label})")
        };
        let why = reason
            .filter(|r| !r.trim().is_empty())
            .map(|r| format!(": {}", r.trim()))
            .unwrap_or_default();
        Some(Suggestion {
            reason: format!("{text} as {shown} by {}{why}", self.engine),
            proposal: Proposal::Span {
                start: a,
                end: b,
                label: mapped,
                entity: None,
                new_entity: Some(text.to_string()),
            },
            score,
            engine: self.engine,
            rule: format!("{}: {label}", self.engine),
        })
    }

    fn quote(
        &mut self,
        number: usize,
        d: &Document,
        q: QuoteLine,
        kind: QuoteKind,
        score: f32,
        reason: Option<String>,
    ) -> Option<Suggestion> {
        let mut content = Vec::with_capacity(q.content.len());
        for r in q.content {
            content.push(self.range(number, d, r)?);
        }
        content.sort_unstable();
        let mut checked = |r: Option<(i64, i64)>| match r {
            None => Ok(None),
            Some(r) => self.range(number, d, r).map(Some).ok_or(()),
        };
        let (Ok(speaker), Ok(cue)) = (checked(q.speaker), checked(q.cue)) else {
            return None;
        };
        let speaker_mention = match speaker {
            Some((a, b)) if crate::text::is_pronoun_at(d, a, b) => Mention::Pronoun,
            Some((a, _)) if d.slice(a, a + 1).chars().all(char::is_lowercase) => Mention::Nominal,
            _ => Mention::Name,
        };
        let speaker_new_entity = speaker
            .filter(|_| speaker_mention == Mention::Name)
            .map(|(a, b)| d.slice(a, b).to_string());
        let why = reason
            .filter(|r| !r.trim().is_empty())
            .map(|r| format!(": {}", r.trim()))
            .unwrap_or_default();
        let who = speaker
            .map(|(a, b)| format!(", said by {}", d.slice(a, b)))
            .unwrap_or_default();
        Some(Suggestion {
            reason: format!("{} quote{who} by {}{why}", kind.name(), self.engine),
            proposal: Proposal::Quote {
                content,
                cue,
                speaker,
                speaker_label: None,
                speaker_mention,
                speaker_entity: None,
                speaker_new_entity,
                kind,
            },
            score,
            engine: self.engine,
            rule: format!("{}: quote", self.engine),
        })
    }

    /// Everything read: the suggestions by document number and the report; an error when
    /// lines came and none was a suggestion.
    pub fn finish(self) -> Result<Collected, NoSuggestions> {
        if self.report.suggestions == 0 && self.report.garbage.count > 0 {
            return Err(NoSuggestions {
                engine: self.engine.to_string(),
                lines: self.report.garbage.count,
                first: self.report.garbage.examples.join("; "),
            });
        }
        Ok(Collected {
            found: self.found,
            categories: self.categories,
            report: self.report,
        })
    }
}

enum Found {
    Category(BTreeMap<String, String>),
    Span { start: i64, end: i64, label: String },
    Quote(QuoteLine, QuoteKind),
}

fn quote_kind(kind: Option<&str>) -> Result<QuoteKind, String> {
    match kind.map(str::to_ascii_lowercase).as_deref() {
        None | Some("direct") => Ok(QuoteKind::Direct),
        Some("indirect") => Ok(QuoteKind::Indirect),
        Some("mixed") => Ok(QuoteKind::Mixed),
        Some(k) => Err(format!("unknown quote kind \"{k}\"")),
    }
}

/// The start of a bad line, for a report.
fn preview(line: &str) -> String {
    const MAX: usize = 60;
    if line.chars().count() <= MAX {
        line.to_string()
    } else {
        let cut: String = line.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// Outside engines' span suggestions for `doc`, linked to the project's entity of their name
/// and label when there is one (an engine knows nothing of the project's entities).
pub fn link_spans(index: &ProjectIndex, found: &[Suggestion]) -> Vec<Suggestion> {
    found
        .iter()
        .filter(|s| matches!(s.proposal, Proposal::Span { .. }))
        .cloned()
        .map(|mut s| {
            if let Proposal::Span {
                label,
                entity,
                new_entity,
                ..
            } = &mut s.proposal
                && entity.is_none()
                && let Some(id) = new_entity.as_deref().and_then(|n| index.named(n, label))
            {
                *entity = Some(id);
                *new_entity = None;
            }
            s
        })
        .collect()
}

/// Outside engines' quote suggestions, each speaker that is a known mention (an annotated span
/// or a surviving name suggestion, sorted by range) taking that mention's label and entity.
pub fn link_quotes(found: &[Suggestion], mentions: &[KnownMention]) -> Vec<Suggestion> {
    found
        .iter()
        .filter(|s| matches!(s.proposal, Proposal::Quote { .. }))
        .cloned()
        .map(|mut s| {
            if let Proposal::Quote {
                speaker: Some((a, b)),
                speaker_label,
                speaker_entity,
                speaker_new_entity,
                ..
            } = &mut s.proposal
            {
                let at = mentions.partition_point(|m| (m.start, m.end) < (*a, *b));
                if let Some(m) = mentions.get(at).filter(|m| (m.start, m.end) == (*a, *b)) {
                    *speaker_label = Some(m.label.clone());
                    *speaker_entity = m.entity;
                    *speaker_new_entity = if m.entity.is_some() {
                        None
                    } else {
                        m.name.clone().or(speaker_new_entity.take())
                    };
                }
            }
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    fn collect(lines: &[&str], mapping: &[(&str, &str)]) -> Result<Collected, NoSuggestions> {
        let d = Document::new(DocId(1), "one", "Angela Merkel met Putin in Moskva.");
        let labels = LabelSet::from_names(["PER".to_string(), "LOC".to_string()]);
        let mapping: BTreeMap<String, String> = mapping
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let schemes = vec![CategoryScheme {
            name: "topic".into(),
            multiple: false,
            values: ["politics", "sport"]
                .map(|n| crate::model::CategoryValue {
                    name: n.into(),
                    key: None,
                    color: crate::model::Color([0, 0, 0]),
                })
                .into(),
            description: String::new(),
        }];
        let mut c = Collector::new("ner", [(1, &d)], &mapping, &labels, &schemes);
        for (i, l) in lines.iter().enumerate() {
            c.line(i + 1, l.as_bytes());
        }
        c.finish()
    }

    #[test]
    fn input_lines_are_one_json_object_each() {
        let line = input_line(7, "a\nb", "Zoë said “hi”\n", &["PERSON".into()]);
        assert_eq!(line.iter().filter(|b| **b == b'\n').count(), 1);
        let v: serde_json::Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(v["doc"], 7);
        assert_eq!(v["name"], "a\nb");
        assert_eq!(v["text"], "Zoë said “hi”\n");
        assert_eq!(v["labels"][0], "PERSON");
    }

    #[test]
    fn good_lines_become_suggestions_with_mapped_labels() {
        let c = collect(
            &[
                r#"{"doc": 1, "start": 0, "end": 13, "label": "PERSON", "score": 0.9, "reason": "NER"}"#,
                "",
                r#"{"doc": "one", "start": 27, "end": 33, "label": "loc"}"#,
                r#"{"doc": 1, "quote": {"content": [[18, 23]], "speaker": [0, 13], "kind": "Indirect"}}"#,
            ],
            &[("PERSON", "PER")],
        )
        .unwrap();
        assert_eq!(c.report.messages("ner"), Vec::<String>::new());
        let found = &c.found[&1];
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].label(), "PER");
        assert_eq!(found[0].engine, "ner");
        assert_eq!(found[0].rule, "ner: PERSON");
        assert_eq!(found[0].reason, "Angela Merkel as PER (PERSON) by ner: NER");
        assert_eq!(found[1].range(), (27, 33));
        assert_eq!(found[1].score, DEFAULT_SCORE);
        let Proposal::Quote {
            kind,
            speaker,
            speaker_new_entity,
            ..
        } = &found[2].proposal
        else {
            panic!("a quote: {:?}", found[2]);
        };
        assert_eq!(*kind, QuoteKind::Indirect);
        assert_eq!(*speaker, Some((0, 13)));
        assert_eq!(speaker_new_entity.as_deref(), Some("Angela Merkel"));
    }

    #[test]
    fn bad_suggestions_are_counted_and_named_and_dropped() {
        let c = collect(
            &[
                "Loading model…",
                r#"{"doc": 1, "start": 0, "end": 6, "label": "PER"}"#,
                r#"{"doc": 1, "start": 30, "end": 99, "label": "PER"}"#,
                r#"{"doc": 1, "start": -1, "end": 3, "label": "PER"}"#,
                r#"{"doc": 1, "start": 5, "end": 5, "label": "PER"}"#,
                r#"{"doc": 1, "start": 0, "end": 6, "label": "DATE"}"#,
                r#"{"doc": 1, "start": 0, "end": 6, "label": "DATE"}"#,
                r#"{"doc": 1, "start": 0, "end": 6, "label": "MONEY"}"#,
                r#"{"doc": 9, "start": 0, "end": 6, "label": "PER"}"#,
                r#"{"doc": 1, "start": 0}"#,
                r#"{"doc": 1, "quote": {"content": [[0, 40]]}}"#,
                r#"{"doc": 1, "quote": {"content": [[0, 4]], "kind": "sung"}}"#,
            ],
            &[],
        )
        .unwrap();
        let r = &c.report;
        assert_eq!(c.found[&1].len(), 1);
        assert_eq!(r.kept, 1);
        assert_eq!(r.garbage.count, 3);
        assert!(
            r.garbage.examples[0].starts_with("line 1: expected value"),
            "{r:?}"
        );
        assert!(
            r.garbage.examples[1].starts_with("line 10: neither"),
            "{r:?}"
        );
        assert!(
            r.garbage.examples[2].contains("unknown quote kind \"sung\""),
            "{r:?}"
        );
        assert_eq!(
            (r.outside.count, r.empty.count, r.unknown_doc.count),
            (3, 1, 1)
        );
        assert_eq!(r.unknown_labels.get("DATE"), Some(&2));
        let m = r.messages("ner");
        assert_eq!(m.len(), 5, "{m:#?}");
        assert!(
            m[1].starts_with("ner: 3 suggestions outside the document, dropped (line 3: 30..99 in a document of 34 characters; line 4: -1..3"),
            "{m:#?}"
        );
        assert_eq!(
            m[4],
            "ner: 3 suggestions with a label the project does not have, dropped: DATE (2), MONEY (1) (map them in the engine's labels)"
        );
    }

    #[test]
    fn category_lines_are_checked_against_the_schemes() {
        let c = collect(
            &[
                r#"{"doc": 1, "category": {"topic": "politics"}, "score": 0.8}"#,
                r#"{"doc": "one", "category": {"Topic": "Sport"}}"#,
                r#"{"doc": 1, "category": {"topic": "crime"}}"#,
                r#"{"doc": 1, "category": {"tone": "positive"}}"#,
                r#"{"doc": 9, "category": {"topic": "sport"}}"#,
                r#"{"doc": 1, "category": {}}"#,
                r#"{"doc": 1, "category": {"topic": 3}}"#,
            ],
            &[],
        )
        .unwrap();
        let got = &c.categories[&1];
        assert_eq!(
            got[0],
            CategorySuggestion {
                scheme: "topic".into(),
                value: "politics".into(),
                score: 0.8,
                engine: "ner".into(),
            }
        );
        assert_eq!(
            (got[1].value.as_str(), got[1].score),
            ("sport", DEFAULT_SCORE)
        );
        assert_eq!(got.len(), 2);
        assert!(c.found.is_empty());
        let r = &c.report;
        assert_eq!(r.kept, 2);
        assert_eq!(r.unknown_doc.count, 1);
        assert_eq!(r.garbage.count, 2, "{r:?}");
        assert_eq!(r.unknown_categories.get("topic = crime"), Some(&1));
        assert_eq!(r.unknown_categories.get("tone"), Some(&1));
        let m = r.messages("ner");
        assert_eq!(
            m.last().unwrap(),
            "ner: 2 category suggestions with a category the project does not have, dropped: tone (1), topic = crime (1)"
        );
    }

    #[test]
    fn nothing_but_garbage_is_an_error_and_nothing_at_all_is_not() {
        let e = collect(&["Traceback (most recent call last):", "oops"], &[])
            .err()
            .unwrap();
        assert_eq!(e.lines, 2);
        assert!(
            e.to_string()
                .starts_with("ner: wrote 2 lines and none is a suggestion (line 1: ")
        );
        let c = collect(&[], &[]).unwrap();
        assert!(c.found.is_empty());
    }
}
