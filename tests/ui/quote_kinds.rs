//! A quote made by hand takes its kind from its quotation marks (direct inside marks of any
//! script, indirect without); `S` on something that is not a name, pronoun or description
//! (the speech verb, a lowercase word) sets it but warns.

use egui::Key;
use gloss::model::QuoteKind;

use crate::support::*;

const MARKED: &str = "Ruiz said: «We will rebuild the bridge.» Then she left for Lima.";

fn quote_kind(h: &egui_kittest::Harness<'_, gloss::ui::Workbench>) -> Option<QuoteKind> {
    let app = h.state();
    let d = app
        .editing
        .doc
        .and_then(|d| app.session.project.document(d))?;
    d.quotes.last().map(|q| q.kind)
}

#[test]
fn the_kind_follows_the_quotation_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.ron");
    let mut p = gloss::model::Project::new("marks");
    p.insert_document(gloss::model::Document::new(
        gloss::model::DocId(1),
        "marks",
        MARKED,
    ));
    gloss::io::project_file::save(&path, &p).unwrap();
    let mut h = harness_for(Some(&path), gloss::app::dialogs::ScriptedDialogs::new());
    // The words inside « »: direct.
    drag(&mut h, 12, 38);
    key(&mut h, Key::Q);
    assert_eq!(quote_kind(&h), Some(QuoteKind::Direct));
}

#[test]
fn no_marks_is_indirect_and_a_verb_as_speaker_is_warned_about() {
    let (_dir, _path, mut h) = open();
    // "the talks in Lima went well" has no quotation marks: reported speech.
    drag(&mut h, 59, 84);
    key(&mut h, Key::Q);
    assert_eq!(quote_kind(&h), Some(QuoteKind::Indirect));
    // S, then the verb "said": set, with a warning in the status bar.
    key(&mut h, Key::S);
    drag(&mut h, 53, 56);
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(
        status.starts_with("speaker set") && status.contains("not a name, pronoun or description"),
        "{status}"
    );
    assert!(
        h.state().session.project.documents[0].quotes[0]
            .speaker
            .is_some(),
        "a warning, not a refusal"
    );
    // A name is fine: no warning.
    key(&mut h, Key::S);
    drag(&mut h, 48, 51);
    assert_eq!(h.state().status(), Some("speaker set"));
}
