//! The user's own precision per engine: of each engine's suggestions decided in this project,
//! how many were accepted and how many rejected, and accepted / decided.
//!
//! Counted from the project as it stands, so it needs no bookkeeping of its own: an accepted
//! suggestion is a span or quote whose `Origin` names its engine (a quote's speaker mention,
//! made with the quote, is part of that one decision and not counted again); a rejected one
//! is a `Rejection` that names its engine (rejections written before engines were kept name
//! none and are not counted). A suggestion several engines made ("gazetteer+spacy") counts
//! for each of them. Deleting an accepted span, or undoing a decision, takes it out again.

use std::collections::{BTreeMap, HashSet};

use crate::model::{Origin, Project};

use super::external::{BUILT_IN, SPACY};

/// One engine's decided suggestions in a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineTally {
    pub engine: String,
    pub accepted: usize,
    pub rejected: usize,
}

impl EngineTally {
    fn new(engine: &str) -> Self {
        Self {
            engine: engine.to_string(),
            accepted: 0,
            rejected: 0,
        }
    }

    /// Suggestions the user accepted or rejected.
    pub fn decided(&self) -> usize {
        self.accepted + self.rejected
    }

    /// Accepted / decided; `None` before any decision.
    pub fn precision(&self) -> Option<f64> {
        let n = self.decided();
        (n > 0).then(|| self.accepted as f64 / n as f64)
    }

    /// The precision as shown: "0.75", or "—" before any decision.
    pub fn precision_text(&self) -> String {
        self.precision()
            .map_or_else(|| "—".to_string(), |p| format!("{p:.2}"))
    }
}

/// The rule an accepted quote gives the speaker mention it creates (see `review::Acceptor`).
const SPEAKER_RULE: &str = "(speaker)";

/// Every engine's tally: the engines the project switches on first (built-in ones in their
/// usual order, then spaCy, then its outside engines), each shown even before any decision;
/// then any other engine that has decisions (imported predictions, engines since removed or
/// switched off), by name.
pub fn engine_tallies(project: &Project) -> Vec<EngineTally> {
    let m = &project.matcher;
    let on = [m.gazetteer, m.learned, m.rules, m.model, m.quotes];
    let mut order: Vec<String> = BUILT_IN
        .iter()
        .zip(on)
        .filter(|(_, on)| *on)
        .map(|(name, _)| name.to_string())
        .collect();
    if m.spacy.enabled {
        order.push(SPACY.to_string());
    }
    order.extend(
        m.external
            .iter()
            .filter(|e| e.enabled && !e.name.is_empty())
            .map(|e| e.name.clone()),
    );

    let mut counts: BTreeMap<&str, EngineTally> = BTreeMap::new();
    let mut count = |engines: &'static str, accepted: bool| {
        for e in engines.split('+').filter(|e| !e.is_empty()) {
            let t = counts.entry(e).or_insert_with(|| EngineTally::new(e));
            if accepted {
                t.accepted += 1;
            } else {
                t.rejected += 1;
            }
        }
    };
    for d in &project.documents {
        for s in &d.spans {
            if let Origin::Suggested { engine, rule, .. } = &s.origin
                && !rule.as_str().ends_with(SPEAKER_RULE)
            {
                count(engine.as_str(), true);
            }
        }
        for q in &d.quotes {
            if let Origin::Suggested { engine, .. } = &q.origin {
                count(engine.as_str(), true);
            }
        }
    }
    // One decision per range and label, of documents still in the project (a three-way merge
    // can bring the same rejection twice).
    let mut seen = HashSet::new();
    for r in &project.verdicts.rejected {
        let Some(engine) = r.engine else { continue };
        if project.document(r.doc).is_none() || !seen.insert((r.doc, r.start, r.end, &r.label)) {
            continue;
        }
        count(engine.as_str(), false);
    }

    let mut out = Vec::with_capacity(order.len() + counts.len());
    for name in &order {
        if out.iter().any(|t: &EngineTally| t.engine == *name) {
            continue;
        }
        out.push(
            counts
                .remove(name.as_str())
                .unwrap_or_else(|| EngineTally::new(name)),
        );
    }
    out.extend(counts.into_values());
    out
}

/// Decided suggestions in the project, each once however many engines made it.
pub fn decided_total(project: &Project) -> usize {
    let accepted: usize = project
        .documents
        .iter()
        .map(|d| {
            let spans = d.spans.iter().filter(|s| match &s.origin {
                Origin::Suggested { rule, .. } => !rule.as_str().ends_with(SPEAKER_RULE),
                _ => false,
            });
            let quotes = d
                .quotes
                .iter()
                .filter(|q| matches!(q.origin, Origin::Suggested { .. }));
            spans.count() + quotes.count()
        })
        .sum();
    let rejected: HashSet<_> = project
        .verdicts
        .rejected
        .iter()
        .filter(|r| r.engine.is_some() && project.document(r.doc).is_some())
        .map(|r| (r.doc, r.start, r.end, &r.label))
        .collect();
    accepted + rejected.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CharRange, DocId, Document, ExternalEngine, Quote, QuoteId, Rejection, Span, SpanId,
    };

    fn suggested(id: u64, start: usize, end: usize, engine: &str, rule: &str) -> Span {
        let mut s = Span::new(SpanId(id), CharRange::new(start, end), "PERSON");
        s.origin = Origin::Suggested {
            engine: engine.into(),
            rule: rule.into(),
            score: 0.8,
        };
        s
    }

    fn rejection(doc: u64, start: usize, engine: Option<&str>) -> Rejection {
        Rejection {
            doc: DocId(doc),
            start,
            end: start + 2,
            label: "ORG".into(),
            engine: engine.map(Into::into),
        }
    }

    fn tally<'a>(t: &'a [EngineTally], name: &str) -> &'a EngineTally {
        t.iter()
            .find(|t| t.engine == name)
            .unwrap_or_else(|| panic!("no row for {name}: {t:?}"))
    }

    fn project() -> Project {
        let mut p = Project::new("t");
        let mut d = Document::new(DocId(1), "d", "Ana Ruiz met Bo Li in Lima, said Ana.");
        d.insert_span(suggested(1, 0, 8, "gazetteer", "names"));
        d.insert_span(suggested(2, 13, 18, "gazetteer+spacy", "names"));
        d.insert_span(suggested(3, 22, 26, "spacy", "GPE"));
        // By hand, and imported: no engine's decision.
        d.insert_span(Span::new(SpanId(4), CharRange::new(9, 12), "ORG"));
        let mut imported = Span::new(SpanId(5), CharRange::new(19, 21), "ORG");
        imported.origin = Origin::Imported {
            format: "brat".into(),
        };
        d.insert_span(imported);
        // A quote with the speaker mention its acceptance made: one decision.
        d.insert_span(suggested(6, 33, 36, "quotes", "said (speaker)"));
        d.insert_quote(Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(0, 26)],
            speaker: Some(SpanId(6)),
            cue: Some(CharRange::new(28, 32)),
            kind: Default::default(),
            origin: Origin::Suggested {
                engine: "quotes".into(),
                rule: "said".into(),
                score: 0.9,
            },
            attributes: Default::default(),
        });
        p.insert_document(d);
        p
    }

    #[test]
    fn accepted_and_rejected_are_counted_per_engine() {
        let mut p = project();
        p.verdicts.rejected = vec![
            rejection(1, 9, Some("gazetteer")),
            rejection(1, 19, Some("spacy+rules")),
            rejection(1, 30, Some("my-ner-v1")),
        ];
        let t = engine_tallies(&p);
        let gaz = tally(&t, "gazetteer");
        assert_eq!((gaz.accepted, gaz.rejected), (2, 1));
        assert_eq!(gaz.precision_text(), "0.67");
        // The merged suggestion counts for both of its engines.
        let spacy = tally(&t, "spacy");
        assert_eq!((spacy.accepted, spacy.rejected), (2, 1));
        assert_eq!(tally(&t, "rules").rejected, 1);
        assert_eq!(tally(&t, "rules").precision(), Some(0.0));
        let quotes = tally(&t, "quotes");
        assert_eq!(
            (quotes.accepted, quotes.rejected),
            (1, 0),
            "speaker not counted"
        );
        assert_eq!(quotes.precision(), Some(1.0));
        // An imported model's name is a row of its own.
        assert_eq!(tally(&t, "my-ner-v1").rejected, 1);
        // Engines switched on but not yet decided on show, with no precision.
        let model = tally(&t, "model");
        assert_eq!(model.decided(), 0);
        assert_eq!(model.precision_text(), "—");
        // 4 accepted (3 spans, 1 quote) and 3 rejected, each once.
        assert_eq!(decided_total(&p), 7);
    }

    #[test]
    fn order_is_switched_on_engines_first_then_the_rest_by_name() {
        let mut p = project();
        p.matcher.learned = false;
        p.matcher.spacy.enabled = false;
        p.matcher.external.push(ExternalEngine::new("zeta", "z"));
        let mut off = ExternalEngine::new("alpha-off", "a");
        off.enabled = false;
        p.matcher.external.push(off);
        p.verdicts.rejected = vec![rejection(1, 9, Some("imported-b"))];
        let names: Vec<String> = engine_tallies(&p).into_iter().map(|t| t.engine).collect();
        assert_eq!(
            names,
            [
                "gazetteer",
                "rules",
                "model",
                "quotes",
                "zeta",
                "imported-b",
                "spacy"
            ]
        );
    }

    #[test]
    fn old_rejections_duplicates_and_removed_documents_do_not_count() {
        let mut p = project();
        p.verdicts.rejected = vec![
            rejection(1, 9, None),
            rejection(1, 19, Some("rules")),
            rejection(1, 19, Some("rules+gazetteer")),
            rejection(7, 9, Some("rules")),
        ];
        let t = engine_tallies(&p);
        assert_eq!(tally(&t, "rules").rejected, 1);
        assert_eq!(tally(&t, "gazetteer").rejected, 0);
        assert_eq!(decided_total(&p), 4 + 1);
    }

    #[test]
    fn an_empty_project_has_rows_and_no_decisions() {
        let p = Project::new("empty");
        let t = engine_tallies(&p);
        assert_eq!(t.len(), BUILT_IN.len());
        assert!(
            t.iter()
                .all(|t| t.decided() == 0 && t.precision().is_none())
        );
        assert_eq!(decided_total(&p), 0);
    }
}
