//! Hand tagging in the document view: drag + key, double-click, shift-click, relabel, delete,
//! edges, snapping, undo and redo.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::support::*;

#[test]
fn drag_then_number_key_creates_a_span() {
    let (_dir, _path, mut h) = open();
    // "et Bo L" → snapped to "met Bo Li"; drag from the middle of "met" to inside "Li".
    drag(&mut h, 20, 25);
    assert!(
        h.state().editing.selection.is_some(),
        "the drag selected text"
    );
    key(&mut h, Key::Num1);
    // "et Bo" snaps to "met Bo".
    assert!(
        spans(&h).contains(&(19, 25, "PERSON".into())),
        "{:?}",
        spans(&h)
    );
    assert!(h.state().session.is_dirty());
    assert!(
        h.state().title().starts_with('●'),
        "title shows unsaved: {}",
        h.state().title()
    );
    // The document was "todo": the first annotation marks it in progress.
    let status = h.state().session.project.documents[0].status;
    assert_eq!(status, gloss::model::Status::InProgress);
}

#[test]
fn drag_across_paragraphs_makes_one_span() {
    let (_dir, _path, mut h) = open();
    // From "Monday" in the first line to "Ruiz" in the second.
    drag(&mut h, 42, 50);
    key(&mut h, Key::Num7);
    assert!(
        spans(&h).contains(&(40, 52, "MISC".into())),
        "{:?}",
        spans(&h)
    );
}

#[test]
fn without_snapping_the_exact_characters_are_tagged() {
    let (_dir, _path, mut h) = open();
    key(&mut h, Key::W);
    assert!(!h.state().editing.word_snap);
    drag(&mut h, 20, 25);
    key(&mut h, Key::Num1);
    assert!(
        spans(&h).contains(&(20, 25, "PERSON".into())),
        "{:?}",
        spans(&h)
    );
}

#[test]
fn double_click_selects_a_word_and_shift_click_extends() {
    let (_dir, _path, mut h) = open();
    let p = at(&h, 24); // inside "Bo"
    h.hover_at(p);
    h.run();
    double_click(&mut h, p);
    assert_eq!(
        h.state().editing.selection,
        Some(gloss::model::CharRange::new(23, 25))
    );
    // Shift-click on "Li" extends the selection to it.
    let q = at(&h, 27); // inside "Li"
    h.hover_at(q);
    h.run();
    h.event_modifiers(
        egui::Event::PointerButton {
            pos: q,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::SHIFT,
        },
        Modifiers::SHIFT,
    );
    h.event_modifiers(
        egui::Event::PointerButton {
            pos: q,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::SHIFT,
        },
        Modifiers::SHIFT,
    );
    h.run();
    key(&mut h, Key::Num1);
    assert!(
        spans(&h).contains(&(23, 28, "PERSON".into())),
        "{:?}",
        spans(&h)
    );
}

fn double_click(h: &mut egui_kittest::Harness<'_, gloss::ui::Workbench>, p: egui::Pos2) {
    double_click_at(h, p);
    h.run();
}

#[test]
fn click_a_span_relabel_delete_undo_redo() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    assert!(h.state().editing.selected_span.is_some());
    key(&mut h, Key::Num2);
    assert_eq!(spans(&h), vec![(10, 18, "ORG".into())]);
    h.get_by_label("ORG: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::Delete);
    assert!(spans(&h).is_empty());
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(spans(&h), vec![(10, 18, "ORG".into())]);
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(spans(&h), vec![(10, 18, "PERSON".into())]);
    assert!(
        !h.state().session.is_dirty(),
        "undone back to the saved state"
    );
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(spans(&h), vec![(10, 18, "ORG".into())]);
    key_mod(&mut h, Modifiers::COMMAND, Key::Y);
    assert!(spans(&h).is_empty());
}

#[test]
fn shift_arrows_move_the_selected_spans_edges_by_word() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key_mod(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(
        spans(&h),
        vec![(10, 22, "PERSON".into())],
        "end grew over \"met\""
    );
    key_mod(&mut h, Modifiers::SHIFT, Key::ArrowLeft);
    key_mod(&mut h, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(
        spans(&h),
        vec![(0, 18, "PERSON".into())],
        "start grew over \"President\""
    );
    key_mod(&mut h, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(spans(&h), vec![(10, 18, "PERSON".into())]);
    // Four steps, four undos.
    for _ in 0..4 {
        key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    }
    assert!(!h.state().session.is_dirty());
}

#[test]
fn brackets_walk_spans_and_escape_clears() {
    let (_dir, _path, mut h) = open();
    key(&mut h, Key::CloseBracket);
    assert!(h.state().editing.selected_span.is_some());
    key(&mut h, Key::Escape);
    assert!(h.state().editing.selected_span.is_none());
}

#[test]
fn question_mark_shows_every_shortcut() {
    let (_dir, _path, mut h) = open();
    key(&mut h, Key::Questionmark);
    assert!(h.state().overlay_open);
    assert!(h.query_all_by_label("Find next").count() >= 1);
    assert!(h.query_all_by_label("Label PERSON").count() == 1);
    assert!(
        h.query_all_by_label("Move span start left by a word")
            .count()
            == 1
    );
    key(&mut h, Key::Escape);
    assert!(!h.state().overlay_open);
}
