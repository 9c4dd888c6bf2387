//! The model that learns from the project, in the window: it starts from the shipped weights,
//! retrains in the background a moment after a document is annotated, says what it learnt from
//! and how good it is, makes suggestions that name it, and can be switched off.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{CharRange, DocId, Document, Project, Span, SpanId, Status};
use gloss::ui::Workbench;

use crate::support::*;

const DONE: &str = "Reporters asked Tomas Berg about the vote.\n\nBerg said Lena Moss had agreed, and Ivo Kral would follow.\n";
const NEXT: &str = "Reporters asked Lena Moss about the strike.\n\nMoss said Ivo Kral and Nadia Holm had agreed.\n";

fn model_project() -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let mut p = Project::new("model");
    // The model alone, so every suggestion is its own.
    p.matcher.gazetteer = false;
    p.matcher.learned = false;
    p.matcher.rules = false;
    p.matcher.quotes = false;
    let mut d = Document::new(DocId(1), "vote", DONE);
    for (i, name) in ["Tomas Berg", "Berg", "Lena Moss", "Ivo Kral"]
        .iter()
        .enumerate()
    {
        let byte = DONE.find(name).unwrap();
        let start = DONE[..byte].chars().count();
        d.insert_span(Span::new(
            SpanId(i as u64 + 1),
            CharRange::new(start, start + name.chars().count()),
            "PERSON",
        ));
    }
    p.insert_document(d);
    p.insert_document(Document::new(DocId(2), "strike", NEXT));
    let (dir, _, h) = open_saved(&p, "model.ron");
    (dir, h)
}

#[test]
fn the_model_retrains_when_a_document_is_done_and_says_on_what() {
    let (dir, mut h) = model_project();
    h.get_by_label("Suggestions").click();
    // The learner's spinner repaints while it works: step, do not wait to settle.
    h.run_steps(3);
    // Nothing is done yet: the shipped weights.
    until(&mut h, "the starting weights", |h| {
        h.query_by_label_contains("starting weights").is_some()
    });

    // Mark the annotated document done: a moment later the model has learnt from it.
    h.get_by_label("done").click();
    // The spinner of a retraining model repaints: step, do not wait to settle.
    h.run_steps(3);
    assert_eq!(h.state().session.project.documents[0].status, Status::Done);
    until(&mut h, "the retrained model", |h| {
        h.query_by_label_contains("trained on 1 document / 4 names")
            .is_some()
    });
    // Its weights are cached beside the project once calibrated (a moment after they are in
    // use), to be rebuilt if deleted.
    let cache = dir.path().join("model.ron.model");
    until(&mut h, "the cached weights", |_| cache.exists());

    // Its suggestions on the next document name it.
    h.get_by_label("○ strike").click();
    h.run_steps(3);
    until(&mut h, "suggestions on the next document", |h| {
        let app = h.state();
        app.editing.doc == Some(DocId(2)) && !app.review.busy(DocId(2), app.session.revision())
    });
    let app = h.state();
    let doc = app.session.project.document(DocId(2)).unwrap();
    let shown = app.review.visible(&app.session.project, doc);
    assert!(
        !shown.is_empty(),
        "the model suggests names on the new document"
    );
    for s in &shown {
        assert_eq!(s.engine, "model", "{s:?}");
        assert!(
            s.reason.contains("by the model (trained on 1 document"),
            "{}",
            s.reason
        );
        assert!(s.score > 0.0 && s.score <= 1.0);
    }
}

#[test]
fn the_model_can_be_switched_off() {
    let (_dir, mut h) = model_project();
    h.get_by_label("Suggestions").click();
    h.run_steps(3);
    until(&mut h, "the model's state", |h| {
        h.query_by_label_contains("Model:").is_some() && !h.state().learner.training
    });
    h.get_by_label("Engines and lists").click();
    h.run_steps(3);
    h.get_by_label("Model that learns from your annotations (statistical)")
        .click();
    h.run_steps(3);
    assert!(!h.state().session.project.matcher.model);
    until(&mut h, "the model to go", |h| {
        h.query_by_label_contains("Model:").is_none() && h.state().learner.learnt.model.is_none()
    });
}

#[test]
fn the_about_box_credits_the_data_the_model_was_built_from() {
    let (_dir, mut h) = model_project();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About Gloss").click();
    h.run();
    for credit in [
        "trained on WikiGold (CC BY 4.0)",
        "spacy-lookups-data (MIT",
        "GeoNames",
    ] {
        assert!(
            h.query_by_label_contains(credit).is_some(),
            "the about box names {credit}"
        );
    }
}

#[test]
fn with_nothing_annotated_the_starting_weights_suggest_beside_the_other_engines() {
    let mut p = Project::new("fresh");
    p.insert_document(Document::new(
        DocId(1),
        "visit",
        "Officials in Nairobi said on Tuesday that Ilse Brandt of Volkswagen would visit Koblenz.\n",
    ));
    let (_dir, _, mut h) = open_saved(&p, "fresh.ron");
    h.get_by_label("Suggestions").click();
    h.run_steps(3);
    until(&mut h, "the starting weights' suggestions", |h| {
        let app = h.state();
        let doc = app.session.project.document(DocId(1)).unwrap();
        !app.review.busy(DocId(1), app.session.revision())
            && app
                .review
                .visible(&app.session.project, doc)
                .iter()
                .any(|s| s.is_from("model"))
    });
    let app = h.state();
    let doc = app.session.project.document(DocId(1)).unwrap();
    let shown = app.review.visible(&app.session.project, doc);
    // The model's evidence joins the lists' for the same names.
    let nairobi = shown
        .iter()
        .find(|s| doc.slice(s.range().0, s.range().1) == "Nairobi")
        .expect("Nairobi suggested");
    assert!(
        nairobi.is_from("model") && nairobi.is_from("gazetteer"),
        "{nairobi:?}"
    );
}
