//! Files through the window: save and reopen via the scripted dialog, a typed path where no
//! dialog can be shown, adding files, the unsaved-changes prompt, recovery of unsaved work.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::{DialogKind, ScriptedDialogs};
use gloss::io::project_file;

use crate::support::*;

#[test]
fn save_as_and_reopen_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("saved.ron");
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![target.clone()]);
    let (_d, path) = project_file();
    let mut h = harness_for(Some(&path), dialogs.clone());
    drag(&mut h, 20, 25);
    key(&mut h, Key::Num2);
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert_eq!(
        dialogs.requested.lock().unwrap().as_slice(),
        &[DialogKind::SaveProject]
    );
    assert!(!h.state().session.is_dirty());
    let saved = project_file::load(&target).expect("saved file loads");
    assert_eq!(saved, h.state().session.project);

    // Reopen in a fresh window once the first is closed (while it is open, it holds the
    // project's lock): the same project, clean.
    drop(h);
    let h2 = harness_for(Some(&target), ScriptedDialogs::new());
    assert_eq!(h2.state().session.project, saved);
    assert!(!h2.state().session.is_dirty());
    assert!(h2.query_by_label("ORG: met Bo").is_some());
}

#[test]
fn ctrl_s_saves_in_place() {
    let (_dir, path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::Num4);
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().session.is_dirty());
    let on_disk = project_file::load(&path).unwrap();
    assert_eq!(on_disk.documents[0].spans[0].label, "LOC");
}

#[test]
fn without_a_dialog_a_typed_path_is_asked_for() {
    let (_dir, path, mut h) = open();
    // No scripted answer: the app asks for a typed path instead.
    key_mod(&mut h, Modifiers::COMMAND, Key::I);
    let text = path.with_file_name("news.txt");
    std::fs::write(&text, "Typed-path import from Accra.").unwrap();
    h.get_by_label("Path")
        .type_text(&text.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.documents.len(), 3);
    assert_eq!(p.documents[2].name, "news");
}

#[test]
fn adding_files_reports_the_ones_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&good, "A good text from Dakar.").unwrap();
    std::fs::write(&bad, b"caf\xe9 is Latin-1, not UTF-8").unwrap();
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![good, bad]);
    let (_d, path) = project_file();
    let mut h = harness_for(Some(&path), dialogs);
    h.get_by_label("Add files…").click();
    h.run();
    assert_eq!(h.state().session.project.documents.len(), 3);
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(
        status.contains("added 1") && status.contains("bad.txt"),
        "{status}"
    );
}

#[test]
fn unsaved_changes_prompt_cancel_and_discard() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::Delete);
    assert!(h.state().session.is_dirty());
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().session.is_dirty(), "cancel keeps the project");
    assert_eq!(h.state().session.project.documents.len(), 2);
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Discard").click();
    h.run();
    assert!(
        h.state().session.project.documents.is_empty(),
        "a new empty project"
    );
    assert!(!h.state().session.is_dirty());
}

#[test]
fn unsaved_changes_prompt_save_then_go_on() {
    let (_dir, path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::Delete);
    key_mod(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Save").click();
    h.run();
    assert!(
        project_file::load(&path).unwrap().documents[0]
            .spans
            .is_empty(),
        "saved first"
    );
    assert!(
        h.state().session.project.documents.is_empty(),
        "then a new project"
    );
}

#[test]
fn closing_the_window_with_unsaved_changes_asks() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::Delete);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().session.is_dirty());
    assert!(h.state().prompt.is_none());
}

#[test]
fn unsaved_work_in_an_untitled_project_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("untitled.journal");
    let mut h = recovering(recovery.clone());
    h.run();
    paste_document(&mut h, "Unsaved words from Lagos.");
    drag(&mut h, 21, 24);
    key(&mut h, Key::Num3);
    // The process "dies": the harness is dropped without saving or exiting (nothing runs at
    // exit; the lock goes, as the kernel frees a killed process's lock).
    drop(h);

    let mut h = recovering(recovery);
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.documents.len(), 1);
    assert_eq!(p.documents[0].spans.len(), 1);
    // The user is told, in a prompt they must acknowledge.
    h.get_by_label("While opening the project");
    assert!(
        h.query_by_label_contains("Recovered 2 unsaved edits")
            .is_some()
    );
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().prompt.is_none());
    assert!(h.state().session.is_dirty());
}

#[test]
fn a_broken_project_file_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let text = project_file::to_ron(&project());
    let cut = &text[..text.len() / 2];
    std::fs::write(&path, cut).unwrap();
    let mut h = harness_for(Some(&path), ScriptedDialogs::new());
    h.get_by_label("Could not open the project");
    // The message names the file and its line, and says what is wrong.
    assert!(
        h.query_all_by_label_contains("not a valid Gloss project file")
            .count()
            >= 1
            && h.query_all_by_label_contains("broken.ron:").count() >= 1
    );
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        cut,
        "nothing overwritten"
    );
    assert!(
        h.state().session.path().is_none(),
        "the app runs on, with nothing opened"
    );
}

#[test]
fn a_project_from_a_newer_gloss_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.ron");
    let text = project_file::to_ron(&project()).replacen("schema: 1", "schema: 2", 1);
    std::fs::write(&path, &text).unwrap();
    let h = harness_for(Some(&path), ScriptedDialogs::new());
    h.get_by_label("Could not open the project");
    assert!(
        h.query_all_by_label_contains("written by a newer Gloss")
            .count()
            >= 1
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_big_import_runs_in_the_background_with_progress_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("many");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..3000 {
        std::fs::write(
            folder.join(format!("{i:04}.txt")),
            format!("Report {i} from the harbour office in Valdora."),
        )
        .unwrap();
    }
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![folder.clone()]);
    dialogs.answer(vec![folder]);
    let (_d, path) = project_file();
    let mut h = harness_for(Some(&path), dialogs);

    // First run: cancel it as soon as the progress bar is up.
    h.get_by_label("Add folder…").click();
    start_job(&mut h);
    h.state_mut().cancel_running_job();
    wait_for_job(&mut h);
    assert_eq!(
        h.state().session.project.documents.len(),
        2,
        "cancelled: nothing added"
    );

    // Second run: let it finish while the window keeps drawing frames.
    h.get_by_label("Add folder…").click();
    start_job(&mut h);
    assert!(
        h.query_by_label_contains("importing 3000 files").is_some(),
        "progress shown"
    );
    let mut frames = 0;
    while h.state().job_running() {
        h.step();
        frames += 1;
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    h.run();
    assert!(frames > 0);
    assert_eq!(h.state().session.project.documents.len(), 3002);
    assert!(
        h.state()
            .status()
            .unwrap_or_default()
            .contains("added 3000")
    );
    // One undo step for the whole import.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.documents.len(), 2);
}

fn start_job(h: &mut egui_kittest::Harness<'_, gloss::ui::Workbench>) {
    for _ in 0..20 {
        h.step();
        if h.state().job_running() {
            return;
        }
    }
    panic!("the import did not start in the background");
}

#[test]
fn export_and_import_through_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![out.clone()]);
    dialogs.answer(vec![out.clone()]);
    let (_d, path) = project_file();
    let mut h = harness_for(Some(&path), dialogs.clone());

    // Ctrl+E: choose doccano, leave GPE out, export.
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("Format").click();
    h.run();
    h.get_by_label("doccano JSONL (spans and relations)")
        .click();
    h.run();
    h.get_by_role_and_label(egui::Role::CheckBox, "GPE").click();
    h.run();
    // Choose… asks the (scripted) file dialog where; Export writes there.
    h.get_by_label("Choose…").click();
    h.run();
    h.get_by_label("Export").click();
    h.run_steps(3);
    wait_for_job(&mut h);
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(
        status.contains("exported 2 documents as doccano"),
        "{status}"
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text.contains("\"PERSON\"") && !text.contains("\"GPE\""));

    // File › Import › doccano: the same texts are recognised as already there and left out.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label("doccano JSONL").click();
    h.run();
    wait_for_job(&mut h);
    assert_eq!(
        dialogs.requested.lock().unwrap().last(),
        Some(&gloss::app::dialogs::DialogKind::Import(
            gloss::app::formats::ImportFormat::Doccano
        ))
    );
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(
        status.starts_with("added 0 documents"),
        "already in the project: {status}"
    );
}

#[test]
fn importing_a_malformed_file_says_why_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"fine\", \"label\": []}\n{oops\n").unwrap();
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![bad]);
    let (_d, path) = project_file();
    let mut h = harness_for(Some(&path), dialogs);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label("doccano JSONL").click();
    h.run();
    wait_for_job(&mut h);
    h.get_by_label("Nothing imported");
    assert!(h.query_all_by_label_contains("bad.jsonl:2").count() >= 1);
    assert_eq!(h.state().session.project.documents.len(), 2);
    assert!(!h.state().session.is_dirty());
}
