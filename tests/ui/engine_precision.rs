//! The Suggestions tab's precision per engine: accepting one suggestion and rejecting another
//! shows in the engine's row at once, and undoing the rejection takes it out again.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::ScriptedDialogs;
use gloss::model::{CharRange, DocId, Document, Project, Span, SpanId};
use gloss::ui::GlossApp;

use crate::support::*;

const TEXT: &str = "Ana Ruiz met Bo Li in Lima. Later Ana Ruiz and Bo Li flew to Lima.";

/// Only the learned engine: what is suggested is the other occurrences of what is annotated.
fn learned_only() -> (tempfile::TempDir, Harness<'static, GlossApp>) {
    let mut p = Project::new("precision");
    p.matcher.gazetteer = false;
    p.matcher.rules = false;
    p.matcher.model = false;
    p.matcher.quotes = false;
    let mut d = Document::new(DocId(1), "talks", TEXT);
    d.insert_span(Span::new(SpanId(1), CharRange::new(0, 8), "PERSON"));
    d.insert_span(Span::new(SpanId(2), CharRange::new(13, 18), "PERSON"));
    p.insert_document(d);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("precision.ron");
    gloss::io::project_file::save(&path, &p).unwrap();
    let mut h = harness_for(Some(&path), ScriptedDialogs::new());
    wait(&mut h);
    (dir, h)
}

/// Step frames until the worker has answered for the current state of the project.
fn wait(h: &mut Harness<'_, GlossApp>) {
    for _ in 0..400 {
        h.step();
        let app = h.state();
        let rev = app.session.revision();
        if app.view.doc.is_some_and(|d| !app.review.busy(d, rev)) && h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("suggestions did not arrive");
}

fn shown(h: &Harness<'_, GlossApp>, label: &str) -> bool {
    h.query_by_label(label).is_some()
}

#[test]
fn accepting_and_rejecting_shows_in_the_engines_row() {
    let (_dir, mut h) = learned_only();
    h.get_by_label("Suggestions").click();
    wait(&mut h);
    h.get_by_label("Your precision per engine (0 decided)")
        .click();
    wait(&mut h);
    assert!(shown(&h, "learned: 0 accepted"));
    assert!(shown(&h, "learned: your precision —"));
    assert!(
        !shown(&h, "gazetteer: 0 accepted"),
        "an engine switched off has no row"
    );

    key(&mut h, Key::N);
    key(&mut h, Key::A);
    wait(&mut h);
    key(&mut h, Key::X);
    wait(&mut h);
    assert!(
        shown(&h, "Your precision per engine (2 decided)"),
        "one accepted, one rejected"
    );
    assert!(shown(&h, "learned: 1 accepted"));
    assert!(shown(&h, "learned: 1 rejected"));
    assert!(shown(&h, "learned: your precision 0.50"));
    let r = &h.state().session.project.verdicts.rejected;
    assert_eq!(r.len(), 1);
    assert_eq!(
        r[0].engine.map(|e| e.as_str()),
        Some("learned"),
        "the rejection keeps its engine"
    );

    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    wait(&mut h);
    assert!(shown(&h, "learned: 0 rejected"), "undone");
    assert!(shown(&h, "learned: your precision 1.00"));
}
