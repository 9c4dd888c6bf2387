//! The documents panel: switching, status, rename, remove with confirmation, paste.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::model::{DocId, Status};

use crate::support::*;

#[test]
fn switch_documents_by_key_and_by_click() {
    let (_dir, _path, mut h) = open();
    assert_eq!(h.state().editing.doc, Some(DocId(1)));
    key_mod(&mut h, Modifiers::SHIFT, Key::PageDown);
    assert_eq!(h.state().editing.doc, Some(DocId(2)));
    // The second document's text is on screen as an accessible paragraph.
    h.get_by_label("Its chair, Marta Solís, spoke first.");
    key(&mut h, Key::Comma);
    assert_eq!(h.state().editing.doc, Some(DocId(1)));
    h.get_by_label("○ second").click();
    h.run();
    assert_eq!(h.state().editing.doc, Some(DocId(2)));
}

#[test]
fn status_buttons_set_the_documents_status() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("done").click();
    h.run();
    assert_eq!(h.state().session.project.documents[0].status, Status::Done);
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().session.project.documents[0].status, Status::Todo);
}

#[test]
fn remove_asks_first_and_undo_brings_it_back() {
    let (_dir, _path, mut h) = open();
    document_menu(&mut h, "○ second", "Remove…");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().session.project.documents.len(), 2);
    document_menu(&mut h, "○ second", "Remove…");
    h.get_by_label("Remove").click();
    h.run();
    assert_eq!(h.state().session.project.documents.len(), 1);
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().session.project.documents.len(), 2);
}

#[test]
fn rename_from_the_context_menu() {
    let (_dir, _path, mut h) = open();
    document_menu(&mut h, "○ second", "Rename");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Rename document").type_text("council");
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(h.state().session.project.documents[1].name, "council");
}

#[test]
fn paste_text_as_a_new_document() {
    let (_dir, _path, mut h) = open();
    paste_document(&mut h, "Pasted news from Oslo.");
    let p = &h.state().session.project;
    assert_eq!(p.documents.len(), 3);
    assert_eq!(&*p.documents[2].text, "Pasted news from Oslo.");
    assert_eq!(
        h.state().editing.doc,
        Some(p.documents[2].id),
        "the new document opens"
    );
}

#[test]
fn a_long_document_list_draws_only_what_is_on_screen_and_follows_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.ron");
    let mut p = gloss::model::Project::new("many");
    for i in 1..=2000u64 {
        p.insert_document(gloss::model::Document::new(
            DocId(i),
            format!("article-{i:04}"),
            format!("Article {i} reports from Lusaka."),
        ));
    }
    gloss::io::project_file::save(&path, &p).unwrap();
    let mut h = harness_for(Some(&path), gloss::app::dialogs::ScriptedDialogs::new());
    assert!(h.query_by_label("○ article-0001").is_some());
    assert!(
        h.query_by_label("○ article-1500").is_none(),
        "rows far below are not drawn"
    );
    for _ in 0..60 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::PageDown);
    }
    h.run();
    assert_eq!(h.state().editing.doc, Some(DocId(61)));
    h.run();
    assert!(
        h.query_by_label("○ article-0061").is_some(),
        "the current row scrolled into view"
    );
}
