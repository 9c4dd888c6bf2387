//! The export dialog: its format list opens in front of it (also when a click's press and
//! release land in one frame), format and options are remembered for the project, typing in
//! the prefilled path replaces it, and a write error shows in the dialog, which stays open.

use egui::accesskit::Toggled;
use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gloss::app::dialogs::ScriptedDialogs;
use gloss::ui::Workbench;

use crate::support::*;

const DOCCANO: &str = "doccano JSONL (spans and relations)";

fn wait_for_export(h: &mut Harness<'_, Workbench>) {
    for _ in 0..2000 {
        if !h.state().job_running() {
            h.run_steps(3);
            return;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("the export did not finish");
}

/// A real mouse click at `pos` whose press and release arrive in the same frame, as they do
/// when the window draws slowly.
fn quick_click(h: &mut Harness<'_, Workbench>, pos: Pos2) {
    h.hover_at(pos);
    h.step();
    for pressed in [true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.step();
    h.run_steps(3);
}

/// Type `path` into the dialog's "Write to" field (replacing what it holds).
fn write_to(h: &mut Harness<'_, Workbench>, path: &std::path::Path) {
    h.get_by_label("Write to").click();
    h.run();
    h.get_by_label("Write to")
        .type_text(&path.display().to_string());
    h.run();
}

fn export_open(h: &Harness<'_, Workbench>) -> bool {
    h.query_by_label("Export annotations").is_some()
}

#[test]
fn the_format_list_opens_in_front_of_the_dialog() {
    let (_dir, _path, mut h) = open();
    // Open and close the dialog and its list once, so both have a place in egui's layer
    // order, then open the dialog again: the case where the list used to open behind it.
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    let combo = h.get_by_label("Format").rect().center();
    quick_click(&mut h, combo);
    key(&mut h, Key::Escape);
    key(&mut h, Key::Escape);
    assert!(!export_open(&h));
    for _ in 0..3 {
        key_mod(&mut h, Modifiers::COMMAND, Key::E);
        assert!(export_open(&h));
        let combo = h.get_by_label("Format").rect().center();
        quick_click(&mut h, combo);
        let item = h.get_by_label(DOCCANO).rect().center();
        quick_click(&mut h, item);
        assert!(export_open(&h), "a click on the list stays in the dialog");
        assert_eq!(
            h.query_by_label("Format")
                .and_then(|n| n.value())
                .as_deref(),
            Some(DOCCANO),
            "and chooses the format"
        );
        key(&mut h, Key::Escape);
        assert!(!export_open(&h));
    }
}

#[test]
fn format_and_options_are_remembered_for_the_project() {
    let (_dir, path, mut h) = open();
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("Format").click();
    h.run();
    h.get_by_label(DOCCANO).click();
    h.run();
    h.get_by_label("Only documents marked done").click();
    h.run();
    h.get_by_role_and_label(egui::Role::CheckBox, "GPE").click();
    h.run();
    key(&mut h, Key::Escape);
    assert!(!export_open(&h));

    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    assert_eq!(
        h.get_by_label("Format").value().as_deref(),
        Some(DOCCANO),
        "the format is remembered"
    );
    let done = h.get_by_label("Only documents marked done");
    assert_eq!(done.accesskit_node().toggled(), Some(Toggled::True));
    let gpe = h.get_by_role_and_label(egui::Role::CheckBox, "GPE");
    assert_eq!(gpe.accesskit_node().toggled(), Some(Toggled::False));
    // Kept in the preferences under the project's path, so they outlive the window.
    let key = gloss::app::prefs::project_key(Some(&path));
    let kept = h
        .state()
        .prefs
        .export
        .get(&key)
        .expect("kept for this project");
    assert_eq!(kept.format, "doccano");
    assert_eq!(kept.left_out, vec!["GPE".to_string()]);
}

#[test]
fn typing_replaces_the_prefilled_path_and_enter_exports() {
    let (dir, _path, mut h) = open();
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    let prefilled = h.get_by_label("Write to").value().unwrap_or_default();
    assert!(prefilled.ends_with("test.jsonl"), "{prefilled}");
    let out = dir.path().join("typed.jsonl");
    // The path box has the keyboard, its text selected: typing replaces it.
    h.get_by_label("Write to")
        .type_text(&out.display().to_string());
    h.run();
    assert_eq!(
        h.get_by_label("Write to").value().as_deref(),
        Some(out.display().to_string().as_str())
    );
    // A click into the box selects it all again.
    h.get_by_label("Choose…").focus();
    h.run();
    write_to(&mut h, &out);
    assert_eq!(
        h.get_by_label("Write to").value().as_deref(),
        Some(out.display().to_string().as_str())
    );
    key(&mut h, Key::Enter);
    wait_for_export(&mut h);
    assert!(!export_open(&h), "done: the dialog closes");
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 2);
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(status.contains("exported 2 documents"), "{status}");
}

#[test]
fn a_write_error_shows_in_the_dialog_which_stays_open() {
    let (dir, _path, mut h) = open();
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    let bad = dir.path().join("no such folder").join("out.jsonl");
    h.get_by_label("Write to")
        .type_text(&bad.display().to_string());
    h.run();
    h.get_by_label("Export").click();
    h.run_steps(3);
    wait_for_export(&mut h);
    assert!(export_open(&h), "the dialog stays open");
    assert!(
        h.query_all_by_label_contains("no such folder").count() >= 1,
        "the error is shown in it"
    );
    // Fix the path and export again.
    let good = dir.path().join("out.jsonl");
    write_to(&mut h, &good);
    key(&mut h, Key::Enter);
    wait_for_export(&mut h);
    assert!(!export_open(&h));
    assert!(good.exists());
}

#[test]
fn choose_fills_the_path_from_the_file_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chosen.jsonl");
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![out.clone()]);
    let (_d, path) = project_file();
    let mut h = harness_for(Some(&path), dialogs);
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("Choose…").click();
    h.run();
    assert_eq!(
        h.get_by_label("Write to").value().as_deref(),
        Some(out.display().to_string().as_str())
    );
    h.get_by_label("Export").click();
    h.run_steps(3);
    wait_for_export(&mut h);
    assert!(out.exists());
}

#[test]
fn format_options_show_for_their_format_and_are_remembered() {
    const QUOTES: &str = "Quotes (as QUOTE and CUE spans with relations)";
    const CONFIG: &str = "Also write the labelling config (NAME.config.xml)";
    let (dir, path, mut h) = open();
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    assert!(
        h.query_by_label(QUOTES).is_none(),
        "JSONL has no quote option"
    );
    h.get_by_label("Format").click();
    h.run();
    h.get_by_label("Prodigy JSONL").click();
    h.run();
    let quotes = h.get_by_label(QUOTES);
    assert_eq!(quotes.accesskit_node().toggled(), Some(Toggled::False));
    quotes.click();
    h.run();
    key(&mut h, Key::Escape);
    key_mod(&mut h, Modifiers::COMMAND, Key::E);
    let quotes = h.get_by_label(QUOTES);
    assert_eq!(quotes.accesskit_node().toggled(), Some(Toggled::True));
    let key_ = gloss::app::prefs::project_key(Some(&path));
    assert_eq!(
        h.state().prefs.export.get(&key_).and_then(|k| k.quotes),
        Some(true)
    );
    // Label Studio: a .json file, and the labelling config beside it.
    h.get_by_label("Format").click();
    h.run();
    h.get_by_label("Label Studio JSON").click();
    h.run();
    let written = h.get_by_label("Write to").value().unwrap_or_default();
    assert!(written.ends_with(".json"), "{written}");
    h.get_by_label(CONFIG).click();
    h.run();
    let out = dir.path().join("ls.json");
    write_to(&mut h, &out);
    key(&mut h, Key::Enter);
    wait_for_export(&mut h);
    assert!(!export_open(&h));
    let xml = std::fs::read_to_string(dir.path().join("ls.config.xml")).unwrap();
    assert!(
        xml.contains("<Labels name=\"label\" toName=\"text\">"),
        "{xml}"
    );
}
