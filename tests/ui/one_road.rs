//! One road: the window and the command line give the same project for the same import and
//! the same "accept every suggestion" — the same documents, spans, entities and statuses (the
//! first annotation marks a todo document in progress on either road).

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::ScriptedDialogs;
use gloss::io::project_file;
use gloss::model::{Project, Status};

use crate::support::{harness_for, key_mod, save_in, wait_for_suggestions};

const MAYOR: &str = "Mayor Lena Ortiz opened the new tram line in Porto Vale on Saturday, \
two years later than planned. \"We waited long enough,\" Lena Ortiz told reporters in Porto \
Vale.\n\nThe Transit Authority of Porto Vale said the line would carry 40,000 people a day.\n";

fn cli(dir: &std::path::Path, args: &[&str]) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run gloss");
    assert!(out.status.success(), "gloss {args:?}: {out:?}");
}

#[test]
fn the_window_and_the_cli_give_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("mayor.txt");
    std::fs::write(&text, MAYOR).unwrap();
    let empty = Project::new("news");
    save_in(dir.path(), "cli.ron", &empty);
    let window_file = save_in(dir.path(), "window.ron", &empty);

    // The command line: import, then accept every suggestion.
    cli(dir.path(), &["import", "cli.ron", "mayor.txt"]);
    cli(dir.path(), &["suggest", "cli.ron", "--accept-all"]);
    let by_cli = project_file::load(&dir.path().join("cli.ron")).unwrap();

    // The window: Add files…, the threshold down to 0 (Alt+↓), accept everything above it
    // (Ctrl+Enter), save.
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![text.clone()]);
    let mut h = harness_for(Some(&window_file), dialogs);
    h.get_by_label("Add files…").click();
    h.run();
    wait_for_suggestions(&mut h);
    for _ in 0..20 {
        key_mod(&mut h, Modifiers::ALT, Key::ArrowDown);
    }
    assert_eq!(h.state().review.threshold, 0.0);
    key_mod(&mut h, Modifiers::COMMAND, Key::Enter);
    wait_for_suggestions(&mut h);
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    let by_window = project_file::load(&window_file).unwrap();

    assert_eq!(by_cli.documents.len(), 1);
    let (c, w) = (&by_cli.documents[0], &by_window.documents[0]);
    assert!(!c.spans.is_empty(), "the CLI accepted nothing");
    assert_eq!(c.status, Status::InProgress);
    assert_eq!((&w.name, &*w.text), (&c.name, &*c.text));
    assert_eq!(w.spans, c.spans);
    assert_eq!(w.quotes, c.quotes);
    assert_eq!(w.status, c.status);
    assert_eq!(by_window.entities, by_cli.entities);
    assert_eq!(by_window.labels, by_cli.labels);
}
