//! The Suggestions tab's precision per engine: accepting one suggestion and rejecting another
//! shows in the engine's row at once, and undoing the rejection takes it out again.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{CharRange, DocId, Document, Project, Span, SpanId};
use gloss::ui::Workbench;

use crate::support::*;

const TEXT: &str = "Ana Ruiz met Bo Li in Lima. Later Ana Ruiz and Bo Li flew to Lima.";

/// Only the learned engine: what is suggested is the other occurrences of what is annotated.
fn learned_only() -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let mut p = Project::new("precision");
    p.matcher.gazetteer = false;
    p.matcher.rules = false;
    p.matcher.model = false;
    p.matcher.quotes = false;
    let mut d = Document::new(DocId(1), "talks", TEXT);
    d.insert_span(Span::new(SpanId(1), CharRange::new(0, 8), "PERSON"));
    d.insert_span(Span::new(SpanId(2), CharRange::new(13, 18), "PERSON"));
    p.insert_document(d);
    let (dir, _, mut h) = open_saved(&p, "precision.ron");
    wait_for_suggestions(&mut h);
    (dir, h)
}

fn shown(h: &Harness<'_, Workbench>, label: &str) -> bool {
    h.query_by_label(label).is_some()
}

#[test]
fn accepting_and_rejecting_shows_in_the_engines_row() {
    let (_dir, mut h) = learned_only();
    h.get_by_label("Suggestions").click();
    wait_for_suggestions(&mut h);
    h.get_by_label("Your precision per engine (0 decided)")
        .click();
    wait_for_suggestions(&mut h);
    assert!(shown(&h, "learned: 0 accepted"));
    assert!(shown(&h, "learned: your precision —"));
    assert!(
        !shown(&h, "gazetteer: 0 accepted"),
        "an engine switched off has no row"
    );

    key(&mut h, Key::N);
    key(&mut h, Key::A);
    wait_for_suggestions(&mut h);
    key(&mut h, Key::X);
    wait_for_suggestions(&mut h);
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
    wait_for_suggestions(&mut h);
    assert!(shown(&h, "learned: 0 rejected"), "undone");
    assert!(shown(&h, "learned: your precision 1.00"));
}
