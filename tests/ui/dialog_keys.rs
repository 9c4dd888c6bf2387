//! Every dialog answers to the keyboard: Enter gives the highlighted answer, Esc cancels —
//! the unsaved-changes question, confirmations, the notice after a crash, a typed path, the
//! paste dialog (Ctrl+Enter in its text), the shortcut overlay and the team windows.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::io::project_file;

use crate::support::*;

fn delete_the_span(h: &mut egui_kittest::Harness<'_, gloss::ui::Workbench>) {
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(h, Key::Delete);
    assert!(h.state().session.is_dirty());
}

#[test]
fn unsaved_changes_enter_saves_and_escape_cancels() {
    let (_dir, path, mut h) = open();
    delete_the_span(&mut h);
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Unsaved changes");
    key(&mut h, Key::Escape);
    assert!(h.state().prompt.is_none(), "Esc closes the question");
    assert!(h.state().session.is_dirty(), "and cancels");
    assert_eq!(h.state().session.project.documents.len(), 2);

    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Unsaved changes");
    key(&mut h, Key::Enter);
    assert!(h.state().prompt.is_none());
    assert!(
        project_file::load(&path).unwrap().documents[0]
            .spans
            .is_empty(),
        "Enter saved"
    );
    assert!(
        h.state().session.project.documents.is_empty(),
        "then went on to a new project"
    );
}

#[test]
fn a_confirmation_takes_enter_and_escape() {
    let (_dir, _path, mut h) = open();
    // Remove a document: right-click › Remove… asks first.
    document_menu(&mut h, "○ second", "Remove…");
    h.get_by_label("Remove document");
    key(&mut h, Key::Escape);
    assert!(h.state().prompt.is_none());
    assert_eq!(h.state().session.project.documents.len(), 2);

    document_menu(&mut h, "○ second", "Remove…");
    key(&mut h, Key::Enter);
    assert!(h.state().prompt.is_none());
    assert_eq!(
        h.state().session.project.documents.len(),
        1,
        "Enter removed it"
    );
}

#[test]
fn the_notice_after_a_crash_closes_with_enter_or_escape() {
    for close in [Key::Escape, Key::Enter] {
        let dir = tempfile::tempdir().unwrap();
        let recovery = dir.path().join("untitled.journal");
        let make = |recovery: std::path::PathBuf| {
            let mut h = recovering(recovery);
            h.run_steps(4);
            h
        };
        // Unsaved work in an untitled project, then the process "dies".
        let mut h = make(recovery.clone());
        key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
        h.get_by_label("Text (paste with Ctrl+V)")
            .type_text("Unsaved words from Lagos.");
        h.run();
        h.get_by_label("Add document").click();
        h.run();
        assert_eq!(h.state().session.project.documents.len(), 1);
        drop(h);

        let mut h = make(recovery);
        h.get_by_label("While opening the project");
        key(&mut h, close);
        assert!(h.state().prompt.is_none(), "{close:?} closes the notice");
        assert!(h.state().session.is_dirty());
        assert_eq!(h.state().session.project.documents.len(), 1);
    }
}

#[test]
fn a_typed_path_is_confirmed_with_enter() {
    let (_dir, path, mut h) = open();
    let text = path.with_file_name("typed.txt");
    std::fs::write(&text, "Typed with the keyboard in Accra.").unwrap();
    // No scripted answer: the app asks for a typed path.
    key_mod(&mut h, Modifiers::COMMAND, Key::I);
    h.get_by_label("Path")
        .type_text(&text.display().to_string());
    h.run();
    key(&mut h, Key::Enter);
    assert!(h.state().prompt.is_none());
    assert_eq!(h.state().session.project.documents.len(), 3);

    key_mod(&mut h, Modifiers::COMMAND, Key::I);
    h.get_by_label("Path");
    key(&mut h, Key::Escape);
    assert!(h.state().prompt.is_none(), "Esc cancels");
    assert_eq!(h.state().session.project.documents.len(), 3);
}

#[test]
fn paste_enter_makes_a_new_line_and_ctrl_enter_adds_the_document() {
    let (_dir, _path, mut h) = open();
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    h.get_by_label("Text (paste with Ctrl+V)")
        .type_text("First line from Lagos.");
    h.run();
    key(&mut h, Key::Enter);
    assert!(
        h.state().prompt.is_some(),
        "Enter in the text is a new line"
    );
    h.get_by_label("Text (paste with Ctrl+V)")
        .type_text("Second line.");
    h.run();
    key_mod(&mut h, Modifiers::COMMAND, Key::Enter);
    assert!(h.state().prompt.is_none());
    let p = &h.state().session.project;
    assert_eq!(p.documents.len(), 3);
    assert_eq!(
        p.documents[2].text.as_ref(),
        "First line from Lagos.\nSecond line."
    );
}

#[test]
fn the_shortcut_overlay_closes_with_escape_or_enter() {
    let (_dir, _path, mut h) = open();
    for close in [Key::Escape, Key::Enter] {
        key(&mut h, Key::F1);
        assert!(h.state().overlay_open);
        assert!(h.query_all_by_label("Keyboard shortcuts").count() >= 1);
        key(&mut h, close);
        assert!(!h.state().overlay_open, "{close:?} closes the overlay");
    }
}

#[test]
fn escape_closes_the_team_window_in_front() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("View").click_accesskit();
    h.run();
    h.get_by_label("Dashboard").click_accesskit();
    h.run_steps(4);
    h.get_by_label("File").click_accesskit();
    h.run();
    h.get_by_label("Curate annotators…").click_accesskit();
    h.run_steps(4);
    assert!(h.query_by_label("Curate annotators").is_some());
    key(&mut h, Key::Escape);
    assert!(
        h.query_by_label("Curate annotators").is_none(),
        "the window in front closes first"
    );
    assert!(h.query_by_label("Dashboard").is_some());
    key(&mut h, Key::Escape);
    assert!(h.query_by_label("Dashboard").is_none());
}

#[test]
fn e_on_a_linked_span_offers_a_new_entity_and_enter_relinks() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::E);
    let first = h.state().session.project.documents[0].spans[0].entity;
    assert!(first.is_some());
    // E again: already linked — a question, not a refusal.
    key(&mut h, Key::E);
    h.get_by_label("Already linked");
    key(&mut h, Key::Enter);
    let p = &h.state().session.project;
    let now = p.documents[0].spans[0].entity;
    assert!(now.is_some() && now != first, "relinked to a new entity");
    assert_eq!(p.entities.len(), 3);
    // One undo step puts the old link back and removes the new entity.
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    let p = &h.state().session.project;
    assert_eq!(p.documents[0].spans[0].entity, first);
    assert_eq!(p.entities.len(), 2);
}
