//! File › Import › Import as suggestions: a model's predictions (here Label Studio
//! `predictions`) come in as stored suggestions on the document of the same text, listed with
//! their engine, reviewed by keyboard like any suggestion, the import one undo step; a file
//! that cannot be read imports nothing and says why.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::{DialogKind, ScriptedDialogs};
use gloss::app::formats::ImportFormat;
use gloss::model::{DocId, Document, Origin, Project};
use gloss::ui::Workbench;

use crate::support::*;

const TEXT: &str = "Zorblat Quint met Vexa Trell in Qarnath.";

/// Two predicted people, the first with its own score, the second with the prediction's.
const LS: &str = r#"[{"id": 1, "data": {"text": "Zorblat Quint met Vexa Trell in Qarnath."},
  "predictions": [{"model_version": "my-ner-v1", "score": 0.7, "result": [
    {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
     "value": {"start": 0, "end": 13, "text": "Zorblat Quint", "labels": ["PER"]}, "score": 0.9},
    {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
     "value": {"start": 18, "end": 28, "text": "Vexa Trell", "labels": ["PER"]}}]}]}]"#;

/// A project whose own engines are off, so what is suggested is what was imported; the
/// predicted text is its second document, not the one open at first. The file dialog answers
/// `answer`.
fn app(
    answer: &std::path::Path,
) -> (
    tempfile::TempDir,
    Harness<'static, Workbench>,
    ScriptedDialogs,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Project::new("preds");
    p.matcher.gazetteer = false;
    p.matcher.learned = false;
    p.matcher.rules = false;
    p.matcher.quotes = false;
    p.matcher.model = false;
    p.insert_document(Document::new(DocId(1), "notes", "Nothing to see here."));
    p.insert_document(Document::new(DocId(2), "story", TEXT));
    let path = dir.path().join("preds.ron");
    gloss::io::project_file::save(&path, &p).unwrap();
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![answer.to_path_buf()]);
    let h = harness_for(Some(&path), dialogs.clone());
    (dir, h, dialogs)
}

/// File › Import › Label Studio predictions…, and the import's job done.
fn import_predictions(h: &mut Harness<'_, Workbench>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label("Import as suggestions");
    h.get_by_label("Label Studio predictions…").click();
    h.run();
    for _ in 0..4000 {
        if !h.state().job_running() {
            break;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(!h.state().job_running(), "the import did not finish");
    wait_for_suggestions(h);
}

fn story<'a>(h: &'a Harness<'_, Workbench>) -> &'a Document {
    h.state().session.project.document(DocId(2)).unwrap()
}

#[test]
fn predictions_come_in_as_suggestions_to_accept_and_the_import_undoes_in_one_step() {
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("preds.json");
    std::fs::write(&file, LS).unwrap();
    let (_dir, mut h, dialogs) = app(&file);
    assert_eq!(h.state().editing.doc, Some(DocId(1)));

    import_predictions(&mut h);
    assert_eq!(
        dialogs.requested.lock().unwrap().as_slice(),
        &[DialogKind::ImportSuggestions(ImportFormat::LabelStudio)]
    );
    let status = h.state().status().unwrap_or_default().to_string();
    assert_eq!(status, "2 suggestions from my-ner-v1 in 1 document");
    // Stored on the document of the same text, which opens; no document was added.
    assert_eq!(h.state().session.project.documents.len(), 2);
    assert_eq!(story(&h).predictions.len(), 2);
    assert_eq!(h.state().editing.doc, Some(DocId(2)));

    // The list shows both, each with its engine.
    h.get_by_label("Suggestions").click();
    wait_for_suggestions(&mut h);
    h.get_by_label("2 suggestions");
    h.get_by_label("0.90 PER Zorblat Quint");
    h.get_by_label("0.70 PER Vexa Trell");
    assert_eq!(h.query_all_by_label("my-ner-v1").count(), 2);
    h.get_by_label("Suggestion PER: Vexa Trell");

    // Accept the first by keyboard: a span that remembers the model. (The keys are pressed
    // and the suggestions waited for, rather than `key`'s run to settle, which a matcher
    // answer slower than twelve frames on a loaded machine failed.)
    key(&mut h, Key::N);
    h.key_press(Key::A);
    wait_for_suggestions(&mut h);
    assert_eq!(spans(&h), vec![(0, 13, "PER".to_string())]);
    assert!(matches!(
        &story(&h).spans[0].origin,
        Origin::Suggested { engine, .. } if engine == "my-ner-v1"
    ));
    assert!(h.query_by_label("0.90 PER Zorblat Quint").is_none());

    // Undo the acceptance, then the import: the predictions and the new label go at once.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut h);
    assert!(spans(&h).is_empty());
    assert_eq!(story(&h).predictions.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut h);
    assert!(story(&h).predictions.is_empty());
    assert!(!h.state().session.project.labels.contains("PER"));
    assert!(h.query_by_label("Suggestion PER: Vexa Trell").is_none());
    assert!(!h.state().session.is_dirty());
}

#[test]
fn a_file_that_cannot_be_read_imports_nothing_and_says_why() {
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("broken.json");
    std::fs::write(&file, "[{\"data\": ").unwrap();
    let (_dir, mut h, _dialogs) = app(&file);
    import_predictions(&mut h);
    h.get_by_label("Nothing imported");
    assert!(h.query_by_label_contains("broken.json").is_some());
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(status.starts_with("nothing imported: 1 error"), "{status}");
    assert!(story(&h).predictions.is_empty());
    assert!(!h.state().session.is_dirty());
}
