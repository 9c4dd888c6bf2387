//! `gloss stats` prints the user's own precision per engine: accepted, rejected and
//! accepted / decided, a suggestion several engines made counting for each of them.

use gloss::io::project_file;
use gloss::model::{CharRange, DocId, Document, Origin, Project, Rejection, Span, SpanId};

mod common;
use common::{gloss, scratch};

fn accepted(id: u64, start: usize, end: usize, engine: &str) -> Span {
    let mut s = Span::new(SpanId(id), CharRange::new(start, end), "PERSON");
    s.origin = Origin::Suggested {
        engine: engine.into(),
        rule: "names".into(),
        score: 0.8,
    };
    s
}

/// The line of `text` whose first word is `first`, with runs of spaces squeezed to one.
fn line(text: &str, first: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|l| l.split(' ').next() == Some(first))
        .unwrap_or_else(|| panic!("no line starting {first:?} in\n{text}"))
}

#[test]
fn stats_prints_each_engines_accepted_rejected_and_precision() {
    let dir = scratch();
    let mut p = Project::new("news");
    p.matcher.spacy.enabled = true;
    let mut d = Document::new(DocId(1), "talks", "Ana Ruiz met Bo Li in Lima on Monday.");
    d.insert_span(accepted(1, 0, 8, "gazetteer+spacy"));
    d.insert_span(accepted(2, 13, 18, "learned"));
    d.insert_span(Span::new(SpanId(3), CharRange::new(22, 26), "GPE"));
    p.insert_document(d);
    p.verdicts.rejected.push(Rejection {
        doc: DocId(1),
        start: 30,
        end: 36,
        label: "PERSON".into(),
        engine: Some("spacy".into()),
    });
    p.verdicts.rejected.push(Rejection {
        doc: DocId(1),
        start: 22,
        end: 26,
        label: "ORG".into(),
        engine: Some("my-ner-v1".into()),
    });
    project_file::save(&dir.path().join("p.ron"), &p).unwrap();

    let run = gloss(dir.path(), &["stats", "p.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    let out = &run.stdout;
    assert_eq!(
        line(out, "engine"),
        "engine accepted rejected your precision"
    );
    assert_eq!(line(out, "gazetteer"), "gazetteer 1 0 1.00");
    assert_eq!(line(out, "spacy"), "spacy 1 1 0.50");
    assert_eq!(line(out, "learned"), "learned 1 0 1.00");
    assert_eq!(line(out, "rules"), "rules 0 0 —");
    assert_eq!(line(out, "my-ner-v1"), "my-ner-v1 0 1 0.00");
    // The document table still follows, unchanged.
    assert_eq!(line(out, "talks"), "talks todo 3 0");
}

#[test]
fn stats_leave_the_table_out_before_any_decision() {
    let dir = scratch();
    let mut p = Project::new("news");
    let mut d = Document::new(DocId(1), "talks", "Ana Ruiz met Bo Li.");
    d.insert_span(Span::new(SpanId(1), CharRange::new(0, 8), "PERSON"));
    p.insert_document(d);
    // A rejection from before engines were kept decides nothing per engine.
    p.verdicts.rejected.push(Rejection {
        doc: DocId(1),
        start: 13,
        end: 18,
        label: "PERSON".into(),
        engine: None,
    });
    project_file::save(&dir.path().join("p.ron"), &p).unwrap();
    let run = gloss(dir.path(), &["stats", "p.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stdout.contains("your precision"), "{}", run.stdout);
}
