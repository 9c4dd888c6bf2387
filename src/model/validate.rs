//! The invariants a project must keep, checked on every load and after every command in tests.
//!
//! Spans and quotes lie inside their text with start < end, ids are unique, labels exist in the
//! label set, every reference (span → entity, quote → speaker span) resolves, and every
//! suggestion score is a finite number.

use std::collections::HashSet;

use super::{Origin, Project};

/// Why an origin is unsound, if it is: a suggestion's score must be a number. RON reads `NaN`
/// and `inf`, but the journal (JSON) cannot hold them, so such a span could be saved and not
/// journaled, and every edit after it would be lost in a crash.
fn origin_problem(origin: &Origin) -> Option<String> {
    match origin {
        Origin::Suggested { score, .. } if !score.is_finite() => Some(format!(
            "has suggestion score {score}; a score is a number from 0 to 1"
        )),
        _ => None,
    }
}

/// One broken invariant, phrased for the user: it names the document and the annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem(pub String);

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every broken invariant in the project, in file order (empty when the project is sound).
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut say = |s: String| problems.push(Problem(s));

    let mut label_names = HashSet::new();
    let mut keys = HashSet::new();
    for label in &project.labels.labels {
        if label.name.trim().is_empty() {
            say("a label has an empty name".into());
        }
        if !label_names.insert(label.name.as_str()) {
            say(format!("label {:?} is defined twice", label.name));
        }
        if let Some(k) = label.key {
            if !k.is_ascii_digit() {
                say(format!(
                    "label {:?} has key {k:?}; keys are digits 0-9",
                    label.name
                ));
            } else if !keys.insert(k) {
                say(format!("key {k:?} is given to two labels"));
            }
        }
    }

    let mut entity_ids = HashSet::new();
    for e in &project.entities {
        if !entity_ids.insert(e.id) {
            say(format!("entity id {} is used twice", e.id));
        }
        if !label_names.contains(e.label.as_str()) {
            say(format!(
                "entity {} ({:?}) has label {:?}, which is not in the label set",
                e.id, e.name, e.label
            ));
        }
    }

    let mut doc_ids = HashSet::new();
    for doc in &project.documents {
        if !doc_ids.insert(doc.id) {
            say(format!("document id {} is used twice", doc.id));
        }
        let len = doc.char_len();
        let name = &doc.name;
        let mut span_ids = HashSet::new();
        for s in &doc.spans {
            if !span_ids.insert(s.id) {
                say(format!("document {name:?}: span id {} is used twice", s.id));
            }
            if s.start >= s.end {
                say(format!(
                    "document {name:?}: span {} is empty or reversed ({}..{})",
                    s.id, s.start, s.end
                ));
            }
            if s.end > len {
                say(format!(
                    "document {name:?}: span {} ends at {}, past the end of the text ({len} characters)",
                    s.id, s.end
                ));
            }
            if !label_names.contains(s.label.as_str()) {
                say(format!(
                    "document {name:?}: span {} has label {:?}, which is not in the label set",
                    s.id, s.label
                ));
            }
            if let Some(why) = origin_problem(&s.origin) {
                say(format!("document {name:?}: span {} {why}", s.id));
            }
            if let Some(e) = s.entity
                && !entity_ids.contains(&e)
            {
                say(format!(
                    "document {name:?}: span {} links to entity {e}, which does not exist",
                    s.id
                ));
            }
        }
        let mut quote_ids = HashSet::new();
        for q in &doc.quotes {
            if !quote_ids.insert(q.id) {
                say(format!(
                    "document {name:?}: quote id {} is used twice",
                    q.id
                ));
            }
            if q.content.is_empty() {
                say(format!("document {name:?}: quote {} has no content", q.id));
            }
            for r in q.content.iter().chain(q.cue.iter()) {
                if r.start >= r.end || r.end > len {
                    say(format!(
                        "document {name:?}: quote {} has range {r} outside the text ({len} characters) or empty",
                        q.id
                    ));
                }
            }
            if let Some(why) = origin_problem(&q.origin) {
                say(format!("document {name:?}: quote {} {why}", q.id));
            }
            if let Some(sp) = q.speaker
                && !span_ids.contains(&sp)
            {
                say(format!(
                    "document {name:?}: quote {} names speaker span {sp}, which does not exist",
                    q.id
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn sample() -> Project {
        let mut p = Project::new("t");
        let mut d = Document::new(DocId(1), "a", "Ann met Bob.");
        d.insert_span(Span::new(SpanId(1), CharRange::new(0, 3), "PERSON"));
        p.insert_document(d);
        p
    }

    #[test]
    fn a_sound_project_has_no_problems() {
        assert!(validate(&sample()).is_empty());
    }

    #[test]
    fn out_of_range_span_is_named() {
        let mut p = sample();
        p.documents[0].spans[0].end = 99;
        let probs = validate(&p);
        assert_eq!(probs.len(), 1);
        assert!(probs[0].0.contains("past the end"), "{}", probs[0]);
        assert!(probs[0].0.contains("\"a\""));
    }

    #[test]
    fn dangling_references_are_reported() {
        let mut p = sample();
        p.documents[0].spans[0].entity = Some(EntityId(7));
        p.documents[0].quotes.push(Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(4, 7)],
            speaker: Some(SpanId(9)),
            cue: None,
            kind: QuoteKind::Direct,
            origin: Origin::Manual,
            attributes: Default::default(),
        });
        let text: Vec<String> = validate(&p).into_iter().map(|p| p.0).collect();
        assert!(text.iter().any(|t| t.contains("entity 7")));
        assert!(text.iter().any(|t| t.contains("speaker span 9")));
    }

    #[test]
    fn a_score_that_is_not_a_number_is_reported() {
        for score in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            let mut p = sample();
            p.documents[0].spans[0].origin = Origin::Suggested {
                engine: "gazetteer".into(),
                rule: "cities".into(),
                score,
            };
            let text: Vec<String> = validate(&p).into_iter().map(|p| p.0).collect();
            assert_eq!(text.len(), 1, "{text:?}");
            assert!(text[0].contains("span 1 has suggestion score"), "{text:?}");
        }
    }

    #[test]
    fn unknown_label_and_reversed_span_are_reported() {
        let mut p = sample();
        p.documents[0].spans[0].label = "ANIMAL".into();
        p.documents[0].spans[0].start = 3;
        let text: Vec<String> = validate(&p).into_iter().map(|p| p.0).collect();
        assert_eq!(text.len(), 2, "{text:?}");
    }
}
