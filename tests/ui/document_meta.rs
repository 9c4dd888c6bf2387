//! The Document tab: an imported web page's metadata shown, edited as one undoable step,
//! added and removed; and the documents filter finding a document by a metadata value.

use egui::{Key, Modifiers, Role};
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::ScriptedDialogs;

use crate::support::*;

const PAGE: &str = r#"<html><head><title>Floods close the Rhine - Example News</title>
<meta property="og:site_name" content="Example News"><meta name="author" content="Ana Lopez">
</head><body><nav><a href="/">Home</a> Subscribe now</nav>
<article><h1>Floods close the Rhine</h1>
<p>Shipping on the Rhine stopped on Tuesday after heavy rain, officials in Cologne said.</p>
</article><footer>Cookie settings.</footer></body></html>"#;

fn meta(h: &egui_kittest::Harness<'_, gloss::ui::Workbench>, key: &str) -> Option<String> {
    let app = h.state();
    let doc = app
        .editing
        .doc
        .and_then(|d| app.session.project.document(d))?;
    doc.meta.get(key).cloned()
}

/// The app with the page imported through "Add files…" and the Document tab open.
fn imported() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, gloss::ui::Workbench>,
) {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("rhine.html");
    std::fs::write(&page, PAGE).unwrap();
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![page]);
    let (_d, path) = project_file();
    let path = {
        let p = dir.path().join("test.ron");
        std::fs::copy(&path, &p).unwrap();
        p
    };
    let mut h = harness_for(Some(&path), dialogs);
    h.get_by_label("Add files…").click();
    h.run();
    assert_eq!(h.state().session.project.documents.len(), 3);
    // The menu bar has a Document menu too; the tab is the inspector's button.
    let tab = h
        .query_all_by_label("Document")
        .last()
        .expect("the Document tab");
    tab.click();
    h.run();
    assert_eq!(h.state().right_tab, gloss::ui::RightTab::Document);
    (dir, h)
}

#[test]
fn the_tab_shows_an_imported_pages_metadata_and_undo_reverts_an_edit() {
    let (_dir, mut h) = imported();
    // The document's name heads the tab (and the text view).
    assert!(h.query_all_by_label("rhine").count() >= 2);
    let byline = h.get_by_role_and_label(Role::TextInput, "byline");
    assert_eq!(byline.value().as_deref(), Some("Ana Lopez"));
    let site = h.get_by_role_and_label(Role::TextInput, "site");
    assert_eq!(site.value().as_deref(), Some("Example News"));

    let field = h.get_by_role_and_label(Role::TextInput, "byline");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "byline")
        .type_text("Jan Vogel");
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(meta(&h, "byline").as_deref(), Some("Jan Vogel"));
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "byline")
            .value()
            .as_deref(),
        Some("Jan Vogel")
    );

    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(meta(&h, "byline").as_deref(), Some("Ana Lopez"));
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "byline")
            .value()
            .as_deref(),
        Some("Ana Lopez"),
        "the field shows the value undo brought back"
    );
}

#[test]
fn keys_are_added_and_removed_as_undoable_steps() {
    let (_dir, mut h) = imported();
    h.get_by_label("New key").focus();
    h.run();
    h.get_by_label("New key").type_text("outlet");
    h.run();
    h.get_by_label("Value").focus();
    h.run();
    h.get_by_label("Value").type_text("Daily Planet");
    h.run();
    h.get_by_label("Add key").click();
    h.run();
    assert_eq!(meta(&h, "outlet").as_deref(), Some("Daily Planet"));

    h.get_by_label("Remove outlet").click();
    h.run();
    assert_eq!(meta(&h, "outlet"), None);
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(meta(&h, "outlet").as_deref(), Some("Daily Planet"));
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(meta(&h, "outlet"), None);
}

#[test]
fn the_documents_filter_matches_metadata_values() {
    let (_dir, mut h) = imported();
    h.get_by_label("Filter").focus();
    h.run();
    h.get_by_label("Filter").type_text("example news");
    h.run();
    assert!(h.query_by_label("○ rhine").is_some());
    assert!(h.query_by_label("○ second").is_none());
}
