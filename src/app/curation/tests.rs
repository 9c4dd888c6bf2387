use super::*;
use crate::app::Session;
use crate::model::{EntityId, Origin, QuoteKind, validate};

const TEXT: &str = "Angela Merkel met Emmanuel Macron in Paris. \"We agree,\" Merkel said.";

/// The code-point range of the `nth` occurrence of `needle` in `TEXT`.
fn at(needle: &str, nth: usize) -> CharRange {
    let (byte, _) = TEXT.match_indices(needle).nth(nth).unwrap();
    let start = TEXT[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

/// An annotator's project over one document, with spans (needle, nth, label, entity name) and
/// optional quotes (content needle, speaker span index, cue needle).
struct Build {
    project: Project,
}

impl Build {
    fn new() -> Self {
        let mut project = Project::new("annotator");
        project.insert_document(Document::new(DocId(1), "summit", TEXT));
        Self { project }
    }

    fn span(mut self, needle: &str, nth: usize, label: &str, entity: Option<&str>) -> Self {
        let entity = entity.map(|name| {
            match self.project.entities.iter().find(|e| e.name == name) {
                Some(e) => e.id,
                None => {
                    // Entity ids differ between annotators on purpose: names are what count.
                    let id = EntityId(self.project.next_entity_id().0 + 10);
                    self.project.insert_entity(Entity {
                        id,
                        name: name.into(),
                        label: label.into(),
                        aliases: vec![],
                        attributes: Default::default(),
                    });
                    id
                }
            }
        });
        let d = &mut self.project.documents[0];
        let mut s = Span::new(d.next_span_id(), at(needle, nth), label);
        s.entity = entity;
        d.insert_span(s);
        self
    }

    fn quote(mut self, content: &str, speaker: Option<(&str, usize)>, cue: &str) -> Self {
        let d = &mut self.project.documents[0];
        let speaker = speaker.map(|(n, k)| {
            let r = at(n, k);
            d.spans.iter().find(|s| s.range() == r).unwrap().id
        });
        let q = Quote {
            id: d.next_quote_id(),
            content: vec![at(content, 0)],
            speaker,
            cue: Some(at(cue, 0)),
            kind: QuoteKind::Direct,
            origin: Origin::Manual,
            attributes: Default::default(),
        };
        d.insert_quote(q);
        self
    }

    fn done(self) -> Project {
        assert!(validate(&self.project).is_empty());
        self.project
    }
}

/// A and B agree on Merkel (both mentions) and the quote; differ on Macron's extent and on
/// Paris's label.
fn two() -> Curation {
    let a = Build::new()
        .span("Angela Merkel", 0, "PERSON", Some("Angela Merkel"))
        .span("Emmanuel Macron", 0, "PERSON", Some("Emmanuel Macron"))
        .span("Paris", 0, "GPE", None)
        .span("Merkel", 1, "PERSON", Some("Angela Merkel"))
        .quote("We agree,", Some(("Merkel", 1)), "said")
        .done();
    let b = Build::new()
        .span("Merkel", 1, "PERSON", Some("Angela Merkel"))
        .span("Macron", 0, "PERSON", None)
        .span("Angela Merkel", 0, "PERSON", Some("Angela Merkel"))
        .span("Paris", 0, "LOC", None)
        .quote("We agree,", Some(("Merkel", 1)), "said")
        .done();
    Curation::new(vec![("a".into(), a), ("b".into(), b)]).unwrap()
}

fn session(c: &Curation) -> Session {
    Session::with_project(c.curated_project("curated"), None)
}

fn apply(s: &mut Session, c: &Curation, index: usize, decision: Decision) {
    let command = c.decide(&s.project, index, decision).unwrap();
    s.execute(command).unwrap();
    assert!(
        validate(&s.project).is_empty(),
        "{:?}",
        validate(&s.project)
    );
}

fn spans(p: &Project) -> Vec<(String, String, Option<String>)> {
    let d = &p.documents[0];
    d.spans
        .iter()
        .map(|s| {
            (
                d.slice(s.start, s.end).to_string(),
                s.label.to_string(),
                s.entity.and_then(|e| p.entity(e)).map(|e| e.name.clone()),
            )
        })
        .collect()
}

#[test]
fn agreed_annotations_are_merged_and_the_rest_listed_in_text_order() {
    let c = two();
    let p = c.curated_project("curated");
    assert!(validate(&p).is_empty());
    let merkel = Some("Angela Merkel".to_string());
    assert_eq!(
        spans(&p),
        vec![
            ("Angela Merkel".into(), "PERSON".into(), merkel.clone()),
            ("Merkel".into(), "PERSON".into(), merkel),
        ]
    );
    assert_eq!(p.entities.len(), 1);
    let q = &p.documents[0].quotes[0];
    assert_eq!(
        p.documents[0].span(q.speaker.unwrap()).unwrap().start,
        at("Merkel", 1).start
    );

    let ds = c.disagreements();
    assert_eq!(ds.len(), 2);
    assert_eq!(ds[0].range, at("Emmanuel Macron", 0));
    assert_eq!(ds[0].kind, RegionKind::Spans);
    let Item::Span(a) = &ds[0].alternatives[0].items[0] else {
        panic!()
    };
    assert_eq!(
        (a.text.as_str(), a.entity.as_deref()),
        ("Emmanuel Macron", Some("Emmanuel Macron"))
    );
    let Item::Span(b) = &ds[0].alternatives[1].items[0] else {
        panic!()
    };
    assert_eq!((b.text.as_str(), b.entity.as_deref()), ("Macron", None));
    assert_eq!(ds[1].range, at("Paris", 0));
    assert_eq!(
        c.progress(&p),
        Progress {
            decided: 0,
            total: 2
        }
    );
}

#[test]
fn a_decision_is_one_undoable_command_and_undo_undecides() {
    let c = two();
    let mut s = session(&c);
    apply(&mut s, &c, 0, Decision::Take(1));
    assert!(spans(&s.project).contains(&("Macron".into(), "PERSON".into(), None)));
    assert!(s.project.verdicts.is_rejected(
        DocId(1),
        at("Emmanuel Macron", 0).start,
        at("Emmanuel Macron", 0).end,
        "PERSON"
    ));
    assert_eq!(
        c.outcome(&s.project, 0),
        Outcome::Decided {
            kept: vec![1],
            items_kept: 1
        }
    );
    assert_eq!(c.next_open(&s.project, 0), Some(1));
    s.undo().unwrap();
    assert_eq!(c.outcome(&s.project, 0), Outcome::Open);
    assert_eq!(s.project, c.curated_project("curated"));
    s.redo().unwrap();
    assert_eq!(c.progress(&s.project).decided, 1);
}

#[test]
fn taking_an_entity_linked_span_creates_or_reuses_the_entity() {
    let c = two();
    let mut s = session(&c);
    apply(&mut s, &c, 0, Decision::Take(0));
    let names: Vec<&str> = s.project.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Angela Merkel", "Emmanuel Macron"]);
    assert!(spans(&s.project).contains(&(
        "Emmanuel Macron".into(),
        "PERSON".into(),
        Some("Emmanuel Macron".into())
    )));
    // Deciding again replaces the choice: A's span goes, B's comes, A's is rejected.
    apply(&mut s, &c, 0, Decision::Take(1));
    let texts: Vec<String> = spans(&s.project).into_iter().map(|x| x.0).collect();
    assert!(texts.contains(&"Macron".to_string()) && !texts.contains(&"Emmanuel Macron".into()));
    assert_eq!(
        c.outcome(&s.project, 0),
        Outcome::Decided {
            kept: vec![1],
            items_kept: 1
        }
    );
    assert_eq!(
        c.decide(&s.project, 0, Decision::Take(1)),
        Err(CurationError::NothingToDo)
    );
}

#[test]
fn take_all_and_neither() {
    let c = two();
    let mut s = session(&c);
    apply(&mut s, &c, 1, Decision::TakeAll);
    let paris: Vec<String> = spans(&s.project)
        .into_iter()
        .filter(|x| x.0 == "Paris")
        .map(|x| x.1)
        .collect();
    assert_eq!(paris.len(), 2, "{paris:?}");
    assert_eq!(
        c.outcome(&s.project, 1),
        Outcome::Decided {
            kept: vec![],
            items_kept: 2
        }
    );
    apply(&mut s, &c, 0, Decision::Neither);
    assert_eq!(
        c.outcome(&s.project, 0),
        Outcome::Decided {
            kept: vec![],
            items_kept: 0
        }
    );
    assert_eq!(s.project.verdicts.rejected.len(), 2, "both Macron spans");
    assert_eq!(c.next_open(&s.project, 0), None);
    // Neither, then taking after all, lifts the rejection.
    apply(&mut s, &c, 0, Decision::Take(0));
    assert_eq!(s.project.verdicts.rejected.len(), 1);
}

#[test]
fn a_quote_is_taken_with_its_speaker_mention() {
    let a = Build::new()
        .span("Merkel", 1, "PERSON", Some("Angela Merkel"))
        .quote("We agree,", Some(("Merkel", 1)), "said")
        .done();
    let b = Build::new().done();
    let c = Curation::new(vec![("a".into(), a), ("b".into(), b)]).unwrap();
    let kinds: Vec<RegionKind> = c.disagreements().iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [RegionKind::Quotes, RegionKind::Spans]);
    let Item::Quote(q) = &c.disagreements()[0].alternatives[0].items[0] else {
        panic!()
    };
    assert_eq!(q.text, "We agree,");
    assert_eq!(q.speaker.as_ref().unwrap().text, "Merkel");
    assert_eq!(q.cue_text.as_deref(), Some("said"));
    assert!(c.disagreements()[0].alternatives[1].items.is_empty());

    let mut s = session(&c);
    apply(&mut s, &c, 0, Decision::Take(0));
    let d = &s.project.documents[0];
    assert_eq!(d.quotes.len(), 1);
    let speaker = d.span(d.quotes[0].speaker.unwrap()).unwrap();
    assert_eq!(d.slice(speaker.start, speaker.end), "Merkel");
    assert_eq!(s.project.entities[0].name, "Angela Merkel");
    // The speaker mention was the other disagreement: it is decided along the way.
    assert_eq!(c.progress(&s.project).decided, 2);
    // Taking B's nothing for the quote removes it; the mention is the other decision's.
    apply(&mut s, &c, 0, Decision::Take(1));
    assert!(s.project.documents[0].quotes.is_empty());
    assert!(
        s.project
            .verdicts
            .rejected
            .iter()
            .any(|r| r.label == "QUOTE")
    );
}

#[test]
fn three_annotators_say_who_agrees_with_whom() {
    let a = Build::new().span("Paris", 0, "GPE", None).done();
    let b = Build::new().span("Paris", 0, "LOC", None).done();
    let c3 = Build::new().span("Paris", 0, "GPE", None).done();
    let c = Curation::new(vec![("a".into(), a), ("b".into(), b), ("c".into(), c3)]).unwrap();
    let d = &c.disagreements()[0];
    let same: Vec<Option<usize>> = d.alternatives.iter().map(|x| x.same_as).collect();
    assert_eq!(same, [None, None, Some(0)]);
    let mut s = session(&c);
    apply(&mut s, &c, 0, Decision::Take(2));
    assert_eq!(
        c.outcome(&s.project, 0),
        Outcome::Decided {
            kept: vec![0, 2],
            items_kept: 1
        }
    );
}

#[test]
fn bad_starts_are_errors() {
    let one = Curation::new(vec![("a".into(), Build::new().done())]);
    assert_eq!(one.err(), Some(CurationError::TooFewAnnotators(1)));
    let mut other = Project::new("x");
    other.insert_document(Document::new(DocId(1), "elsewhere", "Other text."));
    let none = Curation::new(vec![("a".into(), Build::new().done()), ("b".into(), other)]);
    assert!(matches!(none.err(), Some(CurationError::NothingShared(_))));
    let c = two();
    let p = c.curated_project("x");
    assert_eq!(
        c.decide(&p, 9, Decision::Neither),
        Err(CurationError::NoSuchDisagreement(9))
    );
    assert_eq!(
        c.decide(&p, 0, Decision::Take(5)),
        Err(CurationError::NoSuchAnnotator(5))
    );
}

#[test]
fn outcomes_say_what_outcome_says_for_each() {
    let c = two();
    let mut s = session(&c);
    let each = |p: &Project| -> Vec<Outcome> {
        (0..c.disagreements().len())
            .map(|i| c.outcome(p, i))
            .collect()
    };
    assert_eq!(c.outcomes(&s.project), each(&s.project));
    apply(&mut s, &c, 1, Decision::TakeAll);
    assert_eq!(c.outcomes(&s.project), each(&s.project));
    assert_ne!(c.outcomes(&s.project)[1], Outcome::Open);
    apply(&mut s, &c, 0, Decision::Neither);
    assert_eq!(c.outcomes(&s.project), each(&s.project));
    assert_eq!(c.progress(&s.project).decided, 2);
}
